//! Records the trace of a run for gen's panels: executed lines as steps, and after each
//! step a snapshot of the scopes (frame locals and the closure contexts they created) and
//! of the user objects reachable from them, with primitive properties, array elements,
//! map entries and closure contexts, each object's space and age.
//!
//! Comparing consecutive snapshots names the references gained and lost (see
//! `gen_trace::record`). An allocation becomes an event once the object is drawn (with
//! the size drawn), or when it dies still a temporary. Collections report, per run, how
//! many of the reader's objects they freed and promoted and why they ran (`gc()`, a full
//! new space, the old-space limit). What the runtime did before the first line (the
//! CommonJS wrapper, its startup scavenge) is not recorded, and the wrapper's parameters
//! (`exports`, `require`, `module`, `__filename`, `__dirname`) are not drawn.

use std::collections::{HashMap, HashSet};

use crate::heap::{Kind, PropVal};
use crate::interp::Vm;
use crate::value::{ObjRef, Value};
use gen_trace::record::{
    order_step, ref_changes, Gap, SnapshotBudget, MAX_DETAILED_STEPS, TAIL_EVENTS,
};
use gen_trace::{Event, EventKind, Frame, HeapObject, Snapshot, Space, Step, Trace};

/// Objects drawn in one snapshot at most.
const MAX_SNAPSHOT_OBJECTS: usize = 120;
/// Fields drawn per object at most.
const MAX_FIELDS: usize = 50;
/// The CommonJS wrapper's parameters: the runtime's, not the snippet's.
const WRAPPER_NAMES: [&str; 5] = ["exports", "require", "module", "__filename", "__dirname"];

/// A user allocation not drawn yet.
#[derive(Debug, Clone)]
struct Pending {
    r: ObjRef,
    id: u64,
    step: u32,
    line: u32,
    space: Space,
}

/// The trace being recorded.
#[derive(Clone, Debug, Default)]
pub struct Recorder {
    pub enabled: bool,
    pub trace: Trace,
    pub step: u32,
    pub line: u32,
    pub max_events: u32,
    pub source_lines: Vec<String>,
    pub builtin_ids: u64,
    /// Ids below this were allocated before the first line (the runtime's).
    user_from: u64,
    /// Why the next collection runs, when something other than allocation asked for it.
    pub gc_reason: Option<&'static str>,
    open: bool,
    step_events: Vec<EventKind>,
    pending: Vec<Pending>,
    /// Objects drawn for the reader (id → slot), alive.
    known: HashMap<u64, ObjRef>,
    freed_now: Vec<HeapObject>,
    prev: Option<Snapshot>,
    budget: SnapshotBudget,
    /// The script's top-level bindings once it has run (drawn while callbacks run).
    script_vars: Vec<(String, Value, u64)>,
    /// The reader's objects freed and promoted by the collection under way.
    gc_collected: u64,
    gc_promoted: u64,
    gc_freed_bytes: u64,
    final_close: bool,
    /// The script's top level has returned (frames now are callbacks').
    script_done: bool,
    /// The contexts the script's frame created: its captured variables, read afresh.
    script_contexts: Vec<(ObjRef, u64)>,
    /// Events that belong to the next step (a task about to run its callback).
    next_events: Vec<EventKind>,
    /// Steps from this one on are detailed again (the end of a long run).
    detail_from: u32,
    /// The steps only counted so far.
    gap: Gap,
}

impl Recorder {
    /// Starts recording a run of `src`.
    pub fn begin(&mut self, options: &gen_trace::RunOptions, src: &str) {
        let builtin_ids = self.builtin_ids;
        *self = Recorder {
            enabled: options.trace,
            detail_from: options.detail_from.unwrap_or(u32::MAX),
            max_events: options.limits.max_events,
            source_lines: src.lines().map(|s| s.to_string()).collect(),
            budget: SnapshotBudget::new(options.limits.max_snapshots),
            builtin_ids,
            user_from: u64::MAX,
            ..Recorder::default()
        };
    }

    /// Ids at or below this belong to the runtime (built-in realm, the module wrapper).
    pub fn first_user_id(&self) -> u64 {
        if self.user_from == u64::MAX {
            self.builtin_ids
        } else {
            self.builtin_ids.max(self.user_from.saturating_sub(1))
        }
    }

    fn detailed(&self) -> bool {
        self.step <= MAX_DETAILED_STEPS || self.step >= self.detail_from || self.final_close
    }
}

