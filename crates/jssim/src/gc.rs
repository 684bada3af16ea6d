//! The collector: a young-generation scavenger (survivors age, and are promoted to old
//! space after surviving two scavenges) and a full mark-sweep-compact (`gc()`), both
//! tracing from the roots: global object, frames, queues, timers, listeners, observers.
//! Scavenges treat weak references as strong; full collections clear WeakRefs, drop
//! dead WeakMap entries and queue FinalizationRegistry callbacks as a later task.

use crate::event_loop::Job;
use crate::heap::{Kind, PropVal, ReactionTarget};
use crate::interp::Vm;
use crate::value::{ObjRef, Value};
use gen_trace::Space;

/// New-space semispace size of the simulation (small so that snippets of a few dozen
/// objects show scavenges; V8 starts at 1 MiB).
pub const YOUNG_SEMISPACE: u64 = 16 * 1024;

/// Which collection to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GcKind {
    Scavenge,
    Full,
}

impl Vm {
    pub fn heap_used(&self) -> u64 {
        (0..self.heap.objs.len() as u32).map(|i| self.heap.size_of(i)).sum()
    }

    /// Serves a pending collection request.
    pub fn collect_pending(&mut self) {
        if let Some(k) = self.gc_pending.take() {
            self.collect(k);
        }
    }

    fn push_value(v: &Value, out: &mut Vec<ObjRef>) {
        if let Value::Obj(o) = v {
            out.push(*o);
        }
    }

    fn roots(&self) -> Vec<ObjRef> {
        let mut r = vec![self.realm.global];
        let rr = &self.realm;
        r.extend([rr.object_proto, rr.function_proto, rr.array_proto, rr.string_proto, rr.number_proto, rr.boolean_proto, rr.symbol_proto, rr.bigint_proto, rr.error_proto, rr.iterator_proto, rr.array_iter_proto, rr.generator_proto, rr.promise_proto, rr.promise_ctor, rr.map_proto, rr.set_proto, rr.weakmap_proto, rr.weakset_proto, rr.weakref_proto, rr.finreg_proto, rr.date_proto, rr.regexp_proto, rr.array_ctor, rr.object_ctor, rr.function_ctor, rr.node_proto, rr.element_proto, rr.event_proto]);
        r.extend(rr.errors.values().copied());
        for f in &self.frames {
            f.stack.iter().chain(f.locals.iter()).chain(f.args.iter()).for_each(|v| Self::push_value(v, &mut r));
            Self::push_value(&f.this, &mut r);
            r.extend(f.ctx);
            r.extend(f.callee);
            r.extend(f.new_target);
            r.extend(f.home);
            r.extend(f.handlers.iter().filter_map(|h| h.ctx));
        }
        let jobs = self.events.micro.iter().chain(self.events.tasks.iter().map(|(j, _)| j));
        for j in jobs {
            match j {
                Job::Reaction { handler, arg, target, .. } => {
                    Self::push_value(handler, &mut r);
                    Self::push_value(arg, &mut r);
                    match target {
                        ReactionTarget::Promise(p) => r.extend(*p),
                        ReactionTarget::Async(a) => r.push(*a),
                    }
                }
                Job::Thenable { promise, thenable, then } => {
                    r.push(*promise);
                    Self::push_value(thenable, &mut r);
                    Self::push_value(then, &mut r);
                }
                Job::Call { f, this, args } => {
                    Self::push_value(f, &mut r);
                    Self::push_value(this, &mut r);
                    args.iter().for_each(|v| Self::push_value(v, &mut r));
                }
            }
        }
        for t in self.events.timers.values() {
            Self::push_value(&t.f, &mut r);
            t.args.iter().for_each(|v| Self::push_value(v, &mut r));
        }
        r.extend(self.template_cache.values().copied());
        r.extend(self.dom.document);
        r.extend(self.dom.observers.iter().copied());
        r.extend(self.kept_alive.iter().copied());
        r
    }

