//! Node's globals: `gc()`, `process` (memoryUsage from the simulated heap, argv, env,
//! nextTick), and `require` for the pure modules `util` and `v8`.

use crate::heap::NativeCall;
use crate::interp::{Res, Vm};
use crate::value::Value;

fn gc_fn(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    vm.gc_pending = Some(crate::gc::GcKind::Full);
    if vm.native_depth <= 1 {
        vm.collect_pending();
    }
    Ok(Value::Undefined)
}

fn memory_usage(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let used = vm.heap_used();
    let o = vm.new_object();
    vm.set_prop_raw(o, "rss", Value::Num((used * 4 + 30_000_000) as f64));
    vm.set_prop_raw(o, "heapTotal", Value::Num((used * 2 + 4_000_000) as f64));
    vm.set_prop_raw(o, "heapUsed", Value::Num((used + 3_000_000) as f64));
    vm.set_prop_raw(o, "external", Value::Num(1_000_000.0));
    vm.set_prop_raw(o, "arrayBuffers", Value::Num(10_000.0));
    Ok(Value::Obj(o))
}

fn heap_stats(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let used = vm.heap_used();
    let o = vm.new_object();
    for (k, v) in [
        ("total_heap_size", used * 2 + 4_000_000),
        ("total_heap_size_executable", 262_144),
        ("total_physical_size", used * 2 + 4_000_000),
        ("total_available_size", 4_345_000_000),
        ("used_heap_size", used + 3_000_000),
        ("heap_size_limit", 4_345_298_944),
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

fn util_inspect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = crate::inspect::inspect(vm, &c.arg(0))?;
    Ok(Value::str(&s))
}

fn util_format(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = crate::inspect::format_args(vm, &c.args)?;
    Ok(Value::str(&s))
}

fn require(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let name = vm.to_string(&c.arg(0))?;
    let name = name.trim_start_matches("node:").to_string();
    match name.as_str() {
        "util" => {
            let o = vm.new_object();
            vm.method(o, "inspect", 2, util_inspect);
            vm.method(o, "format", 1, util_format);
            Ok(Value::Obj(o))
        }
        "v8" => {
            let o = vm.new_object();
            vm.method(o, "getHeapStatistics", 0, heap_stats);
            Ok(Value::Obj(o))
        }
        "events" | "fs" | "path" | "http" | "os" | "child_process" | "net" | "crypto"
        | "worker_threads" => Err(vm.unsupported(&format!("require('{name}')"))),
        _ => {
            let e = vm.make_error("Error", &format!("Cannot find module '{name}'"));
            if let Value::Obj(eo) = &e {
                vm.set_prop_raw(*eo, "code", Value::str("MODULE_NOT_FOUND"));
            }
            Err(crate::interp::Throw::Js(e))
        }
    }
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
    let argv = vm.array_value(vec![
        Value::str("/usr/local/bin/node"),
        Value::str("/snippet.js"),
    ]);
    vm.set_prop_raw(p, "argv", argv);
    let env = vm.new_object();
    vm.set_prop_raw(p, "env", Value::Obj(env));
    vm.set_prop_raw(p, "platform", Value::str("linux"));
    vm.set_prop_raw(p, "version", Value::str("v20.20.2"));
    vm.set_hidden(g, "process", Value::Obj(p));
}

/// The arguments of Node's CommonJS module wrapper, `(exports, require, module,
/// __filename, __dirname)`, and the module body's `this` (`module.exports`).
pub fn module_wrapper(vm: &mut Vm, file: &str) -> (Value, Vec<Value>) {
    let module = vm.new_object();
    let exports = vm.new_object();
    vm.set_prop_raw(module, "id", Value::str("."));
    vm.set_prop_raw(module, "exports", Value::Obj(exports));
    let require = vm.native("require", 1, require);
    let path = if file.starts_with('/') {
        file.to_string()
    } else {
        format!("/{file}")
    };
    let dir = match path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(i) => path[..i].to_string(),
    };
    vm.set_prop_raw(module, "filename", Value::str(&path));
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
