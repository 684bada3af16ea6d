//! The [`Rebuilder`] of a gen site: runs the site pipeline and turns its outcome into what
//! the watch loop reports. It keeps a [`Memory`] between builds, so an edited note
//! re-renders that note and the pages that show it (sidebar, tags, prev/next, home), and
//! only changed files are written; a template or config change rebuilds everything. The
//! hosting files (search index, sitemap, feed), which depend on every page, are brought up
//! to date in [`Rebuilder::settle`] once the author pauses, so an edit is served at once.
//! Errors write nothing, so the last good site stays served.

use super::{Change, ChangeKind, RebuildOutcome, Rebuilder};
use crate::diagnostics::Diagnostic;
use crate::site::{self, BuildOptions, Memory, Outcome};

/// Rebuilds the site at `options.root` into its output directory.
pub struct SiteRebuilder {
    options: BuildOptions,
    memory: Memory,
}

impl SiteRebuilder {
    pub fn new(options: BuildOptions) -> Self {
        SiteRebuilder {
            options,
            memory: Memory::deferring_publishing(),
        }
    }
}

impl Rebuilder for SiteRebuilder {
    fn build_all(&mut self) -> RebuildOutcome {
        self.memory = Memory::deferring_publishing();
        report(site::rebuild(&self.options, &mut self.memory, &[]))
    }

    fn rebuild(&mut self, changes: &[Change]) -> RebuildOutcome {
        let everything = changes
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::Template | ChangeKind::Config));
        if everything {
            return self.build_all();
        }
        let paths: Vec<_> = changes.iter().map(|c| c.path.clone()).collect();
        report(site::rebuild(&self.options, &mut self.memory, &paths))
    }

    fn unsettled(&self) -> bool {
        self.memory.unsettled()
    }

    fn settle(&mut self) -> Option<RebuildOutcome> {
        site::settle(&self.options, &mut self.memory).map(report)
    }
}

fn report(result: anyhow::Result<Outcome>) -> RebuildOutcome {
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(err) => {
            return RebuildOutcome::Failed {
                diagnostics: format!("{err:#}"),
            }
        }
    };
    let lines = |errors: bool| -> String {
        outcome
            .diags
            .iter()
            .filter(|d| d.is_error() == errors)
            .map(Diagnostic::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    match outcome.written {
        Some(_) => RebuildOutcome::Built {
            written: outcome.changed,
            warnings: lines(false),
        },
        None => RebuildOutcome::Failed {
            diagnostics: lines(true),
        },
    }
}
