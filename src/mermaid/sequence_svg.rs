//! A direct SVG writer for the plain sequence diagrams the run panels generate, byte for
//! byte what merman draws for them, at a small fraction of its cost.
//!
//! merman copies its whole effective configuration, lays the diagram out through its
//! general sequence model and serialises it on every render (~5.6 M instructions a
//! diagram). The run panels' diagrams (`views::sequence`) use a small subset of the
//! language: `participant X` (or `participant X as Label`) declarations, `A->>B: text` and
//! `A-->>B: text` messages between declared participants (self messages too), `Note over
//! A,B: text` and unnested `loop text` … `end`, with labels made of plain text, Mermaid
//! entity codes (`#35;`, `#lt;`, …) and `<br/>` line breaks.
//! [`render`] parses exactly that subset and draws it with the geometry of merman's
//! sequence renderer (itself mermaid.js's `sequenceRenderer`): actor margins from the
//! widest label between neighbours, messages and notes stacked down a cursor, deferred
//! message drawing, mirrored footer actors. Widths come from the same Arial table
//! merman measures with ([`super::text_width`]).
//!
//! The parts that do not depend on the diagram (the `<style>` element with its dark
//! overlay, the `<defs>` markers and filter) are taken once from a merman rendering of a
//! probe diagram, so they follow merman and the theme. Any other source, a directive, an
//! undeclared participant or a label with characters outside the subset gives `None`, and
//! the caller draws the diagram with merman: this module is an optimisation only, and
//! `tests/sequence_svg.rs` checks it against merman on many diagrams.

use super::text_width;

/// Default actor box width; wider labels widen their box.
const ACTOR_WIDTH: f64 = 150.0;
/// Height of an actor box with a one-line label (merman's "neo" look).
const ACTOR_HEIGHT: f64 = 74.0;
/// Least horizontal gap between two actor boxes.
const ACTOR_MARGIN: f64 = 50.0;
/// Space above each message and note.
const BOX_MARGIN: f64 = 10.0;
/// Padding on either side of a label when it sets a width.
const WRAP_PADDING: f64 = 10.0;
/// Padding inside a note, above and below its text.
const NOTE_MARGIN: f64 = 10.0;
/// Margin of the viewBox around the diagram.
const DIAGRAM_MARGIN_X: f64 = 50.0;
const DIAGRAM_MARGIN_Y: f64 = 10.0;
/// Height of one label line as Mermaid's `calculateTextDimensions` rounds it (16px × 1.1).
const LINE_HEIGHT: f64 = 18.0;
/// Height of one drawn `<text>` line (16px × 1.1), for a message's later lines.
const DRAWN_LINE_HEIGHT: f64 = 17.6;
/// Height of one drawn note line (a `<tspan>`'s first-line box, 16px rounded).
const NOTE_LINE_HEIGHT: f64 = 19.0;
/// Label font size.
const FONT_SIZE: f64 = 16.0;

/// The fixed parts of every diagram, for the id [`super::STYLE_ID`], split at that id.
pub(super) struct Template {
    /// `<style>…</style><g/>` with the dark overlay, in pieces between the id's places.
    style: Vec<String>,
    /// The `<defs>` blocks of the probe, each with the id it defines (after the diagram id).
    defs: Vec<(String, Vec<String>)>,
    /// The inline `style` attribute of every label (font family, size, weight).
    font_style: String,
}

impl Template {
    /// The template from merman's light rendering of a probe diagram (pruned, for
    /// [`super::STYLE_ID`]) and the dark overlay to append to its style.
    pub(super) fn from_probe(light: &str, overlay: &str) -> Option<Template> {
        let style_start = light.find("<style>")?;
        let style_end = style_start + light[style_start..].find("</style>")?;
        let mut style = String::with_capacity(style_end - style_start + overlay.len() + 16);
        style.push_str(&light[style_start..style_end]);
        style.push_str(overlay);
        style.push_str("</style>");
        let mut rest = light[style_end + "</style>".len()..].strip_prefix("<g/>")?;
        style.push_str("<g/>");
        let mut defs = Vec::new();
        while rest.starts_with("<defs>") {
            let end = rest.find("</defs>")? + "</defs>".len();
            let block = &rest[..end];
            let id_at = block.find(" id=\"")? + " id=\"".len();
            let id = &block[id_at..id_at + block[id_at..].find('"')?];
            let local = id.strip_prefix(super::STYLE_ID)?.strip_prefix('-')?;
            defs.push((local.to_owned(), split_id(block)));
            rest = &rest[end..];
        }
        let font_at = light.find("class=\"messageText\" dy=\"1em\" style=\"")?
            + "class=\"messageText\" dy=\"1em\" style=\"".len();
        let font_style = &light[font_at..font_at + light[font_at..].find('"')?];
        if defs.is_empty() || !font_style.starts_with("font-family:") {
            return None;
        }
        Some(Template {
            style: split_id(&style),
            defs,
            font_style: font_style.to_owned(),
        })
    }
}

