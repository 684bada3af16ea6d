//! Object, Function.prototype, Symbol, Boolean, the Error constructors, Reflect and Proxy.

use super::{make_ctor, this_obj};
use crate::heap::{Kind, NativeCall, Prop, PropVal};
use crate::interp::{sym, Res, Throw, Vm};
use crate::value::{same_value, JsStr, ObjRef, PropKey, Value};
use std::sync::Arc;

pub fn to_object(vm: &mut Vm, v: &Value) -> Res<ObjRef> {
    match v {
        Value::Obj(o) => Ok(*o),
        Value::Undefined | Value::Null => {
            Err(vm.type_error("Cannot convert undefined or null to object"))
        }
        other => {
            let proto = match other {
                Value::Str(_) => vm.realm.string_proto,
                Value::Num(_) => vm.realm.number_proto,
                Value::Bool(_) => vm.realm.boolean_proto,
                Value::Sym(_) => vm.realm.symbol_proto,
                _ => vm.realm.bigint_proto,
            };
            Ok(vm.alloc(Some(proto), Kind::Boxed(other.clone())))
        }
    }
}

fn object_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.arg(0) {
        Value::Undefined | Value::Null => Ok(Value::Obj(vm.new_object())),
        v => Ok(Value::Obj(to_object(vm, &v)?)),
    }
}

fn keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks = vm.enumerable_keys(o)?;
    let items = ks.into_iter().map(Value::Str).collect();
    Ok(vm.array_value(items))
}

fn values(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks = vm.enumerable_keys(o)?;
    let mut out = Vec::new();
    for k in ks {
        out.push(vm.get(&Value::Obj(o), &PropKey::Str(k))?);
    }
    Ok(vm.array_value(out))
}

fn entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks = vm.enumerable_keys(o)?;
    let mut out = Vec::new();
    for k in ks {
        let v = vm.get(&Value::Obj(o), &PropKey::Str(k.clone()))?;
        out.push(vm.array_value(vec![Value::Str(k), v]));
    }
    Ok(vm.array_value(out))
}

fn assign(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = to_object(vm, &c.arg(0))?;
    for src in c.args.iter().skip(1) {
        if let Value::Obj(s) = src {
            let ks = vm.own_keys(*s);
            for k in ks {
                if let Some(p) = vm.get_own_prop(*s, &k) {
                    if p.enumerable {
                        let v = vm.get(src, &k)?;
                        vm.set(&Value::Obj(t), k, v, Value::Obj(t))?;
                    }
                }
            }
        } else if let Value::Str(_) = src {
            vm.copy_data_props(t, src, &[])?;
        }
    }
    Ok(Value::Obj(t))
}

fn freeze(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        if let Some(obj) = vm.heap.get_mut(o) {
            obj.extensible = false;
            for p in obj.props.values_mut() {
                p.configurable = false;
                if let PropVal::Data(_) = p.v {
                    p.writable = false;
                }
            }
            if let Kind::Array(items) = &obj.kind {
                let items = items.clone();
                obj.kind = Kind::Ordinary;
                for (i, v) in items.into_iter().enumerate() {
                    obj.props.insert(
                        PropKey::s(&i.to_string()),
                        Prop {
                            v: PropVal::Data(v),
                            enumerable: true,
                            writable: false,
                            configurable: false,
                        },
                    );
                }
                let _ = &obj.kind;
            }
        }
    }
    Ok(c.arg(0))
}

fn is_frozen(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(match c.arg(0) {
        Value::Obj(o) => vm
            .heap
            .get(o)
            .map(|x| !x.extensible && x.props.values().all(|p| !p.configurable && !p.writable))
            .unwrap_or(true),
        _ => true,
    }))
}

fn seal(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        if let Some(obj) = vm.heap.get_mut(o) {
            obj.extensible = false;
            for p in obj.props.values_mut() {
                p.configurable = false;
            }
        }
    }
    Ok(c.arg(0))
}

