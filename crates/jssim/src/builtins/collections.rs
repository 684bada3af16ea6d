//! Map, Set, WeakMap, WeakSet, WeakRef and FinalizationRegistry.

use super::make_ctor;
use crate::heap::{
    FinRegData, IterData, Kind, NativeCall, NativeFnPtr, Prop, PropVal, Table, WeakKey,
};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

fn table<'a>(vm: &'a mut Vm, c: &NativeCall, set: bool, name: &str) -> Res<&'a mut Table> {
    let ok = match c.this.as_obj().and_then(|o| vm.heap.kind(o)) {
        Some(Kind::Map(_)) => !set,
        Some(Kind::Set(_)) => set,
        _ => false,
    };
    if !ok {
        let d = vm.to_display(&c.this);
        return Err(vm.type_error(&format!(
            "Method {name} called on incompatible receiver {d}"
        )));
    }
    match c
        .this
        .as_obj()
        .and_then(|o| vm.heap.get_mut(o))
        .map(|o| &mut o.kind)
    {
        Some(Kind::Map(t)) | Some(Kind::Set(t)) => Ok(t),
        _ => Err(crate::interp::Throw::Limit("collection vanished".into())),
    }
}

fn fill_from(vm: &mut Vm, o: ObjRef, src: &Value, set: bool) -> Res<()> {
    if src.is_nullish() {
        return Ok(());
    }
    let items = vm.iterate_to_vec(src)?;
    for it in items {
        if set {
            if let Some(Kind::Set(t)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
                t.set(it, Value::Undefined);
            }
        } else {
            if !matches!(it, Value::Obj(_)) {
                let d = vm.to_display(&it);
                return Err(vm.type_error(&format!("Iterator value {d} is not an entry object")));
            }
            let k = vm.get_elem(&it, &Value::Num(0.0))?;
            let v = vm.get_elem(&it, &Value::Num(1.0))?;
            if let Some(Kind::Map(t)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
                t.set(k, v);
            }
        }
    }
    Ok(())
}

fn map_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Map requires 'new'"));
    }
    let def = vm.realm.map_proto;
    let p = vm.proto_for(c, def)?;
    let o = vm.alloc(Some(p), Kind::Map(Box::default()));
    fill_from(vm, o, &c.arg(0), false)?;
    Ok(Value::Obj(o))
}

fn set_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Set requires 'new'"));
    }
    let def = vm.realm.set_proto;
    let p = vm.proto_for(c, def)?;
    let o = vm.alloc(Some(p), Kind::Set(Box::default()));
    fill_from(vm, o, &c.arg(0), true)?;
    Ok(Value::Obj(o))
}

fn map_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    Ok(table(vm, c, false, "Map.prototype.get")?
        .get(&k)
        .cloned()
        .unwrap_or_default())
}
fn map_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (k, v) = (c.arg(0), c.arg(1));
    table(vm, c, false, "Map.prototype.set")?.set(k, v);
    Ok(c.this.clone())
}
fn map_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    Ok(Value::Bool(
        table(vm, c, false, "Map.prototype.has")?.get(&k).is_some(),
    ))
}
fn map_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    Ok(Value::Bool(
        table(vm, c, false, "Map.prototype.delete")?.delete(&k),
    ))
}
fn map_clear(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    table(vm, c, false, "Map.prototype.clear")?.clear();
    Ok(Value::Undefined)
}
fn map_size(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(
        table(vm, c, false, "get Map.prototype.size")?.live as f64,
    ))
}
fn set_add(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    table(vm, c, true, "Set.prototype.add")?.set(k, Value::Undefined);
    Ok(c.this.clone())
}
fn set_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    Ok(Value::Bool(
        table(vm, c, true, "Set.prototype.has")?.get(&k).is_some(),
    ))
}
fn set_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = c.arg(0);
    Ok(Value::Bool(
        table(vm, c, true, "Set.prototype.delete")?.delete(&k),
    ))
}
fn set_clear(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    table(vm, c, true, "Set.prototype.clear")?.clear();
    Ok(Value::Undefined)
}
fn set_size(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(
        table(vm, c, true, "get Set.prototype.size")?.live as f64,
    ))
}

fn for_each(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    let Some(o) = c.this.as_obj() else {
        return Ok(Value::Undefined);
    };
    let is_set = matches!(vm.heap.kind(o), Some(Kind::Set(_)));
    let mut i = 0;
    while let Some(Kind::Map(t) | Kind::Set(t)) = vm.heap.kind(o) {
        if i >= t.entries.len() {
            break;
        }
        let e = t.entries[i].clone();
        i += 1;
        if let Some((k, v)) = e {
            let v = if is_set { k.clone() } else { v };
            vm.call(&f, c.arg(1), vec![v, k, c.this.clone()])?;
        }
    }
    Ok(Value::Undefined)
}

