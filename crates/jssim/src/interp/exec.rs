//! The instruction loop: executes the top frame until it returns, yields or awaits,
//! routing exceptions to the frame's handlers.

use super::{Frame, Handler, Res, Throw, Vm};
use crate::code::{Const, Op, VarAct};
use crate::heap::{CtxData, Kind, Prop, PropVal};
use crate::value::{ObjRef, PropKey, Value};

/// How a frame stopped.
#[derive(Debug)]
pub enum Completion {
    Return(Value),
    Yield(Value),
    Await(Value),
}

type Step = Res<Option<Completion>>;

impl Vm {
    fn fr(&mut self) -> &mut Frame {
        let n = self.frames.len() - 1;
        &mut self.frames[n]
    }

    pub(crate) fn push(&mut self, v: Value) {
        self.fr().stack.push(v);
    }

    pub(crate) fn pop(&mut self) -> Value {
        self.fr().stack.pop().unwrap_or(Value::Undefined)
    }

    fn peek(&mut self) -> Value {
        self.fr().stack.last().cloned().unwrap_or(Value::Undefined)
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let f = self.fr();
        let at = f.stack.len().saturating_sub(n);
        f.stack.split_off(at)
    }

    pub(crate) fn run_frame(&mut self) -> Res<Completion> {
        self.run_frame_with(None)
    }

