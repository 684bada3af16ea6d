//! `gen watch`'s incremental rebuilds (`site::rebuild` with a `Memory`) must leave the
//! output byte-identical to a full `gen build` of the same sources, whatever changed:
//! a note's body, its title or tags, new, renamed and deleted notes, assets, static files
//! and templates. Each step edits the site, rebuilds incrementally (settling the deferred
//! search index and feed), builds from scratch elsewhere, and compares every file.

#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};

use gen::site::{self, BuildOptions, Memory};
use support::files::tree;

fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("incremental-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn options(root: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        out: Some(out.to_path_buf()),
        base_url: Some("https://example.org/notes/".into()),
        write: true,
    }
}

fn note(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ntags: [memory]\nupdateTime: 2025-5-15 15:56\n---\n\n{body}\n")
}

#[test]
fn incremental_rebuilds_match_full_builds() {
    let base = temp("match");
    let root = base.join("site");
    let live = base.join("live");
    write(&root, "gen.toml", "title = \"Incremental\"\n");
    write(
        &root,
        "content/index.md",
        "# Home\n\nSee [gc](./py/gc.md#cycles).\n",
    );
    write(
        &root,
        "content/py/gc.md",
        &note(
            "GC",
            "## Cycles\n\n```python\na = []\na.append(a)\nprint(len(a))\n```\n",
        ),
    );
    write(
        &root,
        "content/py/refs.md",
        &note("Refs", "Text.\n\n![d](./d.svg)\n"),
    );
    write(
        &root,
        "content/py/d.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    write(
        &root,
        "content/js/heap.md",
        &note("Heap", "```js\nconsole.log(1)\n```\n"),
    );
    write(&root, "static/extra.css", "body{}\n");

    let opts = options(&root, &live);
    let mut memory = Memory::deferring_publishing();
    let first = site::rebuild(&opts, &mut memory, &[]).unwrap();
    assert_eq!(first.errors(), 0, "{:?}", first.diags);

    type Edit = fn(&Path) -> Vec<&'static str>;
    let steps: Vec<(&str, Edit)> = vec![
        ("edit a body", |r| {
            write(
                r,
                "content/py/gc.md",
                &note("GC", "## Cycles\n\nNew words.\n"),
            );
            vec!["content/py/gc.md"]
        }),
        ("retitle a note", |r| {
            write(
                r,
                "content/py/refs.md",
                &note("References", "Text.\n\n![d](./d.svg)\n"),
            );
            vec!["content/py/refs.md"]
        }),
        ("add a note", |r| {
            write(
                r,
                "content/py/weak.md",
                &note("Weakrefs", "Links [refs](./refs.md).\n"),
            );
            vec!["content/py/weak.md"]
        }),
        ("rename a note", |r| {
            std::fs::rename(r.join("content/js/heap.md"), r.join("content/js/v8.md")).unwrap();
            vec!["content/js/heap.md", "content/js/v8.md"]
        }),
        ("delete a note", |r| {
            std::fs::remove_file(r.join("content/py/weak.md")).unwrap();
            vec!["content/py/weak.md"]
        }),
        ("change an asset", |r| {
            write(
                r,
                "content/py/d.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>",
            );
            vec!["content/py/d.svg"]
        }),
        ("add and remove static files", |r| {
            std::fs::remove_file(r.join("static/extra.css")).unwrap();
            write(r, "static/img/logo.svg", "<svg/>");
            vec!["static/extra.css", "static/img/logo.svg"]
        }),
        ("drop the last note of a section", |r| {
            std::fs::remove_file(r.join("content/js/v8.md")).unwrap();
            vec!["content/js/v8.md"]
        }),
    ];
    for (n, (what, edit)) in steps.into_iter().enumerate() {
        let changed: Vec<PathBuf> = edit(&root).into_iter().map(PathBuf::from).collect();
        let outcome = site::rebuild(&opts, &mut memory, &changed).unwrap();
        assert_eq!(outcome.errors(), 0, "{what}: {:?}", outcome.diags);
        if let Some(settled) = site::settle(&opts, &mut memory) {
            assert_eq!(settled.unwrap().errors(), 0, "{what}");
        }
        assert!(!memory.unsettled());
        let fresh = base.join(format!("fresh-{n}"));
        let full = site::build(&options(&root, &fresh)).unwrap();
        assert_eq!(full.errors(), 0, "{what}: {:?}", full.diags);
        let (got, want) = (tree(&live), tree(&fresh));
        let got_names: Vec<_> = got.keys().collect();
        let want_names: Vec<_> = want.keys().collect();
        assert_eq!(got_names, want_names, "{what}: the same files");
        for (rel, bytes) in &want {
            assert!(
                got[rel] == *bytes,
                "{what}: {rel} differs from a full build"
            );
        }
    }
}

#[test]
fn an_unchanged_rebuild_writes_nothing_and_an_edit_writes_little() {
    let base = temp("little");
    let root = base.join("site");
    for i in 0..30 {
        write(
            &root,
            &format!("content/n{i}.md"),
            &note(&format!("N{i}"), "Body.\n"),
        );
    }
    let opts = options(&root, &base.join("out"));
    let mut memory = Memory::deferring_publishing();
    site::rebuild(&opts, &mut memory, &[]).unwrap();
    site::settle(&opts, &mut memory);
    let again = site::rebuild(&opts, &mut memory, &[]).unwrap();
    assert_eq!(again.changed, 0, "nothing changed, nothing written");
    write(&root, "content/n7.md", &note("N7", "Another body.\n"));
    let edit = site::rebuild(&opts, &mut memory, &[PathBuf::from("content/n7.md")]).unwrap();
    assert_eq!(edit.changed, 1, "a body edit rewrites its own page only");
    write(&root, "content/n7.md", &note("Renamed", "Another body.\n"));
    let retitle = site::rebuild(&opts, &mut memory, &[PathBuf::from("content/n7.md")]).unwrap();
    assert!(
        retitle.changed > 1,
        "a new title shows in the sidebar of every page"
    );
}
