//! A rendered page's searchable text, cut into sections at its headings: what a reader
//! sees of prose, tables and code, without run panels, diagrams, scripts or the `#`
//! permalinks. Each section is a search result of its own that links to its heading.

use crate::html_scan::{scan, Item};

/// One heading's part of a page (the part before the first heading has no id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's id (empty for the text before the first heading).
    pub id: String,
    pub heading: String,
    /// The text, whitespace collapsed.
    pub text: String,
}

/// Elements whose content is not searchable text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "svg", "template", "button", "noscript"];
/// Classes of generated blocks that are not prose: run panels, diagrams, permalinks.
const SKIPPED_CLASSES: &[&str] = &[
    "gen-run",
    "gen-mermaid",
    "gen-mermaid-error",
    "header-anchor",
    "lang",
];
/// Tags that do not separate words (everything else does).
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr",
];

/// Splits `html` (a page's rendered content) into sections.
pub fn split(html: &str) -> Vec<Section> {
    let html = without_generated(html);
    let mut sections = vec![Section::default()];
    // (tag name, depth of that tag) of the element being skipped.
    let mut skipping: Option<(String, usize)> = None;
    let mut in_heading: Option<String> = None;
    for item in scan(&html) {
        if let Some((tag, depth)) = skipping.as_mut() {
            match &item {
                Item::Start { name, .. } if name == tag => *depth += 1,
                Item::End { name } if name == tag => {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        let current = sections.last_mut().expect("one section at least");
        match &item {
            Item::Start { name, .. } => {
                if is_skipped(&item, name) {
                    if !is_void(name) {
                        skipping = Some((name.clone(), 1));
                    }
                    continue;
                }
                if let (Some(id), true) = (item.attr("id"), is_heading(name)) {
                    finish(current);
                    sections.push(Section {
                        id: id.to_string(),
                        ..Section::default()
                    });
                    in_heading = Some(name.clone());
                    continue;
                }
                if !INLINE_TAGS.contains(&name.as_str()) {
                    separate(current, in_heading.is_some());
                }
            }
            Item::End { name } => {
                if in_heading.as_deref() == Some(name.as_str()) {
                    in_heading = None;
                } else if !INLINE_TAGS.contains(&name.as_str()) {
                    separate(current, in_heading.is_some());
                }
            }
            Item::Text(text) => {
                if in_heading.is_some() {
                    current.heading.push_str(text);
                } else {
                    current.text.push_str(text);
                }
            }
        }
    }
    for s in &mut sections {
        finish(s);
    }
    sections.retain(|s| !s.id.is_empty() || !s.text.is_empty());
    sections
}

/// Openings of the blocks gen generates that are never searched: run panels and diagrams.
/// Their SVGs are most of a page's bytes, so they are cut out before tokenizing.
const GENERATED: &[&str] = &["<div class=\"gen-run\"", "<div class=\"gen-diagram"];

/// `html` without the [`GENERATED`] blocks. gen writes them with every `<` of their text
/// escaped, so counting `<div`/`</div>` finds where each ends; an unbalanced block is
/// kept (the tokenizer's skipping still applies to it).
fn without_generated(html: &str) -> std::borrow::Cow<'_, str> {
    let next = |from: usize| {
        GENERATED
            .iter()
            .filter_map(|open| html[from..].find(open).map(|i| from + i))
            .min()
    };
    let Some(mut start) = next(0) else {
        return std::borrow::Cow::Borrowed(html);
    };
    let mut out = String::with_capacity(html.len() / 2);
    let mut kept = 0;
    while let Some(end) = block_end(html, start) {
        out.push_str(&html[kept..start]);
        out.push(' ');
        kept = end;
        match next(end) {
            Some(s) => start = s,
            None => break,
        }
    }
    out.push_str(&html[kept..]);
    std::borrow::Cow::Owned(out)
}

/// The byte after the `</div>` closing the `<div` at `start` (one pass over the tags).
fn block_end(html: &str, start: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    while let Some(offset) = html[at..].find('<') {
        let tag = &bytes[at + offset..];
        at += offset + 1;
        if tag.starts_with(b"<div") && matches!(tag.get(4), Some(b' ' | b'>' | b'\t' | b'\n')) {
            depth += 1;
        } else if tag.starts_with(b"</div>") {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(at + 5);
            }
        }
    }
    None
}

fn is_skipped(item: &Item, name: &str) -> bool {
    SKIPPED_TAGS.contains(&name)
        || item.attr("class").is_some_and(|classes| {
            classes
                .split_ascii_whitespace()
                .any(|c| SKIPPED_CLASSES.contains(&c))
        })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

fn separate(section: &mut Section, heading: bool) {
    let text = if heading {
        &mut section.heading
    } else {
        &mut section.text
    };
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// Collapses whitespace in the section's heading and text.
fn finish(section: &mut Section) {
    section.heading = collapse(&section.heading);
    section.text = collapse(&section.text);
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_headings_and_skips_panels() {
        let html = "<p>Intro <code>gc</code>.</p>\
            <h2 id=\"a\">一、对比 <a class=\"header-anchor\" href=\"#a\">#</a></h2>\
            <p>引用计数</p><div class=\"gen-run\"><div>output</div><svg><text>x</text></svg></div>\
            <table><tr><td>one</td><td>two</td></tr></table>\
            <h3 id=\"b\">B</h3><p>last<br>line</p>";
        let s = split(html);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Intro gc.");
        assert_eq!((s[1].id.as_str(), s[1].heading.as_str()), ("a", "一、对比"));
        assert_eq!(s[1].text, "引用计数 one two");
        assert_eq!(s[2].text, "last line");
    }

    #[test]
    fn generated_blocks_are_cut_before_tokenizing() {
        let html = "<p>a</p><div class=\"gen-run\" data-lang=\"js\"><div><div>x</div></div>\
            <svg><text>&lt;/div&gt;</text></svg></div><p>b</p>\
            <div class=\"gen-diagram gen-mermaid\"><div class=\"gen-diagram-light\"><svg/></div></div><p>c</p>";
        assert_eq!(without_generated(html), "<p>a</p> <p>b</p> <p>c</p>");
        let open = "<p>a</p><div class=\"gen-run\"><div>never closed";
        assert_eq!(without_generated(open), open);
        assert_eq!(split(html)[0].text, "a b c");
    }
}
