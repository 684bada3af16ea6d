//! `zlib`'s native part: `compress`, `decompress`, `compressobj` / `decompressobj`
//! (`zlib.Compress`, `zlib.Decompress`) and `adler32`, driving the deflate port in
//! [`deflate`] the way CPython's `Modules/zlibmodule.c` drives zlib 1.2.13 (the same
//! output-buffer growth, flush modes and error messages), so compressed bytes equal
//! CPython's. The module's Python part (`py/zlib.py`) defines `zlib.error` and the
//! constants.

pub mod deflate;
pub mod inflate;
pub mod trees;

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use deflate::{DeflateState, Z_BUF_ERROR, Z_FINISH, Z_NO_FLUSH, Z_STREAM_END, Z_STREAM_ERROR};
use inflate::{Inflate, Outcome, Z_NEED_DICT};
use std::cell::RefCell;

const MAX_WBITS: i64 = 15;
const DEF_MEM_LEVEL: i64 = 8;
const DEF_BUF_SIZE: i64 = 16384;

/// `BUFFER_BLOCK_SIZE` of CPython's `pycore_blocks_output_buffer.h`.
const BUFFER_BLOCK_SIZE: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

fn block_size(i: usize) -> usize {
    BUFFER_BLOCK_SIZE[i.min(BUFFER_BLOCK_SIZE.len() - 1)]
}

fn zlib_error(vm: &mut Vm, err: i32, msg: &str, zmsg: Option<&str>) -> Throw {
    let zmsg = zmsg.or(match err {
        Z_BUF_ERROR => Some("incomplete or truncated stream"),
        Z_STREAM_ERROR => Some("inconsistent stream state"),
        inflate::Z_DATA_ERROR => Some("invalid input data"),
        _ => None,
    });
    let text = match zmsg {
        Some(z) => format!("Error {err} {msg}: {z}"),
        None => format!("Error {err} {msg}"),
    };
    vm.module_error("zlib", "error", &text)
}

/// A bytes-like argument, with CPython's message for others.
fn data_arg(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    crate::modules::binascii::bytes_arg(vm, v)
}

/// Positional-or-keyword argument `i` named `name`.
fn arg(vm: &Vm, args: &[Value], kw: Kw, i: usize, name: &str) -> Option<Value> {
    args.get(i).copied().or_else(|| vm.kwarg(kw, name))
}

fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PResult<i64> {
    match v {
        Some(v) => vm.index_arg(v),
        None => Ok(default),
    }
}

/// Runs `deflate(flush)` over the stream's input as CPython does: the output buffer
/// starts at 32 KiB and grows by CPython's block sizes while deflate fills it.
fn run_deflate(s: &mut DeflateState, flush: i32) -> i32 {
    s.strm.output.clear();
    s.strm.avail_out = block_size(0);
    let mut blocks = 1;
    loop {
        if s.strm.avail_out == 0 {
            s.strm.avail_out = block_size(blocks);
            blocks += 1;
        }
        let err = s.deflate(flush);
        if err == Z_STREAM_ERROR || s.strm.avail_out != 0 {
            return err;
        }
    }
}

fn compress(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("compress", kw, &["level", "wbits"])?;
    vm.nargs("compress", args, 1, 3)?;
    let data = data_arg(vm, args[0])?;
    let level = int_arg(vm, arg(vm, args, kw, 1, "level"), -1)?;
    let wbits = int_arg(vm, arg(vm, args, kw, 2, "wbits"), MAX_WBITS)?;
    let Ok(mut s) = DeflateState::new(level as i32, 8, wbits as i32, DEF_MEM_LEVEL as i32, 0)
    else {
        return Err(vm.module_error("zlib", "error", "Bad compression level"));
    };
    s.strm.avail_in = data.len();
    s.strm.input = data;
    let err = run_deflate(&mut s, Z_FINISH);
    if err == Z_STREAM_ERROR {
        return Err(zlib_error(vm, err, "while compressing data", None));
    }
    let out = std::mem::take(&mut s.strm.output);
    Ok(vm.new_bytes(out))
}

