//! HTML fragments: a small tokenizer-and-tree-builder for `innerHTML`,
//! `insertAdjacentHTML` and the page fixture (elements with attributes, text with
//! character references, comments, void and raw-text elements, the implied end tags
//! of `p`, `li`, `option`, table rows and cells), and the HTML fragment serialization
//! algorithm for `innerHTML`/`outerHTML`.

use super::node::{self, is_void, Element, NodeData};
use crate::interp::Vm;
use crate::value::ObjRef;

/// Parses `html` and appends the nodes to `parent` (no mutation records: the caller
/// inserts the parsed fragment).
pub fn parse_into(vm: &mut Vm, html: &str, parent: ObjRef) {
    let mut stack: Vec<(ObjRef, String)> = vec![(parent, String::new())];
    let mut rest = html;
    while !rest.is_empty() {
        let top = stack.last().map(|(o, _)| *o).unwrap_or(parent);
        let top_name = stack.last().map(|(_, n)| n.clone()).unwrap_or_default();
        if matches!(
            top_name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            // Raw text up to the matching end tag.
            let close = format!("</{top_name}");
            let end = find_ci(rest, &close).unwrap_or(rest.len());
            let raw = &rest[..end];
            if !raw.is_empty() {
                let text = if matches!(top_name.as_str(), "textarea" | "title") {
                    decode_entities(raw)
                } else {
                    raw.to_string()
                };
                append_text(vm, top, &text);
            }
            rest = &rest[end..];
            if let Some(gt) = rest.find('>') {
                rest = &rest[gt + 1..];
            } else {
                rest = "";
            }
            stack.pop();
            continue;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").unwrap_or(after.len());
            let c = node::alloc_node(vm, NodeData::Comment(after[..end].to_string()));
            attach(vm, top, c);
            rest = after.get(end + 3..).unwrap_or("");
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            rest = &rest[end..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("</") {
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let end = after.find('>').unwrap_or(after.len());
                let name = after[..end]
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                rest = after.get(end + 1..).unwrap_or("");
                if let Some(i) = stack.iter().rposition(|(_, n)| *n == name) {
                    if i > 0 {
                        stack.truncate(i);
                    }
                }
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix('<') {
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (name, attrs, self_closing, used) = parse_tag(after);
                rest = &after[used..];
                close_implied(&mut stack, &name);
                let el = node::alloc_node(
                    vm,
                    NodeData::Element(Box::new(Element {
                        local: name.clone(),
                        attrs,
                        ..Element::default()
                    })),
                );
                let top = stack.last().map(|(o, _)| *o).unwrap_or(parent);
                attach(vm, top, el);
                if !is_void(&name) && !self_closing {
                    stack.push((el, name));
                }
                continue;
            }
        }
        // Text up to the next `<` (a `<` that starts no tag is text).
        let skip = usize::from(rest.starts_with('<'));
        let end = rest[skip..]
            .find('<')
            .map(|i| i + skip)
            .unwrap_or(rest.len());
        let text = decode_entities(&rest[..end]);
        append_text(vm, top, &text);
        rest = &rest[end..];
    }
}

/// End tags implied by a start tag (`<li>` closes an open `li`, a block closes `p`).
fn close_implied(stack: &mut Vec<(ObjRef, String)>, name: &str) {
    let closes: &[&str] = match name {
        "li" => &["li"],
        "option" => &["option"],
        "dt" | "dd" => &["dt", "dd"],
        "tr" => &["tr", "td", "th"],
        "td" | "th" => &["td", "th"],
        "thead" | "tbody" | "tfoot" => &["thead", "tbody", "tfoot", "tr", "td", "th"],
        "p" | "div" | "ul" | "ol" | "table" | "section" | "article" | "header" | "footer"
        | "nav" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "form" | "pre" | "blockquote"
        | "hr" | "dl" | "main" | "aside" | "fieldset" | "figure" => &["p"],
        _ => &[],
    };
    if closes.is_empty() {
        return;
    }
    // Only within the nearest scope boundary.
    for i in (1..stack.len()).rev() {
        let n = stack[i].1.as_str();
        if closes.contains(&n) {
            stack.truncate(i);
            return;
        }
        if matches!(
            n,
            "ul" | "ol" | "table" | "div" | "section" | "select" | "dl" | "tbody" | "thead"
        ) && !closes.contains(&"tr")
        {
            return;
        }
    }
}

fn attach(vm: &mut Vm, parent: ObjRef, child: ObjRef) {
    if let Some(c) = node::node_mut(vm, child) {
        c.parent = Some(parent);
    }
    if let Some(p) = node::node_mut(vm, parent) {
        p.children.push(child);
    }
}

/// Appends text, merging with a preceding text node.
fn append_text(vm: &mut Vm, parent: ObjRef, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = node::children(vm, parent).last().copied() {
        if let Some(NodeData::Text(t)) = node::node_mut(vm, last).map(|n| &mut n.data) {
            t.push_str(text);
            return;
        }
    }
    let t = node::create_text(vm, text);
    attach(vm, parent, t);
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_ascii_lowercase();
    h.find(&needle.to_ascii_lowercase())
}

/// A start tag after its `<`: (name, attributes, self-closing, bytes used incl. `>`).
fn parse_tag(s: &str) -> (String, Vec<(String, String)>, bool, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[..i].to_ascii_lowercase();
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        if b[i] == b'/' {
            i += 1;
            if i < b.len() && b[i] == b'>' {
                self_closing = true;
            }
            continue;
        }
        let start = i;
        while i < b.len()
            && !b[i].is_ascii_whitespace()
            && b[i] != b'='
            && b[i] != b'>'
            && !(b[i] == b'/' && i > start)
        {
            i += 1;
        }
        let key = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let mut j = vs;
                while j < b.len() && b[j] != q {
                    j += 1;
                }
                value = decode_entities(&s[vs..j]);
                i = (j + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&s[vs..i]);
            }
        }
        if !key.is_empty() && !attrs.iter().any(|(k, _)| *k == key) {
            attrs.push((key, value));
        }
    }
    (name, attrs, self_closing, i.min(s.len()))
}

