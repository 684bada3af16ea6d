//! Number, Math (seeded random), BigInt and the numeric globals.

use super::{int_arg, make_ctor};
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{num_to_radix, num_to_string, Value};
use num_bigint::BigInt;
use std::sync::Arc;

fn this_num(vm: &mut Vm, c: &NativeCall) -> Res<f64> {
    match &c.this {
        Value::Num(n) => Ok(*n),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Num(n))) => Ok(*n),
            _ => Err(vm.type_error("Number.prototype.valueOf requires that 'this' be a Number")),
        },
        _ => Err(vm.type_error("Number.prototype.valueOf requires that 'this' be a Number")),
    }
}

fn number_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = match c.args.first() {
        None => 0.0,
        Some(Value::BigInt(b)) => num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::NAN),
        Some(v) => vm.to_number(v)?,
    };
    if c.new_target.is_some() {
        let p = vm.realm.number_proto;
        return Ok(Value::Obj(vm.alloc(Some(p), Kind::Boxed(Value::Num(n)))));
    }
    Ok(Value::Num(n))
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c)?;
    let r = int_arg(vm, c, 0, 10.0)?;
    if !(2.0..=36.0).contains(&r) {
        return Err(vm.range_error("toString() radix must be between 2 and 36"));
    }
    Ok(Value::str(&if r == 10.0 {
        num_to_string(n)
    } else {
        num_to_radix(n, r as u32)
    }))
}

fn value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(this_num(vm, c)?))
}

/// Number.prototype.toFixed (exact decimal rounding of the double).
pub fn to_fixed_str(n: f64, d: usize) -> String {
    if n.abs() >= 1e21 {
        return num_to_string(n);
    }
    let mut buf = ryu_js::Buffer::new();
    let s = buf.format_to_fixed(n, d as u8).to_string();
    if s == "-0" || (s.starts_with("-0.") && s.trim_start_matches("-0.").chars().all(|c| c == '0'))
    {
        return s.trim_start_matches('-').to_string();
    }
    s
}

fn to_fixed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c)?;
    let d = int_arg(vm, c, 0, 0.0)?;
    if !(0.0..=100.0).contains(&d) {
        return Err(vm.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    if !n.is_finite() {
        return Ok(Value::str(&num_to_string(n)));
    }
    Ok(Value::str(&to_fixed_str(n, d as usize)))
}

fn to_precision(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c)?;
    if matches!(c.arg(0), Value::Undefined) || !n.is_finite() {
        return Ok(Value::str(&num_to_string(n)));
    }
    let p = int_arg(vm, c, 0, 1.0)?;
    if !(1.0..=100.0).contains(&p) {
        return Err(vm.range_error("toPrecision() argument must be between 1 and 100"));
    }
    let p = p as i32;
    if n == 0.0 {
        return Ok(Value::str(&if p > 1 {
            format!("0.{}", "0".repeat(p as usize - 1))
        } else {
            "0".into()
        }));
    }
    let e = n.abs().log10().floor() as i32;
    let s = format!("{:.*e}", (p - 1) as usize, n);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(e);
    if exp < -6 || exp >= p {
        let sign = if exp >= 0 { "+" } else { "-" };
        return Ok(Value::str(&format!("{mant}e{sign}{}", exp.abs())));
    }
    Ok(Value::str(&to_fixed_str(n, (p - 1 - exp).max(0) as usize)))
}

fn to_exponential(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c)?;
    let d = int_arg(vm, c, 0, 6.0)?;
    let s = format!("{:.*e}", d as usize, n);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    Ok(Value::str(&format!(
        "{m}e{}{}",
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )))
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c)?;
    if !n.is_finite() {
        return Ok(Value::str(&num_to_string(n)));
    }
    let rounded = (n * 1000.0).round() / 1000.0;
    let s = num_to_string(rounded.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Ok(Value::str(&if n < 0.0 { format!("-{out}") } else { out }))
}

fn is_integer(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(
        matches!(c.arg(0), Value::Num(n) if n.is_finite() && n.fract() == 0.0),
    ))
}
fn is_safe_integer(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(
        matches!(c.arg(0), Value::Num(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= 9007199254740991.0),
    ))
}
fn num_is_nan(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(matches!(c.arg(0), Value::Num(n) if n.is_nan())))
}
fn num_is_finite(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(
        matches!(c.arg(0), Value::Num(n) if n.is_finite()),
    ))
}
fn is_nan(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(vm.to_number(&c.arg(0))?.is_nan()))
}
fn is_finite(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(vm.to_number(&c.arg(0))?.is_finite()))
}

