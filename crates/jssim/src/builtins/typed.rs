//! Binary data: ArrayBuffer, the typed arrays (Int8Array ... BigUint64Array) with
//! %TypedArray%.prototype, and DataView. Node's Buffer is in [`super::buffer`].

use super::{int_arg, make_ctor, rel_index};
use crate::builtins::bigint::to_bigint;
use crate::heap::{IterData, Kind, NativeCall, NativeFnPtr, TaKind, TypedArrayData};
use crate::interp::{Res, Vm};
use crate::value::{to_int32, to_uint32, ObjRef, PropKey, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::Arc;

const KINDS: [TaKind; 11] = [
    TaKind::Int8,
    TaKind::Uint8,
    TaKind::Uint8Clamped,
    TaKind::Int16,
    TaKind::Uint16,
    TaKind::Int32,
    TaKind::Uint32,
    TaKind::Float32,
    TaKind::Float64,
    TaKind::BigInt64,
    TaKind::BigUint64,
];

/// The constructor name of a typed-array kind.
pub fn kind_name(k: TaKind) -> &'static str {
    match k {
        TaKind::Int8 => "Int8Array",
        TaKind::Uint8 => "Uint8Array",
        TaKind::Uint8Clamped => "Uint8ClampedArray",
        TaKind::Int16 => "Int16Array",
        TaKind::Uint16 => "Uint16Array",
        TaKind::Int32 => "Int32Array",
        TaKind::Uint32 => "Uint32Array",
        TaKind::Float32 => "Float32Array",
        TaKind::Float64 => "Float64Array",
        TaKind::BigInt64 => "BigInt64Array",
        TaKind::BigUint64 => "BigUint64Array",
        TaKind::DataView => "DataView",
    }
}

fn is_big(k: TaKind) -> bool {
    matches!(k, TaKind::BigInt64 | TaKind::BigUint64)
}

pub fn view(vm: &Vm, o: ObjRef) -> Option<TypedArrayData> {
    match vm.heap.kind(o) {
        Some(Kind::TypedArray(t)) => Some((**t).clone()),
        _ => None,
    }
}

pub fn bytes(vm: &Vm, buf: ObjRef) -> &[u8] {
    match vm.heap.kind(buf) {
        Some(Kind::ArrayBuffer(b)) => b,
        _ => &[],
    }
}

