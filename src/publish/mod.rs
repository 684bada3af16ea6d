//! What a static host needs beside the pages: the search index ([`crate::search`]),
//! `sitemap.xml` and `robots.txt` ([`sitemap`]), the Atom feed `atom.xml` ([`feed`]),
//! and `.nojekyll` (GitHub Pages would otherwise drop the `_gen/` folder). Absolute URLs
//! (sitemap, feed, canonical links) need an absolute `base_url`; without one those files
//! are left out and the build says so.

pub mod date;
pub mod feed;
pub mod sitemap;

use crate::config::Config;
use crate::content::Library;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::output::OutFile;

/// The output paths this module may write, for link resolution (`[feed](/atom.xml)`).
pub const GENERATED: &[&str] = &[
    sitemap::SITEMAP,
    sitemap::ROBOTS,
    feed::FEED,
    NOJEKYLL,
    crate::search::INDEX_PATH,
];

const NOJEKYLL: &str = ".nojekyll";

/// The extra files of one build and what to tell the author about them.
#[derive(Debug, Default)]
pub struct Published {
    pub files: Vec<OutFile>,
    /// One-line notes for the build output (the search index's size, skipped files).
    pub info: Vec<String>,
}

/// Builds the hosting files for the rendered site; `pages` are the rendered HTML files
/// (the sitemap lists them).
pub fn files(
    config: &Config,
    lib: &Library,
    rendered: &[Rendered],
    pages: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Published {
    let mut out = Published::default();
    let (search_files, stats) = crate::search::build(config, lib, rendered);
    out.files.extend(search_files);
    out.info.push(stats.summary());
    out.files.push(OutFile::Text {
        rel: NOJEKYLL.to_string(),
        text: String::new(),
    });
    let site_url = site_url(config);
    out.files.push(OutFile::Text {
        rel: sitemap::ROBOTS.to_string(),
        text: sitemap::robots(site_url.as_deref()),
    });
    match site_url {
        Some(url) => {
            let dates = feed::dates(lib, timezone(config, diags), diags);
            out.files.push(OutFile::Text {
                rel: sitemap::SITEMAP.to_string(),
                text: sitemap::sitemap(&url, lib, &dates, pages),
            });
            out.files.push(OutFile::Text {
                rel: feed::FEED.to_string(),
                text: feed::atom(config, &url, lib, rendered, &dates),
            });
        }
        None => out.info.push(format!(
            "no absolute base_url: {} and {} and canonical links were left out (set base_url in gen.toml or pass --base-url)",
            sitemap::SITEMAP,
            feed::FEED
        )),
    }
    out
}

/// The offset of `gen.toml`'s `timezone` (UTC when it is missing or not an offset, which
/// is a warning).
fn timezone(config: &Config, diags: &mut Vec<Diagnostic>) -> i32 {
    date::parse_offset(&config.timezone).unwrap_or_else(|| {
        diags.push(
            Diagnostic::warning(
                std::path::Path::new(crate::config::FILE_NAME),
                1,
                1,
                format!(
                    "timezone `{}` is not a UTC offset; updateTime is read as UTC",
                    config.timezone
                ),
            )
            .with_hint("write it as +08:00, -05:00 or UTC"),
        );
        0
    })
}

/// `https://host[:port]` of an absolute `base_url` (empty otherwise), for templates that
/// write absolute links as origin + page URL.
pub fn origin(config: &Config) -> String {
    let Ok(url) = url::Url::parse(&config.base_url) else {
        return String::new();
    };
    match (url.scheme(), url.host_str()) {
        ("http" | "https", Some(_)) => url.origin().ascii_serialization(),
        _ => String::new(),
    }
}

/// The absolute URL of the site's root, ending in `/`, when `base_url` is absolute.
pub fn site_url(config: &Config) -> Option<String> {
    let origin = origin(config);
    (!origin.is_empty()).then(|| format!("{origin}{}", config.base_path))
}

/// Percent-encodes what may not stand raw in a URI (non-ASCII, spaces, quotes), leaving
/// `/`, `%`-escapes and the other URL characters alone: for sitemaps and feeds.
pub fn encode_uri(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?#%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes text for XML content and double-quoted attribute values, dropping the
/// control characters XML 1.0 does not allow.
pub fn xml_escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    crate::markdown::highlight::escape(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        Config {
            base_url: base_url.to_string(),
            base_path: crate::config::base_path_of(base_url),
            ..Config::default()
        }
    }

    #[test]
    fn site_url_needs_an_absolute_base_url() {
        assert_eq!(
            site_url(&config("https://me.github.io/notes")).as_deref(),
            Some("https://me.github.io/notes/")
        );
        assert_eq!(
            site_url(&config("http://localhost:8080/")).as_deref(),
            Some("http://localhost:8080/")
        );
        assert_eq!(site_url(&config("/notes/")), None);
        assert_eq!(site_url(&config("")), None);
    }

    #[test]
    fn encodes_non_ascii_paths() {
        assert_eq!(
            encode_uri("https://x.io/tags/垃圾 回收/"),
            "https://x.io/tags/%E5%9E%83%E5%9C%BE%20%E5%9B%9E%E6%94%B6/"
        );
    }
}
