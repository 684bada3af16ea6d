//! `sys`: `getrefcount`, `getsizeof`, `intern`, recursion limit, `exc_info`, `modules`,
//! version facts of CPython 3.11.7 on Linux, and `stdout` / `stderr` objects that write
//! into the run's output buffers.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn getrefcount(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("getrefcount", args, 0, 1, 1)?.unwrap_or(Value::None);
    let n = match v {
        Value::Obj(r) => {
            let s = vm.heap.get(r);
            if s.flags & crate::heap::sflags::IMMORTAL != 0 {
                4294967295
            } else {
                s.rc as u64
            }
        }
        // Inline values stand for objects CPython shares widely (small ints, None...).
        Value::Int(i, 0) if crate::value::is_small_int(i) => 1000000000 + (i + 5) as u64,
        Value::Int(..) | Value::Float(..) => 3,
        _ => 4294967295,
    };
    Ok(vm.int(n as i64))
}

fn getsizeof(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("getsizeof", args, 1, 2)?;
    let v = args[0];
    let ty = vm.type_of(v);
    if vm.type_is_heap(ty) {
        if let Some(f) = vm.lookup_type_str(ty, "__sizeof__") {
            if !vm.is_native_slot(f, "__sizeof__") {
                let r = vm.call(f, &[v], &[]);
                vm.decref(f);
                let r = r?;
                let n = vm.int_value_of(r);
                vm.decref(r);
                let n = n.ok_or_else(|| vm.type_error("an integer is required"))?;
                if n < 0 {
                    return Err(vm.value_error("__sizeof__() should return >= 0"));
                }
                let gc = if vm.is_gc_object(v.as_obj().unwrap_or(ObjRef(0))) {
                    16
                } else {
                    0
                };
                return Ok(vm.int(n + gc));
            }
            vm.decref(f);
        }
    }
    let _ = kw;
    let n = vm.sizeof_value(v);
    Ok(vm.int(n as i64))
}

fn intern(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("intern", args, 0, 1, 1)?.unwrap_or(Value::None);
    match v {
        Value::Obj(r) if vm.heap.ty(r) == t::STR => {
            let i = vm.intern_obj(r);
            vm.incref_obj(i);
            Ok(Value::Obj(i))
        }
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!("intern() argument must be str, not {tn}")))
        }
    }
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(vm.int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm
        .arg("setrecursionlimit", args, 0, 1, 1)?
        .unwrap_or(Value::None);
    let n = vm.index_arg(v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as u32) <= vm.depth {
        return Err(vm.exc(t::RECURSION_ERROR, format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth)));
    }
    vm.recursion_limit = (n as u32).min(20000);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let h = vm.handled_exception();
    match h {
        Value::Obj(e) => {
            let ty = vm.heap.ty(e);
            vm.incref_obj(ty);
            vm.incref(h);
            Ok(vm.new_tuple(vec![Value::Obj(ty), h, Value::None]))
        }
        _ => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let h = vm.handled_exception();
    vm.incref(h);
    Ok(h)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let code = args.first().copied().unwrap_or(Value::None);
    vm.incref(code);
    let args_v = if code.is_none() {
        Vec::new()
    } else {
        vec![code]
    };
    let e = vm.new_exception(t::SYSTEM_EXIT, args_v);
    vm.incref(code);
    vm.set_exc_field(e, "code", code);
    Err(crate::Throw::Exc(e))
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(vm.int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(v) = args.first().copied().or_else(|| vm.kwarg(kw, "maxdigits")) else {
        return Err(
            vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        );
    };
    let n = vm.index_arg(v)?;
    if n != 0 && n <= 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n.max(0) as usize;
    Ok(Value::None)
}

fn getdefaultencoding(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(vm.new_str("utf-8"))
}

fn is_finalizing(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::Bool(false))
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::None)
}

fn getframe(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Err(crate::Throw::Unsupported("sys._getframe".into(), None))
}

/// A `sys.stdout`-like object: `write` appends to the output buffer.
#[derive(Debug)]
pub struct Stream {
    pub err: bool,
}

