//! String and String.prototype (UTF-16 indices).

use super::{int_arg, make_ctor, rel_index};
use crate::heap::{IterData, Kind, NativeCall, NativeFnPtr};
use crate::interp::{sym, Res, Vm};
use crate::value::{from_utf16, utf16, utf16_len, utf16_slice, JsStr, Value};

fn this_str(vm: &mut Vm, c: &NativeCall) -> Res<JsStr> {
    match &c.this {
        Value::Str(s) => Ok(s.clone()),
        Value::Undefined | Value::Null => {
            let name = super::callee_name(vm, c);
            Err(vm.type_error(&format!(
                "String.prototype.{name} called on null or undefined"
            )))
        }
        v => vm.to_string(v),
    }
}

fn arg_str(vm: &mut Vm, c: &NativeCall, i: usize) -> Res<JsStr> {
    vm.to_string(&c.arg(i))
}

fn string_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = match c.args.first() {
        None => Value::str(""),
        Some(Value::Sym(s)) if c.new_target.is_none() => {
            Value::str(&vm.prim_to_string(&Value::Sym(*s)))
        }
        Some(v) => Value::Str(vm.to_string(v)?),
    };
    if c.new_target.is_some() {
        let p = vm.realm.string_proto;
        return Ok(Value::Obj(vm.alloc(Some(p), Kind::Boxed(s))));
    }
    Ok(s)
}

fn from_char_code(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut u = Vec::new();
    for a in &c.args {
        u.push(vm.to_number(a)? as u32 as u16);
    }
    Ok(Value::str(&from_utf16(&u)))
}

fn from_code_point(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut s = String::new();
    for a in &c.args {
        let n = vm.to_number(a)?;
        match char::from_u32(n as u32) {
            Some(ch) if n.fract() == 0.0 && n >= 0.0 => s.push(ch),
            _ => {
                let d = vm.to_display(a);
                return Err(vm.range_error(&format!("Invalid code point {d}")));
            }
        }
    }
    Ok(Value::str(&s))
}

fn value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match &c.this {
        Value::Str(s) => Ok(Value::Str(s.clone())),
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(Kind::Boxed(v @ Value::Str(_))) => Ok(v.clone()),
            _ => Err(vm.type_error("String.prototype.toString requires that 'this' be a String")),
        },
        _ => Err(vm.type_error("String.prototype.toString requires that 'this' be a String")),
    }
}

fn char_at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    if i < 0.0 || i as usize >= utf16_len(&s) {
        return Ok(Value::str(""));
    }
    Ok(Value::str(&utf16_slice(&s, i as usize, i as usize + 1)))
}

fn char_code_at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    let u = utf16(&s);
    Ok(Value::Num(if i < 0.0 {
        f64::NAN
    } else {
        u.get(i as usize).map(|x| *x as f64).unwrap_or(f64::NAN)
    }))
}

fn code_point_at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    let u = utf16(&s);
    if i < 0.0 || i as usize >= u.len() {
        return Ok(Value::Undefined);
    }
    let i = i as usize;
    let hi = u[i];
    if (0xD800..0xDC00).contains(&hi) && i + 1 < u.len() && (0xDC00..0xE000).contains(&u[i + 1]) {
        let cp = 0x10000 + (((hi as u32) - 0xD800) << 10) + (u[i + 1] as u32 - 0xDC00);
        return Ok(Value::Num(cp as f64));
    }
    Ok(Value::Num(hi as f64))
}

fn at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let n = utf16_len(&s);
    let i = int_arg(vm, c, 0, 0.0)?;
    let i = if i < 0.0 { n as f64 + i } else { i };
    if i < 0.0 || i as usize >= n {
        return Ok(Value::Undefined);
    }
    Ok(Value::str(&utf16_slice(&s, i as usize, i as usize + 1)))
}

fn index_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = utf16(&this_str(vm, c)?);
    let t = utf16(&arg_str(vm, c, 0)?);
    let from = (int_arg(vm, c, 1, 0.0)?.max(0.0) as usize).min(s.len());
    if t.is_empty() {
        return Ok(Value::Num(from as f64));
    }
    let r = (from..s.len()).find(|i| s[*i..].starts_with(&t));
    Ok(Value::Num(r.map(|i| i as f64).unwrap_or(-1.0)))
}

fn last_index_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = utf16(&this_str(vm, c)?);
    let t = utf16(&arg_str(vm, c, 0)?);
    let r = (0..=s.len()).rev().find(|i| s[*i..].starts_with(&t));
    Ok(Value::Num(r.map(|i| i as f64).unwrap_or(-1.0)))
}

