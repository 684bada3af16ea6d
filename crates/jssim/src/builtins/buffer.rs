//! Node's Buffer: a Uint8Array subclass over shared ArrayBuffer memory, with the
//! encodings (utf8, hex, base64, base64url, latin1/binary, ascii, utf16le), the
//! static constructors and helpers (`from`, `alloc`, `concat`, `byteLength`,
//! `compare`...), the number readers and writers (`readUInt16BE`, `writeInt32LE`,
//! `readBigInt64LE`, `readUIntBE(offset, byteLength)`...) with Node's
//! ERR_OUT_OF_RANGE checks, searching, copying, and the `<Buffer 68 69>` inspection.

use super::typed::{bytes, new_typed, view};
use super::{int_arg, make_ctor, rel_index};
use crate::env_node::node_error;
use crate::heap::{Kind, NativeCall, NativeFnPtr, TaKind, TypedArrayData};
use crate::interp::{Res, Vm};
use crate::value::{to_uint32, ObjRef, PropKey, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// The bytes a Buffer (or any typed array) views.
pub fn buffer_bytes(vm: &Vm, o: ObjRef) -> Vec<u8> {
    match view(vm, o) {
        Some(t) => bytes(vm, t.buffer)
            .get(t.offset..t.offset + t.length * t.kind.size())
            .map(|b| b.to_vec())
            .unwrap_or_default(),
        None => Vec::new(),
    }
}

/// Runs `f` over the bytes `o` views, writably.
fn with_bytes_mut<R>(vm: &mut Vm, o: ObjRef, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    let t = view(vm, o)?;
    match vm.heap.get_mut(t.buffer).map(|x| &mut x.kind) {
        Some(Kind::ArrayBuffer(b)) => {
            let end = (t.offset + t.length * t.kind.size()).min(b.len());
            Some(f(&mut b[t.offset.min(end)..end]))
        }
        _ => None,
    }
}

/// The bytes of a Uint8Array (or Buffer) value decoded as UTF-8; `None` otherwise.
pub fn buffer_utf8(vm: &Vm, v: &Value) -> Option<String> {
    let o = v.as_obj()?;
    let t = view(vm, o)?;
    if t.kind != TaKind::Uint8 {
        return None;
    }
    Some(String::from_utf8_lossy(&buffer_bytes(vm, o)).into_owned())
}

/// A new Buffer holding a copy of `data`.
pub fn make_buffer(vm: &mut Vm, data: &[u8]) -> Res<Value> {
    let p = vm.realm.node_buffer_proto;
    let o = new_typed(vm, TaKind::Uint8, data.len(), p)?;
    with_bytes_mut(vm, o, |b| b.copy_from_slice(data));
    Ok(Value::Obj(o))
}

/// A Buffer viewing `len` bytes of `buffer` from `offset` (shared memory).
fn buffer_view(vm: &mut Vm, buffer: ObjRef, offset: usize, len: usize) -> Value {
    let p = vm.realm.node_buffer_proto;
    Value::Obj(vm.alloc(
        Some(p),
        Kind::TypedArray(Box::new(TypedArrayData {
            buffer,
            kind: TaKind::Uint8,
            offset,
            length: len,
        })),
    ))
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(d: &[u8]) -> String {
    let mut out = String::with_capacity(d.len().div_ceil(3) * 4);
    for chunk in d.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Base64 or base64url, leniently (Node skips characters outside the alphabet).
pub fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// Node's canonical name of an encoding, if it knows it.
fn normalize_encoding(e: &str) -> Option<&'static str> {
    Some(match e.to_ascii_lowercase().as_str() {
        "utf8" | "utf-8" => "utf8",
        "hex" => "hex",
        "base64" => "base64",
        "base64url" => "base64url",
        "latin1" | "binary" => "latin1",
        "ascii" => "ascii",
        "utf16le" | "utf-16le" | "ucs2" | "ucs-2" => "utf16le",
        _ => return None,
    })
}

pub fn encode_str(s: &str, enc: &str) -> Vec<u8> {
    match enc {
        "hex" => {
            let b = s.as_bytes();
            let mut out = Vec::with_capacity(b.len() / 2);
            for pair in b.chunks_exact(2) {
                match std::str::from_utf8(pair)
                    .ok()
                    .and_then(|p| u8::from_str_radix(p, 16).ok())
                {
                    Some(x) => out.push(x),
                    None => break,
                }
            }
            out
        }
        "base64" | "base64url" => base64_decode(s),
        "latin1" | "ascii" => crate::value::utf16(s)
            .into_iter()
            .map(|u| u as u8)
            .collect(),
        "utf16le" => crate::value::utf16(s)
            .into_iter()
            .flat_map(|u| u.to_le_bytes())
            .collect(),
        _ => crate::value::well_formed(s).as_bytes().to_vec(),
    }
}

pub fn decode_bytes(d: &[u8], enc: &str) -> String {
    match enc {
        "hex" => d.iter().map(|b| format!("{b:02x}")).collect(),
        "base64" => base64_encode(d),
        "base64url" => base64_encode(d)
            .replace('+', "-")
            .replace('/', "_")
            .trim_end_matches('=')
            .to_string(),
        "latin1" => d.iter().map(|b| *b as char).collect(),
        "ascii" => d.iter().map(|b| (*b & 0x7f) as char).collect(),
        "utf16le" => String::from_utf16_lossy(
            &d.chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        ),
        _ => String::from_utf8_lossy(d).into_owned(),
    }
}

fn enc_arg(vm: &mut Vm, v: &Value) -> Res<&'static str> {
    match v {
        Value::Undefined | Value::Null => Ok("utf8"),
        v => {
            let e = vm.to_string(v)?;
            match normalize_encoding(&e) {
                Some(n) => Ok(n),
                None => Err(node_error(
                    vm,
                    "TypeError",
                    "ERR_UNKNOWN_ENCODING",
                    &format!("Unknown encoding: {e}"),
                )),
            }
        }
    }
}

fn this_buf(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if view(vm, o).is_some() => Ok(o),
        _ => Err(node_error(
            vm,
            "TypeError",
            "ERR_INVALID_ARG_TYPE",
            "The \"buffer\" argument must be an instance of Buffer, TypedArray, or DataView.",
        )),
    }
}

