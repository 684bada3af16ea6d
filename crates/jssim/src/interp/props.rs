//! Property access: [[Get]]/[[Set]]/[[DefineOwnProperty]]/[[Delete]]/[[HasProperty]]
//! along the prototype chain with accessors, the exotic objects (arrays' elements and
//! `length`, strings' indices, typed arrays, mapped `arguments`, proxies' traps, DOM
//! nodes' computed properties), own-key order (integer keys ascending, then strings,
//! then symbols) and V8's messages (`Cannot read properties of null (reading 'x')`,
//! `Cannot assign to read only property 'a' of object '#<Object>'`).

use super::{Res, Throw, Vm};
use crate::heap::{Kind, Lock, Prop, PropVal, TaKind};
use crate::value::{
    num_to_string, str_as_index, utf16_len, utf16_slice, JsStr, ObjRef, PropKey, Value,
};

/// Why an assignment did not happen (strict code turns these into TypeErrors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetFail {
    ReadOnly,
    NotExtensible,
    NoSetter,
    /// A proxy's `set` trap returned false.
    Trap,
}

impl Vm {
    pub fn key_display(&self, k: &PropKey) -> String {
        match k {
            PropKey::Str(s) => s.to_string(),
            PropKey::Sym(i) => format!(
                "Symbol({})",
                self.symbols
                    .get(*i as usize)
                    .cloned()
                    .flatten()
                    .unwrap_or_default()
            ),
        }
    }

    /// ToPropertyKey for a value.
    pub fn to_property_key(&mut self, v: &Value) -> Res<PropKey> {
        Ok(match v {
            Value::Sym(s) => PropKey::Sym(*s),
            Value::Str(s) => PropKey::Str(s.clone()),
            Value::Num(n) => PropKey::s(&num_to_string(*n)),
            other => {
                let p = self.to_primitive(other, "string")?;
                match p {
                    Value::Sym(s) => PropKey::Sym(s),
                    q => PropKey::Str(self.to_string(&q)?),
                }
            }
        })
    }

    /// The object whose properties a primitive exposes.
    fn proto_of_prim(&self, v: &Value) -> Option<ObjRef> {
        Some(match v {
            Value::Str(_) => self.realm.string_proto,
            Value::Num(_) => self.realm.number_proto,
            Value::Bool(_) => self.realm.boolean_proto,
            Value::Sym(_) => self.realm.symbol_proto,
            Value::BigInt(_) => self.realm.bigint_proto,
            _ => return None,
        })
    }

    /// `obj[key]` with a value key (fast path for array elements).
    pub fn get_elem(&mut self, obj: &Value, key: &Value) -> Res<Value> {
        if let (Value::Obj(o), Value::Num(n)) = (obj, key) {
            if *n >= 0.0 && n.fract() == 0.0 && *n < u32::MAX as f64 {
                if let Some(Kind::Array(items)) = self.heap.kind(*o) {
                    if let Some(v) = items.get(*n as usize) {
                        if !matches!(v, Value::Empty) {
                            return Ok(v.clone());
                        }
                    }
                }
            }
        }
        if obj.is_nullish() {
            let k = self.to_property_key(key)?;
            return Err(self.read_error(obj, &k));
        }
        let k = self.to_property_key(key)?;
        self.get_value(obj, &k)
    }

    fn read_error(&mut self, obj: &Value, k: &PropKey) -> Throw {
        let null = matches!(obj, Value::Null);
        if *k == PropKey::Sym(super::sym::ITERATOR) {
            // V8's load of @@iterator from a nullish value.
            let what = if null { "object null" } else { "undefined" };
            return self.type_error(&format!(
                "{what} is not iterable (cannot read property Symbol(Symbol.iterator))"
            ));
        }
        let what = if null { "null" } else { "undefined" };
        let kd = self.key_display(k);
        self.type_error(&format!(
            "Cannot read properties of {what} (reading '{kd}')"
        ))
    }

