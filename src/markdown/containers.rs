//! The block-level VitePress syntax pulldown-cmark does not know, found before parsing:
//! custom containers (`::: tip Title {attrs}` … `:::`, also `details`, `code-group`, `raw`,
//! `v-pre`) and snippet imports (`<<< @/snippets/a.js#region{1,3} [title]`).
//!
//! Containers are matched as markdown-it-container matches them: an opener is a line of 3+
//! `:` whose first word names a container; it closes at the first later line of at least as
//! many `:` and nothing else (fences in between are not skipped, nesting is not counted:
//! an outer container needs more colons than the ones inside it), or, without one, where
//! its enclosing block ends. Openers are looked for outside fenced code, at the indentation
//! of the enclosing block (top level or the list item the line belongs to).
//!
//! Each opener, closer and snippet line is replaced by an HTML comment marker at the same
//! indentation, so pulldown-cmark keeps it as an HTML block inside the right list item or
//! container, and the renderer turns the markers into HTML ([`markers`]). Line numbers are
//! unchanged, so diagnostics still point at the note as written.

use std::ops::Range;

const OPEN: &str = "<!--gen-container:open:";
const CLOSE: &str = "<!--gen-container:close:";
const SNIPPET: &str = "<!--gen-snippet:";
const END: &str = "-->";

/// The kinds of container VitePress knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tip,
    Info,
    Warning,
    Danger,
    Details,
    CodeGroup,
    Raw,
    VPre,
}

impl Kind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "tip" => Kind::Tip,
            "info" => Kind::Info,
            "warning" => Kind::Warning,
            "danger" => Kind::Danger,
            "details" => Kind::Details,
            "code-group" => Kind::CodeGroup,
            "raw" => Kind::Raw,
            "v-pre" => Kind::VPre,
            _ => return None,
        })
    }

    /// The class VitePress gives the container (`tip`, `details`, …).
    pub fn class(self) -> &'static str {
        match self {
            Kind::Tip => "tip",
            Kind::Info => "info",
            Kind::Warning => "warning",
            Kind::Danger => "danger",
            Kind::Details => "details",
            Kind::CodeGroup => "code-group",
            Kind::Raw => "vp-raw",
            Kind::VPre => "v-pre",
        }
    }
}

/// One container of the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    pub kind: Kind,
    /// The custom title as written (Markdown), empty for the default one.
    pub title: String,
    /// The `{…}` attributes after the title, parsed (`open`, `#id`, `.class`, `key=value`).
    pub attrs: Vec<(String, String)>,
    /// The 0-based line of the opener.
    pub line: usize,
}

/// One `<<<` snippet import of the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The path as written: `@/` is the content root, anything else is relative to the note.
    pub path: String,
    /// `#region`: only the lines between `#region name` and `#endregion` comments.
    pub region: Option<String>,
    /// The fence info built from the import (`js{1,3}:line-numbers [title]`), without the
    /// language when it is to come from the file's extension.
    pub lang: Option<String>,
    pub info: String,
    pub line: usize,
}

/// The note's text with the markers in, and what they stand for.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub text: String,
    pub containers: Vec<Container>,
    pub snippets: Vec<Snippet>,
}

/// A marker found in HTML produced by pulldown-cmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Open(usize),
    Close(usize),
    Snippet(usize),
}

/// Finds containers and snippet imports in a note's body and replaces them by markers.
pub fn prepare(body: &str) -> Prepared {
    if !body.contains(":::") && !body.contains("<<<") {
        return Prepared {
            text: body.to_string(),
            ..Prepared::default()
        };
    }
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut scan = Scan {
        lines: &lines,
        edits: vec![Edit::default(); lines.len()],
        tail: Vec::new(),
        out: Prepared::default(),
    };
    scan.block(0..lines.len(), 0, None);
    let mut text = String::with_capacity(body.len() + 64);
    for (line, edit) in lines.iter().zip(&scan.edits) {
        let (content, newline) = match line.strip_suffix('\n') {
            Some(c) => (c, "\n"),
            None => (*line, ""),
        };
        let indent = &content[..content.len() - content.trim_start().len()];
        match &edit.replace {
            Some(marker) => {
                text.push_str(indent);
                text.push_str(&edit.before);
                text.push_str(marker);
            }
            None if edit.before.is_empty() => text.push_str(content),
            None => {
                text.push_str(indent);
                text.push_str(&edit.before);
                text.push_str(content.trim_start());
            }
        }
        text.push_str(&edit.after);
        text.push_str(newline);
    }
    if !scan.tail.is_empty() {
        text.push_str("\n\n");
        text.push_str(&scan.tail.concat());
        text.push('\n');
    }
    scan.out.text = text;
    scan.out
}

