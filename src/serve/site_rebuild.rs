//! The [`Rebuilder`] of a gen site: runs the site pipeline (`site::build`) and turns its
//! outcome into what the watch loop reports. Errors keep the previous output (the pipeline
//! writes atomically), so the last good site stays served.

use super::{Change, RebuildOutcome, Rebuilder};
use crate::diagnostics::Diagnostic;
use crate::site::{self, BuildOptions};

/// Rebuilds the site at `options.root` into its output directory.
pub struct SiteRebuilder {
    options: BuildOptions,
}

impl SiteRebuilder {
    pub fn new(options: BuildOptions) -> Self {
        SiteRebuilder { options }
    }
}

impl Rebuilder for SiteRebuilder {
    fn build_all(&mut self) -> RebuildOutcome {
        let outcome = match site::build(&self.options) {
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
                written: outcome.files,
                warnings: lines(false),
            },
            None => RebuildOutcome::Failed {
                diagnostics: lines(true),
            },
        }
    }

    fn rebuild(&mut self, _changes: &[Change]) -> RebuildOutcome {
        self.build_all()
    }
}
