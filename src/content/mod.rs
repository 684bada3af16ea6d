//! The content model: notes (pages), sections (folders) and colocated assets, loaded from
//! `content/`. URLs are "pretty": `a/b.md` is published as `a/b/index.html` and linked
//! as `a/b/`; `a/index.md` opens the section `a/`.

pub mod frontmatter;
pub mod walk;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use frontmatter::FrontMatter;

/// One Markdown note.
#[derive(Debug, Clone)]
pub struct Page {
    /// The source path relative to the site root (for diagnostics), e.g. `content/a.md`.
    pub source: PathBuf,
    /// The path relative to `content/`, e.g. `notes/a.md`.
    pub rel: String,
    /// The URL path relative to the site's base, e.g. `notes/a/` (empty for the home page).
    pub path: String,
    /// The normalised text (LF line endings, no BOM).
    pub text: String,
    pub front: FrontMatter,
    pub body_start: usize,
    pub title: String,
    /// The index of the section (folder) holding the page.
    pub section: usize,
    /// True for a folder's `index.md`.
    pub is_index: bool,
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A folder of notes.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// The folder relative to `content/` (`""` for the root), `/`-separated.
    pub dir: String,
    /// The URL path, e.g. `notes/` (empty for the root).
    pub path: String,
    pub title: String,
    /// The section's own `index.md`, if it has one.
    pub index_page: Option<usize>,
    /// The other pages, in reading order.
    pub pages: Vec<usize>,
    /// Sub-sections, in reading order.
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub depth: usize,
}

/// A non-Markdown file copied beside its page.
#[derive(Debug, Clone)]
pub struct Asset {
    pub abs: PathBuf,
    /// The path relative to `content/` and to the output root.
    pub rel: String,
}

/// Everything found under `content/`.
#[derive(Debug, Default)]
pub struct Library {
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    pub assets: Vec<Asset>,
    /// URL path → page index.
    pub by_path: BTreeMap<String, usize>,
}

impl Library {
    /// Loads `root/content`. Problems are reported in `diags`; what can be loaded is.
    pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Library {
        let content_dir = root.join("content");
        let found = walk::walk(root, &content_dir, diags);
        let (notes, others): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.is_markdown);
        let assets = others
            .into_iter()
            .map(|f| Asset {
                abs: f.abs,
                rel: f.rel,
            })
            .collect();
        let loaded: Vec<(Option<Page>, Vec<Diagnostic>)> = notes
            .par_iter()
            .map(|f| {
                let mut d = Vec::new();
                let page = load_page(root, &f.abs, &f.rel, &mut d);
                (page, d)
            })
            .collect();
        let mut pages = Vec::new();
        for (page, d) in loaded {
            diags.extend(d);
            pages.extend(page.filter(|p| !p.front.draft));
        }
        let mut lib = Library {
            pages,
            sections: Vec::new(),
            assets,
            by_path: BTreeMap::new(),
        };
        lib.build_sections();
        lib
    }

    fn build_sections(&mut self) {
        let mut dirs: BTreeMap<String, usize> = BTreeMap::new();
        self.sections.push(Section::default());
        dirs.insert(String::new(), 0);
        for i in 0..self.pages.len() {
            let dir = parent_dir(&self.pages[i].rel).to_string();
            let section = self.section_for(&mut dirs, &dir);
            self.pages[i].section = section;
            if self.pages[i].is_index {
                self.sections[section].index_page = Some(i);
            } else {
                self.sections[section].pages.push(i);
            }
            self.by_path.insert(self.pages[i].path.clone(), i);
        }
        for s in 0..self.sections.len() {
            let title = match self.sections[s].index_page {
                Some(p) => self.pages[p].title.clone(),
                None => display_name(last_segment(&self.sections[s].dir)),
            };
            self.sections[s].title = title;
            let mut pages = std::mem::take(&mut self.sections[s].pages);
            pages.sort_by(|&a, &b| {
                let (pa, pb) = (&self.pages[a], &self.pages[b]);
                (pa.front.order.unwrap_or(i64::MAX), natural_key(&pa.rel))
                    .cmp(&(pb.front.order.unwrap_or(i64::MAX), natural_key(&pb.rel)))
            });
            self.sections[s].pages = pages;
            let mut children = std::mem::take(&mut self.sections[s].children);
            children.sort_by_key(|&c| {
                let order = self.sections[c]
                    .index_page
                    .and_then(|p| self.pages[p].front.order)
                    .unwrap_or(i64::MAX);
                (order, natural_key(&self.sections[c].dir))
            });
            self.sections[s].children = children;
        }
    }

    /// The section for `dir`, creating it and its ancestors as needed.
    fn section_for(&mut self, dirs: &mut BTreeMap<String, usize>, dir: &str) -> usize {
        if let Some(&s) = dirs.get(dir) {
            return s;
        }
        let parent = self.section_for(dirs, parent_dir(dir));
        let idx = self.sections.len();
        self.sections.push(Section {
            dir: dir.to_string(),
            path: format!("{dir}/"),
            parent: Some(parent),
            depth: self.sections[parent].depth + 1,
            ..Section::default()
        });
        self.sections[parent].children.push(idx);
        dirs.insert(dir.to_string(), idx);
        idx
    }

    /// Pages in reading order: depth-first through the sections, each section's index first.
    pub fn reading_order(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.pages.len());
        self.visit(0, &mut out);
        out
    }

    fn visit(&self, s: usize, out: &mut Vec<usize>) {
        let section = &self.sections[s];
        out.extend(section.index_page);
        out.extend(&section.pages);
        for &c in &section.children {
            self.visit(c, out);
        }
    }
}

