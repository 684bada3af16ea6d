//! The sidebar and the top-bar nav, rendered once per build. Every page embeds the same
//! sidebar HTML and marks its own link with a one-line `<style>` rule (see `base.html`),
//! so no per-page work is done.
//!
//! Without a `sidebar` in `gen.toml` it is made from the folder tree: folders are groups
//! (their `index.md` opens them), numeric prefixes (`3-`, `10-`) sort naturally and are
//! hidden from titles. Past [`FULL_LIMIT`] pages the full tree would make the output grow
//! quadratically, so pages then get a compact sidebar instead: the top-level sections plus
//! a window of their own section around them. An explicit `sidebar` (one for every page,
//! or one per URL prefix, as VitePress's `themeConfig.sidebar`) replaces the tree, and
//! `nav` adds links to the top bar; their links are written as in VitePress (`/guide/x`,
//! with or without `.md`) and point at the pages.

use crate::config::{Config, NavItem, SidebarConfig};
use crate::content::Library;
use crate::diagnostics::Diagnostic;
use crate::markdown::highlight::escape;

/// Sites up to this many pages show the whole tree on every page.
pub const FULL_LIMIT: usize = 200;

/// How many neighbours on each side of the current page a compact sidebar lists.
const WINDOW: usize = 15;

/// The sidebar of one build.
#[derive(Debug)]
pub struct Sidebar {
    full: Option<String>,
    /// Explicit sidebars by URL path prefix (relative to the base), longest first.
    by_prefix: Vec<(String, String)>,
    /// The top-bar links.
    pub nav: String,
    /// Links in `sidebar`/`nav` that point at no page.
    pub diags: Vec<Diagnostic>,
}

impl Sidebar {
    /// Renders the configured sidebars, or the full tree (when the site is small enough
    /// to embed it), and the nav.
    pub fn new(lib: &Library, config: &Config) -> Sidebar {
        let base = config.base_path.as_str();
        let mut links = Links {
            lib,
            base,
            diags: Vec::new(),
        };
        let nav = config
            .nav
            .iter()
            .map(|item| links.nav_item(item, ""))
            .collect::<String>();
        let mut by_prefix: Vec<(String, String)> = match &config.sidebar {
            None => Vec::new(),
            Some(SidebarConfig::Everywhere(items)) => {
                vec![(String::new(), links.items(items, ""))]
            }
            Some(SidebarConfig::ByPrefix(map)) => map
                .iter()
                .map(|(prefix, items)| {
                    let prefix = prefix.trim_start_matches('/').to_string();
                    (prefix, links.items(items, ""))
                })
                .collect(),
        };
        by_prefix.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let full = (config.sidebar.is_none() && lib.pages.len() <= FULL_LIMIT).then(|| {
            let mut html = String::new();
            render_section(lib, base, 0, &mut html);
            html
        });
        Sidebar {
            full,
            by_prefix,
            nav,
            diags: links.diags,
        }
    }

    /// The sidebar HTML for a page in `section` (and, if a page, its index).
    pub fn for_page(
        &self,
        lib: &Library,
        base: &str,
        section: usize,
        page: Option<usize>,
    ) -> String {
        if !self.by_prefix.is_empty() {
            let path = page.map_or(&lib.sections[section].path, |p| &lib.pages[p].path);
            return self
                .by_prefix
                .iter()
                .find(|(prefix, _)| path.starts_with(prefix.as_str()))
                .map(|(_, html)| html.clone())
                .unwrap_or_default();
        }
        if let Some(full) = &self.full {
            return full.clone();
        }
        compact(lib, base, section, page)
    }
}

/// Resolves configured links to page URLs, collecting the ones that point nowhere.
struct Links<'a> {
    lib: &'a Library,
    base: &'a str,
    diags: Vec<Diagnostic>,
}

