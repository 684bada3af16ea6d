//! Search end to end in headless Chromium (`tests/browser/search.js`): this repository's
//! site is built for a sub-path, served there on loopback, and a reader opens search with
//! `/`, types Chinese and English queries and sees the seed note in the results, the
//! matches highlighted; nothing of the index loads before search is opened. A generated
//! site large enough to spread its index over many shards and text chunks is searched the
//! same way.

#[allow(dead_code)]
mod support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{browser_available, run_node, temp_dir};

const SEED_TITLE: &str = "Python和Javascript的内存管理";

#[test]
fn chinese_queries_find_the_seed_note_under_a_sub_path() {
    if !browser_available() {
        return;
    }
    let out = temp_dir("search").join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_gen"))
        .args([
            "build",
            "--base-url",
            "https://user.github.io/notes/",
            "--root",
        ])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run gen build");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let url = serve_at(&out, "/notes/");
    let page = format!("{url}guide/");
    let facts = run_node(
        "search.js",
        &[
            &page,
            "垃圾回收",
            "heap snapshot",
            "ＨＥＡＰ Ｓｎａｐｓｈｏｔ",
            "没有这个词组",
            "引用计数",
        ],
    );

    assert_eq!(facts["beforeOpen"], Value::Array(vec![]), "{facts}");
    assert_eq!(facts["buttonVisible"], true);
    assert_eq!(facts["buttonVisibleWithoutJs"], false);
    assert_eq!(facts["problems"], Value::Array(vec![]), "{facts}");

    for query in ["垃圾回收", "引用计数"] {
        let results = facts["queries"][query].as_array().expect("results");
        assert!(!results.is_empty(), "{query}: no results");
        let first = &results[0];
        assert!(
            first["title"].as_str().unwrap().starts_with(SEED_TITLE),
            "{query}: first result {first}"
        );
        assert!(
            first["href"]
                .as_str()
                .unwrap()
                .starts_with("/notes/notes/python-js-memory/#"),
            "{first}"
        );
        assert!(
            first["marks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == query),
            "{query}: highlighted {}",
            first["marks"]
        );
    }
    let english = facts["queries"]["heap snapshot"].as_array().unwrap();
    assert!(!english.is_empty(), "{facts}");
    // Full-width letters and capitals are folded as the index folded them (NFKC, lower case).
    assert_eq!(
        facts["queries"]["ＨＥＡＰ Ｓｎａｐｓｈｏｔ"][0]["href"],
        english[0]["href"]
    );
    assert_eq!(facts["queries"]["没有这个词组"], Value::Array(vec![]));
    assert_eq!(
        facts["navigated"], "/notes/notes/python-js-memory/#_1-引用计数",
        "{facts}"
    );
    assert_eq!(facts["escapeCloses"], true);
    assert_eq!(facts["ctrlK"], true);
    let requested: Vec<&str> = facts["requested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        requested.contains(&"/notes/_gen/search/index.json"),
        "{requested:?}"
    );
}

#[test]
fn a_sharded_index_finds_words_prefixes_and_chinese_on_any_page() {
    if !browser_available() {
        return;
    }
    let root = temp_dir("search-sharded");
    for i in 0..120 {
        let words: Vec<String> = (0..250).map(|j| format!("w{i}x{j}")).collect();
        let chinese = if i == 77 {
            "终结器和弱引用。"
        } else {
            "内存管理。"
        };
        let text = format!(
            "---\ntitle: Page {i}\n---\n\n## Part {i}\n\n{chinese} {}\n",
            words.join(" ")
        );
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join(format!("content/p{i:03}.md")), text).unwrap();
    }
    let out = root.join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_gen"))
        .arg("build")
        .arg("--root")
        .arg(&root)
        .output()
        .expect("run gen build");
    let err = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{err}");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("_gen/search/index.json")).unwrap())
            .unwrap();
    assert!(index["shards"].as_u64().unwrap() >= 4, "{err}");
    assert!(index["chunks"].as_array().unwrap().len() >= 2, "{err}");

    let url = serve_at(&out, "/");
    let facts = run_node(
        "search.js",
        &[&format!("{url}p000/"), "w97x5", "w3x24", "弱引用"],
    );
    assert_eq!(facts["problems"], Value::Array(vec![]), "{facts}");
    let first = |q: &str| facts["queries"][q][0]["title"].clone();
    assert_eq!(first("w97x5"), "Page 97 › Part 97", "{facts}");
    // A prefix: w3x24 and w3x240…w3x249 are all on page 3.
    assert_eq!(first("w3x24"), "Page 3 › Part 3", "{facts}");
    assert_eq!(facts["queries"]["w3x24"].as_array().unwrap().len(), 1);
    assert_eq!(first("弱引用"), "Page 77 › Part 77", "{facts}");
    assert_eq!(facts["queries"]["弱引用"].as_array().unwrap().len(), 1);
    let requested = facts["requested"].as_array().unwrap();
    let shards = requested
        .iter()
        .filter(|r| r.as_str().unwrap().contains("/_gen/search/t"))
        .count();
    let total = index["shards"].as_u64().unwrap() as usize;
    assert!(
        shards < total,
        "fetched {shards} of {total} shards: {requested:?}"
    );
}

/// Serves `out` on loopback under the path `mount`, as a static host serves a project
/// site; returns the site's URL.
fn serve_at(out: &Path, mount: &str) -> String {
    let bound = gen::serve::bind(0).expect("bind 127.0.0.1");
    let url = format!("http://{}{mount}", bound.addr);
    gen::serve::start_server(bound, out, mount, None).expect("start the server");
    url
}