fn is_sealed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(match c.arg(0) {
        Value::Obj(o) => vm
            .heap
            .get(o)
            .map(|x| !x.extensible && x.props.values().all(|p| !p.configurable))
            .unwrap_or(true),
        _ => true,
    }))
}

fn prevent_extensions(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        if let Some(obj) = vm.heap.get_mut(o) {
            obj.extensible = false;
        }
    }
    Ok(c.arg(0))
}

fn is_extensible(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(match c.arg(0) {
        Value::Obj(o) => vm.heap.get(o).map(|x| x.extensible).unwrap_or(false),
        _ => false,
    }))
}

fn create(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let proto = match c.arg(0) {
        Value::Obj(o) => Some(o),
        Value::Null => None,
        v => {
            let d = vm.to_display(&v);
            return Err(vm.type_error(&format!(
                "Object prototype may only be an Object or null: {d}"
            )));
        }
    };
    let o = vm.alloc(proto, Kind::Ordinary);
    if let Value::Obj(props) = c.arg(1) {
        define_props(vm, o, props)?;
    }
    Ok(Value::Obj(o))
}

fn get_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    if let Some(Kind::Proxy(_, h)) = vm.heap.kind(o) {
        let h = *h;
        let trap = vm.get(&Value::Obj(h), &PropKey::s("getPrototypeOf"))?;
        if !trap.is_nullish() {
            let t = match vm.heap.kind(o) {
                Some(Kind::Proxy(t, _)) => *t,
                _ => o,
            };
            return vm.call(&trap, Value::Obj(h), vec![Value::Obj(t)]);
        }
    }
    Ok(vm
        .heap
        .get(o)
        .and_then(|x| x.proto)
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn set_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        let p = c.arg(1).as_obj();
        if let Some(obj) = vm.heap.get_mut(o) {
            obj.proto = p;
        }
    }
    Ok(c.arg(0))
}

/// ToPropertyDescriptor + define.
fn define_from_desc(vm: &mut Vm, o: ObjRef, k: PropKey, d: &Value) -> Res<()> {
    if !matches!(d, Value::Obj(_)) {
        let s = vm.to_display(d);
        return Err(vm.type_error(&format!("Property description must be an object: {s}")));
    }
    let existing = vm.get_own_prop(o, &k);
    let get_b = |vm: &mut Vm, n: &str| -> Res<Option<bool>> {
        let dk = PropKey::s(n);
        let Value::Obj(dobj) = d else { return Ok(None) };
        if vm.has_property(*dobj, &dk)? {
            Ok(Some(vm.get(d, &dk)?.truthy()))
        } else {
            Ok(None)
        }
    };
    let enumerable = get_b(vm, "enumerable")?;
    let configurable = get_b(vm, "configurable")?;
    let writable = get_b(vm, "writable")?;
    let Value::Obj(dobj) = d else { return Ok(()) };
    let dobj = *dobj;
    let has_get = vm.has_property(dobj, &PropKey::s("get"))?;
    let has_set = vm.has_property(dobj, &PropKey::s("set"))?;
    let has_value = vm.has_property(dobj, &PropKey::s("value"))?;
    if let Some(e) = &existing {
        if !e.configurable
            && (configurable == Some(true)
                || (enumerable.is_some() && enumerable != Some(e.enumerable)))
        {
            let kd = vm.key_display(&k);
            return Err(vm.type_error(&format!("Cannot redefine property: {kd}")));
        }
    }
    let prop = if has_get || has_set {
        let g = vm.get(d, &PropKey::s("get"))?.as_obj();
        let s = vm.get(d, &PropKey::s("set"))?.as_obj();
        Prop {
            v: PropVal::Accessor(g, s),
            enumerable: enumerable.unwrap_or(false),
            writable: false,
            configurable: configurable.unwrap_or(false),
        }
    } else {
        let v = if has_value {
            vm.get(d, &PropKey::s("value"))?
        } else {
            match &existing {
                Some(Prop {
                    v: PropVal::Data(v),
                    ..
                }) => v.clone(),
                _ => Value::Undefined,
            }
        };
        let base = existing.clone();
        Prop {
            v: PropVal::Data(v),
            enumerable: enumerable.unwrap_or(base.as_ref().map(|b| b.enumerable).unwrap_or(false)),
            writable: writable.unwrap_or(base.as_ref().map(|b| b.writable).unwrap_or(false)),
            configurable: configurable
                .unwrap_or(base.as_ref().map(|b| b.configurable).unwrap_or(false)),
        }
    };
    if matches!(vm.heap.kind(o), Some(Kind::Array(_)))
        && k.as_index().is_some()
        && !(prop.writable && prop.enumerable && prop.configurable)
    {
        // Non-default attributes on an element: demote the array elements to properties.
        return Err(vm.unsupported("non-default attributes on array elements"));
    }
    vm.define_own(o, k, prop)
}

