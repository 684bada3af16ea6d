//! Promise: states, reactions, resolving functions, thenable adoption with V8's job
//! ordering (a thenable costs two extra ticks), and the static combinators.

use crate::event_loop::Job;
use crate::heap::{Kind, NativeCall, PState, PromiseData, Reaction, ReactionTarget};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};

pub fn new_promise(vm: &mut Vm) -> ObjRef {
    let p = vm.realm.promise_proto;
    new_promise_with(vm, p)
}

fn new_promise_with(vm: &mut Vm, proto: ObjRef) -> ObjRef {
    vm.alloc(
        Some(proto),
        Kind::Promise(Box::new(PromiseData {
            state: PState::Pending,
            value: Value::Undefined,
            reactions: Vec::new(),
            handled: false,
        })),
    )
}

pub fn data_mut(vm: &mut Vm, p: ObjRef) -> Option<&mut PromiseData> {
    match vm.heap.get_mut(p).map(|o| &mut o.kind) {
        Some(Kind::Promise(d)) => Some(d),
        _ => None,
    }
}

pub fn promise_value(vm: &Vm, p: ObjRef) -> Value {
    match vm.heap.kind(p) {
        Some(Kind::Promise(d)) => d.value.clone(),
        _ => Value::Undefined,
    }
}

pub fn is_handled(vm: &Vm, p: ObjRef) -> bool {
    match vm.heap.kind(p) {
        Some(Kind::Promise(d)) => d.handled || d.state != PState::Rejected,
        _ => true,
    }
}

fn settle(vm: &mut Vm, p: ObjRef, state: PState, v: Value) {
    let reactions = match data_mut(vm, p) {
        Some(d) if d.state == PState::Pending => {
            d.state = state;
            d.value = v.clone();
            std::mem::take(&mut d.reactions)
        }
        _ => return,
    };
    let rejected = state == PState::Rejected;
    if rejected && reactions.is_empty() {
        vm.events.unhandled.push(p);
    }
    for r in reactions {
        let handler = if rejected { r.on_rej } else { r.on_ful };
        vm.enqueue_micro(Job::Reaction {
            handler,
            arg: v.clone(),
            target: r.target,
            rejected,
        });
    }
}

pub fn reject_promise(vm: &mut Vm, p: ObjRef, e: Value) {
    settle(vm, p, PState::Rejected, e);
}

/// The promise resolve function's steps.
pub fn resolve_promise(vm: &mut Vm, p: ObjRef, v: Value) -> Res<()> {
    if let Value::Obj(o) = &v {
        if *o == p {
            let e = vm.make_error(
                "TypeError",
                "Chaining cycle detected for promise #<Promise>",
            );
            reject_promise(vm, p, e);
            return Ok(());
        }
        let then = match vm.get(&v, &PropKey::s("then")) {
            Ok(t) => t,
            Err(Throw::Js(e)) => {
                reject_promise(vm, p, e);
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        if vm.is_callable(&then) {
            vm.enqueue_micro(Job::Thenable {
                promise: p,
                thenable: v,
                then,
            });
            return Ok(());
        }
    }
    settle(vm, p, PState::Fulfilled, v);
    Ok(())
}

/// PerformPromiseThen.
pub fn perform_then(vm: &mut Vm, p: ObjRef, on_ful: Value, on_rej: Value, target: ReactionTarget) {
    let Some(d) = data_mut(vm, p) else { return };
    let was_handled = d.handled;
    d.handled = true;
    match d.state {
        PState::Pending => d.reactions.push(Reaction {
            on_ful,
            on_rej,
            target,
        }),
        PState::Fulfilled => {
            let v = d.value.clone();
            vm.enqueue_micro(Job::Reaction {
                handler: on_ful,
                arg: v,
                target,
                rejected: false,
            });
        }
        PState::Rejected => {
            let v = d.value.clone();
            let _ = was_handled;
            vm.enqueue_micro(Job::Reaction {
                handler: on_rej,
                arg: v,
                target,
                rejected: true,
            });
        }
    }
}

/// PromiseResolve(%Promise%, v).
pub fn promise_resolve(vm: &mut Vm, v: Value) -> Res<ObjRef> {
    if let Value::Obj(o) = &v {
        if let Some(Kind::Promise(_)) = vm.heap.kind(*o) {
            let proto = vm.heap.get(*o).and_then(|x| x.proto);
            if proto == Some(vm.realm.promise_proto) {
                return Ok(*o);
            }
        }
    }
    let p = new_promise(vm);
    resolve_promise(vm, p, v)?;
    Ok(p)
}

fn resolve_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (p, cell) = slots(vm, c.callee);
    if take_cell(vm, cell) {
        if let Some(p) = p {
            resolve_promise(vm, p, c.arg(0))?;
        }
    }
    Ok(Value::Undefined)
}

fn reject_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (p, cell) = slots(vm, c.callee);
    if take_cell(vm, cell) {
        if let Some(p) = p {
            reject_promise(vm, p, c.arg(0));
        }
    }
    Ok(Value::Undefined)
}

