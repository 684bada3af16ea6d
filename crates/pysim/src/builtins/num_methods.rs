//! Methods of `int`, `bool`, `float` and `complex` (`bit_length`, `to_bytes`,
//! `as_integer_ratio`, `is_integer`, `hex`, ...) and the arithmetic dunders every
//! built-in type exposes for explicit calls (`(1).__add__(2)`, `super().__add__`).

use crate::code::BinOp;
use crate::interp::number::Num;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::types as t;
use crate::value::Value;
use crate::PResult;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

fn this(args: &[Value]) -> Value {
    args.first().copied().unwrap_or(Value::None)
}

/// The operands of a binary dunder `name` (two arguments), swapped for the reflected one.
fn operands(vm: &mut Vm, args: &[Value], name: &str, reflected: bool) -> PResult<(Value, Value)> {
    vm.nargs(name, args, 2, 2)?;
    Ok(if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    })
}

fn binop(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PResult<Value> {
    let name = if reflected { op.rdunder() } else { op.dunder() };
    let (a, b) = operands(vm, args, name, reflected)?;
    match vm.builtin_binary(a, b, op)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

/// Whether `op` is defined on `ty`: the bitwise operators only on int, floor
/// division and modulo not on complex.
fn arith_applies(ty: crate::value::ObjRef, op: BinOp) -> bool {
    match op {
        BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor => ty == t::INT,
        BinOp::FloorDiv | BinOp::Mod => ty != t::COMPLEX,
        _ => true,
    }
}

macro_rules! binops {
    ($( $f:ident, $rf:ident => $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> { binop(vm, args, $op, false) }
            fn $rf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> { binop(vm, args, $op, true) }
        )*
        /// Registers the arithmetic dunders on a numeric type.
        fn add_arith(vm: &mut Vm, ty: crate::value::ObjRef) {
            $(
                if arith_applies(ty, $op) {
                    vm.add_method(ty, $op.dunder(), $f);
                    vm.add_method(ty, $op.rdunder(), $rf);
                }
            )*
        }
    };
}

binops! {
    add, radd => BinOp::Add;
    sub, rsub => BinOp::Sub;
    mul, rmul => BinOp::Mul;
    truediv, rtruediv => BinOp::TrueDiv;
    floordiv, rfloordiv => BinOp::FloorDiv;
    modulo, rmodulo => BinOp::Mod;
    power, rpower => BinOp::Pow;
    lshift, rlshift => BinOp::LShift;
    rshift, rrshift => BinOp::RShift;
    and, rand => BinOp::And;
    or, ror => BinOp::Or;
    xor, rxor => BinOp::Xor;
}

/// `__divmod__` / `__rdivmod__`: `(a // b, a % b)` or NotImplemented.
fn divmod_impl(vm: &mut Vm, args: &[Value], reflected: bool) -> PResult<Value> {
    let name = if reflected {
        "__rdivmod__"
    } else {
        "__divmod__"
    };
    let (a, b) = operands(vm, args, name, reflected)?;
    let Some(q) = vm.builtin_binary(a, b, BinOp::FloorDiv)? else {
        return Ok(vm.not_implemented());
    };
    let r = match vm.builtin_binary(a, b, BinOp::Mod) {
        Ok(Some(r)) => r,
        other => {
            vm.decref(q);
            return Ok(other?.unwrap_or_else(|| vm.not_implemented()));
        }
    };
    Ok(vm.new_tuple(vec![q, r]))
}

fn num_divmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    divmod_impl(vm, args, false)
}

fn num_rdivmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    divmod_impl(vm, args, true)
}

fn str_rmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Mod, true)
}

fn seq_add(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Add, false)
}

fn seq_mul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Mul, false)
}

fn seq_rmul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Mul, true)
}

fn str_mod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    binop(vm, args, BinOp::Mod, false)
}

