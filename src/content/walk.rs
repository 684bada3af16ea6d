//! Walks `content/` with walkdir: Markdown notes and colocated files, hidden entries
//! skipped, and nothing that lies outside the site root (symlinks pointing out of it).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// One file found under `content/`.
#[derive(Debug, Clone)]
pub struct Found {
    /// The path to read (inside the site root).
    pub abs: PathBuf,
    /// The path relative to `content/`, with `/` separators.
    pub rel: String,
    pub is_markdown: bool,
}

/// Lists the files under `content_dir` in a stable (sorted) order. Entries that would
/// reach outside `root` are skipped with a warning.
pub fn walk(root: &Path, content_dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found = Vec::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| shown(root, p)).unwrap_or_default();
                diags.push(
                    Diagnostic::warning(&path, 1, 1, format!("cannot read: {e}"))
                        .with_hint("check the file's permissions"),
                );
                continue;
            }
        };
        let path = entry.path();
        let file_type = entry.file_type();
        if file_type.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if target.starts_with(&canonical_root) => {
                    diags.push(
                        Diagnostic::warning(
                            &shown(root, path),
                            1,
                            1,
                            "symlinked folder not followed",
                        )
                        .with_hint("move the folder into content/ instead of linking it"),
                    );
                    continue;
                }
                _ => {
                    diags.push(
                        Diagnostic::warning(
                            &shown(root, path),
                            1,
                            1,
                            "symlink points outside the site root; not copied",
                        )
                        .with_hint("gen never publishes files from outside the site root"),
                    );
                    continue;
                }
            }
        } else if !file_type.is_file() {
            continue;
        }
        let Ok(rel) = path.strip_prefix(content_dir) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        let is_markdown = rel.ends_with(".md");
        found.push(Found {
            abs: path.to_path_buf(),
            rel,
            is_markdown,
        });
    }
    found
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// A path as shown in diagnostics: relative to the site root when possible.
pub fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
