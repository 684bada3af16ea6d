//! Timers: setTimeout/setInterval/setImmediate, their clear functions and `queueMicrotask`.
//! In Node a timer is a `Timeout` object (ref/unref/hasRef/refresh/close, and its id
//! through `Symbol.toPrimitive`); in the browser it is a number.

use super::make_ctor;
use crate::event_loop::Job;
use crate::heap::{Kind, NativeCall, NativeFnPtr, Prop};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

fn callback_error(vm: &mut Vm, f: &Value) -> crate::interp::Throw {
    let d = match f {
        Value::Obj(_) => crate::inspect::inspect(vm, f).unwrap_or_default(),
        Value::Str(s) => format!("type string ('{s}')"),
        Value::Undefined => "undefined".into(),
        other => format!(
            "type {} ({})",
            other.prim_typeof(),
            vm.prim_to_string(other)
        ),
    };
    let d = if matches!(f, Value::Obj(_)) {
        format!(
            "an instance of {}",
            crate::inspect::constructor_name(vm, f.as_obj().unwrap_or(0))
                .unwrap_or_else(|| "Object".into())
        )
    } else {
        d
    };
    let e = vm.make_error(
        "TypeError",
        &format!("The \"callback\" argument must be of type function. Received {d}"),
    );
    if let Value::Obj(o) = &e {
        vm.set_prop_raw(*o, "code", Value::str("ERR_INVALID_ARG_TYPE"));
    }
    crate::interp::Throw::Js(e)
}

/// Node's `Timeout` object for timer `id`.
fn timeout_object(
    vm: &mut Vm,
    id: u32,
    f: &Value,
    delay: u64,
    args: &[Value],
    repeat: bool,
) -> Value {
    let p = vm.realm.timeout_proto;
    let t = vm.alloc(Some(p), Kind::Ordinary);
    let timer_args = if args.is_empty() {
        Value::Undefined
    } else {
        vm.array_value(args.to_vec())
    };
    let now = vm.events.now;
    for (k, v) in [
        ("_idleTimeout", Value::Num(delay as f64)),
        ("_idlePrev", Value::Null),
        ("_idleNext", Value::Null),
        ("_idleStart", Value::Num(now as f64)),
        ("_onTimeout", f.clone()),
        ("_timerArgs", timer_args),
        (
            "_repeat",
            if repeat {
                Value::Num(delay as f64)
            } else {
                Value::Null
            },
        ),
        ("_destroyed", Value::Bool(false)),
    ] {
        vm.set_prop_raw(t, k, v);
    }
    let refed = vm.timer_symbols[0];
    vm.set_own(t, PropKey::Sym(refed), Value::Bool(true)).ok();
    let id_sym = vm.timer_symbols[1];
    if let Some(o) = vm.heap.get_mut(t) {
        o.props
            .insert(PropKey::Sym(id_sym), Prop::hidden(Value::Num(id as f64)));
    }
    vm.set_timer_handle(id, t);
    Value::Obj(t)
}

fn schedule(vm: &mut Vm, c: &NativeCall, repeat: bool) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        if vm.browser {
            return Err(vm.unsupported("setTimeout with a string of code"));
        }
        return Err(callback_error(vm, &f));
    }
    let delay = vm.to_number(&c.arg(1))?;
    let args: Vec<Value> = c.args.iter().skip(2).cloned().collect();
    let id = vm.add_timer(f.clone(), delay, args.clone(), repeat);
    if vm.browser {
        return Ok(Value::Num(id as f64));
    }
    let d = if delay.is_nan() || delay < 1.0 {
        1
    } else {
        delay.min(2147483647.0) as u64
    };
    Ok(timeout_object(vm, id, &f, d, &args, repeat))
}

fn set_timeout(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    schedule(vm, c, false)
}

fn set_interval(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    schedule(vm, c, true)
}

fn set_immediate(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        return Err(callback_error(vm, &f));
    }
    let args: Vec<Value> = c.args.iter().skip(1).cloned().collect();
    vm.events.next_timer_id += 1;
    let id = vm.events.next_timer_id;
    let p = vm.realm.immediate_proto;
    let o = vm.alloc(Some(p), Kind::Ordinary);
    let argv = if args.is_empty() {
        Value::Undefined
    } else {
        vm.array_value(args.clone())
    };
    for (k, v) in [
        ("_idleNext", Value::Null),
        ("_idlePrev", Value::Null),
        ("_onImmediate", f.clone()),
        ("_argv", argv),
        ("_destroyed", Value::Bool(false)),
    ] {
        vm.set_prop_raw(o, k, v);
    }
    // Node calls `immediate._onImmediate()`: the Immediate is the callback's `this`.
    vm.events.tasks.push_back((
        Job::Call {
            f,
            this: Value::Obj(o),
            args,
        },
        "setImmediate",
        id,
    ));
    let id_sym = vm.timer_symbols[1];
    if let Some(x) = vm.heap.get_mut(o) {
        x.props
            .insert(PropKey::Sym(id_sym), Prop::hidden(Value::Num(id as f64)));
    }
    Ok(Value::Obj(o))
}