fn iter(vm: &mut Vm, c: &NativeCall, kind: u8) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("not a collection"));
    };
    Ok(super::iterators::make_iter(
        vm,
        IterData::Table {
            obj: o,
            idx: 0,
            kind,
        },
    ))
}
fn keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iter(vm, c, 0)
}
fn values(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let is_set = matches!(
        c.this.as_obj().and_then(|o| vm.heap.kind(o)),
        Some(Kind::Set(_))
    );
    iter(vm, c, if is_set { 0 } else { 1 })
}
fn entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iter(vm, c, 2)
}
fn set_entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("not a collection"));
    };
    let items: Vec<Value> = match vm.heap.kind(o) {
        Some(Kind::Set(t)) => t.entries.iter().flatten().map(|e| e.0.clone()).collect(),
        _ => vec![],
    };
    let pairs = items
        .into_iter()
        .map(|k| vm.array_value(vec![k.clone(), k]))
        .collect();
    Ok(super::iterators::make_iter(
        vm,
        IterData::List {
            items: pairs,
            idx: 0,
        },
    ))
}

// ----- weak collections -----

/// CanBeHeldWeakly: objects and symbols that are not registered (`Symbol.for`).
fn can_be_held_weakly(vm: &Vm, v: &Value) -> Option<WeakKey> {
    match v {
        Value::Obj(o) => Some(WeakKey::Obj(*o)),
        Value::Sym(s) if !vm.symbol_registry.values().any(|r| r == s) => Some(WeakKey::Sym(*s)),
        _ => None,
    }
}

fn weak_key(vm: &mut Vm, v: &Value, what: &str) -> Res<WeakKey> {
    match can_be_held_weakly(vm, v) {
        Some(k) => Ok(k),
        None => Err(vm.type_error(&format!("Invalid value used {what}"))),
    }
}

fn weakmap_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor WeakMap requires 'new'"));
    }
    let def = vm.realm.weakmap_proto;
    let p = vm.proto_for(c, def)?;
    let o = vm.alloc(Some(p), Kind::WeakMap(Default::default()));
    if !c.arg(0).is_nullish() {
        for it in vm.iterate_to_vec(&c.arg(0))? {
            let k = vm.get_elem(&it, &Value::Num(0.0))?;
            let v = vm.get_elem(&it, &Value::Num(1.0))?;
            let k = weak_key(vm, &k, "as weak map key")?;
            if let Some(Kind::WeakMap(m)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
                m.insert(k, v);
            }
        }
    }
    Ok(Value::Obj(o))
}

fn wm<'a>(
    vm: &'a mut Vm,
    c: &NativeCall,
    method: &str,
) -> Res<&'a mut indexmap::IndexMap<WeakKey, Value>> {
    if !matches!(
        c.this.as_obj().and_then(|o| vm.heap.kind(o)),
        Some(Kind::WeakMap(_))
    ) {
        let d = vm.to_display(&c.this);
        return Err(vm.type_error(&format!(
            "Method WeakMap.prototype.{method} called on incompatible receiver {d}"
        )));
    }
    match c
        .this
        .as_obj()
        .and_then(|o| vm.heap.get_mut(o))
        .map(|o| &mut o.kind)
    {
        Some(Kind::WeakMap(m)) => Ok(m),
        _ => Err(crate::interp::Throw::Limit("weakmap vanished".into())),
    }
}

fn wm_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = can_be_held_weakly(vm, &c.arg(0));
    let m = wm(vm, c, "get")?;
    Ok(k.and_then(|k| m.get(&k).cloned()).unwrap_or_default())
}
fn wm_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    wm(vm, c, "set")?;
    let k = weak_key(vm, &c.arg(0), "as weak map key")?;
    let v = c.arg(1);
    wm(vm, c, "set")?.insert(k, v);
    Ok(c.this.clone())
}
fn wm_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = can_be_held_weakly(vm, &c.arg(0));
    let m = wm(vm, c, "has")?;
    Ok(Value::Bool(k.is_some_and(|k| m.contains_key(&k))))
}
fn wm_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = can_be_held_weakly(vm, &c.arg(0));
    let m = wm(vm, c, "delete")?;
    Ok(Value::Bool(k.is_some_and(|k| m.shift_remove(&k).is_some())))
}

