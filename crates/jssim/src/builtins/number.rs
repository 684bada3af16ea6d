//! Number (toFixed/toPrecision/toExponential from the double's exact decimal value,
//! rounded half up as ECMAScript specifies), the numeric globals (parseInt,
//! parseFloat, isNaN, isFinite) and the URI functions.

use super::{int_arg, make_ctor};
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{num_to_radix, num_to_string, Value};
use num_bigint::BigUint;

fn this_num(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<f64> {
    match &c.this {
        Value::Num(n) => Ok(*n),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Num(n))) => Ok(*n),
            _ => Err(vm.type_error(&format!(
                "Number.prototype.{method} requires that 'this' be a Number"
            ))),
        },
        _ => Err(vm.type_error(&format!(
            "Number.prototype.{method} requires that 'this' be a Number"
        ))),
    }
}

fn number_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = match c.args.first() {
        None => 0.0,
        Some(v) => match vm.to_numeric(v)? {
            Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&*b).unwrap_or(f64::NAN),
            Value::Num(n) => n,
            _ => f64::NAN,
        },
    };
    if c.new_target.is_some() {
        let d = vm.realm.number_proto;
        let p = vm.proto_for(c, d)?;
        return Ok(Value::Obj(vm.alloc(Some(p), Kind::Boxed(Value::Num(n)))));
    }
    Ok(Value::Num(n))
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c, "toString")?;
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
    Ok(Value::Num(this_num(vm, c, "valueOf")?))
}

/// The exact decimal digits of a finite positive double: `x = 0.DIGITS × 10^exp`.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let (int, scale) = if e >= 0 {
        (BigUint::from(m) << (e as usize), 0)
    } else {
        (BigUint::from(m) * BigUint::from(5u32).pow((-e) as u32), -e)
    };
    let s = int.to_string();
    let digits: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
    let point = digits.len() as i32 - scale;
    // Strip trailing zeros (they carry no value).
    let mut d = digits;
    while d.len() > 1 && d.last() == Some(&0) {
        d.pop();
    }
    (d, point)
}

/// Rounds `digits` (value 0.DIGITS × 10^point) to `keep` significant digits, half up.
fn round_digits(mut digits: Vec<u8>, mut point: i32, keep: i32) -> (Vec<u8>, i32) {
    if keep <= 0 {
        // Everything rounds to zero or one unit at the position.
        let first = digits.first().copied().unwrap_or(0);
        return if keep == 0 && first >= 5 {
            (vec![1], point + 1)
        } else {
            (vec![0], point)
        };
    }
    let keep = keep as usize;
    if digits.len() > keep {
        let up = digits[keep] >= 5;
        digits.truncate(keep);
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    digits.truncate(keep);
                    point += 1;
                    break;
                }
                i -= 1;
                if digits[i] == 9 {
                    digits[i] = 0;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    }
    while digits.len() < keep {
        digits.push(0);
    }
    (digits, point)
}

fn digits_str(d: &[u8]) -> String {
    d.iter().map(|x| (b'0' + x) as char).collect()
}

/// Number.prototype.toFixed.
pub fn to_fixed_str(n: f64, f: usize) -> String {
    if n.abs() >= 1e21 || !n.is_finite() {
        return num_to_string(n);
    }
    let neg = n < 0.0;
    let x = n.abs();
    let s = if x == 0.0 {
        if f == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(f))
        }
    } else {
        let (d, point) = exact_digits(x);
        let (d, point) = round_digits(d, point, point + f as i32);
        let all = if point <= 0 {
            format!("{}{}", "0".repeat((-point) as usize), digits_str(&d))
        } else {
            digits_str(&d)
        };
        let int_len = point.max(0) as usize;
        let padded = if all.len() < int_len + f {
            format!("{all}{}", "0".repeat(int_len + f - all.len()))
        } else {
            all
        };
        let (i, fr) = padded.split_at(int_len.min(padded.len()));
        let i = if i.is_empty() { "0" } else { i };
        if f == 0 {
            i.to_string()
        } else {
            format!("{i}.{}", &fr[..f.min(fr.len())])
        }
    };
    if neg && s.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("-{s}")
    } else {
        s
    }
}

