//! The HTML of VitePress's block extensions, with VitePress's class names (so authors'
//! custom CSS keeps working) and gen's look: custom containers (`div.tip.custom-block`,
//! `details.details.custom-block`), GitHub alerts (`> [!NOTE]`, `div.note.custom-block
//! .github-alert`) and code groups (`div.code-group`: radio buttons, then `div.tabs` with
//! their labels, then `div.blocks` with one `section.block` per fence, so the checked
//! button shows its block with CSS alone, the first one by default).

use std::collections::BTreeMap;
use std::ops::Range;

use super::containers::{Container, Kind};
use super::fence::parse_info;
use super::highlight::escape;

/// A block quote that is a GitHub alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// `note`, `tip`, `important`, `warning`, `caution` (and VitePress's `info`, `danger`).
    pub kind: String,
    /// The title written after the marker, if any.
    pub title: Option<String>,
    /// The bytes of the `[!KIND] title` marker line, dropped from the quote's text.
    pub marker: Range<usize>,
}

impl Alert {
    /// The opening HTML; a title not given in the note comes from `[markdown.labels]`.
    pub fn open_html(&self, labels: &BTreeMap<String, String>) -> String {
        let title = match (&self.title, labels.get(&self.kind)) {
            (None, Some(label)) => label.clone(),
            (None, None) => self.kind.to_ascii_uppercase(),
            (Some(title), _) => title.clone(),
        };
        format!(
            "<div class=\"{} custom-block github-alert\"><p class=\"custom-block-title\">{}</p>\n",
            self.kind,
            escape(&title)
        )
    }
}

const ALERT_KINDS: &[&str] = &[
    "tip",
    "note",
    "info",
    "important",
    "warning",
    "caution",
    "danger",
];

/// The alert a block quote spanning `span` of `text` opens with, if any: its first line
/// is `> [!KIND]` (any case) with an optional title after it.
pub fn alert(text: &str, span: Range<usize>) -> Option<Alert> {
    let quote = text.get(span.clone())?;
    let first = quote.lines().next()?;
    let after_gt = first.trim_start().strip_prefix('>')?;
    let content = after_gt.trim_start();
    let inner = content.strip_prefix("[!")?;
    let close = inner.find(']')?;
    let kind = inner[..close].to_ascii_lowercase();
    if !ALERT_KINDS.contains(&kind.as_str()) {
        return None;
    }
    let title = Some(inner[close + 1..].trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let start = span.start + (first.len() - content.len());
    Some(Alert {
        kind,
        title,
        marker: start..span.start + first.len() + 1,
    })
}

/// The opening HTML of a custom container (not a code group).
pub fn container_open(c: &Container, labels: &BTreeMap<String, String>) -> String {
    let class = c.kind.class();
    let mut classes = class.to_string();
    let mut attrs = String::new();
    for (k, v) in &c.attrs {
        if k == "class" {
            classes.push(' ');
            classes.push_str(&escape(v));
        } else if is_safe_attr(k) {
            attrs.push(' ');
            attrs.push_str(k);
            if !v.is_empty() || k == "id" {
                attrs.push_str(&format!("=\"{}\"", escape(v)));
            }
        }
    }
    let title = || {
        if c.title.is_empty() {
            let default = match c.kind {
                Kind::Details => "Details",
                Kind::Info => "INFO",
                Kind::Warning => "WARNING",
                Kind::Danger => "DANGER",
                _ => "TIP",
            };
            escape(labels.get(class).map_or(default, String::as_str))
        } else {
            render_inline(&c.title)
        }
    };
    match c.kind {
        Kind::Details => format!(
            "<details class=\"{classes} custom-block\"{attrs}><summary>{}</summary>\n",
            title()
        ),
        Kind::Raw | Kind::VPre => format!("<div class=\"{classes}\"{attrs}>\n"),
        _ => format!(
            "<div class=\"{classes} custom-block\"{attrs}><p class=\"custom-block-title\">{}</p>\n",
            title()
        ),
    }
}

/// Attribute names passed through from `{…}`: plain names, never event handlers.
fn is_safe_attr(name: &str) -> bool {
    !name.is_empty()
        && !name.to_ascii_lowercase().starts_with("on")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
}

/// A container title's inline Markdown as HTML.
fn render_inline(markdown: &str) -> String {
    let mut html = String::new();
    let events = super::new_parser(markdown).filter(|e| {
        !matches!(
            e,
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Paragraph)
                | pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Paragraph)
        )
    });
    pulldown_cmark::html::push_html(&mut html, events);
    super::emoji::replace(html.trim_end())
}