/// `Received ...` of Node's argument errors.
fn received(vm: &mut Vm, v: &Value) -> String {
    match v {
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Str(s) => format!("type string ('{s}')"),
        Value::Num(_) | Value::Bool(_) | Value::BigInt(_) => {
            let t = v.prim_typeof();
            let s = vm.prim_to_string(v);
            format!("type {t} ({s})")
        }
        Value::Obj(o) => match crate::inspect::constructor_name(vm, *o) {
            Some(n) if !vm.is_callable(v) => format!("an instance of {n}"),
            _ => crate::inspect::inspect(vm, v).unwrap_or_default(),
        },
        _ => String::new(),
    }
}

/// Node's `Received` number: integers beyond 2**32 with `_` separators.
fn received_number(n: f64) -> String {
    let s = crate::value::num_to_string(n);
    if n.fract() != 0.0 || n.abs() <= 4294967296.0 || s.contains('e') {
        return s;
    }
    let (sign, digits) = s.split_at(usize::from(s.starts_with('-')));
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

/// Validates a read/write offset for `size` bytes of a buffer of `len` bytes.
fn check_offset(vm: &mut Vm, v: &Value, len: usize, size: usize) -> Res<usize> {
    let off = match v {
        Value::Undefined => 0.0,
        Value::Num(n) => *n,
        other => {
            let r = received(vm, other);
            return Err(node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"offset\" argument must be of type number. Received {r}"),
            ));
        }
    };
    if off.fract() != 0.0 || off.is_nan() {
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"offset\" is out of range. It must be an integer. Received {}",
                received_number(off)
            ),
        ));
    }
    if len < size {
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_BUFFER_OUT_OF_BOUNDS",
            "Attempt to access memory outside buffer bounds",
        ));
    }
    if off < 0.0 || off as usize > len - size {
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"offset\" is out of range. It must be >= 0 and <= {}. Received {}",
                len - size,
                received_number(off)
            ),
        ));
    }
    Ok(off as usize)
}

/// The number kind and endianness of a `read*`/`write*` method (its slots).
fn method_kind(vm: &Vm, c: &NativeCall) -> (TaKind, bool) {
    let kind = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Num(n) => KINDS[n as usize],
        _ => TaKind::Uint8,
    };
    let le = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 1),
        Value::Bool(true)
    );
    (kind, le)
}

