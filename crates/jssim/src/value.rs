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
    // V8's DoubleToRadixCString: fraction digits only up to the double's precision,
    // rounded to even, with the carry propagated back into the digits written.
    let digit_char = |d: u32| std::char::from_digit(d, radix).unwrap_or('0');
    let r = radix as f64;
    let value = n.abs();
    let mut integer = value.floor();
    let mut fraction = value - integer;
    let next_up = f64::from_bits(value.to_bits() + 1);
    let mut delta = (0.5 * (next_up - value)).max(f64::from_bits(1));
    let mut frac_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            let digit = fraction as u32;
            frac_digits.push(digit);
            fraction -= digit as f64;
            if (fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1)) && fraction + delta > 1.0 {
                loop {
                    match frac_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(d) if d + 1 < radix => {
                            frac_digits.push(d + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    // Integer digits; those beyond the double's precision are zeros.
    let mut int_digits = Vec::new();
    while integer / r >= 9007199254740992.0 {
        integer /= r;
        int_digits.push('0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(digit_char(rem as u32));
        integer = (integer - rem) / r;
        if integer <= 0.0 {
            break;
        }
    }
    let mut s = String::new();
    if n < 0.0 {
        s.push('-');
    }
    s.extend(int_digits.iter().rev());
    if !frac_digits.is_empty() {
        s.push('.');
        s.extend(frac_digits.into_iter().map(digit_char));
    }
    s
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

/// JavaScript strings may hold lone surrogates, which Rust strings cannot: the VM
/// stores the lone code unit `u` as the code point `LONE_BASE + (u - 0xD800)`
/// (U+10F800..=U+10FFFF, the end of plane 16's private use area). Such a character
/// counts as one UTF-16 unit; it becomes U+FFFD when written out as UTF-8.
pub const LONE_BASE: u32 = 0x10F800;

/// The character standing for the lone surrogate `unit`.
pub fn lone_char(unit: u16) -> char {
    char::from_u32(LONE_BASE + (unit as u32 - 0xD800)).unwrap_or('\u{FFFD}')
}

/// The lone surrogate a character stands for.
pub fn lone_unit(c: char) -> Option<u16> {
    let c = c as u32;
    (c >= LONE_BASE).then(|| (c - LONE_BASE + 0xD800) as u16)
}

/// True when `s` holds a lone surrogate.
pub fn has_lone(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| lone_unit(c).is_some())
}

/// `s` with lone surrogates as U+FFFD (how they reach UTF-8 output).
pub fn well_formed(s: &str) -> std::borrow::Cow<'_, str> {
    if has_lone(s) {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| {
                    if lone_unit(c).is_some() {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// `a + b` for JavaScript strings: a lone high surrogate at the end of `a` and a lone
/// low one at the start of `b` join into one character.
pub fn concat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    let (Some(hi), Some(lo)) = (
        a.chars().next_back().and_then(lone_unit),
        b.chars().next().and_then(lone_unit),
    ) else {
        s.push_str(b);
        return s;
    };
    if (0xD800..0xDC00).contains(&hi) && (0xDC00..0xE000).contains(&lo) {
        s.pop();
        s.push_str(&from_utf16(&[hi, lo]));
        s.push_str(&b[4..]);
    } else {
        s.push_str(b);
    }
    s
}

/// Length of a string in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars()
            .map(|c| {
                if lone_unit(c).is_some() {
                    1
                } else {
                    c.len_utf16()
                }
            })
            .sum()
    }
}

/// UTF-16 units of a string.
pub fn utf16(s: &str) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match lone_unit(c) {
            Some(u) => out.push(u),
            None => {
                let mut buf = [0u16; 2];
                out.extend_from_slice(c.encode_utf16(&mut buf));
            }
        }
    }
    out
}

/// A string from UTF-16 units (lone surrogates kept, see [`LONE_BASE`]).
pub fn from_utf16(u: &[u16]) -> String {
    char::decode_utf16(u.iter().copied())
        .map(|r| r.unwrap_or_else(|e| lone_char(e.unpaired_surrogate())))
        .collect()
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
