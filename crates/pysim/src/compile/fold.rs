//! Constant folding, as CPython's AST optimizer (`Python/ast_opt.c`): literals, unary and
//! binary operators on constants within the same size limits (so `2 ** 100` is one
//! constant object but `2 ** 1000` is computed at run time), tuples of constants and
//! subscripts of constants. Folding decides identity (`is`) and constant refcounts.

use crate::code::Const;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{Expr, Number, Operator, UnaryOp};
use std::sync::Arc;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// Parses an integer literal token (`0x_ff`, `1_000`, `0o17`).
pub fn parse_int_literal(tok: &str) -> Option<BigInt> {
    let t: String = tok.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// A Python int constant from a big integer (small when it fits in i64).
pub fn int_const(v: BigInt) -> Const {
    match v.to_i64() {
        Some(i) => Const::Int(i),
        None => Const::BigInt(v),
    }
}

fn as_big(c: &Const) -> Option<BigInt> {
    match c {
        Const::Int(i) => Some(BigInt::from(*i)),
        Const::BigInt(b) => Some(b.clone()),
        Const::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn as_float(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        Const::Int(i) => Some(*i as f64),
        Const::BigInt(b) => b.to_f64(),
        Const::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

fn is_intlike(c: &Const) -> bool {
    matches!(c, Const::Int(_) | Const::BigInt(_) | Const::Bool(_))
}

fn bits(v: &BigInt) -> u64 {
    v.bits()
}

/// The constant value of an expression, if the AST optimizer would fold it.
pub fn fold(e: &Expr) -> Option<Const> {
    match e {
        Expr::NumberLiteral(n) => Some(match &n.value {
            Number::Int(i) => match i.as_i64() {
                Some(v) => Const::Int(v),
                None => int_const(parse_int_literal(&i.to_string())?),
            },
            Number::Float(f) => Const::Float(*f),
            Number::Complex { real, imag } => Const::Complex(*real, *imag),
        }),
        Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().into())),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect::<Vec<u8>>().into())),
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for x in &t.elts {
                if matches!(x, Expr::Starred(_)) {
                    return None;
                }
                items.push(fold(x)?);
            }
            Some(Const::Tuple(items.into()))
        }
        Expr::UnaryOp(u) => {
            let v = fold(&u.operand)?;
            unary(u.op, &v)
        }
        Expr::BinOp(b) => {
            let l = fold(&b.left)?;
            let r = fold(&b.right)?;
            binary(b.op, &l, &r)
        }
        Expr::Subscript(s) => {
            let v = fold(&s.value)?;
            let i = fold(&s.slice)?;
            subscript(&v, &i)
        }
        _ => None,
    }
}

fn unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match op {
        UnaryOp::Not => None,
        UnaryOp::USub => match v {
            Const::Int(i) => Some(
                i.checked_neg()
                    .map(Const::Int)
                    .unwrap_or_else(|| int_const(-BigInt::from(*i))),
            ),
            Const::BigInt(b) => Some(int_const(-b.clone())),
            Const::Bool(b) => Some(Const::Int(-(*b as i64))),
            Const::Float(f) => Some(Const::Float(-f)),
            Const::Complex(a, b) => Some(Const::Complex(-a, -b)),
            _ => None,
        },
        UnaryOp::UAdd => match v {
            Const::Int(_) | Const::BigInt(_) | Const::Float(_) | Const::Complex(..) => {
                Some(v.clone())
            }
            Const::Bool(b) => Some(Const::Int(*b as i64)),
            _ => None,
        },
        UnaryOp::Invert => match v {
            Const::Int(i) => Some(Const::Int(!i)),
            Const::BigInt(b) => Some(int_const(-b.clone() - 1)),
            Const::Bool(b) => Some(Const::Int(!(*b as i64))),
            _ => None,
        },
    }
}

fn seq_len(c: &Const) -> Option<usize> {
    match c {
        Const::Str(s) => Some(s.chars().count()),
        Const::Bytes(b) => Some(b.len()),
        Const::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(seq: &Const, n: &BigInt) -> Option<Const> {
    let n = n.to_i64()?;
    let n = n.max(0) as usize;
    let len = seq_len(seq)?;
    let limit = match seq {
        Const::Str(_) | Const::Bytes(_) => MAX_STR_SIZE,
        _ => MAX_COLLECTION_SIZE,
    };
    if len > 0 && n > limit / len {
        return None;
    }
    Some(match seq {
        Const::Str(s) => Const::Str(s.repeat(n).into()),
        Const::Bytes(b) => Const::Bytes(b.repeat(n).into()),
        Const::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Const::Tuple(v.into())
        }
        _ => return None,
    })
}

fn floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.div_floor(b)
}

fn pymod(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.mod_floor(b)
}

fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

