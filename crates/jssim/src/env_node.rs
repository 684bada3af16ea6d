//! Node's environment: the globals (`global`, `gc()` of `--expose-gc`, `process` with
//! `memoryUsage()` from the simulated heap, `nextTick`, `hrtime` on the virtual
//! clock), the CommonJS module wrapper, and `require` of the pure built-in modules
//! (`util`, `v8`, `events`, `assert`, `timers`, `buffer`). Modules that would reach the
//! machine (`fs`, `net`, `child_process`...) are reported as unsupported.

use crate::heap::{NativeCall, NativeFnPtr};
use crate::interp::{Res, Throw, Vm};
use crate::value::{PropKey, Value};

/// A Node internal error: `name` with its `code` (`TypeError [ERR_INVALID_ARG_TYPE]:`
/// heads its stack) and an enumerable `code` property, as Node's NodeError has.
pub fn node_error(vm: &mut Vm, name: &str, code: &str, msg: &str) -> Throw {
    let e = vm.make_error(name, msg);
    if let Value::Obj(o) = &e {
        let frames = match vm.heap.get_mut(*o).map(|x| &mut x.kind) {
            Some(crate::heap::Kind::Error(f)) => f.take(),
            _ => None,
        };
        let stack = format!("{name} [{code}]: {msg}{}", frames.as_deref().unwrap_or(""));
        vm.set_hidden(*o, "stack", Value::str(&stack));
        vm.set_prop_raw(*o, "code", Value::str(code));
    }
    Throw::Js(e)
}

/// The baseline Node's heap has before a script allocates anything (bytes).
const BASELINE_HEAP: u64 = 3_600_000;

fn gc_fn(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    vm.gc_pending = Some(crate::gc::GcKind::Full);
    vm.trace.gc_reason = Some("gc()");
    if vm.native_depth <= 1 {
        vm.collect_pending()?;
    }
    Ok(Value::Undefined)
}

fn memory_usage(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let used = vm.heap_used() + BASELINE_HEAP;
    let total = (used * 3 / 2).div_ceil(262_144) * 262_144;
    let o = vm.new_object();
    vm.set_prop_raw(o, "rss", Value::Num((total + 40_000_000) as f64));
    vm.set_prop_raw(o, "heapTotal", Value::Num(total as f64));
    vm.set_prop_raw(o, "heapUsed", Value::Num(used as f64));
    vm.set_prop_raw(o, "external", Value::Num(1_064_000.0));
    vm.set_prop_raw(o, "arrayBuffers", Value::Num(10_515.0));
    Ok(Value::Obj(o))
}

fn heap_stats(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let used = vm.heap_used() + BASELINE_HEAP;
    let total = (used * 3 / 2).div_ceil(262_144) * 262_144;
    let o = vm.new_object();
    for (k, v) in [
        ("total_heap_size", total),
        ("total_heap_size_executable", 262_144),
        ("total_physical_size", total),
        (
            "total_available_size",
            vm.max_heap_bytes.saturating_sub(used),
        ),
        ("used_heap_size", used),
        ("heap_size_limit", vm.max_heap_bytes),
        ("malloced_memory", 262_320),
        ("peak_malloced_memory", 571_392),
        ("does_zap_garbage", 0),
        ("number_of_native_contexts", 1),
        ("number_of_detached_contexts", 0),
        ("total_global_handles_size", 8192),
        ("used_global_handles_size", 2112),
        ("external_memory", 2_000_000),
    ] {
        vm.set_prop_raw(o, k, Value::Num(v as f64));
    }
    Ok(Value::Obj(o))
}

