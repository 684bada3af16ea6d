//! The heap graph of one snapshot as an SVG, in Python Tutor's manner: frames (Python) or
//! scopes (JavaScript) with their variables on the left, heap objects on the right, arrows
//! for references, a refcount (Python) or space and age (JavaScript) on each object, freed
//! objects greyed and struck through, objects alive but unreachable from any frame (a
//! cycle waiting for the collector) dashed, objects touched at this step highlighted.
//!
//! Colours come from CSS custom properties in `panels.css` (classes `gen-h-*`), so the
//! graph follows the page's light or dark mode; text is real `<text>`, selectable.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use gen_trace::{Frame, HeapObject, ObjId, Snapshot, Value};

use super::effect::{is_top_level, space_badge};
use super::html::{bytes, push_escaped};
use super::names::Names;
use super::text_fit::{self, Font};

const PAD: f64 = 12.0;
const FRAME_X: f64 = 12.0;
const FRAME_W: f64 = 210.0;
const NAME_COL: f64 = 96.0;
const OBJ_X: f64 = 300.0;
const OBJ_W: f64 = 236.0;
const KEY_COL: f64 = 84.0;
/// Room right of the objects for arrows between objects.
const ROUTE: f64 = 64.0;
const HEAD: f64 = 24.0;
const ROW: f64 = 20.0;
/// Spacing of the further lines of a wrapped text.
const LINE: f64 = 15.0;
/// Widths the texts wrap at: a frame's title, a variable's name and value, an object's
/// field name and value, an object's label.
const FRAME_TITLE_W: f64 = FRAME_W - 16.0;
const NAME_W: f64 = NAME_COL - 14.0;
const FRAME_VALUE_W: f64 = FRAME_W - NAME_COL - 18.0;
const KEY_W: f64 = KEY_COL - 12.0;
const FIELD_VALUE_W: f64 = OBJ_W - KEY_COL - 14.0;
const LABEL_W: f64 = OBJ_W - 16.0;
const GAP: f64 = 14.0;
const WIDTH: f64 = OBJ_X + OBJ_W + ROUTE + PAD;
const MAX_OBJECTS: usize = 30;
const MAX_FIELDS: usize = 8;

/// What to draw and how to name it.
pub struct HeapView<'a> {
    pub snapshot: &'a Snapshot,
    pub names: &'a Names,
    /// Objects an event touched at this step, highlighted.
    pub changed: &'a HashSet<ObjId>,
    /// Page-unique prefix for the SVG's ids (marker, title).
    pub id: &'a str,
    pub title: &'a str,
}

/// The objects drawn, how to name the others, and the arrows collected while drawing.
struct Refs<'a> {
    drawn: HashSet<ObjId>,
    names: &'a Names,
    arrows: Vec<Arrow>,
}

enum Arrow {
    /// From a frame variable to an object's left edge.
    FromFrame { x: f64, y: f64, to: ObjId },
    /// From an object field to another object's right edge.
    FromObject { x: f64, y: f64, to: ObjId },
}

