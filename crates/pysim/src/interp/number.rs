//! Numeric arithmetic for int (i64 with promotion to big ints), bool, float and
//! complex, with Python's semantics: floor division and modulo rounding towards
//! negative infinity, true division, `**` with negative exponents, exact int/float
//! comparison, and CPython's error messages.

use super::Vm;
use crate::code::{BinOp, CmpOp};
use crate::objects::int::{floordiv_i64, mod_i64, true_div};
use crate::objects::Kind;
use crate::types as t;
use crate::value::Value;
use crate::PResult;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A number operand.
#[derive(Debug, Clone)]
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
    C(f64, f64),
}

impl Num {
    fn big(&self) -> Option<BigInt> {
        match self {
            Num::I(i) => Some(BigInt::from(*i)),
            Num::B(b) => Some(b.clone()),
            _ => None,
        }
    }

    fn is_int(&self) -> bool {
        matches!(self, Num::I(_) | Num::B(_))
    }
}

pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_infinite() {
        None
    } else {
        Some(f)
    }
}

/// Python's float modulo.
pub fn fmod_py(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python's float floor division (with `divmod`'s correction).
pub fn floordiv_f(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

impl Vm {
    /// The numeric value of an int / bool / float / complex (or subclass instance).
    pub fn num_of(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i, _) => Some(Num::I(i)),
            Value::Bool(b) => Some(Num::I(b as i64)),
            Value::Float(f, _) => Some(Num::F(f)),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::BigInt(b) => Some(match b.to_i64() {
                    Some(i) => Num::I(i),
                    None => Num::B((**b).clone()),
                }),
                Kind::Float(f) => Some(Num::F(*f)),
                Kind::Complex(a, b) => Some(Num::C(*a, *b)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The value of an int (or int subclass, or bool) when it fits in i64.
    pub fn int_value_of(&self, v: Value) -> Option<i64> {
        match self.num_of(v)? {
            Num::I(i) => Some(i),
            _ => None,
        }
    }

    /// A big-int view of an int value.
    pub fn bigint_of(&self, v: Value) -> Option<BigInt> {
        match self.num_of(v)? {
            Num::I(i) => Some(BigInt::from(i)),
            Num::B(b) => Some(b),
            _ => None,
        }
    }

    pub fn num_value(&mut self, n: Num) -> Value {
        match n {
            Num::I(i) => self.int(i),
            Num::B(b) => self.new_bigint(b),
            Num::F(f) => self.float(f),
            Num::C(a, b) => self.new_complex(a, b),
        }
    }

    /// The i64 fast path of binary operators (`None`: take the general path).
    #[inline]
    pub fn int_fast(&mut self, op: BinOp, x: i64, y: i64) -> Option<Value> {
        let r = match op {
            BinOp::Add => x.checked_add(y)?,
            BinOp::Sub => x.checked_sub(y)?,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::FloorDiv => floordiv_i64(x, y)?,
            BinOp::Mod => {
                if y == 0 {
                    return None;
                }
                mod_i64(x, y)?
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::LShift => {
                if !(0..63).contains(&y) {
                    return None;
                }
                let r = x.checked_shl(y as u32)?;
                if r >> y != x {
                    return None;
                }
                r
            }
            BinOp::RShift => {
                if y < 0 {
                    return None;
                }
                if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return None;
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Some(self.float(x as f64 / y as f64));
                }
                return None;
            }
            BinOp::Pow => {
                if !(0..64).contains(&y) {
                    return None;
                }
                x.checked_pow(y as u32)?
            }
            BinOp::MatMul => return None,
        };
        Some(self.int(r))
    }

    /// A numeric binary operation; `Ok(None)` when the operands are not numbers.
    pub fn num_binary(&mut self, a: Value, b: Value, op: BinOp) -> PResult<Option<Value>> {
        let (Some(x), Some(y)) = (self.num_of(a), self.num_of(b)) else {
            return Ok(None);
        };
        if let (Num::I(p), Num::I(q)) = (&x, &y) {
            if let Some(v) = self.int_fast(op, *p, *q) {
                return Ok(Some(v));
            }
        }
        let r = if x.is_int() && y.is_int() {
            self.int_binary(x.big().unwrap_or_default(), y.big().unwrap_or_default(), op)?
        } else if matches!(x, Num::C(..)) || matches!(y, Num::C(..)) {
            self.complex_binary(&x, &y, op)?
        } else {
            let fx = self.num_to_f64(&x)?;
            let fy = self.num_to_f64(&y)?;
            self.float_binary(fx, fy, op)?
        };
        Ok(r)
    }

    fn num_to_f64(&mut self, n: &Num) -> PResult<f64> {
        match n {
            Num::I(i) => Ok(*i as f64),
            Num::B(b) => big_to_f64(b)
                .ok_or_else(|| self.overflow_error("int too large to convert to float")),
            Num::F(f) => Ok(*f),
            Num::C(a, _) => Ok(*a),
        }
    }

    fn int_binary(&mut self, a: BigInt, b: BigInt, op: BinOp) -> PResult<Option<Value>> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                return match true_div(&a, &b) {
                    Some(f) => Ok(Some(self.float(f))),
                    None => {
                        Err(self.overflow_error("integer division result too large for a float"))
                    }
                };
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let fa = big_to_f64(&a)
                        .ok_or_else(|| self.overflow_error("int too large to convert to float"))?;
                    let fb = big_to_f64(&b).unwrap_or(f64::NEG_INFINITY);
                    return self.float_binary(fa, fb, BinOp::Pow);
                }
                let Some(e) = b.to_u32() else {
                    if a.is_zero() || a.is_one() {
                        return Ok(Some(self.new_bigint(a)));
                    }
                    return Err(self.exc(t::MEMORY_ERROR, ""));
                };
                if a.bits() * e as u64 > 64_000_000 {
                    return Err(Throw::Limit(
                        "memory limit (integer power too large)".into(),
                    ));
                }
                num_traits::pow(a, e as usize)
            }
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_usize().unwrap_or(usize::MAX);
                if a.is_zero() {
                    return Ok(Some(self.int(0)));
                }
                if s > 64_000_000 {
                    return Err(self.overflow_error("too many digits in integer"));
                }
                a << s
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 30);
                a >> s
            }
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::MatMul => return Ok(None),
        };
        Ok(Some(self.new_bigint(r)))
    }

    pub fn float_binary(&mut self, a: f64, b: f64, op: BinOp) -> PResult<Option<Value>> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                floordiv_f(a, b)
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                fmod_py(a, b)
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    // A negative base with a fractional exponent gives a complex result.
                    let (re, im) = complex_pow(a, 0.0, b, 0.0);
                    return Ok(Some(self.new_complex(re, im)));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(None),
        };
        Ok(Some(self.float(r)))
    }

    fn complex_binary(&mut self, x: &Num, y: &Num, op: BinOp) -> PResult<Option<Value>> {
        let c = |n: &Num| -> (f64, f64) {
            match n {
                Num::I(i) => (*i as f64, 0.0),
                Num::B(b) => (b.to_f64().unwrap_or(f64::INFINITY), 0.0),
                Num::F(f) => (*f, 0.0),
                Num::C(a, b) => (*a, *b),
            }
        };
        let (a, b) = c(x);
        let (p, q) = c(y);
        let (re, im) = match op {
            BinOp::Add => (a + p, b + q),
            BinOp::Sub => (a - p, b - q),
            BinOp::Mul => (a * p - b * q, a * q + b * p),
            BinOp::TrueDiv => {
                if p == 0.0 && q == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                complex_quot((a, b), (p, q))
            }
            BinOp::Pow => {
                if a == 0.0 && b == 0.0 && (q != 0.0 || p < 0.0) {
                    return Err(self.zero_division("0.0 to a negative or complex power"));
                }
                complex_pow(a, b, p, q)
            }
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(re, im)))
    }

    /// Numeric comparison; `None` when not both numbers.
    pub fn num_compare(&self, a: Value, b: Value, op: CmpOp) -> Option<bool> {
        let x = self.num_of(a)?;
        let y = self.num_of(b)?;
        if let (Num::C(..), _) | (_, Num::C(..)) = (&x, &y) {
            let eq = complex_parts(&x) == complex_parts(&y);
            return match op {
                CmpOp::Eq => Some(eq),
                CmpOp::Ne => Some(!eq),
                _ => None,
            };
        }
        let ord = match (&x, &y) {
            (Num::I(p), Num::I(q)) => p.partial_cmp(q),
            (Num::F(p), Num::F(q)) => p.partial_cmp(q),
            _ if x.is_int() && y.is_int() => x.big().partial_cmp(&y.big()),
            (Num::F(f), other) | (other, Num::F(f)) => {
                let swapped = !matches!(x, Num::F(_));
                let o = cmp_float_int(*f, &other.big().unwrap_or_default());
                if swapped {
                    o.map(|o| o.reverse())
                } else {
                    o
                }
            }
            _ => None,
        };
        let Some(o) = ord else {
            return Some(op == CmpOp::Ne);
        };
        use std::cmp::Ordering::*;
        Some(match op {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        })
    }
}

