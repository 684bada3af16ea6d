//! The virtual machine: frames, the realm's intrinsic objects, calls and construction,
//! error creation with V8's messages, and the run budget (steps, call depth).

mod exec;
pub mod iter;
pub mod ops;
pub mod props;
mod proxy;
pub mod stack;

use crate::code::FnCode;
use crate::heap::{Closure, Heap, Kind, Native, NativeCall, NativeFnPtr, Prop};
use crate::value::{JsStr, ObjRef, PropKey, Value};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// An abrupt completion: a JavaScript exception, or the end of the simulation.
#[derive(Debug, Clone)]
pub enum Throw {
    Js(Value),
    /// A feature the simulator does not model (`feature`, line, col).
    Unsupported(String, u32, u32),
    /// A budget of the simulator was exhausted.
    Limit(String),
    /// A generator's `return(value)` unwinding through its `finally` blocks.
    GenReturn(Value),
    /// `process.exit(code)`: the program stops.
    Exit(i32),
}

pub type Res<T> = Result<T, Throw>;

/// An exception handler inside a frame.
#[derive(Debug, Clone)]
pub struct Handler {
    pub pc: u32,
    pub stack_len: usize,
    pub ctx: Option<ObjRef>,
    /// A `finally` (or iterator-closing) handler: it also runs on a generator return.
    pub finally: bool,
}

/// One activation of a compiled function.
#[derive(Clone, Debug)]
pub struct Frame {
    pub code: Arc<FnCode>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    pub ctx: Option<ObjRef>,
    pub handlers: Vec<Handler>,
    pub this: Value,
    pub args: Vec<Value>,
    pub callee: Option<ObjRef>,
    pub new_target: Option<ObjRef>,
    pub home: Option<ObjRef>,
    /// The value of a generator return in progress while its `finally` blocks run.
    pub pending_return: Option<Value>,
}

impl Frame {
    /// The (line, column) of the instruction the frame is at.
    pub fn pos(&self) -> (u32, u32) {
        self.code
            .pos
            .get(self.pc.saturating_sub(1))
            .copied()
            .unwrap_or((1, 1))
    }

    /// Calls `f` for every object the frame references.
    pub fn for_each_obj(&self, mut f: impl FnMut(ObjRef)) {
        let vals = self
            .stack
            .iter()
            .chain(self.locals.iter())
            .chain(self.args.iter())
            .chain(std::iter::once(&self.this))
            .chain(self.pending_return.iter());
        for v in vals {
            if let Value::Obj(o) = v {
                f(*o);
            }
        }
        self.ctx
            .into_iter()
            .chain(self.callee)
            .chain(self.new_target)
            .chain(self.home)
            .for_each(&mut f);
        self.handlers.iter().filter_map(|h| h.ctx).for_each(f);
    }
}

/// The intrinsic objects of the realm.
#[derive(Debug, Default, Clone)]
pub struct Realm {
    pub global: ObjRef,
    pub object_proto: ObjRef,
    pub function_proto: ObjRef,
    pub array_proto: ObjRef,
    pub string_proto: ObjRef,
    pub number_proto: ObjRef,
    pub boolean_proto: ObjRef,
    pub symbol_proto: ObjRef,
    pub bigint_proto: ObjRef,
    pub error_proto: ObjRef,
    pub errors: HashMap<&'static str, ObjRef>,
    pub iterator_proto: ObjRef,
    pub array_iter_proto: ObjRef,
    pub generator_proto: ObjRef,
    pub async_generator_proto: ObjRef,
    pub async_iterator_proto: ObjRef,
    pub promise_proto: ObjRef,
    pub promise_ctor: ObjRef,
    pub map_proto: ObjRef,
    pub set_proto: ObjRef,
    pub weakmap_proto: ObjRef,
    pub weakset_proto: ObjRef,
    pub weakref_proto: ObjRef,
    pub finreg_proto: ObjRef,
    pub date_proto: ObjRef,
    pub regexp_proto: ObjRef,
    pub array_ctor: ObjRef,
    pub object_ctor: ObjRef,
    pub function_ctor: ObjRef,
    pub node_proto: ObjRef,
    pub element_proto: ObjRef,
    pub event_proto: ObjRef,
    pub async_function_proto: ObjRef,
    pub generator_function_proto: ObjRef,
    pub async_generator_function_proto: ObjRef,
    pub map_iter_proto: ObjRef,
    pub set_iter_proto: ObjRef,
    pub string_iter_proto: ObjRef,
    pub regexp_string_iter_proto: ObjRef,
    pub timeout_proto: ObjRef,
    pub immediate_proto: ObjRef,
    pub array_buffer_proto: ObjRef,
    pub url_proto: ObjRef,
    /// Intl.Collator, NumberFormat, DateTimeFormat, PluralRules, RelativeTimeFormat,
    /// ListFormat and Segmenter prototypes, in that order.
    pub intl_protos: Vec<ObjRef>,
    pub search_params_proto: ObjRef,
    /// The prototypes of Int8Array ... BigUint64Array, in `TaKind` order.
    pub typed_protos: Vec<ObjRef>,
    pub dataview_proto: ObjRef,
    /// Node's Buffer.prototype.
    pub node_buffer_proto: ObjRef,
    /// Further intrinsics (iterator prototypes, typed-array prototypes...).
    pub extra: Vec<ObjRef>,
}