/// Appends the SVG to `out`.
pub fn render(view: &HeapView<'_>, out: &mut String) {
    let snapshot = view.snapshot;
    let by_id: HashMap<ObjId, &HeapObject> = snapshot.heap.iter().map(|o| (o.id, o)).collect();
    let (order, reachable) = object_order(snapshot, &by_id);
    let unreachable: HashSet<ObjId> = order[reachable..].iter().copied().collect();
    let shown: Vec<&HeapObject> = order
        .iter()
        .take(MAX_OBJECTS)
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    let mut refs = Refs {
        drawn: shown.iter().map(|o| o.id).collect(),
        names: view.names,
        arrows: Vec::new(),
    };

    let mut body = String::new();
    let mut anchors: HashMap<ObjId, f64> = HashMap::new();

    let mut y = PAD;
    if snapshot.frames.is_empty() && snapshot.heap.is_empty() {
        text(
            &mut body,
            FRAME_X,
            y + 14.0,
            "gen-h-muted",
            "Nothing in memory at this point.",
        );
        y += ROW;
    }
    for frame in &snapshot.frames {
        y = draw_frame(&mut body, frame, y, &mut refs) + GAP;
    }
    let frames_bottom = y;

    let mut y = PAD;
    for object in &shown {
        anchors.insert(object.id, y + HEAD / 2.0);
        let reachable = !unreachable.contains(&object.id);
        y = draw_object(&mut body, object, reachable, y, view, &mut refs) + GAP;
    }
    if order.len() > shown.len() {
        text(
            &mut body,
            OBJ_X,
            y + 14.0,
            "gen-h-muted",
            &format!("… {} more objects", order.len() - shown.len()),
        );
        y += ROW + GAP;
    }
    let height = frames_bottom.max(y).max(PAD * 2.0 + ROW);

    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gen-heap-svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title\">\
         <title id=\"{id}-title\">",
        id = view.id
    );
    push_escaped(out, view.title);
    let _ = write!(
        out,
        "</title><defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
         markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" \
         class=\"gen-h-arrowhead\"/></marker></defs>",
        id = view.id
    );
    out.push_str(&body);
    for (lane, arrow) in refs.arrows.iter().enumerate() {
        draw_arrow(out, arrow, &anchors, lane, view.id);
    }
    out.push_str("</svg>");
}

/// Objects reachable from the frames first (depth first, in variable and field order), then
/// the rest (garbage, freed objects) in snapshot order; with how many are reachable.
fn object_order(snapshot: &Snapshot, by_id: &HashMap<ObjId, &HeapObject>) -> (Vec<ObjId>, usize) {
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    let mut stack: Vec<ObjId> = Vec::new();
    let roots = snapshot
        .frames
        .iter()
        .flat_map(|f| f.vars.iter().map(|(_, v)| v));
    for root in roots {
        if let Value::Ref(id) = root {
            stack.push(*id);
            while let Some(id) = stack.pop() {
                let Some(object) = by_id.get(&id) else {
                    continue;
                };
                if !seen.insert(id) {
                    continue;
                }
                order.push(id);
                for (_, value) in object.fields.iter().rev() {
                    if let Value::Ref(next) = value {
                        stack.push(*next);
                    }
                }
            }
        }
    }
    let reachable = order.len();
    for object in &snapshot.heap {
        if seen.insert(object.id) {
            order.push(object.id);
        }
    }
    (order, reachable)
}

fn draw_frame(out: &mut String, frame: &Frame, top: f64, refs: &mut Refs<'_>) -> f64 {
    let title = if is_top_level(&frame.name) {
        "Global frame".to_owned()
    } else if frame.name == gen_trace::ROOTS_FRAME {
        "Runtime roots".to_owned()
    } else {
        frame.name.clone()
    };
    let title = text_fit::wrap(&title, FRAME_TITLE_W, Font::SansBold);
    let head = HEAD + extra_lines(&title);
    let rows: Vec<(Vec<String>, Vec<String>)> = frame
        .vars
        .iter()
        .map(|(name, value)| {
            (
                text_fit::wrap(name, NAME_W, Font::Sans),
                value_lines(value, FRAME_VALUE_W, refs),
            )
        })
        .collect();
    let rows_height: f64 = rows.iter().map(|(n, v)| row_height(n, v)).sum();
    let height = head + rows_height.max(ROW) + 6.0;
    let _ = write!(out, "<g class=\"gen-h-frame\"><rect x=\"{FRAME_X}\" y=\"{top}\" width=\"{FRAME_W}\" height=\"{height}\" rx=\"4\"/>");
    text_lines(out, FRAME_X + 8.0, top + 16.0, "gen-h-head", &title, false);
    let mut y = top + head;
    if frame.vars.is_empty() {
        text(
            out,
            FRAME_X + 8.0,
            y + 14.0,
            "gen-h-muted",
            "(no variables)",
        );
    }
    for ((_, value), (name, value_text)) in frame.vars.iter().zip(&rows) {
        let row = row_height(name, value_text);
        text_lines(
            out,
            FRAME_X + NAME_COL - 6.0,
            y + 14.0,
            "gen-h-name",
            name,
            true,
        );
        let _ = write!(
            out,
            "<rect class=\"gen-h-cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            FRAME_X + NAME_COL,
            y + 2.0,
            FRAME_W - NAME_COL - 8.0,
            row - 4.0
        );
        let cell_x = FRAME_X + NAME_COL;
        draw_value(out, value, value_text, cell_x, y, refs, true);
        y += row;
    }
    out.push_str("</g>");
    top + height
}

