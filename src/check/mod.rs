//! `gen check` beyond the build's own checks. The build already resolves every Markdown
//! link and image (`markdown::links`, against the page model) and every `page#anchor`
//! (against the target's heading ids); this pass then reads the rendered site as a
//! browser follows it ([`crate::html_scan`]): every `href`/`src`/`srcset` of every page,
//! template and copied HTML file, and every `url(…)` of a stylesheet, must name a file of
//! the built site under its base path (and an id in it, for a `#fragment`), and every
//! external URL must be well formed ([`external`], no network). Each problem points at the source that wrote the link
//! ([`locate`]).

pub mod external;
mod locate;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{walk, Library};
use crate::diagnostics::Diagnostic;
use crate::html_scan::{scan, Item};
use crate::markdown::links::{percent_decode, Resolver, Target};
use crate::output::OutFile;
use locate::{Locator, Origin};

/// What the check reads: the site as the build assembled it, before writing.
pub struct Input<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub lib: &'a Library,
    /// The paths the build's link resolution knows beyond pages (static files, tags …).
    pub known: &'a BTreeSet<String>,
    pub files: &'a [OutFile],
}

/// The attributes that hold URLs, by element.
const URL_ATTRS: &[(&str, &str)] = &[
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("use", "href"),
    ("use", "xlink:href"),
    ("image", "href"),
    ("image", "xlink:href"),
];

/// Schemes whose URLs name no resource to check.
const INERT_SCHEMES: &[&str] = &["javascript", "data", "blob", "about", "tel", "sms"];

/// The host that stands for this site while resolving relative URLs.
const SITE_HOST: &str = "http://gen.invalid";

/// One URL in one HTML file.
struct Link {
    tag: String,
    value: String,
    line: usize,
}

/// A built HTML file: its text, its links and the ids it defines.
struct Doc<'a> {
    rel: &'a str,
    text: Cow<'a, str>,
    copied: Option<PathBuf>,
    links: Vec<Link>,
    ids: HashSet<String>,
}

/// Checks the assembled site; problems are appended to `diags`.
pub fn run(input: &Input<'_>, diags: &mut Vec<Diagnostic>) {
    let rels: HashSet<&str> = input.files.iter().map(OutFile::rel).collect();
    let docs: Vec<Doc<'_>> = input
        .files
        .par_iter()
        .filter(|f| f.rel().ends_with(".html") || f.rel().ends_with(".css"))
        .filter_map(|f| read_doc(input.root, f))
        .collect();
    let by_rel: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.rel, i)).collect();
    let locator = Locator::new(input.root, input.lib, &input.config.base_path);
    let resolver = Resolver::new(input.lib, &input.config.base_path, input.known);
    let site = Site {
        input,
        origin: crate::publish::origin(input.config),
        rels: &rels,
        docs: &docs,
        by_rel: &by_rel,
    };

    let already: Vec<(PathBuf, usize, String)> = diags
        .iter()
        .map(|d| (d.file.clone(), d.line, d.message.clone()))
        .collect();
    let mut found: BTreeSet<Diagnostic> = BTreeSet::new();
    // Problems only the generated pages show (the built-in theme): once per message.
    let mut generated: BTreeMap<String, (Diagnostic, usize)> = BTreeMap::new();
    for doc in &docs {
        let page = doc
            .rel
            .strip_suffix("index.html")
            .and_then(|p| input.lib.by_path.get(p).copied())
            .filter(|_| doc.copied.is_none());
        for link in &doc.links {
            let Some(problem) = site.problem(doc, link) else {
                continue;
            };
            if problem.kind != Kind::External && input.config.dead_links.ignores(&link.value) {
                continue;
            }
            let at = locator.locate(
                doc.rel,
                &doc.text,
                link.line,
                &link.value,
                page,
                doc.copied.as_deref(),
            );
            // The build reported it already: at this line, or (for a Markdown link it
            // rewrote, which the page's text does not show as built) in this page.
            let page_source = page.map(|i| input.lib.pages[i].source.as_path());
            let reported = already.iter().any(|(file, line, message)| {
                (*file == at.file && *line == at.line && message.contains(&link.value))
                    || (Some(file.as_path()) == page_source
                        && message.contains(&format!("`{}`", problem.key)))
            });
            if reported {
                continue;
            }
            let d = diagnostic(input.config, &resolver, doc.rel, &link.value, &at, problem);
            if at.origin == Origin::Generated {
                generated
                    .entry(d.message.clone())
                    .and_modify(|(_, n)| *n += 1)
                    .or_insert((d, 1));
            } else {
                found.insert(d);
            }
        }
    }
    diags.extend(found);
    for (_, (mut d, n)) in generated {
        if n > 1 {
            d.message = format!("{} (and on {} more pages)", d.message, n - 1);
        }
        diags.push(d);
    }
}

