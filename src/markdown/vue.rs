//! Vue-only syntax in VitePress notes, passed through inertly: gen renders Markdown without
//! Vue, so `<script>` blocks (`<script setup>`) become inert `type="text/plain"` scripts that
//! never run, `<style scoped|module|lang>` blocks inert styles, components other than
//! `<Badge>` empty elements (a self-closing `<Comp />` would swallow what follows it),
//! and `{{ }}` interpolations and `v-`/`:`/`@` directives stay as written. Each use is
//! recorded; the build reports one warning per kind ([`summarize`]). `<Badge type text>`
//! is rendered (`span.VPBadge.badge`).

use std::collections::BTreeMap;

use crate::content::Library;
use crate::diagnostics::Diagnostic;

use super::highlight::escape;
use super::Rendered;

/// The kinds of Vue-only syntax, one build warning each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VueKind {
    Script,
    Style,
    Component,
    Directive,
    Interpolation,
}

impl VueKind {
    fn describe(self) -> &'static str {
        match self {
            VueKind::Script => "Vue `<script>` blocks (`<script setup>`) are kept inert, never run",
            VueKind::Style => "Vue `<style scoped|module|lang>` blocks are kept inert",
            VueKind::Component => "Vue components are kept as empty elements",
            VueKind::Directive => {
                "Vue directives (`v-`, `:`, `@` attributes) are kept as plain attributes"
            }
            VueKind::Interpolation => "Vue `{{ }}` interpolations are shown as written",
        }
    }
}

/// One use of Vue-only syntax: its kind, what it was (`<ModalDemo>`, `v-for`) and where
/// (a byte offset in the note's prepared text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VueUse {
    pub kind: VueKind,
    pub name: String,
    pub line: usize,
    pub col: usize,
}

/// A use found at byte `offset` of the HTML handed to [`rewrite_html`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: VueKind,
    pub name: String,
    pub offset: usize,
}

/// Rewrites the raw HTML of a note (a whole HTML block, or one inline tag): Vue blocks made
/// inert, components closed, badges rendered; the uses found are appended to `found`.
pub fn rewrite_html(html: &str, found: &mut Vec<Found>) -> String {
    let mut out = String::with_capacity(html.len() + 32);
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        out.push_str(&html[i..lt]);
        interpolations(&html[i..lt], i, found);
        if html[lt..].starts_with("<!--") {
            let end = html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3);
            out.push_str(&html[lt..end]);
            i = end;
            continue;
        }
        let Some(tag) = Tag::parse(&html[lt..]) else {
            out.push('<');
            i = lt + 1;
            continue;
        };
        let end = lt + tag.len;
        let raw = &html[lt..end];
        for attr in &tag.attrs {
            if is_directive(&attr.0) {
                found.push(Found {
                    kind: VueKind::Directive,
                    name: attr.0.clone(),
                    offset: lt,
                });
            }
        }
        let lower = tag.name.to_ascii_lowercase();
        match lower.as_str() {
            "script" if !tag.closing => {
                found.push(Found {
                    kind: VueKind::Script,
                    name: if tag.has("setup") {
                        "<script setup>".into()
                    } else {
                        "<script>".into()
                    },
                    offset: lt,
                });
                out.push_str("<script type=\"text/plain\" data-vue=\"inert\">");
                let close = find_ci(&html[end..], "</script").map_or(html.len(), |p| p + end);
                out.push_str(&html[end..close]);
                i = close;
                continue;
            }
            "style" if !tag.closing && is_vue_style(&tag) => {
                found.push(Found {
                    kind: VueKind::Style,
                    name: "<style>".into(),
                    offset: lt,
                });
                out.push_str("<style type=\"text/x-vue\" data-vue=\"inert\">");
                let close = find_ci(&html[end..], "</style").map_or(html.len(), |p| p + end);
                out.push_str(&html[end..close]);
                i = close;
                continue;
            }
            _ => {}
        }
        if tag.name == "Badge" {
            out.push_str(&badge(&tag));
        } else if is_component(&tag.name) {
            if !tag.closing {
                found.push(Found {
                    kind: VueKind::Component,
                    name: format!("<{}>", tag.name),
                    offset: lt,
                });
            }
            if tag.self_closing {
                out.push_str(raw.trim_end_matches('>').trim_end_matches('/').trim_end());
                out.push_str(&format!("></{}>", tag.name));
            } else {
                out.push_str(raw);
            }
        } else {
            out.push_str(raw);
        }
        i = end;
    }
    out.push_str(&html[i..]);
    interpolations(&html[i..], i, found);
    out
}

/// Records the `{{ … }}` interpolations in text at byte `base`.
pub fn interpolations(text: &str, base: usize, found: &mut Vec<Found>) {
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|p| p + from) {
        let Some(close) = text[open + 2..].find("}}").map(|p| p + open + 2) else {
            return;
        };
        found.push(Found {
            kind: VueKind::Interpolation,
            name: "{{ }}".into(),
            offset: base + open,
        });
        from = close + 2;
    }
}

/// `<Badge type="tip" text="new" />` or `<Badge type="warning">text</Badge>`.
fn badge(tag: &Tag) -> String {
    if tag.closing {
        return "</span>".into();
    }
    let kind = tag
        .get("type")
        .filter(|t| matches!(*t, "info" | "tip" | "warning" | "danger"))
        .unwrap_or("tip");
    let mut html = format!("<span class=\"VPBadge badge {kind}\">");
    if let Some(text) = tag.get("text") {
        html.push_str(&escape(text));
    }
    if tag.self_closing {
        html.push_str("</span>");
    }
    html
}

/// A Vue component's tag: capitalised (`ModalDemo`) or with a hyphen (`client-only`).
fn is_component(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) || name.contains('-')
}

