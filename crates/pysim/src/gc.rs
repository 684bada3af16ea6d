//! The cyclic garbage collector, ported from CPython 3.11's `Modules/gcmodule.c`:
//! three generations with thresholds 700/10/10 and the long-lived heuristic for the
//! oldest, `update_refs` / `subtract_refs` / `move_unreachable`, untracking of tuples
//! and (in full collections) dicts, weakref clearing and callbacks, PEP 442
//! finalizers with resurrection detection, `tp_clear` of the garbage, `gc.callbacks`
//! and the `DEBUG_SAVEALL` garbage list. Collection returns what `gc.collect()` returns.

use crate::heap::{lists, sflags};
use crate::interp::Vm;
use crate::objects::{Attrs, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};

pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;

impl Vm {
    /// Everything `tp_traverse` visits for `r`, in CPython's order.
    pub fn referents(&self, r: ObjRef, out: &mut Vec<Value>) {
        let s = self.heap.get(r);
        if let Some(ext) = &s.ext {
            ext.for_each_ref(&mut |v| out.push(v));
        }
        s.kind.for_each_ref(|v| out.push(v));
        if self.type_is_heap(s.ty) {
            out.push(Value::Obj(s.ty));
        }
    }

    /// `gc_collect_generations`: an automatic collection of the oldest generation whose
    /// count exceeds its threshold.
    pub fn collect_generations(&mut self) -> usize {
        for i in (0..3).rev() {
            if self.gc.counts[i] > self.gc.thresholds[i] {
                if i == 2 && self.gc.long_lived_pending < self.gc.long_lived_total / 4 {
                    continue;
                }
                return self.collect_with_callback(i);
            }
        }
        0
    }

    /// A collection of `generation` with the `gc.callbacks` calls around it.
    pub fn collect_with_callback(&mut self, generation: usize) -> usize {
        self.invoke_gc_callbacks("start", generation, 0, 0);
        let (m, n) = self.collect_main(generation);
        self.invoke_gc_callbacks("stop", generation, m, n);
        m + n
    }

    fn invoke_gc_callbacks(
        &mut self,
        phase: &str,
        generation: usize,
        collected: usize,
        uncollectable: usize,
    ) {
        let cbs = self.gc.callbacks;
        if self.list_items(cbs).is_empty() {
            return;
        }
        let info = self.new_dict();
        let g = self.int(generation as i64);
        let c = self.int(collected as i64);
        let u = self.int(uncollectable as i64);
        self.dict_set_str(info, "generation", g);
        self.dict_set_str(info, "collected", c);
        self.dict_set_str(info, "uncollectable", u);
        let ph = self.new_str(phase);
        let mut i = 0;
        loop {
            let items = self.list_items(cbs);
            let Some(cb) = items.get(i).copied() else {
                break;
            };
            self.incref(cb);
            match self.call(cb, &[ph, Value::Obj(info)], &[]) {
                Ok(v) => self.decref(v),
                Err(e) => self.write_unraisable(e, cb, ""),
            }
            self.decref(cb);
            i += 1;
        }
        self.decref(ph);
        self.decref_obj(info);
    }