fn weakset_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor WeakSet requires 'new'"));
    }
    let def = vm.realm.weakset_proto;
    let p = vm.proto_for(c, def)?;
    let o = vm.alloc(Some(p), Kind::WeakSet(Default::default()));
    if !c.arg(0).is_nullish() {
        for it in vm.iterate_to_vec(&c.arg(0))? {
            let k = weak_key(vm, &it, "in weak set")?;
            if let Some(Kind::WeakSet(m)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
                m.insert(k);
            }
        }
    }
    Ok(Value::Obj(o))
}

fn ws<'a>(
    vm: &'a mut Vm,
    c: &NativeCall,
    method: &str,
) -> Res<&'a mut indexmap::IndexSet<WeakKey>> {
    if !matches!(
        c.this.as_obj().and_then(|o| vm.heap.kind(o)),
        Some(Kind::WeakSet(_))
    ) {
        let d = vm.to_display(&c.this);
        return Err(vm.type_error(&format!(
            "Method WeakSet.prototype.{method} called on incompatible receiver {d}"
        )));
    }
    match c
        .this
        .as_obj()
        .and_then(|o| vm.heap.get_mut(o))
        .map(|o| &mut o.kind)
    {
        Some(Kind::WeakSet(m)) => Ok(m),
        _ => Err(crate::interp::Throw::Limit("weakset vanished".into())),
    }
}
fn ws_add(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    ws(vm, c, "add")?;
    let k = weak_key(vm, &c.arg(0), "in weak set")?;
    ws(vm, c, "add")?.insert(k);
    Ok(c.this.clone())
}
fn ws_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = can_be_held_weakly(vm, &c.arg(0));
    let m = ws(vm, c, "has")?;
    Ok(Value::Bool(k.is_some_and(|k| m.contains(&k))))
}
fn ws_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = can_be_held_weakly(vm, &c.arg(0));
    let m = ws(vm, c, "delete")?;
    Ok(Value::Bool(k.is_some_and(|k| m.shift_remove(&k))))
}

fn weakref_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor WeakRef requires 'new'"));
    }
    let Some(t) = can_be_held_weakly(vm, &c.arg(0)) else {
        return Err(vm.type_error("WeakRef: invalid target"));
    };
    let def = vm.realm.weakref_proto;
    let p = vm.proto_for(c, def)?;
    // The target is kept alive until the end of the current job (AddToKeptObjects).
    vm.kept_alive.extend(t.obj());
    Ok(Value::Obj(vm.alloc(Some(p), Kind::WeakRef(Some(t)))))
}

fn deref(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = match c.this.as_obj().and_then(|o| vm.heap.kind(o)) {
        Some(Kind::WeakRef(t)) => *t,
        _ => {
            let d = vm.to_display(&c.this);
            return Err(vm.type_error(&format!(
                "Method WeakRef.prototype.deref called on incompatible receiver {d}"
            )));
        }
    };
    Ok(match t {
        Some(WeakKey::Obj(o)) if vm.heap.get(o).is_some() => {
            vm.kept_alive.push(o);
            Value::Obj(o)
        }
        Some(WeakKey::Sym(s)) => Value::Sym(s),
        _ => Value::Undefined,
    })
}

fn finreg_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor FinalizationRegistry requires 'new'"));
    }
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        return Err(vm.type_error("FinalizationRegistry: cleanup must be callable"));
    }
    let def = vm.realm.finreg_proto;
    let p = vm.proto_for(c, def)?;
    Ok(Value::Obj(vm.alloc(
        Some(p),
        Kind::FinReg(Box::new(FinRegData {
            cleanup: f,
            cells: vec![],
        })),
    )))
}

fn this_finreg(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if matches!(vm.heap.kind(o), Some(Kind::FinReg(_))) => Ok(o),
        _ => {
            let d = vm.to_display(&c.this);
            Err(vm.type_error(&format!("Method FinalizationRegistry.prototype.{method} called on incompatible receiver {d}")))
        }
    }
}

fn register(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let r = this_finreg(vm, c, "register")?;
    let Some(t) = can_be_held_weakly(vm, &c.arg(0)) else {
        return Err(vm.type_error("FinalizationRegistry.prototype.register: invalid target"));
    };
    if crate::value::same_value(&c.arg(0), &c.arg(1)) {
        return Err(vm.type_error(
            "FinalizationRegistry.prototype.register: target and holdings must not be same",
        ));
    }
    let token = match c.arg(2) {
        Value::Undefined => None,
        v => match can_be_held_weakly(vm, &v) {
            Some(k) => Some(k),
            None => {
                let d = vm.to_display(&v);
                return Err(vm.type_error(&format!("Invalid unregisterToken ('{d}')")));
            }
        },
    };
    let held = c.arg(1);
    if let Some(Kind::FinReg(d)) = vm.heap.get_mut(r).map(|o| &mut o.kind) {
        d.cells.push((t, held, token));
    }
    Ok(Value::Undefined)
}