const KINDS: [TaKind; 10] = [
    TaKind::Uint8,
    TaKind::Int8,
    TaKind::Uint16,
    TaKind::Int16,
    TaKind::Uint32,
    TaKind::Int32,
    TaKind::Float32,
    TaKind::Float64,
    TaKind::BigInt64,
    TaKind::BigUint64,
];

fn read_num(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let (kind, le) = method_kind(vm, c);
    let d = buffer_bytes(vm, o);
    let size = kind.size();
    let off = check_offset(vm, &c.arg(0), d.len(), size)?;
    let mut b = [0u8; 8];
    b[..size].copy_from_slice(&d[off..off + size]);
    if !le {
        b[..size].reverse();
    }
    Ok(match kind {
        TaKind::Uint8 => Value::Num(b[0] as f64),
        TaKind::Int8 => Value::Num(b[0] as i8 as f64),
        TaKind::Uint16 => Value::Num(u16::from_le_bytes([b[0], b[1]]) as f64),
        TaKind::Int16 => Value::Num(i16::from_le_bytes([b[0], b[1]]) as f64),
        TaKind::Uint32 => Value::Num(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Int32 => Value::Num(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Float32 => Value::Num(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Float64 => Value::Num(f64::from_le_bytes(b)),
        TaKind::BigInt64 => Value::BigInt(BigInt::from(i64::from_le_bytes(b)).into()),
        _ => Value::BigInt(BigInt::from(u64::from_le_bytes(b)).into()),
    })
}

/// The `It must be ...` range of a `write*` value.
fn value_range(kind: TaKind) -> (f64, f64, String) {
    let (min, max) = match kind {
        TaKind::Uint8 => (0.0, 255.0),
        TaKind::Int8 => (-128.0, 127.0),
        TaKind::Uint16 => (0.0, 65535.0),
        TaKind::Int16 => (-32768.0, 32767.0),
        TaKind::Uint32 => (0.0, 4294967295.0),
        _ => (-2147483648.0, 2147483647.0),
    };
    (min, max, format!(">= {min} and <= {max}"))
}

fn write_num(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let (kind, le) = method_kind(vm, c);
    let len = buffer_bytes(vm, o).len();
    let size = kind.size();
    let v = c.arg(0);
    let mut b: Vec<u8> = match kind {
        TaKind::BigInt64 | TaKind::BigUint64 => {
            let Value::BigInt(n) = &v else {
                let r = received(vm, &v);
                return Err(node_error(
                    vm,
                    "TypeError",
                    "ERR_INVALID_ARG_TYPE",
                    &format!("The \"value\" argument must be of type bigint. Received {r}"),
                ));
            };
            let n: &BigInt = n;
            let bits = if kind == TaKind::BigInt64 {
                n.to_i64().map(|x| x as u64)
            } else {
                n.to_u64()
            };
            let Some(bits) = bits else {
                let range = if kind == TaKind::BigInt64 {
                    ">= -(2n ** 63n) and < 2n ** 63n"
                } else {
                    ">= 0n and < 2n ** 64n"
                };
                return Err(node_error(
                    vm,
                    "RangeError",
                    "ERR_OUT_OF_RANGE",
                    &format!(
                        "The value of \"value\" is out of range. It must be {range}. Received {}n",
                        n
                    ),
                ));
            };
            bits.to_le_bytes().to_vec()
        }
        TaKind::Float32 => (vm.to_number(&v)? as f32).to_le_bytes().to_vec(),
        TaKind::Float64 => vm.to_number(&v)?.to_le_bytes().to_vec(),
        _ => {
            let n = vm.to_number(&v)?;
            let (min, max, range) = value_range(kind);
            if !(min..=max).contains(&n) {
                return Err(node_error(
                    vm,
                    "RangeError",
                    "ERR_OUT_OF_RANGE",
                    &format!(
                        "The value of \"value\" is out of range. It must be {range}. Received {}",
                        received_number(n)
                    ),
                ));
            }
            let x = n.trunc() as i64;
            x.to_le_bytes()[..size].to_vec()
        }
    };
    let off = check_offset(vm, &c.arg(1), len, size)?;
    if !le {
        b.reverse();
    }
    with_bytes_mut(vm, o, |d| d[off..off + size].copy_from_slice(&b[..size]));
    Ok(Value::Num((off + size) as f64))
}

/// `readUIntLE/BE(offset, byteLength)` and `readIntLE/BE`: slot 0 signed, 1 LE.
fn read_var(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let signed = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 0),
        Value::Bool(true)
    );
    let le = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 1),
        Value::Bool(true)
    );
    let n = byte_length_arg(vm, &c.arg(1))?;
    let d = buffer_bytes(vm, o);
    let off = check_offset(vm, &c.arg(0), d.len(), n)?;
    let mut slice = d[off..off + n].to_vec();
    if le {
        slice.reverse();
    }
    let mut v: i64 = 0;
    for b in &slice {
        v = v << 8 | *b as i64;
    }
    if signed && slice[0] & 0x80 != 0 {
        v -= 1i64 << (8 * n);
    }
    Ok(Value::Num(v as f64))
}

