//! The execution-trace model shared by gen's simulators and its trace views.
//!
//! A simulator (`gen-pysim`, `gen-jssim`) runs one snippet and returns an [`Outcome`]:
//! what the real runtime would print, how the run ended, and a [`Trace`] of every heap
//! event plus per-step snapshots of frames and heap, in the spirit of Python Tutor's
//! trace format. The page renderer draws tables, heap graphs and sequence diagrams from
//! this model only; it never looks inside an interpreter.
//!
//! Everything here is plain data with serde derives, so a trace can be cached on disk and
//! dumped with `gen run --trace json`.

pub mod memory;

use serde::{Deserialize, Serialize};

pub mod record;

/// The language a snippet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Python,
    Javascript,
}

impl Lang {
    /// The name used in `data-lang` attributes and CLI messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::Javascript => "javascript",
        }
    }
}

/// A 1-based source position inside the snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Status {
    /// The program ran to the end.
    Ok,
    /// The program raised an uncaught error or failed to parse, exactly as the real
    /// runtime would. `message` is the runtime's last line (`NameError: name 'a' is not
    /// defined`); `pos` is where it was raised, when known.
    Error { message: String, pos: Option<Pos> },
    /// The simulator does not model a feature the program uses; nothing after it ran.
    Unsupported { feature: String, pos: Pos },
    /// A step, time, memory or recursion budget of the simulator (not of the real
    /// runtime) was exhausted.
    LimitExceeded { limit: String, pos: Option<Pos> },
}

impl Status {
    /// The `data-status` value of a run panel: `ok`, `error` or `unsupported`.
    pub fn panel_status(&self) -> &'static str {
        match self {
            Status::Ok | Status::LimitExceeded { .. } => "ok",
            Status::Error { .. } => "error",
            Status::Unsupported { .. } => "unsupported",
        }
    }
}

/// Identifies one heap object for the whole run (never reused within a run).
pub type ObjId = u64;

/// The heap space an object lives in (JavaScript only; Python has one heap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Space {
    New,
    Old,
    LargeObject,
    Code,
}

/// Why a reference was gained or lost: what holds (or held) the reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Holder {
    /// A variable bound in a frame or scope (`frame` is the function name or `<module>`
    /// / `global` / `script`).
    Var { frame: String, name: String },
    /// A slot of a container object (`key` is an index, dict key or property name).
    Slot { obj: ObjId, key: String },
    /// An attribute of an object.
    Attr { obj: ObjId, name: String },
    /// A temporary on the evaluation stack (an argument being passed, an expression value).
    Temp,
    /// A root of the runtime: timer, listener registry, microtask queue, pending promise,
    /// module table and the like.
    Root { name: String },
    /// Anything else, described in words.
    Other { what: String },
}

/// One thing that happened to memory (or to output) at one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A new object. `size` is what `sys.getsizeof` / a V8 heap snapshot's self size would say.
    Alloc {
        obj: ObjId,
        type_name: String,
        size: u64,
        space: Option<Space>,
    },
    /// A reference to `obj` was created. For Python `count` is the refcount after the
    /// change (before it was `count - 1`); JavaScript has no counts and leaves it `None`.
    RefGained {
        obj: ObjId,
        holder: Holder,
        count: Option<u64>,
    },
    /// A reference to `obj` was dropped; `count` as in [`EventKind::RefGained`].
    RefLost {
        obj: ObjId,
        holder: Holder,
        count: Option<u64>,
    },
    /// The reference to `obj` held by `from` is now held by `to`, with no moment between
    /// (a captured variable kept by its closure context when the frame ends).
    RefMoved {
        obj: ObjId,
        from: Holder,
        to: Holder,
    },
    /// `obj` was freed (refcount reached zero, or a collector reclaimed it).
    Free {
        obj: ObjId,
        type_name: String,
        size: u64,
    },
    /// A collection began. `collector` is e.g. `gen0`, `gen2`, `scavenge`, `mark-sweep`,
    /// `mark-compact`.
    GcStart { collector: String, reason: String },
    /// A collection ended.
    GcEnd {
        collector: String,
        collected: u64,
        uncollectable: u64,
        promoted: u64,
        freed_bytes: u64,
    },
    /// An object moved between spaces (V8 promotion, compaction).
    Move { obj: ObjId, from: Space, to: Space },
    /// A finalizer ran (`__del__`, a `weakref.finalize`, a FinalizationRegistry callback).
    Finalizer { obj: ObjId, what: String },
    /// A weak reference was cleared, and its callback (if any) ran.
    WeakCleared { obj: ObjId, callback: bool },
    /// A task or microtask began (JavaScript event loop).
    Task { queue: String, what: String },
    /// Free-form note from the simulator (a loop summarised, a limit reached).
    Note { text: String },
}

/// One [`EventKind`] with the step and source line it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub step: u32,
    pub line: u32,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// A value as drawn in a snapshot: either an inline primitive or an arrow to a heap object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// A primitive drawn inline, already formatted as the language would show it
    /// (`42`, `'abc'`, `None`, `undefined`).
    Prim(String),
    /// A reference to a heap object.
    Ref(ObjId),
}