/// `v8.getHeapSpaceStatistics()`: new and old space from the simulated heap.
fn heap_space_stats(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let mut new = 0;
    let mut old = 0;
    let mut large = 0;
    for i in 0..vm.heap.objs.len() as u32 {
        if let Some(o) = vm.heap.get(i) {
            let s = vm.heap.size_of(i);
            match o.meta.space {
                gen_trace::Space::New => new += s,
                gen_trace::Space::LargeObject => large += s,
                _ => old += s,
            }
        }
    }
    let mut spaces = Vec::new();
    for (name, used, size) in [
        ("new_space", new, crate::gc::YOUNG_SEMISPACE * 2),
        (
            "old_space",
            old + BASELINE_HEAP,
            (old + BASELINE_HEAP) * 3 / 2,
        ),
        ("large_object_space", large, large),
    ] {
        let o = vm.new_object();
        vm.set_prop_raw(o, "space_name", Value::str(name));
        vm.set_prop_raw(o, "space_size", Value::Num(size as f64));
        vm.set_prop_raw(o, "space_used_size", Value::Num(used as f64));
        vm.set_prop_raw(
            o,
            "space_available_size",
            Value::Num(size.saturating_sub(used) as f64),
        );
        vm.set_prop_raw(o, "physical_space_size", Value::Num(size as f64));
        spaces.push(Value::Obj(o));
    }
    Ok(vm.array_value(spaces))
}

fn next_tick(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = crate::inspect::inspect(vm, &f)?;
        return Err(vm.type_error(&format!(
            "The \"callback\" argument must be of type function. Received {d}"
        )));
    }
    let args = c.args.iter().skip(1).cloned().collect();
    vm.events.ticks.push_back(crate::event_loop::Job::Call {
        f,
        this: Value::Undefined,
        args,
    });
    Ok(Value::Undefined)
}

fn hrtime(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let ns = vm.events.now * 1_000_000;
    Ok(vm.array_value(vec![
        Value::Num((ns / 1_000_000_000) as f64),
        Value::Num((ns % 1_000_000_000) as f64),
    ]))
}

fn hrtime_bigint(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::BigInt(std::sync::Arc::new(
        num_bigint::BigInt::from(vm.events.now) * 1_000_000,
    )))
}

fn uptime(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(vm.events.now as f64 / 1000.0))
}

fn cwd(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::str("/"))
}

/// `process.exit(code)`: stops the program (the code defaults to `process.exitCode`).
fn exit(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let code = match c.arg(0) {
        Value::Undefined => exit_code(vm),
        v => vm.to_number(&v)? as i32,
    };
    Err(Throw::Exit(code))
}

/// `process.exitCode` as a number (0 when unset).
pub fn exit_code(vm: &mut Vm) -> i32 {
    let p = vm.get(&Value::Obj(vm.realm.global), &PropKey::s("process"));
    match p.and_then(|p| vm.get(&p, &PropKey::s("exitCode"))) {
        Ok(Value::Num(n)) => n as i32,
        _ => 0,
    }
}

// ---- process as an EventEmitter ----

fn event_name(vm: &mut Vm, v: &Value) -> Res<crate::value::JsStr> {
    match v {
        Value::Sym(_) => Ok(vm.prim_to_string(v).into()),
        v => vm.to_string(v),
    }
}

fn add_process_listener(vm: &mut Vm, c: &NativeCall, once: bool, prepend: bool) -> Res<Value> {
    let ev = event_name(vm, &c.arg(0))?;
    let f = c.arg(1);
    if !vm.is_callable(&f) {
        let shown = crate::inspect::inspect(vm, &f)?;
        let e = vm.make_error(
            "TypeError",
            &format!("The \"listener\" argument must be of type function. Received {shown}"),
        );
        if let Value::Obj(o) = &e {
            vm.set_prop_raw(*o, "code", Value::str("ERR_INVALID_ARG_TYPE"));
        }
        return Err(Throw::Js(e));
    }
    let entry = (ev, f, once);
    if prepend {
        vm.process_listeners.insert(0, entry);
    } else {
        vm.process_listeners.push(entry);
    }
    Ok(c.this.clone())
}

fn process_on(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    add_process_listener(vm, c, false, false)
}

fn process_once(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    add_process_listener(vm, c, true, false)
}

