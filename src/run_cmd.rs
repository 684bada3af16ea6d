//! `gen run FILE`: one snippet through a simulator, printed as the real runtime prints it.

use crate::cli::{EnvArg, RunArgs, TraceFormat};
use anyhow::{bail, Context, Result};
use gen_trace::{JsEnv, Lang, Outcome, RunOptions};
use std::io::Write;

/// The language of a snippet file, from its extension.
pub fn lang_of(path: &std::path::Path) -> Option<Lang> {
    match path.extension()?.to_str()? {
        "py" => Some(Lang::Python),
        "js" | "mjs" | "cjs" => Some(Lang::Javascript),
        _ => None,
    }
}

/// The script path CPython 3.11 puts in tracebacks: a relative path joined to the
/// working directory as given (`./` and `..` stay), an absolute one unchanged.
fn script_path_as_cpython(path: &std::path::Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path.display()),
        Err(_) => path.display().to_string(),
    }
}

/// The script path Node puts in stack traces: `path.resolve` of the argument (joined
/// to the working directory, `.` and `..` segments resolved).
fn script_path_as_node(path: &std::path::Path) -> String {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in joined.components() {
        match c {
            std::path::Component::Normal(p) => parts.push(p),
            std::path::Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for p in parts {
        out.push('/');
        out.push_str(&p.to_string_lossy());
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Runs the snippet and returns the process exit code.
pub fn run(args: &RunArgs) -> Result<i32> {
    let Some(lang) = lang_of(&args.file) else {
        bail!(
            "{}: cannot tell the language (expected .py or .js)",
            args.file.display()
        );
    };
    let source = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let html_fixture = match &args.html {
        Some(p) => {
            Some(std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
        }
        None => None,
    };
    let options = RunOptions {
        trace: args.trace.is_some(),
        js_env: match args.env {
            None => JsEnv::Auto,
            Some(EnvArg::Node) => JsEnv::Node,
            Some(EnvArg::Browser) => JsEnv::Browser,
        },
        html_fixture,
        file_name: match lang {
            Lang::Python => script_path_as_cpython(&args.file),
            Lang::Javascript => script_path_as_node(&args.file),
        },
        ..RunOptions::default()
    };
    let outcome: Outcome = match lang {
        Lang::Python => gen_pysim::run(&source, &options),
        Lang::Javascript => gen_jssim::run(&source, &options),
    };
    let mut stdout = std::io::stdout().lock();
    match args.trace {
        Some(TraceFormat::Json) => {
            serde_json::to_writer_pretty(&mut stdout, &outcome)?;
            writeln!(stdout)?;
        }
        None => {
            stdout.write_all(outcome.stdout.as_bytes())?;
            std::io::stderr().write_all(outcome.stderr.as_bytes())?;
        }
    }
    stdout.flush()?;
    Ok(outcome.exit_code())
}
