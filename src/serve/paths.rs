//! URL path → file in the output directory, refusing anything that would leave it.
//!
//! A request path is split on `/` *before* percent-decoding, so `%2F` can never introduce a
//! separator; each decoded segment must be one plain path component (no `..`, no `\`, no NUL,
//! no drive prefix). The joined path is then canonicalized and must still lie inside the
//! canonical output directory, which rules out symlinks pointing elsewhere.

use std::path::{Component, Path, PathBuf};

/// What a request path maps to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A regular file inside the output directory (canonical path).
    File(PathBuf),
    /// A directory asked for without its trailing slash: redirect to this URL path.
    Redirect(String),
    NotFound,
    /// The path tried to leave the output directory or was malformed.
    Forbidden,
}

/// Maps `url_path` (the request target, possibly with `?query` or `#fragment`) to a file under
/// `root`. Directories serve their `index.html`; `/a/b` also finds `a/b.html`.
pub fn resolve(root: &Path, url_path: &str) -> Resolved {
    let path = url_path.split(['?', '#']).next().unwrap_or_default();
    let Some(rest) = path.strip_prefix('/') else {
        return Resolved::Forbidden;
    };
    let mut relative = PathBuf::new();
    for raw in rest.split('/') {
        match decode_segment(raw) {
            Segment::Skip => {}
            Segment::Name(name) => relative.push(name),
            Segment::Bad => return Resolved::Forbidden,
        }
    }
    let Ok(root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    let candidate = root.join(&relative);
    match candidate.canonicalize() {
        Ok(real) if !real.starts_with(&root) => Resolved::Forbidden,
        Ok(real) if real.is_dir() => {
            if !path.ends_with('/') {
                return Resolved::Redirect(format!("{path}/"));
            }
            contained_file(&root, &real.join("index.html"))
        }
        Ok(real) if real.is_file() => Resolved::File(real),
        Ok(_) => Resolved::NotFound,
        Err(_) if !path.ends_with('/') && candidate.extension().is_none() => {
            let mut html = candidate.into_os_string();
            html.push(".html");
            contained_file(&root, Path::new(&html))
        }
        Err(_) => Resolved::NotFound,
    }
}

/// `path` if it exists as a regular file whose canonical form is inside `root`.
fn contained_file(root: &Path, path: &Path) -> Resolved {
    match path.canonicalize() {
        Ok(real) if !real.starts_with(root) => Resolved::Forbidden,
        Ok(real) if real.is_file() => Resolved::File(real),
        _ => Resolved::NotFound,
    }
}

enum Segment {
    /// Empty or `.`: contributes nothing.
    Skip,
    Name(String),
    Bad,
}

fn decode_segment(raw: &str) -> Segment {
    let Some(bytes) = percent_decode(raw) else {
        return Segment::Bad;
    };
    let Ok(name) = String::from_utf8(bytes) else {
        return Segment::Bad;
    };
    if name.is_empty() || name == "." {
        return Segment::Skip;
    }
    if name.contains(['/', '\\', '\0']) {
        return Segment::Bad;
    }
    let mut components = Path::new(&name).components();
    match (components.next(), components.next()) {
        (Some(Component::Normal(_)), None) => Segment::Name(name),
        _ => Segment::Bad,
    }
}

/// Decodes `%XX` escapes; `None` on a malformed escape.
fn percent_decode(raw: &str) -> Option<Vec<u8>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> (PathBuf, PathBuf) {
        let base = std::env::temp_dir().join(format!(
            "gen-paths-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&base);
        let out = base.join("public");
        fs::create_dir_all(out.join("notes/deep")).unwrap();
        fs::write(out.join("index.html"), "home").unwrap();
        fs::write(out.join("notes/index.html"), "notes").unwrap();
        fs::write(out.join("notes/a.html"), "a").unwrap();
        fs::write(out.join("notes/deep/x y.css"), "css").unwrap();
        fs::write(base.join("secret.txt"), "secret").unwrap();
        (base, out.canonicalize().unwrap())
    }

    #[test]
    fn serves_files_indexes_and_clean_urls() {
        let (base, out) = site();
        assert_eq!(resolve(&out, "/"), Resolved::File(out.join("index.html")));
        assert_eq!(
            resolve(&out, "/notes/?x=1"),
            Resolved::File(out.join("notes/index.html"))
        );
        assert_eq!(
            resolve(&out, "/notes"),
            Resolved::Redirect("/notes/".into())
        );
        assert_eq!(
            resolve(&out, "/notes/a"),
            Resolved::File(out.join("notes/a.html"))
        );
        assert_eq!(
            resolve(&out, "/notes/deep/x%20y.css#top"),
            Resolved::File(out.join("notes/deep/x y.css"))
        );
        assert_eq!(resolve(&out, "/missing.html"), Resolved::NotFound);
        assert_eq!(resolve(&out, "/notes/deep/"), Resolved::NotFound);
        fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn refuses_to_leave_the_output_directory() {
        let (base, out) = site();
        for attack in [
            "/../secret.txt",
            "/notes/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/notes%2F..%2F..%2Fsecret.txt",
            "/..%5Csecret.txt",
            "/%2e%2e%5csecret.txt",
            "/a%00b",
            "/%zz",
            "/%C0%AE%C0%AE/secret.txt",
            "secret.txt",
            "http://example.com/../secret.txt",
        ] {
            assert_eq!(resolve(&out, attack), Resolved::Forbidden, "{attack}");
        }
        fs::remove_dir_all(base).unwrap();
    }

    #[test]
    fn absolute_looking_paths_stay_inside() {
        let (base, out) = site();
        assert_eq!(resolve(&out, "//etc/passwd"), Resolved::NotFound);
        assert_eq!(resolve(&out, "/%2Fetc%2Fpasswd"), Resolved::Forbidden);
        fs::remove_dir_all(base).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_that_point_outside() {
        let (base, out) = site();
        std::os::unix::fs::symlink(base.join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(&base, out.join("up")).unwrap();
        std::os::unix::fs::symlink(out.join("notes/a.html"), out.join("inside.html")).unwrap();
        assert_eq!(resolve(&out, "/leak.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "/up/secret.txt"), Resolved::Forbidden);
        assert_eq!(
            resolve(&out, "/inside.html"),
            Resolved::File(out.join("notes/a.html"))
        );
        fs::remove_dir_all(base).unwrap();
    }
}
