//! Raising exceptions from Rust: instance creation, the common error constructors with
//! CPython's messages, subtype checks, and the data NameError / AttributeError keep for
//! the "Did you mean" suggestion of the traceback printer.

use super::Vm;
use crate::heap::refcount::FreeList;
use crate::objects::{ExcObj, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::Throw;

impl Vm {
    /// A new exception instance of `ty` owning `args`.
    pub fn new_exception(&mut self, ty: ObjRef, args: Vec<Value>) -> ObjRef {
        let tuple = self.new_tuple(args);
        let r = self.alloc_gc(
            ty,
            Kind::Exception(Box::new(ExcObj::new(tuple))),
            FreeList::None,
        );
        self.attach_ext(r, ty);
        r
    }

    /// An exception of `ty` with a message.
    pub fn exc(&mut self, ty: ObjRef, msg: impl AsRef<str>) -> Throw {
        let m = self.new_str(msg.as_ref());
        Throw::Exc(self.new_exception(ty, vec![m]))
    }

    /// An exception of `ty` without arguments.
    pub fn exc_noargs(&mut self, ty: ObjRef) -> Throw {
        Throw::Exc(self.new_exception(ty, Vec::new()))
    }

    /// The `SyntaxError` (or `IndentationError`) of code compiled at run time.
    pub fn syntax_error(&mut self, e: &crate::compile::CompileError) -> Throw {
        self.syntax_error_in(e, "<string>")
    }

    /// The `SyntaxError` of code compiled at run time from the file `file`.
    pub fn syntax_error_in(&mut self, e: &crate::compile::CompileError, file: &str) -> Throw {
        let ty = match e.kind {
            "IndentationError" => t::INDENTATION_ERROR,
            "TabError" => t::TAB_ERROR,
            _ => t::SYNTAX_ERROR,
        };
        let msg = self.new_str(&e.message);
        let file = self.new_str(file);
        let line = self.int(e.line as i64);
        let col = self.int(e.col as i64);
        let text = self.new_string(format!("{}\n", e.text));
        let end_line = self.int(e.line as i64);
        let end_col = self.int(e.end_col as i64);
        let details = self.new_tuple(vec![file, line, col, text, end_line, end_col]);
        let args = [Value::Obj(ty), msg, details];
        let r = crate::builtins::ctors::exception_new(self, &args, &[]);
        self.decref(msg);
        self.decref(details);
        match r {
            Ok(Value::Obj(exc)) => Throw::Exc(exc),
            Ok(_) => self.exc(ty, e.message.clone()),
            Err(t) => t,
        }
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::TYPE_ERROR, msg)
    }

    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::VALUE_ERROR, msg)
    }

    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::INDEX_ERROR, msg)
    }

    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::RUNTIME_ERROR, msg)
    }

    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::OVERFLOW_ERROR, msg)
    }

    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> Throw {
        self.exc(t::ZERO_DIVISION_ERROR, msg)
    }

    /// `KeyError(key)`: the key itself is the argument.
    pub fn key_error(&mut self, key: Value) -> Throw {
        self.incref(key);
        Throw::Exc(self.new_exception(t::KEY_ERROR, vec![key]))
    }

    /// `StopIteration(value)`.
    pub fn stop_iteration(&mut self, value: Value) -> Throw {
        let args = if value.is_none() {
            Vec::new()
        } else {
            self.incref(value);
            vec![value]
        };
        let r = self.new_exception(t::STOP_ITERATION, args);
        self.incref(value);
        self.set_exc_field(r, "value", value);
        Throw::Exc(r)
    }

    /// `'X' object has no attribute 'y'`, remembering the object and name for
    /// suggestions.
    pub fn attribute_error(&mut self, obj: Value, name: &str) -> Throw {
        let tn = self.type_name_of(obj);
        let msg = if let Some(Kind::Type(ty)) = obj.as_obj().map(|r| self.heap.kind(r)) {
            format!("type object '{}' has no attribute '{}'", ty.name, name)
        } else if let Some(Kind::Module(m)) = obj.as_obj().map(|r| self.heap.kind(r)) {
            format!("module '{}' has no attribute '{}'", m.name, name)
        } else {
            format!("'{tn}' object has no attribute '{name}'")
        };
        let Throw::Exc(r) = self.exc(t::ATTRIBUTE_ERROR, msg) else {
            unreachable!()
        };
        let n = self.new_str(name);
        self.set_exc_field(r, "name", n);
        self.incref(obj);
        self.set_exc_field(r, "obj", obj);
        Throw::Exc(r)
    }

    /// `name 'x' is not defined`, remembering where for suggestions.
    pub fn name_error(
        &mut self,
        name: ObjRef,
        varnames: Option<Vec<ObjRef>>,
        globals: ObjRef,
    ) -> Throw {
        let msg = format!("name '{}' is not defined", self.str_of(name));
        let Throw::Exc(r) = self.exc(t::NAME_ERROR, msg) else {
            unreachable!()
        };
        self.incref_obj(name);
        self.set_exc_field(r, "name", Value::Obj(name));
        let vn = varnames.unwrap_or_default();
        let vals: Vec<Value> = vn
            .into_iter()
            .map(|n| {
                self.incref_obj(n);
                Value::Obj(n)
            })
            .collect();
        let tup = self.new_tuple(vals);
        self.set_exc_field(r, "@varnames", tup);
        self.incref_obj(globals);
        self.set_exc_field(r, "@globals", Value::Obj(globals));
        Throw::Exc(r)
    }

    pub fn set_exc_field(&mut self, r: ObjRef, name: &'static str, v: Value) {
        if let Kind::Exception(e) = self.heap.kind_mut(r) {
            if let Some(slot) = e.fields.iter_mut().find(|(n, _)| *n == name) {
                let old = std::mem::replace(&mut slot.1, v);
                self.decref(old);
            } else {
                e.fields.push((name, v));
            }
        } else {
            self.decref(v);
        }
    }

    pub fn exc_field(&self, r: ObjRef, name: &str) -> Option<Value> {
        match self.heap.kind(r) {
            Kind::Exception(e) => e.field(name),
            _ => None,
        }
    }

    /// Whether type `a` is `b` or a subclass of it (by MRO).
    pub fn is_subtype(&self, a: ObjRef, b: ObjRef) -> bool {
        if a == b || b == t::OBJECT {
            return true;
        }
        match self.heap.kind(a) {
            Kind::Type(ty) => ty.mro.contains(&b),
            _ => false,
        }
    }

    pub fn isinstance_type(&self, v: Value, ty: ObjRef) -> bool {
        self.is_subtype(self.type_of(v), ty)
    }

    /// Whether an exception instance is of type `ty`.
    pub fn exc_matches(&self, exc: ObjRef, ty: ObjRef) -> bool {
        self.is_subtype(self.heap.ty(exc), ty)
    }

    /// A `Throw` carrying a Python exception that is an instance of `ty`.
    pub fn throw_is(&self, e: &Throw, ty: ObjRef) -> bool {
        matches!(e, Throw::Exc(r) if self.exc_matches(*r, ty))
    }

    /// Drops a caught exception.
    pub fn discard(&mut self, e: Throw) {
        if let Throw::Exc(r) = e {
            self.decref_obj(r);
        }
    }

    /// The `args` tuple items of an exception.
    pub fn exc_args(&self, r: ObjRef) -> Vec<Value> {
        match self.heap.kind(r) {
            Kind::Exception(e) => match e.args.as_obj().map(|a| self.heap.kind(a)) {
                Some(Kind::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}