fn decode(k: TaKind, b: &[u8]) -> Value {
    let arr = |n: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..n].copy_from_slice(&b[..n]);
        a
    };
    match k {
        TaKind::Int8 => Value::Num(b[0] as i8 as f64),
        TaKind::Uint8 | TaKind::Uint8Clamped | TaKind::DataView => Value::Num(b[0] as f64),
        TaKind::Int16 => Value::Num(i16::from_le_bytes([b[0], b[1]]) as f64),
        TaKind::Uint16 => Value::Num(u16::from_le_bytes([b[0], b[1]]) as f64),
        TaKind::Int32 => Value::Num(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Uint32 => Value::Num(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Float32 => Value::Num(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        TaKind::Float64 => Value::Num(f64::from_le_bytes(arr(8))),
        TaKind::BigInt64 => Value::BigInt(Arc::new(BigInt::from(i64::from_le_bytes(arr(8))))),
        TaKind::BigUint64 => Value::BigInt(Arc::new(BigInt::from(u64::from_le_bytes(arr(8))))),
    }
}

/// The element's bytes (little-endian) for a value already converted to a number or
/// BigInt.
fn encode(k: TaKind, v: &Value) -> Vec<u8> {
    let n = match v {
        Value::Num(n) => *n,
        _ => 0.0,
    };
    let big = |signed: bool| -> Vec<u8> {
        let b = match v {
            Value::BigInt(b) => (**b).clone(),
            _ => BigInt::from(0),
        };
        let m = BigInt::from(1u8) << 64;
        let mut r: BigInt = b % &m;
        if r < BigInt::from(0) {
            r += &m;
        }
        let u = r.to_u64().unwrap_or(0);
        if signed {
            (u as i64).to_le_bytes().to_vec()
        } else {
            u.to_le_bytes().to_vec()
        }
    };
    match k {
        TaKind::Int8 => vec![to_int32(n) as i8 as u8],
        TaKind::Uint8 | TaKind::DataView => vec![to_uint32(n) as u8],
        TaKind::Uint8Clamped => {
            let c = if n.is_nan() { 0.0 } else { n.clamp(0.0, 255.0) };
            let f = c.floor();
            let r = if c - f > 0.5 || (c - f == 0.5 && f % 2.0 == 1.0) {
                f + 1.0
            } else {
                f
            };
            vec![r as u8]
        }
        TaKind::Int16 => (to_int32(n) as i16).to_le_bytes().to_vec(),
        TaKind::Uint16 => (to_uint32(n) as u16).to_le_bytes().to_vec(),
        TaKind::Int32 => to_int32(n).to_le_bytes().to_vec(),
        TaKind::Uint32 => to_uint32(n).to_le_bytes().to_vec(),
        TaKind::Float32 => (n as f32).to_le_bytes().to_vec(),
        TaKind::Float64 => n.to_le_bytes().to_vec(),
        TaKind::BigInt64 => big(true),
        TaKind::BigUint64 => big(false),
    }
}

/// Element `i` of a typed array without running user code (None when out of range).
pub fn get_index_ro(vm: &Vm, o: ObjRef, i: f64) -> Option<Value> {
    let t = view(vm, o)?;
    if i < 0.0 || i.fract() != 0.0 || i >= t.length as f64 || (i == 0.0 && i.is_sign_negative()) {
        return None;
    }
    let sz = t.kind.size();
    let start = t.offset + i as usize * sz;
    let b = bytes(vm, t.buffer).get(start..start + sz)?;
    Some(decode(t.kind, b))
}

pub fn get_index(vm: &mut Vm, o: ObjRef, i: f64) -> Option<Value> {
    get_index_ro(vm, o, i)
}

/// `ta[i] = v` (out-of-range writes are ignored, as the spec says).
pub fn set_index(vm: &mut Vm, o: ObjRef, i: f64, v: &Value) -> Res<()> {
    let Some(t) = view(vm, o) else { return Ok(()) };
    let conv = if is_big(t.kind) {
        Value::BigInt(Arc::new(to_bigint(vm, v)?))
    } else {
        Value::Num(vm.to_number(v)?)
    };
    if i < 0.0 || i.fract() != 0.0 || i >= t.length as f64 {
        return Ok(());
    }
    let sz = t.kind.size();
    let start = t.offset + i as usize * sz;
    let enc = encode(t.kind, &conv);
    if let Some(Kind::ArrayBuffer(b)) = vm.heap.get_mut(t.buffer).map(|x| &mut x.kind) {
        if let Some(dst) = b.get_mut(start..start + sz) {
            dst.copy_from_slice(&enc);
        }
    }
    Ok(())
}

/// Every element of a typed array.
pub fn elements(vm: &Vm, o: ObjRef) -> Vec<Value> {
    let Some(t) = view(vm, o) else {
        return Vec::new();
    };
    (0..t.length)
        .filter_map(|i| get_index_ro(vm, o, i as f64))
        .collect()
}

fn new_buffer(vm: &mut Vm, len: usize) -> Res<ObjRef> {
    if len > 256 * 1024 * 1024 {
        return Err(vm.range_error("Array buffer allocation failed"));
    }
    let p = vm.realm.array_buffer_proto;
    Ok(vm.alloc(Some(p), Kind::ArrayBuffer(vec![0; len])))
}

fn kind_of_ctor(vm: &mut Vm, c: &NativeCall) -> TaKind {
    let name = match vm.get(&Value::Obj(c.callee), &PropKey::s("name")) {
        Ok(Value::Str(s)) => s,
        _ => Arc::from(""),
    };
    KINDS
        .iter()
        .copied()
        .find(|k| kind_name(*k) == &*name)
        .unwrap_or(TaKind::Uint8)
}

/// A new typed array of `kind` with `len` zeroed elements.
pub fn new_typed(vm: &mut Vm, kind: TaKind, len: usize, proto: ObjRef) -> Res<ObjRef> {
    let buf = new_buffer(vm, len * kind.size())?;
    Ok(vm.alloc(
        Some(proto),
        Kind::TypedArray(Box::new(TypedArrayData {
            buffer: buf,
            kind,
            offset: 0,
            length: len,
        })),
    ))
}

fn proto_of_kind(vm: &Vm, kind: TaKind) -> ObjRef {
    let i = KINDS.iter().position(|k| *k == kind).unwrap_or(1);
    vm.realm
        .typed_protos
        .get(i)
        .copied()
        .unwrap_or(vm.realm.object_proto)
}

fn typed_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let kind = kind_of_ctor(vm, c);
    let name = kind_name(kind);
    if c.new_target.is_none() {
        return Err(vm.type_error(&format!("Constructor {name} requires 'new'")));
    }
    let def = proto_of_kind(vm, kind);
    let proto = vm.proto_for(c, def)?;
    let a0 = c.arg(0);
    match &a0 {
        Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::ArrayBuffer(_))) => {
            let blen = bytes(vm, *o).len();
            let off = int_arg(vm, c, 1, 0.0)?;
            let sz = kind.size();
            if off < 0.0 || !(off as usize).is_multiple_of(sz) {
                return Err(vm.range_error(&format!(
                    "start offset of {name} should be a multiple of {sz}"
                )));
            }
            let off = off as usize;
            let len = if matches!(c.arg(2), Value::Undefined) {
                if !blen.is_multiple_of(sz) {
                    return Err(vm.range_error(&format!(
                        "byte length of {name} should be a multiple of {sz}"
                    )));
                }
                if off > blen {
                    return Err(vm.range_error(&format!(
                        "Start offset {off} is outside the bounds of the buffer"
                    )));
                }
                (blen - off) / sz
            } else {
                let l = int_arg(vm, c, 2, 0.0)?;
                if off + l as usize * sz > blen {
                    return Err(vm.range_error(&format!("Invalid typed array length: {l}")));
                }
                l as usize
            };
            Ok(Value::Obj(vm.alloc(
                Some(proto),
                Kind::TypedArray(Box::new(TypedArrayData {
                    buffer: *o,
                    kind,
                    offset: off,
                    length: len,
                })),
            )))
        }
        Value::Obj(_) => {
            let items = if matches!(
                a0.as_obj().and_then(|o| vm.heap.kind(o)),
                Some(Kind::TypedArray(_))
            ) {
                elements(vm, a0.as_obj().unwrap_or(0))
            } else {
                let it = vm.get(&a0, &PropKey::Sym(crate::interp::sym::ITERATOR))?;
                if it.is_nullish() {
                    let n = vm.length_of(&a0)?;
                    let mut out = Vec::with_capacity(n);
                    for i in 0..n {
                        out.push(vm.get_elem(&a0, &Value::Num(i as f64))?);
                    }
                    out
                } else {
                    vm.iterate_to_vec(&a0)?
                }
            };
            let o = new_typed(vm, kind, items.len(), proto)?;
            for (i, v) in items.iter().enumerate() {
                set_index(vm, o, i as f64, v)?;
            }
            Ok(Value::Obj(o))
        }
        Value::Undefined => Ok(Value::Obj(new_typed(vm, kind, 0, proto)?)),
        other => {
            let n = vm.to_number(other)?;
            if n < 0.0 || n.is_nan() && !matches!(other, Value::Undefined) && n.is_nan() {
                let d = crate::value::num_to_string(n.trunc());
                return Err(vm.range_error(&format!("Invalid typed array length: {d}")));
            }
            let n = if n.is_nan() { 0.0 } else { n.trunc() };
            if n > 4294967295.0 {
                return Err(vm.range_error(&format!(
                    "Invalid typed array length: {}",
                    crate::value::num_to_string(n)
                )));
            }
            Ok(Value::Obj(new_typed(vm, kind, n as usize, proto)?))
        }
    }
}