fn process_prepend(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    add_process_listener(vm, c, false, true)
}

fn process_off(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ev = event_name(vm, &c.arg(0))?;
    let f = c.arg(1);
    if let Some(i) = vm
        .process_listeners
        .iter()
        .rposition(|(e, l, _)| *e == ev && crate::value::strict_equals(l, &f))
    {
        vm.process_listeners.remove(i);
    }
    Ok(c.this.clone())
}

fn process_remove_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.arg(0) {
        Value::Undefined => vm.process_listeners.clear(),
        v => {
            let ev = event_name(vm, &v)?;
            vm.process_listeners.retain(|(e, _, _)| *e != ev);
        }
    }
    Ok(c.this.clone())
}

fn process_emit(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ev = event_name(vm, &c.arg(0))?;
    let args: Vec<Value> = c.args.iter().skip(1).cloned().collect();
    Ok(Value::Bool(emit(vm, &ev, args)?))
}

fn process_listeners(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ev = event_name(vm, &c.arg(0))?;
    let ls: Vec<Value> = vm
        .process_listeners
        .iter()
        .filter(|(e, _, _)| *e == ev)
        .map(|(_, l, _)| l.clone())
        .collect();
    Ok(vm.array_value(ls))
}

fn process_listener_count(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ev = event_name(vm, &c.arg(0))?;
    Ok(Value::Num(
        vm.process_listeners
            .iter()
            .filter(|(e, _, _)| *e == ev)
            .count() as f64,
    ))
}

/// True when `process` has listeners for `ev`.
pub fn has_listeners(vm: &Vm, ev: &str) -> bool {
    vm.process_listeners.iter().any(|(e, _, _)| &**e == ev)
}

/// Calls `process`'s listeners for `ev`; true when there were any.
pub fn emit(vm: &mut Vm, ev: &str, args: Vec<Value>) -> Res<bool> {
    let snapshot: Vec<(Value, bool)> = vm
        .process_listeners
        .iter()
        .filter(|(e, _, _)| &**e == ev)
        .map(|(_, l, once)| (l.clone(), *once))
        .collect();
    if snapshot.is_empty() {
        return Ok(false);
    }
    let this = vm.get(&Value::Obj(vm.realm.global), &PropKey::s("process"))?;
    for (l, once) in snapshot {
        if once {
            if let Some(i) = vm
                .process_listeners
                .iter()
                .position(|(e, x, o)| &**e == ev && *o && crate::value::strict_equals(x, &l))
            {
                vm.process_listeners.remove(i);
            }
        }
        vm.call(&l, this.clone(), args.clone())?;
    }
    Ok(true)
}

/// `process.stdout.write(chunk)` / `process.stderr.write(chunk)`.
fn stream_write(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let to_err = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 0),
        Value::Bool(true)
    );
    let chunk = c.arg(0);
    let s = match crate::builtins::buffer::buffer_utf8(vm, &chunk) {
        Some(s) => s,
        None if matches!(chunk, Value::Str(_)) => vm.to_string(&chunk)?.to_string(),
        None => {
            let shown = crate::inspect::inspect(vm, &chunk)?;
            let e = vm.make_error("TypeError", &format!("The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received {shown}"));
            if let Value::Obj(o) = &e {
                vm.set_prop_raw(*o, "code", Value::str("ERR_INVALID_ARG_TYPE"));
            }
            return Err(Throw::Js(e));
        }
    };
    if to_err {
        vm.stderr.push_str(&s);
    } else {
        vm.stdout.push_str(&s);
    }
    vm.tick_pending = true;
    let cb = c.args.iter().skip(1).find(|a| vm.is_callable(a)).cloned();
    if let Some(cb) = cb {
        vm.events.ticks.push_back(crate::event_loop::Job::Call {
            f: cb,
            this: Value::Undefined,
            args: vec![],
        });
    }
    Ok(Value::Bool(true))
}

