//! gen: a static documentation site generator whose pages run their own code examples.
//!
//! See ARCHITECTURE.md for the pipeline from Markdown to HTML and where each part lives.

pub mod build_cmd;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod exec;
pub mod html_scan;
pub mod init;
pub mod markdown;
pub mod mermaid;
pub mod output;
pub mod pages;
pub mod publish;
pub mod run_cmd;
pub mod search;
pub mod serve;
pub mod sidebar;
pub mod site;
pub mod theme;
pub mod views;