/// Cumulative output sizes at which CPython's output buffer grows (a new `inflate()`
/// call), for an initial block of `first` bytes and then CPython's block sizes.
fn boundaries(first: usize, limit: usize) -> Vec<usize> {
    let mut v = vec![first];
    let mut i = 1;
    while *v.last().unwrap_or(&0) < limit {
        let next = v.last().unwrap_or(&0) + block_size(i);
        v.push(next);
        i += 1;
    }
    v
}

fn decompress(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("decompress", kw, &["wbits", "bufsize"])?;
    vm.nargs("decompress", args, 1, 3)?;
    let data = data_arg(vm, args[0])?;
    let wbits = int_arg(vm, arg(vm, args, kw, 1, "wbits"), MAX_WBITS)?;
    let bufsize = int_arg(vm, arg(vm, args, kw, 2, "bufsize"), DEF_BUF_SIZE)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let Some(mut z) = Inflate::new(wbits as i32) else {
        return Err(zlib_error(
            vm,
            Z_STREAM_ERROR,
            "while preparing to decompress data",
            None,
        ));
    };
    let limit = data.len().saturating_mul(1032).saturating_add(1 << 16);
    let b = boundaries(bufsize.max(1) as usize, limit);
    match z.inflate(&data, &b) {
        Outcome::End(_) => {
            let out = z.produced().to_vec();
            Ok(vm.new_bytes(out))
        }
        Outcome::More => Err(zlib_error(
            vm,
            Z_BUF_ERROR,
            "while decompressing data",
            None,
        )),
        Outcome::Error(code, msg) => Err(zlib_error(vm, code, "while decompressing data", msg)),
    }
}

fn adler32(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("adler32", args, 1, 2)?;
    let data = data_arg(vm, args[0])?;
    let start = crate::modules::binascii::checksum_start(vm, args.get(1).copied(), 1);
    let r = deflate::adler32(start, &data);
    Ok(vm.int(r as i64))
}

