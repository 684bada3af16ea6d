//! Runs executable fences through the simulators and renders their run panels.
//!
//! The seam between the Markdown layer and the simulators: the Markdown layer hands over
//! each ` ```python ` / ` ```js ` fence as an [`ExecRequest`] and gets back the HTML of the
//! run panel (`div.gen-run`) to place under the highlighted source. Outcomes are cached by
//! a hash of (language, source, options, simulator version), and so are the rendered
//! sequence diagrams; one [`Executor`] is shared by all pages of a build (it is `Sync`).
//!
//! Shared snippet sessions: fences of one page that name the same session (`session=NAME`,
//! or every fence of a page with `exec: page` in its frontmatter) run in order in one
//! simulator instance per language, the heap carried over; each panel shows its own
//! fence's output and trace. [`Sessions`] holds a page's instances. A session fence's
//! outcome is cached under the whole chain of code that ran before it, and on a miss the
//! chain is replayed into a fresh instance when the live one is not at that point.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;

use gen_trace::{JsEnv, Lang, Outcome, RunOptions};

use crate::cache::Cache;
use crate::mermaid::{self, MermaidError};
use crate::views::{self, Panel, TraceMode};

/// Bump when the simulators' output for the same input changes in a way the crate
/// version does not capture (the executable fingerprint below catches rebuilds too).
const SIMULATOR_EPOCH: u32 = 1;
/// Bump when the Mermaid rendering of the same source changes (the executable fingerprint
/// in the key catches rebuilt binaries too).
const MERMAID_EPOCH: u32 = 3;

/// One executable fence as the Markdown layer found it.
#[derive(Debug, Clone)]
pub struct ExecRequest<'a> {
    pub lang: Lang,
    /// The code as executed (VitePress `// [!code ...]` markers already stripped).
    pub code: &'a str,
    /// Fence options from the info string (`trace=full`, `env=browser`, `html=...`),
    /// merged over the page's frontmatter defaults and the site's `gen.toml` defaults.
    /// `html` holds the fixture's content (the Markdown layer resolves the file).
    pub options: &'a BTreeMap<String, String>,
    /// A page-unique prefix for element ids inside the panel (e.g. `run-3`).
    pub id_prefix: &'a str,
}

/// The rendered panel.
#[derive(Debug, Clone, Default)]
pub struct ExecResult {
    /// HTML of the `div.gen-run` panel (from a [deferring](Executor::deferring) executor,
    /// a placeholder that [`Executor::resolve`] replaces).
    pub html: String,
    /// `ok`, `error` or `unsupported`, as in the panel's `data-status` (`pending` for a
    /// deferred run).
    pub status: &'static str,
    /// Problems with the fence's options (unknown values), for the build report.
    pub warnings: Vec<String>,
}

/// The shared sessions of one page, by language and name.
pub struct Sessions {
    /// `exec: page`: fences without a `session=` option share the session `page`.
    page_wide: bool,
    chains: BTreeMap<(&'static str, String), Chain>,
}

/// One session: the code run in it so far, and the live simulator (if it is in step).
#[derive(Default)]
struct Chain {
    codes: Vec<String>,
    live: Option<(Live, usize)>,
}

/// A live simulator instance.
enum Live {
    Python(gen_pysim::Session),
    Javascript(Box<gen_jssim::Session>),
}

impl Live {
    fn new(lang: Lang, options: RunOptions) -> Live {
        match lang {
            Lang::Python => Live::Python(gen_pysim::Session::new(options)),
            Lang::Javascript => Live::Javascript(Box::new(gen_jssim::Session::new(options))),
        }
    }

    fn run(&mut self, code: &str) -> Outcome {
        match self {
            Live::Python(s) => s.run(code),
            Live::Javascript(s) => s.run(code),
        }
    }
}

impl Sessions {
    /// The sessions of a page; `page_wide` for `exec: page`.
    pub fn new(page_wide: bool) -> Self {
        Sessions {
            page_wide,
            chains: BTreeMap::new(),
        }
    }

