//! Type conversions (ToPrimitive, ToNumber, ToString) and the operators: arithmetic with
//! BigInt, comparison, loose and strict equality, `typeof`, `instanceof`, `in`.

use super::{sym, Res, Vm};
use crate::code::{BinOp, UnOp};
use crate::heap::Kind;
use crate::value::{
    num_to_string, str_to_num, strict_equals, to_int32, to_uint32, JsStr, PropKey, Value,
};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::sync::Arc;

impl Vm {
    pub fn type_of(&self, v: &Value) -> &'static str {
        match v {
            Value::Obj(_) => {
                if self.is_callable(v) {
                    "function"
                } else {
                    "object"
                }
            }
            other => other.prim_typeof(),
        }
    }

    /// ToPrimitive with a hint (`default`, `number`, `string`).
    pub fn to_primitive(&mut self, v: &Value, hint: &str) -> Res<Value> {
        let Value::Obj(o) = v else {
            return Ok(v.clone());
        };
        if let Some(Kind::Boxed(p)) = self.heap.kind(*o) {
            let p = p.clone();
            if !matches!(p, Value::Sym(_)) {
                return Ok(p);
            }
        }
        let exotic = self.get(v, &PropKey::Sym(sym::TO_PRIMITIVE))?;
        if !exotic.is_nullish() {
            let r = self.call(&exotic, v.clone(), vec![Value::str(hint)])?;
            if !matches!(r, Value::Obj(_)) {
                return Ok(r);
            }
            return Err(self.type_error("Cannot convert object to primitive value"));
        }
        let order = if hint == "string" {
            ["toString", "valueOf"]
        } else {
            ["valueOf", "toString"]
        };
        for m in order {
            let f = self.get(v, &PropKey::s(m))?;
            if self.is_callable(&f) {
                let r = self.call(&f, v.clone(), vec![])?;
                if !matches!(r, Value::Obj(_)) {
                    return Ok(r);
                }
            }
        }
        Err(self.type_error("Cannot convert object to primitive value"))
    }

    pub fn to_number(&mut self, v: &Value) -> Res<f64> {
        Ok(match v {
            Value::Undefined | Value::Empty => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => *b as u8 as f64,
            Value::Num(n) => *n,
            Value::Str(s) => str_to_num(s),
            Value::BigInt(_) => {
                return Err(self.type_error("Cannot convert a BigInt value to a number"))
            }
            Value::Sym(_) => {
                return Err(self.type_error("Cannot convert a Symbol value to a number"))
            }
            Value::Obj(_) => {
                let p = self.to_primitive(v, "number")?;
                return self.to_number(&p);
            }
        })
    }

    pub fn to_string(&mut self, v: &Value) -> Res<JsStr> {
        Ok(match v {
            Value::Str(s) => s.clone(),
            Value::Sym(_) => {
                return Err(self.type_error("Cannot convert a Symbol value to a string"))
            }
            Value::Obj(_) => {
                let p = self.to_primitive(v, "string")?;
                return self.to_string(&p);
            }
            other => Arc::from(self.prim_to_string(other).as_str()),
        })
    }

    pub fn prim_to_string(&self, v: &Value) -> String {
        match v {
            Value::Undefined | Value::Empty => "undefined".into(),
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Num(n) => num_to_string(*n),
            Value::Str(s) => s.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Sym(i) => format!(
                "Symbol({})",
                self.symbols
                    .get(*i as usize)
                    .cloned()
                    .flatten()
                    .unwrap_or_default()
            ),
            Value::Obj(_) => "[object Object]".into(),
        }
    }

    /// A string for error messages; never calls user code.
    pub fn to_display(&mut self, v: &Value) -> String {
        match v {
            Value::Obj(o) => {
                if self.is_callable(v) {
                    let src = match self.heap.kind(*o) {
                        Some(Kind::Function(c)) => c.code.source.to_string(),
                        _ => "function () { [native code] }".into(),
                    };
                    return src;
                }
                match self.heap.kind(*o) {
                    Some(Kind::Array(_)) => {
                        let items = self.array_items(v);
                        items
                            .iter()
                            .map(|x| {
                                if x.is_nullish() {
                                    String::new()
                                } else {
                                    self.to_display(x)
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    }
                    _ => "#<Object>".into(),
                }
            }
            other => self.prim_to_string(other),
        }
    }

    pub fn to_numeric(&mut self, v: &Value) -> Res<Value> {
        let p = self.to_primitive(v, "number")?;
        match p {
            Value::BigInt(_) => Ok(p),
            other => Ok(Value::Num(self.to_number(&other)?)),
        }
    }

    pub fn binary(&mut self, op: BinOp, l: &Value, r: &Value) -> Res<Value> {
        if let (Value::Num(a), Value::Num(b)) = (l, r) {
            let (a, b) = (*a, *b);
            let n = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div => a / b,
                BinOp::Lt => return Ok(Value::Bool(a < b)),
                BinOp::Le => return Ok(Value::Bool(a <= b)),
                BinOp::Gt => return Ok(Value::Bool(a > b)),
                BinOp::Ge => return Ok(Value::Bool(a >= b)),
                BinOp::StrictEq | BinOp::Eq => return Ok(Value::Bool(a == b)),
                BinOp::StrictNe | BinOp::Ne => return Ok(Value::Bool(a != b)),
                _ => return self.binary_slow(op, l, r),
            };
            return Ok(Value::Num(n));
        }
        self.binary_slow(op, l, r)
    }

    fn binary_slow(&mut self, op: BinOp, l: &Value, r: &Value) -> Res<Value> {
        match op {
            BinOp::StrictEq => return Ok(Value::Bool(strict_equals(l, r))),
            BinOp::StrictNe => return Ok(Value::Bool(!strict_equals(l, r))),
            BinOp::Eq => return Ok(Value::Bool(self.loose_eq(l, r)?)),
            BinOp::Ne => return Ok(Value::Bool(!self.loose_eq(l, r)?)),
            BinOp::InstanceOf => return Ok(Value::Bool(self.instance_of(l, r)?)),
            BinOp::In => {
                let Value::Obj(o) = r else {
                    let k = self.to_display(l);
                    let d = self.to_display(r);
                    return Err(self.type_error(&format!(
                        "Cannot use 'in' operator to search for '{k}' in {d}"
                    )));
                };
                let k = self.to_property_key(l)?;
                return Ok(Value::Bool(self.has_property(*o, &k)?));
            }
            BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge => {
                let a = self.to_primitive(l, "number")?;
                let b = self.to_primitive(r, "number")?;
                return self.compare(op, &a, &b);
            }
            _ => {}
        }
        if op == BinOp::Add {
            let a = self.to_primitive(l, "default")?;
            let b = self.to_primitive(r, "default")?;
            if matches!(a, Value::Str(_)) || matches!(b, Value::Str(_)) {
                let sa = self.to_string(&a)?;
                let sb = self.to_string(&b)?;
                let s = crate::value::concat(&sa, &sb);
                return Ok(Value::Str(Arc::from(s.as_str())));
            }
            return self.numeric_op(op, &a, &b);
        }
        let a = self.to_numeric(l)?;
        let b = self.to_numeric(r)?;
        self.numeric_op(op, &a, &b)
    }

    fn numeric_op(&mut self, op: BinOp, a: &Value, b: &Value) -> Res<Value> {
        match (a, b) {
            (Value::BigInt(x), Value::BigInt(y)) => self.bigint_op(op, x, y),
            (Value::BigInt(_), _) | (_, Value::BigInt(_)) => {
                let (na, nb) = (self.to_numeric(a)?, self.to_numeric(b)?);
                if matches!(na, Value::BigInt(_)) && matches!(nb, Value::BigInt(_)) {
                    return self.numeric_op(op, &na, &nb);
                }
                Err(self.type_error("Cannot mix BigInt and other types, use explicit conversions"))
            }
            _ => {
                let x = self.to_number(a)?;
                let y = self.to_number(b)?;
                Ok(Value::Num(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::Div => x / y,
                    BinOp::Mod => {
                        if y.is_infinite() && x.is_finite() {
                            x
                        } else {
                            x % y
                        }
                    }
                    BinOp::Exp => {
                        if y.is_nan() || ((x == 1.0 || x == -1.0) && y.is_infinite()) {
                            f64::NAN
                        } else {
                            x.powf(y)
                        }
                    }
                    BinOp::Shl => (to_int32(x).wrapping_shl(to_uint32(y) & 31)) as f64,
                    BinOp::Shr => (to_int32(x) >> (to_uint32(y) & 31)) as f64,
                    BinOp::UShr => (to_uint32(x) >> (to_uint32(y) & 31)) as f64,
                    BinOp::BitAnd => (to_int32(x) & to_int32(y)) as f64,
                    BinOp::BitOr => (to_int32(x) | to_int32(y)) as f64,
                    BinOp::BitXor => (to_int32(x) ^ to_int32(y)) as f64,
                    _ => f64::NAN,
                }))
            }
        }
    }

    fn bigint_op(&mut self, op: BinOp, x: &BigInt, y: &BigInt) -> Res<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div | BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.range_error("Division by zero"));
                }
                if op == BinOp::Div {
                    x / y
                } else {
                    x % y
                }
            }
            BinOp::Exp => {
                let e = y.to_u32().unwrap_or(0);
                if y < &BigInt::zero() {
                    return Err(self.range_error("Exponent must be non-negative"));
                }
                num_traits::pow(x.clone(), e as usize)
            }
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::Shl => x << y.to_usize().unwrap_or(0),
            BinOp::Shr => x >> y.to_usize().unwrap_or(0),
            _ => {
                return Err(self.type_error("BigInts have no unsigned right shift, use >> instead"))
            }
        };
        Ok(Value::BigInt(Arc::new(r)))
    }

    fn compare(&mut self, op: BinOp, a: &Value, b: &Value) -> Res<Value> {
        if let (Value::Str(x), Value::Str(y)) = (a, b) {
            let xs: Vec<u16> = crate::value::utf16(x);
            let ys: Vec<u16> = crate::value::utf16(y);
            let r = match op {
                BinOp::Lt => xs < ys,
                BinOp::Gt => xs > ys,
                BinOp::Le => xs <= ys,
                _ => xs >= ys,
            };
            return Ok(Value::Bool(r));
        }
        if let (Value::BigInt(x), Value::BigInt(y)) = (a, b) {
            let r = match op {
                BinOp::Lt => x < y,
                BinOp::Gt => x > y,
                BinOp::Le => x <= y,
                _ => x >= y,
            };
            return Ok(Value::Bool(r));
        }
        let x = match a {
            Value::BigInt(b) => b.to_f64().unwrap_or(f64::NAN),
            other => self.to_number(other)?,
        };
        let y = match b {
            Value::BigInt(b) => b.to_f64().unwrap_or(f64::NAN),
            other => self.to_number(other)?,
        };
        Ok(Value::Bool(match op {
            BinOp::Lt => x < y,
            BinOp::Gt => x > y,
            BinOp::Le => x <= y,
            _ => x >= y,
        }))
    }

    pub fn loose_eq(&mut self, a: &Value, b: &Value) -> Res<bool> {
        Ok(match (a, b) {
            (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
            (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
            (Value::Num(_), Value::Str(_)) | (Value::Str(_), Value::Num(_)) => {
                self.to_number(a)? == self.to_number(b)?
            }
            (Value::BigInt(x), Value::Num(y)) | (Value::Num(y), Value::BigInt(x)) => {
                x.to_f64() == Some(*y)
            }
            (Value::BigInt(x), Value::Str(s)) | (Value::Str(s), Value::BigInt(x)) => {
                s.trim().parse::<BigInt>().ok().as_ref() == Some(&**x)
            }
            (Value::Bool(x), _) => {
                let n = Value::Num(*x as u8 as f64);
                self.loose_eq(&n, b)?
            }
            (_, Value::Bool(y)) => {
                let n = Value::Num(*y as u8 as f64);
                self.loose_eq(a, &n)?
            }
            (Value::Obj(_), Value::Obj(_)) => strict_equals(a, b),
            (Value::Obj(_), _) => {
                let p = self.to_primitive(a, "default")?;
                self.loose_eq(&p, b)?
            }
            (_, Value::Obj(_)) => {
                let p = self.to_primitive(b, "default")?;
                self.loose_eq(a, &p)?
            }
            _ => strict_equals(a, b),
        })
    }

    /// InstanceofOperator: `Symbol.hasInstance`, else OrdinaryHasInstance.
    pub fn instance_of(&mut self, v: &Value, ctor: &Value) -> Res<bool> {
        if !matches!(ctor, Value::Obj(_)) {
            return Err(self.type_error("Right-hand side of 'instanceof' is not an object"));
        }
        let h = self.get(ctor, &PropKey::Sym(sym::HAS_INSTANCE))?;
        if !h.is_nullish() {
            if !self.is_callable(&h) {
                let d = self.to_display(&h);
                return Err(self.type_error(&format!("{d} is not a function")));
            }
            return Ok(self.call(&h, ctor.clone(), vec![v.clone()])?.truthy());
        }
        if !self.is_callable(ctor) {
            return Err(self.type_error("Right-hand side of 'instanceof' is not callable"));
        }
        self.ordinary_has_instance(ctor, v)
    }

    /// OrdinaryHasInstance(C, O).
    pub fn ordinary_has_instance(&mut self, ctor: &Value, v: &Value) -> Res<bool> {
        if !self.is_callable(ctor) {
            return Ok(false);
        }
        if let Some(Kind::Bound(b)) = ctor.as_obj().and_then(|o| self.heap.kind(o)) {
            let t = Value::Obj(b.0);
            return self.instance_of(v, &t);
        }
        let Value::Obj(mut o) = v.clone() else {
            return Ok(false);
        };
        let proto = self.get(ctor, &PropKey::s("prototype"))?;
        let Value::Obj(p) = proto else {
            let d = self.to_display(&proto);
            return Err(self.type_error(&format!(
                "Function has non-object prototype '{d}' in instanceof check"
            )));
        };
        loop {
            match self.get_prototype_of(o)? {
                Some(q) if q == p => return Ok(true),
                Some(q) => o = q,
                None => return Ok(false),
            }
        }
    }

    pub fn unary(&mut self, op: UnOp, v: &Value) -> Res<Value> {
        Ok(match op {
            UnOp::Not => Value::Bool(!v.truthy()),
            UnOp::Void => Value::Undefined,
            UnOp::Plus => Value::Num(self.to_number(v)?),
            UnOp::Neg => match self.to_numeric(v)? {
                Value::BigInt(b) => Value::BigInt(Arc::new(-&*b)),
                Value::Num(n) => Value::Num(-n),
                _ => Value::Num(f64::NAN),
            },
            UnOp::BitNot => match self.to_numeric(v)? {
                Value::BigInt(b) => Value::BigInt(Arc::new(!&*b)),
                Value::Num(n) => Value::Num(!to_int32(n) as f64),
                _ => Value::Num(-1.0),
            },
        })
    }
}