fn this_view(vm: &mut Vm, c: &NativeCall) -> Res<(ObjRef, TypedArrayData)> {
    match c.this.as_obj().and_then(|o| view(vm, o).map(|t| (o, t))) {
        Some((o, t)) if t.kind != TaKind::DataView => Ok((o, t)),
        _ => Err(vm.type_error("this is not a typed array.")),
    }
}

fn get_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(this_view(vm, c)?.1.length as f64))
}
fn get_byte_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = c.this.as_obj().and_then(|o| view(vm, o));
    match t {
        Some(t) => Ok(Value::Num((t.length * t.kind.size()) as f64)),
        None => match c.this.as_obj().and_then(|o| vm.heap.kind(o)) {
            Some(Kind::ArrayBuffer(b)) => Ok(Value::Num(b.len() as f64)),
            _ => Err(vm.type_error(
                "Method ArrayBuffer.prototype.byteLength called on incompatible receiver",
            )),
        },
    }
}
fn get_byte_offset(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.this.as_obj().and_then(|o| view(vm, o)) {
        Some(t) => Ok(Value::Num(t.offset as f64)),
        None => Err(vm.type_error("this is not a typed array.")),
    }
}
fn get_buffer(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.this.as_obj().and_then(|o| view(vm, o)) {
        Some(t) => Ok(Value::Obj(t.buffer)),
        None => Err(vm.type_error("this is not a typed array.")),
    }
}
fn get_tag(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(match c.this.as_obj().and_then(|o| view(vm, o)) {
        Some(t) if t.kind != TaKind::DataView => Value::str(kind_name(t.kind)),
        _ => Value::Undefined,
    })
}

