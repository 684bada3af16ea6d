//! The trace recorder: executed lines as steps, and after each step a snapshot of the
//! frames and of the objects a reader can see from them, drawn like Python Tutor's heap.
//!
//! Each step is closed when the next one starts (a line of any user frame, or the return
//! to a caller, which continues the caller's line in a step of its own). Closing a step
//! compares its snapshot with the previous one: references gained and lost by variables,
//! attributes and container items become events with the reference count they leave (the
//! count `sys.getrefcount(x) - 1` reports once the step is over). An allocation becomes
//! an event once the object is seen (or freed while still a temporary); built-in
//! machinery (bound built-ins, iterators, cells, class-creation namespaces) and what the
//! interpreter allocated before the first line never appear. Module teardown is recorded
//! as a separate exit step (line 0) after the final snapshot.
//!
//! Recording costs nothing but a flag test when tracing is off. It never runs Python
//! code: labels come from built-in reprs only. Past [`MAX_DETAILED_STEPS`] steps only
//! totals are kept, so long loops stay cheap.

use std::collections::{HashMap, HashSet};

use crate::heap::sflags;
use crate::interp::frame::Frame;
use crate::interp::Vm;
use crate::objects::{Attrs, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use gen_trace::record::{
    fill_counts, order_step, ref_changes, Gap, SnapshotBudget, MAX_DETAILED_STEPS, TAIL_EVENTS,
};
use gen_trace::{Event, EventKind, HeapObject, Snapshot, Step, Trace};

const MAX_SNAPSHOT_OBJECTS: usize = 120;
/// Counts at or above this belong to immortal objects (shown without a count).
const IMMORTAL_RC: u32 = 1 << 29;

/// Encoded variables of one frame as of its last executed line.
#[derive(Debug, Clone, Default)]
pub struct FrameView {
    pub name: String,
    pub vars: Vec<(String, Value)>,
    /// A frame of the snippet's own code (frames of library code are not drawn).
    pub user: bool,
    /// The line the frame is at.
    pub line: u32,
    /// Module and class bodies: the namespace dict, read afresh at each snapshot.
    pub namespace: Option<ObjRef>,
}

/// A user allocation not yet shown: it becomes an event once a snapshot contains it.
#[derive(Debug, Clone)]
struct Pending {
    r: ObjRef,
    serial: u32,
    step: u32,
    line: u32,
    type_name: String,
    size: u64,
}

#[derive(Debug, Default)]
pub struct Recorder {
    pub enabled: bool,
    pub trace: Trace,
    pub step: u32,
    pub line: u32,
    pub max_events: u32,
    pub source_lines: Vec<String>,
    /// Frames by depth (module first), refreshed at each line of each frame.
    pub frames: Vec<FrameView>,
    /// Slots allocated before the snippet started (built-ins, modules, its constants).
    pub first_user_serial: u32,
    /// A step is under way (`step`, `line`).
    open: bool,
    /// The open step continues a caller's line after a return: dropped if nothing
    /// happened in it.
    continuation: bool,
    /// The open step is the exit phase (module teardown).
    exiting: bool,
    /// Depth of the frame the open step runs in.
    step_depth: usize,
    /// Events of the open step, in order, before reference changes are added.
    step_events: Vec<EventKind>,
    pending: Vec<Pending>,
    /// Objects shown to the reader (serial → slot), alive.
    known: HashMap<u32, ObjRef>,
    /// Objects freed in the open step that the reader had seen, as last drawn.
    freed_now: Vec<HeapObject>,
    /// Serials never to show (class-creation machinery).
    hidden: HashSet<u32>,
    /// The previous step's snapshot.
    prev: Option<Snapshot>,
    budget: SnapshotBudget,
    /// Bytes freed since the current collection started.
    gc_freed: u64,
    live_bytes: u64,
    /// Closing the program's last step: detailed even past the budget.
    final_close: bool,
    /// Steps from this one on are detailed again (the end of a long run).
    detail_from: u32,
    /// The steps only counted so far.
    gap: Gap,
}

impl Recorder {
    /// Starts recording a new run of `src`.
    pub fn begin(&mut self, options: &gen_trace::RunOptions, src: &str) {
        let limits = &options.limits;
        *self = Recorder {
            enabled: options.trace,
            detail_from: options.detail_from.unwrap_or(u32::MAX),
            max_events: limits.max_events,
            source_lines: src.lines().map(|s| s.to_string()).collect(),
            budget: SnapshotBudget::new(limits.max_snapshots),
            ..Recorder::default()
        };
    }

    fn detailed(&self) -> bool {
        self.step <= MAX_DETAILED_STEPS || self.step >= self.detail_from || self.final_close
    }
}

impl Vm {
    fn obj_id(&self, r: ObjRef) -> u64 {
        self.heap.get(r).serial as u64
    }

    /// Allocated by the snippet (not before it started, not by standard-library
    /// internals) and a kind of object a reader thinks of as data.
    fn is_user_object(&self, r: ObjRef) -> bool {
        let s = self.heap.get(r);
        s.serial >= self.trace.first_user_serial
            && s.flags & sflags::INTERNAL == 0
            && !self.trace.hidden.contains(&s.serial)
            && !matches!(
                self.heap.kind(r),
                Kind::Code(_)
                    | Kind::MethodDescr(_)
                    | Kind::Sentinel
                    | Kind::Free
                    | Kind::Builtin(_)
                    | Kind::Method(..)
                    | Kind::Cell(_)
                    | Kind::Iter(_)
                    | Kind::Range(_)
                    | Kind::Slice(_)
                    | Kind::Str(_)
                    | Kind::BigInt(_)
                    | Kind::Float(_)
                    | Kind::Module(_)
                    | Kind::DictView(..)
                    | Kind::Super(..)
                    | Kind::MappingProxy(_)
                    | Kind::Member(..)
            )
    }

    /// The display name of an object's type.
    fn trace_type_name(&self, r: ObjRef) -> String {
        let ty = self.heap.ty(r);
        match self.heap.kind(r) {
            Kind::Iter(it) => it.type_name().to_string(),
            _ => self.type_name(ty),
        }
    }

    /// Never shows `r` (an object of the interpreter's own machinery, such as a class
    /// body's namespace).
    pub fn trace_hide(&mut self, v: Value) {
        if let Value::Obj(r) = v {
            if self.trace.enabled {
                let serial = self.heap.get(r).serial;
                self.trace.hidden.insert(serial);
                self.trace.pending.retain(|p| p.serial != serial);
            }
        }
    }

    fn push_step_event(&mut self, kind: EventKind) {
        if self.trace.open {
            self.trace.step_events.push(kind);
        }
    }

    pub fn trace_alloc(&mut self, r: ObjRef, size: u64) {
        if !self.trace.enabled || !self.trace.open || self.trace.exiting || !self.is_user_object(r)
        {
            return;
        }
        if !self.trace.detailed() {
            self.trace.trace.summary.allocations += 1;
            self.trace.gap.alloc();
            return;
        }
        let p = Pending {
            r,
            serial: self.heap.get(r).serial,
            step: self.trace.step,
            line: self.trace.line,
            type_name: self.trace_type_name(r),
            size,
        };
        self.trace.pending.push(p);
    }

    /// `r` is freed; `size` is what it measures now, after a collector may have cleared
    /// it: the events report the size it was last drawn with (or allocated with) instead
    /// when that is larger, the size it had while alive.
    pub fn trace_free(&mut self, r: ObjRef, size: u64) {
        if !self.trace.enabled {
            return;
        }
        let serial = self.heap.get(r).serial;
        if self.trace.known.remove(&serial).is_some() {
            let id = serial as u64;
            let last = self
                .trace
                .prev
                .as_ref()
                .and_then(|s| s.heap.iter().find(|o| o.id == id).cloned());
            let size = last.as_ref().map_or(size, |o| o.size.max(size));
            self.trace.gc_freed += size;
            self.trace.trace.summary.frees += u64::from(!self.trace.exiting);
            if !self.trace.detailed() {
                self.trace.gap.free();
            }
            self.trace.live_bytes = self.trace.live_bytes.saturating_sub(size);
            let mut drawn = last.unwrap_or_else(|| self.bare_object(r));
            drawn.freed = true;
            drawn.refcount = drawn.refcount.map(|_| 0);
            self.trace.freed_now.push(drawn);
            let type_name = self.trace_type_name(r);
            self.push_step_event(EventKind::Free {
                obj: id,
                type_name,
                size,
            });
        } else if let Some(i) = self.trace.pending.iter().position(|p| p.serial == serial) {
            // A temporary that was never drawn: its life is one allocation and one free.
            let p = self.trace.pending.swap_remove(i);
            let size = size.max(p.size);
            self.trace.gc_freed += size;
            if self.trace.exiting {
                return;
            }
            self.trace.trace.summary.allocations += 1;
            self.trace.trace.summary.frees += 1;
            let alloc = EventKind::Alloc {
                obj: serial as u64,
                type_name: p.type_name.clone(),
                size,
                space: None,
            };
            self.record_alloc(p.step, p.line, alloc);
            self.push_step_event(EventKind::Free {
                obj: serial as u64,
                type_name: p.type_name,
                size,
            });
        } else {
            self.trace.gc_freed += size;
            if !self.trace.detailed() && self.is_user_object(r) && !self.trace.exiting {
                self.trace.trace.summary.frees += 1;
                self.trace.gap.free();
            }
        }
    }

    /// An allocation event of an earlier or the current step.
    fn record_alloc(&mut self, step: u32, line: u32, kind: EventKind) {
        if step == self.trace.step {
            self.trace.step_events.push(kind);
            return;
        }
        let events = &mut self.trace.trace.events;
        if events.len() as u32 >= self.trace.max_events {
            self.trace.trace.elided_steps += 1;
            return;
        }
        let at = events.partition_point(|e| e.step <= step);
        events.insert(at, Event { step, line, kind });
    }

    pub fn trace_finalizer(&mut self, r: ObjRef) {
        if !self.trace.enabled || !self.trace.known.contains_key(&self.heap.get(r).serial) {
            return;
        }
        let obj = self.obj_id(r);
        self.push_step_event(EventKind::Finalizer {
            obj,
            what: "__del__".into(),
        });
    }

    pub fn trace_weak_cleared(&mut self, r: ObjRef, callback: bool) {
        if !self.trace.enabled || !self.trace.known.contains_key(&self.heap.get(r).serial) {
            return;
        }
        let obj = self.obj_id(r);
        self.push_step_event(EventKind::WeakCleared { obj, callback });
    }

    pub fn trace_gc_start(&mut self, generation: usize) {
        if !self.trace.enabled || !self.trace.open {
            return;
        }
        self.trace.gc_freed = 0;
        if !self.trace.exiting {
            self.trace.trace.summary.gc_runs += 1;
        }
        let reason = if self.trace.exiting {
            "interpreter exit"
        } else if self.gc.collecting {
            "gc.collect()"
        } else {
            "allocation threshold"
        };
        self.push_step_event(EventKind::GcStart {
            collector: format!("gen{generation}"),
            reason: reason.into(),
        });
    }

    pub fn trace_gc_end(&mut self, generation: usize, collected: u64, uncollectable: u64) {
        if !self.trace.enabled || !self.trace.open {
            return;
        }
        let freed_bytes = std::mem::take(&mut self.trace.gc_freed);
        self.push_step_event(EventKind::GcEnd {
            collector: format!("gen{generation}"),
            collected,
            uncollectable,
            promoted: 0,
            freed_bytes,
        });
    }

    pub fn trace_call(&mut self, _f: &Frame) {}

    /// `f` returns: its last step ends (its frame still drawn), and the caller's line
    /// continues in a step of its own.
    pub fn trace_return(&mut self, f: &Frame) {
        if !self.trace.enabled || !f.code.user || !self.trace.open {
            return;
        }
        let depth = (self.depth as usize).max(1);
        if self.trace.frames.len() >= depth {
            let line = self.trace.frames[depth - 1].line;
            self.trace.frames[depth - 1] = self.frame_view(f, line);
        }
        self.close_step();
        self.trace.frames.truncate(depth - 1);
        while self.trace.frames.last().is_some_and(|v| !v.user) {
            self.trace.frames.pop();
        }
        if let Some(caller) = self.trace.frames.last() {
            let line = caller.line;
            let depth = self.trace.frames.len();
            self.open_step(line, depth, true);
        }
    }

    pub fn trace_exception_handled(&mut self, _f: &Frame) {}

    /// A line of `f` starts: the step under way ends, a new one begins.
    pub fn trace_line(&mut self, f: &Frame, line: u32) {
        let depth = (self.depth as usize).max(1);
        let view = self.frame_view(f, line);
        self.trace.frames.truncate(depth);
        while self.trace.frames.len() < depth {
            self.trace.frames.push(FrameView::default());
        }
        self.trace.frames[depth - 1] = view;
        if self.trace.open {
            self.close_step();
        }
        self.open_step(line, depth, false);
    }

    fn open_step(&mut self, line: u32, depth: usize, continuation: bool) {
        let r = &mut self.trace;
        r.step += 1;
        r.line = line;
        r.open = true;
        r.continuation = continuation;
        r.step_depth = depth;
        if !r.detailed() {
            r.trace.elided_steps += 1;
            r.gap.step(r.step, line);
        } else if r.step == r.detail_from && r.step > MAX_DETAILED_STEPS {
            self.resume_detail();
        }
    }

    /// The end of a long run is detailed again: the counted steps become one note, and
    /// the state now is what the next step's changes are measured from.
    fn resume_detail(&mut self) {
        if let Some(note) = self.trace.gap.take_note() {
            self.trace.trace.events.push(note);
        }
        let r = &mut self.trace;
        r.max_events = r.max_events.max(r.trace.events.len() as u32 + TAIL_EVENTS);
        let (snapshot, slots) = self.snapshot();
        for (id, r) in slots {
            self.trace.known.entry(id as u32).or_insert(r);
        }
        self.trace.prev = Some(snapshot);
    }

    /// The program's last line has run (or raised): its step ends with the final
    /// snapshot, and what follows (module teardown) is the exit step.
    pub fn trace_end_program(&mut self) {
        if !self.trace.enabled {
            return;
        }
        if self.trace.open {
            if let Some(note) = self.trace.gap.take_note() {
                self.trace.trace.events.push(note);
            }
            self.trace.final_close = true;
            self.close_step();
            self.trace.final_close = false;
        }
        self.trace.frames.clear();
        self.trace.exiting = true;
        self.open_step(0, 0, false);
    }

    /// Teardown is over: its events form the exit step; the trace is complete.
    pub fn trace_finish(&mut self) {
        if !self.trace.enabled {
            return;
        }
        let r = &mut self.trace;
        let events = std::mem::take(&mut r.step_events);
        if !events.is_empty() && r.trace.events.len() < r.max_events as usize {
            r.trace.steps.push(Step {
                step: r.step,
                line: 0,
                source: "(interpreter exit)".into(),
            });
            let (step, line) = (r.step, 0);
            r.trace
                .events
                .extend(events.into_iter().map(|kind| Event { step, line, kind }));
        }
        r.open = false;
        r.trace.total_steps = r.step;
        r.trace.snapshots = std::mem::take(&mut r.budget).finish();
    }

    /// Ends the open step: snapshot, allocations seen, reference changes, events.
    fn close_step(&mut self) {
        self.trace.open = false;
        if !self.trace.detailed() {
            self.trace.freed_now.clear();
            for event in std::mem::take(&mut self.trace.step_events) {
                if let EventKind::GcStart { collector, .. } = event {
                    self.trace.gap.gc(&collector);
                }
            }
            self.commit_events();
            return;
        }
        let (snapshot, slots) = self.snapshot();
        let shown: HashMap<u64, u64> = snapshot
            .heap
            .iter()
            .filter(|o| !o.freed)
            .map(|o| (o.id, o.size))
            .collect();
        // Allocations now drawn for the first time.
        let pending = std::mem::take(&mut self.trace.pending);
        for p in pending {
            let id = p.serial as u64;
            match shown.get(&id) {
                Some(&size) => {
                    self.trace.known.insert(p.serial, p.r);
                    self.trace.trace.summary.allocations += 1;
                    self.trace.live_bytes += size;
                    let kind = EventKind::Alloc {
                        obj: id,
                        type_name: p.type_name.clone(),
                        size,
                        space: None,
                    };
                    self.record_alloc(p.step, p.line, kind);
                }
                None if self.heap.is_live(p.r) && self.heap.get(p.r).serial == p.serial => {
                    self.trace.pending.push(p)
                }
                None => {}
            }
        }
        // Objects drawn without an allocation event (made before the first line, or by
        // library code) are followed from now on too.
        for (id, r) in slots {
            self.trace.known.entry(id as u32).or_insert(r);
        }
        let empty = Snapshot {
            step: 0,
            line: 0,
            frames: Vec::new(),
            heap: Vec::new(),
            stdout: String::new(),
        };
        let before = self.trace.prev.take().unwrap_or(empty);
        let mut refs = ref_changes(&before, &snapshot, &HashSet::new());
        let counts: HashMap<u64, Option<u64>> =
            snapshot.heap.iter().map(|o| (o.id, o.refcount)).collect();
        let unchanged = self.trace.step_events.is_empty()
            && refs.is_empty()
            && before.frames == snapshot.frames
            && before.heap == snapshot.heap;
        if self.trace.continuation && unchanged {
            // Nothing happened after the return: no step of its own.
            self.trace.step -= 1;
            self.trace.prev = Some(before);
            return;
        }
        let events = std::mem::take(&mut self.trace.step_events);
        let mut ordered = order_step(events, std::mem::take(&mut refs));
        fill_counts(&mut ordered, |id| counts.get(&id).copied().flatten());
        let weight = ordered.len();
        self.trace.step_events = ordered;
        self.commit_events();
        let live: u64 = snapshot
            .heap
            .iter()
            .filter(|o| !o.freed)
            .map(|o| o.size)
            .sum();
        let peak = &mut self.trace.trace.summary.peak_bytes;
        *peak = (*peak).max(live).max(self.trace.live_bytes);
        self.trace.budget.offer(snapshot.clone(), weight);
        self.trace.prev = Some(snapshot);
    }

    /// Stores the open step (unless it is past the detail budget) and its events.
    fn commit_events(&mut self) {
        let r = &mut self.trace;
        let (step, line) = (r.step, r.line);
        if r.detailed() {
            let source = r
                .source_lines
                .get((line as usize).wrapping_sub(1))
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            r.trace.steps.push(Step { step, line, source });
        }
        for kind in std::mem::take(&mut r.step_events) {
            if r.trace.events.len() as u32 >= r.max_events {
                r.trace.elided_steps += 1;
                continue;
            }
            r.trace.events.push(Event { step, line, kind });
        }
    }

    fn frame_view(&self, f: &Frame, line: u32) -> FrameView {
        let unit = &f.code.unit;
        let is_namespace =
            unit.kind == crate::code::UnitKind::Module || unit.kind == crate::code::UnitKind::Class;
        let mut vars = Vec::new();
        let mut namespace = None;
        if is_namespace {
            namespace = Some(match f.locals {
                Value::Obj(d) => d,
                _ => f.globals,
            });
        } else {
            for (i, name) in unit.varnames.iter().enumerate() {
                let v = f.stack.get(i).copied().unwrap_or(Value::Null);
                if !v.is_null() {
                    vars.push((name.clone(), v));
                }
            }
            for (i, name) in unit.cellvars.iter().chain(unit.freevars.iter()).enumerate() {
                if let Some(c) = f.cells.get(i) {
                    if let Kind::Cell(v) = self.heap.kind(*c) {
                        if !v.is_null() {
                            vars.push((name.clone(), *v));
                        }
                    }
                }
            }
        }
        let name = if unit.kind == crate::code::UnitKind::Module {
            "<module>".to_string()
        } else {
            unit.name.clone()
        };
        FrameView {
            name,
            vars,
            user: f.code.user,
            line,
            namespace,
        }
    }

    /// The variables of a module or class namespace a reader cares about: no dunder
    /// names, no imported modules, no built-ins.
    fn namespace_vars(&self, ns: ObjRef) -> Vec<(String, Value)> {
        let mut vars = Vec::new();
        if !matches!(self.heap.kind(ns), Kind::Dict(_)) {
            return vars;
        }
        for (k, v) in self.dict_items(ns) {
            let Some(name) = self.as_str(k) else { continue };
            if name.starts_with("__") && name.ends_with("__") {
                continue;
            }
            if let Value::Obj(r) = v {
                if matches!(self.heap.kind(r), Kind::Module(_))
                    || self.heap.get(r).serial < self.trace.first_user_serial
                        && matches!(self.heap.kind(r), Kind::Builtin(_) | Kind::Type(_))
                {
                    continue;
                }
            }
            vars.push((name.to_string(), v));
        }
        vars
    }

    fn encode(&self, v: Value, heap_refs: &mut Vec<ObjRef>) -> gen_trace::Value {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) if self.heap.ty(r) == t::STR => {
                    gen_trace::Value::Prim(crate::format::repr::str_repr(&s.s))
                }
                Kind::BigInt(b) if self.heap.ty(r) == t::INT => {
                    gen_trace::Value::Prim(b.to_string())
                }
                Kind::Float(x) if self.heap.ty(r) == t::FLOAT => {
                    gen_trace::Value::Prim(crate::format::float::repr(*x))
                }
                _ if r == self.not_implemented => gen_trace::Value::Prim("NotImplemented".into()),
                _ => {
                    heap_refs.push(r);
                    gen_trace::Value::Ref(self.obj_id(r))
                }
            },
            Value::None | Value::Null => gen_trace::Value::Prim("None".into()),
            Value::Bool(b) => gen_trace::Value::Prim(if b { "True" } else { "False" }.into()),
            Value::Int(i, _) => gen_trace::Value::Prim(i.to_string()),
            Value::Float(f, _) => gen_trace::Value::Prim(crate::format::float::repr(f)),
        }
    }

    /// A short label that runs no Python code.
    fn safe_label(&self, r: ObjRef) -> String {
        let tn = self.trace_type_name(r);
        let items = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        match self.heap.kind(r) {
            Kind::List(l) => format!("list, {}", items(l.items.len(), "item")),
            Kind::Tuple(tp) => format!("tuple, {}", items(tp.len(), "item")),
            Kind::Dict(d) => format!("{tn}, {}", items(d.len(), "key")),
            Kind::Set(s) => format!("{tn}, {}", items(s.len(), "item")),
            Kind::Function(f) => format!("function {}", self.as_str(f.qualname).unwrap_or("?")),
            Kind::Type(tt) => format!("class {}", tt.name),
            Kind::Generator(g) => format!("generator {}", self.as_str(g.qualname).unwrap_or("?")),
            Kind::ByteArray(b) => format!("bytearray, {}", items(b.data.len(), "byte")),
            Kind::Bytes(b) => format!("bytes, {}", items(b.len(), "byte")),
            Kind::MemoryView(m) => format!("memoryview, {}", items(m.len, "byte")),
            Kind::WeakRef(w) => {
                if w.target.is_some() {
                    "weakref (live)".into()
                } else {
                    "weakref (dead)".into()
                }
            }
            Kind::Exception(_) => format!("{tn} exception"),
            Kind::Object => format!("{tn} instance"),
            _ => tn,
        }
    }

    fn heap_object(&self, r: ObjRef, queue: &mut Vec<ObjRef>) -> HeapObject {
        let mut fields = Vec::new();
        match self.heap.kind(r) {
            Kind::List(l) => {
                for (i, v) in l.items.iter().enumerate().take(50) {
                    fields.push((i.to_string(), self.encode(*v, queue)));
                }
            }
            Kind::Tuple(tp) => {
                for (i, v) in tp.iter().enumerate().take(50) {
                    fields.push((i.to_string(), self.encode(*v, queue)));
                }
            }
            Kind::Dict(d) => {
                for e in d.iter().take(50) {
                    let key = match self.encode(e.key, &mut Vec::new()) {
                        gen_trace::Value::Prim(s) => s,
                        gen_trace::Value::Ref(id) => format!("#{id}"),
                    };
                    fields.push((key, self.encode(e.value, queue)));
                }
            }
            Kind::Set(s) => {
                for e in s.iter().take(50) {
                    fields.push((String::new(), self.encode(e.key, queue)));
                }
            }
            Kind::Type(tt) if tt.is_heap() => {
                // Methods and class attributes; dunder entries only when they are methods.
                for (k, v) in self.dict_items(tt.dict).into_iter().take(50) {
                    let Some(name) = self.as_str(k) else { continue };
                    let method = matches!(v, Value::Obj(f) if matches!(self.heap.kind(f), Kind::Function(_)));
                    if name.starts_with("__") && name.ends_with("__") && !method {
                        continue;
                    }
                    fields.push((name.to_string(), self.encode(v, queue)));
                }
            }
            Kind::Cell(v) => fields.push(("cell_contents".into(), self.encode(*v, queue))),
            Kind::Method(f, s) => {
                fields.push(("__func__".into(), self.encode(*f, queue)));
                fields.push(("__self__".into(), self.encode(*s, queue)));
            }
            Kind::WeakRef(w) => {
                if let Some(tg) = w.target {
                    fields.push(("(weak)".into(), gen_trace::Value::Ref(self.obj_id(tg))));
                }
            }
            Kind::MemoryView(m) => fields.push(("obj".into(), self.encode(m.obj, queue))),
            Kind::Generator(g) => {
                if let Some(fr) = &g.frame {
                    for (i, name) in fr.code.unit.varnames.iter().enumerate() {
                        if let Some(v) = fr.stack.get(i) {
                            if !v.is_null() {
                                fields.push((name.clone(), self.encode(*v, queue)));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some(ext) = &self.heap.get(r).ext {
            match &ext.attrs {
                Attrs::Values(vals) => {
                    for (k, v) in vals {
                        fields.push((self.str_of(*k).to_string(), self.encode(*v, queue)));
                    }
                }
                Attrs::Dict(d) if !matches!(self.heap.kind(r), Kind::Type(_)) => {
                    for (k, v) in self.dict_items(*d) {
                        fields.push((
                            self.as_str(k).unwrap_or("?").to_string(),
                            self.encode(v, queue),
                        ));
                    }
                }
                Attrs::Dict(_) | Attrs::None => {}
            }
            if let Kind::Type(tt) = self.heap.kind(self.heap.ty(r)) {
                for (i, s) in tt.slot_names.iter().enumerate() {
                    if let Some(v) = ext.slots.get(i) {
                        if !v.is_null() {
                            fields.push((self.str_of(*s).to_string(), self.encode(*v, queue)));
                        }
                    }
                }
            }
        }
        let rc = self.heap.get(r).rc;
        let counted = rc < IMMORTAL_RC && !matches!(self.heap.kind(r), Kind::Type(_));
        HeapObject {
            id: self.obj_id(r),
            type_name: self.trace_type_name(r),
            label: self.safe_label(r),
            size: self.sizeof_obj(r),
            refcount: counted.then_some(rc as u64),
            space: None,
            age: None,
            fields,
            freed: false,
        }
    }

    /// An object as drawn when nothing else is known of it (freed before any snapshot).
    fn bare_object(&self, r: ObjRef) -> HeapObject {
        HeapObject {
            id: self.obj_id(r),
            type_name: self.trace_type_name(r),
            label: self.safe_label(r),
            size: self.sizeof_obj(r),
            refcount: Some(0),
            space: None,
            age: None,
            fields: Vec::new(),
            freed: true,
        }
    }

    /// The current frames and the objects reachable from them, then the objects the
    /// reader has seen that are alive but unreachable (a cycle waiting for the
    /// collector), then those freed in this step; with each drawn object's slot.
    fn snapshot(&mut self) -> (Snapshot, HashMap<u64, ObjRef>) {
        let mut queue: Vec<ObjRef> = Vec::new();
        let mut frames = Vec::new();
        let views = self.trace.frames.clone();
        for fv in views.iter().filter(|v| v.user) {
            let vars = match fv.namespace {
                Some(ns) => self.namespace_vars(ns),
                None => fv.vars.clone(),
            };
            let vars = vars
                .iter()
                .filter(|(_, v)| !matches!(v, Value::Obj(r) if !self.heap.is_live(*r)))
                .map(|(n, v)| (n.clone(), self.encode(*v, &mut queue)))
                .collect();
            frames.push(gen_trace::Frame {
                name: fv.name.clone(),
                vars,
            });
        }
        let mut heap = Vec::new();
        let mut slots = HashMap::new();
        let mut i = 0;
        let mut extra: Vec<ObjRef> = {
            let mut known: Vec<(u32, ObjRef)> =
                self.trace.known.iter().map(|(s, r)| (*s, *r)).collect();
            known.sort_unstable();
            known
                .into_iter()
                .filter(|(s, r)| self.heap.is_live(*r) && self.heap.get(*r).serial == *s)
                .map(|(_, r)| r)
                .collect()
        };
        extra.reverse();
        loop {
            if i == queue.len() {
                match extra.pop() {
                    Some(r) => queue.push(r),
                    None => break,
                }
            }
            let r = queue[i];
            i += 1;
            if heap.len() >= MAX_SNAPSHOT_OBJECTS {
                break;
            }
            let id = self.obj_id(r);
            if !self.heap.is_live(r) || slots.contains_key(&id) {
                continue;
            }
            if matches!(self.heap.kind(r), Kind::Module(_) | Kind::Code(_)) {
                continue;
            }
            slots.insert(id, r);
            let obj = self.heap_object(r, &mut queue);
            heap.push(obj);
        }
        heap.extend(std::mem::take(&mut self.trace.freed_now));
        let snapshot = Snapshot {
            step: self.trace.step,
            line: self.trace.line,
            frames,
            heap,
            stdout: self.stdout.clone(),
        };
        (snapshot, slots)
    }
}
