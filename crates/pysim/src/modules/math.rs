//! `math`: the float functions of the platform C library (as CPython calls them, so
//! results agree to the last bit), CPython's error rules ("math domain error",
//! "math range error"), exact integer functions on big ints (`factorial`, `gcd`,
//! `isqrt`, `comb`, ...) and Shewchuk's exact `fsum`.

use crate::interp::number::Num;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

impl Vm {
    /// A float argument of a math function (`must be real number, not str`).
    fn math_float(&mut self, v: Value) -> PResult<f64> {
        match self.num_of(v) {
            Some(Num::I(i)) => return Ok(i as f64),
            Some(Num::B(b)) => {
                return crate::interp::number::big_to_f64(&b)
                    .ok_or_else(|| self.overflow_error("int too large to convert to float"))
            }
            Some(Num::F(f)) => return Ok(f),
            _ => {}
        }
        let ty = self.type_of(v);
        if self.lookup_type_str(ty, "__float__").is_some()
            || self.lookup_type_str(ty, "__index__").is_some()
        {
            return self.float_value(v);
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!("must be real number, not {tn}")))
    }

    /// An integer argument of a math function (`'float' object cannot be interpreted as an integer`).
    fn math_int(&mut self, v: Value) -> PResult<BigInt> {
        if let Some(b) = self.bigint_of(v) {
            return Ok(b);
        }
        let ty = self.type_of(v);
        if let Some(f) = self.lookup_type_str(ty, "__index__") {
            let r = self.call(f, &[v], &[]);
            self.decref(f);
            let r = r?;
            let b = self.bigint_of(r);
            self.decref(r);
            if let Some(b) = b {
                return Ok(b);
            }
        }
        let tn = self.type_name(ty);
        Err(self.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
    }

    fn domain_error(&mut self) -> crate::Throw {
        self.value_error("math domain error")
    }

    fn range_error(&mut self) -> crate::Throw {
        self.overflow_error("math range error")
    }

    /// The result of a libm call checked as CPython's `math_1` does: a NaN from a
    /// non-NaN argument is a domain error, an infinity from a finite one overflow.
    fn math_result(&mut self, x: f64, r: f64, can_overflow: bool) -> PResult<Value> {
        if r.is_nan() && !x.is_nan() {
            return Err(self.domain_error());
        }
        if r.is_infinite() && x.is_finite() {
            return Err(if can_overflow {
                self.range_error()
            } else {
                self.domain_error()
            });
        }
        Ok(self.float(r))
    }

    /// An int result: small or big.
    fn int_result(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => self.int(i),
            None => self.new_bigint(b),
        }
    }

    /// `floor` / `ceil` of a float as an int (errors for infinities and NaN).
    fn float_to_int(&mut self, f: f64) -> PResult<Value> {
        if f.is_nan() {
            return Err(self.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(self.overflow_error("cannot convert float infinity to integer"));
        }
        if f.abs() < 9.0e18 {
            return Ok(self.int(f as i64));
        }
        let b: BigInt = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
        Ok(self.int_result(b))
    }
}

macro_rules! unary {
    ($name:ident, $py:literal, $f:expr, $overflow:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            vm.nargs($py, args, 1, 1)?;
            let x = vm.math_float(args[0])?;
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            vm.math_result(x, r, $overflow)
        }
    };
}

unary!(sqrt, "sqrt", f64::sqrt, false);
unary!(exp, "exp", f64::exp, true);
unary!(exp2, "exp2", f64::exp2, true);
unary!(expm1, "expm1", f64::exp_m1, true);
unary!(sin, "sin", f64::sin, false);
unary!(cos, "cos", f64::cos, false);
unary!(tan, "tan", f64::tan, false);
unary!(asin, "asin", f64::asin, false);
unary!(acos, "acos", f64::acos, false);
unary!(atan, "atan", f64::atan, false);
unary!(sinh, "sinh", f64::sinh, true);
unary!(cosh, "cosh", f64::cosh, true);
unary!(tanh, "tanh", f64::tanh, false);
unary!(asinh, "asinh", f64::asinh, false);
unary!(acosh, "acosh", f64::acosh, false);
unary!(atanh, "atanh", f64::atanh, false);
unary!(fabs, "fabs", f64::abs, false);
unary!(cbrt, "cbrt", f64::cbrt, false);
unary!(erf, "erf", libm::erf, false);
unary!(erfc, "erfc", libm::erfc, false);