fn make_stream(vm: &mut Vm, is_err: bool, fd: f64) -> Value {
    let s = vm.new_object();
    let w = vm.native_with("write", 1, stream_write, vec![Value::Bool(is_err)], false);
    vm.set_hidden(s, "write", Value::Obj(w));
    vm.set_prop_raw(s, "fd", Value::Num(fd));
    vm.console.streams[usize::from(is_err)] = Some((s, w));
    Value::Obj(s)
}

/// `util.inspect(value, options)`.
pub fn util_inspect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let opts = crate::inspect::opts_from(vm, &c.arg(1))?;
    let s = crate::inspect::inspect_with(vm, &c.arg(0), &opts)?;
    Ok(Value::str(&s))
}

fn util_format(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = crate::inspect::format_args(vm, &c.args)?;
    Ok(Value::str(&s))
}

fn util_inherits(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let sp = vm.get(&c.arg(1), &PropKey::s("prototype"))?;
    let p = vm.get(&c.arg(0), &PropKey::s("prototype"))?;
    if let (Value::Obj(p), Value::Obj(sp)) = (p, sp) {
        vm.set_prototype_of(p, Some(sp))?;
    }
    if let Value::Obj(ctor) = c.arg(0) {
        vm.set_prop_raw(ctor, "super_", c.arg(1));
    }
    Ok(Value::Undefined)
}

fn util_is_deep_strict_equal(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(crate::builtins::structured::deep_equal(
        vm,
        &c.arg(0),
        &c.arg(1),
        true,
    )?))
}

fn util_promisify(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = crate::inspect::inspect(vm, &f)?;
        return Err(vm.type_error(&format!(
            "The \"original\" argument must be of type function. Received {d}"
        )));
    }
    let custom = PropKey::Sym(vm.registered_symbol("nodejs.util.promisify.custom"));
    let own = vm.get(&f, &custom)?;
    if !matches!(own, Value::Undefined) {
        if !vm.is_callable(&own) {
            let d = crate::inspect::inspect(vm, &own)?;
            return Err(node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                &format!(
                    "The \"util.promisify.custom\" argument must be of type function. Received {d}"
                ),
            ));
        }
        return Ok(own);
    }
    let name = vm.get(&f, &PropKey::s("name"))?;
    let name = vm.to_string(&name)?;
    Ok(Value::Obj(vm.native_with(
        &name,
        0,
        promisified,
        vec![f],
        false,
    )))
}

fn promisified(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let p = crate::builtins::promise::new_promise(vm);
    let cb = vm.native_with("", 2, promisify_callback, vec![Value::Obj(p)], false);
    let mut args = c.args.clone();
    args.push(Value::Obj(cb));
    if let Err(Throw::Js(e)) = vm.call(&f, c.this.clone(), args) {
        crate::builtins::promise::reject_promise(vm, p, e);
    }
    Ok(Value::Obj(p))
}

fn promisify_callback(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(p) = crate::builtins::promise::native_slot(vm, c.callee, 0).as_obj() else {
        return Ok(Value::Undefined);
    };
    if c.arg(0).truthy() {
        crate::builtins::promise::reject_promise(vm, p, c.arg(0));
    } else {
        crate::builtins::promise::resolve_promise(vm, p, c.arg(1))?;
    }
    Ok(Value::Undefined)
}

fn util_deprecate(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(c.arg(0))
}

fn types_is(vm: &mut Vm, c: &NativeCall, test: fn(&crate::heap::Kind) -> bool) -> Res<Value> {
    Ok(Value::Bool(
        c.arg(0)
            .as_obj()
            .and_then(|o| vm.heap.kind(o))
            .is_some_and(test),
    ))
}

