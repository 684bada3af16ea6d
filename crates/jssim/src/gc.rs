//! The collector, modelled on V8's Orinoco:
//!
//! - **Scavenge** (young generation): new objects are allocated in new space; when the
//!   allocations since the last scavenge exceed the semispace size, the survivors —
//!   young objects reachable from the roots or referenced by an old object in the
//!   remembered set (the write barrier records every old object that is mutated) — are
//!   kept, and those surviving their second scavenge are promoted to old space. Dead
//!   old objects still hold their young referents until the next full collection, as in
//!   V8.
//! - **Mark-compact** (full): `gc()`, or old-space growth past its limit, marks from the
//!   roots through everything, sweeps the dead of both generations, promotes every young
//!   survivor, clears WeakRefs whose targets died, drops dead WeakMap/WeakSet entries
//!   (WeakMap values are ephemerons: live only while their key is) and queues the
//!   FinalizationRegistry callbacks as a later task.
//!
//! Roots: the global object and the realm's intrinsics, the script scope, the frames
//! (stack, locals, contexts), nextTick/microtask/task queues, timers, DOM document and
//! observers, WeakRef targets kept alive for the current job, and temporaries natives
//! hold while they call back into JavaScript.

use crate::event_loop::Job;
use crate::heap::{Kind, PropVal, ReactionTarget};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};
use gen_trace::Space;

/// New-space semispace size of the simulation: small, so that snippets of a few dozen
/// objects show scavenges and promotion (V8 starts at 1 MiB and grows to 16 MiB).
pub const YOUNG_SEMISPACE: u64 = 16 * 1024;

/// Old-space size that triggers the first full collection; after each one the limit
/// is twice the surviving old generation (V8's heap growing, simplified).
pub const OLD_SPACE_INITIAL_LIMIT: u64 = 8 * YOUNG_SEMISPACE;

/// Objects at least this big are allocated in large-object space (never moved).
pub const LARGE_OBJECT_SIZE: u64 = 128 * 1024;

/// Which collection to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GcKind {
    Scavenge,
    Full,
}

