//! The Atom feed (`atom.xml`, RFC 4287) of the site's notes, newest `updateTime` first.
//! Notes without a readable `updateTime` are not in it; an `updateTime` that is not a
//! date is a warning. Nothing depends on the clock, so the feed is the same on every
//! build of the same notes.

use super::date::{self, DateTime};
use super::{encode_uri, xml_escape};
use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::search::sections;

/// The feed's output path.
pub const FEED: &str = "atom.xml";
/// How many notes the feed lists at most.
pub const MAX_ENTRIES: usize = 50;
/// Summaries taken from a note's text (when it has no `desc`) are cut to this many
/// characters.
const SUMMARY_CHARS: usize = 280;

/// Every page's `updateTime`, read (times without a zone `offset` minutes east of UTC);
/// unreadable ones are reported as warnings at their frontmatter line.
pub fn dates(lib: &Library, offset: i32, diags: &mut Vec<Diagnostic>) -> Vec<Option<DateTime>> {
    lib.pages
        .iter()
        .map(|page| {
            let text = page.front.update_time.as_deref()?;
            let parsed = date::parse(text, offset);
            if parsed.is_none() {
                let line = frontmatter_line(&page.text[..page.body_start], "updateTime");
                diags.push(
                    Diagnostic::warning(
                        &page.source,
                        line,
                        1,
                        format!("updateTime `{text}` is not a date; the note is left out of the feed and has no lastmod"),
                    )
                    .with_hint("write it as 2025-05-15 or 2025-5-15 15:56 (an optional zone like +08:00 follows)"),
                );
            }
            parsed
        })
        .collect()
}

/// The 1-based line of `key:` in the frontmatter (1 when not found).
fn frontmatter_line(front: &str, key: &str) -> usize {
    front
        .lines()
        .position(|l| l.trim_start().starts_with(&format!("{key}:")))
        .map_or(1, |i| i + 1)
}

/// Renders the feed for the site at `site_url`.
pub fn atom(
    config: &Config,
    site_url: &str,
    lib: &Library,
    rendered: &[Rendered],
    dates: &[Option<DateTime>],
) -> String {
    let mut notes: Vec<(usize, DateTime)> = dates
        .iter()
        .enumerate()
        .filter(|&(i, _)| !lib.pages[i].path.is_empty())
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .collect();
    notes.sort_by(|a, b| {
        b.1.timestamp()
            .cmp(&a.1.timestamp())
            .then_with(|| lib.pages[a.0].path.cmp(&lib.pages[b.0].path))
    });
    notes.truncate(MAX_ENTRIES);
    let updated = notes
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |(_, d)| d.rfc3339());
    let site = xml_escape(&encode_uri(site_url));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_escape(&config.language)
    ));
    xml.push_str(&format!("  <title>{}</title>\n", xml_escape(&config.title)));
    if !config.description.is_empty() {
        xml.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            xml_escape(&config.description)
        ));
    }
    xml.push_str(&format!(
        "  <link href=\"{site}{FEED}\" rel=\"self\" type=\"application/atom+xml\"/>\n"
    ));
    xml.push_str(&format!(
        "  <link href=\"{site}\" rel=\"alternate\" type=\"text/html\"/>\n"
    ));
    xml.push_str(&format!(
        "  <id>{site}</id>\n  <updated>{updated}</updated>\n"
    ));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n  <generator>gen</generator>\n",
        xml_escape(&config.title)
    ));
    for (i, d) in notes {
        let page = &lib.pages[i];
        let url = xml_escape(&encode_uri(&format!("{site_url}{}", page.path)));
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", xml_escape(&page.title)));
        xml.push_str(&format!(
            "    <link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n"
        ));
        xml.push_str(&format!(
            "    <id>{url}</id>\n    <updated>{}</updated>\n",
            d.rfc3339()
        ));
        let summary = summary(page.front.description.as_deref(), &rendered[i].html);
        if !summary.is_empty() {
            xml.push_str(&format!(
                "    <summary>{}</summary>\n",
                xml_escape(&summary)
            ));
        }
        for tag in &page.front.tags {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", xml_escape(tag)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The note's `desc`, else the start of its text.
fn summary(desc: Option<&str>, html: &str) -> String {
    if let Some(desc) = desc.filter(|d| !d.trim().is_empty()) {
        return desc.trim().to_string();
    }
    let text: String = sections::split(html)
        .iter()
        .map(|s| s.text.as_str())
        .find(|t| !t.is_empty())
        .unwrap_or("")
        .to_string();
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_frontmatter_line() {
        assert_eq!(
            frontmatter_line("---\ntitle: x\nupdateTime: y\n", "updateTime"),
            3
        );
        assert_eq!(frontmatter_line("---\n", "updateTime"), 1);
    }

    #[test]
    fn summaries_prefer_desc_and_cut_long_text() {
        assert_eq!(summary(Some(" A note "), "<p>x</p>"), "A note");
        assert_eq!(summary(None, "<p>Short text.</p>"), "Short text.");
        let long = format!("<p>{}</p>", "字".repeat(400));
        let s = summary(None, &long);
        assert_eq!(s.chars().count(), SUMMARY_CHARS + 1);
        assert!(s.ends_with('…'));
    }
}