/// Registers `__add__` / `__mul__` / `__rmul__` (and `__mod__` for str/bytes) on a
/// sequence type.
pub fn add_seq_ops(vm: &mut Vm, ty: crate::value::ObjRef, with_mod: bool) {
    vm.add_method(ty, "__add__", seq_add);
    vm.add_method(ty, "__mul__", seq_mul);
    vm.add_method(ty, "__rmul__", seq_rmul);
    if with_mod {
        vm.add_method(ty, "__mod__", str_mod);
        vm.add_method(ty, "__rmod__", str_rmod);
    }
}

fn neg(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.unary_op(this(args), crate::code::Op::UnaryNeg)
}

fn pos(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.unary_op(this(args), crate::code::Op::UnaryPos)
}

fn invert(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.unary_op(this(args), crate::code::Op::UnaryInvert)
}

fn num_abs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    match vm.num_of(this(args)) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(a) => vm.int(a),
            None => vm.new_bigint(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => Ok(vm.new_bigint(b.abs())),
        Some(Num::F(f)) => Ok(vm.float(f.abs())),
        Some(Num::C(a, b)) => Ok(vm.float(a.hypot(b))),
        None => Ok(vm.not_implemented()),
    }
}

fn num_bool(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    Ok(Value::Bool(vm.truthy(v)?))
}

fn to_int(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    let b = vm.int_value(v, None)?;
    Ok(vm.new_bigint(b))
}

fn to_float(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let f = vm.float_value(this(args))?;
    Ok(vm.float(f))
}

fn int_index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = vm.bigint_of(this(args)).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

fn bit_length(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = vm.bigint_of(this(args)).unwrap_or_default();
    Ok(vm.int(b.bits() as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = vm.bigint_of(this(args)).unwrap_or_default();
    let n: u64 = b
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.int(n as i64))
}

fn conjugate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    match vm.num_of(this(args)) {
        Some(Num::C(a, b)) => Ok(vm.new_complex(a, -b)),
        Some(n) => Ok(vm.num_value(n)),
        None => Ok(Value::None),
    }
}

fn byteorder_arg(vm: &mut Vm, args: &[Value], kw: Kw, idx: usize) -> PResult<bool> {
    let bo = args.get(idx).copied().or_else(|| vm.kwarg(kw, "byteorder"));
    match bo
        .and_then(|b| vm.as_str(b).map(|s| s.to_string()))
        .as_deref()
    {
        None | Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn to_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let v = vm.bigint_of(this(args)).unwrap_or_default();
    let length = match args.get(1).copied().or_else(|| vm.kwarg(kw, "length")) {
        Some(l) => vm.index_arg(l)? as usize,
        None => 1,
    };
    let big = byteorder_arg(vm, args, kw, 2)?;
    let signed = match vm.kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if v.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        v.to_signed_bytes_be()
    } else {
        v.to_bytes_be().1
    };
    if v.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if signed && v.is_negative() { 0xff } else { 0 };
    let mut out = vec![pad; length - bytes.len()];
    out.extend(bytes);
    if !big {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

fn from_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let data = args
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(kw, "bytes"))
        .unwrap_or(Value::None);
    let mut b = match vm.bytes_like(data) {
        Some(b) => b,
        None => {
            let items = vm.collect_iter(data)?;
            let out: Vec<u8> = items
                .iter()
                .filter_map(|x| vm.int_value_of(*x))
                .map(|x| x as u8)
                .collect();
            vm.decref_all(items);
            out
        }
    };
    let big = byteorder_arg(vm, args, kw, 2)?;
    let signed = match vm.kwarg(kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !big {
        b.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&b)
    } else {
        BigInt::from_bytes_be(num_bigint::Sign::Plus, &b)
    };
    Ok(vm.new_bigint(v))
}

