//! Constructors of the built-in types (`__new__` / `__init__`): `int(...)`, `str(...)`,
//! `list(...)`, `dict(...)`, `range(...)`, `property(...)`, exceptions, ... including
//! instances of subclasses of built-ins, with CPython's conversions and errors.

use crate::heap::refcount::FreeList;
use crate::interp::Vm;
use crate::objects::function::{Kw, Property};
use crate::objects::{ByteArray, ExcObj, IterObj, Kind, ListObj, PyStr, RangeObj, Set};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;
use num_bigint::BigInt;

/// The class a `__new__` was called for (`args[0]`).
fn cls_of(vm: &mut Vm, args: &[Value], name: &str) -> PResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::Type(_)) => Ok(*r),
        Some(v) => {
            let tn = vm.type_name_of(*v);
            Err(vm.type_error(format!("{name}.__new__(X): X is not a type object ({tn})")))
        }
        None => Err(vm.type_error(format!("{name}.__new__(): not enough arguments"))),
    }
}

fn check_subtype(vm: &mut Vm, cls: ObjRef, base: ObjRef, name: &str) -> PResult<()> {
    if !vm.is_subtype(cls, base) {
        let cn = vm.type_name(cls);
        return Err(vm.type_error(format!(
            "{name}.__new__({cn}): {cn} is not a subtype of {name}"
        )));
    }
    Ok(())
}

/// Wraps a payload as an instance of `cls` (a subclass of a built-in) or returns the
/// plain value for the exact type.
fn subclass_instance(vm: &mut Vm, cls: ObjRef, kind: Kind) -> Value {
    let r = vm.alloc_gc(cls, kind, FreeList::None);
    vm.attach_ext(r, cls);
    Value::Obj(r)
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "object")?;
    vm.object_new(cls, args.len() - 1)
}

fn object_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    vm.object_init(obj, args.len().saturating_sub(1) + kw.len())?;
    Ok(Value::None)
}

fn type_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let meta = cls_of(vm, args, "type")?;
    match args.len() {
        2 if meta == t::TYPE => {
            let ty = vm.type_of(args[1]);
            vm.incref_obj(ty);
            Ok(Value::Obj(ty))
        }
        4 => vm.type_new(meta, args[1], args[2], args[3], kw),
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::None)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "type")?;
    vm.type_call(cls, &args[1..], kw)
}

/// Parses an int literal as `int(s, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (digits, radix) = if base == 0 {
        if let Some(r) = lower.strip_prefix("0x") {
            (r.to_string(), 16)
        } else if let Some(r) = lower.strip_prefix("0o") {
            (r.to_string(), 8)
        } else if let Some(r) = lower.strip_prefix("0b") {
            (r.to_string(), 2)
        } else {
            if lower.len() > 1
                && lower.starts_with('0')
                && lower.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (lower, 10)
        }
    } else {
        let stripped = match base {
            16 => lower.strip_prefix("0x"),
            8 => lower.strip_prefix("0o"),
            2 => lower.strip_prefix("0b"),
            _ => None,
        };
        (stripped.map(|s| s.to_string()).unwrap_or(lower), base)
    };
    let digits = digits
        .strip_prefix('_')
        .map(|s| s.to_string())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), radix)?;
    Some(if neg { -v } else { v })
}

