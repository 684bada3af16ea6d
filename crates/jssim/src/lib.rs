//! A JavaScript interpreter with V8's memory model (young and old generations,
//! scavenges, mark-sweep-compact, an event loop, node and browser environments), for gen.
//!
//! Entry point: [`run`] executes one snippet as `node --expose-gc FILE` would (or as a
//! classic script in a browser page, for snippets that use the DOM) and returns its
//! stdout, stderr, status and trace. It does no I/O and never panics on user code.

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
mod value;

use gen_trace::{JsEnv, Lang, Outcome, Pos, RunOptions, Status, Trace};
use interp::{Throw, Vm};
use value::{PropKey, Value};

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
    let browser = match options.js_env {
        JsEnv::Browser => true,
        JsEnv::Node => false,
        JsEnv::Auto => uses_browser_globals(source),
    };
    // Deep JavaScript recursion recurses in the interpreter: give it a large stack.
    let result = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 * 1024 * 1024)
            .spawn_scoped(s, || run_in(source, options, browser))
            .ok()
            .and_then(|h| h.join().ok())
    });
    result.unwrap_or_else(|| {
        outcome(
            String::new(),
            "gen-jssim: interpreter failure\n".into(),
            Status::LimitExceeded {
                limit: "interpreter failure".into(),
                pos: None,
            },
            Trace::default(),
        )
    })
}

fn run_in(src: &str, options: &RunOptions, browser: bool) -> Outcome {
    let file = if options.file_name.is_empty() {
        "snippet.js".to_string()
    } else {
        options.file_name.clone()
    };
    let code = match compile::compile_program(src, browser, false) {
        Ok(c) => c,
        Err(compile::CompileError::Syntax { message, line, col }) => {
            let msg = format!("SyntaxError: {message}");
            let stderr = errors::node_report(&file, src, line, col, &msg);
            return outcome(
                String::new(),
                stderr,
                Status::Error {
                    message: msg,
                    pos: Some(Pos { line, col }),
                },
                Trace::default(),
            );
        }
        Err(compile::CompileError::Unsupported { feature, line, col }) => {
            let stderr = format!("unsupported: {feature} at {line}:{col}\n");
            return outcome(
                String::new(),
                stderr,
                Status::Unsupported {
                    feature,
                    pos: Pos { line, col },
                },
                Trace::default(),
            );
        }
    };
    let mut vm = Vm::new(browser, &options.limits, &file);
    if browser {
        if let Some(h) = &options.html_fixture {
            dom::load_fixture(&mut vm, h);
        }
    }
    vm.trace.builtin_ids = vm.heap.next_id;
    vm.trace.enabled = options.trace;
    vm.trace.max_events = options.limits.max_events;
    vm.trace.source_lines = src.lines().map(|s| s.to_string()).collect();
    vm.source = src.to_string();
    let (this, args) = if browser {
        (Value::Obj(vm.realm.global), vec![])
    } else {
        env_node::module_wrapper(&mut vm, &file)
    };
    let closure = vm.closure_obj(code.clone(), None, None);
    let frame = vm.make_frame(closure, code, None, None, this, args, None);
    vm.frames.push(frame);
    let r = vm.run_frame();
    let globals: Vec<(String, Value)> = vm
        .frames
        .last()
        .map(|f| {
            f.code
                .local_names
                .iter()
                .cloned()
                .zip(f.locals.iter().cloned())
                .map(|(n, v)| (n.to_string(), v))
                .filter(|(n, _)| n != "this")
                .collect()
        })
        .unwrap_or_default();
    vm.frames.clear();
    vm.depth = 0;
    let r = match r {
        Ok(_) => vm.run_loop(),
        Err(Throw::Js(v)) if browser => {
            // A classic script's error ends the script, not the page.
            vm.report_uncaught(&v);
            vm.run_loop()
        }
        Err(e) => Err(e),
    };
    let status = match r {
        Ok(()) => match vm.first_error.take() {
            Some((message, pos)) => Status::Error { message, pos },
            None if vm.events.hit_time_limit => {
                let n = vm.events.live_at_limit.len();
                Status::LimitExceeded {
                    limit: format!(
                        "virtual time limit of {} ms reached with {n} live timer(s)",
                        vm.max_virtual_ms
                    ),
                    pos: None,
                }
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
    };
    vm.frames.clear();
    if options.trace {
        vm.trace_final(globals);
        vm.trace.trace.summary.retained = leaks::retained(&mut vm);
        vm.trace.trace.summary.peak_bytes = vm.heap.peak_bytes;
    }
    let trace = std::mem::take(&mut vm.trace.trace);
    outcome(
        std::mem::take(&mut vm.stdout),
        std::mem::take(&mut vm.stderr),
        status,
        trace,
    )
}

impl Vm {
    /// Reports an uncaught exception on stderr as Node does (location, source line,
    /// caret, the error's stack) and remembers the first one for the run's status.
    pub fn report_uncaught(&mut self, v: &Value) {
        let (line, col) = match self.error_pos.take() {
            Some((e, pos)) if value::strict_equals(&e, v) => pos,
            _ => self.cur_pos(),
        };
        let (head, stack) = describe_uncaught(self, v);
        let src = std::mem::take(&mut self.source);
        let file = self.file_name.clone();
        self.stderr
            .push_str(&errors::node_report(&file, &src, line, col, &stack));
        self.source = src;
        if self.first_error.is_none() {
            self.first_error = Some((head, Some(Pos { line, col })));
        }
    }
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
    let s = inspect::inspect(vm, v).unwrap_or_default();
    let head = format!("Uncaught {s}");
    (head.clone(), head)
}