fn from_values(vm: &mut Vm, kind: TaKind, items: &[Value]) -> Res<Value> {
    let p = proto_of_kind(vm, kind);
    let o = new_typed(vm, kind, items.len(), p)?;
    for (i, v) in items.iter().enumerate() {
        set_index(vm, o, i as f64, v)?;
    }
    Ok(Value::Obj(o))
}

fn callback_arg(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = vm.short_display(&f);
        return Err(vm.type_error(&format!("{d} is not a function")));
    }
    Ok(f)
}

/// forEach/map/filter/some/every/find/findIndex by `mode`.
fn iterate(vm: &mut Vm, c: &NativeCall, mode: u8) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let f = callback_arg(vm, c)?;
    let items = elements(vm, o);
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let r = vm.call(
            &f,
            c.arg(1),
            vec![v.clone(), Value::Num(i as f64), Value::Obj(o)],
        )?;
        match mode {
            1 => out.push(r),
            2 if r.truthy() => out.push(v.clone()),
            3 if r.truthy() => return Ok(Value::Bool(true)),
            4 if !r.truthy() => return Ok(Value::Bool(false)),
            5 if r.truthy() => return Ok(v.clone()),
            6 if r.truthy() => return Ok(Value::Num(i as f64)),
            _ => {}
        }
    }
    Ok(match mode {
        1 | 2 => from_values(vm, t.kind, &out)?,
        3 => Value::Bool(false),
        4 => Value::Bool(true),
        6 => Value::Num(-1.0),
        _ => Value::Undefined,
    })
}

macro_rules! iter_method {
    ($name:ident, $mode:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            iterate(vm, c, $mode)
        }
    };
}
iter_method!(ta_for_each, 0);
iter_method!(ta_map, 1);
iter_method!(ta_filter, 2);
iter_method!(ta_some, 3);
iter_method!(ta_every, 4);
iter_method!(ta_find, 5);
iter_method!(ta_find_index, 6);