fn parse_float(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let t = s.trim_start();
    for inf in ["Infinity", "+Infinity"] {
        if t.starts_with(inf) {
            return Ok(Value::Num(f64::INFINITY));
        }
    }
    if t.starts_with("-Infinity") {
        return Ok(Value::Num(f64::NEG_INFINITY));
    }
    let mut end = 0;
    let b = t.as_bytes();
    let mut seen_dot = false;
    let mut seen_e = false;
    let mut digits = false;
    while end < b.len() {
        let ch = b[end];
        if ch.is_ascii_digit() {
            digits = true;
        } else if ch == b'.' && !seen_dot && !seen_e {
            seen_dot = true;
        } else if (ch == b'e' || ch == b'E') && digits && !seen_e {
            if end + 1 < b.len()
                && (b[end + 1].is_ascii_digit()
                    || ((b[end + 1] == b'+' || b[end + 1] == b'-')
                        && end + 2 < b.len()
                        && b[end + 2].is_ascii_digit()))
            {
                seen_e = true;
                end += 1;
            } else {
                break;
            }
        } else if (ch == b'+' || ch == b'-') && end == 0 {
        } else {
            break;
        }
        end += 1;
    }
    Ok(Value::Num(t[..end].parse::<f64>().unwrap_or(f64::NAN)))
}

fn parse_int(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let mut t = s.trim_start().to_string();
    let neg = t.starts_with('-');
    if t.starts_with('-') || t.starts_with('+') {
        t.remove(0);
    }
    let mut radix = vm.to_number(&c.arg(1))? as i32;
    if radix == 0 {
        radix = 10;
        if t.starts_with("0x") || t.starts_with("0X") {
            radix = 16;
            t = t[2..].to_string();
        }
    } else if radix == 16 && (t.starts_with("0x") || t.starts_with("0X")) {
        t = t[2..].to_string();
    }
    if !(2..=36).contains(&radix) {
        return Ok(Value::Num(f64::NAN));
    }
    let mut v = 0f64;
    let mut any = false;
    for ch in t.chars() {
        match ch.to_digit(radix as u32) {
            Some(d) => {
                v = v * radix as f64 + d as f64;
                any = true;
            }
            None => break,
        }
    }
    if !any {
        return Ok(Value::Num(f64::NAN));
    }
    Ok(Value::Num(if neg { -v } else { v }))
}

fn math1(vm: &mut Vm, c: &NativeCall, f: fn(f64) -> f64) -> Res<Value> {
    let x = vm.to_number(&c.arg(0))?;
    Ok(Value::Num(f(x)))
}

macro_rules! m1 {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            math1(vm, c, $f)
        }
    };
}
m1!(m_abs, f64::abs);
m1!(m_floor, f64::floor);
m1!(m_ceil, f64::ceil);
m1!(m_trunc, f64::trunc);
m1!(m_sqrt, f64::sqrt);
m1!(m_cbrt, f64::cbrt);
m1!(m_sin, f64::sin);
m1!(m_cos, f64::cos);
m1!(m_tan, f64::tan);
m1!(m_atan, f64::atan);
m1!(m_asin, f64::asin);
m1!(m_acos, f64::acos);
m1!(m_log, f64::ln);
m1!(m_log2, f64::log2);
m1!(m_log10, f64::log10);
m1!(m_exp, f64::exp);
m1!(m_sign, |x: f64| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});
m1!(m_round, |x: f64| if x.is_nan() || x.is_infinite() {
    x
} else {
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else if f == 0.0 && x < 0.0 {
        -0.0
    } else {
        f
    }
});
m1!(m_fround, |x: f64| x as f32 as f64);
m1!(m_log1p, f64::ln_1p);
m1!(m_expm1, f64::exp_m1);
m1!(m_sinh, f64::sinh);
m1!(m_cosh, f64::cosh);
m1!(m_tanh, f64::tanh);

fn m_max(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut r = f64::NEG_INFINITY;
    for a in &c.args {
        let x = vm.to_number(a)?;
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x > r || (x == 0.0 && r == 0.0 && !x.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::Num(r))
}

fn m_min(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut r = f64::INFINITY;
    for a in &c.args {
        let x = vm.to_number(a)?;
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x < r || (x == 0.0 && r == 0.0 && x.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::Num(r))
}

fn m_pow(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = vm.to_number(&c.arg(0))?;
    let b = vm.to_number(&c.arg(1))?;
    vm.binary(crate::code::BinOp::Exp, &Value::Num(a), &Value::Num(b))
}

fn m_atan2(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = vm.to_number(&c.arg(0))?;
    let b = vm.to_number(&c.arg(1))?;
    Ok(Value::Num(a.atan2(b)))
}

fn m_hypot(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut s = 0.0;
    for a in &c.args {
        let x = vm.to_number(a)?;
        s += x * x;
    }
    Ok(Value::Num(s.sqrt()))
}

fn m_random(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(vm.random()))
}

fn bigint_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_some() {
        return Err(vm.type_error("BigInt is not a constructor"));
    }
    match c.arg(0) {
        Value::Num(n) => {
            if n.fract() != 0.0 || !n.is_finite() {
                let d = num_to_string(n);
                return Err(vm.range_error(&format!(
                    "The number {d} cannot be converted to a BigInt because it is not an integer"
                )));
            }
            Ok(Value::BigInt(Arc::new(BigInt::from(n as i128))))
        }
        Value::BigInt(b) => Ok(Value::BigInt(b)),
        Value::Bool(b) => Ok(Value::BigInt(Arc::new(BigInt::from(b as u8)))),
        Value::Str(s) => match s.trim().parse::<BigInt>() {
            Ok(b) => Ok(Value::BigInt(Arc::new(b))),
            Err(_) => {
                Err(vm.throw_error("SyntaxError", &format!("Cannot convert {s} to a BigInt")))
            }
        },
        v => {
            let d = vm.to_display(&v);
            Err(vm.type_error(&format!("Cannot convert {d} to a BigInt")))
        }
    }
}

