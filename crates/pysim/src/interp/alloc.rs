//! Object constructors. Each returns a new (owned) reference and does what CPython's
//! constructor does to the collector: GC containers count towards generation 0 (unless
//! a free list serves them) and are tracked; dicts start untracked and are tracked
//! once they hold a container; empty tuple, empty string and one-character Latin-1
//! strings are shared singletons.

use super::Vm;
use crate::heap::refcount::FreeList;
use crate::heap::sflags;
use crate::objects::dict::Dict;
use crate::objects::{Attrs, ByteArray, Ext, IterObj, Kind, ListObj, PyStr, Set};
use crate::types as t;
use crate::value::{ObjRef, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

impl Vm {
    /// Allocates a heap object (no GC accounting); records the allocation.
    pub fn alloc(&mut self, ty: ObjRef, kind: Kind) -> ObjRef {
        let r = self.heap.alloc(ty, kind);
        if self.limit_hit.is_none() {
            if self.heap.live > self.max_objects {
                self.limit_hit = Some(format!(
                    "memory limit of {} bytes",
                    self.limits.max_heap_bytes
                ));
            } else if gen_trace::memory::exhausted() {
                self.limit_hit = Some(self.memory_limit_message());
            }
        }
        if self.tracemalloc.tracing {
            let size = self.sizeof_obj(r);
            self.heap.get_mut(r).flags |= sflags::TRACED;
            self.tracemalloc.traces.insert(r, (size, self.line));
            self.tracemalloc.running += size as i64;
            self.tracemalloc.peak = self.tracemalloc.peak.max(self.tracemalloc.running);
        }
        if self.trace.enabled {
            let size = self.sizeof_obj(r);
            self.trace_alloc(r, size);
        }
        r
    }

    /// The message of a run stopped by `gen_trace::memory`'s real-memory guard.
    pub fn memory_limit_message(&self) -> String {
        let budget = gen_trace::memory::budget_for(self.limits.max_heap_bytes);
        format!("memory limit of {} MiB reached", budget >> 20)
    }

    /// Allocates a GC container: counts it (maybe collecting first), allocates, tracks.
    pub fn alloc_gc(&mut self, ty: ObjRef, kind: Kind, fl: FreeList) -> ObjRef {
        self.gc_alloc_count(fl);
        let r = self.alloc(ty, kind);
        self.heap.track(r);
        r
    }

    pub fn make_immortal(&mut self, r: ObjRef) {
        let s = self.heap.get_mut(r);
        s.flags |= sflags::IMMORTAL;
        s.rc = 1 << 30;
    }

    // ---- strings ------------------------------------------------------------------------

    /// A new str object (shared singletons for "" and one Latin-1 character).
    pub fn new_str(&mut self, s: &str) -> Value {
        if s.is_empty() {
            self.incref_obj(self.empty_str);
            return Value::Obj(self.empty_str);
        }
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.clone().next()) {
            if (c as u32) < 256 {
                return Value::Obj(self.char_str(c as u8));
            }
        }
        let r = self.alloc(t::STR, Kind::Str(Box::new(PyStr::new(s))));
        Value::Obj(r)
    }

    pub fn new_string(&mut self, s: String) -> Value {
        if s.is_empty() || s.chars().nth(1).is_none() {
            return self.new_str(&s);
        }
        let r = self.alloc(t::STR, Kind::Str(Box::new(PyStr::new(s))));
        Value::Obj(r)
    }

    /// The cached one-character string (owned reference).
    fn char_str(&mut self, c: u8) -> ObjRef {
        if let Some(r) = self.char_cache[c as usize] {
            self.incref_obj(r);
            return r;
        }
        let s = (c as char).to_string();
        let r = self.intern(&s);
        self.char_cache[c as usize] = Some(r);
        self.incref_obj(r);
        r
    }

    /// The interned string for `s` (borrowed: interned strings live for the run).
    pub fn intern(&mut self, s: &str) -> ObjRef {
        if let Some(&r) = self.interned.get(s) {
            return r;
        }
        let mut ps = PyStr::new(s);
        ps.interned = true;
        let r = self.alloc(t::STR, Kind::Str(Box::new(ps)));
        self.make_immortal(r);
        self.interned.insert(s.into(), r);
        r
    }

    /// An owned reference to the interned string `s`.
    pub fn intern_value(&mut self, s: &str) -> Value {
        let r = self.intern(s);
        self.incref_obj(r);
        Value::Obj(r)
    }

    /// `sys.intern(s)`: the interned equal string (the argument becomes it if new).
    pub fn intern_obj(&mut self, r: ObjRef) -> ObjRef {
        let text = match self.heap.kind(r) {
            Kind::Str(s) => s.s.clone(),
            _ => return r,
        };
        if let Some(&i) = self.interned.get(&*text) {
            return i;
        }
        if let Kind::Str(s) = self.heap.kind_mut(r) {
            s.interned = true;
        }
        self.make_immortal(r);
        self.interned.insert(text, r);
        r
    }

    /// The text of a str object (empty for non-strings).
    pub fn str_of(&self, r: ObjRef) -> &str {
        match self.heap.kind(r) {
            Kind::Str(s) => &s.s,
            _ => "",
        }
    }

    /// The text of a value that is a str.
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    // ---- numbers ------------------------------------------------------------------------

    /// An int from a big integer (inline when it fits in i64).
    pub fn new_bigint(&mut self, v: BigInt) -> Value {
        match v.to_i64() {
            Some(i) => self.int(i),
            None => Value::Obj(self.alloc(t::INT, Kind::BigInt(Box::new(v)))),
        }
    }

    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        Value::Obj(self.alloc(t::COMPLEX, Kind::Complex(re, im)))
    }

    // ---- containers ---------------------------------------------------------------------

    /// A tuple owning `items` (the empty tuple is a singleton).
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            self.incref_obj(self.empty_tuple);
            return Value::Obj(self.empty_tuple);
        }
        let n = items.len();
        Value::Obj(self.alloc_gc(
            t::TUPLE,
            Kind::Tuple(items.into_boxed_slice()),
            FreeList::Tuple(n),
        ))
    }

    /// A list owning `items`, allocated exactly (`PyList_New(n)`).
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.alloc_gc(t::LIST, Kind::List(ListObj::exact(items)), FreeList::List))
    }

    /// A list from a `ListObj` with its own allocation size.
    pub fn new_list_obj(&mut self, l: ListObj) -> Value {
        Value::Obj(self.alloc_gc(t::LIST, Kind::List(l), FreeList::List))
    }

    /// An empty dict (untracked until it holds a container).
    pub fn new_dict(&mut self) -> ObjRef {
        self.gc_alloc_count(FreeList::Dict);
        self.alloc(t::DICT, Kind::Dict(Box::new(Dict::new())))
    }

    /// A dict presized for `n` entries (`dict_new_presized`).
    pub fn new_dict_presized(&mut self, n: usize, unicode: bool) -> ObjRef {
        self.gc_alloc_count(FreeList::Dict);
        self.alloc(t::DICT, Kind::Dict(Box::new(Dict::presized(n, unicode))))
    }

    pub fn new_set(&mut self, ty: ObjRef) -> ObjRef {
        self.alloc_gc(ty, Kind::Set(Box::new(Set::new())), FreeList::None)
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        if b.is_empty() {
            self.incref_obj(self.empty_bytes);
            return Value::Obj(self.empty_bytes);
        }
        Value::Obj(self.alloc(t::BYTES, Kind::Bytes(b.into_boxed_slice())))
    }

    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(self.alloc(t::BYTEARRAY, Kind::ByteArray(Box::new(ByteArray::new(b)))))
    }

    pub fn new_cell(&mut self, v: Value) -> ObjRef {
        self.alloc_gc(t::CELL, Kind::Cell(v), FreeList::None)
    }

    /// An iterator object.
    pub fn new_iter(&mut self, it: IterObj) -> Value {
        let ty = match &it {
            IterObj::List { .. } => t::LIST_ITERATOR,
            IterObj::ListRev { .. } => t::LIST_REVITERATOR,
            IterObj::Tuple { .. } => t::TUPLE_ITERATOR,
            IterObj::Range { .. } => t::RANGE_ITERATOR,
            IterObj::Str { .. } => t::STR_ITERATOR,
            IterObj::Bytes { .. } => t::BYTES_ITERATOR,
            IterObj::Dict { kind, .. } => match kind {
                crate::objects::ViewKind::Keys => t::DICT_KEYITERATOR,
                crate::objects::ViewKind::Values => t::DICT_VALUEITERATOR,
                crate::objects::ViewKind::Items => t::DICT_ITEMITERATOR,
            },
            IterObj::Set { .. } => t::SET_ITERATOR,
            IterObj::Seq { .. } | IterObj::Exhausted => t::SEQ_ITERATOR,
            IterObj::Callable { .. } => t::CALLABLE_ITERATOR,
            IterObj::Enumerate { .. } => t::ENUMERATE,
            IterObj::Zip { .. } => t::ZIP,
            IterObj::Map { .. } => t::MAP,
            IterObj::Filter { .. } => t::FILTER,
            IterObj::Reversed { .. } => t::REVERSED,
        };
        if it.is_gc() {
            let (count, n) = it.inner_tuples();
            for _ in 0..count {
                self.gc_alloc_count(FreeList::Tuple(n));
            }
            Value::Obj(self.alloc_gc(ty, Kind::Iter(Box::new(it)), FreeList::None))
        } else {
            Value::Obj(self.alloc(ty, Kind::Iter(Box::new(it))))
        }
    }

    /// A bound method object (`PyMethod_New`), owning `func` and `self_`.
    pub fn new_method(&mut self, func: Value, self_: Value) -> Value {
        Value::Obj(self.alloc_gc(t::METHOD, Kind::Method(func, self_), FreeList::None))
    }

    /// A plain instance of a heap type (`object.__new__`): its extension holds the
    /// attributes (3.11 inline values) and `__slots__`.
    pub fn new_instance_ext(&mut self, cls: ObjRef) -> Ext {
        let (has_dict, nslots) = match self.heap.kind(cls) {
            Kind::Type(tt) => (
                tt.flags & crate::objects::typeobj::tflags::HAS_DICT != 0,
                tt.slot_names.len(),
            ),
            _ => (true, 0),
        };
        if has_dict {
            if let Kind::Type(tt) = self.heap.kind_mut(cls) {
                if let Some(k) = tt.shared_keys.as_mut() {
                    if k.usable > 1 {
                        k.usable -= 1;
                    }
                }
            }
        }
        Ext {
            attrs: if has_dict {
                Attrs::Values(Vec::new())
            } else {
                Attrs::None
            },
            slots: vec![Value::Null; nslots],
        }
    }

    /// Sets the extension of a new instance of a heap type and increfs the type.
    pub fn attach_ext(&mut self, r: ObjRef, cls: ObjRef) {
        if self.type_is_heap(cls) {
            let ext = self.new_instance_ext(cls);
            self.heap.get_mut(r).ext = Some(Box::new(ext));
            self.incref_obj(cls);
        }
    }
}
