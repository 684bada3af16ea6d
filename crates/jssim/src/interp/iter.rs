//! Iteration (the iterator protocol with fast built-in iterators), generators as
//! resumable frames, and async functions driven by promise reactions.

use super::exec::Completion;
use super::{Frame, Res, Throw, Vm};
use crate::code::Op;
pub use crate::heap::Resume;
use crate::heap::{GenData, GenState, IterData, Kind, ReactionTarget};
use crate::value::{ObjRef, PropKey, Value};

impl Vm {
    /// GetIterator: `(iterator, next)`.
    pub fn get_iterator(&mut self, v: &Value) -> Res<(Value, Value)> {
        self.get_iterator_described(v, "")
    }

    /// GetIterator for syntax (`for-of`, spread, array patterns): a non-iterable is
    /// named by `desc`, V8's rendering of the expression, when there is one.
    pub fn get_iterator_described(&mut self, v: &Value, desc: &str) -> Res<(Value, Value)> {
        let f = match v {
            Value::Undefined | Value::Null | Value::Empty => Value::Undefined,
            _ => self.get_value(v, &PropKey::Sym(super::sym::ITERATOR))?,
        };
        if !self.is_callable(&f) && !desc.is_empty() {
            return Err(self.type_error(&format!("{desc} is not iterable")));
        }
        if !self.is_callable(&f) {
            let d = match v {
                Value::Obj(_) if self.is_callable(v) => "function".to_string(),
                Value::Obj(_) => "object".to_string(),
                Value::Str(s) => format!("\"{s}\""),
                other => self.prim_to_string(other),
            };
            let msg = match v {
                Value::Undefined | Value::Null => {
                    format!("{d} is not iterable (cannot read property Symbol(Symbol.iterator))")
                }
                Value::Obj(_) => format!("{d} is not iterable"),
                _ => format!(
                    "{} {d} is not iterable (cannot read property Symbol(Symbol.iterator))",
                    v.prim_typeof()
                ),
            };
            return Err(self.type_error(&msg));
        }
        let it = self.call(&f, v.clone(), vec![])?;
        if !matches!(it, Value::Obj(_)) {
            return Err(self.type_error("Result of the Symbol.iterator method is not an object"));
        }
        let next = self.get(&it, &PropKey::s("next"))?;
        Ok((it, next))
    }

    /// One step: `(value, done)`. Built-in iterators skip the result object.
    pub fn iter_step(&mut self, it: &Value, next: &Value) -> Res<(Value, bool)> {
        if let (Value::Obj(o), Value::Obj(n)) = (it, next) {
            if self.is_builtin_next(*n) {
                if let Some(r) = self.builtin_iter_next(*o) {
                    return Ok(r);
                }
            }
        }
        let r = self.call(next, it.clone(), vec![])?;
        if !matches!(r, Value::Obj(_)) {
            let d = self.to_display(&r);
            return Err(self.type_error(&format!("Iterator result {d} is not an object")));
        }
        let done = self.get(&r, &PropKey::s("done"))?.truthy();
        let value = self.get(&r, &PropKey::s("value"))?;
        Ok((value, done))
    }

    fn is_builtin_next(&self, n: ObjRef) -> bool {
        matches!(self.heap.kind(n), Some(Kind::Native(nf)) if std::ptr::fn_addr_eq(nf.f, crate::builtins::iterators::iter_next as crate::heap::NativeFnPtr))
    }