impl Vm {
    /// `int(v)` / `int(v, base)` as a big integer.
    pub fn int_value(&mut self, v: Value, base: Option<Value>) -> PResult<BigInt> {
        if let Some(b) = base {
            let b = self.index_arg(b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(self.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let s = match self.as_str(v) {
                Some(s) => s.to_string(),
                None => match self.bytes_like(v) {
                    Some(b) => String::from_utf8_lossy(&b).to_string(),
                    None => {
                        return Err(
                            self.type_error("int() can't convert non-string with explicit base")
                        )
                    }
                },
            };
            return parse_int(&s, b as u32).ok_or_else(|| {
                let r = crate::format::repr::str_repr(&s);
                self.value_error(format!("invalid literal for int() with base {b}: {r}"))
            });
        }
        use crate::interp::number::Num;
        match self.num_of(v) {
            Some(Num::I(i)) => return Ok(BigInt::from(i)),
            Some(Num::B(b)) => return Ok(b),
            Some(Num::F(f)) => {
                if f.is_nan() {
                    return Err(self.value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(self.overflow_error("cannot convert float infinity to integer"));
                }
                return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
            }
            _ => {}
        }
        if let Some(s) = self.as_str(v).map(|s| s.to_string()) {
            let limit = self.int_max_str_digits;
            let digits = s.bytes().filter(u8::is_ascii_digit).count();
            if limit > 0 && digits > limit {
                return Err(self.value_error(format!("Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit")));
            }
            return parse_int(&s, 10).ok_or_else(|| {
                let r = crate::format::repr::str_repr(&s);
                self.value_error(format!("invalid literal for int() with base 10: {r}"))
            });
        }
        if let Some(b) = self.bytes_like(v) {
            let s = String::from_utf8_lossy(&b).to_string();
            return parse_int(&s, 10).ok_or_else(|| {
                let r = crate::format::repr::bytes_repr(&b);
                self.value_error(format!("invalid literal for int() with base 10: {r}"))
            });
        }
        let ty = self.type_of(v);
        for name in ["__int__", "__index__", "__trunc__"] {
            if let Some(f) = self.lookup_type_str(ty, name) {
                let r = self.call(f, &[v], &[]);
                self.decref(f);
                let r = r?;
                let out = self.bigint_of(r);
                self.decref(r);
                return out.ok_or_else(|| self.type_error(format!("{name} returned non-int")));
            }
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
        )))
    }

    /// `float(v)`.
    pub fn float_value(&mut self, v: Value) -> PResult<f64> {
        use crate::interp::number::Num;
        match self.num_of(v) {
            Some(Num::I(i)) => return Ok(i as f64),
            Some(Num::B(b)) => {
                return crate::interp::number::big_to_f64(&b)
                    .ok_or_else(|| self.overflow_error("int too large to convert to float"))
            }
            Some(Num::F(f)) => return Ok(f),
            _ => {}
        }
        if let Some(s) = self.as_str(v).map(|s| s.to_string()) {
            return parse_float(&s).ok_or_else(|| {
                let r = crate::format::repr::str_repr(&s);
                self.value_error(format!("could not convert string to float: {r}"))
            });
        }
        let ty = self.type_of(v);
        for name in ["__float__", "__index__"] {
            if let Some(f) = self.lookup_type_str(ty, name) {
                let r = self.call(f, &[v], &[]);
                self.decref(f);
                let r = r?;
                let out = self.num_of(r);
                self.decref(r);
                return match out {
                    Some(Num::F(f)) => Ok(f),
                    Some(Num::I(i)) => Ok(i as f64),
                    _ => Err(self.type_error(format!("{name} returned non-float"))),
                };
            }
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!(
            "float() argument must be a string or a real number, not '{tn}'"
        )))
    }
}

/// Parses a float literal as `float(s)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (neg, body) = match lower.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower).to_string()),
    };
    let v = match body.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if body.is_empty()
                || body.starts_with('_')
                || body.ends_with('_')
                || body.contains("__")
                || !body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'))
            {
                return None;
            }
            let clean: String = body.chars().filter(|c| *c != '_').collect();
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "int")?;
    check_subtype(vm, cls, t::INT, "int")?;
    vm.check_kwargs("int", kw, &["base"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let base = args.get(2).copied().or_else(|| vm.kwarg(kw, "base"));
    let v = match args.get(1) {
        Some(v) => vm.int_value(*v, base)?,
        None => {
            if base.is_some() {
                return Err(vm.type_error("int() missing string argument"));
            }
            BigInt::from(0)
        }
    };
    if cls == t::INT {
        return Ok(vm.new_bigint(v));
    }
    Ok(subclass_instance(vm, cls, Kind::BigInt(Box::new(v))))
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("bool", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let b = match args.get(1) {
        Some(v) => vm.truthy(*v)?,
        None => false,
    };
    Ok(Value::Bool(b))
}

fn float_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "float")?;
    vm.no_kwargs("float", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let f = match args.get(1) {
        Some(v) => vm.float_value(*v)?,
        None => 0.0,
    };
    if cls == t::FLOAT {
        return Ok(vm.float(f));
    }
    Ok(subclass_instance(vm, cls, Kind::Float(f)))
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "complex")?;
    let (re, im) = complex_parts(vm, args, kw)?;
    if cls == t::COMPLEX {
        return Ok(vm.new_complex(re, im));
    }
    Ok(subclass_instance(vm, cls, Kind::Complex(re, im)))
}

