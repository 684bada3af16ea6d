//! The structured clone algorithm (`structuredClone`) and deep equality
//! (`util.isDeepStrictEqual`, `assert.deepStrictEqual`).

use crate::heap::{Kind, PropVal};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};
use std::collections::HashMap;

/// `structuredClone(value)`: copies data (objects, arrays, Map, Set, Date, RegExp,
/// errors, binary data) keeping shared and circular references; functions and
/// symbols throw `DataCloneError`.
pub fn structured_clone(vm: &mut Vm, v: &Value) -> Res<Value> {
    let mut memo = HashMap::new();
    clone_value(vm, v, &mut memo)
}

fn data_clone_error(vm: &mut Vm, v: &Value) -> Throw {
    let shown = match v {
        Value::Sym(_) => vm.prim_to_string(v),
        _ => vm.to_display(v),
    };
    crate::dom::exception(
        vm,
        "DataCloneError",
        &format!("{shown} could not be cloned."),
    )
}

fn clone_value(vm: &mut Vm, v: &Value, memo: &mut HashMap<ObjRef, ObjRef>) -> Res<Value> {
    let o = match v {
        Value::Sym(_) => return Err(data_clone_error(vm, v)),
        Value::Obj(o) => *o,
        other => return Ok(other.clone()),
    };
    if let Some(c) = memo.get(&o) {
        return Ok(Value::Obj(*c));
    }
    if vm.is_callable(v) {
        return Err(data_clone_error(vm, v));
    }
    enum Shape {
        Plain,
        Array(usize),
        Map(Vec<(Value, Value)>),
        Set(Vec<Value>),
        Date(f64),
        RegExp(String, String),
        Boxed(Value),
        Error,
        Buffer(Vec<u8>),
        Typed(crate::heap::TypedArrayData),
        Refuse,
    }
    let shape = match vm.heap.kind(o) {
        Some(Kind::Ordinary | Kind::Arguments(_)) => Shape::Plain,
        Some(Kind::Array(items)) => Shape::Array(items.len()),
        Some(Kind::Map(t)) => Shape::Map(t.entries.iter().flatten().cloned().collect()),
        Some(Kind::Set(t)) => {
            Shape::Set(t.entries.iter().flatten().map(|(k, _)| k.clone()).collect())
        }
        Some(Kind::Date(t)) => Shape::Date(*t),
        Some(Kind::RegExp(r)) => Shape::RegExp(r.source.clone(), r.flags.clone()),
        Some(Kind::Boxed(b)) if !matches!(b, Value::Sym(_)) => Shape::Boxed(b.clone()),
        Some(Kind::Error(_)) => Shape::Error,
        Some(Kind::ArrayBuffer(b)) => Shape::Buffer(b.clone()),
        Some(Kind::TypedArray(t)) => Shape::Typed((**t).clone()),
        _ => Shape::Refuse,
    };
    let out = match shape {
        Shape::Refuse => return Err(data_clone_error(vm, v)),
        Shape::Plain | Shape::Error => {
            let proto = if matches!(shape, Shape::Error) {
                let name = vm.get(v, &PropKey::s("name"))?;
                let name = vm.to_string(&name)?;
                vm.realm
                    .errors
                    .get(&*name)
                    .copied()
                    .unwrap_or(vm.realm.error_proto)
            } else {
                vm.realm.object_proto
            };
            let c = if matches!(shape, Shape::Error) {
                vm.new_error_object(proto)
            } else {
                vm.alloc(Some(proto), Kind::Ordinary)
            };
            memo.insert(o, c);
            if matches!(shape, Shape::Error) {
                for k in ["message", "stack", "cause"] {
                    if let Some(p) = vm.get_own_prop(o, &PropKey::s(k)) {
                        if let PropVal::Data(x) = p.v {
                            let x = clone_value(vm, &x, memo)?;
                            vm.set_hidden(c, k, x);
                        }
                    }
                }
                return Ok(Value::Obj(c));
            }
            for k in vm.enumerable_keys(o)? {
                let x = vm.get(v, &PropKey::Str(k.clone()))?;
                let x = clone_value(vm, &x, memo)?;
                vm.set_prop_raw(c, &k, x);
            }
            c
        }
        Shape::Array(n) => {
            let c = vm.new_array(vec![Value::Empty; n]);
            memo.insert(o, c);
            for k in vm.enumerable_keys(o)? {
                let x = vm.get(v, &PropKey::Str(k.clone()))?;
                let x = clone_value(vm, &x, memo)?;
                vm.set_own(c, PropKey::Str(k), x)?;
            }
            c
        }
        Shape::Map(entries) => {
            let p = vm.realm.map_proto;
            let c = vm.alloc(Some(p), Kind::Map(Box::default()));
            memo.insert(o, c);
            for (k, x) in entries {
                let k = clone_value(vm, &k, memo)?;
                let x = clone_value(vm, &x, memo)?;
                if let Some(Kind::Map(t)) = vm.heap.get_mut(c).map(|o| &mut o.kind) {
                    t.set(k, x);
                }
            }
            c
        }
        Shape::Set(items) => {
            let p = vm.realm.set_proto;
            let c = vm.alloc(Some(p), Kind::Set(Box::default()));
            memo.insert(o, c);
            for k in items {
                let k = clone_value(vm, &k, memo)?;
                if let Some(Kind::Set(t)) = vm.heap.get_mut(c).map(|o| &mut o.kind) {
                    t.set(k, Value::Undefined);
                }
            }
            c
        }
        Shape::Date(t) => {
            let p = vm.realm.date_proto;
            vm.alloc(Some(p), Kind::Date(t))
        }
        Shape::RegExp(src, flags) => match crate::builtins::regexp::new_regexp(vm, &src, &flags)? {
            Value::Obj(r) => r,
            _ => return Err(data_clone_error(vm, v)),
        },
        Shape::Boxed(b) => {
            let c = crate::builtins::object::to_object(vm, &b)?;
            memo.insert(o, c);
            c
        }
        Shape::Buffer(b) => {
            let p = vm.realm.array_buffer_proto;
            vm.alloc(Some(p), Kind::ArrayBuffer(b))
        }
        Shape::Typed(t) => {
            let buf = clone_value(vm, &Value::Obj(t.buffer), memo)?;
            let proto = vm.heap.get(o).and_then(|x| x.proto);
            let Value::Obj(buf) = buf else {
                return Err(data_clone_error(vm, v));
            };
            vm.alloc(
                proto,
                Kind::TypedArray(Box::new(crate::heap::TypedArrayData { buffer: buf, ..t })),
            )
        }
    };
    memo.insert(o, out);
    Ok(Value::Obj(out))
}

