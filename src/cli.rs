//! The command line: clap definitions only; `main.rs` dispatches.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// gen: a static documentation site generator whose pages run their own code examples.
#[derive(Debug, Parser)]
#[command(name = "gen", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/, templates/ and static/ into public/.
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser.
    Watch(WatchArgs),
    /// Run one snippet (FILE.py or FILE.js) in gen's simulator, printing what the real
    /// runtime prints.
    Run(RunArgs),
    /// Check internal links, anchors, images and assets, and that external URLs are well
    /// formed (no network), without writing the site. Exit code 1 on any problem.
    Check(CheckArgs),
    /// Scaffold a new site in DIR.
    Init(InitArgs),
}

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// The site root (holding content/, templates/, static/, gen.toml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The output directory (default: public/ under the root).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The URL the site is served from, e.g. https://user.github.io/notes/.
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Check links as served from this URL, e.g. https://user.github.io/notes/.
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// The port to serve on (a free one is picked if it is taken).
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnvArg {
    Node,
    Browser,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The snippet: .py runs as python3 would, .js/.mjs/.cjs as node --expose-gc would.
    pub file: PathBuf,
    /// Print the execution trace instead of the program's output.
    #[arg(long, value_enum)]
    pub trace: Option<TraceFormat>,
    /// JavaScript: the environment (default: browser when the snippet uses DOM globals).
    #[arg(long, value_enum)]
    pub env: Option<EnvArg>,
    /// JavaScript: an HTML file the browser document starts from.
    #[arg(long)]
    pub html: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The directory to create the site in.
    pub dir: PathBuf,
    /// Convert an existing VitePress docs/ folder.
    #[arg(long, value_name = "DIR")]
    pub from_vitepress: Option<PathBuf>,
}