/// The real and imaginary parts `complex(real, imag)` builds from its arguments.
fn complex_parts(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<(f64, f64)> {
    let re = args.get(1).copied().or_else(|| vm.kwarg(kw, "real"));
    let im = args.get(2).copied().or_else(|| vm.kwarg(kw, "imag"));
    let (mut a, mut b) = (0.0, 0.0);
    if let Some(r) = re {
        if let Some(s) = vm.as_str(r).map(|s| s.to_string()) {
            let t: String = s.trim().trim_matches(|c| c == '(' || c == ')').to_string();
            let parsed = parse_complex(&t)
                .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))?;
            return Ok(parsed);
        }
        match vm.num_of(r) {
            Some(crate::interp::number::Num::C(x, y)) => {
                a = x;
                b = y;
            }
            _ => a = vm.float_value(r)?,
        }
    }
    if let Some(i) = im {
        match vm.num_of(i) {
            Some(crate::interp::number::Num::C(x, y)) => {
                a -= y;
                b += x;
            }
            _ => b += vm.float_value(i)?,
        }
    }
    Ok((a, b))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.replace(' ', "");
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => {
                let re = parse_float(&body[..i])?;
                let im_s = &body[i..];
                let im = if im_s == "+" || im_s == "-" {
                    if im_s == "-" {
                        -1.0
                    } else {
                        1.0
                    }
                } else {
                    parse_float(im_s)?
                };
                Some((re, im))
            }
            None => {
                let im = if body.is_empty() || body == "+" {
                    1.0
                } else if body == "-" {
                    -1.0
                } else {
                    parse_float(body)?
                };
                Some((0.0, im))
            }
        };
    }
    Some((parse_float(&s)?, 0.0))
}

fn str_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "str")?;
    check_subtype(vm, cls, t::STR, "str")?;
    vm.check_kwargs("str", kw, &["object", "encoding", "errors"])?;
    let obj = args.get(1).copied().or_else(|| vm.kwarg(kw, "object"));
    let encoding = args.get(2).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let s = match obj {
        None => String::new(),
        Some(v) => {
            if encoding.is_some() || args.len() > 3 || vm.kwarg(kw, "errors").is_some() {
                let Some(b) = vm.bytes_like(v) else {
                    let tn = vm.type_name_of(v);
                    return Err(vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {tn} found"
                    )));
                };
                let errors = args.get(3).copied().or_else(|| vm.kwarg(kw, "errors"));
                vm.decode_bytes(&b, encoding, errors)?
            } else {
                if cls == t::STR {
                    return vm.str_value(v);
                }
                vm.str(v)?
            }
        }
    };
    if cls == t::STR {
        return Ok(vm.new_string(s));
    }
    Ok(subclass_instance(
        vm,
        cls,
        Kind::Str(Box::new(PyStr::new(s))),
    ))
}

impl Vm {
    /// The bytes of `bytes(x)` / `bytearray(x)` (ints, iterables of ints, str+encoding).
    fn bytes_from(&mut self, v: Value, encoding: Option<Value>, name: &str) -> PResult<Vec<u8>> {
        if let Some(s) = self.as_str(v).map(|s| s.to_string()) {
            if encoding.is_none() {
                return Err(self.type_error("string argument without an encoding"));
            }
            return self.encode_str(&s, encoding, None);
        }
        if let Some(b) = self.bytes_like(v) {
            return Ok(b);
        }
        if let Some(n) = self.index_of(v)? {
            if n < 0 {
                return Err(self.value_error("negative count"));
            }
            if n as usize > self.limits.max_heap_bytes as usize {
                return Err(self.exc(t::MEMORY_ERROR, ""));
            }
            return Ok(vec![0u8; n as usize]);
        }
        let items = match self.collect_iter(v) {
            Ok(i) => i,
            Err(e) => {
                if self.throw_is(&e, t::TYPE_ERROR) {
                    self.discard(e);
                    let tn = self.type_name_of(v);
                    return Err(self.type_error(format!("cannot convert '{tn}' object to {name}")));
                }
                return Err(e);
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            match self.index_of(*it)? {
                Some(x) if (0..256).contains(&x) => out.push(x as u8),
                Some(_) => {
                    self.decref_all(items);
                    return Err(self.value_error("bytes must be in range(0, 256)"));
                }
                None => {
                    let tn = self.type_name_of(*it);
                    self.decref_all(items);
                    return Err(self
                        .type_error(format!("'{tn}' object cannot be interpreted as an integer")));
                }
            }
        }
        self.decref_all(items);
        Ok(out)
    }
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "bytes")?;
    let src = args.get(1).copied().or_else(|| vm.kwarg(kw, "source"));
    let enc = args.get(2).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let b = match src {
        Some(v) if enc.is_none() => match dunder_bytes(vm, v)? {
            Some(b) => b,
            None => vm.bytes_from(v, enc, "bytes")?,
        },
        Some(v) => vm.bytes_from(v, enc, "bytes")?,
        None => Vec::new(),
    };
    if cls == t::BYTES {
        return Ok(vm.new_bytes(b));
    }
    Ok(subclass_instance(
        vm,
        cls,
        Kind::Bytes(b.into_boxed_slice()),
    ))
}

/// `bytes(x)` through `x.__bytes__()`; `None` when its class does not define it.
fn dunder_bytes(vm: &mut Vm, v: Value) -> PResult<Option<Vec<u8>>> {
    let ty = vm.type_of(v);
    let Some(f) = vm.user_dunder(ty, "__bytes__") else {
        return Ok(None);
    };
    let r = vm.call(f, &[v], &[]);
    vm.decref(f);
    let r = r?;
    let out = if vm.isinstance_type(r, t::BYTES) {
        vm.bytes_like(r)
    } else {
        None
    };
    let tn = vm.type_name_of(r);
    vm.decref(r);
    match out {
        Some(b) => Ok(Some(b)),
        None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})"))),
    }
}