    /// Advances a built-in iterator object.
    pub fn builtin_iter_next(&mut self, o: u32) -> Option<(Value, bool)> {
        enum Src {
            Array(u32, u32, u8),
            Table(u32, usize, u8),
            Done,
        }
        let src = match self.heap.get_mut(o).map(|x| &mut x.kind) {
            Some(Kind::Iter(d)) => match &mut **d {
                IterData::Array { obj, idx, kind } => Src::Array(*obj, *idx, *kind),
                IterData::Table { obj, idx, kind } => Src::Table(*obj, *idx, *kind),
                IterData::Str { s, pos } => {
                    let rest = &s[(*pos).min(s.len())..];
                    return match rest.chars().next() {
                        Some(c) => {
                            *pos += c.len_utf8();
                            Some((Value::str(&c.to_string()), false))
                        }
                        None => Some((Value::Undefined, true)),
                    };
                }
                IterData::RegExp { .. } => return None,
                IterData::List { items, idx } => {
                    let r = match items.get(*idx) {
                        Some(v) => (v.clone(), false),
                        None => (Value::Undefined, true),
                    };
                    *idx += 1;
                    return Some(r);
                }
            },
            _ => Src::Done,
        };
        match src {
            Src::Array(obj, idx, kind) => {
                let len = match self.heap.kind(obj) {
                    Some(Kind::Array(items)) => items.len() as u32,
                    Some(Kind::Arguments(_))
                    | Some(Kind::Ordinary)
                    | Some(Kind::Dom(_))
                    | Some(Kind::Host(_))
                    | Some(Kind::TypedArray(_))
                    | Some(Kind::Boxed(_)) => {
                        let l = self.length_of(&Value::Obj(obj)).unwrap_or(0);
                        l as u32
                    }
                    _ => 0,
                };
                if idx >= len {
                    if let Some(Kind::Iter(d)) = self.heap.get_mut(o).map(|x| &mut x.kind) {
                        if let IterData::Array { idx, .. } = &mut **d {
                            *idx = u32::MAX;
                        }
                    }
                    return Some((Value::Undefined, true));
                }
                if let Some(Kind::Iter(d)) = self.heap.get_mut(o).map(|x| &mut x.kind) {
                    if let IterData::Array { idx: i, .. } = &mut **d {
                        *i += 1;
                    }
                }
                let v = self
                    .get_elem(&Value::Obj(obj), &Value::Num(idx as f64))
                    .unwrap_or_default();
                let out = match kind {
                    0 => v,
                    1 => Value::Num(idx as f64),
                    _ => self.array_value(vec![Value::Num(idx as f64), v]),
                };
                Some((out, false))
            }
            Src::Table(obj, mut idx, kind) => {
                let entry = match self.heap.kind(obj) {
                    Some(Kind::Map(t)) | Some(Kind::Set(t)) => {
                        let mut found = None;
                        while idx < t.entries.len() {
                            if let Some(e) = &t.entries[idx] {
                                found = Some(e.clone());
                                idx += 1;
                                break;
                            }
                            idx += 1;
                        }
                        found
                    }
                    _ => None,
                };
                if let Some(Kind::Iter(d)) = self.heap.get_mut(o).map(|x| &mut x.kind) {
                    if let IterData::Table { idx: i, .. } = &mut **d {
                        *i = idx;
                    }
                }
                match entry {
                    None => Some((Value::Undefined, true)),
                    Some((k, v)) => Some(match kind {
                        0 => (k, false),
                        1 => (v, false),
                        _ => (self.array_value(vec![k, v]), false),
                    }),
                }
            }
            Src::Done => None,
        }
    }

    /// IteratorClose: calls `return` when present.
    pub fn iter_close(&mut self, it: &Value) -> Res<()> {
        if let Value::Obj(o) = it {
            if matches!(self.heap.kind(*o), Some(Kind::Iter(_))) {
                return Ok(());
            }
            let r = self.get(it, &PropKey::s("return"))?;
            if self.is_callable(&r) {
                self.call(&r, it.clone(), vec![])?;
            }
        }
        Ok(())
    }

    /// An iterator over a fixed list of values.
    pub fn list_iterator(&mut self, items: Vec<Value>) -> (Value, Value) {
        let p = self.realm.array_iter_proto;
        let it = self.alloc(
            Some(p),
            Kind::Iter(Box::new(IterData::List { items, idx: 0 })),
        );
        let next = self
            .get(&Value::Obj(it), &PropKey::s("next"))
            .unwrap_or_default();
        (Value::Obj(it), next)
    }