    /// `gc_collect_main`: returns (collected, uncollectable).
    fn collect_main(&mut self, generation: usize) -> (usize, usize) {
        self.trace_gc_start(generation);
        if generation + 1 < 3 {
            self.gc.counts[generation + 1] += 1;
        }
        for i in 0..=generation {
            self.gc.counts[i] = 0;
        }
        let young = lists::generation(generation);
        for i in 0..generation {
            self.heap.list_merge(lists::generation(i), young);
        }
        let old = if generation < 2 {
            lists::generation(generation + 1)
        } else {
            young
        };
        self.deduce_unreachable(young, lists::UNREACHABLE);
        self.untrack_tuples(young);
        if young != old {
            if generation == 1 {
                self.gc.long_lived_pending += self.heap.list_len(young);
            }
            self.heap.list_merge(young, old);
        } else {
            self.untrack_dicts(young);
            self.gc.long_lived_pending = 0;
            self.gc.long_lived_total = self.heap.list_len(young);
        }
        for r in self.heap.list_members(lists::UNREACHABLE) {
            self.heap.get_mut(r).flags &= !sflags::UNREACHABLE;
        }
        let mut m = self.handle_weakrefs(lists::UNREACHABLE, old);
        self.finalize_garbage(lists::UNREACHABLE);
        // Resurrection: what is still unreachable after the finalizers ran.
        for r in self.heap.list_members(lists::UNREACHABLE) {
            self.heap.get_mut(r).flags &= !(sflags::COLLECTING | sflags::UNREACHABLE);
        }
        self.deduce_unreachable(lists::UNREACHABLE, lists::STILL_UNREACHABLE);
        for r in self.heap.list_members(lists::STILL_UNREACHABLE) {
            self.heap.get_mut(r).flags &= !(sflags::COLLECTING | sflags::UNREACHABLE);
        }
        self.heap.list_merge(lists::UNREACHABLE, old);
        m += self.heap.list_len(lists::STILL_UNREACHABLE);
        self.delete_garbage(lists::STILL_UNREACHABLE, old);
        if generation == 2 {
            self.clear_free_lists();
        }
        let n = 0;
        let st = &mut self.gc.stats[generation];
        st.0 += 1;
        st.1 += m as u64;
        st.2 += n as u64;
        self.trace_gc_end(generation, m as u64, n as u64);
        (m, n)
    }

    /// `clear_freelists`: a full collection empties the list, dict and tuple free lists;
    /// each object freed there is a `PyObject_GC_Del` for generation 0's count.
    fn clear_free_lists(&mut self) {
        let fl = &mut self.gc.free_lists;
        let held = fl.list + fl.dict + fl.tuple.iter().sum::<u32>();
        *fl = crate::interp::FreeLists::default();
        self.gc.counts[0] = (self.gc.counts[0] - i64::from(held)).max(0);
    }

    /// `update_refs` + `subtract_refs` + `move_unreachable`.
    fn deduce_unreachable(&mut self, base: ObjRef, unreachable: ObjRef) {
        let members = self.heap.list_members(base);
        for &r in &members {
            let s = self.heap.get_mut(r);
            s.gc_refs = s.rc.min(i32::MAX as u32) as i32;
            s.flags |= sflags::COLLECTING;
            s.flags &= !sflags::UNREACHABLE;
        }
        let mut buf = Vec::new();
        for &r in &members {
            buf.clear();
            self.referents(r, &mut buf);
            for v in &buf {
                if let Value::Obj(o) = v {
                    let s = self.heap.get_mut(*o);
                    if s.flags & sflags::COLLECTING != 0 && s.gc_refs > 0 {
                        s.gc_refs -= 1;
                    }
                }
            }
        }
        // move_unreachable
        let mut cur = self.heap.list_first(base);
        while let Some(r) = cur {
            if self.heap.get(r).gc_refs > 0 {
                buf.clear();
                self.referents(r, &mut buf);
                for v in &buf {
                    let Value::Obj(o) = *v else { continue };
                    let flags = self.heap.get(o).flags;
                    if flags & sflags::COLLECTING == 0 {
                        continue;
                    }
                    if flags & sflags::UNREACHABLE != 0 {
                        self.heap.list_move(o, base);
                        let s = self.heap.get_mut(o);
                        s.flags &= !sflags::UNREACHABLE;
                        s.gc_refs = 1;
                    } else if self.heap.get(o).gc_refs == 0 {
                        self.heap.get_mut(o).gc_refs = 1;
                    }
                }
                self.heap.get_mut(r).flags &= !sflags::COLLECTING;
                cur = self.heap.list_next(r, base);
            } else {
                let next = self.heap.list_next(r, base);
                self.heap.list_move(r, unreachable);
                self.heap.get_mut(r).flags |= sflags::UNREACHABLE;
                cur = next;
            }
        }
    }

    fn untrack_tuples(&mut self, list: ObjRef) {
        for r in self.heap.list_members(list) {
            if self.heap.ty(r) != t::TUPLE {
                continue;
            }
            let items = match self.heap.kind(r) {
                Kind::Tuple(tp) => tp.to_vec(),
                _ => continue,
            };
            if !items.iter().any(|v| self.may_be_tracked(*v)) {
                self.heap.untrack(r);
            }
        }
    }

