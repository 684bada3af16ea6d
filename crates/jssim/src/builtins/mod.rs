//! The global environment: intrinsic prototypes and constructors, console, timers,
//! `gc()`, and the node-only globals (`process`, `require`).

pub mod array;
pub mod bigint;
pub mod collections;
pub mod date;
pub mod iterators;
pub mod json;
pub mod math;
pub mod number;
pub mod object;
pub mod promise;
pub mod regexp;
pub mod string;
pub mod structured;
pub mod typed;

use crate::heap::{Kind, NativeCall, NativeFnPtr, Prop, PropVal};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// A constructor function object linked to `proto`.
pub fn make_ctor(vm: &mut Vm, name: &str, len: u32, f: NativeFnPtr, proto: ObjRef) -> ObjRef {
    let c = vm.native_with(name, len, f, vec![], true);
    if let Some(o) = vm.heap.get_mut(c) {
        o.props.insert(
            PropKey::s("prototype"),
            Prop {
                v: PropVal::Data(Value::Obj(proto)),
                enumerable: false,
                writable: false,
                configurable: false,
            },
        );
    }
    vm.set_hidden(proto, "constructor", Value::Obj(c));
    let g = vm.realm.global;
    vm.set_hidden(g, name, Value::Obj(c));
    c
}

fn plain(vm: &mut Vm, proto: Option<ObjRef>) -> ObjRef {
    vm.heap.alloc(proto, Kind::Ordinary)
}

/// Creates the realm.
pub fn install(vm: &mut Vm) {
    let op = plain(vm, None);
    vm.realm.object_proto = op;
    let fp = vm.heap.alloc(
        Some(op),
        Kind::Native(Box::new(crate::heap::Native {
            f: noop,
            ctor: false,
            slots: vec![],
        })),
    );
    vm.realm.function_proto = fp;
    let g = plain(vm, Some(op));
    vm.realm.global = g;
    for (field, _) in [(0, ()); 1] {
        let _ = field;
    }
    vm.realm.array_proto = vm.heap.alloc(Some(op), Kind::Array(vec![]));
    vm.realm.string_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::str("")));
    vm.realm.number_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::Num(0.0)));
    vm.realm.boolean_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::Bool(false)));
    vm.realm.symbol_proto = plain(vm, Some(op));
    vm.realm.bigint_proto = plain(vm, Some(op));
    vm.realm.error_proto = plain(vm, Some(op));
    vm.realm.iterator_proto = plain(vm, Some(op));
    let ip = vm.realm.iterator_proto;
    vm.realm.array_iter_proto = plain(vm, Some(ip));
    vm.realm.generator_proto = plain(vm, Some(ip));
    let aip = plain(vm, Some(op));
    vm.realm.async_iterator_proto = aip;
    vm.realm.async_generator_proto = plain(vm, Some(aip));
    vm.realm.promise_proto = plain(vm, Some(op));
    vm.realm.map_proto = plain(vm, Some(op));
    vm.realm.set_proto = plain(vm, Some(op));
    vm.realm.weakmap_proto = plain(vm, Some(op));
    vm.realm.weakset_proto = plain(vm, Some(op));
    vm.realm.weakref_proto = plain(vm, Some(op));
    vm.realm.finreg_proto = plain(vm, Some(op));
    vm.realm.date_proto = plain(vm, Some(op));
    vm.realm.regexp_proto = plain(vm, Some(op));
    vm.realm.node_proto = plain(vm, Some(op));
    let np = vm.realm.node_proto;
    vm.realm.element_proto = plain(vm, Some(np));
    vm.realm.event_proto = plain(vm, Some(op));

    object::install(vm);
    iterators::install(vm);
    array::install(vm);
    string::install(vm);
    number::install(vm);
    math::install(vm);
    bigint::install(vm);
    date::install(vm);
    typed::install(vm);
    json::install(vm);
    collections::install(vm);
    promise::install(vm);
    regexp::install(vm);

    vm.set_hidden(g, "globalThis", Value::Obj(g));
    let console = vm.new_object();
    for (n, f) in [
        ("log", console_log as NativeFnPtr),
        ("info", console_log),
        ("debug", console_log),
        ("warn", console_error),
        ("error", console_error),
        ("trace", console_error),
        ("dir", console_log),
        ("table", console_log),
    ] {
        vm.method(console, n, 0, f);
    }
    vm.method(console, "group", 0, console_log);
    vm.method(console, "groupEnd", 0, noop);
    vm.method(console, "time", 0, noop);
    vm.method(console, "timeEnd", 0, noop);
    vm.method(console, "assert", 0, console_assert);
    vm.set_hidden(g, "console", Value::Obj(console));
    vm.method(g, "setTimeout", 2, set_timeout);
    vm.method(g, "setInterval", 2, set_interval);
    vm.method(g, "setImmediate", 1, set_immediate);
    vm.method(g, "clearTimeout", 1, clear_timer);
    vm.method(g, "clearInterval", 1, clear_timer);
    vm.method(g, "clearImmediate", 1, clear_timer);
    vm.method(g, "queueMicrotask", 1, queue_microtask);
    vm.method(g, "structuredClone", 1, structured_clone);
    crate::env_node::install(vm);
    if vm.browser {
        crate::dom::install(vm);
    }
}

