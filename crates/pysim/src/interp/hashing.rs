//! Hashing, equality and hash-table operations: `hash()` as CPython computes it for
//! numbers, tuples and frozensets (so int-keyed sets iterate in CPython's order), `==`
//! with the identity shortcut of `PyObject_RichCompareBool`, and get / set / delete on
//! dicts and sets, including when a dict starts being tracked by the collector.

use super::Vm;
use crate::code::CmpOp;
use crate::objects::int::{hash_big, hash_f64, hash_i64};
use crate::objects::typeobj::tflags;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Fake addresses for `id()`: heap slots, tagged ints/floats, singletons.
pub const HEAP_BASE: u64 = 0x7f3a_1c00_0000;
pub const NUM_BASE: u64 = 0x7f3a_4000_0000;
pub const SMALL_INT_BASE: u64 = 0x7f3a_2b00_0000;

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

impl Vm {
    /// `id(v)`.
    pub fn id_of(&self, v: Value) -> u64 {
        match v {
            Value::Obj(r) => HEAP_BASE + r.0 as u64 * 48,
            Value::Int(i, 0) => SMALL_INT_BASE + ((i + 5) as u64) * 32,
            Value::Int(_, tag) | Value::Float(_, tag) => NUM_BASE + tag as u64 * 32,
            Value::None => 0x7f3a_2a9e_b8c0,
            Value::Bool(true) => 0x7f3a_2a9d_f920,
            Value::Bool(false) => 0x7f3a_2a9d_f940,
            Value::Null => 0,
        }
    }

    /// `_Py_HashPointer` of an object's id.
    pub fn pointer_hash(&self, v: Value) -> i64 {
        let y = self.id_of(v);
        let h = y.rotate_right(4) as i64;
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PResult<i64> {
        match v {
            Value::Int(i, _) => Ok(hash_i64(i)),
            Value::Bool(b) => Ok(b as i64),
            Value::Float(f, _) => Ok(hash_f64(f)),
            Value::None | Value::Null => Ok(0x7f3_a2a9_eb8c),
            Value::Obj(r) => self.hash_obj(r),
        }
    }

    fn hash_obj(&mut self, r: ObjRef) -> PResult<i64> {
        let ty = self.heap.ty(r);
        if let Some(f) = self.native_dunder(ty, "__hash__") {
            let res = self.call(f, &[Value::Obj(r)], &[]);
            self.decref(f);
            let res = res?;
            let h = self.int_value_of(res).unwrap_or(0);
            self.decref(res);
            return Ok(h);
        }
        if !self.type_is_heap(ty) {
            match self.heap.kind(r) {
                Kind::Str(s) => return Ok(s.hash),
                Kind::BigInt(b) => return Ok(hash_big(b)),
                Kind::Bytes(b) => {
                    return Ok(crate::objects::str::str_hash(&String::from_utf8_lossy(b)))
                }
                Kind::Complex(re, im) => {
                    let h = (hash_f64(*re) as u64)
                        .wrapping_add((hash_f64(*im) as u64).wrapping_mul(1000003))
                        as i64;
                    return Ok(if h == -1 { -2 } else { h });
                }
                Kind::Tuple(items) => {
                    let items = items.to_vec();
                    return self.tuple_hash(&items);
                }
                Kind::Set(s) if ty == t::FROZENSET => {
                    let mut h: u64 = 0;
                    for e in s.table.iter() {
                        h ^= shuffle_bits(e.hash as u64);
                    }
                    if (s.table.len() - s.fill) & 1 == 1 {
                        h ^= shuffle_bits(0);
                    }
                    if (s.fill - s.used) & 1 == 1 {
                        h ^= shuffle_bits(-1i64 as u64);
                    }
                    h ^= (s.used as u64 + 1).wrapping_mul(1927868237);
                    h ^= (h >> 11) ^ (h >> 25);
                    h = h.wrapping_mul(69069).wrapping_add(907133923);
                    let h = h as i64;
                    return Ok(if h == -1 { 590923713 } else { h });
                }
                Kind::List(_)
                | Kind::Dict(_)
                | Kind::Set(_)
                | Kind::ByteArray(_)
                | Kind::Slice(_) => {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(format!("unhashable type: '{tn}'")));
                }
                Kind::Range(rg) => {
                    let rg = **rg;
                    let len = rg.len();
                    let items = if len == 0 {
                        vec![Value::small(0), Value::None, Value::None]
                    } else if len == 1 {
                        vec![Value::small(1), self.int(rg.start as i64), Value::None]
                    } else {
                        let a = self.int(len as i64);
                        let b = self.int(rg.start as i64);
                        let c = self.int(rg.step as i64);
                        vec![a, b, c]
                    };
                    return self.tuple_hash(&items);
                }
                Kind::WeakRef(w) => {
                    if let Some(h) = w.hash {
                        return Ok(h);
                    }
                    let Some(target) = w.target else {
                        return Err(self.type_error("weak object has gone away"));
                    };
                    let h = self.hash(Value::Obj(target))?;
                    if let Kind::WeakRef(w) = self.heap.kind_mut(r) {
                        w.hash = Some(h);
                    }
                    return Ok(h);
                }
                // Equal built-ins (same function and self) hash alike.
                Kind::Builtin(b) => return Ok(crate::objects::str::str_hash(b.name)),
                Kind::Method(f, s) => {
                    let (f, s) = (*f, *s);
                    let a = self.hash(s)?;
                    let b = self.hash(f)?;
                    return Ok(a ^ b);
                }
                _ => return Ok(self.pointer_hash(Value::Obj(r))),
            }
        }
        // A heap type: __hash__ from the MRO (None when __eq__ is defined without it).
        match self.lookup_type_str(ty, "__hash__") {
            None => Ok(self.pointer_hash(Value::Obj(r))),
            Some(Value::None) => {
                let tn = self.type_name(ty);
                Err(self.type_error(format!("unhashable type: '{tn}'")))
            }
            Some(h) => {
                if self.is_native_slot(h, "__hash__") {
                    self.decref(h);
                    return self.hash_builtin_base(r);
                }
                let res = self.call(h, &[Value::Obj(r)], &[]);
                self.decref(h);
                let res = res?;
                let out = match res {
                    Value::Int(i, _) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(b as i64),
                    Value::Obj(o) if matches!(self.heap.kind(o), Kind::BigInt(_)) => {
                        match self.heap.kind(o) {
                            Kind::BigInt(b) => Ok(hash_big(b)),
                            _ => Ok(0),
                        }
                    }
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                };
                self.decref(res);
                out
            }
        }
    }