fn define_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Object.defineProperty called on non-object"));
    };
    let k = vm.to_property_key(&c.arg(1))?;
    define_from_desc(vm, o, k, &c.arg(2))?;
    Ok(c.arg(0))
}

fn define_props(vm: &mut Vm, o: ObjRef, props: ObjRef) -> Res<()> {
    let ks = vm.own_keys(props);
    for k in ks {
        let d = vm.get(&Value::Obj(props), &k)?;
        define_from_desc(vm, o, k, &d)?;
    }
    Ok(())
}

fn define_properties(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let (Value::Obj(o), Value::Obj(p)) = (c.arg(0), c.arg(1)) {
        define_props(vm, o, p)?;
    }
    Ok(c.arg(0))
}

fn own_names(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks: Vec<Value> = vm
        .own_keys(o)
        .into_iter()
        .filter_map(|k| match k {
            PropKey::Str(s) => Some(Value::Str(s)),
            _ => None,
        })
        .collect();
    Ok(vm.array_value(ks))
}

fn own_symbols(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks: Vec<Value> = vm
        .own_keys(o)
        .into_iter()
        .filter_map(|k| match k {
            PropKey::Sym(s) => Some(Value::Sym(s)),
            _ => None,
        })
        .collect();
    Ok(vm.array_value(ks))
}

fn desc_object(vm: &mut Vm, p: Prop) -> Value {
    let d = vm.new_object();
    match p.v {
        PropVal::Data(v) => {
            vm.set_prop_raw(d, "value", v);
            vm.set_prop_raw(d, "writable", Value::Bool(p.writable));
        }
        PropVal::Accessor(g, s) => {
            vm.set_prop_raw(d, "get", g.map(Value::Obj).unwrap_or_default());
            vm.set_prop_raw(d, "set", s.map(Value::Obj).unwrap_or_default());
        }
    }
    vm.set_prop_raw(d, "enumerable", Value::Bool(p.enumerable));
    vm.set_prop_raw(d, "configurable", Value::Bool(p.configurable));
    Value::Obj(d)
}

fn own_desc(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(match vm.get_own_prop(o, &k) {
        Some(p) => desc_object(vm, p),
        None => Value::Undefined,
    })
}

fn own_descs(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let out = vm.new_object();
    for k in vm.own_keys(o) {
        if let Some(p) = vm.get_own_prop(o, &k) {
            let d = desc_object(vm, p);
            vm.define_own(out, k, Prop::data(d))?;
        }
    }
    Ok(Value::Obj(out))
}

fn from_entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = vm.iterate_to_vec(&c.arg(0))?;
    let o = vm.new_object();
    for it in items {
        let k = vm.get_elem(&it, &Value::Num(0.0))?;
        let v = vm.get_elem(&it, &Value::Num(1.0))?;
        let k = vm.to_property_key(&k)?;
        vm.define_own(o, k, Prop::data(v))?;
    }
    Ok(Value::Obj(o))
}

fn is(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(same_value(&c.arg(0), &c.arg(1))))
}

fn has_own(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(Value::Bool(vm.get_own_prop(o, &k).is_some()))
}