/// Decodes character references (`&amp;`, `&#39;`, `&#x27;`, common named ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1)
            .unwrap_or(rest.len());
        let body = &rest[1..end];
        let semi = rest[end..].starts_with(';');
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let n = if let Some(h) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(h, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            n.map(|n| char::from_u32(n).unwrap_or('\u{FFFD}'))
        } else {
            named_entity(body)
        };
        match decoded {
            Some(c) if semi || body.starts_with('#') || body.len() > 1 => {
                out.push(c);
                rest = &rest[end + usize::from(semi)..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "times" => '×',
        "divide" => '÷',
        "middot" => '·',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "hearts" => '♥',
        "check" => '✓',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// The HTML fragment serialization of `o`'s children (`innerHTML`).
pub fn serialize_children(vm: &Vm, o: ObjRef) -> String {
    let mut out = String::new();
    let raw = node::local(vm, o).is_some_and(is_raw_text);
    for c in node::children(vm, o) {
        serialize_node(vm, *c, raw, &mut out);
    }
    out
}

/// `outerHTML`: the node itself and its subtree.
pub fn serialize(vm: &Vm, o: ObjRef) -> String {
    let mut out = String::new();
    serialize_node(vm, o, false, &mut out);
    out
}

fn is_raw_text(local: &str) -> bool {
    matches!(
        local,
        "style" | "script" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext"
    )
}

fn serialize_node(vm: &Vm, o: ObjRef, raw_parent: bool, out: &mut String) {
    let Some(n) = node::node(vm, o) else { return };
    match &n.data {
        NodeData::Element(e) => {
            out.push('<');
            out.push_str(&e.local);
            for (k, v) in &e.attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(v, true, out);
                out.push('"');
            }
            out.push('>');
            if is_void(&e.local) {
                return;
            }
            let raw = is_raw_text(&e.local);
            for c in &n.children {
                serialize_node(vm, *c, raw, out);
            }
            out.push_str("</");
            out.push_str(&e.local);
            out.push('>');
        }
        NodeData::Text(t) => {
            if raw_parent {
                out.push_str(t);
            } else {
                escape_into(t, false, out);
            }
        }
        NodeData::Comment(t) => {
            out.push_str("<!--");
            out.push_str(t);
            out.push_str("-->");
        }
        NodeData::Doctype(name) => {
            out.push_str("<!DOCTYPE ");
            out.push_str(name);
            out.push('>');
        }
        NodeData::Document | NodeData::Fragment => {
            for c in &n.children {
                serialize_node(vm, *c, false, out);
            }
        }
    }
}

/// Escapes text (`&`, no-break space, `<`, `>`) or an attribute value (`&`, no-break
/// space, `"`).
fn escape_into(s: &str, attr: bool, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attr => out.push_str("&quot;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}