    /// `v.key` for any value (primitives use their prototype; strings expose indices
    /// and `length`).
    pub fn get_value(&mut self, v: &Value, key: &PropKey) -> Res<Value> {
        match v {
            Value::Obj(o) => self.get_with_receiver(*o, key, v.clone()),
            Value::Undefined | Value::Null | Value::Empty => Err(self.read_error(v, key)),
            Value::Str(s) => {
                if let PropKey::Str(k) = key {
                    if &**k == "length" {
                        return Ok(Value::Num(utf16_len(s) as f64));
                    }
                    if let Some(i) = str_as_index(k) {
                        let len = utf16_len(s);
                        if (i as usize) < len {
                            return Ok(Value::str(&utf16_slice(s, i as usize, i as usize + 1)));
                        }
                        return Ok(Value::Undefined);
                    }
                }
                let p = self.realm.string_proto;
                self.get_with_receiver(p, key, v.clone())
            }
            other => match self.proto_of_prim(other) {
                Some(p) => self.get_with_receiver(p, key, other.clone()),
                None => Ok(Value::Undefined),
            },
        }
    }

    /// [[Get]] on any value.
    pub fn get(&mut self, obj: &Value, key: &PropKey) -> Res<Value> {
        self.get_value(obj, key)
    }

    /// [[Get]] starting at `start` with `receiver` as `this` for getters.
    pub fn get_with_receiver(
        &mut self,
        start: ObjRef,
        key: &PropKey,
        receiver: Value,
    ) -> Res<Value> {
        let mut cur = Some(start);
        let mut hops = 0;
        while let Some(o) = cur {
            hops += 1;
            if hops > 100_000 {
                break;
            }
            let Some(obj) = self.heap.get(o) else { break };
            match &obj.kind {
                Kind::Array(items) => {
                    if let PropKey::Str(k) = key {
                        if &**k == "length" {
                            return Ok(Value::Num(items.len() as f64));
                        }
                        if let Some(i) = str_as_index(k) {
                            match items.get(i as usize) {
                                Some(Value::Empty) | None => {}
                                Some(v) => return Ok(v.clone()),
                            }
                        }
                    }
                }
                Kind::Boxed(Value::Str(s)) => {
                    if let PropKey::Str(k) = key {
                        if &**k == "length" {
                            return Ok(Value::Num(utf16_len(s) as f64));
                        }
                        if let Some(i) = str_as_index(k) {
                            if (i as usize) < utf16_len(s) {
                                return Ok(Value::str(&utf16_slice(s, i as usize, i as usize + 1)));
                            }
                        }
                    }
                }
                Kind::TypedArray(t) if t.kind != TaKind::DataView => {
                    if let Some(i) = canonical_numeric(key) {
                        return Ok(
                            crate::builtins::typed::get_index(self, o, i).unwrap_or_default()
                        );
                    }
                }
                Kind::Proxy(_) => {
                    let Some((t, h, trap)) = self.proxy_trap(o, "get")? else {
                        break;
                    };
                    if trap.is_nullish() {
                        return self.get_with_receiver(t, key, receiver);
                    }
                    let kv = self.key_value(key);
                    return self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv, receiver]);
                }
                Kind::Host(_) => {
                    if let Some(v) = crate::dom::get_special(self, o, key)? {
                        return Ok(v);
                    }
                }
                Kind::Arguments(_) => {
                    if let Some((c, slot)) = self.mapped_slot(o, key) {
                        return Ok(self.ctx_slot(c, slot));
                    }
                }
                Kind::Error(Some(_)) if key.as_str() == Some("stack") => {
                    self.materialize_stack(o)?
                }
                _ => {}
            }
            let Some(obj) = self.heap.get(o) else { break };
            if let Some(p) = obj.props.get(key) {
                return match &p.v {
                    PropVal::Data(Value::Empty) => Ok(Value::Undefined),
                    PropVal::Data(v) => Ok(v.clone()),
                    PropVal::Accessor(Some(g), _) => {
                        let g = Value::Obj(*g);
                        self.call(&g, receiver, vec![])
                    }
                    PropVal::Accessor(None, _) => Ok(Value::Undefined),
                };
            }
            cur = obj.proto;
        }
        Ok(Value::Undefined)
    }

    /// The parameter slot a mapped `arguments` index aliases.
    fn mapped_slot(&self, o: ObjRef, key: &PropKey) -> Option<(ObjRef, u32)> {
        let Some(Kind::Arguments(a)) = self.heap.kind(o) else {
            return None;
        };
        let i = key.as_index()? as usize;
        Some((a.ctx?, (*a.map.get(i)?)?))
    }

    fn ctx_slot(&self, ctx: ObjRef, slot: u32) -> Value {
        match self.heap.kind(ctx) {
            Some(Kind::Context(c)) => c.slots.get(slot as usize).cloned().unwrap_or_default(),
            _ => Value::Undefined,
        }
    }

    /// Stops an `arguments` index from aliasing its parameter (delete, redefine).
    fn unmap(&mut self, o: ObjRef, key: &PropKey) {
        if !matches!(self.heap.kind(o), Some(Kind::Arguments(_))) {
            return;
        }
        if let (Some(i), Some(Kind::Arguments(a))) =
            (key.as_index(), self.heap.get_mut(o).map(|x| &mut x.kind))
        {
            if let Some(m) = a.map.get_mut(i as usize) {
                *m = None;
            }
        }
    }

    /// A property key as a JS value (strings or symbols).
    pub fn key_value(&self, k: &PropKey) -> Value {
        match k {
            PropKey::Str(s) => Value::Str(s.clone()),
            PropKey::Sym(s) => Value::Sym(*s),
        }
    }

    /// How V8 names an object in `... of object '#<Object>'`.
    pub fn object_words(&mut self, o: ObjRef) -> String {
        if matches!(self.heap.kind(o), Some(Kind::Array(_))) {
            return "[object Array]".into();
        }
        let name = crate::inspect::constructor_name(self, o).unwrap_or_else(|| "Object".into());
        format!("#<{name}>")
    }

    /// How V8 shows a receiver in `called on incompatible receiver X`.
    pub fn receiver_words(&mut self, v: &Value) -> String {
        match v {
            Value::Obj(o)
                if !self.is_callable(v) && !matches!(self.heap.kind(*o), Some(Kind::Array(_))) =>
            {
                let name =
                    crate::inspect::constructor_name(self, *o).unwrap_or_else(|| "Object".into());
                format!("#<{name}>")
            }
            Value::Str(s) => s.to_string(),
            other => self.to_display(other),
        }
    }

    /// `obj.key = v` from JavaScript: throws on `null`/`undefined`, and in strict code
    /// when the assignment fails.
    pub fn put_value(&mut self, obj: &Value, key: PropKey, v: Value) -> Res<()> {
        match obj {
            Value::Obj(o) => {
                let o = *o;
                if let Err(fail) = self.set_checked(o, key.clone(), v, obj.clone())? {
                    let strict = self.frames.last().is_some_and(|f| f.code.flags.strict);
                    if strict {
                        return Err(self.set_error(o, &key, fail));
                    }
                }
                Ok(())
            }
            Value::Undefined | Value::Null | Value::Empty => {
                let what = if matches!(obj, Value::Null) {
                    "null"
                } else {
                    "undefined"
                };
                let kd = self.key_display(&key);
                Err(self.type_error(&format!("Cannot set properties of {what} (setting '{kd}')")))
            }
            prim => {
                let strict = self.frames.last().is_some_and(|f| f.code.flags.strict);
                let Some(p) = self.proto_of_prim(prim) else {
                    return Ok(());
                };
                // Setters on the prototype still run; creating a property fails.
                if let Some(Prop {
                    v: PropVal::Accessor(_, Some(s)),
                    ..
                }) = self.find_prop(p, &key)
                {
                    self.call(&Value::Obj(s), prim.clone(), vec![v])?;
                    return Ok(());
                }
                if strict {
                    let kd = self.key_display(&key);
                    let d = self.to_display(prim);
                    let what = match prim {
                        Value::Str(_) => format!("string '{d}'"),
                        _ => format!("{} '{d}'", prim.prim_typeof()),
                    };
                    return Err(
                        self.type_error(&format!("Cannot create property '{kd}' on {what}"))
                    );
                }
                Ok(())
            }
        }
    }

    /// The first property `key` along the chain from `o` (no proxies consulted).
    fn find_prop(&self, o: ObjRef, key: &PropKey) -> Option<Prop> {
        let mut cur = Some(o);
        while let Some(x) = cur {
            if let Some(p) = self.get_own_prop(x, key) {
                return Some(p);
            }
            cur = self.heap.get(x)?.proto;
        }
        None
    }

    /// V8's TypeError for a failed assignment.
    pub fn set_error(&mut self, o: ObjRef, key: &PropKey, fail: SetFail) -> Throw {
        let kd = self.key_display(key);
        let msg = match fail {
            SetFail::ReadOnly => {
                let d = self.object_words(o);
                format!("Cannot assign to read only property '{kd}' of object '{d}'")
            }
            SetFail::NotExtensible => format!("Cannot add property {kd}, object is not extensible"),
            SetFail::NoSetter => {
                let d = self.object_words(o);
                format!("Cannot set property {kd} of {d} which has only a getter")
            }
            SetFail::Trap => format!("'set' on proxy: trap returned falsish for property '{kd}'"),
        };
        self.type_error(&msg)
    }

    /// [[Set]] that throws on failure (built-ins always do).
    pub fn set_or_throw(&mut self, o: ObjRef, key: PropKey, v: Value) -> Res<()> {
        if let Err(fail) = self.set_checked(o, key.clone(), v, Value::Obj(o))? {
            return Err(self.set_error(o, &key, fail));
        }
        Ok(())
    }

    /// [[Set]]: true when the property was written.
    pub fn set(&mut self, obj: &Value, key: PropKey, v: Value, receiver: Value) -> Res<bool> {
        let Value::Obj(o) = obj else { return Ok(false) };
        Ok(self.set_checked(*o, key, v, receiver)?.is_ok())
    }

    /// OrdinarySet along the prototype chain: setters, read-only properties, proxies'
    /// `set` traps, then creating/updating the receiver's own data property.
    pub fn set_checked(
        &mut self,
        start: ObjRef,
        key: PropKey,
        v: Value,
        receiver: Value,
    ) -> Res<Result<(), SetFail>> {
        let mut cur = Some(start);
        while let Some(o) = cur {
            let Some(ob) = self.heap.get(o) else { break };
            match &ob.kind {
                Kind::Proxy(_) => {
                    let Some((t, h, trap)) = self.proxy_trap(o, "set")? else {
                        break;
                    };
                    if trap.is_nullish() {
                        return self.set_checked(t, key, v, receiver);
                    }
                    let kv = self.key_value(&key);
                    let r =
                        self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv, v, receiver])?;
                    return Ok(if r.truthy() {
                        Ok(())
                    } else {
                        Err(SetFail::Trap)
                    });
                }
                Kind::Array(_) | Kind::TypedArray(_) if o == start => {
                    if matches!(receiver, Value::Obj(r) if r == start) {
                        if let Some(r) = self.set_exotic_element(o, &key, &v)? {
                            return Ok(r);
                        }
                    }
                }
                _ => {}
            }
            if matches!(self.heap.kind(o), Some(Kind::Host(_)))
                && crate::dom::set_special(self, o, &key, &v)?
            {
                return Ok(Ok(()));
            }
            let Some(p) = self.get_own_prop(o, &key) else {
                cur = self.heap.get(o).and_then(|x| x.proto);
                continue;
            };
            match p.v {
                PropVal::Accessor(_, Some(s)) => {
                    self.call(&Value::Obj(s), receiver, vec![v])?;
                    return Ok(Ok(()));
                }
                PropVal::Accessor(_, None) => return Ok(Err(SetFail::NoSetter)),
                PropVal::Data(_) if !p.writable => return Ok(Err(SetFail::ReadOnly)),
                PropVal::Data(_) => break,
            }
        }
        let Value::Obj(r) = receiver else {
            return Ok(Err(SetFail::ReadOnly));
        };
        if r != start {
            if let Some(Kind::Proxy(_)) = self.heap.kind(r) {
                let ok = self.define_own(r, key, Prop::data(v))?;
                return Ok(if ok { Ok(()) } else { Err(SetFail::Trap) });
            }
        }
        self.write_own(r, key, v)
    }

    /// Array elements/length and typed-array elements written directly; `None` when
    /// the key is not an element of this exotic object.
    fn set_exotic_element(
        &mut self,
        o: ObjRef,
        key: &PropKey,
        v: &Value,
    ) -> Res<Option<Result<(), SetFail>>> {
        if matches!(self.heap.kind(o), Some(Kind::TypedArray(t)) if t.kind != TaKind::DataView) {
            if let Some(i) = canonical_numeric(key) {
                crate::builtins::typed::set_index(self, o, i, v)?;
                return Ok(Some(Ok(())));
            }
            return Ok(None);
        }
        let PropKey::Str(k) = key else {
            return Ok(None);
        };
        let lock = self
            .heap
            .get(o)
            .map(|x| (x.lock, x.extensible))
            .unwrap_or((Lock::None, true));
        if &**k == "length" {
            if lock.0 == Lock::Frozen {
                return Ok(Some(Err(SetFail::ReadOnly)));
            }
            let n = self.to_number(v)?;
            if n < 0.0 || n.fract() != 0.0 || n > 4294967295.0 {
                return Err(self.range_error("Invalid array length"));
            }
            if let Some(Kind::Array(items)) = self.heap.get_mut(o).map(|x| &mut x.kind) {
                let n = n as usize;
                if n > items.len() && n - items.len() > 50_000_000 {
                    return Err(Throw::Limit("array too large".into()));
                }
                items.resize(n, Value::Empty);
            }
            return Ok(Some(Ok(())));
        }
        let Some(i) = str_as_index(k) else {
            return Ok(None);
        };
        let i = i as usize;
        let len = match self.heap.kind(o) {
            Some(Kind::Array(items)) => items.len(),
            _ => return Ok(None),
        };
        if self.heap.get(o).is_some_and(|x| x.props.contains_key(key)) {
            // A slow element: the ordinary path applies its attributes.
            return Ok(None);
        }
        let exists = i < len
            && !matches!(self.heap.kind(o), Some(Kind::Array(items)) if matches!(items[i], Value::Empty));
        if lock.0 == Lock::Frozen && exists {
            return Ok(Some(Err(SetFail::ReadOnly)));
        }
        if !exists && !lock.1 {
            return Ok(Some(Err(SetFail::NotExtensible)));
        }
        if i >= len && i - len > 10_000_000 {
            return Err(Throw::Limit("array too large".into()));
        }
        if let Some(Kind::Array(items)) = self.heap.get_mut(o).map(|x| &mut x.kind) {
            if i >= items.len() {
                items.resize(i, Value::Empty);
                items.push(v.clone());
            } else {
                items[i] = v.clone();
            }
        }
        Ok(Some(Ok(())))
    }

    /// Creates or updates an own data property of `r` (the last step of [[Set]]).
    fn write_own(&mut self, r: ObjRef, key: PropKey, v: Value) -> Res<Result<(), SetFail>> {
        if let Some(res) = self.set_exotic_element(r, &key, &v)? {
            return Ok(res);
        }
        if let Some((c, slot)) = self.mapped_slot(r, &key) {
            if let Some(Kind::Context(cd)) = self.heap.get_mut(c).map(|o| &mut o.kind) {
                if let Some(x) = cd.slots.get_mut(slot as usize) {
                    *x = v.clone();
                }
            }
        }
        let Some(obj) = self.heap.get_mut(r) else {
            return Ok(Err(SetFail::ReadOnly));
        };
        match obj.props.get_mut(&key) {
            Some(p) => match p.v {
                PropVal::Data(_) if p.writable => p.v = PropVal::Data(v),
                PropVal::Data(_) => return Ok(Err(SetFail::ReadOnly)),
                PropVal::Accessor(..) => return Ok(Err(SetFail::NoSetter)),
            },
            None => {
                if !obj.extensible {
                    return Ok(Err(SetFail::NotExtensible));
                }
                obj.props.insert(key, Prop::data(v));
            }
        }
        Ok(Ok(()))
    }

    /// Creates or updates an own data property, ignoring failures (internal use:
    /// building fresh objects).
    pub fn set_own(&mut self, r: ObjRef, key: PropKey, v: Value) -> Res<bool> {
        Ok(self.write_own(r, key, v)?.is_ok())
    }

    /// [[DefineOwnProperty]] (object literals, class fields, Object.defineProperty):
    /// false when a non-configurable property or a non-extensible object refuses.
    pub fn define_own(&mut self, r: ObjRef, key: PropKey, p: Prop) -> Res<bool> {
        if let Some((t, h, trap)) = self.proxy_trap(r, "defineProperty")? {
            if trap.is_nullish() {
                return self.define_own(t, key, p);
            }
            let kv = self.key_value(&key);
            let d = self.descriptor_object(&p);
            return Ok(self
                .call(&trap, Value::Obj(h), vec![Value::Obj(t), kv, d])?
                .truthy());
        }
        self.unmap(r, &key);
        let existing = self.get_own_prop(r, &key);
        if let Some(e) = &existing {
            if !e.configurable {
                let same_kind = matches!((&e.v, &p.v), (PropVal::Data(_), PropVal::Data(_)));
                let allowed = !p.configurable
                    && p.enumerable == e.enumerable
                    && match (&e.v, &p.v) {
                        (PropVal::Data(a), PropVal::Data(b)) => {
                            e.writable || (!p.writable && crate::value::same_value(a, b))
                        }
                        (PropVal::Accessor(g1, s1), PropVal::Accessor(g2, s2)) => {
                            g1 == g2 && s1 == s2
                        }
                        _ => false,
                    };
                if !(same_kind && allowed) {
                    return Ok(false);
                }
            }
        } else if !self.heap.get(r).is_some_and(|o| o.extensible) {
            return Ok(false);
        }
        let is_elem = match self.heap.kind(r) {
            Some(Kind::Array(_)) => true,
            Some(Kind::TypedArray(t)) => t.kind != TaKind::DataView,
            _ => false,
        } && (canonical_numeric(&key).is_some() || key.as_str() == Some("length"));
        if is_elem {
            if let PropVal::Data(v) = &p.v {
                let default = p.writable && p.enumerable && p.configurable;
                if default
                    || key.as_str() == Some("length")
                    || matches!(self.heap.kind(r), Some(Kind::TypedArray(_)))
                {
                    return Ok(self
                        .set_exotic_element(r, &key, v)?
                        .map(|x| x.is_ok())
                        .unwrap_or(false));
                }
            }
            // An element with an accessor or non-default attributes leaves a hole in
            // the fast elements and lives in the property table (V8's slow elements).
            if let (Some(i), Some(Kind::Array(items))) =
                (key.as_index(), self.heap.get_mut(r).map(|x| &mut x.kind))
            {
                let i = i as usize;
                if i >= items.len() {
                    if i - items.len() > 10_000_000 {
                        return Err(Throw::Limit("array too large".into()));
                    }
                    items.resize(i + 1, Value::Empty);
                } else {
                    items[i] = Value::Empty;
                }
            }
        }
        if let Some(obj) = self.heap.get_mut(r) {
            obj.props.insert(key, p);
        }
        Ok(true)
    }

    /// [[Delete]]: false for non-configurable properties.
    pub fn delete_prop(&mut self, r: ObjRef, k: &PropKey) -> Res<bool> {
        if let Some((t, h, trap)) = self.proxy_trap(r, "deleteProperty")? {
            if trap.is_nullish() {
                return self.delete_prop(t, k);
            }
            let kv = self.key_value(k);
            return Ok(self
                .call(&trap, Value::Obj(h), vec![Value::Obj(t), kv])?
                .truthy());
        }
        self.unmap(r, k);
        if let Some(done) = crate::dom::collections::delete(self, r, k) {
            return Ok(done);
        }
        let Some(obj) = self.heap.get_mut(r) else {
            return Ok(true);
        };
        let lock = obj.lock;
        let slow = obj.props.contains_key(k);
        if let (Kind::Array(items), Some(i), false) = (&mut obj.kind, k.as_index(), slow) {
            if lock != Lock::None
                && (i as usize) < items.len()
                && !matches!(items[i as usize], Value::Empty)
            {
                return Ok(false);
            }
            if let Some(slot) = items.get_mut(i as usize) {
                *slot = Value::Empty;
            }
            return Ok(true);
        }
        if matches!(obj.kind, Kind::Array(_)) && k.as_str() == Some("length") {
            return Ok(false);
        }
        if let Some(p) = obj.props.get(k) {
            if !p.configurable {
                return Ok(false);
            }
        }
        obj.props.shift_remove(k);
        Ok(true)
    }

    /// The own property of `r` (arrays, strings and typed arrays synthesise their
    /// elements). Proxies are not consulted (see [`Vm::get_own_property`]).
    pub fn get_own_prop(&self, r: ObjRef, k: &PropKey) -> Option<Prop> {
        let obj = self.heap.get(r)?;
        let locked = |v: Value| {
            let mut p = Prop::data(v);
            if obj.lock != Lock::None {
                p.configurable = false;
                p.writable = obj.lock != Lock::Frozen;
            }
            p
        };
        match (&obj.kind, k) {
            (Kind::Array(items), PropKey::Str(s)) => {
                if &**s == "length" {
                    return Some(Prop {
                        v: PropVal::Data(Value::Num(items.len() as f64)),
                        enumerable: false,
                        writable: obj.lock != Lock::Frozen,
                        configurable: false,
                    });
                }
                if let Some(i) = str_as_index(s) {
                    match items.get(i as usize) {
                        Some(Value::Empty) | None => {}
                        Some(v) => return Some(locked(v.clone())),
                    }
                }
            }
            (Kind::Boxed(Value::Str(st)), PropKey::Str(s)) => {
                if let Some(i) = str_as_index(s) {
                    if (i as usize) < utf16_len(st) {
                        return Some(Prop {
                            v: PropVal::Data(Value::str(&utf16_slice(
                                st,
                                i as usize,
                                i as usize + 1,
                            ))),
                            enumerable: true,
                            writable: false,
                            configurable: false,
                        });
                    }
                }
                if &**s == "length" {
                    return Some(Prop {
                        v: PropVal::Data(Value::Num(utf16_len(st) as f64)),
                        enumerable: false,
                        writable: false,
                        configurable: false,
                    });
                }
            }
            (Kind::TypedArray(t), _) if t.kind != TaKind::DataView => {
                if let Some(i) = canonical_numeric(k) {
                    let v = crate::builtins::typed::get_index_ro(self, r, i)?;
                    return Some(Prop {
                        v: PropVal::Data(v),
                        enumerable: true,
                        writable: true,
                        configurable: true,
                    });
                }
            }
            (Kind::Arguments(_), _) => {
                if let Some((c, slot)) = self.mapped_slot(r, k) {
                    let mut p = obj.props.get(k).cloned()?;
                    p.v = PropVal::Data(self.ctx_slot(c, slot));
                    return Some(p);
                }
            }
            _ => {}
        }
        let p = obj.props.get(k)?;
        if matches!(p.v, PropVal::Data(Value::Empty)) {
            let mut p = p.clone();
            p.v = PropVal::Data(Value::Undefined);
            return Some(p);
        }
        Some(p.clone())
    }

    /// [[HasProperty]] along the chain (proxies: `has`).
    pub fn has_property(&mut self, r: ObjRef, k: &PropKey) -> Res<bool> {
        let mut cur = Some(r);
        while let Some(o) = cur {
            if let Some((t, h, trap)) = self.proxy_trap(o, "has")? {
                if trap.is_nullish() {
                    return self.has_property(t, k);
                }
                let kv = self.key_value(k);
                return Ok(self
                    .call(&trap, Value::Obj(h), vec![Value::Obj(t), kv])?
                    .truthy());
            }
            if self.get_own_prop(o, k).is_some() {
                return Ok(true);
            }
            if let Some(Kind::Host(_)) = self.heap.kind(o) {
                if crate::dom::get_special(self, o, k)?.is_some() {
                    return Ok(true);
                }
            }
            cur = self.heap.get(o).and_then(|x| x.proto);
        }
        Ok(false)
    }

    /// Own keys in spec order: indices ascending, strings by insertion, symbols.
    /// Private names are not keys.
    pub fn own_keys(&self, r: ObjRef) -> Vec<PropKey> {
        let Some(obj) = self.heap.get(r) else {
            return vec![];
        };
        let mut idx: Vec<(u32, PropKey)> = Vec::new();
        let mut strs = Vec::new();
        let mut syms = Vec::new();
        match &obj.kind {
            Kind::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    if !matches!(v, Value::Empty) {
                        idx.push((i as u32, PropKey::s(&i.to_string())));
                    }
                }
            }
            Kind::Boxed(Value::Str(s)) => {
                for i in 0..utf16_len(s) {
                    idx.push((i as u32, PropKey::s(&i.to_string())));
                }
            }
            Kind::TypedArray(t) if t.kind != TaKind::DataView => {
                for i in 0..t.length {
                    idx.push((i as u32, PropKey::s(&i.to_string())));
                }
            }
            _ => {}
        }
        for k in obj.props.keys() {
            match k {
                PropKey::Sym(s) if self.is_private_symbol(*s) => {}
                PropKey::Sym(_) => syms.push(k.clone()),
                PropKey::Str(s) => match str_as_index(s) {
                    Some(i) => idx.push((i, k.clone())),
                    None => strs.push(k.clone()),
                },
            }
        }
        idx.sort_by_key(|(i, _)| *i);
        let mut out: Vec<PropKey> = idx.into_iter().map(|(_, k)| k).collect();
        if matches!(obj.kind, Kind::Array(_)) {
            out.push(PropKey::s("length"));
        }
        if matches!(obj.kind, Kind::Boxed(Value::Str(_))) {
            out.push(PropKey::s("length"));
        }
        out.extend(strs);
        out.extend(syms);
        out
    }

    /// Own enumerable string keys (Object.keys order), through proxies.
    pub fn enumerable_keys(&mut self, r: ObjRef) -> Res<Vec<JsStr>> {
        let is_proxy = self.has_exotic_keys(r);
        let keys = self.own_property_keys(r)?;
        let mut out = Vec::new();
        for k in keys {
            if let PropKey::Str(s) = &k {
                let p = if is_proxy {
                    self.get_own_property(r, &k)?
                } else {
                    self.get_own_prop(r, &k)
                };
                if p.is_some_and(|p| p.enumerable) {
                    out.push(s.clone());
                }
            }
        }
        Ok(out)
    }

    /// for-in keys: enumerable string keys along the prototype chain.
    pub fn for_in_keys(&mut self, v: &Value) -> Res<Vec<Value>> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut cur = match v {
            Value::Obj(o) => Some(*o),
            Value::Str(s) => {
                for i in 0..utf16_len(s) {
                    out.push(Value::str(&i.to_string()));
                }
                return Ok(out);
            }
            _ => None,
        };
        while let Some(o) = cur {
            let is_proxy = self.has_exotic_keys(o);
            for k in self.own_property_keys(o)? {
                if let PropKey::Str(s) = &k {
                    if seen.insert(s.clone()) {
                        let p = if is_proxy {
                            self.get_own_property(o, &k)?
                        } else {
                            self.get_own_prop(o, &k)
                        };
                        if p.is_some_and(|p| p.enumerable) {
                            out.push(Value::Str(s.clone()));
                        }
                    }
                }
            }
            cur = self.get_prototype_of(o)?;
        }
        Ok(out)
    }

    /// Copies own enumerable properties of `src` onto `dst` (spread, rest).
    pub fn copy_data_props(&mut self, dst: ObjRef, src: &Value, exclude: &[PropKey]) -> Res<()> {
        match src {
            Value::Obj(s) => {
                let s = *s;
                let is_proxy = self.has_exotic_keys(s);
                let keys = self.own_property_keys(s)?;
                for k in keys {
                    if exclude.contains(&k) {
                        continue;
                    }
                    let p = if is_proxy {
                        self.get_own_property(s, &k)?
                    } else {
                        self.get_own_prop(s, &k)
                    };
                    if !p.is_some_and(|p| p.enumerable) {
                        continue;
                    }
                    let v = self.get(src, &k)?;
                    self.define_own(dst, k, Prop::data(v))?;
                }
            }
            Value::Str(st) => {
                let n = utf16_len(st);
                for i in 0..n {
                    let c = utf16_slice(st, i, i + 1);
                    self.define_own(dst, PropKey::s(&i.to_string()), Prop::data(Value::str(&c)))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The elements of an array value (holes as undefined); empty for non-arrays.
    pub fn array_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::Obj(o) => match self.heap.kind(*o) {
                Some(Kind::Array(items)) => items
                    .iter()
                    .map(|x| {
                        if matches!(x, Value::Empty) {
                            Value::Undefined
                        } else {
                            x.clone()
                        }
                    })
                    .collect(),
                _ => vec![],
            },
            _ => vec![],
        }
    }

    /// A global lookup: the global object's property, or None when missing.
    pub fn lookup_global(&mut self, g: ObjRef, name: &JsStr) -> Res<Option<Value>> {
        let k = PropKey::Str(name.clone());
        if let Some(obj) = self.heap.get(g) {
            if let Some(Prop {
                v: PropVal::Data(v),
                ..
            }) = obj.props.get(&k)
            {
                return Ok(Some(if matches!(v, Value::Empty) {
                    Value::Undefined
                } else {
                    v.clone()
                }));
            }
        }
        if self.has_property(g, &k)? {
            Ok(Some(self.get(&Value::Obj(g), &k)?))
        } else {
            Ok(None)
        }
    }

    /// LengthOfArrayLike.
    pub fn length_of(&mut self, v: &Value) -> Res<usize> {
        if let Value::Obj(o) = v {
            if let Some(Kind::Array(items)) = self.heap.kind(*o) {
                return Ok(items.len());
            }
        }
        let l = self.get_value(v, &PropKey::s("length"))?;
        let n = self.to_number(&l)?;
        Ok(if n.is_nan() || n <= 0.0 {
            0
        } else {
            n.min(1e9) as usize
        })
    }
}

/// A key that is a canonical numeric string (typed-array indices).
pub fn canonical_numeric(k: &PropKey) -> Option<f64> {
    let PropKey::Str(s) = k else { return None };
    if let Some(i) = str_as_index(s) {
        return Some(i as f64);
    }
    if &**s == "-0" {
        return Some(-0.0);
    }
    let n = crate::value::str_to_num(s);
    if num_to_string(n) == **s {
        Some(n)
    } else {
        None
    }
}