    /// Outgoing strong references of one object (weak ones only when `strong_weak`).
    pub fn children(&self, o: ObjRef, strong_weak: bool, out: &mut Vec<ObjRef>) {
        let Some(obj) = self.heap.get(o) else { return };
        out.extend(obj.proto);
        for p in obj.props.values() {
            match &p.v {
                PropVal::Data(v) => Self::push_value(v, out),
                PropVal::Accessor(g, s) => {
                    out.extend(*g);
                    out.extend(*s);
                }
            }
        }
        match &obj.kind {
            Kind::Array(items) => items.iter().for_each(|v| Self::push_value(v, out)),
            Kind::Function(c) => {
                out.extend(c.env);
                out.extend(c.home);
                out.extend(c.field_init);
            }
            Kind::Native(n) => n.slots.iter().for_each(|v| Self::push_value(v, out)),
            Kind::Bound(b) => {
                out.push(b.0);
                Self::push_value(&b.1, out);
                b.2.iter().for_each(|v| Self::push_value(v, out));
            }
            Kind::Boxed(v) => Self::push_value(v, out),
            Kind::Map(t) | Kind::Set(t) => {
                for (k, v) in t.entries.iter().flatten() {
                    Self::push_value(k, out);
                    Self::push_value(v, out);
                }
            }
            Kind::WeakMap(m) => {
                if strong_weak {
                    out.extend(m.keys().copied());
                }
                m.values().for_each(|v| Self::push_value(v, out));
            }
            Kind::WeakSet(s) => {
                if strong_weak {
                    out.extend(s.iter().copied());
                }
            }
            Kind::WeakRef(t) => {
                if strong_weak {
                    out.extend(*t);
                }
            }
            Kind::FinReg(f) => {
                Self::push_value(&f.cleanup, out);
                for (t, h, tok) in &f.cells {
                    if strong_weak {
                        out.push(*t);
                        out.extend(*tok);
                    }
                    Self::push_value(h, out);
                }
            }
            Kind::Promise(d) => {
                Self::push_value(&d.value, out);
                for r in &d.reactions {
                    Self::push_value(&r.on_ful, out);
                    Self::push_value(&r.on_rej, out);
                    match r.target {
                        ReactionTarget::Promise(p) => out.extend(p),
                        ReactionTarget::Async(a) => out.push(a),
                    }
                }
            }
            Kind::Proxy(t, h) => {
                out.push(*t);
                out.push(*h);
            }
            Kind::Generator(g) => {
                out.extend(g.promise);
                if let Some(f) = &g.frame {
                    f.stack.iter().chain(f.locals.iter()).chain(f.args.iter()).for_each(|v| Self::push_value(v, out));
                    Self::push_value(&f.this, out);
                    out.extend(f.ctx);
                    out.extend(f.callee);
                    out.extend(f.home);
                }
            }
            Kind::Context(c) => {
                c.slots.iter().for_each(|v| Self::push_value(v, out));
                out.extend(c.parent);
            }
            Kind::Iter(d) => match &**d {
                crate::heap::IterData::Array { obj, .. } | crate::heap::IterData::Table { obj, .. } | crate::heap::IterData::Keys { obj, .. } => out.push(*obj),
                crate::heap::IterData::List { items, .. } => items.iter().for_each(|v| Self::push_value(v, out)),
                crate::heap::IterData::Str { .. } => {}
            },
            Kind::Dom(n) => {
                out.extend(n.parent);
                out.extend(n.children.iter().copied());
                out.extend(n.style);
                n.listeners.iter().for_each(|(_, v)| Self::push_value(v, out));
            }
            Kind::Host(h) => match &**h {
                crate::dom::HostObj::Observer { callback, targets, records } => {
                    Self::push_value(callback, out);
                    out.extend(targets.iter().copied());
                    records.iter().for_each(|v| Self::push_value(v, out));
                }
                crate::dom::HostObj::Xhr { listeners } => listeners.iter().for_each(|(_, v)| Self::push_value(v, out)),
            },
            Kind::Ordinary | Kind::Error | Kind::Date(_) | Kind::RegExp(_) | Kind::Arguments => {}
        }
    }

    /// Marks everything reachable; returns the mark bits.
    fn mark(&self, strong_weak: bool) -> Vec<bool> {
        let mut marked = vec![false; self.heap.objs.len()];
        let mut stack = self.roots();
        let mut kids = Vec::new();
        while let Some(o) = stack.pop() {
            let i = o as usize;
            if i >= marked.len() || marked[i] || self.heap.get(o).is_none() {
                continue;
            }
            marked[i] = true;
            kids.clear();
            self.children(o, strong_weak, &mut kids);
            stack.extend(kids.iter().copied());
        }
        marked
    }

    /// Runs one collection.
    pub fn collect(&mut self, kind: GcKind) {
        let full = kind == GcKind::Full;
        let name = if full { "mark-sweep" } else { "scavenge" };
        if self.trace.enabled {
            self.trace_gc_start(name);
        }
        let marked = self.mark(!full);
        let mut collected = 0;
        let mut freed_bytes = 0;
        let mut promoted = 0;
        let mut dead_targets = Vec::new();
        for i in 0..self.heap.objs.len() {
            let Some(obj) = &self.heap.objs[i] else { continue };
            let young = obj.meta.space == Space::New;
            if !full && !young {
                continue;
            }
            if marked[i] {
                if young {
                    let age = obj.meta.age + 1;
                    let promote = full || age >= 2;
                    if let Some(o) = self.heap.objs[i].as_mut() {
                        o.meta.age = age;
                        if promote {
                            o.meta.space = Space::Old;
                        }
                    }
                    if promote {
                        promoted += 1;
                        if self.trace.enabled {
                            self.trace_move(i as u32);
                        }
                    }
                }
                continue;
            }
            let size = self.heap.size_of(i as u32);
            if self.trace.enabled {
                self.trace_free(i as u32, size);
            }
            dead_targets.push(i as u32);
            collected += 1;
            freed_bytes += size;
        }
        for d in &dead_targets {
            self.heap.objs[*d as usize] = None;
            self.heap.free.push(*d);
        }
        if full {
            self.clear_weak(&marked);
        }
        self.heap.young_used = 0;
        if self.trace.enabled {
            self.trace_gc_end(name, collected, promoted, freed_bytes);
        }
    }

    /// Full GC: clears weak references to dead objects and schedules finalizers.
    fn clear_weak(&mut self, marked: &[bool]) {
        let dead = |o: ObjRef| !marked.get(o as usize).copied().unwrap_or(false);
        let mut callbacks = Vec::new();
        for i in 0..self.heap.objs.len() {
            let Some(obj) = self.heap.objs[i].as_mut() else { continue };
            match &mut obj.kind {
                Kind::WeakRef(t) => {
                    if t.is_some_and(dead) {
                        *t = None;
                    }
                }
                Kind::WeakMap(m) => m.retain(|k, _| !dead(*k)),
                Kind::WeakSet(s) => s.retain(|k| !dead(*k)),
                Kind::FinReg(f) => {
                    let cleanup = f.cleanup.clone();
                    let mut keep = Vec::new();
                    for cell in f.cells.drain(..) {
                        if dead(cell.0) {
                            callbacks.push((cleanup.clone(), cell.1.clone()));
                        } else {
                            keep.push(cell);
                        }
                    }
                    f.cells = keep;
                }
                _ => {}
            }
        }
        for (f, held) in callbacks {
            self.events.tasks.push_back((Job::Call { f, this: Value::Undefined, args: vec![held] }, "FinalizationRegistry"));
        }
    }
}