/// `text` cut at every occurrence of the probe's id.
fn split_id(text: &str) -> Vec<String> {
    text.split(super::STYLE_ID).map(str::to_owned).collect()
}

/// Appends pieces joined by `id`.
fn push_joined(out: &mut String, pieces: &[String], id: &str) {
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(id);
        }
        out.push_str(piece);
    }
}

/// One statement of the diagram, in source order.
enum Statement<'a> {
    Message {
        from: usize,
        to: usize,
        dotted: bool,
        label: Label<'a>,
    },
    Note {
        from: usize,
        to: usize,
        label: Label<'a>,
    },
    LoopStart(Label<'a>),
    LoopEnd,
}

/// A label: its lines (split at `<br/>`), entity codes still in Mermaid's spelling.
struct Label<'a> {
    lines: Vec<&'a str>,
}

/// A participant: its name in the source and the label its box shows (its alias).
struct Actor<'a> {
    name: &'a str,
    label: &'a str,
}

/// A parsed diagram of the subset.
struct Diagram<'a> {
    actors: Vec<Actor<'a>>,
    statements: Vec<Statement<'a>>,
}

/// Words Mermaid's sequence grammar reads as keywords, never as a participant's name.
const KEYWORDS: &[&str] = &[
    "participant",
    "actor",
    "note",
    "loop",
    "end",
    "alt",
    "else",
    "opt",
    "par",
    "and",
    "rect",
    "critical",
    "option",
    "break",
    "over",
    "left",
    "right",
    "of",
    "activate",
    "deactivate",
    "create",
    "destroy",
    "box",
    "autonumber",
    "title",
    "accTitle",
    "accDescr",
    "links",
    "link",
    "properties",
    "details",
    "as",
    "sequenceDiagram",
];

/// Whether `name` can be a participant: ASCII letters, digits and `_`, not a keyword.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(name))
}

/// The subset's diagram, or `None` for anything else.
fn parse(source: &str) -> Option<Diagram<'_>> {
    if source.contains("style") || source.contains("classDef") {
        // Mermaid's entity pass treats `style…:…#…;` specially.
        return None;
    }
    let mut lines = source.lines().map(str::trim).filter(|l| !l.is_empty());
    if lines.next()? != "sequenceDiagram" {
        return None;
    }
    let mut diagram = Diagram {
        actors: Vec::new(),
        statements: Vec::new(),
    };
    let mut open_loops = 0usize;
    let index = |actors: &[Actor<'_>], name: &str| actors.iter().position(|a| a.name == name);
    for line in lines {
        if let Some(declaration) = line.strip_prefix("participant ") {
            let (name, alias) = match declaration.split_once(" as ") {
                Some((name, alias)) => (name.trim(), Some(label(alias)?)),
                None => (declaration, None),
            };
            if !diagram.statements.is_empty()
                || !is_name(name)
                || index(&diagram.actors, name).is_some()
            {
                return None;
            }
            let label = match alias {
                Some(Label { lines }) if lines.len() == 1 => lines[0],
                Some(_) => return None,
                None => name,
            };
            diagram.actors.push(Actor { name, label });
        } else if line == "end" {
            open_loops = open_loops.checked_sub(1)?;
            diagram.statements.push(Statement::LoopEnd);
        } else if let Some(text) = line.strip_prefix("loop ") {
            open_loops += 1;
            diagram.statements.push(Statement::LoopStart(label(text)?));
        } else if let Some(rest) = line.strip_prefix("Note over ") {
            let (pair, text) = rest.split_once(':')?;
            let (a, b) = pair.split_once(',')?;
            let from = index(&diagram.actors, a.trim())?;
            let to = index(&diagram.actors, b.trim())?;
            if from == to {
                return None;
            }
            diagram.statements.push(Statement::Note {
                from,
                to,
                label: label(text)?,
            });
        } else {
            let (head, text) = line.split_once(':')?;
            let (from, dotted, to) = if let Some((from, to)) = head.split_once("-->>") {
                (from, true, to)
            } else {
                let (from, to) = head.split_once("->>")?;
                (from, false, to)
            };
            let from = index(&diagram.actors, from)?;
            let to = index(&diagram.actors, to)?;
            diagram.statements.push(Statement::Message {
                from,
                to,
                dotted,
                label: label(text)?,
            });
        }
    }
    (open_loops == 0 && !diagram.actors.is_empty()).then_some(diagram)
}