fn sin_cos_guard(vm: &mut Vm, x: f64) -> PResult<()> {
    if x.is_infinite() {
        return Err(vm.domain_error());
    }
    Ok(())
}

fn sin_checked(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("sin", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    sin_cos_guard(vm, x)?;
    sin(vm, args, kw)
}

fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PResult<f64> {
    // Ints too large for a float: log(m * 2**e) = log(m) + e*log(2).
    if let Some(Num::B(b)) = vm.num_of(v) {
        if !b.is_positive() {
            return Err(vm.domain_error());
        }
        if b.to_f64().is_some_and(|x| x.is_finite()) {
            return Ok(f(b.to_f64().unwrap_or(0.0)));
        }
        let bits = b.bits();
        let shift = bits - 53;
        let m: BigInt = &b >> shift;
        let mf = m.to_f64().unwrap_or(1.0);
        return Ok(f(mf) + shift as f64 * f(2.0));
    }
    let x = vm.math_float(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(vm.domain_error());
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("log", args, 1, 2)?;
    let num = log_of(vm, args[0], f64::ln)?;
    let r = match args.get(1) {
        Some(b) => {
            let den = log_of(vm, *b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.exc(t::ZERO_DIVISION_ERROR, "float division by zero"));
            }
            num / den
        }
        None => num,
    };
    Ok(vm.float(r))
}

fn log2(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("log2", args, 1, 1)?;
    let r = log_of(vm, args[0], f64::log2)?;
    Ok(vm.float(r))
}

fn log10(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("log10", args, 1, 1)?;
    let r = log_of(vm, args[0], f64::log10)?;
    Ok(vm.float(r))
}

fn log1p(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("log1p", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    if x <= -1.0 {
        return Err(vm.domain_error());
    }
    let r = x.ln_1p();
    Ok(vm.float(r))
}

fn pow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("pow", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let y = vm.math_float(args[1])?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.domain_error());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(vm.domain_error());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.range_error());
    }
    Ok(vm.float(r))
}

fn atan2(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("atan2", args, 2, 2)?;
    let y = vm.math_float(args[0])?;
    let x = vm.math_float(args[1])?;
    Ok(vm.float(y.atan2(x)))
}

fn fmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("fmod", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let y = vm.math_float(args[1])?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(vm.domain_error());
    }
    Ok(vm.float(x % y))
}

fn remainder(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("remainder", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let y = vm.math_float(args[1])?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(vm.domain_error());
    }
    Ok(vm.float(libm::remainder(x, y)))
}