impl Links<'_> {
    /// The href of a configured link: a page's URL, or the link as written (external
    /// links, generated pages, files), with a warning when it matches no page.
    fn href(&mut self, link: &str) -> String {
        if link.contains("://") || link.starts_with("mailto:") || link.starts_with('#') {
            return link.to_string();
        }
        let (path, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, format!("#{f}")),
            None => (link, String::new()),
        };
        let bare = path.trim_start_matches('/');
        let stem = bare
            .strip_suffix(".md")
            .or_else(|| bare.strip_suffix(".html"))
            .unwrap_or(bare);
        let dir = stem.trim_end_matches('/');
        let candidates = if stem.is_empty() || stem.ends_with('/') {
            vec![format!("{dir}/index.md")]
        } else {
            vec![format!("{stem}.md"), format!("{dir}/index.md")]
        };
        let found = candidates
            .iter()
            .map(|c| c.trim_start_matches('/'))
            .find_map(|c| self.lib.pages.iter().find(|p| p.rel == c));
        match found {
            Some(page) => format!("{}{}{fragment}", self.base, page.path),
            None => {
                let section = self.lib.sections.iter().find(|s| s.dir == dir);
                if let Some(s) = section {
                    return format!("{}{}{fragment}", self.base, s.path);
                }
                self.diags.push(
                    Diagnostic::warning(
                        std::path::Path::new(crate::config::FILE_NAME),
                        1,
                        1,
                        format!("sidebar/nav link `{link}` points at no page"),
                    )
                    .with_hint(
                        "links are written as in VitePress: `/guide/page`, relative to content/",
                    ),
                );
                if link.starts_with('/') {
                    format!("{}{}", self.base, link.trim_start_matches('/'))
                } else {
                    link.to_string()
                }
            }
        }
    }

    fn link(&mut self, item: &NavItem, base: &str) -> String {
        match &item.link {
            Some(link) => {
                let href = self.href(&format!("{base}{link}"));
                format!("<a href=\"{}\">{}</a>", escape(&href), escape(&item.text))
            }
            None => escape(&item.text),
        }
    }

    /// The sidebar HTML of configured `items`, groups as in the folder-tree sidebar.
    fn items(&mut self, items: &[NavItem], base: &str) -> String {
        let mut html = String::new();
        let mut leaves = String::new();
        for item in items {
            if item.items.is_empty() {
                leaves.push_str(&format!("<li>{}</li>", self.link(item, base)));
                continue;
            }
            if !leaves.is_empty() {
                html.push_str(&format!("<ul>{}</ul>", std::mem::take(&mut leaves)));
            }
            let inner_base = item.base.clone().unwrap_or_else(|| base.to_string());
            let title = self.link(item, base);
            let inner = self.items(&item.items, &inner_base);
            match item.collapsed {
                Some(collapsed) => html.push_str(&format!(
                    "<details class=\"group\"{}><summary class=\"group-title\">{title}</summary>{inner}</details>",
                    if collapsed { "" } else { " open" }
                )),
                None => html.push_str(&format!(
                    "<div class=\"group\"><span class=\"group-title\">{title}</span>{inner}</div>"
                )),
            }
        }
        if !leaves.is_empty() {
            html.push_str(&format!("<ul>{leaves}</ul>"));
        }
        html
    }

    /// A top-bar entry: a link, or a group shown as a menu of links.
    fn nav_item(&mut self, item: &NavItem, base: &str) -> String {
        if item.items.is_empty() {
            return self.link(item, base);
        }
        let inner_base = item.base.clone().unwrap_or_else(|| base.to_string());
        let links: String = item
            .items
            .iter()
            .map(|i| format!("<li>{}</li>", self.nav_item(i, &inner_base)))
            .collect();
        format!(
            "<details class=\"nav-menu\"><summary>{}</summary><ul>{links}</ul></details>",
            escape(&item.text)
        )
    }
}

fn link(base: &str, path: &str, title: &str, out: &mut String) {
    out.push_str("<a href=\"");
    out.push_str(&escape(base));
    out.push_str(&escape(path));
    out.push_str("\">");
    out.push_str(&escape(title));
    out.push_str("</a>");
}

fn render_section(lib: &Library, base: &str, s: usize, out: &mut String) {
    let section = &lib.sections[s];
    if s != 0 {
        out.push_str("<div class=\"group\"><span class=\"group-title\">");
        link(base, &section.path, &section.title, out);
        out.push_str("</span>");
    }
    if !section.pages.is_empty() {
        out.push_str("<ul>");
        for &p in &section.pages {
            out.push_str("<li>");
            link(base, &lib.pages[p].path, &lib.pages[p].title, out);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    for &c in &section.children {
        render_section(lib, base, c, out);
    }
    if s != 0 {
        out.push_str("</div>");
    }
}

/// The top-level sections as links, the current section's pages windowed around `page`.
fn compact(lib: &Library, base: &str, section: usize, page: Option<usize>) -> String {
    let mut out = String::from("<ul>");
    let mut top = section;
    while let Some(parent) = lib.sections[top].parent.filter(|&p| p != 0) {
        top = parent;
    }
    for &c in &lib.sections[0].children {
        out.push_str("<li class=\"group\"><span class=\"group-title\">");
        link(
            base,
            &lib.sections[c].path,
            &lib.sections[c].title,
            &mut out,
        );
        out.push_str("</span>");
        if c == top {
            window(lib, base, section, page, &mut out);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if top == 0 || section == 0 {
        window(lib, base, 0, page, &mut out);
    }
    out
}

fn window(lib: &Library, base: &str, section: usize, page: Option<usize>, out: &mut String) {
    let pages = &lib.sections[section].pages;
    let at = page
        .and_then(|p| pages.iter().position(|&q| q == p))
        .unwrap_or(0);
    let from = at.saturating_sub(WINDOW);
    let to = (at + WINDOW + 1).min(pages.len());
    out.push_str("<ul>");
    if from > 0 {
        out.push_str("<li class=\"more\">");
        link(base, &lib.sections[section].path, "…", out);
        out.push_str("</li>");
    }
    for &p in &pages[from..to] {
        out.push_str("<li>");
        link(base, &lib.pages[p].path, &lib.pages[p].title, out);
        out.push_str("</li>");
    }
    if to < pages.len() {
        out.push_str("<li class=\"more\">");
        link(base, &lib.sections[section].path, "…", out);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}