    /// Collects an iterable into a vector (array fast path).
    pub fn iterate_to_vec(&mut self, v: &Value) -> Res<Vec<Value>> {
        if let Value::Obj(o) = v {
            if let Some(Kind::Array(_)) = self.heap.kind(*o) {
                let f = self.get(v, &PropKey::Sym(super::sym::ITERATOR))?;
                let builtin =
                    self.get(&Value::Obj(self.realm.array_proto), &PropKey::s("values"))?;
                let slow = self
                    .heap
                    .get(*o)
                    .is_some_and(|x| x.props.keys().any(|k| k.as_index().is_some()));
                if crate::value::strict_equals(&f, &builtin) && !slow {
                    return Ok(self.array_items(v));
                }
            }
        }
        let (it, next) = self.get_iterator(v)?;
        let mut out = Vec::new();
        loop {
            let (x, done) = self.iter_step(&it, &next)?;
            if done {
                break;
            }
            out.push(x);
            if out.len() > 50_000_000 {
                return Err(Throw::Limit("iteration too long".into()));
            }
        }
        Ok(out)
    }

    /// A generator object for a freshly called generator (or async generator) function.
    pub fn new_generator(&mut self, frame: Frame) -> Value {
        let is_async = frame.code.flags.is_async;
        let callee = frame.callee;
        let default = if is_async {
            self.realm.async_generator_proto
        } else {
            self.realm.generator_proto
        };
        let proto = callee
            .and_then(|c| self.heap.get(c))
            .and_then(|o| o.props.get(&PropKey::s("prototype")))
            .and_then(|p| match &p.v {
                crate::heap::PropVal::Data(Value::Obj(o)) => Some(*o),
                _ => None,
            })
            .unwrap_or(default);
        let requests = if is_async {
            Some(std::collections::VecDeque::new())
        } else {
            None
        };
        let g = self.alloc(
            Some(proto),
            Kind::Generator(Box::new(GenData {
                frame: Some(Box::new(frame)),
                state: GenState::Start,
                promise: None,
                requests,
            })),
        );
        Value::Obj(g)
    }

    fn take_gen(&mut self, g: ObjRef) -> Option<(Option<Box<Frame>>, GenState)> {
        match self.heap.get_mut(g).map(|o| &mut o.kind) {
            Some(Kind::Generator(d)) => {
                let st = d.state;
                if st != GenState::Done && st != GenState::Running {
                    d.state = GenState::Running;
                }
                Some((d.frame.take(), st))
            }
            _ => None,
        }
    }

    fn put_gen(&mut self, g: ObjRef, frame: Option<Box<Frame>>, state: GenState) {
        if let Some(Kind::Generator(d)) = self.heap.get_mut(g).map(|o| &mut o.kind) {
            d.frame = frame;
            d.state = state;
        }
    }

    /// Pushes a suspended frame back on the stack and runs it with the resumption.
    fn run_resumed(
        &mut self,
        mut frame: Frame,
        how: Resume,
        started: bool,
    ) -> Res<(Box<Frame>, Res<Completion>)> {
        let delegating = started
            && matches!(
                frame
                    .pc
                    .checked_sub(1)
                    .and_then(|pc| frame.code.code.get(pc)),
                Some(Op::YieldDelegate(_))
            );
        let pending = if delegating {
            // `yield*` forwards the resumption to the inner iterator.
            let (v, mode) = match how {
                Resume::Next(v) => (v, 0.0),
                Resume::Throw(v) => (v, 1.0),
                Resume::Return(v) => (v, 2.0),
            };
            frame.stack.push(v);
            frame.stack.push(Value::Num(mode));
            None
        } else {
            match how {
                Resume::Next(v) => {
                    if started {
                        frame.stack.push(v);
                    }
                    None
                }
                Resume::Throw(e) => Some(Throw::Js(e)),
                Resume::Return(v) => Some(Throw::GenReturn(v)),
            }
        };
        self.depth += 1;
        if self.depth > super::MAX_DEPTH {
            self.depth -= 1;
            return Err(self.range_error("Maximum call stack size exceeded"));
        }
        self.frames.push(frame);
        let r = self.run_frame_with(pending);
        let f = self.frames.pop();
        self.depth -= 1;
        match f {
            Some(f) => Ok((Box::new(f), r)),
            None => Err(Throw::Limit("frame stack corrupted".into())),
        }
    }

