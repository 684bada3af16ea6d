//! The temporary argument tuples and keyword dicts CPython 3.11 builds for calls that
//! have no vectorcall path: `_PyObject_MakeTpCall` (calling a class, or a built-in type
//! without `tp_vectorcall`) and `METH_VARARGS` built-ins. They are GC objects that live
//! for the call, so they count towards generation 0 and pass through the free lists,
//! which `gc.get_count()` and the timing of automatic collections show.

use super::Vm;
use crate::heap::refcount::FreeList;
use crate::types as t;
use crate::value::ObjRef;

/// What a call built around itself (see [`Vm::call_temps_enter`]).
#[must_use]
pub struct CallTemps {
    tuple: usize,
    dict: bool,
}

impl Vm {
    /// Allocates (for the collector's counts) the argument tuple of `nargs` items and,
    /// with keywords, the keyword dict of a call without vectorcall.
    pub fn call_temps_enter(&mut self, nargs: usize, nkw: usize) -> CallTemps {
        if nargs > 0 {
            self.gc_alloc_count(FreeList::Tuple(nargs));
        }
        if nkw > 0 {
            self.gc_alloc_count(FreeList::Dict);
        }
        CallTemps {
            tuple: nargs,
            dict: nkw > 0,
        }
    }

    /// Frees what [`Vm::call_temps_enter`] built, tuple first as `_PyObject_MakeTpCall`.
    pub fn call_temps_leave(&mut self, temps: CallTemps) {
        if self.heap.internal {
            return;
        }
        if temps.tuple > 0 {
            self.gc_free_count(FreeList::Tuple(temps.tuple));
        }
        if temps.dict {
            self.gc_free_count(FreeList::Dict);
        }
    }

    /// Whether calling class `cls` packs its arguments into a tuple: every class but
    /// the built-in types with their own vectorcall (`type` has one only for
    /// `type(x)`), and exceptions, whose argument tuple becomes their `args`
    /// (allocated by `BaseException.__new__`).
    pub fn type_call_packs_args(&self, cls: ObjRef) -> bool {
        !matches!(
            cls,
            t::RANGE
                | t::LIST
                | t::TUPLE
                | t::DICT
                | t::SET
                | t::FROZENSET
                | t::FLOAT
                | t::BOOL
                | t::MAP
                | t::FILTER
                | t::ENUMERATE
                | t::REVERSED
                | t::SUPER
        ) && !self.is_subtype(cls, t::BASE_EXCEPTION)
    }
}

/// Whether CPython 3.11 defines built-in method `owner.name` with `METH_VARARGS`
/// (its positional arguments arrive as a new tuple).
pub fn method_packs_args(owner: &str, name: &str) -> bool {
    match owner {
        "str" => matches!(
            name,
            "startswith"
                | "endswith"
                | "find"
                | "rfind"
                | "index"
                | "rindex"
                | "count"
                | "format"
                | "__format__"
        ),
        "bytes" | "bytearray" => matches!(
            name,
            "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count"
        ),
        "dict" => name == "update",
        "set" | "frozenset" => matches!(
            name,
            "union"
                | "intersection"
                | "difference"
                | "update"
                | "intersection_update"
                | "difference_update"
        ),
        _ => false,
    }
}

/// Whether CPython 3.11 defines built-in function `name` (of `builtins`, `gc` or `sys`)
/// with `METH_VARARGS`.
pub fn function_packs_args(name: &str) -> bool {
    matches!(
        name,
        "max" | "min" | "vars" | "set_threshold" | "get_referents" | "get_referrers" | "getsizeof"
    )
}
