//! gen: a static documentation site generator whose pages run their own code examples.
//!
//! See ARCHITECTURE.md for the pipeline from Markdown to HTML and where each part lives.

pub mod cache;
pub mod cli;
pub mod exec;
pub mod mermaid;
pub mod run_cmd;
pub mod serve;
pub mod views;
