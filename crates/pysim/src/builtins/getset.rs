//! Computed attributes of built-in objects (CPython's getset and member descriptors):
//! `obj.__class__`, `f.__name__` / `__code__` / `__closure__` / `__defaults__`,
//! `e.args` / `__cause__` / `__traceback__`, `g.gi_frame`, `cls.__mro__` / `__dict__`,
//! `code.co_*`, `cell.cell_contents`, ... and their setters.

use crate::heap::refcount::FreeList;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Attrs, Kind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// `obj.__dict__` of an instance of a class with a managed dict.
pub fn instance_dict_getter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    match vm.heap.get(r).ext.as_ref().map(|e| &e.attrs) {
        Some(Attrs::None) | None => {
            let tn = vm.type_name_of(Value::Obj(r));
            return Err(vm.exc(
                t::ATTRIBUTE_ERROR,
                format!("'{tn}' object has no attribute '__dict__'"),
            ));
        }
        _ => {}
    }
    let d = vm.materialize_dict(r);
    vm.incref_obj(d);
    Ok(Value::Obj(d))
}

/// `obj.__weakref__`: the first weak reference, or None.
pub fn weakref_getter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    match vm.weaklists.get(&r).and_then(|l| l.first().copied()) {
        Some(w) => {
            vm.incref_obj(w);
            Ok(Value::Obj(w))
        }
        None => Ok(Value::None),
    }
}

impl Vm {
    fn own(&mut self, v: Value) -> Value {
        self.incref(v);
        v
    }

    fn str_tuple(&mut self, names: &[String]) -> Value {
        let vals: Vec<Value> = names.iter().map(|n| self.intern_value(n)).collect();
        self.new_tuple(vals)
    }