fn noop(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Undefined)
}

fn console_log(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = crate::inspect::format_args(vm, &c.args)?;
    vm.stdout.push_str(&s);
    vm.stdout.push('\n');
    if vm.stdout.len() > 8 * 1024 * 1024 {
        return Err(crate::interp::Throw::Limit("output limit reached".into()));
    }
    Ok(Value::Undefined)
}

fn console_error(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = crate::inspect::format_args(vm, &c.args)?;
    vm.stderr.push_str(&s);
    vm.stderr.push('\n');
    Ok(Value::Undefined)
}

fn console_assert(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if !c.arg(0).truthy() {
        let rest: Vec<Value> = c.args.iter().skip(1).cloned().collect();
        let s = crate::inspect::format_args(vm, &rest)?;
        vm.stderr.push_str(&format!(
            "Assertion failed{}{}\n",
            if s.is_empty() { "" } else { ": " },
            s
        ));
    }
    Ok(Value::Undefined)
}

fn timer_value(vm: &mut Vm, id: u32) -> Value {
    if vm.browser {
        return Value::Num(id as f64);
    }
    let proto = vm.realm.object_proto;
    let t = vm.alloc(Some(proto), Kind::Ordinary);
    vm.set_hidden(t, "@Symbol.toPrimitive", Value::Undefined);
    if let Some(o) = vm.heap.get_mut(t) {
        o.props
            .insert(PropKey::s("#timerId"), Prop::hidden(Value::Num(id as f64)));
    }
    Value::Obj(t)
}

fn add_timer_call(vm: &mut Vm, c: &NativeCall, repeat: bool) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = vm.to_display(&f);
        return Err(vm.type_error(&format!(
            "The \"callback\" argument must be of type function. Received {d}"
        )));
    }
    let delay = vm.to_number(&c.arg(1))?;
    let args = c.args.iter().skip(2).cloned().collect();
    let id = vm.add_timer(f, delay, args, repeat);
    Ok(timer_value(vm, id))
}

fn set_timeout(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    add_timer_call(vm, c, false)
}

fn set_interval(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    add_timer_call(vm, c, true)
}

fn set_immediate(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = c.args.iter().skip(1).cloned().collect();
    vm.events.tasks.push_back((
        crate::event_loop::Job::Call {
            f: c.arg(0),
            this: Value::Undefined,
            args,
        },
        "setImmediate",
    ));
    Ok(Value::Undefined)
}

fn clear_timer(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let id = match c.arg(0) {
        Value::Num(n) => n as u32,
        Value::Obj(o) => match vm
            .heap
            .get(o)
            .and_then(|x| x.props.get(&PropKey::s("#timerId")))
        {
            Some(Prop {
                v: PropVal::Data(Value::Num(n)),
                ..
            }) => *n as u32,
            _ => 0,
        },
        _ => 0,
    };
    if id > 0 {
        vm.clear_timer(id);
    }
    Ok(Value::Undefined)
}

fn queue_microtask(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = vm.to_display(&f);
        return Err(vm.type_error(&format!(
            "The \"callback\" argument must be of type function. Received {d}"
        )));
    }
    vm.enqueue_micro(crate::event_loop::Job::Call {
        f,
        this: Value::Undefined,
        args: vec![],
    });
    Ok(Value::Undefined)
}

fn structured_clone(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    structured::structured_clone(vm, &c.arg(0))
}

/// `this` as an object, or a TypeError with `msg`.
pub fn this_obj_of(vm: &mut Vm, c: &NativeCall, msg: &str) -> Res<ObjRef> {
    match &c.this {
        Value::Obj(o) => Ok(*o),
        _ => Err(vm.type_error(msg)),
    }
}

/// ToIntegerOrInfinity of an argument, defaulting when undefined.
pub fn int_arg(vm: &mut Vm, c: &NativeCall, i: usize, default: f64) -> Res<f64> {
    match c.args.get(i) {
        None | Some(Value::Undefined) => Ok(default),
        Some(v) => {
            let n = vm.to_number(v)?;
            Ok(if n.is_nan() { 0.0 } else { n.trunc() })
        }
    }
}

/// Resolves a relative index (`slice`-style) against `len`.
pub fn rel_index(n: f64, len: usize) -> usize {
    if n < 0.0 {
        (len as f64 + n).max(0.0) as usize
    } else {
        n.min(len as f64) as usize
    }
}
