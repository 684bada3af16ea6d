//! BigInt: the conversion function, `asIntN`/`asUintN` and the prototype methods.

use super::{int_arg, make_ctor};
use crate::heap::{Kind, NativeCall};
use crate::interp::{Res, Vm};
use crate::value::{num_to_string, Value};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Zero};
use std::sync::Arc;

/// The exact integer value of an integral double.
pub fn bigint_from_f64(n: f64) -> BigInt {
    if n == 0.0 {
        return BigInt::zero();
    }
    let bits = n.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let mag = if e >= 0 {
        BigInt::from(m) << (e as usize)
    } else {
        BigInt::from(m >> ((-e) as u32).min(63))
    };
    if n < 0.0 {
        -mag
    } else {
        mag
    }
}

/// StringToBigInt: decimal or 0x/0o/0b literals, surrounding whitespace allowed.
pub fn parse_bigint(s: &str) -> Option<BigInt> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return Some(BigInt::zero());
    }
    for (p, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(rest) = t.strip_prefix(p) {
            return BigInt::parse_bytes(rest.as_bytes(), radix);
        }
    }
    let (neg, digits) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = BigInt::parse_bytes(digits.as_bytes(), 10)?;
    Some(if neg { -v } else { v })
}

/// ToBigInt.
pub fn to_bigint(vm: &mut Vm, v: &Value) -> Res<BigInt> {
    let p = vm.to_primitive(v, "number")?;
    match p {
        Value::BigInt(b) => Ok((*b).clone()),
        Value::Bool(b) => Ok(BigInt::from(b as u8)),
        Value::Str(s) => match parse_bigint(&s) {
            Some(b) => Ok(b),
            None => Err(vm.throw_error("SyntaxError", &format!("Cannot convert {s} to a BigInt"))),
        },
        Value::Num(n) => {
            if n.fract() != 0.0 || !n.is_finite() {
                let d = num_to_string(n);
                return Err(vm.range_error(&format!(
                    "The number {d} cannot be converted to a BigInt because it is not an integer"
                )));
            }
            Ok(bigint_from_f64(n))
        }
        other => {
            let d = vm.to_display(&other);
            Err(vm.type_error(&format!("Cannot convert {d} to a BigInt")))
        }
    }
}

fn bigint_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_some() {
        return Err(vm.type_error("BigInt is not a constructor"));
    }
    let b = to_bigint(vm, &c.arg(0))?;
    Ok(Value::BigInt(Arc::new(b)))
}

fn this_bigint(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<Arc<BigInt>> {
    match &c.this {
        Value::BigInt(b) => Ok(b.clone()),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::BigInt(b))) => Ok(b.clone()),
            _ => Err(vm.type_error(&format!(
                "BigInt.prototype.{method} requires that 'this' be a BigInt"
            ))),
        },
        _ => Err(vm.type_error(&format!(
            "BigInt.prototype.{method} requires that 'this' be a BigInt"
        ))),
    }
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = this_bigint(vm, c, "toString")?;
    let r = int_arg(vm, c, 0, 10.0)?;
    if !(2.0..=36.0).contains(&r) {
        return Err(vm.range_error("toString() radix must be between 2 and 36"));
    }
    Ok(Value::str(&b.to_str_radix(r as u32)))
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = this_bigint(vm, c, "toLocaleString")?;
    let v = Value::BigInt(b);
    let s = super::intl::number::to_locale_string(vm, &v, &c.arg(0), &c.arg(1))?;
    Ok(Value::str(&s))
}

fn value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::BigInt(this_bigint(vm, c, "valueOf")?))
}

fn bits_arg(vm: &mut Vm, c: &NativeCall) -> Res<u64> {
    let n = int_arg(vm, c, 0, 0.0)?;
    if !(0.0..=9007199254740991.0).contains(&n) {
        return Err(vm.range_error("Invalid value: not (convertible to) a safe integer"));
    }
    Ok(n as u64)
}

fn as_uint_n(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let bits = bits_arg(vm, c)?;
    let b = to_bigint(vm, &c.arg(1))?;
    let m = BigInt::one() << bits as usize;
    let mut r = b % &m;
    if r.sign() == Sign::Minus {
        r += &m;
    }
    Ok(Value::BigInt(Arc::new(r)))
}

fn as_int_n(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let bits = bits_arg(vm, c)?;
    let b = to_bigint(vm, &c.arg(1))?;
    if bits == 0 {
        return Ok(Value::BigInt(Arc::new(BigInt::zero())));
    }
    let m = BigInt::one() << bits as usize;
    let mut r = b % &m;
    if r.sign() == Sign::Minus {
        r += &m;
    }
    if r >= (BigInt::one() << (bits as usize - 1)) {
        r -= &m;
    }
    Ok(Value::BigInt(Arc::new(r)))
}

pub fn install(vm: &mut Vm) {
    let bp = vm.realm.bigint_proto;
    let bc = make_ctor(vm, "BigInt", 1, bigint_fn, bp);
    vm.method(bp, "toString", 0, to_string);
    vm.method(bp, "toLocaleString", 0, to_locale_string);
    vm.method(bp, "valueOf", 0, value_of);
    vm.set_tag(bp, "BigInt");
    vm.method(bc, "asUintN", 2, as_uint_n);
    vm.method(bc, "asIntN", 2, as_int_n);
}