fn write_var(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let signed = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 0),
        Value::Bool(true)
    );
    let le = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 1),
        Value::Bool(true)
    );
    let n = byte_length_arg(vm, &c.arg(2))?;
    let v = vm.to_number(&c.arg(0))?;
    let bits = 8 * n as i32;
    let (min, max) = if signed {
        (-(2f64.powi(bits - 1)), 2f64.powi(bits - 1) - 1.0)
    } else {
        (0.0, 2f64.powi(bits) - 1.0)
    };
    if !(min..=max).contains(&v) {
        let range = if n > 3 {
            if signed {
                format!(">= -(2 ** {}) and < 2 ** {}", bits - 1, bits - 1)
            } else {
                format!(">= 0 and < 2 ** {bits}")
            }
        } else {
            format!(">= {min} and <= {max}")
        };
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"value\" is out of range. It must be {range}. Received {}",
                received_number(v)
            ),
        ));
    }
    let len = buffer_bytes(vm, o).len();
    let off = check_offset(vm, &c.arg(1), len, n)?;
    let x = v.trunc() as i64;
    let mut b: Vec<u8> = x.to_le_bytes()[..n].to_vec();
    if !le {
        b.reverse();
    }
    with_bytes_mut(vm, o, |d| d[off..off + n].copy_from_slice(&b));
    Ok(Value::Num((off + n) as f64))
}

fn byte_length_arg(vm: &mut Vm, v: &Value) -> Res<usize> {
    let n = match v {
        Value::Num(n) => *n,
        other => {
            let r = received(vm, other);
            return Err(node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"byteLength\" argument must be of type number. Received {r}"),
            ));
        }
    };
    if !(1.0..=6.0).contains(&n) || n.fract() != 0.0 {
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"byteLength\" is out of range. It must be >= 1 and <= 6. Received {}",
                received_number(n)
            ),
        ));
    }
    Ok(n as usize)
}

/// The bytes of a value given where Node accepts a string, buffer or byte.
fn needle(vm: &mut Vm, v: &Value, enc: &Value) -> Res<Vec<u8>> {
    Ok(match v {
        Value::Str(s) => {
            let e = enc_arg(vm, enc)?;
            encode_str(s, e)
        }
        Value::Num(n) => vec![to_uint32(*n) as u8],
        Value::Obj(o) if view(vm, *o).is_some() => buffer_bytes(vm, *o),
        other => {
            let r = received(vm, other);
            return Err(node_error(vm, "TypeError", "ERR_INVALID_ARG_TYPE", &format!("The \"value\" argument must be one of type number or string or an instance of Buffer or Uint8Array. Received {r}")));
        }
    })
}

/// `indexOf`/`lastIndexOf`/`includes` (slot 0: 0 first, 1 last, 2 includes).
fn search(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let mode = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Num(n) => n as u8,
        _ => 0,
    };
    let (start_arg, enc) = match c.arg(1) {
        Value::Str(_) => (Value::Undefined, c.arg(1)),
        v => (v, c.arg(2)),
    };
    let hay = buffer_bytes(vm, o);
    let n = needle(vm, &c.arg(0), &enc)?;
    let len = hay.len();
    let found = if mode == 1 {
        let from = match start_arg {
            Value::Undefined => len as f64,
            v => vm.to_number(&v)?,
        };
        let from = if from < 0.0 { len as f64 + from } else { from };
        if from < 0.0 {
            None
        } else {
            let last = (from as usize).min(len.saturating_sub(n.len()));
            (0..=last).rev().find(|i| hay[*i..].starts_with(&n))
        }
    } else {
        let from = rel_index(
            match start_arg {
                Value::Undefined => 0.0,
                v => vm.to_number(&v)?,
            },
            len,
        );
        if n.is_empty() {
            Some(from)
        } else {
            (from..len).find(|i| hay[*i..].starts_with(&n))
        }
    };
    Ok(match mode {
        2 => Value::Bool(found.is_some()),
        _ => Value::Num(found.map(|i| i as f64).unwrap_or(-1.0)),
    })
}

