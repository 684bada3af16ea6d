//! `table.gen-trace`: the step-by-step heap trace (step, line, source, event, heap effect),
//! long loops collapsed, ending with how the run ended when it did not end normally.

use gen_trace::{Pos, Status, Trace};

use super::effect;
use super::html::push_escaped;
use super::names::Names;
use super::rows::Row;

/// Rows drawn at most; the rest are counted in a closing row.
const MAX_TABLE_ROWS: usize = 300;

/// Appends the table, in its horizontally scrollable wrapper, to `out`.
pub fn render(rows: &[Row<'_>], names: &Names, status: &Status, trace: &Trace, out: &mut String) {
    let elided = trace.elided_steps;
    out.push_str(
        "<div class=\"gen-trace-wrap\" role=\"region\" aria-label=\"Heap trace\" tabindex=\"0\">\
         <table class=\"gen-trace\"><caption>Heap trace, step by step</caption>\
         <thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Line</th>\
         <th scope=\"col\">Source</th><th scope=\"col\">Event</th>\
         <th scope=\"col\">Heap effect</th></tr></thead><tbody>",
    );
    let mut drawn = 0;
    let mut hidden = 0;
    for row in rows {
        let height = match row {
            Row::Step(step) => effect::merge_allocations(&step.events).len().max(1),
            Row::Loop(_) | Row::Startup(_) | Row::Exit(_) => 1,
        };
        if drawn + height > MAX_TABLE_ROWS {
            hidden += height;
            continue;
        }
        drawn += height;
        match row {
            Row::Startup(totals) => push_row(
                out,
                "gen-startup",
                ["0", "–"],
                "(before the first line)",
                "start",
                &format!("runtime start: {}", totals.describe()),
            ),
            Row::Exit(totals) => push_row(
                out,
                "gen-exit",
                ["exit", "–"],
                "(after the last line)",
                "exit",
                &format!("runtime exit: {}", totals.describe()),
            ),
            Row::Step(step) if step.events.is_empty() => {
                push_row(
                    out,
                    "",
                    [&step.step.to_string(), &step.line.to_string()],
                    step.source,
                    "line",
                    "",
                );
            }
            Row::Step(step) => {
                for (i, (kind, held)) in effect::merge_allocations(&step.events)
                    .into_iter()
                    .enumerate()
                {
                    let class = format!("gen-ev-{}", effect::label(kind).replace(' ', "-"));
                    let text = effect::effect_with(kind, held, names);
                    if i == 0 {
                        push_row(
                            out,
                            &class,
                            [&step.step.to_string(), &step.line.to_string()],
                            step.source,
                            effect::label(kind),
                            &text,
                        );
                    } else {
                        push_row(
                            out,
                            &format!("{class} gen-cont"),
                            ["", ""],
                            "",
                            effect::label(kind),
                            &text,
                        );
                    }
                }
            }
            Row::Loop(folded) => {
                let steps = format!("{}–{}", folded.first_step, folded.last_step);
                let lines = if folded.first_line == folded.last_line {
                    folded.first_line.to_string()
                } else {
                    format!("{}–{}", folded.first_line, folded.last_line)
                };
                let event = format!("loop ×{}", folded.iterations);
                let source = format!("↻ {} more iterations of lines {lines}", folded.iterations);
                push_row(
                    out,
                    "gen-loop",
                    [&steps, &lines],
                    &source,
                    &event,
                    &folded.totals.describe(),
                );
            }
        }
    }
    if hidden > 0 {
        push_wide(out, "gen-more", &format!("… {hidden} more rows not shown"));
    }
    if elided > 0 {
        push_wide(
            out,
            "gen-more",
            &format!("… {elided} steps summarised by the simulator"),
        );
    }
    if let Some(text) = ending(status, trace, rows.is_empty()) {
        push_wide(out, "gen-ending", &text);
    }
    out.push_str("</tbody></table></div>");
}

/// A limit as simulators name it (`steps`, or `step limit of 5000000 steps`), as a phrase
/// naming the limit.
pub fn limit_text(limit: &str) -> String {
    if limit.contains("limit") {
        limit.to_owned()
    } else {
        format!("{limit} limit")
    }
}

fn push_row(
    out: &mut String,
    class: &str,
    cells: [&str; 2],
    source: &str,
    event: &str,
    effect: &str,
) {
    if class.is_empty() {
        out.push_str("<tr>");
    } else {
        out.push_str("<tr class=\"");
        out.push_str(class);
        out.push_str("\">");
    }
    for cell in cells {
        out.push_str("<td>");
        push_escaped(out, cell);
        out.push_str("</td>");
    }
    out.push_str("<td><code>");
    push_escaped(out, source);
    out.push_str("</code></td><td>");
    push_escaped(out, event);
    out.push_str("</td><td>");
    push_escaped(out, effect);
    out.push_str("</td></tr>");
}

fn push_wide(out: &mut String, class: &str, text: &str) {
    out.push_str("<tr class=\"");
    out.push_str(class);
    out.push_str("\"><td colspan=\"5\">");
    push_escaped(out, text);
    out.push_str("</td></tr>");
}

/// The closing row: why the run stopped, or that nothing was recorded.
fn ending(status: &Status, trace: &Trace, empty: bool) -> Option<String> {
    match status {
        Status::Ok if empty => Some("No steps were recorded.".into()),
        Status::Ok | Status::Unsupported { .. } => None,
        Status::Error { message, pos } if empty && is_parse_error(message) => Some(format!(
            "✗ The program failed to parse, nothing ran: {message}{}",
            at(*pos)
        )),
        Status::Error { message, pos } if empty => Some(format!(
            "✗ The program failed before any step was recorded: {message}{}",
            at(*pos)
        )),
        Status::Error { message, pos } => Some(format!("✗ {message}{}", at(*pos))),
        Status::LimitExceeded { limit, pos } => Some(format!(
            "⏹ Stopped by the simulator, not by the program: {}{}",
            limit_text(limit),
            at(stop_pos(*pos, trace))
        )),
    }
}

/// Whether an error message is a parse error (nothing ran).
pub fn is_parse_error(message: &str) -> bool {
    message.starts_with("SyntaxError")
        || message.starts_with("IndentationError")
        || message.starts_with("TabError")
}

/// ` at line 3, column 5`, or nothing when the position is unknown.
pub fn at(pos: Option<Pos>) -> String {
    match pos {
        Some(p) if p.col == 0 => format!(" at line {}", p.line),
        Some(p) => format!(" at line {}, column {}", p.line, p.col),
        None => String::new(),
    }
}

/// Where a run stopped: the position the simulator gave, else the last line that ran.
pub fn stop_pos(pos: Option<Pos>, trace: &Trace) -> Option<Pos> {
    pos.or_else(|| {
        let line = trace.steps.iter().rev().find(|s| s.line > 0)?.line;
        Some(Pos { line, col: 0 })
    })
}
