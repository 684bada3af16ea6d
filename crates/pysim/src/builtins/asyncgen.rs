//! Async generators: `__aiter__` / `__anext__` / `asend` / `athrow` / `aclose`, and the
//! awaitables they return (`async_generator_asend`, `async_generator_athrow`). The
//! generator's frame runs on the generator machinery; an awaitable tells the body's own
//! `yield` (which ends the await with `StopIteration(value)`) from a value an inner
//! `await` passes up to the event loop (the frame is then suspended at a `SEND`).

use super::misc_methods::{send_result, thrown_exception};
use crate::heap::refcount::FreeList;
use crate::interp::generator::SendResult;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use std::cell::Cell;

/// Where an awaitable is in its life (CPython's `AWAITABLE_STATE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// What an awaitable does to its generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// `__anext__()` / `asend(value)`.
    Send,
    /// `athrow(exc)`.
    Throw,
    /// `aclose()`.
    Close,
}

#[derive(Debug)]
struct AsyncGenAwaitable {
    agen: Value,
    /// The value to send first (`Send`) or the exception to throw (`Throw`).
    arg: Cell<Value>,
    op: Op,
    state: Cell<State>,
}

impl NativeObj for AsyncGenAwaitable {
    fn for_each_ref(&self, f: &mut dyn FnMut(Value)) {
        f(self.agen);
        f(self.arg.get());
    }
    fn sizeof(&self) -> u64 {
        40
    }
    fn is_gc(&self) -> bool {
        true
    }
    fn take_refs(&mut self) -> Vec<Value> {
        vec![
            std::mem::replace(&mut self.agen, Value::None),
            self.arg.replace(Value::None),
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this(args: &[Value]) -> Value {
    args.first().copied().unwrap_or(Value::None)
}

fn agen_ref(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    match this(args) {
        Value::Obj(r) if vm.heap.ty(r) == t::ASYNC_GENERATOR => Ok(r),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

/// The awaitable's fields: generator, operation, state.
fn awaitable(vm: &mut Vm, v: Value) -> PResult<(ObjRef, Op, State)> {
    if let Value::Obj(r) = v {
        if let Kind::Native(n) = vm.heap.kind(r) {
            if let Some(a) = n.as_any().downcast_ref::<AsyncGenAwaitable>() {
                if let Value::Obj(g) = a.agen {
                    return Ok((g, a.op, a.state.get()));
                }
            }
        }
    }
    Err(vm.type_error("expected an async generator awaitable"))
}

fn set_state(vm: &mut Vm, v: Value, s: State) {
    if let Value::Obj(r) = v {
        if let Kind::Native(n) = vm.heap.kind(r) {
            if let Some(a) = n.as_any().downcast_ref::<AsyncGenAwaitable>() {
                a.state.set(s);
            }
        }
    }
}

/// Takes the stored first value / exception out of the awaitable (owned).
fn take_arg(vm: &mut Vm, v: Value) -> Value {
    if let Value::Obj(r) = v {
        if let Kind::Native(n) = vm.heap.kind(r) {
            if let Some(a) = n.as_any().downcast_ref::<AsyncGenAwaitable>() {
                return a.arg.replace(Value::None);
            }
        }
    }
    Value::None
}

fn new_awaitable(vm: &mut Vm, g: ObjRef, op: Op, arg: Value) -> Value {
    let name = match op {
        Op::Send => "async_generator_asend",
        Op::Throw | Op::Close => "async_generator_athrow",
    };
    let ty = vm.new_native_type(name, "builtins");
    vm.incref_obj(g);
    let a = AsyncGenAwaitable {
        agen: Value::Obj(g),
        arg: Cell::new(arg),
        op,
        state: Cell::new(State::Init),
    };
    Value::Obj(vm.alloc_gc(ty, Kind::Native(Box::new(a)), FreeList::None))
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let g = agen_ref(vm, args)?;
    Ok(new_awaitable(vm, g, Op::Send, Value::None))
}

fn agen_asend(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("asend", args, 1, 1)?;
    let g = agen_ref(vm, args)?;
    vm.incref(args[1]);
    Ok(new_awaitable(vm, g, Op::Send, args[1]))
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("athrow", args, 1, 3)?;
    let g = agen_ref(vm, args)?;
    let exc = thrown_exception(vm, args)?;
    Ok(new_awaitable(vm, g, Op::Throw, Value::Obj(exc)))
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let g = agen_ref(vm, args)?;
    Ok(new_awaitable(vm, g, Op::Close, Value::None))
}

fn self_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    vm.incref(v);
    Ok(v)
}

/// Turns what the generator's frame did into the awaitable's step: a value an inner
/// `await` yields passes through; the body's own `yield` or its end finishes the await.
fn step_result(
    vm: &mut Vm,
    aw: Value,
    g: ObjRef,
    op: Op,
    r: PResult<SendResult>,
) -> PResult<Value> {
    match r {
        Ok(SendResult::Yielded(y)) if vm.delegate_of(g).is_some() => Ok(y),
        Ok(SendResult::Yielded(y)) => {
            set_state(vm, aw, State::Closed);
            if op == Op::Close {
                vm.decref(y);
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            send_result(vm, SendResult::Returned(y))
        }
        Ok(SendResult::Returned(v)) => {
            vm.decref(v);
            set_state(vm, aw, State::Closed);
            if op == Op::Close {
                return send_result(vm, SendResult::Returned(Value::None));
            }
            Err(Throw::Exc(
                vm.new_exception(t::STOP_ASYNC_ITERATION, Vec::new()),
            ))
        }
        Err(e) => {
            set_state(vm, aw, State::Closed);
            if op == Op::Close
                && (vm.throw_is(&e, t::GENERATOR_EXIT) || vm.throw_is(&e, t::STOP_ASYNC_ITERATION))
            {
                vm.discard(e);
                return send_result(vm, SendResult::Returned(Value::None));
            }
            Err(e)
        }
    }
}

fn reused(vm: &mut Vm, op: Op) -> Throw {
    vm.runtime_error(match op {
        Op::Send => "cannot reuse already awaited __anext__()/asend()",
        Op::Throw | Op::Close => "cannot reuse already awaited aclose()/athrow()",
    })
}

/// `awaitable.send(v)`.
fn aw_send_value(vm: &mut Vm, aw: Value, v: Value) -> PResult<Value> {
    let (g, op, state) = awaitable(vm, aw)?;
    match state {
        State::Closed => Err(reused(vm, op)),
        State::Iter => {
            let r = vm.gen_send(g, v);
            step_result(vm, aw, g, op, r)
        }
        State::Init => {
            set_state(vm, aw, State::Iter);
            let first = take_arg(vm, aw);
            let r = match op {
                Op::Send => {
                    // `gen_send` borrows what it sends; the awaitable's own reference
                    // to its argument ends here either way.
                    let sent = if v.is_none() { first } else { v };
                    let r = vm.gen_send(g, sent);
                    vm.decref(first);
                    r
                }
                Op::Throw | Op::Close => {
                    if !v.is_none() {
                        vm.decref(first);
                        return Err(vm.runtime_error(
                            "can't send non-None value to a just-started coroutine",
                        ));
                    }
                    let exc = match first {
                        Value::Obj(e) => e,
                        _ => vm.new_exception(t::GENERATOR_EXIT, Vec::new()),
                    };
                    vm.gen_throw(g, exc)
                }
            };
            step_result(vm, aw, g, op, r)
        }
    }
}

fn aw_send(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("send", args, 1, 1)?;
    aw_send_value(vm, this(args), args[1])
}

fn aw_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    aw_send_value(vm, this(args), Value::None)
}

fn aw_throw(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("throw", args, 1, 3)?;
    let aw = this(args);
    let (g, op, state) = awaitable(vm, aw)?;
    if state == State::Closed {
        return Err(reused(vm, op));
    }
    let exc = thrown_exception(vm, args)?;
    set_state(vm, aw, State::Iter);
    let r = vm.gen_throw(g, exc);
    step_result(vm, aw, g, op, r)
}

fn aw_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    set_state(vm, this(args), State::Closed);
    Ok(Value::None)
}

pub fn install(vm: &mut Vm) {
    let a = t::ASYNC_GENERATOR;
    vm.add_method(a, "__aiter__", self_iter);
    vm.add_method(a, "__anext__", agen_anext);
    vm.add_method(a, "asend", agen_asend);
    vm.add_method(a, "athrow", agen_athrow);
    vm.add_method(a, "aclose", agen_aclose);
    for name in ["async_generator_asend", "async_generator_athrow"] {
        let ty = vm.new_native_type(name, "builtins");
        vm.add_method(ty, "send", aw_send);
        vm.add_method(ty, "throw", aw_throw);
        vm.add_method(ty, "close", aw_close);
        vm.add_method(ty, "__next__", aw_next);
        vm.add_method(ty, "__iter__", self_iter);
        vm.add_method(ty, "__await__", self_iter);
    }
}