macro_rules! type_check {
    ($name:ident, $pat:pat) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            types_is(vm, c, |k| matches!(k, $pat))
        }
    };
}
type_check!(is_promise, crate::heap::Kind::Promise(_));
type_check!(is_date, crate::heap::Kind::Date(_));
type_check!(is_regexp, crate::heap::Kind::RegExp(_));
type_check!(is_map, crate::heap::Kind::Map(_));
type_check!(is_set, crate::heap::Kind::Set(_));
type_check!(is_proxy, crate::heap::Kind::Proxy(_));
type_check!(is_native_error, crate::heap::Kind::Error(_));
type_check!(is_weak_map, crate::heap::Kind::WeakMap(_));
type_check!(is_weak_set, crate::heap::Kind::WeakSet(_));
type_check!(is_generator_object, crate::heap::Kind::Generator(_));

fn is_async_function(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    types_is(
        vm,
        c,
        |k| matches!(k, crate::heap::Kind::Function(f) if f.code.flags.is_async),
    )
}

fn is_generator_function(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    types_is(
        vm,
        c,
        |k| matches!(k, crate::heap::Kind::Function(f) if f.code.flags.generator),
    )
}

impl Vm {
    /// The `util.inspect` function object (one per run, so custom inspect functions can
    /// recognise it).
    pub fn util_inspect_fn(&mut self) -> Value {
        if let Some(f) = self.util_inspect {
            return Value::Obj(f);
        }
        let f = self.native("inspect", 2, util_inspect);
        let custom = Value::Sym(crate::interp::sym::INSPECT);
        self.set_prop_raw(f, "custom", custom);
        let defaults = self.new_object();
        for (k, v) in [
            ("depth", Value::Num(2.0)),
            ("breakLength", Value::Num(80.0)),
            ("compact", Value::Num(3.0)),
            ("maxArrayLength", Value::Num(100.0)),
        ] {
            self.set_prop_raw(defaults, k, v);
        }
        self.set_prop_raw(f, "defaultOptions", Value::Obj(defaults));
        self.util_inspect = Some(f);
        self.realm.extra.push(f);
        Value::Obj(f)
    }
}

fn module_object(vm: &mut Vm, entries: &[(&str, u32, NativeFnPtr)]) -> crate::value::ObjRef {
    let o = vm.new_object();
    for (n, l, f) in entries {
        vm.method(o, n, *l, *f);
    }
    o
}

fn util_module(vm: &mut Vm) -> Value {
    let o = module_object(
        vm,
        &[
            ("format", 1, util_format),
            ("inherits", 2, util_inherits),
            ("isDeepStrictEqual", 2, util_is_deep_strict_equal),
            ("promisify", 1, util_promisify),
            ("deprecate", 2, util_deprecate),
        ],
    );
    let f = vm.util_inspect_fn();
    vm.set_prop_raw(o, "inspect", f);
    let custom = Value::Sym(vm.registered_symbol("nodejs.util.promisify.custom"));
    if let Ok(Value::Obj(p)) = vm.get(&Value::Obj(o), &PropKey::s("promisify")) {
        vm.set_prop_raw(p, "custom", custom);
    }
    let types = module_object(
        vm,
        &[
            ("isPromise", 1, is_promise),
            ("isDate", 1, is_date),
            ("isRegExp", 1, is_regexp),
            ("isMap", 1, is_map),
            ("isSet", 1, is_set),
            ("isProxy", 1, is_proxy),
            ("isNativeError", 1, is_native_error),
            ("isWeakMap", 1, is_weak_map),
            ("isWeakSet", 1, is_weak_set),
            ("isGeneratorObject", 1, is_generator_object),
            ("isAsyncFunction", 1, is_async_function),
            ("isGeneratorFunction", 1, is_generator_function),
        ],
    );
    vm.set_prop_raw(o, "types", Value::Obj(types));
    let te = vm
        .get(&Value::Obj(vm.realm.global), &PropKey::s("TextEncoder"))
        .unwrap_or_default();
    vm.set_prop_raw(o, "TextEncoder", te);
    Value::Obj(o)
}