fn load_page(root: &Path, abs: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let source = walk::shown(root, abs);
    let bytes = match std::fs::read(abs) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                &source,
                1,
                1,
                format!("cannot read: {e}"),
            ));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let idx = crate::diagnostics::LineIndex::new(&valid);
            let (line, col) = idx.position(&valid, offset);
            diags.push(
                Diagnostic::error(&source, line, col, "the file is not valid UTF-8")
                    .with_hint("save the note as UTF-8"),
            );
            return None;
        }
    };
    let text = frontmatter::normalize(&text);
    let parsed = frontmatter::parse(&source, &text, diags);
    let stem = rel.trim_end_matches(".md");
    let is_index = stem == "index" || stem.ends_with("/index");
    let path = if is_index {
        stem.trim_end_matches("index").to_string()
    } else {
        format!("{stem}/")
    };
    let title = parsed
        .front
        .title
        .clone()
        .or_else(|| crate::markdown::first_h1(&text[parsed.body_start..]))
        .unwrap_or_else(|| {
            if is_index {
                display_name(last_segment(parent_dir(rel)))
            } else {
                display_name(last_segment(stem))
            }
        });
    Some(Page {
        source,
        rel: rel.to_string(),
        path,
        text,
        front: parsed.front,
        body_start: parsed.body_start,
        title,
        section: 0,
        is_index,
    })
}

fn parent_dir(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A file or folder name as a title: numeric ordering prefixes (`3-`, `10_`) dropped.
pub fn display_name(name: &str) -> String {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &name[digits..];
    let stripped = match rest.as_bytes().first() {
        Some(b'-' | b'_' | b'.' | b' ') if digits > 0 && rest.len() > 1 => &rest[1..],
        _ => name,
    };
    if stripped.is_empty() {
        "Home".to_string()
    } else {
        stripped.to_string()
    }
}

/// A sort key that orders embedded numbers by value (`9-a` before `10-b`).
pub fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut key = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n: u64 = 0;
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                n = n
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                chars.next();
            }
            key.push((0, n, String::new()));
        } else {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| !d.is_ascii_digit()) {
                word.push(d);
                chars.next();
            }
            key.push((1, 0, word));
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_prefixes_sort_naturally_and_hide() {
        let mut names = vec!["10-ten", "9-nine", "1-one"];
        names.sort_by_key(|n| natural_key(n));
        assert_eq!(names, vec!["1-one", "9-nine", "10-ten"]);
        assert_eq!(display_name("10-ten"), "ten");
        assert_eq!(display_name("2024"), "2024");
    }
}