fn buf_from(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = c.arg(0);
    match &a {
        Value::Str(s) => {
            let enc = enc_arg(vm, &c.arg(1))?;
            make_buffer(vm, &encode_str(s, enc))
        }
        Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::ArrayBuffer(_))) => {
            let total = bytes(vm, *o).len();
            let off = rel_index(int_arg(vm, c, 1, 0.0)?, total);
            let len = match c.arg(2) {
                Value::Undefined => total - off,
                v => (vm.to_number(&v)?.max(0.0) as usize).min(total - off),
            };
            Ok(buffer_view(vm, *o, off, len))
        }
        Value::Obj(o) if view(vm, *o).is_some() => {
            let uint8 = view(vm, *o).is_some_and(|t| t.kind == TaKind::Uint8);
            let d: Vec<u8> = if uint8 {
                buffer_bytes(vm, *o)
            } else {
                super::typed::elements(vm, *o)
                    .iter()
                    .map(|v| match v {
                        Value::Num(n) => to_uint32(*n) as u8,
                        _ => 0,
                    })
                    .collect()
            };
            make_buffer(vm, &d)
        }
        Value::Obj(o) => {
            if let Some(Kind::Array(_)) = vm.heap.kind(*o) {
                let items = vm.array_items(&a);
                let mut d = Vec::with_capacity(items.len());
                for v in items {
                    d.push(to_uint32(vm.to_number(&v)?) as u8);
                }
                return make_buffer(vm, &d);
            }
            // `{ type: 'Buffer', data: [...] }` and array-likes.
            let data = vm.get(&a, &PropKey::s("data"))?;
            let src = if matches!(data, Value::Obj(_)) {
                data
            } else {
                a.clone()
            };
            let n = vm.length_of(&src)?;
            let mut d = Vec::with_capacity(n);
            for i in 0..n {
                let v = vm.get_elem(&src, &Value::Num(i as f64))?;
                d.push(to_uint32(vm.to_number(&v)?) as u8);
            }
            make_buffer(vm, &d)
        }
        other => {
            let r = received(vm, other);
            Err(node_error(vm, "TypeError", "ERR_INVALID_ARG_TYPE", &format!("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received {r}")))
        }
    }
}

fn size_arg(vm: &mut Vm, v: &Value) -> Res<usize> {
    match v {
        Value::Num(n) if *n >= 0.0 && *n <= 4294967296.0 && n.fract() == 0.0 => Ok(*n as usize),
        Value::Num(n) => Err(node_error(
            vm,
            "RangeError",
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received {}",
                received_number(*n)
            ),
        )),
        other => {
            let r = received(vm, other);
            Err(node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"size\" argument must be of type number. Received {r}"),
            ))
        }
    }
}

fn buf_alloc(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = size_arg(vm, &c.arg(0))?;
    let mut d = vec![0u8; n];
    match c.arg(1) {
        Value::Undefined => {}
        f => {
            let pat = needle(vm, &f, &c.arg(2))?;
            if !pat.is_empty() {
                for (i, b) in d.iter_mut().enumerate() {
                    *b = pat[i % pat.len()];
                }
            }
        }
    }
    make_buffer(vm, &d)
}

fn buf_alloc_unsafe(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = size_arg(vm, &c.arg(0))?;
    make_buffer(vm, &vec![0u8; n])
}

