//! Attribute access, as CPython's `PyObject_GenericGetAttr` / `type_getattro` /
//! `PyObject_GenericSetAttr`: MRO lookup through a method cache, data descriptors
//! (properties, `__slots__` members, built-in getsets) before instance attributes, then
//! non-data descriptors (functions bind to methods), then `__getattr__`.
//!
//! Instance attributes live in 3.11's managed dict: inline values keyed by the class's
//! shared keys until `__dict__` is requested or the shared keys overflow.

use super::{CacheEntry, Vm, MCACHE_SIZE};
use crate::objects::dict::Dict;
use crate::objects::function::DescrKind;
use crate::objects::typeobj::tflags;
use crate::objects::{Attrs, Ext, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// How a value found on a type behaves as a descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescrClass {
    /// Not a descriptor: returned as is.
    Plain,
    /// Has `__get__` only (functions, classmethods, ...).
    NonData,
    /// Has `__set__` or `__delete__` (properties, members, getters).
    Data,
}

impl Vm {
    /// The hash of an interned name.
    pub fn str_hash_of(&self, r: ObjRef) -> i64 {
        match self.heap.kind(r) {
            Kind::Str(s) => s.hash,
            _ => 0,
        }
    }

    /// Looks `name` up along the MRO of `ty` (borrowed result), through the method cache.
    pub fn lookup_type_ref(&mut self, ty: ObjRef, name: ObjRef) -> Option<Value> {
        let slot =
            ((ty.0.wrapping_mul(2654435761)) ^ name.0.wrapping_mul(40503)) as usize % MCACHE_SIZE;
        let e = self.mcache[slot];
        if e.ty == ty.0 && e.name == name.0 && e.epoch == self.type_epoch {
            return if e.value.is_null() {
                None
            } else {
                Some(e.value)
            };
        }
        let h = self.str_hash_of(name);
        let mro: Vec<ObjRef> = match self.heap.kind(ty) {
            Kind::Type(tt) => tt.mro.clone(),
            _ => return None,
        };
        let mut found = None;
        for base in mro {
            let d = match self.heap.kind(base) {
                Kind::Type(tt) => tt.dict,
                _ => continue,
            };
            if let Some(v) = self.dict_get_str_ref(d, name, h) {
                found = Some(v);
                break;
            }
        }
        self.mcache[slot] = CacheEntry {
            ty: ty.0,
            name: name.0,
            epoch: self.type_epoch,
            value: found.unwrap_or(Value::Null),
        };
        found
    }

    /// MRO lookup by Rust string; owned result.
    pub fn lookup_type_str(&mut self, ty: ObjRef, name: &str) -> Option<Value> {
        let n = self.intern(name);
        let v = self.lookup_type_ref(ty, n)?;
        self.incref(v);
        Some(v)
    }