/// The diagnostic for `problem` with `value`, found in output file `rel` and located at
/// `at`: a warning for internal links when `ignore_dead_links` says so, with the hint
/// that fits where it was written.
fn diagnostic(
    config: &Config,
    resolver: &Resolver<'_>,
    rel: &str,
    value: &str,
    at: &locate::Located,
    problem: Problem,
) -> Diagnostic {
    let d = if problem.kind != Kind::External && config.ignore_dead_links {
        Diagnostic::warning(&at.file, at.line, at.col, problem.message)
    } else {
        Diagnostic::error(&at.file, at.line, at.col, problem.message)
    };
    d.with_hint(match (at.origin, problem.kind) {
        (Origin::Page(i), Kind::Path) => resolved_hint(resolver, i, value),
        (Origin::Generated, _) => format!(
            "a template writes it into the page gen generates at public/{rel} (the built-in theme, or one in templates/)"
        ),
        _ => problem.hint.to_string(),
    })
}

/// Reads one HTML or CSS output file: generated text, or the copied file from disk.
fn read_doc<'a>(root: &Path, file: &'a OutFile) -> Option<Doc<'a>> {
    let (rel, text, copied) = match file {
        OutFile::Text { rel, text } => (rel.as_str(), Cow::Borrowed(text.as_str()), None),
        OutFile::Copy { rel, from } => (
            rel.as_str(),
            Cow::Owned(std::fs::read_to_string(from).ok()?),
            Some(walk::shown(root, from)),
        ),
    };
    if rel.ends_with(".css") {
        return Some(Doc {
            rel,
            links: css_urls(&text),
            text,
            copied,
            ids: HashSet::new(),
        });
    }
    let mut links = Vec::new();
    let mut ids = HashSet::new();
    for item in scan(&text) {
        let Item::Start { name, attrs, line } = &item else {
            continue;
        };
        for (attr, value) in attrs {
            if attr == "id" || (attr == "name" && name == "a") {
                ids.insert(value.clone());
            }
            if !URL_ATTRS.contains(&(name.as_str(), attr.as_str())) {
                continue;
            }
            let values: Vec<&str> = if attr == "srcset" {
                srcset_urls(value)
            } else {
                vec![value.trim()]
            };
            links.extend(values.into_iter().map(|v| Link {
                tag: name.clone(),
                value: v.to_string(),
                line: *line,
            }));
        }
    }
    Some(Doc {
        rel,
        text,
        copied,
        links,
        ids,
    })
}

/// The `url(…)` references of a stylesheet, outside comments.
fn css_urls(css: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut rest = css;
    let mut offset = 0;
    loop {
        let comment = rest.find("/*");
        let Some(at) = rest.find("url(") else { break };
        if let Some(c) = comment.filter(|&c| c < at) {
            let end = rest[c + 2..]
                .find("*/")
                .map_or(rest.len(), |e| c + 2 + e + 2);
            offset += end;
            rest = &rest[end..];
            continue;
        }
        let inner = rest[at + 4..].trim_start();
        let (value, len) = match inner.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &inner[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], end + 1)
            }
            _ => {
                let end = inner.find(')').unwrap_or(inner.len());
                (inner[..end].trim(), end)
            }
        };
        let line = css[..offset + at].matches('\n').count() + 1;
        if !value.is_empty() {
            links.push(Link {
                tag: "css".into(),
                value: value.to_string(),
                line,
            });
        }
        let consumed = at + 4 + (rest[at + 4..].len() - inner.len()) + len;
        offset += consumed;
        rest = &rest[consumed..];
    }
    links
}

/// The URLs of a `srcset` (`a.png 1x, b.png 2x`).
fn srcset_urls(srcset: &str) -> Vec<&str> {
    srcset
        .split(',')
        .filter_map(|c| c.split_whitespace().next())
        .collect()
}

/// What is wrong with one link.
struct Problem {
    kind: Kind,
    message: String,
    hint: &'static str,
    /// What the message names (the link, or the missing id), to recognise the same
    /// problem reported by the build.
    key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A path of the site that names no file.
    Path,
    /// A fragment that names no id.
    Anchor,
    /// A malformed external URL.
    External,
}

const PATH_HINT: &str = "link to a note's file (`./other.md`, `/guide/x`) or a file in static/";

/// The built site, for resolving links.
struct Site<'a> {
    input: &'a Input<'a>,
    /// `https://host` of an absolute `base_url` (empty without one).
    origin: String,
    rels: &'a HashSet<&'a str>,
    docs: &'a [Doc<'a>],
    by_rel: &'a HashMap<&'a str, usize>,
}