fn group_by(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = vm.iterate_to_vec(&c.arg(0))?;
    let f = c.arg(1);
    let out = vm.alloc(None, Kind::Ordinary);
    for (i, it) in items.into_iter().enumerate() {
        let k = vm.call(&f, Value::Undefined, vec![it.clone(), Value::Num(i as f64)])?;
        let k = vm.to_property_key(&k)?;
        let cur = vm.get(&Value::Obj(out), &k)?;
        match cur {
            Value::Obj(a) => {
                if let Some(Kind::Array(v)) = vm.heap.get_mut(a).map(|o| &mut o.kind) {
                    v.push(it);
                }
            }
            _ => {
                let a = vm.array_value(vec![it]);
                vm.define_own(out, k, Prop::data(a))?;
            }
        }
    }
    Ok(Value::Obj(out))
}

fn has_own_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = vm.to_property_key(&c.arg(0))?;
    let o = to_object(vm, &c.this)?;
    Ok(Value::Bool(vm.get_own_prop(o, &k).is_some()))
}

fn property_is_enumerable(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = vm.to_property_key(&c.arg(0))?;
    let o = to_object(vm, &c.this)?;
    Ok(Value::Bool(
        vm.get_own_prop(o, &k)
            .map(|p| p.enumerable)
            .unwrap_or(false),
    ))
}

fn is_prototype_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(mut o) = c.arg(0) else {
        return Ok(Value::Bool(false));
    };
    let Value::Obj(me) = c.this else {
        return Ok(Value::Bool(false));
    };
    while let Some(p) = vm.heap.get(o).and_then(|x| x.proto) {
        if p == me {
            return Ok(Value::Bool(true));
        }
        o = p;
    }
    Ok(Value::Bool(false))
}

/// Object.prototype.toString's `[object Tag]`.
pub fn object_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let tag = match &c.this {
        Value::Undefined => "Undefined".to_string(),
        Value::Null => "Null".to_string(),
        v => {
            let o = to_object(vm, v)?;
            let t = vm.get(&Value::Obj(o), &PropKey::Sym(sym::TO_STRING_TAG))?;
            if let Value::Str(s) = t {
                s.to_string()
            } else {
                match vm.heap.kind(o) {
                    Some(Kind::Array(_)) => "Array",
                    Some(Kind::Function(_) | Kind::Native(_) | Kind::Bound(_)) => "Function",
                    Some(Kind::Error(_)) => "Error",
                    Some(Kind::Boxed(Value::Num(_))) => "Number",
                    Some(Kind::Boxed(Value::Str(_))) => "String",
                    Some(Kind::Boxed(Value::Bool(_))) => "Boolean",
                    Some(Kind::Date(_)) => "Date",
                    Some(Kind::RegExp(_)) => "RegExp",
                    Some(Kind::Arguments(_)) => "Arguments",
                    _ => "Object",
                }
                .to_string()
            }
        }
    };
    Ok(Value::str(&format!("[object {tag}]")))
}

fn value_of(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(c.this.clone())
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = vm.get_value(&c.this, &PropKey::s("toString"))?;
    vm.call(&f, c.this.clone(), vec![])
}

fn proto_getter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match &c.this {
        Value::Obj(o) => Ok(vm
            .heap
            .get(*o)
            .and_then(|x| x.proto)
            .map(Value::Obj)
            .unwrap_or(Value::Null)),
        Value::Str(_) => Ok(Value::Obj(vm.realm.string_proto)),
        Value::Num(_) => Ok(Value::Obj(vm.realm.number_proto)),
        _ => Ok(Value::Null),
    }
}

fn proto_setter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.this {
        let p = match c.arg(0) {
            Value::Obj(p) => Some(p),
            Value::Null => None,
            _ => return Ok(Value::Undefined),
        };
        if let Some(obj) = vm.heap.get_mut(o) {
            obj.proto = p;
        }
    }
    Ok(Value::Undefined)
}

// ----- Function.prototype -----

fn fn_call(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = c.args.iter().skip(1).cloned().collect();
    vm.call(&c.this, c.arg(0), args)
}