/// What an outgoing reference of an object is, for retainer paths.
#[derive(Debug, Clone, Copy)]
pub enum Edge<'a> {
    Proto,
    Prop(&'a PropKey),
    Getter(&'a PropKey),
    Setter(&'a PropKey),
    Element(usize),
    /// A closure's context.
    Context,
    /// A context's variable.
    Var(&'a str),
    ParentContext,
    Internal(&'static str),
    MapKey,
    MapValue,
    Listener(&'a str),
    Child(usize),
    Parent,
}

/// Whether a reference keeps its target alive in a full collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Strong,
    /// WeakRef targets, WeakSet members, FinalizationRegistry targets and tokens.
    Weak,
    /// A WeakMap value: alive only while `key` is.
    Ephemeron(ObjRef),
}

impl Vm {
    /// Bytes of every object in the heap (self sizes).
    pub fn heap_used(&self) -> u64 {
        (0..self.heap.objs.len() as u32)
            .map(|i| self.heap.size_of(i))
            .sum()
    }

    /// Serves a pending collection request.
    pub fn collect_pending(&mut self) -> Res<()> {
        if let Some(k) = self.gc_pending.take() {
            self.collect(k);
            if k == GcKind::Full {
                let live = self.heap_used();
                if live > self.max_heap_bytes {
                    return Err(Throw::Limit(format!(
                        "JavaScript heap out of memory ({live} bytes live, limit {})",
                        self.max_heap_bytes
                    )));
                }
            }
        }
        Ok(())
    }

    fn push_value(v: &Value, out: &mut Vec<ObjRef>) {
        if let Value::Obj(o) = v {
            out.push(*o);
        }
    }

    /// Every root reference.
    pub fn roots(&self) -> Vec<ObjRef> {
        let mut r = vec![self.realm.global];
        r.extend(self.realm.intrinsics());
        for (_, v) in &self.script_scope {
            Self::push_value(v, &mut r);
        }
        for f in &self.frames {
            f.for_each_obj(|o| r.push(o));
        }
        let jobs = self
            .events
            .ticks
            .iter()
            .chain(self.events.micro.iter())
            .chain(self.events.tasks.iter().map(|(j, _, _)| j));
        for j in jobs {
            match j {
                Job::Reaction {
                    handler,
                    arg,
                    target,
                    ..
                } => {
                    Self::push_value(handler, &mut r);
                    Self::push_value(arg, &mut r);
                    match target {
                        ReactionTarget::Promise(p) => r.extend(*p),
                        ReactionTarget::Async(a) => r.push(*a),
                    }
                }
                Job::Thenable {
                    promise,
                    thenable,
                    then,
                } => {
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
            r.extend(t.handle);
        }
        r.extend(self.template_cache.values().copied());
        r.extend(self.dom.roots());
        for (stream, write) in self.console.streams.iter().flatten() {
            r.extend([*stream, *write]);
        }
        for (_, l, _) in &self.process_listeners {
            Self::push_value(l, &mut r);
        }
        r.extend(self.kept_alive.iter().copied());
        r.extend(self.temp_roots.iter().copied());
        r
    }

    /// Calls `f` for every outgoing reference of `o`.
    pub fn for_each_edge<'a>(&'a self, o: ObjRef, mut f: impl FnMut(Edge<'a>, Strength, ObjRef)) {
        use Strength::{Strong, Weak};
        let Some(obj) = self.heap.get(o) else { return };
        if let Some(p) = obj.proto {
            f(Edge::Proto, Strong, p);
        }
        for (k, p) in &obj.props {
            match &p.v {
                PropVal::Data(Value::Obj(v)) => f(Edge::Prop(k), Strong, *v),
                PropVal::Data(_) => {}
                PropVal::Accessor(g, s) => {
                    if let Some(g) = g {
                        f(Edge::Getter(k), Strong, *g);
                    }
                    if let Some(s) = s {
                        f(Edge::Setter(k), Strong, *s);
                    }
                }
            }
        }
        let val = |e: Edge<'a>, v: &Value, f: &mut dyn FnMut(Edge<'a>, Strength, ObjRef)| {
            if let Value::Obj(x) = v {
                f(e, Strong, *x);
            }
        };
        match &obj.kind {
            Kind::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| val(Edge::Element(i), v, &mut f)),
            Kind::Function(c) => {
                if let Some(e) = c.env {
                    f(Edge::Context, Strong, e);
                }
                if let Some(h) = c.home {
                    f(Edge::Internal("home object"), Strong, h);
                }
                if let Some(i) = c.field_init {
                    f(Edge::Internal("field initializer"), Strong, i);
                }
            }
            Kind::Native(n) => n
                .slots
                .iter()
                .for_each(|v| val(Edge::Internal("bound value"), v, &mut f)),
            Kind::Bound(b) => {
                f(Edge::Internal("bound target"), Strong, b.0);
                val(Edge::Internal("bound this"), &b.1, &mut f);
                b.2.iter()
                    .for_each(|v| val(Edge::Internal("bound argument"), v, &mut f));
            }
            Kind::Boxed(v) => val(Edge::Internal("primitive value"), v, &mut f),
            Kind::Map(t) | Kind::Set(t) => {
                for (k, v) in t.entries.iter().flatten() {
                    val(Edge::MapKey, k, &mut f);
                    val(Edge::MapValue, v, &mut f);
                }
            }
            Kind::WeakMap(m) => {
                for (k, v) in m {
                    let Value::Obj(x) = v else { continue };
                    match k.obj() {
                        Some(ko) => {
                            f(Edge::MapKey, Weak, ko);
                            f(Edge::MapValue, Strength::Ephemeron(ko), *x);
                        }
                        None => f(Edge::MapValue, Strong, *x),
                    }
                }
            }
            Kind::WeakSet(s) => s
                .iter()
                .filter_map(|k| k.obj())
                .for_each(|k| f(Edge::MapKey, Weak, k)),
            Kind::WeakRef(t) => {
                if let Some(t) = t.and_then(|t| t.obj()) {
                    f(Edge::Internal("target"), Weak, t);
                }
            }
            Kind::FinReg(r) => {
                val(Edge::Internal("cleanup callback"), &r.cleanup, &mut f);
                for (t, h, tok) in &r.cells {
                    if let Some(t) = t.obj() {
                        f(Edge::Internal("target"), Weak, t);
                    }
                    if let Some(tok) = tok.and_then(|t| t.obj()) {
                        f(Edge::Internal("unregister token"), Weak, tok);
                    }
                    val(Edge::Internal("held value"), h, &mut f);
                }
            }
            Kind::Promise(d) => {
                val(Edge::Internal("result"), &d.value, &mut f);
                for r in &d.reactions {
                    val(Edge::Internal("reaction"), &r.on_ful, &mut f);
                    val(Edge::Internal("reaction"), &r.on_rej, &mut f);
                    match r.target {
                        ReactionTarget::Promise(Some(p)) => {
                            f(Edge::Internal("derived promise"), Strong, p)
                        }
                        ReactionTarget::Promise(None) => {}
                        ReactionTarget::Async(a) => {
                            f(Edge::Internal("suspended async function"), Strong, a)
                        }
                    }
                }
            }
            Kind::Proxy(p) => {
                if let Some(t) = p.target {
                    f(Edge::Internal("target"), Strong, t);
                }
                if let Some(h) = p.handler {
                    f(Edge::Internal("handler"), Strong, h);
                }
            }
            Kind::Generator(g) => {
                if let Some(p) = g.promise {
                    f(Edge::Internal("promise"), Strong, p);
                }
                if let Some(q) = &g.requests {
                    q.iter()
                        .for_each(|(_, p)| f(Edge::Internal("request promise"), Strong, *p));
                }
                if let Some(fr) = &g.frame {
                    fr.for_each_obj(|x| f(Edge::Internal("suspended frame"), Strong, x));
                }
            }
            Kind::Context(c) => {
                for (i, v) in c.slots.iter().enumerate() {
                    let name = c.names.get(i).map(|n| &**n).unwrap_or("");
                    val(Edge::Var(name), v, &mut f);
                }
                if let Some(p) = c.parent {
                    f(Edge::ParentContext, Strong, p);
                }
            }
            Kind::Iter(d) => match &**d {
                crate::heap::IterData::Array { obj, .. }
                | crate::heap::IterData::Table { obj, .. } => {
                    f(Edge::Internal("iterated object"), Strong, *obj)
                }
                crate::heap::IterData::List { items, .. } => items
                    .iter()
                    .for_each(|v| val(Edge::Internal("item"), v, &mut f)),
                crate::heap::IterData::RegExp { re, .. } => {
                    f(Edge::Internal("regexp"), Strong, *re)
                }
                crate::heap::IterData::Str { .. } => {}
            },
            Kind::Dom(n) => n.for_each_edge(&mut f),
            Kind::Host(h) => h.for_each_edge(&mut f),
            Kind::Arguments(a) => {
                if let Some(c) = a.ctx {
                    f(Edge::Context, Strong, c);
                }
            }
            Kind::TypedArray(t) => f(Edge::Internal("buffer"), Strong, t.buffer),
            Kind::Builtin(b) => b.for_each_edge(&mut f),
            Kind::Ordinary
            | Kind::Error(_)
            | Kind::Date(_)
            | Kind::RegExp(_)
            | Kind::ArrayBuffer(_) => {}
        }
    }

    /// Full marking from the roots with weak references and ephemerons honoured.
    fn mark_full(&self) -> Vec<bool> {
        let n = self.heap.objs.len();
        let mut marked = vec![false; n];
        let mut stack = self.roots();
        let mut ephemerons: Vec<(ObjRef, ObjRef)> = Vec::new();
        loop {
            while let Some(o) = stack.pop() {
                let i = o as usize;
                if i >= n || marked[i] || self.heap.get(o).is_none() {
                    continue;
                }
                marked[i] = true;
                self.for_each_edge(o, |_, s, t| match s {
                    Strength::Strong => stack.push(t),
                    Strength::Weak => {}
                    Strength::Ephemeron(k) => ephemerons.push((k, t)),
                });
            }
            ephemerons.retain(|(k, v)| {
                if marked.get(*k as usize).copied().unwrap_or(false) {
                    stack.push(*v);
                    false
                } else {
                    true
                }
            });
            if stack.is_empty() {
                break;
            }
        }
        marked
    }

    /// Scavenger marking: young objects reachable from the roots or from remembered old
    /// objects, through young objects only. Weak references count as strong.
    fn mark_young(&self) -> Vec<bool> {
        let n = self.heap.objs.len();
        let mut marked = vec![false; n];
        let mut stack = Vec::new();
        let young = |o: ObjRef| self.heap.get(o).is_some_and(|x| x.meta.space == Space::New);
        for r in self.roots() {
            if young(r) {
                stack.push(r);
            } else {
                self.for_each_edge(r, |_, _, t| stack.push(t));
            }
        }
        for r in &self.heap.remembered {
            self.for_each_edge(*r, |_, _, t| stack.push(t));
        }
        while let Some(o) = stack.pop() {
            let i = o as usize;
            if i >= n || marked[i] || !young(o) {
                continue;
            }
            marked[i] = true;
            self.for_each_edge(o, |_, _, t| stack.push(t));
        }
        marked
    }

    /// Runs one collection.
    pub fn collect(&mut self, kind: GcKind) {
        let full = kind == GcKind::Full;
        let name = if full { "mark-compact" } else { "scavenge" };
        if self.trace.enabled {
            self.trace_gc_start(name);
        }
        let marked = if full {
            self.mark_full()
        } else {
            self.mark_young()
        };
        let mut collected = 0;
        let mut freed_bytes = 0;
        let mut promoted_list = Vec::new();
        let mut dead = Vec::new();
        for (i, &live) in marked.iter().enumerate() {
            let Some(obj) = &self.heap.objs[i] else {
                continue;
            };
            let young = obj.meta.space == Space::New;
            if !full && !young {
                continue;
            }
            if live {
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
                        promoted_list.push(i as ObjRef);
                    }
                }
                continue;
            }
            dead.push(i as ObjRef);
        }
        for d in &dead {
            let size = self.heap.size_of(*d);
            if self.trace.enabled {
                self.trace_free(*d, size);
            }
            collected += 1;
            freed_bytes += size;
        }
        if self.trace.enabled {
            for p in &promoted_list {
                self.trace_move(*p);
            }
        }
        for d in &dead {
            self.heap.objs[*d as usize] = None;
            self.heap.free.push(*d);
        }
        if full {
            self.clear_weak(&marked);
        }
        self.rebuild_remembered(&promoted_list, full);
        self.heap.young_used = 0;
        let old = self.old_space_used();
        if full {
            self.heap.old_limit = (2 * old).max(OLD_SPACE_INITIAL_LIMIT);
        } else if old > self.heap.old_limit {
            self.gc_pending = Some(GcKind::Full);
        }
        let used = self.heap_used();
        self.heap.peak_bytes = self.heap.peak_bytes.max(used + freed_bytes);
        if self.trace.enabled {
            self.trace_gc_end(name, collected, promoted_list.len() as u64, freed_bytes);
        }
    }

    fn old_space_used(&self) -> u64 {
        (0..self.heap.objs.len() as u32)
            .filter(|i| {
                self.heap
                    .get(*i)
                    .is_some_and(|o| o.meta.space != Space::New)
            })
            .map(|i| self.heap.size_of(i))
            .sum()
    }

    /// The remembered set after a collection: old objects (kept or just promoted) that
    /// still point into new space.
    fn rebuild_remembered(&mut self, promoted: &[ObjRef], full: bool) {
        let mut candidates = std::mem::take(&mut self.heap.remembered);
        candidates.extend_from_slice(promoted);
        let mut keep = Vec::new();
        for c in candidates {
            let Some(o) = self.heap.objs.get_mut(c as usize).and_then(|x| x.as_mut()) else {
                continue;
            };
            o.meta.remembered = false;
            if full {
                continue;
            }
            let mut young_child = false;
            self.for_each_edge(c, |_, _, t| {
                young_child |= self.heap.get(t).is_some_and(|x| x.meta.space == Space::New)
            });
            if young_child {
                keep.push(c);
            }
        }
        for k in &keep {
            if let Some(o) = self.heap.objs.get_mut(*k as usize).and_then(|x| x.as_mut()) {
                o.meta.remembered = true;
            }
        }
        self.heap.remembered = keep;
    }

    /// Full GC: clears weak references to dead objects and schedules finalizers.
    fn clear_weak(&mut self, marked: &[bool]) {
        let dead = |k: crate::heap::WeakKey| {
            k.obj()
                .is_some_and(|o| !marked.get(o as usize).copied().unwrap_or(false))
        };
        let mut callbacks = Vec::new();
        let mut cleared = Vec::new();
        for i in 0..self.heap.objs.len() {
            let Some(obj) = self.heap.objs[i].as_mut() else {
                continue;
            };
            // Only weak containers are written (a write copies a built-in's contents).
            if !matches!(
                obj.kind,
                Kind::WeakRef(_) | Kind::WeakMap(_) | Kind::WeakSet(_) | Kind::FinReg(_)
            ) {
                continue;
            }
            let id = obj.meta.id;
            match &mut obj.kind {
                Kind::WeakRef(t) if t.is_some_and(dead) => {
                    *t = None;
                    cleared.push(id);
                }
                Kind::WeakMap(m) => m.retain(|k, _| !dead(*k)),
                Kind::WeakSet(s) => s.retain(|k| !dead(*k)),
                Kind::FinReg(f) => {
                    let cleanup = f.cleanup.clone();
                    let mut keep = Vec::new();
                    for cell in f.cells.drain(..) {
                        if dead(cell.0) {
                            callbacks.push((cleanup.clone(), cell.1.clone(), id));
                        } else {
                            keep.push(cell);
                        }
                    }
                    f.cells = keep;
                }
                _ => {}
            }
        }
        if self.trace.enabled {
            for id in cleared {
                self.trace_weak_cleared(id);
            }
        }
        for (f, held, _) in callbacks {
            self.events.tasks.push_back((
                Job::Call {
                    f,
                    this: Value::Undefined,
                    args: vec![held],
                },
                "FinalizationRegistry cleanup",
                0,
            ));
        }
    }
}
