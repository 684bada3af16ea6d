//! Publishing on static hosting, checked on the built output: under a sub-path
//! `base_url` every `href`/`src` of every page (and every URL of the sitemap and the
//! feed) names a file of the output under that path and an id in it; the hosting files
//! (`404.html`, `.nojekyll`, `robots.txt`, `sitemap.xml`, `atom.xml`), the canonical and
//! OpenGraph meta, and the search index are what a host and a reader need.

#[allow(dead_code)]
mod support;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use gen::html_scan::{scan, Item};
use gen::markdown::links::percent_decode;
use support::files::{read, scratch, stderr, tree};
use url::Url;

const SITE: &str = "https://user.github.io/notes/";

fn gen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gen"))
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the site at `root` into `out` with extra arguments; panics on failure.
fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let output = gen()
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

/// The ids defined in an HTML file.
fn ids(html: &str) -> HashSet<String> {
    scan(html)
        .iter()
        .filter_map(|i| i.attr("id").map(str::to_string))
        .collect()
}

/// The URL-valued attributes of an HTML file, as written.
fn urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in scan(html) {
        let Item::Start { attrs, .. } = &item else {
            continue;
        };
        for (name, value) in attrs {
            match name.as_str() {
                "href" | "src" | "poster" | "xlink:href" => out.push(value.clone()),
                "srcset" => out.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_string),
                ),
                _ => {}
            }
        }
    }
    out
}

/// Resolves `value` as a browser on `page` (a URL of `site`) would, and asserts that a
/// URL of the site's host names a file under `out` below the site's path, and its
/// fragment an id in it. Returns whether the URL was one of the site's.
fn assert_resolves(out: &Path, site: &Url, page: &Url, value: &str, from: &str) -> bool {
    if value.is_empty() || value.starts_with("mailto:") || value.starts_with("data:") {
        return false;
    }
    let url = page
        .join(value)
        .unwrap_or_else(|e| panic!("{from}: `{value}` is no URL: {e}"));
    if url.host_str() != site.host_str() {
        return false;
    }
    let base_path = site.path();
    let path = percent_decode(url.path());
    let rel = path
        .strip_prefix(base_path)
        .unwrap_or_else(|| panic!("{from}: `{value}` leaves the sub-path {base_path}"));
    let mut file = out.join(rel);
    if rel.is_empty() || rel.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    assert!(
        file.is_file(),
        "{from}: `{value}` names {}, which is not in the output",
        file.display()
    );
    if let Some(fragment) = url.fragment().filter(|f| !f.is_empty()) {
        let id = percent_decode(fragment);
        assert!(
            ids(&read(&file)).contains(&id),
            "{from}: `{value}`: {} has no id `{id}`",
            file.display()
        );
    }
    true
}

/// Checks every URL of every HTML file, the sitemap and the feed; returns how many
/// internal URLs were checked.
fn assert_every_url_resolves(out: &Path, site: &str) -> usize {
    let site = Url::parse(site).unwrap();
    let mut checked = 0;
    for rel in tree(out).into_keys() {
        let text = read(&out.join(&rel));
        let page = site.join(&rel).unwrap();
        let found: Vec<String> = if rel.ends_with(".html") {
            urls(&text)
        } else if rel.ends_with(".xml") {
            xml_urls(&text)
        } else {
            continue;
        };
        for value in found {
            if assert_resolves(out, &site, &page, &value, &rel) {
                checked += 1;
            }
        }
    }
    checked
}