fn fn_apply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = match c.arg(1) {
        Value::Undefined | Value::Null => vec![],
        a => {
            let n = vm.length_of(&a)?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(vm.get_elem(&a, &Value::Num(i as f64))?);
            }
            out
        }
    };
    vm.call(&c.this, c.arg(0), args)
}

fn fn_bind(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(t) = c.this else {
        return Err(vm.type_error("Bind must be called on a function"));
    };
    if !vm.is_callable(&c.this) {
        return Err(vm.type_error("Bind must be called on a function"));
    }
    let args: Vec<Value> = c.args.iter().skip(1).cloned().collect();
    let name = vm.get(&c.this, &PropKey::s("name"))?;
    let name = match name {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    };
    let len = vm.get(&c.this, &PropKey::s("length"))?;
    let len = match len {
        Value::Num(n) => (n - args.len() as f64).max(0.0),
        _ => 0.0,
    };
    let fp = vm.realm.function_proto;
    let b = vm.alloc(Some(fp), Kind::Bound(Box::new((t, c.arg(0), args))));
    if let Some(o) = vm.heap.get_mut(b) {
        o.props.insert(
            PropKey::s("length"),
            Prop {
                v: PropVal::Data(Value::Num(len)),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
        o.props.insert(
            PropKey::s("name"),
            Prop {
                v: PropVal::Data(Value::str(&format!("bound {name}"))),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
    Ok(Value::Obj(b))
}

fn fn_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.this else {
        return Err(vm.type_error("Function.prototype.toString requires that 'this' be a Function"));
    };
    let s = match vm.heap.kind(o) {
        Some(Kind::Function(f)) => f.code.source.to_string(),
        _ => {
            let n = vm.get(&c.this, &PropKey::s("name"))?;
            let n = vm.to_string(&n)?;
            format!("function {n}() {{ [native code] }}")
        }
    };
    Ok(Value::str(&s))
}

fn fn_has_instance(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(vm.instance_of(&c.arg(0), &c.this)?))
}

fn function_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.unsupported("Function constructor"))
}

// ----- Symbol, Boolean -----

fn symbol_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_some() {
        return Err(vm.type_error("Symbol is not a constructor"));
    }
    let d = match c.arg(0) {
        Value::Undefined => None,
        v => Some(vm.to_string(&v)?),
    };
    Ok(Value::Sym(vm.new_symbol(d)))
}

fn this_symbol(vm: &mut Vm, c: &NativeCall) -> Res<u32> {
    match &c.this {
        Value::Sym(s) => Ok(*s),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Sym(s))) => Ok(*s),
            _ => Err(vm.type_error("not a symbol")),
        },
        _ => Err(vm.type_error("not a symbol")),
    }
}

fn symbol_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_symbol(vm, c)?;
    Ok(Value::str(&vm.prim_to_string(&Value::Sym(s))))
}

fn symbol_description(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_symbol(vm, c)?;
    Ok(vm
        .symbols
        .get(s as usize)
        .cloned()
        .flatten()
        .map(Value::Str)
        .unwrap_or_default())
}

fn symbol_for(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = vm.to_string(&c.arg(0))?;
    if let Some(s) = vm.symbol_registry.get(&k) {
        return Ok(Value::Sym(*s));
    }
    let s = vm.new_symbol(Some(k.clone()));
    vm.symbol_registry.insert(k, s);
    Ok(Value::Sym(s))
}

fn symbol_key_for(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Sym(s) = c.arg(0) else {
        return Err(vm.type_error("not a symbol"));
    };
    Ok(vm
        .symbol_registry
        .iter()
        .find(|(_, v)| **v == s)
        .map(|(k, _)| Value::Str(k.clone()))
        .unwrap_or_default())
}

fn boolean_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = Value::Bool(c.arg(0).truthy());
    if c.new_target.is_some() {
        let p = vm.realm.boolean_proto;
        return Ok(Value::Obj(vm.alloc(Some(p), Kind::Boxed(b))));
    }
    Ok(b)
}