fn bytearray_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "bytearray")?;
    if cls == t::BYTEARRAY {
        return Ok(Value::Obj(vm.alloc(
            t::BYTEARRAY,
            Kind::ByteArray(Box::new(ByteArray::new(Vec::new()))),
        )));
    }
    Ok(subclass_instance(
        vm,
        cls,
        Kind::ByteArray(Box::new(ByteArray::new(Vec::new()))),
    ))
}

fn bytearray_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    let src = args.get(1).copied().or_else(|| vm.kwarg(kw, "source"));
    let enc = args.get(2).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let b = match src {
        Some(v) => vm.bytes_from(v, enc, "bytearray")?,
        None => Vec::new(),
    };
    if let Kind::ByteArray(ba) = vm.heap.kind_mut(r) {
        **ba = ByteArray::new(b);
    }
    Ok(Value::None)
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "list")?;
    // `PyType_GenericAlloc`: a list built by calling `list` never comes from the free list.
    let r = vm.alloc_gc(cls, Kind::List(ListObj::default()), FreeList::None);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("list", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    let old = match vm.heap.kind_mut(r) {
        Kind::List(l) => {
            l.alloc = 0;
            std::mem::take(&mut l.items)
        }
        _ => Vec::new(),
    };
    vm.decref_all(old);
    if let Some(it) = args.get(1) {
        // list___init__: preallocate exactly for sized iterables, then extend.
        let sized = match it {
            Value::Obj(x) => {
                matches!(
                    vm.heap.kind(*x),
                    Kind::List(_)
                        | Kind::Tuple(_)
                        | Kind::Dict(_)
                        | Kind::Set(_)
                        | Kind::Str(_)
                        | Kind::Range(_)
                        | Kind::DictView(..)
                        | Kind::Bytes(_)
                        | Kind::ByteArray(_)
                ) || vm.type_is_heap(vm.heap.ty(*x)) && {
                    let ty = vm.heap.ty(*x);
                    match vm.lookup_type_str(ty, "__len__") {
                        Some(f) => {
                            vm.decref(f);
                            true
                        }
                        None => false,
                    }
                }
            }
            _ => false,
        };
        if sized {
            let n = vm.len(*it)?;
            if n > 0 {
                if let Kind::List(l) = vm.heap.kind_mut(r) {
                    l.preallocate_exact(n);
                }
            }
        }
        vm.list_extend(r, *it)?;
    }
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "tuple")?;
    vm.no_kwargs("tuple", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let items = match args.get(1) {
        Some(v) => {
            if cls == t::TUPLE && matches!(v, Value::Obj(r) if vm.heap.ty(*r) == t::TUPLE) {
                vm.incref(*v);
                return Ok(*v);
            }
            vm.collect_iter(*v)?
        }
        None => Vec::new(),
    };
    if cls == t::TUPLE {
        return Ok(vm.new_tuple(items));
    }
    Ok(subclass_instance(
        vm,
        cls,
        Kind::Tuple(items.into_boxed_slice()),
    ))
}

