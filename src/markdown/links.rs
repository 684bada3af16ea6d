//! Internal link resolution as VitePress resolves links: absolute (`/guide/x`) or
//! relative (`./x`, `../a/b.md`), with or without `.md`/`.html`, a folder meaning its
//! `index.md`. Targets become page URLs under the site's base path; anchors are handed
//! back for checking once every page's heading ids are known.

use std::collections::{BTreeSet, HashMap};

use crate::content::Library;

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Left as written (another site, `mailto:`, a bare `#` …).
    External,
    /// A page of this site; `anchor` is the fragment to check against its ids.
    Page { page: usize, anchor: Option<String> },
    /// A generated page (section listing, tag page) or a file (asset, static file).
    Other,
    /// Nothing of this site answers; the message says what was looked for.
    Missing(String),
}

/// A resolved link: the href to write and what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub href: String,
    pub target: Target,
}

/// Resolves links for every page of one build.
#[derive(Debug)]
pub struct Resolver<'a> {
    lib: &'a Library,
    base_path: &'a str,
    by_rel: HashMap<&'a str, usize>,
    sections: HashMap<&'a str, usize>,
    assets: BTreeSet<&'a str>,
    /// Files from `static/` and paths gen generates (`tags/`, `404.html`), relative to
    /// the output root.
    extra_files: &'a BTreeSet<String>,
}

impl<'a> Resolver<'a> {
    pub fn new(lib: &'a Library, base_path: &'a str, extra_files: &'a BTreeSet<String>) -> Self {
        Resolver {
            lib,
            base_path,
            by_rel: lib
                .pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.rel.as_str(), i))
                .collect(),
            sections: lib
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.dir.as_str(), i))
                .collect(),
            assets: lib.assets.iter().map(|a| a.rel.as_str()).collect(),
            extra_files,
        }
    }

    /// Resolves `dest` as written in the page `from` (0-based index).
    pub fn resolve(&self, from: usize, dest: &str) -> Resolved {
        let external = Resolved {
            href: dest.to_string(),
            target: Target::External,
        };
        if dest.is_empty() || is_external(dest) {
            return external;
        }
        let (before_frag, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = before_frag.split('?').next().unwrap_or(before_frag);
        let anchor = fragment.filter(|f| !f.is_empty()).map(percent_decode);
        if path.is_empty() {
            return Resolved {
                href: dest.to_string(),
                target: match anchor {
                    Some(anchor) => Target::Page {
                        page: from,
                        anchor: Some(anchor),
                    },
                    None => Target::External,
                },
            };
        }
        let from_rel = &self.lib.pages[from].rel;
        let base_dir = if path.starts_with('/') {
            ""
        } else {
            from_rel.rfind('/').map_or("", |i| &from_rel[..i])
        };
        let decoded = percent_decode(path);
        let Some(joined) = join(base_dir, &decoded) else {
            return Resolved {
                href: dest.to_string(),
                target: Target::Missing(format!("`{dest}` points outside the site")),
            };
        };
        let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        if let Some(page) = self.find_page(&joined, decoded.ends_with('/')) {
            return Resolved {
                href: format!("{}{}{suffix}", self.base_path, self.lib.pages[page].path),
                target: Target::Page { page, anchor },
            };
        }
        let dir = joined.trim_end_matches('/');
        if let Some(&s) = self.sections.get(dir) {
            return Resolved {
                href: format!("{}{}{suffix}", self.base_path, self.lib.sections[s].path),
                target: Target::Other,
            };
        }
        let as_dir = format!("{dir}/");
        if self.assets.contains(joined.as_str())
            || self.extra_files.contains(&joined)
            || self.extra_files.contains(&as_dir)
        {
            let shown = if self.extra_files.contains(&as_dir) {
                as_dir
            } else {
                joined
            };
            return Resolved {
                href: format!("{}{}{suffix}", self.base_path, encode_path(&shown)),
                target: Target::Other,
            };
        }
        Resolved {
            href: dest.to_string(),
            target: Target::Missing(format!("no page or file at `{dest}`")),
        }
    }

    fn find_page(&self, joined: &str, is_dir: bool) -> Option<usize> {
        let lookup = |rel: &str| self.by_rel.get(rel).copied();
        let dir = joined.trim_end_matches('/');
        let index_of = |d: &str| {
            if d.is_empty() {
                lookup("index.md")
            } else {
                lookup(&format!("{d}/index.md"))
            }
        };
        if is_dir || joined.is_empty() {
            // `a/b/` is a folder's index.md, or gen's own URL of `a/b.md`.
            return index_of(dir).or_else(|| self.lib.by_path.get(&format!("{dir}/")).copied());
        }
        if joined.ends_with(".md") {
            return lookup(joined);
        }
        if let Some(stem) = joined.strip_suffix(".html") {
            return lookup(&format!("{stem}.md")).or_else(|| {
                stem.strip_suffix("index")
                    .and_then(|d| index_of(d.trim_end_matches('/')))
            });
        }
        lookup(&format!("{joined}.md")).or_else(|| index_of(dir))
    }
}

