//! The trace recorder: executed lines as steps, heap events (allocations with type and
//! `sys.getsizeof` size, references gained and lost by name bindings, attributes and
//! container slots, frees, collections, finalizers, weakref clearing) and snapshots of
//! frames and the objects reachable from them, drawn like Python Tutor's heap.
//!
//! Recording costs nothing but a flag test when tracing is off. It never runs Python
//! code: labels come from built-in reprs only. Events and steps beyond the limits are
//! counted as elided rather than stored, so long loops stay small.

use crate::heap::sflags;
use crate::interp::frame::Frame;
use crate::interp::Vm;
use crate::objects::{Attrs, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use gen_trace::{Event, EventKind, HeapObject, Holder, Snapshot, Step, Trace};

const MAX_STEPS: usize = 5000;
const MAX_SNAPSHOT_OBJECTS: usize = 120;

/// Encoded variables of one frame as of its last executed line.
#[derive(Debug, Clone, Default)]
pub struct FrameView {
    pub name: String,
    pub vars: Vec<(String, Value)>,
}

#[derive(Debug, Default)]
pub struct Recorder {
    pub enabled: bool,
    pub trace: Trace,
    pub step: u32,
    pub line: u32,
    pub max_events: u32,
    pub max_snapshots: u32,
    pub source_lines: Vec<String>,
    /// Frames by depth (module first), refreshed at each line of each frame.
    pub frames: Vec<FrameView>,
    /// Slots allocated before the snippet started (built-ins, modules).
    pub first_user_serial: u32,
}

impl Vm {
    fn push_event(&mut self, kind: EventKind) {
        let t = &mut self.trace;
        if t.trace.events.len() as u32 >= t.max_events {
            t.trace.elided_steps += 1;
            return;
        }
        t.trace.events.push(Event {
            step: t.step,
            line: t.line,
            kind,
        });
    }

    fn obj_id(&self, r: ObjRef) -> u64 {
        self.heap.get(r).serial as u64
    }

    fn is_user_object(&self, r: ObjRef) -> bool {
        let s = self.heap.get(r);
        s.serial >= self.trace.first_user_serial
            && s.flags & sflags::INTERNAL == 0
            && !matches!(
                self.heap.kind(r),
                Kind::Code(_) | Kind::MethodDescr(_) | Kind::Sentinel | Kind::Free
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

    pub fn trace_alloc(&mut self, r: ObjRef, size: u64) {
        if !self.trace.enabled || !self.is_user_object(r) {
            return;
        }
        self.trace.trace.summary.allocations += 1;
        let obj = self.obj_id(r);
        let type_name = self.trace_type_name(r);
        self.push_event(EventKind::Alloc {
            obj,
            type_name,
            size,
            space: None,
        });
        let live = self.heap.live as u64 * 64;
        if live > self.trace.trace.summary.peak_bytes {
            self.trace.trace.summary.peak_bytes = live;
        }
    }

    pub fn trace_free(&mut self, r: ObjRef, size: u64) {
        if !self.trace.enabled || !self.is_user_object(r) {
            return;
        }
        self.trace.trace.summary.frees += 1;
        let obj = self.obj_id(r);
        let type_name = self.trace_type_name(r);
        self.push_event(EventKind::Free {
            obj,
            type_name,
            size,
        });
    }

    pub fn trace_finalizer(&mut self, r: ObjRef) {
        if !self.trace.enabled {
            return;
        }
        let obj = self.obj_id(r);
        self.push_event(EventKind::Finalizer {
            obj,
            what: "__del__".into(),
        });
    }

    pub fn trace_weak_cleared(&mut self, r: ObjRef, callback: bool) {
        if !self.trace.enabled {
            return;
        }
        let obj = self.obj_id(r);
        self.push_event(EventKind::WeakCleared { obj, callback });
    }

    pub fn trace_gc_start(&mut self, generation: usize) {
        if !self.trace.enabled {
            return;
        }
        self.trace.trace.summary.gc_runs += 1;
        self.push_event(EventKind::GcStart {
            collector: format!("gen{generation}"),
            reason: if self.gc.collecting {
                "gc.collect()".into()
            } else {
                "threshold".into()
            },
        });
    }

    pub fn trace_gc_end(&mut self, generation: usize, collected: u64, uncollectable: u64) {
        if !self.trace.enabled {
            return;
        }
        self.push_event(EventKind::GcEnd {
            collector: format!("gen{generation}"),
            collected,
            uncollectable,
            promoted: 0,
            freed_bytes: 0,
        });
    }

    /// The name `name` of frame `frame` now holds `new` (already stored) instead of `old`
    /// (not yet released): a reference gained and one about to be lost.
    pub fn trace_rebind(&mut self, frame: &str, name: &str, new: Value, old: Value) {
        for (v, lost) in [(new, false), (old, true)] {
            let Value::Obj(r) = v else { continue };
            if !self.heap.is_live(r) || !self.is_user_object(r) {
                continue;
            }
            let obj = self.obj_id(r);
            let rc = self.heap.get(r).rc as u64;
            let holder = Holder::Var {
                frame: frame.to_string(),
                name: name.to_string(),
            };
            self.push_event(if lost {
                EventKind::RefLost {
                    obj,
                    holder,
                    count: Some(rc - 1),
                }
            } else {
                EventKind::RefGained {
                    obj,
                    holder,
                    count: Some(rc),
                }
            });
        }
    }

    /// A store to `name` in the namespace dict `ns` (module or class body) of frame `frame`.
    pub fn trace_store_name(&mut self, frame: &str, ns: ObjRef, name: ObjRef, new: Value) {
        let old = match self.heap.kind(ns) {
            Kind::Dict(_) => {
                let h = self.str_hash_of(name);
                self.dict_get_str_ref(ns, name, h).unwrap_or(Value::Null)
            }
            _ => Value::Null,
        };
        self.incref(new);
        let n = self.str_of(name).to_string();
        self.trace_rebind(frame, &n, new, old);
        self.decref(new);
    }

    /// A container slot or attribute gained a reference.
    pub fn trace_slot(&mut self, container: Value, key: String, v: Value, attr: bool) {
        if !self.trace.enabled {
            return;
        }
        let (Value::Obj(c), Value::Obj(r)) = (container, v) else {
            return;
        };
        if !self.heap.is_live(r) || !self.is_user_object(r) {
            return;
        }
        let obj = self.obj_id(r);
        let cid = self.obj_id(c);
        let count = Some(self.heap.get(r).rc as u64);
        let holder = if attr {
            Holder::Attr {
                obj: cid,
                name: key,
            }
        } else {
            Holder::Slot { obj: cid, key }
        };
        self.push_event(EventKind::RefGained { obj, holder, count });
    }

    pub fn trace_call(&mut self, _f: &Frame) {}

    pub fn trace_return(&mut self, _f: &Frame) {
        if !self.trace.enabled {
            return;
        }
        let d = self.depth as usize;
        self.trace.frames.truncate(d.saturating_sub(1).max(1));
    }

    pub fn trace_exception_handled(&mut self, _f: &Frame) {}

    /// A line of `f` starts: a step, and a snapshot while the budget lasts.
    pub fn trace_line(&mut self, f: &Frame, line: u32) {
        self.trace.step += 1;
        self.trace.line = line;
        if self.trace.trace.steps.len() < MAX_STEPS {
            let source = self
                .trace
                .source_lines
                .get(line as usize - 1)
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            let step = self.trace.step;
            self.trace.trace.steps.push(Step { step, line, source });
        } else {
            self.trace.trace.elided_steps += 1;
        }
        let view = self.frame_view(f);
        let depth = (self.depth as usize).max(1);
        self.trace.frames.truncate(depth);
        while self.trace.frames.len() < depth {
            self.trace.frames.push(FrameView::default());
        }
        self.trace.frames[depth - 1] = view;
        if (self.trace.trace.snapshots.len() as u32) + 1 < self.trace.max_snapshots {
            self.take_snapshot();
        }
    }

    fn frame_view(&self, f: &Frame) -> FrameView {
        let unit = &f.code.unit;
        let mut vars = Vec::new();
        if unit.kind == crate::code::UnitKind::Module || unit.kind == crate::code::UnitKind::Class {
            let ns = match f.locals {
                Value::Obj(d) => d,
                _ => f.globals,
            };
            for (k, v) in self.dict_items(ns) {
                let Some(name) = self.as_str(k) else { continue };
                if name.starts_with("__") && name.ends_with("__") {
                    continue;
                }
                if let Value::Obj(r) = v {
                    if matches!(self.heap.kind(r), Kind::Module(_))
                        || !self.is_user_object(r)
                            && matches!(self.heap.kind(r), Kind::Builtin(_) | Kind::Type(_))
                    {
                        continue;
                    }
                }
                vars.push((name.to_string(), v));
            }
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
        FrameView { name, vars }
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
        match self.heap.kind(r) {
            Kind::List(l) => format!(
                "list, {} item{}",
                l.items.len(),
                if l.items.len() == 1 { "" } else { "s" }
            ),
            Kind::Tuple(tp) => format!(
                "tuple, {} item{}",
                tp.len(),
                if tp.len() == 1 { "" } else { "s" }
            ),
            Kind::Dict(d) => format!(
                "{tn}, {} key{}",
                d.len(),
                if d.len() == 1 { "" } else { "s" }
            ),
            Kind::Set(s) => format!(
                "{tn}, {} item{}",
                s.len(),
                if s.len() == 1 { "" } else { "s" }
            ),
            Kind::Function(f) => format!("function {}", self.as_str(f.qualname).unwrap_or("?")),
            Kind::Type(tt) => format!("class {}", tt.name),
            Kind::Generator(g) => format!("generator {}", self.as_str(g.qualname).unwrap_or("?")),
            Kind::ByteArray(b) => format!("bytearray, {} bytes", b.data.len()),
            Kind::Bytes(b) => format!("bytes, {} bytes", b.len()),
            Kind::MemoryView(m) => format!("memoryview, {} bytes", m.len),
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
                Attrs::Dict(d) => {
                    for (k, v) in self.dict_items(*d) {
                        fields.push((
                            self.as_str(k).unwrap_or("?").to_string(),
                            self.encode(v, queue),
                        ));
                    }
                }
                Attrs::None => {}
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
        HeapObject {
            id: self.obj_id(r),
            type_name: self.trace_type_name(r),
            label: self.safe_label(r),
            size: self.sizeof_obj(r),
            refcount: Some(self.heap.get(r).rc as u64),
            space: None,
            age: None,
            fields,
            freed: false,
        }
    }

    /// Records the current frames and the objects reachable from them.
    pub fn take_snapshot(&mut self) {
        let mut queue: Vec<ObjRef> = Vec::new();
        let mut frames = Vec::new();
        let views = self.trace.frames.clone();
        for fv in &views {
            let vars = fv
                .vars
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
        let mut seen = std::collections::HashSet::new();
        let mut i = 0;
        while i < queue.len() && heap.len() < MAX_SNAPSHOT_OBJECTS {
            let r = queue[i];
            i += 1;
            if !self.heap.is_live(r) || !seen.insert(r) {
                continue;
            }
            if matches!(self.heap.kind(r), Kind::Module(_) | Kind::Code(_)) {
                continue;
            }
            let obj = self.heap_object(r, &mut queue);
            heap.push(obj);
        }
        let step = self.trace.step;
        let line = self.trace.line;
        let stdout = self.stdout.clone();
        self.trace.trace.snapshots.push(Snapshot {
            step,
            line,
            frames,
            heap,
            stdout,
        });
    }
}
