//! Object and Object.prototype, Function.prototype, Symbol, Boolean, the Error
//! constructors, Reflect and Proxy.

use super::make_ctor;
use crate::heap::{Kind, Lock, NativeCall, NativeFnPtr, Prop, PropVal, ProxyData};
use crate::interp::{sym, Res, Vm};
use crate::value::{same_value, JsStr, ObjRef, PropKey, Value};
use std::sync::Arc;

/// ToObject: primitives are boxed; `null`/`undefined` throw.
pub fn to_object(vm: &mut Vm, v: &Value) -> Res<ObjRef> {
    match v {
        Value::Obj(o) => Ok(*o),
        Value::Undefined | Value::Null | Value::Empty => {
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

fn object_arg(vm: &mut Vm, v: &Value, method: &str) -> Res<ObjRef> {
    match v {
        Value::Obj(o) => Ok(*o),
        _ => Err(vm.type_error(&format!("{method} called on non-object"))),
    }
}

fn object_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(nt) = c.new_target {
        if nt != c.callee {
            let p = vm.proto_from_ctor(nt)?;
            return Ok(Value::Obj(vm.alloc(Some(p), Kind::Ordinary)));
        }
    }
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
        if src.is_nullish() {
            continue;
        }
        let s = to_object(vm, src)?;
        let is_proxy = matches!(vm.heap.kind(s), Some(Kind::Proxy(_)));
        for k in vm.own_property_keys(s)? {
            let p = if is_proxy {
                vm.get_own_property(s, &k)?
            } else {
                vm.get_own_prop(s, &k)
            };
            if p.is_some_and(|p| p.enumerable) {
                let v = vm.get(&Value::Obj(s), &k)?;
                vm.set_or_throw(t, k, v)?;
            }
        }
    }
    Ok(Value::Obj(t))
}

/// Object.freeze / Object.seal: every own property (and an array's elements) made
/// non-configurable (and read-only), the object non-extensible.
fn set_integrity(vm: &mut Vm, o: ObjRef, frozen: bool) -> Res<()> {
    if matches!(vm.heap.kind(o), Some(Kind::Proxy(_))) {
        vm.prevent_extensions_obj(o)?;
        for k in vm.own_property_keys(o)? {
            if let Some(mut p) = vm.get_own_property(o, &k)? {
                p.configurable = false;
                if frozen && matches!(p.v, PropVal::Data(_)) {
                    p.writable = false;
                }
                vm.define_own(o, k, p)?;
            }
        }
        return Ok(());
    }
    if matches!(vm.heap.kind(o), Some(Kind::TypedArray(t)) if t.length > 0) && frozen {
        return Err(vm.type_error("Cannot freeze array buffer views with elements"));
    }
    if let Some(obj) = vm.heap.get_mut(o) {
        obj.extensible = false;
        for p in obj.props.values_mut() {
            p.configurable = false;
            if frozen && matches!(p.v, PropVal::Data(_)) {
                p.writable = false;
            }
        }
        if matches!(obj.kind, Kind::Array(_)) {
            obj.lock = if frozen {
                Lock::Frozen
            } else {
                obj.lock.max_with(Lock::Sealed)
            };
        }
    }
    Ok(())
}

fn freeze(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        set_integrity(vm, o, true)?;
    }
    Ok(c.arg(0))
}

fn seal(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        set_integrity(vm, o, false)?;
    }
    Ok(c.arg(0))
}

fn test_integrity(vm: &mut Vm, v: &Value, frozen: bool) -> Res<bool> {
    let Value::Obj(o) = v else { return Ok(true) };
    let o = *o;
    if vm.is_extensible_obj(o)? {
        return Ok(false);
    }
    for k in vm.own_property_keys(o)? {
        if let Some(p) = vm.get_own_property(o, &k)? {
            if p.configurable || (frozen && matches!(p.v, PropVal::Data(_)) && p.writable) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn is_frozen(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(test_integrity(vm, &c.arg(0), true)?))
}

fn is_sealed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(test_integrity(vm, &c.arg(0), false)?))
}

