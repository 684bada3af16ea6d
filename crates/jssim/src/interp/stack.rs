//! V8's stack traces as Node 20 prints them: the `at …` lines of `error.stack`.
//!
//! Each JavaScript frame is named as V8's `SerializeJSStackFrame` names it: a method call
//! as `Type.name [as key]` (the receiver's constructor, the function's name, and the
//! property it was found under when that differs), a constructor call as `new C`, a
//! plain call by the function's name, an anonymous function by its bare location. A
//! built-in on the stack is `Array.map (<anonymous>)`. Below the program's frames come
//! the frames of Node's own JavaScript that called into it: the module loader for the
//! main script, the timers list, the immediate queue, the tick and microtask queues
//! ([`Origin`], [`Checkpoint`]). The list stops at `Error.stackTraceLimit` lines.

use super::Vm;
use crate::heap::{Kind, PropVal};
use crate::value::{ObjRef, PropKey, Value};

/// A built-in function being called, for its `at Array.map (<anonymous>)` line.
#[derive(Clone, Debug)]
pub struct NativeFrame {
    /// How many JavaScript frames were on the stack when it was called.
    pub above: usize,
    pub callee: ObjRef,
    pub this: Value,
    pub construct: bool,
}

/// What Node was running when it called into the program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// The main module, called by the CommonJS loader.
    #[default]
    Main,
    /// A `setTimeout`/`setInterval` callback, called by `listOnTimeout`.
    Timer,
    /// A `setImmediate` callback, called by `processImmediate`.
    Immediate,
    /// A `process.nextTick` callback, called by `processTicksAndRejections`.
    Tick,
    /// A promise job (a reaction or an async function resumed after `await`).
    Promise,
    /// A `queueMicrotask` callback, run through an `AsyncResource`.
    QueuedMicrotask,
    /// Anything else Node calls from native code (no JavaScript frames below).
    Native,
}

/// Who is draining the microtask and tick queues: decides the frames below a job.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Checkpoint {
    /// Node's native callback scope closing (after the main script, after the last
    /// timer or immediate of a round): microtasks run with no JavaScript below them,
    /// ticks through `process.processTicksAndRejections`.
    #[default]
    Native,
    /// `runNextTicks()` between two timers of the same list (`listOnTimeout`).
    TimerList,
    /// `runNextTicks()` between two timer lists (`processTimers`).
    Timers,
    /// `runNextTicks()` between two immediates (`processImmediate`).
    Immediates,
}

/// The stack of a syntax error in the main script: Node's loader compiling it.
pub const COMPILE_FRAMES: &str = "\n    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\
\n    at Module._compile (node:internal/modules/cjs/loader:1495:20)\
\n    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\
\n    at Module.load (node:internal/modules/cjs/loader:1266:32)\
\n    at Module._load (node:internal/modules/cjs/loader:1091:12)\
\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\
\n    at node:internal/main/run_main_module:28:49";

const MAIN_FRAMES: &[&str] = &[
    "Module._compile (node:internal/modules/cjs/loader:1521:14)",
    "Module._extensions..js (node:internal/modules/cjs/loader:1623:10)",
    "Module.load (node:internal/modules/cjs/loader:1266:32)",
    "Module._load (node:internal/modules/cjs/loader:1091:12)",
    "Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)",
    "node:internal/main/run_main_module:28:49",
];
const TIMER_FRAMES: &[&str] = &[
    "listOnTimeout (node:internal/timers:581:17)",
    "process.processTimers (node:internal/timers:519:7)",
];
const IMMEDIATE_FRAMES: &[&str] = &["process.processImmediate (node:internal/timers:483:21)"];
const QUEUED_MICROTASK_FRAMES: &[&str] = &[
    "node:internal/process/task_queues:140:7",
    "AsyncResource.runInAsyncScope (node:async_hooks:206:9)",
    "AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)",
];

impl Vm {
    /// V8's `at` lines for the current call stack (each preceded by a newline), as
    /// captured for an error a built-in throws (the built-in is the first line).
    pub fn stack_frames(&self) -> String {
        self.frames_text(0, None)
    }

    /// The `at` lines as seen by the built-in running now, which is not among them:
    /// what `new Error()`, `Error.captureStackTrace` and `console.trace` capture.
    pub fn caller_stack_frames(&self) -> String {
        let calling = self
            .native_frames
            .last()
            .is_some_and(|n| n.above == self.frames.len());
        self.frames_text(usize::from(calling), None)
    }

