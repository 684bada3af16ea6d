//! Assembles `div.gen-run`, the panel under an executed fence: output, summary line, trace
//! table, heap graph with a CSS-only stepper over key steps, and the sequence diagram.
//!
//! The class names are a stable contract for themes and tests (see `check-seed-page.py`):
//! `gen-run[data-lang][data-status]` holding `.gen-output`, `table.gen-trace`,
//! `.gen-heap svg`, `.gen-seq svg`. `unsupported` panels show only the output and the
//! message. Every `ok`/`error` panel carries all four, with empty states when the trace is
//! empty (a program that failed to parse still gets a table row, a heap and a diagram).

use std::collections::HashSet;
use std::fmt::Write;

use gen_trace::{ObjId, Outcome, Snapshot, Status};

use super::heap_svg::{self, HeapView};
use super::html::push_escaped;
use super::names::{event_object, Names};
use super::rows::rows;
use super::{sequence, summary, table};

/// Key steps shown in the heap stepper, the final state included (`panels.css` has a rule
/// per position, so raising this needs more rules there).
pub const MAX_KEY_STEPS: usize = 12;

/// How much of the trace a panel shows (the `trace` fence option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TraceMode {
    /// Output only.
    Off,
    /// Output and the summary line.
    Summary,
    /// Everything.
    Full,
}

/// One run to draw.
pub struct Panel<'a> {
    pub outcome: &'a Outcome,
    /// The snippet's source, for lines the trace does not carry.
    pub source: &'a str,
    pub mode: TraceMode,
    /// Page-unique prefix for element ids.
    pub id_prefix: &'a str,
}

/// Renders a Mermaid source to HTML: `(source, diagram id, accessible title) -> html`.
pub type DiagramRenderer<'r> = dyn Fn(&str, &str, &str) -> String + 'r;

/// The panel's HTML.
pub fn render(panel: &Panel<'_>, diagram: &DiagramRenderer<'_>) -> String {
    let outcome = panel.outcome;
    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(
        out,
        "<div class=\"gen-run\" data-lang=\"{}\" data-status=\"{}\">",
        outcome.lang.as_str(),
        outcome.status.panel_status()
    );
    render_output(outcome, &mut out);
    if let Status::Unsupported { feature, pos } = &outcome.status {
        out.push_str("<p class=\"gen-unsupported\" role=\"note\">");
        push_escaped(
            &mut out,
            &format!("unsupported: {feature} at {}:{}", pos.line, pos.col),
        );
        out.push_str("</p></div>");
        return out;
    }
    if let Status::LimitExceeded { limit, pos } = &outcome.status {
        out.push_str("<p class=\"gen-limit\" role=\"note\">");
        push_escaped(
            &mut out,
            &format!(
                "⏹ The simulator stopped this run before it ended (the real runtime would go on): {}{}. What is shown is the state at that point.",
                table::limit_text(limit),
                table::at(table::stop_pos(*pos, &outcome.trace))
            ),
        );
        out.push_str("</p>");
    }
    if panel.mode == TraceMode::Off {
        out.push_str("</div>");
        return out;
    }
    let trace = &outcome.trace;
    let names = Names::from_trace(trace);
    summary::render(&trace.summary, &names, &mut out);
    if panel.mode == TraceMode::Summary {
        out.push_str("</div>");
        return out;
    }
    let rows = rows(trace, panel.source);
    out.push_str("<details class=\"gen-section\" open><summary>Heap trace</summary>");
    table::render(&rows, &names, &outcome.status, trace, &mut out);
    out.push_str("</details><details class=\"gen-section\" open><summary>Heap graph</summary>");
    render_heap(panel, &names, &mut out);
    out.push_str("</details><details class=\"gen-section\" open><summary>Memory events</summary><div class=\"gen-seq\">");
    let seq = sequence::source(outcome, &rows, &names);
    let title = format!(
        "Sequence diagram of the memory events of this {} snippet",
        outcome.lang.as_str()
    );
    out.push_str(&diagram(&seq, &format!("{}-seq", panel.id_prefix), &title));
    out.push_str("</div></details></div>");
    out
}

/// `pre.gen-output`: stdout, then stderr, escaped; a muted note when both are empty.
fn render_output(outcome: &Outcome, out: &mut String) {
    out.push_str("<pre class=\"gen-output\" aria-label=\"Output\"><code>");
    if outcome.stdout.is_empty() && outcome.stderr.is_empty() {
        out.push_str("<span class=\"gen-no-output\">(no output)</span>");
    }
    push_escaped(out, &outcome.stdout);
    if !outcome.stderr.is_empty() {
        out.push_str("<span class=\"gen-stderr\">");
        push_escaped(out, &outcome.stderr);
        out.push_str("</span>");
    }
    out.push_str("</code></pre>");
}

