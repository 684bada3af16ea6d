//! `sitemap.xml` (sitemaps.org 0.9): every page the build renders but `404.html`, with
//! the note's `updateTime` as `lastmod`; and `robots.txt`, which points crawlers at it.
//! A site's own `static/robots.txt` replaces the generated one.

use super::date::DateTime;
use super::{encode_uri, xml_escape};
use crate::content::Library;

pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

/// The sitemap of the rendered `pages` (their output paths) of the site at `site_url`.
pub fn sitemap(
    site_url: &str,
    lib: &Library,
    dates: &[Option<DateTime>],
    pages: &[String],
) -> String {
    let mut paths: Vec<&str> = pages
        .iter()
        .filter(|rel| rel.ends_with(".html") && *rel != "404.html")
        .map(|rel| rel.strip_suffix("index.html").unwrap_or(rel))
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        let loc = xml_escape(&encode_uri(&format!("{site_url}{path}")));
        xml.push_str(&format!("  <url><loc>{loc}</loc>"));
        if let Some(d) = lib.by_path.get(path).and_then(|&i| dates[i]) {
            xml.push_str(&format!("<lastmod>{}</lastmod>", d.date()));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Allows everything; names the sitemap when the site's URL is known. (Crawlers read
/// `robots.txt` only at a host's root: under a sub-path it is informative.)
pub fn robots(site_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = site_url {
        text.push_str(&format!("\nSitemap: {}{SITEMAP}\n", encode_uri(url)));
    }
    text
}