fn ta_reduce(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let f = callback_arg(vm, c)?;
    let items = elements(vm, o);
    let mut it = items.into_iter().enumerate();
    let mut acc = if c.args.len() > 1 {
        c.arg(1)
    } else {
        match it.next() {
            Some((_, v)) => v,
            None => return Err(vm.type_error("Reduce of empty array with no initial value")),
        }
    };
    for (i, v) in it {
        acc = vm.call(
            &f,
            Value::Undefined,
            vec![acc, v, Value::Num(i as f64), Value::Obj(o)],
        )?;
    }
    Ok(acc)
}

fn ta_join(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let sep = match c.arg(0) {
        Value::Undefined => Arc::from(","),
        v => vm.to_string(&v)?,
    };
    let items = elements(vm, o);
    let parts: Vec<String> = items.iter().map(|v| vm.prim_to_string(v)).collect();
    Ok(Value::str(&parts.join(&sep)))
}

fn ta_index_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let items = elements(vm, o);
    let start = rel_index(int_arg(vm, c, 1, 0.0)?, items.len());
    let x = c.arg(0);
    Ok(Value::Num(
        items
            .iter()
            .enumerate()
            .skip(start)
            .find(|(_, v)| crate::value::strict_equals(v, &x))
            .map(|(i, _)| i as f64)
            .unwrap_or(-1.0),
    ))
}

fn ta_includes(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let items = elements(vm, o);
    let x = c.arg(0);
    Ok(Value::Bool(
        items.iter().any(|v| crate::value::same_value_zero(v, &x)),
    ))
}

fn ta_fill(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let s = rel_index(int_arg(vm, c, 1, 0.0)?, t.length);
    let e = rel_index(int_arg(vm, c, 2, t.length as f64)?, t.length);
    for i in s..e {
        set_index(vm, o, i as f64, &c.arg(0))?;
    }
    Ok(c.this.clone())
}

fn ta_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let off = int_arg(vm, c, 1, 0.0)?;
    let src = c.arg(0);
    let items = match src.as_obj().and_then(|s| view(vm, s)) {
        Some(_) => elements(vm, src.as_obj().unwrap_or(0)),
        None => {
            let n = vm.length_of(&src)?;
            let mut out = Vec::new();
            for i in 0..n {
                out.push(vm.get_elem(&src, &Value::Num(i as f64))?);
            }
            out
        }
    };
    if off < 0.0 || off as usize + items.len() > t.length {
        return Err(vm.range_error("offset is out of bounds"));
    }
    for (i, v) in items.iter().enumerate() {
        set_index(vm, o, off + i as f64, v)?;
    }
    Ok(Value::Undefined)
}

fn ta_slice(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, t.length);
    let e = rel_index(int_arg(vm, c, 1, t.length as f64)?, t.length);
    let items = elements(vm, o);
    let part: Vec<Value> = items
        .get(s..e.max(s))
        .map(|x| x.to_vec())
        .unwrap_or_default();
    from_values(vm, t.kind, &part)
}

fn ta_subarray(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, t.length);
    let e = rel_index(int_arg(vm, c, 1, t.length as f64)?, t.length).max(s);
    let proto = vm.heap.get(o).and_then(|x| x.proto);
    let d = TypedArrayData {
        buffer: t.buffer,
        kind: t.kind,
        offset: t.offset + s * t.kind.size(),
        length: e - s,
    };
    Ok(Value::Obj(vm.alloc(proto, Kind::TypedArray(Box::new(d)))))
}

fn ta_reverse(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let items = elements(vm, o);
    for (i, v) in items.iter().rev().enumerate() {
        set_index(vm, o, i as f64, v)?;
    }
    Ok(c.this.clone())
}

