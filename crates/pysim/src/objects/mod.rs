//! Heap object payloads: [`Kind`] is what a heap slot holds, one variant per built-in
//! layout; the per-type modules define the payload structs and their CPython-exact
//! storage rules (list over-allocation, dict key tables, set tables, string kinds).
//!
//! Instances of user classes carry their attributes in [`Ext`] (the 3.11 "managed dict":
//! inline values until `__dict__` is asked for, then a real dict) plus `__slots__` values.

pub mod bytes;
pub mod dict;
pub mod exception;
pub mod function;
pub mod int;
pub mod iter;
pub mod list;
pub mod native;
pub mod set;
pub mod str;
pub mod typeobj;
pub mod unicode;
pub mod unicode_tables;

use crate::value::{ObjRef, Value};
use num_bigint::BigInt;

pub use dict::Dict;
pub use exception::ExcObj;
pub use function::{Builtin, Function, MethodDescr, Property};
pub use iter::IterObj;
pub use list::ListObj;
pub use native::NativeObj;
pub use set::Set;
pub use str::PyStr;
pub use typeobj::TypeObj;

/// A `range` object (bounds as i128, enough for `range(10**20)`).
#[derive(Debug, Clone, Copy)]
pub struct RangeObj {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl RangeObj {
    pub fn len(&self) -> i128 {
        if self.step > 0 {
            if self.stop > self.start {
                (self.stop - self.start - 1) / self.step + 1
            } else {
                0
            }
        } else if self.stop < self.start {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

/// The kind of a dict view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A module object.
#[derive(Debug)]
pub struct Module {
    pub name: String,
    pub dict: ObjRef,
}

/// A generator object: its suspended frame lives here between `send`s.
#[derive(Debug)]
pub struct GenObj {
    pub frame: Option<Box<crate::interp::frame::Frame>>,
    pub running: bool,
    pub name: Value,
    pub qualname: Value,
    pub code: std::rc::Rc<crate::interp::code::Code>,
    /// The exception being handled inside the generator while it is suspended.
    pub exc_state: Value,
    /// Started (past the first `next`), for `gi_frame` / `inspect`.
    pub started: bool,
}

/// A weak reference (`weakref.ref`, `weakref.proxy`).
#[derive(Debug)]
pub struct WeakRef {
    pub target: Option<ObjRef>,
    pub callback: Value,
    pub hash: Option<i64>,
    pub proxy: bool,
}

/// A `memoryview` over a bytes-like object.
#[derive(Debug)]
pub struct MemoryView {
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub readonly: bool,
    pub released: bool,
}

/// A `bytearray`, with CPython's allocation size and export count.
#[derive(Debug, Default)]
pub struct ByteArray {
    pub data: Vec<u8>,
    pub alloc: usize,
    pub exports: u32,
}

/// What a heap slot holds.
#[derive(Debug)]
pub enum Kind {
    Free,
    /// The head node of a GC generation list.
    Sentinel,
    /// A plain object: `object()` or an instance of a class deriving only from `object`.
    Object,
    /// An int stored on the heap: beyond i64, or an instance of an int subclass.
    BigInt(Box<BigInt>),
    /// An instance of a float subclass (plain floats are inline values).
    Float(f64),
    Complex(f64, f64),
    Str(Box<PyStr>),
    Bytes(Box<[u8]>),
    ByteArray(Box<ByteArray>),
    MemoryView(Box<MemoryView>),
    List(ListObj),
    Tuple(Box<[Value]>),
    Dict(Box<Dict>),
    Set(Box<Set>),
    Range(Box<RangeObj>),
    Slice(Box<[Value; 3]>),
    Cell(Value),
    Function(Box<Function>),
    Code(std::rc::Rc<crate::interp::code::Code>),
    /// A bound method: function, self.
    Method(Value, Value),
    Builtin(Box<Builtin>),
    MethodDescr(Box<MethodDescr>),
    ClassMethod(Value),
    StaticMethod(Value),
    Property(Box<Property>),
    /// A `__slots__` member descriptor: owner class, slot index, name.
    Member(ObjRef, usize, Value),
    Type(Box<TypeObj>),
    Module(Box<Module>),
    Exception(Box<ExcObj>),
    Generator(Box<GenObj>),
    Iter(Box<IterObj>),
    DictView(ObjRef, ViewKind),
    WeakRef(Box<WeakRef>),
    /// `super(type, obj)`: the type after which to search, the object, its type.
    Super(ObjRef, Value, ObjRef),
    /// A `mappingproxy` over a type's dict.
    MappingProxy(ObjRef),
    Native(Box<dyn NativeObj>),
}

/// Attribute storage of an instance of a user class.
#[derive(Debug)]
pub enum Attrs {
    /// No `__dict__` (only `__slots__`).
    None,
    /// 3.11 inline values, in insertion order, until `__dict__` is materialised.
    Values(Vec<(ObjRef, Value)>),
    /// A materialised `__dict__`.
    Dict(ObjRef),
}

/// Per-instance extension of objects whose class is a heap type.
#[derive(Debug)]
pub struct Ext {
    pub attrs: Attrs,
    /// `__slots__` values (`Null` when unset), in the order of the class's slot list.
    pub slots: Vec<Value>,
}

impl Kind {
    /// The references a heap object holds, in CPython's `tp_traverse` order.
    pub fn for_each_ref(&self, mut f: impl FnMut(Value)) {
        match self {
            Kind::List(l) => {
                for v in l.items.iter().rev() {
                    f(*v);
                }
            }
            Kind::Tuple(t) => {
                for v in t.iter().rev() {
                    f(*v);
                }
            }
            Kind::Dict(d) => d.for_each_ref(&mut f),
            Kind::Set(s) => s.for_each_ref(&mut f),
            Kind::Slice(s) => {
                for v in s.iter() {
                    f(*v);
                }
            }
            Kind::Cell(v) | Kind::ClassMethod(v) | Kind::StaticMethod(v) => f(*v),
            Kind::Function(func) => func.for_each_ref(&mut f),
            Kind::Code(c) => {
                for v in &c.consts {
                    f(*v);
                }
            }
            Kind::Method(a, b) => {
                f(*a);
                f(*b);
            }
            Kind::Builtin(b) => f(b.self_),
            Kind::Property(p) => {
                f(p.fget);
                f(p.fset);
                f(p.fdel);
                f(p.doc);
            }
            Kind::Member(o, _, n) => {
                f(Value::Obj(*o));
                f(*n);
            }
            Kind::Type(t) => t.for_each_ref(&mut f),
            Kind::Module(m) => f(Value::Obj(m.dict)),
            Kind::Exception(e) => e.for_each_ref(&mut f),
            Kind::Generator(g) => {
                if let Some(fr) = &g.frame {
                    fr.for_each_ref(&mut f);
                }
                f(g.name);
                f(g.qualname);
                f(g.exc_state);
            }
            Kind::Iter(it) => it.for_each_ref(&mut f),
            Kind::DictView(d, _) | Kind::MappingProxy(d) => f(Value::Obj(*d)),
            Kind::WeakRef(w) => f(w.callback),
            Kind::Super(t, o, ot) => {
                f(Value::Obj(*t));
                f(*o);
                f(Value::Obj(*ot));
            }
            Kind::MemoryView(m) => f(m.obj),
            Kind::Native(n) => n.for_each_ref(&mut f),
            Kind::Free
            | Kind::Sentinel
            | Kind::Object
            | Kind::BigInt(_)
            | Kind::Float(_)
            | Kind::Complex(..)
            | Kind::Str(_)
            | Kind::Bytes(_)
            | Kind::ByteArray(_)
            | Kind::Range(_)
            | Kind::MethodDescr(_) => {}
        }
    }
}

impl Ext {
    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        match &self.attrs {
            Attrs::Values(vals) => {
                for (_, v) in vals {
                    f(*v);
                }
            }
            Attrs::Dict(d) => f(Value::Obj(*d)),
            Attrs::None => {}
        }
        for v in &self.slots {
            f(*v);
        }
    }
}
