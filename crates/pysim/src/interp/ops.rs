//! Operator protocols (CPython's `abstract.c` / `object.c`): binary operators with
//! reflected and in-place dunders and subclass priority, sequence concatenation and
//! repetition, rich comparison with the identity fallback for `==`, truth, `len`,
//! `in`, and subscripting (indices and slices) of built-in containers.

use super::number::Num;
use super::Vm;
use crate::code::{BinOp, CmpOp, Op};
use crate::objects::typeobj::Layout;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// `PySlice_AdjustIndices` output.
#[derive(Debug, Clone, Copy)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

impl Vm {
    pub fn not_implemented(&mut self) -> Value {
        self.incref_obj(self.not_implemented);
        Value::Obj(self.not_implemented)
    }

    pub fn is_not_implemented(&self, v: Value) -> bool {
        v.as_obj() == Some(self.not_implemented)
    }

    /// Whether a type is a heap type that overrides a dunder (i.e. defines it in Python
    /// somewhere in its MRO, not just inheriting the built-in one).
    pub fn user_dunder(&mut self, ty: ObjRef, name: &str) -> Option<Value> {
        let native_type = self.type_flags(ty) & crate::objects::typeobj::tflags::NATIVE != 0;
        if !self.type_is_heap(ty) && !native_type {
            return None;
        }
        let v = self.lookup_type_str(ty, name)?;
        if !native_type && self.is_native_slot(v, name) {
            self.decref(v);
            return None;
        }
        Some(v)
    }