fn to_fixed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c, "toFixed")?;
    let d = int_arg(vm, c, 0, 0.0)?;
    if !(0.0..=100.0).contains(&d) {
        return Err(vm.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    Ok(Value::str(&to_fixed_str(n, d as usize)))
}

/// `d.ddde+x` with `p` significant digits.
fn exponential(x: f64, p: usize) -> String {
    let neg = x < 0.0;
    let (d, e) = if x == 0.0 {
        (vec![0; p], 0)
    } else {
        let (d, point) = exact_digits(x.abs());
        let (d, point) = round_digits(d, point, p as i32);
        (d, point - 1)
    };
    let s = digits_str(&d);
    let mant = if s.len() > 1 {
        format!("{}.{}", &s[..1], &s[1..])
    } else {
        s
    };
    format!(
        "{}{mant}e{}{}",
        if neg { "-" } else { "" },
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )
}

fn to_exponential(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c, "toExponential")?;
    let f = int_arg(vm, c, 0, 0.0)?;
    if !n.is_finite() {
        return Ok(Value::str(&num_to_string(n)));
    }
    if !(0.0..=100.0).contains(&f) {
        return Err(vm.range_error("toExponential() argument must be between 0 and 100"));
    }
    if matches!(c.arg(0), Value::Undefined) {
        // As many digits as needed to represent the value uniquely.
        let s = num_to_string(n.abs());
        let digits: String = s
            .split('e')
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let digits = digits.trim_start_matches('0');
        let p = digits.trim_end_matches('0').len().max(1);
        return Ok(Value::str(&exponential(n, p)));
    }
    Ok(Value::str(&exponential(n, f as usize + 1)))
}

fn to_precision(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c, "toPrecision")?;
    if matches!(c.arg(0), Value::Undefined) {
        return Ok(Value::str(&num_to_string(n)));
    }
    let p = int_arg(vm, c, 0, 1.0)?;
    if !n.is_finite() {
        return Ok(Value::str(&num_to_string(n)));
    }
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
    let neg = n < 0.0;
    let (d, point) = exact_digits(n.abs());
    let (d, point) = round_digits(d, point, p);
    let e = point - 1;
    let s = digits_str(&d);
    let body = if e < -6 || e >= p {
        let mant = if s.len() > 1 {
            format!("{}.{}", &s[..1], &s[1..])
        } else {
            s
        };
        format!("{mant}e{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
    } else if e >= 0 {
        let int_len = (e + 1) as usize;
        if int_len >= s.len() {
            s
        } else {
            format!("{}.{}", &s[..int_len], &s[int_len..])
        }
    } else {
        format!("0.{}{s}", "0".repeat((-e - 1) as usize))
    };
    Ok(Value::str(&if neg { format!("-{body}") } else { body }))
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = this_num(vm, c, "toLocaleString")?;
    let s = super::intl::number::to_locale_string(vm, &Value::Num(n), &c.arg(0), &c.arg(1))?;
    Ok(Value::str(&s))
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

fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// parseFloat on a string.
pub fn parse_float_str(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    for (p, v) in [
        ("Infinity", f64::INFINITY),
        ("+Infinity", f64::INFINITY),
        ("-Infinity", f64::NEG_INFINITY),
    ] {
        if t.starts_with(p) {
            return v;
        }
    }
    let b = t.as_bytes();
    let mut end = 0;
    if end < b.len() && (b[end] == b'+' || b[end] == b'-') {
        end += 1;
    }
    let mut digits = false;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
        digits = true;
    }
    if end < b.len() && b[end] == b'.' {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
            digits = true;
        }
    }
    if !digits {
        return f64::NAN;
    }
    if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
        let mut k = end + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        if k < b.len() && b[k].is_ascii_digit() {
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            end = k;
        }
    }
    let txt = &t[..end];
    let txt = txt.strip_suffix('.').unwrap_or(txt);
    let txt = txt.replace("+.", "+0.").replace("-.", "-0.");
    let txt = if txt.starts_with('.') {
        format!("0{txt}")
    } else {
        txt
    };
    txt.parse::<f64>().unwrap_or(f64::NAN)
}

