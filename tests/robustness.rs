//! Bad input never crashes the simulators: every conformance snippet, mutated in a few
//! deterministic ways (cut short, a line dropped, two lines swapped, a stray token
//! inserted), runs through `gen_pysim::run` / `gen_jssim::run` under tight limits, and
//! each run must end with an outcome (ok, error, unsupported or a limit) instead of a
//! panic. The mutations come from a fixed-seed generator, so a failure reproduces: the
//! report names the snippet, the mutation and the mutated source.
//!
//! `ROBUSTNESS_FILTER=substring` runs only the snippets whose name contains it;
//! `ROBUSTNESS_ROUNDS=N` draws N sets of mutants per snippet (default 1) for a deeper run.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use gen_trace::{Limits, Outcome, RunOptions};

/// The real-memory guard needs the counting allocator, as in the `gen` binary.
#[global_allocator]
static ALLOC: gen_trace::memory::CountingAlloc = gen_trace::memory::CountingAlloc;

/// Tokens a mutation inserts: brackets and quotes left open, keywords out of place.
const TOKENS: [&str; 24] = [
    "(", ")", "[", "]", "{", "}", ":", "\"", "'", "`", "\\", ",", "=", "*", "**", ";", ".", "None",
    "-1", "yield", "await", "lambda", "\n    ", "=>",
];

/// A small fixed-seed generator (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The char boundaries of `s`, for cutting and inserting without splitting a character.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

/// The mutants of one snippet in one round: (what was done, the mutated source).
fn mutants(name: &str, round: u64, source: &str) -> Vec<(String, String)> {
    let seed = name.bytes().fold(0xcbf29ce484222325u64 ^ round, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    });
    let mut rng = Rng(seed);
    let cuts = boundaries(source);
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    let cut = cuts[rng.below(cuts.len())];
    out.push((format!("cut at byte {cut}"), source[..cut].to_string()));
    if lines.len() > 1 {
        let drop = rng.below(lines.len());
        let kept: Vec<&str> = (0..lines.len())
            .filter(|&i| i != drop)
            .map(|i| lines[i])
            .collect();
        out.push((format!("line {} dropped", drop + 1), kept.join("\n")));
        let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
        let mut swapped = lines.clone();
        swapped.swap(a, b);
        out.push((
            format!("lines {} and {} swapped", a + 1, b + 1),
            swapped.join("\n"),
        ));
    }
    let at = cuts[rng.below(cuts.len())];
    let token = TOKENS[rng.below(TOKENS.len())];
    let mut inserted = source.to_string();
    inserted.insert_str(at, token);
    out.push((format!("{token:?} inserted at byte {at}"), inserted));
    out
}

fn corpus(dir: &str, ext: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/conformance")
        .join(dir);
    let filter = std::env::var("ROBUSTNESS_FILTER").unwrap_or_default();
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .filter(|(name, _)| name.contains(&filter))
        .collect();
    files.sort();
    files
}

fn options(html: Option<String>) -> RunOptions {
    RunOptions {
        trace: true,
        limits: Limits {
            max_steps: 50_000,
            max_heap_bytes: 32 * 1024 * 1024,
            max_virtual_ms: 2_000,
            ..Limits::default()
        },
        html_fixture: html,
        ..RunOptions::default()
    }
}

/// Runs every mutant of every snippet on worker threads; returns the panics found.
fn panics(files: &[(String, PathBuf)], run: fn(&str, &RunOptions) -> Outcome) -> Vec<String> {
    let rounds: u64 = std::env::var("ROBUSTNESS_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut jobs: Vec<(String, String, Option<String>)> = Vec::new();
    for (name, path) in files {
        let source = std::fs::read_to_string(path).unwrap();
        let html = std::fs::read_to_string(path.with_extension("html")).ok();
        for round in 0..rounds {
            for (how, code) in mutants(name, round, &source) {
                jobs.push((format!("{name} (round {round}): {how}"), code, html.clone()));
            }
        }
    }
    let next = AtomicUsize::new(0);
    let found = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((what, code, html)) = jobs.get(next.fetch_add(1, Ordering::Relaxed))
                {
                    let options = options(html.clone());
                    if catch_unwind(AssertUnwindSafe(|| run(code, &options))).is_err() {
                        found
                            .lock()
                            .unwrap()
                            .push(format!("{what}\n---\n{code}\n---"));
                    }
                }
            });
        }
    });
    let mut found = found.into_inner().unwrap();
    found.sort();
    found
}

#[test]
fn mutated_python_snippets_never_panic() {
    let found = panics(&corpus("python", "py"), gen_pysim::run);
    assert!(
        found.is_empty(),
        "{} panics:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn mutated_javascript_snippets_never_panic() {
    let found = panics(&corpus("js", "js"), gen_jssim::run);
    assert!(
        found.is_empty(),
        "{} panics:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Markers a Markdown mutation inserts: fences, frontmatter, containers, HTML, links.
const MARKDOWN_TOKENS: [&str; 16] = [
    "\n```\n",
    "\n```python\n",
    "\n```mermaid\n",
    "\n---\n",
    "\n::: tip\n",
    "\n:::\n",
    "<div>",
    "</",
    "[",
    "](",
    "{#",
    "<<< ",
    "\n# ",
    "$$",
    "&",
    "\t",
];

/// The seed note and every fixture note, each cut short and with a stray marker inserted,
/// build as one-page sites with `gen build`: the build ends with success or a reported
/// error (exit code 0 or 1), never a panic, and a failed one names a file position.
#[test]
fn mutated_notes_never_crash_the_build() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut notes: Vec<PathBuf> = walk_md(&repo.join("tests/fixtures"));
    notes.push(repo.join("content/notes/python-js-memory.md"));
    notes.sort();
    let mut crashes = Vec::new();
    for (i, note) in notes.iter().enumerate() {
        let source = std::fs::read_to_string(note).unwrap();
        let name = note.strip_prefix(repo).unwrap().display().to_string();
        let mut rng = Rng(i as u64 + 1);
        let cuts = boundaries(&source);
        let cut = cuts[rng.below(cuts.len())];
        let at = cuts[rng.below(cuts.len())];
        let mut inserted = source.clone();
        inserted.insert_str(at, MARKDOWN_TOKENS[rng.below(MARKDOWN_TOKENS.len())]);
        for (how, text) in [
            (format!("cut at byte {cut}"), source[..cut].to_string()),
            (format!("marker inserted at byte {at}"), inserted),
        ] {
            let root = std::env::temp_dir().join(format!("gen-robust-{}-{i}", std::process::id()));
            let _ = std::fs::remove_dir_all(&root);
            std::fs::create_dir_all(root.join("content")).unwrap();
            std::fs::write(root.join("content/note.md"), &text).unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_gen"))
                .arg("build")
                .arg("--root")
                .arg(&root)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let reported = out.status.code() == Some(0)
                || (out.status.code() == Some(1) && stderr.contains("content/note.md:"));
            if !reported {
                crashes.push(format!("{name}: {how}: {:?}\n{stderr}", out.status));
            }
            std::fs::remove_dir_all(&root).unwrap();
        }
    }
    assert!(crashes.is_empty(), "{}", crashes.join("\n"));
}

/// The Markdown files under `dir`.
fn walk_md(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk_md(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out
}