/// A label's lines when every character is in the subset: no statement separators,
/// comments, markup, directives or math, entity codes only of the forms
/// [`decode_line`] knows, and single spaces between words.
fn label(text: &str) -> Option<Label<'_>> {
    let text = text.trim();
    if text.is_empty() || text.contains("wrap:") || text.contains("$$") {
        return None;
    }
    let lines: Vec<&str> = text.split("<br/>").collect();
    for line in &lines {
        if line.is_empty() || line.starts_with(' ') || line.ends_with(' ') || line.contains("  ") {
            return None;
        }
        let mut rest = *line;
        while let Some(at) = rest.find(|c: char| "#;%<>&".contains(c) || c.is_control()) {
            let tail = &rest[at..];
            if !tail.starts_with('#') {
                return None;
            }
            let end = tail.find(';')?;
            entity(&tail[1..end])?;
            rest = &tail[end + 1..];
        }
    }
    Some(Label { lines })
}

/// The character a Mermaid entity code (`lt` of `#lt;`, `35` of `#35;`) stands for.
fn entity(code: &str) -> Option<char> {
    match code {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        _ if !code.is_empty() && code.len() <= 6 && code.bytes().all(|b| b.is_ascii_digit()) => {
            let ch = char::from_u32(code.parse().ok()?)?;
            (!ch.is_control() && ch != '\u{FFFE}' && ch != '\u{FFFF}').then_some(ch)
        }
        _ => None,
    }
}

/// One label line as a reader sees it (entity codes decoded).
fn decode_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let end = tail.find(';').unwrap_or(0);
        out.push(entity(&tail[..end]).unwrap_or('#'));
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One label line as merman measures it: entity codes in the placeholder spelling of
/// Mermaid's `encodeEntities`.
fn measured_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let end = tail.find(';').unwrap_or(0);
        let code = &tail[..end];
        out.push_str(if code.bytes().all(|b| b.is_ascii_digit()) {
            "ﬂ°°"
        } else {
            "ﬂ°"
        });
        out.push_str(code);
        out.push_str("¶ß");
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Width of a label as Mermaid's `calculateTextDimensions` gives it: its widest line,
/// each rounded to a pixel.
fn label_width(label: &Label<'_>) -> f64 {
    let style = merman::svg::TextStyle {
        font_family: None,
        font_size: FONT_SIZE,
        font_weight: None,
        font_style: None,
    };
    label
        .lines
        .iter()
        .map(|line| text_width::width_px(&measured_line(line), &style).round())
        .fold(0.0, f64::max)
}

/// Appends a number as merman writes it: integers without a fraction, others in Rust's
/// shortest form.
fn push_num(out: &mut String, value: f64) {
    use std::fmt::Write;
    let mut v = if value.abs() < 1e-9 { 0.0 } else { value };
    if (v - v.round()).abs() < 1e-6 {
        v = v.round();
    }
    if v == 0.0 {
        v = 0.0;
    }
    if v.fract() == 0.0 && v.abs() < 9e15 {
        let _ = write!(out, "{}", v as i64);
    } else {
        let _ = write!(out, "{v}");
    }
}

/// Appends text content escaped as merman's XML writer does.
fn push_text(out: &mut String, text: &str) {
    let mut brackets = 0;
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '>' if brackets == 2 => out.push_str("&gt;"),
            _ => out.push(ch),
        }
        brackets = if ch == ']' { (brackets + 1).min(2) } else { 0 };
    }
}

/// Horizontal layout: each actor's left edge, width and centre.
struct Columns {
    left: Vec<f64>,
    width: Vec<f64>,
    center: Vec<f64>,
}