fn dict_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "dict")?;
    // `type->tp_alloc`: a dict built by calling `dict` never comes from the free list;
    // an exact dict starts untracked.
    vm.gc_alloc_count(FreeList::None);
    if cls == t::DICT {
        return Ok(Value::Obj(vm.alloc(
            t::DICT,
            Kind::Dict(Box::new(crate::objects::dict::Dict::new())),
        )));
    }
    let r = vm.alloc(cls, Kind::Dict(Box::default()));
    vm.heap.track(r);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    if let Some(other) = args.get(1) {
        vm.dict_update(r, *other)?;
    }
    for (k, v) in kw {
        vm.dict_set(r, *k, *v)?;
    }
    Ok(Value::None)
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "set")?;
    let r = vm.alloc_gc(cls, Kind::Set(Box::new(Set::new())), FreeList::None);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn set_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("set", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    let old = match vm.heap.kind_mut(r) {
        Kind::Set(s) => s.clear(),
        _ => Vec::new(),
    };
    vm.decref_all(old);
    if let Some(it) = args.get(1) {
        vm.set_update(r, *it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "frozenset")?;
    vm.no_kwargs("frozenset", kw)?;
    if let Some(v) = args.get(1) {
        if cls == t::FROZENSET && matches!(v, Value::Obj(r) if vm.heap.ty(*r) == t::FROZENSET) {
            vm.incref(*v);
            return Ok(*v);
        }
    }
    let r = vm.alloc_gc(cls, Kind::Set(Box::new(Set::new())), FreeList::None);
    vm.attach_ext(r, cls);
    if let Some(it) = args.get(1) {
        if let Err(e) = vm.set_update(r, *it) {
            vm.decref_obj(r);
            return Err(e);
        }
    }
    Ok(Value::Obj(r))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("range", kw)?;
    let a = &args[1..];
    if a.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.len()
        )));
    }
    let mut vals = [0i128; 3];
    for (i, v) in a.iter().enumerate() {
        let b = match vm.bigint_of(*v) {
            Some(b) if !matches!(v, Value::Float(..)) => b,
            _ => match vm.index_of(*v)? {
                Some(i) => BigInt::from(i),
                None => {
                    let tn = vm.type_name_of(*v);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            },
        };
        vals[i] = num_traits::ToPrimitive::to_i128(&b)
            .ok_or_else(|| vm.overflow_error("range() arguments too large"))?;
    }
    let (start, stop, step) = match a.len() {
        1 => (0, vals[0], 1),
        2 => (vals[0], vals[1], 1),
        _ => (vals[0], vals[1], vals[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(vm.alloc(
        t::RANGE,
        Kind::Range(Box::new(RangeObj { start, stop, step })),
    )))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    for v in [start, stop, step] {
        vm.incref(v);
    }
    Ok(Value::Obj(vm.alloc(
        t::SLICE,
        Kind::Slice(Box::new([start, stop, step])),
    )))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let it = args.get(1).copied().or_else(|| vm.kwarg(kw, "iterable"));
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = match args.get(2).copied().or_else(|| vm.kwarg(kw, "start")) {
        Some(s) => vm.index_arg(s)?,
        None => 0,
    };
    let iter = vm.iter(it)?;
    Ok(vm.new_iter(IterObj::Enumerate { it: iter, n: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("zip", kw, &["strict"])?;
    let strict = match vm.kwarg(kw, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut its = Vec::new();
    for a in args[1..].iter() {
        match vm.iter(*a) {
            Ok(it) => its.push(it),
            Err(e) => {
                vm.decref_all(its);
                return Err(e);
            }
        }
    }
    Ok(vm.new_iter(IterObj::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("map", kw)?;
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = args[1];
    let mut its = Vec::new();
    for a in &args[2..] {
        match vm.iter(*a) {
            Ok(it) => its.push(it),
            Err(e) => {
                vm.decref_all(its);
                return Err(e);
            }
        }
    }
    vm.incref(f);
    Ok(vm.new_iter(IterObj::Map { f, its }))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("filter", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let it = vm.iter(args[2])?;
    vm.incref(args[1]);
    Ok(vm.new_iter(IterObj::Filter { f: args[1], it }))
}

pub(crate) fn reversed_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.no_kwargs("reversed", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "reversed expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let seq = args[1];
    let ty = vm.type_of(seq);
    if let Some(f) = vm.lookup_type_str(ty, "__reversed__") {
        if !vm.is_native_slot(f, "__reversed__")
            || !matches!(vm.heap.kind(f.as_obj().unwrap_or(ty)), Kind::MethodDescr(_))
        {
            let r = vm.call(f, &[seq], &[]);
            vm.decref(f);
            return r;
        }
        vm.decref(f);
    }
    if let Value::Obj(r) = seq {
        match vm.heap.kind(r) {
            Kind::List(l) => {
                let n = l.items.len();
                vm.incref_obj(r);
                return Ok(vm.new_iter(IterObj::ListRev { seq: r, i: n }));
            }
            Kind::Dict(d) => {
                let (used, n) = (d.used, d.nentries());
                vm.incref_obj(r);
                return Ok(vm.new_iter(IterObj::Dict {
                    d: r,
                    pos: n,
                    kind: crate::objects::ViewKind::Keys,
                    used,
                    rev: true,
                }));
            }
            Kind::DictView(d, k) => {
                let (d, k) = (*d, *k);
                let (used, n) = match vm.heap.kind(d) {
                    Kind::Dict(x) => (x.used, x.nentries()),
                    _ => (0, 0),
                };
                vm.incref_obj(d);
                return Ok(vm.new_iter(IterObj::Dict {
                    d,
                    pos: n,
                    kind: k,
                    used,
                    rev: true,
                }));
            }
            _ => {}
        }
    }
    let has_getitem = match vm.lookup_type_str(ty, "__getitem__") {
        Some(g) => {
            vm.decref(g);
            true
        }
        None => {
            matches!(seq, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_) | Kind::Str(_) | Kind::Range(_) | Kind::Bytes(_) | Kind::ByteArray(_)))
        }
    };
    let is_dictlike = matches!(seq, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Set(_)));
    if !has_getitem || is_dictlike {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(format!("'{tn}' object is not reversible")));
    }
    let n = vm.len(seq)?;
    vm.incref(seq);
    Ok(vm.new_iter(IterObj::Reversed { seq, i: n }))
}

fn property_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "property")?;
    let p = Property {
        fget: Value::None,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
        name: Value::None,
    };
    let r = vm.alloc_gc(cls, Kind::Property(Box::new(p)), FreeList::None);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn property_init(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    let get = |vm: &Vm, i: usize, name: &str| {
        args.get(i)
            .copied()
            .or_else(|| vm.kwarg(kw, name))
            .unwrap_or(Value::None)
    };
    let (fget, fset, fdel, mut doc) = (
        get(vm, 1, "fget"),
        get(vm, 2, "fset"),
        get(vm, 3, "fdel"),
        get(vm, 4, "doc"),
    );
    if doc.is_none() {
        if let Value::Obj(g) = fget {
            if let Kind::Function(f) = vm.heap.kind(g) {
                doc = f.doc;
            }
        }
    }
    for v in [fget, fset, fdel, doc] {
        vm.incref(v);
    }
    let old = match vm.heap.kind_mut(r) {
        Kind::Property(p) => vec![
            std::mem::replace(&mut p.fget, fget),
            std::mem::replace(&mut p.fset, fset),
            std::mem::replace(&mut p.fdel, fdel),
            std::mem::replace(&mut p.doc, doc),
        ],
        _ => vec![fget, fset, fdel, doc],
    };
    vm.decref_all(old);
    Ok(Value::None)
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "classmethod")?;
    let f = args
        .get(1)
        .copied()
        .ok_or_else(|| vm.type_error("classmethod expected 1 argument, got 0"))?;
    vm.incref(f);
    let r = vm.alloc_gc(cls, Kind::ClassMethod(f), FreeList::None);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "staticmethod")?;
    let f = args
        .get(1)
        .copied()
        .ok_or_else(|| vm.type_error("staticmethod expected 1 argument, got 0"))?;
    vm.incref(f);
    let r = vm.alloc_gc(cls, Kind::StaticMethod(f), FreeList::None);
    vm.attach_ext(r, cls);
    Ok(Value::Obj(r))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let a = &args[1..];
    if a.is_empty() {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let Value::Obj(ty) = a[0] else {
        return Err(vm.type_error("super() argument 1 must be a type"));
    };
    if !matches!(vm.heap.kind(ty), Kind::Type(_)) {
        let tn = vm.type_name_of(a[0]);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
    }
    let obj = a.get(1).copied().unwrap_or(Value::None);
    let objty = match obj {
        Value::Obj(o) if matches!(vm.heap.kind(o), Kind::Type(_)) && vm.is_subtype(o, ty) => o,
        Value::None => ty,
        _ => {
            let ot = vm.type_of(obj);
            if !vm.is_subtype(ot, ty) {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            ot
        }
    };
    vm.incref_obj(ty);
    vm.incref(obj);
    vm.incref_obj(objty);
    Ok(Value::Obj(vm.alloc_gc(
        t::SUPER,
        Kind::Super(ty, obj, objty),
        FreeList::None,
    )))
}

fn method_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let a = &args[1..];
    if a.len() != 2 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.len())));
    }
    if !vm.is_callable(a[0]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if a[1].is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    vm.incref(a[0]);
    vm.incref(a[1]);
    Ok(vm.new_method(a[0], a[1]))
}