impl Vm {
    fn obj_id(&self, o: ObjRef) -> u64 {
        self.heap.get(o).map(|x| x.meta.id).unwrap_or(0)
    }

    fn is_user(&self, o: ObjRef) -> bool {
        self.heap
            .get(o)
            .is_some_and(|x| x.meta.id > self.trace.first_user_id())
    }

    /// A page's own DOM node holding the reader's listeners: drawn as an object with
    /// them, so a listener's closure stays drawn as held while the node is (a node
    /// detached from the document but kept by a variable).
    fn holds_listeners(&self, o: ObjRef) -> bool {
        crate::dom::node::node(self, o).is_some_and(|n| {
            n.listeners
                .iter()
                .any(|l| matches!(l.callback, Value::Obj(f) if self.is_user(f)))
        })
    }

    /// Drawn in the heap graph: the reader's objects and DOM nodes holding them.
    fn is_drawn(&self, o: ObjRef) -> bool {
        self.is_user(o) || self.holds_listeners(o)
    }

    pub fn type_name(&self, o: ObjRef) -> String {
        match self.heap.kind(o) {
            Some(Kind::Array(_)) => "Array",
            Some(Kind::Function(_)) => "Closure",
            Some(Kind::Native(_) | Kind::Bound(_)) => "Function",
            Some(Kind::Context(_)) => "Context",
            Some(Kind::Map(_)) => "Map",
            Some(Kind::Set(_)) => "Set",
            Some(Kind::Promise(_)) => "Promise",
            Some(Kind::WeakRef(_)) => "WeakRef",
            Some(Kind::Dom(_)) => "HTMLElement",
            Some(Kind::Error(_)) => "Error",
            _ => "Object",
        }
        .to_string()
    }

    /// The name objects are numbered by: a class instance by its class, a host object
    /// (`MutationObserver`, `Date`) by its constructor.
    fn trace_type_name(&self, o: ObjRef) -> String {
        let name = self.type_name(o);
        if name != "Object" {
            return name;
        }
        crate::inspect::constructor_name(self, o)
            .filter(|n| !n.is_empty())
            .unwrap_or(name)
    }

    fn push_step_event(&mut self, kind: EventKind) {
        if self.trace.open {
            self.trace.step_events.push(kind);
        }
    }

    pub fn trace_alloc(&mut self, o: ObjRef) {
        if !self.trace.open {
            return;
        }
        if !self.trace.detailed() {
            self.trace.trace.summary.allocations += 1;
            self.trace.gap.alloc();
            return;
        }
        let Some(obj) = self.heap.get(o) else { return };
        let p = Pending {
            r: o,
            id: obj.meta.id,
            step: self.trace.step,
            line: self.trace.line,
            space: obj.meta.space,
        };
        self.trace.pending.push(p);
    }

    pub fn trace_free(&mut self, o: ObjRef, size: u64) {
        if !self.trace.open {
            return;
        }
        let id = self.obj_id(o);
        let type_name = self.trace_type_name(o);
        if self.trace.known.remove(&id).is_some() {
            self.trace.trace.summary.frees += 1;
            if !self.trace.detailed() {
                self.trace.gap.free();
            }
            self.count_collected(size);
            let mut drawn = self
                .trace
                .prev
                .as_ref()
                .and_then(|s| s.heap.iter().find(|x| x.id == id).cloned())
                .unwrap_or_else(|| self.heap_object(o, &mut Vec::new()));
            drawn.freed = true;
            self.trace.freed_now.push(drawn);
            self.push_step_event(EventKind::Free {
                obj: id,
                type_name,
                size,
            });
        } else if let Some(i) = self.trace.pending.iter().position(|p| p.id == id) {
            // A temporary never drawn: one allocation, one free.
            let p = self.trace.pending.swap_remove(i);
            self.trace.trace.summary.allocations += 1;
            self.trace.trace.summary.frees += 1;
            self.count_collected(size);
            let alloc = EventKind::Alloc {
                obj: id,
                type_name: type_name.clone(),
                size,
                space: Some(p.space),
            };
            self.record_alloc(p.step, p.line, alloc);
            self.push_step_event(EventKind::Free {
                obj: id,
                type_name,
                size,
            });
        } else if !self.trace.detailed() && self.is_user(o) {
            self.trace.trace.summary.frees += 1;
            self.trace.gap.free();
            self.count_collected(size);
        }
    }

    fn count_collected(&mut self, size: u64) {
        self.trace.gc_collected += 1;
        self.trace.gc_freed_bytes += size;
    }

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

