//! Built-in iterator objects (`list_iterator`, `range_iterator`, `enumerate`, `zip`,
//! `map`, ...). An exhausted sequence iterator drops its sequence, as CPython's do.

use super::ViewKind;
use crate::value::{ObjRef, Value};

#[derive(Debug)]
pub enum IterObj {
    List {
        seq: ObjRef,
        i: usize,
    },
    ListRev {
        seq: ObjRef,
        i: usize,
    },
    Tuple {
        seq: ObjRef,
        i: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: ObjRef,
        byte: usize,
    },
    Bytes {
        b: ObjRef,
        i: usize,
    },
    Dict {
        d: ObjRef,
        pos: usize,
        kind: ViewKind,
        used: usize,
        rev: bool,
    },
    Set {
        s: ObjRef,
        pos: usize,
        used: usize,
    },
    /// The old sequence protocol (`__getitem__` from 0 until IndexError).
    Seq {
        seq: Value,
        i: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        f: Value,
        sentinel: Value,
    },
    Enumerate {
        it: Value,
        n: i64,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// `reversed()` over a sequence with `__len__` / `__getitem__`.
    Reversed {
        seq: Value,
        i: usize,
    },
    Exhausted,
}

impl IterObj {
    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        match self {
            IterObj::List { seq, .. }
            | IterObj::ListRev { seq, .. }
            | IterObj::Tuple { seq, .. } => f(Value::Obj(*seq)),
            IterObj::Str { s, .. } | IterObj::Set { s, .. } => f(Value::Obj(*s)),
            IterObj::Bytes { b, .. } => f(Value::Obj(*b)),
            IterObj::Dict { d, .. } => f(Value::Obj(*d)),
            IterObj::Seq { seq, .. } | IterObj::Reversed { seq, .. } => f(*seq),
            IterObj::Callable { f: c, sentinel } => {
                f(*c);
                f(*sentinel);
            }
            IterObj::Enumerate { it, .. } => f(*it),
            IterObj::Zip { its, .. } => {
                for v in its {
                    f(*v);
                }
            }
            IterObj::Map { f: c, its } => {
                f(*c);
                for v in its {
                    f(*v);
                }
            }
            IterObj::Filter { f: c, it } => {
                f(*c);
                f(*it);
            }
            IterObj::Range { .. } | IterObj::Exhausted => {}
        }
    }

    /// The CPython type name (`list_iterator`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            IterObj::List { .. } => "list_iterator",
            IterObj::ListRev { .. } => "list_reverseiterator",
            IterObj::Tuple { .. } => "tuple_iterator",
            IterObj::Range { .. } => "range_iterator",
            IterObj::Str { .. } => "str_ascii_iterator",
            IterObj::Bytes { .. } => "bytes_iterator",
            IterObj::Dict {
                kind: ViewKind::Keys,
                rev: false,
                ..
            } => "dict_keyiterator",
            IterObj::Dict {
                kind: ViewKind::Values,
                rev: false,
                ..
            } => "dict_valueiterator",
            IterObj::Dict {
                kind: ViewKind::Items,
                rev: false,
                ..
            } => "dict_itemiterator",
            IterObj::Dict {
                kind: ViewKind::Keys,
                ..
            } => "dict_reversekeyiterator",
            IterObj::Dict {
                kind: ViewKind::Values,
                ..
            } => "dict_reversevalueiterator",
            IterObj::Dict { .. } => "dict_reverseitemiterator",
            IterObj::Set { .. } => "set_iterator",
            IterObj::Seq { .. } => "iterator",
            IterObj::Callable { .. } => "callable_iterator",
            IterObj::Enumerate { .. } => "enumerate",
            IterObj::Zip { .. } => "zip",
            IterObj::Map { .. } => "map",
            IterObj::Filter { .. } => "filter",
            IterObj::Reversed { .. } => "reversed",
            IterObj::Exhausted => "iterator",
        }
    }

    /// Whether CPython tracks this iterator type in the cyclic collector.
    pub fn is_gc(&self) -> bool {
        !matches!(self, IterObj::Range { .. })
    }

    /// The tuples CPython's zip (its iterators, its reused result) and map (its
    /// iterators) keep inside, GC objects of their own: (count, size). Enumerate's
    /// reused result is modelled by the tuple each step returns.
    pub fn inner_tuples(&self) -> (usize, usize) {
        match self {
            IterObj::Zip { its, .. } if !its.is_empty() => (2, its.len()),
            IterObj::Map { its, .. } if !its.is_empty() => (1, its.len()),
            _ => (0, 0),
        }
    }
}