/// mermaid.js's `calculateActorMargins`: the gap after each actor fits the widest message
/// to its right-hand neighbour and half of each note over it.
fn columns(diagram: &Diagram<'_>) -> Columns {
    let n = diagram.actors.len();
    let style = merman::svg::TextStyle {
        font_family: None,
        font_size: FONT_SIZE,
        font_weight: None,
        font_style: None,
    };
    let width: Vec<f64> = diagram
        .actors
        .iter()
        .map(|a| {
            (text_width::width_px(&measured_line(a.label), &style).round() + 2.0 * WRAP_PADDING)
                .max(ACTOR_WIDTH)
        })
        .collect();
    let mut message_width = vec![0.0_f64; n];
    for statement in &diagram.statements {
        let (from, to, label, note) = match statement {
            Statement::Message {
                from, to, label, ..
            } => (*from, *to, label, false),
            Statement::Note { from, to, label } => (*from, *to, label, true),
            _ => continue,
        };
        let w = label_width(label) + 2.0 * WRAP_PADDING;
        if !note && to + 1 == from {
            message_width[to] = message_width[to].max(w);
        } else if !note && from + 1 == to {
            message_width[from] = message_width[from].max(w);
        } else if !note && from == to {
            message_width[from] = message_width[from].max(w / 2.0);
        } else if note {
            if to > 0 {
                message_width[to - 1] = message_width[to - 1].max(w / 2.0);
            }
            if to + 1 < n {
                message_width[from] = message_width[from].max(w / 2.0);
            }
        }
    }
    let margin: Vec<f64> = (0..n)
        .map(|i| {
            let w = message_width[i];
            if w <= 0.0 {
                return ACTOR_MARGIN;
            }
            let next = if i + 1 < n { width[i + 1] / 2.0 } else { 0.0 };
            (w + ACTOR_MARGIN - width[i] / 2.0 - next).max(ACTOR_MARGIN)
        })
        .collect();
    let mut left = Vec::with_capacity(n);
    let mut prev_width = 0.0;
    let mut prev_margin = 0.0;
    for i in 0..n {
        let x = prev_width + prev_margin;
        left.push(x);
        prev_width += width[i] + prev_margin;
        prev_margin = margin[i];
    }
    let center = left.iter().zip(&width).map(|(l, w)| l + w / 2.0).collect();
    Columns {
        left,
        width,
        center,
    }
}

/// A message's end points: out of the sender's lifeline, up to the arrowhead's tip
/// before the receiver's (merman's neo look shortens the line by 3 px, the arrowhead by 3).
/// A message to its sender starts and ends just right of the lifeline.
fn message_x(cols: &Columns, from: usize, to: usize) -> (f64, f64) {
    let (from_c, to_c) = (cols.center[from], cols.center[to]);
    if from == to {
        (from_c + 1.0, from_c + 1.0)
    } else if from_c <= to_c {
        (from_c + 1.0, to_c - 1.0 - 6.0)
    } else {
        (from_c - 1.0, to_c + 1.0 + 6.0)
    }
}

/// A note's left edge and width: from half an actor margin before the leftmost of its two
/// actors' centres to half a margin after the other.
fn note_x(cols: &Columns, from: usize, to: usize) -> (f64, f64) {
    let (a, b) = (cols.center[from], cols.center[to]);
    (a.min(b) - ACTOR_MARGIN / 2.0, (a - b).abs() + ACTOR_MARGIN)
}

/// Width of the label box in a loop's top-left corner.
const LABEL_BOX_WIDTH: f64 = 50.0;
/// Height of that label box (20 px, and 15 more in the neo look).
const LABEL_BOX_HEIGHT: f64 = 35.0;
/// Margin between a loop's frame and its label text.
const BOX_TEXT_MARGIN: f64 = 5.0;

/// mermaid.js's `calculateLoopBounds` for a loop whose statements start at `start`: the
/// width its label wraps to, or `None` for an empty loop or one with a nested loop.
fn loop_width(diagram: &Diagram<'_>, cols: &Columns, start: usize) -> Option<f64> {
    let (mut from_x, mut to_x, mut width) = (f64::INFINITY, f64::NEG_INFINITY, 0.0_f64);
    let mut empty = true;
    for statement in &diagram.statements[start + 1..] {
        match statement {
            Statement::LoopEnd => break,
            Statement::LoopStart(_) => return None,
            Statement::Message {
                from, to, label, ..
            } => {
                let (x1, x2) = message_x(cols, *from, *to);
                let w = (label_width(label) + 2.0 * WRAP_PADDING)
                    .max((x1 - x2).abs() + 2.0 * WRAP_PADDING)
                    .max(ACTOR_WIDTH);
                if from == to {
                    // merman's envelope of a self message, from the actor's left edge.
                    let (actor_w, left) = (cols.width[*from], cols.left[*from]);
                    from_x = from_x.min((left - w / 2.0).min(left - actor_w / 2.0));
                    to_x = to_x.max((left + w / 2.0).max(left + actor_w / 2.0));
                    width = width.max(to_x - from_x) - LABEL_BOX_WIDTH;
                } else {
                    from_x = from_x.min(x1);
                    to_x = to_x.max(x2);
                    width = width.max(w) - LABEL_BOX_WIDTH;
                }
            }
            Statement::Note { from, to, .. } => {
                let (x, w) = note_x(cols, *from, *to);
                from_x = from_x.min(x);
                to_x = to_x.max(x + w);
                width = width.max(to_x - from_x) - LABEL_BOX_WIDTH;
            }
        }
        empty = false;
    }
    (!empty).then_some(width)
}

