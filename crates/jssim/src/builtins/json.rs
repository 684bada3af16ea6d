//! JSON.parse (with V8's error messages for the common cases) and JSON.stringify
//! (replacer functions/arrays, indentation, toJSON, cycle detection).

use crate::heap::{Kind, NativeCall, Prop};
use crate::interp::{Res, Vm};
use crate::value::{num_to_string, ObjRef, PropKey, Value};

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
}

fn err(vm: &mut Vm, p: &Parser) -> crate::interp::Throw {
    let msg = if p.i >= p.s.len() {
        "Unexpected end of JSON input".to_string()
    } else {
        let ch = p.src[p.i..].chars().next().unwrap_or(' ');
        let tok = if ch == '"' {
            "string".to_string()
        } else if ch.is_ascii_digit() {
            "number".to_string()
        } else {
            format!("token '{ch}'")
        };
        if p.src.len() < 32 {
            format!("Unexpected {tok}, \"{}\" is not valid JSON", p.src)
        } else {
            format!(
                "Unexpected {tok}, ...\"{}\"... is not valid JSON",
                &p.src[p.i.saturating_sub(10).min(p.src.len())..(p.i + 10).min(p.src.len())]
            )
        }
    };
    vm.throw_error("SyntaxError", &msg)
}

fn parse_value(vm: &mut Vm, p: &mut Parser) -> Res<Value> {
    p.ws();
    if p.i >= p.s.len() {
        return Err(err(vm, p));
    }
    match p.s[p.i] {
        b'{' => {
            p.i += 1;
            let o = vm.new_object();
            p.ws();
            if p.i < p.s.len() && p.s[p.i] == b'}' {
                p.i += 1;
                return Ok(Value::Obj(o));
            }
            loop {
                p.ws();
                if p.i >= p.s.len() || p.s[p.i] != b'"' {
                    return Err(err(vm, p));
                }
                let k = parse_string(vm, p)?;
                p.ws();
                if p.i >= p.s.len() || p.s[p.i] != b':' {
                    return Err(err(vm, p));
                }
                p.i += 1;
                let v = parse_value(vm, p)?;
                vm.define_own(o, PropKey::s(&k), Prop::data(v))?;
                p.ws();
                if p.i < p.s.len() && p.s[p.i] == b',' {
                    p.i += 1;
                    continue;
                }
                if p.i < p.s.len() && p.s[p.i] == b'}' {
                    p.i += 1;
                    return Ok(Value::Obj(o));
                }
                return Err(err(vm, p));
            }
        }
        b'[' => {
            p.i += 1;
            let mut items = Vec::new();
            p.ws();
            if p.i < p.s.len() && p.s[p.i] == b']' {
                p.i += 1;
                return Ok(vm.array_value(items));
            }
            loop {
                items.push(parse_value(vm, p)?);
                p.ws();
                if p.i < p.s.len() && p.s[p.i] == b',' {
                    p.i += 1;
                    continue;
                }
                if p.i < p.s.len() && p.s[p.i] == b']' {
                    p.i += 1;
                    return Ok(vm.array_value(items));
                }
                return Err(err(vm, p));
            }
        }
        b'"' => Ok(Value::str(&parse_string(vm, p)?)),
        b't' if p.s[p.i..].starts_with(b"true") => {
            p.i += 4;
            Ok(Value::Bool(true))
        }
        b'f' if p.s[p.i..].starts_with(b"false") => {
            p.i += 5;
            Ok(Value::Bool(false))
        }
        b'n' if p.s[p.i..].starts_with(b"null") => {
            p.i += 4;
            Ok(Value::Null)
        }
        b'-' | b'0'..=b'9' => {
            let st = p.i;
            if p.s[p.i] == b'-' {
                p.i += 1;
            }
            while p.i < p.s.len()
                && (p.s[p.i].is_ascii_digit()
                    || matches!(p.s[p.i], b'.' | b'e' | b'E' | b'+' | b'-'))
            {
                p.i += 1;
            }
            match p.src[st..p.i].parse::<f64>() {
                Ok(n) => Ok(Value::Num(n)),
                Err(_) => {
                    p.i = st;
                    Err(err(vm, p))
                }
            }
        }
        _ => Err(err(vm, p)),
    }
}