fn boolean_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = match &c.this {
        Value::Bool(b) => *b,
        Value::Obj(o) => matches!(vm.heap.kind(*o), Some(Kind::Boxed(Value::Bool(true)))),
        _ => false,
    };
    Ok(Value::str(if b { "true" } else { "false" }))
}

fn boolean_value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(match &c.this {
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(v)) => v.clone(),
            _ => Value::Bool(false),
        },
        v => v.clone(),
    })
}

// ----- Errors -----

fn error_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let name: JsStr = match vm.get(&Value::Obj(c.callee), &PropKey::s("name"))? {
        Value::Str(s) => s,
        _ => Arc::from("Error"),
    };
    let def = vm
        .realm
        .errors
        .get(&*name)
        .copied()
        .unwrap_or(vm.realm.error_proto);
    let proto = match c.new_target {
        Some(nt) => vm.proto_from_ctor(nt)?,
        None => def,
    };
    let e = vm.new_error_object(proto);
    let (msg_i, opts_i) = if &*name == "AggregateError" {
        (1, 2)
    } else {
        (0, 1)
    };
    if let v @ (Value::Str(_)
    | Value::Num(_)
    | Value::Bool(_)
    | Value::Obj(_)
    | Value::Null
    | Value::BigInt(_)
    | Value::Sym(_)) = c.arg(msg_i)
    {
        let m = vm.to_string(&v)?;
        vm.set_hidden(e, "message", Value::Str(m));
    }
    if let Value::Obj(opts) = c.arg(opts_i) {
        if vm.has_property(opts, &PropKey::s("cause"))? {
            let cause = vm.get(&Value::Obj(opts), &PropKey::s("cause"))?;
            vm.set_hidden(e, "cause", cause);
        }
    }
    if &*name == "AggregateError" {
        let errs = vm.iterate_to_vec(&c.arg(0))?;
        let a = vm.array_value(errs);
        vm.set_hidden(e, "errors", a);
    }
    Ok(Value::Obj(e))
}

/// ErrorUtils::ToString: `name: message` as the stack's first line shows it.
pub fn error_header(vm: &mut Vm, o: ObjRef) -> Res<String> {
    let n = vm.get(&Value::Obj(o), &PropKey::s("name"))?;
    let n = if matches!(n, Value::Undefined) {
        Arc::from("Error")
    } else {
        vm.to_string(&n)?
    };
    let m = vm.get(&Value::Obj(o), &PropKey::s("message"))?;
    let m = if matches!(m, Value::Undefined) {
        Arc::from("")
    } else {
        vm.to_string(&m)?
    };
    Ok(if m.is_empty() {
        n.to_string()
    } else if n.is_empty() {
        m.to_string()
    } else {
        format!("{n}: {m}")
    })
}

fn error_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.this else {
        return Err(vm.type_error("Error.prototype.toString requires that 'this' be an Object"));
    };
    Ok(Value::str(&error_header(vm, o)?))
}

fn capture_stack(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        let d = vm.to_display(&c.arg(0));
        return Err(vm.type_error(&format!("Invalid argument: {d}")));
    };
    let frames = vm.stack_frames();
    let header = error_header(vm, o)?;
    vm.set_hidden(o, "stack", Value::str(&format!("{header}{frames}")));
    Ok(Value::Undefined)
}

// ----- Reflect & Proxy -----

fn reflect_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Reflect.get called on non-object"));
    };
    let k = vm.to_property_key(&c.arg(1))?;
    let recv = if c.args.len() > 2 { c.arg(2) } else { c.arg(0) };
    vm.get_with_receiver(o, &k, recv)
}

fn reflect_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = c.arg(0);
    if !matches!(t, Value::Obj(_)) {
        return Err(vm.type_error("Reflect.set called on non-object"));
    }
    let k = vm.to_property_key(&c.arg(1))?;
    let recv = if c.args.len() > 3 {
        c.arg(3)
    } else {
        t.clone()
    };
    Ok(Value::Bool(vm.set(&t, k, c.arg(2), recv)?))
}

