//! Helpers both simulators use to turn what they observe into a trace a reader can follow.
//!
//! A recorder closes each step by taking a [`Snapshot`] of the frames and the objects a
//! reader can see. [`ref_changes`] compares two consecutive snapshots and names every
//! reference that appeared or disappeared (a variable bound, an attribute or item set, a
//! name deleted), whichever bytecode or builtin made the change; [`fill_counts`] gives
//! Python's events the reference count each one leaves, ending at the count the object
//! has after the step; [`order_step`] puts one step's events in the order a reader
//! expects. [`SnapshotBudget`] keeps the snapshots worth showing when a run has more
//! steps than the trace may hold.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::{EventKind, Holder, ObjId, Snapshot, Value, ROOTS_FRAME};

/// Steps a recorder follows in detail (snapshots, reference changes); later steps are only
/// counted, so long loops stay cheap.
pub const MAX_DETAILED_STEPS: u32 = 1000;

/// Who holds a reference, as a key that is equal across snapshots.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Source {
    /// Frame `depth` (outermost 0) named `frame`, variable `name`.
    Var {
        depth: usize,
        frame: String,
        name: String,
    },
    /// Field `key` of object `obj`.
    Field { obj: ObjId, key: String },
}

impl Source {
    fn holder(&self) -> Holder {
        match self {
            Source::Var { frame, name, .. } if frame == ROOTS_FRAME => {
                Holder::Root { name: name.clone() }
            }
            Source::Var { frame, name, .. } => Holder::Var {
                frame: frame.clone(),
                name: name.clone(),
            },
            Source::Field { obj, key } if is_item_key(key) => Holder::Slot {
                obj: *obj,
                key: key.clone(),
            },
            Source::Field { obj, key } => Holder::Attr {
                obj: *obj,
                name: key.clone(),
            },
        }
    }
}

/// Item keys (`0`, `'name'`, a set member's empty key) as opposed to attribute names.
fn is_item_key(key: &str) -> bool {
    key.is_empty()
        || key.starts_with(|c: char| c.is_ascii_digit() || c == '\'' || c == '"' || c == '#')
}

/// Every reference drawn in a snapshot, by holder. Freed objects hold nothing.
fn edges(snapshot: &Snapshot) -> BTreeMap<Source, ObjId> {
    let mut out = BTreeMap::new();
    for (depth, frame) in snapshot.frames.iter().enumerate() {
        for (name, value) in &frame.vars {
            if let Value::Ref(id) = value {
                out.insert(
                    Source::Var {
                        depth,
                        frame: frame.name.clone(),
                        name: name.clone(),
                    },
                    *id,
                );
            }
        }
    }
    for object in snapshot.heap.iter().filter(|o| !o.freed) {
        let mut seen_keys: HashMap<&str, usize> = HashMap::new();
        for (key, value) in &object.fields {
            if key.starts_with("(weak") {
                // A weak reference holds nothing: drawn, never counted.
                continue;
            }
            if let Value::Ref(id) = value {
                // Set members share the empty key: number repeated keys to keep them apart.
                let n = seen_keys.entry(key.as_str()).or_default();
                let key = if *n == 0 {
                    key.clone()
                } else {
                    format!("{key}#{n}")
                };
                *n += 1;
                out.insert(
                    Source::Field {
                        obj: object.id,
                        key,
                    },
                    *id,
                );
            }
        }
    }
    out
}

/// The references gained and lost between `before` and `after`, gained ones first (so a
/// reference moving from one holder to another never reads as a count through zero),
/// without counts. Objects in `ignore` (not drawn for the reader, such as built-in functions) are
/// neither holders nor targets; a reference lost because its holder and its target were
/// both freed is left out, the frees tell that story.
pub fn ref_changes(before: &Snapshot, after: &Snapshot, ignore: &HashSet<ObjId>) -> Vec<EventKind> {
    let freed: HashSet<ObjId> = after
        .heap
        .iter()
        .filter(|o| o.freed)
        .map(|o| o.id)
        .collect();
    let old = edges(before);
    let new = edges(after);
    let holder_ignored =
        |s: &Source| matches!(s, Source::Field { obj, .. } if ignore.contains(obj));
    let mut lost = Vec::new();
    let mut gained = Vec::new();
    for (source, &target) in &old {
        if new.get(source) == Some(&target) || ignore.contains(&target) || holder_ignored(source) {
            continue;
        }
        if let Source::Field { obj, .. } = source {
            if freed.contains(obj) && freed.contains(&target) {
                continue;
            }
        }
        lost.push(EventKind::RefLost {
            obj: target,
            holder: source.holder(),
            count: None,
        });
    }
    for (source, &target) in &new {
        if old.get(source) == Some(&target) || ignore.contains(&target) || holder_ignored(source) {
            continue;
        }
        gained.push(EventKind::RefGained {
            obj: target,
            holder: source.holder(),
            count: None,
        });
    }
    gained.extend(lost);
    gained
}