    /// The session a fence with these options joins, if any: `session=NAME`, or `page`
    /// on an `exec: page` page (`session=none` or the `isolated` flag opt out).
    pub fn name_for(&self, options: &BTreeMap<String, String>) -> Option<String> {
        if options.contains_key("isolated") {
            return None;
        }
        match options.get("session").map(|s| s.trim()) {
            Some("" | "none" | "false") => None,
            Some(name) => Some(name.to_string()),
            None => self.page_wide.then(|| "page".to_string()),
        }
    }
}

/// Runs fences (through the cache) and renders their panels.
#[derive(Debug)]
pub struct Executor {
    cache: Cache,
    version: String,
    /// Runs handed out as placeholders, by token (see [`Executor::deferring`]).
    deferred: Option<Mutex<Deferred>>,
}

#[derive(Debug, Default)]
struct Deferred {
    next: u64,
    runs: HashMap<u64, DeferredRun>,
}

/// A fence's run, owned, to be done later.
#[derive(Debug)]
struct DeferredRun {
    lang: Lang,
    code: String,
    options: BTreeMap<String, String>,
    id_prefix: String,
}

/// Makes the JavaScript simulator's start-up interpreters on a rayon thread when some
/// note has a fence that will run JavaScript (a line scan of the Markdown: a miss only
/// loses the head start), so that the first runs of the build do not wait for them.
pub fn warm_up<'a>(notes: impl IntoIterator<Item = &'a str>) {
    let runs_js = |line: &str| {
        let line = line.trim_start();
        let info = line
            .strip_prefix("```")
            .or_else(|| line.strip_prefix("~~~"));
        info.is_some_and(|info| {
            matches!(info.split_whitespace().next(), Some("js" | "javascript"))
                && !info.contains("norun")
        })
    };
    if notes.into_iter().any(|text| text.lines().any(runs_js)) {
        rayon::spawn(gen_jssim::warm_up);
    }
}

/// The placeholder of deferred run `token` in a page's HTML.
fn placeholder(token: u64) -> String {
    format!("<!--gen-deferred-run:{token}-->")
}

impl Default for Executor {
    fn default() -> Self {
        Executor::new()
    }
}

/// The options of one fence, validated.
struct FenceOptions<'a> {
    mode: TraceMode,
    env: JsEnv,
    html: Option<&'a str>,
    warnings: Vec<String>,
}

impl Executor {
    /// An executor without a persistent cache.
    pub fn new() -> Self {
        Executor {
            cache: Cache::in_memory(),
            version: simulator_version(),
            deferred: None,
        }
    }

    /// An executor whose cache persists under `dir` (the site's `.gen-cache/`).
    pub fn with_cache_dir(dir: impl Into<PathBuf>) -> Self {
        Executor {
            cache: Cache::on_disk(dir),
            version: simulator_version(),
            deferred: None,
        }
    }

    /// This executor, but [`Executor::run`] only notes the run and returns a placeholder;
    /// [`Executor::resolve`] then does a page's runs in parallel (the fences of one page
    /// would otherwise run one after the other on one core). Session runs, whose order
    /// matters, are never deferred.
    pub fn deferring(mut self) -> Self {
        self.deferred = Some(Mutex::default());
        self
    }

