//! Methods of `object` and `type`: the default dunders every class inherits
//! (`__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__init_subclass__`, ...) and
//! `type.mro`, `__subclasses__`, `__prepare__`, `__instancecheck__`.

use crate::code::CmpOp;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::types as t;
use crate::value::Value;
use crate::PResult;

fn this(args: &[Value]) -> Value {
    args.first().copied().unwrap_or(Value::None)
}

fn obj_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    let ty = vm.type_of(v);
    let s = if vm.type_is_heap(ty)
        && matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Object))
    {
        format!("<{} object at {}>", vm.class_display(ty), vm.addr(v))
    } else {
        vm.repr_builtin_of(v)?
    };
    Ok(vm.new_string(s))
}

impl Vm {
    /// The built-in repr of a value, ignoring `__repr__` overrides of its class.
    pub fn repr_builtin_of(&mut self, v: Value) -> PResult<String> {
        match v {
            Value::Obj(r) => {
                let ty = self.heap.ty(r);
                if self.type_is_heap(ty) && matches!(self.heap.kind(r), Kind::Object) {
                    return Ok(format!(
                        "<{} object at {}>",
                        self.class_display(ty),
                        self.addr(v)
                    ));
                }
                self.native_enter()?;
                let res = self.repr_native(r);
                self.native_depth -= 1;
                res
            }
            _ => self.repr(v),
        }
    }
}

fn obj_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.repr_value(this(args))
}

fn obj_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__eq__", args, 2, 2)?;
    if args[0].is(&args[1]) {
        return Ok(Value::Bool(true));
    }
    match vm.builtin_richcompare(args[0], args[1], CmpOp::Eq)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

fn obj_ne(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__ne__", args, 2, 2)?;
    let eq = vm.getattr_str(args[0], "__eq__")?;
    let r = vm.call(eq, &[args[1]], &[]);
    vm.decref(eq);
    let r = r?;
    if vm.is_not_implemented(r) {
        return Ok(r);
    }
    let b = vm.truthy(r);
    vm.decref(r);
    Ok(Value::Bool(!b?))
}

fn cmp_method(vm: &mut Vm, args: &[Value], op: CmpOp) -> PResult<Value> {
    vm.nargs(op.dunder(), args, 2, 2)?;
    match vm.builtin_richcompare(args[0], args[1], op)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

fn obj_lt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    cmp_method(vm, args, CmpOp::Lt)
}
fn obj_le(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    cmp_method(vm, args, CmpOp::Le)
}
fn obj_gt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    cmp_method(vm, args, CmpOp::Gt)
}
fn obj_ge(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    cmp_method(vm, args, CmpOp::Ge)
}

fn obj_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    let h = match v {
        Value::Obj(r)
            if vm.type_is_heap(vm.heap.ty(r))
                && matches!(vm.heap.kind(r), Kind::Object | Kind::Exception(_)) =>
        {
            vm.pointer_hash(v)
        }
        _ => vm.hash(v)?,
    };
    Ok(vm.int(h))
}

fn obj_setattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__setattr__", args, 3, 3)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(&n);
    vm.generic_setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn obj_delattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__delattr__", args, 2, 2)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(&n);
    vm.generic_delattr(args[0], name)?;
    Ok(Value::None)
}

fn obj_getattribute(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getattribute__", args, 2, 2)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(&n);
    let ty = vm.type_of(args[0]);
    match vm.generic_getattr(args[0], ty, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(args[0], &n)),
    }
}