    /// `Error.captureStackTrace(obj, f)`: the caller's lines without those above the
    /// topmost call of `f`, that call included (none when `f` is not on the stack).
    pub fn stack_frames_below(&self, f: ObjRef) -> String {
        let calling = self
            .native_frames
            .last()
            .is_some_and(|n| n.above == self.frames.len());
        self.frames_text(usize::from(calling), Some(f))
    }

    fn frames_text(&self, skip_natives: usize, below: Option<ObjRef>) -> String {
        let limit = self.stack_trace_limit();
        let mut lines: Vec<String> = Vec::new();
        let mut found = below.is_none();
        let mut natives = self
            .native_frames
            .iter()
            .rev()
            .skip(skip_natives)
            .peekable();
        for (i, f) in self.frames.iter().enumerate().rev() {
            while let Some(n) = natives.next_if(|n| n.above > i) {
                if let Some(line) = self.native_line(n) {
                    lines.push(line);
                }
            }
            if !found && f.callee == below {
                found = true;
                lines.clear();
                continue;
            }
            if f.code.flags.builtin {
                continue;
            }
            lines.push(self.js_line(f));
        }
        if !found {
            return String::new();
        }
        for n in natives {
            if let Some(line) = self.native_line(n) {
                lines.push(line);
            }
        }
        if !self.browser {
            lines.extend(self.node_frames().into_iter().map(str::to_string));
        }
        if let Some(a) = self.resuming_async {
            self.async_lines(a, &mut lines, limit);
        }
        let mut s = String::new();
        for line in lines.into_iter().take(limit) {
            s.push_str("\n    at ");
            s.push_str(&line);
        }
        s
    }

    /// `Error.stackTraceLimit` (10 unless the program changed it).
    fn stack_trace_limit(&self) -> usize {
        let Some(ctor) = self.realm_error_ctor() else {
            return 10;
        };
        match self.data_prop(ctor, &PropKey::s("stackTraceLimit")) {
            Some(Value::Num(n)) if n > 0.0 => n.min(1e9) as usize,
            Some(Value::Num(_)) => 0,
            _ => 10,
        }
    }

    fn realm_error_ctor(&self) -> Option<ObjRef> {
        match self.data_prop(self.realm.global, &PropKey::s("Error")) {
            Some(Value::Obj(o)) => Some(o),
            _ => None,
        }
    }

    /// The line of one JavaScript frame.
    fn js_line(&self, f: &super::Frame) -> String {
        let (line, col) = f.pos();
        let location = format!("{}:{line}:{col}", self.file_name);
        if f.code.flags.program {
            return if self.browser {
                location
            } else {
                format!("Object.<anonymous> ({location})")
            };
        }
        let function_name = f.callee.map(|c| self.debug_name(c)).unwrap_or_default();
        let name = if f.new_target.is_some() {
            let shown = if function_name.is_empty() {
                "<anonymous>"
            } else {
                &function_name
            };
            format!("new {shown}")
        } else if self.is_method_call(&f.this) {
            self.method_call(&f.this, f.callee, &function_name)
        } else if !function_name.is_empty() {
            function_name
        } else {
            return location;
        };
        format!("{name} ({location})")
    }

    /// V8's async stack trace: after the frames of an async function resumed from a
    /// microtask, an `async f` line for each async function awaiting its promise, at
    /// its `await`.
    fn async_lines(&self, mut a: ObjRef, lines: &mut Vec<String>, limit: usize) {
        while lines.len() < limit {
            let Some(Kind::Generator(d)) = self.heap.kind(a) else {
                return;
            };
            let Some(Kind::Promise(p)) = d.promise.and_then(|p| self.heap.kind(p)) else {
                return;
            };
            let [reaction] = p.reactions.as_slice() else {
                return;
            };
            let crate::heap::ReactionTarget::Async(awaiting) = reaction.target else {
                return;
            };
            let Some(Kind::Generator(w)) = self.heap.kind(awaiting) else {
                return;
            };
            let Some(frame) = &w.frame else { return };
            if frame.code.flags.builtin {
                return;
            }
            lines.push(format!("async {}", self.js_line(frame)));
            a = awaiting;
        }
    }

