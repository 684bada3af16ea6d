//! A JavaScript interpreter with V8's memory model (young and old generations,
//! scavenges, mark-sweep-compact, an event loop, node and browser environments), for gen.
//!
//! Entry points: [`run`] executes one snippet; [`Session`] runs several snippets in one
//! interpreter, the heap carried over (shared snippet sessions). Neither does I/O nor
//! panics on user code.

mod builtins;
mod code;
mod compile;
mod dom;
mod env_node;
mod errors;
mod event_loop;
mod gc;
mod heap;
mod inspect;
mod interp;
mod trace;
mod value;

use gen_trace::{JsEnv, Lang, Outcome, Pos, RunOptions, Status, Trace};
use interp::{Throw, Vm};
use value::{PropKey, Value};

/// Globals whose use makes a snippet a browser snippet.
const BROWSER_GLOBALS: &[&str] = &["document", "window", "MutationObserver", "XMLHttpRequest", "fetch", "WebSocket", "requestAnimationFrame", "localStorage", "CustomEvent", "HTMLElement", "navigator"];

/// True when the source uses a DOM/browser global (as a whole word).
pub fn uses_browser_globals(src: &str) -> bool {
    BROWSER_GLOBALS.iter().any(|g| {
        src.match_indices(g).any(|(i, _)| {
            let before = src[..i].chars().next_back();
            let after = src[i + g.len()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            !word(before) && !word(after) && before != Some('.')
        })
    })
}

/// An interpreter instance that keeps its globals and heap between snippets.
pub struct Session {
    options: RunOptions,
    vm: Option<Vm>,
}

impl Session {
    /// A fresh interpreter.
    pub fn new(options: RunOptions) -> Self {
        Session { options, vm: None }
    }

    /// Runs one snippet in this session.
    pub fn run(&mut self, source: &str) -> Outcome {
        let browser = match self.options.js_env {
            JsEnv::Browser => true,
            JsEnv::Node => false,
            JsEnv::Auto => uses_browser_globals(source),
        };
        let options = self.options.clone();
        let vm = self.vm.take();
        let src = source.to_string();
        let result = std::thread::scope(|s| {
            let h = std::thread::Builder::new().stack_size(256 * 1024 * 1024).spawn_scoped(s, move || run_in(vm, &src, &options, browser));
            match h {
                Ok(h) => h.join().ok(),
                Err(_) => None,
            }
        });
        match result {
            Some((out, vm)) => {
                self.vm = vm;
                out
            }
            None => outcome(String::new(), String::new(), Status::LimitExceeded { limit: "interpreter failure".into(), pos: None }, Trace::default()),
        }
    }
}

fn outcome(stdout: String, stderr: String, status: Status, trace: Trace) -> Outcome {
    Outcome { lang: Lang::Javascript, stdout, stderr, status, trace }
}

fn run_in(vm: Option<Vm>, src: &str, options: &RunOptions, browser: bool) -> (Outcome, Option<Vm>) {
    let file = if options.file_name.is_empty() { "snippet.js".to_string() } else { options.file_name.clone() };
    let code = match compile::compile_program(src) {
        Ok(c) => c,
        Err(compile::CompileError::Syntax { message, line, col }) => {
            let msg = format!("SyntaxError: {message}");
            let stderr = errors::node_report(&file, src, line, col, &msg);
            return (outcome(String::new(), stderr, Status::Error { message: msg, pos: Some(Pos { line, col }) }, Trace::default()), vm);
        }
        Err(compile::CompileError::Unsupported { feature, line, col }) => {
            let stderr = format!("unsupported: {feature} at {line}:{col}\n");
            return (outcome(String::new(), stderr, Status::Unsupported { feature, pos: Pos { line, col } }, Trace::default()), vm);
        }
    };
    let mut vm = vm.unwrap_or_else(|| {
        let mut vm = Vm::new(browser, options.limits.max_steps, &file);
        if browser {
            if let Some(h) = &options.html_fixture {
                dom::load_fixture(&mut vm, h);
            }
        }
        vm.trace.builtin_ids = vm.heap.next_id;
        vm
    });
    vm.stdout.clear();
    vm.stderr.clear();
    vm.trace.enabled = options.trace;
    vm.trace.max_events = options.limits.max_events;
    vm.trace.source_lines = src.lines().map(|s| s.to_string()).collect();
    vm.trace.trace = Trace::default();
    let this = if browser {
        Value::Obj(vm.realm.global)
    } else {
        let g = vm.realm.global;
        vm.get(&Value::Obj(g), &PropKey::s("exports")).unwrap_or_default()
    };
    let closure = vm.closure_obj(code.clone(), None, None);
    let frame = vm.make_frame(closure, code, None, None, this, vec![], None);
    vm.frames.push(frame);
    let r = vm.run_frame();
    let globals: Vec<(String, Value)> = vm.frames.last().map(|f| f.code.local_names.iter().cloned().zip(f.locals.iter().cloned()).map(|(n, v)| (n.to_string(), v)).filter(|(n, _)| n != "this").collect()).unwrap_or_default();
    let r = match r {
        Ok(_) => {
            vm.frames.clear();
            vm.run_loop(options.limits.max_virtual_ms)
        }
        Err(e) => Err(e),
    };
    let status = match r {
        Ok(()) => {
            if vm.events.hit_time_limit {
                let n = vm.events.live_at_limit.len();
                Status::LimitExceeded { limit: format!("virtual time limit of {} ms reached with {n} live timer(s)", options.limits.max_virtual_ms), pos: None }
            } else {
                Status::Ok
            }
        }
        Err(Throw::Js(v)) => {
            let (line, col) = vm.cur_pos();
            let (head, stack) = describe_uncaught(&mut vm, &v);
            vm.stderr.push_str(&errors::node_report(&file, src, line, col, &stack));
            Status::Error { message: head, pos: Some(Pos { line, col }) }
        }
        Err(Throw::Unsupported(feature, line, col)) => {
            vm.stderr.push_str(&format!("unsupported: {feature} at {line}:{col}\n"));
            Status::Unsupported { feature, pos: Pos { line, col } }
        }
        Err(Throw::Limit(limit)) => {
            let (line, col) = vm.cur_pos();
            vm.stderr.push_str(&format!("limit exceeded: {limit}\n"));
            Status::LimitExceeded { limit, pos: Some(Pos { line, col }) }
        }
    };
    vm.frames.clear();
    if options.trace {
        vm.trace_final(globals);
        vm.trace.trace.summary.retained = retained(&vm);
        vm.trace.trace.summary.peak_bytes = vm.heap_used();
    }
    let trace = std::mem::take(&mut vm.trace.trace);
    let out = outcome(std::mem::take(&mut vm.stdout), std::mem::take(&mut vm.stderr), status, trace);
    (out, Some(vm))
}

/// The `Name: message` line and the stack Node prints for an uncaught value.
fn describe_uncaught(vm: &mut Vm, v: &Value) -> (String, String) {
    if let Value::Obj(o) = v {
        if matches!(vm.heap.kind(*o), Some(heap::Kind::Error)) {
            let stack = vm.get(v, &PropKey::s("stack")).unwrap_or_default();
            let n = vm.get(v, &PropKey::s("name")).unwrap_or_default();
            let m = vm.get(v, &PropKey::s("message")).unwrap_or_default();
            let n = vm.to_string(&n).map(|s| s.to_string()).unwrap_or_default();
            let m = vm.to_string(&m).map(|s| s.to_string()).unwrap_or_default();
            let head = if m.is_empty() { n } else { format!("{n}: {m}") };
            let stack = match stack {
                Value::Str(s) => s.to_string(),
                _ => head.clone(),
            };
            return (head, stack);
        }
    }
    let s = inspect::inspect(vm, v).unwrap_or_default();
    let head = format!("Uncaught {s}");
    (head.clone(), head)
}

/// What is still alive at exit, held by a root (timers, listeners, observers).
fn retained(vm: &Vm) -> Vec<gen_trace::Retained> {
    let mut out = Vec::new();
    for t in vm.events.timers.values().chain(vm.events.live_at_limit.iter()) {
        if let Value::Obj(f) = &t.f {
            out.push(gen_trace::Retained { obj: vm.heap.get(*f).map(|x| x.meta.id).unwrap_or(0), type_name: "Closure".into(), size: vm.heap.size_of(*f), path: vec![format!("timer #{} ({})", t.id, t.what), "callback".into()] });
        }
    }
    out
}

/// Runs one snippet in a fresh interpreter.
pub fn run(source: &str, options: &RunOptions) -> Outcome {
    Session::new(options.clone()).run(source)
}
