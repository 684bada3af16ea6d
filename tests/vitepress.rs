//! Notes written for VitePress build unchanged: every `tests/fixtures/vitepress-*` site is
//! built with gen and compared with what VitePress itself made of the same Markdown
//! (`vitepress-ids.json`, recorded by `scripts/record-vitepress`: heading ids in document
//! order and page titles), then the produced HTML is checked for each extension's meaning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh copy of fixture `case` in its own temporary directory.
fn fixture(case: &str, test: &str) -> PathBuf {
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("vitepress-tests")
        .join(test);
    if dest.exists() {
        std::fs::remove_dir_all(&dest).unwrap();
    }
    copy_dir(&fixtures_dir().join(case), &dest);
    dest
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn gen(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn build_ok(root: &Path) -> String {
    let out = gen(&["build"], root);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "gen build failed:\n{stderr}");
    stderr
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The output file of the note `rel` (`a/b.md` → `a/b/index.html`).
fn output_of(root: &Path, rel: &str) -> PathBuf {
    let stem = rel.trim_end_matches(".md");
    let out = root.join("public");
    if stem == "index" {
        out.join("index.html")
    } else if let Some(dir) = stem.strip_suffix("/index") {
        out.join(dir).join("index.html")
    } else {
        out.join(stem).join("index.html")
    }
}

fn decode(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The ids of the headings gen rendered from Markdown (each has `tabindex="-1"`).
fn heading_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        if !rest.starts_with(|c: char| ('1'..='6').contains(&c)) {
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[1..end];
        if !tag.contains("tabindex=\"-1\"") {
            continue;
        }
        if let Some(i) = tag.find(" id=\"") {
            let value = &tag[i + 5..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            ids.push(decode(value));
        }
    }
    ids
}

/// Compares one fixture's ids and titles with VitePress's; returns (pages, ids compared).
fn compare_with_vitepress(case: &str) -> (usize, usize) {
    let root = fixture(case, &format!("ids-{case}"));
    build_ok(&root);
    let recorded: Value =
        serde_json::from_str(&read(&root.join("vitepress-ids.json"))).expect("recorded JSON");
    let pages = recorded["pages"].as_object().expect("pages");
    let mut diags = Vec::new();
    let lib = gen::content::Library::load(&root, &mut diags);
    let titles: BTreeMap<&str, &str> = lib
        .pages
        .iter()
        .map(|p| (p.rel.as_str(), p.title.as_str()))
        .collect();
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for (rel, page) in pages {
        let want: Vec<String> = page["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let got = heading_ids(&read(&output_of(&root, rel)));
        compared += want.len();
        if got != want {
            let at = got.iter().zip(&want).position(|(g, w)| g != w);
            mismatches.push(format!(
                "{case}/{rel}: ids differ (first at #{at:?}):\n  gen:       {got:?}\n  vitepress: {want:?}"
            ));
        }
        let title = page["title"].as_str().unwrap_or_default();
        if !title.is_empty() && titles.get(rel.as_str()) != Some(&title) {
            mismatches.push(format!(
                "{case}/{rel}: title {:?}, VitePress {title:?}",
                titles.get(rel.as_str())
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    (pages.len(), compared)
}

#[test]
fn heading_ids_and_titles_equal_vitepress_on_every_fixture() {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("vitepress-"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let (mut pages, mut ids) = (0, 0);
    for case in &cases {
        let (p, i) = compare_with_vitepress(case);
        pages += p;
        ids += i;
    }
    println!(
        "vitepress ids: {} fixtures, {pages} pages, {ids} ids compared, {ids} equal",
        cases.len()
    );
    assert!(ids > 0);
}