    /// Runs the top frame; `pending` is an abrupt completion to raise at the current pc
    /// first (generator `throw()`/`return()`, a rejected `await`).
    pub(crate) fn run_frame_with(&mut self, mut pending: Option<Throw>) -> Res<Completion> {
        let code = self.fr().code.clone();
        loop {
            let r = match pending.take() {
                Some(e) => Err(e),
                None => self.step_op(&code),
            };
            match r {
                Ok(None) => {}
                Ok(Some(c)) => return Ok(c),
                Err(Throw::Js(v)) => {
                    let f = self.fr();
                    match f.handlers.pop() {
                        Some(h) => {
                            f.stack.truncate(h.stack_len);
                            f.ctx = h.ctx;
                            f.stack.push(v);
                            f.pc = h.pc as usize;
                            self.error_pos = None;
                        }
                        None => {
                            let pos = code
                                .pos
                                .get(f.pc.saturating_sub(1))
                                .copied()
                                .unwrap_or((1, 1));
                            let same = self
                                .error_pos
                                .as_ref()
                                .is_some_and(|(e, _)| crate::value::strict_equals(e, &v));
                            if !same {
                                self.error_pos = Some((v.clone(), pos));
                            }
                            return Err(Throw::Js(v));
                        }
                    }
                }
                Err(Throw::GenReturn(v)) => {
                    // A generator's `return()`: only `finally` handlers run; the marker
                    // `Empty` on the stack makes their closing `Throw` continue the return.
                    let f = self.fr();
                    loop {
                        match f.handlers.pop() {
                            Some(h) if h.finally => {
                                f.stack.truncate(h.stack_len);
                                f.ctx = h.ctx;
                                f.stack.push(Value::Empty);
                                f.pc = h.pc as usize;
                                f.pending_return = Some(v);
                                break;
                            }
                            Some(_) => {}
                            None => return Ok(Completion::Return(v)),
                        }
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn ctx_at(&self, depth: u32) -> Option<ObjRef> {
        let mut c = self.frames.last()?.ctx;
        for _ in 0..depth {
            c = match c.and_then(|r| self.heap.kind(r)) {
                Some(Kind::Context(d)) => d.parent,
                _ => None,
            };
        }
        c
    }

    fn tdz_error(&mut self, name: u32) -> Throw {
        let n = self.fr().code.name_at(name);
        if &*n == "this" {
            return self.throw_error("ReferenceError", "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        }
        self.throw_error(
            "ReferenceError",
            &format!("Cannot access '{n}' before initialization"),
        )
    }

    fn var_op(
        &mut self,
        act: VarAct,
        loc: Option<(u32, u32)>,
        local: u32,
        checked: bool,
        name: u32,
    ) -> Res<()> {
        match act {
            VarAct::Get | VarAct::Typeof => {
                let v = match loc {
                    None => self
                        .fr()
                        .locals
                        .get(local as usize)
                        .cloned()
                        .unwrap_or_default(),
                    Some((d, s)) => {
                        let c = self.ctx_at(d);
                        match c.and_then(|c| self.heap.kind(c)) {
                            Some(Kind::Context(cd)) => {
                                cd.slots.get(s as usize).cloned().unwrap_or_default()
                            }
                            _ => Value::Undefined,
                        }
                    }
                };
                if checked && matches!(v, Value::Empty) {
                    return Err(self.tdz_error(name));
                }
                self.push(v);
            }
            VarAct::Set | VarAct::Init => {
                let v = self.pop();
                if checked && act == VarAct::Set {
                    let cur = match loc {
                        None => self
                            .fr()
                            .locals
                            .get(local as usize)
                            .cloned()
                            .unwrap_or_default(),
                        Some((d, s)) => {
                            let c = self.ctx_at(d);
                            match c.and_then(|c| self.heap.kind(c)) {
                                Some(Kind::Context(cd)) => {
                                    cd.slots.get(s as usize).cloned().unwrap_or_default()
                                }
                                _ => Value::Undefined,
                            }
                        }
                    };
                    if matches!(cur, Value::Empty) {
                        return Err(self.tdz_error(name));
                    }
                }
                match loc {
                    None => {
                        if let Some(slot) = self.fr().locals.get_mut(local as usize) {
                            *slot = v;
                        }
                    }
                    Some((d, s)) => {
                        let c = self.ctx_at(d);
                        if let Some(Kind::Context(cd)) =
                            c.and_then(|c| self.heap.get_mut(c)).map(|o| &mut o.kind)
                        {
                            if let Some(slot) = cd.slots.get_mut(s as usize) {
                                *slot = v;
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn step_op(&mut self, code: &std::sync::Arc<crate::code::FnCode>) -> Step {
        if self.gc_pending.is_some() && self.native_depth == 0 {
            self.collect_pending()?;
        }
        let op = {
            let f = self.fr();
            let Some(op) = code.code.get(f.pc).copied() else {
                return Ok(Some(Completion::Return(Value::Undefined)));
            };
            f.pc += 1;
            op
        };
        self.step()?;
        if self.trace.enabled {
            let pc = self.fr().pc - 1;
            let line = code.lines.get(pc).copied().unwrap_or(0);
            self.trace_line(line);
        }
        match op {
            Op::Nop => {}
            Op::Const(i) => {
                let v = match &code.consts[i as usize] {
                    Const::Num(n) => Value::Num(*n),
                    Const::Str(s) => Value::Str(s.clone()),
                    Const::BigInt(b) => Value::BigInt(b.clone()),
                };
                self.push(v);
            }
            Op::Undef => self.push(Value::Undefined),
            Op::Null => self.push(Value::Null),
            Op::True => self.push(Value::Bool(true)),
            Op::False => self.push(Value::Bool(false)),
            Op::Empty => self.push(Value::Empty),
            Op::Pop => {
                self.pop();
            }
            Op::Dup => {
                let v = self.peek();
                self.push(v);
            }
            Op::Dup2 => {
                let f = self.fr();
                let n = f.stack.len();
                if n >= 2 {
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
            }
            Op::Swap => {
                let f = self.fr();
                let n = f.stack.len();
                if n >= 2 {
                    f.stack.swap(n - 1, n - 2);
                }
            }
            Op::Rot3 => {
                let f = self.fr();
                let n = f.stack.len();
                if n >= 3 {
                    let c = f.stack.remove(n - 1);
                    f.stack.insert(n - 3, c);
                }
            }
            Op::Rot4 => {
                let f = self.fr();
                let n = f.stack.len();
                if n >= 4 {
                    let d = f.stack.remove(n - 1);
                    f.stack.insert(n - 4, d);
                }
            }
            Op::Var(..) | Op::EnterScope(_) | Op::ExitScope(_) | Op::CopyScope(_) => {
                return Err(self.unsupported("unresolved variable"));
            }
            Op::Local(act, slot, checked, name) => self.var_op(act, None, slot, checked, name)?,
            Op::Ctx(act, d, s, checked, name) => {
                self.var_op(act, Some((d, s)), 0, checked, name)?
            }
            Op::GetGlobal(n) => {
                let name = code.name_at(n);
                let g = self.realm.global;
                match self.lookup_global(g, &name)? {
                    Some(v) => self.push(v),
                    None => {
                        return Err(self.undefined_global(&name));
                    }
                }
            }
            Op::TypeofGlobal(n) => {
                let name = code.name_at(n);
                let g = self.realm.global;
                let v = match self.lookup_global(g, &name)? {
                    Some(v) => v,
                    None if crate::unmodelled::is_unmodelled_global(self.browser, &name) => {
                        return Err(self.undefined_global(&name));
                    }
                    None => Value::Undefined,
                };
                self.push(v);
            }
            Op::SetGlobal(n) => {
                let name = code.name_at(n);
                let v = self.pop();
                let g = Value::Obj(self.realm.global);
                let strict = code.flags.strict;
                if strict && self.lookup_global(self.realm.global, &name)?.is_none() {
                    return Err(self.undefined_global(&name));
                }
                self.set(&g, PropKey::Str(name), v, g.clone())?;
            }
            Op::PushCtx(n, layout) => {
                let parent = self.fr().ctx;
                let names = code
                    .ctx_layouts
                    .get(layout as usize)
                    .cloned()
                    .unwrap_or_default();
                let c = self.alloc(
                    None,
                    Kind::Context(Box::new(CtxData {
                        slots: vec![Value::Undefined; n as usize],
                        parent,
                        names,
                    })),
                );
                self.fr().ctx = Some(c);
            }
            Op::PopCtx => {
                let cur = self.fr().ctx;
                let parent = match cur.and_then(|c| self.heap.kind(c)) {
                    Some(Kind::Context(d)) => d.parent,
                    _ => None,
                };
                self.fr().ctx = parent;
            }
            Op::CopyCtx => {
                let cur = self.fr().ctx;
                let copy = match cur.and_then(|c| self.heap.kind(c)) {
                    Some(Kind::Context(d)) => Some(CtxData {
                        slots: d.slots.clone(),
                        parent: d.parent,
                        names: d.names.clone(),
                    }),
                    _ => None,
                };
                if let Some(d) = copy {
                    let c = self.alloc(None, Kind::Context(Box::new(d)));
                    self.fr().ctx = Some(c);
                }
            }
            Op::LoadThis => {
                let t = self.fr().this.clone();
                self.push(t);
            }
            Op::LoadArg(i) => {
                let v = self.fr().args.get(i as usize).cloned().unwrap_or_default();
                self.push(v);
            }
            Op::LoadRest(i) => {
                let rest: Vec<Value> = self.fr().args.iter().skip(i as usize).cloned().collect();
                let a = self.array_value(rest);
                self.push(a);
            }
            Op::LoadArguments(mapped) => {
                let a = self.arguments_object(code, mapped)?;
                self.push(Value::Obj(a));
            }
            Op::DeclareGlobalVar(n) => {
                let g = self.realm.global;
                let k = PropKey::Str(code.name_at(n));
                if self.heap.get(g).is_some_and(|o| !o.props.contains_key(&k)) {
                    self.define_own(
                        g,
                        k,
                        Prop {
                            v: PropVal::Data(Value::Undefined),
                            enumerable: true,
                            writable: true,
                            configurable: false,
                        },
                    )?;
                }
            }
            Op::NewTarget => {
                let c = self.fr().new_target.map(Value::Obj).unwrap_or_default();
                self.push(c);
            }
            Op::GetNamed(n) => {
                let obj = self.pop();
                let key = PropKey::Str(code.name_at(n));
                let v = self.get_value(&obj, &key)?;
                self.push(v);
            }
            Op::GetElem => {
                let key = self.pop();
                let obj = self.pop();
                let v = match key {
                    Value::Sym(s) if self.is_private_symbol(s) => self.get_private(&obj, s)?,
                    _ => self.get_elem(&obj, &key)?,
                };
                self.push(v);
            }
            Op::SetElem => {
                let v = self.pop();
                let key = self.pop();
                let obj = self.pop();
                match key {
                    Value::Sym(s) if self.is_private_symbol(s) => {
                        self.set_private(&obj, s, v.clone())?
                    }
                    _ => {
                        let k = self.to_property_key(&key)?;
                        self.put_value(&obj, k, v.clone())?;
                    }
                }
                self.push(v);
            }
            Op::DefineElem => {
                let v = self.pop();
                let key = self.pop();
                let obj = self.peek();
                let k = self.to_property_key(&key)?;
                if let Value::Obj(o) = obj {
                    self.define_own(o, k, Prop::data(v))?;
                }
            }
            Op::DefineNamed(n) => {
                let v = self.pop();
                let obj = self.peek();
                if let Value::Obj(o) = obj {
                    self.define_own(o, PropKey::Str(code.name_at(n)), Prop::data(v))?;
                }
            }
            Op::DefineAccessor(is_get, enumerable) => {
                let f = self.pop();
                let key = self.pop();
                let obj = self.peek();
                let k = self.to_property_key(&key)?;
                if let (Value::Obj(o), Value::Obj(fo)) = (obj, f) {
                    self.define_accessor(o, k, is_get, fo, enumerable);
                }
            }
            Op::SetProto => {
                let p = self.pop();
                let obj = self.peek();
                if let Value::Obj(o) = obj {
                    match p {
                        Value::Obj(po) => {
                            if let Some(x) = self.heap.get_mut(o) {
                                x.proto = Some(po);
                            }
                        }
                        Value::Null => {
                            if let Some(x) = self.heap.get_mut(o) {
                                x.proto = None;
                            }
                        }
                        _ => {}
                    }
                }
            }
            Op::CopyProps => {
                let src = self.pop();
                let obj = self.peek();
                if let Value::Obj(o) = obj {
                    self.copy_data_props(o, &src, &[])?;
                }
            }
            Op::RestProps => {
                let excl = self.pop();
                let src = self.pop();
                let keys = self.array_items(&excl);
                let mut ex = Vec::new();
                for k in keys {
                    ex.push(self.to_property_key(&k)?);
                }
                let o = self.new_object();
                self.copy_data_props(o, &src, &ex)?;
                self.push(Value::Obj(o));
            }
            Op::DeleteElem => {
                let key = self.pop();
                let obj = self.pop();
                let k = self.to_property_key(&key)?;
                let r = match obj {
                    Value::Obj(o) => self.delete_prop(o, &k)?,
                    Value::Undefined | Value::Null => {
                        return Err(self.type_error("Cannot convert undefined or null to object"));
                    }
                    _ => true,
                };
                self.push(Value::Bool(r));
            }
            Op::MakeArray(n) => {
                let items = self.pop_n(n as usize);
                let a = self.array_value(items);
                self.push(a);
            }
            Op::ArrayPush => {
                let v = self.pop();
                if let Some(Value::Obj(a)) = self.fr().stack.last().cloned() {
                    if let Some(Kind::Array(items)) = self.heap.get_mut(a).map(|o| &mut o.kind) {
                        items.push(v);
                    }
                }
            }
            Op::ArrayHole => {
                if let Some(Value::Obj(a)) = self.fr().stack.last().cloned() {
                    if let Some(Kind::Array(items)) = self.heap.get_mut(a).map(|o| &mut o.kind) {
                        items.push(Value::Empty);
                    }
                }
            }
            Op::ArraySpread(d, call) => {
                let src = self.pop();
                let desc = code.name_at(d);
                let items = self.spread_items(&src, &desc, call)?;
                if let Some(Value::Obj(a)) = self.fr().stack.last().cloned() {
                    if let Some(Kind::Array(v)) = self.heap.get_mut(a).map(|o| &mut o.kind) {
                        v.extend(items);
                    }
                }
            }
            Op::NewObject(n) => {
                self.heap.next_inobject = if n == 0 { 4 } else { n as u8 };
                let o = self.new_object();
                self.push(Value::Obj(o));
            }
            Op::MakeMethod(depth) => {
                let f = self.fr();
                let len = f.stack.len();
                let (fv, ov) = (
                    f.stack[len - 1].clone(),
                    f.stack[len - 1 - depth as usize].clone(),
                );
                if let (Value::Obj(fo), Value::Obj(o)) = (fv, ov) {
                    if let Some(Kind::Function(c)) = self.heap.get_mut(fo).map(|x| &mut x.kind) {
                        c.home = Some(o);
                    }
                }
            }
            Op::SetFunctionName(prefix) => {
                let f = self.fr();
                let len = f.stack.len();
                let (fv, kv) = (f.stack[len - 1].clone(), f.stack[len - 2].clone());
                if let Value::Obj(fo) = fv {
                    let key = self.to_property_key(&kv)?;
                    let base = match &key {
                        PropKey::Str(s) => s.to_string(),
                        PropKey::Sym(i) => match self.symbols.get(*i as usize).cloned().flatten() {
                            Some(d) => format!("[{d}]"),
                            None => String::new(),
                        },
                    };
                    let name = match prefix {
                        1 => format!("get {base}"),
                        2 => format!("set {base}"),
                        _ => base,
                    };
                    if let Some(o) = self.heap.get_mut(fo) {
                        o.props.insert(
                            PropKey::s("name"),
                            Prop {
                                v: PropVal::Data(Value::str(&name)),
                                enumerable: false,
                                writable: false,
                                configurable: true,
                            },
                        );
                    }
                }
            }
            Op::LoadCallee => {
                let c = self.fr().callee.map(Value::Obj).unwrap_or_default();
                self.push(c);
            }
            Op::NewPrivateName(n) => {
                let s = self.new_symbol(Some(code.name_at(n)));
                self.private_symbols.insert(s);
                self.push(Value::Sym(s));
            }
            Op::RegExp(p, f) => {
                let r =
                    crate::builtins::regexp::new_regexp(self, &code.name_at(p), &code.name_at(f))?;
                self.push(r);
            }
            Op::TemplateObject(i) => {
                let key = (std::sync::Arc::as_ptr(code) as usize, i);
                let v = match self.template_cache.get(&key) {
                    Some(o) => Value::Obj(*o),
                    None => {
                        let n: usize = code.name_at(i).parse().unwrap_or(0);
                        let mut cooked = Vec::new();
                        let mut raw = Vec::new();
                        for k in 0..n {
                            cooked.push(Value::Str(code.name_at(i + 1 + 2 * k as u32)));
                            raw.push(Value::Str(code.name_at(i + 2 + 2 * k as u32)));
                        }
                        let c = self.new_array(cooked);
                        let r = self.new_array(raw);
                        self.set_const(c, "raw", Value::Obj(r));
                        for a in [r, c] {
                            if let Some(o) = self.heap.get_mut(a) {
                                o.lock = crate::heap::Lock::Frozen;
                                o.extensible = false;
                            }
                        }
                        self.template_cache.insert(key, c);
                        Value::Obj(c)
                    }
                };
                self.push(v);
            }
            Op::Closure(i) => {
                let fc = code.funcs[i as usize].clone();
                let env = self.fr().ctx;
                let home = if fc.flags.arrow { self.fr().home } else { None };
                let c = self.closure_obj(fc, env, home);
                self.push(Value::Obj(c));
            }
            Op::Class(i, has_heritage) => {
                let fc = code.funcs[i as usize].clone();
                let env = self.fr().ctx;
                let parent = if has_heritage { Some(self.pop()) } else { None };
                let c = self.make_class(fc, env, parent)?;
                self.push(Value::Obj(c));
            }
            Op::ClassMethod(is_static, kind) => {
                let f = self.pop();
                let key = self.pop();
                let target = self.pop();
                let _ = is_static;
                let k = self.to_property_key(&key)?;
                if let (Value::Obj(t), Value::Obj(fo)) = (target, f) {
                    if let Some(Kind::Function(c)) = self.heap.get_mut(fo).map(|o| &mut o.kind) {
                        c.home = Some(t);
                    }
                    match kind {
                        0 => {
                            if let Some(o) = self.heap.get_mut(t) {
                                o.props.insert(k, Prop::hidden(Value::Obj(fo)));
                            }
                        }
                        _ => self.define_accessor(t, k, kind == 1, fo, false),
                    }
                }
            }
            Op::SetFieldInit => {
                let init = self.pop();
                let ctor = self.peek();
                if let (Value::Obj(c), Value::Obj(i)) = (ctor, init) {
                    let proto = self.get(&Value::Obj(c), &PropKey::s("prototype"))?.as_obj();
                    if let Some(Kind::Function(cl)) = self.heap.get_mut(i).map(|o| &mut o.kind) {
                        cl.home = proto;
                    }
                    if let Some(Kind::Function(cl)) = self.heap.get_mut(c).map(|o| &mut o.kind) {
                        cl.field_init = Some(i);
                    }
                }
            }
            Op::InitFields => {
                let this = self.fr().this.clone();
                let callee = self.fr().callee;
                self.run_field_init(callee, this)?;
            }
            Op::Call(n, d) => {
                let args = self.pop_n(n as usize);
                let this = self.pop();
                let f = self.pop();
                let desc = code.name_at(d);
                let r = self.call_desc(&f, this, args, Some(&desc))?;
                self.push(r);
            }
            Op::CallSpread(d) => {
                let arr = self.pop();
                let this = self.pop();
                let f = self.pop();
                let args = self.array_items(&arr);
                let desc = code.name_at(d);
                let r = self.call_desc(&f, this, args, Some(&desc))?;
                self.push(r);
            }
            Op::New(n, d) => {
                let args = self.pop_n(n as usize);
                let f = self.pop();
                let desc = code.name_at(d);
                let r = self.construct(&f, args, None, Some(&desc))?;
                self.push(r);
            }
            Op::NewSpread(d) => {
                let arr = self.pop();
                let f = self.pop();
                let args = self.array_items(&arr);
                let desc = code.name_at(d);
                let r = self.construct(&f, args, None, Some(&desc))?;
                self.push(r);
            }
            Op::SuperCall(n) => {
                let args = self.pop_n(n as usize);
                let r = self.super_call(args)?;
                self.push(r);
            }
            Op::SuperCallSpread => {
                let arr = self.pop();
                let args = self.array_items(&arr);
                let r = self.super_call(args)?;
                self.push(r);
            }
            Op::SuperGet => {
                let key = self.pop();
                let this = self.pop();
                let home = self.home_object();
                let proto = home.and_then(|h| self.heap.get(h)).and_then(|o| o.proto);
                let k = self.to_property_key(&key)?;
                let v = match proto {
                    Some(p) => self.get_with_receiver(p, &k, this)?,
                    None => Value::Undefined,
                };
                self.push(v);
            }
            Op::SuperSet => {
                let v = self.pop();
                let key = self.pop();
                let this = self.pop();
                let proto = self
                    .home_object()
                    .and_then(|h| self.heap.get(h))
                    .and_then(|o| o.proto);
                let k = self.to_property_key(&key)?;
                if let Some(p) = proto {
                    self.set(&Value::Obj(p), k, v.clone(), this)?;
                }
                self.push(v);
            }
            Op::Return => {
                let v = self.pop();
                return Ok(Some(Completion::Return(v)));
            }
            Op::Throw => {
                let v = self.pop();
                if matches!(v, Value::Empty) {
                    if let Some(r) = self.fr().pending_return.take() {
                        return Err(Throw::GenReturn(r));
                    }
                }
                return Err(Throw::Js(v));
            }
            Op::ThrowConst => return Err(self.type_error("Assignment to constant variable.")),
            Op::Jump(t) => self.fr().pc = t as usize,
            Op::JumpIfFalse(t) => {
                if !self.pop().truthy() {
                    self.fr().pc = t as usize;
                }
            }
            Op::JumpIfTrue(t) => {
                if self.pop().truthy() {
                    self.fr().pc = t as usize;
                }
            }
            Op::JumpIfNotNullish(t) => {
                if !self.peek().is_nullish() {
                    self.fr().pc = t as usize;
                }
            }
            Op::JumpIfNotUndef(t) => {
                if !matches!(self.peek(), Value::Undefined) {
                    self.fr().pc = t as usize;
                }
            }
            Op::JumpIfTrueKeep(t) => {
                if self.peek().truthy() {
                    self.fr().pc = t as usize;
                } else {
                    self.pop();
                }
            }
            Op::JumpIfFalseKeep(t) => {
                if !self.peek().truthy() {
                    self.fr().pc = t as usize;
                } else {
                    self.pop();
                }
            }
            Op::PushHandler(t, finally) => {
                let f = self.fr();
                let h = Handler {
                    pc: t,
                    stack_len: f.stack.len(),
                    ctx: f.ctx,
                    finally,
                };
                f.handlers.push(h);
            }
            Op::PopHandler => {
                self.fr().handlers.pop();
            }
            Op::Bin(b) => {
                let r = self.pop();
                let l = self.pop();
                let v = self.binary(b, &l, &r)?;
                self.push(v);
            }
            Op::Unary(u) => {
                let v = self.pop();
                let r = self.unary(u, &v)?;
                self.push(r);
            }
            Op::Typeof => {
                let v = self.pop();
                let t = self.type_of(&v);
                self.push(Value::str(t));
            }
            Op::Inc | Op::Dec => {
                let v = self.pop();
                let d = if matches!(op, Op::Inc) { 1.0 } else { -1.0 };
                let r = match v {
                    Value::BigInt(b) => Value::BigInt(std::sync::Arc::new(
                        &*b + num_bigint::BigInt::from(d as i64),
                    )),
                    other => Value::Num(self.to_number(&other)? + d),
                };
                self.push(r);
            }
            Op::ToNumeric => {
                let v = self.pop();
                let r = match v {
                    Value::BigInt(_) => v,
                    other => Value::Num(self.to_number(&other)?),
                };
                self.push(r);
            }
            Op::ToPropertyKey => {
                let v = self.pop();
                let r = match v {
                    Value::Sym(_) | Value::Str(_) => v,
                    Value::Num(_) => v,
                    other => {
                        let p = self.to_primitive(&other, "string")?;
                        match p {
                            Value::Sym(_) => p,
                            q => Value::Str(self.to_string(&q)?),
                        }
                    }
                };
                self.push(r);
            }
            Op::ToStr => {
                let v = self.pop();
                if let Value::Sym(_) = v {
                    return Err(self.type_error("Cannot convert a Symbol value to a string"));
                }
                let s = self.to_string(&v)?;
                self.push(Value::Str(s));
            }
            Op::RequireObjectCoercible(c) => {
                let v = self.peek();
                if v.is_nullish() {
                    return Err(self.destructure_error(code, c, &v));
                }
            }
            Op::GetIter(d) => {
                let v = self.pop();
                let (it, next) = self.get_iterator_described(&v, &code.name_at(d))?;
                self.push(it);
                self.push(next);
            }
            Op::GetAsyncIter(d) => {
                let v = self.pop();
                let (it, next) = self.get_async_iterator(&v, &code.name_at(d))?;
                self.push(it);
                self.push(next);
            }
            Op::AsyncIterCall => {
                let f = self.fr();
                let n = f.stack.len();
                let (it, next) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let r = self.call(&next, it, vec![])?;
                self.push(r);
            }
            Op::IterResult => {
                let r = self.pop();
                if !matches!(r, Value::Obj(_)) {
                    let d = self.to_display(&r);
                    return Err(self.type_error(&format!("Iterator result {d} is not an object")));
                }
                let done = self.get(&r, &PropKey::s("done"))?.truthy();
                let value = self.get(&r, &PropKey::s("value"))?;
                self.push(value);
                self.push(Value::Bool(done));
            }
            Op::IterCloseThrow => {
                let e = self.pop();
                let _next = self.pop();
                let it = self.pop();
                match self.iter_close(&it) {
                    Ok(()) | Err(Throw::Js(_)) => {}
                    Err(other) => return Err(other),
                }
                if matches!(e, Value::Empty) {
                    if let Some(r) = self.fr().pending_return.take() {
                        return Err(Throw::GenReturn(r));
                    }
                }
                return Err(Throw::Js(e));
            }
            Op::YieldDelegate(done) => {
                let mode = self.pop();
                let received = self.pop();
                match self.delegate_step(&mode, received)? {
                    Ok(v) => return Ok(Some(Completion::Yield(v))),
                    Err(v) => {
                        self.pop();
                        self.pop();
                        self.push(v);
                        self.fr().pc = done as usize;
                    }
                }
            }
            Op::IterNext => {
                let f = self.fr();
                let n = f.stack.len();
                let (it, next) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let (v, done) = self.iter_step(&it, &next)?;
                self.push(v);
                self.push(Value::Bool(done));
            }
            Op::IterValue => {
                let f = self.fr();
                let n = f.stack.len();
                let (it, next) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let (v, done) = self.iter_step(&it, &next)?;
                self.push(if done { Value::Undefined } else { v });
            }
            Op::IterRest => {
                let f = self.fr();
                let n = f.stack.len();
                let (it, next) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let mut items = Vec::new();
                loop {
                    let (v, done) = self.iter_step(&it, &next)?;
                    if done {
                        break;
                    }
                    items.push(v);
                }
                let a = self.array_value(items);
                self.push(a);
            }
            Op::IterClose => {
                let _next = self.pop();
                let it = self.pop();
                self.iter_close(&it)?;
            }
            Op::ForInKeys => {
                let v = self.pop();
                let keys = self.for_in_keys(&v)?;
                let (it, next) = self.list_iterator(keys);
                self.push(it);
                self.push(next);
            }
            Op::Yield => {
                let v = self.pop();
                return Ok(Some(Completion::Yield(v)));
            }
            Op::Await => {
                let v = self.pop();
                return Ok(Some(Completion::Await(v)));
            }
        }
        Ok(None)
    }

    /// `obj.#x`: the private member, or V8's TypeError when the object lacks it.
    fn get_private(&mut self, obj: &Value, s: u32) -> Res<Value> {
        let k = PropKey::Sym(s);
        if let Value::Obj(o) = obj {
            if let Some(owner) = self.private_owner(*o, &k) {
                return self.get_with_receiver(owner, &k, obj.clone());
            }
        }
        let n = self.key_display(&k);
        let n = n
            .trim_start_matches("Symbol(")
            .trim_end_matches(')')
            .to_string();
        Err(self.type_error(&format!(
            "Cannot read private member {n} from an object whose class did not declare it"
        )))
    }

    /// `obj.#x = v`.
    fn set_private(&mut self, obj: &Value, s: u32, v: Value) -> Res<()> {
        let k = PropKey::Sym(s);
        if let Value::Obj(o) = obj {
            if let Some(owner) = self.private_owner(*o, &k) {
                if let Some(Prop {
                    v: PropVal::Accessor(_, set),
                    ..
                }) = self.get_own_prop(owner, &k)
                {
                    let n = self
                        .symbols
                        .get(s as usize)
                        .cloned()
                        .flatten()
                        .unwrap_or_default();
                    let Some(set) = set else {
                        return Err(self.type_error(&format!("'{n}' was defined without a setter")));
                    };
                    self.call(&Value::Obj(set), obj.clone(), vec![v])?;
                    return Ok(());
                }
                if let Some(x) = self.heap.get_mut(*o) {
                    x.props.insert(k, Prop::hidden(v));
                }
                return Ok(());
            }
        }
        let n = self
            .symbols
            .get(s as usize)
            .cloned()
            .flatten()
            .unwrap_or_default();
        Err(self.type_error(&format!(
            "Cannot write private member {n} to an object whose class did not declare it"
        )))
    }

    /// The object on `o`'s chain holding private member `k` (methods live on the
    /// prototype).
    /// The error for a global variable that does not exist: a ReferenceError, unless the
    /// real runtime defines it and the simulator does not model it.
    fn undefined_global(&mut self, name: &str) -> Throw {
        if crate::unmodelled::is_unmodelled_global(self.browser, name) {
            return self.unsupported(&format!("the global {name}"));
        }
        self.throw_error("ReferenceError", &format!("{name} is not defined"))
    }

    fn private_owner(&self, o: ObjRef, k: &PropKey) -> Option<ObjRef> {
        let mut cur = Some(o);
        while let Some(x) = cur {
            let obj = self.heap.get(x)?;
            if obj.props.contains_key(k) {
                return Some(x);
            }
            cur = obj.proto;
        }
        None
    }

    /// The elements a spread produces; a non-iterable is reported as V8 does for
    /// array literals (`x is not iterable`) or call arguments.
    fn spread_items(&mut self, src: &Value, desc: &str, call: bool) -> Res<Vec<Value>> {
        if call {
            let f = match src {
                Value::Undefined | Value::Null => {
                    let what = self.prim_to_string(src);
                    return Err(self.type_error(&format!(
                        "{desc} is not iterable (cannot read property {what})"
                    )));
                }
                _ => self.get_value(src, &PropKey::Sym(super::sym::ITERATOR))?,
            };
            if !self.is_callable(&f) {
                return Err(self.type_error(
                    "Spread syntax requires ...iterable[Symbol.iterator] to be a function",
                ));
            }
            return self.iterate_to_vec(src);
        }
        if let Value::Obj(o) = src {
            if matches!(self.heap.kind(*o), Some(Kind::Array(_))) {
                return self.iterate_to_vec(src);
            }
        }
        let (it, next) = self.get_iterator_described(src, desc)?;
        let mut out = Vec::new();
        loop {
            let (v, done) = self.iter_step(&it, &next)?;
            if done {
                return Ok(out);
            }
            out.push(v);
            if out.len() > 50_000_000 {
                return Err(Throw::Limit(
                    "spread of more than 50,000,000 elements".into(),
                ));
            }
        }
    }

    /// The object `super` refers through: the running method's home object.
    fn home_object(&self) -> Option<ObjRef> {
        let f = self.frames.last()?;
        f.home
            .or_else(|| match f.callee.and_then(|c| self.heap.kind(c)) {
                Some(Kind::Function(c)) => c.home,
                _ => None,
            })
    }

    /// The `arguments` object of the running function; a mapped one aliases the
    /// parameters' context slots.
    fn arguments_object(&mut self, code: &crate::code::FnCode, mapped: bool) -> Res<ObjRef> {
        let args = self.fr().args.clone();
        let ctx = if mapped { self.fr().ctx } else { None };
        let map: Vec<u32> = if mapped {
            code.mapped_params
                .iter()
                .copied()
                .take(args.len())
                .collect()
        } else {
            Vec::new()
        };
        let op = self.realm.object_proto;
        let a = self.alloc(
            Some(op),
            Kind::Arguments(Box::new(crate::heap::ArgsData {
                ctx,
                map: map.into_iter().map(Some).collect(),
            })),
        );
        let n = args.len();
        let values = self.get(&Value::Obj(self.realm.array_proto), &PropKey::s("values"))?;
        let callee = self.fr().callee.map(Value::Obj).unwrap_or_default();
        if let Some(o) = self.heap.get_mut(a) {
            for (i, v) in args.into_iter().enumerate() {
                o.props.insert(PropKey::s(&i.to_string()), Prop::data(v));
            }
            o.props
                .insert(PropKey::s("length"), Prop::hidden(Value::Num(n as f64)));
            o.props.insert(PropKey::s("callee"), Prop::hidden(callee));
            o.props
                .insert(PropKey::Sym(super::sym::ITERATOR), Prop::hidden(values));
        }
        Ok(a)
    }

    /// V8's message for destructuring `null`/`undefined`.
    fn destructure_error(
        &mut self,
        code: &crate::code::FnCode,
        c: crate::code::Coercible,
        v: &Value,
    ) -> Throw {
        use crate::code::Coercible;
        let what = if matches!(v, Value::Null) {
            "null"
        } else {
            "undefined"
        };
        let source = |d: u32| {
            let d = code.name_at(d);
            if !d.is_empty() {
                d.to_string()
            } else if matches!(v, Value::Null) {
                "object null".to_string()
            } else {
                "undefined".to_string()
            }
        };
        let msg = match c {
            Coercible::Property { desc, key } => format!(
                "Cannot destructure property '{}' of '{}' as it is {what}.",
                code.name_at(key),
                source(desc)
            ),
            Coercible::Whole { desc } => {
                format!("Cannot destructure '{}' as it is {what}.", source(desc))
            }
            Coercible::Read { key } => format!(
                "Cannot read properties of {what} (reading '{}')",
                code.name_at(key)
            ),
        };
        self.type_error(&msg)
    }

    /// `super(...args)` in a derived constructor.
    fn super_call(&mut self, args: Vec<Value>) -> Res<Value> {
        let callee = self.fr().callee;
        let nt = self.fr().new_target;
        let parent = callee.and_then(|c| self.heap.get(c)).and_then(|o| o.proto);
        let parent_value = parent.map(Value::Obj).unwrap_or(Value::Null);
        if !self.is_constructor(&parent_value) {
            return Err(self.not_super_constructor(callee, &parent_value));
        }
        let this = self.construct(&parent_value, args, nt, Some("Super constructor"))?;
        self.fr().this = this.clone();
        self.run_field_init(callee, this.clone())?;
        Ok(this)
    }

    /// V8's "Super constructor X of Y is not a constructor" (`null` for a nameless
    /// function such as `Function.prototype`, the parent of `extends null`).
    fn not_super_constructor(&mut self, callee: Option<ObjRef>, parent: &Value) -> Throw {
        let mut super_name = match parent {
            Value::Obj(p) if self.is_callable(parent) => match self.heap.kind(*p) {
                Some(Kind::Function(c)) => c.code.name.to_string(),
                _ => match self.get_own_prop(*p, &PropKey::s("name")).map(|x| x.v) {
                    Some(PropVal::Data(Value::Str(s))) => s.to_string(),
                    _ => String::new(),
                },
            },
            Value::Null => "null".into(),
            other => self.to_display(other),
        };
        if super_name.is_empty() {
            super_name = "null".into();
        }
        let own = match callee.and_then(|c| self.heap.kind(c)) {
            Some(Kind::Function(c)) => c.code.name.to_string(),
            _ => String::new(),
        };
        if own.is_empty() {
            self.type_error(&format!(
                "Super constructor {super_name} of anonymous class is not a constructor"
            ))
        } else {
            self.type_error(&format!(
                "Super constructor {super_name} of {own} is not a constructor"
            ))
        }
    }

    fn run_field_init(&mut self, callee: Option<ObjRef>, this: Value) -> Res<()> {
        let init = match callee.and_then(|c| self.heap.kind(c)) {
            Some(Kind::Function(c)) => c.field_init,
            _ => None,
        };
        if let Some(i) = init {
            self.call(&Value::Obj(i), this, vec![])?;
        }
        Ok(())
    }

    /// Creates a class constructor with its prototype chain set up.
    fn make_class(
        &mut self,
        code: std::sync::Arc<crate::code::FnCode>,
        env: Option<ObjRef>,
        parent: Option<Value>,
    ) -> Res<ObjRef> {
        let (proto_parent, ctor_parent) = match &parent {
            None => (Some(self.realm.object_proto), self.realm.function_proto),
            Some(Value::Null) => (None, self.realm.function_proto),
            Some(p) => {
                if !self.is_constructor(p) {
                    let d = self.to_display(p);
                    return Err(self.type_error(&format!(
                        "Class extends value {d} is not a constructor or null"
                    )));
                }
                let pp = self.get(p, &PropKey::s("prototype"))?;
                let pp = match pp {
                    Value::Obj(o) => Some(o),
                    Value::Null => None,
                    _ => {
                        return Err(self.type_error(
                            "Class extends value does not have valid prototype property",
                        ))
                    }
                };
                (pp, p.as_obj().unwrap_or(self.realm.function_proto))
            }
        };
        let c = self.closure_obj(code, env, None);
        let proto = self.get(&Value::Obj(c), &PropKey::s("prototype"))?.as_obj();
        if let Some(o) = self.heap.get_mut(c) {
            o.proto = Some(ctor_parent);
            o.class_ctor = true;
        }
        if let Some(p) = proto {
            if let Some(o) = self.heap.get_mut(p) {
                o.proto = proto_parent;
            }
            if let Some(Kind::Function(cl)) = self.heap.get_mut(c).map(|o| &mut o.kind) {
                cl.home = Some(p);
            }
        }
        Ok(c)
    }

    fn define_accessor(
        &mut self,
        o: ObjRef,
        k: PropKey,
        is_get: bool,
        f: ObjRef,
        enumerable: bool,
    ) {
        if let Some(obj) = self.heap.get_mut(o) {
            let existing = obj.props.get(&k).and_then(|p| match p.v {
                PropVal::Accessor(g, s) => Some((g, s)),
                _ => None,
            });
            let (g, s) = existing.unwrap_or((None, None));
            let v = if is_get {
                PropVal::Accessor(Some(f), s)
            } else {
                PropVal::Accessor(g, Some(f))
            };
            obj.props.insert(
                k,
                Prop {
                    v,
                    enumerable,
                    writable: true,
                    configurable: true,
                },
            );
        }
    }
}