fn includes(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    if let Value::Obj(o) = c.arg(0) {
        if matches!(vm.heap.kind(o), Some(Kind::RegExp(_))) {
            return Err(vm.type_error(
                "First argument to String.prototype.includes must not be a regular expression",
            ));
        }
    }
    let t = arg_str(vm, c, 0)?;
    Ok(Value::Bool(s.contains(&*t)))
}

fn starts_with(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = utf16(&this_str(vm, c)?);
    let t = utf16(&arg_str(vm, c, 0)?);
    let p = (int_arg(vm, c, 1, 0.0)?.max(0.0) as usize).min(s.len());
    Ok(Value::Bool(s[p..].starts_with(&t)))
}

fn ends_with(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = utf16(&this_str(vm, c)?);
    let t = utf16(&arg_str(vm, c, 0)?);
    let e = (int_arg(vm, c, 1, s.len() as f64)?.max(0.0) as usize).min(s.len());
    Ok(Value::Bool(s[..e].ends_with(&t)))
}

fn slice(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let n = utf16_len(&s);
    let a = rel_index(int_arg(vm, c, 0, 0.0)?, n);
    let b = rel_index(int_arg(vm, c, 1, n as f64)?, n);
    Ok(Value::str(&if a < b {
        utf16_slice(&s, a, b)
    } else {
        String::new()
    }))
}

fn substring(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let n = utf16_len(&s) as f64;
    let a = int_arg(vm, c, 0, 0.0)?.clamp(0.0, n) as usize;
    let b = int_arg(vm, c, 1, n)?.clamp(0.0, n) as usize;
    Ok(Value::str(&utf16_slice(&s, a.min(b), a.max(b))))
}

fn substr(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let n = utf16_len(&s);
    let a = rel_index(int_arg(vm, c, 0, 0.0)?, n);
    let l = int_arg(vm, c, 1, n as f64)?.max(0.0) as usize;
    Ok(Value::str(&utf16_slice(&s, a, (a + l).min(n))))
}

fn case(vm: &mut Vm, c: &NativeCall, upper: bool) -> Res<Value> {
    let s = this_str(vm, c)?;
    Ok(Value::str(&if upper {
        s.to_uppercase()
    } else {
        s.to_lowercase()
    }))
}
fn to_upper(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    case(vm, c, true)
}
fn to_lower(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    case(vm, c, false)
}

fn is_js_ws(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{feff}'
}

fn trim(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::str(this_str(vm, c)?.trim_matches(is_js_ws)))
}
fn trim_start(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::str(this_str(vm, c)?.trim_start_matches(is_js_ws)))
}
fn trim_end(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::str(this_str(vm, c)?.trim_end_matches(is_js_ws)))
}

fn pad(vm: &mut Vm, c: &NativeCall, start: bool) -> Res<Value> {
    let s = this_str(vm, c)?;
    let target = int_arg(vm, c, 0, 0.0)?.max(0.0) as usize;
    let fill = match c.arg(1) {
        Value::Undefined => " ".to_string(),
        v => vm.to_string(&v)?.to_string(),
    };
    let n = utf16_len(&s);
    if target <= n || fill.is_empty() {
        return Ok(Value::Str(s));
    }
    let need = target - n;
    let fu = utf16(&fill);
    let padding: Vec<u16> = fu.iter().cycle().take(need).copied().collect();
    let p = from_utf16(&padding);
    Ok(Value::str(&if start {
        format!("{p}{s}")
    } else {
        format!("{s}{p}")
    }))
}
fn pad_start(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    pad(vm, c, true)
}
fn pad_end(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    pad(vm, c, false)
}

fn repeat(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    let n = int_arg(vm, c, 0, 0.0)?;
    if n < 0.0 || n.is_infinite() {
        let d = vm.to_display(&c.arg(0));
        return Err(vm.range_error(&format!("Invalid count value: {d}")));
    }
    if s.len() as f64 * n > 64.0 * 1024.0 * 1024.0 {
        return Err(vm.range_error("Invalid string length"));
    }
    Ok(Value::str(&s.repeat(n as usize)))
}

fn concat(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut s = this_str(vm, c)?.to_string();
    for a in &c.args {
        let t = vm.to_string(a)?;
        s = crate::value::concat(&s, &t);
    }
    Ok(Value::str(&s))
}