/// Sets each reference event's `count` to the reference count it leaves behind, so the
/// last event on an object ends at `count_after(obj)` (its count once the step is over;
/// objects for which it returns `None` keep `None`).
pub fn fill_counts(events: &mut [EventKind], count_after: impl Fn(ObjId) -> Option<u64>) {
    let mut running: HashMap<ObjId, Option<u64>> = HashMap::new();
    for event in events.iter_mut().rev() {
        let (obj, count, delta) = match event {
            EventKind::RefGained { obj, count, .. } => (*obj, count, 1i64),
            EventKind::RefLost { obj, count, .. } => (*obj, count, -1i64),
            _ => continue,
        };
        let now = *running.entry(obj).or_insert_with(|| count_after(obj));
        *count = now;
        running.insert(obj, now.and_then(|c| u64::try_from(c as i64 - delta).ok()));
    }
}

/// One step's events in reading order: a reference gained by a new object right after its
/// allocation, the references lost by a freed object right before its free, the other
/// reference changes after everything else.
pub fn order_step(events: Vec<EventKind>, refs: Vec<EventKind>) -> Vec<EventKind> {
    let mut refs: Vec<Option<EventKind>> = refs.into_iter().map(Some).collect();
    let take = |refs: &mut Vec<Option<EventKind>>, obj: ObjId, gained: bool| {
        let mut out = Vec::new();
        for slot in refs.iter_mut() {
            let matches = match slot {
                Some(EventKind::RefGained { obj: o, .. }) => gained && *o == obj,
                Some(EventKind::RefLost { obj: o, .. }) => !gained && *o == obj,
                _ => false,
            };
            if matches {
                out.extend(slot.take());
            }
        }
        out
    };
    let mut out = Vec::with_capacity(events.len() + refs.len());
    for event in events {
        match &event {
            EventKind::Alloc { obj, .. } => {
                let obj = *obj;
                out.push(event);
                out.extend(take(&mut refs, obj, true));
            }
            EventKind::Free { obj, .. } => {
                out.extend(take(&mut refs, *obj, false));
                out.push(event);
            }
            _ => out.push(event),
        }
    }
    out.extend(refs.into_iter().flatten());
    out
}

/// The snapshots a trace keeps: at most `max`, the last one always. When more steps
/// arrive than fit, a step with fewer events gives way to one with more; among equals the
/// earlier ones stay.
#[derive(Clone, Debug, Default)]
pub struct SnapshotBudget {
    max: usize,
    kept: Vec<(usize, Snapshot)>,
    last: Option<(usize, Snapshot)>,
}

impl SnapshotBudget {
    pub fn new(max: u32) -> Self {
        SnapshotBudget {
            max: (max as usize).max(1),
            kept: Vec::new(),
            last: None,
        }
    }

    /// Offers the snapshot of a step that had `weight` events.
    pub fn offer(&mut self, snapshot: Snapshot, weight: usize) {
        if let Some((w, previous)) = self.last.replace((weight, snapshot)) {
            self.keep(previous, w);
        }
    }

    fn keep(&mut self, snapshot: Snapshot, weight: usize) {
        if self.kept.len() + 1 < self.max {
            self.kept.push((weight, snapshot));
            return;
        }
        let Some((i, &(lightest, _))) = self
            .kept
            .iter()
            .enumerate()
            .min_by_key(|(i, (w, _))| (*w, std::cmp::Reverse(*i)))
        else {
            return;
        };
        if weight > lightest {
            self.kept.remove(i);
            self.kept.push((weight, snapshot));
        }
    }

    /// The kept snapshots in step order, the last offered one at the end.
    pub fn finish(self) -> Vec<Snapshot> {
        let mut kept = self.kept;
        kept.sort_by_key(|(_, s)| s.step);
        let mut out: Vec<Snapshot> = kept.into_iter().map(|(_, s)| s).collect();
        out.extend(self.last.map(|(_, s)| s));
        out
    }
}