fn prevent_extensions(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.arg(0) {
        vm.prevent_extensions_obj(o)?;
    }
    Ok(c.arg(0))
}

fn is_extensible(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(match c.arg(0) {
        Value::Obj(o) => vm.is_extensible_obj(o)?,
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
    if proto.is_none() {
        vm.heap.next_inobject = 0;
    }
    let o = vm.alloc(proto, Kind::Ordinary);
    if let Value::Obj(props) = c.arg(1) {
        define_props(vm, o, props)?;
    }
    Ok(Value::Obj(o))
}

fn get_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    Ok(vm
        .get_prototype_of(o)?
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn proto_arg(vm: &mut Vm, v: &Value) -> Res<Option<ObjRef>> {
    match v {
        Value::Obj(p) => Ok(Some(*p)),
        Value::Null => Ok(None),
        other => {
            let d = vm.to_display(other);
            Err(vm.type_error(&format!(
                "Object prototype may only be an Object or null: {d}"
            )))
        }
    }
}

fn set_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = proto_arg(vm, &c.arg(1))?;
    if let Value::Obj(o) = c.arg(0) {
        if !vm.set_prototype_of(o, p)? {
            let extensible = vm.is_extensible_obj(o)?;
            if !extensible {
                let d = vm.object_words(o);
                return Err(vm.type_error(&format!("{d} is not extensible")));
            }
            return Err(vm.type_error("Cyclic __proto__ value"));
        }
    } else if c.arg(0).is_nullish() {
        return Err(vm.type_error("Object.setPrototypeOf called on null or undefined"));
    }
    Ok(c.arg(0))
}

/// Object.defineProperty's steps with V8's messages.
fn define_from_desc(vm: &mut Vm, o: ObjRef, k: PropKey, d: &Value) -> Res<()> {
    let existing = vm.get_own_property(o, &k)?;
    let prop = vm.to_property_descriptor(d, existing.as_ref())?;
    if vm.define_own(o, k.clone(), prop)? {
        return Ok(());
    }
    let kd = vm.key_display(&k);
    if existing.is_none() {
        return Err(vm.type_error(&format!(
            "Cannot define property {kd}, object is not extensible"
        )));
    }
    Err(vm.type_error(&format!("Cannot redefine property: {kd}")))
}

fn define_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Object.defineProperty")?;
    let k = vm.to_property_key(&c.arg(1))?;
    define_from_desc(vm, o, k, &c.arg(2))?;
    Ok(c.arg(0))
}

fn define_props(vm: &mut Vm, o: ObjRef, props: ObjRef) -> Res<()> {
    let ks = vm.own_property_keys(props)?;
    for k in ks {
        if vm
            .get_own_property(props, &k)?
            .is_some_and(|p| p.enumerable)
        {
            let d = vm.get(&Value::Obj(props), &k)?;
            define_from_desc(vm, o, k, &d)?;
        }
    }
    Ok(())
}

fn define_properties(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Object.defineProperties")?;
    let p = to_object(vm, &c.arg(1))?;
    define_props(vm, o, p)?;
    Ok(c.arg(0))
}

fn own_names(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let ks: Vec<Value> = vm
        .own_property_keys(o)?
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
        .own_property_keys(o)?
        .into_iter()
        .filter_map(|k| match k {
            PropKey::Sym(s) => Some(Value::Sym(s)),
            _ => None,
        })
        .collect();
    Ok(vm.array_value(ks))
}

fn own_desc(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(match vm.get_own_property(o, &k)? {
        Some(p) => vm.descriptor_object(&p),
        None => Value::Undefined,
    })
}

fn own_descs(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.arg(0))?;
    let out = vm.new_object();
    for k in vm.own_property_keys(o)? {
        if let Some(p) = vm.get_own_property(o, &k)? {
            let d = vm.descriptor_object(&p);
            vm.define_own(out, k, Prop::data(d))?;
        }
    }
    Ok(Value::Obj(out))
}

