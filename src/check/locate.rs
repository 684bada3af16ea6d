//! Where a link of a built page was written: in the note's Markdown (raw HTML and
//! external links appear there as written), in one of the site's templates, in a copied
//! static HTML file, or, failing those, in the generated page itself (the built-in
//! theme). Positions are 1-based line:col.

use std::path::{Path, PathBuf};

use crate::content::{walk, Library};
use crate::diagnostics::LineIndex;
use crate::markdown::links::percent_decode;

/// What wrote a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The Markdown of page `n`.
    Page(usize),
    /// A template of the site's `templates/`.
    Template,
    /// A copied HTML file (its position is exact).
    Copied,
    /// Only the generated page shows it.
    Generated,
}

/// A source position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub origin: Origin,
}

/// Finds sources of links; holds the site's own templates.
pub struct Locator<'a> {
    lib: &'a Library,
    base_path: &'a str,
    templates: Vec<(PathBuf, String)>,
}

impl<'a> Locator<'a> {
    pub fn new(root: &Path, lib: &'a Library, base_path: &'a str) -> Self {
        let mut templates = Vec::new();
        if let Ok(entries) = std::fs::read_dir(root.join("templates")) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    templates.push((walk::shown(root, &path), text));
                }
            }
        }
        Locator {
            lib,
            base_path,
            templates,
        }
    }

    /// Locates `value`, found at `line` of the output file `rel` (text `html`), written by
    /// page `page` when the file is a page's, or copied from `copied`.
    pub fn locate(
        &self,
        rel: &str,
        html: &str,
        line: usize,
        value: &str,
        page: Option<usize>,
        copied: Option<&Path>,
    ) -> Located {
        if let Some(file) = copied {
            let col = column_near(html, line, value);
            return Located {
                file: file.to_path_buf(),
                line,
                col,
                origin: Origin::Copied,
            };
        }
        if let Some(i) = page {
            let p = &self.lib.pages[i];
            if let Some(offset) = find_written(&p.text, value) {
                let (line, col) = LineIndex::new(&p.text).position(&p.text, offset);
                return Located {
                    file: p.source.clone(),
                    line,
                    col,
                    origin: Origin::Page(i),
                };
            }
        }
        // A template writes site paths as `{{ site.base }}rest`.
        let after_base = value
            .strip_prefix(self.base_path)
            .map(|rest| format!("}}}}{rest}"));
        for (file, text) in &self.templates {
            let found = find_written(text, value).or_else(|| {
                let form = after_base.as_deref()?;
                text.find(form).map(|i| i + 2)
            });
            if let Some(offset) = found {
                let (line, col) = LineIndex::new(text).position(text, offset);
                return Located {
                    file: file.clone(),
                    line,
                    col,
                    origin: Origin::Template,
                };
            }
        }
        Located {
            file: Path::new("public").join(rel),
            line,
            col: column_near(html, line, value),
            origin: Origin::Generated,
        }
    }
}

/// The byte offset of `value` as an author would have written it: quoted as an HTML
/// attribute, as a YAML value (frontmatter), as a Markdown destination, or anywhere.
fn find_written(text: &str, value: &str) -> Option<usize> {
    let escaped = value.replace('&', "&amp;");
    let decoded = percent_decode(value);
    let mut forms = Vec::new();
    for v in [value, escaped.as_str(), decoded.as_str()] {
        forms.push((format!("=\"{v}\""), 2));
        forms.push((format!("='{v}'"), 2));
        forms.push((format!(": {v}\n"), 2));
        forms.push((format!(": \"{v}\""), 3));
        forms.push((format!(": '{v}'"), 3));
        forms.push((format!("]({v}"), 2));
        forms.push((format!("](<{v}>"), 3));
        forms.push((format!("<{v}>"), 1));
        forms.push((format!("]: {v}"), 3));
        forms.push((v.to_string(), 0));
    }
    forms
        .iter()
        .find_map(|(form, skip)| text.find(form.as_str()).map(|i| i + skip))
}

/// The column of `value` on `line` (or the lines just before, for a tag spanning lines).
fn column_near(html: &str, line: usize, value: &str) -> usize {
    let lines: Vec<&str> = html.lines().collect();
    let escaped = value.replace('&', "&amp;");
    for l in (line.saturating_sub(3)..line).rev() {
        let Some(text) = lines.get(l) else { continue };
        if let Some(i) = text.find(&escaped).or_else(|| text.find(value)) {
            return text[..i].chars().count() + 1;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_as_written() {
        let text = "a [x](./y.md) and <img src=\"./y.md\">";
        assert_eq!(find_written(text, "./y.md"), Some(28));
        assert_eq!(find_written("[x](./y.md)", "./y.md"), Some(4));
        assert_eq!(
            find_written("see <https://x.org>", "https://x.org"),
            Some(5)
        );
        assert_eq!(find_written("none", "./y.md"), None);
        assert_eq!(find_written("link: ./y.md\n[a](./y.md)", "./y.md"), Some(6));
    }

    #[test]
    fn columns_count_characters() {
        let html = "<p>\n中文 <a href=\"/x/?a=1&amp;b=2\">";
        assert_eq!(column_near(html, 2, "/x/?a=1&b=2"), 13);
        assert_eq!(column_near(html, 2, "/missing"), 1);
    }
}
