//! Generators: `send` / `throw` / `close` on a suspended frame kept in the generator
//! object, `yield from` delegation, PEP 479 (a `StopIteration` escaping the body becomes
//! `RuntimeError`), and the generator's own handled-exception state.

use super::eval::Exit;
use super::Vm;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

/// What a send into a generator (or any iterator, for `yield from`) produced.
#[derive(Debug)]
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// `gen.send(v)` (`v` borrowed).
    pub fn gen_send(&mut self, g: ObjRef, v: Value) -> PResult<SendResult> {
        self.gen_resume(g, v, None)
    }

    /// Resumes a generator with a value, or with an exception raised at its `yield`.
    fn gen_resume(&mut self, g: ObjRef, v: Value, exc: Option<ObjRef>) -> PResult<SendResult> {
        let (frame, running, started) = match self.heap.kind_mut(g) {
            Kind::Generator(gen) => {
                if gen.running {
                    (None, true, true)
                } else {
                    (gen.frame.take(), false, gen.started)
                }
            }
            _ => return Ok(SendResult::Returned(Value::None)),
        };
        if running {
            if let Some(e) = exc {
                self.decref_obj(e);
            }
            let what = self.gen_label(g);
            return Err(self.value_error(format!("{what} already executing")));
        }
        let Some(mut frame) = frame else {
            // Finished: a send raises StopIteration, a throw raises the exception; a
            // coroutine cannot be resumed at all.
            if self.heap.ty(g) == t::COROUTINE {
                if let Some(e) = exc {
                    self.decref_obj(e);
                }
                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
            }
            if let Some(e) = exc {
                return Err(Throw::Exc(e));
            }
            return Ok(SendResult::Returned(Value::None));
        };
        if !started && exc.is_none() && !v.is_none() {
            if let Kind::Generator(gen) = self.heap.kind_mut(g) {
                gen.frame = Some(frame);
            }
            let what = self.gen_label(g);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {what}"
            )));
        }
        if started && exc.is_none() {
            self.incref(v);
            frame.stack.push(v);
        }
        let exc_state = match self.heap.kind_mut(g) {
            Kind::Generator(gen) => {
                gen.running = true;
                gen.started = true;
                std::mem::replace(&mut gen.exc_state, Value::None)
            }
            _ => Value::None,
        };
        self.exc_info.push(exc_state);
        self.incref_obj(g);
        let res = if self.depth >= self.recursion_limit {
            Err(self.exc(t::RECURSION_ERROR, "maximum recursion depth exceeded"))
        } else {
            self.depth += 1;
            let r = match exc {
                Some(e) => self.run_frame_throw(&mut frame, e),
                None => self.run_frame(&mut frame),
            };
            self.depth -= 1;
            r
        };
        let state = self.exc_info.pop().unwrap_or(Value::None);
        let mut finished = false;
        let out = match res {
            Ok(Exit::Yield(y)) => Ok(SendResult::Yielded(y)),
            Ok(Exit::Return(r)) => {
                finished = true;
                Ok(SendResult::Returned(r))
            }
            Err(e) => {
                finished = true;
                Err(self.pep479(g, e))
            }
        };
        if finished {
            self.release_frame(*frame);
            self.decref(state);
            if let Kind::Generator(gen) = self.heap.kind_mut(g) {
                gen.running = false;
            }
        } else if let Kind::Generator(gen) = self.heap.kind_mut(g) {
            gen.running = false;
            gen.frame = Some(frame);
            gen.exc_state = state;
        }
        self.decref_obj(g);
        out
    }

    /// PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
    fn pep479(&mut self, g: ObjRef, e: Throw) -> Throw {
        let Throw::Exc(r) = e else { return e };
        let what = self.gen_label(g);
        let msg = if self.exc_matches(r, t::STOP_ITERATION) {
            format!("{what} raised StopIteration")
        } else if self.heap.ty(g) == t::ASYNC_GENERATOR
            && self.exc_matches(r, t::STOP_ASYNC_ITERATION)
        {
            format!("{what} raised StopAsyncIteration")
        } else {
            return Throw::Exc(r);
        };
        let Throw::Exc(n) = self.runtime_error(msg) else {
            return Throw::Exc(r);
        };
        if let Kind::Exception(x) = self.heap.kind_mut(n) {
            x.cause = Value::Obj(r);
            x.suppress_context = true;
        }
        self.incref_obj(r);
        if let Kind::Exception(x) = self.heap.kind_mut(n) {
            x.context = Value::Obj(r);
        }
        Throw::Exc(n)
    }

    /// `SEND` for `yield from`: into a generator, or `next` / `send` on an iterator.
    pub fn send_into(&mut self, it: Value, v: Value) -> PResult<SendResult> {
        if let Value::Obj(r) = it {
            if let Kind::Generator(_) = self.heap.kind(r) {
                return self.gen_send(r, v);
            }
        }
        if v.is_none() {
            let ty = self.type_of(it);
            if let Some(f) = self.lookup_type_str(ty, "__next__") {
                let res = self.call(f, &[it], &[]);
                self.decref(f);
                return match res {
                    Ok(y) => Ok(SendResult::Yielded(y)),
                    Err(e) if self.throw_is(&e, t::STOP_ITERATION) => {
                        Ok(SendResult::Returned(self.stop_value(e)))
                    }
                    Err(e) => Err(e),
                };
            }
            return match self.next(it)? {
                Some(y) => Ok(SendResult::Yielded(y)),
                None => Ok(SendResult::Returned(Value::None)),
            };
        }
        match self.call_method(it, "send", &[v]) {
            Ok(y) => Ok(SendResult::Yielded(y)),
            Err(e) if self.throw_is(&e, t::STOP_ITERATION) => {
                Ok(SendResult::Returned(self.stop_value(e)))
            }
            Err(e) => Err(e),
        }
    }

    /// The `value` of a caught StopIteration (consumes the exception).
    pub fn stop_value(&mut self, e: Throw) -> Value {
        let Throw::Exc(r) = e else { return Value::None };
        let v = self.exc_field(r, "value").unwrap_or(Value::None);
        self.incref(v);
        self.decref_obj(r);
        v
    }

    /// The iterator a generator suspended in `yield from` delegates to.
    pub fn delegate_of(&self, g: ObjRef) -> Option<Value> {
        let Kind::Generator(gen) = self.heap.kind(g) else {
            return None;
        };
        let fr = gen.frame.as_ref()?;
        if !gen.started {
            return None;
        }
        match fr.code.unit.ops.get(fr.ip) {
            Some(crate::code::Op::Send(_)) => fr.stack.last().copied(),
            _ => None,
        }
    }

    /// `gen.throw(exc)`: raises `exc` (an owned instance) at the suspension point.
    pub fn gen_throw(&mut self, g: ObjRef, exc: ObjRef) -> PResult<SendResult> {
        if let Some(yf) = self.delegate_of(g) {
            self.incref(yf);
            let is_exit = self.exc_matches(exc, t::GENERATOR_EXIT);
            let r = if is_exit {
                let c = self.close_iter(yf);
                self.decref(yf);
                match c {
                    Ok(()) => return self.gen_resume(g, Value::None, Some(exc)),
                    Err(e) => {
                        self.decref_obj(exc);
                        Err(e)
                    }
                }
            } else if let Value::Obj(yr) = yf {
                let res = if matches!(self.heap.kind(yr), Kind::Generator(_)) {
                    self.gen_throw(yr, exc)
                } else {
                    let ty = self.type_of(yf);
                    match self.lookup_type_str(ty, "throw") {
                        Some(f) => {
                            let res = self.call(f, &[yf, Value::Obj(exc)], &[]);
                            self.decref(f);
                            self.decref_obj(exc);
                            match res {
                                Ok(y) => Ok(SendResult::Yielded(y)),
                                Err(e) if self.throw_is(&e, t::STOP_ITERATION) => {
                                    Ok(SendResult::Returned(self.stop_value(e)))
                                }
                                Err(e) => Err(e),
                            }
                        }
                        None => {
                            self.decref(yf);
                            return self.gen_resume(g, Value::None, Some(exc));
                        }
                    }
                };
                self.decref(yf);
                match res {
                    Ok(SendResult::Yielded(y)) => return Ok(SendResult::Yielded(y)),
                    Ok(SendResult::Returned(r)) => {
                        // The delegate finished: resume this frame after the SEND with r.
                        return self.finish_yield_from(g, r);
                    }
                    Err(e) => Err(e),
                }
            } else {
                self.decref(yf);
                Err(Throw::Exc(exc))
            };
            return match r {
                Ok(x) => Ok(x),
                Err(Throw::Exc(e)) => self.gen_resume(g, Value::None, Some(e)),
                Err(other) => Err(other),
            };
        }
        self.gen_resume(g, Value::None, Some(exc))
    }

    /// After a delegate returned `r` during a throw: pop it, push `r`, continue after
    /// the `SEND`.
    fn finish_yield_from(&mut self, g: ObjRef, r: Value) -> PResult<SendResult> {
        let target = match self.heap.kind_mut(g) {
            Kind::Generator(gen) => match gen.frame.as_mut() {
                Some(fr) => match fr.code.unit.ops.get(fr.ip) {
                    Some(crate::code::Op::Send(t)) => {
                        let t = *t as usize;
                        let it = fr.stack.pop();
                        fr.ip = t;
                        it
                    }
                    _ => None,
                },
                None => None,
            },
            _ => None,
        };
        if let Some(it) = target {
            self.decref(it);
        }
        // Resume with r as the result of the `yield from` expression.
        if let Kind::Generator(gen) = self.heap.kind_mut(g) {
            if let Some(fr) = gen.frame.as_mut() {
                fr.stack.push(r);
            }
        }
        self.gen_resume_no_push(g)
    }

    fn gen_resume_no_push(&mut self, g: ObjRef) -> PResult<SendResult> {
        // The value is already on the stack: resume as if just started.
        if let Kind::Generator(gen) = self.heap.kind_mut(g) {
            gen.started = false;
        }
        let r = self.gen_resume(g, Value::None, None);
        if let Kind::Generator(gen) = self.heap.kind_mut(g) {
            gen.started = true;
        }
        r
    }

    /// Closes an iterator `yield from` delegates to (`gen_close_iter`).
    fn close_iter(&mut self, it: Value) -> PResult<()> {
        if let Value::Obj(r) = it {
            if let Kind::Generator(_) = self.heap.kind(r) {
                return self.gen_close(it);
            }
        }
        let ty = self.type_of(it);
        if let Some(f) = self.lookup_type_str(ty, "close") {
            let res = self.call(f, &[it], &[]);
            self.decref(f);
            let r = res?;
            self.decref(r);
        }
        Ok(())
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gv: Value) -> PResult<()> {
        let Value::Obj(g) = gv else { return Ok(()) };
        let (has_frame, started) = match self.heap.kind(g) {
            Kind::Generator(gen) => (gen.frame.is_some(), gen.started),
            _ => return Ok(()),
        };
        if !has_frame {
            return Ok(());
        }
        if !started {
            let fr = match self.heap.kind_mut(g) {
                Kind::Generator(gen) => gen.frame.take(),
                _ => None,
            };
            if let Some(fr) = fr {
                self.release_frame(*fr);
            }
            return Ok(());
        }
        let exc = self.new_exception(t::GENERATOR_EXIT, Vec::new());
        match self.gen_throw(g, exc) {
            Ok(SendResult::Yielded(y)) => {
                self.decref(y);
                let what = self.gen_label(g);
                Err(self.runtime_error(format!("{what} ignored GeneratorExit")))
            }
            Ok(SendResult::Returned(r)) => {
                self.decref(r);
                Ok(())
            }
            Err(e)
                if self.throw_is(&e, t::GENERATOR_EXIT) || self.throw_is(&e, t::STOP_ITERATION) =>
            {
                self.discard(e);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}