fn from_entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = vm.iterate_to_vec(&c.arg(0))?;
    let o = vm.new_object();
    for it in items {
        if !matches!(it, Value::Obj(_)) {
            let d = vm.to_display(&it);
            return Err(vm.type_error(&format!("Iterator value {d} is not an entry object")));
        }
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
    Ok(Value::Bool(vm.get_own_property(o, &k)?.is_some()))
}

fn has_own_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = vm.to_property_key(&c.arg(0))?;
    let o = to_object(vm, &c.this)?;
    Ok(Value::Bool(vm.get_own_property(o, &k)?.is_some()))
}

fn property_is_enumerable(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let k = vm.to_property_key(&c.arg(0))?;
    let o = to_object(vm, &c.this)?;
    Ok(Value::Bool(
        vm.get_own_property(o, &k)?.is_some_and(|p| p.enumerable),
    ))
}

fn is_prototype_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(mut o) = c.arg(0) else {
        return Ok(Value::Bool(false));
    };
    let me = to_object(vm, &c.this)?;
    while let Some(p) = vm.get_prototype_of(o)? {
        if p == me {
            return Ok(Value::Bool(true));
        }
        o = p;
    }
    Ok(Value::Bool(false))
}

/// The builtin tag `Object.prototype.toString` uses before `Symbol.toStringTag`.
fn builtin_tag(vm: &Vm, o: ObjRef) -> &'static str {
    match vm.heap.kind(o) {
        Some(Kind::Array(_)) => "Array",
        Some(Kind::Function(_) | Kind::Native(_) | Kind::Bound(_)) => "Function",
        Some(Kind::Proxy(p)) if p.callable => "Function",
        Some(Kind::Proxy(p)) => match p.target {
            Some(t) => builtin_tag(vm, t),
            None => "Object",
        },
        Some(Kind::Error(_)) => "Error",
        Some(Kind::Boxed(Value::Num(_))) => "Number",
        Some(Kind::Boxed(Value::Str(_))) => "String",
        Some(Kind::Boxed(Value::Bool(_))) => "Boolean",
        Some(Kind::Date(_)) => "Date",
        Some(Kind::RegExp(_)) => "RegExp",
        Some(Kind::Arguments(_)) => "Arguments",
        _ => "Object",
    }
}

/// Object.prototype.toString's `[object Tag]`.
pub fn object_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let tag = match &c.this {
        Value::Undefined => "Undefined".to_string(),
        Value::Null => "Null".to_string(),
        v => {
            let o = to_object(vm, v)?;
            let t = vm.get(&Value::Obj(o), &PropKey::Sym(sym::TO_STRING_TAG))?;
            match t {
                Value::Str(s) => s.to_string(),
                _ => builtin_tag(vm, o).to_string(),
            }
        }
    };
    Ok(Value::str(&format!("[object {tag}]")))
}

fn value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Obj(to_object(vm, &c.this)?))
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = vm.get_value(&c.this, &PropKey::s("toString"))?;
    vm.call(&f, c.this.clone(), vec![])
}

