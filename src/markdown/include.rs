//! VitePress's Markdown includes: `<!--@include: ./part.md-->` anywhere in a note is
//! replaced by that file's text before the note is parsed (`@/` is the content root; a
//! `#region` or a `{from,to}` line range takes a part; an included `.md` file loses its
//! frontmatter; includes nest). Files must lie inside the site. Each line of the result
//! remembers the note's line it came from, so diagnostics point at the include.

use std::path::{Path, PathBuf};

/// How deep includes may nest (VitePress has no limit and overflows on a cycle).
const MAX_DEPTH: usize = 16;

/// A note's body with its includes expanded.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    pub text: String,
    /// For each line of `text`, the 0-based line of the note's body it comes from.
    pub origin: Vec<usize>,
    /// Includes that could not be read: (body line, path as written).
    pub missing: Vec<(usize, String)>,
    /// The files read.
    pub files: Vec<PathBuf>,
}

/// Where included paths resolve.
pub struct Roots<'a> {
    /// The site root; nothing outside it is read.
    pub site: &'a Path,
    /// `content/`, what `@/` means.
    pub content: &'a Path,
}

const OPEN: &str = "<!--";

/// Expands the includes of `body`, a note in folder `dir`. A directive never spans lines
/// (VitePress matches it within one), so the note is expanded line by line.
pub fn expand(body: &str, dir: &Path, roots: &Roots<'_>) -> Expanded {
    let mut out = Expanded::default();
    if !body.contains("@include:") {
        out.text = body.to_string();
        out.origin = (0..body.split('\n').count()).collect();
        return out;
    }
    let mut lines = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        let expanded = expand_text(line, dir, roots, 0, &mut out.files, &mut |path| {
            out.missing.push((n, path.to_string()));
        });
        out.origin
            .extend(std::iter::repeat_n(n, expanded.split('\n').count()));
        lines.push(expanded);
    }
    out.text = lines.join("\n");
    out
}

fn expand_text(
    text: &str,
    dir: &Path,
    roots: &Roots<'_>,
    depth: usize,
    files: &mut Vec<PathBuf>,
    missing: &mut dyn FnMut(&str),
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let Some(close) = after.find("-->") else {
            break;
        };
        let inner = after[..close].trim();
        let Some(spec) = inner.strip_prefix("@include:").map(str::trim) else {
            out.push_str(&rest[..at + OPEN.len()]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..at]);
        let directive = &rest[at..at + OPEN.len() + close + 3];
        match read_part(spec, dir, roots) {
            Some((content, path)) if depth < MAX_DEPTH && !spec.is_empty() => {
                let sub_dir = path.parent().unwrap_or(dir).to_path_buf();
                let text = expand_text(&content, &sub_dir, roots, depth + 1, files, missing);
                out.push_str(&text);
                files.push(path);
            }
            _ => {
                if !spec.is_empty() {
                    missing(spec);
                }
                out.push_str(directive);
            }
        }
        rest = &rest[at + OPEN.len() + close + 3..];
    }
    out.push_str(rest);
    out
}

/// The text an include names, and the file it came from.
fn read_part(spec: &str, dir: &Path, roots: &Roots<'_>) -> Option<(String, PathBuf)> {
    let mut path = spec;
    let mut range = None;
    if let Some(open) = path.rfind('{').filter(|_| path.ends_with('}')) {
        let (a, b) = path[open + 1..path.len() - 1].split_once(',')?;
        range = Some((
            a.trim().parse::<usize>().ok(),
            b.trim().parse::<usize>().ok(),
        ));
        path = &path[..open];
    }
    let mut region = None;
    if let Some(hash) = path.rfind('#') {
        region = Some(&path[hash + 1..]);
        path = &path[..hash];
    }
    let file = match path.strip_prefix('@') {
        Some(rel) => roots.content.join(rel.trim_start_matches('/')),
        None => dir.join(path),
    };
    let inside = match (file.canonicalize(), roots.site.canonicalize()) {
        (Ok(f), Ok(r)) => f.starts_with(r),
        _ => false,
    };
    if !inside {
        return None;
    }
    let mut content = std::fs::read_to_string(&file).ok()?.replace("\r\n", "\n");
    if let Some(name) = region {
        content = super::code::region(&content, name)?;
        content.truncate(content.trim_end_matches('\n').len());
    }
    if let Some((from, to)) = range {
        let lines: Vec<&str> = content.split('\n').collect();
        let start = from.map_or(0, |f| f.saturating_sub(1)).min(lines.len());
        let end = to.unwrap_or(lines.len()).clamp(start, lines.len());
        content = lines[start..end].join("\n");
    }
    if region.is_none() && range.is_none() && file.extension().is_some_and(|e| e == "md") {
        content = strip_frontmatter(&content).to_string();
    }
    Some((content, file))
}

fn strip_frontmatter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => rest.strip_suffix("\n---").map_or(text, |_| ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_nest_and_keep_their_origin() {
        let dir = std::env::temp_dir().join(format!("gen-include-test-{}", std::process::id()));
        let content = dir.join("content");
        std::fs::create_dir_all(content.join("parts")).unwrap();
        std::fs::write(
            content.join("parts/a.md"),
            "---\ntitle: x\n---\nA1\n<!--@include: ./b.md-->\nA3",
        )
        .unwrap();
        std::fs::write(content.join("parts/b.md"), "B1\nB2").unwrap();
        std::fs::write(content.join("parts/lines.txt"), "l1\nl2\nl3\nl4").unwrap();
        let roots = Roots {
            site: &dir,
            content: &content,
        };
        let body = "top\n<!--@include: ./parts/a.md-->\nmid <!-- @include: @/parts/lines.txt{2,3} --> end\n<!--@include: ./nope.md-->\n";
        let e = expand(body, &content, &roots);
        assert_eq!(
            e.text,
            "top\nA1\nB1\nB2\nA3\nmid l2\nl3 end\n<!--@include: ./nope.md-->\n"
        );
        assert_eq!(e.origin, vec![0, 1, 1, 1, 1, 2, 2, 3, 4]);
        assert_eq!(e.missing, vec![(3, "./nope.md".to_string())]);
        assert_eq!(e.files.len(), 3);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