    /// `o` was promoted to old space by the collection under way.
    pub fn trace_move(&mut self, o: ObjRef) {
        let id = self.obj_id(o);
        if self.trace.known.contains_key(&id) {
            self.trace.gc_promoted += 1;
        }
    }

    pub fn trace_weak_cleared(&mut self, id: u64) {
        if self.trace.known.contains_key(&id) {
            self.push_step_event(EventKind::WeakCleared {
                obj: id,
                callback: false,
            });
        }
    }

    pub fn trace_gc_start(&mut self, name: &str) {
        let asked = self.trace.gc_reason.take();
        if !self.trace.open {
            return;
        }
        self.trace.trace.summary.gc_runs += 1;
        self.trace.gc_collected = 0;
        self.trace.gc_promoted = 0;
        self.trace.gc_freed_bytes = 0;
        let reason = match (asked, name) {
            (Some(r), _) => r,
            (None, "scavenge") => "new space full",
            (None, _) => "old space limit",
        };
        self.push_step_event(EventKind::GcStart {
            collector: name.into(),
            reason: reason.into(),
        });
    }

    /// A collection ended: what it did to the reader's objects.
    pub fn trace_gc_end(&mut self, name: &str, _collected: u64, _promoted: u64, _freed: u64) {
        if !self.trace.open {
            return;
        }
        let r = &self.trace;
        let end = EventKind::GcEnd {
            collector: name.into(),
            collected: r.gc_collected,
            uncollectable: 0,
            promoted: r.gc_promoted,
            freed_bytes: r.gc_freed_bytes,
        };
        self.push_step_event(end);
    }

    /// A task starts: the step under way ends, and the task's event opens the step of
    /// the callback's first line (a new step even when that is the line that ran last).
    pub fn trace_task(&mut self, queue: &str, what: &str) {
        if self.trace.open {
            self.close_step();
        }
        self.trace.next_events.push(EventKind::Task {
            queue: queue.into(),
            what: what.into(),
        });
    }

    /// An instruction of `line` is about to run: a new line ends the step under way.
    pub fn trace_line(&mut self, line: u32) {
        if line == 0 || (line == self.trace.line && self.trace.next_events.is_empty()) {
            return;
        }
        if self.trace.user_from == u64::MAX {
            self.trace.user_from = self.heap.next_id;
        }
        if self.trace.open {
            self.close_step();
        }
        self.open_step(line);
    }