    /// One step of `yield*`: forwards `received` to the inner iterator (on the stack
    /// under the operands) by `mode`; `Ok(v)` yields `v`, `Err(v)` ends with `v`.
    pub fn delegate_step(&mut self, mode: &Value, received: Value) -> Res<Result<Value, Value>> {
        let f = self
            .frames
            .last()
            .ok_or_else(|| Throw::Limit("no frame".into()))?;
        let n = f.stack.len();
        let (it, next) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
        let mode = if let Value::Num(m) = mode {
            *m as u8
        } else {
            0
        };
        let r = match mode {
            0 => {
                if let (Value::Obj(o), Value::Obj(nx)) = (&it, &next) {
                    if self.is_builtin_next(*nx) {
                        if let Some((v, done)) = self.builtin_iter_next(*o) {
                            return Ok(if done { Err(v) } else { Ok(v) });
                        }
                    }
                }
                self.call(&next, it.clone(), vec![received])?
            }
            1 => {
                let t = self.get(&it, &PropKey::s("throw"))?;
                if !self.is_callable(&t) {
                    self.iter_close(&it)?;
                    return Err(self.type_error("The iterator does not provide a 'throw' method"));
                }
                self.call(&t, it.clone(), vec![received])?
            }
            _ => {
                let f = self.get(&it, &PropKey::s("return"))?;
                if f.is_nullish() {
                    return Err(Throw::GenReturn(received));
                }
                let r = self.call(&f, it.clone(), vec![received])?;
                if !matches!(r, Value::Obj(_)) {
                    let d = self.to_display(&r);
                    return Err(self.type_error(&format!("Iterator result {d} is not an object")));
                }
                if self.get(&r, &PropKey::s("done"))?.truthy() {
                    let v = self.get(&r, &PropKey::s("value"))?;
                    return Err(Throw::GenReturn(v));
                }
                r
            }
        };
        if !matches!(r, Value::Obj(_)) {
            let d = self.to_display(&r);
            return Err(self.type_error(&format!("Iterator result {d} is not an object")));
        }
        let done = self.get(&r, &PropKey::s("done"))?.truthy();
        let value = self.get(&r, &PropKey::s("value"))?;
        Ok(if done { Err(value) } else { Ok(value) })
    }

    /// generator.next/throw/return.
    pub fn gen_resume(&mut self, g: ObjRef, how: Resume) -> Res<(Value, bool)> {
        let Some((frame, state)) = self.take_gen(g) else {
            return Err(self.type_error("next method called on incompatible receiver"));
        };
        match state {
            GenState::Running => return Err(self.type_error("Generator is already running")),
            GenState::Done => {
                return match how {
                    Resume::Next(_) => Ok((Value::Undefined, true)),
                    Resume::Return(v) => Ok((v, true)),
                    Resume::Throw(e) => Err(Throw::Js(e)),
                };
            }
            GenState::Start => match how {
                Resume::Return(v) => {
                    self.put_gen(g, None, GenState::Done);
                    return Ok((v, true));
                }
                Resume::Throw(e) => {
                    self.put_gen(g, None, GenState::Done);
                    return Err(Throw::Js(e));
                }
                Resume::Next(_) => {}
            },
            GenState::Suspended => {}
        }
        let Some(frame) = frame else {
            return Ok((Value::Undefined, true));
        };
        let (frame, r) = self.run_resumed(*frame, how, state == GenState::Suspended)?;
        match r {
            Ok(Completion::Yield(v)) => {
                self.put_gen(g, Some(frame), GenState::Suspended);
                Ok((v, false))
            }
            Ok(Completion::Return(v)) => {
                self.put_gen(g, None, GenState::Done);
                Ok((v, true))
            }
            Ok(Completion::Await(_)) => {
                self.put_gen(g, None, GenState::Done);
                Err(self.unsupported("await in a generator"))
            }
            Err(e) => {
                self.put_gen(g, None, GenState::Done);
                Err(e)
            }
        }
    }

