//! The run panel drawn under each executed fence, from a simulator's `gen_trace::Outcome`:
//! output, summary line, trace table, heap graph and generated sequence diagram.
//!
//! Views read `gen_trace` types only, never interpreter internals, and escape every piece
//! of snippet output. [`panel::render`] is the entry point; [`stylesheet`] and [`script`]
//! are the CSS the site includes once and the optional progressive-enhancement script.

pub mod effect;
pub mod heap_svg;
pub mod html;
pub mod names;
pub mod panel;
pub mod rows;
pub mod sequence;
pub mod summary;
pub mod table;
pub mod text_fit;

pub use panel::{render, Panel, TraceMode};

/// The CSS for run panels and build-time diagrams (light and dark mode).
pub fn stylesheet() -> &'static str {
    include_str!("panels.css")
}

/// Optional script: a slider over each heap stepper. Pages work fully without it.
pub fn script() -> &'static str {
    include_str!("stepper.js")
}