fn buf_byte_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let v = c.arg(0);
    if let Value::Obj(o) = &v {
        if view(vm, *o).is_some() {
            return Ok(Value::Num(buffer_bytes(vm, *o).len() as f64));
        }
        if let Some(Kind::ArrayBuffer(b)) = vm.heap.kind(*o) {
            return Ok(Value::Num(b.len() as f64));
        }
    }
    let Value::Str(s) = v else {
        let r = received(vm, &v);
        return Err(node_error(vm, "TypeError", "ERR_INVALID_ARG_TYPE", &format!("The \"string\" argument must be of type string or an instance of Buffer or ArrayBuffer. Received {r}")));
    };
    let enc = enc_arg(vm, &c.arg(1))?;
    Ok(Value::Num(encode_str(&s, enc).len() as f64))
}

fn buf_concat(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let list = vm.iterate_to_vec(&c.arg(0))?;
    let mut d = Vec::new();
    for (i, b) in list.iter().enumerate() {
        match b.as_obj().filter(|o| view(vm, *o).is_some()) {
            Some(o) => d.extend(buffer_bytes(vm, o)),
            None => {
                let r = received(vm, b);
                return Err(node_error(vm, "TypeError", "ERR_INVALID_ARG_TYPE", &format!("The \"list[{i}]\" argument must be an instance of Buffer or Uint8Array. Received {r}")));
            }
        }
    }
    if let Value::Num(total) = c.arg(1) {
        d.resize(total.max(0.0) as usize, 0);
    }
    make_buffer(vm, &d)
}

fn buf_is_buffer(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let bp = vm.realm.node_buffer_proto;
    let mut cur = c
        .arg(0)
        .as_obj()
        .and_then(|o| vm.heap.get(o))
        .and_then(|x| x.proto);
    while let Some(p) = cur {
        if p == bp {
            return Ok(Value::Bool(true));
        }
        cur = vm.heap.get(p).and_then(|x| x.proto);
    }
    Ok(Value::Bool(false))
}

fn buf_is_encoding(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(match c.arg(0) {
        Value::Str(s) => normalize_encoding(&s).is_some(),
        _ => false,
    }))
}

fn compare_bytes(a: &[u8], b: &[u8]) -> Value {
    Value::Num(match a.cmp(b) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    })
}

fn bytes_arg(vm: &mut Vm, v: &Value, name: &str) -> Res<Vec<u8>> {
    match v.as_obj().filter(|o| view(vm, *o).is_some()) {
        Some(o) => Ok(buffer_bytes(vm, o)),
        None => {
            let r = received(vm, v);
            Err(node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"{name}\" argument must be an instance of Buffer or Uint8Array. Received {r}"),
            ))
        }
    }
}

fn buf_static_compare(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = bytes_arg(vm, &c.arg(0), "buf1")?;
    let b = bytes_arg(vm, &c.arg(1), "buf2")?;
    Ok(compare_bytes(&a, &b))
}

fn buf_compare(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let a = buffer_bytes(vm, o);
    let b = bytes_arg(vm, &c.arg(0), "target")?;
    Ok(compare_bytes(&a, &b))
}

fn buf_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let enc = enc_arg(vm, &c.arg(0))?;
    let d = buffer_bytes(vm, o);
    let s = rel_index(int_arg(vm, c, 1, 0.0)?.max(0.0), d.len());
    let e = rel_index(int_arg(vm, c, 2, d.len() as f64)?.max(0.0), d.len()).max(s);
    Ok(Value::str(&decode_bytes(&d[s..e], enc)))
}

fn buf_equals(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let b = bytes_arg(vm, &c.arg(0), "otherBuffer")?;
    Ok(Value::Bool(buffer_bytes(vm, o) == b))
}

fn buf_to_json(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let d: Vec<Value> = buffer_bytes(vm, o)
        .into_iter()
        .map(|b| Value::Num(b as f64))
        .collect();
    let r = vm.new_object();
    vm.set_prop_raw(r, "type", Value::str("Buffer"));
    let a = vm.array_value(d);
    vm.set_prop_raw(r, "data", a);
    Ok(Value::Obj(r))
}

/// `slice`/`subarray`: a Buffer over the same memory.
fn buf_subarray(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let Some(t) = view(vm, o) else {
        return Ok(Value::Undefined);
    };
    let len = t.length;
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, len);
    let e = rel_index(int_arg(vm, c, 1, len as f64)?, len).max(s);
    Ok(buffer_view(vm, t.buffer, t.offset + s, e - s))
}