/// A `zlib.Compress` object: its stream (`None` once `flush(Z_FINISH)` ended it) and
/// the stream's last `msg`, which CPython's errors still show after the end.
#[derive(Debug)]
struct CompressObj(RefCell<(Option<DeflateState>, Option<&'static str>)>);

impl NativeObj for CompressObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A `zlib.Decompress` object.
#[derive(Debug)]
struct DecompressObj(RefCell<DecompState>);

#[derive(Clone, Debug)]
struct DecompState {
    z: Inflate,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    eof: bool,
    /// Output already returned to the caller.
    emitted: usize,
}

impl NativeObj for DecompressObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn compress_obj(vm: &Vm, v: Value) -> Option<&CompressObj> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n.as_any().downcast_ref::<CompressObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn decompress_obj(vm: &Vm, v: Value) -> Option<&DecompressObj> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n.as_any().downcast_ref::<DecompressObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn new_compress(vm: &mut Vm, s: Option<DeflateState>) -> Value {
    let ty = vm.new_native_type("Compress", "zlib");
    let msg = s.as_ref().and_then(|s| s.strm.msg);
    let obj = CompressObj(RefCell::new((s, msg)));
    Value::Obj(vm.alloc(ty, Kind::Native(Box::new(obj))))
}

fn new_decompress(vm: &mut Vm, st: DecompState) -> Value {
    let ty = vm.new_native_type("Decompress", "zlib");
    let obj = DecompressObj(RefCell::new(st));
    Value::Obj(vm.alloc(ty, Kind::Native(Box::new(obj))))
}

fn compressobj(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    vm.check_kwargs("compressobj", kw, &names)?;
    vm.nargs("compressobj", args, 0, 6)?;
    let level = int_arg(vm, arg(vm, args, kw, 0, "level"), -1)?;
    let method = int_arg(vm, arg(vm, args, kw, 1, "method"), 8)?;
    let wbits = int_arg(vm, arg(vm, args, kw, 2, "wbits"), MAX_WBITS)?;
    let mem_level = int_arg(vm, arg(vm, args, kw, 3, "memLevel"), DEF_MEM_LEVEL)?;
    let strategy = int_arg(vm, arg(vm, args, kw, 4, "strategy"), 0)?;
    let zdict = match arg(vm, args, kw, 5, "zdict") {
        Some(v) => Some(data_arg(vm, v)?),
        None => None,
    };
    let params = [level, method, wbits, mem_level, strategy].map(|p| p as i32);
    let Ok(mut s) = DeflateState::new(params[0], params[1], params[2], params[3], params[4]) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    if let Some(d) = zdict {
        if s.set_dictionary(&d).is_err() {
            return Err(vm.value_error("Invalid dictionary"));
        }
    }
    Ok(new_compress(vm, Some(s)))
}

/// Runs `f` on a `Compress` object's stream; returns its result and the stream's
/// `msg` afterwards.
fn with_compress<R>(
    vm: &mut Vm,
    this: Value,
    f: impl FnOnce(&mut Option<DeflateState>) -> R,
) -> PResult<(R, Option<&'static str>)> {
    match compress_obj(vm, this) {
        Some(c) => {
            let mut slot = c.0.borrow_mut();
            let r = f(&mut slot.0);
            if let Some(s) = &slot.0 {
                slot.1 = s.strm.msg;
            }
            Ok((r, slot.1))
        }
        None => Err(vm.type_error("descriptor requires a 'zlib.Compress' object")),
    }
}

fn comp_compress(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("compress", args, 1, 1)?;
    let data = data_arg(vm, args[1])?;
    let (r, msg) = with_compress(vm, args[0], |s| {
        let s = s.as_mut()?;
        s.strm.avail_in = data.len();
        s.strm.next_in = 0;
        s.strm.input = data;
        let err = run_deflate(s, Z_NO_FLUSH);
        (err != Z_STREAM_ERROR).then(|| std::mem::take(&mut s.strm.output))
    })?;
    match r {
        Some(out) => Ok(vm.new_bytes(out)),
        None => Err(zlib_error(
            vm,
            Z_STREAM_ERROR,
            "while compressing data",
            msg,
        )),
    }
}

fn comp_flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("flush", args, 0, 1)?;
    let mode = int_arg(vm, args.get(1).copied(), Z_FINISH as i64)? as i32;
    if mode == Z_NO_FLUSH {
        return Ok(vm.new_bytes(Vec::new()));
    }
    let (r, msg) = with_compress(vm, args[0], |slot| {
        let s = slot.as_mut().ok_or(Z_STREAM_ERROR)?;
        s.strm.avail_in = 0;
        s.strm.input.clear();
        s.strm.next_in = 0;
        let err = run_deflate(s, mode);
        let out = std::mem::take(&mut s.strm.output);
        if err == Z_STREAM_END && mode == Z_FINISH {
            *slot = None;
        } else if err != deflate::Z_OK && err != Z_BUF_ERROR {
            return Err(err);
        }
        Ok(out)
    })?;
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(e) => Err(zlib_error(vm, e, "while flushing", msg)),
    }
}

fn comp_copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("copy", args, 0, 0)?;
    let (s, _) = with_compress(vm, args[0], |s| s.clone())?;
    match s {
        Some(s) => Ok(new_compress(vm, Some(s))),
        None => Err(vm.value_error("Inconsistent stream state")),
    }
}

fn decompressobj(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("decompressobj", kw, &["wbits", "zdict"])?;
    vm.nargs("decompressobj", args, 0, 2)?;
    let wbits = int_arg(vm, arg(vm, args, kw, 0, "wbits"), MAX_WBITS)?;
    let zdict = match arg(vm, args, kw, 1, "zdict") {
        Some(v) => match vm.bytes_like(v) {
            Some(b) if vm.as_str(v).is_none() => Some(b),
            _ => {
                return Err(vm.type_error("zdict argument must support the buffer protocol"));
            }
        },
        None => None,
    };
    let Some(mut z) = Inflate::new(wbits as i32) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    if wbits < 0 {
        if let Some(d) = &zdict {
            if let Err(e) = z.set_dictionary(d) {
                return Err(zlib_error(vm, e, "while setting zdict", None));
            }
        }
    }
    let st = DecompState {
        z,
        zdict,
        unused_data: Vec::new(),
        eof: false,
        emitted: 0,
    };
    Ok(new_decompress(vm, st))
}

fn this_decomp(vm: &mut Vm, v: Value) -> PResult<DecompState> {
    match decompress_obj(vm, v) {
        Some(d) => Ok(d.0.borrow().clone()),
        None => Err(vm.type_error("descriptor requires a 'zlib.Decompress' object")),
    }
}