/// `pattern[@@method]` when the pattern is an object that has one (RegExps).
fn pattern_method(vm: &mut Vm, pattern: &Value, key: u32) -> Res<Option<Value>> {
    if pattern.is_nullish() || !matches!(pattern, Value::Obj(_)) {
        return Ok(None);
    }
    let m = vm.get(pattern, &crate::value::PropKey::Sym(key))?;
    if m.is_nullish() {
        return Ok(None);
    }
    if !vm.is_callable(&m) {
        let d = vm.to_display(&m);
        return Err(vm.type_error(&format!("{d} is not a function")));
    }
    Ok(Some(m))
}

fn split(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.this.is_nullish() {
        return Err(vm.type_error("String.prototype.split called on null or undefined"));
    }
    if let Some(m) = pattern_method(vm, &c.arg(0), sym::SPLIT)? {
        return vm.call(&m, c.arg(0), vec![c.this.clone(), c.arg(1)]);
    }
    let s = this_str(vm, c)?;
    let limit = match c.arg(1) {
        Value::Undefined => u32::MAX as usize,
        v => crate::value::to_uint32(vm.to_number(&v)?) as usize,
    };
    let parts: Vec<Value> = match c.arg(0) {
        Value::Undefined => vec![Value::Str(s.clone())],
        sep => {
            let sep = vm.to_string(&sep)?;
            if sep.is_empty() {
                utf16(&s)
                    .iter()
                    .map(|u| Value::str(&from_utf16(&[*u])))
                    .collect()
            } else {
                s.split(&*sep).map(Value::str).collect()
            }
        }
    };
    Ok(vm.array_value(parts.into_iter().take(limit).collect()))
}

fn replace_impl(vm: &mut Vm, c: &NativeCall, all: bool) -> Res<Value> {
    if c.this.is_nullish() {
        let m = if all { "replaceAll" } else { "replace" };
        return Err(vm.type_error(&format!("String.prototype.{m} called on null or undefined")));
    }
    let pattern = c.arg(0);
    if all {
        if let Value::Obj(o) = &pattern {
            if matches!(vm.heap.kind(*o), Some(Kind::RegExp(_))) {
                let f = vm.get(&pattern, &crate::value::PropKey::s("flags"))?;
                if !vm.to_string(&f)?.contains('g') {
                    return Err(vm.type_error(
                        "String.prototype.replaceAll called with a non-global RegExp argument",
                    ));
                }
            }
        }
    }
    if let Some(m) = pattern_method(vm, &pattern, sym::REPLACE)? {
        return vm.call(&m, pattern, vec![c.this.clone(), c.arg(1)]);
    }
    let s = this_str(vm, c)?;
    let units = utf16(&s);
    let pat = utf16(&vm.to_string(&pattern)?);
    let rep = c.arg(1);
    let functional = vm.is_callable(&rep);
    let template = if functional {
        String::new()
    } else {
        vm.to_string(&rep)?.to_string()
    };
    let find = |from: usize| -> Option<usize> {
        if pat.is_empty() {
            return if from <= units.len() {
                Some(from)
            } else {
                None
            };
        }
        (from..=units.len().saturating_sub(pat.len())).find(|&i| units[i..].starts_with(&pat))
    };
    let mut positions = Vec::new();
    let mut at = find(0);
    while let Some(p) = at {
        positions.push(p);
        if !all {
            break;
        }
        at = find(p + pat.len().max(1));
    }
    let mut out: Vec<u16> = Vec::new();
    let mut end = 0;
    for p in positions {
        out.extend_from_slice(&units[end..p]);
        let r = if functional {
            let v = vm.call(
                &rep,
                Value::Undefined,
                vec![
                    Value::str(&from_utf16(&pat)),
                    Value::Num(p as f64),
                    Value::Str(s.clone()),
                ],
            )?;
            vm.to_string(&v)?.to_string()
        } else {
            super::regexp::substitute(&template, &pat, &units, p, &[], &None, vm)
        };
        out.extend(crate::value::utf16(&r));
        end = p + pat.len();
    }
    if end < units.len() {
        out.extend_from_slice(&units[end..]);
    }
    Ok(Value::str(&from_utf16(&out)))
}

fn replace(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    replace_impl(vm, c, false)
}
fn replace_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    replace_impl(vm, c, true)
}

