//! `[[toc]]`: a paragraph holding only that is replaced by the page's table of contents,
//! as VitePress's toc plugin makes it: the top-level `##` and `###` headings (not those in
//! lists, quotes or containers), nested, in `nav.table-of-contents`.

use super::highlight::escape;

/// Stands for the table of contents in the page's HTML until every heading is known.
pub const MARK: &str = "<!--gen-toc-->";

/// A heading listed in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Whether a paragraph's source is exactly `[[toc]]` (any case).
pub fn is_toc(paragraph: &str) -> bool {
    paragraph.trim().eq_ignore_ascii_case("[[toc]]")
}

/// The table of contents of `entries` (levels 2 and 3).
pub fn render(entries: &[Entry]) -> String {
    let mut html = String::from("<nav class=\"table-of-contents\">");
    let mut open: Vec<u8> = Vec::new();
    for e in entries.iter().filter(|e| (2..=3).contains(&e.level)) {
        while open.last().is_some_and(|&l| l > e.level) {
            html.push_str("</li></ul>");
            open.pop();
        }
        if open.last() == Some(&e.level) {
            html.push_str("</li>");
        } else {
            html.push_str("<ul>");
            open.push(e.level);
        }
        html.push_str(&format!(
            "<li><a href=\"#{}\">{}</a>",
            escape(&e.id),
            escape(&e.text)
        ));
    }
    for _ in open {
        html.push_str("</li></ul>");
    }
    html.push_str("</nav>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(level: u8, id: &str) -> Entry {
        Entry {
            level,
            id: id.into(),
            text: id.to_uppercase(),
        }
    }

    #[test]
    fn nests_levels() {
        let html = render(&[
            entry(2, "a"),
            entry(3, "b"),
            entry(3, "c"),
            entry(2, "d"),
            entry(4, "x"),
        ]);
        assert_eq!(
            html,
            "<nav class=\"table-of-contents\"><ul><li><a href=\"#a\">A</a><ul><li><a href=\"#b\">B</a></li><li><a href=\"#c\">C</a></li></ul></li><li><a href=\"#d\">D</a></li></ul></nav>"
        );
        assert!(is_toc(" [[TOC]]\n"));
        assert!(!is_toc("[[toc]] x"));
    }
}