/// The markers in `html`, with their byte ranges, in order.
pub fn markers(html: &str) -> Vec<(Range<usize>, Marker)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<!--gen-").map(|i| i + from) {
        from = at + 1;
        let rest = &html[at..];
        let (prefix, make): (&str, fn(usize) -> Marker) = if rest.starts_with(OPEN) {
            (OPEN, Marker::Open)
        } else if rest.starts_with(CLOSE) {
            (CLOSE, Marker::Close)
        } else if rest.starts_with(SNIPPET) {
            (SNIPPET, Marker::Snippet)
        } else {
            continue;
        };
        let digits = &rest[prefix.len()..];
        let n_len = digits.bytes().take_while(u8::is_ascii_digit).count();
        if n_len == 0 || !digits[n_len..].starts_with(END) {
            continue;
        }
        let Ok(n) = digits[..n_len].parse() else {
            continue;
        };
        let end = at + prefix.len() + n_len + END.len();
        found.push((at..end, make(n)));
        from = end;
    }
    found
}

/// What replaces or is added to one line.
#[derive(Debug, Clone, Default)]
struct Edit {
    /// Markers put in front of the line's content (closing auto-closed containers).
    before: String,
    /// A marker replacing the line's content.
    replace: Option<String>,
    /// Markers appended to the line.
    after: String,
}

struct Scan<'a> {
    lines: &'a [&'a str],
    edits: Vec<Edit>,
    tail: Vec<String>,
    out: Prepared,
}

/// `(indent in columns, content after the indentation)`; tabs count to the next multiple of 4.
fn indent_of(line: &str) -> (usize, &str) {
    let mut cols = 0;
    for (i, c) in line.char_indices() {
        match c {
            ' ' => cols += 1,
            '\t' => cols += 4 - cols % 4,
            _ => return (cols, &line[i..]),
        }
    }
    (cols, "")
}

impl Scan<'_> {
    /// Scans `range` of lines, a block whose content sits at column `base`; `close` is the
    /// line that ends the enclosing container, if it has one.
    fn block(&mut self, range: Range<usize>, base: usize, close: Option<usize>) {
        let mut fence: Option<(char, usize)> = None;
        let mut items: Vec<usize> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let (indent, rest) = indent_of(self.lines[i]);
            let rest = rest.trim_end_matches(['\n', '\r']);
            if let Some((ch, len)) = fence {
                if closes_fence(rest, ch, len) {
                    fence = None;
                }
                i += 1;
                continue;
            }
            if rest.trim().is_empty() {
                i += 1;
                continue;
            }
            items.retain(|&c| c <= indent);
            let ctx = items.last().copied().unwrap_or(base);
            if indent >= ctx && indent - ctx < 4 {
                if let Some((count, container)) = opener(rest, i) {
                    i = self.container(i, count, container, ctx, range.end, close);
                    continue;
                }
                if let Some(snippet) = snippet_import(rest, i) {
                    let n = self.out.snippets.len();
                    self.out.snippets.push(snippet);
                    self.edits[i].replace = Some(format!("{SNIPPET}{n}{END}"));
                    i += 1;
                    continue;
                }
            }
            if let Some(f) = fence_open(rest) {
                fence = Some(f);
            } else if let Some(width) = list_marker(rest) {
                items.push(indent + width);
            }
            i += 1;
        }
    }

    /// Handles the container opened at line `at`; returns the line to go on from.
    fn container(
        &mut self,
        at: usize,
        count: usize,
        container: Container,
        ctx: usize,
        end: usize,
        parent_close: Option<usize>,
    ) -> usize {
        let n = self.out.containers.len();
        self.out.containers.push(container);
        self.edits[at].replace = Some(format!("{OPEN}{n}{END}"));
        let mut stop = end;
        let mut closing = None;
        for j in at + 1..end {
            let (indent, rest) = indent_of(self.lines[j]);
            let rest = rest.trim_end_matches(['\n', '\r']);
            if !rest.trim().is_empty() && indent < ctx {
                stop = j;
                break;
            }
            if indent >= ctx && indent - ctx < 4 && is_closer(rest, count) {
                closing = Some(j);
                break;
            }
        }
        let marker = format!("{CLOSE}{n}{END}");
        match closing {
            Some(j) => {
                self.block(at + 1..j, ctx, Some(j));
                self.edits[j].replace = Some(marker);
                j + 1
            }
            None => {
                self.block(at + 1..stop, ctx, parent_close.filter(|_| stop == end));
                if stop < end {
                    self.edits[stop - 1].after.push_str(&marker);
                } else if let Some(p) = parent_close {
                    self.edits[p].before.push_str(&marker);
                } else {
                    self.tail.push(marker);
                }
                stop
            }
        }
    }
}