    /// A built-in computed attribute of `obj`, if it has one named `name`.
    pub fn builtin_getset(&mut self, obj: Value, name: ObjRef) -> PResult<Option<Value>> {
        let n = self.str_of(name).to_string();
        if n == "__class__" {
            let ty = self.type_of(obj);
            return Ok(Some(self.own(Value::Obj(ty))));
        }
        let Value::Obj(r) = obj else {
            return Ok(self.number_getset(obj, &n));
        };
        let v = match self.heap.kind(r) {
            Kind::Function(f) => match n.as_str() {
                "__name__" => f.name,
                "__qualname__" => f.qualname,
                "__code__" => Value::Obj(f.code_obj),
                "__closure__" => {
                    if f.closure.is_null() {
                        Value::None
                    } else {
                        f.closure
                    }
                }
                "__defaults__" => {
                    if f.defaults.is_null() {
                        Value::None
                    } else {
                        f.defaults
                    }
                }
                "__kwdefaults__" => {
                    if f.kwdefaults.is_null() {
                        Value::None
                    } else {
                        f.kwdefaults
                    }
                }
                "__globals__" => Value::Obj(f.globals),
                "__doc__" => f.doc,
                "__module__" => f.module,
                "__builtins__" => Value::Obj(self.builtins),
                "__dict__" => {
                    let d = self.function_dict(r);
                    return Ok(Some(self.own(Value::Obj(d))));
                }
                "__annotations__" => {
                    let d = self.function_annotations(r);
                    return Ok(Some(self.own(Value::Obj(d))));
                }
                _ => return Ok(None),
            },
            Kind::Method(f, s) => {
                let (f, s) = (*f, *s);
                match n.as_str() {
                    "__func__" => f,
                    "__self__" => s,
                    "__name__" | "__qualname__" | "__doc__" | "__module__" | "__code__"
                    | "__defaults__" | "__annotations__" | "__wrapped__" | "__dict__" => {
                        return self.getattr_opt(f, name);
                    }
                    _ => return Ok(None),
                }
            }
            Kind::Builtin(b) => match n.as_str() {
                "__name__" | "__qualname__" => {
                    let nm = b.name;
                    return Ok(Some(self.new_str(nm)));
                }
                "__self__" => {
                    let s = b.self_;
                    if s.is_null() {
                        let bm = self
                            .dict_get_str(self.modules, "builtins")
                            .unwrap_or(Value::None);
                        return Ok(Some(self.own(bm)));
                    }
                    s
                }
                "__module__" => return Ok(Some(self.new_str("builtins"))),
                "__doc__" | "__text_signature__" => Value::None,
                _ => return Ok(None),
            },
            Kind::MethodDescr(d) => match n.as_str() {
                "__name__" => {
                    let nm = d.name;
                    return Ok(Some(self.new_str(nm)));
                }
                "__qualname__" => {
                    let q = format!("{}.{}", self.type_name(d.owner), d.name);
                    return Ok(Some(self.new_string(q)));
                }
                "__objclass__" => Value::Obj(d.owner),
                "__doc__" => Value::None,
                _ => return Ok(None),
            },
            Kind::Code(c) => {
                let u = c.unit.clone();
                return Ok(Some(match n.as_str() {
                    "co_name" => self.new_str(&u.name),
                    "co_qualname" => self.new_str(&u.qualname),
                    "co_filename" => self.new_str(&u.filename),
                    "co_firstlineno" => self.int(u.firstlineno as i64),
                    "co_argcount" => self.int(u.argcount as i64),
                    "co_posonlyargcount" => self.int(u.posonlyargcount as i64),
                    "co_kwonlyargcount" => self.int(u.kwonlyargcount as i64),
                    "co_nlocals" => self.int(u.varnames.len() as i64),
                    "co_flags" => self.int(u.flags as i64 | 3),
                    "co_stacksize" => self.int(u.stacksize as i64),
                    "co_varnames" => self.str_tuple(&u.varnames),
                    "co_cellvars" => self.str_tuple(&u.cellvars),
                    "co_freevars" => self.str_tuple(&u.freevars),
                    "co_names" => self.str_tuple(&u.names),
                    "co_consts" => {
                        let consts = c.consts.clone();
                        for v in &consts {
                            self.incref(*v);
                        }
                        self.new_tuple(consts)
                    }
                    _ => return Ok(None),
                }));
            }
            Kind::Cell(v) => match n.as_str() {
                "cell_contents" => {
                    if v.is_null() {
                        return Err(self.value_error("Cell is empty"));
                    }
                    *v
                }
                _ => return Ok(None),
            },
            Kind::Generator(g) => {
                let prefix = match self.heap.ty(r) {
                    t::COROUTINE => "cr_",
                    t::ASYNC_GENERATOR => "ag_",
                    _ => "gi_",
                };
                let stem = match n.as_str().strip_prefix(prefix) {
                    Some(s) => s,
                    None if n.as_str().starts_with("__") => n.as_str(),
                    None => return Ok(None),
                };
                match stem {
                    "running" => Value::Bool(g.running),
                    // CPython 3.11: `gi_suspended` and `cr_suspended`, no `ag_suspended`.
                    "suspended" if prefix != "ag_" => {
                        Value::Bool(g.frame.is_some() && g.started && !g.running)
                    }
                    "__name__" => g.name,
                    "__qualname__" => g.qualname,
                    "code" => Value::None,
                    "origin" if prefix == "cr_" => Value::None,
                    "frame" => {
                        if g.frame.is_none() {
                            Value::None
                        } else {
                            return Ok(Some(self.frame_placeholder(r)));
                        }
                    }
                    // `gi_yieldfrom`, `cr_await` and `ag_await`, as CPython 3.11 names them.
                    "yieldfrom" if prefix == "gi_" => self.delegate_of(r).unwrap_or(Value::None),
                    "await" if prefix != "gi_" => self.delegate_of(r).unwrap_or(Value::None),
                    _ => return Ok(None),
                }
            }
            Kind::Exception(e) => match n.as_str() {
                "args" => e.args,
                "__cause__" => e.cause,
                "__context__" => e.context,
                "__suppress_context__" => Value::Bool(e.suppress_context),
                "__traceback__" => Value::None,
                "__dict__" => {
                    let d = self.materialize_dict(r);
                    self.incref_obj(d);
                    return Ok(Some(Value::Obj(d)));
                }
                "__notes__" => {
                    if e.notes.is_null() {
                        return Ok(None);
                    }
                    e.notes
                }
                other => match e.field(other) {
                    Some(v) if !other.starts_with('@') => v,
                    _ => return Ok(None),
                },
            },
            Kind::Slice(s) => match n.as_str() {
                "start" => s[0],
                "stop" => s[1],
                "step" => s[2],
                _ => return Ok(None),
            },
            Kind::Range(rg) => {
                let rg = **rg;
                let v = match n.as_str() {
                    "start" => rg.start,
                    "stop" => rg.stop,
                    "step" => rg.step,
                    _ => return Ok(None),
                };
                return Ok(Some(self.new_bigint(num_bigint::BigInt::from(v))));
            }
            Kind::Property(p) => match n.as_str() {
                "fget" => p.fget,
                "fset" => p.fset,
                "fdel" => p.fdel,
                "__doc__" => p.doc,
                "__isabstractmethod__" => {
                    let g = p.fget;
                    return Ok(Some(Value::Bool(self.isabstract(g))));
                }
                _ => return Ok(None),
            },
            Kind::ClassMethod(f) | Kind::StaticMethod(f) => match n.as_str() {
                "__func__" | "__wrapped__" => *f,
                "__isabstractmethod__" => {
                    let f = *f;
                    return Ok(Some(Value::Bool(self.isabstract(f))));
                }
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = *f;
                    return self.getattr_opt(f, name);
                }
                _ => return Ok(None),
            },
            Kind::WeakRef(w) if !w.proxy => match n.as_str() {
                "__callback__" => w.callback,
                _ => return Ok(None),
            },
            Kind::Module(m) => match n.as_str() {
                "__dict__" => Value::Obj(m.dict),
                _ => return Ok(None),
            },
            Kind::Super(a, b, c) => match n.as_str() {
                "__thisclass__" => Value::Obj(*a),
                "__self__" => *b,
                "__self_class__" => Value::Obj(*c),
                _ => return Ok(None),
            },
            Kind::MemoryView(m) => {
                let (len, ro, base) = (m.len, m.readonly, m.obj);
                return Ok(Some(match n.as_str() {
                    "nbytes" => self.int(len as i64),
                    "readonly" => Value::Bool(ro),
                    "obj" => self.own(base),
                    "itemsize" | "ndim" => Value::small(1),
                    "format" => self.new_str("B"),
                    "shape" => {
                        let l = self.int(len as i64);
                        self.new_tuple(vec![l])
                    }
                    _ => return Ok(None),
                }));
            }
            Kind::DictView(d, _) => match n.as_str() {
                "mapping" => {
                    let d = *d;
                    self.incref_obj(d);
                    return Ok(Some(Value::Obj(self.alloc_gc(
                        t::MAPPINGPROXY,
                        Kind::MappingProxy(d),
                        FreeList::None,
                    ))));
                }
                _ => return Ok(None),
            },
            Kind::BigInt(_) | Kind::Float(_) | Kind::Complex(..) => {
                return Ok(self.number_getset(obj, &n))
            }
            _ => return Ok(None),
        };
        Ok(Some(self.own(v)))
    }

    fn isabstract(&mut self, f: Value) -> bool {
        let n = self.intern("__isabstractmethod__");
        match self.getattr_opt(f, n) {
            Ok(Some(v)) => {
                let b = matches!(v, Value::Bool(true));
                self.decref(v);
                b
            }
            Ok(None) => false,
            Err(e) => {
                self.discard(e);
                false
            }
        }
    }

    fn number_getset(&mut self, v: Value, n: &str) -> Option<Value> {
        use crate::interp::number::Num;
        let num = self.num_of(v)?;
        Some(match (n, num) {
            ("real", Num::C(a, _)) => self.float(a),
            ("imag", Num::C(_, b)) => self.float(b),
            ("real", Num::F(f)) => self.float(f),
            ("imag", Num::F(_)) => self.float(0.0),
            ("real" | "numerator", Num::I(i)) => self.int(i),
            ("real" | "numerator", Num::B(b)) => self.new_bigint(b),
            ("imag", Num::I(_) | Num::B(_)) => Value::small(0),
            ("denominator", Num::I(_) | Num::B(_)) => Value::small(1),
            _ => return None,
        })
    }

    /// A stand-in for `gen.gi_frame` (frames are not first-class objects here).
    fn frame_placeholder(&mut self, g: ObjRef) -> Value {
        self.incref_obj(g);
        self.new_tuple(vec![Value::Obj(g)])
    }

    /// `f.__annotations__`: built lazily from the `(name, annotation)` tuple.
    pub fn function_annotations(&mut self, r: ObjRef) -> ObjRef {
        let ann = match self.heap.kind(r) {
            Kind::Function(f) => f.annotations,
            _ => Value::Null,
        };
        if let Value::Obj(a) = ann {
            if matches!(self.heap.kind(a), Kind::Dict(_)) {
                return a;
            }
        }
        let d = self.new_dict();
        let items = self.tuple_items(ann);
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                let _ = self.dict_set(d, *k, *v);
            }
        }
        let old = match self.heap.kind_mut(r) {
            Kind::Function(f) => std::mem::replace(&mut f.annotations, Value::Obj(d)),
            _ => Value::Null,
        };
        self.decref(old);
        d
    }

    /// Computed attributes of classes: `__name__`, `__mro__`, `__dict__`, ...
    pub fn type_builtin_getset(&mut self, cls: ObjRef, name: ObjRef) -> PResult<Option<Value>> {
        let n = self.str_of(name).to_string();
        let Kind::Type(tt) = self.heap.kind(cls) else {
            return Ok(None);
        };
        let v = match n.as_str() {
            "__name__" => {
                // A type named like a C type (`decimal.Decimal`) shows the part after
                // the last dot, as CPython's static types do.
                let nm = tt.name.rsplit('.').next().unwrap_or_default().to_string();
                return Ok(Some(self.new_string(nm)));
            }
            "__qualname__" => tt.qualname,
            "__mro__" => tt.mro_tuple,
            "__bases__" => tt.bases,
            "__base__" => match tt.base {
                Some(b) => Value::Obj(b),
                None => Value::None,
            },
            "__class__" => Value::Obj(self.heap.ty(cls)),
            "__dict__" => {
                let d = tt.dict;
                self.incref_obj(d);
                return Ok(Some(Value::Obj(self.alloc_gc(
                    t::MAPPINGPROXY,
                    Kind::MappingProxy(d),
                    FreeList::None,
                ))));
            }
            "__module__" => {
                if !tt.is_heap() {
                    let m = tt.builtin_module;
                    return Ok(Some(self.new_str(m)));
                }
                let d = tt.dict;
                return Ok(self.dict_get_str(d, "__module__").map(|v| self.own(v)));
            }
            "__doc__" => {
                let d = tt.dict;
                return Ok(Some(match self.dict_get_str(d, "__doc__") {
                    Some(v) => self.own(v),
                    None => Value::None,
                }));
            }
            "__annotations__" if tt.is_heap() => {
                let d = tt.dict;
                if let Some(a) = self.dict_get_str(d, "__annotations__") {
                    return Ok(Some(self.own(a)));
                }
                let a = self.new_dict();
                self.dict_set_str(d, "__annotations__", Value::Obj(a));
                return Ok(Some(Value::Obj(a)));
            }
            "__basicsize__" => {
                let s = tt.instance_size;
                return Ok(Some(self.int(s as i64)));
            }
            _ => return Ok(None),
        };
        Ok(Some(self.own(v)))
    }

    /// Setters of built-in computed attributes; `Ok(true)` when handled.
    pub fn special_setattr(&mut self, r: ObjRef, name: ObjRef, v: Value) -> PResult<bool> {
        let n = self.str_of(name).to_string();
        match self.heap.kind(r) {
            Kind::Function(_) => {
                let field = match n.as_str() {
                    "__name__" | "__qualname__" | "__doc__" | "__defaults__" | "__kwdefaults__"
                    | "__module__" | "__annotations__" => n.clone(),
                    "__dict__" => {
                        self.incref(v);
                        let old = match self.heap.kind_mut(r) {
                            Kind::Function(f) => std::mem::replace(&mut f.dict, v),
                            _ => Value::Null,
                        };
                        self.decref(old);
                        return Ok(true);
                    }
                    _ => return Ok(false),
                };
                let v = if v.is_none() && (field == "__defaults__" || field == "__kwdefaults__") {
                    Value::Null
                } else {
                    v
                };
                self.incref(v);
                let old = match self.heap.kind_mut(r) {
                    Kind::Function(f) => match field.as_str() {
                        "__name__" => std::mem::replace(&mut f.name, v),
                        "__qualname__" => std::mem::replace(&mut f.qualname, v),
                        "__doc__" => std::mem::replace(&mut f.doc, v),
                        "__defaults__" => std::mem::replace(&mut f.defaults, v),
                        "__kwdefaults__" => std::mem::replace(&mut f.kwdefaults, v),
                        "__module__" => std::mem::replace(&mut f.module, v),
                        _ => std::mem::replace(&mut f.annotations, v),
                    },
                    _ => Value::Null,
                };
                self.decref(old);
                Ok(true)
            }
            Kind::Exception(_) => {
                let slot: &'static str = match n.as_str() {
                    "__cause__" => "cause",
                    "__context__" => "context",
                    "__suppress_context__" => "suppress",
                    "__traceback__" => return Ok(true),
                    "args" => "args",
                    "__notes__" => "notes",
                    _ => return Ok(false),
                };
                if slot == "suppress" {
                    let b = self.truthy(v)?;
                    if let Kind::Exception(e) = self.heap.kind_mut(r) {
                        e.suppress_context = b;
                    }
                    return Ok(true);
                }
                let v = if slot == "args" {
                    let items = self.collect_iter(v)?;
                    self.new_tuple(items)
                } else {
                    self.incref(v);
                    v
                };
                let old = match self.heap.kind_mut(r) {
                    Kind::Exception(e) => match slot {
                        "cause" => {
                            e.suppress_context = true;
                            std::mem::replace(&mut e.cause, v)
                        }
                        "context" => std::mem::replace(&mut e.context, v),
                        "notes" => std::mem::replace(&mut e.notes, v),
                        _ => std::mem::replace(&mut e.args, v),
                    },
                    _ => Value::Null,
                };
                self.decref(old);
                Ok(true)
            }
            Kind::Cell(_) if n == "cell_contents" => {
                self.incref(v);
                let old = match self.heap.kind_mut(r) {
                    Kind::Cell(c) => std::mem::replace(c, v),
                    _ => Value::Null,
                };
                self.decref(old);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Setters of class attributes stored outside the class dict.
    pub fn special_type_setattr(&mut self, cls: ObjRef, name: ObjRef, v: Value) -> PResult<bool> {
        let n = self.str_of(name).to_string();
        match n.as_str() {
            "__name__" => {
                let Some(s) = self.as_str(v).map(|s| s.to_string()) else {
                    return Err(self.type_error("can only assign string to __name__"));
                };
                if let Kind::Type(tt) = self.heap.kind_mut(cls) {
                    tt.name = s;
                }
                Ok(true)
            }
            "__qualname__" => {
                self.incref(v);
                let old = match self.heap.kind_mut(cls) {
                    Kind::Type(tt) => std::mem::replace(&mut tt.qualname, v),
                    _ => Value::Null,
                };
                self.decref(old);
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
