//! Classes: `__build_class__` (metaclass resolution, `__prepare__`, running the class
//! body), `type.__new__` (C3 MRO, `__slots__` members, managed dict and weakref slots,
//! `__set_name__`, `__init_subclass__`, the `__class__` cell), and instantiation
//! (`type.__call__` with `__new__` / `__init__` and `object`'s argument checks).

use super::Vm;
use crate::heap::refcount::FreeList;
use crate::objects::function::{DescrKind, Kw, MethodDescr};
use crate::objects::typeobj::{tflags, Layout, SharedKeys, TypeObj};
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

impl Vm {
    /// `cls(a, k=v)`: `_PyObject_MakeTpCall` packs the arguments into a new tuple and
    /// keyword dict, which hold a reference to each for the call.
    pub fn call_type(&mut self, cls: ObjRef, args: &[Value], kw: Kw) -> PResult<Value> {
        if cls == t::TYPE && args.len() == 1 && kw.is_empty() {
            let ty = self.type_of(args[0]);
            self.incref_obj(ty);
            return Ok(Value::Obj(ty));
        }
        if !self.type_call_packs_args(cls) {
            return self.call_type_packed(cls, args, kw);
        }
        let temps = self.call_temps_enter(args.len(), kw.len());
        self.hold_args(args, kw);
        let res = self.call_type_packed(cls, args, kw);
        self.release_args(args, kw);
        self.call_temps_leave(temps);
        res
    }

    /// `cls(*args, **kw)` (`PyObject_Call`): the arguments arrive already in a tuple and
    /// a dict, which `tp_call` takes as they are.
    pub fn call_type_unpacked(&mut self, cls: ObjRef, args: &[Value], kw: Kw) -> PResult<Value> {
        if cls == t::TYPE && args.len() == 1 && kw.is_empty() {
            return self.call_type(cls, args, kw);
        }
        self.call_type_packed(cls, args, kw)
    }

    /// Takes a reference to each argument and keyword value, as a container built for
    /// the call does.
    fn hold_args(&mut self, args: &[Value], kw: Kw) {
        for v in args.iter().chain(kw.iter().map(|(_, v)| v)) {
            self.incref(*v);
        }
    }

    /// Drops what [`Vm::hold_args`] took.
    fn release_args(&mut self, args: &[Value], kw: Kw) {
        for v in args.iter().chain(kw.iter().map(|(_, v)| v)) {
            self.decref(*v);
        }
    }