fn proto_getter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = to_object(vm, &c.this)?;
    Ok(vm
        .get_prototype_of(o)?
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn proto_setter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.this.is_nullish() {
        return Err(vm.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    let p = match c.arg(0) {
        Value::Obj(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    if let Value::Obj(o) = c.this {
        if !vm.set_prototype_of(o, p)? {
            return Err(vm.type_error("Cyclic __proto__ value"));
        }
    }
    Ok(Value::Undefined)
}

// ----- Function.prototype -----

fn fn_call(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = c.args.iter().skip(1).cloned().collect();
    vm.call(&c.this, c.arg(0), args)
}

/// CreateListFromArrayLike.
pub fn list_from_array_like(vm: &mut Vm, v: &Value) -> Res<Vec<Value>> {
    match v {
        Value::Undefined | Value::Null => Ok(vec![]),
        Value::Obj(o) => {
            if let Some(Kind::Array(items)) = vm.heap.kind(*o) {
                return Ok(items
                    .iter()
                    .map(|x| {
                        if matches!(x, Value::Empty) {
                            Value::Undefined
                        } else {
                            x.clone()
                        }
                    })
                    .collect());
            }
            let n = vm.length_of(v)?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(vm.get_elem(v, &Value::Num(i as f64))?);
            }
            Ok(out)
        }
        _ => Err(vm.type_error("CreateListFromArrayLike called on non-object")),
    }
}

fn fn_apply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = list_from_array_like(vm, &c.arg(1))?;
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
    let name = match vm.get(&c.this, &PropKey::s("name"))? {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    };
    let len = match vm.get(&c.this, &PropKey::s("length"))? {
        Value::Num(n) => (n - args.len() as f64).max(0.0),
        _ => 0.0,
    };
    let fp = vm.heap.get(t).and_then(|o| o.proto);
    let b = vm.alloc(fp, Kind::Bound(Box::new((t, c.arg(0), args))));
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
    if !vm.is_callable(&c.this) {
        return Err(vm.type_error("Function.prototype.toString requires that 'this' be a Function"));
    }
    let s = match vm.heap.kind(o) {
        Some(Kind::Function(f)) => f.code.source.to_string(),
        Some(Kind::Native(_)) => {
            let n = vm.get(&c.this, &PropKey::s("name"))?;
            let n = vm.to_string(&n)?;
            format!("function {n}() {{ [native code] }}")
        }
        _ => "function () { [native code] }".to_string(),
    };
    Ok(Value::str(&s))
}

/// Function.prototype[Symbol.hasInstance]: OrdinaryHasInstance.
pub fn fn_has_instance(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(vm.ordinary_has_instance(&c.this, &c.arg(0))?))
}

fn function_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.unsupported("the Function constructor (code from strings)"))
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

fn this_symbol(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<u32> {
    match &c.this {
        Value::Sym(s) => Ok(*s),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Sym(s))) => Ok(*s),
            _ => Err(vm.type_error(&format!(
                "Symbol.prototype.{method} requires that 'this' be a Symbol"
            ))),
        },
        _ => Err(vm.type_error(&format!(
            "Symbol.prototype.{method} requires that 'this' be a Symbol"
        ))),
    }
}

fn symbol_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_symbol(vm, c, "toString")?;
    Ok(Value::str(&vm.prim_to_string(&Value::Sym(s))))
}

fn symbol_value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Sym(this_symbol(vm, c, "valueOf")?))
}

fn symbol_description(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_symbol(vm, c, "description")?;
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
    Ok(Value::Sym(vm.registered_symbol(&k)))
}

fn symbol_key_for(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Sym(s) = c.arg(0) else {
        let d = vm.to_display(&c.arg(0));
        return Err(vm.type_error(&format!("{d} is not a symbol")));
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
        let d = vm.realm.boolean_proto;
        let p = vm.proto_for(c, d)?;
        return Ok(Value::Obj(vm.alloc(Some(p), Kind::Boxed(b))));
    }
    Ok(b)
}

fn this_bool(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<bool> {
    match &c.this {
        Value::Bool(b) => Ok(*b),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Bool(b))) => Ok(*b),
            _ => Err(vm.type_error(&format!(
                "Boolean.prototype.{method} requires that 'this' be a Boolean"
            ))),
        },
        _ => Err(vm.type_error(&format!(
            "Boolean.prototype.{method} requires that 'this' be a Boolean"
        ))),
    }
}

fn boolean_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = this_bool(vm, c, "toString")?;
    Ok(Value::str(if b { "true" } else { "false" }))
}

fn boolean_value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(this_bool(vm, c, "valueOf")?))
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
    let msg = c.arg(msg_i);
    if !matches!(msg, Value::Undefined) {
        let m = vm.to_string(&msg)?;
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
    let frames = match c.arg(1) {
        Value::Obj(f) if vm.is_callable(&Value::Obj(f)) => vm.stack_frames_below(f),
        _ => vm.caller_stack_frames(),
    };
    let header = error_header(vm, o)?;
    vm.set_hidden(o, "stack", Value::str(&format!("{header}{frames}")));
    Ok(Value::Undefined)
}

