//! `gen build`, `gen check` and `gen init` run as a user runs them: the built binary on
//! fixture sites (`tests/fixtures/<case>/`) copied into temporary directories, with
//! assertions on the produced HTML, the error messages and the output directory.

#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::files::{fixture, read, scratch, stderr, tree};

fn gen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gen"))
}

fn build(root: &Path, extra: &[&str]) -> Output {
    gen()
        .arg("build")
        .arg("--root")
        .arg(root)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn builds_a_complete_site() {
    let root = fixture("basic", "build-tests", "complete");
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = root.join("public");
    for file in [
        "index.html",
        "404.html",
        "a/index.html",
        "a/note/index.html",
        "a/pic.png",
        "b/index.html",
        "b/other/index.html",
        "tags/index.html",
        "tags/memory/index.html",
        "tags/垃圾回收/index.html",
        "robots.txt",
        "images/logo.svg",
        "_gen/gen.css",
        "_gen/highlight.css",
        "_gen/panels.css",
    ] {
        assert!(public.join(file).is_file(), "missing {file}");
    }
    let note = read(&public.join("a/note/index.html"));
    assert!(note.contains("<title>A note | Fixture site</title>"));
    assert!(note.contains("Updated <time>2025-5-15 15:56</time>"));
    assert!(note.contains("<h2 id=\"一、内存管理核心机制对比\""));
    assert!(note.contains("<h3 id=\"_1-引用计数\""));
    assert!(note.contains("<h2 id=\"duplicate\""));
    assert!(note.contains("<h2 id=\"duplicate-1\""));
    assert!(note.contains("<h2 id=\"custom-id\""));
    assert!(note.contains("href=\"/b/other/#second-part\""));
    assert!(note.contains("href=\"/a/\""));
    assert!(note.contains("href=\"/b/other/\""));
    assert!(note.contains("src=\"/a/pic.png\""));
    assert!(note.contains("href=\"#custom-id\""));
    // The fence inside a list item is a highlighted block, not paragraph text.
    let item = &note[note.find("A list item with a fence").unwrap()..];
    let item = &item[..item.find("</li>").unwrap()];
    assert!(
        item.contains("<div class=\"gen-code language-python\""),
        "{item}"
    );
    assert!(item.contains("class=\"hl-"), "{item}");
    assert!(note.contains("<div class=\"gen-code language-toml\""));
    assert!(note.contains("<table>"));
    assert!(note.contains("footnote-definition"));
    // Mermaid source never reaches the page.
    assert!(!note.contains("A-&gt;&gt;B"));
    // The outline lists levels 2..6 (`outline: deep`).
    let outline = &note[note.find("class=\"outline\"").unwrap()..];
    assert!(outline.contains("href=\"#_1-引用计数\""));
    // The sidebar marks the current page with a per-page rule, not a per-page sidebar.
    assert!(note.contains(".sidebar a[href=\"/a/note/\"]"));
    let other = read(&public.join("b/other/index.html"));
    assert!(other.contains("<title>Other page | Fixture site</title>"));
    let tag = read(&public.join("tags/memory/index.html"));
    assert!(tag.contains("href=\"/a/note/\""));
    let home = read(&public.join("index.html"));
    assert!(home.contains("Fixture home"));
}

#[test]
fn base_url_prefixes_every_internal_url() {
    let root = fixture("basic", "build-tests", "base-url");
    let out = build(&root, &["--base-url", "https://me.github.io/notes/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let note = read(&root.join("public/a/note/index.html"));
    assert!(note.contains("href=\"/notes/b/other/#second-part\""));
    assert!(note.contains("href=\"/notes/_gen/gen.css\""));
    assert!(!note.contains("href=\"/a/\""));
}

#[test]
fn reports_every_error_with_its_position_and_keeps_the_old_output() {
    let root = fixture("broken", "build-tests", "broken");
    let public = root.join("public");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::write(public.join("index.html"), "previous build").unwrap();
    let out = build(&root, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/bad-frontmatter.md:4:1: error: malformed frontmatter"),
        "{err}"
    );
    assert!(
        err.contains("content/links.md:3:3: error: dead link: no page or file at `./missing.md`"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/links.md:4:5: error: dead anchor: `index.md` has no heading with id `nowhere`"
        ),
        "{err}"
    );
    assert!(
        err.contains("content/unclosed.md:3:1: warning: code fence is never closed"),
        "{err}"
    );
    assert!(err.contains("templates/tag.html:2:"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert_eq!(read(&public.join("index.html")), "previous build");
    assert_eq!(tree(&public).len(), 1);
}

#[test]
fn check_reports_without_writing() {
    let root = fixture("broken", "build-tests", "check");
    let out = gen()
        .arg("check")
        .arg("--root")
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("content/links.md:3:3"));
    assert!(!root.join("public").exists());
    let good = fixture("basic", "build-tests", "check-good");
    let out = gen()
        .arg("check")
        .arg("--root")
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!good.join("public").exists());
}

#[test]
fn rebuilds_are_byte_identical_and_drop_stale_files() {
    let root = fixture("basic", "build-tests", "determinism");
    let (one, two) = (root.join("one"), root.join("two"));
    for dir in [&one, &two] {
        let out = build(&root, &["--out", dir.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(tree(&one), tree(&two));
    std::fs::write(one.join("stale.html"), "old").unwrap();
    let out = build(&root, &["--out", one.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(!one.join("stale.html").exists());
    assert_eq!(tree(&one), tree(&two));
}

#[test]
fn accepts_crlf_bom_and_notes_without_frontmatter() {
    let root = fixture("basic", "build-tests", "crlf");
    std::fs::write(
        root.join("content/b/windows.md"),
        "\u{feff}---\r\ntitle: Windows note\r\ntags: win\r\n---\r\n\r\n## Heading\r\n\r\nText.\r\n",
    )
    .unwrap();
    std::fs::write(root.join("content/b/plain.md"), "No heading here.\n").unwrap();
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(&root.join("public/b/windows/index.html"));
    assert!(page.contains("<title>Windows note | Fixture site</title>"));
    assert!(page.contains("<h2 id=\"heading\""));
    let plain = read(&root.join("public/b/plain/index.html"));
    assert!(plain.contains("<title>plain | Fixture site</title>"));
}

#[cfg(unix)]
#[test]
fn never_copies_files_from_outside_the_site() {
    let root = fixture("basic", "build-tests", "symlink");
    let outside = root.parent().unwrap().join("symlink-secret.txt");
    std::fs::write(&outside, "secret").unwrap();
    std::os::unix::fs::symlink(&outside, root.join("content/a/secret.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("static/secret.txt")).unwrap();
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("symlink points outside the site root"));
    assert!(!root.join("public/a/secret.txt").exists());
    assert!(!root.join("public/secret.txt").exists());
}

#[test]
fn template_overrides_replace_the_built_in_ones() {
    let root = fixture("basic", "build-tests", "override");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "custom 404 for {{ site.title }}",
    )
    .unwrap();
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read(&root.join("public/404.html")),
        "custom 404 for Fixture site"
    );
}

#[test]
fn init_scaffolds_a_site_that_builds() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-tests/init-site");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    let out = gen().arg("init").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.join("public/notes/first/index.html").is_file());
    let again = gen().arg("init").arg(&dir).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
}

/// A fresh, empty site directory for `test`.
fn empty_site(test: &str) -> PathBuf {
    let dir = scratch("build-tests", test);
    std::fs::create_dir_all(dir.join("content")).unwrap();
    dir
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["watch", "--help"],
        &["run", "--help"],
        &["check", "--help"],
        &["init", "--help"],
    ] {
        let out = gen().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage: gen"), "{args:?}: {text}");
        assert!(text.lines().count() >= 4, "{args:?}: {text}");
    }
    let build = String::from_utf8_lossy(&gen().args(["build", "--help"]).output().unwrap().stdout)
        .into_owned();
    for option in ["--root", "--out", "--base-url"] {
        assert!(build.contains(option), "{build}");
    }
}

#[test]
fn hostile_snippets_are_contained_and_the_rest_of_the_site_builds() {
    let root = empty_site("hostile");
    std::fs::write(
        root.join("content/index.md"),
        "# Home\n\nThe other page still builds.\n",
    )
    .unwrap();
    let note = "# Hostile\n\n\
        ```python\nwhile True:\n    pass\n```\n\n\
        ```js\nfor (;;) {}\n```\n\n\
        ```python\nprint('<script>alert(1)</script>')\n```\n\n\
        ```python\nprint(open('/etc/passwd').read())\n```\n\n\
        ```python\nimport os\nos.system('touch /tmp/gen-hostile-ran')\n```\n\n\
        ```js\nconsole.log(require('fs').readFileSync('/etc/passwd', 'utf8'))\n```\n\n\
        ```mermaid\nflowchart TD\n    A[never closed --> B\n```\n";
    std::fs::write(root.join("content/hostile.md"), note).unwrap();
    let _ = std::fs::remove_file("/tmp/gen-hostile-ran");
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(&root.join("public/hostile/index.html"));
    assert_eq!(page.matches("class=\"gen-run\"").count(), 6);
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert(1)"));
    assert!(
        !page.contains("root:x:0:0"),
        "a snippet read the machine's files"
    );
    assert!(
        !Path::new("/tmp/gen-hostile-ran").exists(),
        "a snippet ran a command"
    );
    assert!(page.contains("class=\"gen-mermaid-error\""));
    assert!(
        stderr(&out).contains("content/hostile.md:"),
        "{}",
        stderr(&out)
    );
    assert!(read(&root.join("public/index.html")).contains("The other page still builds."));
}

#[test]
fn malformed_input_never_panics() {
    let root = empty_site("malformed");
    let cases: &[&[u8]] = &[
        b"---\ntitle: [unclosed\n---\n# x\n",
        b"---\n: : :\n\t- - x\n---\n",
        b"---\ntitle: a\n",
        b"---\n---\n---\n",
        b"```\n```python\n````\n~~~js\n",
        b"# \xff\xfe invalid utf-8 \xc0\xaf\n",
        b"\0\0\0# nul\0\n```py\n\0\n```\n",
        b"[a](./%zz.md) [b](../../../../etc/passwd) [c](<./x.md#%>) [d]: </>\n",
        b"<div>\n<details><summary>x\n```js\nconsole.log(1\n```\n",
        b"| a | b |\n|---|\n| 1 | 2 | 3 | 4 |\n",
        b"# {#} {#a} {#a}\n## {.class #x}\n### \xe5\x86\x85\xe5\xad\x98 {#}\n",
        b"::: details\n::: tip\n:::: code-group\n```js [a]\n```\n",
        b"```mermaid\n%%{init: {\"theme\": 12}}%%\nsequenceDiagram\n  A->>\n```\n",
        b"```js env=browser html=../../../../etc/passwd\ndocument.body\n```\n",
        b"```python trace=sideways env=moon\nx = 1\n```\n",
        b"[[toc]]\n<<< ./nope.js\n<!--@include: ../../x.md-->\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        std::fs::write(root.join(format!("content/case-{i}.md")), text).unwrap();
    }
    for args in [&["build"][..], &["check"]] {
        let out = gen().args(args).arg("--root").arg(&root).output().unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{args:?} exited {code:?}:\n{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
}

#[test]
fn the_sidebar_does_not_grow_the_output_quadratically() {
    let size_per_page = |pages: usize| -> f64 {
        let root = empty_site(&format!("sidebar-{pages}"));
        for i in 0..pages {
            let dir = root.join(format!("content/s{}", i % 4));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join(format!("n{i}.md")),
                format!("# Note {i}\n\nText.\n"),
            )
            .unwrap();
        }
        let out = build(&root, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let total: u64 = tree(&root.join("public"))
            .iter()
            .filter(|(rel, _)| rel.ends_with("index.html"))
            .map(|(_, bytes)| bytes.len() as u64)
            .sum();
        total as f64 / pages as f64
    };
    let (small, large) = (size_per_page(300), size_per_page(1200));
    assert!(
        large < small * 1.5,
        "bytes per page grew from {small:.0} to {large:.0} with 4x the pages"
    );
}

#[test]
fn fence_options_override_page_defaults_which_override_site_defaults() {
    let root = empty_site("fence-options");
    std::fs::write(root.join("gen.toml"), "[run]\ntrace = \"summary\"\n").unwrap();
    std::fs::write(
        root.join("content/site-default.md"),
        "# Site default\n\n```python\nx = [1]\n```\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/page-default.md"),
        "---\nrun:\n  trace: \"off\"\n---\n\n# Page default\n\n\
         ```python\nx = [1]\n```\n\n\
         ```python trace=full\ny = [2]\n```\n\n\
         ```python norun\nz = [3]\n```\n\n\
         ```js env=browser html=fixture.html\nconsole.log(document.getElementById('x').textContent)\n```\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/fixture.html"),
        "<p id=\"x\">from the fixture</p>",
    )
    .unwrap();
    let out = build(&root, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let panels = |page: &str| -> Vec<String> {
        let html = read(&root.join(format!("public/{page}/index.html")));
        html.split("<div class=\"gen-run\"")
            .skip(1)
            .map(|p| p.to_string())
            .collect()
    };
    let site = panels("site-default");
    assert_eq!(site.len(), 1);
    assert!(
        site[0].contains("gen-summary") && !site[0].contains("gen-trace"),
        "summary from gen.toml"
    );
    let page = panels("page-default");
    assert_eq!(page.len(), 3, "norun fences get no panel");
    assert!(
        !page[0].contains("gen-summary"),
        "trace off from the frontmatter"
    );
    assert!(
        page[1].contains("table class=\"gen-trace\""),
        "trace=full on the fence wins"
    );
    assert!(
        page[2].contains("from the fixture"),
        "env=browser with html= fixture"
    );
}