fn ta_sort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    let mut items = elements(vm, o);
    let cmp = c.arg(0);
    if vm.is_callable(&cmp) {
        crate::builtins::array::sort_values(vm, &mut items, &cmp)?;
    } else {
        items.sort_by(|a, b| match (a, b) {
            (Value::Num(x), Value::Num(y)) => x.partial_cmp(y).unwrap_or(if x.is_nan() {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Less
            }),
            (Value::BigInt(x), Value::BigInt(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
    }
    for (i, v) in items.iter().enumerate() {
        set_index(vm, o, i as f64, v)?;
    }
    Ok(c.this.clone())
}

fn ta_at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, t) = this_view(vm, c)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    let i = if i < 0.0 { t.length as f64 + i } else { i };
    Ok(get_index(vm, o, i).unwrap_or_default())
}

fn ta_iter(vm: &mut Vm, c: &NativeCall, kind: u8) -> Res<Value> {
    let (o, _) = this_view(vm, c)?;
    Ok(crate::builtins::iterators::make_iter(
        vm,
        IterData::Array {
            obj: o,
            idx: 0,
            kind,
        },
    ))
}
fn ta_values(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    ta_iter(vm, c, 0)
}
fn ta_keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    ta_iter(vm, c, 1)
}
fn ta_entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    ta_iter(vm, c, 2)
}

fn ta_from(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let kind = match c.this.as_obj() {
        Some(o) => {
            let n = vm.get(&Value::Obj(o), &PropKey::s("name"))?;
            let n = vm.to_string(&n)?;
            KINDS
                .iter()
                .copied()
                .find(|k| kind_name(*k) == &*n)
                .unwrap_or(TaKind::Uint8)
        }
        None => TaKind::Uint8,
    };
    let mut items = vm.iterate_to_vec(&c.arg(0))?;
    let f = c.arg(1);
    if vm.is_callable(&f) {
        for (i, v) in items.iter_mut().enumerate() {
            *v = vm.call(&f, Value::Undefined, vec![v.clone(), Value::Num(i as f64)])?;
        }
    }
    from_values(vm, kind, &items)
}

fn ta_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let kind = match c.this.as_obj() {
        Some(o) => {
            let n = vm.get(&Value::Obj(o), &PropKey::s("name"))?;
            let n = vm.to_string(&n)?;
            KINDS
                .iter()
                .copied()
                .find(|k| kind_name(*k) == &*n)
                .unwrap_or(TaKind::Uint8)
        }
        None => TaKind::Uint8,
    };
    from_values(vm, kind, &c.args)
}

fn buffer_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor ArrayBuffer requires 'new'"));
    }
    let n = int_arg(vm, c, 0, 0.0)?;
    if n < 0.0 {
        return Err(vm.range_error("Invalid array buffer length"));
    }
    Ok(Value::Obj(new_buffer(vm, n as usize)?))
}

fn buffer_slice(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(b) = c.this.as_obj() else {
        return Err(vm.type_error("not an ArrayBuffer"));
    };
    let data = bytes(vm, b).to_vec();
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, data.len());
    let e = rel_index(int_arg(vm, c, 1, data.len() as f64)?, data.len()).max(s);
    let nb = new_buffer(vm, e - s)?;
    if let Some(Kind::ArrayBuffer(x)) = vm.heap.get_mut(nb).map(|o| &mut o.kind) {
        x.copy_from_slice(&data[s..e]);
    }
    Ok(Value::Obj(nb))
}

fn is_view(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(
        c.arg(0).as_obj().and_then(|o| view(vm, o)).is_some(),
    ))
}

fn dataview_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(b) = c
        .arg(0)
        .as_obj()
        .filter(|b| matches!(vm.heap.kind(*b), Some(Kind::ArrayBuffer(_))))
    else {
        return Err(vm.type_error("First argument to DataView constructor must be an ArrayBuffer"));
    };
    let blen = bytes(vm, b).len();
    let off = int_arg(vm, c, 1, 0.0)? as usize;
    let len = if matches!(c.arg(2), Value::Undefined) {
        blen.saturating_sub(off)
    } else {
        int_arg(vm, c, 2, 0.0)? as usize
    };
    if off + len > blen {
        return Err(vm.range_error(&format!(
            "Start offset {off} is outside the bounds of the buffer"
        )));
    }
    let p = vm.realm.dataview_proto;
    Ok(Value::Obj(vm.alloc(
        Some(p),
        Kind::TypedArray(Box::new(TypedArrayData {
            buffer: b,
            kind: TaKind::DataView,
            offset: off,
            length: len,
        })),
    )))
}

