//! Words for trace events: the "event" and "heap effect" cells of the trace table and the
//! message texts of the generated sequence diagram.

use gen_trace::{Event, EventKind, Holder, Space};

use super::html::bytes;
use super::names::Names;

/// A short event label (`alloc`, `ref+`, `gc end`) for the table's event column.
pub fn label(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Alloc { .. } => "alloc",
        EventKind::RefGained { .. } => "ref+",
        EventKind::RefLost { .. } => "ref−",
        EventKind::RefMoved { .. } => "moved",
        EventKind::Free { .. } => "free",
        EventKind::GcStart { .. } => "gc start",
        EventKind::GcEnd { .. } => "gc end",
        EventKind::Move { .. } => "move",
        EventKind::Finalizer { .. } => "finalizer",
        EventKind::WeakCleared { .. } => "weakref cleared",
        EventKind::Task { .. } => "task",
        EventKind::Note { .. } => "note",
    }
}

/// What the event did to the heap, in one line: `list#1 refcount 1→2 (b)`,
/// `alloc dict#2 64 B`, `gen0: 2 collected`, `scavenge: 3 promoted, 1.2 KB freed`.
pub fn effect(kind: &EventKind, names: &Names) -> String {
    match kind {
        EventKind::Alloc {
            obj, size, space, ..
        } => match space {
            Some(space) => format!(
                "alloc {} {} in {}",
                names.name(*obj),
                bytes(*size),
                space_name(*space)
            ),
            None => format!("alloc {} {}", names.name(*obj), bytes(*size)),
        },
        EventKind::RefGained { obj, holder, count } => match count {
            Some(c) => format!(
                "{} refcount {}→{c} ({})",
                names.name(*obj),
                c.saturating_sub(1),
                holder_text(holder, names)
            ),
            None => format!("{} → {}", holder_text(holder, names), names.name(*obj)),
        },
        EventKind::RefLost { obj, holder, count } => match count {
            Some(c) => format!(
                "{} refcount {}→{c} ({} dropped)",
                names.name(*obj),
                c.saturating_add(1),
                holder_text(holder, names)
            ),
            None => format!("{} ✕ {}", holder_text(holder, names), names.name(*obj)),
        },
        EventKind::RefMoved { obj, from, to } => format!(
            "{} moved from {} to {}",
            names.name(*obj),
            holder_text(from, names),
            holder_text(to, names)
        ),
        EventKind::Free { obj, size, .. } => format!("free {} {}", names.name(*obj), bytes(*size)),
        EventKind::GcStart { collector, reason } if reason.is_empty() => {
            format!("{collector} starts")
        }
        EventKind::GcStart { collector, reason } => format!("{collector} starts ({reason})"),
        EventKind::GcEnd {
            collector,
            collected,
            uncollectable,
            promoted,
            freed_bytes,
        } => {
            let mut parts = vec![format!("{collected} collected")];
            if *promoted > 0 {
                parts.push(format!("{promoted} promoted"));
            }
            if *uncollectable > 0 {
                parts.push(format!("{uncollectable} uncollectable"));
            }
            if *freed_bytes > 0 {
                parts.push(format!("{} freed", bytes(*freed_bytes)));
            }
            format!("{collector}: {}", parts.join(", "))
        }
        EventKind::Move { obj, from, to } => format!(
            "{} {} → {}",
            names.name(*obj),
            space_name(*from),
            space_name(*to)
        ),
        EventKind::Finalizer { obj, what } => format!("{what} of {}", names.name(*obj)),
        EventKind::WeakCleared { obj, callback } => format!(
            "weak refs to {} cleared{}",
            names.name(*obj),
            if *callback { ", callback ran" } else { "" }
        ),
        EventKind::Task { queue, what } => format!("{queue}: {what}"),
        EventKind::Note { text } => text.clone(),
    }
}

