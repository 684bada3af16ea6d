//! Type objects: built-in types and classes. A type records its MRO, its dict, the
//! built-in layout its instances have, its `__slots__`, and the 3.11 shared keys of its
//! instances' managed dicts (which decide `sys.getsizeof(obj.__dict__)`).

use crate::value::{ObjRef, Value};

/// The built-in storage instances of a type use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Not instantiable from Python (functions, iterators, ...).
    Opaque,
}

pub mod tflags {
    pub const HEAPTYPE: u32 = 1;
    pub const HAS_DICT: u32 = 2;
    pub const HAS_WEAKREF: u32 = 4;
    pub const BASETYPE: u32 = 8;
    /// Some class in the MRO defines `__del__`.
    pub const HAS_DEL: u32 = 16;
    pub const HAS_GETATTR: u32 = 32;
    pub const HAS_GETATTRIBUTE: u32 = 64;
    pub const HAS_SETATTR: u32 = 128;
    pub const HAS_DELATTR: u32 = 256;
    /// GC-tracked instances (every heap type, containers).
    pub const GC: u32 = 512;
    pub const ABSTRACT: u32 = 1024;
    /// Instances are weakly referenceable.
    pub const WEAKREFABLE: u32 = 2048;
    /// A type defined by a native module: its dunders (even built-in ones) are used.
    pub const NATIVE: u32 = 4096;
}

/// `SHARED_KEYS_MAX_SIZE` in CPython 3.11.
pub const SHARED_KEYS_MAX: i32 = 30;

/// The keys shared by the managed dicts of a class's instances.
#[derive(Debug, Clone, Default)]
pub struct SharedKeys {
    pub names: Vec<ObjRef>,
    pub usable: i32,
}

impl SharedKeys {
    pub fn new() -> Self {
        SharedKeys {
            names: Vec::new(),
            usable: SHARED_KEYS_MAX,
        }
    }

    /// `shared_keys_usable_size`: entries plus usable.
    pub fn usable_size(&self) -> usize {
        self.names.len() + self.usable.max(0) as usize
    }
}

#[derive(Debug)]
pub struct TypeObj {
    pub name: String,
    pub qualname: Value,
    pub bases: Value,
    pub base: Option<ObjRef>,
    pub mro: Vec<ObjRef>,
    pub mro_tuple: Value,
    pub dict: ObjRef,
    pub layout: Layout,
    pub flags: u32,
    /// All `__slots__` names in layout order (bases first).
    pub slot_names: Vec<ObjRef>,
    pub shared_keys: Option<SharedKeys>,
    /// `tp_basicsize` plus what `sys.getsizeof` adds (GC head, managed-dict pre-header).
    pub instance_size: u64,
    pub subclasses: Vec<ObjRef>,
    /// The weak reference to this class that CPython's `add_subclass` files in each
    /// base's `tp_subclasses` (owned here, `Null` for built-in types). The collector
    /// does not see it: in CPython the bases' dicts keep it reachable.
    pub subclass_ref: Value,
    /// CPython has made this type's `tp_subclasses` dict (built-in types have theirs
    /// from start-up; a class gets one with its first subclass).
    pub subclass_dict: bool,
    /// `__doc__` of built-in types, `__module__` of built-in types.
    pub builtin_module: &'static str,
}

impl TypeObj {
    pub fn is_heap(&self) -> bool {
        self.flags & tflags::HEAPTYPE != 0
    }

    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        f(Value::Obj(self.dict));
        f(self.mro_tuple);
        f(self.bases);
        if let Some(b) = self.base {
            f(Value::Obj(b));
        }
        f(self.qualname);
    }
}