fn parse_float(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    Ok(Value::Num(parse_float_str(&s)))
}

/// parseInt on a string with a radix (0: decided by the prefix).
pub fn parse_int_str(s: &str, radix: i32) -> f64 {
    let mut t = s.trim_start_matches(is_js_space);
    let neg = t.starts_with('-');
    if t.starts_with('-') || t.starts_with('+') {
        t = &t[1..];
    }
    let mut radix = radix;
    let mut strip = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip = false;
        }
    } else {
        radix = 10;
    }
    if strip && (t.starts_with("0x") || t.starts_with("0X")) {
        t = &t[2..];
        radix = 16;
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
        return f64::NAN;
    }
    if radix == 10 && v >= 1e21 {
        // Re-read decimal digits exactly (long inputs lose precision digit by digit).
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        v = digits.parse::<f64>().unwrap_or(v);
    }
    if neg {
        -v
    } else {
        v
    }
}

fn parse_int(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let r = vm.to_number(&c.arg(1))?;
    let r = crate::value::to_int32(r);
    Ok(Value::Num(parse_int_str(&s, r)))
}

const URI_RESERVED: &str = ";/?:@&=+$,#";
const URI_UNESCAPED: &str = "-_.!~*'()";

fn uri_encode(vm: &mut Vm, s: &str, keep: &str) -> Res<Value> {
    let units: Vec<u16> = crate::value::utf16(s);
    let mut out = String::new();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if u < 128
            && ((u as u8).is_ascii_alphanumeric()
                || URI_UNESCAPED.contains(u as u8 as char)
                || keep.contains(u as u8 as char))
        {
            out.push(u as u8 as char);
            i += 1;
            continue;
        }
        let cp = if (0xd800..0xdc00).contains(&u) {
            match units.get(i + 1) {
                Some(&l) if (0xdc00..0xe000).contains(&l) => {
                    i += 1;
                    0x10000 + (((u as u32) - 0xd800) << 10) + (l as u32 - 0xdc00)
                }
                _ => return Err(vm.throw_error("URIError", "URI malformed")),
            }
        } else if (0xdc00..0xe000).contains(&u) {
            return Err(vm.throw_error("URIError", "URI malformed"));
        } else {
            u as u32
        };
        let ch = char::from_u32(cp).unwrap_or('\u{fffd}');
        let mut buf = [0u8; 4];
        for b in ch.encode_utf8(&mut buf).bytes() {
            out.push_str(&format!("%{b:02X}"));
        }
        i += 1;
    }
    Ok(Value::str(&out))
}

fn uri_decode(vm: &mut Vm, s: &str, reserved: &str) -> Res<Value> {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < b.len() {
        if b[i] != b'%' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let byte = |j: usize| -> Option<u8> {
            Some((hex(*b.get(j + 1)?)? * 16 + hex(*b.get(j + 2)?)?) as u8)
        };
        let Some(first) = byte(i) else {
            return Err(vm.throw_error("URIError", "URI malformed"));
        };
        if first < 0x80 {
            if reserved.contains(first as char) {
                out.extend_from_slice(&b[i..i + 3]);
            } else {
                out.push(first);
            }
            i += 3;
            continue;
        }
        let n = if first & 0xe0 == 0xc0 {
            2
        } else if first & 0xf0 == 0xe0 {
            3
        } else if first & 0xf8 == 0xf0 {
            4
        } else {
            return Err(vm.throw_error("URIError", "URI malformed"));
        };
        let mut seq = vec![first];
        for k in 1..n {
            let j = i + 3 * k;
            if b.get(j) != Some(&b'%') {
                return Err(vm.throw_error("URIError", "URI malformed"));
            }
            match byte(j) {
                Some(x) if x & 0xc0 == 0x80 => seq.push(x),
                _ => return Err(vm.throw_error("URIError", "URI malformed")),
            }
        }
        if std::str::from_utf8(&seq).is_err() {
            return Err(vm.throw_error("URIError", "URI malformed"));
        }
        out.extend_from_slice(&seq);
        i += 3 * n;
    }
    match String::from_utf8(out) {
        Ok(s) => Ok(Value::str(&s)),
        Err(_) => Err(vm.throw_error("URIError", "URI malformed")),
    }
}