    /// Calls an async function: runs it until its first `await`.
    pub fn start_async(&mut self, frame: Frame) -> Res<Value> {
        let p = crate::builtins::promise::new_promise(self);
        let a = self.alloc(
            None,
            Kind::Generator(Box::new(GenData {
                frame: Some(Box::new(frame)),
                state: GenState::Start,
                promise: Some(p),
                requests: None,
            })),
        );
        self.async_resume(a, Resume::Next(Value::Undefined))?;
        Ok(Value::Obj(p))
    }

    /// Suspends at an `await`: the frame resumes when the awaited value settles.
    fn await_value(&mut self, a: ObjRef, frame: Box<Frame>, v: Value) -> Res<()> {
        self.put_gen(a, Some(frame), GenState::Running);
        let p = crate::builtins::promise::promise_resolve(self, v)?;
        crate::builtins::promise::perform_then(
            self,
            p,
            Value::Undefined,
            Value::Undefined,
            ReactionTarget::Async(a),
        );
        Ok(())
    }

    /// Resumes an async function (or async generator) after an await settled; the
    /// suspended object stays rooted while its body runs.
    pub fn async_resume(&mut self, a: ObjRef, how: Resume) -> Res<()> {
        let mark = self.temp_roots.len();
        self.temp_roots.push(a);
        let r = self.async_resume_rooted(a, how);
        self.temp_roots.truncate(mark);
        r
    }