    /// `_PyObject_Call_Prepend` from `slot_tp_new` / `slot_tp_init`: with keywords, a
    /// Python function gets the arguments as a new stack holding a reference to each
    /// (`_PyStack_UnpackDict`), and the keyword names as a new tuple.
    fn call_slot(&mut self, f: Value, args: &[Value], kw: Kw) -> PResult<Value> {
        let unpacks = !kw.is_empty()
            && matches!(f, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_)));
        if !unpacks {
            return self.call(f, args, kw);
        }
        let kwnames = self.call_temps_enter(kw.len(), 0);
        self.hold_args(args, kw);
        let r = self.call(f, args, kw);
        self.release_args(args, kw);
        self.call_temps_leave(kwnames);
        r
    }

    /// `tp_call` of the metatype once the arguments are packed.
    fn call_type_packed(&mut self, cls: ObjRef, args: &[Value], kw: Kw) -> PResult<Value> {
        let meta = self.heap.ty(cls);
        if meta != t::TYPE && self.type_is_heap(meta) {
            if let Some(c) = self.lookup_type_str(meta, "__call__") {
                if !self.is_native_slot(c, "__call__") {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    if self.binds_self(c) {
                        a.push(Value::Obj(cls));
                    }
                    a.extend_from_slice(args);
                    let r = self.call(c, &a, kw);
                    self.decref(c);
                    return r;
                }
                self.decref(c);
            }
        }
        self.type_call(cls, args, kw)
    }

    /// `type.__call__(cls, *args, **kw)`.
    pub fn type_call(&mut self, cls: ObjRef, args: &[Value], kw: Kw) -> PResult<Value> {
        let new = self.lookup_type_str(cls, "__new__");
        let obj = match new {
            Some(n) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(Value::Obj(cls));
                a.extend_from_slice(args);
                let f = match n {
                    Value::Obj(r) => match self.heap.kind(r) {
                        Kind::StaticMethod(inner) => *inner,
                        _ => n,
                    },
                    _ => n,
                };
                let r = self.call_slot(f, &a, kw);
                self.decref(n);
                r?
            }
            None => {
                return Err(
                    self.type_error(format!("cannot create '{}' instances", self.type_name(cls)))
                )
            }
        };
        // Only initialise instances of cls.
        let oty = self.type_of(obj);
        if !self.is_subtype(oty, cls) {
            return Ok(obj);
        }
        if let Some(init) = self.lookup_type_str(oty, "__init__") {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(obj);
            a.extend_from_slice(args);
            let r = self.call_slot(init, &a, kw);
            self.decref(init);
            match r {
                Ok(Value::None) => {}
                Ok(other) => {
                    let tn = self.type_name_of(other);
                    self.decref(other);
                    self.decref(obj);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
                Err(e) => {
                    self.decref(obj);
                    return Err(e);
                }
            }
        }
        Ok(obj)
    }

    /// Whether `name` resolves to the built-in of `object` on `cls`.
    fn is_object_slot(&mut self, cls: ObjRef, name: &str) -> bool {
        match self.lookup_type_str(cls, name) {
            Some(v) => {
                let r = matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::MethodDescr(m) if m.owner == t::OBJECT));
                self.decref(v);
                r
            }
            None => true,
        }
    }

    /// `object.__new__(cls, *args)`.
    pub fn object_new(&mut self, cls: ObjRef, nargs: usize) -> PResult<Value> {
        if nargs > 0 {
            let new_overridden = !self.is_object_slot(cls, "__new__");
            let init_default = self.is_object_slot(cls, "__init__");
            if new_overridden {
                return Err(self.type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if init_default {
                let tn = self.type_name(cls);
                return Err(self.type_error(format!("{tn}() takes no arguments")));
            }
        }
        if self.type_flags(cls) & tflags::ABSTRACT != 0 {
            let tn = self.type_name(cls);
            let methods = self.abstract_methods(cls);
            let n = methods.len();
            let list = methods
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(self.type_error(format!(
                "Can't instantiate abstract class {tn} with abstract method{} {list}",
                if n == 1 { "" } else { "s" }
            )));
        }
        let r = if self.type_is_heap(cls) {
            self.alloc_gc(cls, Kind::Object, FreeList::None)
        } else {
            self.alloc(cls, Kind::Object)
        };
        self.attach_ext(r, cls);
        Ok(Value::Obj(r))
    }

    fn abstract_methods(&mut self, cls: ObjRef) -> Vec<String> {
        let Some(v) = self.lookup_type_str(cls, "__abstractmethods__") else {
            return Vec::new();
        };
        let items = self.collect_iter(v).unwrap_or_default();
        self.decref(v);
        let mut names: Vec<String> = items
            .iter()
            .filter_map(|x| self.as_str(*x).map(|s| s.to_string()))
            .collect();
        self.decref_all(items);
        names.sort();
        names
    }

    /// `object.__init__(self, *args)`.
    pub fn object_init(&mut self, obj: Value, nargs: usize) -> PResult<()> {
        if nargs > 0 {
            let cls = self.type_of(obj);
            let init_overridden = !self.is_object_slot(cls, "__init__");
            let new_default = self.is_object_slot(cls, "__new__");
            if init_overridden {
                return Err(self.type_error(
                    "object.__init__() takes exactly one argument (the instance to initialize)",
                ));
            }
            if new_default {
                let tn = self.type_name(cls);
                return Err(self.type_error(format!("{tn}() takes no arguments")));
            }
        }
        Ok(())
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
    pub fn build_class(&mut self, args: &[Value], kw: Kw) -> PResult<Value> {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = args[0];
        let name = args[1];
        let orig_bases: Vec<Value> = args[2..].to_vec();
        // __mro_entries__ of non-class bases (typing generics, NamedTuple, ...).
        let mut bases: Vec<Value> = Vec::new();
        let mut changed = false;
        for b in &orig_bases {
            let is_type = matches!(b, Value::Obj(r) if matches!(self.heap.kind(*r), Kind::Type(_)));
            if !is_type {
                let n = self.intern("__mro_entries__");
                if let Some(me) = self.getattr_opt(*b, n)? {
                    let ob = {
                        for x in &orig_bases {
                            self.incref(*x);
                        }
                        self.new_tuple(orig_bases.clone())
                    };
                    let r = self.call(me, &[ob], &[]);
                    self.decref(me);
                    self.decref(ob);
                    let entries = r?;
                    let items = self.collect_iter(entries);
                    self.decref(entries);
                    bases.extend(items?);
                    changed = true;
                    continue;
                }
            }
            self.incref(*b);
            bases.push(*b);
        }
        let mut meta: Option<Value> = None;
        let mut rest_kw: Vec<(Value, Value)> = Vec::new();
        for (k, v) in kw {
            if self.as_str(*k) == Some("metaclass") {
                meta = Some(*v);
            } else {
                rest_kw.push((*k, *v));
            }
        }
        let bases_tuple = self.new_tuple(bases.clone());
        let meta = match meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Obj(self.type_of(*b)),
                None => Value::Obj(t::TYPE),
            },
        };
        let meta = match meta {
            Value::Obj(m) if matches!(self.heap.kind(m), Kind::Type(_)) => {
                match self.calculate_metaclass(m, &bases) {
                    Ok(w) => Value::Obj(w),
                    Err(e) => {
                        self.decref(bases_tuple);
                        return Err(e);
                    }
                }
            }
            other => other,
        };
        // __prepare__
        let ns = match self.getattr_str(meta, "__prepare__") {
            Ok(prep) => {
                let r = self.call(prep, &[name, bases_tuple], &rest_kw);
                self.decref(prep);
                match r {
                    Ok(ns) => ns,
                    Err(e) => {
                        self.decref(bases_tuple);
                        return Err(e);
                    }
                }
            }
            Err(e) => {
                self.discard(e);
                Value::Obj(self.new_dict())
            }
        };
        self.trace_hide(func);
        self.trace_hide(ns);
        self.trace_hide(bases_tuple);
        let cell = match self.run_class_body(func, ns) {
            Ok(c) => c,
            Err(e) => {
                self.decref(ns);
                self.decref(bases_tuple);
                return Err(e);
            }
        };
        if changed {
            if let Value::Obj(d) = ns {
                for b in &orig_bases {
                    self.incref(*b);
                }
                let ob = self.new_tuple(orig_bases.clone());
                self.dict_set_str(d, "__orig_bases__", ob);
                self.decref(ob);
            }
        }
        let cls = self.call(meta, &[name, bases_tuple, ns], &rest_kw);
        self.decref(ns);
        self.decref(bases_tuple);
        let cls = cls?;
        if let Value::Obj(c) = cell {
            if let Kind::Cell(inner) = self.heap.kind(c) {
                if inner.is_null() {
                    self.incref(cls);
                    if let Kind::Cell(inner) = self.heap.kind_mut(c) {
                        *inner = cls;
                    }
                }
            }
        }
        self.decref(cell);
        Ok(cls)
    }

    fn calculate_metaclass(&mut self, meta: ObjRef, bases: &[Value]) -> PResult<ObjRef> {
        let mut winner = meta;
        for b in bases {
            let bt = self.type_of(*b);
            if self.is_subtype(winner, bt) {
                continue;
            }
            if self.is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
        }
        Ok(winner)
    }

    /// Runs a class body function with `ns` as its namespace; returns what it returned
    /// (the `__class__` cell, or None).
    fn run_class_body(&mut self, func: Value, ns: Value) -> PResult<Value> {
        let Value::Obj(fr) = func else {
            return Ok(Value::None);
        };
        self.incref_obj(fr);
        let mut frame = self.make_frame(fr, smallvec::SmallVec::new(), &[])?;
        self.incref(ns);
        frame.locals = ns;
        if self.depth >= self.recursion_limit {
            self.release_frame(frame);
            return Err(self.exc(t::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        self.trace_call(&frame);
        let r = self.run_frame(&mut frame);
        self.trace_return(&frame);
        self.depth -= 1;
        self.release_frame(frame);
        r.map(|e| e.value())
    }

    /// C3 linearisation of a new class.
    pub fn compute_mro(&mut self, cls: ObjRef, bases: &[ObjRef]) -> PResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
        for b in bases {
            match self.heap.kind(*b) {
                Kind::Type(tt) => seqs.push(tt.mro.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        seqs.push(bases.to_vec());
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = s[0];
                if !seqs.iter().any(|o| o[1..].contains(&head)) {
                    cand = Some(head);
                    break;
                }
            }
            let Some(c) = cand else {
                let names: Vec<String> = bases.iter().map(|b| self.type_name(*b)).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in seqs.iter_mut() {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }

    /// `type.__new__(meta, name, bases, ns, **kwds)`: creates a class.
    pub fn type_new(
        &mut self,
        meta: ObjRef,
        name: Value,
        bases_v: Value,
        ns: Value,
        kw: Kw,
    ) -> PResult<Value> {
        let Some(name_s) = self.as_str(name).map(|s| s.to_string()) else {
            return Err(self.type_error("type.__new__() argument 1 must be str"));
        };
        let mut bases: Vec<ObjRef> = Vec::new();
        for b in self.tuple_items(bases_v) {
            match b {
                Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_)) => {
                    if self.type_flags(r) & tflags::BASETYPE == 0 {
                        let bn = self.type_name(r);
                        return Err(
                            self.type_error(format!("type '{bn}' is not an acceptable base type"))
                        );
                    }
                    bases.push(r)
                }
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if bases.is_empty() {
            bases.push(t::OBJECT);
        }
        // The solid base decides the instance layout.
        let mut layout = Layout::Object;
        let mut base = t::OBJECT;
        for b in &bases {
            let bl = match self.heap.kind(*b) {
                Kind::Type(tt) => tt.layout,
                _ => Layout::Object,
            };
            if bl != Layout::Object {
                if layout != Layout::Object
                    && layout != bl
                    && !(layout == Layout::Exception && bl == Layout::Exception)
                {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                if layout == Layout::Object {
                    base = *b;
                }
                layout = bl;
            } else if base == t::OBJECT && *b != t::OBJECT {
                base = *b;
            }
        }
        if layout != Layout::Object {
            base = *bases
                .iter()
                .find(|b| matches!(self.heap.kind(**b), Kind::Type(tt) if tt.layout == layout))
                .unwrap_or(&base);
        } else {
            base = bases[0];
        }
        let Value::Obj(nsr) = ns else {
            return Err(self.type_error("type.__new__() argument 3 must be dict"));
        };
        let dict = self.new_dict();
        for (k, v) in self.mapping_items(ns)? {
            self.dict_set(dict, k, v)?;
            self.decref(k);
            self.decref(v);
        }
        let _ = nsr;
        // Inherited features of the bases.
        let base_has_dict = bases
            .iter()
            .any(|b| self.type_flags(*b) & tflags::HAS_DICT != 0);
        let base_has_weakref = bases
            .iter()
            .any(|b| self.type_flags(*b) & tflags::HAS_WEAKREF != 0);
        let mut base_slots: Vec<ObjRef> = Vec::new();
        for b in &bases {
            if let Kind::Type(tt) = self.heap.kind(*b) {
                for s in &tt.slot_names {
                    if !base_slots.contains(s) {
                        base_slots.push(*s);
                    }
                }
            }
        }
        let mut has_dict = true;
        let mut has_weakref = true;
        let mut own_slots: Vec<String> = Vec::new();
        if let Some(slots) = self.dict_get_str(dict, "__slots__") {
            self.incref(slots);
            let names = if self.as_str(slots).is_some() {
                vec![self.as_str(slots).unwrap_or("").to_string()]
            } else {
                let items = self.collect_iter(slots);
                let items = match items {
                    Ok(i) => i,
                    Err(e) => {
                        self.decref(slots);
                        return Err(e);
                    }
                };
                let mut out = Vec::new();
                for it in &items {
                    match self.as_str(*it) {
                        Some(s) => out.push(s.to_string()),
                        None => {
                            let tn = self.type_name_of(*it);
                            self.decref_all(items);
                            self.decref(slots);
                            return Err(self.type_error(format!(
                                "__slots__ items must be strings, not '{tn}'"
                            )));
                        }
                    }
                }
                self.decref_all(items);
                out
            };
            self.decref(slots);
            has_dict = base_has_dict;
            has_weakref = base_has_weakref;
            for n in names {
                if n == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if n == "__weakref__" {
                    has_weakref = true;
                    continue;
                }
                if !crate::objects::str::is_identifier(&n) {
                    return Err(self.type_error("__slots__ must be identifiers"));
                }
                let m = crate::compile::symtable::mangle(Some(&name_s), &n);
                if self.dict_get_str(dict, &m).is_some() {
                    return Err(self
                        .value_error(format!("'{m}' in __slots__ conflicts with class variable")));
                }
                own_slots.push(m);
            }
            own_slots.sort();
            if layout != Layout::Object
                && !own_slots.is_empty()
                && matches!(
                    layout,
                    Layout::Int | Layout::Tuple | Layout::Bytes | Layout::Str
                )
            {
                let bn = self.type_name(base);
                return Err(self.type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{bn}'"
                )));
            }
        }
        // __qualname__ and implicit classmethods / staticmethods.
        let qn_key = self.intern("__qualname__");
        let qualname = match self.dict_remove(dict, Value::Obj(qn_key))? {
            Some((k, v)) => {
                self.decref(k);
                v
            }
            None => {
                self.incref(name);
                name
            }
        };
        if self.dict_get_str(dict, "__doc__").is_none() {
            self.dict_set_str(dict, "__doc__", Value::None);
        }
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = self.dict_get_str(dict, special) {
                if matches!(f, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_))) {
                    self.incref(f);
                    let cm = self.alloc_gc(t::CLASSMETHOD, Kind::ClassMethod(f), FreeList::None);
                    self.dict_set_str(dict, special, Value::Obj(cm));
                    self.decref_obj(cm);
                }
            }
        }
        if let Some(f) = self.dict_get_str(dict, "__new__") {
            if matches!(f, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_))) {
                self.incref(f);
                let sm = self.alloc_gc(t::STATICMETHOD, Kind::StaticMethod(f), FreeList::None);
                self.dict_set_str(dict, "__new__", Value::Obj(sm));
                self.decref_obj(sm);
            }
        }
        // type_ready_set_hash: defining __eq__ without __hash__ makes instances unhashable.
        if self.dict_get_str(dict, "__eq__").is_some()
            && self.dict_get_str(dict, "__hash__").is_none()
        {
            self.dict_set_str(dict, "__hash__", Value::None);
        }
        // Size of instances.
        let base_size = match self.heap.kind(base) {
            Kind::Type(tt) => tt.instance_size,
            _ => 16,
        };
        let base_is_heap = self.type_is_heap(base);
        let mut basic = if base_is_heap {
            base_size
        } else {
            builtin_basicsize(layout)
        };
        if base_is_heap {
            // instance_size of a heap base already includes the GC head and pre-header.
            basic -= 16;
            if self.type_flags(base) & tflags::HAS_DICT != 0 {
                basic -= 16;
            }
        }
        basic += 8 * own_slots.len() as u64;
        if has_weakref && !base_has_weakref && matches!(layout, Layout::Object | Layout::Opaque) {
            basic += 8;
        }
        let mut instance_size = basic + 16;
        if has_dict {
            instance_size += 16;
        }
        let mro_placeholder = Vec::new();
        let mut flags = tflags::HEAPTYPE | tflags::BASETYPE | tflags::GC | tflags::WEAKREFABLE;
        if has_dict {
            flags |= tflags::HAS_DICT;
        }
        if has_weakref {
            flags |= tflags::HAS_WEAKREF;
        } else {
            flags &= !tflags::WEAKREFABLE;
        }
        if layout == Layout::Exception {
            flags |= tflags::WEAKREFABLE;
        }
        if matches!(layout, Layout::Int | Layout::Tuple | Layout::Bytes) {
            // Variable-size instances get no __weakref__ slot.
            flags &= !(tflags::WEAKREFABLE | tflags::HAS_WEAKREF);
        }
        // `type_new_get_bases`: given bases are kept as they are; none means `(object,)`.
        let bases_tuple = if self.tuple_len(bases_v) > 0
            && self.heap.ty(bases_v.as_obj().unwrap_or(t::OBJECT)) == t::TUPLE
        {
            self.incref(bases_v);
            bases_v
        } else {
            for b in &bases {
                self.incref_obj(*b);
            }
            let bases_vals: Vec<Value> = bases.iter().map(|b| Value::Obj(*b)).collect();
            self.new_tuple(bases_vals)
        };
        self.incref_obj(base);
        let tobj = TypeObj {
            name: name_s.clone(),
            qualname,
            bases: bases_tuple,
            base: Some(base),
            mro: mro_placeholder,
            mro_tuple: Value::None,
            dict,
            layout,
            flags,
            slot_names: Vec::new(),
            shared_keys: if has_dict && layout == Layout::Object {
                Some(SharedKeys::new())
            } else {
                None
            },
            instance_size,
            subclasses: Vec::new(),
            subclass_ref: Value::Null,
            subclass_dict: false,
            builtin_module: "",
        };
        self.incref_type_if_heap(meta);
        let cls = self.alloc_gc(meta, Kind::Type(Box::new(tobj)), FreeList::None);
        let mro = match self.compute_mro(cls, &bases) {
            Ok(m) => m,
            Err(e) => {
                self.decref_obj(cls);
                return Err(e);
            }
        };
        for m in &mro {
            self.incref_obj(*m);
        }
        let mro_vals: Vec<Value> = mro.iter().map(|m| Value::Obj(*m)).collect();
        let mro_tuple = self.new_tuple(mro_vals);
        // Slots: base slots first, then own; member descriptors for own slots.
        let mut slot_names = base_slots.clone();
        for s in &own_slots {
            let r = self.intern(s);
            slot_names.push(r);
        }
        for (i, s) in own_slots.iter().enumerate() {
            let idx = base_slots.len() + i;
            let nm = self.new_str(s);
            self.incref_obj(cls);
            let m = self.alloc_gc(
                t::MEMBER_DESCRIPTOR,
                Kind::Member(cls, idx, nm),
                FreeList::None,
            );
            self.dict_set_str(dict, s, Value::Obj(m));
            self.decref_obj(m);
        }
        // `type_new` adds a `__dict__` descriptor when the base has no dict offset (every
        // built-in base but BaseException and type).
        if has_dict && !base_has_dict && !matches!(layout, Layout::Exception | Layout::Type) {
            let d = self.new_getter(
                "__dict__",
                cls,
                crate::builtins::getset::instance_dict_getter,
            );
            self.dict_set_str(dict, "__dict__", d);
            self.decref(d);
        }
        // ... and a `__weakref__` one when the base has no weak-list offset and fixed-size
        // instances (not int, bytes or tuple; set keeps its own weak list).
        if has_weakref
            && !base_has_weakref
            && matches!(
                layout,
                Layout::Object
                    | Layout::List
                    | Layout::Dict
                    | Layout::Str
                    | Layout::Float
                    | Layout::Complex
                    | Layout::ByteArray
                    | Layout::Exception
            )
        {
            let w = self.new_getter("__weakref__", cls, crate::builtins::getset::weakref_getter);
            self.dict_set_str(dict, "__weakref__", w);
            self.decref(w);
        }
        if let Kind::Type(tt) = self.heap.kind_mut(cls) {
            tt.mro = mro;
            tt.mro_tuple = mro_tuple;
            tt.slot_names = slot_names;
        }
        for b in &bases {
            if let Kind::Type(tt) = self.heap.kind_mut(*b) {
                tt.subclasses.push(cls);
            }
        }
        // `add_subclass`: one basic weak reference to the class, shared by all bases,
        // filed in each base's `tp_subclasses` dict (made with the first subclass).
        let sub_ref = self.new_weakref(t::WEAKREF, Value::Obj(cls), Value::Null, false)?;
        for b in &bases {
            if let Kind::Type(tt) = self.heap.kind_mut(*b) {
                if !tt.subclass_dict {
                    tt.subclass_dict = true;
                    self.gc_alloc_count(FreeList::Dict);
                }
            }
        }
        if let Kind::Type(tt) = self.heap.kind_mut(cls) {
            tt.subclass_ref = sub_ref;
        }
        self.type_modified(cls);
        // __set_name__, over a copy of the class dict (`type_new_set_names`).
        self.gc_alloc_count(FreeList::Dict);
        let set_names = self.set_names(cls, dict);
        self.gc_free_count(FreeList::Dict);
        if let Err(e) = set_names {
            self.decref_obj(cls);
            return Err(e);
        }
        // __classcell__
        if let Some(cell) = self.dict_get_str(dict, "__classcell__") {
            if let Value::Obj(c) = cell {
                if let Kind::Cell(_) = self.heap.kind(c) {
                    self.incref_obj(cls);
                    let old = match self.heap.kind_mut(c) {
                        Kind::Cell(inner) => std::mem::replace(inner, Value::Obj(cls)),
                        _ => Value::Null,
                    };
                    self.decref(old);
                }
            }
            let key = self.intern("__classcell__");
            if let Some((k, v)) = self.dict_remove(dict, Value::Obj(key))? {
                self.decref(k);
                self.decref(v);
            }
        }
        // __init_subclass__ of the parent.
        let n = self.intern("__init_subclass__");
        if let Some(isc) = self.lookup_mro_after(cls, cls, n) {
            self.incref(isc);
            let bound = self.descr_get(isc, Value::Null, cls);
            self.decref(isc);
            let res = match bound {
                Ok(b) => {
                    let r = self.call(b, &[], kw);
                    self.decref(b);
                    r
                }
                Err(e) => Err(e),
            };
            match res {
                Ok(x) => self.decref(x),
                Err(e) => {
                    self.decref_obj(cls);
                    return Err(e);
                }
            }
        }
        Ok(Value::Obj(cls))
    }

    /// Calls `__set_name__(cls, name)` of the class attributes that define it.
    fn set_names(&mut self, cls: ObjRef, dict: ObjRef) -> PResult<()> {
        for (k, v) in self.dict_items(dict) {
            let vt = self.type_of(v);
            if self.type_is_heap(vt)
                || matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Native(_)))
            {
                if let Some(sn) = self.lookup_type_str(vt, "__set_name__") {
                    self.incref(k);
                    self.incref(v);
                    let r = self.call(sn, &[v, Value::Obj(cls), k], &[]);
                    self.decref(sn);
                    self.decref(k);
                    self.decref(v);
                    match r {
                        Ok(x) => self.decref(x),
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether a new class has unimplemented abstract methods (records
    /// `__abstractmethods__` when some class in the MRO is abstract).
    /// A getter descriptor (`__dict__`, `__weakref__`) owned by `cls`.
    pub fn new_getter(
        &mut self,
        name: &'static str,
        cls: ObjRef,
        f: crate::objects::function::NativeFn,
    ) -> Value {
        let d = MethodDescr {
            name,
            owner: cls,
            f,
            kind: DescrKind::Getter,
            packs_args: false,
        };
        Value::Obj(self.alloc_gc(
            t::METHOD_DESCRIPTOR,
            Kind::MethodDescr(Box::new(d)),
            FreeList::None,
        ))
    }
}

/// `tp_basicsize` of the built-in layouts (what a subclass instance starts from).
fn builtin_basicsize(l: Layout) -> u64 {
    match l {
        Layout::Object => 16,
        Layout::Int | Layout::Bool => 24,
        Layout::Float => 24,
        Layout::Complex => 32,
        Layout::Str => 48,
        Layout::Bytes => 32,
        Layout::ByteArray => 56,
        Layout::Tuple => 24,
        Layout::List => 40,
        Layout::Dict => 48,
        Layout::Set | Layout::FrozenSet => 200,
        Layout::Exception => 64,
        Layout::Type => 888,
        Layout::Opaque => 16,
    }
}