impl Realm {
    /// The intrinsic prototypes and constructors (GC roots).
    pub fn intrinsics(&self) -> Vec<ObjRef> {
        let mut v = self.intl_protos.clone();
        v.extend([
            self.object_proto,
            self.function_proto,
            self.array_proto,
            self.string_proto,
            self.number_proto,
            self.boolean_proto,
            self.symbol_proto,
            self.bigint_proto,
            self.error_proto,
            self.iterator_proto,
            self.array_iter_proto,
            self.generator_proto,
            self.async_generator_proto,
            self.async_iterator_proto,
            self.promise_proto,
            self.promise_ctor,
            self.map_proto,
            self.set_proto,
            self.weakmap_proto,
            self.weakset_proto,
            self.weakref_proto,
            self.finreg_proto,
            self.date_proto,
            self.regexp_proto,
            self.array_ctor,
            self.object_ctor,
            self.function_ctor,
            self.node_proto,
            self.element_proto,
            self.event_proto,
        ]);
        v.extend(self.errors.values().copied());
        v.extend(self.extra.iter().copied());
        v
    }
}

/// Well-known symbols (indices into the symbol table).
pub mod sym {
    pub const ITERATOR: u32 = 0;
    pub const ASYNC_ITERATOR: u32 = 1;
    pub const HAS_INSTANCE: u32 = 2;
    pub const TO_PRIMITIVE: u32 = 3;
    pub const TO_STRING_TAG: u32 = 4;
    pub const INSPECT: u32 = 5;
    pub const SPECIES: u32 = 6;
    pub const IS_CONCAT_SPREADABLE: u32 = 7;
    pub const MATCH: u32 = 9;
    pub const MATCH_ALL: u32 = 10;
    pub const REPLACE: u32 = 11;
    pub const SEARCH: u32 = 12;
    pub const SPLIT: u32 = 13;
    /// Descriptions of the well-known symbols, in index order.
    pub const NAMES: [&str; 14] = [
        "Symbol.iterator",
        "Symbol.asyncIterator",
        "Symbol.hasInstance",
        "Symbol.toPrimitive",
        "Symbol.toStringTag",
        "nodejs.util.inspect.custom",
        "Symbol.species",
        "Symbol.isConcatSpreadable",
        "Symbol.unscopables",
        "Symbol.match",
        "Symbol.matchAll",
        "Symbol.replace",
        "Symbol.search",
        "Symbol.split",
    ];
}