/// The `<loc>` and `href` URLs of a sitemap or feed.
fn xml_urls(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("<loc>", "</loc>"), ("href=\"", "\""), ("<id>", "</id>")] {
        let mut rest = xml;
        while let Some(i) = rest.find(open) {
            rest = &rest[i + open.len()..];
            let end = rest.find(close).unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn every_url_of_this_repos_site_resolves_under_a_sub_path() {
    let out = scratch("publish-tests", "repo-site").join("notes");
    let output = build(repo(), &out, &["--base-url", SITE]);
    let checked = assert_every_url_resolves(&out, SITE);
    assert!(checked > 200, "only {checked} URLs checked");
    let seed = read(&out.join("notes/python-js-memory/index.html"));
    assert!(seed.contains(
        "<link rel=\"canonical\" href=\"https://user.github.io/notes/notes/python-js-memory/\">"
    ));
    assert!(seed.contains("<script src=\"/notes/_gen/search.js\" data-base=\"/notes/\" defer>"));
    let err = stderr(&output);
    assert!(err.contains("search index: "), "{err}");
    assert!(err.contains("gzipped"), "{err}");
}

#[test]
fn every_url_of_a_fixture_resolves_under_its_configured_sub_path() {
    let out = scratch("publish-tests", "fixture-site").join("public");
    build(&repo().join("tests/fixtures/publish"), &out, &[]);
    let checked = assert_every_url_resolves(&out, SITE);
    assert!(checked > 100, "only {checked} URLs checked");
    let note = read(&out.join("notes/a/index.html"));
    assert!(note.contains("href=\"/notes/notes/b/#second-part\""));
    assert!(note.contains("src=\"/notes/notes/pic.png\""));
}

#[test]
fn hosting_files_sitemap_robots_and_meta() {
    let out = scratch("publish-tests", "hosting").join("public");
    build(&repo().join("tests/fixtures/publish"), &out, &[]);
    assert!(out.join("404.html").is_file());
    assert_eq!(read(&out.join(".nojekyll")), "");
    assert_eq!(
        read(&out.join("robots.txt")),
        "User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/notes/sitemap.xml\n"
    );
    let sitemap = read(&out.join("sitemap.xml"));
    let locs: Vec<String> = xml_urls(&sitemap);
    assert!(locs.contains(&format!("{SITE}notes/a/")));
    assert!(locs.contains(&format!("{SITE}%E4%B8%AD%E6%96%87/%E7%AC%94%E8%AE%B0/")));
    assert!(!locs.iter().any(|l| l.contains("404")));
    assert!(sitemap.contains(
        "<url><loc>https://user.github.io/notes/notes/a/</loc><lastmod>2025-05-15</lastmod></url>"
    ));
    assert!(sitemap.contains("<url><loc>https://user.github.io/notes/notes/undated/</loc></url>"));

    let note = read(&out.join("notes/a/index.html"));
    for meta in [
        "<link rel=\"canonical\" href=\"https://user.github.io/notes/notes/a/\">",
        "<meta property=\"og:url\" content=\"https://user.github.io/notes/notes/a/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"引用计数与垃圾回收\">",
        "<meta property=\"og:description\" content=\"How CPython frees memory\">",
        "<meta property=\"og:site_name\" content=\"Publish fixture\">",
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Publish fixture\" href=\"/notes/atom.xml\">",
    ] {
        assert!(note.contains(meta), "missing {meta}");
    }
    let home = read(&out.join("index.html"));
    assert!(home.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(home.contains(
        "<meta property=\"og:description\" content=\"Notes published under a sub-path\">"
    ));
    let not_found = read(&out.join("404.html"));
    assert!(!not_found.contains("rel=\"canonical\""));
    assert!(not_found.contains("href=\"/notes/\""));
}

#[test]
fn the_feed_lists_dated_notes_newest_first() {
    let out = scratch("publish-tests", "feed").join("public");
    let output = build(&repo().join("tests/fixtures/publish"), &out, &[]);
    let feed = read(&out.join("atom.xml"));
    let titles: Vec<&str> = feed
        .split("<title>")
        .skip(2)
        .map(|t| &t[..t.find("</title>").unwrap()])
        .collect();
    // 2025-06-01, 2025-05-15 15:56, 2025-01-02 03:04:05, 2024-12-03 08:05;
    // the undated note and the one whose updateTime is no date are left out.
    assert_eq!(
        titles,
        [
            "Second note",
            "引用计数与垃圾回收",
            "中文笔记",
            "Third note"
        ]
    );
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh\">"));
    // gen.toml says `timezone = "+08:00"`: times without a zone are in it.
    assert!(feed.contains("<updated>2025-06-01T00:00:00+08:00</updated>\n  <author>"));
    assert!(feed.contains("<updated>2025-05-15T15:56:00+08:00</updated>"));
    assert!(feed.contains("<updated>2025-01-02T03:04:05+08:00</updated>"));
    assert!(feed.contains("<updated>2024-12-03T08:05:00+08:00</updated>"));
    assert!(feed.contains("<summary>How CPython frees memory</summary>"));
    assert!(feed.contains("<category term=\"垃圾回收\"/>"));
    assert!(feed.contains(
        "<link href=\"https://user.github.io/notes/atom.xml\" rel=\"self\" type=\"application/atom+xml\"/>"
    ));
    let err = stderr(&output);
    assert!(
        err.contains(
            "content/notes/bad-date.md:3:1: warning: updateTime `sometime soon` is not a date"
        ),
        "{err}"
    );
}

#[test]
fn the_search_index_holds_sections_with_cjk_bigrams() {
    let out = scratch("publish-tests", "search").join("public");
    build(&repo().join("tests/fixtures/publish"), &out, &[]);
    let json = |rel: &str| -> serde_json::Value {
        serde_json::from_str(&read(&out.join("_gen/search").join(rel))).unwrap()
    };
    let index = json("index.json");
    assert_eq!(index["v"], 2);
    let pages = index["pages"].as_array().unwrap();
    let titles: Vec<&str> = pages.iter().map(|p| p[0].as_str().unwrap()).collect();
    assert!(titles.contains(&"引用计数与垃圾回收"));
    assert!(!titles.contains(&"Hidden from search"));
    for p in pages {
        assert!(p[1].as_str().unwrap().starts_with("/notes/"), "{p}");
    }
    // Sections are numbered page after page; the text chunks hold them in that order.
    let mut first_section = Vec::new();
    let mut sections: Vec<(usize, serde_json::Value)> = Vec::new();
    let chunks = index["chunks"].as_array().unwrap();
    assert_eq!(chunks[0], 0);
    for (k, first) in chunks.iter().enumerate() {
        let chunk = json(&format!("p{k}.json"));
        for (offset, page) in chunk.as_array().unwrap().iter().enumerate() {
            let page_index = first.as_u64().unwrap() as usize + offset;
            first_section.push(sections.len());
            assert_eq!(page.as_array().unwrap().len() as u64, pages[page_index][2]);
            sections.extend(
                page.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| (page_index, s.clone())),
            );
        }
    }
    assert_eq!(first_section.len(), pages.len());
    let shards = index["shards"].as_u64().unwrap() as u32;
    let term = |t: &str| -> Option<serde_json::Value> {
        let cps: Vec<u32> = t.chars().map(|c| c as u32).collect();
        let cjk = (0x4E00..=0x9FFF).contains(&cps[0]);
        let key = if cjk && cps.len() > 1 {
            cps[0] + cps[1]
        } else {
            cps[0]
        };
        let k = key % shards;
        json(&format!("t{k}.json")).get(t).cloned()
    };
    // 计数 is in the first note's heading and text: its first posting is that section.
    let postings = term("计数").expect("计数 is indexed");
    let (page, section) = &sections[postings[0].as_u64().unwrap() as usize];
    assert_eq!(pages[*page][0], "引用计数与垃圾回收");
    assert_eq!(section[0], "一、引用计数");
    assert_eq!(section[1], "一、引用计数");
    assert!(
        section[2]
            .as_str()
            .unwrap()
            .starts_with("Python 使用引用计数来管理内存。"),
        "{section}"
    );
    for t in ["引用", "用计", "计", "垃圾", "generational", "collection"] {
        assert!(term(t).is_some(), "no term {t}");
    }
    assert!(term("secretword").is_none());
}