fn slots(vm: &Vm, f: ObjRef) -> (Option<ObjRef>, Option<ObjRef>) {
    match vm.heap.kind(f) {
        Some(Kind::Native(n)) => (
            n.slots.first().and_then(|v| v.as_obj()),
            n.slots.get(1).and_then(|v| v.as_obj()),
        ),
        _ => (None, None),
    }
}

/// The shared "already resolved" flag; returns true the first time.
fn take_cell(vm: &mut Vm, cell: Option<ObjRef>) -> bool {
    let Some(c) = cell else { return true };
    match vm.heap.get_mut(c).map(|o| &mut o.kind) {
        Some(Kind::Boxed(Value::Bool(done))) => {
            if *done {
                false
            } else {
                *done = true;
                true
            }
        }
        _ => true,
    }
}

/// CreateResolvingFunctions.
pub fn resolving_functions(vm: &mut Vm, p: ObjRef) -> (Value, Value) {
    let cell = vm.alloc(None, Kind::Boxed(Value::Bool(false)));
    let res = vm.native_with(
        "",
        1,
        resolve_fn,
        vec![Value::Obj(p), Value::Obj(cell)],
        false,
    );
    let rej = vm.native_with(
        "",
        1,
        reject_fn,
        vec![Value::Obj(p), Value::Obj(cell)],
        false,
    );
    (Value::Obj(res), Value::Obj(rej))
}

fn ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Promise constructor cannot be invoked without 'new'"));
    }
    let exec = c.arg(0);
    if !vm.is_callable(&exec) {
        let d = vm.short_display(&exec);
        return Err(vm.type_error(&format!("Promise resolver {d} is not a function")));
    }
    let def = vm.realm.promise_proto;
    let proto = vm.proto_for(c, def)?;
    let p = new_promise_with(vm, proto);
    let (res, rej) = resolving_functions(vm, p);
    if let Err(Throw::Js(e)) = vm.call(&exec, Value::Undefined, vec![res, rej.clone()]) {
        vm.call(&rej, Value::Undefined, vec![e])?;
    }
    Ok(Value::Obj(p))
}

fn this_promise(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match &c.this {
        Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::Promise(_))) => Ok(*o),
        other => {
            let d = vm.receiver_words(other);
            Err(vm.type_error(&format!(
                "Method Promise.prototype.then called on incompatible receiver {d}"
            )))
        }
    }
}

/// The executor NewPromiseCapability passes to a Promise subclass: keeps the
/// resolving functions it is given.
fn capability_executor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(Kind::Native(n)) = vm.heap.get_mut(c.callee).map(|o| &mut o.kind) {
        n.slots = vec![c.arg(0), c.arg(1)];
    }
    Ok(Value::Undefined)
}

/// SpeciesConstructor(this, %Promise%).
fn species_of(vm: &mut Vm, this: &Value) -> Res<Value> {
    let ctor = vm.get(this, &PropKey::s("constructor"))?;
    let species = match ctor {
        Value::Undefined => Value::Undefined,
        Value::Obj(_) => vm.get(&ctor, &PropKey::Sym(crate::interp::sym::SPECIES))?,
        _ => return Err(vm.type_error("The .constructor property is not an object")),
    };
    match species {
        Value::Undefined | Value::Null => Ok(Value::Obj(vm.realm.promise_ctor)),
        c if vm.is_constructor(&c) => Ok(c),
        _ => Err(vm.type_error("object.constructor[Symbol.species] is not a constructor")),
    }
}

