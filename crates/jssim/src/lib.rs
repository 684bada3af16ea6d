//! A JavaScript interpreter with V8's memory model (young and old generations,
//! scavenges, mark-sweep-compact, an event loop, node and browser environments), for gen.
//!
//! Entry points: [`run`] executes one snippet as `node --expose-gc FILE` would (or as a
//! classic script in a browser page, for snippets that use the DOM) and returns its
//! stdout, stderr, status and trace; [`Session`] runs several snippets in one
//! interpreter (a page's shared session), each as a classic script whose top-level
//! declarations stay visible to the next. Neither does I/O nor panics on user code.

// The Vm's `to_number`/`to_string`/`to_primitive` are ECMAScript's abstract operations:
// they run user code (valueOf, toString, Symbol.toPrimitive), hence `&mut self`.
#![allow(clippy::wrong_self_convention)]

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
mod leaks;
mod trace;
mod unmodelled;
mod value;

use gen_trace::{JsEnv, Lang, Outcome, Pos, RunOptions, Status, Trace};
use interp::{Throw, Vm};
use value::{JsStr, PropKey, Value};

/// Globals whose use makes a snippet a browser snippet (the recorder's rule).
const BROWSER_GLOBALS: &[&str] = &[
    "document",
    "window",
    "MutationObserver",
    "XMLHttpRequest",
    "fetch",
    "WebSocket",
    "requestAnimationFrame",
    "cancelAnimationFrame",
    "localStorage",
    "sessionStorage",
    "Event",
    "CustomEvent",
    "HTMLElement",
    "navigator",
    "IntersectionObserver",
    "ResizeObserver",
];

/// True when the source names a DOM/browser global outside comments and string
/// literals (as a whole word, not as a property after a `.`).
pub fn uses_browser_globals(src: &str) -> bool {
    let code = errors::strip_comments_and_strings(src);
    BROWSER_GLOBALS.iter().any(|g| {
        code.match_indices(g).any(|(i, _)| {
            let before = code[..i].chars().next_back();
            let after = code[i + g.len()..].chars().next();
            let word =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            let dotted =
                code[..i].trim_end().ends_with('.') && !code[..i].trim_end().ends_with("...");
            !word(before) && !word(after) && !dotted
        })
    })
}

fn outcome(stdout: String, stderr: String, status: Status, trace: Trace) -> Outcome {
    Outcome {
        lang: Lang::Javascript,
        stdout,
        stderr,
        status,
        trace,
    }
}

/// Runs one snippet in a fresh interpreter.
pub fn run(source: &str, options: &RunOptions) -> Outcome {
    let browser = choose_env(options, source);
    let run = |options: &RunOptions| {
        on_big_stack(|| run_in(None, source, options, browser, false).0).unwrap_or_else(failure)
    };
    let first = run(options);
    match gen_trace::record::rerun_for_tail(&first, options) {
        Some(options) => run(&options),
        None => first,
    }
}

fn choose_env(options: &RunOptions, source: &str) -> bool {
    match options.js_env {
        JsEnv::Browser => true,
        JsEnv::Node => false,
        JsEnv::Auto => uses_browser_globals(source),
    }
}

/// Runs `f` on a thread with a large stack (deep JavaScript recursion recurses in the
/// interpreter); None when the thread could not run.
fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 * 1024 * 1024)
            .spawn_scoped(s, f)
            .ok()
            .and_then(|h| h.join().ok())
    })
}

fn failure() -> Outcome {
    outcome(
        String::new(),
        "gen-jssim: interpreter failure\n".into(),
        Status::LimitExceeded {
            limit: "interpreter failure".into(),
            pos: None,
        },
        Trace::default(),
    )
}

/// An interpreter that keeps its heap and globals between snippets.
pub struct Session {
    options: RunOptions,
    vm: Option<Box<Vm>>,
    browser: Option<bool>,
}

impl Session {
    /// A fresh interpreter.
    pub fn new(options: RunOptions) -> Self {
        Session {
            options,
            vm: None,
            browser: None,
        }
    }