fn bigint_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let b = match &c.this {
        Value::BigInt(b) => b.clone(),
        _ => {
            return Err(vm.type_error("BigInt.prototype.toString requires that 'this' be a BigInt"))
        }
    };
    let r = int_arg(vm, c, 0, 10.0)? as u32;
    Ok(Value::str(&b.to_str_radix(r.clamp(2, 36))))
}

fn bigint_value_of(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(c.this.clone())
}

pub fn install(vm: &mut Vm) {
    let np = vm.realm.number_proto;
    let nc = make_ctor(vm, "Number", 1, number_ctor, np);
    let list: [(&str, u32, NativeFnPtr); 7] = [
        ("toString", 1, to_string),
        ("valueOf", 0, value_of),
        ("toFixed", 1, to_fixed),
        ("toPrecision", 1, to_precision),
        ("toExponential", 1, to_exponential),
        ("toLocaleString", 0, to_locale_string),
        ("toJSON", 0, value_of),
    ];
    for (n, l, f) in list {
        vm.method(np, n, l, f);
    }
    vm.method(nc, "isInteger", 1, is_integer);
    vm.method(nc, "isSafeInteger", 1, is_safe_integer);
    vm.method(nc, "isNaN", 1, num_is_nan);
    vm.method(nc, "isFinite", 1, num_is_finite);
    let pf = vm.method(nc, "parseFloat", 1, parse_float);
    let pi = vm.method(nc, "parseInt", 2, parse_int);
    for (n, v) in [
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("EPSILON", f64::EPSILON),
        ("POSITIVE_INFINITY", f64::INFINITY),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("NaN", f64::NAN),
    ] {
        vm.set_hidden(nc, n, Value::Num(v));
    }
    let g = vm.realm.global;
    vm.set_hidden(g, "parseFloat", Value::Obj(pf));
    vm.set_hidden(g, "parseInt", Value::Obj(pi));
    vm.method(g, "isNaN", 1, is_nan);
    vm.method(g, "isFinite", 1, is_finite);
    vm.set_hidden(g, "NaN", Value::Num(f64::NAN));
    vm.set_hidden(g, "Infinity", Value::Num(f64::INFINITY));
    vm.set_hidden(g, "undefined", Value::Undefined);

    let math = vm.new_object();
    vm.set_hidden(g, "Math", Value::Obj(math));
    let fns: [(&str, u32, NativeFnPtr); 33] = [
        ("abs", 1, m_abs),
        ("floor", 1, m_floor),
        ("ceil", 1, m_ceil),
        ("trunc", 1, m_trunc),
        ("round", 1, m_round),
        ("sqrt", 1, m_sqrt),
        ("cbrt", 1, m_cbrt),
        ("sin", 1, m_sin),
        ("cos", 1, m_cos),
        ("tan", 1, m_tan),
        ("atan", 1, m_atan),
        ("asin", 1, m_asin),
        ("acos", 1, m_acos),
        ("atan2", 2, m_atan2),
        ("log", 1, m_log),
        ("log2", 1, m_log2),
        ("log10", 1, m_log10),
        ("exp", 1, m_exp),
        ("sign", 1, m_sign),
        ("fround", 1, m_fround),
        ("log1p", 1, m_log1p),
        ("expm1", 1, m_expm1),
        ("sinh", 1, m_sinh),
        ("cosh", 1, m_cosh),
        ("tanh", 1, m_tanh),
        ("max", 2, m_max),
        ("min", 2, m_min),
        ("pow", 2, m_pow),
        ("hypot", 2, m_hypot),
        ("random", 0, m_random),
        ("clz32", 1, m_trunc),
        ("imul", 2, m_pow),
        ("asinh", 1, m_sinh),
    ];
    for (n, l, f) in fns {
        if matches!(n, "clz32" | "imul" | "asinh") {
            continue;
        }
        vm.method(math, n, l, f);
    }
    for (n, v) in [
        ("PI", std::f64::consts::PI),
        ("E", std::f64::consts::E),
        ("LN2", std::f64::consts::LN_2),
        ("LN10", std::f64::consts::LN_10),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("SQRT2", std::f64::consts::SQRT_2),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
    ] {
        vm.set_hidden(math, n, Value::Num(v));
    }
    vm.set_hidden(math, "@Symbol.toStringTag", Value::str("Math"));

    let bp = vm.realm.bigint_proto;
    let bc = make_ctor(vm, "BigInt", 1, bigint_fn, bp);
    if let Some(Kind::Native(n)) = vm.heap.get_mut(bc).map(|o| &mut o.kind) {
        n.ctor = false;
    }
    vm.method(bp, "toString", 0, bigint_to_string);
    vm.method(bp, "valueOf", 0, bigint_value_of);
    vm.method(bp, "toLocaleString", 0, bigint_to_string);
}