fn draw_object(
    out: &mut String,
    object: &HeapObject,
    reachable: bool,
    top: f64,
    view: &HeapView<'_>,
    refs: &mut Refs<'_>,
) -> f64 {
    let mut head = view.names.name(object.id);
    if object.freed {
        head.push_str(" (freed)");
    } else if !reachable {
        head.push_str(" (unreachable)");
    }
    let size = bytes(object.size);
    let badge = badge(object);
    let meta_w = match &badge {
        Some(badge) => {
            text_fit::width(&format!("{size} · "), Font::Sans)
                + text_fit::width(badge, Font::SansBold)
        }
        None => text_fit::width(&size, Font::Sans),
    };
    let head = text_fit::wrap(&head, LABEL_W - meta_w - 8.0, Font::SansBold);
    let head_height = HEAD + extra_lines(&head);
    let label = object
        .fields
        .is_empty()
        .then(|| text_fit::wrap(&object.label, LABEL_W, Font::Sans));
    let rows: Vec<(Vec<String>, Vec<String>)> = object
        .fields
        .iter()
        .take(MAX_FIELDS)
        .map(|(key, value)| {
            (
                text_fit::wrap(key, KEY_W, Font::Sans),
                value_lines(value, FIELD_VALUE_W, refs),
            )
        })
        .collect();
    let more = object.fields.len() > MAX_FIELDS;
    let body_height = match &label {
        Some(label) => ROW + extra_lines(label),
        None => rows.iter().map(|(k, v)| row_height(k, v)).sum::<f64>() + f64::from(more) * ROW,
    };
    let height = head_height + body_height + 6.0;
    let mut class = String::from("gen-h-obj");
    if object.freed {
        class.push_str(" gen-h-freed");
    } else if view.changed.contains(&object.id) {
        class.push_str(" gen-h-changed");
    }
    if !reachable && !object.freed {
        class.push_str(" gen-h-unreachable");
    }
    let _ = write!(out, "<g class=\"{class}\"><rect x=\"{OBJ_X}\" y=\"{top}\" width=\"{OBJ_W}\" height=\"{height}\" rx=\"4\"/>");
    text_lines(out, OBJ_X + 8.0, top + 16.0, "gen-h-head", &head, false);
    let _ = write!(
        out,
        "<text class=\"gen-h-meta\" x=\"{}\" y=\"{}\" text-anchor=\"end\">",
        OBJ_X + OBJ_W - 8.0,
        top + 16.0
    );
    push_escaped(out, &size);
    if let Some(badge) = badge {
        out.push_str(" · <tspan class=\"gen-h-badge\">");
        push_escaped(out, &badge);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
    let mut y = top + head_height;
    if let Some(label) = &label {
        text_lines(out, OBJ_X + 8.0, y + 14.0, "gen-h-label", label, false);
    }
    for ((_, value), (key, value_text)) in object.fields.iter().zip(&rows) {
        text_lines(out, OBJ_X + 8.0, y + 14.0, "gen-h-name", key, false);
        draw_value(out, value, value_text, OBJ_X + KEY_COL, y, refs, false);
        y += row_height(key, value_text);
    }
    if more {
        text(
            out,
            OBJ_X + 8.0,
            y + 14.0,
            "gen-h-muted",
            &format!("… {} more", object.fields.len() - MAX_FIELDS),
        );
    }
    out.push_str("</g>");
    top + height
}

/// `rc 2` for Python objects, `new · age 1` for JavaScript ones.
fn badge(object: &HeapObject) -> Option<String> {
    if let Some(rc) = object.refcount {
        return Some(format!("rc {rc}"));
    }
    let space = object.space.map(space_badge)?;
    Some(match object.age {
        Some(age) => format!("{space} · age {age}"),
        None => space.to_owned(),
    })
}

/// The lines a value's text takes in a cell `max` pixels wide: none for a reference drawn
/// as an arrow.
fn value_lines(value: &Value, max: f64, refs: &Refs<'_>) -> Vec<String> {
    match value {
        Value::Prim(text) => text_fit::wrap(text, max, Font::Mono),
        Value::Ref(id) if refs.drawn.contains(id) => Vec::new(),
        Value::Ref(id) => text_fit::wrap(&format!("→ {}", refs.names.name(*id)), max, Font::Sans),
    }
}

/// The height of a row whose name and value take these lines.
fn row_height(name: &[String], value: &[String]) -> f64 {
    ROW + extra_lines(name).max(extra_lines(value))
}

/// The height the lines after the first add.
fn extra_lines(lines: &[String]) -> f64 {
    lines.len().saturating_sub(1) as f64 * LINE
}

/// Draws a value: its text in `lines`, or a dot starting an arrow for a drawn reference.
fn draw_value(
    out: &mut String,
    value: &Value,
    lines: &[String],
    x: f64,
    row_top: f64,
    refs: &mut Refs<'_>,
    from_frame: bool,
) {
    match value {
        Value::Prim(_) => text_lines(out, x + 6.0, row_top + 14.0, "gen-h-prim", lines, false),
        Value::Ref(id) if refs.drawn.contains(id) => {
            let (cx, cy) = (x + 10.0, row_top + ROW / 2.0);
            let _ = write!(
                out,
                "<circle class=\"gen-h-dot\" cx=\"{cx}\" cy=\"{cy}\" r=\"3.5\"/>"
            );
            refs.arrows.push(if from_frame {
                Arrow::FromFrame {
                    x: cx,
                    y: cy,
                    to: *id,
                }
            } else {
                Arrow::FromObject {
                    x: cx,
                    y: cy,
                    to: *id,
                }
            });
        }
        Value::Ref(_) => text_lines(out, x + 6.0, row_top + 14.0, "gen-h-muted", lines, false),
    }
}

fn draw_arrow(
    out: &mut String,
    arrow: &Arrow,
    anchors: &HashMap<ObjId, f64>,
    lane: usize,
    id: &str,
) {
    let lane = (lane % 6) as f64 * 8.0;
    let path = match *arrow {
        Arrow::FromFrame { x, y, to } => {
            let Some(&ty) = anchors.get(&to) else { return };
            format!(
                "M{x} {y}C{} {y} {} {ty} {} {ty}",
                x + 50.0,
                OBJ_X - 40.0,
                OBJ_X - 1.0
            )
        }
        Arrow::FromObject { x, y, to } => {
            let Some(&ty) = anchors.get(&to) else { return };
            let right = OBJ_X + OBJ_W;
            let bend = right + 24.0 + lane;
            format!("M{x} {y}C{bend} {y} {bend} {ty} {} {ty}", right + 1.0)
        }
    };
    let _ = write!(
        out,
        "<path class=\"gen-h-ref\" d=\"{path}\" marker-end=\"url(#{id}-arrow)\"/>"
    );
}

fn text(out: &mut String, x: f64, y: f64, class: &str, content: &str) {
    let _ = write!(out, "<text class=\"{class}\" x=\"{x}\" y=\"{y}\">");
    push_escaped(out, content);
    out.push_str("</text>");
}

/// One `<text>` whose first line sits at `y` and further lines `LINE` below each other, so
/// a wrapped label stays one selectable text.
fn text_lines(out: &mut String, x: f64, y: f64, class: &str, lines: &[String], end: bool) {
    let anchor = if end { " text-anchor=\"end\"" } else { "" };
    let _ = write!(out, "<text class=\"{class}\" x=\"{x}\" y=\"{y}\"{anchor}>");
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            push_escaped(out, line);
        } else {
            let _ = write!(out, "<tspan x=\"{x}\" dy=\"{LINE}\">");
            push_escaped(out, line);
            out.push_str("</tspan>");
        }
    }
    out.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use gen_trace::{Event, EventKind, Trace};

    fn list(id: ObjId, refcount: u64, fields: Vec<(String, Value)>, freed: bool) -> HeapObject {
        HeapObject {
            id,
            type_name: "list".into(),
            label: "[1, 2, 3]".into(),
            size: 88,
            refcount: Some(refcount),
            space: None,
            age: None,
            fields,
            freed,
        }
    }

    fn draw(snapshot: &Snapshot) -> String {
        let trace = Trace {
            events: vec![Event {
                step: 1,
                line: 1,
                kind: EventKind::Alloc {
                    obj: 7,
                    type_name: "list".into(),
                    size: 88,
                    space: None,
                },
            }],
            snapshots: vec![snapshot.clone()],
            ..Trace::default()
        };
        let names = Names::from_trace(&trace);
        let changed = HashSet::from([7]);
        let mut out = String::new();
        render(
            &HeapView {
                snapshot,
                names: &names,
                changed: &changed,
                id: "run-1-h1",
                title: "Heap after step 1 <final>",
            },
            &mut out,
        );
        out
    }

    #[test]
    fn frames_objects_arrows_and_badges() {
        let snapshot = Snapshot {
            step: 3,
            line: 2,
            frames: vec![Frame {
                name: "<module>".into(),
                vars: vec![
                    ("a".into(), Value::Ref(7)),
                    ("n".into(), Value::Prim("42".into())),
                ],
            }],
            heap: vec![
                list(
                    7,
                    2,
                    vec![
                        ("0".into(), Value::Prim("1".into())),
                        ("1".into(), Value::Ref(7)),
                    ],
                    false,
                ),
                list(8, 0, vec![], true),
            ],
            stdout: String::new(),
        };
        let svg = draw(&snapshot);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(
            svg.contains("<title id=\"run-1-h1-title\">Heap after step 1 &lt;final&gt;</title>")
        );
        assert!(svg.contains(">Global frame</text>"));
        assert!(svg.contains(">list#1</text>"));
        assert!(svg.contains("<tspan class=\"gen-h-badge\">rc 2</tspan>"));
        assert!(svg.contains("class=\"gen-h-obj gen-h-changed\""));
        assert!(svg.contains("class=\"gen-h-obj gen-h-freed\""));
        assert!(svg.contains("(freed)"));
        // One arrow from the variable, one self-reference from the list's slot.
        assert_eq!(svg.matches("class=\"gen-h-ref\"").count(), 2);
        assert!(svg.contains("marker-end=\"url(#run-1-h1-arrow)\""));
    }

    #[test]
    fn hostile_values_are_escaped() {
        let snapshot = Snapshot {
            step: 1,
            line: 1,
            frames: vec![Frame {
                name: "<module>".into(),
                vars: vec![("s".into(), Value::Prim("'</svg><script>'".into()))],
            }],
            heap: vec![],
            stdout: String::new(),
        };
        let svg = draw(&snapshot);
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;/svg&gt;&lt;scr"), "{svg}");
    }

    #[test]
    fn an_empty_snapshot_says_so() {
        let snapshot = Snapshot {
            step: 0,
            line: 0,
            frames: vec![],
            heap: vec![],
            stdout: String::new(),
        };
        assert!(draw(&snapshot).contains("Nothing in memory at this point."));
    }
}
