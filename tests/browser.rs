//! End to end in headless Chromium: this repository's own site is built, served on
//! loopback and loaded as a reader would, with and without JavaScript, light and dark,
//! at desktop and phone width (`tests/browser/page-facts.js` reports what is visible).
//! Set `GEN_SHOTS=DIR` to keep full-page screenshots of every setting.

#[allow(dead_code)]
mod support;

use serde_json::Value;
use support::{browser_available, build_site, run_node, serve, temp_dir};

const SETTINGS: [&str; 5] = [
    "desktop-light",
    "desktop-light-nojs",
    "desktop-dark",
    "phone-light",
    "phone-dark-nojs",
];

/// This repository's site, built once and served for the tests of this file.
fn site_url() -> &'static str {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(|| {
        let out = temp_dir("browser-site").join("public");
        build_site(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &out);
        serve(&out)
    })
}

#[test]
fn seed_page_shows_panels_and_diagrams_with_and_without_javascript() {
    if !browser_available() {
        return;
    }
    let url = format!("{}notes/python-js-memory/", site_url());
    let shots = std::env::var("GEN_SHOTS").ok();
    let mut args = vec![url.as_str()];
    if let Some(dir) = &shots {
        args.extend(["--shots", dir.as_str()]);
    }
    let facts = run_node("page-facts.js", &args);
    for name in SETTINGS {
        let f = &facts[name];
        let problems = f["problems"].as_array().expect("problems");
        assert!(problems.is_empty(), "{name}: {problems:?}");
        let runs = f["runs"].as_array().expect("runs");
        assert_eq!(runs.len(), 16, "{name}: run panels");
        for (i, run) in runs.iter().enumerate() {
            assert_eq!(run["visible"], true, "{name}: panel {i} hidden");
            assert_eq!(run["output"], true, "{name}: panel {i} output hidden");
            if run["status"] == "ok" || run["status"] == "error" {
                for part in ["trace", "heap", "seq"] {
                    assert_eq!(run[part], true, "{name}: panel {i} ({run}) {part} hidden");
                }
                assert!(run["traceHeaders"].as_u64() >= Some(5), "{name}: {run}");
            }
        }
        let diagrams = f["diagrams"].as_array().expect("diagrams");
        assert_eq!(diagrams.len(), 2, "{name}: Mermaid diagrams");
        for d in diagrams {
            assert_eq!(
                d,
                &serde_json::json!({"visible": true, "titled": true}),
                "{name}"
            );
        }
        assert_eq!(
            f["rawMermaid"], false,
            "{name}: Mermaid source left on the page"
        );
        assert_eq!(f["clipped"], Value::Array(vec![]), "{name}: clipped labels");
        assert_eq!(
            f["overflow"], false,
            "{name}: overflows the viewport: {}",
            f["wide"]
        );
        assert_eq!(f["dark"], name.contains("dark"), "{name}: colour scheme");
        let (before, after) = (&f["stepper"]["before"], &f["stepper"]["after"]);
        assert_eq!(
            before.as_array().map(Vec::len),
            Some(1),
            "{name}: one step shown"
        );
        assert_eq!(
            after.as_array().map(Vec::len),
            Some(1),
            "{name}: one step shown"
        );
        assert!(
            before[0]
                .as_str()
                .is_some_and(|c| c.starts_with("Final state") || c.starts_with("Heap at the error")),
            "{name}: {before}"
        );
        assert_ne!(before, after, "{name}: a click on a step shows that step");
    }
}

#[test]
fn the_theme_follows_the_system_and_remembers_the_readers_choice() {
    if !browser_available() {
        return;
    }
    let url = format!("{}guide/", site_url());
    let facts = run_node("theme-toggle.js", &[&url]);
    for (name, system_dark) in [("system-light", false), ("system-dark", true)] {
        let f = &facts[name];
        assert_eq!(f["problems"], Value::Array(vec![]), "{name}");
        assert_eq!(
            f["first"]["dark"], system_dark,
            "{name}: follows the system"
        );
        assert_eq!(f["first"]["toggleVisible"], true, "{name}");
        assert_eq!(
            f["clicked"]["dark"], !system_dark,
            "{name}: the toggle switches"
        );
        assert_eq!(
            f["reloaded"]["dark"], !system_dark,
            "{name}: remembered: {f}"
        );
    }
    let nojs = &facts["system-dark-nojs"]["first"];
    assert_eq!(
        nojs["dark"], true,
        "without JavaScript the system setting still applies"
    );
    assert_eq!(
        nojs["toggleVisible"], false,
        "a toggle that cannot work is hidden"
    );
}

/// `gen watch` on `root`, killed on drop.
struct Watching(std::process::Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `gen watch` on `root` and returns it with the URL it serves.
fn watch(root: &std::path::Path) -> (Watching, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(["watch", "--port", "0", "--root"])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("gen watch starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufReader::new(stdout).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            Some(format!(
                "http://{}",
                l.split("serving http://").nth(1)?.split(' ').next()?
            ))
        })
        .expect("gen watch prints its URL");
    std::thread::spawn(move || lines.for_each(drop));
    (Watching(child), url)
}

#[test]
fn watch_shows_build_errors_over_the_last_good_page_and_recovers() {
    if !browser_available() {
        return;
    }
    let root = temp_dir("browser-watch");
    std::fs::create_dir_all(root.join("content")).unwrap();
    let note = root.join("content/gc.md");
    std::fs::write(
        &note,
        "---\ntitle: Garbage collection\n---\n\n# GC\n\ngood version\n",
    )
    .unwrap();
    let (_watching, url) = watch(&root);
    let facts = run_node(
        "watch-overlay.js",
        &[&format!("{url}gc/"), note.to_str().unwrap()],
    );
    let text = |k: &str| facts[k].as_str().unwrap_or_default().to_string();
    assert!(text("before").contains("good version"), "{facts}");
    let overlay = text("overlay");
    assert!(
        overlay.contains("content/gc.md:"),
        "overlay names the file: {overlay}"
    );
    assert!(
        overlay.split("content/gc.md:").nth(1).is_some_and(|rest| {
            let mut parts = rest.split(':');
            let line = parts.next().unwrap_or_default();
            let col: String = parts
                .next()
                .unwrap_or_default()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) && !col.is_empty()
        }),
        "file:line:col in {overlay}"
    );
    assert!(
        text("underneath").contains("good version"),
        "the last good page stays"
    );
    assert!(text("after").contains("fixed version"), "{facts}");
    assert_eq!(facts["problems"], Value::Array(vec![]), "{facts}");
}

#[test]
fn guide_diagrams_fit_their_labels_in_light_and_dark() {
    if !browser_available() {
        return;
    }
    let facts = run_node(
        "page-facts.js",
        &[&format!("{}guide/writing-notes/", site_url())],
    );
    for name in SETTINGS {
        let f = &facts[name];
        assert_eq!(f["problems"], Value::Array(vec![]), "{name}");
        let diagrams = f["diagrams"].as_array().expect("diagrams");
        assert_eq!(
            diagrams.len(),
            3,
            "{name}: flowchart, class and state diagram"
        );
        assert!(
            diagrams
                .iter()
                .all(|d| d["visible"] == true && d["titled"] == true),
            "{name}"
        );
        assert!(
            f["labels"].as_u64() > Some(5),
            "{name}: labels measured: {}",
            f["labels"]
        );
        assert_eq!(f["clipped"], Value::Array(vec![]), "{name}: clipped labels");
        assert_eq!(f["overflow"], false, "{name}: {}", f["wide"]);
    }
}
