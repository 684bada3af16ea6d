//! Helpers shared by the integration tests that drive a real browser: build a site with the
//! `gen` binary, serve its output on loopback, and run a Node script of `tests/browser/`
//! (playwright-core driving Debian's Chromium) that prints JSON.
//!
//! The browser and playwright-core come from `scripts/setup-test-deps.sh`, which
//! `scripts/test.sh` (CI) runs first and which exports `GEN_REQUIRE_BROWSER=1`: there a
//! missing browser fails the test. A plain `cargo test` on a machine without them skips the
//! browser tests with a message naming the setup script.

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod files;

/// Whether the browser tests can run here; panics when CI requires them and they cannot.
pub fn browser_available() -> bool {
    let chromium = std::env::var("GEN_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let playwright = browser_dir().join("node_modules/playwright-core");
    let missing: Vec<String> = [
        (!Path::new(&chromium).exists()).then(|| chromium.clone()),
        (!playwright.is_dir()).then(|| playwright.display().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!(
        "browser tests need {}; run `bash scripts/setup-test-deps.sh`",
        missing.join(" and ")
    );
    assert!(
        std::env::var_os("GEN_REQUIRE_BROWSER").is_none(),
        "{message}"
    );
    eprintln!("skipped: {message}");
    false
}

/// `tests/browser/`, where the Node scripts and their `node_modules` live.
pub fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Builds the site at `root` into `out` with the `gen` binary; panics with its stderr on
/// failure.
pub fn build_site(root: &Path, out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_gen"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run gen build");
    assert!(
        output.status.success(),
        "gen build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Serves `out` on 127.0.0.1 (a free port, no live reload) for the rest of the test
/// process and returns the site's URL, ending in `/`.
pub fn serve(out: &Path) -> String {
    let bound = gen::serve::bind(0).expect("bind 127.0.0.1");
    let url = format!("http://{}/", bound.addr);
    gen::serve::start_server(bound, out, "/", None).expect("start the server");
    url
}

/// Runs `node tests/browser/<script> <args…>` and parses what it prints as JSON.
pub fn run_node(script: &str, args: &[&str]) -> serde_json::Value {
    let output = Command::new("node")
        .arg(browser_dir().join(script))
        .args(args)
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// A fresh, empty directory for this test under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    dir
}