impl Site<'_> {
    fn problem(&self, doc: &Doc<'_>, link: &Link) -> Option<Problem> {
        let value = link.value.as_str();
        if value.is_empty() || value == "#" {
            return None;
        }
        if let Some(fragment) = value.strip_prefix('#') {
            return self.missing_id(doc, fragment, value);
        }
        let mut local = value;
        if let Some(scheme) = scheme(value) {
            if INERT_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
                return None;
            }
            let malformed = self.malformed(value);
            // An absolute link into this very site (a canonical link, or a note linking
            // its published URL) is checked as the site path it is.
            match self.own_path(value) {
                Some(path) if malformed.is_none() => local = path,
                _ => return malformed,
            }
        } else if value.starts_with("//") {
            return self.malformed(value);
        }
        let base_path = self.input.config.base_path.as_str();
        let base = url::Url::parse(&format!("{SITE_HOST}{base_path}{}", doc.rel)).ok()?;
        let url = base.join(local).ok()?;
        let path = percent_decode(url.path());
        let what = match link.tag.as_str() {
            "img" | "image" | "source" | "video" | "audio" => "missing image",
            "a" | "area" => "dead link",
            _ => "missing asset",
        };
        let Some(rel) = path.strip_prefix(base_path) else {
            return Some(Problem {
                kind: Kind::Path,
                message: format!("{what}: `{value}` is outside the site's base path `{base_path}`"),
                hint: "start site-absolute links with the base path, or write them relative",
                key: value.to_string(),
            });
        };
        let Some(target) = self.file(rel) else {
            return Some(Problem {
                kind: Kind::Path,
                message: format!("{what}: `{value}` names no file of the built site"),
                hint: PATH_HINT,
                key: value.to_string(),
            });
        };
        let fragment = url.fragment().filter(|f| !f.is_empty())?;
        if !target.ends_with(".html") {
            return None;
        }
        let &target_doc = self.by_rel.get(target.as_str())?;
        self.missing_id(&self.docs[target_doc], fragment, value)
    }

    /// The path of `value` (`/notes/x/#y`) when it is a URL under the site's own absolute
    /// `base_url`.
    fn own_path<'v>(&self, value: &'v str) -> Option<&'v str> {
        let origin = self.origin.as_str();
        if origin.is_empty() || !value.is_char_boundary(origin.len()) {
            return None;
        }
        let (head, path) = value.split_at(origin.len());
        (head.eq_ignore_ascii_case(origin) && path.starts_with(&self.input.config.base_path))
            .then_some(path)
    }

    /// The output file a site path names: itself, or its `index.html`.
    fn file(&self, rel: &str) -> Option<String> {
        let dir_index = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            format!("{rel}/index.html")
        };
        if !rel.is_empty() && !rel.ends_with('/') && self.rels.contains(rel) {
            return Some(rel.to_string());
        }
        self.rels.contains(dir_index.as_str()).then_some(dir_index)
    }

    fn missing_id(&self, doc: &Doc<'_>, fragment: &str, value: &str) -> Option<Problem> {
        let id = percent_decode(fragment);
        if doc.ids.contains(&id) || id == "top" {
            return None;
        }
        Some(Problem {
            kind: Kind::Anchor,
            message: format!("dead anchor: `{value}`: `{}` has no id `{id}`", doc.rel),
            hint: "heading ids follow VitePress's slugs; `{#id}` after a heading sets one",
            key: id,
        })
    }

    fn malformed(&self, value: &str) -> Option<Problem> {
        external::problem(value).map(|why| Problem {
            kind: Kind::External,
            message: format!("malformed URL `{value}`: {why}"),
            hint: "external links are not fetched, only read; fix the URL as written",
            key: value.to_string(),
        })
    }
}

/// The scheme of `value` (`https` of `https://…`), if it has one.
fn scheme(value: &str) -> Option<&str> {
    let end = value.find([':', '/', '?', '#'])?;
    let scheme = &value[..end];
    let valid = value[end..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// For a raw link in a note: what the build's resolution makes of it, when it finds it.
fn resolved_hint(resolver: &Resolver<'_>, page: usize, value: &str) -> String {
    let resolved = resolver.resolve(page, value);
    match resolved.target {
        Target::Page { .. } | Target::Other if resolved.href != value => format!(
            "gen rewrites Markdown links only, not raw HTML or frontmatter; as a Markdown link `{value}` would be `{}`",
            resolved.href
        ),
        _ => PATH_HINT.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://x"), Some("https"));
        assert_eq!(scheme("mailto:a@b"), Some("mailto"));
        assert_eq!(scheme("./a:b"), None);
        assert_eq!(scheme("/a"), None);
        assert_eq!(scheme("a.md#x:y"), None);
    }

    #[test]
    fn css_references() {
        let css = "a{background:url(img/a.png)}\n/* url(nope.png) */\nb{src:url( \"f o.woff2\" ) url('x.svg#i')}";
        let found: Vec<(String, usize)> = css_urls(css)
            .into_iter()
            .map(|l| (l.value, l.line))
            .collect();
        assert_eq!(
            found,
            [
                ("img/a.png".to_string(), 1),
                ("f o.woff2".to_string(), 3),
                ("x.svg#i".to_string(), 3)
            ]
        );
    }

    #[test]
    fn srcset_candidates() {
        assert_eq!(srcset_urls("a.png 1x, b.png 2x"), ["a.png", "b.png"]);
        assert_eq!(srcset_urls("c.png"), ["c.png"]);
    }
}