    fn async_resume_rooted(&mut self, a: ObjRef, how: Resume) -> Res<()> {
        let (promise, is_gen) = match self.heap.kind(a) {
            Some(Kind::Generator(d)) => (d.promise, d.requests.is_some()),
            _ => return Ok(()),
        };
        if is_gen {
            return self.async_gen_resume(a, how);
        }
        let Some((frame, state)) = self.take_gen(a) else {
            return Ok(());
        };
        let Some(frame) = frame else { return Ok(()) };
        let (frame, r) = self.run_resumed(*frame, how, state != GenState::Start)?;
        match r {
            Ok(Completion::Await(v)) => self.await_value(a, frame, v),
            Ok(Completion::Return(v)) | Ok(Completion::Yield(v)) => {
                self.put_gen(a, None, GenState::Done);
                if let Some(p) = promise {
                    crate::builtins::promise::resolve_promise(self, p, v)?;
                }
                Ok(())
            }
            Err(Throw::Js(e)) => {
                self.put_gen(a, None, GenState::Done);
                if let Some(p) = promise {
                    crate::builtins::promise::reject_promise(self, p, e);
                }
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// asyncGenerator.next/throw/return: queues the request and returns its promise.
    pub fn async_gen_request(&mut self, g: ObjRef, how: Resume) -> Res<Value> {
        let p = crate::builtins::promise::new_promise(self);
        let running = match self.heap.get_mut(g).map(|o| &mut o.kind) {
            Some(Kind::Generator(d)) if d.requests.is_some() => {
                if let Some(q) = d.requests.as_mut() {
                    q.push_back((how, p));
                }
                d.state == GenState::Running
            }
            _ => {
                let e = self.make_error("TypeError", "next method called on incompatible receiver");
                crate::builtins::promise::reject_promise(self, p, e);
                return Ok(Value::Obj(p));
            }
        };
        if !running {
            self.async_gen_drain(g)?;
        }
        Ok(Value::Obj(p))
    }

    fn front_request(&self, g: ObjRef) -> Option<(Resume, ObjRef)> {
        match self.heap.kind(g) {
            Some(Kind::Generator(d)) => d.requests.as_ref()?.front().cloned(),
            _ => None,
        }
    }

    /// Settles the oldest request's promise.
    fn settle_request(&mut self, g: ObjRef, result: Result<(Value, bool), Value>) -> Res<()> {
        let req = match self.heap.get_mut(g).map(|o| &mut o.kind) {
            Some(Kind::Generator(d)) => d.requests.as_mut().and_then(|q| q.pop_front()),
            _ => None,
        };
        let Some((_, p)) = req else { return Ok(()) };
        match result {
            Ok((v, done)) => {
                let r = crate::builtins::iterators::iter_result(self, v, done);
                crate::builtins::promise::resolve_promise(self, p, r)
            }
            Err(e) => {
                crate::builtins::promise::reject_promise(self, p, e);
                Ok(())
            }
        }
    }

    /// Serves queued requests until one has to wait (the body awaits) or none is left.
    fn async_gen_drain(&mut self, g: ObjRef) -> Res<()> {
        while let Some((how, _)) = self.front_request(g) {
            let state = match self.heap.kind(g) {
                Some(Kind::Generator(d)) => d.state,
                _ => return Ok(()),
            };
            match (state, how) {
                (GenState::Running, _) => return Ok(()),
                (GenState::Done, Resume::Next(_)) => {
                    self.settle_request(g, Ok((Value::Undefined, true)))?
                }
                (GenState::Done, Resume::Return(v)) => self.settle_request(g, Ok((v, true)))?,
                (GenState::Done, Resume::Throw(e)) => self.settle_request(g, Err(e))?,
                (GenState::Start, Resume::Return(v)) => {
                    self.put_gen(g, None, GenState::Done);
                    self.settle_request(g, Ok((v, true)))?;
                }
                (GenState::Start, Resume::Throw(e)) => {
                    self.put_gen(g, None, GenState::Done);
                    self.settle_request(g, Err(e))?;
                }
                (_, how) => return self.async_gen_resume(g, how),
            }
        }
        Ok(())
    }

    /// Runs an async generator's body until it yields, awaits, returns or throws.
    fn async_gen_resume(&mut self, g: ObjRef, how: Resume) -> Res<()> {
        let Some((frame, state)) = self.take_gen(g) else {
            return Ok(());
        };
        let Some(frame) = frame else { return Ok(()) };
        let (frame, r) = self.run_resumed(*frame, how, state != GenState::Start)?;
        match r {
            Ok(Completion::Await(v)) => return self.await_value(g, frame, v),
            Ok(Completion::Yield(v)) => {
                self.put_gen(g, Some(frame), GenState::Suspended);
                self.settle_request(g, Ok((v, false)))?;
            }
            Ok(Completion::Return(v)) => {
                self.put_gen(g, None, GenState::Done);
                self.settle_request(g, Ok((v, true)))?;
            }
            Err(Throw::Js(e)) => {
                self.put_gen(g, None, GenState::Done);
                self.settle_request(g, Err(e))?;
            }
            Err(e) => return Err(e),
        }
        self.async_gen_drain(g)
    }

    /// GetIterator(obj, async) for `for await`: `Symbol.asyncIterator`, else the sync
    /// iterator wrapped so each result's value is awaited.
    pub fn get_async_iterator(&mut self, v: &Value, desc: &str) -> Res<(Value, Value)> {
        let f = match v {
            Value::Undefined | Value::Null | Value::Empty => Value::Undefined,
            _ => self.get_value(v, &PropKey::Sym(super::sym::ASYNC_ITERATOR))?,
        };
        if f.is_nullish() {
            let (it, next) = self.get_iterator_described(v, desc)?;
            let p = self.realm.object_proto;
            let w = self.alloc(Some(p), Kind::Ordinary);
            let n = self.native_with(
                "next",
                1,
                crate::builtins::iterators::async_from_sync_next,
                vec![it, next],
                false,
            );
            return Ok((Value::Obj(w), Value::Obj(n)));
        }
        let it = self.call(&f, v.clone(), vec![])?;
        if !matches!(it, Value::Obj(_)) {
            return Err(
                self.type_error("Result of the Symbol.asyncIterator method is not an object")
            );
        }
        let next = self.get(&it, &PropKey::s("next"))?;
        Ok((it, next))
    }
}
