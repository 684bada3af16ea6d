//! Calling: the generic [`Vm::call`] (arguments borrowed, as C code calls Python
//! functions: the callee's frame takes new references), the frame-to-frame call that
//! steals its arguments (CPython 3.11's `CALL` moves them into the new frame), and
//! argument binding with CPython's exact `TypeError` messages.

use super::frame::Frame;
use super::Vm;
use crate::code::flags;
use crate::objects::function::Kw;
use crate::objects::{GenObj, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;
use smallvec::SmallVec;

pub type Args = SmallVec<[Value; 8]>;

impl Vm {
    /// Calls `f` with borrowed arguments; returns a new reference.
    pub fn call(&mut self, f: Value, args: &[Value], kw: Kw) -> PResult<Value> {
        let Value::Obj(r) = f else {
            let tn = self.type_name_of(f);
            return Err(self.type_error(format!("'{tn}' object is not callable")));
        };
        match self.heap.kind(r) {
            Kind::Function(_) => {
                let mut own: Args = SmallVec::with_capacity(args.len());
                for a in args {
                    self.incref(*a);
                    own.push(*a);
                }
                let kwv: SmallVec<[(Value, Value); 4]> = kw
                    .iter()
                    .map(|(n, v)| {
                        self.incref(*v);
                        (*n, *v)
                    })
                    .collect();
                self.incref_obj(r);
                self.call_function(r, own, &kwv)
            }
            Kind::Method(func, self_) => {
                let (func, self_) = (*func, *self_);
                let mut a: Args = SmallVec::with_capacity(args.len() + 1);
                a.push(self_);
                a.extend_from_slice(args);
                self.incref(func);
                self.incref(self_);
                let res = self.call(func, &a, kw);
                self.decref(self_);
                self.decref(func);
                res
            }
            Kind::Builtin(b) => {
                let (func, self_, bind, packs) = (b.f, b.self_, b.bind_self, b.packs_args);
                self.native_enter()?;
                let temps = packs.then(|| self.call_temps_enter(args.len(), kw.len()));
                let res = if bind {
                    let mut a: Args = SmallVec::with_capacity(args.len() + 1);
                    a.push(self_);
                    a.extend_from_slice(args);
                    func(self, &a, kw)
                } else {
                    func(self, args, kw)
                };
                if let Some(temps) = temps {
                    self.call_temps_leave(temps);
                }
                self.native_depth -= 1;
                res
            }
            Kind::MethodDescr(m) => {
                let (func, owner, name, packs) = (m.f, m.owner, m.name, m.packs_args);
                let own_self = usize::from(m.kind == crate::objects::function::DescrKind::Method);
                if m.kind == crate::objects::function::DescrKind::Method
                    || m.kind == crate::objects::function::DescrKind::Getter
                {
                    let ok = args
                        .first()
                        .is_some_and(|a| self.isinstance_type(*a, owner));
                    if !ok {
                        let on = self.type_name(owner);
                        return Err(match args.first() {
                            Some(a) => {
                                let an = self.type_name_of(*a);
                                self.type_error(format!("descriptor '{name}' for '{on}' objects doesn't apply to a '{an}' object"))
                            }
                            None => self.type_error(format!(
                                "unbound method {on}.{name}() needs an argument"
                            )),
                        });
                    }
                }
                self.native_enter()?;
                let temps = packs
                    .then(|| self.call_temps_enter(args.len().saturating_sub(own_self), kw.len()));
                let res = func(self, args, kw);
                if let Some(temps) = temps {
                    self.call_temps_leave(temps);
                }
                self.native_depth -= 1;
                res
            }
            Kind::Type(_) => self.call_type(r, args, kw),
            Kind::WeakRef(w) if !self.type_is_heap(self.heap.ty(r)) => {
                let (target, proxy) = (w.target, w.proxy);
                if proxy {
                    return match target {
                        Some(tg) => self.call(Value::Obj(tg), args, kw),
                        None => Err(self.exc(
                            t::REFERENCE_ERROR,
                            "weakly-referenced object no longer exists",
                        )),
                    };
                }
                if !args.is_empty() || !kw.is_empty() {
                    return Err(self.type_error(format!(
                        "weakref() takes exactly 0 arguments ({} given)",
                        args.len()
                    )));
                }
                match target {
                    Some(tg) => {
                        self.incref_obj(tg);
                        Ok(Value::Obj(tg))
                    }
                    None => Ok(Value::None),
                }
            }
            Kind::StaticMethod(inner) => {
                let inner = *inner;
                self.call(inner, args, kw)
            }
            _ => {
                let ty = self.heap.ty(r);
                if let Some(c) = self.lookup_type_str(ty, "__call__") {
                    let mut a: Args = SmallVec::with_capacity(args.len() + 1);
                    if self.binds_self(c) {
                        a.push(f);
                    }
                    a.extend_from_slice(args);
                    let res = self.call(c, &a, kw);
                    self.decref(c);
                    return res;
                }
                let tn = self.type_name(ty);
                Err(self.type_error(format!("'{tn}' object is not callable")))
            }
        }
    }

    /// Whether a callable found on a type binds the instance when looked up through it:
    /// functions and method descriptors do; classes and built-in functions are not
    /// descriptors and are called as they are.
    pub fn binds_self(&self, c: Value) -> bool {
        !matches!(c, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_) | Kind::Builtin(_)))
    }

    /// Entering a native call that may call back into Python: the C recursion guard.
    pub fn native_enter(&mut self) -> PResult<()> {
        self.native_depth += 1;
        if self.native_depth + self.depth > self.recursion_limit + 50 {
            self.native_depth -= 1;
            return Err(self.exc(t::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Calls a method by name on `obj` (borrowed args).
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PResult<Value> {
        let n = self.intern(name);
        let (m, s) = self.load_method(obj, n)?;
        let res = if s.is_null() {
            self.call(m, args, &[])
        } else {
            let mut a: Args = SmallVec::with_capacity(args.len() + 1);
            a.push(s);
            a.extend_from_slice(args);
            self.call(m, &a, &[])
        };
        self.decref(m);
        self.decref(s);
        res
    }

    /// Calls a Python function, stealing `func`, the positional arguments and the
    /// keyword values.
    pub fn call_function(
        &mut self,
        func: ObjRef,
        args: Args,
        kw: &[(Value, Value)],
    ) -> PResult<Value> {
        let mut frame = self.make_frame(func, args, kw)?;
        if frame.code.is_generator() {
            return Ok(self.new_generator(frame));
        }
        if self.depth >= self.recursion_limit {
            self.release_frame(frame);
            return Err(self.exc(t::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        self.trace_call(&frame);
        let res = self.run_frame(&mut frame);
        self.trace_return(&frame);
        self.depth -= 1;
        self.release_frame(frame);
        res.map(|exit| exit.value())
    }

    /// Builds the frame of a call: binds arguments (stolen) to parameters, creates the
    /// cells. Takes ownership of `func`.
    pub fn make_frame(
        &mut self,
        func: ObjRef,
        args: Args,
        kw: &[(Value, Value)],
    ) -> PResult<Frame> {
        let (code, globals, defaults, kwdefaults, closure, qualname) = match self.heap.kind(func) {
            Kind::Function(f) => (
                f.code.clone(),
                f.globals,
                f.defaults,
                f.kwdefaults,
                f.closure,
                f.qualname,
            ),
            _ => {
                self.decref_all(args);
                for (_, v) in kw {
                    self.decref(*v);
                }
                self.decref_obj(func);
                return Err(self.type_error("not a function"));
            }
        };
        let unit = code.unit.clone();
        let nlocals = code.nlocals;
        let mut stack: Vec<Value> = Vec::with_capacity(nlocals + unit.stacksize as usize + 1);
        stack.resize(nlocals, Value::Null);
        let mut frame = Frame {
            code: code.clone(),
            globals,
            builtins: self.builtins,
            locals: Value::Null,
            stack,
            cells: Vec::new(),
            ip: 0,
            lasti: 0,
            kwnames: None,
            func: Value::Obj(func),
            frame_obj: false,
        };
        if let Err(e) = self.bind_args(&mut frame, args, kw, defaults, kwdefaults, qualname) {
            self.release_frame(frame);
            return Err(e);
        }
        // Cells: arguments that are cell variables move into their cell.
        for (i, _) in unit.cellvars.iter().enumerate() {
            let init = match unit.cell2arg.get(i).copied().flatten() {
                Some(a) => std::mem::replace(&mut frame.stack[a as usize], Value::Null),
                None => Value::Null,
            };
            let c = self.new_cell(init);
            frame.cells.push(c);
        }
        if let Value::Obj(cl) = closure {
            if let Kind::Tuple(cells) = self.heap.kind(cl) {
                let cells: Vec<Value> = cells.to_vec();
                for c in cells {
                    if let Value::Obj(cr) = c {
                        self.incref_obj(cr);
                        frame.cells.push(cr);
                    }
                }
            }
        }
        Ok(frame)
    }

    #[allow(clippy::too_many_arguments)]
    fn bind_args(
        &mut self,
        frame: &mut Frame,
        args: Args,
        kw: &[(Value, Value)],
        defaults: Value,
        kwdefaults: Value,
        qualname: Value,
    ) -> PResult<()> {
        let unit = frame.code.unit.clone();
        let co_argcount = unit.argcount as usize;
        let kwonly = unit.kwonlyargcount as usize;
        let total = co_argcount + kwonly;
        let has_varargs = unit.flags & flags::VARARGS != 0;
        let has_varkw = unit.flags & flags::VARKEYWORDS != 0;
        let qn = self.as_str(qualname).unwrap_or("?").to_string();
        let argcount = args.len();
        let mut kwdict: Option<ObjRef> = None;
        if has_varkw {
            let d = self.new_dict();
            kwdict = Some(d);
            let slot = total + usize::from(has_varargs);
            frame.stack[slot] = Value::Obj(d);
        }
        let n = argcount.min(co_argcount);
        let mut extra: Vec<Value> = Vec::new();
        for (j, a) in args.into_iter().enumerate() {
            if j < n {
                frame.stack[j] = a;
            } else {
                extra.push(a);
            }
        }
        if has_varargs {
            let tup = self.new_tuple(extra);
            frame.stack[total] = tup;
        } else if !extra.is_empty() {
            let given = argcount;
            self.decref_all(extra);
            for (_, v) in kw {
                self.decref(*v);
            }
            let mut kwonly_given = 0;
            for j in co_argcount..total {
                if !frame.stack[j].is_null() {
                    kwonly_given += 1;
                }
            }
            // keyword-only arguments passed by keyword count too
            for (name, _) in kw {
                let s = self.as_str(*name).unwrap_or("");
                if unit.varnames[co_argcount..total].iter().any(|v| v == s) {
                    kwonly_given += 1;
                }
            }
            let defcount = self.tuple_len(defaults);
            let (sig, plural) = if defcount > 0 {
                (
                    format!("from {} to {}", co_argcount - defcount, co_argcount),
                    true,
                )
            } else {
                (co_argcount.to_string(), co_argcount != 1)
            };
            let kwsig = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given != 1 { "s" } else { "" },
                    kwonly_given,
                    if kwonly_given != 1 { "s" } else { "" }
                )
            } else {
                String::new()
            };
            let msg = format!(
                "{qn}() takes {sig} positional argument{} but {given}{kwsig} {} given",
                if plural { "s" } else { "" },
                if given == 1 && kwonly_given == 0 {
                    "was"
                } else {
                    "were"
                }
            );
            return Err(self.type_error(msg));
        }
        let posonly = unit.posonlyargcount as usize;
        let mut posonly_as_kw: Vec<String> = Vec::new();
        let mut pending_err = None;
        for (name, value) in kw {
            let Some(s) = self.as_str(*name).map(|s| s.to_string()) else {
                self.decref(*value);
                pending_err.get_or_insert_with(|| "keywords must be strings".to_string());
                continue;
            };
            let found = unit.varnames[..total].iter().position(|v| *v == s);
            match found {
                Some(j) if j >= posonly => {
                    if !frame.stack[j].is_null() {
                        self.decref(*value);
                        pending_err.get_or_insert_with(|| {
                            format!("{qn}() got multiple values for argument '{s}'")
                        });
                        continue;
                    }
                    frame.stack[j] = *value;
                }
                other => {
                    if let Some(d) = kwdict {
                        let r = self.dict_set(d, *name, *value);
                        self.decref(*value);
                        r?;
                    } else {
                        self.decref(*value);
                        if other.is_some() {
                            posonly_as_kw.push(s);
                        } else {
                            pending_err.get_or_insert_with(|| {
                                format!("{qn}() got an unexpected keyword argument '{s}'")
                            });
                        }
                    }
                }
            }
        }
        if let Some(m) = pending_err {
            return Err(self.type_error(m));
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        if argcount < co_argcount {
            let defs = self.tuple_items(defaults);
            let m = co_argcount - defs.len();
            let mut missing = Vec::new();
            for j in argcount..co_argcount {
                if frame.stack[j].is_null() {
                    if j >= m {
                        let d = defs[j - m];
                        self.incref(d);
                        frame.stack[j] = d;
                    } else {
                        missing.push(unit.varnames[j].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format_missing(&qn, "positional", &missing)));
            }
        }
        if kwonly > 0 {
            let mut missing = Vec::new();
            for j in co_argcount..total {
                if frame.stack[j].is_null() {
                    let name = unit.varnames[j].clone();
                    let d = match kwdefaults {
                        Value::Obj(kd) => self.dict_get_str(kd, &name),
                        _ => None,
                    };
                    match d {
                        Some(v) => {
                            self.incref(v);
                            frame.stack[j] = v;
                        }
                        None => missing.push(name),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format_missing(&qn, "keyword-only", &missing)));
            }
        }
        Ok(())
    }

    pub fn tuple_len(&self, v: Value) -> usize {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Tuple(items) => items.len(),
                _ => 0,
            },
            _ => 0,
        }
    }

    /// Borrowed items of a tuple value (empty for anything else).
    pub fn tuple_items(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// A generator object owning a fresh (not yet started) frame.
    fn new_generator(&mut self, frame: Frame) -> Value {
        let code = frame.code.clone();
        let ty = if code.unit.flags & crate::code::flags::COROUTINE != 0 {
            t::COROUTINE
        } else if code.unit.flags & crate::code::flags::ASYNC_GENERATOR != 0 {
            t::ASYNC_GENERATOR
        } else {
            t::GENERATOR
        };
        let (name, qualname) = match frame.func {
            Value::Obj(f) => match self.heap.kind(f) {
                Kind::Function(func) => (func.name, func.qualname),
                _ => (Value::None, Value::None),
            },
            _ => (Value::None, Value::None),
        };
        self.incref(name);
        self.incref(qualname);
        let g = GenObj {
            frame: Some(Box::new(frame)),
            running: false,
            name,
            qualname,
            code,
            exc_state: Value::None,
            started: false,
        };
        Value::Obj(self.alloc_gc(
            ty,
            Kind::Generator(Box::new(g)),
            crate::heap::refcount::FreeList::None,
        ))
    }

    /// Looks up a keyword argument of a native call.
    pub fn kwarg(&self, kw: Kw, name: &str) -> Option<Value> {
        kw.iter()
            .find(|(n, _)| self.as_str(*n) == Some(name))
            .map(|(_, v)| *v)
    }

    /// Fails when a native call got keywords it does not accept.
    pub fn check_kwargs(&mut self, fname: &str, kw: Kw, allowed: &[&str]) -> PResult<()> {
        for (n, _) in kw {
            let s = self.as_str(*n).unwrap_or("").to_string();
            if !allowed.contains(&s.as_str()) {
                return Err(self.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{s}'"
                )));
            }
        }
        Ok(())
    }
}

fn format_missing(qn: &str, kind: &str, names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, {}, and {}", q[..n - 2].join(", "), q[n - 2], q[n - 1]),
    };
    format!(
        "{qn}() missing {} required {kind} argument{}: {list}",
        q.len(),
        if q.len() == 1 { "" } else { "s" }
    )
}