fn regexp_method(vm: &mut Vm, c: &NativeCall, key: u32, name: &str, flags: &str) -> Res<Value> {
    if c.this.is_nullish() {
        return Err(vm.type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    let pattern = c.arg(0);
    if key == sym::MATCH_ALL {
        if let Value::Obj(o) = &pattern {
            if matches!(vm.heap.kind(*o), Some(Kind::RegExp(_))) {
                let f = vm.get(&pattern, &crate::value::PropKey::s("flags"))?;
                if !vm.to_string(&f)?.contains('g') {
                    return Err(vm.type_error(
                        "String.prototype.matchAll called with a non-global RegExp argument",
                    ));
                }
            }
        }
    }
    if let Some(m) = pattern_method(vm, &pattern, key)? {
        return vm.call(&m, pattern, vec![c.this.clone()]);
    }
    let s = this_str(vm, c)?;
    let re = super::regexp::coerce(vm, &pattern, flags)?;
    let m = vm.get(&Value::Obj(re), &crate::value::PropKey::Sym(key))?;
    vm.call(&m, Value::Obj(re), vec![Value::Str(s)])
}

fn match_(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    regexp_method(vm, c, sym::MATCH, "match", "")
}

fn match_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    regexp_method(vm, c, sym::MATCH_ALL, "matchAll", "g")
}

fn search(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    regexp_method(vm, c, sym::SEARCH, "search", "")
}

fn locale_compare(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let a = this_str(vm, c)?;
    let b = arg_str(vm, c, 0)?;
    Ok(Value::Num(super::intl::locale_compare(
        vm,
        &a,
        &b,
        &c.arg(1),
        &c.arg(2),
    )?))
}

fn normalize(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    use unicode_normalization::UnicodeNormalization;
    let s = this_str(vm, c)?;
    let form = match c.arg(0) {
        Value::Undefined => "NFC".to_string(),
        v => vm.to_string(&v)?.to_string(),
    };
    let out: String = match form.as_str() {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        "NFKD" => s.nfkd().collect(),
        _ => {
            return Err(
                vm.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
            )
        }
    };
    Ok(Value::str(&out))
}

fn is_well_formed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    Ok(Value::Bool(!crate::value::has_lone(&s)))
}

fn to_well_formed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    Ok(Value::str(&crate::value::well_formed(&s)))
}

fn iterator(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_str(vm, c)?;
    Ok(super::iterators::make_iter(vm, IterData::Str { s, pos: 0 }))
}

fn raw(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let strs = c.arg(0);
    let raw = vm.get_value(&strs, &crate::value::PropKey::s("raw"))?;
    let parts = vm.iterate_to_vec(&raw)?;
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        out.push_str(&vm.to_string(p)?);
        if i + 1 < parts.len() {
            if let Some(a) = c.args.get(i + 1) {
                out.push_str(&vm.to_string(a)?);
            }
        }
    }
    Ok(Value::str(&out))
}

pub fn install(vm: &mut Vm) {
    let sp = vm.realm.string_proto;
    let sc = make_ctor(vm, "String", 1, string_ctor, sp);
    vm.method(sc, "fromCharCode", 1, from_char_code);
    vm.method(sc, "fromCodePoint", 1, from_code_point);
    vm.method(sc, "raw", 1, raw);
    let list: [(&str, u32, NativeFnPtr); 38] = [
        ("toString", 0, value_of),
        ("valueOf", 0, value_of),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at),
        ("at", 1, at),
        ("indexOf", 1, index_of),
        ("lastIndexOf", 1, last_index_of),
        ("includes", 1, includes),
        ("startsWith", 1, starts_with),
        ("endsWith", 1, ends_with),
        ("slice", 2, slice),
        ("substring", 2, substring),
        ("substr", 2, substr),
        ("toUpperCase", 0, to_upper),
        ("toLowerCase", 0, to_lower),
        ("toLocaleUpperCase", 0, to_upper),
        ("toLocaleLowerCase", 0, to_lower),
        ("trim", 0, trim),
        ("trimStart", 0, trim_start),
        ("trimEnd", 0, trim_end),
        ("trimLeft", 0, trim_start),
        ("trimRight", 0, trim_end),
        ("padStart", 2, pad_start),
        ("padEnd", 2, pad_end),
        ("repeat", 1, repeat),
        ("concat", 1, concat),
        ("split", 2, split),
        ("replace", 2, replace),
        ("replaceAll", 2, replace_all),
        ("match", 1, match_),
        ("matchAll", 1, match_all),
        ("search", 1, search),
        ("localeCompare", 1, locale_compare),
        ("normalize", 0, normalize),
        ("@Symbol.iterator", 0, iterator),
        ("isWellFormed", 0, is_well_formed),
        ("toWellFormed", 0, to_well_formed),
    ];
    for (n, l, f) in list {
        vm.method(sp, n, l, f);
    }
}