// ----- Reflect & Proxy -----

fn reflect_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.get")?;
    let k = vm.to_property_key(&c.arg(1))?;
    let recv = if c.args.len() > 2 { c.arg(2) } else { c.arg(0) };
    vm.get_with_receiver(o, &k, recv)
}

fn reflect_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.set")?;
    let k = vm.to_property_key(&c.arg(1))?;
    let recv = if c.args.len() > 3 { c.arg(3) } else { c.arg(0) };
    Ok(Value::Bool(vm.set(&Value::Obj(o), k, c.arg(2), recv)?))
}

fn reflect_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.has")?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(Value::Bool(vm.has_property(o, &k)?))
}

fn reflect_own_keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.ownKeys")?;
    let ks: Vec<Value> = vm
        .own_property_keys(o)?
        .iter()
        .map(|k| vm.key_value(k))
        .collect();
    Ok(vm.array_value(ks))
}

fn reflect_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.deleteProperty")?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(Value::Bool(vm.delete_prop(o, &k)?))
}

fn reflect_apply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = list_from_array_like(vm, &c.arg(2))?;
    vm.call(&c.arg(0), c.arg(1), args)
}

fn reflect_construct(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = list_from_array_like(vm, &c.arg(1))?;
    let nt = if c.args.len() > 2 {
        c.arg(2).as_obj()
    } else {
        None
    };
    vm.construct(&c.arg(0), args, nt, None)
}

fn reflect_define(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.defineProperty")?;
    let k = vm.to_property_key(&c.arg(1))?;
    let existing = vm.get_own_property(o, &k)?;
    let p = vm.to_property_descriptor(&c.arg(2), existing.as_ref())?;
    Ok(Value::Bool(vm.define_own(o, k, p)?))
}

fn reflect_get_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.getPrototypeOf")?;
    Ok(vm
        .get_prototype_of(o)?
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn reflect_set_proto(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.setPrototypeOf")?;
    let p = proto_arg(vm, &c.arg(1))?;
    Ok(Value::Bool(vm.set_prototype_of(o, p)?))
}

fn reflect_own_desc(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.getOwnPropertyDescriptor")?;
    let k = vm.to_property_key(&c.arg(1))?;
    Ok(match vm.get_own_property(o, &k)? {
        Some(p) => vm.descriptor_object(&p),
        None => Value::Undefined,
    })
}

fn reflect_is_extensible(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.isExtensible")?;
    Ok(Value::Bool(vm.is_extensible_obj(o)?))
}

fn reflect_prevent_extensions(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = object_arg(vm, &c.arg(0), "Reflect.preventExtensions")?;
    Ok(Value::Bool(vm.prevent_extensions_obj(o)?))
}

fn make_proxy(vm: &mut Vm, t: &Value, h: &Value) -> Res<ObjRef> {
    let (Value::Obj(t), Value::Obj(h)) = (t, h) else {
        return Err(vm.type_error("Cannot create proxy with a non-object as target or handler"));
    };
    let (callable, constructor) = (
        vm.is_callable(&Value::Obj(*t)),
        vm.is_constructor(&Value::Obj(*t)),
    );
    let proto = vm.heap.get(*t).and_then(|o| o.proto);
    Ok(vm.alloc(
        proto,
        Kind::Proxy(Box::new(ProxyData {
            target: Some(*t),
            handler: Some(*h),
            callable,
            constructor,
        })),
    ))
}

fn proxy_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Proxy requires 'new'"));
    }
    Ok(Value::Obj(make_proxy(vm, &c.arg(0), &c.arg(1))?))
}

fn proxy_revoke(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = crate::builtins::promise::native_slot(vm, c.callee, 0);
    if let Some(Kind::Proxy(d)) = p
        .as_obj()
        .and_then(|o| vm.heap.get_mut(o))
        .map(|o| &mut o.kind)
    {
        d.target = None;
        d.handler = None;
    }
    if let Some(Kind::Native(n)) = vm.heap.get_mut(c.callee).map(|o| &mut o.kind) {
        n.slots.clear();
    }
    Ok(Value::Undefined)
}