/// The promise `then` returns, made by `this`'s species constructor.
fn derived_promise(vm: &mut Vm, this: &Value) -> Res<ObjRef> {
    let c = species_of(vm, this)?;
    new_capability(vm, &c)
}

/// NewPromiseCapability(C): a new pending promise made by constructor `c` — a
/// subclass's own instance, when its constructor hands the executor to Promise's.
fn new_capability(vm: &mut Vm, c: &Value) -> Res<ObjRef> {
    if matches!(c, Value::Obj(o) if *o == vm.realm.promise_ctor) || !vm.is_constructor(c) {
        return Ok(new_promise(vm));
    }
    let exec = vm.native_with("", 2, capability_executor, vec![], false);
    let made = vm.construct(c, vec![Value::Obj(exec)], None, None)?;
    let resolve = native_slot(vm, exec, 0);
    let own_resolve = match (&made, &resolve) {
        (Value::Obj(p), Value::Obj(r)) => {
            matches!(vm.heap.kind(*r), Some(Kind::Native(n)) if std::ptr::fn_addr_eq(n.f, resolve_fn as crate::heap::NativeFnPtr))
                && matches!(native_slot(vm, *r, 0), Value::Obj(o) if o == *p)
        }
        _ => false,
    };
    match made {
        Value::Obj(p) if own_resolve => Ok(p),
        _ => Err(vm.unsupported("a Promise subclass that does not pass its executor to Promise")),
    }
}

fn then(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_promise(vm, c)?;
    let derived = derived_promise(vm, &c.this)?;
    perform_then(
        vm,
        p,
        c.arg(0),
        c.arg(1),
        ReactionTarget::Promise(Some(derived)),
    );
    Ok(Value::Obj(derived))
}

fn catch(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = vm.get(&c.this, &PropKey::s("then"))?;
    vm.call(&f, c.this.clone(), vec![Value::Undefined, c.arg(0)])
}

/// `PromiseResolve(C, r).then(k)` of a finally handler whose promise's species `C` is
/// a subclass.
fn finally_subclass(vm: &mut Vm, ctor: Value, r: Value, k: ObjRef) -> Res<Value> {
    let resolve = vm.get(&ctor, &PropKey::s("resolve"))?;
    let p = vm.call(&resolve, ctor, vec![r])?;
    let then = vm.get(&p, &PropKey::s("then"))?;
    vm.call(&then, p, vec![Value::Obj(k)])
}

fn finally_fulfilled(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = native_slot(vm, c.callee, 0);
    let ctor = native_slot(vm, c.callee, 1);
    let r = vm.call(&f, Value::Undefined, vec![])?;
    let v = c.arg(0);
    let k = vm.native_with("", 0, value_thunk, vec![v], false);
    if is_subclass(vm, &ctor) {
        return finally_subclass(vm, ctor, r, k);
    }
    let p = promise_resolve(vm, r)?;
    let derived = new_promise(vm);
    perform_then(
        vm,
        p,
        Value::Obj(k),
        Value::Undefined,
        ReactionTarget::Promise(Some(derived)),
    );
    Ok(Value::Obj(derived))
}

fn finally_rejected(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = native_slot(vm, c.callee, 0);
    let ctor = native_slot(vm, c.callee, 1);
    let r = vm.call(&f, Value::Undefined, vec![])?;
    let v = c.arg(0);
    let k = vm.native_with("", 0, thrower_thunk, vec![v], false);
    if is_subclass(vm, &ctor) {
        return finally_subclass(vm, ctor, r, k);
    }
    let p = promise_resolve(vm, r)?;
    let derived = new_promise(vm);
    perform_then(
        vm,
        p,
        Value::Obj(k),
        Value::Undefined,
        ReactionTarget::Promise(Some(derived)),
    );
    Ok(Value::Obj(derived))
}

fn value_thunk(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(native_slot(vm, c.callee, 0))
}

fn thrower_thunk(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Err(Throw::Js(native_slot(vm, c.callee, 0)))
}

