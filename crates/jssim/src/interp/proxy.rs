//! Proxy exotic objects: every internal method consults the handler's trap (and throws
//! V8's `Cannot perform 'get' on a proxy that has been revoked` once revoked); the
//! object-model entry points here ([[OwnPropertyKeys]], [[GetOwnProperty]],
//! [[GetPrototypeOf]] ...) fall back to ordinary behaviour for other objects.

use super::{Res, Vm};
use crate::heap::{Kind, Prop, PropVal};
use crate::value::{ObjRef, PropKey, Value};

impl Vm {
    /// For a proxy: its target, handler and the handler's `name` trap (undefined when
    /// absent). `None` for other objects.
    pub fn proxy_trap(&mut self, o: ObjRef, name: &str) -> Res<Option<(ObjRef, ObjRef, Value)>> {
        let (t, h) = match self.heap.kind(o) {
            Some(Kind::Proxy(p)) => (p.target, p.handler),
            _ => return Ok(None),
        };
        let (Some(t), Some(h)) = (t, h) else {
            return Err(self.type_error(&format!(
                "Cannot perform '{name}' on a proxy that has been revoked"
            )));
        };
        let trap = self.get(&Value::Obj(h), &PropKey::s(name))?;
        if !trap.is_nullish() && !self.is_callable(&trap) {
            let d = self.to_display(&trap);
            return Err(self.type_error(&format!("{d} is not a function")));
        }
        Ok(Some((t, h, trap)))
    }

    /// True for objects whose own properties are not all in their property table:
    /// proxies and the DOM's collections.
    pub fn has_exotic_keys(&self, o: ObjRef) -> bool {
        match self.heap.kind(o) {
            Some(Kind::Proxy(_)) => true,
            Some(Kind::Host(_)) => crate::dom::collections::is_exotic(self, o),
            _ => false,
        }
    }

