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

use crate::{
    Event, EventKind, Holder, ObjId, Outcome, RunOptions, Snapshot, Status, Value, ROOTS_FRAME,
};

/// Steps a recorder follows in detail (snapshots, reference changes); later steps are only
/// counted, so long loops stay cheap.
pub const MAX_DETAILED_STEPS: u32 = 1000;

/// Steps before the end of a long run that are recorded in full again, so the end of the
/// story and the final state are there.
pub const TAIL_STEPS: u32 = 40;

/// Events the end of a long run may add to the trace beyond the run's event budget (which
/// its beginning may have used up).
pub const TAIL_EVENTS: u32 = 500;

/// The options to run a traced run again with when it was too long to record in full
/// (the simulators are deterministic), so that its last [`TAIL_STEPS`] steps are
/// recorded in full too; `None` when it fit, was already such a re-run, or was stopped by
/// a limit (running it twice would double the cost of the longest runs).
pub fn rerun_for_tail(first: &Outcome, options: &RunOptions) -> Option<RunOptions> {
    let total = first.trace.total_steps;
    if !options.trace
        || options.detail_from.is_some()
        || total <= MAX_DETAILED_STEPS
        || matches!(first.status, Status::LimitExceeded { .. })
    {
        return None;
    }
    let from = (total.saturating_sub(TAIL_STEPS) + 1).max(MAX_DETAILED_STEPS + 1);
    Some(RunOptions {
        detail_from: Some(from),
        ..options.clone()
    })
}

/// What happened in the steps a recorder only counted, told as one note: `lines 3–5
/// ×9997 (steps 1001–30990): 9997 allocs, 9990 frees, 3 gc gen0`.
#[derive(Clone, Debug, Default)]
pub struct Gap {
    first_step: u32,
    last_step: u32,
    /// Times each line ran.
    lines: BTreeMap<u32, u64>,
    allocs: u64,
    frees: u64,
    /// Collections by collector.
    gcs: BTreeMap<String, u64>,
}

impl Gap {
    /// A counted step began.
    pub fn step(&mut self, step: u32, line: u32) {
        if self.first_step == 0 {
            self.first_step = step;
        }
        self.last_step = step;
        *self.lines.entry(line).or_default() += 1;
    }

    pub fn alloc(&mut self) {
        self.allocs += 1;
    }

    pub fn free(&mut self) {
        self.frees += 1;
    }

    pub fn gc(&mut self, collector: &str) {
        *self.gcs.entry(collector.to_owned()).or_default() += 1;
    }

    /// The note telling the counted steps (none if there were none); the gap starts over.
    pub fn take_note(&mut self) -> Option<Event> {
        let gap = std::mem::take(self);
        let (&first_line, _) = gap.lines.iter().find(|(l, _)| **l > 0)?;
        let last_line = *gap.lines.keys().next_back().unwrap_or(&first_line);
        let times = gap.lines.values().max().copied().unwrap_or(0);
        let lines = if first_line == last_line {
            format!("line {first_line}")
        } else {
            format!("lines {first_line}–{last_line}")
        };
        let mut parts = vec![
            format!("{} allocs", gap.allocs),
            format!("{} frees", gap.frees),
        ];
        parts.extend(gap.gcs.iter().map(|(c, n)| format!("{n} gc {c}")));
        Some(Event {
            step: gap.first_step,
            line: first_line,
            kind: EventKind::Note {
                text: format!(
                    "{lines} ×{times} (steps {}–{}): {}",
                    gap.first_step,
                    gap.last_step,
                    parts.join(", ")
                ),
            },
        })
    }
}

/// Who holds a reference, as a key that is equal across snapshots.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Source {
    /// Variable `name` of the `nth` frame (outermost 0) among those named `frame`: a
    /// frame keeps its key when other frames (the runtime's roots) are drawn before or
    /// after it.
    Var {
        frame: String,
        nth: usize,
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
    let mut seen_frames: HashMap<&str, usize> = HashMap::new();
    for frame in &snapshot.frames {
        let nth = seen_frames.entry(frame.name.as_str()).or_default();
        for (name, value) in &frame.vars {
            if let Value::Ref(id) = value {
                out.insert(
                    Source::Var {
                        frame: frame.name.clone(),
                        nth: *nth,
                        name: name.clone(),
                    },
                    *id,
                );
            }
        }
        *nth += 1;
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
/// without counts. A variable of a frame that ended whose value is now held by a field of
/// the same name (a captured variable kept by its closure context) is one
/// [`EventKind::RefMoved`]. Objects in `ignore` (not drawn for the reader, such as built-in functions) are
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
    cancel_shifts(&mut gained, &mut lost);
    pair_moves(&mut gained, &mut lost, after);
    gained.extend(lost);
    gained
}

/// Drops each lost item of a container together with a gained item of the same container
/// holding the same object: the item only changed its index (`pop(0)`, `insert`,
/// `shift`, a sort, a set's members renumbered), the container still holds it once.
fn cancel_shifts(gained: &mut Vec<EventKind>, lost: &mut Vec<EventKind>) {
    let indexed =
        |key: &str| key.is_empty() || key.starts_with(|c: char| c.is_ascii_digit() || c == '#');
    let item_of = |event: &EventKind| match event {
        EventKind::RefGained {
            obj,
            holder:
                Holder::Slot {
                    obj: container,
                    key,
                },
            ..
        }
        | EventKind::RefLost {
            obj,
            holder:
                Holder::Slot {
                    obj: container,
                    key,
                },
            ..
        } if indexed(key) => Some((*obj, *container)),
        _ => None,
    };
    let mut taken = vec![false; gained.len()];
    lost.retain(|l| {
        let Some(item) = item_of(l) else { return true };
        let found = gained
            .iter()
            .enumerate()
            .position(|(i, g)| !taken[i] && item_of(g) == Some(item));
        match found {
            Some(i) => {
                taken[i] = true;
                false
            }
            None => true,
        }
    });
    let mut i = 0;
    gained.retain(|_| {
        i += 1;
        !taken[i - 1]
    });
}

/// Turns each lost variable of an ended frame and the gained field of the same name
/// holding the same object into one [`EventKind::RefMoved`], in the gained one's place.
fn pair_moves(gained: &mut [EventKind], lost: &mut Vec<EventKind>, after: &Snapshot) {
    let frame_alive = |frame: &str| after.frames.iter().any(|f| f.name == frame);
    lost.retain(|event| {
        let EventKind::RefLost {
            obj,
            holder: from @ Holder::Var { frame, name },
            ..
        } = event
        else {
            return true;
        };
        if frame_alive(frame) {
            return true;
        }
        let to = gained.iter_mut().find(|g| {
            matches!(g, EventKind::RefGained {
                obj: o,
                holder: Holder::Attr { name: n, .. } | Holder::Slot { key: n, .. },
                ..
            } if o == obj && n == name)
        });
        let Some(to) = to else { return true };
        let EventKind::RefGained { holder, .. } = to else {
            return true;
        };
        *to = EventKind::RefMoved {
            obj: *obj,
            from: from.clone(),
            to: holder.clone(),
        };
        false
    });
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