use crate::Throw;

fn complex_parts(n: &Num) -> (f64, f64) {
    match n {
        Num::I(i) => (*i as f64, 0.0),
        Num::B(b) => (b.to_f64().unwrap_or(f64::INFINITY), 0.0),
        Num::F(f) => (*f, 0.0),
        Num::C(a, b) => (*a, *b),
    }
}

/// Exact comparison of a float with an int.
fn cmp_float_int(f: f64, i: &BigInt) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1.7e38 {
        fb
    } else {
        num_traits::FromPrimitive::from_f64(fl).unwrap_or(fb)
    };
    match fb.cmp(i) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Greater)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// `(a+bj) ** (p+qj)`.
/// `x ** y` for complex numbers as `complex_pow` in CPython's complexobject.c: small
/// integral exponents by repeated squaring (so `1j ** 2 == -1+0j` exactly), others
/// through polar form.
pub fn complex_pow(a: f64, b: f64, p: f64, q: f64) -> (f64, f64) {
    if q == 0.0 && p == p.trunc() && p.abs() <= 100.0 {
        let n = p as i64;
        if n >= 0 {
            return complex_powu((a, b), n as u64);
        }
        let (re, im) = complex_powu((a, b), n.unsigned_abs());
        return complex_quot((1.0, 0.0), (re, im));
    }
    complex_pow_polar(a, b, p, q)
}

/// `x ** n` by binary exponentiation (`c_powu`).
fn complex_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mul = |(a, b): (f64, f64), (c, d): (f64, f64)| (a * c - b * d, a * d + b * c);
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// `a / b` for complex numbers with CPython's scaling (`_Py_c_quot`); the caller
/// rejects a zero divisor.
pub fn complex_quot(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return (0.0, 0.0);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

/// `_Py_c_pow`: the general complex power through polar form.
fn complex_pow_polar(a: f64, b: f64, p: f64, q: f64) -> (f64, f64) {
    if p == 0.0 && q == 0.0 {
        return (1.0, 0.0);
    }
    if a == 0.0 && b == 0.0 {
        return (0.0, 0.0);
    }
    let vabs = a.hypot(b);
    let mut len = vabs.powf(p);
    let at = b.atan2(a);
    let mut phase = at * p;
    if q != 0.0 {
        len /= (at * q).exp();
        phase += q * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}
