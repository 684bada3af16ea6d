//! The interpreter: the [`Vm`] owns the heap, the interned strings, the module table,
//! the collector's state, output buffers and the trace recorder.
//!
//! `eval.rs` runs frames; `call.rs` calls callables and binds arguments; `attr.rs` is
//! attribute lookup with descriptors; `ops.rs` the operator protocols; `class.rs` class
//! creation; `alloc.rs` object constructors; `exc.rs` exceptions; `iterate.rs` the
//! iteration protocol; `generator.rs` generators.

pub mod alloc;
pub mod attr;
pub mod call;
pub mod calltemps;
pub mod class;
pub mod code;
pub mod coroutine;
pub mod eval;
pub mod exc;
pub mod frame;
pub mod generator;
pub mod hashing;
pub mod iterate;
pub mod matching;
pub mod number;
pub mod ops;
pub mod setup;
pub mod sizeof;
pub mod textio;

use crate::heap::Heap;
use crate::trace::Recorder;
use crate::value::{ObjRef, Value};
use gen_trace::Limits;
use std::collections::HashMap;
use std::rc::Rc;

/// The state of the cyclic collector (`struct _gc_runtime_state`).
#[derive(Debug)]
pub struct GcState {
    pub enabled: bool,
    pub thresholds: [i64; 3],
    pub counts: [i64; 3],
    pub collecting: bool,
    pub long_lived_total: usize,
    pub long_lived_pending: usize,
    pub debug: u32,
    /// `gc.garbage` (a list).
    pub garbage: ObjRef,
    /// `gc.callbacks` (a list).
    pub callbacks: ObjRef,
    /// Per generation: collections, collected, uncollectable.
    pub stats: [(u64, u64, u64); 3],
    /// Free-list occupancy of lists, dicts and tuples by size: an allocation served from a
    /// free list does not count towards generation 0, as in CPython.
    pub free_lists: FreeLists,
}

/// CPython's free lists for the GC-tracked containers it recycles.
#[derive(Debug, Clone, Default)]
pub struct FreeLists {
    pub list: u32,
    pub dict: u32,
    pub tuple: [u32; 20],
}

/// One entry of the method cache (type, name, epoch) → lookup result.
#[derive(Clone, Copy, Debug)]
pub struct CacheEntry {
    pub ty: u32,
    pub name: u32,
    pub epoch: u32,
    pub value: Value,
}

pub const MCACHE_SIZE: usize = 4096;

/// A module registered for import.
#[derive(Clone, Copy)]
pub struct ModuleDef {
    pub name: &'static str,
    /// Adds native members to the module's dict.
    pub init: Option<fn(&mut Vm, ObjRef) -> crate::PResult<()>>,
    /// Python source run in the module's namespace after `init`.
    pub source: Option<&'static str>,
}

/// What the interpreter records of a tracemalloc session.
#[derive(Debug)]
pub struct TraceMalloc {
    pub tracing: bool,
    /// The traceback limit (`tracemalloc.start(nframe)`).
    pub frames: u32,
    /// Bytes of traced objects, counted at allocation and at free.
    pub running: i64,
    pub peak: i64,
    /// Each traced object: its size at allocation and the line that allocated it.
    pub traces: HashMap<ObjRef, (u64, u32)>,
}

impl Default for TraceMalloc {
    fn default() -> Self {
        TraceMalloc {
            tracing: false,
            frames: 1,
            running: 0,
            peak: 0,
            traces: HashMap::new(),
        }
    }
}

pub struct Vm {
    pub heap: Heap,
    /// Interned strings by text (FxHash, sized for the ~500 names start-up interns).
    pub interned: rustc_hash::FxHashMap<Box<str>, ObjRef>,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub stdout: String,
    pub stderr: String,
    /// Next identity tag for ints and floats.
    pub tag: u32,
    pub steps: u64,
    /// The line of the snippet last started (allocation sites for tracemalloc).
    pub line: u32,
    pub limits: Limits,
    pub depth: u32,
    pub recursion_limit: u32,
    /// `sys.get_int_max_str_digits()`: the most decimal digits an int may have when
    /// converted to or from a string (0: no limit).
    pub int_max_str_digits: usize,
    /// Exceptions being handled (innermost last); generators push their own.
    pub exc_info: Vec<Value>,
    pub gc: GcState,
    /// Weak references to each object, oldest basic reference first (CPython's list).
    pub weaklists: HashMap<ObjRef, Vec<ObjRef>>,
    pub mcache: Vec<CacheEntry>,
    pub type_epoch: u32,
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
    pub empty_tuple: ObjRef,
    pub empty_str: ObjRef,
    pub empty_bytes: ObjRef,
    /// One-character Latin-1 strings (CPython caches them).
    pub char_cache: Vec<Option<ObjRef>>,
    pub trace: Recorder,
    /// Source text per file name, for tracebacks.
    pub sources: HashMap<Rc<str>, Rc<str>>,
    pub registry: Vec<ModuleDef>,
    /// Deferred deallocations (CPython's trashcan) and the current dealloc depth.
    pub trash: Vec<ObjRef>,
    pub dealloc_depth: u32,
    /// Native recursion depth (repr, comparisons) for RecursionError.
    pub native_depth: u32,
    /// Containers whose repr is being built (cycle detection).
    pub repr_stack: Vec<ObjRef>,
    /// `Py_ReprEnter` has made the thread-state dict and its repr list.
    pub repr_state_made: bool,
    /// `print`'s argument parser has built its keyword-name tuple.
    pub print_parser_ready: bool,
    /// `sys.stdout`'s queued text (see [`textio`]).
    pub stdout_pending: textio::StdoutPending,
    /// Types created by native modules, by `module.name`.
    pub native_types: HashMap<String, ObjRef>,
    pub atexit: Vec<(Value, Vec<Value>)>,
    pub tracemalloc: TraceMalloc,
    /// Live-object budget derived from the memory limit.
    pub max_objects: usize,
    pub main_module: Option<ObjRef>,
    pub file_name: Rc<str>,
    /// Raised when a budget of the simulator runs out.
    pub limit_hit: Option<String>,
    /// An `unsupported` raised where it could not propagate (a finalizer).
    pub pending_unsupported: Option<(String, Option<(u32, u32)>)>,
}