fn parse_string(vm: &mut Vm, p: &mut Parser) -> Res<String> {
    p.i += 1;
    let mut out = String::new();
    let mut units: Vec<u16> = Vec::new();
    while p.i < p.s.len() {
        let rest = &p.src[p.i..];
        let ch = rest.chars().next().unwrap_or('"');
        match ch {
            '"' => {
                p.i += 1;
                out.push_str(&String::from_utf16_lossy(&units));
                return Ok(out);
            }
            '\\' => {
                p.i += 1;
                let e = p.s.get(p.i).copied().unwrap_or(b'x');
                p.i += 1;
                let c = match e {
                    b'n' => '\n',
                    b't' => '\t',
                    b'r' => '\r',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'/' => '/',
                    b'\\' => '\\',
                    b'"' => '"',
                    b'u' => {
                        let hex = p.src.get(p.i..p.i + 4).unwrap_or("");
                        let Ok(u) = u16::from_str_radix(hex, 16) else {
                            return Err(err(vm, p));
                        };
                        p.i += 4;
                        units.push(u);
                        continue;
                    }
                    _ => {
                        p.i -= 1;
                        return Err(err(vm, p));
                    }
                };
                let mut b = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut b));
            }
            c if (c as u32) < 0x20 => return Err(err(vm, p)),
            c => {
                let mut b = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut b));
                p.i += c.len_utf8();
            }
        }
    }
    Err(err(vm, p))
}

pub fn parse_str(vm: &mut Vm, s: &str) -> Res<Value> {
    let mut p = Parser {
        s: s.as_bytes(),
        src: s,
        i: 0,
    };
    let v = parse_value(vm, &mut p)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(err(vm, &p));
    }
    Ok(v)
}

fn revive(vm: &mut Vm, holder: &Value, key: PropKey, f: &Value) -> Res<Value> {
    let v = vm.get(holder, &key)?;
    if let Value::Obj(o) = &v {
        for k in vm.own_keys(*o) {
            if matches!(&k, PropKey::Str(s) if &**s == "length")
                && matches!(vm.heap.kind(*o), Some(Kind::Array(_)))
            {
                continue;
            }
            let nv = revive(vm, &v, k.clone(), f)?;
            if matches!(nv, Value::Undefined) {
                vm.delete_prop(*o, &k)?;
            } else {
                vm.define_own(*o, k, Prop::data(nv))?;
            }
        }
    }
    let kv = vm.key_value(&key);
    vm.call(f, holder.clone(), vec![kv, v])
}

fn parse(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let v = parse_str(vm, &s)?;
    let f = c.arg(1);
    if vm.is_callable(&f) {
        let root = vm.new_object();
        vm.set_prop_raw(root, "", v);
        return revive(vm, &Value::Obj(root), PropKey::s(""), &f);
    }
    Ok(v)
}