impl crate::objects::NativeObj for Stream {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("write", args, 2, 2)?;
    let err = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n
                .as_any()
                .downcast_ref::<Stream>()
                .map(|s| s.err)
                .unwrap_or(false),
            _ => false,
        },
        _ => false,
    };
    let Some(s) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    };
    let n = s.chars().count();
    if err {
        vm.stderr.push_str(&s);
    } else {
        vm.write_stdout(&s);
    }
    Ok(vm.int(n as i64))
}

fn stream_flush(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::None)
}

fn stream_isatty(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::Bool(false))
}

/// `sys.stdout` when a snippet has replaced it (e.g. `contextlib.redirect_stdout`)
/// with an object other than one of the interpreter's own streams; a borrowed value.
pub fn redirected_stdout(vm: &mut Vm) -> Option<Value> {
    let sys = vm.dict_get_str(vm.modules, "sys")?;
    let Value::Obj(m) = sys else { return None };
    let d = vm.module_dict(m);
    let out = vm.dict_get_str(d, "stdout")?;
    match out {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) if n.as_any().is::<Stream>() => None,
            _ => Some(out),
        },
        _ => Some(out),
    }
}

/// The type of `sys.stdout` / `sys.stderr` (created once per interpreter).
fn stream_type(vm: &mut Vm) -> ObjRef {
    let ty = vm.new_native_type("TextIOWrapper", "_io");
    vm.add_method(ty, "write", stream_write);
    vm.add_method(ty, "flush", stream_flush);
    vm.add_method(ty, "isatty", stream_isatty);
    let enc = vm.new_str("utf-8");
    vm.set_type_attr(ty, "encoding", enc);
    ty
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "getrefcount", getrefcount);
    vm.add_fn(d, "getsizeof", getsizeof);
    vm.add_fn(d, "intern", intern);
    vm.add_fn(d, "getrecursionlimit", getrecursionlimit);
    vm.add_fn(d, "setrecursionlimit", setrecursionlimit);
    vm.add_fn(d, "exc_info", exc_info);
    vm.add_fn(d, "exception", exception);
    vm.add_fn(d, "exit", exit);
    vm.add_fn(d, "getdefaultencoding", getdefaultencoding);
    vm.add_fn(d, "get_int_max_str_digits", get_int_max_str_digits);
    vm.add_fn(d, "set_int_max_str_digits", set_int_max_str_digits);
    vm.add_fn(d, "getfilesystemencoding", getdefaultencoding);
    vm.add_fn(d, "is_finalizing", is_finalizing);
    vm.add_fn(d, "settrace", noop);
    vm.add_fn(d, "setprofile", noop);
    vm.add_fn(d, "_getframe", getframe);
    let modules = vm.modules;
    vm.dict_set_str(d, "modules", Value::Obj(modules));
    let file = vm.file_name.to_string();
    let a = vm.new_str(&file);
    let argv = vm.new_list(vec![a]);
    vm.dict_set_str(d, "argv", argv);
    vm.decref(argv);
    let path = vm.new_list(Vec::new());
    vm.dict_set_str(d, "path", path);
    vm.decref(path);
    for (k, v) in [
        (
            "version",
            "3.11.7 (main, Dec  8 2023, 14:22:46) [GCC 12.2.0]",
        ),
        ("platform", "linux"),
        ("byteorder", "little"),
        ("executable", "/usr/local/bin/python3"),
        ("prefix", "/usr/local"),
        (
            "copyright",
            "Copyright (c) 2001-2023 Python Software Foundation.",
        ),
    ] {
        let s = vm.new_str(v);
        vm.dict_set_str(d, k, s);
        vm.decref(s);
    }
    let maxsize = vm.int(i64::MAX);
    vm.dict_set_str(d, "maxsize", maxsize);
    let maxu = vm.int(0x10ffff);
    vm.dict_set_str(d, "maxunicode", maxu);
    let hv = vm.int(0x30b07f0);
    vm.dict_set_str(d, "hexversion", hv);
    let st = stream_type(vm);
    for (name, err) in [
        ("stdout", false),
        ("stderr", true),
        ("__stdout__", false),
        ("__stderr__", true),
    ] {
        let o = vm.alloc(st, Kind::Native(Box::new(Stream { err })));
        vm.dict_set_str(d, name, Value::Obj(o));
        vm.decref_obj(o);
    }
    Ok(())
}