    /// Replaces the placeholders of deferred runs in `html` (one page's) by their panels,
    /// doing the runs in parallel.
    pub fn resolve(&self, html: &mut String) {
        const MARK: &str = "<!--gen-deferred-run:";
        let Some(deferred) = &self.deferred else {
            return;
        };
        // Each placeholder's byte range in `html`, with its run.
        let mut runs = Vec::new();
        let mut at = 0;
        while let Some(i) = html[at..].find(MARK) {
            let start = at + i;
            let digits = &html[start + MARK.len()..];
            let len = digits.bytes().take_while(u8::is_ascii_digit).count();
            at = start + MARK.len() + len;
            let Ok(token) = digits[..len].parse::<u64>() else {
                continue;
            };
            if !html[at..].starts_with("-->") {
                continue;
            }
            let run = deferred
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .runs
                .remove(&token);
            if let Some(run) = run {
                runs.push((start..at + "-->".len(), run));
            }
        }
        if runs.is_empty() {
            return;
        }
        let panels: Vec<(std::ops::Range<usize>, String)> = runs
            .into_par_iter()
            .map(|(range, run)| {
                let req = ExecRequest {
                    lang: run.lang,
                    code: &run.code,
                    options: &run.options,
                    id_prefix: &run.id_prefix,
                };
                (range, self.run_now(&req).html)
            })
            .collect();
        // One pass over the page (replacing placeholder by placeholder copied the whole
        // page once per run).
        let size = html.len() + panels.iter().map(|(_, p)| p.len()).sum::<usize>();
        let mut out = String::with_capacity(size);
        let mut last = 0;
        for (range, panel) in &panels {
            out.push_str(&html[last..range.start]);
            out.push_str(panel);
            last = range.end;
        }
        out.push_str(&html[last..]);
        *html = out;
    }

    /// Runs one fence and renders its panel (or defers it, see [`Executor::deferring`]).
    pub fn run(&self, req: &ExecRequest<'_>) -> ExecResult {
        let Some(deferred) = &self.deferred else {
            return self.run_now(req);
        };
        let warnings = parse_options(req.options).warnings;
        let mut d = deferred.lock().unwrap_or_else(|e| e.into_inner());
        let token = d.next;
        d.next += 1;
        d.runs.insert(
            token,
            DeferredRun {
                lang: req.lang,
                code: req.code.to_string(),
                options: req.options.clone(),
                id_prefix: req.id_prefix.to_string(),
            },
        );
        ExecResult {
            html: placeholder(token),
            status: "pending",
            warnings,
        }
    }

    fn run_now(&self, req: &ExecRequest<'_>) -> ExecResult {
        let options = parse_options(req.options);
        let outcome = self.outcome(req.lang, req.code, &options);
        self.panel(req, &options, &outcome)
    }

    /// Runs one fence in the page's session `name`, after the fences that ran in it
    /// before, and renders its panel.
    pub fn run_in_session(
        &self,
        req: &ExecRequest<'_>,
        sessions: &mut Sessions,
        name: &str,
    ) -> ExecResult {
        let options = parse_options(req.options);
        let chain = sessions
            .chains
            .entry((req.lang.as_str(), name.to_string()))
            .or_default();
        let key = serde_json::json!([
            "session",
            req.lang,
            self.version,
            options.env,
            options.html,
            chain.codes,
            req.code
        ])
        .to_string();
        let cached = self
            .cache
            .get("exec", &key)
            .and_then(|text| serde_json::from_str::<Outcome>(&text).ok());
        let outcome = match cached {
            Some(outcome) => outcome,
            None => {
                let run_options = run_options(req.lang, &options, true);
                let at = chain.codes.len();
                let (live, done) = match chain.live.take() {
                    Some((live, done)) if done == at => (live, done),
                    _ => {
                        let mut live = Live::new(req.lang, run_options);
                        for code in &chain.codes {
                            live.run(code);
                        }
                        (live, at)
                    }
                };
                let mut live = live;
                let outcome = live.run(req.code);
                chain.live = Some((live, done + 1));
                if let Ok(text) = serde_json::to_string(&outcome) {
                    self.cache.put("exec", &key, &text);
                }
                outcome
            }
        };
        chain.codes.push(req.code.to_string());
        self.panel(req, &options, &outcome)
    }

    fn panel(
        &self,
        req: &ExecRequest<'_>,
        options: &FenceOptions<'_>,
        outcome: &Outcome,
    ) -> ExecResult {
        let panel = Panel {
            outcome,
            source: req.code,
            mode: options.mode,
            id_prefix: req.id_prefix,
        };
        let html = views::render(&panel, &|source, id, title| {
            self.diagram(source, id, Some(title)).0
        });
        ExecResult {
            html,
            status: outcome.status.panel_status(),
            warnings: options.warnings.clone(),
        }
    }