fn memoryview_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let obj = args
        .get(1)
        .copied()
        .ok_or_else(|| vm.type_error("memoryview() missing required argument 'object' (pos 1)"))?;
    let len = match vm.bytes_like(obj) {
        Some(b) => b.len(),
        None => {
            let tn = vm.type_name_of(obj);
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{tn}'"
            )));
        }
    };
    let (base, start) = match obj {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::MemoryView(m) => (m.obj, m.start),
            _ => (obj, 0),
        },
        _ => (obj, 0),
    };
    let readonly = matches!(base, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Bytes(_)));
    vm.incref(base);
    vm.export_buffer(base);
    let mv = crate::objects::MemoryView {
        obj: base,
        start,
        len,
        readonly,
        released: false,
    };
    Ok(Value::Obj(vm.alloc_gc(
        t::MEMORYVIEW,
        Kind::MemoryView(Box::new(mv)),
        FreeList::None,
    )))
}

impl Vm {
    /// A buffer export of a bytearray begins (resizing is refused while exported).
    pub fn export_buffer(&mut self, base: Value) {
        if let Value::Obj(r) = base {
            if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                b.exports += 1;
            }
        }
    }

    pub fn release_buffer(&mut self, base: Value) {
        if let Value::Obj(r) = base {
            if let Kind::ByteArray(b) = self.heap.kind_mut(r) {
                b.exports = b.exports.saturating_sub(1);
            }
        }
    }
}

