//! The trace as a list of rows: one unit per executed step with its events, long loops
//! collapsed into one unit with a count, and what the runtime did before the first line
//! and at exit (module teardown) summed up in one unit each. Shared by the trace table and the
//! sequence diagram, so both summarise the same way.

use std::collections::BTreeMap;

use gen_trace::{Event, EventKind, Trace};

/// Longest loop body (in steps) recognised when collapsing.
const MAX_PERIOD: usize = 12;
/// A line pattern must repeat at least this many times in a row to be collapsed.
const MIN_ITERATIONS: usize = 3;

/// One executed step and the events it caused.
#[derive(Debug)]
pub struct StepRow<'a> {
    pub step: u32,
    pub line: u32,
    pub source: &'a str,
    pub events: Vec<&'a Event>,
}

/// Repeated iterations of a loop body, summarised.
#[derive(Debug, Default, PartialEq)]
pub struct LoopRow {
    pub first_step: u32,
    pub last_step: u32,
    pub first_line: u32,
    pub last_line: u32,
    /// Iterations folded into this row (the first iteration is shown in full before it).
    pub iterations: usize,
    pub totals: Totals,
}

/// Event counts over collapsed steps.
#[derive(Debug, Default, PartialEq)]
pub struct Totals {
    pub allocs: u64,
    pub alloc_bytes: u64,
    pub frees: u64,
    pub free_bytes: u64,
    pub refs: u64,
    pub gc_runs: u64,
    pub collected: u64,
    pub other: u64,
}

impl Totals {
    fn add(&mut self, kind: &EventKind) {
        match kind {
            EventKind::Alloc { size, .. } => {
                self.allocs += 1;
                self.alloc_bytes += size;
            }
            EventKind::Free { size, .. } => {
                self.frees += 1;
                self.free_bytes += size;
            }
            EventKind::RefGained { .. }
            | EventKind::RefLost { .. }
            | EventKind::RefMoved { .. } => self.refs += 1,
            EventKind::GcEnd { collected, .. } => {
                self.gc_runs += 1;
                self.collected += collected;
            }
            EventKind::GcStart { .. } => {}
            _ => self.other += 1,
        }
    }

    /// `97 alloc (5.3 KB), 97 free, 194 ref changes, 1 gc (12 collected)`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.allocs > 0 {
            parts.push(format!(
                "{} alloc ({})",
                self.allocs,
                super::html::bytes(self.alloc_bytes)
            ));
        }
        if self.frees > 0 {
            parts.push(format!(
                "{} free ({})",
                self.frees,
                super::html::bytes(self.free_bytes)
            ));
        }
        if self.refs > 0 {
            parts.push(format!("{} ref changes", self.refs));
        }
        if self.gc_runs > 0 {
            parts.push(format!(
                "{} gc ({} collected)",
                self.gc_runs, self.collected
            ));
        }
        if self.other > 0 {
            parts.push(format!("{} other events", self.other));
        }
        if parts.is_empty() {
            "no heap events".into()
        } else {
            parts.join(", ")
        }
    }
}

/// A row of the trace.
#[derive(Debug)]
pub enum Row<'a> {
    /// The events before the first line ran (step 0), summed up.
    Startup(Totals),
    /// The runtime's exit after the last line (a line-0 step), summed up.
    Exit(Totals),
    Step(StepRow<'a>),
    Loop(LoopRow),
}

/// The trace's steps with their events, in step order, long loops collapsed. Events whose
/// step was not recorded as a step (e.g. collections at exit) get a row of their own with
/// the source line looked up in `source`.
pub fn rows<'a>(trace: &'a Trace, source: &'a str) -> Vec<Row<'a>> {
    let lines: Vec<&str> = source.lines().collect();
    let mut by_step: BTreeMap<u32, StepRow<'a>> = BTreeMap::new();
    for step in trace.steps.iter().filter(|s| s.line > 0) {
        by_step.entry(step.step).or_insert(StepRow {
            step: step.step,
            line: step.line,
            source: step.source.as_str(),
            events: Vec::new(),
        });
    }
    let mut startup: Option<Totals> = None;
    let mut exit: Option<Totals> = None;
    for event in &trace.events {
        if event.line == 0 {
            let phase = if event.step == 0 {
                &mut startup
            } else {
                &mut exit
            };
            phase.get_or_insert_with(Totals::default).add(&event.kind);
            continue;
        }
        by_step
            .entry(event.step)
            .or_insert_with(|| StepRow {
                step: event.step,
                line: event.line,
                source: line_text(&lines, event.line),
                events: Vec::new(),
            })
            .events
            .push(event);
    }
    let steps = collapse_loops(by_step.into_values().collect());
    startup
        .map(Row::Startup)
        .into_iter()
        .chain(steps)
        .chain(exit.map(Row::Exit))
        .collect()
}

fn line_text<'a>(lines: &[&'a str], line: u32) -> &'a str {
    usize::try_from(line)
        .ok()
        .and_then(|l| l.checked_sub(1))
        .and_then(|i| lines.get(i))
        .map_or("", |l| l.trim())
}