fn reflect_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Reflect.has called on non-object"));
    };
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(Value::Bool(vm.has_property(o, &k)?))
}

fn reflect_own_keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Reflect.ownKeys called on non-object"));
    };
    let ks: Vec<Value> = vm.own_keys(o).iter().map(|k| vm.key_value(k)).collect();
    Ok(vm.array_value(ks))
}

fn reflect_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Reflect.deleteProperty called on non-object"));
    };
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(Value::Bool(vm.delete_prop(o, &k)?))
}

fn reflect_apply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = vm.iterate_to_vec(&c.arg(2))?;
    vm.call(&c.arg(0), c.arg(1), args)
}

fn reflect_construct(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = vm.iterate_to_vec(&c.arg(1))?;
    let nt = c.arg(2).as_obj();
    vm.construct(&c.arg(0), args, nt, None)
}

fn reflect_define(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = c.arg(0) else {
        return Err(vm.type_error("Reflect.defineProperty called on non-object"));
    };
    let k = vm.to_property_key(&c.arg(1))?;
    match define_from_desc(vm, o, k, &c.arg(2)) {
        Ok(()) => Ok(Value::Bool(true)),
        Err(Throw::Js(_)) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn proxy_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Proxy requires 'new'"));
    }
    let (Value::Obj(t), Value::Obj(h)) = (c.arg(0), c.arg(1)) else {
        return Err(vm.type_error("Cannot create proxy with a non-object as target or handler"));
    };
    let proto = vm.heap.get(t).and_then(|o| o.proto);
    Ok(Value::Obj(vm.alloc(proto, Kind::Proxy(t, h))))
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let oc = make_ctor(vm, "Object", 1, object_ctor, op);
    vm.realm.object_ctor = oc;
    for (n, l, f) in [
        ("keys", 1, keys as crate::heap::NativeFnPtr),
        ("values", 1, values),
        ("entries", 1, entries),
        ("assign", 2, assign),
        ("freeze", 1, freeze),
        ("isFrozen", 1, is_frozen),
        ("seal", 1, seal),
        ("isSealed", 1, is_sealed),
        ("preventExtensions", 1, prevent_extensions),
        ("isExtensible", 1, is_extensible),
        ("create", 2, create),
        ("getPrototypeOf", 1, get_proto),
        ("setPrototypeOf", 2, set_proto),
        ("defineProperty", 3, define_property),
        ("defineProperties", 2, define_properties),
        ("getOwnPropertyNames", 1, own_names),
        ("getOwnPropertySymbols", 1, own_symbols),
        ("getOwnPropertyDescriptor", 2, own_desc),
        ("getOwnPropertyDescriptors", 1, own_descs),
        ("fromEntries", 1, from_entries),
        ("is", 2, is),
        ("hasOwn", 2, has_own),
        ("groupBy", 2, group_by),
    ] {
        vm.method(oc, n, l, f);
    }
    vm.method(op, "hasOwnProperty", 1, has_own_property);
    vm.method(op, "propertyIsEnumerable", 1, property_is_enumerable);
    vm.method(op, "isPrototypeOf", 1, is_prototype_of);
    vm.method(op, "toString", 0, object_to_string);
    vm.method(op, "toLocaleString", 0, to_locale_string);
    vm.method(op, "valueOf", 0, value_of);
    let g = vm.native("get __proto__", 0, proto_getter);
    let s = vm.native("set __proto__", 1, proto_setter);
    if let Some(o) = vm.heap.get_mut(op) {
        o.props.insert(
            PropKey::s("__proto__"),
            Prop {
                v: PropVal::Accessor(Some(g), Some(s)),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }

    let fp = vm.realm.function_proto;
    let fc = make_ctor(vm, "Function", 1, function_ctor, fp);
    vm.realm.function_ctor = fc;
    vm.method(fp, "call", 1, fn_call);
    vm.method(fp, "apply", 2, fn_apply);
    vm.method(fp, "bind", 1, fn_bind);
    vm.method(fp, "toString", 0, fn_to_string);
    vm.method(fp, "@Symbol.hasInstance", 1, fn_has_instance);
    vm.set_hidden(fp, "name", Value::str(""));
    vm.set_hidden(fp, "length", Value::Num(0.0));

    let sp = vm.realm.symbol_proto;
    let sc = make_ctor(vm, "Symbol", 0, symbol_ctor, sp);
    if let Some(o) = vm.heap.get_mut(sc) {
        if let crate::heap::Kind::Native(n) = &mut o.kind {
            n.ctor = false;
        }
    }
    vm.method(sp, "toString", 0, symbol_to_string);
    vm.method(sp, "valueOf", 0, value_of);
    let dg = vm.native("get description", 0, symbol_description);
    if let Some(o) = vm.heap.get_mut(sp) {
        o.props.insert(
            PropKey::s("description"),
            Prop {
                v: PropVal::Accessor(Some(dg), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
    vm.set_hidden(sp, "@Symbol.toStringTag", Value::str("Symbol"));
    vm.method(sc, "for", 1, symbol_for);
    vm.method(sc, "keyFor", 1, symbol_key_for);
    for (n, i) in [
        ("iterator", sym::ITERATOR),
        ("asyncIterator", sym::ASYNC_ITERATOR),
        ("hasInstance", sym::HAS_INSTANCE),
        ("toPrimitive", sym::TO_PRIMITIVE),
        ("toStringTag", sym::TO_STRING_TAG),
    ] {
        if let Some(o) = vm.heap.get_mut(sc) {
            o.props.insert(
                PropKey::s(n),
                Prop {
                    v: PropVal::Data(Value::Sym(i)),
                    enumerable: false,
                    writable: false,
                    configurable: false,
                },
            );
        }
    }

    let bp = vm.realm.boolean_proto;
    make_ctor(vm, "Boolean", 1, boolean_ctor, bp);
    vm.method(bp, "toString", 0, boolean_to_string);
    vm.method(bp, "valueOf", 0, boolean_value_of);

    let ep = vm.realm.error_proto;
    let ec = make_ctor(vm, "Error", 1, error_ctor, ep);
    vm.set_hidden(ep, "name", Value::str("Error"));
    vm.set_hidden(ep, "message", Value::str(""));
    vm.method(ep, "toString", 0, error_to_string);
    vm.method(ec, "captureStackTrace", 1, capture_stack);
    vm.realm.errors.insert("Error", ep);
    for n in [
        "TypeError",
        "RangeError",
        "ReferenceError",
        "SyntaxError",
        "EvalError",
        "URIError",
        "AggregateError",
    ] {
        let p = vm.heap.alloc(Some(ep), Kind::Ordinary);
        let c = make_ctor(vm, n, 1, error_ctor, p);
        if let Some(o) = vm.heap.get_mut(c) {
            o.proto = Some(ec);
        }
        vm.set_hidden(p, "name", Value::str(n));
        vm.set_hidden(p, "message", Value::str(""));
        vm.realm.errors.insert(n, p);
    }

    let g = vm.realm.global;
    let reflect = vm.new_object();
    vm.set_hidden(g, "Reflect", Value::Obj(reflect));
    for (n, l, f) in [
        ("get", 2, reflect_get as crate::heap::NativeFnPtr),
        ("set", 3, reflect_set),
        ("has", 2, reflect_has),
        ("ownKeys", 1, reflect_own_keys),
        ("deleteProperty", 2, reflect_delete),
        ("apply", 3, reflect_apply),
        ("construct", 2, reflect_construct),
        ("defineProperty", 3, reflect_define),
        ("getPrototypeOf", 1, get_proto),
        ("setPrototypeOf", 2, set_proto),
        ("getOwnPropertyDescriptor", 2, own_desc),
    ] {
        vm.method(reflect, n, l, f);
    }
    vm.set_hidden(reflect, "@Symbol.toStringTag", Value::str("Reflect"));
    let pc = vm.native_with("Proxy", 2, proxy_ctor, vec![], true);
    vm.set_hidden(g, "Proxy", Value::Obj(pc));
}
