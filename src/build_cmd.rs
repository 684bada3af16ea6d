//! `gen build` and `gen check`: run the site pipeline, print every diagnostic as
//! `file:line:col: …` with its hint, and turn the outcome into an exit code.

use anyhow::Result;

use crate::cli::{BuildArgs, CheckArgs};
use crate::site::{self, BuildOptions, Outcome};

/// `gen build`: exit code 0 when the site was written, 1 when errors kept the old output.
pub fn build(args: &BuildArgs) -> Result<i32> {
    let outcome = site::build(&BuildOptions {
        root: args.site.root.clone(),
        out: args.out.clone(),
        base_url: args.base_url.clone(),
        write: true,
    })?;
    report(&outcome);
    match &outcome.written {
        Some(out) => {
            eprintln!(
                "built {} pages ({} files) into {} in {} ms",
                outcome.pages,
                outcome.files,
                out.display(),
                outcome.millis
            );
            for line in &outcome.info {
                eprintln!("{line}");
            }
            Ok(0)
        }
        None => {
            eprintln!(
                "build failed with {} error(s); the previous output was left untouched",
                outcome.errors()
            );
            Ok(1)
        }
    }
}

/// `gen check`: the build without writing; exit code 1 on any error.
pub fn check(args: &CheckArgs) -> Result<i32> {
    let outcome = site::build(&BuildOptions {
        root: args.site.root.clone(),
        out: None,
        base_url: args.base_url.clone(),
        write: false,
    })?;
    report(&outcome);
    let errors = outcome.errors();
    if errors == 0 {
        eprintln!("checked {} pages: no errors", outcome.pages);
        Ok(0)
    } else {
        eprintln!("checked {} pages: {errors} error(s)", outcome.pages);
        Ok(1)
    }
}

fn report(outcome: &Outcome) {
    for d in &outcome.diags {
        eprintln!("{d}");
    }
}