/// Node's deep equality (strict: prototypes and types must match, SameValue for
/// primitives).
pub fn deep_equal(vm: &mut Vm, a: &Value, b: &Value, strict: bool) -> Res<bool> {
    let mut seen = Vec::new();
    deep_eq(vm, a, b, strict, &mut seen)
}

fn deep_eq(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    strict: bool,
    seen: &mut Vec<(ObjRef, ObjRef)>,
) -> Res<bool> {
    let (x, y) = match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => (*x, *y),
        (Value::Obj(_), _) | (_, Value::Obj(_)) => return Ok(false),
        _ => {
            return Ok(if strict {
                crate::value::same_value(a, b)
            } else {
                vm.loose_eq(a, b)?
                    || (matches!(a, Value::Num(n) if n.is_nan())
                        && matches!(b, Value::Num(n) if n.is_nan()))
            })
        }
    };
    if x == y || seen.contains(&(x, y)) {
        return Ok(true);
    }
    if strict && vm.heap.get(x).and_then(|o| o.proto) != vm.heap.get(y).and_then(|o| o.proto) {
        return Ok(false);
    }
    seen.push((x, y));
    let kinds = (
        vm.heap.kind(x).map(std::mem::discriminant),
        vm.heap.kind(y).map(std::mem::discriminant),
    );
    if kinds.0 != kinds.1 {
        return Ok(false);
    }
    match (vm.heap.kind(x), vm.heap.kind(y)) {
        (Some(Kind::Date(t1)), Some(Kind::Date(t2)))
            if t1 != t2 && !(t1.is_nan() && t2.is_nan()) =>
        {
            return Ok(false)
        }
        (Some(Kind::RegExp(r1)), Some(Kind::RegExp(r2)))
            if r1.source != r2.source || r1.flags != r2.flags =>
        {
            return Ok(false)
        }
        (Some(Kind::Boxed(p1)), Some(Kind::Boxed(p2))) if !crate::value::same_value(p1, p2) => {
            return Ok(false)
        }
        (Some(Kind::Array(i1)), Some(Kind::Array(i2))) if i1.len() != i2.len() => return Ok(false),
        (Some(Kind::Map(t1)), Some(Kind::Map(t2))) | (Some(Kind::Set(t1)), Some(Kind::Set(t2))) => {
            if t1.live != t2.live {
                return Ok(false);
            }
            let e1: Vec<(Value, Value)> = t1.entries.iter().flatten().cloned().collect();
            let e2: Vec<(Value, Value)> = t2.entries.iter().flatten().cloned().collect();
            for (k, v) in &e1 {
                let mut found = false;
                for (k2, v2) in &e2 {
                    if deep_eq(vm, k, k2, strict, seen)? && deep_eq(vm, v, v2, strict, seen)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(false);
                }
            }
        }
        (Some(Kind::TypedArray(_)), Some(Kind::TypedArray(_))) => {
            let (ea, eb) = (
                crate::builtins::typed::elements(vm, x),
                crate::builtins::typed::elements(vm, y),
            );
            if ea.len() != eb.len()
                || !ea
                    .iter()
                    .zip(&eb)
                    .all(|(p, q)| crate::value::same_value(p, q))
            {
                return Ok(false);
            }
        }
        _ => {}
    }
    let ka = vm.enumerable_keys(x)?;
    let kb = vm.enumerable_keys(y)?;
    if ka.len() != kb.len() {
        return Ok(false);
    }
    for k in ka {
        let key = PropKey::Str(k);
        if vm.get_own_prop(y, &key).is_none() {
            return Ok(false);
        }
        let va = vm.get(&Value::Obj(x), &key)?;
        let vb = vm.get(&Value::Obj(y), &key)?;
        if !deep_eq(vm, &va, &vb, strict, seen)? {
            return Ok(false);
        }
    }
    Ok(true)
}
