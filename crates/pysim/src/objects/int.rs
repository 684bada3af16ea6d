//! Integer helpers: Python's floor division and modulo, correctly rounded true division
//! of big integers, `int` hashing, and `sys.getsizeof` of ints (30-bit digits).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Python's modulus for the hash of numbers: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;

/// `hash(i)` for an int.
pub fn hash_i64(v: i64) -> i64 {
    let a = (v as i128).abs() % HASH_MODULUS as i128;
    let h = if v < 0 { -a } else { a } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_big(v: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (v.abs() % &m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float (CPython's `_Py_HashDouble`, without the NaN identity case).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = (x as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `math.frexp`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

pub fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    Some(Integer::div_floor(&a, &b))
}

pub fn mod_i64(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    if a == i64::MIN && b == -1 {
        return Some(0);
    }
    Some(a.mod_floor(&b))
}

/// Correctly rounded `a / b` (CPython's `long_true_divide`); `None` on overflow.
pub fn true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Some(x as f64 / y as f64);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let (na, nb) = (a.abs(), b.abs());
    if na.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 significant bits, then round half to even
    // on the bits that do not fit.
    let shift = 55 + nb.bits() as i64 - na.bits() as i64;
    let (num, den) = if shift >= 0 {
        (na << shift as usize, nb)
    } else {
        (na, nb << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let q_bits = q.bits() as i64;
    let extra = q_bits - 53;
    let mut mant = q.clone();
    let mut exp = -shift;
    if extra > 0 {
        let low_mask = (BigInt::from(1) << extra as usize) - 1;
        let low = &q & &low_mask;
        mant = &q >> extra as usize;
        exp += extra;
        let half = BigInt::from(1) << (extra as usize - 1);
        let round_up = low > half || (low == half && (!r.is_zero() || mant.is_odd()));
        if round_up {
            mant += 1;
        }
    }
    let m = mant.to_f64()?;
    if exp > 1100 {
        return None;
    }
    let v = m * 2f64.powi(exp.clamp(-1100, 1100) as i32);
    if v.is_infinite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// `sys.getsizeof` of an int: 24 + 4 per 30-bit digit; zero counts one digit in 3.11.
pub fn sizeof_i64(v: i64) -> u64 {
    let bits = 64 - v.unsigned_abs().leading_zeros() as u64;
    24 + 4 * bits.div_ceil(30).max(1)
}

pub fn sizeof_big(v: &BigInt) -> u64 {
    let bits = v.bits();
    24 + 4 * bits.div_ceil(30).max(1)
}