/// `div.gen-heap`: one figure per key step behind radio inputs (CSS shows the checked one;
/// the final state is checked, so it shows without JavaScript; without CSS all show).
fn render_heap(panel: &Panel<'_>, names: &Names, out: &mut String) {
    let trace = &panel.outcome.trace;
    let empty;
    let keys: Vec<&Snapshot> = if trace.snapshots.is_empty() {
        empty = Snapshot {
            step: 0,
            line: 0,
            frames: Vec::new(),
            heap: Vec::new(),
            stdout: String::new(),
        };
        vec![&empty]
    } else {
        key_snapshots(&trace.snapshots, panel.outcome)
    };
    let prefix = panel.id_prefix;
    out.push_str("<div class=\"gen-heap\"><div class=\"gen-stepper\">");
    let last = keys.len() - 1;
    if keys.len() > 1 {
        for i in 0..keys.len() {
            let _ = write!(
                out,
                "<input type=\"radio\" class=\"gen-step-input\" name=\"{prefix}-step\" id=\"{prefix}-s{i}\"{}>",
                if i == last { " checked" } else { "" }
            );
        }
        out.push_str("<div class=\"gen-step-labels\" aria-label=\"Key steps\">");
        for (i, snapshot) in keys.iter().enumerate() {
            let _ = write!(
                out,
                "<label for=\"{prefix}-s{i}\" title=\"after step {}\">",
                snapshot.step
            );
            if i == last {
                out.push_str("final");
            } else if keys.iter().filter(|k| k.line == snapshot.line).count() > 1 {
                let _ = write!(out, "line {} · {}", snapshot.line, snapshot.step);
            } else {
                let _ = write!(out, "line {}", snapshot.line);
            }
            out.push_str("</label>");
        }
        out.push_str("</div>");
    }
    out.push_str("<div class=\"gen-step-frames\">");
    for (i, snapshot) in keys.iter().enumerate() {
        let caption = caption(snapshot, i == last, panel);
        let changed: HashSet<ObjId> = trace
            .events
            .iter()
            .filter(|e| e.step == snapshot.step)
            .filter_map(|e| event_object(&e.kind))
            .collect();
        out.push_str("<figure class=\"gen-step\">");
        heap_svg::render(
            &HeapView {
                snapshot,
                names,
                changed: &changed,
                id: &format!("{prefix}-h{i}"),
                title: &caption,
            },
            out,
        );
        out.push_str("<figcaption>");
        push_escaped(out, &caption);
        out.push_str("</figcaption></figure>");
    }
    out.push_str("</div></div></div>");
}

fn caption(snapshot: &Snapshot, is_final: bool, panel: &Panel<'_>) -> String {
    let status = &panel.outcome.status;
    if snapshot.step == 0 && snapshot.frames.is_empty() && snapshot.heap.is_empty() {
        return match status {
            Status::Error { message, .. } if table::is_parse_error(message) => {
                "Heap: empty, the program failed to parse".to_owned()
            }
            Status::Error { .. } => "Heap at the error: no snapshot was recorded".to_owned(),
            _ => "Heap: no snapshot was recorded".to_owned(),
        };
    }
    let source = panel
        .outcome
        .trace
        .steps
        .iter()
        .find(|s| s.step == snapshot.step)
        .map(|s| s.source.as_str())
        .unwrap_or_default();
    let when = match (is_final, status) {
        (true, Status::Error { .. }) => "Heap at the error, after",
        (true, Status::LimitExceeded { .. }) => "Heap when the simulator stopped, after",
        (true, _) => "Final state, after",
        (false, _) => "Heap after",
    };
    let mut text = format!("{when} line {} (step {})", snapshot.line, snapshot.step);
    if !source.is_empty() {
        text.push_str(": ");
        text.push_str(source);
    }
    text
}

/// Up to [`MAX_KEY_STEPS`] snapshots in step order, always ending with the last one; when
/// there are more, those at steps with the most allocations, frees and collections win.
fn key_snapshots<'a>(snapshots: &'a [Snapshot], outcome: &Outcome) -> Vec<&'a Snapshot> {
    let Some((last, earlier)) = snapshots.split_last() else {
        return Vec::new();
    };
    let mut picked: Vec<(usize, &Snapshot)> = earlier.iter().enumerate().collect();
    if picked.len() >= MAX_KEY_STEPS {
        let weight = |s: &Snapshot| {
            outcome
                .trace
                .events
                .iter()
                .filter(|e| e.step == s.step && event_object(&e.kind).is_some())
                .count()
        };
        picked.sort_by_key(|(i, s)| (std::cmp::Reverse(weight(s)), *i));
        picked.truncate(MAX_KEY_STEPS - 1);
        picked.sort_by_key(|(i, _)| *i);
    }
    picked
        .into_iter()
        .map(|(_, s)| s)
        .chain(std::iter::once(last))
        .collect()
}
