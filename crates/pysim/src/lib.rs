//! A Python interpreter with CPython 3.11's memory model (reference counts, the
//! three-generation cycle collector, weakrefs, finalizers, `sys.getsizeof`), for gen.
//!
//! Entry points: [`run`] executes one snippet; [`Session`] runs several snippets in one
//! interpreter, the heap carried over (shared snippet sessions). Neither does I/O nor
//! panics on user code.
//!
//! Layout: `compile/` turns source into bytecode ([`code`]); `interp/` runs it over the
//! heap (`heap/`, payloads in `objects/`); `gc.rs` is the cycle collector; `builtins/`
//! and `modules/` are the built-in functions, types' methods and the standard library;
//! `format/` renders values; `errors.rs` tracebacks; `trace.rs` records the trace.

mod builtins;
pub mod code;
pub mod compile;
mod errors;
mod format;
mod gc;
mod heap;
mod interp;
mod modules;
mod objects;
mod trace;
mod types;
mod value;

use gen_trace::{Lang, Outcome, Pos, RunOptions, Status, Trace};
use interp::Vm;
use objects::Kind;
use value::{ObjRef, Value};

/// How a Python-level operation failed.
#[derive(Debug)]
pub enum Throw {
    /// A Python exception (an owned reference to the instance).
    Exc(ObjRef),
    /// A feature the simulator does not model; position filled in by the frame.
    Unsupported(String, Option<(u32, u32)>),
    /// A budget of the simulator ran out.
    Limit(String),
}

pub type PResult<T> = Result<T, Throw>;

/// An interpreter instance that keeps its globals and heap between snippets.
pub struct Session {
    options: RunOptions,
    vm: Option<SendVm>,
}

/// The interpreter moved to the big-stack thread that runs a snippet and back.
///
/// SAFETY: `Vm` is not `Send` only because it holds `Rc`s and trait objects that never
/// leave its own object graph; one thread at a time owns the whole graph (the runner
/// thread is joined before the session touches it again), so moving it is sound.
struct SendVm(Box<Vm>);

unsafe impl Send for SendVm {}

impl Session {
    /// A fresh interpreter.
    pub fn new(options: RunOptions) -> Self {
        Session { options, vm: None }
    }

    /// Runs one snippet in this session.
    pub fn run(&mut self, source: &str) -> Outcome {
        self.run_with(source, false)
    }