pub fn native_slot(vm: &Vm, f: ObjRef, i: usize) -> Value {
    match vm.heap.kind(f) {
        Some(Kind::Native(n)) => n.slots.get(i).cloned().unwrap_or_default(),
        _ => Value::Undefined,
    }
}

fn finally(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    let (a, b) = if vm.is_callable(&f) {
        let ctor = species_of(vm, &c.this)?;
        let a = vm.native_with(
            "",
            1,
            finally_fulfilled,
            vec![f.clone(), ctor.clone()],
            false,
        );
        let b = vm.native_with("", 1, finally_rejected, vec![f, ctor], false);
        (Value::Obj(a), Value::Obj(b))
    } else {
        (f.clone(), f)
    };
    let t = vm.get(&c.this, &PropKey::s("then"))?;
    vm.call(&t, c.this.clone(), vec![a, b])
}

/// True when `c` is a constructor other than %Promise% (a subclass).
fn is_subclass(vm: &Vm, c: &Value) -> bool {
    !matches!(c, Value::Obj(o) if *o == vm.realm.promise_ctor) && vm.is_constructor(c)
}

fn resolve_static(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if !is_subclass(vm, &c.this) {
        return Ok(Value::Obj(promise_resolve(vm, c.arg(0))?));
    }
    let x = c.arg(0);
    if let Value::Obj(o) = x {
        if matches!(vm.heap.kind(o), Some(Kind::Promise(_))) {
            let xc = vm.get(&x, &PropKey::s("constructor"))?;
            if matches!((&xc, &c.this), (Value::Obj(a), Value::Obj(b)) if a == b) {
                return Ok(x);
            }
        }
    }
    let p = new_capability(vm, &c.this)?;
    resolve_promise(vm, p, x)?;
    Ok(Value::Obj(p))
}

fn reject_static(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = new_capability(vm, &c.this)?;
    reject_promise(vm, p, c.arg(0));
    Ok(Value::Obj(p))
}

/// Shared state of a combinator: result promise, values array, remaining counter.
fn combinator(vm: &mut Vm, c: &NativeCall, mode: u8) -> Res<Value> {
    let ctor = if is_subclass(vm, &c.this) {
        c.this.clone()
    } else {
        Value::Obj(vm.realm.promise_ctor)
    };
    let result = new_capability(vm, &ctor)?;
    let items = match vm.iterate_to_vec(&c.arg(0)) {
        Ok(i) => i,
        Err(Throw::Js(e)) => {
            reject_promise(vm, result, e);
            return Ok(Value::Obj(result));
        }
        Err(e) => return Err(e),
    };
    let n = items.len();
    let values = vm.new_array(vec![Value::Undefined; n]);
    let counter = vm.alloc(None, Kind::Boxed(Value::Num(n as f64)));
    if n == 0 {
        if mode == 3 {
            let e = vm.make_error("AggregateError", "All promises were rejected");
            reject_promise(vm, result, e);
        } else if mode != 2 {
            resolve_promise(vm, result, Value::Obj(values))?;
        }
        return Ok(Value::Obj(result));
    }
    let presolve = vm.get(&ctor, &PropKey::s("resolve"))?;
    for (i, item) in items.into_iter().enumerate() {
        let p = vm.call(&presolve, ctor.clone(), vec![item])?;
        let slots = vec![
            Value::Obj(result),
            Value::Obj(values),
            Value::Obj(counter),
            Value::Num(i as f64),
            Value::Num(mode as f64),
        ];
        let (on_f, on_r) = match mode {
            0 => (
                Value::Obj(vm.native_with("", 1, all_elem, slots, false)),
                Value::Obj(vm.native_with("", 1, reject_result, vec![Value::Obj(result)], false)),
            ),
            1 => {
                let a = vm.native_with("", 1, settled_elem, slots.clone(), false);
                let mut s2 = slots;
                s2[4] = Value::Num(10.0);
                let b = vm.native_with("", 1, settled_elem, s2, false);
                (Value::Obj(a), Value::Obj(b))
            }
            2 => {
                let (r1, r2) = resolving_functions(vm, result);
                (r1, r2)
            }
            _ => (
                Value::Obj(vm.native_with("", 1, resolve_result, vec![Value::Obj(result)], false)),
                Value::Obj(vm.native_with("", 1, any_elem, slots, false)),
            ),
        };
        let t = vm.get(&p, &PropKey::s("then"))?;
        vm.call(&t, p, vec![on_f, on_r])?;
    }
    Ok(Value::Obj(result))
}

