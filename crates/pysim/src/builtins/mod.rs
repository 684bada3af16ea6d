//! The `builtins` module and the methods of built-in types. `funcs.rs` holds the
//! built-in functions; one file per type family holds its methods (`str_methods.rs`,
//! `list_methods.rs`, ...); `ctors.rs` the constructors (`int(...)`, `list(...)`);
//! `getset.rs` the computed attributes (`f.__name__`, `e.args`, ...).
//!
//! Registration helpers ([`Vm::add_method`] and friends) are what module authors use
//! too.

pub mod asyncgen;
pub mod bytes_methods;
pub mod codecs;
pub mod ctors;
pub mod dict_methods;
pub mod funcs;
pub mod getset;
pub mod list_methods;
pub mod misc_methods;
pub mod num_methods;
pub mod object_methods;
pub mod set_methods;
pub mod str_methods;

use crate::heap::refcount::FreeList;
use crate::interp::Vm;
use crate::objects::function::{Builtin, DescrKind, Kw, MethodDescr, NativeFn};
use crate::objects::{Kind, Module};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

impl Vm {
    /// A module-level built-in function object (immortal).
    pub fn new_builtin_fn(&mut self, name: &'static str, f: NativeFn) -> Value {
        let r = self.alloc(
            t::BUILTIN_FUNCTION,
            Kind::Builtin(Box::new(Builtin {
                name,
                f,
                self_: Value::Null,
                bind_self: false,
                packs_args: crate::interp::calltemps::function_packs_args(name),
            })),
        );
        Value::Obj(r)
    }

    /// A built-in method bound to `self_` (owned).
    pub fn new_builtin_bound(
        &mut self,
        name: &'static str,
        f: NativeFn,
        self_: Value,
        packs_args: bool,
    ) -> Value {
        Value::Obj(self.alloc_gc(
            t::BUILTIN_FUNCTION,
            Kind::Builtin(Box::new(Builtin {
                name,
                f,
                self_,
                bind_self: true,
                packs_args,
            })),
            FreeList::None,
        ))
    }

    /// A static built-in reached through a type.
    pub fn new_builtin_bound_noself(&mut self, name: &'static str, f: NativeFn) -> Value {
        Value::Obj(self.alloc_gc(
            t::BUILTIN_FUNCTION,
            Kind::Builtin(Box::new(Builtin {
                name,
                f,
                self_: Value::Null,
                bind_self: false,
                packs_args: false,
            })),
            FreeList::None,
        ))
    }

    /// Adds a function to a module's dict.
    pub fn add_fn(&mut self, dict: ObjRef, name: &'static str, f: NativeFn) {
        let v = self.new_builtin_fn(name, f);
        self.dict_set_str(dict, name, v);
        self.decref(v);
    }

    fn add_descr(&mut self, ty: ObjRef, name: &'static str, f: NativeFn, kind: DescrKind) {
        let packs_args = crate::interp::calltemps::method_packs_args(&self.type_name(ty), name);
        let d = MethodDescr {
            name,
            owner: ty,
            f,
            kind,
            packs_args,
        };
        let r = self.alloc(t::METHOD_DESCRIPTOR, Kind::MethodDescr(Box::new(d)));
        self.make_immortal(r);
        let dict = match self.heap.kind(ty) {
            Kind::Type(tt) => tt.dict,
            _ => return,
        };
        self.dict_set_str(dict, name, Value::Obj(r));
        self.type_epoch = self.type_epoch.wrapping_add(1);
    }

    /// Adds a method to a type (`list.append`).
    pub fn add_method(&mut self, ty: ObjRef, name: &'static str, f: NativeFn) {
        self.add_descr(ty, name, f, DescrKind::Method);
    }

    /// Adds a classmethod to a type (`dict.fromkeys`).
    pub fn add_classmethod(&mut self, ty: ObjRef, name: &'static str, f: NativeFn) {
        self.add_descr(ty, name, f, DescrKind::ClassMethod);
    }

    /// Adds a staticmethod to a type (`str.maketrans`, `__new__`).
    pub fn add_staticmethod(&mut self, ty: ObjRef, name: &'static str, f: NativeFn) {
        self.add_descr(ty, name, f, DescrKind::StaticMethod);
    }

    /// Adds a computed attribute to a type (`int.real`).
    pub fn add_getter(&mut self, ty: ObjRef, name: &'static str, f: NativeFn) {
        self.add_descr(ty, name, f, DescrKind::Getter);
    }

    /// Sets a value in a type's dict.
    pub fn set_type_attr(&mut self, ty: ObjRef, name: &str, v: Value) {
        if let Kind::Type(tt) = self.heap.kind(ty) {
            let d = tt.dict;
            self.dict_set_str(d, name, v);
            self.type_epoch = self.type_epoch.wrapping_add(1);
        }
    }