/// The pages' VitePress addresses (`a/b.md` → `a/b.html`), each a small page sending the
/// reader to gen's address (`a/b/`) with the `#anchor` kept, so links shared to the
/// VitePress site keep working. Index pages have the same address in both and get none.
pub fn vitepress_aliases(lib: &Library, base_path: &str) -> Vec<(String, String)> {
    lib.pages
        .iter()
        .filter(|p| !p.is_index)
        .map(|p| {
            let url = format!("{base_path}{}", encode_path(&p.path));
            let js = serde_json::to_string(&url).unwrap_or_default().replace('<', "\\u003c");
            let attr = super::highlight::escape(&url);
            let html = format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><link rel=\"canonical\" href=\"{attr}\"><meta http-equiv=\"refresh\" content=\"0; url={attr}\"><script>location.replace({js} + location.hash)</script></head><body><a href=\"{attr}\">{}</a></body></html>\n",
                super::highlight::escape(&p.title),
                super::highlight::escape(&p.title)
            );
            (format!("{}.html", p.rel.trim_end_matches(".md")), html)
        })
        .collect()
}

/// True for `http(s)://localhost…` and `http(s)://127.0.0.1…` links, which VitePress
/// counts as dead (they only work on the author's machine).
pub fn is_localhost(dest: &str) -> bool {
    let rest = dest
        .strip_prefix("http://")
        .or_else(|| dest.strip_prefix("https://"))
        .or_else(|| dest.strip_prefix("//"));
    rest.is_some_and(|r| {
        let host = r.split(['/', ':', '?', '#']).next().unwrap_or("");
        host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1"
    })
}

/// True for links with a scheme (`https:`, `mailto:`) or protocol-relative ones.
fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    let end = dest.find(['/', '?', '#']).unwrap_or(dest.len());
    dest[..end].contains(':')
}

/// Joins a relative path onto `base_dir`, resolving `.` and `..`; `None` when it climbs
/// above the content root.
fn join(base_dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// Decodes `%XX` escapes (invalid sequences are kept as written).
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Percent-encodes the characters of a path that may not appear raw in an `href`
/// (spaces, quotes, `<>`); other Unicode is left readable.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_refuses_to_climb_out() {
        assert_eq!(join("a/b", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join("", "./x/").as_deref(), Some("x/"));
        assert_eq!(join("a", "../../x"), None);
        assert_eq!(join("", "/guide/x").as_deref(), Some("guide/x"));
    }

    #[test]
    fn externals_are_left_alone() {
        assert!(is_external("https://x.org/a"));
        assert!(is_external("mailto:a@b"));
        assert!(is_external("//cdn/x.js"));
        assert!(!is_external("./a.md#x:y"));
        assert!(!is_external("/guide/"));
    }

    #[test]
    fn localhost_links() {
        assert!(is_localhost("http://localhost:5173/"));
        assert!(is_localhost("https://127.0.0.1"));
        assert!(!is_localhost("https://localhost.example.org"));
        assert!(!is_localhost("./localhost"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("%E4%B8%AD.md"), "中.md");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
