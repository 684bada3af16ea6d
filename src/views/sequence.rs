//! The generated sequence diagram: the trace's memory events as Mermaid `sequenceDiagram`
//! source, in the spirit of the hand-drawn diagrams of the seed note. Participants are
//! Var / Heap / RC / GC for Python and Var / Stack / Heap / GC for JavaScript. Long runs
//! are capped at [`MAX_MESSAGES`] with a closing note; collapsed loops become `loop` blocks.

use gen_trace::{EventKind, Holder, Lang, Outcome, Status};

use super::effect::{self, holder_text};
use super::names::Names;
use super::rows::Row;
use super::table::{at, is_parse_error};

/// Messages drawn at most, so the diagram stays readable.
pub const MAX_MESSAGES: usize = 40;

/// Builds the diagram's Mermaid source.
pub fn source(outcome: &Outcome, rows: &[Row<'_>], names: &Names) -> String {
    let python = outcome.lang == Lang::Python;
    let mut d = Diagram {
        out: String::from("sequenceDiagram\n"),
        messages: 0,
        dropped: 0,
    };
    let participants: &[&str] = if python {
        &["Var", "Heap", "RC", "GC"]
    } else {
        &["Var", "Stack", "Heap", "GC"]
    };
    for p in participants {
        d.out.push_str("    participant ");
        d.out.push_str(p);
        d.out.push('\n');
    }
    let mut in_gc = false;
    for row in rows {
        match row {
            Row::Startup(totals) => {
                d.message(
                    "Var",
                    "->>",
                    "Heap",
                    &format!("start: {}", totals.describe()),
                );
            }
            Row::Exit(totals) => d.note(&format!("runtime exit: {}", totals.describe())),
            Row::Step(step) if step.events.is_empty() && !python => {
                d.message(
                    "Var",
                    "->>",
                    "Stack",
                    &format!("line {}: {}", step.line, step.source),
                );
            }
            Row::Step(step) => {
                for (kind, held) in effect::merge_allocations(&step.events) {
                    match held {
                        Some(held) => {
                            d.message("Var", "->>", "Heap", &new_object(kind, held, names))
                        }
                        None => message_for(&mut d, kind, names, python, &mut in_gc),
                    }
                }
            }
            Row::Loop(folded) => {
                if d.has_room(1) {
                    d.out.push_str("    loop ");
                    d.out.push_str(&mermaid_text(&format!(
                        "{} more iterations (steps {}–{})",
                        folded.iterations, folded.first_step, folded.last_step
                    )));
                    d.out.push('\n');
                    d.message("Var", "->>", "Heap", &folded.totals.describe());
                    d.out.push_str("    end\n");
                } else {
                    d.dropped += 1;
                }
            }
        }
    }
    if d.messages == 0 && d.dropped == 0 {
        let text = match &outcome.status {
            Status::Error { message, .. } if is_parse_error(message) => {
                "nothing ran: the program failed to parse"
            }
            _ => "no heap events were recorded",
        };
        d.note(text);
    }
    for retained in &outcome.trace.summary.retained {
        let path = if retained.path.is_empty() {
            String::new()
        } else {
            format!(" via {}", retained.path.join(" → "))
        };
        d.note(&format!(
            "leaked at exit: {}{path}",
            names.name(retained.obj)
        ));
    }
    match &outcome.status {
        Status::Error { message, pos } => d.note(&format!("✗ {message}{}", at(*pos))),
        Status::LimitExceeded { limit, pos } => d.note(&format!(
            "stopped: {}{}",
            super::table::limit_text(limit),
            at(super::table::stop_pos(*pos, &outcome.trace))
        )),
        Status::Ok | Status::Unsupported { .. } => {}
    }
    if d.dropped > 0 {
        let text = format!("… {} more events in the trace table", d.dropped);
        d.out.push_str("    Note over Var,GC: ");
        d.out.push_str(&mermaid_text(&text));
        d.out.push('\n');
    }
    d.out
}

struct Diagram {
    out: String,
    messages: usize,
    dropped: usize,
}

impl Diagram {
    fn has_room(&self, n: usize) -> bool {
        self.messages + n <= MAX_MESSAGES
    }

    fn message(&mut self, from: &str, arrow: &str, to: &str, text: &str) {
        if !self.has_room(1) {
            self.dropped += 1;
            return;
        }
        self.messages += 1;
        self.out.push_str("    ");
        self.out.push_str(from);
        self.out.push_str(arrow);
        self.out.push_str(to);
        self.out.push_str(": ");
        self.out.push_str(&mermaid_text(text));
        self.out.push('\n');
    }

    fn note(&mut self, text: &str) {
        if !self.has_room(1) {
            self.dropped += 1;
            return;
        }
        self.messages += 1;
        self.out.push_str("    Note over Var,GC: ");
        self.out.push_str(&mermaid_text(text));
        self.out.push('\n');
    }
}

fn message_for(d: &mut Diagram, kind: &EventKind, names: &Names, python: bool, in_gc: &mut bool) {
    let text = effect::effect(kind, names);
    match kind {
        EventKind::Alloc { .. } => d.message("Var", "->>", "Heap", &text),
        EventKind::RefGained { obj, holder, count } => {
            let from = holder_side(holder, python);
            let text = ref_text(holder, *obj, *count, names, "→");
            if python {
                d.message(from, "->>", "RC", &text);
            } else if from == "Heap" {
                d.message("Heap", "->>", "Heap", &text);
            } else {
                d.message(from, "->>", "Heap", &text);
            }
        }
        EventKind::RefLost { obj, holder, count } => {
            let from = holder_side(holder, python);
            let text = ref_text(holder, *obj, *count, names, "✕");
            if python {
                d.message(from, "-->>", "RC", &text);
            } else if from == "Heap" {
                d.message("Heap", "-->>", "Heap", &text);
            } else {
                d.message(from, "-->>", "Heap", &text);
            }
        }
        EventKind::RefMoved { to, .. } => {
            let side = holder_side(to, python);
            d.message("Var", "->>", if python { "RC" } else { side }, &text)
        }
        EventKind::Free { .. } if python && !*in_gc => {
            d.message("RC", "->>", "Heap", &format!("refcount 0: {text}"))
        }
        EventKind::Free { .. } | EventKind::Move { .. } | EventKind::Finalizer { .. } => {
            d.message("GC", "->>", "Heap", &text)
        }
        EventKind::GcStart { .. } => {
            *in_gc = true;
            d.message("GC", "->>", "Heap", &text);
        }
        EventKind::GcEnd { .. } => {
            *in_gc = false;
            d.message("GC", "-->>", "Heap", &text);
        }
        EventKind::WeakCleared { .. } => d.message("Heap", "-->>", "Var", &text),
        EventKind::Task { .. } | EventKind::Note { .. } => d.note(&text),
    }
}

/// The participant a reference comes from: a variable, a temporary on the stack (Python has
/// no Stack participant, so its temporaries count as Var), or another object.
fn holder_side(holder: &Holder, python: bool) -> &'static str {
    match holder {
        Holder::Var { .. } | Holder::Root { .. } | Holder::Other { .. } => "Var",
        Holder::Temp if python => "Var",
        Holder::Temp => "Stack",
        Holder::Slot { .. } | Holder::Attr { .. } => "Heap",
    }
}