/// The interpreter.
#[derive(Clone)]
pub struct Vm {
    pub heap: Heap,
    pub frames: Vec<Frame>,
    pub realm: Realm,
    /// Symbol descriptions (None = `Symbol()`).
    pub symbols: Vec<Option<JsStr>>,
    pub symbol_registry: HashMap<JsStr, u32>,
    pub stdout: String,
    pub stderr: String,
    pub steps: u64,
    pub max_steps: u64,
    pub depth: u32,
    pub native_depth: u32,
    /// Math.random's xorshift128+ state.
    pub rng: [u64; 2],
    pub events: crate::event_loop::Loop,
    pub template_cache: HashMap<(usize, u32), ObjRef>,
    pub trace: crate::trace::Recorder,
    /// Set by `gc()` or allocation pressure; served at the next safe point.
    pub gc_pending: Option<crate::gc::GcKind>,
    pub browser: bool,
    pub dom: crate::dom::DomState,
    /// Objects kept alive until the end of the current job (WeakRef.deref targets).
    pub kept_alive: Vec<ObjRef>,
    /// Arrays being joined (`Array.prototype.join` prints a cycle as empty).
    pub join_stack: Vec<ObjRef>,
    pub file_name: String,
    /// The program's source (for error reports).
    pub source: String,
    /// The first uncaught error: its `Name: message` line and where it was thrown.
    pub first_error: Option<(String, Option<gen_trace::Pos>)>,
    /// The exception in flight and where it was thrown (its innermost frame).
    pub error_pos: Option<(Value, (u32, u32))>,
    pub max_virtual_ms: u64,
    pub max_heap_bytes: u64,
    /// A classic script's top-level `let`/`const`/`class` bindings, which outlive it
    /// (the page's script scope).
    pub script_scope: Vec<(JsStr, Value)>,
    /// Objects a native holds while it calls back into JavaScript (GC roots).
    pub temp_roots: Vec<ObjRef>,
    /// Console groups, counters and timers.
    pub console: crate::builtins::console::ConsoleState,
    /// The `refed` and (private) `timerId` symbols of Node's Timeout objects.
    pub timer_symbols: [u32; 2],
    /// The `util.inspect` function, once created.
    pub util_inspect: Option<ObjRef>,
    /// `require` results by module name.
    pub module_cache: HashMap<String, Value>,
    /// `process.on(...)` listeners: (event, listener, once).
    pub process_listeners: Vec<(JsStr, Value, bool)>,
    /// Symbols that are class private names (`#x`): never own keys.
    pub private_symbols: std::collections::HashSet<u32>,
    /// Global object keys present before the program ran (built-ins).
    pub builtin_globals: std::collections::HashSet<PropKey>,
    /// Built-ins being called, for their lines in stack traces.
    pub native_frames: Vec<stack::NativeFrame>,
    /// What Node is running the program's code for (the frames below it in a stack).
    pub origin: stack::Origin,
    /// Who drains the tick and microtask queues at the moment.
    pub checkpoint: stack::Checkpoint,
    /// Inside Node's `processTicksAndRejections` (ticks were pending when the queues
    /// were drained).
    pub in_tick_processing: bool,
    /// A tick is queued: a `process.nextTick` callback, or the write callback Node
    /// queues after each write to stdout or stderr.
    pub tick_pending: bool,
    /// The async function a microtask is resuming (its awaiters are the async part of
    /// a stack trace).
    pub resuming_async: Option<ObjRef>,
    /// The last `SyntaxError` of `JSON.parse` (until a parse succeeds): Node's report of
    /// it uncaught shows the JSON text.
    pub json_error: Option<JsonError>,
}

/// A `JSON.parse` syntax error, with the text and the character offset where it was
/// found.
#[derive(Clone, Debug)]
pub struct JsonError {
    pub error: ObjRef,
    /// The error object's stable id, so a reused heap slot is not taken for it.
    pub id: u64,
    pub text: String,
    pub at: usize,
}

/// Maximum nesting of JavaScript calls before `RangeError: Maximum call stack size exceeded`.
pub const MAX_DEPTH: u32 = 1800;

impl Vm {
    pub fn new(browser: bool, limits: &gen_trace::Limits, file_name: &str) -> Vm {
        let mut vm = Vm {
            heap: Heap::default(),
            frames: Vec::new(),
            realm: Realm::default(),
            symbols: Vec::new(),
            symbol_registry: HashMap::new(),
            stdout: String::new(),
            stderr: String::new(),
            steps: 0,
            max_steps: limits.max_steps,
            depth: 0,
            native_depth: 0,
            rng: [0x2545_F491_4F6C_DD1D, 0x9E37_79B9_7F4A_7C15],
            events: crate::event_loop::Loop::default(),
            template_cache: HashMap::new(),
            trace: crate::trace::Recorder::default(),
            gc_pending: None,
            browser,
            dom: crate::dom::DomState::default(),
            kept_alive: Vec::new(),
            join_stack: Vec::new(),
            file_name: file_name.to_string(),
            source: String::new(),
            first_error: None,
            error_pos: None,
            max_virtual_ms: limits.max_virtual_ms,
            max_heap_bytes: limits.max_heap_bytes,
            script_scope: Vec::new(),
            temp_roots: Vec::new(),
            builtin_globals: std::collections::HashSet::new(),
            private_symbols: std::collections::HashSet::new(),
            util_inspect: None,
            console: Default::default(),
            timer_symbols: [0, 0],
            native_frames: Vec::new(),
            origin: stack::Origin::Main,
            checkpoint: stack::Checkpoint::Native,
            in_tick_processing: false,
            tick_pending: false,
            resuming_async: None,
            json_error: None,
            module_cache: HashMap::new(),
            process_listeners: Vec::new(),
        };
        for d in sym::NAMES {
            vm.symbols.push(Some(Arc::from(d)));
        }
        vm.symbol_registry
            .insert(Arc::from("nodejs.util.inspect.custom"), sym::INSPECT);
        crate::builtins::install(&mut vm);
        let g = vm.realm.global;
        vm.builtin_globals = vm
            .heap
            .get(g)
            .map(|o| o.props.keys().cloned().collect())
            .unwrap_or_default();
        vm
    }