fn int_round(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    match args.get(1) {
        None | Some(Value::None) => {
            let b = vm.bigint_of(v).unwrap_or_default();
            Ok(vm.new_bigint(b))
        }
        Some(_) => {
            let f = vm.dict_get_str(vm.builtins, "round").unwrap_or(Value::None);
            vm.call(f, args, &[])
        }
    }
}

fn int_trunc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = vm.bigint_of(this(args)).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    match vm.num_of(this(args)) {
        Some(Num::F(f)) => {
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
            }
            if f.is_nan() {
                return Err(vm.value_error("cannot convert NaN to integer ratio"));
            }
            let (m, e) = crate::objects::int::frexp(f);
            let mut mant = m;
            let mut exp = e;
            while mant != mant.floor() {
                mant *= 2.0;
                exp -= 1;
            }
            let mut num = BigInt::from(mant as i64);
            let mut den = BigInt::from(1);
            if exp > 0 {
                num <<= exp as usize;
            } else {
                den <<= (-exp) as usize;
            }
            let n = vm.new_bigint(num);
            let d = vm.new_bigint(den);
            Ok(vm.new_tuple(vec![n, d]))
        }
        Some(Num::I(i)) => {
            let n = vm.int(i);
            Ok(vm.new_tuple(vec![n, Value::small(1)]))
        }
        Some(Num::B(b)) => {
            let n = vm.new_bigint(b);
            Ok(vm.new_tuple(vec![n, Value::small(1)]))
        }
        _ => Ok(Value::None),
    }
}

fn is_integer(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::Bool(match vm.num_of(this(args)) {
        Some(Num::F(f)) => f.is_finite() && f == f.trunc(),
        Some(Num::I(_) | Num::B(_)) => true,
        _ => false,
    }))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(Num::F(f)) = vm.num_of(this(args)) else {
        return Ok(Value::None);
    };
    let s = if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0".to_string()
        } else {
            "0x0.0p+0".to_string()
        }
    } else if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else {
        let bits = f.to_bits();
        let sign = if f < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1u64 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let hex = format!("{mant:013x}");
        format!(
            "{sign}0x{lead}.{hex}p{}{}",
            if e >= 0 { "+" } else { "-" },
            e.abs()
        )
    };
    Ok(vm.new_string(s))
}

fn float_round(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let f = vm.dict_get_str(vm.builtins, "round").unwrap_or(Value::None);
    let Some(Num::F(x)) = vm.num_of(this(args)) else {
        return Ok(Value::None);
    };
    let fv = vm.float(x);
    let mut a = vec![fv];
    a.extend_from_slice(&args[1..]);
    vm.call(f, &a, &[])
}

fn float_trunc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = vm.int_value(this(args), None)?;
    Ok(vm.new_bigint(b))
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let f = vm.float_value(this(args))?;
    let fl = vm.float(f.floor());
    let b = vm.int_value(fl, None)?;
    Ok(vm.new_bigint(b))
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let f = vm.float_value(this(args))?;
    let fl = vm.float(f.ceil());
    let b = vm.int_value(fl, None)?;
    Ok(vm.new_bigint(b))
}

fn num_format(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__format__", args, 2, 2)?;
    let spec = vm.as_str(args[1]).unwrap_or("").to_string();
    let v = match vm.num_of(args[0]) {
        Some(n) => vm.num_value(n),
        None => {
            vm.incref(args[0]);
            args[0]
        }
    };
    let r = vm.format(v, &spec);
    vm.decref(v);
    let s = r?;
    Ok(vm.new_string(s))
}

fn int_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = match vm.num_of(this(args)) {
        Some(Num::I(i)) => {
            if let Value::Bool(b) = this(args) {
                if b {
                    "True".to_string()
                } else {
                    "False".to_string()
                }
            } else {
                i.to_string()
            }
        }
        Some(Num::B(b)) => b.to_string(),
        Some(Num::F(f)) => crate::format::float::repr(f),
        Some(Num::C(a, b)) => crate::format::repr::complex_repr(a, b),
        None => String::new(),
    };
    Ok(vm.new_string(s))
}