/// Rounded width of `text` as Mermaid's `calculateTextWidth` measures a wrap candidate.
fn wrap_width(text: &str) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    let style = merman::svg::TextStyle {
        font_family: None,
        font_size: FONT_SIZE,
        font_weight: None,
        font_style: None,
    };
    text_width::width_px(&measured_line(text), &style).round()
}

/// A loop's bracketed label wrapped as Mermaid's `wrapLabel` wraps it to `max` px; `None`
/// when a word is wider than the line (Mermaid would hyphenate it).
fn wrap_loop_label(label: &Label<'_>, max: f64) -> Option<Vec<String>> {
    let mut text = String::from("[");
    text.push_str(&label.lines.join("<br/>"));
    text.push(']');
    if label.lines.len() > 1 {
        return Some(text.split("<br/>").map(str::to_owned).collect());
    }
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut lines = Vec::new();
    let mut next = String::new();
    for word in &words {
        let word_len = wrap_width(word);
        let next_len = wrap_width(&next);
        if word_len > max {
            return None;
        } else if next_len + word_len >= max {
            lines.push(std::mem::take(&mut next));
            next.push_str(word);
        } else {
            if !next.is_empty() {
                next.push(' ');
            }
            next.push_str(word);
        }
    }
    lines.push(next);
    lines.retain(|l| !l.is_empty());
    Some(lines)
}

/// A loop being laid out: where its frame starts, and how far its content reaches.
struct OpenLoop {
    start_y: f64,
    min_x: f64,
    max_x: f64,
    stop_y: Option<f64>,
    lines: Vec<String>,
}

impl OpenLoop {
    /// Takes in content spanning `min_x..max_x` down to `bottom`.
    fn include(&mut self, min_x: f64, max_x: f64, bottom: f64) {
        self.min_x = self.min_x.min(min_x - BOX_MARGIN);
        self.max_x = self.max_x.max(max_x + BOX_MARGIN);
        let stop = bottom + BOX_MARGIN;
        self.stop_y = Some(self.stop_y.map_or(stop, |s| s.max(stop)));
    }
}