    /// The line of a built-in on the stack; `None` for the ones V8 shows no frame for
    /// (`call`, `apply`, `Reflect.apply` and the like call straight through).
    fn native_line(&self, n: &NativeFrame) -> Option<String> {
        let function_name = self.debug_name(n.callee);
        if matches!(
            function_name.as_str(),
            "call" | "apply" | "bind" | "Array" | ""
        ) || function_name.starts_with('[')
            || function_name == "construct"
                && self.receiver_type(&n.this).as_deref() == Some("Reflect")
        {
            return None;
        }
        let name = if n.construct {
            format!("new {function_name}")
        } else if self.is_method_call(&n.this) {
            self.method_call(&n.this, Some(n.callee), &function_name)
        } else {
            function_name
        };
        Some(format!("{name} (<anonymous>)"))
    }

    /// V8's `IsMethodCall` for a non-constructor frame: the receiver is neither
    /// `undefined`/`null` nor the global object.
    fn is_method_call(&self, this: &Value) -> bool {
        match this {
            Value::Undefined | Value::Null | Value::Empty => false,
            Value::Obj(o) => *o != self.realm.global,
            _ => true,
        }
    }

    /// V8's `AppendMethodCall`: `Type.name [as key]`.
    fn method_call(&self, this: &Value, callee: Option<ObjRef>, function_name: &str) -> String {
        let type_name = self.receiver_type(this).unwrap_or_default();
        let method_name = callee
            .and_then(|c| self.method_name(this, c))
            .unwrap_or_default();
        let mut s = String::new();
        if !function_name.is_empty() {
            if !type_name.is_empty() && is_identifier(function_name) && function_name != type_name {
                s.push_str(&type_name);
                s.push('.');
            }
            s.push_str(function_name);
            if !method_name.is_empty() && !ends_with_method_name(function_name, &method_name) {
                s.push_str(" [as ");
                s.push_str(&method_name);
                s.push(']');
            }
        } else {
            if !type_name.is_empty() {
                s.push_str(&type_name);
                s.push('.');
            }
            s.push_str(if method_name.is_empty() {
                "<anonymous>"
            } else {
                &method_name
            });
        }
        s
    }

