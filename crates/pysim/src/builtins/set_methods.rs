//! Methods of `set` and `frozenset` (the set algebra in method form, updates, `pop`,
//! subset tests), over the CPython-ordered tables in `objects::set`.

use crate::code::{BinOp, CmpOp};
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{IterObj, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn this_set(vm: &mut Vm, args: &[Value], name: &str) -> PResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::Set(_)) => Ok(*r),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to this object"
        ))),
    }
}

/// An argument as a set (itself, or a temporary set of its items).
fn as_set(vm: &mut Vm, v: Value) -> PResult<ObjRef> {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.kind(r), Kind::Set(_)) {
            vm.incref_obj(r);
            return Ok(r);
        }
    }
    let s = vm.new_set(t::SET);
    if let Err(e) = vm.set_update(s, v) {
        vm.decref_obj(s);
        return Err(e);
    }
    Ok(s)
}

fn add(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("add", args, 1, 1)?;
    let s = this_set(vm, args, "add")?;
    vm.set_add(s, args[1])?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("discard", args, 1, 1)?;
    let s = this_set(vm, args, "discard")?;
    if let Some(k) = vm.set_discard(s, args[1])? {
        vm.decref(k);
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("remove", args, 1, 1)?;
    let s = this_set(vm, args, "remove")?;
    match vm.set_discard(s, args[1])? {
        Some(k) => {
            vm.decref(k);
            Ok(Value::None)
        }
        None => Err(vm.key_error(args[1])),
    }
}

fn pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = this_set(vm, args, "pop")?;
    let k = match vm.heap.kind_mut(s) {
        Kind::Set(x) => x.pop(),
        _ => None,
    };
    k.ok_or_else(|| vm.exc(t::KEY_ERROR, "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = this_set(vm, args, "clear")?;
    let old = match vm.heap.kind_mut(s) {
        Kind::Set(x) => x.clear(),
        _ => Vec::new(),
    };
    vm.decref_all(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = this_set(vm, args, "copy")?;
    let ty = if vm.heap.ty(s) == t::FROZENSET {
        t::FROZENSET
    } else {
        t::SET
    };
    if ty == t::FROZENSET {
        vm.incref_obj(s);
        return Ok(Value::Obj(s));
    }
    let n = vm.new_set(ty);
    vm.set_merge(n, s)?;
    Ok(Value::Obj(n))
}

fn algebra(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> PResult<Value> {
    let s = this_set(vm, args, name)?;
    let ty = if vm.heap.ty(s) == t::FROZENSET {
        t::FROZENSET
    } else {
        t::SET
    };
    let mut acc = vm.new_set(ty);
    vm.set_merge(acc, s)?;
    for other in &args[1..] {
        let o = as_set(vm, *other)?;
        let r = vm.set_binary(acc, o, op);
        vm.decref_obj(o);
        vm.decref_obj(acc);
        match r? {
            Value::Obj(n) => acc = n,
            _ => return Ok(Value::None),
        }
    }
    Ok(Value::Obj(acc))
}

fn union(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    algebra(vm, args, BinOp::Or, "union")
}
fn intersection(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    algebra(vm, args, BinOp::And, "intersection")
}
fn difference(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    algebra(vm, args, BinOp::Sub, "difference")
}
fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("symmetric_difference", args, 1, 1)?;
    algebra(vm, args, BinOp::Xor, "symmetric_difference")
}

fn update_op(vm: &mut Vm, args: &[Value], op: BinOp, name: &str) -> PResult<Value> {
    let s = this_set(vm, args, name)?;
    for other in &args[1..] {
        if op == BinOp::Or {
            vm.set_update(s, *other)?;
            continue;
        }
        let o = as_set(vm, *other)?;
        let r = vm.set_inplace(s, Value::Obj(o), op);
        vm.decref_obj(o);
        r?;
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    update_op(vm, args, BinOp::Or, "update")
}
fn intersection_update(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    update_op(vm, args, BinOp::And, "intersection_update")
}
fn difference_update(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    update_op(vm, args, BinOp::Sub, "difference_update")
}
fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    update_op(vm, args, BinOp::Xor, "symmetric_difference_update")
}

fn subset_test(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> PResult<Value> {
    vm.margs(name, args, 1, 1)?;
    let s = this_set(vm, args, name)?;
    let o = as_set(vm, args[1])?;
    let r = vm.set_compare(s, o, op);
    vm.decref_obj(o);
    r
}

fn issubset(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    subset_test(vm, args, CmpOp::Le, "issubset")
}
fn issuperset(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    subset_test(vm, args, CmpOp::Ge, "issuperset")
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("isdisjoint", args, 1, 1)?;
    let s = this_set(vm, args, "isdisjoint")?;
    let items = vm.collect_iter(args[1])?;
    let mut r = true;
    for v in &items {
        if vm.set_contains(s, *v)? {
            r = false;
            break;
        }
    }
    vm.decref_all(items);
    Ok(Value::Bool(r))
}

fn set_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = this_set(vm, args, "__len__")?;
    let n = vm.set_items(s).len();
    Ok(vm.int(n as i64))
}

fn set_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__contains__", args, 1, 1)?;
    let s = this_set(vm, args, "__contains__")?;
    Ok(Value::Bool(vm.set_contains(s, args[1])?))
}

fn set_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = this_set(vm, args, "__iter__")?;
    let used = vm.set_items(s).len();
    vm.incref_obj(s);
    Ok(vm.new_iter(IterObj::Set { s, pos: 0, used }))
}

fn binop(vm: &mut Vm, args: &[Value], op: BinOp) -> PResult<Value> {
    vm.margs(op.dunder(), args, 1, 1)?;
    match vm.builtin_binary(args[0], args[1], op)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Or)
}
fn and(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::And)
}
fn sub(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Sub)
}
fn xor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Xor)
}

fn set_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__eq__", args, 1, 1)?;
    match vm.builtin_richcompare(args[0], args[1], CmpOp::Eq)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

pub fn install(vm: &mut Vm) {
    let common: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__or__", or),
        ("__and__", and),
        ("__sub__", sub),
        ("__xor__", xor),
        ("__eq__", set_eq),
    ];
    for ty in [t::SET, t::FROZENSET] {
        for (name, f) in common {
            vm.add_method(ty, name, *f);
        }
    }
    let mutating: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    for (name, f) in mutating {
        vm.add_method(t::SET, name, *f);
    }
    vm.set_type_attr(t::SET, "__hash__", Value::None);
}