fn num_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = match vm.num_of(this(args)) {
        Some(n) => vm.num_value(n),
        None => Value::None,
    };
    let h = vm.hash(v)?;
    vm.decref(v);
    Ok(vm.int(h))
}

fn getnewargs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = match vm.num_of(this(args)) {
        Some(n) => vm.num_value(n),
        None => Value::None,
    };
    Ok(vm.new_tuple(vec![v]))
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = args
        .get(1)
        .and_then(|v| vm.as_str(*v))
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let (neg, body) = match s.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, s.trim_start_matches('+').to_string()),
    };
    let body = body.trim_start_matches("0x");
    let (mant, exp) = body.split_once('p').unwrap_or((body, "0"));
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0 + c.to_digit(16).unwrap_or(0) as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += c.to_digit(16).unwrap_or(0) as f64 * scale;
        scale /= 16.0;
    }
    let e: i32 = exp.parse().unwrap_or(0);
    let r = v * 2f64.powi(e);
    Ok(vm.float(if neg { -r } else { r }))
}

/// `float.__getformat__(typestr)`: the machine's float layout.
fn float_getformat(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getformat__", args, 2, 2)?;
    match vm.as_str(args[1]) {
        Some("double" | "float") => Ok(vm.new_str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => {
            let tn = vm.type_name_of(args[1]);
            Err(vm.type_error(format!("__getformat__() argument must be str, not {tn}")))
        }
    }
}

pub fn install(vm: &mut Vm) {
    vm.add_classmethod(t::FLOAT, "__getformat__", float_getformat);
    for ty in [t::INT, t::FLOAT] {
        vm.add_method(ty, "__divmod__", num_divmod);
        vm.add_method(ty, "__rdivmod__", num_rdivmod);
    }
    for ty in [t::INT, t::FLOAT, t::COMPLEX] {
        add_arith(vm, ty);
        vm.add_method(ty, "__neg__", neg);
        vm.add_method(ty, "__pos__", pos);
        vm.add_method(ty, "__abs__", num_abs);
        vm.add_method(ty, "__bool__", num_bool);
        vm.add_method(ty, "conjugate", conjugate);
        vm.add_method(ty, "__format__", num_format);
        vm.add_method(ty, "__repr__", int_repr);
        vm.add_method(ty, "__hash__", num_hash);
        vm.add_method(ty, "__getnewargs__", getnewargs);
    }
    vm.add_method(t::BOOL, "__repr__", int_repr);
    for ty in [t::INT, t::FLOAT] {
        vm.add_method(ty, "__int__", to_int);
        vm.add_method(ty, "__float__", to_float);
        vm.add_method(ty, "as_integer_ratio", as_integer_ratio);
        vm.add_method(
            ty,
            "__trunc__",
            if ty == t::INT { int_trunc } else { float_trunc },
        );
    }
    vm.add_method(t::INT, "__index__", int_index);
    vm.add_method(t::INT, "__invert__", invert);
    vm.add_method(t::INT, "bit_length", bit_length);
    vm.add_method(t::INT, "bit_count", bit_count);
    vm.add_method(t::INT, "to_bytes", to_bytes);
    vm.add_classmethod(t::INT, "from_bytes", from_bytes);
    vm.add_method(t::INT, "__round__", int_round);
    vm.add_method(t::INT, "__floor__", int_trunc);
    vm.add_method(t::INT, "__ceil__", int_trunc);
    vm.add_method(t::FLOAT, "is_integer", is_integer);
    vm.add_method(t::FLOAT, "hex", float_hex);
    vm.add_classmethod(t::FLOAT, "fromhex", float_fromhex);
    vm.add_method(t::FLOAT, "__round__", float_round);
    vm.add_method(t::FLOAT, "__floor__", float_floor);
    vm.add_method(t::FLOAT, "__ceil__", float_ceil);
}