fn buf_write(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let Value::Str(s) = c.arg(0) else {
        let r = received(vm, &c.arg(0));
        return Err(node_error(
            vm,
            "TypeError",
            "ERR_INVALID_ARG_TYPE",
            &format!("The \"string\" argument must be of type string. Received {r}"),
        ));
    };
    // write(string[, offset[, length]][, encoding])
    let mut rest: Vec<Value> = c.args.iter().skip(1).cloned().collect();
    let enc_v = match rest.iter().position(|v| matches!(v, Value::Str(_))) {
        Some(i) => rest.remove(i),
        None => Value::Undefined,
    };
    let enc = enc_arg(vm, &enc_v)?;
    let len = buffer_bytes(vm, o).len();
    let off = match rest.first() {
        Some(Value::Num(n)) => *n as usize,
        _ => 0,
    }
    .min(len);
    let max = match rest.get(1) {
        Some(Value::Num(n)) => (*n as usize).min(len - off),
        _ => len - off,
    };
    let mut data = encode_str(&s, enc);
    if data.len() > max {
        data.truncate(max);
        if enc == "utf8" {
            while !data.is_empty() && std::str::from_utf8(&data).is_err() {
                data.pop();
            }
        }
    }
    let n = data.len();
    with_bytes_mut(vm, o, |d| d[off..off + n].copy_from_slice(&data));
    Ok(Value::Num(n as f64))
}

fn buf_fill(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let len = buffer_bytes(vm, o).len();
    let (s, e, enc) = match c.arg(1) {
        Value::Str(_) => (0, len, c.arg(1)),
        _ => {
            let s = rel_index(int_arg(vm, c, 1, 0.0)?, len);
            let e = rel_index(int_arg(vm, c, 2, len as f64)?, len).max(s);
            (s, e, c.arg(3))
        }
    };
    let pat = needle(vm, &c.arg(0), &enc)?;
    if !pat.is_empty() {
        with_bytes_mut(vm, o, |d| {
            for (i, b) in d[s..e].iter_mut().enumerate() {
                *b = pat[i % pat.len()];
            }
        });
    }
    Ok(c.this.clone())
}

fn buf_copy(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let src = buffer_bytes(vm, o);
    let Some(target) = c.arg(0).as_obj().filter(|t| view(vm, *t).is_some()) else {
        let r = received(vm, &c.arg(0));
        return Err(node_error(
            vm,
            "TypeError",
            "ERR_INVALID_ARG_TYPE",
            &format!(
                "The \"target\" argument must be an instance of Buffer or Uint8Array. Received {r}"
            ),
        ));
    };
    let tlen = buffer_bytes(vm, target).len();
    let ts = (int_arg(vm, c, 1, 0.0)?.max(0.0) as usize).min(tlen);
    let ss = (int_arg(vm, c, 2, 0.0)?.max(0.0) as usize).min(src.len());
    let se = (int_arg(vm, c, 3, src.len() as f64)?.max(0.0) as usize)
        .min(src.len())
        .max(ss);
    let n = (se - ss).min(tlen - ts);
    let chunk = src[ss..ss + n].to_vec();
    with_bytes_mut(vm, target, |d| d[ts..ts + n].copy_from_slice(&chunk));
    Ok(Value::Num(n as f64))
}

/// `swap16`/`swap32`/`swap64` (the width is the slot).
fn buf_swap(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let w = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Num(n) => n as usize,
        _ => 2,
    };
    let len = buffer_bytes(vm, o).len();
    if !len.is_multiple_of(w) {
        return Err(node_error(
            vm,
            "RangeError",
            "ERR_INVALID_BUFFER_SIZE",
            &format!("Buffer size must be a multiple of {}-bits", w * 8),
        ));
    }
    with_bytes_mut(vm, o, |d| d.chunks_exact_mut(w).for_each(|ch| ch.reverse()));
    Ok(c.this.clone())
}

/// `<Buffer 68 69>` (at most 50 bytes shown).
fn buf_inspect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_buf(vm, c)?;
    let d = buffer_bytes(vm, o);
    let shown: Vec<String> = d.iter().take(50).map(|b| format!("{b:02x}")).collect();
    let mut s = format!("<Buffer {}", shown.join(" "));
    if d.len() > 50 {
        s.push_str(&format!(
            " ... {} more byte{}",
            d.len() - 50,
            if d.len() - 50 > 1 { "s" } else { "" }
        ));
    }
    s.push('>');
    Ok(Value::str(&s))
}

