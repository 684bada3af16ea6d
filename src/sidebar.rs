//! The sidebar of sections and pages, rendered once per build. Every page embeds the
//! same HTML and marks its own link with a one-line `<style>` rule (see `base.html`),
//! so no per-page work is done. Past [`FULL_LIMIT`] pages the full tree would make the
//! output grow quadratically, so pages then get a compact sidebar instead: the top-level
//! sections plus a window of their own section around them.

use crate::content::Library;
use crate::markdown::highlight::escape;

/// Sites up to this many pages show the whole tree on every page.
pub const FULL_LIMIT: usize = 200;

/// How many neighbours on each side of the current page a compact sidebar lists.
const WINDOW: usize = 15;

/// The sidebar of one build.
#[derive(Debug)]
pub struct Sidebar {
    full: Option<String>,
}

impl Sidebar {
    /// Renders the full tree once (when the site is small enough to embed it).
    pub fn new(lib: &Library, base: &str) -> Sidebar {
        let full = (lib.pages.len() <= FULL_LIMIT).then(|| {
            let mut html = String::new();
            render_section(lib, base, 0, &mut html);
            html
        });
        Sidebar { full }
    }

    /// The sidebar HTML for a page in `section` (and, if a page, its index).
    pub fn for_page(
        &self,
        lib: &Library,
        base: &str,
        section: usize,
        page: Option<usize>,
    ) -> String {
        if let Some(full) = &self.full {
            return full.clone();
        }
        compact(lib, base, section, page)
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
    out.push_str("<ul>");
    for &p in &section.pages {
        out.push_str("<li>");
        link(base, &lib.pages[p].path, &lib.pages[p].title, out);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
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