/// `a = new list#1 (72 B, rc 1)`: an allocation and the reference that keeps it.
fn new_object(alloc: &EventKind, held: &EventKind, names: &Names) -> String {
    let (EventKind::Alloc { obj, size, .. }, EventKind::RefGained { holder, count, .. }) =
        (alloc, held)
    else {
        return effect::effect(alloc, names);
    };
    let count = count.map(|c| format!(", rc {c}")).unwrap_or_default();
    format!(
        "{} = new {} ({}{count})",
        holder_text(holder, names),
        names.name(*obj),
        super::html::bytes(*size)
    )
}

/// `b → list#1 (rc 2)` / `a ✕ Object#1`.
fn ref_text(holder: &Holder, obj: u64, count: Option<u64>, names: &Names, arrow: &str) -> String {
    let base = format!("{} {arrow} {}", holder_text(holder, names), names.name(obj));
    match count {
        Some(c) => format!("{base} (rc {c})"),
        None => base,
    }
}

/// Characters of one line of a message label or note at most: longer labels wrap onto
/// further lines. Labels set the gaps between participants, so this keeps the diagram
/// narrow enough to read without shrinking.
pub const MAX_LABEL: usize = 44;

/// Lines of a wrapped label at most; a label longer still ends in `…` (the trace table
/// has it in full).
pub const MAX_LABEL_LINES: usize = 6;

/// Text safe after a message's colon: wrapped at word boundaries onto lines of at most
/// [`MAX_LABEL`] characters joined by Mermaid's `<br/>` (a longer word is split), and the
/// characters Mermaid treats as statement separators, comments, entities or markup
/// written as Mermaid entity codes.
pub fn mermaid_text(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let need = if len == 0 {
                word.len()
            } else {
                len + 1 + word.len()
            };
            if need <= MAX_LABEL {
                if len > 0 {
                    line.push(' ');
                }
                line.extend(word);
                len = need;
                break;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
                continue;
            }
            let rest = word.split_off(MAX_LABEL);
            lines.push(word.into_iter().collect());
            word = rest;
        }
    }
    if len > 0 {
        lines.push(line);
    }
    let cut = lines.len() > MAX_LABEL_LINES;
    lines.truncate(MAX_LABEL_LINES);
    if let (true, Some(last)) = (cut, lines.last_mut()) {
        if last.chars().count() >= MAX_LABEL {
            last.pop();
        }
        last.push('…');
    }
    lines
        .iter()
        .map(|l| escape_label(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

/// One line of a label with Mermaid's special characters as entity codes.
fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '%' => out.push_str("#37;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            _ => out.push(ch),
        }
    }
    out
}
