//! Runaway snippets end with a limit, not a hang or an exhausted machine: `gen run` stops
//! an endless loop at the step limit, a program that never ends by itself at the virtual
//! time limit, and one that allocates without end at the real-memory guard
//! (`gen_trace::memory`), each with a `limit exceeded` message and exit code 1; a site
//! whose note holds such a snippet still builds, with its other snippets' output.

#[allow(dead_code)]
mod support;

use std::process::Command;

use support::files::{read, scratch, stderr};

/// Runs `gen run` on `source` saved as `name`; returns (exit code, stdout, stderr).
fn run(name: &str, source: &str) -> (Option<i32>, String, String) {
    let dir = scratch("limits-tests", name);
    let file = dir.join(name);
    std::fs::write(&file, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gen"))
        .arg("run")
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code(), stdout, stderr(&out))
}

#[test]
fn endless_loops_stop_at_the_step_limit() {
    for (name, source) in [
        ("loop.py", "while True:\n    pass\n"),
        ("loop.js", "for (;;) {}\n"),
    ] {
        let (code, _, err) = run(name, source);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(
            err.contains("limit exceeded: step limit of"),
            "{name}: {err}"
        );
    }
}

#[test]
fn endless_allocation_stops_at_the_memory_guard() {
    for (name, source) in [
        (
            "grow.py",
            "x = []\nwhile True:\n    x.append(bytearray(10**7))\n",
        ),
        (
            "grow.js",
            "const a = [];\nwhile (true) a.push('x'.repeat(1e7) + a.length);\n",
        ),
    ] {
        let (code, _, err) = run(name, source);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(
            err.contains("limit exceeded: memory limit of"),
            "{name}: {err}"
        );
    }
}

#[test]
fn an_uncleared_interval_stops_at_the_virtual_time_limit() {
    let (code, out, err) = run(
        "interval.js",
        "setInterval(() => console.log('tick'), 1000);\n",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(out.starts_with("tick\ntick\n"), "{out}");
    assert!(err.contains("virtual time limit"), "{err}");
}

#[test]
fn a_site_with_a_runaway_snippet_still_builds() {
    let root = scratch("limits-tests", "site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/runaway.md"),
        "# Runaway\n\n```python\nx = []\nwhile True:\n    x.append(bytearray(10**7))\n```\n\n\
         ```python\nprint('still here')\n```\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gen"))
        .arg("build")
        .arg("--root")
        .arg(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(&root.join("public/runaway/index.html"));
    assert!(page.contains("memory limit of"), "the limit is shown");
    assert!(page.contains("still here"), "the next snippet ran");
}