fn unregister(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let r = this_finreg(vm, c, "unregister")?;
    let Some(tok) = can_be_held_weakly(vm, &c.arg(0)) else {
        let d = vm.to_display(&c.arg(0));
        return Err(vm.type_error(&format!("Invalid unregisterToken ('{d}')")));
    };
    let mut removed = false;
    if let Some(Kind::FinReg(d)) = vm.heap.get_mut(r).map(|o| &mut o.kind) {
        let before = d.cells.len();
        d.cells.retain(|cell| cell.2 != Some(tok));
        removed = d.cells.len() != before;
    }
    Ok(Value::Bool(removed))
}

fn getter(vm: &mut Vm, obj: ObjRef, name: &str, f: NativeFnPtr) {
    let g = vm.native(&format!("get {name}"), 0, f);
    if let Some(o) = vm.heap.get_mut(obj) {
        o.props.insert(
            PropKey::s(name),
            Prop {
                v: PropVal::Accessor(Some(g), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
}

pub fn install(vm: &mut Vm) {
    let mp = vm.realm.map_proto;
    make_ctor(vm, "Map", 0, map_ctor, mp);
    for (n, l, f) in [
        ("get", 1, map_get as NativeFnPtr),
        ("set", 2, map_set),
        ("has", 1, map_has),
        ("delete", 1, map_delete),
        ("clear", 0, map_clear),
        ("forEach", 1, for_each),
        ("keys", 0, keys),
        ("values", 0, values),
        ("entries", 0, entries),
    ] {
        vm.method(mp, n, l, f);
    }
    getter(vm, mp, "size", map_size);
    let e = vm
        .get(&Value::Obj(mp), &PropKey::s("entries"))
        .unwrap_or_default();
    vm.set_hidden(mp, "@Symbol.iterator", e);
    vm.set_hidden(mp, "@Symbol.toStringTag", Value::str("Map"));

    let sp = vm.realm.set_proto;
    make_ctor(vm, "Set", 0, set_ctor, sp);
    for (n, l, f) in [
        ("add", 1, set_add as NativeFnPtr),
        ("has", 1, set_has),
        ("delete", 1, set_delete),
        ("clear", 0, set_clear),
        ("forEach", 1, for_each),
        ("values", 0, values),
        ("entries", 0, set_entries),
    ] {
        vm.method(sp, n, l, f);
    }
    let v = vm
        .get(&Value::Obj(sp), &PropKey::s("values"))
        .unwrap_or_default();
    vm.set_hidden(sp, "keys", v.clone());
    vm.set_hidden(sp, "@Symbol.iterator", v);
    getter(vm, sp, "size", set_size);
    vm.set_hidden(sp, "@Symbol.toStringTag", Value::str("Set"));

    let wmp = vm.realm.weakmap_proto;
    make_ctor(vm, "WeakMap", 0, weakmap_ctor, wmp);
    for (n, l, f) in [
        ("get", 1, wm_get as NativeFnPtr),
        ("set", 2, wm_set),
        ("has", 1, wm_has),
        ("delete", 1, wm_delete),
    ] {
        vm.method(wmp, n, l, f);
    }
    vm.set_hidden(wmp, "@Symbol.toStringTag", Value::str("WeakMap"));
    let wsp = vm.realm.weakset_proto;
    make_ctor(vm, "WeakSet", 0, weakset_ctor, wsp);
    for (n, l, f) in [
        ("add", 1, ws_add as NativeFnPtr),
        ("has", 1, ws_has),
        ("delete", 1, ws_delete),
    ] {
        vm.method(wsp, n, l, f);
    }
    vm.set_hidden(wsp, "@Symbol.toStringTag", Value::str("WeakSet"));
    let wrp = vm.realm.weakref_proto;
    make_ctor(vm, "WeakRef", 1, weakref_ctor, wrp);
    vm.method(wrp, "deref", 0, deref);
    vm.set_hidden(wrp, "@Symbol.toStringTag", Value::str("WeakRef"));
    let frp = vm.realm.finreg_proto;
    make_ctor(vm, "FinalizationRegistry", 1, finreg_ctor, frp);
    vm.method(frp, "register", 2, register);
    vm.method(frp, "unregister", 1, unregister);
    vm.set_hidden(
        frp,
        "@Symbol.toStringTag",
        Value::str("FinalizationRegistry"),
    );
}
