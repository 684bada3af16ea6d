//! `math`: CPython 3.11's `Modules/mathmodule.c` over the platform libm (the same glibc
//! functions CPython calls, so results agree bit for bit), with its error rules (a NaN
//! from a non-NaN argument is `ValueError: math domain error`, an infinity from finite
//! arguments `OverflowError: math range error`), its own gamma/lgamma (Lanczos),
//! `fsum` (Shewchuk's exact partials), `hypot`/`dist` (the compensated vector norm),
//! and exact integer functions (`factorial`, `comb`, `perm`, `isqrt`, `gcd`, `lcm`).

// The Lanczos coefficients are written with the digits CPython publishes.
#![allow(clippy::excessive_precision)]

use crate::code::BinOp;
use crate::interp::number::Num;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn expm1(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
}

/// `PyFloat_AsDouble` with math's error wording.
pub fn real(vm: &mut Vm, v: Value) -> PResult<f64> {
    match vm.num_of(v) {
        Some(Num::F(f)) => return Ok(f),
        Some(Num::I(i)) => return Ok(i as f64),
        Some(Num::B(b)) => {
            return crate::interp::number::big_to_f64(&b)
                .ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
        _ => {}
    }
    let ty = vm.type_of(v);
    if vm.as_str(v).is_none() {
        for name in ["__float__", "__index__"] {
            if let Some(f) = vm.lookup_type_str(ty, name) {
                vm.decref(f);
                return vm.float_value(v);
            }
        }
    }
    let tn = vm.type_name(ty);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

/// `PyNumber_Index` as a big integer.
pub fn index_big(vm: &mut Vm, v: Value) -> PResult<BigInt> {
    if let Some(b) = vm.bigint_of(v) {
        return Ok(b);
    }
    let ty = vm.type_of(v);
    if !matches!(vm.num_of(v), Some(Num::F(_) | Num::C(..))) {
        if let Some(f) = vm.lookup_type_str(ty, "__index__") {
            let r = vm.call(f, &[v], &[]);
            vm.decref(f);
            let r = r?;
            let out = vm.bigint_of(r);
            vm.decref(r);
            return out.ok_or_else(|| vm.type_error("__index__ returned non-int"));
        }
    }
    let tn = vm.type_name(ty);
    Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}

fn domain(vm: &mut Vm) -> Throw {
    vm.value_error("math domain error")
}

fn range(vm: &mut Vm) -> Throw {
    vm.overflow_error("math range error")
}

/// `math_1`: NaN from non-NaN is a domain error, inf from finite a range (or domain)
/// error.
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PResult<Value> {
    vm.nargs(name, args, 1, 1)?;
    let x = real(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(vm.float(r))
}

/// `math_2`: the same rules for two-argument functions.
fn math_2(vm: &mut Vm, name: &str, args: &[Value], f: fn(f64, f64) -> f64) -> PResult<Value> {
    vm.nargs(name, args, 2, 2)?;
    let x = real(vm, args[0])?;
    let y = real(vm, args[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(vm));
    }
    Ok(vm.float(r))
}

macro_rules! func1 {
    ($($name:ident, $pyname:literal, $f:expr, $ovf:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
                math_1(vm, concat!("math.", $pyname), args, $f, $ovf)
            }
        )*
    };
}

func1! {
    acos, "acos", f64::acos, false;
    acosh, "acosh", f64::acosh_libm, false;
    asin, "asin", f64::asin, false;
    asinh, "asinh", f64::asinh_libm, false;
    atan, "atan", f64::atan, false;
    atanh, "atanh", f64::atanh_libm, false;
    cbrt, "cbrt", libm_cbrt, false;
    cos, "cos", f64::cos, false;
    cosh, "cosh", f64::cosh, true;
    exp, "exp", f64::exp, true;
    exp2, "exp2", f64::exp2, true;
    m_expm1, "expm1", |x| unsafe { expm1(x) }, true;
    fabs, "fabs", f64::abs, false;
    m_log1p, "log1p", m_log1p_impl, false;
    sin, "sin", f64::sin, false;
    sinh, "sinh", f64::sinh, true;
    sqrt, "sqrt", f64::sqrt, false;
    tan, "tan", f64::tan, false;
    tanh, "tanh", f64::tanh, false;
}

/// Inverse hyperbolic functions straight from libm (Rust's std computes its own).
trait LibmHyperbolic {
    fn acosh_libm(self) -> f64;
    fn asinh_libm(self) -> f64;
    fn atanh_libm(self) -> f64;
}

extern "C" {
    #[link_name = "acosh"]
    fn c_acosh(x: f64) -> f64;
    #[link_name = "asinh"]
    fn c_asinh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn c_atanh(x: f64) -> f64;
    #[link_name = "atan2"]
    fn c_atan2(y: f64, x: f64) -> f64;
    #[link_name = "fmod"]
    fn c_fmod(x: f64, y: f64) -> f64;
    #[link_name = "pow"]
    fn c_pow(x: f64, y: f64) -> f64;
    #[link_name = "log"]
    fn c_log(x: f64) -> f64;
    #[link_name = "log2"]
    fn c_log2(x: f64) -> f64;
    #[link_name = "log10"]
    fn c_log10(x: f64) -> f64;
}

impl LibmHyperbolic for f64 {
    fn acosh_libm(self) -> f64 {
        unsafe { c_acosh(self) }
    }
    fn asinh_libm(self) -> f64 {
        unsafe { c_asinh(self) }
    }
    fn atanh_libm(self) -> f64 {
        unsafe { c_atanh(self) }
    }
}

/// glibc's `cbrt`, looked up at run time: the binary's own `cbrt` symbol is the
/// compiler runtime's (correctly rounded), which differs from the libm CPython calls.
fn libm_cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    type F = extern "C" fn(f64) -> f64;
    static CBRT: OnceLock<Option<F>> = OnceLock::new();
    extern "C" {
        fn dlsym(
            handle: *mut std::ffi::c_void,
            name: *const std::ffi::c_char,
        ) -> *mut std::ffi::c_void;
    }
    let f = CBRT.get_or_init(|| {
        // SAFETY: RTLD_DEFAULT (null) searches the loaded libraries; the symbol, when
        // found, is libm's `double cbrt(double)`.
        let p = unsafe { dlsym(std::ptr::null_mut(), c"cbrt".as_ptr()) };
        (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut std::ffi::c_void, F>(p) })
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

fn m_log1p_impl(x: f64) -> f64 {
    // `_Py_log1p`: log1p(-0.0) keeps its sign.
    if x == 0.0 {
        x
    } else {
        unsafe { log1p(x) }
    }
}

fn fmod_c(x: f64, y: f64) -> f64 {
    unsafe { c_fmod(x, y) }
}

/// `m_atan2` with C99's special values.
fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    unsafe { c_atan2(y, x) }
}

/// IEEE 754 remainder (`m_remainder`).
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = fmod_c(absx, absy);
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * fmod_c(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn atan2(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_2(vm, "atan2", args, m_atan2)
}

fn copysign(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_2(vm, "copysign", args, f64::copysign)
}

fn remainder(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_2(vm, "remainder", args, m_remainder)
}

fn fmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("fmod", args, 2, 2)?;
    let x = real(vm, args[0])?;
    let y = real(vm, args[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.float(x));
    }
    let r = fmod_c(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(vm.float(r))
}

// ---- gamma ----------------------------------------------------------------------------

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = fmod_c(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The outcome of a libm-style function: a value, or errno's EDOM / ERANGE.
enum Errno {
    Ok(f64),
    Dom,
    Range(f64),
}

fn m_tgamma(x: f64) -> Errno {
    use std::f64::consts::PI;
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Errno::Ok(x)
        } else {
            Errno::Dom
        };
    }
    if x == 0.0 {
        return Errno::Dom;
    }
    if x == x.floor() {
        if x < 0.0 {
            return Errno::Dom;
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as u32) {
                f *= i as f64;
            }
            return Errno::Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Errno::Range(r)
        } else {
            Errno::Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Errno::Ok(0.0 / m_sinpi(x))
        } else {
            Errno::Range(f64::INFINITY)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let pow = |a: f64, b: f64| unsafe { c_pow(a, b) };
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= pow(y, absx - 0.5);
        } else {
            let sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        Errno::Range(r)
    } else {
        Errno::Ok(r)
    }
}

fn m_lgamma(x: f64) -> Errno {
    if !x.is_finite() {
        return Errno::Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Errno::Dom } else { Errno::Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Errno::Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - m_sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Errno::Range(r)
    } else {
        Errno::Ok(r)
    }
}

/// `math_1a`: a function that reports its own errno.
fn math_1a(vm: &mut Vm, name: &str, args: &[Value], f: fn(f64) -> Errno) -> PResult<Value> {
    vm.nargs(name, args, 1, 1)?;
    let x = real(vm, args[0])?;
    match f(x) {
        Errno::Ok(r) => Ok(vm.float(r)),
        Errno::Dom => Err(domain(vm)),
        Errno::Range(r) if r.abs() < 1.5 => Ok(vm.float(r)),
        Errno::Range(_) => Err(range(vm)),
    }
}

fn gamma(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_1a(vm, "math.gamma", args, m_tgamma)
}

fn lgamma(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_1a(vm, "math.lgamma", args, m_lgamma)
}

fn m_erf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_1a(vm, "math.erf", args, |x| Errno::Ok(unsafe { erf(x) }))
}

fn m_erfc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    math_1a(vm, "math.erfc", args, |x| Errno::Ok(unsafe { erfc(x) }))
}

