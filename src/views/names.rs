//! Short, stable names for heap objects (`list#1`, `Object#3`), shared by every view.
//!
//! Simulator object ids can be large and sparse; readers need small numbers that mean the
//! same object in the trace table, the heap graph and the sequence diagram. Objects are
//! numbered in order of first appearance in the trace.

use std::collections::HashMap;

use gen_trace::{EventKind, ObjId, Trace};

/// Object id → display name, for one run.
#[derive(Debug, Default)]
pub struct Names {
    by_id: HashMap<ObjId, (String, usize)>,
}

impl Names {
    /// Numbers every object the trace mentions: allocations first (in event order), then
    /// objects only seen in snapshots or in other events.
    pub fn from_trace(trace: &Trace) -> Self {
        let mut names = Names::default();
        for event in &trace.events {
            match &event.kind {
                EventKind::Alloc { obj, type_name, .. }
                | EventKind::Free { obj, type_name, .. } => names.add(*obj, type_name),
                _ => {}
            }
        }
        for snapshot in &trace.snapshots {
            for object in &snapshot.heap {
                names.add(object.id, &object.type_name);
            }
        }
        for event in &trace.events {
            if let Some(obj) = event_object(&event.kind) {
                names.add(obj, "object");
            }
        }
        names
    }

    fn add(&mut self, id: ObjId, type_name: &str) {
        let next = self.by_id.len() + 1;
        self.by_id
            .entry(id)
            .or_insert_with(|| (type_name.to_owned(), next));
    }

    /// `type#n` for an object the trace introduced.
    pub fn get(&self, id: ObjId) -> Option<String> {
        self.by_id
            .get(&id)
            .map(|(type_name, n)| format!("{type_name}#{n}"))
    }

    /// `type#n`, or `object@id` for an id the trace never introduced.
    pub fn name(&self, id: ObjId) -> String {
        self.get(id).unwrap_or_else(|| format!("object@{id}"))
    }
}

/// The object an event is about, if any.
pub fn event_object(kind: &EventKind) -> Option<ObjId> {
    match kind {
        EventKind::Alloc { obj, .. }
        | EventKind::RefGained { obj, .. }
        | EventKind::RefLost { obj, .. }
        | EventKind::RefMoved { obj, .. }
        | EventKind::Free { obj, .. }
        | EventKind::Move { obj, .. }
        | EventKind::Finalizer { obj, .. }
        | EventKind::WeakCleared { obj, .. } => Some(*obj),
        EventKind::GcStart { .. }
        | EventKind::GcEnd { .. }
        | EventKind::Task { .. }
        | EventKind::Note { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gen_trace::{Event, Holder};

    #[test]
    fn numbers_objects_in_order_of_first_appearance() {
        let ev = |kind| Event {
            step: 1,
            line: 1,
            kind,
        };
        let trace = Trace {
            events: vec![
                ev(EventKind::Alloc {
                    obj: 900,
                    type_name: "list".into(),
                    size: 88,
                    space: None,
                }),
                ev(EventKind::RefGained {
                    obj: 77,
                    holder: Holder::Temp,
                    count: Some(2),
                }),
                ev(EventKind::Alloc {
                    obj: 5,
                    type_name: "dict".into(),
                    size: 64,
                    space: None,
                }),
            ],
            ..Trace::default()
        };
        let names = Names::from_trace(&trace);
        assert_eq!(names.name(900), "list#1");
        assert_eq!(names.name(5), "dict#2");
        assert_eq!(names.name(77), "object#3");
        assert_eq!(names.name(1), "object@1");
    }
}
