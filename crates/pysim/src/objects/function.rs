//! Callable objects: Python functions (with defaults, closure, annotations), built-in
//! functions and methods implemented in Rust, method descriptors of built-in types and
//! properties.

use crate::interp::code::Code;
use crate::interp::Vm;
use crate::value::{ObjRef, Value};
use crate::PResult;
use std::rc::Rc;

/// Keyword arguments of a native call: (name as a `str` value, value).
pub type Kw<'a> = &'a [(Value, Value)];

/// A function implemented in Rust. Arguments are borrowed; the result is a new reference.
pub type NativeFn = fn(&mut Vm, &[Value], Kw) -> PResult<Value>;

/// A Python function object.
#[derive(Debug)]
pub struct Function {
    pub code: Rc<Code>,
    /// The code object on the heap (`__code__`).
    pub code_obj: ObjRef,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    /// Tuple of positional defaults, or `Null`.
    pub defaults: Value,
    /// Dict of keyword-only defaults, or `Null`.
    pub kwdefaults: Value,
    /// Tuple of cells, or `Null`.
    pub closure: Value,
    pub doc: Value,
    pub module: Value,
    /// Dict, or `Null` until asked for.
    pub annotations: Value,
    /// Function attributes, or `Null`.
    pub dict: Value,
}

impl Function {
    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.code_obj));
        f(Value::Obj(self.globals));
        f(self.name);
        f(self.qualname);
        f(self.defaults);
        f(self.kwdefaults);
        f(self.closure);
        f(self.doc);
        f(self.module);
        f(self.annotations);
        f(self.dict);
    }
}

/// A built-in function or a built-in method bound to `self_`.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub f: NativeFn,
    /// The bound object (a module for module functions), or `Null`.
    pub self_: Value,
    /// Pass `self_` as the first argument.
    pub bind_self: bool,
    /// CPython's function takes `METH_VARARGS` (calls build an argument tuple).
    pub packs_args: bool,
}

/// How a method descriptor of a built-in type binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescrKind {
    Method,
    ClassMethod,
    StaticMethod,
    /// A computed attribute (`__class__`, `real`, `__name__` of types): called with self.
    Getter,
}

/// A method (or getter) of a built-in type.
#[derive(Debug)]
pub struct MethodDescr {
    pub name: &'static str,
    pub owner: ObjRef,
    pub f: NativeFn,
    pub kind: DescrKind,
    /// CPython's method takes `METH_VARARGS` (calls build an argument tuple).
    pub packs_args: bool,
}

/// `property(fget, fset, fdel, doc)`.
#[derive(Debug)]
pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    pub name: Value,
}
