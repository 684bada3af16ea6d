//! Records the trace of a run for gen's panels: allocations with space and size, frees,
//! scavenges / mark-sweeps with what they collected and promoted, promotions, tasks,
//! executed lines, and a final snapshot of the global scope and live heap.

use crate::heap::Kind;
use crate::interp::Vm;
use crate::value::{ObjRef, Value};
use gen_trace::{Event, EventKind, Frame, HeapObject, Space, Step, Trace};

/// The trace being recorded.
#[derive(Debug, Default)]
pub struct Recorder {
    pub enabled: bool,
    pub trace: Trace,
    pub step: u32,
    pub line: u32,
    pub max_events: u32,
    pub source_lines: Vec<String>,
    pub builtin_ids: u64,
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

    pub fn trace_alloc(&mut self, o: ObjRef) {
        self.trace.trace.summary.allocations += 1;
        let id = self.heap.get(o).map(|x| x.meta.id).unwrap_or(0);
        let size = self.heap.size_of(o);
        let type_name = self.type_name(o);
        self.push_event(EventKind::Alloc {
            obj: id,
            type_name,
            size,
            space: Some(Space::New),
        });
    }

    pub fn trace_free(&mut self, o: ObjRef, size: u64) {
        self.trace.trace.summary.frees += 1;
        let id = self.heap.get(o).map(|x| x.meta.id).unwrap_or(0);
        let type_name = self.type_name(o);
        self.push_event(EventKind::Free {
            obj: id,
            type_name,
            size,
        });
    }

    pub fn trace_move(&mut self, o: ObjRef) {
        let id = self.heap.get(o).map(|x| x.meta.id).unwrap_or(0);
        self.push_event(EventKind::Move {
            obj: id,
            from: Space::New,
            to: Space::Old,
        });
    }

    pub fn trace_weak_cleared(&mut self, id: u64) {
        self.push_event(EventKind::WeakCleared {
            obj: id,
            callback: false,
        });
    }

    pub fn trace_gc_start(&mut self, name: &str) {
        self.trace.trace.summary.gc_runs += 1;
        self.push_event(EventKind::GcStart {
            collector: name.into(),
            reason: "allocation".into(),
        });
    }

    pub fn trace_gc_end(&mut self, name: &str, collected: u64, promoted: u64, freed: u64) {
        self.push_event(EventKind::GcEnd {
            collector: name.into(),
            collected,
            uncollectable: 0,
            promoted,
            freed_bytes: freed,
        });
    }

    pub fn trace_task(&mut self, queue: &str, what: &str) {
        self.push_event(EventKind::Task {
            queue: queue.into(),
            what: what.into(),
        });
    }

    pub fn trace_line(&mut self, line: u32) {
        if line == self.trace.line || line == 0 {
            return;
        }
        self.trace.line = line;
        self.trace.step += 1;
        if self.trace.trace.steps.len() < 5000 {
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
    }

    fn snap_value(&self, v: &Value) -> gen_trace::Value {
        match v {
            Value::Obj(o) => {
                gen_trace::Value::Ref(self.heap.get(*o).map(|x| x.meta.id).unwrap_or(0))
            }
            Value::Str(s) => gen_trace::Value::Prim(crate::inspect::quote_str(s)),
            other => gen_trace::Value::Prim(self.prim_to_string(other)),
        }
    }

    /// The final snapshot: the program's scope and every live user object.
    pub fn trace_final(&mut self, globals: Vec<(String, Value)>) {
        let vars = globals
            .iter()
            .map(|(n, v)| (n.clone(), self.snap_value(v)))
            .collect();
        let builtin_limit = self.trace.first_user_id();
        let mut heap = Vec::new();
        for i in 0..self.heap.objs.len() as u32 {
            let Some(o) = self.heap.get(i) else { continue };
            if o.meta.id <= builtin_limit {
                continue;
            }
            let mut fields = Vec::new();
            self.for_each_edge(i, |e, _, t| {
                if let Some(k) = self.heap.get(t).filter(|k| k.meta.id > builtin_limit) {
                    fields.push((
                        crate::leaks::field_name(self, e),
                        gen_trace::Value::Ref(k.meta.id),
                    ));
                }
            });
            heap.push(HeapObject {
                id: o.meta.id,
                type_name: self.type_name(i),
                label: self.type_name(i),
                size: self.heap.size_of(i),
                refcount: None,
                space: Some(o.meta.space),
                age: Some(o.meta.age as u32),
                fields,
                freed: false,
            });
            if heap.len() > 200 {
                break;
            }
        }
        let step = self.trace.step;
        let line = self.trace.line;
        let stdout = self.stdout.clone();
        self.trace.trace.snapshots.push(gen_trace::Snapshot {
            step,
            line,
            frames: vec![Frame {
                name: "script".into(),
                vars,
            }],
            heap,
            stdout,
        });
    }
}

impl Recorder {
    /// Ids at or below this belong to the built-in realm.
    pub fn first_user_id(&self) -> u64 {
        self.builtin_ids
    }
}