/// The timer id a clear function receives (number, numeric string, or Timeout).
fn timer_id(vm: &mut Vm, v: &Value) -> Option<u32> {
    match v {
        Value::Num(n) => Some(*n as u32),
        Value::Str(s) => s.parse().ok(),
        Value::Obj(o) => {
            let id_sym = vm.timer_symbols[1];
            match vm
                .heap
                .get(*o)
                .and_then(|x| x.props.get(&PropKey::Sym(id_sym)))
                .map(|p| p.v.clone())
            {
                Some(crate::heap::PropVal::Data(Value::Num(n))) => Some(n as u32),
                _ => None,
            }
        }
        _ => None,
    }
}

fn clear_timer(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(id) = timer_id(vm, &c.arg(0)) {
        vm.clear_timer(id);
        vm.cancel_immediate(id);
        if let Value::Obj(o) = c.arg(0) {
            vm.set_prop_raw(o, "_destroyed", Value::Bool(true));
        }
    }
    Ok(Value::Undefined)
}

fn this_timeout(vm: &mut Vm, c: &NativeCall) -> Option<(ObjRef, u32)> {
    let o = c.this.as_obj()?;
    Some((o, timer_id(vm, &c.this)?))
}

fn timeout_ref(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some((o, id)) = this_timeout(vm, c) {
        vm.set_timer_ref(id, true);
        let refed = vm.timer_symbols[0];
        vm.set_own(o, PropKey::Sym(refed), Value::Bool(true))?;
    }
    Ok(c.this.clone())
}

fn timeout_unref(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some((o, id)) = this_timeout(vm, c) {
        vm.set_timer_ref(id, false);
        let refed = vm.timer_symbols[0];
        vm.set_own(o, PropKey::Sym(refed), Value::Bool(false))?;
    }
    Ok(c.this.clone())
}

fn timeout_has_ref(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let refed = vm.timer_symbols[0];
    Ok(match c.this.as_obj() {
        Some(o) => vm.get(&Value::Obj(o), &PropKey::Sym(refed))?,
        None => Value::Bool(false),
    })
}

fn timeout_refresh(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some((_, id)) = this_timeout(vm, c) {
        vm.refresh_timer(id);
    }
    Ok(c.this.clone())
}

fn timeout_close(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    clear_timer(
        vm,
        &NativeCall {
            this: Value::Undefined,
            args: vec![c.this.clone()],
            callee: c.callee,
            new_target: None,
        },
    )?;
    Ok(c.this.clone())
}

fn timeout_to_primitive(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(timer_id(vm, &c.this)
        .map(|i| Value::Num(i as f64))
        .unwrap_or(Value::Num(f64::NAN)))
}

fn no_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.type_error("Illegal constructor"))
}

fn queue_microtask(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        return Err(callback_error(vm, &f));
    }
    vm.enqueue_micro(Job::Call {
        f,
        this: Value::Undefined,
        args: vec![],
    });
    Ok(Value::Undefined)
}

/// Resolves the promise in slot 0 with the value in slot 1.
fn resolve_slot(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let v = crate::builtins::promise::native_slot(vm, c.callee, 1);
    if let Value::Obj(p) = p {
        crate::builtins::promise::resolve_promise(vm, p, v)?;
    }
    Ok(Value::Undefined)
}

/// `timers/promises.setTimeout(delay, value)` (also `util.promisify(setTimeout)`).
fn promise_timeout(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let delay = match c.arg(0) {
        Value::Undefined => 1.0,
        v => vm.to_number(&v)?,
    };
    let p = crate::builtins::promise::new_promise(vm);
    let f = vm.native_with("", 0, resolve_slot, vec![Value::Obj(p), c.arg(1)], false);
    vm.add_timer(Value::Obj(f), delay, vec![], false);
    Ok(Value::Obj(p))
}