    /// Lookup after `start` in the MRO of `ty` (for `super()`), borrowed.
    pub fn lookup_mro_after(&self, ty: ObjRef, start: ObjRef, name: ObjRef) -> Option<Value> {
        let mro = match self.heap.kind(ty) {
            Kind::Type(tt) => &tt.mro,
            _ => return None,
        };
        let pos = mro.iter().position(|&b| b == start)?;
        let h = self.str_hash_of(name);
        for &base in &mro[pos + 1..] {
            if let Kind::Type(tt) = self.heap.kind(base) {
                if let Some(v) = self.dict_get_str_ref(tt.dict, name, h) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn type_flags(&self, ty: ObjRef) -> u32 {
        match self.heap.kind(ty) {
            Kind::Type(tt) => tt.flags,
            _ => 0,
        }
    }

    /// Classifies a value found on a type as a descriptor.
    pub fn descr_class(&mut self, d: Value) -> DescrClass {
        let Value::Obj(r) = d else {
            return DescrClass::Plain;
        };
        match self.heap.kind(r) {
            Kind::Function(_) | Kind::ClassMethod(_) | Kind::StaticMethod(_) => DescrClass::NonData,
            Kind::MethodDescr(m) => {
                if m.kind == DescrKind::Getter {
                    DescrClass::Data
                } else {
                    DescrClass::NonData
                }
            }
            Kind::Property(_) | Kind::Member(..) => DescrClass::Data,
            _ => {
                let ty = self.heap.ty(r);
                if !self.type_is_heap(ty) {
                    return DescrClass::Plain;
                }
                let set = self.intern("__set__");
                let del = self.intern("__delete__");
                let get = self.intern("__get__");
                if self.lookup_type_ref(ty, set).is_some()
                    || self.lookup_type_ref(ty, del).is_some()
                {
                    DescrClass::Data
                } else if self.lookup_type_ref(ty, get).is_some() {
                    DescrClass::NonData
                } else {
                    DescrClass::Plain
                }
            }
        }
    }

    /// `descr.__get__(obj, ty)` for a descriptor found on a type. `obj` is `Null` for
    /// class access.
    pub fn descr_get(&mut self, d: Value, obj: Value, ty: ObjRef) -> PResult<Value> {
        let Value::Obj(r) = d else {
            return Ok(d);
        };
        match self.heap.kind(r) {
            Kind::Function(_) => {
                if obj.is_null() {
                    self.incref(d);
                    return Ok(d);
                }
                self.incref(d);
                self.incref(obj);
                Ok(self.new_method(d, obj))
            }
            Kind::MethodDescr(m) => match m.kind {
                DescrKind::Method => {
                    if obj.is_null() {
                        self.incref(d);
                        return Ok(d);
                    }
                    let (name, f, packs) = (m.name, m.f, m.packs_args);
                    self.incref(obj);
                    Ok(self.new_builtin_bound(name, f, obj, packs))
                }
                DescrKind::ClassMethod => {
                    let (name, f, packs) = (m.name, m.f, m.packs_args);
                    self.incref_obj(ty);
                    Ok(self.new_builtin_bound(name, f, Value::Obj(ty), packs))
                }
                DescrKind::StaticMethod => {
                    let (name, f) = (m.name, m.f);
                    Ok(self.new_builtin_bound_noself(name, f))
                }
                DescrKind::Getter => {
                    if obj.is_null() {
                        self.incref(d);
                        return Ok(d);
                    }
                    let f = m.f;
                    f(self, &[obj], &[])
                }
            },
            Kind::ClassMethod(f) => {
                let f = *f;
                self.incref(f);
                self.incref_obj(ty);
                Ok(self.new_method(f, Value::Obj(ty)))
            }
            Kind::StaticMethod(f) => {
                let f = *f;
                self.incref(f);
                Ok(f)
            }
            Kind::Property(p) => {
                if obj.is_null() {
                    self.incref(d);
                    return Ok(d);
                }
                let g = p.fget;
                if g.is_none() || g.is_null() {
                    let name = self.property_name(r);
                    let tn = self.type_name_of(obj);
                    return Err(self.exc(
                        t::ATTRIBUTE_ERROR,
                        format!("property '{name}' of '{tn}' object has no getter"),
                    ));
                }
                self.call(g, &[obj], &[])
            }
            Kind::Member(_, idx, name) => {
                if obj.is_null() {
                    self.incref(d);
                    return Ok(d);
                }
                let (idx, name) = (*idx, *name);
                let v = obj
                    .as_obj()
                    .and_then(|o| self.heap.get(o).ext.as_ref())
                    .and_then(|e| e.slots.get(idx).copied())
                    .unwrap_or(Value::Null);
                if v.is_null() {
                    let n = self.as_str(name).unwrap_or("").to_string();
                    return Err(self.attribute_error(obj, &n));
                }
                self.incref(v);
                Ok(v)
            }
            _ => {
                let dty = self.heap.ty(r);
                if self.type_is_heap(dty) {
                    if let Some(get) = self.lookup_type_str(dty, "__get__") {
                        let o = if obj.is_null() { Value::None } else { obj };
                        let res = self.call(get, &[d, o, Value::Obj(ty)], &[]);
                        self.decref(get);
                        return res;
                    }
                }
                self.incref(d);
                Ok(d)
            }
        }
    }

    fn property_name(&self, p: ObjRef) -> String {
        if let Kind::Property(pr) = self.heap.kind(p) {
            if let Some(s) = self.as_str(pr.name) {
                return s.to_string();
            }
            if let Value::Obj(g) = pr.fget {
                if let Kind::Function(f) = self.heap.kind(g) {
                    return self.as_str(f.name).unwrap_or("").to_string();
                }
            }
        }
        String::new()
    }

    // ---- instance attribute storage -----------------------------------------------------

    /// A borrowed instance attribute (inline values or `__dict__`).
    pub fn inst_attr(&self, r: ObjRef, name: ObjRef) -> Option<Value> {
        let ext = self.heap.get(r).ext.as_ref()?;
        match &ext.attrs {
            Attrs::Values(vals) => {
                for (k, v) in vals {
                    if *k == name {
                        return Some(*v);
                    }
                }
                let s = self.str_of(name);
                vals.iter()
                    .find(|(k, _)| self.str_of(*k) == s)
                    .map(|(_, v)| *v)
            }
            Attrs::Dict(d) => self.dict_get_str_ref(*d, name, self.str_hash_of(name)),
            Attrs::None => None,
        }
    }

    /// The dict of attributes of objects that keep one outside `Ext` (functions, modules,
    /// types).
    fn own_dict(&self, r: ObjRef) -> Option<ObjRef> {
        match self.heap.kind(r) {
            Kind::Module(m) => Some(m.dict),
            Kind::Function(f) => f.dict.as_obj(),
            _ => None,
        }
    }

    /// Sets an instance attribute; `Ok(false)` when the object has no `__dict__`.
    pub fn inst_set_attr(&mut self, r: ObjRef, name: ObjRef, v: Value) -> PResult<bool> {
        let cls = self.heap.ty(r);
        let mode = match self.heap.get(r).ext.as_ref().map(|e| &e.attrs) {
            Some(Attrs::Values(_)) => 0,
            Some(Attrs::Dict(d)) => {
                let d = *d;
                let h = self.str_hash_of(name);
                self.dict_set_split_aware(d, cls, name, h, v)?;
                return Ok(true);
            }
            Some(Attrs::None) => return Ok(false),
            None => 1,
        };
        if mode == 1 {
            if let Kind::Function(_) = self.heap.kind(r) {
                let d = self.function_dict(r);
                self.dict_set_str_ref(d, name, v)?;
                return Ok(true);
            }
            if let Kind::Module(m) = self.heap.kind(r) {
                let d = m.dict;
                self.dict_set_str_ref(d, name, v)?;
                return Ok(true);
            }
            if let Kind::Exception(_) = self.heap.kind(r) {
                let d = self.materialize_dict(r);
                let h = self.str_hash_of(name);
                self.dict_set_split_aware(d, cls, name, h, v)?;
                return Ok(true);
            }
            return Ok(false);
        }
        // Inline values: replace, or add a key the shared keys can take.
        let existing = match &self.heap.get(r).ext.as_ref().map(|e| &e.attrs) {
            Some(Attrs::Values(vals)) => vals
                .iter()
                .position(|(k, _)| *k == name || self.str_of(*k) == self.str_of(name)),
            _ => None,
        };
        self.incref(v);
        if let Some(i) = existing {
            let old = match self.heap.get_mut(r).ext.as_mut().map(|e| &mut e.attrs) {
                Some(Attrs::Values(vals)) => std::mem::replace(&mut vals[i].1, v),
                _ => Value::Null,
            };
            self.decref(old);
            return Ok(true);
        }
        let fits = match self.heap.kind_mut(cls) {
            Kind::Type(tt) => match tt.shared_keys.as_mut() {
                Some(k) => {
                    if k.names.contains(&name) {
                        true
                    } else if k.usable > 0 {
                        k.names.push(name);
                        k.usable -= 1;
                        true
                    } else {
                        false
                    }
                }
                None => false,
            },
            _ => false,
        };
        if fits {
            if let Some(Attrs::Values(vals)) =
                self.heap.get_mut(r).ext.as_mut().map(|e| &mut e.attrs)
            {
                vals.push((name, v));
            }
            return Ok(true);
        }
        // The shared keys are full: the instance gets a real dict.
        let d = self.materialize_dict(r);
        let h = self.str_hash_of(name);
        let res = self.dict_set_hashed(d, Value::Obj(name), h, v);
        self.decref(v);
        res.map(|_| true)
    }

    fn dict_set_str_ref(&mut self, d: ObjRef, name: ObjRef, v: Value) -> PResult<()> {
        let h = self.str_hash_of(name);
        self.dict_set_hashed(d, Value::Obj(name), h, v)
    }

    /// Sets a key in an instance dict that may still be split (sharing class keys).
    fn dict_set_split_aware(
        &mut self,
        d: ObjRef,
        cls: ObjRef,
        name: ObjRef,
        h: i64,
        v: Value,
    ) -> PResult<()> {
        let shared = match self.heap.kind(cls) {
            Kind::Type(tt) => tt
                .shared_keys
                .as_ref()
                .map(|k| k.names.contains(&name))
                .unwrap_or(false),
            _ => false,
        };
        let split = match self.heap.kind_mut(d) {
            Kind::Dict(x) if shared => x.split_class.take(),
            _ => None,
        };
        let r = self.dict_set_hashed(d, Value::Obj(name), h, v);
        if split.is_some() {
            if let Kind::Dict(x) = self.heap.kind_mut(d) {
                x.split_class = split;
            }
        }
        r
    }

    /// `obj.__dict__` of an instance: the inline values become a (split) dict.
    pub fn materialize_dict(&mut self, r: ObjRef) -> ObjRef {
        let cls = self.heap.ty(r);
        let vals = match self.heap.get_mut(r).ext.as_mut().map(|e| &mut e.attrs) {
            Some(Attrs::Dict(d)) => return *d,
            Some(a @ Attrs::Values(_)) => match std::mem::replace(a, Attrs::None) {
                Attrs::Values(v) => v,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let d = self.new_dict();
        if let Kind::Dict(x) = self.heap.kind_mut(d) {
            **x = Dict::presized(vals.len(), true);
        }
        let track = vals.iter().any(|(_, v)| self.may_be_tracked(*v));
        for (k, v) in vals {
            let h = self.str_hash_of(k);
            if let Kind::Dict(x) = self.heap.kind_mut(d) {
                x.insert_new(h, Value::Obj(k), v, true);
            }
            self.incref_obj(k);
        }
        if let Kind::Dict(x) = self.heap.kind_mut(d) {
            x.split_class = Some(cls);
        }
        if track {
            self.heap.track(d);
        }
        let is_exception = matches!(self.heap.kind(r), Kind::Exception(_));
        let obj = self.heap.get_mut(r);
        match obj.ext.as_mut() {
            Some(ext) => ext.attrs = Attrs::Dict(d),
            // A built-in exception keeps its dict from the first time it is asked for.
            None if is_exception => {
                obj.ext = Some(Box::new(Ext {
                    attrs: Attrs::Dict(d),
                    slots: Vec::new(),
                }));
            }
            None => {}
        }
        d
    }

    /// A function's `__dict__` (created on demand).
    pub fn function_dict(&mut self, r: ObjRef) -> ObjRef {
        if let Kind::Function(f) = self.heap.kind(r) {
            if let Value::Obj(d) = f.dict {
                return d;
            }
        }
        let d = self.new_dict();
        if let Kind::Function(f) = self.heap.kind_mut(r) {
            f.dict = Value::Obj(d);
        }
        d
    }

    /// Removes an instance attribute; `Ok(false)` when absent.
    pub fn inst_del_attr(&mut self, r: ObjRef, name: ObjRef) -> PResult<bool> {
        let mode = match self.heap.get(r).ext.as_ref().map(|e| &e.attrs) {
            Some(Attrs::Values(_)) => None,
            Some(Attrs::Dict(d)) => Some(*d),
            _ => self.own_dict(r),
        };
        if let Some(d) = mode {
            return match self.dict_remove(d, Value::Obj(name))? {
                Some((k, v)) => {
                    self.decref(k);
                    self.decref(v);
                    Ok(true)
                }
                None => Ok(false),
            };
        }
        let removed = match self.heap.get_mut(r).ext.as_mut().map(|e| &mut e.attrs) {
            Some(Attrs::Values(vals)) => vals
                .iter()
                .position(|(k, _)| *k == name)
                .map(|i| vals.remove(i).1),
            _ => None,
        };
        match removed {
            Some(v) => {
                self.decref(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    // ---- getattr --------------------------------------------------------------------------

    /// `getattr(obj, name)`: a new reference.
    pub fn getattr(&mut self, obj: Value, name: ObjRef) -> PResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                let n = self.str_of(name).to_string();
                Err(self.attribute_error(obj, &n))
            }
        }
    }

    pub fn getattr_str(&mut self, obj: Value, name: &str) -> PResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, n)
    }

    /// `getattr(obj, name)` that answers `None` instead of raising AttributeError
    /// (`_PyObject_LookupAttr`).
    pub fn getattr_opt(&mut self, obj: Value, name: ObjRef) -> PResult<Option<Value>> {
        let ty = self.type_of(obj);
        let flags = self.type_flags(ty);
        if flags & tflags::HAS_GETATTRIBUTE != 0 {
            if let Some(ga) = self.lookup_type_str(ty, "__getattribute__") {
                if !self.is_native_slot(ga, "__getattribute__") {
                    self.incref_obj(name);
                    let res = self.call(ga, &[obj, Value::Obj(name)], &[]);
                    self.decref(ga);
                    self.decref_obj(name);
                    return match res {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.throw_is(&e, t::ATTRIBUTE_ERROR) => {
                            if flags & tflags::HAS_GETATTR != 0 {
                                self.discard(e);
                                return self.call_getattr_hook(obj, ty, name);
                            }
                            Err(e)
                        }
                        Err(e) => Err(e),
                    };
                }
                self.decref(ga);
            }
        }
        let r = self.generic_getattr(obj, ty, name)?;
        if r.is_none() && flags & tflags::HAS_GETATTR != 0 {
            return self.call_getattr_hook(obj, ty, name);
        }
        Ok(r)
    }

    fn call_getattr_hook(
        &mut self,
        obj: Value,
        ty: ObjRef,
        name: ObjRef,
    ) -> PResult<Option<Value>> {
        let Some(ga) = self.lookup_type_str(ty, "__getattr__") else {
            return Ok(None);
        };
        let res = self.call(ga, &[obj, Value::Obj(name)], &[]);
        self.decref(ga);
        match res {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.throw_is(&e, t::ATTRIBUTE_ERROR) => {
                // Keep the hook's own error: it is what CPython reports.
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__` (and `type.__getattribute__` for classes).
    pub fn generic_getattr(
        &mut self,
        obj: Value,
        ty: ObjRef,
        name: ObjRef,
    ) -> PResult<Option<Value>> {
        if let Value::Obj(r) = obj {
            match self.heap.kind(r) {
                Kind::Type(_) => return self.type_getattr(r, name),
                Kind::Super(..) => return self.super_getattr(r, name),
                Kind::WeakRef(w) if w.proxy => {
                    let target = w.target;
                    return match target {
                        Some(tg) => self.getattr_opt(Value::Obj(tg), name),
                        None => Err(self.exc(
                            t::REFERENCE_ERROR,
                            "weakly-referenced object no longer exists",
                        )),
                    };
                }
                _ => {}
            }
        }
        self.object_getattr(obj, ty, name)
    }

    /// `object.__getattribute__` proper: data descriptors, then the instance's own
    /// attributes, then other descriptors and class attributes of `ty`.
    fn object_getattr(&mut self, obj: Value, ty: ObjRef, name: ObjRef) -> PResult<Option<Value>> {
        let descr = self.lookup_type_ref(ty, name);
        let mut dclass = DescrClass::Plain;
        if let Some(d) = descr {
            dclass = self.descr_class(d);
            if dclass == DescrClass::Data {
                self.incref(d);
                let r = self.descr_get(d, obj, ty);
                self.decref(d);
                return r.map(Some);
            }
        }
        if let Some(v) = self.builtin_getset(obj, name)? {
            return Ok(Some(v));
        }
        if let Value::Obj(r) = obj {
            let v = match self.own_dict(r) {
                Some(d) => self.dict_get_str_ref(d, name, self.str_hash_of(name)),
                None => self.inst_attr(r, name),
            };
            if let Some(v) = v {
                self.incref(v);
                return Ok(Some(v));
            }
        }
        if let Some(d) = descr {
            if dclass == DescrClass::NonData {
                self.incref(d);
                let r = self.descr_get(d, obj, ty);
                self.decref(d);
                return r.map(Some);
            }
            self.incref(d);
            return Ok(Some(d));
        }
        Ok(None)
    }

    /// `type.__getattribute__(cls, name)`.
    fn type_getattr(&mut self, cls: ObjRef, name: ObjRef) -> PResult<Option<Value>> {
        let meta = self.heap.ty(cls);
        let meta_attr = self.lookup_type_ref(meta, name);
        let mut meta_class = DescrClass::Plain;
        if let Some(m) = meta_attr {
            meta_class = self.descr_class(m);
            if meta_class == DescrClass::Data {
                self.incref(m);
                let r = self.descr_get(m, Value::Obj(cls), meta);
                self.decref(m);
                return r.map(Some);
            }
        }
        if let Some(v) = self.type_builtin_getset(cls, name)? {
            return Ok(Some(v));
        }
        if let Some(a) = self.lookup_type_ref(cls, name) {
            self.incref(a);
            let r = self.descr_get(a, Value::Null, cls);
            self.decref(a);
            return r.map(Some);
        }
        if let Some(m) = meta_attr {
            self.incref(m);
            let r = if meta_class == DescrClass::NonData {
                self.descr_get(m, Value::Obj(cls), meta)
            } else {
                Ok(m)
            };
            if meta_class == DescrClass::NonData {
                self.decref(m);
            }
            return r.map(Some);
        }
        if self.type_flags(meta) & tflags::HAS_GETATTR != 0 {
            return self.call_getattr_hook(Value::Obj(cls), meta, name);
        }
        Ok(None)
    }

    fn super_getattr(&mut self, s: ObjRef, name: ObjRef) -> PResult<Option<Value>> {
        let (start, obj, objty) = match self.heap.kind(s) {
            Kind::Super(a, b, c) => (*a, *b, *c),
            _ => return Ok(None),
        };
        if self.str_of(name) == "__class__" {
            return self.object_getattr(Value::Obj(s), t::SUPER, name);
        }
        if let Some(v) = self.lookup_mro_after(objty, start, name) {
            self.incref(v);
            let o = if obj.as_obj() == Some(objty) {
                Value::Null
            } else {
                obj
            };
            let r = self.descr_get(v, o, objty);
            self.decref(v);
            return r.map(Some);
        }
        self.object_getattr(Value::Obj(s), t::SUPER, name)
    }

    /// `LOAD_METHOD`: `(function, self)` when the attribute is a plain function or method
    /// descriptor on the type (no bound method is created), else `(Null, attribute)`.
    pub fn load_method(&mut self, obj: Value, name: ObjRef) -> PResult<(Value, Value)> {
        let ty = self.type_of(obj);
        let flags = self.type_flags(ty);
        let plain = !matches!(obj, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_) | Kind::Super(..) | Kind::Module(_) | Kind::WeakRef(_)));
        if plain && flags & tflags::HAS_GETATTRIBUTE == 0 {
            if let Some(d) = self.lookup_type_ref(ty, name) {
                let is_method = match d {
                    Value::Obj(dr) => match self.heap.kind(dr) {
                        Kind::Function(_) => true,
                        Kind::MethodDescr(m) => m.kind == DescrKind::Method,
                        _ => false,
                    },
                    _ => false,
                };
                if is_method {
                    let shadowed = match obj {
                        Value::Obj(r) => {
                            self.inst_attr(r, name).is_some()
                                || self.own_dict(r).is_some_and(|dd| {
                                    self.dict_get_str_ref(dd, name, self.str_hash_of(name))
                                        .is_some()
                                })
                        }
                        _ => false,
                    };
                    if !shadowed {
                        self.incref(d);
                        self.incref(obj);
                        return Ok((d, obj));
                    }
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((Value::Null, v))
    }

    // ---- setattr ---------------------------------------------------------------------------

    /// `setattr(obj, name, value)` (value borrowed).
    pub fn setattr(&mut self, obj: Value, name: ObjRef, v: Value) -> PResult<()> {
        let ty = self.type_of(obj);
        if self.type_flags(ty) & tflags::HAS_SETATTR != 0 {
            if let Some(sa) = self.lookup_type_str(ty, "__setattr__") {
                if !self.is_native_slot(sa, "__setattr__") {
                    let res = self.call(sa, &[obj, Value::Obj(name), v], &[]);
                    self.decref(sa);
                    let r = res?;
                    self.decref(r);
                    return Ok(());
                }
                self.decref(sa);
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, obj: Value, name: ObjRef, v: Value) -> PResult<()> {
        let ty = self.type_of(obj);
        if let Value::Obj(r) = obj {
            if let Kind::Type(_) = self.heap.kind(r) {
                return self.type_setattr(r, name, v);
            }
            if let Kind::WeakRef(w) = self.heap.kind(r) {
                if w.proxy {
                    return match w.target {
                        Some(tg) => self.setattr(Value::Obj(tg), name, v),
                        None => Err(self.exc(
                            t::REFERENCE_ERROR,
                            "weakly-referenced object no longer exists",
                        )),
                    };
                }
            }
        }
        if let Some(d) = self.lookup_type_ref(ty, name) {
            if let Value::Obj(dr) = d {
                match self.heap.kind(dr) {
                    Kind::Property(p) => {
                        let fset = p.fset;
                        if fset.is_none() || fset.is_null() {
                            let pn = self.property_name(dr);
                            let tn = self.type_name(ty);
                            return Err(self.exc(
                                t::ATTRIBUTE_ERROR,
                                format!("property '{pn}' of '{tn}' object has no setter"),
                            ));
                        }
                        let r = self.call(fset, &[obj, v], &[])?;
                        self.decref(r);
                        return Ok(());
                    }
                    Kind::Member(_, idx, _) => {
                        let idx = *idx;
                        self.incref(v);
                        let old = match obj.as_obj().and_then(|o| self.heap.get_mut(o).ext.as_mut())
                        {
                            Some(e) if idx < e.slots.len() => {
                                std::mem::replace(&mut e.slots[idx], v)
                            }
                            _ => Value::Null,
                        };
                        self.decref(old);
                        return Ok(());
                    }
                    Kind::MethodDescr(m) if m.kind == DescrKind::Getter => {
                        let tn = self.type_name(ty);
                        let n = self.str_of(name).to_string();
                        return Err(self.exc(
                            t::ATTRIBUTE_ERROR,
                            format!("attribute '{n}' of '{tn}' objects is not writable"),
                        ));
                    }
                    _ => {
                        let dty = self.heap.ty(dr);
                        if self.type_is_heap(dty) {
                            if let Some(set) = self.lookup_type_str(dty, "__set__") {
                                let res = self.call(set, &[d, obj, v], &[]);
                                self.decref(set);
                                let r = res?;
                                self.decref(r);
                                return Ok(());
                            }
                        }
                    }
                }
            }
        }
        if let Value::Obj(r) = obj {
            if self.special_setattr(r, name, v)? {
                return Ok(());
            }
            if self.inst_set_attr(r, name, v)? {
                return Ok(());
            }
        }
        let n = self.str_of(name).to_string();
        Err(self.attribute_error(obj, &n))
    }

    fn type_setattr(&mut self, cls: ObjRef, name: ObjRef, v: Value) -> PResult<()> {
        if !self.type_is_heap(cls) {
            let tn = self.type_name(cls);
            let n = self.str_of(name).to_string();
            return Err(self.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        let meta = self.heap.ty(cls);
        if let Some(d) = self.lookup_type_ref(meta, name) {
            if self.descr_class(d) == DescrClass::Data {
                if let Value::Obj(dr) = d {
                    if let Kind::Property(p) = self.heap.kind(dr) {
                        let fset = p.fset;
                        let r = self.call(fset, &[Value::Obj(cls), v], &[])?;
                        self.decref(r);
                        return Ok(());
                    }
                }
            }
        }
        if self.special_type_setattr(cls, name, v)? {
            return Ok(());
        }
        let d = match self.heap.kind(cls) {
            Kind::Type(tt) => tt.dict,
            _ => return Ok(()),
        };
        let h = self.str_hash_of(name);
        self.dict_set_hashed(d, Value::Obj(name), h, v)?;
        if self.str_of(name) == "__abstractmethods__" {
            // type_set_abstractmethods: a non-empty set makes the class abstract.
            let abstract_ = self.truthy(v)?;
            if let Kind::Type(tt) = self.heap.kind_mut(cls) {
                if abstract_ {
                    tt.flags |= tflags::ABSTRACT;
                } else {
                    tt.flags &= !tflags::ABSTRACT;
                }
            }
        }
        self.type_modified(cls);
        Ok(())
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: Value, name: ObjRef) -> PResult<()> {
        let ty = self.type_of(obj);
        if self.type_flags(ty) & tflags::HAS_DELATTR != 0 {
            if let Some(da) = self.lookup_type_str(ty, "__delattr__") {
                if !self.is_native_slot(da, "__delattr__") {
                    let res = self.call(da, &[obj, Value::Obj(name)], &[]);
                    self.decref(da);
                    let r = res?;
                    self.decref(r);
                    return Ok(());
                }
                self.decref(da);
            }
        }
        self.generic_delattr(obj, name)
    }

    pub fn generic_delattr(&mut self, obj: Value, name: ObjRef) -> PResult<()> {
        let ty = self.type_of(obj);
        if let Value::Obj(r) = obj {
            if let Kind::Type(_) = self.heap.kind(r) {
                let d = match self.heap.kind(r) {
                    Kind::Type(tt) => tt.dict,
                    _ => return Ok(()),
                };
                if !self.type_is_heap(r) {
                    let tn = self.type_name(r);
                    let n = self.str_of(name).to_string();
                    return Err(self.type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{tn}'"
                    )));
                }
                return match self.dict_remove(d, Value::Obj(name))? {
                    Some((k, v)) => {
                        self.decref(k);
                        self.decref(v);
                        self.type_modified(r);
                        Ok(())
                    }
                    None => {
                        let n = self.str_of(name).to_string();
                        Err(self.attribute_error(obj, &n))
                    }
                };
            }
        }
        if let Some(Value::Obj(dr)) = self.lookup_type_ref(ty, name) {
            match self.heap.kind(dr) {
                Kind::Property(p) => {
                    let fdel = p.fdel;
                    if fdel.is_none() || fdel.is_null() {
                        let pn = self.property_name(dr);
                        let tn = self.type_name(ty);
                        return Err(self.exc(
                            t::ATTRIBUTE_ERROR,
                            format!("property '{pn}' of '{tn}' object has no deleter"),
                        ));
                    }
                    let r = self.call(fdel, &[obj], &[])?;
                    self.decref(r);
                    return Ok(());
                }
                Kind::Member(_, idx, mname) => {
                    let (idx, mname) = (*idx, *mname);
                    let old = match obj.as_obj().and_then(|o| self.heap.get_mut(o).ext.as_mut()) {
                        Some(e) if idx < e.slots.len() => {
                            std::mem::replace(&mut e.slots[idx], Value::Null)
                        }
                        _ => Value::Null,
                    };
                    if old.is_null() {
                        let n = self.as_str(mname).unwrap_or("").to_string();
                        return Err(self.attribute_error(obj, &n));
                    }
                    self.decref(old);
                    return Ok(());
                }
                _ => {
                    let dty = self.heap.ty(dr);
                    if self.type_is_heap(dty) {
                        if let Some(del) = self.lookup_type_str(dty, "__delete__") {
                            let res = self.call(del, &[Value::Obj(dr), obj], &[]);
                            self.decref(del);
                            let r = res?;
                            self.decref(r);
                            return Ok(());
                        }
                    }
                }
            }
        }
        if let Value::Obj(r) = obj {
            if self.inst_del_attr(r, name)? {
                return Ok(());
            }
        }
        let n = self.str_of(name).to_string();
        Err(self.attribute_error(obj, &n))
    }

    /// Invalidate caches after a class's dict changed, and refresh the dunder flags of
    /// the class and its subclasses.
    pub fn type_modified(&mut self, cls: ObjRef) {
        self.type_epoch = self.type_epoch.wrapping_add(1);
        let mut stack = vec![cls];
        while let Some(c) = stack.pop() {
            self.refresh_type_flags(c);
            if let Kind::Type(tt) = self.heap.kind(c) {
                stack.extend(
                    tt.subclasses
                        .iter()
                        .copied()
                        .filter(|s| self.heap.is_live(*s)),
                );
            }
        }
    }

    /// Recomputes the cached dunder flags (`__del__`, `__getattr__`, ...) of a heap type.
    pub fn refresh_type_flags(&mut self, cls: ObjRef) {
        if !self.type_is_heap(cls) {
            return;
        }
        let checks = [
            ("__del__", tflags::HAS_DEL),
            ("__getattr__", tflags::HAS_GETATTR),
            ("__getattribute__", tflags::HAS_GETATTRIBUTE),
            ("__setattr__", tflags::HAS_SETATTR),
            ("__delattr__", tflags::HAS_DELATTR),
        ];
        let mut set = 0;
        for (name, flag) in checks {
            let n = self.intern(name);
            if let Some(v) = self.lookup_type_ref(cls, n) {
                if !self.is_native_slot(v, name) || name == "__getattr__" {
                    set |= flag;
                }
            }
        }
        if let Kind::Type(tt) = self.heap.kind_mut(cls) {
            tt.flags &= !(tflags::HAS_DEL
                | tflags::HAS_GETATTR
                | tflags::HAS_GETATTRIBUTE
                | tflags::HAS_SETATTR
                | tflags::HAS_DELATTR);
            tt.flags |= set;
        }
    }

    /// Whether `v` is the built-in implementation of a dunder (not overridden in Python).
    pub fn is_native_slot(&self, v: Value, name: &str) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::MethodDescr(m) => m.name == name,
                Kind::Builtin(b) => b.name == name,
                _ => false,
            },
            _ => false,
        }
    }

    /// `hasattr(obj, name)`.
    pub fn hasattr(&mut self, obj: Value, name: ObjRef) -> PResult<bool> {
        match self.getattr_opt(obj, name) {
            Ok(Some(v)) => {
                self.decref(v);
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) if self.throw_is(&e, t::ATTRIBUTE_ERROR) => {
                self.discard(e);
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}