    /// A ` ```mermaid ` fence through the cache: as [`mermaid::render_block`].
    pub fn mermaid(&self, source: &str, id: &str) -> (String, Option<MermaidError>) {
        self.diagram(source, id, None)
    }

    /// `(cache hits, cache misses)` so far, for build reports and benchmarks.
    pub fn cache_stats(&self) -> (u64, u64) {
        self.cache.stats()
    }

    fn outcome(&self, lang: Lang, code: &str, options: &FenceOptions<'_>) -> Outcome {
        let key = serde_json::json!([
            lang,
            self.version,
            options.mode != TraceMode::Off,
            options.env,
            options.html,
            code
        ])
        .to_string();
        if let Some(outcome) = self
            .cache
            .get("exec", &key)
            .and_then(|text| serde_json::from_str::<Outcome>(&text).ok())
        {
            return outcome;
        }
        let run_options = run_options(lang, options, options.mode != TraceMode::Off);
        let outcome = match lang {
            Lang::Python => gen_pysim::run(code, &run_options),
            Lang::Javascript => gen_jssim::run(code, &run_options),
        };
        if let Ok(text) = serde_json::to_string(&outcome) {
            self.cache.put("exec", &key, &text);
        }
        outcome
    }

    fn diagram(
        &self,
        source: &str,
        id: &str,
        title: Option<&str>,
    ) -> (String, Option<MermaidError>) {
        let key = serde_json::json!([MERMAID_EPOCH, self.version, id, title, source]).to_string();
        if let Some(html) = self.cache.get("mermaid", &key) {
            return (html, None);
        }
        let (html, error) = match title {
            Some(title) => mermaid::render_generated(source, id, title),
            None => mermaid::render_block(source, id),
        };
        if error.is_none() {
            self.cache.put("mermaid", &key, &html);
        }
        (html, error)
    }
}

fn run_options(lang: Lang, options: &FenceOptions<'_>, trace: bool) -> RunOptions {
    RunOptions {
        trace,
        js_env: options.env,
        html_fixture: options.html.map(str::to_owned),
        file_name: match lang {
            Lang::Python => "snippet.py".into(),
            Lang::Javascript => "snippet.js".into(),
        },
        ..RunOptions::default()
    }
}

fn parse_options(options: &BTreeMap<String, String>) -> FenceOptions<'_> {
    let mut warnings = Vec::new();
    let mode = match options.get("trace").map(|s| s.trim()) {
        None | Some("full") => TraceMode::Full,
        Some("summary") => TraceMode::Summary,
        Some("off") => TraceMode::Off,
        Some(other) => {
            warnings.push(format!(
                "unknown trace={other:?} (expected off, summary or full); using full"
            ));
            TraceMode::Full
        }
    };
    let env = match options.get("env").map(|s| s.trim()) {
        None | Some("auto") => JsEnv::Auto,
        Some("node") => JsEnv::Node,
        Some("browser") => JsEnv::Browser,
        Some(other) => {
            warnings.push(format!(
                "unknown env={other:?} (expected node, browser or auto); using auto"
            ));
            JsEnv::Auto
        }
    };
    FenceOptions {
        mode,
        env,
        html: options.get("html").map(String::as_str),
        warnings,
    }
}

/// The simulator version in cache keys: the crate version, [`SIMULATOR_EPOCH`], and the
/// size and modification time of the running executable, so a rebuilt gen (new simulator
/// code under the same version number, as during development) never reuses old outcomes.
fn simulator_version() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{modified}", m.len())
        })
        .unwrap_or_default();
    format!(
        "{}+sim{SIMULATOR_EPOCH}+exe{exe}",
        env!("CARGO_PKG_VERSION")
    )
}