/// JSON string quoting.
pub fn quote(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

struct Ctx {
    replacer: Value,
    allow: Option<Vec<String>>,
    gap: String,
    stack: Vec<ObjRef>,
}

fn ser(
    vm: &mut Vm,
    cx: &mut Ctx,
    holder: &Value,
    key: &str,
    v: Value,
    indent: &str,
) -> Res<Option<String>> {
    let mut v = v;
    if let Value::Obj(_) | Value::BigInt(_) = v {
        let tj = vm.get_value(&v, &PropKey::s("toJSON"))?;
        if vm.is_callable(&tj) {
            v = vm.call(&tj, v.clone(), vec![Value::str(key)])?;
        }
    }
    if vm.is_callable(&cx.replacer) {
        v = vm.call(
            &cx.replacer.clone(),
            holder.clone(),
            vec![Value::str(key), v],
        )?;
    }
    if let Value::Obj(o) = &v {
        match vm.heap.kind(*o) {
            Some(Kind::Boxed(p)) => v = p.clone(),
            Some(Kind::Date(_)) => {}
            _ => {}
        }
    }
    Ok(Some(match &v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => {
            if n.is_finite() {
                num_to_string(*n)
            } else {
                "null".into()
            }
        }
        Value::Str(s) => quote(s),
        Value::BigInt(_) => return Err(vm.type_error("Do not know how to serialize a BigInt")),
        Value::Undefined | Value::Sym(_) | Value::Empty => return Ok(None),
        Value::Obj(o) => {
            let o = *o;
            if vm.is_callable(&v) {
                return Ok(None);
            }
            if cx.stack.contains(&o) {
                let ctor =
                    crate::inspect::constructor_name(vm, o).unwrap_or_else(|| "Object".into());
                return Err(vm.type_error(&format!("Converting circular structure to JSON\n    --> starting at object with constructor '{ctor}'\n    --- property '{key}' closes the circle")));
            }
            cx.stack.push(o);
            let inner = format!("{indent}{}", cx.gap);
            let is_arr = matches!(vm.heap.kind(o), Some(Kind::Array(_)));
            let mut parts = Vec::new();
            if is_arr {
                let n = vm.length_of(&v)?;
                for i in 0..n {
                    let e = vm.get_elem(&v, &Value::Num(i as f64))?;
                    parts.push(
                        ser(vm, cx, &v, &i.to_string(), e, &inner)?
                            .unwrap_or_else(|| "null".into()),
                    );
                }
            } else {
                let keys = match &cx.allow {
                    Some(a) => a.iter().map(|s| std::sync::Arc::from(s.as_str())).collect(),
                    None => vm.enumerable_keys(o)?,
                };
                for k in keys {
                    let e = vm.get(&v, &PropKey::Str(k.clone()))?;
                    if let Some(s) = ser(vm, cx, &v, &k, e, &inner)? {
                        let sep = if cx.gap.is_empty() { ":" } else { ": " };
                        parts.push(format!("{}{sep}{s}", quote(&k)));
                    }
                }
            }
            cx.stack.pop();
            let (open, close) = if is_arr { ("[", "]") } else { ("{", "}") };
            if parts.is_empty() {
                format!("{open}{close}")
            } else if cx.gap.is_empty() {
                format!("{open}{}{close}", parts.join(","))
            } else {
                format!(
                    "{open}\n{inner}{}\n{indent}{close}",
                    parts.join(&format!(",\n{inner}"))
                )
            }
        }
    }))
}

/// JSON.stringify(v) with no replacer or indentation.
pub fn stringify_value(vm: &mut Vm, v: &Value) -> Res<Option<String>> {
    let mut cx = Ctx {
        replacer: Value::Undefined,
        allow: None,
        gap: String::new(),
        stack: vec![],
    };
    let holder = Value::Obj(vm.new_object());
    ser(vm, &mut cx, &holder, "", v.clone(), "")
}

fn stringify(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let rep = c.arg(1);
    let allow = match super::array::as_array(vm, &rep) {
        Some(_) => {
            let items = vm.array_items(&rep);
            let mut a = Vec::new();
            for i in items {
                a.push(vm.to_string(&i)?.to_string());
            }
            Some(a)
        }
        None => None,
    };
    let gap = match c.arg(2) {
        Value::Num(n) => " ".repeat(n.clamp(0.0, 10.0) as usize),
        Value::Str(s) => s.chars().take(10).collect(),
        _ => String::new(),
    };
    let mut cx = Ctx {
        replacer: rep,
        allow,
        gap,
        stack: vec![],
    };
    let holder = vm.new_object();
    vm.set_prop_raw(holder, "", c.arg(0));
    Ok(
        match ser(vm, &mut cx, &Value::Obj(holder), "", c.arg(0), "")? {
            Some(s) => Value::str(&s),
            None => Value::Undefined,
        },
    )
}

pub fn install(vm: &mut Vm) {
    let j = vm.new_object();
    vm.method(j, "parse", 2, parse);
    vm.method(j, "stringify", 3, stringify);
    vm.set_hidden(j, "@Symbol.toStringTag", Value::str("JSON"));
    let g = vm.realm.global;
    vm.set_hidden(g, "JSON", Value::Obj(j));
}
