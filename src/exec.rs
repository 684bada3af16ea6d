//! Runs executable fences through the simulators and renders their run panels.
//!
//! The seam between the Markdown layer and the simulators: the Markdown layer hands over
//! each ` ```python ` / ` ```js ` fence as an [`ExecRequest`] and gets back the HTML of the
//! run panel (`div.gen-run`) to place under the highlighted source. Outcomes are cached by
//! a hash of (source, options, simulator version).

use std::collections::BTreeMap;

use gen_trace::Lang;

/// One executable fence as the Markdown layer found it.
#[derive(Debug, Clone)]
pub struct ExecRequest<'a> {
    pub lang: Lang,
    /// The code as executed (VitePress `// [!code ...]` markers already stripped).
    pub code: &'a str,
    /// Fence options from the info string (`trace=full`, `env=browser`, `html=...`),
    /// merged over the page's frontmatter defaults and the site's `gen.toml` defaults.
    pub options: &'a BTreeMap<String, String>,
    /// A page-unique prefix for element ids inside the panel (e.g. `run-3`).
    pub id_prefix: &'a str,
}

/// The rendered panel.
#[derive(Debug, Clone, Default)]
pub struct ExecResult {
    /// HTML of the `div.gen-run` panel.
    pub html: String,
}

/// Runs fences (through the cache) and renders their panels.
#[derive(Debug, Default)]
pub struct Executor;

impl Executor {
    /// An executor without a persistent cache.
    pub fn new() -> Self {
        Executor
    }

    /// Runs one fence and renders its panel.
    pub fn run(&self, req: &ExecRequest<'_>) -> ExecResult {
        let _ = req;
        ExecResult::default()
    }
}