    fn run_with(&mut self, source: &str, shutdown: bool) -> Outcome {
        let options = self.options.clone();
        let vm = self.vm.take();
        let src = source.to_string();
        let result = std::thread::scope(|s| {
            let h = std::thread::Builder::new()
                .stack_size(512 * 1024 * 1024)
                .spawn_scoped(s, move || run_in(vm, &src, &options, shutdown));
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
            None => outcome(
                String::new(),
                "unsupported: internal interpreter error\n".into(),
                Status::Unsupported {
                    feature: "internal interpreter error".into(),
                    pos: Pos { line: 1, col: 1 },
                },
                Trace::default(),
            ),
        }
    }
}

fn outcome(stdout: String, stderr: String, status: Status, trace: Trace) -> Outcome {
    Outcome {
        lang: Lang::Python,
        stdout,
        stderr,
        status,
        trace,
    }
}

/// Runs one snippet in a fresh interpreter, then shuts it down as CPython does at exit
/// (atexit callbacks, module teardown with its finalizers).
pub fn run(source: &str, options: &RunOptions) -> Outcome {
    let first = Session::new(options.clone()).run_with(source, true);
    match gen_trace::record::rerun_for_tail(&first, options) {
        Some(options) => Session::new(options).run_with(source, true),
        None => first,
    }
}

fn run_in(
    vm: Option<SendVm>,
    src: &str,
    options: &RunOptions,
    shutdown: bool,
) -> (Outcome, Option<SendVm>) {
    let file = if options.file_name.is_empty() {
        "snippet.py".to_string()
    } else {
        options.file_name.clone()
    };
    gen_trace::memory::start_run(gen_trace::memory::budget_for(options.limits.max_heap_bytes));
    let unit = match compile::compile_module(src, &file) {
        Ok(u) => u,
        Err(e) => {
            let stderr = errors::syntax_error_report(&file, &e);
            let msg = format!("{}: {}", e.kind, e.message);
            return (
                outcome(
                    String::new(),
                    stderr,
                    Status::Error {
                        message: msg,
                        pos: Some(Pos {
                            line: e.line,
                            col: e.col,
                        }),
                    },
                    Trace::default(),
                ),
                vm,
            );
        }
    };
    let mut vm = vm
        .map(|v| v.0)
        .unwrap_or_else(|| Box::new(Vm::new(options.limits, &file)));
    vm.stdout.clear();
    vm.stderr.clear();
    vm.steps = 0;
    vm.limits = options.limits;
    vm.limit_hit = None;
    vm.trace.begin(options, src);
    vm.sources.insert(file.as_str().into(), src.into());
    let globals = main_globals(&mut vm, &file);
    let code = vm.load_code(&unit);
    vm.trace.first_user_serial = next_serial(&vm);
    let r = vm.run_module_code(code, globals);
    vm.trace_end_program();
    let mut status = finish(&mut vm, r);
    if shutdown && matches!(status, Status::Ok | Status::Error { .. }) {
        if let Err(e) = shutdown_vm(&mut vm, globals) {
            if matches!(status, Status::Ok) {
                status = finish(&mut vm, Err(e));
            }
        }
    }
    if let Some((f, pos)) = vm.pending_unsupported.take() {
        if matches!(status, Status::Ok) {
            let (line, col) = pos.unwrap_or((1, 1));
            vm.stderr
                .push_str(&format!("unsupported: {f} at {line}:{col}\n"));
            status = Status::Unsupported {
                feature: f,
                pos: Pos { line, col },
            };
        }
    }
    vm.trace_finish();
    let trace = std::mem::take(&mut vm.trace.trace);
    let out = outcome(
        std::mem::take(&mut vm.stdout),
        std::mem::take(&mut vm.stderr),
        status,
        trace,
    );
    (out, if shutdown { None } else { Some(SendVm(vm)) })
}

fn next_serial(vm: &Vm) -> u32 {
    vm.heap.objs.iter().map(|s| s.serial).max().unwrap_or(0) + 1
}

/// The `__main__` module's dict (created once per session).
fn main_globals(vm: &mut Vm, file: &str) -> ObjRef {
    if let Some(m) = vm.main_module {
        return vm.module_dict(m);
    }
    let m = vm.new_module("__main__");
    let d = vm.module_dict(m);
    let b = vm.builtins;
    let bm = vm
        .dict_get_str(vm.modules, "builtins")
        .unwrap_or(Value::Obj(b));
    vm.dict_set_str(d, "__builtins__", bm);
    let f = vm.new_str(file);
    vm.dict_set_str(d, "__file__", f);
    vm.decref(f);
    vm.dict_set_str(d, "__cached__", Value::None);
    let modules = vm.modules;
    vm.dict_set_str(modules, "__main__", Value::Obj(m));
    vm.main_module = Some(m);
    d
}

/// Turns the result of running the module into a status (and the traceback on stderr).
fn finish(vm: &mut Vm, r: PResult<Value>) -> Status {
    match r {
        Ok(v) => {
            vm.decref(v);
            match vm.limit_hit.take() {
                Some(l) => {
                    vm.stderr.push_str(&format!("limit exceeded: {l}\n"));
                    Status::LimitExceeded {
                        limit: l,
                        pos: None,
                    }
                }
                None => Status::Ok,
            }
        }
        Err(Throw::Exc(e)) => {
            if vm.exc_matches(e, types::SYSTEM_EXIT) {
                let code = vm.exc_field(e, "code").unwrap_or(Value::None);
                let status = match code {
                    Value::None | Value::Int(0, _) => Status::Ok,
                    Value::Int(..) | Value::Bool(_) => Status::Error {
                        message: "SystemExit".into(),
                        pos: None,
                    },
                    other => {
                        let s = vm.str(other).unwrap_or_default();
                        vm.stderr.push_str(&format!("{s}\n"));
                        Status::Error {
                            message: s,
                            pos: None,
                        }
                    }
                };
                vm.decref_obj(e);
                return status;
            }
            let pos = match vm.heap.kind(e) {
                Kind::Exception(x) => x.traceback.last().map(|t| Pos {
                    line: t.line,
                    col: t.col + 1,
                }),
                _ => None,
            };
            let text = vm.format_exception(e);
            let line = vm.exception_line(e);
            vm.stderr.push_str(&text);
            vm.decref_obj(e);
            Status::Error { message: line, pos }
        }
        Err(Throw::Unsupported(feature, pos)) => {
            let (line, col) = pos.unwrap_or((1, 1));
            vm.stderr
                .push_str(&format!("unsupported: {feature} at {line}:{col}\n"));
            Status::Unsupported {
                feature,
                pos: Pos { line, col },
            }
        }
        Err(Throw::Limit(l)) => {
            vm.stderr.push_str(&format!("limit exceeded: {l}\n"));
            Status::LimitExceeded {
                limit: l,
                pos: None,
            }
        }
    }
}

/// Interpreter shutdown: atexit callbacks (newest first), then `__main__`'s globals are
/// cleared as `_PyModule_ClearDict` does (single-underscore names first), then a final
/// collection.
fn shutdown_vm(vm: &mut Vm, globals: ObjRef) -> PResult<()> {
    vm.limits.max_steps = vm.steps + vm.limits.max_steps.min(1_000_000);
    vm.run_atexit()?;
    for pass in 0..2 {
        for (k, _) in vm.dict_items(globals) {
            let Some(name) = vm.as_str(k).map(|s| s.to_string()) else {
                continue;
            };
            let underscore = name.starts_with('_') && !name.starts_with("__");
            if (pass == 0) != underscore || name == "__builtins__" {
                continue;
            }
            let h = vm.str_hash_of(k.as_obj().unwrap_or(ObjRef(0)));
            vm.dict_set_hashed(globals, k, h, Value::None)?;
        }
    }
    vm.gc_collect(2);
    Ok(())
}