/// `(colon count, container)` when `rest` (a line without its indentation) opens one.
fn opener(rest: &str, line: usize) -> Option<(usize, Container)> {
    let count = rest.bytes().take_while(|&b| b == b':').count();
    if count < 3 {
        return None;
    }
    let params = rest[count..].trim();
    let name = params.split(' ').next().unwrap_or("");
    let kind = Kind::from_name(name)?;
    let (title, attrs) = split_attrs(params[name.len()..].trim());
    Some((
        count,
        Container {
            kind,
            title: title.to_string(),
            attrs,
            line,
        },
    ))
}

fn is_closer(rest: &str, count: usize) -> bool {
    let colons = rest.bytes().take_while(|&b| b == b':').count();
    colons >= count && rest[colons..].trim().is_empty()
}

/// Splits a trailing `{…}` attribute block off a container's title.
fn split_attrs(title: &str) -> (&str, Vec<(String, String)>) {
    let Some(inner) = title.strip_suffix('}') else {
        return (title, Vec::new());
    };
    let Some(open) = inner.rfind('{') else {
        return (title, Vec::new());
    };
    let attrs = inner[open + 1..]
        .split_whitespace()
        .map(|a| {
            if let Some(id) = a.strip_prefix('#') {
                ("id".to_string(), id.to_string())
            } else if let Some(class) = a.strip_prefix('.') {
                ("class".to_string(), class.to_string())
            } else if let Some((k, v)) = a.split_once('=') {
                (k.to_string(), v.trim_matches(['"', '\'']).to_string())
            } else {
                (a.to_string(), String::new())
            }
        })
        .collect();
    (inner[..open].trim_end(), attrs)
}

/// `<<< path#region{lines lang:line-numbers} [title]`, VitePress's snippet import line.
fn snippet_import(rest: &str, line: usize) -> Option<Snippet> {
    let spec = rest.strip_prefix("<<<")?.trim();
    if spec.is_empty() {
        return None;
    }
    let (spec, title) = match spec.rfind(" [").or_else(|| spec.rfind('[')) {
        Some(i) if spec.ends_with(']') => (spec[..i].trim_end(), Some(&spec[i..])),
        _ => (spec, None),
    };
    let (spec, braces) = match spec.find('{') {
        Some(i) if spec.ends_with('}') => (&spec[..i], Some(&spec[i + 1..spec.len() - 1])),
        _ => (spec, None),
    };
    let (path, region) = match spec.split_once('#') {
        Some((p, r)) => (p.trim(), Some(r.trim().to_string())),
        None => (spec.trim(), None),
    };
    let mut lines = String::new();
    let mut lang = None;
    let mut extra = String::new();
    for word in braces.unwrap_or("").split_whitespace() {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            lines = format!("{{{word}}}");
        } else if let Some(i) = word.find(':') {
            if i > 0 {
                lang = Some(word[..i].to_string());
            }
            extra.push_str(&word[i..]);
        } else {
            lang = Some(word.to_string());
        }
    }
    let title = title.map(str::to_string).unwrap_or_else(|| {
        let name = path.rsplit('/').next().unwrap_or(path);
        format!("[{name}]")
    });
    Some(Snippet {
        path: path.to_string(),
        region,
        lang,
        info: format!("{lines}{extra} {} norun", title.trim()),
        line,
    })
}