fn binary(op: Operator, l: &Const, r: &Const) -> Option<Const> {
    use Operator::*;
    if is_intlike(l) && is_intlike(r) {
        let a = as_big(l)?;
        let b = as_big(r)?;
        return Some(match op {
            Add => int_const(a + b),
            Sub => int_const(a - b),
            Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                int_const(a * b)
            }
            Div => {
                if b.is_zero() {
                    return None;
                }
                Const::Float(crate::objects::int::true_div(&a, &b)?)
            }
            FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                int_const(floordiv(&a, &b))
            }
            Mod => {
                if b.is_zero() {
                    return None;
                }
                int_const(pymod(&a, &b))
            }
            Pow => {
                if b.is_negative() {
                    let fa = a.to_f64()?;
                    let fb = b.to_f64()?;
                    if fa == 0.0 {
                        return None;
                    }
                    return Some(Const::Float(fa.powf(fb)));
                }
                let e = b.to_u64()?;
                if bits(&a) > 0 && bits(&a).saturating_mul(e) > MAX_INT_SIZE {
                    return None;
                }
                int_const(num_traits::pow(a, e as usize))
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if bits(&a) + s > MAX_INT_SIZE {
                    return None;
                }
                int_const(a << s as usize)
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                int_const(a >> s as usize)
            }
            BitAnd => int_const(a & b),
            BitOr => int_const(a | b),
            BitXor => int_const(a ^ b),
            MatMult => return None,
        });
    }
    let numeric = |c: &Const| {
        matches!(
            c,
            Const::Int(_) | Const::BigInt(_) | Const::Bool(_) | Const::Float(_)
        )
    };
    if numeric(l) && numeric(r) {
        let a = as_float(l)?;
        let b = as_float(r)?;
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => a * b,
            Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            FloorDiv => {
                if b == 0.0 {
                    return None;
                }
                let m = float_mod(a, b);
                ((a - m) / b).round()
            }
            Mod => {
                if b == 0.0 {
                    return None;
                }
                float_mod(a, b)
            }
            Pow => {
                if a == 0.0 && b < 0.0 {
                    return None;
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                a.powf(b)
            }
            _ => return None,
        };
        if !v.is_finite() && a.is_finite() && b.is_finite() {
            return None;
        }
        return Some(Const::Float(v));
    }
    match (op, l, r) {
        (Add, Const::Str(a), Const::Str(b)) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            Some(Const::Str(format!("{a}{b}").into()))
        }
        (Add, Const::Bytes(a), Const::Bytes(b)) => {
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Const::Bytes(v.into()))
        }
        (Add, Const::Tuple(a), Const::Tuple(b)) => {
            if a.len() + b.len() > MAX_COLLECTION_SIZE {
                return None;
            }
            let mut v = a.to_vec();
            v.extend(b.iter().cloned());
            Some(Const::Tuple(v.into()))
        }
        (Mult, s @ (Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)), n) if is_intlike(n) => {
            repeat(s, &as_big(n)?)
        }
        (Mult, n, s @ (Const::Str(_) | Const::Bytes(_) | Const::Tuple(_))) if is_intlike(n) => {
            repeat(s, &as_big(n)?)
        }
        _ => None,
    }
}

fn subscript(v: &Const, i: &Const) -> Option<Const> {
    let idx = match i {
        Const::Int(i) => *i,
        _ => return None,
    };
    let norm = |len: usize| -> Option<usize> {
        let j = if idx < 0 { idx + len as i64 } else { idx };
        if j < 0 || j as usize >= len {
            None
        } else {
            Some(j as usize)
        }
    };
    match v {
        Const::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let j = norm(chars.len())?;
            Some(Const::Str(chars[j].to_string().into()))
        }
        Const::Tuple(t) => Some(t[norm(t.len())?].clone()),
        Const::Bytes(b) => Some(Const::Int(b[norm(b.len())?] as i64)),
        _ => None,
    }
}

/// `x in [1, 2]` / `for x in [1, 2]`: a list of constants becomes a tuple constant, a set
/// of constants a frozenset constant (CPython's `fold_iter` / `fold_compare`).
pub fn fold_container(e: &Expr) -> Option<Const> {
    match e {
        Expr::List(l) => {
            let mut items = Vec::new();
            for x in &l.elts {
                if matches!(x, Expr::Starred(_)) {
                    return None;
                }
                items.push(fold(x)?);
            }
            Some(Const::Tuple(Arc::from(items)))
        }
        Expr::Set(s) => {
            let mut items = Vec::new();
            for x in &s.elts {
                if matches!(x, Expr::Starred(_)) {
                    return None;
                }
                items.push(fold(x)?);
            }
            Some(Const::FrozenSet(Arc::from(items)))
        }
        _ => None,
    }
}

/// True for an expression that is a literal constant after folding (for `BUILD_LIST` +
/// `LIST_EXTEND` of a constant tuple).
pub fn is_const(e: &Expr) -> bool {
    !matches!(e, Expr::Starred(_)) && fold(e).is_some()
}