// ---- rounding -------------------------------------------------------------------------

/// `PyLong_FromDouble`.
fn int_from_f64(vm: &mut Vm, f: f64) -> PResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(vm.int(f as i64));
    }
    let b: BigInt = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

/// `floor` / `ceil`: the number's own `__floor__` / `__ceil__`, else the float's.
fn round_with(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PResult<Value> {
    vm.nargs(name, args, 1, 1)?;
    let v = args[0];
    if let Value::Float(x, _) = v {
        return int_from_f64(vm, f(x));
    }
    let ty = vm.type_of(v);
    if ty == t::INT || ty == t::BOOL {
        let b = vm.bigint_of(v).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    if let Some(m) = vm.lookup_type_str(ty, dunder) {
        let r = vm.call(m, &[v], &[]);
        vm.decref(m);
        return r;
    }
    if let Some(b) = vm.bigint_of(v) {
        return Ok(vm.new_bigint(b));
    }
    let x = real(vm, v)?;
    int_from_f64(vm, f(x))
}

fn floor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    round_with(vm, args, "math.floor", "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    round_with(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.trunc", args, 1, 1)?;
    let v = args[0];
    if let Value::Float(x, _) = v {
        return int_from_f64(vm, x.trunc());
    }
    let ty = vm.type_of(v);
    match vm.lookup_type_str(ty, "__trunc__") {
        Some(m) => {
            let r = vm.call(m, &[v], &[]);
            vm.decref(m);
            r
        }
        None => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")))
        }
    }
}

