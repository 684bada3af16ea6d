//! The conformance corpora: every snippet under `tests/conformance/{python,js}` is run with
//! the built `gen run` binary and compared with what the real runtime printed when
//! `scripts/record-conformance` recorded it (see `tests/conformance/README.md`).
//!
//! Stdout must be byte-identical. With a recorded `.err`, the run must exit 1 and stderr
//! must carry that error line (Python: as stderr's last line; JavaScript: as one of its
//! lines). Without one it must exit 0, unless a `.timeout` marks a program that never ends
//! by itself, whose exit code is not compared. Names listed in
//! `tests/conformance/known-failures/<lang>.txt` are expected to fail: the test fails on an
//! unexpected failure and also on a listed name that now passes, so the lists only shrink.
//!
//! Snippets run in parallel worker threads, each under a wall-clock timeout, so a hanging
//! simulator fails the test instead of hanging CI. `CONFORMANCE_FILTER=substring` runs only
//! the snippets whose name contains the substring.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one `gen run` may take before it counts as a hang. Only a safety net (the
/// simulators stop themselves at their step and virtual-time limits), so it is far above
/// the slowest snippet's time even on a loaded two-core machine: a verdict never depends
/// on the machine's speed.
const RUN_TIMEOUT: Duration = Duration::from_secs(300);
/// How many failures get a full expected-vs-actual diff in the report.
const DIFFS_SHOWN: usize = 8;
/// How many diff lines are shown per failure.
const DIFF_LINES: usize = 40;

/// One language's corpus: its folder, the snippet extension and its known-failures list.
struct Corpus {
    lang: &'static str,
    dir: &'static str,
    ext: &'static str,
    /// Python compares the error line with stderr's last line, JS with any stderr line.
    err_is_last_line: bool,
    /// Snippets about stack traces, which show the script's absolute path: each runs
    /// from a copy in this folder (where `scripts/record-conformance` ran it), and the
    /// whole of stderr is compared with the recorded `.stderr`.
    fixed_dir: Option<&'static str>,
}

const PYTHON: Corpus = Corpus {
    lang: "python",
    dir: "python",
    ext: "py",
    err_is_last_line: true,
    fixed_dir: None,
};

const JS: Corpus = Corpus {
    lang: "js",
    dir: "js",
    ext: "js",
    err_is_last_line: false,
    fixed_dir: None,
};

const JS_STACKS: Corpus = Corpus {
    lang: "js-stacks",
    dir: "js-stacks",
    ext: "js",
    err_is_last_line: false,
    fixed_dir: Some("/tmp/gen-stack-corpus"),
};

/// What the real runtime did, as recorded beside the snippet.
struct Expected {
    stdout: Vec<u8>,
    /// The whole of stderr, for the stack-trace corpus.
    stderr: Option<Vec<u8>>,
    error_line: Option<String>,
    never_ends: bool,
}

