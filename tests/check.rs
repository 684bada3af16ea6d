//! `gen check` as a user runs it: on a fixture with seeded problems (in notes, raw HTML,
//! external URLs, a static HTML page, a stylesheet, a template) it reports each one
//! once, at the file:line:col that wrote it, and exits 1; on this repository's own site
//! (served from the root or from a sub-path) it finds nothing.

#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use support::files::{copy_dir, stderr};

fn check(root: &Path, extra: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gen"))
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(extra)
        .output()
        .unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn reports_seeded_problems_at_their_source_positions() {
    let root = repo().join("tests/fixtures/check-broken");
    let out = check(&root, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // In file and position order; (b) marks what the build's own link and anchor
    // resolution finds, the rest is found in the rendered pages (raw HTML, external
    // URLs, copied files, templates).
    let expected = [
        "content/guide.md:7:3: error: dead link: no page or file at `./missing.md`", // (b)
        "content/guide.md:7:35: error: dead anchor: `index.md` has no heading with id `nowhere`", // (b)
        "content/guide.md:9:11: error: missing image: `./diagram.png` names no file of the built site",
        "content/guide.md:11:55: error: dead anchor: `#no-such-id`: `guide/index.html` has no id `no-such-id`",
        "content/guide.md:13:13: error: malformed URL `http:/example.com`: `http:` must be followed by `//`",
        "content/guide.md:13:37: error: malformed URL `https://example..com/x`: the host `example..com` has an empty label",
        "content/guide.md:13:75: error: malformed URL `https://exa%20mple.com/`: invalid international domain name",
        "content/guide.md:15:8: error: malformed URL `mailto:`: `mailto:` needs an address",
        "content/guide.md:15:21: error: missing image: no page or file at `./pic.png`", // (b)
        "content/guide.md:17:10: error: dead link: `./index.md` names no file of the built site",
        "static/extra.html:4:10: error: dead link: `/nope.html` names no file of the built site",
        "static/extra.html:5:11: error: missing image: `logo.png` names no file of the built site",
        "static/style.css:1:24: error: missing asset: `missing-bg.png` names no file of the built site",
        "templates/tags.html:2:59: error: dead link: `/no-such-tag/` names no file of the built site",
        "templates/tags.html:2:91: error: malformed URL `https://bad_host/`: the host `bad_host` has no top-level domain",
    ];
    let reported: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(reported, expected, "{err}");
    assert!(err.contains(
        "hint: gen rewrites Markdown links only, not raw HTML or frontmatter; as a Markdown link `./index.md` would be `/`"
    ), "{err}");
    assert!(err.ends_with("checked 2 pages: 15 error(s)\n"), "{err}");
    assert!(!root.join("public").exists());
}

#[test]
fn a_sub_path_base_url_is_checked_too() {
    let root = repo().join("tests/fixtures/check-broken");
    let out = check(&root, &["--base-url", "https://user.github.io/notes/"]);
    let err = stderr(&out);
    // The raw `/guide/#setup` link is fine at the root but leaves the sub-path.
    assert!(
        err.contains("content/guide.md:11:10: error: dead link: `/guide/#setup` is outside the site's base path `/notes/`"),
        "{err}"
    );
    assert!(
        err.contains("static/extra.html:3:10: error: dead link: `/guide/` is outside the site's base path `/notes/`"),
        "{err}"
    );
    assert!(
        err.contains("templates/tags.html:2:59: error: dead link: `/notes/no-such-tag/` names no file of the built site"),
        "{err}"
    );
    // An absolute URL of the site itself is checked as the path it names.
    assert!(
        err.contains("content/guide.md:19:21: error: dead link: `https://user.github.io/notes/gone/` names no file of the built site"),
        "{err}"
    );
    assert!(err.ends_with("checked 2 pages: 19 error(s)\n"), "{err}");
}

#[test]
fn links_listed_in_ignore_dead_links_are_not_reported() {
    let root = std::env::temp_dir().join(format!("gen-check-ignore-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&repo().join("tests/fixtures/check-broken"), &root);
    std::fs::write(
        root.join("gen.toml"),
        "title = \"Check fixture\"\nignore_dead_links = [\"./diagram.png\", \"/nope.html\"]\n",
    )
    .unwrap();
    let err = stderr(&check(&root, &[]));
    assert!(!err.contains("diagram.png"), "{err}");
    assert!(!err.contains("/nope.html"), "{err}");
    assert!(
        err.contains("static/extra.html:5:11: error: missing image"),
        "{err}"
    );
    assert!(err.ends_with("checked 2 pages: 13 error(s)\n"), "{err}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn this_repos_site_passes() {
    for extra in [
        &[][..],
        &["--base-url", "https://user.github.io/notes/"][..],
    ] {
        let out = check(&repo(), extra);
        let err = stderr(&out);
        assert!(out.status.success(), "{extra:?}: {err}");
        assert!(!err.contains("error:"), "{extra:?}: {err}");
        assert!(!err.contains("warning:"), "{extra:?}: {err}");
        assert!(err.contains("no errors"), "{err}");
    }
}