/// The name of the pseudo-frame holding the runtime's roots (timers, listeners, pending
/// tasks): its variables are labelled roots, and references from it are
/// [`Holder::Root`]s.
pub const ROOTS_FRAME: &str = "(runtime roots)";

/// A frame (Python) or scope (JavaScript) with its variables, in definition order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub name: String,
    pub vars: Vec<(String, Value)>,
}

/// One heap object as drawn in a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeapObject {
    pub id: ObjId,
    pub type_name: String,
    /// A short label (`[1, 2, 3]`, `Data instance`, `function createCounter`).
    pub label: String,
    pub size: u64,
    /// Python: the reference count.
    pub refcount: Option<u64>,
    /// JavaScript: the space and the number of scavenges survived.
    pub space: Option<Space>,
    pub age: Option<u32>,
    /// Outgoing references and inline values: list items, dict entries, attributes,
    /// closure context slots.
    pub fields: Vec<(String, Value)>,
    /// Freed or collected at this step, drawn greyed out.
    pub freed: bool,
}

/// The state of frames and heap after one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub step: u32,
    pub line: u32,
    /// Outermost frame first.
    pub frames: Vec<Frame>,
    pub heap: Vec<HeapObject>,
    /// Cumulative stdout at this step.
    pub stdout: String,
}

/// One executed step: a source line of one frame, or the rest of a caller's line after a
/// call returned. Steps are numbered from 1; a snapshot with the same number shows the
/// state once the step is over. Events with step 0 happened before the first line; a
/// step with line 0 after the last one is the runtime's exit (module teardown), not the
/// program's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub step: u32,
    pub line: u32,
    /// The source text of that line, trimmed.
    pub source: String,
}

/// What was still alive at program end and why (JavaScript leak report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retained {
    pub obj: ObjId,
    pub type_name: String,
    pub size: u64,
    /// Root first: e.g. `["timer #1", "callback", "closure context", "obj"]`.
    pub path: Vec<String>,
}

/// Totals over the whole run, shown in the panel's summary line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub allocations: u64,
    pub frees: u64,
    pub peak_bytes: u64,
    pub gc_runs: u64,
    pub retained: Vec<Retained>,
}

/// Everything a simulator recorded about one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub steps: Vec<Step>,
    pub events: Vec<Event>,
    /// Snapshots at key steps (always including the final state), in step order.
    pub snapshots: Vec<Snapshot>,
    pub summary: Summary,
    /// Steps that were summarised away (long loops): the trace holds the first
    /// iterations in full, then a [`EventKind::Note`] and totals.
    pub elided_steps: u64,
    /// Steps the run took, detailed or not.
    #[serde(default)]
    pub total_steps: u32,
}

/// The result of running one snippet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub lang: Lang,
    /// Exactly what the real runtime writes to stdout.
    pub stdout: String,
    /// Exactly what the real runtime writes to stderr (the traceback / Node's error report).
    pub stderr: String,
    pub status: Status,
    pub trace: Trace,
}

impl Outcome {
    /// The process exit code the real runtime would return.
    pub fn exit_code(&self) -> i32 {
        match self.status {
            Status::Ok => 0,
            _ => 1,
        }
    }
}

/// Budgets a simulator must respect. Exceeding one ends the run with
/// [`Status::LimitExceeded`] (or the runtime's own error where it has one, such as
/// `RecursionError`), never a hang or a crash.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Maximum interpreter steps (statements/expressions evaluated).
    pub max_steps: u64,
    /// Maximum simulated heap bytes.
    pub max_heap_bytes: u64,
    /// JavaScript: maximum virtual milliseconds the event loop may advance.
    pub max_virtual_ms: u64,
    /// Maximum number of snapshots kept in the trace.
    pub max_snapshots: u32,
    /// Maximum number of trace events kept before summarising.
    pub max_events: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: 5_000_000,
            max_heap_bytes: 256 * 1024 * 1024,
            max_virtual_ms: 10_000,
            max_snapshots: 60,
            max_events: 2_000,
        }
    }
}

/// The JavaScript environment a snippet runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum JsEnv {
    /// Chosen from the snippet: browser when it uses DOM globals.
    #[default]
    Auto,
    Node,
    Browser,
}

/// Options for one run, shared by both simulators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RunOptions {
    pub limits: Limits,
    /// Record events and snapshots (false: only output and status).
    pub trace: bool,
    /// JavaScript only.
    pub js_env: JsEnv,
    /// JavaScript only: HTML the browser document starts from.
    pub html_fixture: Option<String>,
    /// The file name shown in tracebacks and stack traces.
    pub file_name: String,
    /// Steps from this one on are recorded in full again, after the summarised middle
    /// of a long run (a simulator sets it when it re-runs a run it found too long).
    #[serde(default)]
    pub detail_from: Option<u32>,
}