fn frexp_parts(x: f64) -> (f64, i32) {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return (x, 0);
    }
    crate::objects::int::frexp(x)
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.frexp", args, 1, 1)?;
    let x = real(vm, args[0])?;
    let (m, e) = frexp_parts(x);
    let mv = vm.float(m);
    let ev = vm.int(e as i64);
    Ok(vm.new_tuple(vec![mv, ev]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("ldexp", args, 2, 2)?;
    let x = real(vm, args[0])?;
    let exp = match (args[1], vm.bigint_of(args[1])) {
        (Value::Float(..), _) | (_, None) => {
            return Err(vm.type_error("Expected an int as second argument to ldexp."))
        }
        (_, Some(b)) => b
            .to_i64()
            .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return Err(range(vm));
    } else if exp < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        let r = ldexp_f(x, exp as i32);
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    };
    Ok(vm.float(r))
}

/// `ldexp` from libm.
fn ldexp_f(x: f64, e: i32) -> f64 {
    extern "C" {
        #[link_name = "ldexp"]
        fn c_ldexp(x: f64, e: i32) -> f64;
    }
    unsafe { c_ldexp(x, e) }
}

fn modf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.modf", args, 1, 1)?;
    let x = real(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    let a = vm.float(frac);
    let b = vm.float(int);
    Ok(vm.new_tuple(vec![a, b]))
}

// ---- logarithms -----------------------------------------------------------------------

fn m_log(x: f64) -> Errno {
    if x.is_finite() {
        if x > 0.0 {
            Errno::Ok(unsafe { c_log(x) })
        } else {
            Errno::Dom
        }
    } else if x.is_nan() || x > 0.0 {
        Errno::Ok(x)
    } else {
        Errno::Dom
    }
}

fn m_log2(x: f64) -> Errno {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Errno::Ok(x)
        } else {
            Errno::Dom
        };
    }
    if x > 0.0 {
        Errno::Ok(unsafe { c_log2(x) })
    } else {
        Errno::Dom
    }
}

fn m_log10(x: f64) -> Errno {
    if x.is_finite() {
        if x > 0.0 {
            Errno::Ok(unsafe { c_log10(x) })
        } else {
            Errno::Dom
        }
    } else if x.is_nan() || x > 0.0 {
        Errno::Ok(x)
    } else {
        Errno::Dom
    }
}