/// `timers/promises.setImmediate(value)`.
fn promise_immediate(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = crate::builtins::promise::new_promise(vm);
    let f = vm.native_with("", 0, resolve_slot, vec![Value::Obj(p), c.arg(0)], false);
    vm.events.next_timer_id += 1;
    let id = vm.events.next_timer_id;
    vm.events.tasks.push_back((
        Job::Call {
            f: Value::Obj(f),
            this: Value::Undefined,
            args: vec![],
        },
        "setImmediate",
        id,
    ));
    Ok(Value::Obj(p))
}

/// `scheduler.wait(delay)`.
fn scheduler_wait(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let delay = vm.to_number(&c.arg(0))?;
    let p = crate::builtins::promise::new_promise(vm);
    let f = vm.native_with(
        "",
        0,
        resolve_slot,
        vec![Value::Obj(p), Value::Undefined],
        false,
    );
    vm.add_timer(Value::Obj(f), delay, vec![], false);
    Ok(Value::Obj(p))
}

/// Node's `require('timers/promises')`.
pub fn promises_module(vm: &mut Vm) -> Value {
    let m = vm.new_object();
    let g = Value::Obj(vm.realm.global);
    for k in ["setTimeout", "setImmediate"] {
        let f = vm
            .get(&g, &PropKey::s(k))
            .ok()
            .and_then(|f| f.as_obj())
            .and_then(|f| {
                let custom = PropKey::Sym(vm.registered_symbol("nodejs.util.promisify.custom"));
                vm.get(&Value::Obj(f), &custom).ok()
            })
            .unwrap_or_default();
        vm.set_prop_raw(m, k, f);
    }
    let s = vm.new_object();
    vm.method(s, "wait", 1, scheduler_wait);
    vm.set_prop_raw(m, "scheduler", Value::Obj(s));
    Value::Obj(m)
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    let refed = vm.new_symbol(Some(std::sync::Arc::from("refed")));
    let id = vm.new_symbol(Some(std::sync::Arc::from("timerId")));
    vm.private_symbols.insert(id);
    vm.timer_symbols = [refed, id];
    let fns: [(&str, u32, NativeFnPtr); 7] = [
        ("setTimeout", 2, set_timeout),
        ("setInterval", 2, set_interval),
        ("setImmediate", 1, set_immediate),
        ("clearTimeout", 1, clear_timer),
        ("clearInterval", 1, clear_timer),
        ("clearImmediate", 1, clear_timer),
        ("queueMicrotask", 1, queue_microtask),
    ];
    let custom = PropKey::Sym(vm.registered_symbol("nodejs.util.promisify.custom"));
    for (n, l, f) in fns {
        if vm.browser && n.ends_with("Immediate") {
            continue;
        }
        let func = vm.method(g, n, l, f);
        let promised: Option<NativeFnPtr> = match n {
            "setTimeout" => Some(promise_timeout),
            "setImmediate" => Some(promise_immediate),
            _ => None,
        };
        if let (Some(p), false) = (promised, vm.browser) {
            let pf = vm.native(n, 2, p);
            vm.set_hidden_key(func, custom.clone(), Value::Obj(pf));
        }
    }
    let op = vm.realm.object_proto;
    let tp = vm.heap.alloc(Some(op), Kind::Ordinary);
    let tc = make_ctor(vm, "Timeout", 0, no_ctor, tp);
    let _ = tc;
    for (n, f) in [
        ("refresh", timeout_refresh as NativeFnPtr),
        ("unref", timeout_unref),
        ("ref", timeout_ref),
        ("hasRef", timeout_has_ref),
        ("close", timeout_close),
        ("@Symbol.toPrimitive", timeout_to_primitive),
    ] {
        vm.method(tp, n, 0, f);
    }
    vm.realm.timeout_proto = tp;
    let ip = vm.heap.alloc(Some(op), Kind::Ordinary);
    make_ctor(vm, "Immediate", 0, no_ctor, ip);
    for (n, f) in [
        ("ref", timeout_ref as NativeFnPtr),
        ("unref", timeout_unref),
        ("hasRef", timeout_has_ref),
    ] {
        vm.method(ip, n, 0, f);
    }
    vm.realm.immediate_proto = ip;
    // Timeout and Immediate are not globals in Node.
    if let Some(o) = vm.heap.get_mut(g) {
        o.props.shift_remove(&PropKey::s("Timeout"));
        o.props.shift_remove(&PropKey::s("Immediate"));
    }
    vm.realm.extra.extend([tp, ip]);
}
