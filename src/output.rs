//! Writing the built site, the only place that writes it. Both `gen build` and `gen watch`
//! bring the output directory to exactly the set of files a build produced:
//!
//! 1. **Stage.** Every file whose bytes differ from what the output already holds is
//!    written into a staging directory beside the output (same file system). Unchanged
//!    files are left alone. If anything fails here, the staging directory is removed and
//!    the previous output is untouched.
//! 2. **Commit.** Each staged file is renamed over its place in the output (a rename
//!    replaces a file atomically, so a reader, or `gen watch`'s server, only ever sees a
//!    whole old or a whole new file), then files no longer produced and the folders left
//!    empty are removed.
//!
//! Why not build a fresh directory and swap it in with one rename: on ext4, creating and
//! deleting a thousand page folders per build (pretty URLs give each page its own) spent
//! more time allocating inodes than the rest of the build took, and rewrote every byte of
//! an unchanged site; staging only the changes makes an unchanged rebuild write nothing,
//! and lets `gen watch` write one page in a millisecond.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// One file of the built site.
#[derive(Debug)]
pub enum OutFile {
    /// Generated content.
    Text { rel: String, text: String },
    /// A file copied from inside the site root.
    Copy { rel: String, from: PathBuf },
}

impl OutFile {
    pub fn rel(&self) -> &str {
        match self {
            OutFile::Text { rel, .. } | OutFile::Copy { rel, .. } => rel,
        }
    }
}

/// What a write changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files created or replaced.
    pub written: usize,
    /// Files removed because no build step produces them any more.
    pub removed: usize,
}

/// Refuses output directories that would swallow the site's own sources.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<()> {
    let abs = |p: &Path| -> PathBuf { std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()) };
    let (root, out) = (abs(root), abs(out));
    if root.starts_with(&out) {
        bail!(
            "the output directory {} holds the site itself",
            out.display()
        );
    }
    for dir in ["content", "static", "templates"] {
        if out.starts_with(root.join(dir)) {
            bail!(
                "the output directory {} is inside the site's {dir}/",
                out.display()
            );
        }
    }
    Ok(())
}

/// Makes `out` hold exactly `files`: changed files are replaced, files not in `files`
/// are removed.
pub fn write_site(out: &Path, files: &[OutFile]) -> Result<Written> {
    let existing = list_files(out);
    let produced: HashSet<&str> = files.iter().map(OutFile::rel).collect();
    let stale: Vec<String> = existing
        .into_iter()
        .filter(|rel| !produced.contains(rel.as_str()))
        .collect();
    update(out, files, &stale)
}

/// Writes `files` into `out` (those whose bytes changed) and removes `stale` (paths
/// relative to `out`), leaving every other file as it is. `gen watch` calls this with just
/// the pages a change touched.
pub fn update(out: &Path, files: &[OutFile], stale: &[String]) -> Result<Written> {
    let (parent, name) = split(out);
    let stage = parent.join(format!(".{name}.gen-stage-{}", std::process::id()));
    if stage.exists() {
        std::fs::remove_dir_all(&stage).with_context(|| format!("removing {}", stage.display()))?;
    }
    let staged = match stage_changes(out, &stage, files) {
        Ok(staged) => staged,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&stage);
            return Err(e);
        }
    };
    let result = commit(out, &staged, stale);
    let _ = std::fs::remove_dir_all(&stage);
    let removed = result?;
    Ok(Written {
        written: staged.len(),
        removed,
    })
}

/// The directory holding `out` (created if missing) and `out`'s file name.
fn split(out: &Path) -> (PathBuf, String) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (parent, name)
}

/// Writes each changed file into `stage` under a numbered name; returns (staged path,
/// relative destination) pairs.
fn stage_changes(out: &Path, stage: &Path, files: &[OutFile]) -> Result<Vec<(PathBuf, String)>> {
    let mut staged = Vec::new();
    for file in files {
        if unchanged(file, &out.join(file.rel())) {
            continue;
        }
        if staged.is_empty() {
            std::fs::create_dir_all(stage)
                .with_context(|| format!("creating {}", stage.display()))?;
        }
        let path = stage.join(staged.len().to_string());
        match file {
            OutFile::Text { text, .. } => std::fs::write(&path, text),
            OutFile::Copy { from, .. } => std::fs::copy(from, &path).map(|_| ()),
        }
        .with_context(|| format!("writing {}", out.join(file.rel()).display()))?;
        staged.push((path, file.rel().to_string()));
    }
    Ok(staged)
}

/// Moves the staged files into place, then removes `stale` files and the folders they
/// leave empty. Returns how many files were removed.
fn commit(out: &Path, staged: &[(PathBuf, String)], stale: &[String]) -> Result<usize> {
    let mut made: HashSet<PathBuf> = HashSet::new();
    for (from, rel) in staged {
        let dest = out.join(rel);
        if let Some(dir) = dest.parent() {
            if !made.contains(dir) {
                make_dir(out, dir)?;
                made.insert(dir.to_path_buf());
            }
        }
        if dest.is_dir() && !dest.is_symlink() {
            std::fs::remove_dir_all(&dest)
                .with_context(|| format!("replacing the folder {}", dest.display()))?;
        }
        std::fs::rename(from, &dest).with_context(|| format!("writing {}", dest.display()))?;
    }
    let mut removed = 0;
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for rel in stale {
        let path = out.join(rel);
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(out) && *d != out) {
            dirs.insert(d.to_path_buf());
            dir = d.parent();
        }
    }
    // Deepest first; a folder that still holds something stays.
    for dir in dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
    Ok(removed)
}

