//! The value representation: [`Value`] is a 16-byte copyable handle, either an inline
//! scalar (None, bool, int, float) or a reference to a heap object ([`ObjRef`]).
//!
//! CPython allocates every int and float; here they are inline for speed, but each
//! carries an identity tag so that `is` and `id()` behave as in CPython: small ints
//! (-5..=256) share tag 0 (the small-int cache), every other int or float result gets a
//! fresh tag, and equal constants of one compilation unit share one tag (CPython merges
//! them into one object).

/// Index of a heap slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef(pub u32);

impl ObjRef {
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

/// A Python value. `Null` is internal (an unbound local, a missing stack slot, the
/// `NULL` of `LOAD_METHOD`) and never visible to Python code.
#[derive(Clone, Copy, Debug)]
pub enum Value {
    Null,
    None,
    Bool(bool),
    /// An int that fits in an `i64`, with its identity tag.
    Int(i64, u32),
    /// A float with its identity tag.
    Float(f64, u32),
    Obj(ObjRef),
}

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

impl Value {
    /// A small int (from the small-int cache); callers with other values use
    /// `Vm::int`, which assigns a fresh identity.
    pub const fn small(v: i64) -> Value {
        Value::Int(v, 0)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_obj(&self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(*r),
            _ => None,
        }
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a, ta), Value::Int(b, tb)) => {
                a == b && (ta == tb || (*ta == 0 && *tb == 0))
            }
            (Value::Float(a, ta), Value::Float(b, tb)) => a.to_bits() == b.to_bits() && ta == tb,
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

/// True for ints served from CPython's small-int cache.
pub fn is_small_int(v: i64) -> bool {
    (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v)
}