/// The JavaScript sources of the built-in modules written in JavaScript.
fn js_module_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "events" => include_str!("node_modules/events.js"),
        "path" | "path/posix" => include_str!("node_modules/path.js"),
        "querystring" => include_str!("node_modules/querystring.js"),
        "assert" | "assert/strict" => include_str!("node_modules/assert.js"),
        _ => return None,
    })
}

/// The source text of the user's call that is running built-in module code (for
/// `assert(expr)` messages).
fn call_site(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let Some(f) = vm.frames.iter().rev().find(|f| !f.code.flags.builtin) else {
        return Ok(Value::Undefined);
    };
    let (line, col) = f.pos();
    let Some(text) = vm.source.lines().nth(line as usize - 1) else {
        return Ok(Value::Undefined);
    };
    let rest: String = text.chars().skip(col as usize - 1).collect();
    let mut depth = 0;
    let mut end = rest.len();
    let mut quote: Option<char> = None;
    for (i, ch) in rest.char_indices() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(ch),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    end = i + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    Ok(Value::str(&rest[..end]))
}

/// Evaluates a built-in module written in JavaScript and returns its exports.
fn load_js_module(vm: &mut Vm, name: &str, src: &str) -> Res<Value> {
    let code = crate::compile::compile_program(src, false, true, false)
        .map_err(|_| Throw::Limit(format!("built-in module '{name}' failed to compile")))?;
    let file = format!("node:{name}");
    let (exports, mut args) = module_wrapper(vm, &file);
    let site = vm.native("callSite", 0, call_site);
    args.push(Value::Obj(site));
    let module = args[2].clone();
    let closure = vm.closure_obj(code, None, None);
    vm.call(&Value::Obj(closure), exports, args)?;
    vm.get(&module, &PropKey::s("exports"))
}