    /// A dunder defined by a native module's type itself (not inherited from `object`).
    pub fn native_dunder(&mut self, ty: ObjRef, name: &str) -> Option<Value> {
        if self.type_flags(ty) & crate::objects::typeobj::tflags::NATIVE == 0 {
            return None;
        }
        let v = self.lookup_type_str(ty, name)?;
        let from_object = matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::MethodDescr(m) if m.owner == t::OBJECT));
        if from_object {
            self.decref(v);
            return None;
        }
        Some(v)
    }

    /// Calls a user dunder, `Ok(None)` if it returned NotImplemented.
    fn call_dunder(&mut self, f: Value, args: &[Value]) -> PResult<Option<Value>> {
        let r = self.call(f, args, &[]);
        self.decref(f);
        let r = r?;
        if self.is_not_implemented(r) {
            self.decref(r);
            return Ok(None);
        }
        Ok(Some(r))
    }

    /// `a <op> b` (or `a <op>= b`).
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PResult<Value> {
        if let Some(tg) = self.proxy_target(a)? {
            self.incref(tg);
            let r = self.binary_op(tg, b, op, inplace);
            self.decref(tg);
            return r;
        }
        if let Some(tg) = self.proxy_target(b)? {
            self.incref(tg);
            let r = self.binary_op(a, tg, op, inplace);
            self.decref(tg);
            return r;
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if inplace {
            if let Some(f) = self.user_dunder(ta, op.idunder()) {
                if let Some(r) = self.call_dunder(f, &[a, b])? {
                    return Ok(r);
                }
            } else if let Some(r) = self.builtin_inplace(a, b, op)? {
                return Ok(r);
            }
        }
        // User-defined operators, with the reflected one first for a subclass operand
        // (CPython's SLOT1BINFULL / binary_op1).
        if self.type_is_heap(ta) || self.type_is_heap(tb) {
            let fa = self.user_dunder(ta, op.dunder());
            let mut fb = if ta != tb {
                self.user_dunder(tb, op.rdunder())
            } else {
                None
            };
            if fb.is_some() && self.is_subtype(tb, ta) {
                if let Some(f) = fb.take() {
                    if let Some(r) = self.call_dunder(f, &[b, a])? {
                        if let Some(f) = fa {
                            self.decref(f);
                        }
                        return Ok(r);
                    }
                }
            }
            let first = match fa {
                Some(f) => self.call_dunder(f, &[a, b]),
                None => self.builtin_binary(a, b, op),
            };
            match first {
                Ok(Some(r)) => {
                    if let Some(f) = fb {
                        self.decref(f);
                    }
                    return Ok(r);
                }
                Ok(None) => {}
                Err(e) => {
                    if let Some(f) = fb {
                        self.decref(f);
                    }
                    return Err(e);
                }
            }
            if let Some(f) = fb {
                if let Some(r) = self.call_dunder(f, &[b, a])? {
                    return Ok(r);
                }
            }
        } else if let Some(r) = self.builtin_binary(a, b, op)? {
            return Ok(r);
        }
        Err(self.binop_type_error(a, b, op, inplace))
    }

    fn binop_type_error(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> crate::Throw {
        let (na, nb) = (self.type_name_of(a), self.type_name_of(b));
        // Sequence-specific messages.
        let la = self.layout_of(a);
        match (op, la) {
            (BinOp::Add, Some(Layout::Str)) => {
                return self.type_error(format!("can only concatenate str (not \"{nb}\") to str"))
            }
            (BinOp::Add, Some(Layout::List)) => {
                return self.type_error(format!("can only concatenate list (not \"{nb}\") to list"))
            }
            (BinOp::Add, Some(Layout::Tuple)) => {
                return self.type_error(format!(
                    "can only concatenate tuple (not \"{nb}\") to tuple"
                ))
            }
            (BinOp::Add, Some(Layout::Bytes)) => {
                return self.type_error(format!("can't concat {nb} to {na}"))
            }
            (
                BinOp::Mul,
                Some(
                    Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes | Layout::ByteArray,
                ),
            ) => {
                return self
                    .type_error(format!("can't multiply sequence by non-int of type '{nb}'"))
            }
            _ => {}
        }
        if op == BinOp::Mul
            && matches!(
                self.layout_of(b),
                Some(Layout::Str | Layout::List | Layout::Tuple | Layout::Bytes)
            )
        {
            return self.type_error(format!("can't multiply sequence by non-int of type '{na}'"));
        }
        let sym = if inplace {
            format!("{}=", op.symbol().trim_end_matches(" or pow()"))
        } else {
            op.symbol().to_string()
        };
        let sym = if op == BinOp::Pow && !inplace {
            "** or pow()".to_string()
        } else {
            sym
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
        ))
    }

    /// The built-in layout of a value's type.
    pub fn layout_of(&self, v: Value) -> Option<Layout> {
        match self.heap.kind(self.type_of(v)) {
            Kind::Type(tt) => Some(tt.layout),
            _ => None,
        }
    }

    /// In-place operators of built-in mutable containers.
    fn builtin_inplace(&mut self, a: Value, b: Value, op: BinOp) -> PResult<Option<Value>> {
        let Value::Obj(ra) = a else { return Ok(None) };
        match (self.heap.kind(ra), op) {
            (Kind::List(_), BinOp::Add) => {
                self.list_extend(ra, b)?;
                self.incref(a);
                Ok(Some(a))
            }
            (Kind::List(_), BinOp::Mul) => {
                let Some(n) = self.index_of(b)? else {
                    return Ok(None);
                };
                self.list_imul(ra, n);
                self.incref(a);
                Ok(Some(a))
            }
            (Kind::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                if self.heap.ty(ra) != t::FROZENSET =>
            {
                if !matches!(b, Value::Obj(rb) if matches!(self.heap.kind(rb), Kind::Set(_))) {
                    return Ok(None);
                }
                self.set_inplace(ra, b, op)?;
                self.incref(a);
                Ok(Some(a))
            }
            (Kind::Dict(_), BinOp::Or) => {
                if !matches!(b, Value::Obj(rb) if matches!(self.heap.kind(rb), Kind::Dict(_)))
                    && !self.has_keys_method(b)
                {
                    return Ok(None);
                }
                self.dict_update(ra, b)?;
                self.incref(a);
                Ok(Some(a))
            }
            (Kind::ByteArray(_), BinOp::Add) => {
                let other = self.bytes_like(b);
                let Some(other) = other else { return Ok(None) };
                if let Kind::ByteArray(ba) = self.heap.kind_mut(ra) {
                    let n = ba.data.len() + other.len();
                    ba.resize(n);
                    ba.data.extend_from_slice(&other);
                }
                self.incref(a);
                Ok(Some(a))
            }
            _ => Ok(None),
        }
    }

    /// The bytes of a bytes-like value.
    pub fn bytes_like(&self, v: Value) -> Option<Vec<u8>> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Bytes(b) => Some(b.to_vec()),
                Kind::ByteArray(b) => Some(b.data.clone()),
                Kind::MemoryView(m) => {
                    let base = self.bytes_like(m.obj)?;
                    Some(base.get(m.start..m.start + m.len).unwrap_or(&[]).to_vec())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Built-in binary operators; `Ok(None)` for NotImplemented.
    pub fn builtin_binary(&mut self, a: Value, b: Value, op: BinOp) -> PResult<Option<Value>> {
        if let Some(r) = self.num_binary(a, b, op)? {
            return Ok(Some(r));
        }
        if op == BinOp::Or && (self.is_type_like(a) || self.is_type_like(b)) {
            let r = self.union_type(a, b)?;
            if !self.is_not_implemented(r) {
                return Ok(Some(r));
            }
            self.decref(r);
        }
        let (Value::Obj(ra), _) = (a, b) else {
            // int * sequence
            if op == BinOp::Mul {
                if let Value::Obj(rb) = b {
                    if self.is_sequence_kind(rb) {
                        if let Some(n) = self.index_of(a)? {
                            return self.seq_repeat(rb, n).map(Some);
                        }
                    }
                }
            }
            return Ok(None);
        };
        let la = self.layout_of(a);
        match op {
            BinOp::Add => {
                let lb = self.layout_of(b);
                match (la, lb) {
                    (Some(Layout::Str), Some(Layout::Str)) => {
                        let s = format!("{}{}", self.str_of(ra), self.as_str(b).unwrap_or(""));
                        return Ok(Some(self.new_string(s)));
                    }
                    (Some(Layout::List), Some(Layout::List)) => {
                        let mut items = self.list_items(ra);
                        items.extend(self.list_items(b.as_obj().unwrap_or(ra)));
                        for v in &items {
                            self.incref(*v);
                        }
                        return Ok(Some(self.new_list(items)));
                    }
                    (Some(Layout::Tuple), Some(Layout::Tuple)) => {
                        let mut items = self.tuple_items(a);
                        if items.is_empty() && self.heap.ty(b.as_obj().unwrap_or(ra)) == t::TUPLE {
                            self.incref(b);
                            return Ok(Some(b));
                        }
                        let other = self.tuple_items(b);
                        if other.is_empty() && self.heap.ty(ra) == t::TUPLE {
                            self.incref(a);
                            return Ok(Some(a));
                        }
                        items.extend(other);
                        for v in &items {
                            self.incref(*v);
                        }
                        return Ok(Some(self.new_tuple(items)));
                    }
                    (Some(Layout::Bytes | Layout::ByteArray), _) => {
                        if let (Some(x), Some(y)) = (self.bytes_like(a), self.bytes_like(b)) {
                            let mut v = x;
                            v.extend(y);
                            return Ok(Some(if la == Some(Layout::ByteArray) {
                                self.new_bytearray(v)
                            } else {
                                self.new_bytes(v)
                            }));
                        }
                    }
                    _ => {}
                }
            }
            BinOp::Mul => {
                if self.is_sequence_kind(ra) {
                    if let Some(n) = self.index_of(b)? {
                        return self.seq_repeat(ra, n).map(Some);
                    }
                    return Ok(None);
                }
                if let Value::Obj(rb) = b {
                    if self.is_sequence_kind(rb) {
                        if let Some(n) = self.index_of(a)? {
                            return self.seq_repeat(rb, n).map(Some);
                        }
                    }
                }
            }
            BinOp::Mod => {
                if la == Some(Layout::Str) {
                    let fmt = self.str_of(ra).to_string();
                    let s = self.printf_format(&fmt, b)?;
                    return Ok(Some(self.new_string(s)));
                }
                if matches!(la, Some(Layout::Bytes | Layout::ByteArray)) {
                    return self.bytes_printf(a, b).map(Some);
                }
            }
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor => {
                if matches!(la, Some(Layout::Set | Layout::FrozenSet)) {
                    if let Value::Obj(rb) = b {
                        if matches!(self.heap.kind(rb), Kind::Set(_)) {
                            return self.set_binary(ra, rb, op).map(Some);
                        }
                    }
                    return Ok(None);
                }
                if la == Some(Layout::Dict) && op == BinOp::Or {
                    if let Value::Obj(rb) = b {
                        if matches!(self.heap.kind(rb), Kind::Dict(_)) {
                            let d = self.dict_copy(ra)?;
                            self.dict_update(d, b)?;
                            return Ok(Some(Value::Obj(d)));
                        }
                    }
                }
                if let Some(r) = self.dict_view_setop(a, b, op)? {
                    return Ok(Some(r));
                }
            }
            _ => {}
        }
        Ok(None)
    }

    fn is_sequence_kind(&self, r: ObjRef) -> bool {
        matches!(
            self.heap.kind(r),
            Kind::Str(_) | Kind::List(_) | Kind::Tuple(_) | Kind::Bytes(_) | Kind::ByteArray(_)
        )
    }

    /// `seq * n`.
    pub fn seq_repeat(&mut self, r: ObjRef, n: i64) -> PResult<Value> {
        let n = n.max(0) as usize;
        let ty = self.heap.ty(r);
        match self.heap.kind(r) {
            Kind::Str(s) => {
                if n == 1 && ty == t::STR {
                    self.incref_obj(r);
                    return Ok(Value::Obj(r));
                }
                if s.s.len().saturating_mul(n) > self.limits.max_heap_bytes as usize {
                    return Err(self.exc(t::MEMORY_ERROR, ""));
                }
                let out = s.s.repeat(n);
                Ok(self.new_string(out))
            }
            Kind::Bytes(b) => {
                let out = b.repeat(n);
                Ok(self.new_bytes(out))
            }
            Kind::ByteArray(b) => {
                let out = b.data.repeat(n);
                Ok(self.new_bytearray(out))
            }
            Kind::List(l) => {
                if l.items.len().saturating_mul(n) > self.max_objects {
                    return Err(self.exc(t::MEMORY_ERROR, ""));
                }
                let mut items = Vec::with_capacity(l.items.len() * n);
                for _ in 0..n {
                    items.extend_from_slice(&l.items);
                }
                for v in &items {
                    self.incref(*v);
                }
                Ok(self.new_list(items))
            }
            Kind::Tuple(tp) => {
                if n == 1 && ty == t::TUPLE {
                    self.incref_obj(r);
                    return Ok(Value::Obj(r));
                }
                if tp.len().saturating_mul(n) > self.max_objects {
                    return Err(self.exc(t::MEMORY_ERROR, ""));
                }
                let mut items = Vec::with_capacity(tp.len() * n);
                for _ in 0..n {
                    items.extend_from_slice(tp);
                }
                for v in &items {
                    self.incref(*v);
                }
                Ok(self.new_tuple(items))
            }
            _ => Ok(self.not_implemented()),
        }
    }

    fn list_imul(&mut self, r: ObjRef, n: i64) {
        let items = self.list_items(r);
        if n <= 0 {
            let old = match self.heap.kind_mut(r) {
                Kind::List(l) => {
                    l.alloc = 0;
                    std::mem::take(&mut l.items)
                }
                _ => Vec::new(),
            };
            self.decref_all(old.into_iter().rev());
            return;
        }
        let mut extra = Vec::new();
        for _ in 1..n {
            extra.extend_from_slice(&items);
        }
        for v in &extra {
            self.incref(*v);
        }
        if let Kind::List(l) = self.heap.kind_mut(r) {
            let newsize = l.items.len() + extra.len();
            l.resize(newsize);
            l.items.extend(extra);
        }
    }

    /// `__index__`: an int from ints, bools or objects defining `__index__`.
    pub fn index_of(&mut self, v: Value) -> PResult<Option<i64>> {
        match v {
            Value::Int(i, _) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::Obj(r) => {
                if let Kind::BigInt(b) = self.heap.kind(r) {
                    use num_traits::ToPrimitive;
                    return match b.to_i64() {
                        Some(i) => Ok(Some(i)),
                        None => Err(self.exc(
                            t::INDEX_ERROR,
                            "cannot fit 'int' into an index-sized integer",
                        )),
                    };
                }
                let ty = self.heap.ty(r);
                if let Some(f) = self.user_dunder(ty, "__index__") {
                    let res = self.call(f, &[v], &[]);
                    self.decref(f);
                    let res = res?;
                    let i = self.int_value_of(res);
                    self.decref(res);
                    return Ok(i);
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// An index argument, with CPython's error for non-integers.
    pub fn index_arg(&mut self, v: Value) -> PResult<i64> {
        match self.index_of(v)? {
            Some(i) => Ok(i),
            None => {
                let tn = self.type_name_of(v);
                Err(self.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    pub fn unary_op(&mut self, a: Value, op: Op) -> PResult<Value> {
        if let Some(tg) = self.proxy_target(a)? {
            self.incref(tg);
            let r = self.unary_op(tg, op);
            self.decref(tg);
            return r;
        }
        let name = match op {
            Op::UnaryNeg => "__neg__",
            Op::UnaryPos => "__pos__",
            _ => "__invert__",
        };
        let ty = self.type_of(a);
        if let Some(f) = self.user_dunder(ty, name) {
            let r = self.call(f, &[a], &[]);
            self.decref(f);
            return r;
        }
        if let Some(n) = self.num_of(a) {
            let r = match (op, n) {
                (Op::UnaryNeg, Num::I(i)) => match i.checked_neg() {
                    Some(v) => Num::I(v),
                    None => Num::B(-num_bigint::BigInt::from(i)),
                },
                (Op::UnaryNeg, Num::B(b)) => Num::B(-b),
                (Op::UnaryNeg, Num::F(f)) => Num::F(-f),
                (Op::UnaryNeg, Num::C(x, y)) => Num::C(-x, -y),
                (Op::UnaryPos, n) => n,
                (Op::UnaryInvert, Num::I(i)) => Num::I(!i),
                (Op::UnaryInvert, Num::B(b)) => Num::B(-b - 1),
                _ => {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(format!("bad operand type for unary ~: '{tn}'")));
                }
            };
            return Ok(self.num_value(r));
        }
        let sym = match op {
            Op::UnaryNeg => "-",
            Op::UnaryPos => "+",
            _ => "~",
        };
        let tn = self.type_name(ty);
        Err(self.type_error(format!("bad operand type for unary {sym}: '{tn}'")))
    }

    /// Truth value (`PyObject_IsTrue`).
    pub fn truthy(&mut self, v: Value) -> PResult<bool> {
        match v {
            Value::None | Value::Null => Ok(false),
            Value::Bool(b) => Ok(b),
            Value::Int(i, _) => Ok(i != 0),
            Value::Float(f, _) => Ok(f != 0.0),
            Value::Obj(r) => {
                if let Some(tg) = self.proxy_target(v)? {
                    self.incref(tg);
                    let r = self.truthy(tg);
                    self.decref(tg);
                    return r;
                }
                let ty = self.heap.ty(r);
                if self.type_is_heap(ty) {
                    if let Some(f) = self.user_dunder(ty, "__bool__") {
                        let res = self.call(f, &[v], &[]);
                        self.decref(f);
                        let res = res?;
                        return match res {
                            Value::Bool(b) => Ok(b),
                            other => {
                                let tn = self.type_name_of(other);
                                self.decref(other);
                                Err(self.type_error(format!(
                                    "__bool__ should return bool, returned {tn}"
                                )))
                            }
                        };
                    }
                    if let Some(f) = self.user_dunder(ty, "__len__") {
                        let res = self.call(f, &[v], &[]);
                        self.decref(f);
                        let res = res?;
                        let n = self.int_value_of(res);
                        self.decref(res);
                        return match n {
                            Some(n) if n >= 0 => Ok(n != 0),
                            Some(_) => Err(self.value_error("__len__() should return >= 0")),
                            None => Err(self
                                .type_error("'float' object cannot be interpreted as an integer")),
                        };
                    }
                }
                Ok(match self.heap.kind(r) {
                    Kind::Str(s) => !s.s.is_empty(),
                    Kind::Bytes(b) => !b.is_empty(),
                    Kind::ByteArray(b) => !b.data.is_empty(),
                    Kind::List(l) => !l.items.is_empty(),
                    Kind::Tuple(tp) => !tp.is_empty(),
                    Kind::Dict(d) => !d.is_empty(),
                    Kind::Set(s) => !s.is_empty(),
                    Kind::BigInt(b) => !num_traits::Zero::is_zero(&**b),
                    Kind::Float(f) => *f != 0.0,
                    Kind::Complex(a, b) => *a != 0.0 || *b != 0.0,
                    Kind::Range(rg) => rg.len() != 0,
                    Kind::DictView(d, _) | Kind::MappingProxy(d) => self.dict_len(*d) != 0,
                    _ => {
                        if let Some(f) = self.lookup_type_str(ty, "__len__") {
                            let res = self.call(f, &[v], &[]);
                            self.decref(f);
                            let res = res?;
                            let n = self.int_value_of(res).unwrap_or(1);
                            self.decref(res);
                            return Ok(n != 0);
                        }
                        true
                    }
                })
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PResult<usize> {
        if let Some(tg) = self.proxy_target(v)? {
            self.incref(tg);
            let r = self.len(tg);
            self.decref(tg);
            return r;
        }
        if let Value::Obj(r) = v {
            let ty = self.heap.ty(r);
            if let Some(f) = self.user_dunder(ty, "__len__") {
                let res = self.call(f, &[v], &[]);
                self.decref(f);
                let res = res?;
                let n = self.index_of(res);
                let tn = self.type_name_of(res);
                self.decref(res);
                return match n? {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(self.value_error("__len__() should return >= 0")),
                    None => Err(self
                        .type_error(format!("'{tn}' object cannot be interpreted as an integer"))),
                };
            }
            let n = match self.heap.kind(r) {
                Kind::Str(s) => Some(s.len),
                Kind::Bytes(b) => Some(b.len()),
                Kind::ByteArray(b) => Some(b.data.len()),
                Kind::List(l) => Some(l.items.len()),
                Kind::Tuple(tp) => Some(tp.len()),
                Kind::Dict(d) => Some(d.len()),
                Kind::Set(s) => Some(s.len()),
                Kind::Range(rg) => {
                    let n = rg.len();
                    if n > i64::MAX as i128 {
                        return Err(
                            self.overflow_error("Python int too large to convert to C ssize_t")
                        );
                    }
                    Some(n as usize)
                }
                Kind::DictView(d, _) | Kind::MappingProxy(d) => Some(self.dict_len(*d)),
                Kind::MemoryView(m) => Some(m.len),
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n);
            }
            if let Some(f) = self.lookup_type_str(ty, "__len__") {
                let res = self.call(f, &[v], &[]);
                self.decref(f);
                let res = res?;
                let n = self.int_value_of(res).unwrap_or(0);
                self.decref(res);
                return Ok(n.max(0) as usize);
            }
        }
        let tn = self.type_name_of(v);
        Err(self.type_error(format!("object of type '{tn}' has no len()")))
    }

    /// Rich comparison `a <op> b` (a new reference).
    pub fn rich_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PResult<Value> {
        if let Some(tg) = self.proxy_target(a)? {
            self.incref(tg);
            let r = self.rich_compare(tg, b, op);
            self.decref(tg);
            return r;
        }
        if let Some(tg) = self.proxy_target(b)? {
            self.incref(tg);
            let r = self.rich_compare(a, tg, op);
            self.decref(tg);
            return r;
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let mut checked_reverse = false;
        if ta != tb && self.is_subtype(tb, ta) && self.type_is_heap(tb) {
            checked_reverse = true;
            if let Some(r) = self.richcmp_slot(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        if let Some(r) = self.richcmp_slot(a, b, op)? {
            return Ok(r);
        }
        if !checked_reverse {
            if let Some(r) = self.richcmp_slot(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(&b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(&b))),
            _ => {
                let (na, nb) = (self.type_name(ta), self.type_name(tb));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{na}' and '{nb}'",
                    op.symbol()
                )))
            }
        }
    }

    /// One side's comparison: a user dunder or the built-in one (`None`:
    /// NotImplemented).
    fn richcmp_slot(&mut self, a: Value, b: Value, op: CmpOp) -> PResult<Option<Value>> {
        let ta = self.type_of(a);
        if self.type_is_heap(ta) {
            if let Some(f) = self.user_dunder(ta, op.dunder()) {
                return self.call_dunder(f, &[a, b]);
            }
            if op == CmpOp::Ne {
                // object.__ne__ delegates to __eq__ and inverts it.
                if let Some(f) = self.user_dunder(ta, "__eq__") {
                    return match self.call_dunder(f, &[a, b])? {
                        Some(r) => {
                            let t = self.truthy(r);
                            self.decref(r);
                            Ok(Some(Value::Bool(!t?)))
                        }
                        None => Ok(None),
                    };
                }
            }
        }
        self.builtin_richcompare(a, b, op)
    }

    /// Built-in comparisons (`None`: NotImplemented).
    pub fn builtin_richcompare(&mut self, a: Value, b: Value, op: CmpOp) -> PResult<Option<Value>> {
        if let Some(r) = self.num_compare(a, b, op) {
            return Ok(Some(Value::Bool(r)));
        }
        let (Value::Obj(ra), Value::Obj(rb)) = (a, b) else {
            return Ok(None);
        };
        let (la, lb) = (self.layout_of(a), self.layout_of(b));
        let ord_result = |o: std::cmp::Ordering| -> bool {
            use std::cmp::Ordering::*;
            match op {
                CmpOp::Lt => o == Less,
                CmpOp::Le => o != Greater,
                CmpOp::Eq => o == Equal,
                CmpOp::Ne => o != Equal,
                CmpOp::Gt => o == Greater,
                CmpOp::Ge => o != Less,
            }
        };
        match (la, lb) {
            (Some(Layout::Str), Some(Layout::Str)) => {
                let o = self.str_of(ra).cmp(self.str_of(rb));
                return Ok(Some(Value::Bool(ord_result(o))));
            }
            (Some(Layout::Bytes | Layout::ByteArray), Some(Layout::Bytes | Layout::ByteArray)) => {
                let x = self.bytes_like(a).unwrap_or_default();
                let y = self.bytes_like(b).unwrap_or_default();
                return Ok(Some(Value::Bool(ord_result(x.cmp(&y)))));
            }
            (Some(Layout::List), Some(Layout::List))
            | (Some(Layout::Tuple), Some(Layout::Tuple)) => {
                let x = if la == Some(Layout::List) {
                    self.list_items(ra)
                } else {
                    self.tuple_items(a)
                };
                let y = if la == Some(Layout::List) {
                    self.list_items(rb)
                } else {
                    self.tuple_items(b)
                };
                return self.seq_compare(&x, &y, op).map(Some);
            }
            (Some(Layout::Dict), Some(Layout::Dict)) => {
                if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    return Ok(None);
                }
                let eq = self.dict_equal(ra, rb)?;
                return Ok(Some(Value::Bool(eq == (op == CmpOp::Eq))));
            }
            (Some(Layout::Set | Layout::FrozenSet), Some(Layout::Set | Layout::FrozenSet)) => {
                return self.set_compare(ra, rb, op).map(Some);
            }
            _ => {}
        }
        match (self.heap.kind(ra), self.heap.kind(rb)) {
            (Kind::Range(x), Kind::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (x, y) = (**x, **y);
                let eq = range_eq(&x, &y);
                return Ok(Some(Value::Bool(eq == (op == CmpOp::Eq))));
            }
            (Kind::DictView(..), _) | (_, Kind::DictView(..)) => {
                return self.dict_view_compare(a, b, op)
            }
            (Kind::WeakRef(x), Kind::WeakRef(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (tx, ty_) = (x.target, y.target);
                let eq = match (tx, ty_) {
                    (Some(p), Some(q)) => self.eq(Value::Obj(p), Value::Obj(q))?,
                    _ => ra == rb,
                };
                return Ok(Some(Value::Bool(eq == (op == CmpOp::Eq))));
            }
            (Kind::Builtin(b1), Kind::Builtin(b2)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = std::ptr::fn_addr_eq(b1.f, b2.f)
                    && b1.name == b2.name
                    && b1.self_.is(&b2.self_);
                return Ok(Some(Value::Bool(eq == (op == CmpOp::Eq))));
            }
            (Kind::Method(f1, s1), Kind::Method(f2, s2)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = f1.is(f2) && s1.is(s2);
                return Ok(Some(Value::Bool(eq == (op == CmpOp::Eq))));
            }
            (Kind::Slice(x), Kind::Slice(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                return self.seq_compare(&x, &y, op).map(Some);
            }
            _ => {}
        }
        Ok(None)
    }

    /// Lexicographic comparison of two sequences.
    pub fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PResult<Value> {
        for v in x.iter().chain(y.iter()) {
            self.incref(*v);
        }
        let r = self.seq_compare_inner(x, y, op);
        for v in x.iter().chain(y.iter()) {
            self.decref(*v);
        }
        r
    }

    fn seq_compare_inner(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PResult<Value> {
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq(x[i], y[i])? {
                if op == CmpOp::Eq {
                    return Ok(Value::Bool(false));
                }
                if op == CmpOp::Ne {
                    return Ok(Value::Bool(true));
                }
                return self.rich_compare(x[i], y[i], op);
            }
        }
        let o = x.len().cmp(&y.len());
        use std::cmp::Ordering::*;
        Ok(Value::Bool(match op {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }))
    }

    fn dict_equal(&mut self, a: ObjRef, b: ObjRef) -> PResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        for (k, v) in self.dict_items(a) {
            self.incref(k);
            self.incref(v);
            let other = self.dict_get(b, k);
            let res = match other {
                Ok(Some(w)) => {
                    self.incref(w);
                    let r = self.eq(v, w);
                    self.decref(w);
                    r
                }
                Ok(None) => Ok(false),
                Err(e) => Err(e),
            };
            self.decref(k);
            self.decref(v);
            if !res? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PResult<bool> {
        if let Some(tg) = self.proxy_target(container)? {
            self.incref(tg);
            let r = self.contains(tg, item);
            self.decref(tg);
            return r;
        }
        let ty = self.type_of(container);
        if let Some(f) = self.user_dunder(ty, "__contains__") {
            let r = self.call(f, &[container, item], &[]);
            self.decref(f);
            let r = r?;
            let b = self.truthy(r);
            self.decref(r);
            return b;
        }
        if let Value::Obj(r) = container {
            match self.heap.kind(r) {
                Kind::Str(s) => {
                    let hay = s.s.clone();
                    return match self.as_str(item) {
                        Some(needle) => Ok(hay.contains(needle)),
                        None => {
                            let tn = self.type_name_of(item);
                            Err(self.type_error(format!(
                                "'in <string>' requires string as left operand, not {tn}"
                            )))
                        }
                    };
                }
                Kind::List(_) | Kind::Tuple(_) => {
                    let items = if let Kind::List(l) = self.heap.kind(r) {
                        l.items.clone()
                    } else {
                        self.tuple_items(container)
                    };
                    for v in items {
                        if v.is(&item) {
                            return Ok(true);
                        }
                        self.incref(v);
                        let e = self.eq(v, item);
                        self.decref(v);
                        if e? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Kind::Dict(_) => return Ok(self.dict_get(r, item)?.is_some()),
                Kind::Set(_) => return self.set_contains(r, item),
                Kind::DictView(d, kind) => {
                    let (d, kind) = (*d, *kind);
                    return self.dict_view_contains(d, kind, item);
                }
                Kind::Range(rg) => {
                    let rg = **rg;
                    if let Some(i) = self.int_value_of(item) {
                        if matches!(item, Value::Int(..) | Value::Bool(_)) {
                            let i = i as i128;
                            let inside = if rg.step > 0 {
                                i >= rg.start && i < rg.stop
                            } else {
                                i <= rg.start && i > rg.stop
                            };
                            return Ok(inside && (i - rg.start) % rg.step == 0);
                        }
                    }
                }
                Kind::Bytes(_) | Kind::ByteArray(_) => {
                    let hay = self.bytes_like(container).unwrap_or_default();
                    if let Some(i) = self.int_value_of(item) {
                        return Ok(hay.contains(&(i as u8)));
                    }
                    if let Some(n) = self.bytes_like(item) {
                        return Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == n.as_slice()));
                    }
                }
                _ => {}
            }
        }
        // Fall back on iteration.
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) => {
                if self.throw_is(&e, t::TYPE_ERROR) {
                    self.discard(e);
                    let tn = self.type_name(ty);
                    return Err(self.type_error(format!("argument of type '{tn}' is not iterable")));
                }
                return Err(e);
            }
        };
        let res = loop {
            match self.next(it) {
                Ok(Some(v)) => {
                    let e = self.eq(v, item);
                    self.decref(v);
                    match e {
                        Ok(true) => break Ok(true),
                        Ok(false) => {}
                        Err(e) => break Err(e),
                    }
                }
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.decref(it);
        res
    }

    /// `PySlice_GetIndicesEx`.
    pub fn slice_indices(&mut self, s: ObjRef, len: usize) -> PResult<SliceIdx> {
        let (a, b, c) = match self.heap.kind(s) {
            Kind::Slice(parts) => (parts[0], parts[1], parts[2]),
            _ => (Value::None, Value::None, Value::None),
        };
        let step = if c.is_none() { 1 } else { self.slice_int(c)? };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (def_start, def_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let adjust = |v: i64, is_stop: bool| -> i64 {
            let _ = is_stop;
            if v < 0 {
                let v = v + len;
                if v < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    v
                }
            } else if v >= len {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            } else {
                v
            }
        };
        let start = if a.is_none() {
            def_start
        } else {
            adjust(self.slice_int(a)?, false)
        };
        let stop = if b.is_none() {
            def_stop
        } else {
            adjust(self.slice_int(b)?, true)
        };
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n.max(0) as usize,
        })
    }

    fn slice_int(&mut self, v: Value) -> PResult<i64> {
        match self.index_of(v)? {
            Some(i) => Ok(i),
            None => {
                if let Some(b) = self.bigint_of(v) {
                    use num_traits::Signed;
                    return Ok(if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    });
                }
                Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }

    /// A sequence index with wrap-around; `None` when out of range.
    fn seq_index(&mut self, idx: Value, len: usize) -> PResult<Option<Option<usize>>> {
        let Some(i) = self.index_of(idx)? else {
            return Ok(None);
        };
        let j = if i < 0 { i + len as i64 } else { i };
        Ok(Some(if j < 0 || j as usize >= len {
            None
        } else {
            Some(j as usize)
        }))
    }

    /// `seq_index` for a subscript: the position, or CPython's `IndexError` (`out_of_range`)
    /// or `TypeError` (`wrong_type`, given the index's type name).
    fn subscript_index(
        &mut self,
        idx: Value,
        len: usize,
        out_of_range: &str,
        wrong_type: impl FnOnce(&str) -> String,
    ) -> PResult<usize> {
        match self.seq_index(idx, len)? {
            Some(Some(i)) => Ok(i),
            Some(None) => Err(self.index_error(out_of_range)),
            None => {
                let tn = self.type_name_of(idx);
                Err(self.type_error(wrong_type(&tn)))
            }
        }
    }

    /// `obj[idx]`.
    pub fn getitem(&mut self, obj: Value, idx: Value) -> PResult<Value> {
        if let Some(tg) = self.proxy_target(obj)? {
            self.incref(tg);
            let r = self.getitem(tg, idx);
            self.decref(tg);
            return r;
        }
        let ty = self.type_of(obj);
        if let Some(f) = self.user_dunder(ty, "__getitem__") {
            let r = self.call(f, &[obj, idx], &[]);
            self.decref(f);
            return r;
        }
        let Value::Obj(r) = obj else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object is not subscriptable")));
        };
        let is_slice = matches!(idx, Value::Obj(s) if matches!(self.heap.kind(s), Kind::Slice(_)));
        match self.heap.kind(r) {
            Kind::List(l) => {
                let len = l.items.len();
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), len)?;
                    let items: Vec<Value> = match self.heap.kind(r) {
                        Kind::List(l) => si.indices().map(|i| l.items[i]).collect(),
                        _ => Vec::new(),
                    };
                    for v in &items {
                        self.incref(*v);
                    }
                    return Ok(self.new_list(items));
                }
                let i = self.subscript_index(idx, len, "list index out of range", |tn| {
                    format!("list indices must be integers or slices, not {tn}")
                })?;
                let v = match self.heap.kind(r) {
                    Kind::List(l) => l.items[i],
                    _ => Value::None,
                };
                self.incref(v);
                return Ok(v);
            }
            Kind::Tuple(tp) => {
                let len = tp.len();
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), len)?;
                    if si.step == 1 && si.len == len && self.heap.ty(r) == t::TUPLE {
                        self.incref(obj);
                        return Ok(obj);
                    }
                    let items: Vec<Value> = match self.heap.kind(r) {
                        Kind::Tuple(tp) => si.indices().map(|i| tp[i]).collect(),
                        _ => Vec::new(),
                    };
                    for v in &items {
                        self.incref(*v);
                    }
                    return Ok(self.new_tuple(items));
                }
                let i = self.subscript_index(idx, len, "tuple index out of range", |tn| {
                    format!("tuple indices must be integers or slices, not {tn}")
                })?;
                let v = match self.heap.kind(r) {
                    Kind::Tuple(tp) => tp[i],
                    _ => Value::None,
                };
                self.incref(v);
                return Ok(v);
            }
            Kind::Str(s) => {
                let len = s.len;
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), len)?;
                    if si.step == 1 && si.len == len && self.heap.ty(r) == t::STR {
                        self.incref(obj);
                        return Ok(obj);
                    }
                    let out: String = match self.heap.kind(r) {
                        Kind::Str(s) => {
                            if si.step == 1 {
                                s.substring(si.start as usize, si.start as usize + si.len)
                                    .to_string()
                            } else {
                                let chars: Vec<char> = s.s.chars().collect();
                                si.indices().map(|i| chars[i]).collect()
                            }
                        }
                        _ => String::new(),
                    };
                    return Ok(self.new_string(out));
                }
                let i = self.subscript_index(idx, len, "string index out of range", |tn| {
                    format!("string indices must be integers, not '{tn}'")
                })?;
                let c = match self.heap.kind(r) {
                    Kind::Str(s) => s.char_at(i).unwrap_or(' '),
                    _ => ' ',
                };
                let mut buf = [0u8; 4];
                return Ok(self.new_str(c.encode_utf8(&mut buf)));
            }
            Kind::Bytes(_) | Kind::ByteArray(_) => {
                let data = self.bytes_like(obj).unwrap_or_default();
                let is_ba = matches!(self.heap.kind(r), Kind::ByteArray(_));
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), data.len())?;
                    let out: Vec<u8> = si.indices().map(|i| data[i]).collect();
                    return Ok(if is_ba {
                        self.new_bytearray(out)
                    } else {
                        self.new_bytes(out)
                    });
                }
                return match self.seq_index(idx, data.len())? {
                    Some(Some(i)) => Ok(Value::small(data[i] as i64)),
                    Some(None) => Err(self.index_error(if is_ba {
                        "bytearray index out of range"
                    } else {
                        "index out of range"
                    })),
                    None => {
                        let tn = self.type_name_of(idx);
                        Err(self.type_error(format!(
                            "byte indices must be integers or slices, not {tn}"
                        )))
                    }
                };
            }
            Kind::Dict(_) => {
                if let Some(v) = self.dict_get(r, idx)? {
                    self.incref(v);
                    return Ok(v);
                }
                if self.type_is_heap(ty) {
                    if let Some(m) = self.lookup_type_str(ty, "__missing__") {
                        let res = self.call(m, &[obj, idx], &[]);
                        self.decref(m);
                        return res;
                    }
                }
                return Err(self.key_error(idx));
            }
            Kind::Range(rg) => {
                let rg = **rg;
                let len = rg.len() as usize;
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), len)?;
                    let start = rg.start + si.start as i128 * rg.step;
                    let step = rg.step * si.step as i128;
                    let stop = start + si.len as i128 * step;
                    let nr = crate::objects::RangeObj { start, stop, step };
                    return Ok(Value::Obj(self.alloc(t::RANGE, Kind::Range(Box::new(nr)))));
                }
                let i =
                    self.subscript_index(idx, len, "range object index out of range", |tn| {
                        format!("range indices must be integers or slices, not {tn}")
                    })?;
                return Ok(self.int((rg.start + i as i128 * rg.step) as i64));
            }
            Kind::MappingProxy(d) => {
                let d = *d;
                return match self.dict_get(d, idx)? {
                    Some(v) => {
                        self.incref(v);
                        Ok(v)
                    }
                    None => Err(self.key_error(idx)),
                };
            }
            Kind::MemoryView(m) => {
                let (base, start, mlen) = (m.obj, m.start, m.len);
                let data = self.bytes_like(base).unwrap_or_default();
                let view: Vec<u8> = data.get(start..start + mlen).unwrap_or(&[]).to_vec();
                if is_slice {
                    let si = self.slice_indices(idx.as_obj().unwrap_or(r), view.len())?;
                    if si.step == 1 {
                        self.incref(base);
                        let mv = crate::objects::MemoryView {
                            obj: base,
                            start: start + si.start as usize,
                            len: si.len,
                            readonly: matches!(
                                self.heap.kind(base.as_obj().unwrap_or(r)),
                                Kind::Bytes(_)
                            ),
                            released: false,
                        };
                        self.export_buffer(base);
                        return Ok(Value::Obj(self.alloc_gc(
                            t::MEMORYVIEW,
                            Kind::MemoryView(Box::new(mv)),
                            crate::heap::refcount::FreeList::None,
                        )));
                    }
                    let out: Vec<u8> = si.indices().map(|i| view[i]).collect();
                    return Ok(self.new_bytes(out));
                }
                return match self.seq_index(idx, view.len())? {
                    Some(Some(i)) => Ok(Value::small(view[i] as i64)),
                    _ => Err(self.index_error("index out of bounds on dimension 1")),
                };
            }
            Kind::Type(_) => {
                if let Some(cg) = self.lookup_type_str(r, "__class_getitem__") {
                    let res = self.descr_get(cg, Value::Null, r);
                    self.decref(cg);
                    let bound = res?;
                    let out = self.call(bound, &[idx], &[]);
                    self.decref(bound);
                    return out;
                }
                if let Some(v) = self.generic_alias(r, idx)? {
                    return Ok(v);
                }
                let tn = self.type_name(r);
                return Err(self.type_error(format!("type '{tn}' is not subscriptable")));
            }
            _ => {}
        }
        if let Some(f) = self.lookup_type_str(ty, "__getitem__") {
            let res = self.call(f, &[obj, idx], &[]);
            self.decref(f);
            return res;
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!("'{tn}' object is not subscriptable")))
    }

    /// `obj[idx] = v`.
    pub fn setitem(&mut self, obj: Value, idx: Value, v: Value) -> PResult<()> {
        if let Some(tg) = self.proxy_target(obj)? {
            self.incref(tg);
            let r = self.setitem(tg, idx, v);
            self.decref(tg);
            return r;
        }
        let ty = self.type_of(obj);
        if let Some(f) = self.user_dunder(ty, "__setitem__") {
            let r = self.call(f, &[obj, idx, v], &[]);
            self.decref(f);
            let r = r?;
            self.decref(r);
            return Ok(());
        }
        let Value::Obj(r) = obj else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object does not support item assignment")));
        };
        let is_slice = matches!(idx, Value::Obj(s) if matches!(self.heap.kind(s), Kind::Slice(_)));
        match self.heap.kind(r) {
            Kind::List(l) => {
                let len = l.items.len();
                if is_slice {
                    return self.list_ass_slice(r, idx.as_obj().unwrap_or(r), Some(v));
                }
                let i =
                    self.subscript_index(idx, len, "list assignment index out of range", |tn| {
                        format!("list indices must be integers or slices, not {tn}")
                    })?;
                self.incref(v);
                let old = match self.heap.kind_mut(r) {
                    Kind::List(l) => std::mem::replace(&mut l.items[i], v),
                    _ => v,
                };
                self.decref(old);
                return Ok(());
            }
            Kind::Dict(_) => return self.dict_set(r, idx, v),
            Kind::ByteArray(b) => {
                let len = b.data.len();
                match self.seq_index(idx, len)? {
                    Some(Some(i)) => {
                        let Some(x) = self.int_value_of(v) else {
                            let tn = self.type_name_of(v);
                            return Err(self.type_error(format!(
                                "'{tn}' object cannot be interpreted as an integer"
                            )));
                        };
                        if !(0..256).contains(&x) {
                            return Err(self.value_error("byte must be in range(0, 256)"));
                        }
                        if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                            b.data[i] = x as u8;
                        }
                        return Ok(());
                    }
                    Some(None) => return Err(self.index_error("bytearray index out of range")),
                    None => {}
                }
            }
            _ => {}
        }
        if let Some(f) = self.lookup_type_str(ty, "__setitem__") {
            let res = self.call(f, &[obj, idx, v], &[]);
            self.decref(f);
            let res = res?;
            self.decref(res);
            return Ok(());
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!("'{tn}' object does not support item assignment")))
    }

    /// `del obj[idx]`.
    pub fn delitem(&mut self, obj: Value, idx: Value) -> PResult<()> {
        if let Some(tg) = self.proxy_target(obj)? {
            self.incref(tg);
            let r = self.delitem(tg, idx);
            self.decref(tg);
            return r;
        }
        let ty = self.type_of(obj);
        if let Some(f) = self.user_dunder(ty, "__delitem__") {
            let r = self.call(f, &[obj, idx], &[]);
            self.decref(f);
            let r = r?;
            self.decref(r);
            return Ok(());
        }
        let Value::Obj(r) = obj else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object doesn't support item deletion")));
        };
        let is_slice = matches!(idx, Value::Obj(s) if matches!(self.heap.kind(s), Kind::Slice(_)));
        match self.heap.kind(r) {
            Kind::List(l) => {
                let len = l.items.len();
                if is_slice {
                    return self.list_ass_slice(r, idx.as_obj().unwrap_or(r), None);
                }
                let i =
                    self.subscript_index(idx, len, "list assignment index out of range", |tn| {
                        format!("list indices must be integers or slices, not {tn}")
                    })?;
                let old = self.list_remove_at(r, i);
                self.decref(old);
                return Ok(());
            }
            Kind::Dict(_) => {
                return match self.dict_remove(r, idx)? {
                    Some((k, v)) => {
                        self.decref(k);
                        self.decref(v);
                        Ok(())
                    }
                    None => Err(self.key_error(idx)),
                };
            }
            _ => {}
        }
        if let Some(f) = self.lookup_type_str(ty, "__delitem__") {
            let res = self.call(f, &[obj, idx], &[]);
            self.decref(f);
            let res = res?;
            self.decref(res);
            return Ok(());
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
    }

    /// Borrowed items of a list.
    pub fn list_items(&self, r: ObjRef) -> Vec<Value> {
        match self.heap.kind(r) {
            Kind::List(l) => l.items.clone(),
            _ => Vec::new(),
        }
    }

    /// Removes and returns (owned) item `i` of a list, resizing as `list_ass_slice`.
    pub fn list_remove_at(&mut self, r: ObjRef, i: usize) -> Value {
        match self.heap.kind_mut(r) {
            Kind::List(l) => {
                let v = l.items.remove(i);
                let n = l.items.len();
                l.resize(n);
                v
            }
            _ => Value::None,
        }
    }

    /// `lst[slice] = v` / `del lst[slice]`.
    fn list_ass_slice(&mut self, r: ObjRef, s: ObjRef, v: Option<Value>) -> PResult<()> {
        let len = self.list_items(r).len();
        let si = self.slice_indices(s, len)?;
        let new_items: Vec<Value> = match v {
            Some(val) => self.collect_iter(val).map_err(|e| {
                if self.throw_is(&e, t::TYPE_ERROR) {
                    self.discard(e);
                    self.type_error("can only assign an iterable")
                } else {
                    e
                }
            })?,
            None => Vec::new(),
        };
        if si.step == 1 {
            let start = si.start as usize;
            let end = start + si.len;
            let removed: Vec<Value> = match self.heap.kind_mut(r) {
                Kind::List(l) => {
                    let old_len = l.items.len();
                    let newsize = old_len - si.len + new_items.len();
                    if new_items.len() > si.len {
                        l.resize(newsize);
                    }
                    let removed: Vec<Value> = l.items.splice(start..end, new_items).collect();
                    if newsize < old_len {
                        l.resize(newsize);
                    }
                    removed
                }
                _ => Vec::new(),
            };
            self.decref_all(removed);
            return Ok(());
        }
        if v.is_some() && new_items.len() != si.len {
            let n = new_items.len();
            self.decref_all(new_items);
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {n} to extended slice of size {}",
                si.len
            )));
        }
        let idxs: Vec<usize> = si.indices().collect();
        if v.is_none() {
            let mut sorted = idxs.clone();
            sorted.sort_unstable();
            let mut removed = Vec::new();
            if let Kind::List(l) = self.heap.kind_mut(r) {
                for i in sorted.into_iter().rev() {
                    removed.push(l.items.remove(i));
                }
                let n = l.items.len();
                l.resize(n);
            }
            self.decref_all(removed);
            return Ok(());
        }
        let mut old = Vec::new();
        if let Kind::List(l) = self.heap.kind_mut(r) {
            for (i, nv) in idxs.into_iter().zip(new_items) {
                old.push(std::mem::replace(&mut l.items[i], nv));
            }
        }
        self.decref_all(old);
        Ok(())
    }
}

fn range_eq(x: &crate::objects::RangeObj, y: &crate::objects::RangeObj) -> bool {
    let (lx, ly) = (x.len(), y.len());
    if lx != ly {
        return false;
    }
    if lx == 0 {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    lx == 1 || x.step == y.step
}