    fn untrack_dicts(&mut self, list: ObjRef) {
        for r in self.heap.list_members(list) {
            if self.heap.ty(r) == t::DICT {
                self.dict_maybe_untrack(r);
            }
        }
    }

    /// Clears weak references to unreachable objects and calls the callbacks of the
    /// weakrefs that are themselves reachable; returns how many of those died.
    fn handle_weakrefs(&mut self, unreachable: ObjRef, old: ObjRef) -> usize {
        let mut to_call: Vec<ObjRef> = Vec::new();
        for r in self.heap.list_members(unreachable) {
            if self.heap.get(r).flags & sflags::HAS_WEAKREFS == 0 {
                continue;
            }
            self.heap.get_mut(r).flags &= !sflags::HAS_WEAKREFS;
            let refs = self.weaklists.remove(&r).unwrap_or_default();
            for w in refs {
                let cb = match self.heap.kind_mut(w) {
                    Kind::WeakRef(wr) => {
                        wr.target = None;
                        wr.callback
                    }
                    _ => continue,
                };
                // A weakref that is itself garbage gets no callback.
                if self.heap.get(w).flags & sflags::COLLECTING != 0
                    && self.heap.get(w).flags & sflags::TRACKED != 0
                    && self.in_list(w, unreachable)
                {
                    continue;
                }
                if cb.is_none() || cb.is_null() {
                    continue;
                }
                self.incref_obj(w);
                to_call.push(w);
            }
        }
        let mut freed = 0;
        for w in to_call {
            let cb = match self.heap.kind(w) {
                Kind::WeakRef(wr) => wr.callback,
                _ => Value::None,
            };
            self.incref(cb);
            self.trace_weak_cleared(w, true);
            match self.call(cb, &[Value::Obj(w)], &[]) {
                Ok(v) => self.decref(v),
                Err(e) => self.write_unraisable(e, cb, ""),
            }
            self.decref(cb);
            let alive = self.heap.get(w).rc > 1;
            self.decref_obj(w);
            if alive {
                if self.heap.is_tracked(w) && !self.in_list(w, old) {
                    self.heap.list_move(w, old);
                }
            } else {
                freed += 1;
            }
        }
        freed
    }

    fn in_list(&self, r: ObjRef, list: ObjRef) -> bool {
        let mut n = self.heap.list_first(list);
        while let Some(x) = n {
            if x == r {
                return true;
            }
            n = self.heap.list_next(x, list);
        }
        false
    }

    /// Calls `tp_finalize` (`__del__`, generator close) of each unreachable object once.
    fn finalize_garbage(&mut self, collectable: ObjRef) {
        let seen = lists::FINALIZERS;
        while let Some(r) = self.heap.list_first(collectable) {
            self.heap.list_move(r, seen);
            let has = match self.heap.kind(r) {
                Kind::Generator(_) => true,
                _ => {
                    let ty = self.heap.ty(r);
                    self.type_flags(ty) & crate::objects::typeobj::tflags::HAS_DEL != 0
                }
            };
            if has && self.heap.get(r).flags & sflags::FINALIZED == 0 {
                self.incref_obj(r);
                self.call_finalizer(r);
                self.decref_obj(r);
            }
        }
        self.heap.list_merge(seen, collectable);
    }

    /// `tp_clear` of each garbage object; what survives moves to `old`.
    fn delete_garbage(&mut self, collectable: ObjRef, old: ObjRef) {
        while let Some(r) = self.heap.list_first(collectable) {
            if self.gc.debug & DEBUG_SAVEALL != 0 {
                let g = self.gc.garbage;
                self.incref_obj(r);
                if let Kind::List(l) = self.heap.kind_mut(g) {
                    l.push(Value::Obj(r));
                }
            } else {
                self.incref_obj(r);
                self.tp_clear(r);
                self.decref_obj(r);
            }
            if self.heap.list_first(collectable) == Some(r) {
                self.heap.list_move(r, old);
            }
        }
    }