/// Creates `dir` under `out`, replacing files that stand where a folder must be.
fn make_dir(out: &Path, dir: &Path) -> Result<()> {
    if std::fs::create_dir_all(dir).is_ok() {
        return Ok(());
    }
    let mut at = out.to_path_buf();
    if let Ok(rel) = dir.strip_prefix(out) {
        for part in rel.components() {
            at.push(part);
            if at.is_file() || at.is_symlink() {
                std::fs::remove_file(&at)
                    .with_context(|| format!("replacing the file {}", at.display()))?;
            }
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// Whether `dest` (in the current output) already holds exactly `file`'s bytes.
fn unchanged(file: &OutFile, dest: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(dest) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match file {
        OutFile::Text { text, .. } => {
            meta.len() == text.len() as u64
                && std::fs::read(dest).is_ok_and(|bytes| bytes == text.as_bytes())
        }
        OutFile::Copy { from, .. } => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && matches!((std::fs::read(from), std::fs::read(dest)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

/// Every file under `out` (symlinks included, not followed), relative, `/`-separated.
fn list_files(out: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(_) => {
                    if let Ok(rel) = path.strip_prefix(out) {
                        let parts: Vec<String> = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect();
                        files.push(parts.join("/"));
                    }
                }
                Err(_) => {}
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gen-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn text(rel: &str, text: &str) -> OutFile {
        OutFile::Text {
            rel: rel.into(),
            text: text.into(),
        }
    }

    fn files(out: &Path) -> Vec<(String, String)> {
        let mut all: Vec<_> = list_files(out)
            .into_iter()
            .map(|rel| {
                let body = std::fs::read_to_string(out.join(&rel)).unwrap();
                (rel, body)
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn writes_only_changes_and_removes_stale_files_and_folders() {
        let base = temp("sync");
        let out = base.join("public");
        let first = write_site(
            &out,
            &[text("a/index.html", "A"), text("b/index.html", "B")],
        );
        assert_eq!(
            first.unwrap(),
            Written {
                written: 2,
                removed: 0
            }
        );
        let a_inode = std::fs::metadata(out.join("a/index.html")).unwrap();
        let second = write_site(&out, &[text("a/index.html", "A"), text("c.css", "C")]).unwrap();
        assert_eq!(
            second,
            Written {
                written: 1,
                removed: 1
            }
        );
        assert_eq!(
            files(&out),
            vec![
                ("a/index.html".into(), "A".into()),
                ("c.css".into(), "C".into())
            ]
        );
        assert!(!out.join("b").exists(), "the emptied folder is gone");
        let again = std::fs::metadata(out.join("a/index.html")).unwrap();
        assert_eq!(
            again.modified().unwrap(),
            a_inode.modified().unwrap(),
            "an unchanged file is not rewritten"
        );
        assert!(
            std::fs::read_dir(&base).unwrap().count() == 1,
            "no staging left"
        );
        std::fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output_untouched() {
        let base = temp("fail");
        let out = base.join("public");
        write_site(&out, &[text("index.html", "old"), text("x.html", "x")]).unwrap();
        let missing = OutFile::Copy {
            rel: "img.png".into(),
            from: base.join("does-not-exist.png"),
        };
        let err = write_site(&out, &[text("index.html", "new"), missing]).unwrap_err();
        assert!(format!("{err:#}").contains("img.png"), "{err:#}");
        assert_eq!(
            files(&out),
            vec![
                ("index.html".into(), "old".into()),
                ("x.html".into(), "x".into())
            ]
        );
        assert!(
            std::fs::read_dir(&base).unwrap().count() == 1,
            "no staging left"
        );
        std::fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn files_and_folders_may_trade_places() {
        let base = temp("trade");
        let out = base.join("public");
        write_site(
            &out,
            &[text("notes", "a file"), text("page/index.html", "p")],
        )
        .unwrap();
        write_site(
            &out,
            &[text("notes/index.html", "now a page"), text("page", "f")],
        )
        .unwrap();
        assert_eq!(
            files(&out),
            vec![
                ("notes/index.html".into(), "now a page".into()),
                ("page".into(), "f".into())
            ]
        );
        std::fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn update_touches_only_what_it_is_given() {
        let base = temp("update");
        let out = base.join("public");
        write_site(&out, &[text("a.html", "a"), text("b.html", "b")]).unwrap();
        let w = update(&out, &[text("a.html", "a2")], &["b.html".into()]).unwrap();
        assert_eq!(
            w,
            Written {
                written: 1,
                removed: 1
            }
        );
        assert_eq!(files(&out), vec![("a.html".into(), "a2".into())]);
        std::fs::remove_dir_all(base).unwrap();
    }
}
