//! Methods of `dict` and its views: `get`, `setdefault`, `pop`, `popitem`, `update`,
//! `copy` (CPython's clone fast path), `fromkeys` (presized for dict / set sources),
//! `keys` / `values` / `items` views, `|` and `|=`.

use crate::heap::refcount::FreeList;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{IterObj, Kind, ViewKind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn this_dict(vm: &mut Vm, args: &[Value], name: &str) -> PResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::Dict(_)) => Ok(*r),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to this object"
        ))),
    }
}

fn get(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("get", args, 1, 2)?;
    let d = this_dict(vm, args, "get")?;
    let v = vm
        .dict_get(d, args[1])?
        .unwrap_or(args.get(2).copied().unwrap_or(Value::None));
    vm.incref(v);
    Ok(v)
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("setdefault", args, 2, 3)?;
    let d = this_dict(vm, args, "setdefault")?;
    if let Some(v) = vm.dict_get(d, args[1])? {
        vm.incref(v);
        return Ok(v);
    }
    let v = args.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(d, args[1], v)?;
    vm.incref(v);
    Ok(v)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("pop", args, 2, 3)?;
    let d = this_dict(vm, args, "pop")?;
    match vm.dict_remove(d, args[1])? {
        Some((k, v)) => {
            vm.decref(k);
            Ok(v)
        }
        None => match args.get(2) {
            Some(dflt) => {
                vm.incref(*dflt);
                Ok(*dflt)
            }
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let d = this_dict(vm, args, "popitem")?;
    let kv = match vm.heap.kind_mut(d) {
        Kind::Dict(x) => x.pop_last(),
        _ => None,
    };
    match kv {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.exc(t::KEY_ERROR, "popitem(): dictionary is empty")),
    }
}

fn update(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this_dict(vm, args, "update")?;
    if let Some(o) = args.get(1) {
        vm.dict_update(d, *o)?;
    }
    for (k, v) in kw {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let d = this_dict(vm, args, "clear")?;
    let old = match vm.heap.kind_mut(d) {
        Kind::Dict(x) => x.clear(),
        _ => Vec::new(),
    };
    for e in old {
        vm.decref(e.key);
        vm.decref(e.value);
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let d = this_dict(vm, args, "copy")?;
    Ok(Value::Obj(vm.dict_copy(d)?))
}

fn fromkeys(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("fromkeys", args, 2, 3)?;
    let cls = args[0];
    let value = args.get(2).copied().unwrap_or(Value::None);
    let src = args[1];
    let d = vm.call(cls, &[], &[])?;
    let Value::Obj(dr) = d else { return Ok(d) };
    let exact = vm.heap.ty(dr) == t::DICT && vm.dict_len(dr) == 0;
    if exact {
        if let Value::Obj(sr) = src {
            match vm.heap.kind(sr) {
                Kind::Dict(sd) if vm.heap.ty(sr) == t::DICT => {
                    let (n, unicode) = (sd.len(), sd.unicode);
                    vm.dict_presize(dr, n, unicode);
                    for (k, _) in vm.dict_items(sr) {
                        vm.dict_set(dr, k, value)?;
                    }
                    return Ok(d);
                }
                Kind::Set(ss) => {
                    let n = ss.len();
                    vm.dict_presize(dr, n, false);
                    for k in vm.set_items(sr) {
                        vm.dict_set(dr, k, value)?;
                    }
                    return Ok(d);
                }
                _ => {}
            }
        }
    }
    let items = match vm.collect_iter(src) {
        Ok(i) => i,
        Err(e) => {
            vm.decref(d);
            return Err(e);
        }
    };
    for k in &items {
        if let Err(e) = vm.setitem(d, *k, value) {
            vm.decref_all(items);
            vm.decref(d);
            return Err(e);
        }
    }
    vm.decref_all(items);
    Ok(d)
}

fn view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PResult<Value> {
    let d = this_dict(vm, args, "keys")?;
    vm.incref_obj(d);
    let ty = match kind {
        ViewKind::Keys => t::DICT_KEYS,
        ViewKind::Values => t::DICT_VALUES,
        ViewKind::Items => t::DICT_ITEMS,
    };
    Ok(Value::Obj(vm.alloc_gc(
        ty,
        Kind::DictView(d, kind),
        FreeList::None,
    )))
}

fn keys(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    view(vm, args, ViewKind::Keys)
}
fn values(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    view(vm, args, ViewKind::Values)
}
fn items(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    view(vm, args, ViewKind::Items)
}

fn dict_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let d = this_dict(vm, args, "__len__")?;
    let n = vm.dict_len(d);
    Ok(vm.int(n as i64))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getitem__", args, 2, 2)?;
    let d = this_dict(vm, args, "__getitem__")?;
    match vm.dict_get(d, args[1])? {
        Some(v) => {
            vm.incref(v);
            Ok(v)
        }
        None => {
            let ty = vm.heap.ty(d);
            if vm.type_is_heap(ty) {
                if let Some(m) = vm.lookup_type_str(ty, "__missing__") {
                    let r = vm.call(m, &[args[0], args[1]], &[]);
                    vm.decref(m);
                    return r;
                }
            }
            Err(vm.key_error(args[1]))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__setitem__", args, 3, 3)?;
    let d = this_dict(vm, args, "__setitem__")?;
    vm.dict_set(d, args[1], args[2])?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__delitem__", args, 2, 2)?;
    let d = this_dict(vm, args, "__delitem__")?;
    match vm.dict_remove(d, args[1])? {
        Some((k, v)) => {
            vm.decref(k);
            vm.decref(v);
            Ok(Value::None)
        }
        None => Err(vm.key_error(args[1])),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__contains__", args, 2, 2)?;
    let d = this_dict(vm, args, "__contains__")?;
    Ok(Value::Bool(vm.dict_get(d, args[1])?.is_some()))
}

fn dict_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let d = this_dict(vm, args, "__iter__")?;
    let used = vm.dict_len(d);
    vm.incref_obj(d);
    Ok(vm.new_iter(IterObj::Dict {
        d,
        pos: 0,
        kind: ViewKind::Keys,
        used,
        rev: false,
    }))
}

fn dict_or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__or__", args, 2, 2)?;
    match vm.builtin_binary(args[0], args[1], crate::code::BinOp::Or)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn dict_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__eq__", args, 2, 2)?;
    match vm.builtin_richcompare(args[0], args[1], crate::code::CmpOp::Eq)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isdisjoint", args, 2, 2)?;
    let other = vm.collect_iter(args[1])?;
    let mut r = true;
    for v in &other {
        if vm.contains(args[0], *v)? {
            r = false;
            break;
        }
    }
    vm.decref_all(other);
    Ok(Value::Bool(r))
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.len(args[0])?;
    Ok(vm.int(n as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.iter(args[0])
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__contains__", args, 2, 2)?;
    Ok(Value::Bool(vm.contains(args[0], args[1])?))
}

fn mappingproxy_get(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("get", args, 2, 3)?;
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    let d = match vm.heap.kind(r) {
        Kind::MappingProxy(d) => *d,
        _ => return Ok(Value::None),
    };
    let v = vm
        .dict_get(d, args[1])?
        .unwrap_or(args.get(2).copied().unwrap_or(Value::None));
    vm.incref(v);
    Ok(v)
}

fn mappingproxy_view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PResult<Value> {
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    let d = match vm.heap.kind(r) {
        Kind::MappingProxy(d) => *d,
        _ => return Ok(Value::None),
    };
    view(vm, &[Value::Obj(d)], kind)
}

fn mp_keys(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    mappingproxy_view(vm, args, ViewKind::Keys)
}
fn mp_values(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    mappingproxy_view(vm, args, ViewKind::Values)
}
fn mp_items(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    mappingproxy_view(vm, args, ViewKind::Items)
}

fn dict_ior(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__ior__", args, 2, 2)?;
    vm.binary_op(args[0], args[1], crate::code::BinOp::Or, true)
}

fn dict_ror(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__ror__", args, 2, 2)?;
    match vm.builtin_binary(args[1], args[0], crate::code::BinOp::Or)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__reversed__", args, 1, 1)?;
    super::ctors::reversed_new(vm, &[Value::Obj(t::REVERSED), args[0]], &[])
}

pub fn install(vm: &mut Vm) {
    let d = t::DICT;
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("__or__", dict_or),
        ("__ior__", dict_ior),
        ("__ror__", dict_ror),
        ("__reversed__", dict_reversed),
        ("__eq__", dict_eq),
    ];
    for (name, f) in fns {
        vm.add_method(d, name, *f);
    }
    vm.add_classmethod(d, "fromkeys", fromkeys);
    vm.set_type_attr(d, "__hash__", Value::None);
    for vt in [t::DICT_KEYS, t::DICT_VALUES, t::DICT_ITEMS] {
        vm.add_method(vt, "__len__", view_len);
        vm.add_method(vt, "__iter__", view_iter);
        vm.add_method(vt, "__contains__", view_contains);
        vm.add_method(vt, "isdisjoint", view_isdisjoint);
    }
    vm.add_staticmethod(t::MAPPINGPROXY, "__new__", mappingproxy_new);
    vm.add_method(t::MAPPINGPROXY, "get", mappingproxy_get);
    vm.add_method(t::MAPPINGPROXY, "keys", mp_keys);
    vm.add_method(t::MAPPINGPROXY, "values", mp_values);
    vm.add_method(t::MAPPINGPROXY, "items", mp_items);
}

/// `types.MappingProxyType(mapping)`: a read-only view of a dict.
fn mappingproxy_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("mappingproxy", &args[1.min(args.len())..], 1, 1)?;
    match args[1] {
        Value::Obj(d) if matches!(vm.heap.kind(d), Kind::Dict(_)) => {
            vm.incref_obj(d);
            let r = vm.alloc_gc(
                t::MAPPINGPROXY,
                Kind::MappingProxy(d),
                crate::heap::refcount::FreeList::None,
            );
            Ok(Value::Obj(r))
        }
        v => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!(
                "mappingproxy() argument must be a mapping, not {tn}"
            )))
        }
    }
}
