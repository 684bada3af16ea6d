//! The Math object. `Math.random` is a seeded xorshift128+ (V8's generator), so a
//! snippet's output is the same on every run.

use crate::heap::{NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{to_int32, to_uint32, Value};

fn args(vm: &mut Vm, c: &NativeCall, n: usize) -> Res<Vec<f64>> {
    (0..n).map(|i| vm.to_number(&c.arg(i))).collect()
}

macro_rules! m1 {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            let x = vm.to_number(&c.arg(0))?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Num(f(x)))
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
m1!(m_sinh, f64::sinh);
m1!(m_cosh, f64::cosh);
m1!(m_tanh, f64::tanh);
m1!(m_asinh, f64::asinh);
m1!(m_acosh, f64::acosh);
m1!(m_atanh, f64::atanh);
m1!(m_log, f64::ln);
m1!(m_log2, f64::log2);
m1!(m_log10, f64::log10);
m1!(m_log1p, f64::ln_1p);
m1!(m_exp, f64::exp);
m1!(m_expm1, f64::exp_m1);
m1!(m_fround, |x| x as f32 as f64);
m1!(m_sign, |x| if x.is_nan() || x == 0.0 {
    x
} else {
    x.signum()
});
m1!(m_round, |x| {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if x > 0.0 && x < 0.5 {
        return 0.0;
    }
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else {
        f
    }
});
m1!(m_clz32, |x| to_uint32(x).leading_zeros() as f64);

fn m_max(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let xs = args(vm, c, c.args.len())?;
    let mut r = f64::NEG_INFINITY;
    for x in xs {
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x > r || (x == 0.0 && r == 0.0 && !x.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::Num(r))
}

fn m_min(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let xs = args(vm, c, c.args.len())?;
    let mut r = f64::INFINITY;
    for x in xs {
        if x.is_nan() || r.is_nan() {
            r = f64::NAN;
        } else if x < r || (x == 0.0 && r == 0.0 && x.is_sign_negative()) {
            r = x;
        }
    }
    Ok(Value::Num(r))
}

fn m_pow(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = args(vm, c, 2)?;
    vm.binary(
        crate::code::BinOp::Exp,
        &Value::Num(a[0]),
        &Value::Num(a[1]),
    )
}

fn m_atan2(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = args(vm, c, 2)?;
    Ok(Value::Num(a[0].atan2(a[1])))
}

fn m_hypot(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let xs = args(vm, c, c.args.len())?;
    if xs.iter().any(|x| x.is_infinite()) {
        return Ok(Value::Num(f64::INFINITY));
    }
    if xs.iter().any(|x| x.is_nan()) {
        return Ok(Value::Num(f64::NAN));
    }
    let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return Ok(Value::Num(0.0));
    }
    let s: f64 = xs.iter().map(|x| (x / max) * (x / max)).sum();
    Ok(Value::Num(s.sqrt() * max))
}

fn m_imul(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = args(vm, c, 2)?;
    Ok(Value::Num(
        to_int32(a[0]).wrapping_mul(to_int32(a[1])) as f64
    ))
}

fn m_random(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(vm.random()))
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    let math = vm.new_object();
    vm.set_hidden(g, "Math", Value::Obj(math));
    let fns: [(&str, u32, NativeFnPtr); 35] = [
        ("abs", 1, m_abs),
        ("acos", 1, m_acos),
        ("acosh", 1, m_acosh),
        ("asin", 1, m_asin),
        ("asinh", 1, m_asinh),
        ("atan", 1, m_atan),
        ("atanh", 1, m_atanh),
        ("atan2", 2, m_atan2),
        ("ceil", 1, m_ceil),
        ("cbrt", 1, m_cbrt),
        ("expm1", 1, m_expm1),
        ("clz32", 1, m_clz32),
        ("cos", 1, m_cos),
        ("cosh", 1, m_cosh),
        ("exp", 1, m_exp),
        ("floor", 1, m_floor),
        ("fround", 1, m_fround),
        ("hypot", 2, m_hypot),
        ("imul", 2, m_imul),
        ("log", 1, m_log),
        ("log1p", 1, m_log1p),
        ("log2", 1, m_log2),
        ("log10", 1, m_log10),
        ("max", 2, m_max),
        ("min", 2, m_min),
        ("pow", 2, m_pow),
        ("random", 0, m_random),
        ("round", 1, m_round),
        ("sign", 1, m_sign),
        ("sin", 1, m_sin),
        ("sinh", 1, m_sinh),
        ("sqrt", 1, m_sqrt),
        ("tan", 1, m_tan),
        ("tanh", 1, m_tanh),
        ("trunc", 1, m_trunc),
    ];
    for (n, l, f) in fns {
        vm.method(math, n, l, f);
    }
    for (n, v) in [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ] {
        vm.set_const(math, n, Value::Num(v));
    }
    vm.set_tag(math, "Math");
}