/// `BaseException.__new__(cls, *args)`.
pub fn exception_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = cls_of(vm, args, "BaseException")?;
    let a: Vec<Value> = args[1..].to_vec();
    // OSError(errno, ...) picks the subclass for the errno.
    let cls = if cls == t::OS_ERROR && a.len() >= 2 {
        match vm.int_value_of(a[0]) {
            Some(2) => t::FILE_NOT_FOUND_ERROR,
            Some(13) | Some(1) => t::PERMISSION_ERROR,
            Some(17) => t::FILE_EXISTS_ERROR,
            Some(21) => t::IS_A_DIRECTORY_ERROR,
            Some(20) => t::NOT_A_DIRECTORY_ERROR,
            Some(110) => t::TIMEOUT_ERROR,
            _ => cls,
        }
    } else {
        cls
    };
    if vm.is_subtype(cls, t::BASE_EXCEPTION_GROUP) {
        return exception_group_new(vm, cls, &a);
    }
    for v in &a {
        vm.incref(*v);
    }
    let tuple = vm.new_tuple(a.clone());
    let r = vm.alloc_gc(
        cls,
        Kind::Exception(Box::new(ExcObj::new(tuple))),
        FreeList::None,
    );
    vm.attach_ext(r, cls);
    init_exception_fields(vm, r, cls, &a);
    Ok(Value::Obj(r))
}

fn exception_group_new(vm: &mut Vm, cls: ObjRef, a: &[Value]) -> PResult<Value> {
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.len()
        )));
    }
    if vm.as_str(a[0]).is_none() {
        let tn = vm.type_name_of(a[0]);
        return Err(vm.type_error(format!("argument 1 must be str, not {tn}")));
    }
    let excs = match vm.collect_iter(a[1]) {
        Ok(e) => e,
        Err(e) => {
            vm.discard(e);
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
    };
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exc = true;
    for e in &excs {
        if !vm.isinstance_type(*e, t::BASE_EXCEPTION) {
            vm.decref_all(excs);
            return Err(
                vm.value_error("Item 0 of second argument (exceptions) is not an exception")
            );
        }
        if !vm.isinstance_type(*e, t::EXCEPTION) {
            all_exc = false;
        }
    }
    let cls = if cls == t::BASE_EXCEPTION_GROUP && all_exc {
        t::EXCEPTION_GROUP
    } else {
        cls
    };
    if cls == t::EXCEPTION_GROUP && !all_exc {
        vm.decref_all(excs);
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let tup = vm.new_tuple(excs);
    vm.incref(a[0]);
    vm.incref(tup);
    let args_t = vm.new_tuple(vec![a[0], tup]);
    let r = vm.alloc_gc(
        cls,
        Kind::Exception(Box::new(ExcObj::new(args_t))),
        FreeList::None,
    );
    vm.attach_ext(r, cls);
    vm.incref(a[0]);
    vm.set_exc_field(r, "message", a[0]);
    vm.set_exc_field(r, "exceptions", tup);
    Ok(Value::Obj(r))
}

fn init_exception_fields(vm: &mut Vm, r: ObjRef, cls: ObjRef, a: &[Value]) {
    if vm.is_subtype(cls, t::STOP_ITERATION) {
        let v = a.first().copied().unwrap_or(Value::None);
        vm.incref(v);
        vm.set_exc_field(r, "value", v);
    } else if vm.is_subtype(cls, t::SYSTEM_EXIT) {
        let v = match a.len() {
            0 => Value::None,
            1 => {
                vm.incref(a[0]);
                a[0]
            }
            _ => {
                for x in a {
                    vm.incref(*x);
                }
                vm.new_tuple(a.to_vec())
            }
        };
        vm.set_exc_field(r, "code", v);
    } else if vm.is_subtype(cls, t::OS_ERROR) {
        if a.len() >= 2 {
            vm.incref(a[0]);
            vm.incref(a[1]);
            vm.set_exc_field(r, "errno", a[0]);
            vm.set_exc_field(r, "strerror", a[1]);
            let f = a.get(2).copied().unwrap_or(Value::None);
            vm.incref(f);
            vm.set_exc_field(r, "filename", f);
        } else {
            vm.set_exc_field(r, "errno", Value::None);
            vm.set_exc_field(r, "strerror", Value::None);
            vm.set_exc_field(r, "filename", Value::None);
        }
    } else if vm.is_subtype(cls, t::SYNTAX_ERROR) {
        let msg = a.first().copied().unwrap_or(Value::None);
        vm.incref(msg);
        vm.set_exc_field(r, "msg", msg);
        let details = a.get(1).map(|d| vm.tuple_items(*d)).unwrap_or_default();
        for (i, name) in [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ]
        .iter()
        .enumerate()
        {
            let v = details.get(i).copied().unwrap_or(Value::None);
            vm.incref(v);
            vm.set_exc_field(r, name, v);
        }
    }
}

fn exception_init(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    if vm.is_subtype(vm.heap.ty(r), t::BASE_EXCEPTION_GROUP) {
        return Ok(Value::None);
    }
    let a: Vec<Value> = args[1..].to_vec();
    // `BaseException.__init__` keeps the tuple `__new__` stored when the arguments are
    // the same (CPython passes both the one argument tuple of the call).
    let same = match vm.heap.kind(r) {
        Kind::Exception(e) => {
            let old = vm.tuple_items(e.args);
            old.len() == a.len() && old.iter().zip(&a).all(|(x, y)| x.is(y))
        }
        _ => false,
    };
    if !same {
        for v in &a {
            vm.incref(*v);
        }
        let tuple = vm.new_tuple(a.clone());
        let old = match vm.heap.kind_mut(r) {
            Kind::Exception(e) => std::mem::replace(&mut e.args, tuple),
            _ => tuple,
        };
        vm.decref(old);
    }
    let cls = vm.heap.ty(r);
    if vm.is_subtype(cls, t::STOP_ITERATION) || vm.is_subtype(cls, t::SYSTEM_EXIT) {
        init_exception_fields(vm, r, cls, &a);
    }
    Ok(Value::None)
}

/// `types.ModuleType(name, doc=None)`: an empty module.
fn module_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("module", args, 2, 3)?;
    let Some(name) = vm.as_str(args[1]).map(str::to_string) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {tn}"
        )));
    };
    let m = vm.new_module(&name);
    if let Some(&doc) = args.get(2) {
        let d = vm.module_dict(m);
        vm.dict_set_str(d, "__doc__", doc);
    }
    Ok(Value::Obj(m))
}