    fn open_step(&mut self, line: u32) {
        let r = &mut self.trace;
        r.step += 1;
        r.line = line;
        r.open = true;
        r.step_events.append(&mut r.next_events);
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
            self.trace.known.entry(id).or_insert(r);
        }
        self.trace.prev = Some(snapshot);
    }

    /// The running function returns: its last step ends while its frame is still drawn
    /// (so a variable its closures captured moves to their context in the caller's
    /// step, not dropped first and held again later), and the caller's line continues
    /// in a step of its own.
    pub fn trace_return(&mut self) {
        if !self.trace.enabled || !self.trace.open {
            return;
        }
        let caller_line = self
            .frames
            .iter()
            .rev()
            .nth(1)
            .and_then(|f| f.code.lines.get(f.pc.wrapping_sub(1)).copied())
            .filter(|&line| line != 0);
        self.close_step();
        if let Some(line) = caller_line {
            self.open_step(line);
        }
    }

    /// The script's top level has run: its bindings (the frame's locals and the
    /// variables its closures captured) stay drawn while callbacks run.
    pub fn trace_script_done(&mut self) {
        if !self.trace.enabled {
            return;
        }
        let Some(f) = self.frames.first() else { return };
        let contexts = self.own_contexts(f);
        // Captured variables are read from their contexts at each snapshot.
        let mut captured = Vec::new();
        self.context_vars(&contexts, &mut captured);
        let mut vars = self.frame_vars(f, true);
        vars.retain(|(n, _)| !captured.iter().any(|(m, _)| m == n));
        self.trace.script_contexts = contexts;
        self.trace.script_vars = vars
            .into_iter()
            .map(|(n, v)| {
                let id = match &v {
                    Value::Obj(o) => self.obj_id(*o),
                    _ => 0,
                };
                (n, v, id)
            })
            .collect();
        self.trace.script_done = true;
    }

    /// The run is over: the last step ends with the final snapshot.
    pub fn trace_final(&mut self) {
        if self.trace.open {
            if let Some(note) = self.trace.gap.take_note() {
                self.trace.trace.events.push(note);
            }
            let r = &mut self.trace;
            r.step_events.append(&mut r.next_events);
            self.trace.final_close = true;
            self.close_step();
        }
        self.trace.trace.total_steps = self.trace.step;
        self.trace.trace.snapshots = std::mem::take(&mut self.trace.budget).finish();
    }

    fn close_step(&mut self) {
        self.trace.open = false;
        if !self.trace.detailed() {
            self.trace.freed_now.clear();
            for event in std::mem::take(&mut self.trace.step_events) {
                if let EventKind::GcStart { collector, .. } = event {
                    self.trace.gap.gc(&collector);
                }
            }
            self.commit_step();
            return;
        }
        let (snapshot, slots) = self.snapshot();
        let shown: HashMap<u64, u64> = snapshot
            .heap
            .iter()
            .filter(|o| !o.freed)
            .map(|o| (o.id, o.size))
            .collect();
        for p in std::mem::take(&mut self.trace.pending) {
            match shown.get(&p.id) {
                Some(&size) => {
                    self.trace.trace.summary.allocations += 1;
                    let type_name = self.trace_type_name(p.r);
                    let kind = EventKind::Alloc {
                        obj: p.id,
                        type_name,
                        size,
                        space: Some(p.space),
                    };
                    self.record_alloc(p.step, p.line, kind);
                }
                None if self.obj_id(p.r) == p.id => self.trace.pending.push(p),
                None => {}
            }
        }
        // The page's own DOM nodes drawn for their listeners are not the reader's memory.
        let live: u64 = shown
            .iter()
            .filter(|(id, _)| slots.get(id).is_some_and(|r| self.is_user(*r)))
            .map(|(_, size)| size)
            .sum();
        for (id, r) in slots {
            self.trace.known.entry(id).or_insert(r);
        }
        let before = self.trace.prev.take().unwrap_or_else(|| Snapshot {
            step: 0,
            line: 0,
            frames: Vec::new(),
            heap: Vec::new(),
            stdout: String::new(),
        });
        let refs = ref_changes(&before, &snapshot, &HashSet::new());
        let events = std::mem::take(&mut self.trace.step_events);
        self.trace.step_events = order_step(events, refs);
        let weight = self.trace.step_events.len();
        self.commit_step();
        let peak = &mut self.trace.trace.summary.peak_bytes;
        *peak = (*peak).max(live);
        self.trace.budget.offer(snapshot.clone(), weight);
        self.trace.prev = Some(snapshot);
    }

    fn commit_step(&mut self) {
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

    /// A value as drawn: primitives inline, the runtime's objects by name, the reader's
    /// objects as arrows.
    fn snap_value(&self, v: &Value, queue: &mut Vec<ObjRef>) -> gen_trace::Value {
        match v {
            Value::Obj(o) if self.is_drawn(*o) => {
                queue.push(*o);
                gen_trace::Value::Ref(self.obj_id(*o))
            }
            Value::Obj(o) => gen_trace::Value::Prim(match self.heap.kind(*o) {
                Some(Kind::Dom(_)) => crate::dom::short_name(self, *o),
                _ => format!("‹{}›", crate::leaks::describe(self, *o)),
            }),
            Value::Str(s) => gen_trace::Value::Prim(crate::inspect::quote_str(s)),
            other => gen_trace::Value::Prim(self.prim_to_string(other)),
        }
    }

    /// The runtime's roots, then the scopes of the running frames (outermost first);
    /// between tasks, the script's top-level bindings.
    fn scopes(&self, queue: &mut Vec<ObjRef>) -> Vec<Frame> {
        let mut out = Vec::new();
        let globals = self.script_globals();
        let roots: Vec<(String, gen_trace::Value)> = crate::leaks::runtime_roots(self)
            .into_iter()
            .filter(|(label, o)| self.is_user(*o) && !globals.iter().any(|(_, l, _)| l == label))
            .map(|(label, o)| {
                // `timer #1 (setInterval every 1000 ms)` is drawn as `timer #1`.
                let short = label.split(" (").next().unwrap_or(&label).to_string();
                (short, self.snap_value(&Value::Obj(o), queue))
            })
            .collect();
        if !roots.is_empty() {
            out.push(Frame {
                name: gen_trace::ROOTS_FRAME.into(),
                vars: roots,
            });
        }
        if self.trace.script_done {
            let mut vars: Vec<(String, Value)> = self
                .trace
                .script_vars
                .iter()
                .filter(|(_, v, id)| !matches!(v, Value::Obj(o) if self.obj_id(*o) != *id))
                .map(|(n, v, _)| (n.clone(), v.clone()))
                .collect();
            self.context_vars(&self.trace.script_contexts, &mut vars);
            let vars = vars
                .iter()
                .map(|(n, v)| (n.clone(), self.snap_value(v, queue)))
                .collect();
            out.push(Frame {
                name: "script".into(),
                vars,
            });
        }
        for (depth, f) in self.frames.iter().enumerate() {
            let script = depth == 0 && !self.trace.script_done;
            let vars = self
                .frame_vars(f, script)
                .into_iter()
                .map(|(n, v)| (n, self.snap_value(&v, queue)))
                .collect();
            let name = if script {
                "script".to_string()
            } else if f.code.name.is_empty() {
                "(anonymous)".to_string()
            } else {
                f.code.name.to_string()
            };
            out.push(Frame { name, vars });
        }
        if let Some(script) = out.iter_mut().find(|f| f.name == "script") {
            let mut vars: Vec<(String, gen_trace::Value)> = globals
                .iter()
                .filter(|(n, _, _)| !script.vars.iter().any(|(m, _)| m == n))
                .map(|(n, _, v)| (n.clone(), self.snap_value(v, queue)))
                .collect();
            vars.append(&mut script.vars);
            script.vars = vars;
        }
        out
    }

    /// A classic script's own globals (its top-level `var`s and function declarations,
    /// properties of the global object): name, root label, value. They are drawn as the
    /// script's variables, not as runtime roots. None in a CommonJS module, where a
    /// global is something the script leaked.
    fn script_globals(&self) -> Vec<(String, String, Value)> {
        let Some(global) = self.heap.get(self.realm.global).filter(|_| self.browser) else {
            return Vec::new();
        };
        global
            .props
            .iter()
            .filter(|(k, _)| !self.builtin_globals.contains(*k))
            .filter_map(|(k, p)| match (k, &p.v) {
                (crate::value::PropKey::Str(s), PropVal::Data(v)) => Some((
                    s.to_string(),
                    crate::leaks::global_variable_label(s),
                    v.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    /// A frame's variables: its locals, then what its closures captured (the contexts
    /// the frame created); the script's frame without the CommonJS wrapper's parameters.
    fn frame_vars(&self, f: &crate::interp::Frame, script: bool) -> Vec<(String, Value)> {
        let mut vars: Vec<(String, Value)> = Vec::new();
        for (n, v) in f.code.local_names.iter().zip(f.locals.iter()) {
            if &**n == "this" || matches!(v, Value::Empty) {
                continue;
            }
            if script && WRAPPER_NAMES.contains(&&**n) {
                continue;
            }
            vars.push((n.to_string(), v.clone()));
        }
        let contexts = self.own_contexts(f);
        self.context_vars(&contexts, &mut vars);
        vars
    }

    /// The contexts `f` created (innermost first), with their ids.
    fn own_contexts(&self, f: &crate::interp::Frame) -> Vec<(ObjRef, u64)> {
        let outer = f.callee.and_then(|c| match self.heap.kind(c) {
            Some(Kind::Function(cl)) => cl.env,
            _ => None,
        });
        let mut out = Vec::new();
        let mut ctx = f.ctx;
        while let Some(c) = ctx.filter(|c| Some(*c) != outer && out.len() < 16) {
            let Some(Kind::Context(data)) = self.heap.kind(c) else {
                break;
            };
            out.push((c, self.obj_id(c)));
            ctx = data.parent;
        }
        out
    }

    /// Appends the current values of the contexts' variables not already in `vars`.
    fn context_vars(&self, contexts: &[(ObjRef, u64)], vars: &mut Vec<(String, Value)>) {
        for &(c, id) in contexts {
            if self.obj_id(c) != id {
                continue;
            }
            let Some(Kind::Context(data)) = self.heap.kind(c) else {
                continue;
            };
            for (n, v) in data.names.iter().zip(data.slots.iter()) {
                if !matches!(v, Value::Empty) && !vars.iter().any(|(m, _)| m == &**n) {
                    vars.push((n.to_string(), v.clone()));
                }
            }
        }
    }

    /// One object as drawn: its own properties (primitive or not), elements, entries,
    /// closure context, with its space and age.
    fn heap_object(&self, o: ObjRef, queue: &mut Vec<ObjRef>) -> HeapObject {
        let mut fields = Vec::new();
        if let Some(obj) = self.heap.get(o) {
            match &obj.kind {
                Kind::Array(items) => {
                    for (i, v) in items.iter().enumerate().take(MAX_FIELDS) {
                        if !matches!(v, Value::Empty) {
                            fields.push((i.to_string(), self.snap_value(v, queue)));
                        }
                    }
                }
                Kind::Function(c) => {
                    if let Some(e) = c.env.filter(|e| self.is_user(*e)) {
                        fields.push(("[[Context]]".into(), self.snap_value(&Value::Obj(e), queue)));
                    }
                }
                Kind::Context(data) => {
                    for (n, v) in data.names.iter().zip(data.slots.iter()) {
                        if !matches!(v, Value::Empty) {
                            fields.push((n.to_string(), self.snap_value(v, queue)));
                        }
                    }
                    if let Some(p) = data.parent.filter(|p| self.is_user(*p)) {
                        fields.push(("[[Outer]]".into(), self.snap_value(&Value::Obj(p), queue)));
                    }
                }
                Kind::Dom(node) => {
                    for l in node.listeners.iter().take(MAX_FIELDS) {
                        let key = format!("listener '{}'", l.ty);
                        fields.push((key, self.snap_value(&l.callback, queue)));
                    }
                }
                Kind::Map(t) | Kind::Set(t) => {
                    let set = matches!(obj.kind, Kind::Set(_));
                    for (k, v) in t.entries.iter().flatten().take(MAX_FIELDS) {
                        if set {
                            fields.push((String::new(), self.snap_value(k, queue)));
                            continue;
                        }
                        let key = match self.snap_value(k, &mut Vec::new()) {
                            gen_trace::Value::Prim(s) => s,
                            gen_trace::Value::Ref(id) => format!("#{id}"),
                        };
                        fields.push((key, self.snap_value(v, queue)));
                    }
                }
                _ => {}
            }
            let function = matches!(obj.kind, Kind::Function(_) | Kind::Native(_));
            for (k, p) in obj.props.iter() {
                if fields.len() >= MAX_FIELDS {
                    break;
                }
                if function && !p.enumerable {
                    // `length`, `name`, `prototype`: the function's own machinery.
                    continue;
                }
                let key = self.key_display(k);
                match &p.v {
                    PropVal::Data(v) => fields.push((key, self.snap_value(v, queue))),
                    PropVal::Accessor(g, s) => {
                        if let Some(g) = g {
                            let v = self.snap_value(&Value::Obj(*g), queue);
                            fields.push((format!("get {key}"), v));
                        }
                        if let Some(s) = s {
                            let v = self.snap_value(&Value::Obj(*s), queue);
                            fields.push((format!("set {key}"), v));
                        }
                    }
                }
            }
        }
        let meta = self.heap.get(o).map(|x| x.meta);
        HeapObject {
            id: self.obj_id(o),
            type_name: self.trace_type_name(o),
            label: crate::leaks::describe(self, o),
            size: self.heap.size_of(o),
            refcount: None,
            space: meta.as_ref().map(|m| m.space),
            age: meta.map(|m| m.age as u32),
            fields,
            freed: false,
        }
    }

    /// The scopes, the objects reachable from them, then the reader's objects still
    /// alive but no longer reachable, then those freed in this step.
    fn snapshot(&mut self) -> (Snapshot, HashMap<u64, ObjRef>) {
        let mut queue = Vec::new();
        let frames = self.scopes(&mut queue);
        let mut extra: Vec<(u64, ObjRef)> = self
            .trace
            .known
            .iter()
            .map(|(id, r)| (*id, *r))
            .filter(|(id, r)| self.obj_id(*r) == *id)
            .collect();
        extra.sort_unstable();
        extra.reverse();
        let mut heap = Vec::new();
        let mut slots = HashMap::new();
        let mut i = 0;
        loop {
            if i == queue.len() {
                match extra.pop() {
                    Some((_, r)) => queue.push(r),
                    None => break,
                }
            }
            let r = queue[i];
            i += 1;
            if heap.len() >= MAX_SNAPSHOT_OBJECTS {
                break;
            }
            let id = self.obj_id(r);
            if id == 0 || !self.is_drawn(r) || slots.contains_key(&id) {
                continue;
            }
            slots.insert(id, r);
            let object = self.heap_object(r, &mut queue);
            heap.push(object);
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