/// The SVG for `source` under the diagram id `id`, as merman draws it in the light
/// theme with the dark overlay in its style and unused defs pruned; `None` when `source`
/// is outside the subset.
pub(super) fn render(source: &str, id: &str, template: &Template) -> Option<String> {
    let diagram = parse(source)?;
    let cols = columns(&diagram);
    let mut body = String::with_capacity(4096);
    let mut messages = String::with_capacity(4096);
    let mut cursor = ACTOR_HEIGHT;
    let mut open: Option<OpenLoop> = None;
    let right =
        cols.left.last().copied().unwrap_or(0.0) + cols.width.last().copied().unwrap_or(0.0);
    // The horizontal extent of the drawing (mermaid.js's `bounds` box).
    let (mut start_x, mut stop_x) = (0.0_f64, right);
    let mut include = |min_x: f64, max_x: f64, nested: bool| {
        let margin = if nested { BOX_MARGIN } else { 0.0 };
        start_x = start_x.min(min_x - margin);
        stop_x = stop_x.max(max_x + margin);
    };
    for (k, statement) in diagram.statements.iter().enumerate() {
        match statement {
            Statement::Message {
                from,
                to,
                dotted,
                label,
            } => {
                let (x1, x2) = message_x(&cols, *from, *to);
                let is_self = from == to;
                let lines = label.lines.len() as f64;
                let line_y = cursor + LINE_HEIGHT * lines + LINE_HEIGHT + BOX_MARGIN;
                let label_y = cursor + 10.0 + WRAP_PADDING / 2.0;
                let text_x = ((x1 + x2) / 2.0).round();
                for (i, line) in label.lines.iter().enumerate() {
                    messages.push_str("<text x=\"");
                    push_num(&mut messages, text_x);
                    messages.push_str("\" y=\"");
                    push_num(
                        &mut messages,
                        js_round(label_y + DRAWN_LINE_HEIGHT * i as f64),
                    );
                    messages.push_str("\" text-anchor=\"middle\" dominant-baseline=\"middle\" alignment-baseline=\"middle\" class=\"messageText\" dy=\"1em\" style=\"");
                    messages.push_str(&template.font_style);
                    messages.push_str("\">");
                    push_text(&mut messages, &decode_line(line));
                    messages.push_str("</text>");
                }
                if is_self {
                    messages.push_str("<path d=\"M ");
                    for (i, (dx, dy)) in [(0.0, 0.0), (60.0, -10.0), (60.0, 30.0), (0.0, 20.0)]
                        .into_iter()
                        .enumerate()
                    {
                        messages.push_str(match i {
                            0 => "",
                            1 => " C ",
                            _ => " ",
                        });
                        push_num(&mut messages, x1 + dx);
                        messages.push(',');
                        push_num(&mut messages, line_y + dy);
                    }
                } else {
                    messages.push_str("<line x1=\"");
                    push_num(&mut messages, x1);
                    messages.push_str("\" y1=\"");
                    push_num(&mut messages, line_y);
                    messages.push_str("\" x2=\"");
                    push_num(&mut messages, x2);
                    messages.push_str("\" y2=\"");
                    push_num(&mut messages, line_y);
                }
                messages.push_str(if *dotted {
                    "\" class=\"messageLine1\""
                } else {
                    "\" class=\"messageLine0\""
                });
                messages.push_str(" data-et=\"message\" data-id=\"i");
                push_num(&mut messages, k as f64);
                messages.push_str("\" data-from=\"");
                messages.push_str(diagram.actors[*from].name);
                messages.push_str("\" data-to=\"");
                messages.push_str(diagram.actors[*to].name);
                messages.push_str("\" stroke-width=\"2\" stroke=\"none\" marker-end=\"url(#");
                messages.push_str(id);
                messages.push_str(if *dotted {
                    "-arrowhead)\" style=\"stroke-dasharray: 3, 3; fill: none;\"/>"
                } else {
                    "-arrowhead)\" style=\"fill: none;\"/>"
                });
                let (a, b) = (cols.center[*from], cols.center[*to]);
                let (mut min_x, mut max_x) = (a.min(b) - 1.0, a.max(b) + 1.0);
                if is_self {
                    let dx = (label_width(label) / 2.0).max(ACTOR_WIDTH / 2.0);
                    min_x = min_x.min(x1 - dx);
                    max_x = max_x.max(x1 + dx);
                }
                include(min_x, max_x, open.is_some());
                if is_self {
                    // mermaid.js's bounds take in a self message's curve once more.
                    let dx = (label_width(label).max(1.0) / 2.0).max(ACTOR_WIDTH / 2.0);
                    include(x1 - dx, x1 + dx, false);
                }
                let bottom = line_y + if is_self { 60.0 } else { 0.0 };
                if let Some(open) = open.as_mut() {
                    open.include(min_x, max_x, bottom);
                }
                cursor = line_y + if is_self { 30.0 } else { 0.0 };
            }
            Statement::Note { from, to, label } => {
                let (x, width) = note_x(&cols, *from, *to);
                let y = cursor + BOX_MARGIN;
                let height =
                    (NOTE_LINE_HEIGHT * label.lines.len() as f64).round() + 2.0 * NOTE_MARGIN;
                let text_x = x + width / 2.0;
                body.push_str("<g data-et=\"note\" data-id=\"i");
                push_num(&mut body, k as f64);
                body.push_str("\"><rect x=\"");
                push_num(&mut body, x);
                body.push_str("\" y=\"");
                push_num(&mut body, y);
                body.push_str("\" fill=\"#EDF2AE\" stroke=\"#666\" width=\"");
                push_num(&mut body, width);
                body.push_str("\" height=\"");
                push_num(&mut body, height);
                body.push_str("\" class=\"note\" data-look=\"neo\"/>");
                for (i, line) in label.lines.iter().enumerate() {
                    body.push_str("<text x=\"");
                    push_num(&mut body, text_x);
                    body.push_str("\" y=\"");
                    push_num(
                        &mut body,
                        js_round(y + NOTE_MARGIN / 2.0 + NOTE_LINE_HEIGHT * i as f64),
                    );
                    body.push_str("\" text-anchor=\"middle\" dominant-baseline=\"middle\" alignment-baseline=\"middle\" class=\"noteText\" dy=\"1em\" style=\"");
                    body.push_str(&template.font_style);
                    body.push_str("\"><tspan x=\"");
                    push_num(&mut body, text_x);
                    body.push_str("\">");
                    push_text(&mut body, &decode_line(line));
                    body.push_str("</tspan></text>");
                }
                body.push_str("</g>");
                include(x, x + width, open.is_some());
                if let Some(open) = open.as_mut() {
                    open.include(x, x + width, y + height);
                }
                cursor = y + height;
            }
            Statement::LoopStart(label) => {
                let width = loop_width(&diagram, &cols, k)?;
                let lines = wrap_loop_label(label, (width - 2.0 * WRAP_PADDING).max(1.0))?;
                let start_y = cursor + BOX_MARGIN;
                cursor += 2.0 * BOX_MARGIN
                    + BOX_TEXT_MARGIN
                    + (LINE_HEIGHT * lines.len() as f64).max(20.0);
                open = Some(OpenLoop {
                    start_y,
                    min_x: f64::INFINITY,
                    max_x: f64::NEG_INFINITY,
                    stop_y: None,
                    lines,
                });
            }
            Statement::LoopEnd => {
                let frame = open.take()?;
                cursor = frame.stop_y?;
                push_loop(&mut body, &frame, cursor, k, template);
            }
        }
    }
    let bottom = cursor + 2.0 * BOX_MARGIN;
    let view_width = stop_x - start_x + 2.0 * DIAGRAM_MARGIN_X;
    let view_height = bottom + ACTOR_HEIGHT + 1.0 + 2.0 * DIAGRAM_MARGIN_Y;

    let mut svg = String::with_capacity(body.len() + messages.len() + 16384);
    svg.push_str("<svg id=\"");
    svg.push_str(id);
    svg.push_str("\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" style=\"max-width: ");
    push_num(&mut svg, view_width);
    svg.push_str("px;\" viewBox=\"");
    push_num(&mut svg, start_x - DIAGRAM_MARGIN_X);
    svg.push(' ');
    push_num(&mut svg, -DIAGRAM_MARGIN_Y);
    svg.push(' ');
    push_num(&mut svg, view_width);
    svg.push(' ');
    push_num(&mut svg, view_height);
    svg.push_str("\" role=\"graphics-document document\" aria-roledescription=\"sequence\">");
    for i in (0..diagram.actors.len()).rev() {
        svg.push_str("<g>");
        push_actor(&mut svg, &diagram, &cols, i, bottom, id, template);
        svg.push_str("</g>");
    }
    for i in (0..diagram.actors.len()).rev() {
        let name = diagram.actors[i].name;
        svg.push_str("<g><line id=\"actor");
        push_num(&mut svg, i as f64);
        svg.push_str("\" x1=\"");
        push_num(&mut svg, cols.center[i]);
        svg.push_str("\" y1=\"");
        push_num(&mut svg, ACTOR_HEIGHT);
        svg.push_str("\" x2=\"");
        push_num(&mut svg, cols.center[i]);
        svg.push_str("\" y2=\"");
        push_num(&mut svg, bottom);
        svg.push_str("\" class=\"actor-line 200\" stroke-width=\"0.5px\" stroke=\"#999\" name=\"");
        svg.push_str(name);
        svg.push_str("\" data-et=\"life-line\" data-id=\"");
        svg.push_str(name);
        svg.push_str("\"/><g id=\"root-");
        push_num(&mut svg, i as f64);
        svg.push_str("\" data-et=\"participant\" data-type=\"participant\" data-id=\"");
        svg.push_str(name);
        svg.push_str("\" data-look=\"neo\">");
        push_actor(&mut svg, &diagram, &cols, i, 0.0, id, template);
        svg.push_str("</g></g>");
    }
    push_joined(&mut svg, &template.style, id);
    let has_messages = !messages.is_empty();
    for (local, block) in &template.defs {
        let used = match local.as_str() {
            "arrowhead" => has_messages,
            "drop-shadow" => true,
            _ => false,
        };
        if used {
            push_joined(&mut svg, block, id);
        }
    }
    svg.push_str(&body);
    svg.push_str(&messages);
    svg.push_str("</svg>\n");
    Some(svg)
}