fn proxy_revocable(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = make_proxy(vm, &c.arg(0), &c.arg(1))?;
    let r = vm.native_with("", 0, proxy_revoke, vec![Value::Obj(p)], false);
    let o = vm.new_object();
    vm.set_prop_raw(o, "proxy", Value::Obj(p));
    vm.set_prop_raw(o, "revoke", Value::Obj(r));
    Ok(Value::Obj(o))
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let oc = make_ctor(vm, "Object", 1, object_ctor, op);
    vm.realm.object_ctor = oc;
    let statics: [(&str, u32, NativeFnPtr); 22] = [
        ("keys", 1, keys),
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
    ];
    for (n, l, f) in statics {
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
    let hi = vm.native("[Symbol.hasInstance]", 1, fn_has_instance);
    if let Some(o) = vm.heap.get_mut(fp) {
        o.props.insert(
            PropKey::Sym(sym::HAS_INSTANCE),
            Prop {
                v: PropVal::Data(Value::Obj(hi)),
                enumerable: false,
                writable: false,
                configurable: false,
            },
        );
        o.props.insert(
            PropKey::s("name"),
            Prop {
                v: PropVal::Data(Value::str("")),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
        o.props.insert(
            PropKey::s("length"),
            Prop {
                v: PropVal::Data(Value::Num(0.0)),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }

    let sp = vm.realm.symbol_proto;
    let sc = make_ctor(vm, "Symbol", 0, symbol_ctor, sp);
    if let Some(Kind::Native(n)) = vm.heap.get_mut(sc).map(|o| &mut o.kind) {
        n.ctor = false;
    }
    vm.method(sp, "toString", 0, symbol_to_string);
    vm.method(sp, "valueOf", 0, symbol_value_of);
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
    vm.method(sp, "@Symbol.toPrimitive", 1, symbol_value_of);
    vm.set_tag(sp, "Symbol");
    vm.method(sc, "for", 1, symbol_for);
    vm.method(sc, "keyFor", 1, symbol_key_for);
    for (i, n) in sym::NAMES.iter().enumerate() {
        if let Some(short) = n.strip_prefix("Symbol.") {
            vm.set_const(sc, short, Value::Sym(i as u32));
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
    vm.set_prop_raw(ec, "stackTraceLimit", Value::Num(10.0));
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
        let len = if n == "AggregateError" { 2 } else { 1 };
        let c = make_ctor(vm, n, len, error_ctor, p);
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
    let rf: [(&str, u32, NativeFnPtr); 13] = [
        ("get", 2, reflect_get),
        ("set", 3, reflect_set),
        ("has", 2, reflect_has),
        ("ownKeys", 1, reflect_own_keys),
        ("deleteProperty", 2, reflect_delete),
        ("apply", 3, reflect_apply),
        ("construct", 2, reflect_construct),
        ("defineProperty", 3, reflect_define),
        ("getPrototypeOf", 1, reflect_get_proto),
        ("setPrototypeOf", 2, reflect_set_proto),
        ("getOwnPropertyDescriptor", 2, reflect_own_desc),
        ("isExtensible", 1, reflect_is_extensible),
        ("preventExtensions", 1, reflect_prevent_extensions),
    ];
    for (n, l, f) in rf {
        vm.method(reflect, n, l, f);
    }
    vm.set_tag(reflect, "Reflect");
    let pc = vm.native_with("Proxy", 2, proxy_ctor, vec![], true);
    vm.method(pc, "revocable", 2, proxy_revocable);
    vm.set_hidden(g, "Proxy", Value::Obj(pc));
}

impl Lock {
    /// The stronger of two integrity levels.
    fn max_with(self, other: Lock) -> Lock {
        match (self, other) {
            (Lock::Frozen, _) | (_, Lock::Frozen) => Lock::Frozen,
            (Lock::Sealed, _) | (_, Lock::Sealed) => Lock::Sealed,
            _ => Lock::None,
        }
    }
}