/// A step's events as the table and the diagram show them: an allocation together with
/// the reference the new object got right after it (`alloc list#1 72 B, held by a`).
pub fn merge_allocations<'a>(events: &[&'a Event]) -> Vec<(&'a EventKind, Option<&'a EventKind>)> {
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let kind = &events[i].kind;
        let next = events.get(i + 1).map(|e| &e.kind);
        match (kind, next) {
            (
                EventKind::Alloc { obj, .. },
                Some(held @ EventKind::RefGained { obj: held_obj, .. }),
            ) if obj == held_obj => {
                out.push((kind, Some(held)));
                i += 2;
            }
            _ => {
                out.push((kind, None));
                i += 1;
            }
        }
    }
    out
}

/// The heap effect of an event, with the first reference of a new object folded in.
pub fn effect_with(kind: &EventKind, held: Option<&EventKind>, names: &Names) -> String {
    let text = effect(kind, names);
    match held {
        Some(EventKind::RefGained { holder, count, .. }) => {
            let holder = holder_text(holder, names);
            match count {
                Some(c) => format!("{text}, held by {holder} (refcount {c})"),
                None => format!("{text}, held by {holder}"),
            }
        }
        _ => text,
    }
}

/// Who holds a reference: `b`, `f.x`, `list#2[0]`, `Data#3.name`, `a temporary`, `timer #1`.
pub fn holder_text(holder: &Holder, names: &Names) -> String {
    match holder {
        Holder::Var { frame, name } if is_top_level(frame) => name.clone(),
        Holder::Var { frame, name } => format!("{frame}.{name}"),
        Holder::Slot { obj, key } => format!("{}[{key}]", names.name(*obj)),
        Holder::Attr { obj, name } => format!("{}.{name}", names.name(*obj)),
        Holder::Temp => "a temporary".into(),
        Holder::Root { name } => name.clone(),
        Holder::Other { what } => what.clone(),
    }
}

/// Frames whose variables are shown without a prefix.
pub fn is_top_level(frame: &str) -> bool {
    matches!(frame, "<module>" | "global" | "script" | "module" | "")
}

/// `new space`, `old space`, `large-object space`, `code space`.
pub fn space_name(space: Space) -> &'static str {
    match space {
        Space::New => "new space",
        Space::Old => "old space",
        Space::LargeObject => "large-object space",
        Space::Code => "code space",
    }
}

/// `new`, `old`, `large`, `code`: the space badge on a heap-graph object.
pub fn space_badge(space: Space) -> &'static str {
    match space {
        Space::New => "new",
        Space::Old => "old",
        Space::LargeObject => "large",
        Space::Code => "code",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gen_trace::Trace;

    fn names() -> Names {
        Names::from_trace(&Trace {
            events: vec![Event {
                step: 1,
                line: 1,
                kind: EventKind::Alloc {
                    obj: 10,
                    type_name: "list".into(),
                    size: 88,
                    space: None,
                },
            }],
            ..Trace::default()
        })
    }

    #[test]
    fn python_reference_counts_read_before_and_after() {
        let n = names();
        let gained = EventKind::RefGained {
            obj: 10,
            holder: Holder::Var {
                frame: "<module>".into(),
                name: "b".into(),
            },
            count: Some(2),
        };
        assert_eq!(effect(&gained, &n), "list#1 refcount 1→2 (b)");
        let lost = EventKind::RefLost {
            obj: 10,
            holder: Holder::Slot {
                obj: 10,
                key: "3".into(),
            },
            count: Some(0),
        };
        assert_eq!(effect(&lost, &n), "list#1 refcount 1→0 (list#1[3] dropped)");
    }

    #[test]
    fn allocations_and_collections() {
        let n = names();
        let alloc = EventKind::Alloc {
            obj: 10,
            type_name: "list".into(),
            size: 88,
            space: Some(Space::New),
        };
        assert_eq!(effect(&alloc, &n), "alloc list#1 88 B in new space");
        let end = EventKind::GcEnd {
            collector: "scavenge".into(),
            collected: 1,
            uncollectable: 0,
            promoted: 3,
            freed_bytes: 2048,
        };
        assert_eq!(
            effect(&end, &n),
            "scavenge: 1 collected, 3 promoted, 2.0 KB freed"
        );
    }
}