    /// [[OwnPropertyKeys]]: integer keys ascending, strings, symbols (proxies: `ownKeys`).
    pub fn own_property_keys(&mut self, o: ObjRef) -> Res<Vec<PropKey>> {
        match self.proxy_trap(o, "ownKeys")? {
            None if crate::dom::collections::is_exotic(self, o) => {
                let mut keys = crate::dom::collections::own_keys(self, o);
                keys.extend(self.own_keys(o));
                Ok(keys)
            }
            None => Ok(self.own_keys(o)),
            Some((t, _, trap)) if trap.is_nullish() => self.own_property_keys(t),
            Some((t, h, trap)) => {
                let r = self.call(&trap, Value::Obj(h), vec![Value::Obj(t)])?;
                if !matches!(r, Value::Obj(_)) {
                    let d = self.to_display(&r);
                    return Err(self.type_error(&format!(
                        "CreateListFromArrayLike called on non-object: {d}"
                    )));
                }
                let n = self.length_of(&r)?;
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    let k = self.get_elem(&r, &Value::Num(i as f64))?;
                    match k {
                        Value::Str(s) => out.push(PropKey::Str(s)),
                        Value::Sym(s) => out.push(PropKey::Sym(s)),
                        other => {
                            let d = self.to_display(&other);
                            return Err(
                                self.type_error(&format!("{d} is not a valid property name"))
                            );
                        }
                    }
                }
                Ok(out)
            }
        }
    }

    /// [[GetOwnProperty]] (proxies: `getOwnPropertyDescriptor`).
    pub fn get_own_property(&mut self, o: ObjRef, k: &PropKey) -> Res<Option<Prop>> {
        match self.proxy_trap(o, "getOwnPropertyDescriptor")? {
            None if crate::dom::collections::is_exotic(self, o) => {
                match crate::dom::collections::own_property(self, o, k)? {
                    Some(p) => Ok(Some(p)),
                    None => Ok(self.get_own_prop(o, k)),
                }
            }
            None => Ok(self.get_own_prop(o, k)),
            Some((t, _, trap)) if trap.is_nullish() => self.get_own_property(t, k),
            Some((t, h, trap)) => {
                let kv = self.key_value(k);
                let d = self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv])?;
                match d {
                    Value::Undefined => Ok(None),
                    Value::Obj(_) => Ok(Some(self.to_property_descriptor(&d, None)?)),
                    _ => {
                        let kd = self.key_display(k);
                        Err(self.type_error(&format!("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '{kd}'")))
                    }
                }
            }
        }
    }

    /// [[GetPrototypeOf]] (proxies: `getPrototypeOf`).
    pub fn get_prototype_of(&mut self, o: ObjRef) -> Res<Option<ObjRef>> {
        match self.proxy_trap(o, "getPrototypeOf")? {
            None => Ok(self.heap.get(o).and_then(|x| x.proto)),
            Some((t, _, trap)) if trap.is_nullish() => self.get_prototype_of(t),
            Some((t, h, trap)) => match self.call(&trap, Value::Obj(h), vec![Value::Obj(t)])? {
                Value::Obj(p) => Ok(Some(p)),
                Value::Null => Ok(None),
                _ => Err(self.type_error(
                    "'getPrototypeOf' on proxy: trap returned neither object nor null",
                )),
            },
        }
    }

    /// [[SetPrototypeOf]]: false when not extensible or when it would make a cycle.
    pub fn set_prototype_of(&mut self, o: ObjRef, p: Option<ObjRef>) -> Res<bool> {
        match self.proxy_trap(o, "setPrototypeOf")? {
            None => {}
            Some((t, _, trap)) if trap.is_nullish() => return self.set_prototype_of(t, p),
            Some((t, h, trap)) => {
                let pv = p.map(Value::Obj).unwrap_or(Value::Null);
                return Ok(self
                    .call(&trap, Value::Obj(h), vec![Value::Obj(t), pv])?
                    .truthy());
            }
        }
        let Some(obj) = self.heap.get(o) else {
            return Ok(false);
        };
        if obj.proto == p {
            return Ok(true);
        }
        if !obj.extensible {
            return Ok(false);
        }
        let mut cur = p;
        while let Some(c) = cur {
            if c == o {
                return Ok(false);
            }
            cur = self.heap.get(c).and_then(|x| x.proto);
        }
        if let Some(obj) = self.heap.get_mut(o) {
            obj.proto = p;
        }
        Ok(true)
    }

    /// [[IsExtensible]].
    pub fn is_extensible_obj(&mut self, o: ObjRef) -> Res<bool> {
        match self.proxy_trap(o, "isExtensible")? {
            None => Ok(self.heap.get(o).is_some_and(|x| x.extensible)),
            Some((t, _, trap)) if trap.is_nullish() => self.is_extensible_obj(t),
            Some((t, h, trap)) => Ok(self
                .call(&trap, Value::Obj(h), vec![Value::Obj(t)])?
                .truthy()),
        }
    }

    /// [[PreventExtensions]].
    pub fn prevent_extensions_obj(&mut self, o: ObjRef) -> Res<bool> {
        match self.proxy_trap(o, "preventExtensions")? {
            None => {
                if let Some(x) = self.heap.get_mut(o) {
                    x.extensible = false;
                }
                Ok(true)
            }
            Some((t, _, trap)) if trap.is_nullish() => self.prevent_extensions_obj(t),
            Some((t, h, trap)) => Ok(self
                .call(&trap, Value::Obj(h), vec![Value::Obj(t)])?
                .truthy()),
        }
    }

    /// ToPropertyDescriptor; `existing` fills absent fields when redefining.
    pub fn to_property_descriptor(&mut self, d: &Value, existing: Option<&Prop>) -> Res<Prop> {
        let Value::Obj(dobj) = d else {
            let s = self.to_display(d);
            return Err(self.type_error(&format!("Property description must be an object: {s}")));
        };
        let dobj = *dobj;
        let field = |vm: &mut Vm, n: &str| -> Res<Option<Value>> {
            let k = PropKey::s(n);
            if vm.has_property(dobj, &k)? {
                Ok(Some(vm.get(d, &k)?))
            } else {
                Ok(None)
            }
        };
        let enumerable = field(self, "enumerable")?.map(|v| v.truthy());
        let configurable = field(self, "configurable")?.map(|v| v.truthy());
        let writable = field(self, "writable")?.map(|v| v.truthy());
        let value = field(self, "value")?;
        let get = field(self, "get")?;
        let set = field(self, "set")?;
        for (n, f) in [("getter", &get), ("setter", &set)] {
            if let Some(f) = f {
                if !matches!(f, Value::Undefined) && !self.is_callable(f) {
                    let s = self.to_display(f);
                    return Err(self.type_error(&format!(
                        "{}{} must be a function: {s}",
                        &n[..1].to_uppercase(),
                        &n[1..]
                    )));
                }
            }
        }
        if (get.is_some() || set.is_some()) && (value.is_some() || writable.is_some()) {
            let words = self.object_words(dobj);
            return Err(self.type_error(&format!("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {words}")));
        }
        let base = existing.cloned();
        let b_enum = base.as_ref().map(|b| b.enumerable).unwrap_or(false);
        let b_conf = base.as_ref().map(|b| b.configurable).unwrap_or(false);
        if get.is_some() || set.is_some() {
            let (bg, bs) = match base.as_ref().map(|b| &b.v) {
                Some(PropVal::Accessor(g, s)) => (*g, *s),
                _ => (None, None),
            };
            let g = match get {
                Some(v) => v.as_obj(),
                None => bg,
            };
            let s = match set {
                Some(v) => v.as_obj(),
                None => bs,
            };
            return Ok(Prop {
                v: PropVal::Accessor(g, s),
                enumerable: enumerable.unwrap_or(b_enum),
                writable: false,
                configurable: configurable.unwrap_or(b_conf),
            });
        }
        let (bv, bw) = match base.as_ref().map(|b| (&b.v, b.writable)) {
            Some((PropVal::Data(v), w)) => (v.clone(), w),
            _ => (Value::Undefined, false),
        };
        Ok(Prop {
            v: PropVal::Data(value.unwrap_or(bv)),
            enumerable: enumerable.unwrap_or(b_enum),
            writable: writable.unwrap_or(bw),
            configurable: configurable.unwrap_or(b_conf),
        })
    }

    /// FromPropertyDescriptor.
    pub fn descriptor_object(&mut self, p: &Prop) -> Value {
        let d = self.new_object();
        match &p.v {
            PropVal::Data(v) => {
                let v = if matches!(v, Value::Empty) {
                    Value::Undefined
                } else {
                    v.clone()
                };
                self.set_prop_raw(d, "value", v);
                self.set_prop_raw(d, "writable", Value::Bool(p.writable));
            }
            PropVal::Accessor(g, s) => {
                self.set_prop_raw(d, "get", g.map(Value::Obj).unwrap_or_default());
                self.set_prop_raw(d, "set", s.map(Value::Obj).unwrap_or_default());
            }
        }
        self.set_prop_raw(d, "enumerable", Value::Bool(p.enumerable));
        self.set_prop_raw(d, "configurable", Value::Bool(p.configurable));
        Value::Obj(d)
    }
}
