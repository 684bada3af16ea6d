//! Writing the built site: everything goes into a fresh temporary directory beside the
//! output, which then replaces the output in one rename. A failed build never touches the
//! previous output, and files that are no longer produced disappear.

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

/// Writes `files` as the new content of `out`, atomically replacing what was there.
pub fn write_site(out: &Path, files: &[OutFile]) -> Result<()> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.gen-new-{pid}"));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).with_context(|| format!("removing {}", tmp.display()))?;
    }
    if let Err(e) = fill(&tmp, files) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    swap(&tmp, out, &parent.join(format!(".{name}.gen-old-{pid}")))
}

fn fill(dir: &Path, files: &[OutFile]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for file in files {
        let dest = dir.join(file.rel());
        if let Some(p) = dest.parent() {
            std::fs::create_dir_all(p).with_context(|| format!("creating {}", p.display()))?;
        }
        match file {
            OutFile::Text { text, .. } => std::fs::write(&dest, text),
            OutFile::Copy { from, .. } => std::fs::copy(from, &dest).map(|_| ()),
        }
        .with_context(|| format!("writing {}", dest.display()))?;
    }
    Ok(())
}

fn swap(new: &Path, out: &Path, old: &Path) -> Result<()> {
    if old.exists() {
        std::fs::remove_dir_all(old).with_context(|| format!("removing {}", old.display()))?;
    }
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, old)
            .with_context(|| format!("moving the previous output {} aside", out.display()))?;
    }
    if let Err(e) = std::fs::rename(new, out) {
        if had_old {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(new);
        return Err(e).with_context(|| format!("moving the new site into {}", out.display()));
    }
    if had_old {
        std::fs::remove_dir_all(old).with_context(|| format!("removing {}", old.display()))?;
    }
    Ok(())
}