/// `(fence char, length)` when the line opens a fenced code block.
fn fence_open(rest: &str) -> Option<(char, usize)> {
    let ch = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = rest.chars().take_while(|&c| c == ch).count();
    if len < 3 || (ch == '`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn closes_fence(rest: &str, ch: char, len: usize) -> bool {
    let n = rest.chars().take_while(|&c| c == ch).count();
    n >= len && rest[n * ch.len_utf8()..].trim().is_empty()
}

/// The width of a list item's marker and the spaces after it (where its content starts).
fn list_marker(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    match spaces {
        0 if marker < bytes.len() => None,
        0 => Some(marker + 1),
        1..=4 => Some(marker + spaces),
        _ => Some(marker + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(p: &Prepared) -> Vec<Kind> {
        p.containers.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn markers_replace_openers_and_closers_line_for_line() {
        let p = prepare("a\n\n::: tip Hi *there*\nbody\n:::\n");
        assert_eq!(
            p.text,
            "a\n\n<!--gen-container:open:0-->\nbody\n<!--gen-container:close:0-->\n"
        );
        assert_eq!(p.containers[0].title, "Hi *there*");
        assert_eq!(markers(&p.text).len(), 2);
    }

    #[test]
    fn nesting_needs_more_colons_outside() {
        let p = prepare(":::: info Outer\n::: details Inner\nx\n:::\n::::\n");
        assert_eq!(kinds(&p), vec![Kind::Info, Kind::Details]);
        assert!(p
            .text
            .ends_with("<!--gen-container:close:1-->\n<!--gen-container:close:0-->\n"));
    }

    #[test]
    fn same_colons_close_the_outer_first_as_markdown_it_does() {
        let p = prepare("::: info\n::: warning\nw\n:::\nafter\n:::\n");
        let lines: Vec<&str> = p.text.lines().collect();
        assert_eq!(
            lines[3],
            "<!--gen-container:close:1--><!--gen-container:close:0-->"
        );
        assert_eq!(lines[5], ":::");
    }

    #[test]
    fn fences_hide_openers_but_not_closers() {
        let p = prepare("```md\n::: tip\n```\n");
        assert!(p.containers.is_empty());
        let p = prepare("::: details\n```js\nx\n```\n:::\n");
        assert_eq!(kinds(&p), vec![Kind::Details]);
    }

    #[test]
    fn containers_inside_list_items() {
        let p = prepare("1. step\n\n   ::: warning\n   careful\n   :::\n\n2. next\n");
        assert_eq!(kinds(&p), vec![Kind::Warning]);
        assert!(p.text.contains("   <!--gen-container:open:0-->\n"));
        assert!(p.text.contains("   <!--gen-container:close:0-->\n"));
    }

    #[test]
    fn unclosed_containers_close_at_the_end() {
        let p = prepare("::: tip\nx\n");
        assert!(p.text.ends_with("\n\n<!--gen-container:close:0-->\n"));
    }

    #[test]
    fn attributes_and_unknown_names() {
        let p = prepare("::: details Click me {open}\nx\n:::\n::: nope\n:::\n");
        assert_eq!(p.containers.len(), 1);
        assert_eq!(p.containers[0].title, "Click me");
        assert_eq!(p.containers[0].attrs, vec![("open".into(), String::new())]);
        assert!(p.text.contains("::: nope"));
    }

    #[test]
    fn snippet_imports() {
        let p = prepare("<<< @/snippets/a.js#snippet{1,2 ts:line-numbers} [my title]\n");
        let s = &p.snippets[0];
        assert_eq!(s.path, "@/snippets/a.js");
        assert_eq!(s.region.as_deref(), Some("snippet"));
        assert_eq!(s.lang.as_deref(), Some("ts"));
        assert_eq!(s.info, "{1,2}:line-numbers [my title] norun");
        assert_eq!(p.text, "<!--gen-snippet:0-->\n");
    }
}