pub fn install(vm: &mut Vm) {
    let u8p = vm.realm.typed_protos[1];
    let bp = vm.heap.alloc(Some(u8p), Kind::Ordinary);
    vm.realm.node_buffer_proto = bp;
    let bc = make_ctor(vm, "Buffer", 2, buf_from, bp);
    let statics: [(&str, u32, NativeFnPtr); 9] = [
        ("from", 3, buf_from),
        ("alloc", 3, buf_alloc),
        ("allocUnsafe", 1, buf_alloc_unsafe),
        ("allocUnsafeSlow", 1, buf_alloc_unsafe),
        ("byteLength", 2, buf_byte_length),
        ("concat", 2, buf_concat),
        ("isBuffer", 1, buf_is_buffer),
        ("isEncoding", 1, buf_is_encoding),
        ("compare", 2, buf_static_compare),
    ];
    for (n, l, f) in statics {
        vm.method(bc, n, l, f);
    }
    vm.set_prop_raw(bc, "poolSize", Value::Num(8192.0));
    let methods: [(&str, u32, NativeFnPtr); 11] = [
        ("toString", 3, buf_to_string),
        ("toLocaleString", 3, buf_to_string),
        ("equals", 1, buf_equals),
        ("compare", 1, buf_compare),
        ("toJSON", 0, buf_to_json),
        ("slice", 2, buf_subarray),
        ("subarray", 2, buf_subarray),
        ("write", 4, buf_write),
        ("fill", 4, buf_fill),
        ("copy", 4, buf_copy),
        ("inspect", 2, buf_inspect),
    ];
    for (n, l, f) in methods {
        vm.method(bp, n, l, f);
    }
    for (i, n) in ["indexOf", "lastIndexOf", "includes"].iter().enumerate() {
        let f = vm.native_with(n, 3, search, vec![Value::Num(i as f64)], false);
        vm.set_hidden(bp, n, Value::Obj(f));
    }
    for w in [2usize, 4, 8] {
        let n = format!("swap{}", w * 8);
        let f = vm.native_with(&n, 0, buf_swap, vec![Value::Num(w as f64)], false);
        vm.set_hidden(bp, &n, Value::Obj(f));
    }
    let names = [
        "UInt8",
        "Int8",
        "UInt16",
        "Int16",
        "UInt32",
        "Int32",
        "Float",
        "Double",
        "BigInt64",
        "BigUInt64",
    ];
    for (i, base) in names.iter().enumerate() {
        let endians: &[(&str, bool)] = if i < 2 {
            &[("", false)]
        } else {
            &[("LE", true), ("BE", false)]
        };
        for (suffix, le) in endians {
            let slots = vec![Value::Num(i as f64), Value::Bool(*le)];
            for spelling in [base.to_string(), base.replace("UInt", "Uint")] {
                let r = format!("read{spelling}{suffix}");
                let w = format!("write{spelling}{suffix}");
                let rf = vm.native_with(&r, 1, read_num, slots.clone(), false);
                vm.set_hidden(bp, &r, Value::Obj(rf));
                let wf = vm.native_with(&w, 2, write_num, slots.clone(), false);
                vm.set_hidden(bp, &w, Value::Obj(wf));
            }
        }
    }
    for (signed, base) in [(false, "UInt"), (true, "Int")] {
        for (le, suffix) in [(true, "LE"), (false, "BE")] {
            let slots = vec![Value::Bool(signed), Value::Bool(le)];
            for spelling in [base.to_string(), base.replace("UInt", "Uint")] {
                let r = format!("read{spelling}{suffix}");
                let w = format!("write{spelling}{suffix}");
                let rf = vm.native_with(&r, 2, read_var, slots.clone(), false);
                vm.set_hidden(bp, &r, Value::Obj(rf));
                let wf = vm.native_with(&w, 3, write_var, slots.clone(), false);
                vm.set_hidden(bp, &w, Value::Obj(wf));
            }
        }
    }
    let f = vm.native("[nodejs.util.inspect.custom]", 2, buf_inspect);
    vm.set_hidden_key(bp, PropKey::Sym(crate::interp::sym::INSPECT), Value::Obj(f));
    vm.realm.extra.push(bp);
}