/// `loghelper`: logs of ints of any size, else `math_1`'s rules.
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> Errno) -> PResult<f64> {
    if !matches!(v, Value::Float(..)) {
        if let Some(b) = vm.bigint_of(v) {
            if b.sign() != Sign::Plus {
                return Err(domain(vm));
            }
            let r = match crate::interp::number::big_to_f64(&b) {
                Some(x) => f(x),
                None => {
                    // x ~= m * 2**e with 0.5 <= m < 1.
                    let bits = b.bits();
                    let shift = bits.saturating_sub(60);
                    let top: BigInt = &b >> shift;
                    let m = top.to_f64().unwrap_or(0.0);
                    let (m, e) = frexp_parts(m);
                    let e = e as f64 + shift as f64;
                    match (f(m), f(2.0)) {
                        (Errno::Ok(a), Errno::Ok(l2)) => Errno::Ok(a + l2 * e),
                        _ => Errno::Dom,
                    }
                }
            };
            return match r {
                Errno::Ok(r) => Ok(r),
                _ => Err(domain(vm)),
            };
        }
    }
    let x = real(vm, v)?;
    match f(x) {
        Errno::Ok(r) if r.is_nan() && !x.is_nan() => Err(domain(vm)),
        Errno::Ok(r) if r.is_infinite() && x.is_finite() => Err(domain(vm)),
        Errno::Ok(r) => Ok(r),
        _ => Err(domain(vm)),
    }
}

fn log(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("log", args, 1, 2)?;
    let num = loghelper(vm, args[0], m_log)?;
    if args.len() == 1 {
        return Ok(vm.float(num));
    }
    let den = loghelper(vm, args[1], m_log)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.float(num / den))
}

fn log2(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.log2", args, 1, 1)?;
    let r = loghelper(vm, args[0], m_log2)?;
    Ok(vm.float(r))
}

fn log10(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.log10", args, 1, 1)?;
    let r = loghelper(vm, args[0], m_log10)?;
    Ok(vm.float(r))
}

fn pow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("pow", args, 2, 2)?;
    let x = real(vm, args[0])?;
    let y = real(vm, args[1])?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && fmod_c(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = unsafe { c_pow(x, y) };
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
        r
    };
    Ok(vm.float(r))
}