fn obj_format(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__format__", args, 2, 2)?;
    let spec = vm.as_str(args[1]).unwrap_or("").to_string();
    if !spec.is_empty() {
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    vm.str_value(args[0])
}

fn obj_init_subclass(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    if !kw.is_empty() {
        let cls = args.first().copied().unwrap_or(Value::None);
        let tn = match cls {
            Value::Obj(c) => vm.type_name(c),
            _ => "object".into(),
        };
        return Err(vm.type_error(format!(
            "{tn}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn obj_subclasshook(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(vm.not_implemented())
}

fn obj_dir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let names = vm.dir_names(this(args))?;
    let vals: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn obj_sizeof(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    let mut n = vm.sizeof_value(v) as i64;
    if let Value::Obj(r) = v {
        if vm.is_gc_object(r) {
            n -= 16;
        }
    }
    Ok(vm.int(n))
}

fn obj_reduce_ex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__reduce_ex__", args, 2, 2)?;
    call_copyreg(vm, "_object_reduce_ex", args)
}

/// `cls[args]` through `__class_getitem__` of a built-in generic type.
fn class_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__class_getitem__", args, 2, 2)?;
    let Value::Obj(cls) = args[0] else {
        return Ok(Value::None);
    };
    match vm.generic_alias(cls, args[1])? {
        Some(v) => Ok(v),
        None => Ok(Value::None),
    }
}

fn obj_reduce(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__reduce__", args, 1, 1)?;
    call_copyreg(vm, "_object_reduce", args)
}

/// `copyreg.<name>(*args)`: the reductions of `object` are written in Python there.
fn call_copyreg(vm: &mut Vm, name: &str, args: &[Value]) -> PResult<Value> {
    let m = vm.load_module("copyreg")?;
    let f = vm.getattr_str(Value::Obj(m), name)?;
    let r = vm.call(f, args, &[]);
    vm.decref(f);
    r
}

fn obj_getstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getstate__", args, 1, 1)?;
    call_copyreg(vm, "_object_getstate", args)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(c) = this(args) else {
        return Ok(Value::None);
    };
    let mro = match vm.heap.kind(c) {
        Kind::Type(tt) => tt.mro.clone(),
        _ => Vec::new(),
    };
    let vals: Vec<Value> = mro
        .into_iter()
        .map(|m| {
            vm.incref_obj(m);
            Value::Obj(m)
        })
        .collect();
    Ok(vm.new_list(vals))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(c) = this(args) else {
        return Ok(Value::None);
    };
    let subs = match vm.heap.kind(c) {
        Kind::Type(tt) => tt.subclasses.clone(),
        _ => Vec::new(),
    };
    let live: Vec<_> = subs
        .into_iter()
        .filter(|s| vm.heap.is_live(*s) && matches!(vm.heap.kind(*s), Kind::Type(_)))
        .collect();
    let vals: Vec<Value> = live
        .into_iter()
        .map(|m| {
            vm.incref_obj(m);
            Value::Obj(m)
        })
        .collect();
    Ok(vm.new_list(vals))
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__instancecheck__", args, 2, 2)?;
    let Value::Obj(c) = args[0] else {
        return Ok(Value::Bool(false));
    };
    let ty = vm.type_of(args[1]);
    Ok(Value::Bool(vm.is_subtype(ty, c)))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__subclasscheck__", args, 2, 2)?;
    let (Value::Obj(c), Value::Obj(s)) = (args[0], args[1]) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.is_subtype(s, c)))
}

fn type_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(c) = this(args) else {
        return Ok(Value::None);
    };
    let s = format!("<class '{}'>", vm.class_display(c));
    Ok(vm.new_string(s))
}

fn type_or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__or__", args, 2, 2)?;
    vm.union_type(args[0], args[1])
}

pub fn install(vm: &mut Vm) {
    let o = t::OBJECT;
    vm.add_method(o, "__repr__", obj_repr);
    vm.add_method(o, "__str__", obj_str);
    vm.add_method(o, "__eq__", obj_eq);
    vm.add_method(o, "__ne__", obj_ne);
    vm.add_method(o, "__lt__", obj_lt);
    vm.add_method(o, "__le__", obj_le);
    vm.add_method(o, "__gt__", obj_gt);
    vm.add_method(o, "__ge__", obj_ge);
    vm.add_method(o, "__hash__", obj_hash);
    vm.add_method(o, "__setattr__", obj_setattr);
    vm.add_method(o, "__delattr__", obj_delattr);
    vm.add_method(o, "__getattribute__", obj_getattribute);
    vm.add_method(o, "__format__", obj_format);
    vm.add_classmethod(o, "__init_subclass__", obj_init_subclass);
    vm.add_classmethod(o, "__subclasshook__", obj_subclasshook);
    vm.add_method(o, "__dir__", obj_dir);
    vm.add_method(o, "__sizeof__", obj_sizeof);
    vm.add_method(o, "__reduce_ex__", obj_reduce_ex);
    vm.add_method(o, "__reduce__", obj_reduce);
    vm.add_method(o, "__getstate__", obj_getstate);
    for generic in [t::LIST, t::DICT, t::TUPLE, t::SET, t::FROZENSET] {
        vm.add_classmethod(generic, "__class_getitem__", class_getitem);
    }
    vm.set_type_attr(o, "__doc__", Value::None);
    let ty = t::TYPE;
    vm.add_method(ty, "mro", type_mro);
    vm.add_method(ty, "__subclasses__", type_subclasses);
    vm.add_classmethod(ty, "__prepare__", type_prepare);
    vm.add_method(ty, "__instancecheck__", type_instancecheck);
    vm.add_method(ty, "__subclasscheck__", type_subclasscheck);
    vm.add_method(ty, "__repr__", type_repr);
    vm.add_method(ty, "__or__", type_or);
    vm.add_method(ty, "__ror__", type_or);
}