#[test]
fn without_an_absolute_base_url_absolute_files_are_left_out_and_said_so() {
    let root = scratch("publish-tests", "no-base-url");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("content/a.md"), "# A\n\nText.\n").unwrap();
    let out = root.join("public");
    let output = build(&root, &out, &[]);
    assert!(!out.join("sitemap.xml").exists());
    assert!(!out.join("atom.xml").exists());
    assert_eq!(read(&out.join("robots.txt")), "User-agent: *\nAllow: /\n");
    assert!(out.join(".nojekyll").is_file());
    let page = read(&out.join("a/index.html"));
    assert!(!page.contains("rel=\"canonical\""));
    assert!(!page.contains("atom.xml"));
    assert!(stderr(&output).contains("no absolute base_url: sitemap.xml and atom.xml"));
    assert!(assert_every_url_resolves(&out, "https://user.github.io/") > 10);
}

#[test]
fn the_command_line_base_url_wins_and_builds_are_byte_identical() {
    let root = repo().join("tests/fixtures/publish");
    let dir = scratch("publish-tests", "determinism");
    let (one, two) = (dir.join("one"), dir.join("two"));
    for out in [&one, &two] {
        build(&root, out, &["--base-url", "https://example.org/docs"]);
    }
    for rel in tree(&one).into_keys() {
        assert_eq!(
            std::fs::read(one.join(&rel)).unwrap(),
            std::fs::read(two.join(&rel)).unwrap(),
            "{rel} differs"
        );
    }
    assert_eq!(
        tree(&one).into_keys().collect::<Vec<_>>(),
        tree(&two).into_keys().collect::<Vec<_>>()
    );
    let page = read(&one.join("notes/a/index.html"));
    assert!(page.contains("href=\"/docs/notes/b/#second-part\""));
    assert!(read(&one.join("sitemap.xml")).contains("<loc>https://example.org/docs/notes/a/</loc>"));
    assert!(assert_every_url_resolves(&one, "https://example.org/docs/") > 100);
}
