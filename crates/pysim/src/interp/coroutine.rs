//! Coroutines on top of the generator machinery: the awaitable protocol behind `await`
//! (`GET_AWAITABLE`), `async with` (`BEFORE_ASYNC_WITH`), `async for` (`GET_AITER`,
//! `GET_ANEXT`, `END_ASYNC_FOR`), and the "was never awaited" warning a coroutine
//! collected before it started prints.

use super::Vm;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

impl Vm {
    /// Whether `v` is a coroutine object.
    pub fn is_coroutine(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Generator(_)) && self.heap.ty(r) == t::COROUTINE)
    }

    /// What a generator-like object is called in messages: `generator`, `coroutine` or
    /// `async generator`.
    pub fn gen_label(&self, g: ObjRef) -> &'static str {
        match self.heap.ty(g) {
            t::COROUTINE => "coroutine",
            t::ASYNC_GENERATOR => "async generator",
            _ => "generator",
        }
    }

    /// `GET_AWAITABLE`: the iterator an `await` drives (`v` borrowed, result owned).
    pub fn get_awaitable(&mut self, v: Value) -> PResult<Value> {
        if self.is_coroutine(v) {
            if let Value::Obj(r) = v {
                if self.delegate_of(r).is_some() {
                    return Err(self.runtime_error("coroutine is being awaited already"));
                }
            }
            self.incref(v);
            return Ok(v);
        }
        if let Value::Obj(r) = v {
            if let Kind::Generator(g) = self.heap.kind(r) {
                if g.code.unit.flags & ITERABLE_COROUTINE != 0 {
                    self.incref(v);
                    return Ok(v);
                }
            }
        }
        let ty = self.type_of(v);
        let Some(f) = self.lookup_type_str(ty, "__await__") else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("object {tn} can't be used in 'await' expression")));
        };
        let res = self.call(f, &[v], &[]);
        self.decref(f);
        let it = res?;
        if self.is_coroutine(it) {
            self.decref(it);
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        let ity = self.type_of(it);
        let is_iter = matches!(it, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Generator(_) | Kind::Iter(_)))
            || match self.lookup_type_str(ity, "__next__") {
                Some(n) => {
                    self.decref(n);
                    true
                }
                None => false,
            };
        if !is_iter {
            let tn = self.type_name(ity);
            self.decref(it);
            return Err(
                self.type_error(format!("__await__() returned non-iterator of type '{tn}'"))
            );
        }
        Ok(it)
    }

    /// Calls `obj.<name>()` for one of the async protocols, with CPython's message when
    /// the type lacks the method (`v` borrowed, result owned).
    fn call_async_slot(&mut self, v: Value, name: &str, missing: &str) -> PResult<Value> {
        let ty = self.type_of(v);
        let Some(f) = self.lookup_type_str(ty, name) else {
            let tn = self.type_name(ty);
            return Err(self.type_error(missing.replace("{}", &tn)));
        };
        let res = self.call(f, &[v], &[]);
        self.decref(f);
        res
    }

    /// `GET_AITER`: `aiter(v)`.
    pub fn get_aiter(&mut self, v: Value) -> PResult<Value> {
        self.call_async_slot(
            v,
            "__aiter__",
            "'async for' requires an object with __aiter__ method, got {}",
        )
    }

    /// `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
    pub fn get_anext(&mut self, aiter: Value) -> PResult<Value> {
        let r = self.call_async_slot(
            aiter,
            "__anext__",
            "'async for' requires an iterator with __anext__ method, got {}",
        )?;
        if self.is_coroutine(r) {
            return Ok(r);
        }
        let ty = self.type_of(r);
        if let Some(f) = self.lookup_type_str(ty, "__await__") {
            self.decref(f);
            return Ok(r);
        }
        let tn = self.type_name(ty);
        self.decref(r);
        Err(self.type_error(format!(
            "'async for' received an invalid object from __anext__: {tn}"
        )))
    }

    /// `BEFORE_ASYNC_WITH`: `(bound __aexit__, awaitable of __aenter__())`.
    pub fn before_async_with(&mut self, mgr: Value) -> PResult<(Value, Value)> {
        self.enter_context(
            mgr,
            "__aenter__",
            "__aexit__",
            "the asynchronous context manager protocol",
        )
    }

    /// The `RuntimeWarning` CPython issues when a coroutine that never started is
    /// finalized.
    pub fn warn_never_awaited(&mut self, g: ObjRef) {
        let Kind::Generator(gen) = self.heap.kind(g) else {
            return;
        };
        if self.heap.ty(g) != t::COROUTINE || gen.started || gen.frame.is_none() {
            return;
        }
        let name = self.as_str(gen.qualname).unwrap_or("?").to_string();
        let file = gen.code.unit.filename.clone();
        let line = self.line;
        let mut msg =
            format!("{file}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n");
        if let Some(text) = self
            .sources
            .get(&*file)
            .and_then(|s| s.lines().nth(line.saturating_sub(1) as usize))
        {
            msg.push_str(&format!("  {}\n", text.trim()));
        }
        msg.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        self.stderr.push_str(&msg);
    }
}

/// `CO_ITERABLE_COROUTINE`: a generator made awaitable by `types.coroutine`.
const ITERABLE_COROUTINE: u32 = 0x100;