fn require(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let name = vm.to_string(&c.arg(0))?;
    let name = name.trim_start_matches("node:").to_string();
    if let Some(m) = vm.module_cache.get(&name) {
        return Ok(m.clone());
    }
    let m = match name.as_str() {
        "util" => util_module(vm),
        "v8" => Value::Obj(module_object(
            vm,
            &[
                ("getHeapStatistics", 0, heap_stats),
                ("getHeapSpaceStatistics", 0, heap_space_stats),
            ],
        )),
        "timers" => {
            let o = vm.new_object();
            let g = Value::Obj(vm.realm.global);
            for n in [
                "setTimeout",
                "setInterval",
                "setImmediate",
                "clearTimeout",
                "clearInterval",
                "clearImmediate",
            ] {
                let f = vm.get(&g, &PropKey::s(n))?;
                vm.set_prop_raw(o, n, f);
            }
            Value::Obj(o)
        }
        "url" => crate::builtins::url::url_module(vm),
        "timers/promises" => crate::builtins::timers::promises_module(vm),
        "buffer" => {
            let o = vm.new_object();
            let b = vm.get(&Value::Obj(vm.realm.global), &PropKey::s("Buffer"))?;
            vm.set_prop_raw(o, "Buffer", b);
            Value::Obj(o)
        }
        n => match js_module_source(n) {
            Some(src) => load_js_module(vm, n, src)?,
            None if [
                "fs",
                "http",
                "https",
                "os",
                "child_process",
                "net",
                "crypto",
                "worker_threads",
                "cluster",
                "dgram",
                "dns",
                "tls",
                "readline",
                "stream",
                "zlib",
                "perf_hooks",
                "async_hooks",
                "vm",
            ]
            .contains(&n) =>
            {
                return Err(vm.unsupported(&format!("require('{n}')")));
            }
            None => {
                let e = vm.make_error(
                    "Error",
                    &format!(
                        "Cannot find module '{name}'\nRequire stack:\n- {}",
                        vm.file_name
                    ),
                );
                if let Value::Obj(eo) = &e {
                    vm.set_prop_raw(*eo, "code", Value::str("MODULE_NOT_FOUND"));
                }
                return Err(Throw::Js(e));
            }
        },
    };
    if let Value::Obj(o) = &m {
        vm.realm.extra.push(*o);
    }
    vm.module_cache.insert(name, m.clone());
    Ok(m)
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    if vm.browser {
        return;
    }
    vm.set_hidden(g, "global", Value::Obj(g));
    vm.method(g, "gc", 0, gc_fn);
    let p = vm.new_object();
    vm.method(p, "memoryUsage", 0, memory_usage);
    vm.method(p, "nextTick", 1, next_tick);
    let hr = vm.method(p, "hrtime", 1, hrtime);
    vm.method(hr, "bigint", 0, hrtime_bigint);
    vm.method(p, "uptime", 0, uptime);
    vm.method(p, "cwd", 0, cwd);
    vm.method(p, "exit", 1, exit);
    let emitter: [(&str, u32, NativeFnPtr); 11] = [
        ("on", 2, process_on),
        ("addListener", 2, process_on),
        ("once", 2, process_once),
        ("prependListener", 2, process_prepend),
        ("off", 2, process_off),
        ("removeListener", 2, process_off),
        ("removeAllListeners", 1, process_remove_all),
        ("emit", 1, process_emit),
        ("listeners", 1, process_listeners),
        ("rawListeners", 1, process_listeners),
        ("listenerCount", 1, process_listener_count),
    ];
    for (n, l, f) in emitter {
        vm.method(p, n, l, f);
    }
    let out = make_stream(vm, false, 1.0);
    vm.set_prop_raw(p, "stdout", out);
    let err = make_stream(vm, true, 2.0);
    vm.set_prop_raw(p, "stderr", err);
    let argv = vm.array_value(vec![
        Value::str("/usr/local/bin/node"),
        Value::str("/snippet.js"),
    ]);
    vm.set_prop_raw(p, "argv", argv);
    let env = vm.new_object();
    vm.set_prop_raw(p, "env", Value::Obj(env));
    vm.set_prop_raw(p, "platform", Value::str("linux"));
    vm.set_prop_raw(p, "version", Value::str("v20.20.2"));
    let versions = vm.new_object();
    vm.set_prop_raw(versions, "node", Value::str("20.20.2"));
    vm.set_prop_raw(versions, "v8", Value::str("11.3.244.8-node.33"));
    vm.set_prop_raw(p, "versions", Value::Obj(versions));
    vm.set_prop_raw(p, "pid", Value::Num(4242.0));
    vm.set_prop_raw(p, "exitCode", Value::Undefined);
    vm.set_tag(p, "process");
    vm.set_hidden(g, "process", Value::Obj(p));
}

/// Session snippets run as scripts: the module wrapper's bindings become globals.
pub fn install_session_globals(vm: &mut Vm, file: &str) {
    let (_, args) = module_wrapper(vm, file);
    let g = vm.realm.global;
    for (n, v) in ["exports", "require", "module", "__filename", "__dirname"]
        .into_iter()
        .zip(args)
    {
        vm.set_hidden(g, n, v);
    }
}

/// The arguments of Node's CommonJS module wrapper, `(exports, require, module,
/// __filename, __dirname)`, and the module body's `this` (`module.exports`).
pub fn module_wrapper(vm: &mut Vm, file: &str) -> (Value, Vec<Value>) {
    let module = vm.new_object();
    let exports = vm.new_object();
    vm.set_prop_raw(module, "id", Value::str("."));
    vm.set_prop_raw(module, "exports", Value::Obj(exports));
    let require = vm.native("require", 1, require);
    let path = if file.starts_with('/') || file.starts_with("node:") {
        file.to_string()
    } else {
        format!("/{file}")
    };
    let dir = match path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(i) => path[..i].to_string(),
    };
    vm.set_prop_raw(module, "filename", Value::str(&path));
    vm.set_prop_raw(module, "loaded", Value::Bool(false));
    (
        Value::Obj(exports),
        vec![
            Value::Obj(exports),
            Value::Obj(require),
            Value::Obj(module),
            Value::str(&path),
            Value::str(&dir),
        ],
    )
}