    /// Breaks the references an object holds (`tp_clear`), for the types that have one.
    pub fn tp_clear(&mut self, r: ObjRef) {
        let mut dropped: Vec<Value> = Vec::new();
        if let Some(ext) = self.heap.get_mut(r).ext.as_mut() {
            for v in ext.slots.iter_mut() {
                dropped.push(std::mem::replace(v, Value::Null));
            }
            match &mut ext.attrs {
                Attrs::Values(vals) => {
                    for (_, v) in vals.drain(..) {
                        dropped.push(v);
                    }
                }
                Attrs::Dict(d) => {
                    dropped.push(Value::Obj(*d));
                    ext.attrs = Attrs::Values(Vec::new());
                }
                Attrs::None => {}
            }
        }
        for v in dropped.drain(..) {
            self.decref(v);
        }
        let kind = self.heap.kind_mut(r);
        match kind {
            Kind::List(l) => {
                l.alloc = 0;
                let items = std::mem::take(&mut l.items);
                dropped.extend(items.into_iter().rev());
            }
            Kind::Dict(d) => {
                for e in d.clear() {
                    dropped.push(e.key);
                    dropped.push(e.value);
                }
            }
            Kind::Set(s) => dropped.extend(s.clear()),
            Kind::Cell(v) => dropped.push(std::mem::replace(v, Value::Null)),
            Kind::Function(f) => {
                for slot in [
                    &mut f.defaults,
                    &mut f.kwdefaults,
                    &mut f.doc,
                    &mut f.dict,
                    &mut f.closure,
                    &mut f.annotations,
                    &mut f.module,
                ] {
                    dropped.push(std::mem::replace(slot, Value::Null));
                }
            }
            Kind::Exception(e) => {
                dropped.push(std::mem::replace(&mut e.args, Value::Null));
                dropped.push(std::mem::replace(&mut e.notes, Value::Null));
                dropped.push(std::mem::replace(&mut e.cause, Value::None));
                dropped.push(std::mem::replace(&mut e.context, Value::None));
                for (_, v) in e.fields.drain(..) {
                    dropped.push(v);
                }
            }
            Kind::Type(tt) => {
                dropped.push(std::mem::replace(&mut tt.mro_tuple, Value::None));
                let d = tt.dict;
                self.type_epoch = self.type_epoch.wrapping_add(1);
                let old = match self.heap.kind_mut(d) {
                    Kind::Dict(x) => x.clear(),
                    _ => Vec::new(),
                };
                for e in old {
                    dropped.push(e.key);
                    dropped.push(e.value);
                }
            }
            Kind::Module(m) => {
                let d = m.dict;
                let old = match self.heap.kind_mut(d) {
                    Kind::Dict(x) => x.clear(),
                    _ => Vec::new(),
                };
                for e in old {
                    dropped.push(e.key);
                    dropped.push(e.value);
                }
            }
            Kind::WeakRef(w) => {
                dropped.push(std::mem::replace(&mut w.callback, Value::None));
            }
            Kind::ClassMethod(v) | Kind::StaticMethod(v) => {
                dropped.push(std::mem::replace(v, Value::None))
            }
            Kind::Property(p) => {
                for slot in [&mut p.fget, &mut p.fset, &mut p.fdel, &mut p.doc] {
                    dropped.push(std::mem::replace(slot, Value::None));
                }
            }
            Kind::Native(n) => dropped.extend(n.take_refs()),
            _ => {}
        }
        for v in dropped {
            self.decref(v);
        }
    }

    /// `gc.collect(generation)`.
    pub fn gc_collect(&mut self, generation: usize) -> usize {
        if self.gc.collecting {
            return 0;
        }
        self.gc.collecting = true;
        let n = self.collect_with_callback(generation);
        self.gc.collecting = false;
        n
    }

    /// Tracked objects of all generations (`gc.get_objects()`), in list order.
    pub fn tracked_objects(&self, generation: Option<usize>) -> Vec<ObjRef> {
        let mut out = Vec::new();
        for g in 0..3 {
            if generation.is_none() || generation == Some(g) {
                out.extend(self.heap.list_members(lists::generation(g)));
            }
        }
        out
    }
}