/// A loop's frame, its `loop` label box and its label text, as the statement `k` ends it.
fn push_loop(out: &mut String, frame: &OpenLoop, stop_y: f64, k: usize, template: &Template) {
    let (x1, y1) = (frame.min_x, frame.start_y);
    let x2 = frame.max_x.max(x1 + LABEL_BOX_WIDTH);
    out.push_str("<g data-et=\"control-structure\" data-id=\"i");
    push_num(out, k as f64);
    out.push_str("\">");
    for [ax, ay, bx, by] in [
        [x1, y1, x2, y1],
        [x2, y1, x2, stop_y],
        [x1, stop_y, x2, stop_y],
        [x1, y1, x1, stop_y],
    ] {
        out.push_str("<line x1=\"");
        push_num(out, ax);
        out.push_str("\" y1=\"");
        push_num(out, ay);
        out.push_str("\" x2=\"");
        push_num(out, bx);
        out.push_str("\" y2=\"");
        push_num(out, by);
        out.push_str("\" class=\"loopLine\"/>");
    }
    let box_right = x1 + LABEL_BOX_WIDTH;
    let box_bottom = y1 + LABEL_BOX_HEIGHT;
    out.push_str("<polygon points=\"");
    for (i, (x, y)) in [
        (x1, y1),
        (box_right, y1),
        (box_right, box_bottom - 7.0),
        (box_right - 8.4, box_bottom),
        (x1, box_bottom),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        push_num(out, x);
        out.push(',');
        push_num(out, y);
    }
    out.push_str("\" class=\"labelBox\"/><text x=\"");
    push_num(out, (x1 + LABEL_BOX_WIDTH / 2.0).round());
    out.push_str("\" y=\"");
    push_num(
        out,
        js_round(y1 + LABEL_BOX_HEIGHT / 2.0 + BOX_TEXT_MARGIN / 2.0),
    );
    out.push_str("\" text-anchor=\"middle\" dominant-baseline=\"middle\" alignment-baseline=\"middle\" class=\"labelText\" style=\"");
    out.push_str(&template.font_style);
    out.push_str("\">loop</text>");
    let text_x = (box_right + x2) / 2.0;
    let first_y = y1 + BOX_MARGIN + BOX_TEXT_MARGIN + BOX_TEXT_MARGIN / 2.0;
    for (i, line) in frame.lines.iter().enumerate() {
        out.push_str("<text x=\"");
        push_num(out, text_x);
        out.push_str("\" y=\"");
        push_num(out, js_round(first_y + NOTE_LINE_HEIGHT * i as f64));
        out.push_str("\" text-anchor=\"middle\" class=\"loopText\" style=\"");
        out.push_str(&template.font_style);
        out.push_str("\"><tspan x=\"");
        push_num(out, text_x);
        out.push_str("\">");
        push_text(out, &decode_line(line));
        out.push_str("</tspan></text>");
    }
    out.push_str("</g>");
}

