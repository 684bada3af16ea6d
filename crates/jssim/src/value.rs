//! JavaScript values, property keys and the primitive conversions that need no heap
//! access (number formatting, string-to-number parsing).

use num_bigint::BigInt;
use std::sync::Arc;

/// A JavaScript string. Stored as UTF-8; lengths and indices are computed in UTF-16
/// code units where the language requires it.
pub type JsStr = Arc<str>;

/// Index of an object in the heap arena.
pub type ObjRef = u32;

/// A JavaScript value. `Empty` is internal only: an uninitialised `let` (temporal dead
/// zone) or an array hole; it never reaches user code.
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(JsStr),
    BigInt(Arc<BigInt>),
    Sym(u32),
    Obj(ObjRef),
    Empty,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }
    pub fn as_obj(&self) -> Option<ObjRef> {
        match self {
            Value::Obj(o) => Some(*o),
            _ => None,
        }
    }
    /// ToBoolean.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null | Value::Empty => false,
            Value::Bool(b) => *b,
            Value::Num(n) => !(*n == 0.0 || n.is_nan()),
            Value::Str(s) => !s.is_empty(),
            Value::BigInt(b) => **b != BigInt::from(0),
            Value::Sym(_) | Value::Obj(_) => true,
        }
    }
    /// The `typeof` result for primitives (objects are decided by the heap).
    pub fn prim_typeof(&self) -> &'static str {
        match self {
            Value::Undefined | Value::Empty => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Num(_) => "number",
            Value::Str(_) => "string",
            Value::BigInt(_) => "bigint",
            Value::Sym(_) => "symbol",
            Value::Obj(_) => "object",
        }
    }
}

/// SameValueZero / strict equality for primitives and identity for objects.
pub fn strict_equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Num(x), Value::Num(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Sym(x), Value::Sym(y)) => x == y,
        (Value::Obj(x), Value::Obj(y)) => x == y,
        _ => false,
    }
}

/// SameValueZero (Map keys, `includes`).
pub fn same_value_zero(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Num(x), Value::Num(y)) if x.is_nan() && y.is_nan() => true,
        _ => strict_equals(a, b),
    }
}

/// SameValue (`Object.is`).
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Num(x), Value::Num(y)) => {
            (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative())
        }
        _ => strict_equals(a, b),
    }
}

/// A property key: a string or a symbol. Array indices are canonical numeric strings.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PropKey {
    Str(JsStr),
    Sym(u32),
}

impl PropKey {
    pub fn s(s: &str) -> PropKey {
        PropKey::Str(Arc::from(s))
    }
    /// The array index this key denotes, if it is a canonical index string.
    pub fn as_index(&self) -> Option<u32> {
        match self {
            PropKey::Str(s) => str_as_index(s),
            PropKey::Sym(_) => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PropKey::Str(s) => Some(s),
            PropKey::Sym(_) => None,
        }
    }
}

/// `"12"` → 12; `"012"`, `"-1"`, `"4294967295"` → None.
pub fn str_as_index(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 10 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = s.parse().ok()?;
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

/// Number::toString(10), exactly as ECMAScript specifies.
pub fn num_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let mut buf = ryu_js::Buffer::new();
    buf.format(n).to_string()
}

/// Number.prototype.toString(radix) for radix != 10.
pub fn num_to_radix(n: f64, radix: u32) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let neg = n < 0.0;
    let mut int = n.abs().trunc();
    let mut frac = n.abs() - int;
    let mut digits = Vec::new();
    if int == 0.0 {
        digits.push(b'0');
    }
    while int >= 1.0 {
        let d = (int % radix as f64) as u32;
        digits.push(std::char::from_digit(d, radix).unwrap_or('0') as u8);
        int = (int / radix as f64).trunc();
    }
    digits.reverse();
    let mut s = String::from_utf8(digits).unwrap_or_default();
    if frac > 0.0 {
        s.push('.');
        let mut count = 0;
        while frac > 0.0 && count < 52 {
            frac *= radix as f64;
            let d = frac.trunc() as u32;
            s.push(std::char::from_digit(d, radix).unwrap_or('0'));
            frac -= d as f64;
            count += 1;
        }
    }
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

/// StringToNumber: trims whitespace, accepts decimal, hex/octal/binary prefixes,
/// `Infinity`; empty string is 0; anything else NaN.
pub fn str_to_num(s: &str) -> f64 {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return 0.0;
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
            if rest.is_empty() {
                return f64::NAN;
            }
            let mut v = 0f64;
            for c in rest.chars() {
                match c.to_digit(radix) {
                    Some(d) => v = v * radix as f64 + d as f64,
                    None => return f64::NAN,
                }
            }
            return v;
        }
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    let ok = t
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && t.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return f64::NAN;
    }
    t.parse::<f64>().unwrap_or(f64::NAN)
}

/// ToInt32.
pub fn to_int32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    let m = n.trunc().rem_euclid(4294967296.0);
    m as u32 as i32
}

/// ToUint32.
pub fn to_uint32(n: f64) -> u32 {
    to_int32(n) as u32
}

/// Length of a string in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// UTF-16 units of a string.
pub fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// A string from UTF-16 units (lone surrogates replaced).
pub fn from_utf16(u: &[u16]) -> String {
    String::from_utf16_lossy(u)
}

/// Substring by UTF-16 indices (clamped).
pub fn utf16_slice(s: &str, start: usize, end: usize) -> String {
    if s.is_ascii() {
        let e = end.min(s.len());
        let st = start.min(e);
        return s[st..e].to_string();
    }
    let u = utf16(s);
    let e = end.min(u.len());
    let st = start.min(e);
    from_utf16(&u[st..e])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_like_js() {
        assert_eq!(num_to_string(1.0), "1");
        assert_eq!(num_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(num_to_string(1e21), "1e+21");
        assert_eq!(num_to_string(-0.0), "0");
        assert_eq!(num_to_radix(255.0, 16), "ff");
    }

    #[test]
    fn strings_parse_like_js() {
        assert_eq!(str_to_num(" 42 "), 42.0);
        assert_eq!(str_to_num("0x10"), 16.0);
        assert!(str_to_num("abc").is_nan());
        assert_eq!(str_to_num(""), 0.0);
        assert_eq!(str_as_index("01"), None);
    }
}