    /// Runs one snippet in this session (the environment is chosen by the first one).
    pub fn run(&mut self, source: &str) -> Outcome {
        let browser = *self
            .browser
            .get_or_insert_with(|| choose_env(&self.options, source));
        let vm = self.vm.take();
        let options = self.options.clone();
        match on_big_stack(|| run_in(vm, source, &options, browser, true)) {
            Some((out, vm)) => {
                self.vm = Some(vm);
                out
            }
            None => failure(),
        }
    }
}

/// Makes the node and browser interpreters that runs start from (see
/// [`Vm::prepared`]) now, so that a build's first snippets need not wait for them.
pub fn warm_up() {
    Vm::template(false);
    Vm::template(true);
}

/// Runs one snippet, in `vm` when given (a session) or a fresh interpreter. Session
/// snippets are classic scripts whose top-level declarations are global bindings.
fn run_in(
    vm: Option<Box<Vm>>,
    src: &str,
    options: &RunOptions,
    browser: bool,
    session: bool,
) -> (Outcome, Box<Vm>) {
    let file = if options.file_name.is_empty() {
        "snippet.js".to_string()
    } else {
        options.file_name.clone()
    };
    gen_trace::memory::start_run(gen_trace::memory::budget_for(options.limits.max_heap_bytes));
    let mut vm = vm.unwrap_or_else(|| {
        let mut vm = Box::new(Vm::prepared(browser, &options.limits, &file));
        if browser {
            if let Some(h) = &options.html_fixture {
                dom::load_fixture(&mut vm, h);
            }
        }
        if session && !browser {
            env_node::install_session_globals(&mut vm, &file);
        }
        vm.trace.builtin_ids = vm.heap.next_id;
        vm
    });
    let compiled = compile::compile_program(src, browser || session, false, session);
    let code = match compiled {
        Ok(c) => c,
        Err(compile::CompileError::Syntax { message, line, col }) => {
            let msg = format!("SyntaxError: {message}");
            let stack = if browser {
                msg.clone()
            } else {
                format!("{msg}{}", interp::stack::COMPILE_FRAMES)
            };
            let stderr = errors::node_report(&file, src, line, col, &stack);
            return (
                outcome(
                    String::new(),
                    stderr,
                    Status::Error {
                        message: msg,
                        pos: Some(Pos { line, col }),
                    },
                    Trace::default(),
                ),
                vm,
            );
        }
        Err(compile::CompileError::Unsupported { feature, line, col }) => {
            let stderr = format!("unsupported: {feature} at {line}:{col}\n");
            return (
                outcome(
                    String::new(),
                    stderr,
                    Status::Unsupported {
                        feature,
                        pos: Pos { line, col },
                    },
                    Trace::default(),
                ),
                vm,
            );
        }
    };
    vm.begin_run(src, options);
    let (this, args) = if browser || session {
        (Value::Obj(vm.realm.global), vec![])
    } else {
        env_node::module_wrapper(&mut vm, &file)
    };
    let closure = vm.closure_obj(code.clone(), None, None);
    let frame = vm.make_frame(closure, code, None, None, this, args, None);
    vm.frames.push(frame);
    let r = vm.run_frame();
    let globals: Vec<(JsStr, Value)> = vm
        .frames
        .last()
        .map(|f| {
            f.code
                .local_names
                .iter()
                .cloned()
                .zip(f.locals.iter().cloned())
                .filter(|(n, _)| &**n != "this")
                .collect()
        })
        .unwrap_or_default();
    vm.trace_script_done();
    if browser {
        // A classic script's top-level lexical bindings outlive it (script scope).
        vm.script_scope.extend(globals.iter().cloned());
    }
    vm.frames.clear();
    vm.depth = 0;
    let r = match r {
        Ok(_) if browser => page_loaded(&mut vm),
        Ok(_) => node_loop(&mut vm),
        Err(Throw::Js(v)) if browser => {
            // A classic script's error ends the script, not the page.
            vm.report_uncaught(&v);
            page_loaded(&mut vm)
        }
        Err(Throw::Js(v)) if env_node::has_listeners(&vm, "uncaughtException") => {
            match env_node::emit(
                &mut vm,
                "uncaughtException",
                vec![v, Value::str("uncaughtException")],
            ) {
                Ok(_) => node_loop(&mut vm),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    let r = if browser { r } else { node_exit(&mut vm, r) };
    let status = finish_status(&mut vm, r);
    vm.frames.clear();
    if options.trace {
        vm.trace_final();
        vm.trace.trace.summary.retained = leaks::retained(&mut vm);
    }
    let trace = std::mem::take(&mut vm.trace.trace);
    (
        outcome(
            value::well_formed(&std::mem::take(&mut vm.stdout)).into_owned(),
            value::well_formed(&std::mem::take(&mut vm.stderr)).into_owned(),
            status,
            trace,
        ),
        vm,
    )
}

/// Node's loop with `beforeExit`: when nothing is left, its listeners may queue more.
fn node_loop(vm: &mut Vm) -> Result<(), Throw> {
    loop {
        vm.run_loop()?;
        if vm.events.hit_time_limit || !env_node::has_listeners(vm, "beforeExit") {
            return Ok(());
        }
        let code = env_node::exit_code(vm);
        env_node::emit(vm, "beforeExit", vec![Value::Num(code as f64)])?;
        if !vm.events.has_pending() {
            return Ok(());
        }
    }
}

/// The end of a Node program: `process.exit` and a non-zero `process.exitCode` set
/// the status; `exit` listeners run with the code (1 after an uncaught error).
fn node_exit(vm: &mut Vm, r: Result<(), Throw>) -> Result<(), Throw> {
    let code = match &r {
        Ok(()) => env_node::exit_code(vm),
        Err(Throw::Exit(c)) => *c,
        Err(Throw::Js(_)) => 1,
        Err(_) => return r,
    };
    let r = match r {
        Err(Throw::Js(v)) => {
            // Reported now, before the exit listeners run.
            vm.report_uncaught(&v);
            Ok(())
        }
        other => other,
    };
    if env_node::has_listeners(vm, "exit") {
        let done = env_node::emit(vm, "exit", vec![Value::Num(code as f64)]);
        match done {
            Err(Throw::Js(v)) => vm.report_uncaught(&v),
            Err(Throw::Exit(_)) | Ok(_) => {}
            Err(e) => return Err(e),
        }
    }
    match r {
        Ok(()) if code != 0 => Err(Throw::Exit(code)),
        other => other,
    }
}

/// After the page's script: `DOMContentLoaded` (before the script's microtasks, as
/// jsdom fires it from `process.nextTick`), then `load`, then the event loop.
fn page_loaded(vm: &mut Vm) -> Result<(), Throw> {
    let r = dom::window::content_loaded(vm);
    dom::events::report(vm, r)?;
    vm.drain_micro()?;
    let r = dom::window::loaded(vm);
    dom::events::report(vm, r)?;
    vm.run_loop()
}

/// The run's status from how the event loop ended; reports what Node would print.
fn finish_status(vm: &mut Vm, r: Result<(), Throw>) -> Status {
    match r {
        Ok(()) => match vm.first_error.take() {
            Some((message, pos)) => Status::Error { message, pos },
            None if vm.events.hit_time_limit => {
                let live: Vec<String> = vm
                    .events
                    .live_at_limit
                    .iter()
                    .map(|t| match t.interval {
                        Some(ms) if t.is_internal() => format!("{} (every {ms} ms)", t.what),
                        Some(ms) => format!("setInterval #{} (every {ms} ms)", t.id),
                        None if t.is_internal() => format!("{} ({} ms)", t.what, t.delay),
                        None => format!("{} #{} ({} ms)", t.what, t.id, t.delay),
                    })
                    .collect();
                let limit = format!(
                    "virtual time limit of {} ms reached with {} live timer(s): {}",
                    vm.max_virtual_ms,
                    live.len(),
                    live.join(", ")
                );
                vm.stderr
                    .push_str(&format!("gen: stopped at the {limit}\n"));
                Status::LimitExceeded { limit, pos: None }
            }
            None => Status::Ok,
        },
        Err(Throw::Js(v)) => {
            vm.report_uncaught(&v);
            match vm.first_error.take() {
                Some((message, pos)) => Status::Error { message, pos },
                None => Status::Error {
                    message: String::new(),
                    pos: None,
                },
            }
        }
        Err(Throw::Unsupported(feature, line, col)) => {
            vm.stderr
                .push_str(&format!("unsupported: {feature} at {line}:{col}\n"));
            Status::Unsupported {
                feature,
                pos: Pos { line, col },
            }
        }
        Err(Throw::Limit(limit)) => {
            let (line, col) = vm.cur_pos();
            vm.stderr.push_str(&format!("limit exceeded: {limit}\n"));
            Status::LimitExceeded {
                limit,
                pos: Some(Pos { line, col }),
            }
        }
        Err(Throw::GenReturn(_)) => Status::Ok,
        Err(Throw::Exit(code)) => match vm.first_error.take() {
            Some((message, pos)) => Status::Error { message, pos },
            None if code == 0 => Status::Ok,
            None => Status::Error {
                message: format!("process.exit({code})"),
                pos: None,
            },
        },
    }
}

impl Vm {
    /// Reports an uncaught exception on stderr as Node does (location, source line,
    /// caret, the error's stack) and remembers the first one for the run's status.
    pub fn report_uncaught(&mut self, v: &Value) {
        let thrown_at = match self.error_pos.take() {
            Some((e, pos)) if value::strict_equals(&e, v) => Some(pos),
            _ => None,
        };
        let (head, stack) = describe_uncaught(self, v);
        // A value that was not thrown (a rejection) points where the error was made.
        let (line, col) = thrown_at
            .or_else(|| first_frame_pos(&stack, &self.file_name))
            .unwrap_or_else(|| self.cur_pos());
        let report = match self.json_error.take() {
            Some(j)
                if matches!(v, Value::Obj(o) if *o == j.error)
                    && self.heap.get(j.error).map(|o| o.meta.id) == Some(j.id) =>
            {
                errors::node_json_report(&j.text, j.at, &stack)
            }
            _ => errors::node_report(&self.file_name, &self.source, line, col, &stack),
        };
        self.stderr.push_str(&report);
        if self.first_error.is_none() {
            self.first_error = Some((head, Some(Pos { line, col })));
        }
    }
}

/// The line and column of a stack's first frame when it is in `file`.
fn first_frame_pos(stack: &str, file: &str) -> Option<(u32, u32)> {
    let frame = stack.lines().find(|l| l.starts_with("    at "))?;
    let at = frame.rfind(&format!("{file}:"))? + file.len() + 1;
    let mut nums = frame[at..]
        .trim_end_matches(')')
        .split(':')
        .map(|n| n.parse::<u32>().ok());
    Some((nums.next()??, nums.next()??))
}

/// The `Name: message` line and the stack Node prints for an uncaught value.
fn describe_uncaught(vm: &mut Vm, v: &Value) -> (String, String) {
    if let Value::Obj(o) = v {
        if matches!(vm.heap.kind(*o), Some(heap::Kind::Error(_))) {
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
    if vm.browser {
        // The browser oracle's report: `name: message` for anything with both,
        // else `Uncaught` and the value as a string.
        if let Value::Obj(o) = v {
            let has = |vm: &mut Vm, k: &str| vm.has_property(*o, &PropKey::s(k)).unwrap_or(false);
            if has(vm, "name") && has(vm, "message") {
                let n = vm.get(v, &PropKey::s("name")).unwrap_or_default();
                let m = vm.get(v, &PropKey::s("message")).unwrap_or_default();
                let n = vm.to_string(&n).map(|s| s.to_string()).unwrap_or_default();
                let m = vm.to_string(&m).map(|s| s.to_string()).unwrap_or_default();
                let head = if m.is_empty() { n } else { format!("{n}: {m}") };
                let stack = match vm.get(v, &PropKey::s("stack")).unwrap_or_default() {
                    Value::Str(s) => s.to_string(),
                    _ => head.clone(),
                };
                return (head, stack);
            }
        }
        let s = vm
            .to_string(v)
            .map(|s| s.to_string())
            .unwrap_or_else(|_| inspect::inspect(vm, v).unwrap_or_default());
        let head = format!("Uncaught {s}");
        return (head.clone(), head);
    }
    let s = inspect::inspect(vm, v).unwrap_or_default();
    let head = format!("Uncaught {s}");
    (head.clone(), head)
}