impl Vm {
    /// A fresh interpreter with built-ins and the module registry installed.
    pub fn new(limits: Limits, file_name: &str) -> Self {
        let mut vm = Vm {
            heap: Heap::new(),
            interned: rustc_hash::FxHashMap::with_capacity_and_hasher(1024, Default::default()),
            builtins: ObjRef(0),
            modules: ObjRef(0),
            stdout: String::new(),
            stderr: String::new(),
            tag: 1,
            steps: 0,
            line: 0,
            limits,
            depth: 0,
            recursion_limit: 1000,
            int_max_str_digits: 4300,
            exc_info: Vec::new(),
            gc: GcState {
                enabled: true,
                thresholds: [700, 10, 10],
                counts: [0; 3],
                collecting: false,
                long_lived_total: 0,
                long_lived_pending: 0,
                debug: 0,
                garbage: ObjRef(0),
                callbacks: ObjRef(0),
                stats: [(0, 0, 0); 3],
                free_lists: FreeLists::default(),
            },
            weaklists: HashMap::new(),
            mcache: vec![
                CacheEntry {
                    ty: u32::MAX,
                    name: 0,
                    epoch: 0,
                    value: Value::Null
                };
                MCACHE_SIZE
            ],
            type_epoch: 1,
            not_implemented: ObjRef(0),
            ellipsis: ObjRef(0),
            empty_tuple: ObjRef(0),
            empty_str: ObjRef(0),
            empty_bytes: ObjRef(0),
            char_cache: vec![None; 256],
            trace: Recorder::default(),
            sources: HashMap::new(),
            registry: Vec::new(),
            trash: Vec::new(),
            dealloc_depth: 0,
            native_depth: 0,
            repr_stack: Vec::new(),
            repr_state_made: false,
            print_parser_ready: false,
            stdout_pending: textio::StdoutPending::default(),
            native_types: HashMap::new(),
            atexit: Vec::new(),
            tracemalloc: TraceMalloc::default(),
            max_objects: (limits.max_heap_bytes / 64) as usize,
            main_module: None,
            file_name: file_name.into(),
            limit_hit: None,
            pending_unsupported: None,
        };
        vm.setup();
        vm
    }

    /// A new int value: small ints come from the cache, others get a fresh identity.
    #[inline]
    pub fn int(&mut self, v: i64) -> Value {
        if crate::value::is_small_int(v) {
            Value::Int(v, 0)
        } else {
            self.tag = self.tag.wrapping_add(1).max(1);
            Value::Int(v, self.tag)
        }
    }

    /// A new float value with a fresh identity.
    #[inline]
    pub fn float(&mut self, v: f64) -> Value {
        self.tag = self.tag.wrapping_add(1).max(1);
        Value::Float(v, self.tag)
    }

    /// The type object of a value.
    #[inline]
    pub fn type_of(&self, v: Value) -> ObjRef {
        use crate::types as t;
        match v {
            Value::Obj(r) => self.heap.ty(r),
            Value::Int(..) => t::INT,
            Value::Float(..) => t::FLOAT,
            Value::Bool(_) => t::BOOL,
            Value::None => t::NONE_TYPE,
            Value::Null => t::NONE_TYPE,
        }
    }

    /// The `__name__` of a type.
    pub fn type_name(&self, t: ObjRef) -> String {
        match self.heap.kind(t) {
            crate::objects::Kind::Type(ty) => ty.name.clone(),
            _ => "?".into(),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name_of(&self, v: Value) -> String {
        self.type_name(self.type_of(v))
    }
}