    /// A new module object with its own dict (`__name__` set).
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let d = self.new_dict();
        let n = self.new_str(name);
        self.dict_set_str(d, "__name__", n);
        self.decref(n);
        self.dict_set_str(d, "__doc__", Value::None);
        self.dict_set_str(d, "__package__", Value::None);
        self.dict_set_str(d, "__loader__", Value::None);
        self.dict_set_str(d, "__spec__", Value::None);
        self.alloc_gc(
            t::MODULE,
            Kind::Module(Box::new(Module {
                name: name.to_string(),
                dict: d,
            })),
            FreeList::None,
        )
    }

    /// The dict of a module object.
    pub fn module_dict(&self, m: ObjRef) -> ObjRef {
        match self.heap.kind(m) {
            Kind::Module(md) => md.dict,
            _ => m,
        }
    }

    /// Argument `i`, or an arity error in CPython's wording.
    pub fn arg(
        &mut self,
        fname: &str,
        args: &[Value],
        i: usize,
        min: usize,
        max: usize,
    ) -> PResult<Option<Value>> {
        if args.len() < min || args.len() > max {
            return Err(self.arity_error(fname, args.len(), min, max));
        }
        Ok(args.get(i).copied())
    }

    /// Checks the argument count of a native function.
    pub fn nargs(&mut self, fname: &str, args: &[Value], min: usize, max: usize) -> PResult<()> {
        if args.len() < min || args.len() > max {
            return Err(self.arity_error(fname, args.len(), min, max));
        }
        Ok(())
    }

    /// Checks the argument count of a method (`args[0]` is self, not counted).
    pub fn margs(&mut self, fname: &str, args: &[Value], min: usize, max: usize) -> PResult<()> {
        let n = args.len().saturating_sub(1);
        if n < min || n > max {
            return Err(self.arity_error(fname, n, min, max));
        }
        Ok(())
    }

    pub fn arity_error(&mut self, fname: &str, n: usize, min: usize, max: usize) -> crate::Throw {
        let s = |k: usize| if k == 1 { "" } else { "s" };
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} argument{}, got {n}", s(min)),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                s(min)
            )
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", s(max))
        };
        self.type_error(msg)
    }

    /// Fails on any keyword argument.
    pub fn no_kwargs(&mut self, fname: &str, kw: Kw) -> PResult<()> {
        if !kw.is_empty() {
            return Err(self.type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }
}

/// Creates the `builtins` module and the methods of every built-in type.
pub fn install(vm: &mut Vm) {
    let m = vm.new_module("builtins");
    vm.make_immortal(m);
    let d = vm.module_dict(m);
    vm.make_immortal(d);
    vm.heap.untrack(d);
    vm.builtins = d;
    object_methods::install(vm);
    ctors::install(vm);
    num_methods::install(vm);
    str_methods::install(vm);
    bytes_methods::install(vm);
    list_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    misc_methods::install(vm);
    asyncgen::install(vm);
    funcs::install(vm, d);
    for (i, (name, _, _, _)) in t::TABLE.iter().enumerate() {
        let public = !matches!(
            *name,
            "NoneType"
                | "cell"
                | "function"
                | "code"
                | "method"
                | "builtin_function_or_method"
                | "method_descriptor"
                | "member_descriptor"
                | "module"
                | "generator"
                | "coroutine"
                | "async_generator"
                | "list_iterator"
                | "list_reverseiterator"
                | "tuple_iterator"
                | "range_iterator"
                | "str_ascii_iterator"
                | "bytes_iterator"
                | "dict_keyiterator"
                | "dict_valueiterator"
                | "dict_itemiterator"
                | "set_iterator"
                | "iterator"
                | "callable_iterator"
                | "dict_keys"
                | "dict_values"
                | "dict_items"
                | "ReferenceType"
                | "ProxyType"
                | "CallableProxyType"
                | "mappingproxy"
                | "NotImplementedType"
                | "ellipsis"
                | "native"
        );
        if public {
            vm.dict_set_str(d, name, Value::Obj(ObjRef(t::FIRST + i as u32)));
        }
    }
    vm.dict_set_str(d, "None", Value::None);
    vm.dict_set_str(d, "True", Value::Bool(true));
    vm.dict_set_str(d, "False", Value::Bool(false));
    let e = Value::Obj(vm.ellipsis);
    vm.dict_set_str(d, "Ellipsis", e);
    let ni = Value::Obj(vm.not_implemented);
    vm.dict_set_str(d, "NotImplemented", ni);
    vm.dict_set_str(d, "__debug__", Value::Bool(true));
    vm.dict_set_str(d, "EnvironmentError", Value::Obj(t::OS_ERROR));
    vm.dict_set_str(d, "IOError", Value::Obj(t::OS_ERROR));
    let modules = vm.modules;
    vm.dict_set_str(modules, "builtins", Value::Obj(m));
    vm.decref_obj(m);
}