/// Folds runs where the same sequence of lines repeats at least [`MIN_ITERATIONS`] times:
/// the first iteration stays, the rest become one [`LoopRow`]. A loop never folds a step
/// with a note (the summary of a long run's middle) or runs across steps left out.
fn collapse_loops(steps: Vec<StepRow<'_>>) -> Vec<Row<'_>> {
    let mut previous = None;
    let lines: Vec<u32> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let follows = previous.is_none_or(|p: u32| p + 1 == s.step);
            previous = Some(s.step);
            let noted = s
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Note { .. }));
            if follows && !noted {
                s.line
            } else {
                // A key no other step has: no loop body can contain it.
                u32::MAX - i as u32
            }
        })
        .collect();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match find_loop(&lines, i) {
            Some((period, iterations)) => {
                spans.push((i, period, iterations));
                i += period * iterations;
            }
            None => i += 1,
        }
    }
    let mut rows = Vec::with_capacity(steps.len());
    let mut steps = steps.into_iter().enumerate().peekable();
    for (start, period, iterations) in spans {
        while let Some((_, step)) = steps.next_if(|(j, _)| *j < start + period) {
            rows.push(Row::Step(step));
        }
        let end = start + period * iterations;
        let mut folded = LoopRow {
            iterations: iterations - 1,
            first_line: u32::MAX,
            ..LoopRow::default()
        };
        while let Some((_, step)) = steps.next_if(|(j, _)| *j < end) {
            if folded.first_step == 0 {
                folded.first_step = step.step;
            }
            folded.last_step = step.step;
            folded.first_line = folded.first_line.min(step.line);
            folded.last_line = folded.last_line.max(step.line);
            for event in &step.events {
                folded.totals.add(&event.kind);
            }
        }
        rows.push(Row::Loop(folded));
    }
    rows.extend(steps.map(|(_, step)| Row::Step(step)));
    rows
}

/// The shortest period starting at `start` that repeats at least [`MIN_ITERATIONS`]
/// times, with its number of repetitions.
fn find_loop(lines: &[u32], start: usize) -> Option<(usize, usize)> {
    for period in 1..=MAX_PERIOD {
        if start + period * MIN_ITERATIONS > lines.len() {
            break;
        }
        let body = &lines[start..start + period];
        let mut iterations = 1;
        while let Some(next) =
            lines.get(start + iterations * period..start + (iterations + 1) * period)
        {
            if next != body {
                break;
            }
            iterations += 1;
        }
        if iterations >= MIN_ITERATIONS {
            return Some((period, iterations));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use gen_trace::Step;

    fn trace_of(lines: &[u32]) -> Trace {
        let steps = lines
            .iter()
            .enumerate()
            .map(|(i, &line)| Step {
                step: i as u32 + 1,
                line,
                source: format!("line {line}"),
            })
            .collect();
        let events = lines
            .iter()
            .enumerate()
            .filter(|(_, &l)| l == 3)
            .map(|(i, _)| Event {
                step: i as u32 + 1,
                line: 3,
                kind: EventKind::Alloc {
                    obj: i as u64,
                    type_name: "int".into(),
                    size: 28,
                    space: None,
                },
            })
            .collect();
        Trace {
            steps,
            events,
            ..Trace::default()
        }
    }

    #[test]
    fn a_loop_keeps_its_first_iteration_and_counts_the_rest() {
        let mut lines = vec![1];
        for _ in 0..100 {
            lines.extend([2, 3]);
        }
        lines.push(4);
        let trace = trace_of(&lines);
        let rows = rows(&trace, "");
        assert_eq!(rows.len(), 5, "{rows:?}");
        let Row::Loop(folded) = &rows[3] else {
            panic!("expected a loop row: {rows:?}")
        };
        assert_eq!(folded.iterations, 99);
        assert_eq!((folded.first_step, folded.last_step), (4, 201));
        assert_eq!((folded.first_line, folded.last_line), (2, 3));
        assert_eq!(folded.totals.allocs, 99);
        assert_eq!(folded.totals.describe(), "99 alloc (2.7 KB)");
        assert!(matches!(&rows[4], Row::Step(s) if s.line == 4));
    }

    #[test]
    fn what_ran_before_the_first_line_is_one_row() {
        let alloc = |obj| Event {
            step: 0,
            line: 0,
            kind: EventKind::Alloc {
                obj,
                type_name: "str".into(),
                size: 50,
                space: None,
            },
        };
        let mut trace = trace_of(&[1, 3]);
        trace.events.splice(0..0, [alloc(90), alloc(91)]);
        let rows = rows(&trace, "");
        assert_eq!(rows.len(), 3, "{rows:?}");
        let Row::Startup(totals) = &rows[0] else {
            panic!("{rows:?}")
        };
        assert_eq!(totals.describe(), "2 alloc (100 B)");
    }

    #[test]
    fn the_exit_after_the_last_line_is_one_row() {
        let mut trace = trace_of(&[1]);
        trace.steps.push(Step {
            step: 2,
            line: 0,
            source: "(interpreter exit)".into(),
        });
        trace.events.push(Event {
            step: 2,
            line: 0,
            kind: EventKind::Free {
                obj: 4,
                type_name: "list".into(),
                size: 72,
            },
        });
        let rows = rows(&trace, "");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(matches!(&rows[1], Row::Exit(t) if t.describe() == "1 free (72 B)"));
    }

    #[test]
    fn straight_line_code_is_not_collapsed() {
        let trace = trace_of(&[1, 2, 3, 2, 3, 4]);
        assert_eq!(rows(&trace, "").len(), 6);
    }

    #[test]
    fn events_without_a_step_get_their_own_row_with_the_source_line() {
        let trace = Trace {
            events: vec![Event {
                step: 9,
                line: 2,
                kind: EventKind::Note {
                    text: "exit".into(),
                },
            }],
            ..Trace::default()
        };
        let rows = rows(&trace, "a = 1\n  b = a  \n");
        assert!(matches!(&rows[..], [Row::Step(s)] if s.source == "b = a" && s.events.len() == 1));
    }
}