fn encode_uri_component(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    uri_encode(vm, &s, "")
}

fn encode_uri(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    uri_encode(vm, &s, URI_RESERVED)
}

fn decode_uri_component(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    uri_decode(vm, &s, "")
}

fn decode_uri(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    uri_decode(vm, &s, URI_RESERVED)
}

/// Annex B `escape`: `%XX` below 256 and `%uXXXX` above, except `A-Za-z0-9@*_+-./`.
fn escape(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let mut out = String::new();
    for u in crate::value::utf16(&s) {
        match u {
            _ if u < 128
                && ((u as u8).is_ascii_alphanumeric() || b"@*_+-./".contains(&(u as u8))) =>
            {
                out.push(u as u8 as char)
            }
            0..=255 => out.push_str(&format!("%{u:02X}")),
            _ => out.push_str(&format!("%u{u:04X}")),
        }
    }
    Ok(Value::str(&out))
}

/// Annex B `unescape`: decodes `%XX` and `%uXXXX`, leaving malformed escapes as they are.
fn unescape(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let units = crate::value::utf16(&s);
    let hex = |w: &[u16]| -> Option<u16> {
        let t: String = w
            .iter()
            .map(|&u| char::from_u32(u as u32))
            .collect::<Option<_>>()?;
        if t.chars().all(|c| c.is_ascii_hexdigit()) {
            u16::from_str_radix(&t, 16).ok()
        } else {
            None
        }
    };
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        if units[i] == u16::from(b'%') {
            if units.get(i + 1) == Some(&u16::from(b'u')) {
                if let Some(u) = units.get(i + 2..i + 6).and_then(hex) {
                    out.push(u);
                    i += 6;
                    continue;
                }
            } else if let Some(u) = units.get(i + 1..i + 3).and_then(hex) {
                out.push(u);
                i += 3;
                continue;
            }
        }
        out.push(units[i]);
        i += 1;
    }
    Ok(Value::str(&crate::value::from_utf16(&out)))
}

pub fn install(vm: &mut Vm) {
    let np = vm.realm.number_proto;
    let nc = make_ctor(vm, "Number", 1, number_ctor, np);
    let list: [(&str, u32, NativeFnPtr); 6] = [
        ("toString", 1, to_string),
        ("valueOf", 0, value_of),
        ("toFixed", 1, to_fixed),
        ("toPrecision", 1, to_precision),
        ("toExponential", 1, to_exponential),
        ("toLocaleString", 0, to_locale_string),
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
        vm.set_const(nc, n, Value::Num(v));
    }
    let g = vm.realm.global;
    vm.set_hidden(g, "parseFloat", Value::Obj(pf));
    vm.set_hidden(g, "parseInt", Value::Obj(pi));
    vm.method(g, "isNaN", 1, is_nan);
    vm.method(g, "isFinite", 1, is_finite);
    vm.method(g, "encodeURIComponent", 1, encode_uri_component);
    vm.method(g, "encodeURI", 1, encode_uri);
    vm.method(g, "decodeURIComponent", 1, decode_uri_component);
    vm.method(g, "decodeURI", 1, decode_uri);
    vm.method(g, "escape", 1, escape);
    vm.method(g, "unescape", 1, unescape);
    vm.set_const(g, "NaN", Value::Num(f64::NAN));
    vm.set_const(g, "Infinity", Value::Num(f64::INFINITY));
    vm.set_const(g, "undefined", Value::Undefined);
}
