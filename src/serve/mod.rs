//! `gen watch`: build once, serve the output on loopback, rebuild on change, reload the tab.
//!
//! The loop is independent of how a site is built: it drives a [`Rebuilder`]. Threads: one
//! accepting connections and one per open connection (`http`; live-reload streams are
//! bounded by `reload`), and the calling thread, which waits for debounced changes (`watcher`), rebuilds
//! and publishes the outcome. A failed rebuild never stops the loop: the diagnostics are
//! printed and sent to the browser, and the last good output stays served.

mod http;
mod paths;
mod reload;
mod site_rebuild;
#[cfg(test)]
mod tests;
mod watcher;

pub use reload::{BuildStatus, Reload};
pub use site_rebuild::SiteRebuilder;
pub use watcher::{Change, ChangeKind, ChangeOp, Next, Watcher};

use crate::cli::WatchArgs;
use crate::config::base_path_of;
use crate::site::BuildOptions;
use anyhow::{Context as _, Result};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Builds the site, fully or after some changes.
pub trait Rebuilder {
    /// Builds everything (at start, and when a change cannot be handled incrementally).
    fn build_all(&mut self) -> RebuildOutcome;
    /// Brings the output up to date after `changes` (never empty).
    fn rebuild(&mut self, changes: &[Change]) -> RebuildOutcome;
    /// Whether some slow part of the output was left for [`Rebuilder::settle`].
    fn unsettled(&self) -> bool {
        false
    }
    /// Finishes what rebuilds left for a quiet moment (`None`: nothing was left).
    fn settle(&mut self) -> Option<RebuildOutcome> {
        None
    }
}

/// How long the sources must stay unchanged before deferred work is done.
const SETTLE_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// The result of one (re)build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebuildOutcome {
    /// The output directory was updated; `written` counts the files rewritten, `warnings`
    /// holds one `file:line:col: warning: …` per line (or nothing).
    Built { written: usize, warnings: String },
    /// Nothing was written; `diagnostics` holds one `file:line:col: message` per line.
    Failed { diagnostics: String },
}

/// Where and how to serve.
pub struct ServeOptions {
    /// The site root (the directory holding `content/` and `gen.toml`).
    pub root: PathBuf,
    /// The output directory served.
    pub out_dir: PathBuf,
    /// The port asked for; another free one is used if it is taken.
    pub port: u16,
    /// The URL path the site is mounted under (`/` unless the base URL has a path).
    pub mount: String,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// A bound loopback listener, before the site is built (the build may need the URL).
pub struct Bound {
    listener: TcpListener,
    pub addr: SocketAddr,
}

/// Binds 127.0.0.1:`port`, or a free port if that one is taken.
pub fn bind(port: u16) -> Result<Bound> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .or_else(|_| TcpListener::bind((Ipv4Addr::LOCALHOST, 0)))
        .context("cannot listen on 127.0.0.1")?;
    let addr = listener.local_addr()?;
    Ok(Bound { listener, addr })
}

/// Starts serving `out_dir` on `bound` and returns at once. With `reload`, pages get the
/// live-reload script; without, the output is served exactly as built.
pub fn start_server(
    bound: Bound,
    out_dir: &Path,
    mount: &str,
    reload: Option<Arc<Reload>>,
) -> Result<()> {
    let ctx = Arc::new(http::Context {
        out_dir: out_dir.to_path_buf(),
        mount: mount.to_string(),
        reload,
    });
    std::thread::Builder::new()
        .name("gen-http-accept".into())
        .spawn(move || http::accept_loop(bound.listener, ctx))
        .context("cannot start the HTTP server")?;
    Ok(())
}

