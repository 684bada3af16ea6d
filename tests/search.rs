//! Search end to end in headless Chromium (`tests/browser/search.js`): this repository's
//! site is built for a sub-path, served there on loopback, and a reader opens search with
//! `/`, types Chinese and English queries and sees the seed note in the results, the
//! matches highlighted; nothing of the index loads before search is opened.

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

/// Serves `out` on loopback under the path `mount`, as a static host serves a project
/// site; returns the site's URL.
fn serve_at(out: &Path, mount: &str) -> String {
    let bound = gen::serve::bind(0).expect("bind 127.0.0.1");
    let url = format!("http://{}{mount}", bound.addr);
    gen::serve::start_server(bound, out, mount, None).expect("start the server");
    url
}