/// The tab label of a fence in a code group, as VitePress picks it: the `[title]`, else
/// the language, else `txt`.
pub fn tab_label(info: &str) -> String {
    let parsed = parse_info(info);
    parsed
        .title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| match parsed.lang.as_str() {
            "" => "txt".to_string(),
            lang => lang.to_string(),
        })
}

/// The radio buttons and the labels of code group `id` (one page-unique number).
pub fn tab_labels(id: usize, labels: &[String]) -> String {
    let mut html = String::new();
    for i in 0..labels.len() {
        let checked = if i == 0 { " checked" } else { "" };
        html.push_str(&format!(
            "<input type=\"radio\" name=\"cg-{id}\" id=\"cg-{id}-{i}\"{checked}>"
        ));
    }
    html.push_str("<div class=\"tabs\">");
    for (i, label) in labels.iter().enumerate() {
        html.push_str(&format!(
            "<label for=\"cg-{id}-{i}\">{}</label>",
            escape(label)
        ));
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alerts_with_and_without_titles() {
        let text = "> [!TIP] My title\n> text\n";
        let a = alert(text, 0..text.len()).unwrap();
        assert_eq!(a.kind, "tip");
        assert_eq!(a.title.as_deref(), Some("My title"));
        assert_eq!(&text[a.marker.clone()], "[!TIP] My title\n");
        let text = "> [!note]\n> n\n";
        let a = alert(text, 0..text.len()).unwrap();
        assert!(a.open_html(&BTreeMap::new()).contains(">NOTE</p>"));
        let labels = BTreeMap::from([("note".to_string(), "注意".to_string())]);
        assert!(a.open_html(&labels).contains(">注意</p>"));
        let text = "> [!nope]\n";
        assert!(alert(text, 0..text.len()).is_none());
        let text = "> plain\n";
        assert!(alert(text, 0..text.len()).is_none());
    }

    #[test]
    fn container_html() {
        let c = Container {
            kind: Kind::Details,
            title: "Click *me*".into(),
            attrs: vec![
                ("open".into(), String::new()),
                ("onclick".into(), "x".into()),
            ],
            line: 0,
        };
        assert_eq!(
            container_open(&c, &BTreeMap::new()),
            "<details class=\"details custom-block\" open><summary>Click <em>me</em></summary>\n"
        );
        let c = Container {
            kind: Kind::Warning,
            title: String::new(),
            attrs: Vec::new(),
            line: 0,
        };
        let labels = BTreeMap::from([("warning".to_string(), "警告".to_string())]);
        assert!(container_open(&c, &labels).contains(">警告</p>"));
    }

    #[test]
    fn tabs() {
        assert_eq!(tab_label("js [a.js]"), "a.js");
        assert_eq!(tab_label("py{1}"), "py");
        assert_eq!(tab_label(""), "txt");
        let html = tab_labels(2, &["a".into(), "b".into()]);
        assert!(html.starts_with(
            "<input type=\"radio\" name=\"cg-2\" id=\"cg-2-0\" checked><input type=\"radio\" name=\"cg-2\" id=\"cg-2-1\">"
        ));
        assert!(html.ends_with("<label for=\"cg-2-1\">b</label></div>"));
    }
}