fn degrees(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.degrees", args, 1, 1)?;
    let x = real(vm, args[0])?;
    Ok(vm.float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.radians", args, 1, 1)?;
    let x = real(vm, args[0])?;
    Ok(vm.float(x * (std::f64::consts::PI / 180.0)))
}

fn isfinite(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.isfinite", args, 1, 1)?;
    Ok(Value::Bool(real(vm, args[0])?.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.isinf", args, 1, 1)?;
    Ok(Value::Bool(real(vm, args[0])?.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.isnan", args, 1, 1)?;
    Ok(Value::Bool(real(vm, args[0])?.is_nan()))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    let mut a = args.first().copied().or_else(|| vm.kwarg(kw, "a"));
    let mut b = args.get(1).copied().or_else(|| vm.kwarg(kw, "b"));
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let Some(av) = a.take() else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(bv) = b.take() else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let a = real(vm, av)?;
    let b = real(vm, bv)?;
    let rel_tol = match vm.kwarg(kw, "rel_tol") {
        Some(v) => real(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match vm.kwarg(kw, "abs_tol") {
        Some(v) => real(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
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
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

// ---- sums and norms -------------------------------------------------------------------

fn fsum(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.fsum", args, 1, 1)?;
    let it = vm.iter(args[0])?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    loop {
        let item = match vm.next(it) {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(e) => {
                vm.decref(it);
                return Err(e);
            }
        };
        let x = real(vm, item);
        vm.decref(item);
        let mut x = match x {
            Ok(x) => x,
            Err(e) => {
                vm.decref(it);
                return Err(e);
            }
        };
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    vm.decref(it);
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    vm.decref(it);
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(vm.float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.float(hi))
}

/// `vector_norm`: the compensated Euclidean norm of `vec` (all finite, |x| <= max).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::objects::int::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = ldexp_f(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn hypot(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut coords = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for &a in args {
        let x = real(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    let r = vector_norm(&coords, max, found_nan);
    Ok(vm.float(r))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("dist", args, 2, 2)?;
    let p = vm.collect_iter(args[0])?;
    let q = match vm.collect_iter(args[1]) {
        Ok(q) => q,
        Err(e) => {
            vm.decref_all(p);
            return Err(e);
        }
    };
    let out = (|| {
        if p.len() != q.len() {
            return Err(vm.value_error("both points must have the same number of dimensions"));
        }
        let mut diffs = Vec::with_capacity(p.len());
        let (mut max, mut found_nan) = (0.0f64, false);
        for (a, b) in p.iter().zip(&q) {
            let px = real(vm, *a)?;
            let qx = real(vm, *b)?;
            let x = (px - qx).abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            diffs.push(x);
        }
        Ok(vector_norm(&diffs, max, found_nan))
    })();
    vm.decref_all(p);
    vm.decref_all(q);
    let r = out?;
    Ok(vm.float(r))
}

fn prod(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("prod", kw, &["start"])?;
    vm.nargs("prod", args, 1, 1)?;
    let it = vm.iter(args[0])?;
    let mut acc = vm.kwarg(kw, "start").unwrap_or(Value::small(1));
    vm.incref(acc);
    loop {
        let item = match vm.next(it) {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(e) => {
                vm.decref(acc);
                vm.decref(it);
                return Err(e);
            }
        };
        let r = vm.binary_op(acc, item, BinOp::Mul, false);
        vm.decref(item);
        vm.decref(acc);
        match r {
            Ok(v) => acc = v,
            Err(e) => {
                vm.decref(it);
                return Err(e);
            }
        }
    }
    vm.decref(it);
    Ok(acc)
}

// ---- integer functions ----------------------------------------------------------------

fn gcd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut g = BigInt::zero();
    for &a in args {
        let x = index_big(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(vm.new_bigint(g))
}

fn lcm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut l = BigInt::one();
    for &a in args {
        let x = index_big(vm, a)?;
        l = if l.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&x)
        };
    }
    Ok(vm.new_bigint(l.abs()))
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.factorial", args, 1, 1)?;
    let n = index_big(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(vm.new_bigint(product_range(1, n)))
}

/// The product of `lo..=hi` by binary splitting.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn nonneg(vm: &mut Vm, v: Value, which: &str) -> PResult<BigInt> {
    let x = index_big(vm, v)?;
    if x.is_negative() {
        return Err(vm.value_error(format!("{which} must be a non-negative integer")));
    }
    Ok(x)
}

fn comb(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("comb", args, 2, 2)?;
    let n = nonneg(vm, args[0], "n")?;
    let k = nonneg(vm, args[1], "k")?;
    if k > n {
        return Ok(Value::small(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(vm.new_bigint(r))
}

fn perm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("perm", args, 1, 2)?;
    if args.len() == 1 || args[1].is_none() {
        return factorial(vm, &args[..1], &[]);
    }
    let n = nonneg(vm, args[0], "n")?;
    let k = nonneg(vm, args[1], "k")?;
    if k > n {
        return Ok(Value::small(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(vm.new_bigint(r))
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.isqrt", args, 1, 1)?;
    let n = index_big(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("nextafter", args, 2, 2)?;
    let x = real(vm, args[0])?;
    let y = real(vm, args[1])?;
    Ok(vm.float(unsafe { nextafter(x, y) }))
}

fn ulp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("math.ulp", args, 1, 1)?;
    let x = real(vm, args[0])?;
    let r = if x.is_nan() {
        x
    } else {
        let x = x.abs();
        if x.is_infinite() {
            x
        } else {
            let x2 = unsafe { nextafter(x, f64::INFINITY) };
            if x2.is_infinite() {
                x - unsafe { nextafter(x, f64::NEG_INFINITY) }
            } else {
                x2 - x
            }
        }
    };
    Ok(vm.float(r))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("acos", acos),
        ("acosh", acosh),
        ("asin", asin),
        ("asinh", asinh),
        ("atan", atan),
        ("atan2", atan2),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("ceil", ceil),
        ("comb", comb),
        ("copysign", copysign),
        ("cos", cos),
        ("cosh", cosh),
        ("degrees", degrees),
        ("dist", dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", m_expm1),
        ("fabs", fabs),
        ("factorial", factorial),
        ("floor", floor),
        ("fmod", fmod),
        ("frexp", frexp),
        ("fsum", fsum),
        ("gamma", gamma),
        ("gcd", gcd),
        ("hypot", hypot),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isqrt", isqrt),
        ("lcm", lcm),
        ("ldexp", ldexp),
        ("lgamma", lgamma),
        ("log", log),
        ("log10", log10),
        ("log1p", m_log1p),
        ("log2", log2),
        ("modf", modf),
        ("nextafter", m_nextafter),
        ("perm", perm),
        ("pow", pow),
        ("prod", prod),
        ("radians", radians),
        ("remainder", remainder),
        ("sin", sin),
        ("sinh", sinh),
        ("sqrt", sqrt),
        ("tan", tan),
        ("tanh", tanh),
        ("trunc", trunc),
        ("ulp", ulp),
    ];
    for &(name, f) in fns {
        vm.add_fn(d, name, f);
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