fn store_decomp(vm: &mut Vm, v: Value, st: DecompState) {
    if let Some(d) = decompress_obj(vm, v) {
        *d.0.borrow_mut() = st;
    }
}

/// One `inflate` pass over `data` for a `Decompress` object: the new output, or
/// zlib's error. Asks for a preset dictionary once, as CPython does.
fn feed(st: &mut DecompState, data: &[u8]) -> Result<Vec<u8>, (i32, Option<&'static str>)> {
    let b = boundaries(block_size(0), data.len().saturating_mul(1032) + (1 << 16));
    let mut outcome = st.z.inflate(data, &b);
    if let Outcome::Error(Z_NEED_DICT, _) = outcome {
        if let Some(d) = st.zdict.clone() {
            st.z.set_dictionary(&d).map_err(|e| (e, None))?;
            outcome = st.z.inflate(&[], &b);
        }
    }
    let out = st.z.produced()[st.emitted..].to_vec();
    match outcome {
        Outcome::More => {}
        Outcome::End(rest) => {
            st.unused_data
                .extend_from_slice(&data[data.len() - rest.min(data.len())..]);
            st.eof = true;
        }
        Outcome::Error(code, msg) => return Err((code, msg)),
    }
    st.emitted += out.len();
    Ok(out)
}

fn decomp_decompress(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("decompress", kw, &["max_length"])?;
    vm.margs("decompress", args, 1, 2)?;
    let data = data_arg(vm, args[1])?;
    let max_length = int_arg(
        vm,
        args.get(2).copied().or_else(|| vm.kwarg(kw, "max_length")),
        0,
    )?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let mut st = this_decomp(vm, args[0])?;
    match feed(&mut st, &data) {
        Ok(out) => {
            if max_length > 0 && out.len() > max_length as usize {
                return Err(Throw::Unsupported(
                    "zlib Decompress.decompress() output cut at max_length".into(),
                    None,
                ));
            }
            store_decomp(vm, args[0], st);
            Ok(vm.new_bytes(out))
        }
        Err((code, msg)) => {
            store_decomp(vm, args[0], st);
            Err(zlib_error(vm, code, "while decompressing data", msg))
        }
    }
}

fn decomp_flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("flush", args, 0, 1)?;
    let length = int_arg(vm, args.get(1).copied(), DEF_BUF_SIZE)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let mut st = this_decomp(vm, args[0])?;
    let out = feed(&mut st, &[]).unwrap_or_default();
    store_decomp(vm, args[0], st);
    Ok(vm.new_bytes(out))
}

fn decomp_copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("copy", args, 0, 0)?;
    let st = this_decomp(vm, args[0])?;
    Ok(new_decompress(vm, st))
}

fn unused_data(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this_decomp(vm, args[0])?;
    Ok(vm.new_bytes(st.unused_data))
}

fn unconsumed_tail(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    this_decomp(vm, args[0])?;
    Ok(vm.new_bytes(Vec::new()))
}

fn eof(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this_decomp(vm, args[0])?;
    Ok(Value::Bool(st.eof))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    let ty = vm.new_native_type("Compress", "zlib");
    vm.add_method(ty, "compress", comp_compress);
    vm.add_method(ty, "flush", comp_flush);
    vm.add_method(ty, "copy", comp_copy);
    vm.add_method(ty, "__copy__", comp_copy);
    let ty = vm.new_native_type("Decompress", "zlib");
    vm.add_method(ty, "decompress", decomp_decompress);
    vm.add_method(ty, "flush", decomp_flush);
    vm.add_method(ty, "copy", decomp_copy);
    vm.add_method(ty, "__copy__", decomp_copy);
    vm.add_getter(ty, "unused_data", unused_data);
    vm.add_getter(ty, "unconsumed_tail", unconsumed_tail);
    vm.add_getter(ty, "eof", eof);
    vm.add_fn(d, "compress", compress);
    vm.add_fn(d, "decompress", decompress);
    vm.add_fn(d, "compressobj", compressobj);
    vm.add_fn(d, "decompressobj", decompressobj);
    vm.add_fn(d, "adler32", adler32);
    Ok(())
}