/// JavaScript's `Math.round` (halves up, also below zero).
fn js_round(v: f64) -> f64 {
    let floor = v.floor();
    floor + if v - floor >= 0.5 { 1.0 } else { 0.0 }
}

/// One actor box with its label, at the top (`y` 0) or the bottom.
fn push_actor(
    svg: &mut String,
    diagram: &Diagram<'_>,
    cols: &Columns,
    i: usize,
    y: f64,
    id: &str,
    template: &Template,
) {
    let Actor { name, label } = diagram.actors[i];
    svg.push_str("<rect x=\"");
    push_num(svg, cols.left[i]);
    svg.push_str("\" y=\"");
    push_num(svg, y);
    svg.push_str("\" fill=\"#eaeaea\" stroke=\"#666\" width=\"");
    push_num(svg, cols.width[i]);
    svg.push_str("\" height=\"");
    push_num(svg, ACTOR_HEIGHT);
    svg.push_str("\" name=\"");
    svg.push_str(name);
    svg.push_str("\" rx=\"6\" ry=\"6\" class=\"actor ");
    svg.push_str(if y == 0.0 {
        "actor-top"
    } else {
        "actor-bottom"
    });
    svg.push_str("\" data-look=\"neo\" filter=\"url(#");
    svg.push_str(id);
    svg.push_str("-drop-shadow)\"/><text x=\"");
    push_num(svg, cols.center[i]);
    svg.push_str("\" y=\"");
    push_num(svg, y + ACTOR_HEIGHT / 2.0);
    svg.push_str("\" dominant-baseline=\"central\" alignment-baseline=\"central\" class=\"actor actor-box\" style=\"text-anchor: middle;");
    svg.push_str(&template.font_style);
    svg.push_str("\"><tspan x=\"");
    push_num(svg, cols.center[i]);
    svg.push_str("\" dy=\"0\">");
    push_text(svg, &decode_line(label));
    svg.push_str("</tspan></text>");
}