fn dv_access(vm: &mut Vm, c: &NativeCall, kind: TaKind, set: bool) -> Res<Value> {
    let Some((o, t)) = c
        .this
        .as_obj()
        .and_then(|o| view(vm, o).map(|t| (o, t)))
        .filter(|(_, t)| t.kind == TaKind::DataView)
    else {
        return Err(vm.type_error("Receiver is not a DataView"));
    };
    let _ = o;
    let pos = int_arg(vm, c, 0, 0.0)?;
    let sz = kind.size();
    if pos < 0.0 || pos as usize + sz > t.length {
        return Err(vm.range_error("Offset is outside the bounds of the DataView"));
    }
    let start = t.offset + pos as usize;
    let little_idx = if set { 2 } else { 1 };
    let little = c.arg(little_idx).truthy();
    if set {
        let v = c.arg(1);
        let conv = if is_big(kind) {
            Value::BigInt(Arc::new(to_bigint(vm, &v)?))
        } else {
            Value::Num(vm.to_number(&v)?)
        };
        let mut enc = encode(kind, &conv);
        if !little {
            enc.reverse();
        }
        if let Some(Kind::ArrayBuffer(b)) = vm.heap.get_mut(t.buffer).map(|x| &mut x.kind) {
            b[start..start + sz].copy_from_slice(&enc);
        }
        return Ok(Value::Undefined);
    }
    let mut raw = bytes(vm, t.buffer)[start..start + sz].to_vec();
    if !little {
        raw.reverse();
    }
    Ok(decode(kind, &raw))
}

macro_rules! dv {
    ($get:ident, $set:ident, $k:expr) => {
        fn $get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            dv_access(vm, c, $k, false)
        }
        fn $set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            dv_access(vm, c, $k, true)
        }
    };
}
dv!(dv_get_i8, dv_set_i8, TaKind::Int8);
dv!(dv_get_u8, dv_set_u8, TaKind::Uint8);
dv!(dv_get_i16, dv_set_i16, TaKind::Int16);
dv!(dv_get_u16, dv_set_u16, TaKind::Uint16);
dv!(dv_get_i32, dv_set_i32, TaKind::Int32);
dv!(dv_get_u32, dv_set_u32, TaKind::Uint32);
dv!(dv_get_f32, dv_set_f32, TaKind::Float32);
dv!(dv_get_f64, dv_set_f64, TaKind::Float64);
dv!(dv_get_bi64, dv_set_bi64, TaKind::BigInt64);
dv!(dv_get_bu64, dv_set_bu64, TaKind::BigUint64);