/// `gen watch`: serves the site under its base URL's path on 127.0.0.1 and rebuilds it on
/// every change. The pages are built for the local URL so that their links work there.
pub fn watch(args: &WatchArgs) -> Result<i32> {
    let root = args.build.site.root.clone();
    let out_dir = args
        .build
        .out
        .clone()
        .unwrap_or_else(|| root.join("public"));
    let mount = args
        .build
        .base_url
        .as_deref()
        .map_or_else(|| "/".to_string(), base_path_of);
    let bound = bind(args.port)?;
    let options = ServeOptions {
        root: root.clone(),
        out_dir: out_dir.clone(),
        port: args.port,
        mount: mount.clone(),
        open: args.open,
    };
    let rebuilder = SiteRebuilder::new(BuildOptions {
        root,
        out: Some(out_dir),
        base_url: Some(format!("http://{}{mount}", bound.addr)),
        write: true,
    });
    run(&options, bound, rebuilder)
}

/// Runs `gen watch` until the watcher stops: build, serve, then rebuild on every change.
pub fn run(options: &ServeOptions, bound: Bound, mut rebuilder: impl Rebuilder) -> Result<i32> {
    let url = format!("http://{}{}", bound.addr, options.mount);
    if bound.addr.port() != options.port && options.port != 0 {
        println!(
            "gen watch: port {} is taken, using {}",
            options.port,
            bound.addr.port()
        );
    }
    let reload = Arc::new(Reload::new());
    let mut watcher = Watcher::new(&options.root)
        .with_context(|| format!("cannot watch {}", options.root.display()))?;
    report(&reload, "built", Instant::now(), rebuilder.build_all());
    start_server(
        bound,
        &options.out_dir,
        &options.mount,
        Some(Arc::clone(&reload)),
    )?;
    println!("gen watch: serving {url} (Ctrl+C to stop)");
    if options.open {
        open_browser(&url);
    }
    loop {
        let changes = if rebuilder.unsettled() {
            match watcher.next_batch_within(SETTLE_AFTER) {
                Next::Batch(changes) => changes,
                Next::Quiet => {
                    let started = Instant::now();
                    if let Some(outcome) = rebuilder.settle() {
                        report_settled(&reload, started, outcome);
                    }
                    continue;
                }
                Next::Stopped => break,
            }
        } else {
            match watcher.next_batch() {
                Some(changes) => changes,
                None => break,
            }
        };
        let started = Instant::now();
        let what = describe(&changes);
        report(&reload, &what, started, rebuilder.rebuild(&changes));
    }
    Ok(0)
}

/// Prints the outcome of a build and tells the open tabs.
fn report(reload: &Reload, what: &str, started: Instant, outcome: RebuildOutcome) {
    let ms = started.elapsed().as_millis();
    match outcome {
        RebuildOutcome::Built { written, warnings } => {
            for line in warnings.lines() {
                eprintln!("  {line}");
            }
            println!("gen watch: {what}: {written} files written in {ms} ms");
            reload.publish_success();
        }
        RebuildOutcome::Failed { diagnostics } => {
            eprintln!(
                "gen watch: {what}: build failed in {ms} ms, still serving the last good build"
            );
            for line in diagnostics.lines() {
                eprintln!("  {line}");
            }
            reload.publish_failure(&diagnostics);
        }
    }
}

/// Reports deferred work: printed, and shown in the browser only when it failed (the pages
/// did not change, so open tabs do not reload).
fn report_settled(reload: &Reload, started: Instant, outcome: RebuildOutcome) {
    let ms = started.elapsed().as_millis();
    match outcome {
        RebuildOutcome::Built { written, warnings } => {
            for line in warnings.lines() {
                eprintln!("  {line}");
            }
            println!(
                "gen watch: search index, sitemap and feed: {written} files written in {ms} ms"
            );
        }
        RebuildOutcome::Failed { diagnostics } => {
            eprintln!("gen watch: search index, sitemap and feed failed in {ms} ms");
            for line in diagnostics.lines() {
                eprintln!("  {line}");
            }
            reload.publish_failure(&diagnostics);
        }
    }
}

/// One line naming what changed, for the terminal.
fn describe(changes: &[Change]) -> String {
    match changes {
        [one] => format!(
            "{} {}",
            format!("{:?}", one.op).to_lowercase(),
            one.path.display()
        ),
        _ => format!("{} changes", changes.len()),
    }
}

/// Best effort: a missing opener only prints a hint.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("gen watch: could not open a browser; visit {url}");
    }
}
