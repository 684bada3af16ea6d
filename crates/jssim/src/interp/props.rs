//! Property access: lookup along the prototype chain with accessors, arrays' indexed
//! elements and `length`, strings' indices, proxies' traps, own-key order
//! (integer keys ascending, then strings, then symbols) and V8's messages for access on
//! `null`/`undefined`.

use super::{Res, Vm};
use crate::heap::{Kind, Prop, PropVal};
use crate::value::{
    num_to_string, str_as_index, utf16_len, utf16_slice, JsStr, ObjRef, PropKey, Value,
};

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

    /// `obj[key]` with a value key (fast paths for arrays and strings).
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

    fn read_error(&mut self, obj: &Value, k: &PropKey) -> super::Throw {
        let what = if matches!(obj, Value::Null) {
            "null"
        } else {
            "undefined"
        };
        let kd = self.key_display(k);
        self.type_error(&format!(
            "Cannot read properties of {what} (reading '{kd}')"
        ))
    }

    /// `v.key` for any value (primitives use their prototype; strings expose indices
    /// and `length`).
    pub fn get_value(&mut self, v: &Value, key: &PropKey) -> Res<Value> {
        match v {
            Value::Obj(_) => self.get(v, key),
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

    /// [[Get]] on an object value.
    pub fn get(&mut self, obj: &Value, key: &PropKey) -> Res<Value> {
        match obj {
            Value::Obj(o) => self.get_with_receiver(*o, key, obj.clone()),
            other => self.get_value(other, key),
        }
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
            if hops > 10_000 {
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
                            if let Some(v) = items.get(i as usize) {
                                if !matches!(v, Value::Empty) {
                                    return Ok(v.clone());
                                }
                            }
                        }
                    }
                }
                Kind::Boxed(Value::Str(s)) => {
                    if let PropKey::Str(k) = key {
                        if &**k == "length" {
                            return Ok(Value::Num(utf16_len(s) as f64));
                        }
                    }
                }
                Kind::Proxy(target, handler) => {
                    let (t, h) = (*target, *handler);
                    let trap = self.get(&Value::Obj(h), &PropKey::s("get"))?;
                    if trap.is_nullish() {
                        return self.get_with_receiver(t, key, receiver);
                    }
                    let kv = self.key_value(key);
                    return self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv, receiver]);
                }
                Kind::Dom(_) | Kind::Host(_) => {
                    if let Some(v) = crate::dom::get_special(self, o, key, &receiver)? {
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
                    PropVal::Data(v) => Ok(v.clone()),
                    PropVal::Accessor(g, _) => match g {
                        Some(g) => {
                            let g = Value::Obj(*g);
                            self.call(&g, receiver, vec![])
                        }
                        None => Ok(Value::Undefined),
                    },
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

    /// `v.key = value` for any value; throws on null/undefined like V8.
    pub fn put_value(&mut self, obj: &Value, key: PropKey, v: Value) -> Res<()> {
        match obj {
            Value::Obj(_) => {
                self.set(obj, key, v, obj.clone())?;
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
            _ => Ok(()),
        }
    }

    /// [[Set]]: setters along the chain, arrays' elements and length, proxies.
    pub fn set(&mut self, obj: &Value, key: PropKey, v: Value, receiver: Value) -> Res<bool> {
        let Value::Obj(start) = obj else {
            return Ok(false);
        };
        let start = *start;
        // Look for a setter or a read-only property along the chain.
        let mut cur = Some(start);
        while let Some(o) = cur {
            let Some(ob) = self.heap.get(o) else { break };
            match &ob.kind {
                Kind::Proxy(t, h) => {
                    let (t, h) = (*t, *h);
                    let trap = self.get(&Value::Obj(h), &PropKey::s("set"))?;
                    if trap.is_nullish() {
                        return self.set(&Value::Obj(t), key, v, receiver);
                    }
                    let kv = self.key_value(&key);
                    let r =
                        self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv, v, receiver])?;
                    return Ok(r.truthy());
                }
                Kind::Array(_) if o == start => break,
                Kind::Dom(_) | Kind::Host(_) if o == start => {
                    if crate::dom::set_special(self, o, &key, &v)? {
                        return Ok(true);
                    }
                }
                _ => {}
            }
            let Some(ob) = self.heap.get(o) else { break };
            if let Some(p) = ob.props.get(&key) {
                match &p.v {
                    PropVal::Accessor(_, s) => {
                        return match s {
                            Some(s) => {
                                let s = Value::Obj(*s);
                                self.call(&s, receiver, vec![v])?;
                                Ok(true)
                            }
                            None => Ok(false),
                        };
                    }
                    PropVal::Data(_) => {
                        if !p.writable {
                            if self
                                .frames
                                .last()
                                .map(|f| f.code.flags.strict)
                                .unwrap_or(false)
                            {
                                let kd = self.key_display(&key);
                                let d = self.to_display(&Value::Obj(start));
                                return Err(self.type_error(&format!(
                                    "Cannot assign to read only property '{kd}' of object '{d}'"
                                )));
                            }
                            return Ok(false);
                        }
                        break;
                    }
                }
            }
            cur = ob.proto;
        }
        let Value::Obj(r) = receiver else {
            return Ok(false);
        };
        self.set_own(r, key, v)
    }

    /// Creates or updates an own data property (arrays handle indices and `length`).
    pub fn set_own(&mut self, r: ObjRef, key: PropKey, v: Value) -> Res<bool> {
        if let Some((c, slot)) = self.mapped_slot(r, &key) {
            if let Some(Kind::Context(cd)) = self.heap.get_mut(c).map(|o| &mut o.kind) {
                if let Some(x) = cd.slots.get_mut(slot as usize) {
                    *x = v.clone();
                }
            }
        }
        let is_array = matches!(self.heap.kind(r), Some(Kind::Array(_)));
        if is_array {
            if let PropKey::Str(k) = &key {
                if &**k == "length" {
                    let n = self.to_number(&v)?;
                    if n < 0.0 || n.fract() != 0.0 || n > 4294967295.0 {
                        return Err(self.range_error("Invalid array length"));
                    }
                    if let Some(Kind::Array(items)) = self.heap.get_mut(r).map(|o| &mut o.kind) {
                        items.resize(n as usize, Value::Empty);
                    }
                    return Ok(true);
                }
                if let Some(i) = str_as_index(k) {
                    if let Some(Kind::Array(items)) = self.heap.get_mut(r).map(|o| &mut o.kind) {
                        let i = i as usize;
                        if i < items.len() {
                            items[i] = v;
                            return Ok(true);
                        }
                        if i < items.len() + 10_000_000 {
                            items.resize(i, Value::Empty);
                            items.push(v);
                            return Ok(true);
                        }
                    }
                }
            }
        }
        let Some(obj) = self.heap.get_mut(r) else {
            return Ok(false);
        };
        match obj.props.get_mut(&key) {
            Some(p) => {
                if let PropVal::Data(_) = p.v {
                    p.v = PropVal::Data(v);
                }
            }
            None => {
                if !obj.extensible {
                    return Ok(false);
                }
                obj.props.insert(key, Prop::data(v));
            }
        }
        Ok(true)
    }

    /// [[DefineOwnProperty]] (object literals, class fields, Object.defineProperty).
    pub fn define_own(&mut self, r: ObjRef, key: PropKey, p: Prop) -> Res<()> {
        self.unmap(r, &key);
        if let (Some(Kind::Array(_)), PropKey::Str(k)) = (self.heap.kind(r), &key) {
            if str_as_index(k).is_some() || &**k == "length" {
                if let PropVal::Data(v) = p.v {
                    self.set_own(r, key, v)?;
                    return Ok(());
                }
            }
        }
        if let Some(Kind::Proxy(t, h)) = self.heap.kind(r) {
            let (t, h) = (*t, *h);
            let trap = self.get(&Value::Obj(h), &PropKey::s("defineProperty"))?;
            if trap.is_nullish() {
                return self.define_own(t, key, p);
            }
        }
        if let Some(obj) = self.heap.get_mut(r) {
            obj.props.insert(key, p);
        }
        Ok(())
    }

    pub fn delete_prop(&mut self, r: ObjRef, k: &PropKey) -> Res<bool> {
        if let Some(Kind::Proxy(t, h)) = self.heap.kind(r) {
            let (t, h) = (*t, *h);
            let trap = self.get(&Value::Obj(h), &PropKey::s("deleteProperty"))?;
            if trap.is_nullish() {
                return self.delete_prop(t, k);
            }
            let kv = self.key_value(k);
            let res = self.call(&trap, Value::Obj(h), vec![Value::Obj(t), kv])?;
            return Ok(res.truthy());
        }
        self.unmap(r, k);
        let Some(obj) = self.heap.get_mut(r) else {
            return Ok(true);
        };
        if let (Kind::Array(items), Some(i)) = (&mut obj.kind, k.as_index()) {
            if let Some(slot) = items.get_mut(i as usize) {
                *slot = Value::Empty;
            }
            return Ok(true);
        }
        if let Some(p) = obj.props.get(k) {
            if !p.configurable {
                if self
                    .frames
                    .last()
                    .map(|f| f.code.flags.strict)
                    .unwrap_or(false)
                {
                    let kd = self.key_display(k);
                    return Err(
                        self.type_error(&format!("Cannot delete property '{kd}' of #<Object>"))
                    );
                }
                return Ok(false);
            }
        }
        obj.props.shift_remove(k);
        Ok(true)
    }

    /// The own property of `r` (arrays synthesise their elements).
    pub fn get_own_prop(&self, r: ObjRef, k: &PropKey) -> Option<Prop> {
        let obj = self.heap.get(r)?;
        match (&obj.kind, k) {
            (Kind::Array(items), PropKey::Str(s)) => {
                if &**s == "length" {
                    return Some(Prop {
                        v: PropVal::Data(Value::Num(items.len() as f64)),
                        enumerable: false,
                        writable: true,
                        configurable: false,
                    });
                }
                if let Some(i) = str_as_index(s) {
                    return match items.get(i as usize) {
                        Some(Value::Empty) | None => None,
                        Some(v) => Some(Prop::data(v.clone())),
                    };
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
        obj.props.get(k).cloned()
    }

    pub fn has_property(&mut self, r: ObjRef, k: &PropKey) -> Res<bool> {
        let mut cur = Some(r);
        while let Some(o) = cur {
            if let Some(Kind::Proxy(t, h)) = self.heap.kind(o) {
                let (t, h) = (*t, *h);
                let trap = self.get(&Value::Obj(h), &PropKey::s("has"))?;
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
            if let Some(Kind::Dom(_) | Kind::Host(_)) = self.heap.kind(o) {
                if crate::dom::get_special(self, o, k, &Value::Obj(r))?.is_some() {
                    return Ok(true);
                }
            }
            cur = self.heap.get(o).and_then(|x| x.proto);
        }
        Ok(false)
    }

    /// Own keys in spec order: indices ascending, strings by insertion, symbols.
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
            _ => {}
        }
        for k in obj.props.keys() {
            match k {
                PropKey::Sym(_) => syms.push(k.clone()),
                PropKey::Str(s) => {
                    if s.starts_with('#') {
                        continue;
                    }
                    match str_as_index(s) {
                        Some(i) => idx.push((i, k.clone())),
                        None => strs.push(k.clone()),
                    }
                }
            }
        }
        idx.sort_by_key(|(i, _)| *i);
        let mut out: Vec<PropKey> = idx.into_iter().map(|(_, k)| k).collect();
        if matches!(obj.kind, Kind::Array(_)) {
            out.push(PropKey::s("length"));
        }
        out.extend(strs);
        out.extend(syms);
        out
    }

    /// Own enumerable string keys (Object.keys order), through proxies.
    pub fn enumerable_keys(&mut self, r: ObjRef) -> Res<Vec<JsStr>> {
        if let Some(Kind::Proxy(t, h)) = self.heap.kind(r) {
            let (t, h) = (*t, *h);
            let trap = self.get(&Value::Obj(h), &PropKey::s("ownKeys"))?;
            if trap.is_nullish() {
                return self.enumerable_keys(t);
            }
            let res = self.call(&trap, Value::Obj(h), vec![Value::Obj(t)])?;
            let items = self.array_items(&res);
            let mut out = Vec::new();
            for i in items {
                if let Value::Str(s) = i {
                    out.push(s);
                }
            }
            return Ok(out);
        }
        let keys = self.own_keys(r);
        let mut out = Vec::new();
        for k in keys {
            if let PropKey::Str(s) = &k {
                if let Some(p) = self.get_own_prop(r, &k) {
                    if p.enumerable {
                        out.push(s.clone());
                    }
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
            for k in self.own_keys(o) {
                if let PropKey::Str(s) = &k {
                    if seen.insert(s.clone()) {
                        if let Some(p) = self.get_own_prop(o, &k) {
                            if p.enumerable {
                                out.push(Value::Str(s.clone()));
                            }
                        }
                    }
                }
            }
            cur = self.heap.get(o).and_then(|x| x.proto);
        }
        Ok(out)
    }

    /// Copies own enumerable properties of `src` onto `dst` (spread, Object.assign).
    pub fn copy_data_props(&mut self, dst: ObjRef, src: &Value, exclude: &[PropKey]) -> Res<()> {
        match src {
            Value::Obj(s) => {
                let s = *s;
                let keys = self.own_keys(s);
                for k in keys {
                    if exclude.contains(&k) {
                        continue;
                    }
                    let Some(p) = self.get_own_prop(s, &k) else {
                        continue;
                    };
                    if !p.enumerable {
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
        if self.has_property(g, &k)? {
            Ok(Some(self.get(&Value::Obj(g), &k)?))
        } else {
            Ok(None)
        }
    }

    /// Length of an array-like.
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