fn getter(vm: &mut Vm, target: ObjRef, name: &str, f: NativeFnPtr) {
    let g = vm.native(&format!("get {name}"), 0, f);
    let k = vm.key_for(name);
    if let Some(o) = vm.heap.get_mut(target) {
        o.props.insert(
            k,
            crate::heap::Prop {
                v: crate::heap::PropVal::Accessor(Some(g), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let g = vm.realm.global;
    // ArrayBuffer
    let abp = vm.heap.alloc(Some(op), Kind::Ordinary);
    vm.realm.array_buffer_proto = abp;
    let abc = make_ctor(vm, "ArrayBuffer", 1, buffer_ctor, abp);
    super::species_getter(vm, abc);
    vm.method(abc, "isView", 1, is_view);
    vm.method(abp, "slice", 2, buffer_slice);
    getter(vm, abp, "byteLength", get_byte_length);
    vm.set_tag(abp, "ArrayBuffer");
    // %TypedArray%
    let tap = vm.heap.alloc(Some(op), Kind::Ordinary);
    let tac = vm.native_with("TypedArray", 0, typed_ctor, vec![], true);
    vm.set_hidden(tac, "prototype", Value::Obj(tap));
    vm.set_hidden(tap, "constructor", Value::Obj(tac));
    super::species_getter(vm, tac);
    vm.method(tac, "from", 1, ta_from);
    vm.method(tac, "of", 0, ta_of);
    let methods: [(&str, u32, NativeFnPtr); 24] = [
        ("forEach", 1, ta_for_each),
        ("map", 1, ta_map),
        ("filter", 1, ta_filter),
        ("some", 1, ta_some),
        ("every", 1, ta_every),
        ("find", 1, ta_find),
        ("findIndex", 1, ta_find_index),
        ("reduce", 1, ta_reduce),
        ("join", 1, ta_join),
        ("indexOf", 1, ta_index_of),
        ("includes", 1, ta_includes),
        ("fill", 1, ta_fill),
        ("set", 1, ta_set),
        ("slice", 2, ta_slice),
        ("subarray", 2, ta_subarray),
        ("reverse", 0, ta_reverse),
        ("sort", 1, ta_sort),
        ("at", 1, ta_at),
        ("keys", 0, ta_keys),
        ("entries", 0, ta_entries),
        ("values", 0, ta_values),
        ("toString", 0, ta_join),
        ("toLocaleString", 0, ta_join),
        ("@Symbol.iterator", 0, ta_values),
    ];
    for (n, l, f) in methods {
        vm.method(tap, n, l, f);
    }
    getter(vm, tap, "length", get_length);
    getter(vm, tap, "byteLength", get_byte_length);
    getter(vm, tap, "byteOffset", get_byte_offset);
    getter(vm, tap, "buffer", get_buffer);
    getter(vm, tap, "@Symbol.toStringTag", get_tag);
    let mut protos = Vec::new();
    for k in KINDS {
        let p = vm.heap.alloc(Some(tap), Kind::Ordinary);
        let c = make_ctor(vm, kind_name(k), 3, typed_ctor, p);
        if let Some(o) = vm.heap.get_mut(c) {
            o.proto = Some(tac);
        }
        vm.set_const(c, "BYTES_PER_ELEMENT", Value::Num(k.size() as f64));
        vm.set_const(p, "BYTES_PER_ELEMENT", Value::Num(k.size() as f64));
        protos.push(p);
    }
    vm.realm.typed_protos = protos.clone();
    vm.realm.extra.extend([abp, tap, tac]);
    vm.realm.extra.extend(protos);
    // DataView
    let dvp = vm.heap.alloc(Some(op), Kind::Ordinary);
    vm.realm.dataview_proto = dvp;
    make_ctor(vm, "DataView", 1, dataview_ctor, dvp);
    let dvm: [(&str, NativeFnPtr, NativeFnPtr); 10] = [
        ("Int8", dv_get_i8, dv_set_i8),
        ("Uint8", dv_get_u8, dv_set_u8),
        ("Int16", dv_get_i16, dv_set_i16),
        ("Uint16", dv_get_u16, dv_set_u16),
        ("Int32", dv_get_i32, dv_set_i32),
        ("Uint32", dv_get_u32, dv_set_u32),
        ("Float32", dv_get_f32, dv_set_f32),
        ("Float64", dv_get_f64, dv_set_f64),
        ("BigInt64", dv_get_bi64, dv_set_bi64),
        ("BigUint64", dv_get_bu64, dv_set_bu64),
    ];
    for (n, gf, sf) in dvm {
        vm.method(dvp, &format!("get{n}"), 1, gf);
        vm.method(dvp, &format!("set{n}"), 2, sf);
    }
    getter(vm, dvp, "byteLength", get_byte_length);
    getter(vm, dvp, "byteOffset", get_byte_offset);
    getter(vm, dvp, "buffer", get_buffer);
    vm.set_tag(dvp, "DataView");
    vm.realm.extra.push(dvp);
    let _ = g;
}