    /// The name V8 gives a function in stack traces: its `name`, or the name the parser
    /// inferred from what it was assigned to (`o.f = function () {}` is `o.f`).
    fn debug_name(&self, f: ObjRef) -> String {
        let name = match self.data_prop_own(f, &PropKey::s("name")) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        };
        match (name, self.heap.kind(f)) {
            (Some(s), _) if !s.is_empty() => s.to_string(),
            (Some(_), Some(Kind::Function(c))) => c.code.inferred_name.to_string(),
            (None, Some(Kind::Function(c))) => c.code.name.to_string(),
            _ => String::new(),
        }
    }

    /// The receiver's type for a method call: a class's own name when the receiver is
    /// a class (a static method), else its constructor's name (V8's
    /// `GetConstructorName`: the `Symbol.toStringTag`, then `constructor.name`).
    fn receiver_type(&self, this: &Value) -> Option<String> {
        let o = match this {
            Value::Obj(o) => *o,
            Value::Str(_) => return Some("String".into()),
            Value::Num(_) => return Some("Number".into()),
            Value::Bool(_) => return Some("Boolean".into()),
            Value::BigInt(_) => return Some("BigInt".into()),
            Value::Sym(_) => return Some("Symbol".into()),
            _ => return None,
        };
        if matches!(self.heap.kind(o), Some(Kind::Proxy(_))) {
            return Some("Proxy".into());
        }
        if self.heap.get(o).is_some_and(|obj| obj.class_ctor) {
            let name = self.debug_name(o);
            if !name.is_empty() {
                return Some(name);
            }
        }
        if let Some(Value::Str(tag)) = self.data_prop(o, &PropKey::Sym(super::sym::TO_STRING_TAG)) {
            return Some(tag.to_string());
        }
        if let Some(Value::Obj(c)) = self.data_prop(o, &PropKey::s("constructor")) {
            let name = self.debug_name(c);
            if !name.is_empty() {
                return Some(name);
            }
        }
        Some("Object".into())
    }

    /// V8's `GetMethodName`: the key under which the receiver (or its prototypes) holds
    /// `f`, as a value, getter or setter; `None` when there is none or several.
    fn method_name(&self, this: &Value, f: ObjRef) -> Option<String> {
        let Value::Obj(receiver) = this else {
            return None;
        };
        let name = self.debug_name(f);
        let guess = name
            .strip_prefix("get ")
            .or_else(|| name.strip_prefix("set "))
            .unwrap_or_else(|| name.rsplit('.').next().unwrap_or(""));
        if !guess.is_empty() && self.lookup_holds(*receiver, &PropKey::s(guess), f) {
            return Some(guess.to_string());
        }
        let mut found: Option<String> = None;
        let mut at = Some(*receiver);
        while let Some(o) = at {
            let obj = self.heap.get(o)?;
            for (key, prop) in &obj.props {
                let PropKey::Str(k) = key else { continue };
                if !prop.enumerable || !holds(&prop.v, f) {
                    continue;
                }
                match &found {
                    None => found = Some(k.to_string()),
                    Some(other) if **other == **k => {}
                    Some(_) => return None,
                }
            }
            at = obj.proto;
        }
        found
    }

    /// Whether the first property `key` found from `o` up its prototypes holds `f`.
    fn lookup_holds(&self, mut o: ObjRef, key: &PropKey, f: ObjRef) -> bool {
        loop {
            let Some(obj) = self.heap.get(o) else {
                return false;
            };
            if let Some(p) = obj.props.get(key) {
                return holds(&p.v, f);
            }
            match obj.proto {
                Some(p) => o = p,
                None => return false,
            }
        }
    }

    /// A data property of `o` or its prototypes, read without running getters.
    fn data_prop(&self, mut o: ObjRef, key: &PropKey) -> Option<Value> {
        loop {
            let obj = self.heap.get(o)?;
            if let Some(p) = obj.props.get(key) {
                return match &p.v {
                    PropVal::Data(v) => Some(v.clone()),
                    PropVal::Accessor(..) => None,
                };
            }
            o = obj.proto?;
        }
    }

    fn data_prop_own(&self, o: ObjRef, key: &PropKey) -> Option<Value> {
        match &self.heap.get(o)?.props.get(key)?.v {
            PropVal::Data(v) => Some(v.clone()),
            PropVal::Accessor(..) => None,
        }
    }

    /// The frames of Node's JavaScript below the program's, for what is running now.
    fn node_frames(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        match self.origin {
            Origin::Main => return MAIN_FRAMES.to_vec(),
            Origin::Timer => return TIMER_FRAMES.to_vec(),
            Origin::Immediate => return IMMEDIATE_FRAMES.to_vec(),
            Origin::Native => return out,
            Origin::QueuedMicrotask => out.extend(QUEUED_MICROTASK_FRAMES),
            Origin::Tick | Origin::Promise => {}
        }
        let tick = self.origin == Origin::Tick;
        let queue_frame = |from_js: bool| -> &'static str {
            match (tick, from_js) {
                (true, true) => {
                    "processTicksAndRejections (node:internal/process/task_queues:77:11)"
                }
                (false, true) => {
                    "processTicksAndRejections (node:internal/process/task_queues:95:5)"
                }
                (true, false) => {
                    "process.processTicksAndRejections (node:internal/process/task_queues:77:11)"
                }
                (false, false) => {
                    "process.processTicksAndRejections (node:internal/process/task_queues:95:5)"
                }
            }
        };
        let caller: &[&'static str] = match self.checkpoint {
            Checkpoint::Native => {
                if self.in_tick_processing {
                    out.push(queue_frame(false));
                }
                return out;
            }
            Checkpoint::TimerList => &[
                "listOnTimeout (node:internal/timers:545:9)",
                "process.processTimers (node:internal/timers:519:7)",
            ],
            Checkpoint::Timers => &["process.processTimers (node:internal/timers:516:9)"],
            Checkpoint::Immediates => &["process.processImmediate (node:internal/timers:454:9)"],
        };
        if self.in_tick_processing {
            out.push(queue_frame(true));
            out.push("runNextTicks (node:internal/process/task_queues:64:3)");
        } else {
            out.push("runNextTicks (node:internal/process/task_queues:60:5)");
        }
        out.extend(caller);
        out
    }
}

fn holds(v: &PropVal, f: ObjRef) -> bool {
    match v {
        PropVal::Data(Value::Obj(o)) => *o == f,
        PropVal::Accessor(g, s) => *g == Some(f) || *s == Some(f),
        PropVal::Data(_) => false,
    }
}

/// `String::IsIdentifier`: a name V8 prefixes with the receiver's type.
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// V8's `StringEndsWithMethodName` (as in Node 20): `name` is `method` or ends with
/// `.method`, so a getter shows as `get g [as g]`.
fn ends_with_method_name(name: &str, method: &str) -> bool {
    name == method
        || name
            .strip_suffix(method)
            .is_some_and(|rest| rest.ends_with('.'))
}