pub fn install(vm: &mut Vm) {
    vm.add_staticmethod(t::OBJECT, "__new__", object_new);
    vm.add_method(t::OBJECT, "__init__", object_init);
    vm.add_staticmethod(t::TYPE, "__new__", type_new);
    vm.add_staticmethod(t::MODULE, "__new__", module_new);
    vm.add_method(t::TYPE, "__init__", type_init);
    vm.add_method(t::TYPE, "__call__", type_call);
    vm.add_staticmethod(t::INT, "__new__", int_new);
    vm.add_staticmethod(t::BOOL, "__new__", bool_new);
    vm.add_staticmethod(t::FLOAT, "__new__", float_new);
    vm.add_staticmethod(t::COMPLEX, "__new__", complex_new);
    vm.add_staticmethod(t::STR, "__new__", str_new);
    vm.add_staticmethod(t::BYTES, "__new__", bytes_new);
    vm.add_staticmethod(t::BYTEARRAY, "__new__", bytearray_new);
    vm.add_method(t::BYTEARRAY, "__init__", bytearray_init);
    vm.add_staticmethod(t::LIST, "__new__", list_new);
    vm.add_method(t::LIST, "__init__", list_init);
    vm.add_staticmethod(t::TUPLE, "__new__", tuple_new);
    vm.add_staticmethod(t::DICT, "__new__", dict_new);
    vm.add_method(t::DICT, "__init__", dict_init);
    vm.add_staticmethod(t::SET, "__new__", set_new);
    vm.add_method(t::SET, "__init__", set_init);
    vm.add_staticmethod(t::FROZENSET, "__new__", frozenset_new);
    vm.add_staticmethod(t::RANGE, "__new__", range_new);
    vm.add_staticmethod(t::SLICE, "__new__", slice_new);
    vm.add_staticmethod(t::ENUMERATE, "__new__", enumerate_new);
    vm.add_staticmethod(t::ZIP, "__new__", zip_new);
    vm.add_staticmethod(t::MAP, "__new__", map_new);
    vm.add_staticmethod(t::FILTER, "__new__", filter_new);
    vm.add_staticmethod(t::REVERSED, "__new__", reversed_new);
    vm.add_staticmethod(t::PROPERTY, "__new__", property_new);
    vm.add_method(t::PROPERTY, "__init__", property_init);
    vm.add_staticmethod(t::CLASSMETHOD, "__new__", classmethod_new);
    vm.add_staticmethod(t::STATICMETHOD, "__new__", staticmethod_new);
    vm.add_staticmethod(t::SUPER, "__new__", super_new);
    vm.add_staticmethod(t::MEMORYVIEW, "__new__", memoryview_new);
    vm.add_staticmethod(t::METHOD, "__new__", method_new);
    vm.add_staticmethod(t::BASE_EXCEPTION, "__new__", exception_new);
    vm.add_method(t::BASE_EXCEPTION, "__init__", exception_init);
}