/// What `gen run` did.
struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None` when the run was killed after [`RUN_TIMEOUT`].
    status: Option<ExitStatus>,
    elapsed: Duration,
}

/// One snippet's verdict: `None` when it passed, else a human-readable reason with a diff.
struct Verdict {
    name: String,
    failure: Option<String>,
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// The snippets of a corpus, sorted by name, filtered by `CONFORMANCE_FILTER`.
fn snippets(corpus: &Corpus) -> Vec<(String, PathBuf)> {
    let dir = corpus_root().join(corpus.dir);
    let filter = std::env::var("CONFORMANCE_FILTER").unwrap_or_default();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus folder {}: {e}", dir.display()));
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().and_then(|e| e.to_str()) == Some(corpus.ext))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_string();
            Some((name, path))
        })
        .filter(|(name, _)| name.contains(&filter))
        .collect();
    found.sort();
    found
}

/// The names listed in `known-failures/<lang>.txt` (blank lines and `#` comments skipped).
fn known_failures(corpus: &Corpus) -> BTreeSet<String> {
    let path = corpus_root()
        .join("known-failures")
        .join(format!("{}.txt", corpus.lang));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_expected(snippet: &Path) -> Expected {
    let stdout = std::fs::read(snippet.with_extension("out")).unwrap_or_else(|e| {
        panic!(
            "{} has no recorded .out (run scripts/record-conformance): {e}",
            snippet.display()
        )
    });
    let error_line = std::fs::read_to_string(snippet.with_extension("err"))
        .ok()
        .map(|text| text.trim_end_matches(['\n', '\r']).to_string());
    Expected {
        stdout,
        stderr: std::fs::read(snippet.with_extension("stderr")).ok(),
        error_line,
        never_ends: snippet.with_extension("timeout").exists(),
    }
}

/// A copy of `snippet` in `dir` (written to a temporary name and renamed, so parallel
/// test runs never see half a file).
fn placed_in(dir: &str, snippet: &Path) -> PathBuf {
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let name = snippet.file_name().expect("a snippet file name");
    let target = dir.join(name);
    let tmp = dir.join(format!(
        ".{}.{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::copy(snippet, &tmp)
        .unwrap_or_else(|e| panic!("cannot copy {}: {e}", snippet.display()));
    std::fs::rename(&tmp, &target)
        .unwrap_or_else(|e| panic!("cannot place {}: {e}", target.display()));
    target
}

/// Runs `gen run SNIPPET [--html FIXTURE]`, killing it after [`RUN_TIMEOUT`].
fn run_gen(corpus: &Corpus, snippet: &Path) -> Actual {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gen"));
    match corpus.fixed_dir {
        Some(dir) => command.arg("run").arg(placed_in(dir, snippet)),
        None => command.arg("run").arg(snippet),
    };
    let fixture = snippet.with_extension("html");
    if fixture.exists() {
        command.arg("--html").arg(&fixture);
    }
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", env!("CARGO_BIN_EXE_gen")));
    let stdout_reader = drain(child.stdout.take());
    let stderr_reader = drain(child.stderr.take());
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for gen run {}: {e}", snippet.display()),
        }
    };
    Actual {
        stdout: stdout_reader.join().unwrap_or_default(),
        stderr: stderr_reader.join().unwrap_or_default(),
        status,
        elapsed: started.elapsed(),
    }
}

/// Reads a child's pipe to the end on its own thread, so a full pipe never blocks it.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Compares one run with its recording; `None` when it conforms.
fn judge(corpus: &Corpus, expected: &Expected, actual: &Actual) -> Option<String> {
    let stderr = String::from_utf8_lossy(&actual.stderr);
    let Some(status) = actual.status else {
        return Some(format!(
            "gen run did not finish within {}s (killed){}",
            RUN_TIMEOUT.as_secs(),
            stderr_excerpt(&stderr)
        ));
    };
    let mut problems = Vec::new();
    if expected.stdout != actual.stdout {
        problems.push(format!(
            "stdout differs (- expected, + actual):\n{}",
            diff(
                &String::from_utf8_lossy(&expected.stdout),
                &String::from_utf8_lossy(&actual.stdout)
            )
        ));
    }
    if let Some(want) = &expected.stderr {
        if *want != actual.stderr {
            problems.push(format!(
                "stderr differs (- expected, + actual):\n{}",
                diff(&String::from_utf8_lossy(want), &stderr)
            ));
        }
    }
    match &expected.error_line {
        Some(line) => {
            if status.code() != Some(1) {
                problems.push(format!("expected exit code 1, got {status}"));
            }
            let found = if corpus.err_is_last_line {
                stderr.lines().rev().find(|l| !l.trim().is_empty()) == Some(line.as_str())
            } else {
                stderr.lines().any(|l| l.trim_end() == line)
            };
            if !found {
                let wanted = if corpus.err_is_last_line {
                    "as stderr's last line"
                } else {
                    "on a line of stderr"
                };
                problems.push(format!("expected the error line {wanted}:\n    {line}"));
            }
        }
        None if expected.never_ends => {}
        None => {
            if !status.success() {
                problems.push(format!("expected exit code 0, got {status}"));
            }
        }
    }
    if problems.is_empty() {
        return None;
    }
    Some(format!(
        "{}{}",
        problems.join("\n"),
        stderr_excerpt(&stderr)
    ))
}

/// The first lines of stderr, indented, for a failure report.
fn stderr_excerpt(stderr: &str) -> String {
    if stderr.trim().is_empty() {
        return String::new();
    }
    let mut text = String::from("\nstderr:");
    for line in stderr.lines().take(8) {
        let _ = write!(text, "\n    {line}");
    }
    text
}

/// A line diff of expected vs actual (longest common subsequence), cut to [`DIFF_LINES`].
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    if a.len() * b.len() > 4_000_000 {
        return format!("    (too long to diff: {} vs {} lines)", a.len(), b.len());
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push(format!("      {}", show_line(a[i])));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            lines.push(format!("    + {}", show_line(b[j])));
            j += 1;
        } else {
            lines.push(format!("    - {}", show_line(a[i])));
            i += 1;
        }
    }
    let total = lines.len();
    let mut text = lines
        .into_iter()
        .take(DIFF_LINES)
        .collect::<Vec<_>>()
        .join("\n");
    if total > DIFF_LINES {
        let _ = write!(text, "\n    ... {} more lines", total - DIFF_LINES);
    }
    text
}