fn dec_counter(vm: &mut Vm, counter: Option<ObjRef>) -> bool {
    let Some(c) = counter else { return false };
    if let Some(Kind::Boxed(Value::Num(n))) = vm.heap.get_mut(c).map(|o| &mut o.kind) {
        *n -= 1.0;
        return *n <= 0.0;
    }
    false
}

fn all_elem(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = |i| native_slot(vm, c.callee, i);
    let (result, values, counter, idx) = (s(0), s(1), s(2), s(3));
    if let (Value::Obj(v), Value::Num(i)) = (&values, idx) {
        vm.set_own(*v, PropKey::s(&(i as usize).to_string()), c.arg(0))?;
    }
    if dec_counter(vm, counter.as_obj()) {
        if let Some(r) = result.as_obj() {
            resolve_promise(vm, r, values)?;
        }
    }
    Ok(Value::Undefined)
}

fn settled_elem(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = |i| native_slot(vm, c.callee, i);
    let (result, values, counter, idx, mode) = (s(0), s(1), s(2), s(3), s(4));
    let o = vm.new_object();
    let rejected = matches!(mode, Value::Num(m) if m == 10.0);
    vm.set_prop_raw(
        o,
        "status",
        Value::str(if rejected { "rejected" } else { "fulfilled" }),
    );
    vm.set_prop_raw(o, if rejected { "reason" } else { "value" }, c.arg(0));
    if let (Value::Obj(v), Value::Num(i)) = (&values, idx) {
        vm.set_own(*v, PropKey::s(&(i as usize).to_string()), Value::Obj(o))?;
    }
    if dec_counter(vm, counter.as_obj()) {
        if let Some(r) = result.as_obj() {
            resolve_promise(vm, r, values)?;
        }
    }
    Ok(Value::Undefined)
}

fn any_elem(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = |i| native_slot(vm, c.callee, i);
    let (result, values, counter, idx) = (s(0), s(1), s(2), s(3));
    if let (Value::Obj(v), Value::Num(i)) = (&values, idx) {
        vm.set_own(*v, PropKey::s(&(i as usize).to_string()), c.arg(0))?;
    }
    if dec_counter(vm, counter.as_obj()) {
        if let Some(r) = result.as_obj() {
            let e = vm.make_error("AggregateError", "All promises were rejected");
            if let Value::Obj(eo) = &e {
                vm.set_hidden(*eo, "errors", values);
            }
            reject_promise(vm, r, e);
        }
    }
    Ok(Value::Undefined)
}

fn reject_result(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(r) = native_slot(vm, c.callee, 0).as_obj() {
        reject_promise(vm, r, c.arg(0));
    }
    Ok(Value::Undefined)
}

fn resolve_result(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(r) = native_slot(vm, c.callee, 0).as_obj() {
        resolve_promise(vm, r, c.arg(0))?;
    }
    Ok(Value::Undefined)
}

fn all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    combinator(vm, c, 0)
}
fn all_settled(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    combinator(vm, c, 1)
}
fn race(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    combinator(vm, c, 2)
}
fn any(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    combinator(vm, c, 3)
}

/// Installs Promise.
pub fn install(vm: &mut Vm) {
    let proto = vm.realm.promise_proto;
    let ctor_f = super::make_ctor(vm, "Promise", 1, ctor, proto);
    vm.realm.promise_ctor = ctor_f;
    vm.method(proto, "then", 2, then);
    vm.method(proto, "catch", 1, catch);
    vm.method(proto, "finally", 1, finally);
    vm.set_hidden(proto, "@Symbol.toStringTag", Value::str("Promise"));
    vm.method(ctor_f, "resolve", 1, resolve_static);
    vm.method(ctor_f, "reject", 1, reject_static);
    vm.method(ctor_f, "all", 1, all);
    vm.method(ctor_f, "allSettled", 1, all_settled);
    vm.method(ctor_f, "race", 1, race);
    vm.method(ctor_f, "any", 1, any);
}
