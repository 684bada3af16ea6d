//! The VitePress frontmatter keys that need the build to mean what they mean: links in
//! `hero.actions`, `features` and `prev`/`next` resolved like Markdown links (and checked),
//! `prev`/`next` overrides (`false`, a text, or `{text, link}`), and `head` entries
//! (`[[meta, {name: x, content: y}]]`) turned into escaped HTML for the page's `<head>`.

use serde_json::{Map, Value};

use super::highlight::escape;
use super::links::Target;
use super::PageRenderer;
use crate::diagnostics::{Diagnostic, LineIndex};

/// What the frontmatter asks of a prev/next link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Adjacent {
    /// The page before/after in reading order.
    #[default]
    Default,
    /// `prev: false`.
    Hidden,
    /// `prev: Some text` (the default page, shown with this text).
    Text(String),
    /// `prev: {text, link}`.
    Link { text: Option<String>, href: String },
}

impl Adjacent {
    /// The template value (`{title, url}`) given the reading-order default.
    pub fn apply(&self, default: Option<Value>) -> Option<Value> {
        match self {
            Adjacent::Default => default,
            Adjacent::Hidden => None,
            Adjacent::Text(text) => default.map(|mut d| {
                d["title"] = Value::String(text.clone());
                d
            }),
            Adjacent::Link { text, href } => Some(serde_json::json!({
                "title": text.clone().unwrap_or_else(|| href.clone()),
                "url": href,
            })),
        }
    }
}

/// The page's frontmatter values as templates use them.
#[derive(Debug, Clone, Default)]
pub struct PageFront {
    /// Every frontmatter key, with the links above resolved to URLs.
    pub extra: Map<String, Value>,
    pub prev: Adjacent,
    pub next: Adjacent,
    /// `head` entries as HTML.
    pub head: String,
}

impl PageRenderer<'_, '_> {
    /// Resolves the page's frontmatter links and reads `prev`, `next` and `head`.
    pub(super) fn front_values(&mut self) -> PageFront {
        let page = self.page;
        let mut extra = page.front.extra.clone();
        let front_text = &page.text[..page.body_start];
        let lines = LineIndex::new(front_text);
        let mut resolve = |link: &str| -> String {
            let resolved = self.ctx.resolver.resolve(self.index, link);
            let missing = match &resolved.target {
                Target::Missing(why) => Some(why.clone()),
                _ => None,
            };
            if let Some(why) = missing.filter(|_| !self.ctx.config.dead_links.ignores(link)) {
                let at = front_text.find(link).unwrap_or(0);
                let (line, col) = lines.position(front_text, at);
                let message = format!("dead link in frontmatter: {why}");
                let d = if self.ctx.config.dead_links.all {
                    Diagnostic::warning(&page.source, line, col, message)
                } else {
                    Diagnostic::error(&page.source, line, col, message)
                };
                self.out
                    .diags
                    .push(d.with_hint("frontmatter links resolve like Markdown links"));
            }
            resolved.href
        };
        if let Some(actions) = extra
            .get_mut("hero")
            .and_then(|h| h.get_mut("actions"))
            .and_then(Value::as_array_mut)
        {
            for action in actions {
                resolve_field(action, &mut resolve);
            }
        }
        if let Some(features) = extra.get_mut("features").and_then(Value::as_array_mut) {
            for feature in features {
                resolve_field(feature, &mut resolve);
            }
        }
        let mut adjacent = |key: &str| match extra.get(key) {
            None => Adjacent::Default,
            Some(Value::Bool(false)) => Adjacent::Hidden,
            Some(Value::String(text)) => Adjacent::Text(text.clone()),
            Some(Value::Object(o)) => match o.get("link").and_then(Value::as_str) {
                Some(link) => Adjacent::Link {
                    text: o.get("text").and_then(Value::as_str).map(str::to_string),
                    href: resolve(link),
                },
                None => o
                    .get("text")
                    .and_then(Value::as_str)
                    .map_or(Adjacent::Default, |t| Adjacent::Text(t.to_string())),
            },
            Some(_) => Adjacent::Default,
        };
        let prev = adjacent("prev");
        let next = adjacent("next");
        let head = extra.get("head").map(head_html).unwrap_or_default();
        PageFront {
            extra,
            prev,
            next,
            head,
        }
    }
}

/// Replaces an object's `link` by its resolved URL.
fn resolve_field(item: &mut Value, resolve: &mut dyn FnMut(&str) -> String) {
    if let Some(link) = item.get("link").and_then(Value::as_str).map(str::to_string) {
        item["link"] = Value::String(resolve(&link));
    }
}

/// The tags `head` entries may add.
const HEAD_TAGS: &[&str] = &["meta", "link", "script", "style", "noscript", "base"];

/// `head: [[tag, {attr: value}, content?], …]` as HTML; entries with other tags are skipped.
fn head_html(head: &Value) -> String {
    let mut html = String::new();
    for entry in head.as_array().into_iter().flatten() {
        let Some(items) = entry.as_array() else {
            continue;
        };
        let Some(tag) = items.first().and_then(Value::as_str) else {
            continue;
        };
        if !HEAD_TAGS.contains(&tag) {
            continue;
        }
        html.push('<');
        html.push_str(tag);
        if let Some(attrs) = items.get(1).and_then(Value::as_object) {
            for (k, v) in attrs {
                if !k
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
                {
                    continue;
                }
                let v = match v {
                    Value::String(s) => s.clone(),
                    Value::Bool(true) => String::new(),
                    Value::Bool(false) | Value::Null => continue,
                    other => other.to_string(),
                };
                html.push_str(&format!(" {k}=\"{}\"", escape(&v)));
            }
        }
        html.push('>');
        if matches!(tag, "meta" | "link" | "base") {
            html.push('\n');
            continue;
        }
        if let Some(content) = items.get(2).and_then(Value::as_str) {
            html.push_str(&content.replace("</", "<\\/"));
        }
        html.push_str(&format!("</{tag}>\n"));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn head_entries() {
        let head = json!([
            ["meta", {"name": "keywords", "content": "a \"b\""}],
            ["script", {"async": true}, "console.log(1)</script>"],
            ["iframe", {"src": "x"}],
        ]);
        assert_eq!(
            head_html(&head),
            "<meta name=\"keywords\" content=\"a &quot;b&quot;\">\n<script async=\"\">console.log(1)<\\/script></script>\n"
        );
    }

    #[test]
    fn adjacent_overrides() {
        let default = Some(json!({"title": "B", "url": "/b/"}));
        assert_eq!(Adjacent::Hidden.apply(default.clone()), None);
        assert_eq!(
            Adjacent::Text("Back".into()).apply(default.clone()),
            Some(json!({"title": "Back", "url": "/b/"}))
        );
        assert_eq!(
            Adjacent::Link {
                text: None,
                href: "/c/".into()
            }
            .apply(default),
            Some(json!({"title": "/c/", "url": "/c/"}))
        );
    }
}