    /// A fresh interpreter, as [`Vm::new`] makes, cloned from one made once per
    /// environment: installing the built-ins is most of a short snippet's run. The
    /// clone's objects borrow their contents from the template's until written
    /// ([`Heap::share`]), so it costs a pointer per built-in object.
    pub fn prepared(browser: bool, limits: &gen_trace::Limits, file_name: &str) -> Vm {
        let (template, heap) = Vm::template(browser);
        let mut vm = template.clone();
        vm.heap = heap.share();
        vm.max_steps = limits.max_steps;
        vm.max_virtual_ms = limits.max_virtual_ms;
        vm.max_heap_bytes = limits.max_heap_bytes;
        vm.file_name = file_name.to_string();
        vm
    }

    /// The interpreter [`Vm::prepared`] clones for an environment (made on first use)
    /// and its heap.
    pub fn template(browser: bool) -> &'static (Vm, Heap) {
        static NODE: OnceLock<(Vm, Heap)> = OnceLock::new();
        static BROWSER: OnceLock<(Vm, Heap)> = OnceLock::new();
        let template = if browser { &BROWSER } else { &NODE };
        template.get_or_init(|| {
            let mut vm = Vm::new(browser, &gen_trace::Limits::default(), "");
            let heap = std::mem::take(&mut vm.heap);
            (vm, heap)
        })
    }

    /// Prepares the interpreter for the next snippet (fresh output and trace; the
    /// heap, globals and clock stay).
    pub fn begin_run(&mut self, src: &str, options: &gen_trace::RunOptions) {
        self.stdout.clear();
        self.stderr.clear();
        self.first_error = None;
        self.error_pos = None;
        self.steps = 0;
        self.events.hit_time_limit = false;
        self.events.live_at_limit.clear();
        self.trace.begin(options, src);
        self.source = src.to_string();
    }

    // ----- object creation -----

    pub fn alloc(&mut self, proto: Option<ObjRef>, kind: Kind) -> ObjRef {
        let r = self.heap.alloc(proto, kind);
        if self.heap.young_used > crate::gc::YOUNG_SEMISPACE && self.gc_pending.is_none() {
            self.gc_pending = Some(crate::gc::GcKind::Scavenge);
        }
        if self.trace.enabled {
            self.trace_alloc(r);
        }
        r
    }

    pub fn new_object(&mut self) -> ObjRef {
        let p = self.realm.object_proto;
        self.alloc(Some(p), Kind::Ordinary)
    }

    pub fn new_array(&mut self, items: Vec<Value>) -> ObjRef {
        let p = self.realm.array_proto;
        self.alloc(Some(p), Kind::Array(items))
    }

    pub fn array_value(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.new_array(items))
    }

    /// A native function object with `name` and `length`.
    pub fn native(&mut self, name: &str, len: u32, f: NativeFnPtr) -> ObjRef {
        self.native_with(name, len, f, Vec::new(), false)
    }

    pub fn native_with(
        &mut self,
        name: &str,
        len: u32,
        f: NativeFnPtr,
        slots: Vec<Value>,
        ctor: bool,
    ) -> ObjRef {
        let p = self.realm.function_proto;
        let r = self.alloc(Some(p), Kind::Native(Box::new(Native { f, ctor, slots })));
        if let Some(o) = self.heap.get_mut(r) {
            o.props.insert(
                PropKey::s("length"),
                Prop {
                    v: crate::heap::PropVal::Data(Value::Num(len as f64)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
            o.props.insert(
                PropKey::s("name"),
                Prop {
                    v: crate::heap::PropVal::Data(Value::str(name)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
        }
        r
    }

    /// Defines a non-enumerable method on `obj`.
    pub fn method(&mut self, obj: ObjRef, name: &str, len: u32, f: NativeFnPtr) -> ObjRef {
        let fname = if let Some(s) = name.strip_prefix('@') {
            format!("[{s}]")
        } else {
            name.to_string()
        };
        let func = self.native(&fname, len, f);
        let key = self.key_for(name);
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(key, Prop::hidden(Value::Obj(func)));
        }
        func
    }

    /// `@@iterator`-style names map to well-known symbols.
    pub fn key_for(&self, name: &str) -> PropKey {
        if let Some(well_known) = name.strip_prefix('@') {
            if let Some(i) = sym::NAMES.iter().position(|n| *n == well_known) {
                return PropKey::Sym(i as u32);
            }
        }
        PropKey::s(name)
    }

    pub fn set_hidden(&mut self, obj: ObjRef, name: &str, v: Value) {
        let key = self.key_for(name);
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(key, Prop::hidden(v));
        }
    }

    /// Defines a non-writable, non-enumerable, non-configurable property (constants).
    pub fn set_const(&mut self, obj: ObjRef, name: &str, v: Value) {
        let key = self.key_for(name);
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(
                key,
                Prop {
                    v: crate::heap::PropVal::Data(v),
                    enumerable: false,
                    writable: false,
                    configurable: false,
                },
            );
        }
    }

    /// Defines `Symbol.toStringTag` (read-only, configurable).
    pub fn set_tag(&mut self, obj: ObjRef, tag: &str) {
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(
                PropKey::Sym(sym::TO_STRING_TAG),
                Prop {
                    v: crate::heap::PropVal::Data(Value::str(tag)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
        }
    }

    /// Defines a non-enumerable property by key.
    pub fn set_hidden_key(&mut self, obj: ObjRef, key: PropKey, v: Value) {
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(key, Prop::hidden(v));
        }
    }

    pub fn set_prop_raw(&mut self, obj: ObjRef, name: &str, v: Value) {
        if let Some(o) = self.heap.get_mut(obj) {
            o.props.insert(PropKey::s(name), Prop::data(v));
        }
    }

    /// The symbol `Symbol.for(key)` returns.
    pub fn registered_symbol(&mut self, key: &str) -> u32 {
        if let Some(s) = self.symbol_registry.get(key) {
            return *s;
        }
        let k: JsStr = Arc::from(key);
        let s = self.new_symbol(Some(k.clone()));
        self.symbol_registry.insert(k, s);
        s
    }

    pub fn is_private_symbol(&self, s: u32) -> bool {
        self.private_symbols.contains(&s)
    }

    pub fn new_symbol(&mut self, desc: Option<JsStr>) -> u32 {
        self.symbols.push(desc);
        self.symbols.len() as u32 - 1
    }

    // ----- errors -----

    /// Creates an error object of the named constructor (`TypeError`...).
    pub fn make_error(&mut self, name: &str, msg: &str) -> Value {
        let proto = self
            .realm
            .errors
            .get(name)
            .copied()
            .unwrap_or(self.realm.error_proto);
        let frames = self.stack_frames();
        let e = self.error_with_frames(proto, frames);
        self.set_hidden(e, "message", Value::str(msg));
        Value::Obj(e)
    }

    /// An error object made by a built-in constructor (`new Error()`), with the call
    /// stack captured below that constructor; its `stack` string is formatted on first
    /// access, as V8 does (so a `name` set in a subclass constructor shows in it).
    pub fn new_error_object(&mut self, proto: ObjRef) -> ObjRef {
        let frames = self.caller_stack_frames();
        self.error_with_frames(proto, frames)
    }

    fn error_with_frames(&mut self, proto: ObjRef, frames: String) -> ObjRef {
        let e = self.alloc(Some(proto), Kind::Error(Some(frames.into())));
        if let Some(o) = self.heap.get_mut(e) {
            o.props
                .insert(PropKey::s("stack"), Prop::hidden(Value::Empty));
        }
        e
    }

    /// Formats a pending `stack`: `Name: message` plus the captured frames.
    pub fn materialize_stack(&mut self, e: ObjRef) -> Res<()> {
        let frames = match self.heap.get_mut(e).map(|o| &mut o.kind) {
            Some(Kind::Error(f)) => f.take(),
            _ => None,
        };
        let Some(frames) = frames else { return Ok(()) };
        let header = crate::builtins::object::error_header(self, e)?;
        if let Some(o) = self.heap.get_mut(e) {
            if let Some(p) = o.props.get_mut(&PropKey::s("stack")) {
                if matches!(p.v, crate::heap::PropVal::Data(Value::Empty)) {
                    p.v = crate::heap::PropVal::Data(Value::str(&format!("{header}{frames}")));
                }
            }
        }
        Ok(())
    }

    pub fn throw_error(&mut self, name: &str, msg: &str) -> Throw {
        Throw::Js(self.make_error(name, msg))
    }

    pub fn type_error(&mut self, msg: &str) -> Throw {
        self.throw_error("TypeError", msg)
    }

    pub fn range_error(&mut self, msg: &str) -> Throw {
        self.throw_error("RangeError", msg)
    }

    pub fn unsupported(&self, feature: &str) -> Throw {
        let (line, col) = self.cur_pos();
        Throw::Unsupported(feature.to_string(), line, col)
    }

    /// Source position of the instruction being executed.
    pub fn cur_pos(&self) -> (u32, u32) {
        self.frames.last().map_or((1, 1), Frame::pos)
    }

    // ----- calls -----

    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match self.heap.kind(*o) {
                Some(Kind::Function(_) | Kind::Native(_) | Kind::Bound(_)) => true,
                Some(Kind::Proxy(p)) => p.callable,
                _ => false,
            },
            _ => false,
        }
    }

    pub fn is_constructor(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match self.heap.kind(*o) {
                Some(Kind::Function(c)) => {
                    let f = c.code.flags;
                    !(f.arrow || f.method || f.generator || f.is_async || f.getter || f.setter)
                }
                Some(Kind::Native(n)) => n.ctor,
                Some(Kind::Bound(b)) => self.is_constructor(&Value::Obj(b.0)),
                Some(Kind::Proxy(p)) => p.constructor,
                _ => false,
            },
            _ => false,
        }
    }

    /// Calls `f` with `this` and `args`.
    pub fn call(&mut self, f: &Value, this: Value, args: Vec<Value>) -> Res<Value> {
        self.call_desc(f, this, args, None)
    }

    pub fn call_desc(
        &mut self,
        f: &Value,
        this: Value,
        args: Vec<Value>,
        desc: Option<&str>,
    ) -> Res<Value> {
        let Value::Obj(fo) = f else {
            return Err(self.not_a_function(f, desc));
        };
        let fo = *fo;
        enum K {
            Closure(Arc<FnCode>, Option<ObjRef>, Option<ObjRef>),
            Native(NativeFnPtr),
            Bound(ObjRef, Value, Vec<Value>),
            Proxy,
            No,
        }
        let k = match self.heap.kind(fo) {
            Some(Kind::Function(c)) => K::Closure(c.code.clone(), c.env, c.home),
            Some(Kind::Native(n)) => K::Native(n.f),
            Some(Kind::Bound(b)) => K::Bound(b.0, b.1.clone(), b.2.clone()),
            Some(Kind::Proxy(p)) if p.callable => K::Proxy,
            _ => K::No,
        };
        match k {
            K::Closure(code, env, home) => {
                if code.flags.class_ctor {
                    let msg = format!(
                        "Class constructor {} cannot be invoked without 'new'",
                        code.name
                    );
                    return Err(self.type_error(&msg));
                }
                let this = match this {
                    _ if code.flags.strict || code.flags.arrow => this,
                    Value::Undefined | Value::Null => Value::Obj(self.realm.global),
                    Value::Obj(_) => this,
                    prim => Value::Obj(crate::builtins::object::to_object(self, &prim)?),
                };
                self.call_closure(fo, code, env, home, this, args, None)
            }
            K::Native(nf) => {
                self.enter()?;
                self.native_depth += 1;
                self.native_frames.push(stack::NativeFrame {
                    above: self.frames.len(),
                    callee: fo,
                    this: this.clone(),
                    construct: false,
                });
                let call = NativeCall {
                    this,
                    args,
                    callee: fo,
                    new_target: None,
                };
                let r = nf(self, &call);
                self.native_frames.pop();
                self.native_depth -= 1;
                self.depth -= 1;
                r
            }
            K::Bound(target, bthis, mut bargs) => {
                bargs.extend(args);
                self.call(&Value::Obj(target), bthis, bargs)
            }
            K::Proxy => {
                let Some((target, handler, trap)) = self.proxy_trap(fo, "apply")? else {
                    return Err(self.not_a_function(f, desc));
                };
                if trap.is_nullish() {
                    return self.call(&Value::Obj(target), this, args);
                }
                let arr = self.array_value(args);
                self.call(
                    &trap,
                    Value::Obj(handler),
                    vec![Value::Obj(target), this, arr],
                )
            }
            K::No => Err(self.not_a_function(f, desc)),
        }
    }

    pub fn not_a_function(&mut self, f: &Value, desc: Option<&str>) -> Throw {
        let d = match desc {
            Some(d) if !d.is_empty() => d.to_string(),
            _ => self.short_display(f),
        };
        self.type_error(&format!("{d} is not a function"))
    }

    /// How V8 names a value in messages such as `x is not iterable`.
    pub fn short_display(&mut self, v: &Value) -> String {
        match v {
            Value::Str(s) => format!("\"{s}\""),
            Value::Obj(_) => {
                if self.is_callable(v) {
                    "function".into()
                } else {
                    "object".into()
                }
            }
            other => self.to_display(other),
        }
    }

    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        Ok(())
    }

    /// Builds the frame of a closure call.
    #[allow(clippy::too_many_arguments)]
    pub fn make_frame(
        &mut self,
        callee: ObjRef,
        code: Arc<FnCode>,
        env: Option<ObjRef>,
        home: Option<ObjRef>,
        this: Value,
        args: Vec<Value>,
        new_target: Option<ObjRef>,
    ) -> Frame {
        Frame {
            locals: vec![Value::Undefined; code.locals as usize],
            stack: Vec::with_capacity(8),
            pc: 0,
            ctx: env,
            handlers: Vec::new(),
            this,
            args,
            callee: Some(callee),
            new_target,
            home,
            code,
            pending_return: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn call_closure(
        &mut self,
        callee: ObjRef,
        code: Arc<FnCode>,
        env: Option<ObjRef>,
        home: Option<ObjRef>,
        this: Value,
        args: Vec<Value>,
        new_target: Option<ObjRef>,
    ) -> Res<Value> {
        let flags = code.flags;
        let frame = self.make_frame(callee, code, env, home, this, args, new_target);
        if flags.generator {
            return Ok(self.new_generator(frame));
        }
        if flags.is_async {
            return self.start_async(frame);
        }
        self.enter()?;
        self.frames.push(frame);
        let r = self.run_frame();
        self.trace_return();
        self.frames.pop();
        self.depth -= 1;
        match r? {
            exec::Completion::Return(v) => Ok(v),
            exec::Completion::Yield(_) | exec::Completion::Await(_) => {
                Err(self.unsupported("yield outside a generator"))
            }
        }
    }

    /// `new f(...args)`.
    pub fn construct(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        new_target: Option<ObjRef>,
        desc: Option<&str>,
    ) -> Res<Value> {
        if !self.is_constructor(f) {
            let d = match desc {
                Some(d) if !d.is_empty() => d.to_string(),
                _ => self.short_display(f),
            };
            return Err(self.type_error(&format!("{d} is not a constructor")));
        }
        let Value::Obj(fo) = f else {
            return Err(self.type_error("not a constructor"));
        };
        let fo = *fo;
        let nt = new_target.unwrap_or(fo);
        enum K {
            Closure(Arc<FnCode>, Option<ObjRef>, Option<ObjRef>),
            Native(NativeFnPtr),
            Bound(ObjRef, Vec<Value>),
            Proxy,
        }
        let k = match self.heap.kind(fo) {
            Some(Kind::Function(c)) => K::Closure(c.code.clone(), c.env, c.home),
            Some(Kind::Native(n)) => K::Native(n.f),
            Some(Kind::Bound(b)) => K::Bound(b.0, b.2.clone()),
            Some(Kind::Proxy(_)) => K::Proxy,
            _ => return Err(self.type_error("not a constructor")),
        };
        match k {
            K::Closure(code, env, home) => {
                let derived = code.flags.derived;
                let this = if derived {
                    Value::Empty
                } else {
                    let proto = self.proto_from_ctor(nt)?;
                    Value::Obj(self.alloc(Some(proto), Kind::Ordinary))
                };
                let r = self.call_closure(fo, code, env, home, this.clone(), args, Some(nt))?;
                match r {
                    Value::Obj(_) => Ok(r),
                    _ if derived => Err(self.throw_error("ReferenceError", "Must call super constructor in derived class before accessing 'this' or returning from derived constructor")),
                    _ => Ok(this),
                }
            }
            K::Native(nf) => {
                self.enter()?;
                self.native_depth += 1;
                self.native_frames.push(stack::NativeFrame {
                    above: self.frames.len(),
                    callee: fo,
                    this: Value::Undefined,
                    construct: true,
                });
                let call = NativeCall {
                    this: Value::Undefined,
                    args,
                    callee: fo,
                    new_target: Some(nt),
                };
                let r = nf(self, &call);
                self.native_frames.pop();
                self.native_depth -= 1;
                self.depth -= 1;
                r
            }
            K::Bound(target, mut bargs) => {
                bargs.extend(args);
                let nt = if nt == fo { target } else { nt };
                self.construct(&Value::Obj(target), bargs, Some(nt), desc)
            }
            K::Proxy => {
                let Some((target, handler, trap)) = self.proxy_trap(fo, "construct")? else {
                    return Err(self.type_error("not a constructor"));
                };
                if trap.is_nullish() {
                    let nt = if nt == fo { target } else { nt };
                    return self.construct(&Value::Obj(target), args, Some(nt), desc);
                }
                let arr = self.array_value(args);
                let r = self.call(
                    &trap,
                    Value::Obj(handler),
                    vec![Value::Obj(target), arr, Value::Obj(nt)],
                )?;
                if !matches!(r, Value::Obj(_)) {
                    return Err(self.type_error("proxy [[Construct]] must return an object"));
                }
                Ok(r)
            }
        }
    }

    /// `newTarget.prototype`, or Object.prototype when it is not an object.
    pub fn proto_from_ctor(&mut self, nt: ObjRef) -> Res<ObjRef> {
        let p = self.get(&Value::Obj(nt), &PropKey::s("prototype"))?;
        Ok(p.as_obj().unwrap_or(self.realm.object_proto))
    }

    /// The prototype for a built-in constructed with `new_target` (subclassing).
    pub fn proto_for(&mut self, call: &NativeCall, default: ObjRef) -> Res<ObjRef> {
        match call.new_target {
            Some(nt) if nt != call.callee => self.proto_from_ctor(nt),
            _ => Ok(default),
        }
    }

    /// Counts one interpreter step against the budget.
    pub fn step(&mut self) -> Res<()> {
        self.steps += 1;
        if self.steps > self.max_steps {
            return Err(Throw::Limit(format!(
                "step limit of {} reached",
                self.max_steps
            )));
        }
        if gen_trace::memory::exhausted() {
            let budget = gen_trace::memory::budget_for(self.max_heap_bytes);
            return Err(Throw::Limit(format!(
                "memory limit of {} MiB reached",
                budget >> 20
            )));
        }
        Ok(())
    }

    /// Math.random: V8's xorshift128+ from a fixed seed (deterministic output).
    pub fn random(&mut self) -> f64 {
        let [mut s1, s0] = self.rng;
        self.rng[0] = s0;
        s1 ^= s1 << 23;
        s1 ^= s1 >> 17;
        s1 ^= s0;
        s1 ^= s0 >> 26;
        self.rng[1] = s1;
        f64::from_bits((self.rng[0] >> 12) | 0x3FF0_0000_0000_0000) - 1.0
    }

    pub fn closure_obj(
        &mut self,
        code: Arc<FnCode>,
        env: Option<ObjRef>,
        home: Option<ObjRef>,
    ) -> ObjRef {
        let flags = code.flags;
        let fp = match (flags.is_async, flags.generator) {
            (true, true) => self.realm.async_generator_function_proto,
            (true, false) => self.realm.async_function_proto,
            (false, true) => self.realm.generator_function_proto,
            _ => self.realm.function_proto,
        };
        let name = code.name.clone();
        let len = code.length;
        let r = self.alloc(
            Some(fp),
            Kind::Function(Box::new(Closure {
                code,
                env,
                home,
                field_init: None,
            })),
        );
        if let Some(o) = self.heap.get_mut(r) {
            o.props.insert(
                PropKey::s("length"),
                Prop {
                    v: crate::heap::PropVal::Data(Value::Num(len as f64)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
            o.props.insert(
                PropKey::s("name"),
                Prop {
                    v: crate::heap::PropVal::Data(Value::Str(name)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
        }
        let needs_proto =
            !(flags.arrow || flags.method || flags.is_async || flags.getter || flags.setter)
                || flags.generator;
        if needs_proto {
            let pp = match (flags.generator, flags.is_async) {
                (true, true) => self.realm.async_generator_proto,
                (true, false) => self.realm.generator_proto,
                _ => self.realm.object_proto,
            };
            let proto = self.alloc(Some(pp), Kind::Ordinary);
            if !flags.generator {
                if let Some(o) = self.heap.get_mut(proto) {
                    o.props
                        .insert(PropKey::s("constructor"), Prop::hidden(Value::Obj(r)));
                }
            }
            if let Some(o) = self.heap.get_mut(r) {
                o.props.insert(
                    PropKey::s("prototype"),
                    Prop {
                        v: crate::heap::PropVal::Data(Value::Obj(proto)),
                        enumerable: false,
                        writable: !flags.class_ctor,
                        configurable: false,
                    },
                );
            }
        }
        r
    }
}
