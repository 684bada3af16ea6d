//! The evaluation loop. [`Vm::run_frame`] executes instructions until the frame
//! returns or yields; an exception unwinds to the handler the exception table names
//! (popping the value stack to the handler's depth), or leaves the frame with a
//! traceback entry added, as CPython 3.11's `exception_unwind` does.

use super::call::Args;
use super::frame::Frame;
use super::Vm;
use crate::code::{fmtval, mkfn, CmpOp, Op};
use crate::heap::refcount::FreeList;
use crate::objects::function::Function;
use crate::objects::{IterObj, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use smallvec::SmallVec;

/// How a frame left the evaluation loop.
#[derive(Debug)]
pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Exit {
    pub fn value(self) -> Value {
        match self {
            Exit::Return(v) | Exit::Yield(v) => v,
        }
    }
}

#[inline]
fn pop(f: &mut Frame) -> Value {
    f.stack.pop().unwrap_or(Value::Null)
}

#[inline]
fn top(f: &Frame) -> Value {
    f.stack.last().copied().unwrap_or(Value::Null)
}

#[inline]
fn peek(f: &Frame, n: usize) -> Value {
    let len = f.stack.len();
    if n == 0 || n > len {
        return Value::Null;
    }
    f.stack[len - n]
}

impl Vm {
    /// Runs a frame until it returns or yields.
    pub fn run_frame(&mut self, f: &mut Frame) -> PResult<Exit> {
        self.run_frame_inner(f, None)
    }

    /// Resumes a suspended frame by raising `exc` at its `yield` (`generator.throw`).
    pub fn run_frame_throw(&mut self, f: &mut Frame, exc: ObjRef) -> PResult<Exit> {
        f.lasti = f.ip.saturating_sub(1);
        self.run_frame_inner(f, Some(Throw::Exc(exc)))
    }

    fn run_frame_inner(&mut self, f: &mut Frame, mut pending: Option<Throw>) -> PResult<Exit> {
        loop {
            let mut reraise = false;
            let err = match pending.take() {
                Some(e) => e,
                None => match self.exec(f, &mut reraise) {
                    Ok(x) => return Ok(x),
                    Err(e) => e,
                },
            };
            match err {
                Throw::Exc(exc) => {
                    if !reraise {
                        self.add_traceback(exc, f);
                    }
                    let handler = f.code.unit.handler_for(f.lasti as u32).copied();
                    match handler {
                        Some(h) => {
                            let keep = f.code.nlocals + h.depth as usize;
                            while f.stack.len() > keep {
                                let v = pop(f);
                                self.decref(v);
                            }
                            if h.lasti {
                                f.stack.push(Value::Int(f.lasti as i64, 0));
                            }
                            f.stack.push(Value::Obj(exc));
                            f.ip = h.target as usize;
                            self.trace_exception_handled(f);
                        }
                        None => return Err(Throw::Exc(exc)),
                    }
                }
                // Positions are the user's: a stdlib module's frame passes it up.
                Throw::Unsupported(feat, None) if f.code.user => {
                    let s = f.code.unit.spans.get(f.lasti).copied().unwrap_or_default();
                    return Err(Throw::Unsupported(feat, Some((s.line, s.col + 1))));
                }
                other => return Err(other),
            }
        }
    }

    /// Prepends this frame's entry to an exception's traceback and sets implicit
    /// context for a freshly raised exception.
    fn add_traceback(&mut self, exc: ObjRef, f: &mut Frame) {
        if !f.frame_obj && !self.heap.internal {
            f.frame_obj = true;
            self.gc_alloc_count(FreeList::None);
        }
        let span = f.code.unit.spans.get(f.lasti).copied().unwrap_or_default();
        let entry = crate::objects::exception::TbEntry {
            filename: f.code.unit.filename.clone(),
            name: f.code.unit.name.clone(),
            line: span.line,
            col: span.col,
            end_line: span.end_line,
            end_col: span.end_col,
        };
        let fresh = matches!(self.heap.kind(exc), Kind::Exception(e) if e.traceback.is_empty());
        if fresh {
            self.set_implicit_context(exc);
        }
        if let Kind::Exception(e) = self.heap.kind_mut(exc) {
            e.traceback.insert(0, entry);
        }
    }

    /// The exception being handled (topmost non-None of the exception-state stack).
    pub fn handled_exception(&self) -> Value {
        for v in self.exc_info.iter().rev() {
            if !v.is_none() && !v.is_null() {
                return *v;
            }
        }
        Value::None
    }

    /// `_PyErr_SetObject`'s implicit chaining: the handled exception becomes the new
    /// one's `__context__` (breaking a would-be cycle).
    pub fn set_implicit_context(&mut self, exc: ObjRef) {
        let handled = self.handled_exception();
        let Value::Obj(h) = handled else { return };
        if h == exc {
            return;
        }
        let already = matches!(self.heap.kind(exc), Kind::Exception(e) if !e.context.is_none());
        if already {
            return;
        }
        // Break a cycle: walk h's context chain; if it reaches exc, cut it there.
        let mut o = h;
        let mut steps = 0;
        while let Kind::Exception(e) = self.heap.kind(o) {
            match e.context {
                Value::Obj(c) if c == exc => {
                    if let Kind::Exception(e) = self.heap.kind_mut(o) {
                        e.context = Value::None;
                    }
                    self.decref_obj(exc);
                    break;
                }
                Value::Obj(c) => o = c,
                _ => break,
            }
            steps += 1;
            if steps > 10000 {
                break;
            }
        }
        self.incref_obj(h);
        if let Kind::Exception(e) = self.heap.kind_mut(exc) {
            let old = std::mem::replace(&mut e.context, Value::Obj(h));
            self.decref(old);
        }
    }

    #[inline]
    fn name_at(f: &Frame, i: u32) -> (ObjRef, i64) {
        f.code.names[i as usize]
    }

    fn exec(&mut self, f: &mut Frame, reraise: &mut bool) -> PResult<Exit> {
        let code = f.code.clone();
        let ops: &[Op] = &code.unit.ops;
        loop {
            let Some(&op) = ops.get(f.ip) else {
                return Ok(Exit::Return(Value::None));
            };
            f.lasti = f.ip;
            f.ip += 1;
            match op {
                Op::Nop => {}
                Op::Line(line) => {
                    self.steps += 1;
                    if self.steps > self.limits.max_steps {
                        return Err(Throw::Limit(format!(
                            "step limit of {} steps",
                            self.limits.max_steps
                        )));
                    }
                    if let Some(l) = self.limit_hit.take() {
                        return Err(Throw::Limit(l));
                    }
                    if gen_trace::memory::exhausted() {
                        return Err(Throw::Limit(self.memory_limit_message()));
                    }
                    if code.user {
                        self.line = line;
                    }
                    if self.trace.enabled && code.user {
                        self.trace_line(f, line);
                    }
                }
                Op::PopTop => {
                    let v = pop(f);
                    self.decref(v);
                }
                Op::PushNull => f.stack.push(Value::Null),
                Op::Copy(n) => {
                    let v = peek(f, n as usize);
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::Swap(n) => {
                    let len = f.stack.len();
                    let n = n as usize;
                    if n <= len {
                        f.stack.swap(len - 1, len - n);
                    }
                }
                Op::LoadConst(i) => {
                    let v = code.consts[i as usize];
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::LoadFast(i) => {
                    let v = f.stack[i as usize];
                    if v.is_null() {
                        let name = code
                            .unit
                            .varnames
                            .get(i as usize)
                            .cloned()
                            .unwrap_or_default();
                        return Err(self.exc(t::UNBOUND_LOCAL_ERROR, format!("cannot access local variable '{name}' where it is not associated with a value")));
                    }
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::StoreFast(i) => {
                    let v = pop(f);
                    let old = std::mem::replace(&mut f.stack[i as usize], v);
                    self.decref(old);
                }
                Op::DeleteFast(i) => {
                    let old = std::mem::replace(&mut f.stack[i as usize], Value::Null);
                    if old.is_null() {
                        let name = code
                            .unit
                            .varnames
                            .get(i as usize)
                            .cloned()
                            .unwrap_or_default();
                        return Err(self.exc(t::UNBOUND_LOCAL_ERROR, format!("cannot access local variable '{name}' where it is not associated with a value")));
                    }
                    self.decref(old);
                }
                Op::LoadDeref(i) => {
                    let cell = f.cells[i as usize];
                    let v = match self.heap.kind(cell) {
                        Kind::Cell(v) => *v,
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        return Err(self.unbound_deref(f, i as usize));
                    }
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::StoreDeref(i) => {
                    let v = pop(f);
                    let cell = f.cells[i as usize];
                    let old = match self.heap.kind_mut(cell) {
                        Kind::Cell(c) => std::mem::replace(c, v),
                        _ => v,
                    };
                    self.decref(old);
                }
                Op::DeleteDeref(i) => {
                    let cell = f.cells[i as usize];
                    let old = match self.heap.kind_mut(cell) {
                        Kind::Cell(c) => std::mem::replace(c, Value::Null),
                        _ => Value::Null,
                    };
                    if old.is_null() {
                        return Err(self.unbound_deref(f, i as usize));
                    }
                    self.decref(old);
                }
                Op::LoadClosure(i) => {
                    let c = f.cells[i as usize];
                    self.incref_obj(c);
                    f.stack.push(Value::Obj(c));
                }
                Op::LoadClassDeref(i) => {
                    let idx = i as usize;
                    let name = if idx < code.unit.cellvars.len() {
                        code.unit.cellvars[idx].clone()
                    } else {
                        code.unit
                            .freevars
                            .get(idx - code.unit.cellvars.len())
                            .cloned()
                            .unwrap_or_default()
                    };
                    let key = self.intern(&name);
                    let found = match f.locals {
                        Value::Obj(d) if matches!(self.heap.kind(d), Kind::Dict(_)) => {
                            self.dict_get_str_ref(d, key, self.str_hash_of(key))
                        }
                        _ => None,
                    };
                    let v = match found {
                        Some(v) => v,
                        None => {
                            let cell = f.cells[idx];
                            match self.heap.kind(cell) {
                                Kind::Cell(v) if !v.is_null() => *v,
                                _ => return Err(self.unbound_deref(f, idx)),
                            }
                        }
                    };
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::LoadGlobal(i) => {
                    let (name, h) = Self::name_at(f, i);
                    let v = match self.dict_get_str_ref(f.globals, name, h) {
                        Some(v) => v,
                        None => match self.dict_get_str_ref(f.builtins, name, h) {
                            Some(v) => v,
                            None => {
                                let vn = if code.unit.kind == crate::code::UnitKind::Module {
                                    None
                                } else {
                                    Some(code.varnames.clone())
                                };
                                return Err(self.name_error(name, vn, f.globals));
                            }
                        },
                    };
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::StoreGlobal(i) => {
                    let (name, h) = Self::name_at(f, i);
                    let v = pop(f);
                    let r = self.dict_set_hashed(f.globals, Value::Obj(name), h, v);
                    self.decref(v);
                    r?;
                }
                Op::DeleteGlobal(i) => {
                    let (name, _) = Self::name_at(f, i);
                    match self.dict_remove(f.globals, Value::Obj(name))? {
                        Some((k, v)) => {
                            self.decref(k);
                            self.decref(v);
                        }
                        None => return Err(self.name_error(name, None, f.globals)),
                    }
                }
                Op::LoadName(i) => {
                    let (name, h) = Self::name_at(f, i);
                    let v = self.load_name(f, name, h)?;
                    f.stack.push(v);
                }
                Op::StoreName(i) => {
                    let (name, h) = Self::name_at(f, i);
                    let v = pop(f);
                    let r = self.store_name(f, name, h, v);
                    self.decref(v);
                    r?;
                }
                Op::DeleteName(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let ns = if f.locals.is_null() {
                        Value::Obj(f.globals)
                    } else {
                        f.locals
                    };
                    let removed = match ns {
                        Value::Obj(d) if matches!(self.heap.kind(d), Kind::Dict(_)) => {
                            self.dict_remove(d, Value::Obj(name))?
                        }
                        _ => None,
                    };
                    match removed {
                        Some((k, v)) => {
                            self.decref(k);
                            self.decref(v);
                        }
                        None => return Err(self.name_error(name, None, f.globals)),
                    }
                }
                Op::LoadAttr(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let obj = pop(f);
                    let r = self.getattr(obj, name);
                    self.decref(obj);
                    f.stack.push(r?);
                }
                Op::StoreAttr(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let obj = pop(f);
                    let v = pop(f);
                    let r = self.setattr(obj, name, v);
                    self.decref(obj);
                    self.decref(v);
                    r?;
                }
                Op::DeleteAttr(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let obj = pop(f);
                    let r = self.delattr(obj, name);
                    self.decref(obj);
                    r?;
                }
                Op::LoadMethod(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let obj = pop(f);
                    let r = self.load_method(obj, name);
                    self.decref(obj);
                    let (m, s) = r?;
                    f.stack.push(m);
                    f.stack.push(s);
                }
                Op::BinarySubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    let r = self.getitem(obj, idx);
                    self.decref(obj);
                    self.decref(idx);
                    f.stack.push(r?);
                }
                Op::StoreSubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    let v = pop(f);
                    let r = self.setitem(obj, idx, v);
                    self.decref(obj);
                    self.decref(idx);
                    self.decref(v);
                    r?;
                }
                Op::DeleteSubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    let r = self.delitem(obj, idx);
                    self.decref(obj);
                    self.decref(idx);
                    r?;
                }
                Op::BuildSlice(n) => {
                    let step = if n == 3 { pop(f) } else { Value::None };
                    let stop = pop(f);
                    let start = pop(f);
                    let s = self.alloc(t::SLICE, Kind::Slice(Box::new([start, stop, step])));
                    f.stack.push(Value::Obj(s));
                }
                Op::Binary(bop) | Op::Inplace(bop) => {
                    let b = pop(f);
                    let a = pop(f);
                    if let (Value::Int(x, _), Value::Int(y, _)) = (a, b) {
                        if let Some(v) = self.int_fast(bop, x, y) {
                            f.stack.push(v);
                            continue;
                        }
                    }
                    let inplace = matches!(op, Op::Inplace(_));
                    let r = self.binary_op(a, b, bop, inplace);
                    self.decref(a);
                    self.decref(b);
                    f.stack.push(r?);
                }
                Op::UnaryNeg | Op::UnaryPos | Op::UnaryInvert => {
                    let a = pop(f);
                    let r = self.unary_op(a, op);
                    self.decref(a);
                    f.stack.push(r?);
                }
                Op::UnaryNot => {
                    let a = pop(f);
                    let r = self.truthy(a);
                    self.decref(a);
                    f.stack.push(Value::Bool(!r?));
                }
                Op::Compare(cop) => {
                    let b = pop(f);
                    let a = pop(f);
                    if let (Value::Int(x, _), Value::Int(y, _)) = (a, b) {
                        f.stack.push(Value::Bool(match cop {
                            CmpOp::Lt => x < y,
                            CmpOp::Le => x <= y,
                            CmpOp::Eq => x == y,
                            CmpOp::Ne => x != y,
                            CmpOp::Gt => x > y,
                            CmpOp::Ge => x >= y,
                        }));
                        continue;
                    }
                    let r = self.rich_compare(a, b, cop);
                    self.decref(a);
                    self.decref(b);
                    f.stack.push(r?);
                }
                Op::IsOp(inv) => {
                    let b = pop(f);
                    let a = pop(f);
                    let r = a.is(&b) != inv;
                    self.decref(a);
                    self.decref(b);
                    f.stack.push(Value::Bool(r));
                }
                Op::ContainsOp(inv) => {
                    let container = pop(f);
                    let item = pop(f);
                    let r = self.contains(container, item);
                    self.decref(container);
                    self.decref(item);
                    f.stack.push(Value::Bool(r? != inv));
                }
                Op::Jump(tgt) => f.ip = tgt as usize,
                Op::PopJumpIfFalse(tgt) | Op::PopJumpIfTrue(tgt) => {
                    let v = pop(f);
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => {
                            let r = self.truthy(v);
                            self.decref(v);
                            r?
                        }
                    };
                    if b == matches!(op, Op::PopJumpIfTrue(_)) {
                        f.ip = tgt as usize;
                    }
                }
                Op::PopJumpIfNone(tgt) | Op::PopJumpIfNotNone(tgt) => {
                    let v = pop(f);
                    let is_none = v.is_none();
                    self.decref(v);
                    if is_none == matches!(op, Op::PopJumpIfNone(_)) {
                        f.ip = tgt as usize;
                    }
                }
                Op::JumpIfFalseOrPop(tgt) | Op::JumpIfTrueOrPop(tgt) => {
                    let v = top(f);
                    let b = self.truthy(v)?;
                    if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        f.ip = tgt as usize;
                    } else {
                        let v = pop(f);
                        self.decref(v);
                    }
                }
                Op::GetIter => {
                    let v = pop(f);
                    let r = self.iter(v);
                    self.decref(v);
                    f.stack.push(r?);
                }
                Op::ForIter(tgt) => {
                    let it = top(f);
                    if let Value::Obj(r) = it {
                        if let Kind::Iter(b) = self.heap.kind_mut(r) {
                            if let IterObj::Range { next, stop, step } = &mut **b {
                                let cur = *next;
                                if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                                    *next = cur.wrapping_add(*step);
                                    let v = self.int(cur);
                                    f.stack.push(v);
                                } else {
                                    let v = pop(f);
                                    self.decref(v);
                                    f.ip = tgt as usize;
                                }
                                continue;
                            }
                        }
                    }
                    match self.next(it)? {
                        Some(v) => f.stack.push(v),
                        None => {
                            let v = pop(f);
                            self.decref(v);
                            f.ip = tgt as usize;
                        }
                    }
                }
                Op::BuildTuple(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let tup = self.new_tuple(items);
                    f.stack.push(tup);
                }
                Op::BuildList(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let l = self.new_list(items);
                    f.stack.push(l);
                }
                Op::BuildSet(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let s = self.new_set(t::SET);
                    let mut err = None;
                    for v in &items {
                        if err.is_none() {
                            if let Err(e) = self.set_add(s, *v) {
                                err = Some(e);
                            }
                        }
                    }
                    self.decref_all(items);
                    if let Some(e) = err {
                        self.decref_obj(s);
                        return Err(e);
                    }
                    f.stack.push(Value::Obj(s));
                }
                Op::BuildMap(n) => {
                    let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                    let r = self.build_map(&items);
                    self.decref_all(items);
                    f.stack.push(Value::Obj(r?));
                }
                Op::BuildConstKeyMap(n) => {
                    let keys = pop(f);
                    let vals = f.stack.split_off(f.stack.len() - n as usize);
                    let ks = self.tuple_items(keys);
                    let mut items = Vec::with_capacity(2 * n as usize);
                    for (k, v) in ks.iter().zip(vals.iter()) {
                        items.push(*k);
                        items.push(*v);
                    }
                    let r = self.build_map(&items);
                    self.decref(keys);
                    self.decref_all(vals);
                    f.stack.push(Value::Obj(r?));
                }
                Op::BuildString(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let mut s = String::new();
                    for v in &items {
                        if let Some(x) = self.as_str(*v) {
                            s.push_str(x);
                        }
                    }
                    self.decref_all(items);
                    let v = self.new_string(s);
                    f.stack.push(v);
                }
                Op::ListAppend(i) => {
                    let v = pop(f);
                    let l = peek(f, i as usize);
                    if let Value::Obj(lr) = l {
                        if let Kind::List(list) = self.heap.kind_mut(lr) {
                            list.push(v);
                            continue;
                        }
                    }
                    self.decref(v);
                }
                Op::SetAdd(i) => {
                    let v = pop(f);
                    let s = peek(f, i as usize);
                    let r = match s {
                        Value::Obj(sr) => self.set_add(sr, v),
                        _ => Ok(false),
                    };
                    self.decref(v);
                    r?;
                }
                Op::MapAdd(i) => {
                    let v = pop(f);
                    let k = pop(f);
                    let d = peek(f, i as usize);
                    let r = match d {
                        Value::Obj(dr) => self.dict_set(dr, k, v),
                        _ => Ok(()),
                    };
                    self.decref(k);
                    self.decref(v);
                    r?;
                }
                Op::ListExtend(i) => {
                    let it = pop(f);
                    let l = peek(f, i as usize);
                    let r = match l {
                        Value::Obj(lr) => self.list_extend(lr, it),
                        _ => Ok(()),
                    };
                    if let Err(e) = r {
                        self.decref(it);
                        if self.throw_is(&e, t::TYPE_ERROR) && !self.is_iterable(it) {
                            self.discard(e);
                            let tn = self.type_name_of(it);
                            return Err(self.type_error(format!(
                                "Value after * must be an iterable, not {tn}"
                            )));
                        }
                        return Err(e);
                    }
                    self.decref(it);
                }
                Op::SetUpdate(i) => {
                    let it = pop(f);
                    let s = peek(f, i as usize);
                    let r = match s {
                        Value::Obj(sr) => self.set_update(sr, it),
                        _ => Ok(()),
                    };
                    self.decref(it);
                    r?;
                }
                Op::DictUpdate(i) | Op::DictMerge(i) => {
                    let other = pop(f);
                    let d = peek(f, i as usize);
                    let merge = matches!(op, Op::DictMerge(_));
                    let r = match d {
                        Value::Obj(dr) => self.dict_update_op(dr, other, merge, f, i as usize),
                        _ => Ok(()),
                    };
                    self.decref(other);
                    r?;
                }
                Op::ListToTuple => {
                    let l = pop(f);
                    let items = match l {
                        Value::Obj(lr) => match self.heap.kind(lr) {
                            Kind::List(list) => list.items.clone(),
                            _ => Vec::new(),
                        },
                        _ => Vec::new(),
                    };
                    for v in &items {
                        self.incref(*v);
                    }
                    self.decref(l);
                    let tup = self.new_tuple(items);
                    f.stack.push(tup);
                }
                Op::UnpackSequence(n) => {
                    let seq = pop(f);
                    let r = self.unpack(seq, n as usize, None);
                    self.decref(seq);
                    let items = r?;
                    for v in items.into_iter().rev() {
                        f.stack.push(v);
                    }
                }
                Op::UnpackEx(x) => {
                    let before = (x & 0xff) as usize;
                    let after = (x >> 8) as usize;
                    let seq = pop(f);
                    let r = self.unpack(seq, before, Some(after));
                    self.decref(seq);
                    let items = r?;
                    for v in items.into_iter().rev() {
                        f.stack.push(v);
                    }
                }
                Op::KwNames(i) => f.kwnames = Some(i),
                Op::Call(n) => {
                    let v = self.op_call(f, n as usize)?;
                    f.stack.push(v);
                }
                Op::CallEx(has_kw) => {
                    let kwargs = if has_kw { pop(f) } else { Value::Null };
                    let args = pop(f);
                    let func = pop(f);
                    let null = pop(f);
                    let r = self.call_ex(func, args, kwargs);
                    self.decref(kwargs);
                    self.decref(func);
                    self.decref(null);
                    f.stack.push(r?);
                }
                Op::MakeFunction(flags) => {
                    let func = self.make_function(f, flags)?;
                    f.stack.push(func);
                }
                Op::ReturnValue => {
                    let v = pop(f);
                    return Ok(Exit::Return(v));
                }
                Op::YieldValue => {
                    let v = pop(f);
                    return Ok(Exit::Yield(v));
                }
                Op::GetYieldFromIter => {
                    let v = top(f);
                    let is_gen = matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Generator(_)));
                    if !is_gen {
                        let v = pop(f);
                        let r = self.iter(v);
                        self.decref(v);
                        f.stack.push(r?);
                    }
                }
                Op::GetAwaitable => {
                    let v = pop(f);
                    let r = self.get_awaitable(v);
                    self.decref(v);
                    f.stack.push(r?);
                }
                Op::GetAIter => {
                    let v = pop(f);
                    let r = self.get_aiter(v);
                    self.decref(v);
                    f.stack.push(r?);
                }
                Op::GetANext => {
                    let r = self.get_anext(top(f))?;
                    f.stack.push(r);
                }
                Op::BeforeAsyncWith => {
                    let mgr = pop(f);
                    let r = self.before_async_with(mgr);
                    self.decref(mgr);
                    let (exit, res) = r?;
                    f.stack.push(exit);
                    f.stack.push(res);
                }
                Op::EndAsyncFor => {
                    let exc = pop(f);
                    let stop = matches!(exc, Value::Obj(r) if self.exc_matches(r, t::STOP_ASYNC_ITERATION));
                    if !stop {
                        *reraise = true;
                        return match exc {
                            Value::Obj(r) => Err(Throw::Exc(r)),
                            _ => Err(self.runtime_error("No active exception to reraise")),
                        };
                    }
                    self.decref(exc);
                    let it = pop(f);
                    self.decref(it);
                }
                Op::Send(tgt) => {
                    let v = pop(f);
                    let it = top(f);
                    let r = self.send_into(it, v);
                    self.decref(v);
                    match r? {
                        super::generator::SendResult::Yielded(y) => {
                            f.ip = f.lasti;
                            return Ok(Exit::Yield(y));
                        }
                        super::generator::SendResult::Returned(res) => {
                            let it = pop(f);
                            self.decref(it);
                            f.stack.push(res);
                            f.ip = tgt as usize;
                        }
                    }
                }
                Op::RaiseVarargs(n) => {
                    let cause = if n == 2 { pop(f) } else { Value::Null };
                    let exc = if n >= 1 { pop(f) } else { Value::Null };
                    if n == 0 {
                        let h = self.handled_exception();
                        return match h {
                            Value::Obj(r) => {
                                self.incref_obj(r);
                                *reraise = true;
                                Err(Throw::Exc(r))
                            }
                            _ => Err(self.runtime_error("No active exception to reraise")),
                        };
                    }
                    return Err(self.do_raise(exc, cause));
                }
                Op::Reraise(_) => {
                    let exc = pop(f);
                    *reraise = true;
                    return match exc {
                        Value::Obj(r) => Err(Throw::Exc(r)),
                        _ => Err(self.runtime_error("No active exception to reraise")),
                    };
                }
                Op::PushExcInfo => {
                    let exc = pop(f);
                    self.incref(exc);
                    let prev = match self.exc_info.last_mut() {
                        Some(slot) => std::mem::replace(slot, exc),
                        None => {
                            self.exc_info.push(exc);
                            Value::None
                        }
                    };
                    f.stack.push(prev);
                    f.stack.push(exc);
                }
                Op::PopExcept => {
                    let v = pop(f);
                    let old = match self.exc_info.last_mut() {
                        Some(slot) => std::mem::replace(slot, v),
                        None => v,
                    };
                    self.decref(old);
                }
                Op::CheckExcMatch => {
                    let ty = pop(f);
                    let exc = top(f);
                    let r = self.exception_matches(exc, ty);
                    self.decref(ty);
                    f.stack.push(Value::Bool(r?));
                }
                Op::CheckEgMatch => {
                    let ty = pop(f);
                    let eg = pop(f);
                    let r = self.eg_match(eg, ty);
                    self.decref(ty);
                    self.decref(eg);
                    let (rest, m) = r?;
                    if !m.is_none() {
                        self.incref(m);
                        if let Some(slot) = self.exc_info.last_mut() {
                            let old = std::mem::replace(slot, m);
                            self.decref(old);
                        }
                    }
                    f.stack.push(rest);
                    f.stack.push(m);
                }
                Op::PrepReraiseStar => {
                    let list = pop(f);
                    let orig = pop(f);
                    let r = self.prep_reraise_star(orig, list);
                    self.decref(list);
                    self.decref(orig);
                    f.stack.push(r?);
                }
                Op::BeforeWith => {
                    let mgr = pop(f);
                    let r = self.before_with(mgr);
                    self.decref(mgr);
                    let (exit, res) = r?;
                    f.stack.push(exit);
                    f.stack.push(res);
                }
                Op::WithExceptStart => {
                    let exc = peek(f, 1);
                    let exit = peek(f, 4);
                    let ty = Value::Obj(self.type_of(exc));
                    let tb = self.traceback_object(exc);
                    let r = self.call(exit, &[ty, exc, tb], &[]);
                    self.decref(tb);
                    f.stack.push(r?);
                }
                Op::FormatValue(flags) => {
                    let spec = if flags & fmtval::HAS_SPEC != 0 {
                        pop(f)
                    } else {
                        Value::Null
                    };
                    let v = pop(f);
                    let r = self.format_value(v, flags & fmtval::CONV_MASK, spec);
                    self.decref(v);
                    self.decref(spec);
                    f.stack.push(r?);
                }
                Op::ImportName(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let fromlist = pop(f);
                    let level = pop(f);
                    let lv = match level {
                        Value::Int(l, _) => l,
                        _ => 0,
                    };
                    let n = self.str_of(name).to_string();
                    let r = self.import_module(&n, fromlist, lv, f.globals);
                    self.decref(fromlist);
                    f.stack.push(r?);
                }
                Op::ImportFrom(i) => {
                    let (name, _) = Self::name_at(f, i);
                    let m = top(f);
                    let v = self.import_from(m, name)?;
                    f.stack.push(v);
                }
                Op::ImportStar => {
                    let m = pop(f);
                    let r = self.import_star(m, f);
                    self.decref(m);
                    r?;
                }
                Op::LoadBuildClass => {
                    let v = self
                        .dict_get_str(self.builtins, "__build_class__")
                        .unwrap_or(Value::None);
                    self.incref(v);
                    f.stack.push(v);
                }
                Op::SetupAnnotations => {
                    let ns = if f.locals.is_null() {
                        Value::Obj(f.globals)
                    } else {
                        f.locals
                    };
                    if let Value::Obj(d) = ns {
                        if self.dict_get_str(d, "__annotations__").is_none() {
                            let a = self.new_dict();
                            self.dict_set_str(d, "__annotations__", Value::Obj(a));
                            self.decref_obj(a);
                        }
                    }
                }
                Op::LoadAssertionError => {
                    self.incref_obj(t::ASSERTION_ERROR);
                    f.stack.push(Value::Obj(t::ASSERTION_ERROR));
                }
                Op::MatchClass(nargs) => {
                    let names = pop(f);
                    let cls = pop(f);
                    let subj = pop(f);
                    let r = self.match_class(subj, cls, nargs as usize, names);
                    self.decref(names);
                    self.decref(cls);
                    self.decref(subj);
                    f.stack.push(r?);
                }
                Op::MatchMapping => {
                    let v = top(f);
                    let b = self.is_mapping_for_match(v);
                    f.stack.push(Value::Bool(b));
                }
                Op::MatchSequence => {
                    let v = top(f);
                    let b = self.is_sequence_for_match(v);
                    f.stack.push(Value::Bool(b));
                }
                Op::MatchKeys => {
                    let keys = top(f);
                    let subj = peek(f, 2);
                    let r = self.match_keys(subj, keys)?;
                    f.stack.push(r);
                }
                Op::GetLen => {
                    let v = top(f);
                    let n = self.len(v)?;
                    let iv = self.int(n as i64);
                    f.stack.push(iv);
                }
                Op::CopyDictWithoutKeys => {
                    let keys = pop(f);
                    let subj = top(f);
                    let r = self.copy_dict_without_keys(subj, keys);
                    self.decref(keys);
                    f.stack.push(r?);
                }
                Op::Unsupported(k) => {
                    let feat = self
                        .as_str(code.consts[k as usize])
                        .unwrap_or("?")
                        .to_string();
                    return Err(Throw::Unsupported(feat, None));
                }
            }
        }
    }

    fn unbound_deref(&mut self, f: &Frame, i: usize) -> Throw {
        let unit = &f.code.unit;
        if i < unit.cellvars.len() {
            let name = unit.cellvars[i].clone();
            self.exc(
                t::UNBOUND_LOCAL_ERROR,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = unit
                .freevars
                .get(i - unit.cellvars.len())
                .cloned()
                .unwrap_or_default();
            self.exc(t::NAME_ERROR, format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    /// `LOAD_NAME`: the namespace, then globals, then builtins.
    fn load_name(&mut self, f: &Frame, name: ObjRef, h: i64) -> PResult<Value> {
        match f.locals {
            Value::Obj(d)
                if matches!(self.heap.kind(d), Kind::Dict(_)) && self.heap.ty(d) == t::DICT =>
            {
                if let Some(v) = self.dict_get_str_ref(d, name, h) {
                    self.incref(v);
                    return Ok(v);
                }
            }
            Value::Obj(_) => {
                let ns = f.locals;
                match self.getitem(ns, Value::Obj(name)) {
                    Ok(v) => return Ok(v),
                    Err(e) if self.throw_is(&e, t::KEY_ERROR) => self.discard(e),
                    Err(e) => return Err(e),
                }
            }
            _ => {}
        }
        if let Some(v) = self.dict_get_str_ref(f.globals, name, h) {
            self.incref(v);
            return Ok(v);
        }
        if let Some(v) = self.dict_get_str_ref(f.builtins, name, h) {
            self.incref(v);
            return Ok(v);
        }
        Err(self.name_error(name, None, f.globals))
    }

    fn store_name(&mut self, f: &Frame, name: ObjRef, h: i64, v: Value) -> PResult<()> {
        match f.locals {
            Value::Obj(d) if self.heap.ty(d) == t::DICT => {
                self.dict_set_hashed(d, Value::Obj(name), h, v)
            }
            Value::Obj(_) => self.setitem(f.locals, Value::Obj(name), v),
            _ => self.dict_set_hashed(f.globals, Value::Obj(name), h, v),
        }
    }

    /// `locals()`, `vars()` and `dir()` without arguments, and `exec(src)` / `eval(src)`,
    /// read the calling frame, which only the eval loop has: they are answered here.
    fn frame_intrinsic(&mut self, f: &Frame, callable: Value, n: usize) -> PResult<Option<Value>> {
        let Value::Obj(r) = callable else {
            return Ok(None);
        };
        let (name, func) = match self.heap.kind(r) {
            Kind::Builtin(b)
                if b.self_.is_null() && n == 0 && matches!(b.name, "locals" | "vars" | "dir") =>
            {
                (b.name, b.f)
            }
            Kind::Builtin(b)
                if b.self_.is_null() && n == 1 && matches!(b.name, "exec" | "eval") =>
            {
                (b.name, b.f)
            }
            _ => return Ok(None),
        };
        let d = self.frame_locals(f)?;
        if n == 1 {
            let src = f.stack[f.stack.len() - 1];
            let r = func(self, &[src, Value::Obj(f.globals), Value::Obj(d)], &[]);
            self.decref_obj(d);
            return r.map(Some);
        }
        if name != "dir" {
            return Ok(Some(Value::Obj(d)));
        }
        let mut names: Vec<String> = self
            .dict_items(d)
            .iter()
            .filter_map(|(k, _)| self.as_str(*k).map(|s| s.to_string()))
            .collect();
        self.decref_obj(d);
        names.sort();
        let vals: Vec<Value> = names.iter().map(|n| self.new_str(n)).collect();
        Ok(Some(self.new_list(vals)))
    }

    /// The namespace of a module or class frame, or a snapshot dict of a function
    /// frame's variables (owned).
    fn frame_locals(&mut self, f: &Frame) -> PResult<ObjRef> {
        if let Value::Obj(d) = f.locals {
            self.incref_obj(d);
            return Ok(d);
        }
        if f.code.unit.kind == crate::code::UnitKind::Module {
            self.incref_obj(f.globals);
            return Ok(f.globals);
        }
        let d = self.new_dict();
        let unit = f.code.unit.clone();
        for (i, name) in unit.varnames.iter().enumerate() {
            let v = f.stack.get(i).copied().unwrap_or(Value::Null);
            if !v.is_null() && !unit.cellvars.contains(name) {
                self.dict_set_str(d, name, v);
            }
        }
        for (i, name) in unit.cellvars.iter().chain(unit.freevars.iter()).enumerate() {
            let v = match f.cells.get(i).map(|c| self.heap.kind(*c)) {
                Some(Kind::Cell(v)) => *v,
                _ => Value::Null,
            };
            if !v.is_null() {
                self.dict_set_str(d, name, v);
            }
        }
        Ok(d)
    }

    /// The `CALL` instruction: `[callable-or-method, self-or-NULL, args...]`.
    fn op_call(&mut self, f: &mut Frame, n: usize) -> PResult<Value> {
        let kwnames = f.kwnames.take();
        let len = f.stack.len();
        if len < n + 2 {
            return Err(self.runtime_error("stack underflow"));
        }
        let base = len - n - 2;
        if f.stack[base].is_null() {
            f.stack[base] = f.stack[base + 1];
            f.stack[base + 1] = Value::Null;
        }
        let callable = f.stack[base];
        if f.stack[base + 1].is_null() {
            if let Value::Obj(r) = callable {
                if let Kind::Method(func, s) = self.heap.kind(r) {
                    let (func, s) = (*func, *s);
                    self.incref(func);
                    self.incref(s);
                    f.stack[base] = func;
                    f.stack[base + 1] = s;
                    self.decref(callable);
                }
            }
        }
        let callable = f.stack[base];
        let self_arg = f.stack[base + 1];
        let kwn: Vec<Value> = match kwnames {
            Some(k) => self.tuple_items(f.code.consts[k as usize]),
            None => Vec::new(),
        };
        let is_func =
            matches!(callable, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Function(_)));
        if is_func {
            let mut args: Args = SmallVec::with_capacity(n + 1);
            if !self_arg.is_null() {
                args.push(self_arg);
            }
            args.extend(f.stack.drain(base + 2..));
            f.stack.truncate(base);
            let nkw = kwn.len();
            let kw: SmallVec<[(Value, Value); 4]> = if nkw > 0 {
                let vals: Vec<Value> = args.drain(args.len() - nkw..).collect();
                kwn.iter().copied().zip(vals).collect()
            } else {
                SmallVec::new()
            };
            let Value::Obj(fr) = callable else {
                unreachable!()
            };
            return self.call_function(fr, args, &kw);
        }
        if n <= 1 && self_arg.is_null() && kwn.is_empty() {
            if let Some(v) = self.frame_intrinsic(f, callable, n)? {
                let rest: Vec<Value> = f.stack.drain(base..).collect();
                self.decref_all(rest);
                return Ok(v);
            }
        }
        let mut args: Args = SmallVec::with_capacity(n + 1);
        if !self_arg.is_null() {
            args.push(self_arg);
        }
        args.extend_from_slice(&f.stack[base + 2..]);
        let nkw = kwn.len();
        let npos = args.len() - nkw;
        let kw: SmallVec<[(Value, Value); 4]> = kwn
            .iter()
            .copied()
            .zip(args[npos..].iter().copied())
            .collect();
        let res = self.call(callable, &args[..npos], &kw);
        let rest: Vec<Value> = f.stack.drain(base..).collect();
        for v in rest {
            self.decref(v);
        }
        res
    }

    /// `CALL_FUNCTION_EX`: `f(*args, **kwargs)`; takes the reference to `args`. Any
    /// other iterable than a tuple becomes a tuple, and is dropped before the call.
    fn call_ex(&mut self, func: Value, args: Value, kwargs: Value) -> PResult<Value> {
        match args {
            Value::Obj(r) if self.heap.ty(r) == t::TUPLE => {
                let argv = self.tuple_items(args);
                let res = self.call_ex_inner(func, &argv, kwargs);
                self.decref(args);
                res
            }
            _ => match self.collect_iter(args) {
                Ok(v) => {
                    let items = v.clone();
                    let tup = self.new_tuple(v);
                    self.decref(args);
                    let res = self.call_ex_inner(func, &items, kwargs);
                    self.decref(tup);
                    res
                }
                Err(e) => {
                    let e = if self.throw_is(&e, t::TYPE_ERROR) {
                        self.discard(e);
                        let fname = self.callable_name(func);
                        let tn = self.type_name_of(args);
                        self.type_error(format!(
                            "{fname} argument after * must be an iterable, not {tn}"
                        ))
                    } else {
                        e
                    };
                    self.decref(args);
                    Err(e)
                }
            },
        }
    }

    fn call_ex_inner(&mut self, func: Value, argv: &[Value], kwargs: Value) -> PResult<Value> {
        let mut kw: Vec<(Value, Value)> = Vec::new();
        if let Value::Obj(d) = kwargs {
            if matches!(self.heap.kind(d), Kind::Dict(_)) {
                for (k, v) in self.dict_items(d) {
                    if self.as_str(k).is_none() {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    kw.push((k, v));
                }
            }
        }
        // A class takes the dict as it is (its `__new__` / `__init__` slot copies what it
        // passes on); any other callee gets the values as a new stack holding a reference
        // to each, which also keeps them alive if the callee mutates the dict.
        let class = match func {
            Value::Obj(cls) if matches!(self.heap.kind(cls), Kind::Type(_)) => Some(cls),
            _ => None,
        };
        for (k, v) in &kw {
            self.incref(*k);
            if class.is_none() {
                self.incref(*v);
            }
        }
        // A vectorcall callee gets the keywords as a new tuple of names
        // (`_PyStack_UnpackDict`).
        let unpacks = !kw.is_empty()
            && matches!(func, Value::Obj(f) if matches!(self.heap.kind(f), Kind::Function(_) | Kind::Method(..)));
        let temps = unpacks.then(|| self.call_temps_enter(kw.len(), 0));
        let r = match class {
            Some(cls) => self.call_type_unpacked(cls, argv, &kw),
            None => self.call(func, argv, &kw),
        };
        if let Some(temps) = temps {
            self.call_temps_leave(temps);
        }
        for (k, v) in kw {
            self.decref(k);
            if class.is_none() {
                self.decref(v);
            }
        }
        r
    }

    /// `f()` / `obj.method()` in messages.
    pub fn callable_name(&self, f: Value) -> String {
        match f {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(func) => format!("{}()", self.as_str(func.qualname).unwrap_or("?")),
                Kind::Builtin(b) => format!("{}()", b.name),
                Kind::Type(tt) => format!("{}()", tt.name),
                _ => format!("{}()", self.type_name_of(f)),
            },
            _ => format!("{}()", self.type_name_of(f)),
        }
    }

    /// `BUILD_MAP` / `BUILD_CONST_KEY_MAP` (`_PyDict_FromItems`): presized by count.
    fn build_map(&mut self, items: &[Value]) -> PResult<ObjRef> {
        let n = items.len() / 2;
        let unicode =
            (0..n).all(|i| matches!(items[2 * i], Value::Obj(k) if self.heap.ty(k) == t::STR));
        let d = self.new_dict_presized(n, unicode);
        for i in 0..n {
            if let Err(e) = self.dict_set(d, items[2 * i], items[2 * i + 1]) {
                self.decref_obj(d);
                return Err(e);
            }
        }
        Ok(d)
    }

    fn dict_update_op(
        &mut self,
        d: ObjRef,
        other: Value,
        merge: bool,
        f: &Frame,
        depth: usize,
    ) -> PResult<()> {
        let is_mapping = match other {
            Value::Obj(o) => {
                matches!(self.heap.kind(o), Kind::Dict(_)) || self.has_keys_method(other)
            }
            _ => false,
        };
        if !is_mapping {
            let tn = self.type_name_of(other);
            if merge {
                let func = peek(f, depth + 2);
                let fname = self.callable_name(func);
                return Err(self.type_error(format!(
                    "{fname} argument after ** must be a mapping, not {tn}"
                )));
            }
            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
        }
        if merge {
            let items = self.mapping_items(other)?;
            for (k, v) in &items {
                if self.dict_get(d, *k)?.is_some() {
                    let func = peek(f, depth + 2);
                    let fname = self.callable_name(func);
                    let ks = self.as_str(*k).unwrap_or("").to_string();
                    self.decref_pairs(items);
                    return Err(self.type_error(format!(
                        "{fname} got multiple values for keyword argument '{ks}'"
                    )));
                }
                self.dict_set(d, *k, *v)?;
            }
            self.decref_pairs(items);
            return Ok(());
        }
        self.dict_update(d, other)
    }

    pub fn decref_pairs(&mut self, items: Vec<(Value, Value)>) {
        for (k, v) in items {
            self.decref(k);
            self.decref(v);
        }
    }

    /// `MAKE_FUNCTION`.
    fn make_function(&mut self, f: &mut Frame, flags: u32) -> PResult<Value> {
        let code_v = pop(f);
        let closure = if flags & mkfn::CLOSURE != 0 {
            pop(f)
        } else {
            Value::Null
        };
        let annotations = if flags & mkfn::ANNOTATIONS != 0 {
            pop(f)
        } else {
            Value::Null
        };
        let kwdefaults = if flags & mkfn::KWDEFAULTS != 0 {
            pop(f)
        } else {
            Value::Null
        };
        let defaults = if flags & mkfn::DEFAULTS != 0 {
            pop(f)
        } else {
            Value::Null
        };
        let Value::Obj(cr) = code_v else {
            return Err(self.runtime_error("bad code object"));
        };
        let code = match self.heap.kind(cr) {
            Kind::Code(c) => c.clone(),
            _ => return Err(self.runtime_error("bad code object")),
        };
        let name = Value::Obj(code.name);
        let qualname = Value::Obj(code.qualname);
        self.incref(name);
        self.incref(qualname);
        let doc = match &code.unit.doc {
            Some(d) if code.unit.kind == crate::code::UnitKind::Function => self.new_str(d),
            _ => Value::None,
        };
        let module = self
            .dict_get_str(f.globals, "__name__")
            .unwrap_or(Value::None);
        self.incref(module);
        self.incref_obj(f.globals);
        let func = Function {
            code,
            code_obj: cr,
            globals: f.globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            doc,
            module,
            annotations,
            dict: Value::Null,
        };
        let r = self.alloc_gc(
            t::FUNCTION,
            Kind::Function(Box::new(func)),
            crate::heap::refcount::FreeList::None,
        );
        Ok(Value::Obj(r))
    }

    /// `raise exc from cause`.
    fn do_raise(&mut self, exc: Value, cause: Value) -> Throw {
        let inst = match self.make_exception_instance(exc) {
            Ok(i) => i,
            Err(e) => {
                self.decref(exc);
                self.decref(cause);
                return e;
            }
        };
        self.decref(exc);
        if !cause.is_null() {
            let c = if cause.is_none() {
                Ok(Value::None)
            } else {
                match self.make_exception_instance(cause) {
                    Ok(r) => Ok(Value::Obj(r)),
                    Err(_) => Err(()),
                }
            };
            self.decref(cause);
            match c {
                Ok(cv) => {
                    if let Kind::Exception(e) = self.heap.kind_mut(inst) {
                        let old = std::mem::replace(&mut e.cause, cv);
                        e.suppress_context = true;
                        self.decref(old);
                    }
                }
                Err(()) => {
                    self.decref_obj(inst);
                    return self.type_error("exception causes must derive from BaseException");
                }
            }
        }
        Throw::Exc(inst)
    }

    /// An exception instance from a class (instantiated) or an instance (new ref).
    pub fn make_exception_instance(&mut self, v: Value) -> PResult<ObjRef> {
        if let Value::Obj(r) = v {
            match self.heap.kind(r) {
                Kind::Type(_) if self.is_subtype(r, t::BASE_EXCEPTION) => {
                    let inst = self.call(v, &[], &[])?;
                    if let Value::Obj(ir) = inst {
                        if self.isinstance_type(inst, t::BASE_EXCEPTION) {
                            return Ok(ir);
                        }
                    }
                    let tn = self.type_name_of(inst);
                    self.decref(inst);
                    return Err(self.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {tn}",
                        self.type_name(r)
                    )));
                }
                Kind::Exception(_) => {
                    self.incref_obj(r);
                    return Ok(r);
                }
                _ => {}
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `CHECK_EXC_MATCH`: `isinstance(exc, ty)` with `ty` a class or tuple of classes.
    fn exception_matches(&mut self, exc: Value, ty: Value) -> PResult<bool> {
        let types = match ty {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)) => self.tuple_items(ty),
            _ => vec![ty],
        };
        for tv in &types {
            match tv {
                Value::Obj(tr)
                    if matches!(self.heap.kind(*tr), Kind::Type(_))
                        && self.is_subtype(*tr, t::BASE_EXCEPTION) => {}
                _ => {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ))
                }
            }
        }
        let ety = self.type_of(exc);
        Ok(types
            .iter()
            .any(|tv| matches!(tv, Value::Obj(tr) if self.is_subtype(ety, *tr))))
    }

    /// `with`: `(bound __exit__, result of __enter__)`.
    fn before_with(&mut self, mgr: Value) -> PResult<(Value, Value)> {
        self.enter_context(mgr, "__enter__", "__exit__", "the context manager protocol")
    }

    /// What `with` and `async with` share: `enter` and `exit` looked up on the manager's
    /// type, `(bound exit, result of calling enter)`; a manager lacking either is a
    /// TypeError naming `protocol`.
    pub(crate) fn enter_context(
        &mut self,
        mgr: Value,
        enter: &str,
        exit: &str,
        protocol: &str,
    ) -> PResult<(Value, Value)> {
        let ty = self.type_of(mgr);
        let enter = self.lookup_type_str(ty, enter);
        let exit = self.lookup_type_str(ty, exit);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            if let Some(found) = enter.or(exit) {
                self.decref(found);
            }
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object does not support {protocol}")));
        };
        let bound_exit = self.descr_get(exit, mgr, ty);
        self.decref(exit);
        let bound_exit = match bound_exit {
            Ok(b) => b,
            Err(e) => {
                self.decref(enter);
                return Err(e);
            }
        };
        let res = self.call(enter, &[mgr], &[]);
        self.decref(enter);
        match res {
            Ok(r) => Ok((bound_exit, r)),
            Err(e) => {
                self.decref(bound_exit);
                Err(e)
            }
        }
    }

    /// `FORMAT_VALUE`: conversion then `format(value, spec)`.
    fn format_value(&mut self, v: Value, conv: u32, spec: Value) -> PResult<Value> {
        let converted = match conv {
            fmtval::CONV_STR => Some(self.str_value(v)?),
            fmtval::CONV_REPR => Some(self.repr_value(v)?),
            fmtval::CONV_ASCII => {
                let r = self.repr(v)?;
                Some(self.new_string(crate::format::repr::ascii_escape(&r)))
            }
            _ => None,
        };
        let target = converted.unwrap_or(v);
        let spec_s = if spec.is_null() {
            String::new()
        } else {
            self.as_str(spec).unwrap_or("").to_string()
        };
        if spec_s.is_empty() && self.type_of(target) == t::STR {
            if converted.is_none() {
                self.incref(target);
            }
            return Ok(target);
        }
        let r = self.format(target, &spec_s);
        if let Some(c) = converted {
            self.decref(c);
        }
        let s = r?;
        Ok(self.new_string(s))
    }
}