fn is_directive(attr: &str) -> bool {
    attr.starts_with("v-")
        || attr.starts_with(':')
        || attr.starts_with('@')
        || attr.starts_with('#')
}

/// A `<style>` Vue processes: scoped, a CSS module, or another language.
fn is_vue_style(tag: &Tag) -> bool {
    tag.has("scoped") || tag.has("module") || tag.get("lang").is_some_and(|l| l != "css")
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// One HTML tag, parsed loosely.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
    closing: bool,
    self_closing: bool,
    /// The tag's length in bytes, `<` to `>`.
    len: usize,
}

impl Tag {
    fn parse(text: &str) -> Option<Tag> {
        let bytes = text.as_bytes();
        let mut i = 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = text[name_start..i].to_string();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => break,
                b'/' if bytes.get(i + 1) == Some(&b'>') => {
                    self_closing = true;
                    i += 1;
                    break;
                }
                _ => {}
            }
            let start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            if i == start {
                i += 1;
                continue;
            }
            let key = text[start..i].to_string();
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = text[i + 1..].find(q as char)? + i + 1;
                        value = Some(text[i + 1..close].to_string());
                        i = close + 1;
                    }
                    _ => {
                        let s = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        value = Some(text[s..i].to_string());
                    }
                }
            }
            attrs.push((key, value));
        }
        Some(Tag {
            name,
            attrs,
            closing,
            self_closing,
            len: i + 1,
        })
    }

    fn has(&self, key: &str) -> bool {
        self.attrs.iter().any(|(k, _)| k == key)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// The uses of one kind across the site.
struct KindUses<'a> {
    /// The page and use that came first.
    page: usize,
    first: &'a VueUse,
    /// Uses by name.
    names: BTreeMap<&'a str, usize>,
    pages: usize,
}

/// One warning per kind of Vue-only syntax used anywhere in the site, at its first use.
pub fn summarize(lib: &Library, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let mut kinds: BTreeMap<VueKind, KindUses<'_>> = BTreeMap::new();
    for (page, r) in rendered.iter().enumerate() {
        let mut seen_kinds = std::collections::BTreeSet::new();
        for u in &r.vue {
            let entry = kinds.entry(u.kind).or_insert(KindUses {
                page,
                first: u,
                names: BTreeMap::new(),
                pages: 0,
            });
            *entry.names.entry(u.name.as_str()).or_default() += 1;
            if seen_kinds.insert(u.kind) {
                entry.pages += 1;
            }
        }
    }
    kinds
        .into_iter()
        .map(
            |(
                kind,
                KindUses {
                    page,
                    first,
                    names,
                    pages,
                },
            )| {
                let uses: usize = names.values().sum();
                let mut listed: Vec<String> = names
                    .iter()
                    .take(8)
                    .map(|(n, c)| format!("{n} ×{c}"))
                    .collect();
                if names.len() > 8 {
                    listed.push(format!("… {} more", names.len() - 8));
                }
                Diagnostic::warning(
                    &lib.pages[page].source,
                    first.line,
                    first.col,
                    format!(
                        "{}: {} ({uses} use(s) in {pages} page(s))",
                        kind.describe(),
                        listed.join(", ")
                    ),
                )
                .with_hint("gen renders VitePress Markdown without Vue; this is the first use")
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> (String, Vec<Found>) {
        let mut found = Vec::new();
        let out = rewrite_html(html, &mut found);
        (out, found)
    }

    #[test]
    fn scripts_become_inert() {
        let (out, found) = run("<script setup>\nimport X from './x.vue'\nalert(1)\n</script>\n");
        assert!(out.starts_with("<script type=\"text/plain\" data-vue=\"inert\">\nimport X"));
        assert!(out.ends_with("</script>\n"));
        assert_eq!(found[0].kind, VueKind::Script);
        assert_eq!(found[0].name, "<script setup>");
    }

    #[test]
    fn scoped_styles_are_inert_plain_ones_kept() {
        let (out, _) = run("<style scoped>\n.a{}\n</style>");
        assert!(out.starts_with("<style type=\"text/x-vue\""));
        let (out, found) = run("<style>\n.a{}\n</style>");
        assert_eq!(out, "<style>\n.a{}\n</style>");
        assert!(found.is_empty());
    }

    #[test]
    fn components_close_and_badges_render() {
        let (out, found) = run("<ModalDemo :open=\"x\" />");
        assert_eq!(out, "<ModalDemo :open=\"x\"></ModalDemo>");
        assert_eq!(found.len(), 2);
        assert_eq!(
            run("<Badge type=\"info\" text=\"beta\" />").0,
            "<span class=\"VPBadge badge info\">beta</span>"
        );
        assert_eq!(
            run("<Badge type=\"warning\">").0,
            "<span class=\"VPBadge badge warning\">"
        );
        assert_eq!(run("</Badge>").0, "</span>");
        assert_eq!(
            run("<Badge text=\"<b>\"/>").0,
            "<span class=\"VPBadge badge tip\">&lt;b&gt;</span>"
        );
    }

    #[test]
    fn comments_are_left_alone() {
        let (out, found) = run("<!-- <https://x.org/@scope/y> {{ x }} -->");
        assert_eq!(out, "<!-- <https://x.org/@scope/y> {{ x }} -->");
        assert!(found.is_empty());
    }

    #[test]
    fn interpolations_are_found() {
        let (out, found) = run("<p>{{ count }}</p>");
        assert_eq!(out, "<p>{{ count }}</p>");
        assert_eq!(found[0].kind, VueKind::Interpolation);
        assert_eq!(found[0].offset, 3);
    }
}