/// One line for the diff: the text, with a missing final newline made visible.
fn show_line(line: &str) -> String {
    match line.strip_suffix('\n') {
        Some(text) => text.to_string(),
        None => format!("{line}⏎(no newline at end)"),
    }
}

/// Runs every snippet of the list on a pool of worker threads.
fn run_all(corpus: &Corpus, snippets: &[(String, PathBuf)]) -> Vec<Verdict> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let next = AtomicUsize::new(0);
    let verdicts = Mutex::new(Vec::with_capacity(snippets.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, path)) = snippets.get(index) else {
                    break;
                };
                let expected = read_expected(path);
                let actual = run_gen(corpus, path);
                let failure = judge(corpus, &expected, &actual)
                    .map(|reason| format!("{reason}\n(ran in {} ms)", actual.elapsed.as_millis()));
                verdicts
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .push(Verdict {
                        name: name.clone(),
                        failure,
                    });
            });
        }
    });
    let mut verdicts = verdicts
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    verdicts.sort_by(|a, b| a.name.cmp(&b.name));
    verdicts
}

/// Runs one corpus and panics with a report when it does not match its known failures.
fn check(corpus: &Corpus) {
    let snippets = snippets(corpus);
    let known = known_failures(corpus);
    let filtered = std::env::var("CONFORMANCE_FILTER").is_ok_and(|f| !f.is_empty());
    let names: BTreeSet<&str> = snippets.iter().map(|(name, _)| name.as_str()).collect();
    let verdicts = run_all(corpus, &snippets);

    let passed = verdicts.iter().filter(|v| v.failure.is_none()).count();
    // Written to the stderr handle, not with `eprintln!`, so the summary is shown even
    // when the test passes and libtest captures the test's output.
    let _ = writeln!(
        std::io::stderr(),
        "{}: {passed}/{} passed",
        corpus.lang,
        verdicts.len()
    );

    let unexpected: Vec<&Verdict> = verdicts
        .iter()
        .filter(|v| v.failure.is_some() && !known.contains(&v.name))
        .collect();
    let fixed: Vec<&str> = verdicts
        .iter()
        .filter(|v| v.failure.is_none() && known.contains(&v.name))
        .map(|v| v.name.as_str())
        .collect();
    let stale: Vec<&str> = if filtered {
        Vec::new()
    } else {
        known
            .iter()
            .map(String::as_str)
            .filter(|name| !names.contains(name))
            .collect()
    };
    if unexpected.is_empty() && fixed.is_empty() && stale.is_empty() {
        return;
    }

    let list = format!("tests/conformance/known-failures/{}.txt", corpus.lang);
    let mut report = String::new();
    if !unexpected.is_empty() {
        let _ = writeln!(
            report,
            "\n{} {} snippet(s) failed that are not in {list}:",
            unexpected.len(),
            corpus.lang
        );
        for verdict in &unexpected {
            let _ = writeln!(report, "    {}", verdict.name);
        }
        for verdict in unexpected.iter().take(DIFFS_SHOWN) {
            let reason = verdict.failure.as_deref().unwrap_or_default();
            let _ = writeln!(report, "\n--- {} ---\n{reason}", verdict.name);
        }
    }
    if !fixed.is_empty() {
        let _ = writeln!(
            report,
            "\n{} snippet(s) now pass: remove them from {list}:",
            fixed.len()
        );
        for name in &fixed {
            let _ = writeln!(report, "    {name}");
        }
    }
    if !stale.is_empty() {
        let _ = writeln!(
            report,
            "\n{list} names snippet(s) that do not exist: remove them:"
        );
        for name in &stale {
            let _ = writeln!(report, "    {name}");
        }
    }
    panic!(
        "{} conformance does not match its known failures{report}",
        corpus.lang
    );
}

#[test]
fn python_corpus() {
    check(&PYTHON);
}

#[test]
fn js_corpus() {
    check(&JS);
}

#[test]
fn js_stacks_corpus() {
    check(&JS_STACKS);
}
