//! Reference counting and deallocation, in CPython's order: a count reaching zero frees
//! the object at once; `__del__` runs first (once, PEP 442, and may resurrect), then weak
//! references are cleared and their callbacks called, then the contents are released in
//! each type's `tp_dealloc` order (lists and tuples from the end, dicts in insertion
//! order, instances slots then attributes), then the memory. Deep structures go through
//! a trashcan as in CPython, so freeing a long chain never exhausts the Rust stack.

use super::sflags;
use crate::interp::Vm;
use crate::objects::typeobj::tflags;
use crate::objects::{Attrs, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};

/// CPython's `PyTrash_UNWIND_LEVEL`.
const TRASH_LEVEL: u32 = 50;

impl Vm {
    #[inline]
    pub fn incref(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            self.heap.objs[r.idx()].rc += 1;
        }
    }

    #[inline]
    pub fn incref_obj(&mut self, r: ObjRef) {
        self.heap.objs[r.idx()].rc += 1;
    }

    #[inline]
    pub fn decref(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            self.decref_obj(r);
        }
    }

    #[inline]
    pub fn decref_obj(&mut self, r: ObjRef) {
        let s = &mut self.heap.objs[r.idx()];
        if s.rc > 1 {
            s.rc -= 1;
        } else if s.rc == 1 {
            s.rc = 0;
            self.dealloc(r);
        }
    }

    /// Decrefs every value of a vector.
    pub fn decref_all(&mut self, vals: impl IntoIterator<Item = Value>) {
        for v in vals {
            self.decref(v);
        }
    }

    fn dealloc(&mut self, r: ObjRef) {
        let s = self.heap.get(r);
        if s.flags & sflags::IMMORTAL != 0 {
            self.heap.get_mut(r).rc = 1 << 30;
            return;
        }
        if matches!(s.kind, Kind::Free | Kind::Sentinel) {
            return;
        }
        let deep = matches!(
            s.kind,
            Kind::List(_)
                | Kind::Tuple(_)
                | Kind::Dict(_)
                | Kind::Set(_)
                | Kind::Object
                | Kind::Exception(_)
                | Kind::Cell(_)
                | Kind::Function(_)
                | Kind::Method(..)
        );
        if deep && self.dealloc_depth >= TRASH_LEVEL {
            self.trash.push(r);
            return;
        }
        self.dealloc_depth += 1;
        self.dealloc_now(r);
        self.dealloc_depth -= 1;
        if self.dealloc_depth == 0 {
            while let Some(x) = self.trash.pop() {
                self.dealloc_depth += 1;
                self.dealloc_now(x);
                self.dealloc_depth -= 1;
            }
        }
    }

    /// Whether the type of `r` defines `__del__` (or is a generator, whose finalizer
    /// closes it).
    fn has_finalizer(&self, r: ObjRef) -> bool {
        let s = self.heap.get(r);
        if matches!(s.kind, Kind::Generator(_)) {
            return true;
        }
        match self.heap.kind(s.ty) {
            Kind::Type(ty) => ty.flags & tflags::HAS_DEL != 0,
            _ => false,
        }
    }

    /// Runs the PEP 442 finalizer of an unreachable or dying object (once).
    pub fn call_finalizer(&mut self, r: ObjRef) {
        if self.heap.get(r).flags & sflags::FINALIZED != 0 {
            return;
        }
        self.heap.get_mut(r).flags |= sflags::FINALIZED;
        if let Kind::Generator(_) = self.heap.kind(r) {
            self.warn_never_awaited(r);
            self.incref_obj(r);
            let res = self.gen_close(Value::Obj(r));
            if let Err(e) = res {
                self.write_unraisable(e, Value::Obj(r), "");
            }
            self.decref_obj(r);
            return;
        }
        let ty = self.heap.ty(r);
        let Some(del) = self.lookup_type_str(ty, "__del__") else {
            return;
        };
        self.trace_finalizer(r);
        self.incref_obj(r);
        let res = self.call(del, &[Value::Obj(r)], &[]);
        match res {
            Ok(v) => self.decref(v),
            Err(e) => self.write_unraisable(e, del, ""),
        }
        self.decref(del);
        // Drop the temporary reference without recursing into dealloc.
        let s = self.heap.get_mut(r);
        s.rc -= 1;
    }

    fn dealloc_now(&mut self, r: ObjRef) {
        if self.has_finalizer(r) && self.heap.get(r).flags & sflags::FINALIZED == 0 {
            // Temporarily resurrect while the finalizer runs.
            self.heap.get_mut(r).rc = 1;
            self.call_finalizer(r);
            let s = self.heap.get_mut(r);
            if s.rc > 1 {
                s.rc -= 1;
                return;
            }
            s.rc = 0;
        }
        if self.heap.get(r).flags & sflags::HAS_WEAKREFS != 0 {
            self.clear_weakrefs(r);
            if self.heap.get(r).rc > 0 {
                return;
            }
        }
        let ty = self.heap.ty(r);
        if self.trace.enabled {
            let size = self.sizeof_obj(r);
            self.trace_free(r, size);
        }
        if self.heap.get(r).flags & sflags::TRACED != 0 {
            if let Some((size, _)) = self.tracemalloc.traces.remove(&r) {
                self.tracemalloc.running -= size as i64;
            }
        }
        // Standard-library internals were never counted (nor served by a free list).
        let is_gc = self.heap.get(r).flags & sflags::INTERNAL == 0
            && (self.heap.get(r).flags & sflags::TRACKED != 0 || self.type_is_gc_for(r));
        self.heap.untrack(r);
        let kind = std::mem::replace(&mut self.heap.get_mut(r).kind, Kind::Free);
        let ext = self.heap.get_mut(r).ext.take();
        if is_gc {
            self.gc_dealloc_count(ty, &kind);
        }
        // Instances: slots, then the managed dict / inline values.
        if let Some(ext) = ext {
            let ext = *ext;
            for v in ext.slots {
                self.decref(v);
            }
            match ext.attrs {
                Attrs::Values(vals) => {
                    for (_, v) in vals {
                        self.decref(v);
                    }
                }
                Attrs::Dict(d) => self.decref_obj(d),
                Attrs::None => {}
            }
        }
        self.release_contents(kind);
        self.heap.release(r);
        if self.type_is_heap(ty) {
            self.decref_obj(ty);
        }
    }

    /// Whether objects of this slot's type are GC objects (count towards generation 0).
    fn type_is_gc_for(&self, r: ObjRef) -> bool {
        match self.heap.kind(r) {
            Kind::Iter(it) => it.is_gc(),
            Kind::Native(n) => n.is_gc(),
            _ => {
                let ty = self.heap.ty(r);
                matches!(self.heap.kind(ty), Kind::Type(tt) if tt.flags & tflags::GC != 0)
            }
        }
    }

    pub fn type_is_heap(&self, ty: ObjRef) -> bool {
        matches!(self.heap.kind(ty), Kind::Type(tt) if tt.is_heap())
    }

    /// Releases the references a payload holds, in `tp_dealloc` order.
    pub fn release_contents(&mut self, kind: Kind) {
        match kind {
            Kind::List(l) => {
                for v in l.items.into_iter().rev() {
                    self.decref(v);
                }
            }
            Kind::Tuple(items) => {
                for v in items.into_vec().into_iter().rev() {
                    self.decref(v);
                }
            }
            Kind::Dict(d) => {
                for e in d.entries {
                    self.decref(e.key);
                    self.decref(e.value);
                }
            }
            Kind::Set(s) => {
                for e in s.table {
                    self.decref(e.key);
                }
            }
            Kind::Slice(s) => {
                for v in s.iter() {
                    self.decref(*v);
                }
            }
            Kind::Cell(v) | Kind::ClassMethod(v) | Kind::StaticMethod(v) => self.decref(v),
            Kind::Function(f) => {
                let f = *f;
                drop(f.code);
                for v in [
                    Value::Obj(f.globals),
                    f.module,
                    f.name,
                    Value::Obj(f.code_obj),
                    f.defaults,
                    f.kwdefaults,
                    f.doc,
                    f.dict,
                    f.closure,
                    f.annotations,
                    f.qualname,
                ] {
                    self.decref(v);
                }
            }
            Kind::Code(c) => {
                for v in c.consts.iter() {
                    self.decref(*v);
                }
            }
            Kind::Method(f, s) => {
                self.decref(f);
                self.decref(s);
            }
            Kind::Builtin(b) => self.decref(b.self_),
            Kind::Property(p) => {
                for v in [p.fget, p.fset, p.fdel, p.doc, p.name] {
                    self.decref(v);
                }
            }
            Kind::Member(o, _, n) => {
                self.decref_obj(o);
                self.decref(n);
            }
            Kind::Type(tt) => {
                let tt = *tt;
                self.decref_obj(tt.dict);
                self.decref(tt.mro_tuple);
                self.decref(tt.bases);
                if let Some(b) = tt.base {
                    self.decref_obj(b);
                }
                self.decref(tt.qualname);
                self.decref(tt.subclass_ref);
                if tt.subclass_dict && tt.is_heap() {
                    self.gc_free_count(FreeList::Dict);
                }
                for n in tt.slot_names {
                    self.decref_obj(n);
                }
                if let Some(k) = tt.shared_keys {
                    for n in k.names {
                        self.decref_obj(n);
                    }
                }
                self.type_epoch = self.type_epoch.wrapping_add(1);
            }
            Kind::Module(m) => self.decref_obj(m.dict),
            Kind::Exception(e) => {
                let e = *e;
                self.decref(e.args);
                self.decref(e.notes);
                self.decref(e.cause);
                self.decref(e.context);
                for (_, v) in e.fields {
                    self.decref(v);
                }
            }
            Kind::Generator(g) => {
                let g = *g;
                if let Some(fr) = g.frame {
                    self.release_frame(*fr);
                }
                self.decref(g.name);
                self.decref(g.qualname);
                self.decref(g.exc_state);
            }
            Kind::Iter(it) => {
                let mut vals = Vec::new();
                it.for_each_ref(&mut |v| vals.push(v));
                for v in vals {
                    self.decref(v);
                }
            }
            Kind::DictView(d, _) | Kind::MappingProxy(d) => self.decref_obj(d),
            Kind::WeakRef(w) => {
                if let Some(target) = w.target {
                    self.weaklist_remove_dead(target);
                }
                self.decref(w.callback);
            }
            Kind::Super(a, b, c) => {
                self.decref_obj(a);
                self.decref(b);
                self.decref_obj(c);
            }
            Kind::MemoryView(m) => {
                if !m.released {
                    self.release_buffer(m.obj);
                }
                self.decref(m.obj);
            }
            Kind::Native(mut n) => {
                for v in n.take_refs() {
                    self.decref(v);
                }
            }
            Kind::Free
            | Kind::Sentinel
            | Kind::Object
            | Kind::BigInt(_)
            | Kind::Float(_)
            | Kind::Complex(..)
            | Kind::Str(_)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Range(_)
            | Kind::MethodDescr(_) => {}
        }
    }

    /// Releases a frame's references (a finished or deallocated generator's frame).
    pub fn release_frame(&mut self, fr: crate::interp::frame::Frame) {
        if fr.frame_obj {
            self.gc_free_count(FreeList::None);
        }
        for v in fr.stack {
            self.decref(v);
        }
        for c in fr.cells {
            self.decref_obj(c);
        }
        self.decref(fr.locals);
        self.decref(fr.func);
    }

    /// Drops dead weakref objects from the weak list of `target`.
    fn weaklist_remove_dead(&mut self, target: ObjRef) {
        if let Some(list) = self.weaklists.get_mut(&target) {
            let heap = &self.heap;
            list.retain(|w| matches!(heap.kind(*w), Kind::WeakRef(_)));
            if list.is_empty() {
                self.weaklists.remove(&target);
                if self.heap.is_live(target) {
                    self.heap.get_mut(target).flags &= !sflags::HAS_WEAKREFS;
                }
            }
        }
    }

    /// `PyObject_ClearWeakRefs`: clears every weak reference to `r`, then calls the
    /// callbacks of those still alive, in list order.
    pub fn clear_weakrefs(&mut self, r: ObjRef) {
        self.heap.get_mut(r).flags &= !sflags::HAS_WEAKREFS;
        let Some(list) = self.weaklists.remove(&r) else {
            return;
        };
        let mut calls = Vec::new();
        for w in list {
            let live = self.heap.get(w).rc > 0;
            let cb = match self.heap.kind_mut(w) {
                Kind::WeakRef(wr) => {
                    wr.target = None;
                    std::mem::replace(&mut wr.callback, Value::None)
                }
                _ => continue,
            };
            if live && !cb.is_none() {
                self.incref_obj(w);
                calls.push((w, cb));
            } else {
                self.decref(cb);
            }
        }
        for (w, cb) in calls {
            self.trace_weak_cleared(r, true);
            match self.call(cb, &[Value::Obj(w)], &[]) {
                Ok(v) => self.decref(v),
                Err(e) => self.write_unraisable(e, cb, ""),
            }
            self.decref(cb);
            self.decref_obj(w);
        }
    }

    /// Generation-0 accounting when a GC object of `ty` is freed (free lists absorb
    /// some frees of exact lists, dicts and tuples).
    fn gc_dealloc_count(&mut self, ty: ObjRef, kind: &Kind) {
        if let Kind::Iter(it) = kind {
            let (count, n) = it.inner_tuples();
            for _ in 0..count {
                self.gc_free_count(FreeList::Tuple(n));
            }
        }
        let fl = match kind {
            Kind::List(_) if ty == t::LIST => FreeList::List,
            Kind::Dict(_) if ty == t::DICT => FreeList::Dict,
            Kind::Tuple(items) if ty == t::TUPLE => FreeList::Tuple(items.len()),
            _ => FreeList::None,
        };
        self.gc_free_count(fl);
    }

    /// `PyObject_GC_Del` of an object that `free_list` could take back: pushed there
    /// while it has room, otherwise one less in generation 0 (never below zero).
    pub fn gc_free_count(&mut self, free_list: FreeList) {
        let fl = &mut self.gc.free_lists;
        let absorbed = match free_list {
            FreeList::List if fl.list < 80 => {
                fl.list += 1;
                true
            }
            FreeList::Dict if fl.dict < 80 => {
                fl.dict += 1;
                true
            }
            FreeList::Tuple(n) if n > 0 && n < 20 && fl.tuple[n] < 2000 => {
                fl.tuple[n] += 1;
                true
            }
            _ => false,
        };
        if !absorbed && self.gc.counts[0] > 0 {
            self.gc.counts[0] -= 1;
        }
    }

    /// Generation-0 accounting when a GC object is allocated; may run a collection
    /// (`_PyObject_GC_Link`). `from_free_list` tells which free list could serve it.
    pub fn gc_alloc_count(&mut self, free_list: FreeList) {
        if self.heap.internal {
            return;
        }
        let fl = &mut self.gc.free_lists;
        let served = match free_list {
            FreeList::None => false,
            FreeList::List => {
                if fl.list > 0 {
                    fl.list -= 1;
                    true
                } else {
                    false
                }
            }
            FreeList::Dict => {
                if fl.dict > 0 {
                    fl.dict -= 1;
                    true
                } else {
                    false
                }
            }
            FreeList::Tuple(n) => {
                if n > 0 && n < 20 && fl.tuple[n] > 0 {
                    fl.tuple[n] -= 1;
                    true
                } else {
                    false
                }
            }
        };
        if served {
            return;
        }
        self.gc.counts[0] += 1;
        if self.gc.counts[0] > self.gc.thresholds[0]
            && self.gc.enabled
            && self.gc.thresholds[0] > 0
            && !self.gc.collecting
        {
            self.gc.collecting = true;
            self.collect_generations();
            self.gc.collecting = false;
        }
    }

    /// A heap type's instance that is about to be created: incref its type.
    pub fn incref_type_if_heap(&mut self, ty: ObjRef) {
        if self.type_is_heap(ty) {
            self.incref_obj(ty);
        }
    }
}

/// Which CPython free list can serve an allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeList {
    None,
    List,
    Dict,
    Tuple(usize),
}