    /// The hash of a heap-type instance whose `__hash__` is inherited from a built-in.
    fn hash_builtin_base(&mut self, r: ObjRef) -> PResult<i64> {
        match self.heap.kind(r) {
            Kind::Str(s) => Ok(s.hash),
            Kind::BigInt(b) => Ok(hash_big(b)),
            Kind::Tuple(items) => {
                let items = items.to_vec();
                self.tuple_hash(&items)
            }
            Kind::Exception(_) | Kind::Object => Ok(self.pointer_hash(Value::Obj(r))),
            _ => {
                if let Some(v) = self.int_value_of(Value::Obj(r)) {
                    return Ok(hash_i64(v));
                }
                Ok(self.pointer_hash(Value::Obj(r)))
            }
        }
    }

    pub fn tuple_hash(&mut self, items: &[Value]) -> PResult<i64> {
        let mut acc: u64 = XXPRIME_5;
        for v in items {
            let lane = self.hash(*v)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(XXPRIME_1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }

    /// Equality without running Python code, when the answer is certain.
    pub fn fast_eq(&self, a: Value, b: Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x, _), Value::Int(y, _)) => Some(x == y),
            (Value::Float(x, _), Value::Float(y, _)) => Some(x == y),
            (Value::Int(x, _), Value::Float(y, _)) | (Value::Float(y, _), Value::Int(x, _)) => {
                Some(x as f64 == y && (y.fract() == 0.0))
            }
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            (Value::Bool(x), Value::Int(y, _)) | (Value::Int(y, _), Value::Bool(x)) => {
                Some(x as i64 == y)
            }
            (Value::None, Value::None) => Some(true),
            (Value::None, _) | (_, Value::None) => {
                let other = if a.is_none() { b } else { a };
                match other {
                    Value::Obj(r) if self.type_is_heap(self.heap.ty(r)) => None,
                    _ => Some(false),
                }
            }
            (Value::Obj(x), Value::Obj(y)) => {
                if x == y {
                    return Some(true);
                }
                match (self.heap.kind(x), self.heap.kind(y)) {
                    (Kind::Str(p), Kind::Str(q))
                        if self.heap.ty(x) == t::STR && self.heap.ty(y) == t::STR =>
                    {
                        Some(p.hash == q.hash && p.s == q.s)
                    }
                    (Kind::Str(_), _) | (_, Kind::Str(_))
                        if self.heap.ty(x) == t::STR && self.heap.ty(y) == t::STR =>
                    {
                        Some(false)
                    }
                    (Kind::BigInt(p), Kind::BigInt(q)) => Some(p == q),
                    _ => None,
                }
            }
            (Value::Obj(x), _) | (_, Value::Obj(x)) => match self.heap.kind(x) {
                Kind::Str(_)
                | Kind::Bytes(_)
                | Kind::Tuple(_)
                | Kind::List(_)
                | Kind::Dict(_)
                | Kind::Set(_)
                    if !self.type_is_heap(self.heap.ty(x)) =>
                {
                    Some(false)
                }
                Kind::BigInt(_) => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// `a == b` as `PyObject_RichCompareBool` (identity implies equality).
    pub fn eq(&mut self, a: Value, b: Value) -> PResult<bool> {
        if a.is(&b) {
            return Ok(true);
        }
        if let Some(r) = self.fast_eq(a, b) {
            return Ok(r);
        }
        let v = self.rich_compare(a, b, CmpOp::Eq)?;
        let r = self.truthy(v);
        self.decref(v);
        r
    }

    // ---- dicts --------------------------------------------------------------------------

    fn dict_ref(&self, d: ObjRef) -> Option<&crate::objects::Dict> {
        match self.heap.kind(d) {
            Kind::Dict(x) => Some(x),
            _ => None,
        }
    }

    /// Entry index of `key` in dict `d`.
    pub fn dict_lookup(&mut self, d: ObjRef, key: Value, hash: i64) -> PResult<Option<usize>> {
        let Some(dict) = self.dict_ref(d) else {
            return Ok(None);
        };
        let cands = dict.candidates(hash);
        for ix in cands {
            let k = match self.dict_ref(d).and_then(|x| x.entries.get(ix)) {
                Some(e) if !e.key.is_null() => e.key,
                _ => continue,
            };
            if k.is(&key) {
                return Ok(Some(ix));
            }
            let eq = match self.fast_eq(k, key) {
                Some(r) => r,
                None => {
                    self.incref(k);
                    let r = self.eq(k, key);
                    self.decref(k);
                    r?
                }
            };
            if eq {
                return Ok(Some(ix));
            }
        }
        Ok(None)
    }

    /// A borrowed value of `d[key]`.
    pub fn dict_get(&mut self, d: ObjRef, key: Value) -> PResult<Option<Value>> {
        let h = self.hash(key)?;
        let ix = self.dict_lookup(d, key, h)?;
        Ok(ix.and_then(|i| self.dict_ref(d).map(|x| x.entries[i].value)))
    }

    /// Fast lookup of an interned-or-not string key (no Python code can run).
    pub fn dict_get_str_ref(&self, d: ObjRef, key: ObjRef, hash: i64) -> Option<Value> {
        let dict = self.dict_ref(d)?;
        for ix in dict.candidates(hash) {
            let e = dict.entries[ix];
            if let Value::Obj(k) = e.key {
                if k == key {
                    return Some(e.value);
                }
                if let (Kind::Str(a), Kind::Str(b)) = (self.heap.kind(k), self.heap.kind(key)) {
                    if a.s == b.s {
                        return Some(e.value);
                    }
                }
            }
        }
        None
    }

    /// `d[s]` for a Rust string key.
    pub fn dict_get_str(&mut self, d: ObjRef, s: &str) -> Option<Value> {
        let k = self.intern(s);
        let h = match self.heap.kind(k) {
            Kind::Str(p) => p.hash,
            _ => 0,
        };
        self.dict_get_str_ref(d, k, h)
    }

    /// Whether a value may be (or become) tracked: `_PyObject_GC_MAY_BE_TRACKED`.
    pub fn may_be_tracked(&self, v: Value) -> bool {
        let Value::Obj(r) = v else { return false };
        let ty = self.heap.ty(r);
        if ty == t::TUPLE {
            return self.heap.is_tracked(r);
        }
        self.is_gc_object(r)
    }

    /// Whether an object is of a GC type.
    pub fn is_gc_object(&self, r: ObjRef) -> bool {
        match self.heap.kind(r) {
            Kind::Iter(it) => return it.is_gc(),
            Kind::Native(n) => return n.is_gc(),
            _ => {}
        }
        let ty = self.heap.ty(r);
        matches!(self.heap.kind(ty), Kind::Type(tt) if tt.flags & tflags::GC != 0)
    }

    /// `d[key] = value` (both borrowed).
    pub fn dict_set(&mut self, d: ObjRef, key: Value, value: Value) -> PResult<()> {
        let h = self.hash(key)?;
        self.dict_set_hashed(d, key, h, value)
    }

    pub fn dict_set_hashed(&mut self, d: ObjRef, key: Value, h: i64, value: Value) -> PResult<()> {
        let ix = self.dict_lookup(d, key, h)?;
        self.incref(value);
        if !self.heap.is_tracked(d) && (self.may_be_tracked(key) || self.may_be_tracked(value)) {
            self.heap.track(d);
        }
        match ix {
            Some(i) => {
                let old = match self.heap.kind_mut(d) {
                    Kind::Dict(x) => std::mem::replace(&mut x.entries[i].value, value),
                    _ => Value::Null,
                };
                self.decref(old);
            }
            None => {
                self.incref(key);
                let is_str = matches!(key, Value::Obj(k) if self.heap.ty(k) == t::STR);
                if let Kind::Dict(x) = self.heap.kind_mut(d) {
                    x.insert_new(h, key, value, is_str);
                }
            }
        }
        Ok(())
    }

    /// `d[s] = value` for a Rust string key (value borrowed).
    pub fn dict_set_str(&mut self, d: ObjRef, s: &str, value: Value) {
        let k = self.intern(s);
        let h = match self.heap.kind(k) {
            Kind::Str(p) => p.hash,
            _ => 0,
        };
        let _ = self.dict_set_hashed(d, Value::Obj(k), h, value);
    }

    /// `del d[key]`: the removed (key, value), owned, or `None` when absent.
    pub fn dict_remove(&mut self, d: ObjRef, key: Value) -> PResult<Option<(Value, Value)>> {
        let h = self.hash(key)?;
        let Some(ix) = self.dict_lookup(d, key, h)? else {
            return Ok(None);
        };
        Ok(match self.heap.kind_mut(d) {
            Kind::Dict(x) => Some(x.remove_at(ix)),
            _ => None,
        })
    }

    /// Live (key, value) pairs of a dict, borrowed, in order.
    pub fn dict_items(&self, d: ObjRef) -> Vec<(Value, Value)> {
        match self.heap.kind(d) {
            Kind::Dict(x) => x.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        }
    }

    pub fn dict_len(&self, d: ObjRef) -> usize {
        self.dict_ref(d).map(|x| x.len()).unwrap_or(0)
    }

    /// `_PyDict_MaybeUntrack`.
    pub fn dict_maybe_untrack(&mut self, d: ObjRef) {
        if !self.heap.is_tracked(d) {
            return;
        }
        let items = self.dict_items(d);
        if items
            .iter()
            .any(|(k, v)| self.may_be_tracked(*k) || self.may_be_tracked(*v))
        {
            return;
        }
        self.heap.untrack(d);
    }

    // ---- sets ---------------------------------------------------------------------------

    /// Table index of `key` in set `s`.
    pub fn set_lookup(&mut self, s: ObjRef, key: Value, hash: i64) -> PResult<Option<usize>> {
        let cands = match self.heap.kind(s) {
            Kind::Set(x) => x.candidates(hash),
            _ => return Ok(None),
        };
        for j in cands {
            let k = match self.heap.kind(s) {
                Kind::Set(x) => x.table.get(j).map(|e| e.key).unwrap_or(Value::Null),
                _ => Value::Null,
            };
            if k.is_null() {
                continue;
            }
            if k.is(&key) {
                return Ok(Some(j));
            }
            let eq = match self.fast_eq(k, key) {
                Some(r) => r,
                None => {
                    self.incref(k);
                    let r = self.eq(k, key);
                    self.decref(k);
                    r?
                }
            };
            if eq {
                return Ok(Some(j));
            }
        }
        Ok(None)
    }

    /// `s.add(key)` (key borrowed); returns whether it was added.
    pub fn set_add(&mut self, s: ObjRef, key: Value) -> PResult<bool> {
        let h = self.hash(key)?;
        self.set_add_hashed(s, key, h)
    }

    pub fn set_add_hashed(&mut self, s: ObjRef, key: Value, h: i64) -> PResult<bool> {
        if self.set_lookup(s, key, h)?.is_some() {
            return Ok(false);
        }
        self.incref(key);
        if let Kind::Set(x) = self.heap.kind_mut(s) {
            x.insert_new(h, key);
        }
        Ok(true)
    }

    pub fn set_contains(&mut self, s: ObjRef, key: Value) -> PResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `x in set` with an unhashable set key looks for the frozenset twin.
                if let Value::Obj(k) = key {
                    if self.heap.ty(k) == t::SET {
                        self.discard(e);
                        let fs = self.frozenset_from(k)?;
                        let r = self.set_contains(s, fs);
                        self.decref(fs);
                        return r;
                    }
                }
                return Err(e);
            }
        };
        Ok(self.set_lookup(s, key, h)?.is_some())
    }

    /// Removes `key`; returns the owned removed key.
    pub fn set_discard(&mut self, s: ObjRef, key: Value) -> PResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(j) = self.set_lookup(s, key, h)? else {
            return Ok(None);
        };
        Ok(match self.heap.kind_mut(s) {
            Kind::Set(x) => Some(x.remove_at(j)),
            _ => None,
        })
    }

    /// Live keys of a set, borrowed, in table order.
    pub fn set_items(&self, s: ObjRef) -> Vec<Value> {
        match self.heap.kind(s) {
            Kind::Set(x) => x.iter().map(|e| e.key).collect(),
            _ => Vec::new(),
        }
    }

    /// A frozenset with the same items as set `s`.
    pub fn frozenset_from(&mut self, s: ObjRef) -> PResult<Value> {
        let f = self.new_set(t::FROZENSET);
        self.set_merge(f, s)?;
        Ok(Value::Obj(f))
    }

    /// `set_merge(so, other)` for two set objects.
    pub fn set_merge(&mut self, so: ObjRef, other: ObjRef) -> PResult<()> {
        if so == other {
            return Ok(());
        }
        let (other_used, entries) = match self.heap.kind(other) {
            Kind::Set(o) => (
                o.used,
                o.iter().map(|e| (e.hash, e.key)).collect::<Vec<_>>(),
            ),
            _ => return Ok(()),
        };
        if other_used == 0 {
            return Ok(());
        }
        let other_set = match self.heap.kind(other) {
            Kind::Set(o) => Some((o.table.clone(), o.fill, o.used)),
            _ => None,
        };
        let mut copied = false;
        if let Kind::Set(x) = self.heap.kind_mut(so) {
            x.reserve_for_merge(other_used);
            if let Some((table, fill, used)) = &other_set {
                let tmp = crate::objects::Set {
                    table: table.clone(),
                    fill: *fill,
                    used: *used,
                    finger: 0,
                    version: 0,
                };
                copied = x.copy_from_same_size(&tmp);
                if !copied && x.fill == 0 {
                    for (h, k) in &entries {
                        x.insert_clean(*h, *k);
                    }
                    copied = true;
                }
            }
        }
        if copied {
            for (_, k) in entries {
                self.incref(k);
            }
            return Ok(());
        }
        for (h, k) in entries {
            self.set_add_hashed(so, k, h)?;
        }
        Ok(())
    }
}