fn copysign(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("copysign", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let y = vm.math_float(args[1])?;
    Ok(vm.float(x.copysign(y)))
}

fn degrees(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("degrees", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    Ok(vm.float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("radians", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    Ok(vm.float(x * (std::f64::consts::PI / 180.0)))
}

/// CPython 3.11's `vector_norm`: lossless scaling and squaring with compensated
/// sums, then a differential correction of the square root.
fn vector_norm(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for x in v {
        let x = x.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        let scaled: Vec<f64> = v.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * vector_norm(&scaled);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let dl_mul = |x: f64, y: f64| {
        let hi = x * y;
        (hi, libm::fma(x, y, -hi))
    };
    let dl_fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for x in v {
        let x = x.abs() * scale;
        let (pr_hi, pr_lo) = dl_mul(x, x);
        let (sm_hi, sm_lo) = dl_fast_sum(csum, pr_hi);
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (pr_hi, pr_lo) = dl_mul(-h, h);
    let (sm_hi, sm_lo) = dl_fast_sum(csum, pr_hi);
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut v = Vec::with_capacity(args.len());
    for a in args {
        v.push(vm.math_float(*a)?);
    }
    let r = vector_norm(&v);
    Ok(vm.float(r))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("dist", args, 2, 2)?;
    let p = vm.collect_iter(args[0])?;
    let q = vm.collect_iter(args[1]);
    let q = match q {
        Ok(q) => q,
        Err(e) => {
            vm.decref_all(p);
            return Err(e);
        }
    };
    if p.len() != q.len() {
        vm.decref_all(p);
        vm.decref_all(q);
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut err = None;
    for (a, b) in p.iter().zip(q.iter()) {
        match (vm.math_float(*a), vm.math_float(*b)) {
            (Ok(x), Ok(y)) => diffs.push((x - y).abs()),
            (Err(e), _) | (_, Err(e)) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.decref_all(p);
    vm.decref_all(q);
    if let Some(e) = err {
        return Err(e);
    }
    let r = vector_norm(&diffs);
    Ok(vm.float(r))
}

fn floor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("floor", args, 1, 1)?;
    rounding(vm, args[0], "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("ceil", args, 1, 1)?;
    rounding(vm, args[0], "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("trunc", args, 1, 1)?;
    rounding(vm, args[0], "__trunc__", f64::trunc)
}

fn rounding(vm: &mut Vm, v: Value, dunder: &str, f: fn(f64) -> f64) -> PResult<Value> {
    match vm.num_of(v) {
        Some(Num::I(i)) => return Ok(vm.int(i)),
        Some(Num::B(b)) => return Ok(vm.new_bigint(b)),
        Some(Num::F(x)) if matches!(v, Value::Float(..)) => return vm.float_to_int(f(x)),
        _ => {}
    }
    let ty = vm.type_of(v);
    if let Some(m) = vm.lookup_type_str(ty, dunder) {
        let r = vm.call(m, &[v], &[]);
        vm.decref(m);
        return r;
    }
    if dunder == "__trunc__" {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")));
    }
    let x = vm.math_float(v)?;
    vm.float_to_int(f(x))
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("frexp", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    let items = vec![vm.float(m), vm.int(e as i64)];
    Ok(vm.new_tuple(items))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("ldexp", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let e = vm.math_int(args[1])?;
    let e = e
        .to_i32()
        .unwrap_or(if e.is_negative() { i32::MIN } else { i32::MAX });
    let r = libm::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.range_error());
    }
    Ok(vm.float(r))
}

fn modf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("modf", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    let items = vec![vm.float(f), vm.float(i)];
    Ok(vm.new_tuple(items))
}

fn isfinite(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isfinite", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    Ok(Value::Bool(x.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isinf", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    Ok(Value::Bool(x.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isnan", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    Ok(Value::Bool(x.is_nan()))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("isclose", args, 2, 2)?;
    vm.check_kwargs("isclose", kw, &["rel_tol", "abs_tol"])?;
    let a = vm.math_float(args[0])?;
    let b = vm.math_float(args[1])?;
    let rel = match vm.kwarg(kw, "rel_tol") {
        Some(v) => vm.math_float(v)?,
        None => 1e-9,
    };
    let abs = match vm.kwarg(kw, "abs_tol") {
        Some(v) => vm.math_float(v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// Shewchuk's algorithm, as `math_fsum` (exact partial sums, correctly rounded).
fn fsum(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("fsum", args, 1, 1)?;
    let items = vm.collect_iter(args[0])?;
    let mut xs = Vec::with_capacity(items.len());
    let mut err = None;
    for v in &items {
        match vm.math_float(*v) {
            Ok(x) => xs.push(x),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.decref_all(items);
    if let Some(e) = err {
        return Err(e);
    }
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for mut x in xs {
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(vm.float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(0) {
        if n > 0 {
            n -= 1;
            hi = partials[n];
            let mut lo = 0.0;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = partials[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))
            {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
    }
    Ok(vm.float(hi))
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("factorial", args, 1, 1)?;
    let n = vm.math_int(args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 100_000) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(vm.int_result(acc))
}

fn gcd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut g = BigInt::zero();
    for a in args {
        let x = vm.math_int(*a)?;
        g = g.gcd(&x);
    }
    Ok(vm.int_result(g))
}

fn lcm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut l = BigInt::one();
    for a in args {
        let x = vm.math_int(*a)?;
        if x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        if !l.is_zero() {
            l = l.lcm(&x);
        }
    }
    Ok(vm.int_result(l.abs()))
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isqrt", args, 1, 1)?;
    let n = vm.math_int(args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.int_result(n.sqrt()))
}

fn comb_perm(vm: &mut Vm, args: &[Value], name: &str, comb: bool) -> PResult<Value> {
    let n = vm.math_int(args[0])?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => vm.math_int(*v)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::small(0));
    }
    let (Some(n), Some(mut k)) = (n.to_u64(), k.to_u64()) else {
        return Err(vm.overflow_error(format!("{name} argument too large")));
    };
    if comb && k > n - k {
        k = n - k;
    }
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= n - i;
        if comb {
            acc /= i + 1;
        }
    }
    Ok(vm.int_result(acc))
}

fn comb(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("comb", args, 2, 2)?;
    comb_perm(vm, args, "comb", true)
}

fn perm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("perm", args, 1, 2)?;
    comb_perm(vm, args, "perm", false)
}

fn prod(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("prod", args, 1, 1)?;
    vm.check_kwargs("prod", kw, &["start"])?;
    let mut acc = vm.kwarg(kw, "start").unwrap_or(Value::small(1));
    vm.incref(acc);
    let items = vm.collect_iter(args[0]);
    let items = match items {
        Ok(i) => i,
        Err(e) => {
            vm.decref(acc);
            return Err(e);
        }
    };
    for (i, x) in items.iter().enumerate() {
        match vm.binary_op(acc, *x, crate::code::BinOp::Mul, false) {
            Ok(r) => {
                vm.decref(acc);
                acc = r;
            }
            Err(e) => {
                vm.decref(acc);
                vm.decref_all(items[i..].to_vec());
                vm.decref_all(items[..i].to_vec());
                return Err(e);
            }
        }
    }
    vm.decref_all(items);
    Ok(acc)
}

/// Exact factorials for `gamma` of small positive integers (CPython's table).
fn gamma(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("gamma", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    if x.is_nan() {
        return Ok(vm.float(x));
    }
    if x.is_infinite() {
        if x > 0.0 {
            return Ok(vm.float(x));
        }
        return Err(vm.domain_error());
    }
    if x == 0.0 || (x < 0.0 && x.fract() == 0.0) {
        return Err(vm.domain_error());
    }
    if x.fract() == 0.0 && x > 0.0 && x <= 23.0 {
        let mut acc = 1.0f64;
        let mut i = 2.0;
        while i < x {
            acc *= i;
            i += 1.0;
        }
        return Ok(vm.float(acc));
    }
    let r = libm::tgamma(x);
    if r.is_infinite() {
        return Err(vm.range_error());
    }
    Ok(vm.float(r))
}

fn lgamma(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("lgamma", args, 1, 1)?;
    let x = vm.math_float(args[0])?;
    if x.is_nan() || x.is_infinite() {
        return Ok(vm.float(x.abs()));
    }
    if x <= 0.0 && x.fract() == 0.0 {
        return Err(vm.domain_error());
    }
    if x == 1.0 || x == 2.0 {
        return Ok(vm.float(0.0));
    }
    let r = libm::lgamma(x);
    if r.is_infinite() {
        return Err(vm.range_error());
    }
    Ok(vm.float(r))
}

fn nextafter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("nextafter", args, 2, 2)?;
    let x = vm.math_float(args[0])?;
    let y = vm.math_float(args[1])?;
    Ok(vm.float(libm::nextafter(x, y)))
}

fn ulp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("ulp", args, 1, 1)?;
    let x = vm.math_float(args[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(vm.float(x));
    }
    let next = libm::nextafter(x, f64::INFINITY);
    let r = if next.is_infinite() {
        x - libm::nextafter(x, -f64::INFINITY)
    } else {
        next - x
    };
    Ok(vm.float(r))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("sin", sin_checked),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("cbrt", cbrt),
        ("erf", erf),
        ("erfc", erfc),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("pow", pow),
        ("fmod", fmod),
        ("remainder", remainder),
        ("copysign", copysign),
        ("degrees", degrees),
        ("radians", radians),
        ("hypot", hypot),
        ("dist", dist),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("modf", modf),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("fsum", fsum),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("prod", prod),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    for (name, f) in fns {
        vm.add_fn(d, name, *f);
    }
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.float(v);
        vm.dict_set_str(d, name, f);
    }
    Ok(())
}
