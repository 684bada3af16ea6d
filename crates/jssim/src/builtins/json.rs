//! JSON.parse (V8's error messages: `Unexpected token 'x', "..." is not valid JSON`,
//! `Expected property name or '}' in JSON at position 1` ...) and JSON.stringify
//! (replacer functions/arrays, indentation, toJSON, boxed primitives, V8's circular
//! structure message with the path).

use crate::heap::{Kind, NativeCall, Prop};
use crate::interp::{Res, Throw, Vm};
use crate::value::{num_to_string, ObjRef, PropKey, Value};

struct Parser<'a> {
    /// The source as UTF-16 units (positions in messages are UTF-16 indices).
    s: Vec<u16>,
    src: &'a str,
    i: usize,
}

fn is_ws(c: u16) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && is_ws(self.s[self.i]) {
            self.i += 1;
        }
    }
    fn peek(&self) -> Option<u16> {
        self.s.get(self.i).copied()
    }
    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }
}

fn syntax(vm: &mut Vm, msg: String) -> Throw {
    vm.throw_error("SyntaxError", &msg)
}

/// V8's message for an unexpected character at `p.i` (or the end of input).
fn unexpected(vm: &mut Vm, p: &Parser) -> Throw {
    if p.at_end() {
        return syntax(vm, "Unexpected end of JSON input".into());
    }
    if matches!(p.src, "[object Object]" | "undefined" | "Infinity" | "NaN") {
        return syntax(vm, format!("\"{}\" is not valid JSON", p.src));
    }
    let c = p.s[p.i];
    if c == b'"' as u16 {
        return syntax(vm, format!("Unexpected string in JSON at position {}", p.i));
    }
    if (b'0' as u16..=b'9' as u16).contains(&c) || c == b'-' as u16 {
        return syntax(vm, format!("Unexpected number in JSON at position {}", p.i));
    }
    let tok = String::from_utf16_lossy(&p.s[p.i..p.i + 1]);
    const CTX: usize = 10;
    let len = p.s.len();
    let slice = |a: usize, b: usize| String::from_utf16_lossy(&p.s[a..b.min(len)]);
    let msg = if len <= CTX * 2 + 1 {
        format!("Unexpected token '{tok}', \"{}\" is not valid JSON", p.src)
    } else if p.i < CTX {
        format!(
            "Unexpected token '{tok}', \"{}\"... is not valid JSON",
            slice(0, p.i + CTX)
        )
    } else if p.i < len - CTX {
        format!(
            "Unexpected token '{tok}', ...\"{}\"... is not valid JSON",
            slice(p.i - CTX, p.i + CTX)
        )
    } else {
        format!(
            "Unexpected token '{tok}', ...\"{}\" is not valid JSON",
            slice(p.i - CTX, len)
        )
    };
    syntax(vm, msg)
}

/// An expectation V8 reports with its position (also at the end of input).
fn at(vm: &mut Vm, p: &Parser, what: &str) -> Throw {
    syntax(vm, format!("{what} in JSON at position {}", p.i))
}

fn expect_literal(vm: &mut Vm, p: &mut Parser, word: &str) -> Res<()> {
    for b in word.bytes() {
        match p.peek() {
            Some(c) if c == b as u16 => p.i += 1,
            _ => return Err(unexpected(vm, p)),
        }
    }
    Ok(())
}

fn parse_value(vm: &mut Vm, p: &mut Parser, depth: usize) -> Res<Value> {
    if depth > 5000 {
        return Err(vm.range_error("Maximum call stack size exceeded"));
    }
    p.ws();
    let Some(c) = p.peek() else {
        return Err(unexpected(vm, p));
    };
    match c as u8 {
        b'{' if c < 128 => {
            p.i += 1;
            let o = vm.new_object();
            p.ws();
            if p.peek() == Some(b'}' as u16) {
                p.i += 1;
                return Ok(Value::Obj(o));
            }
            let mut first = true;
            loop {
                p.ws();
                if p.peek() != Some(b'"' as u16) {
                    let what = if first {
                        "Expected property name or '}'"
                    } else {
                        "Expected double-quoted property name"
                    };
                    return Err(at(vm, p, what));
                }
                first = false;
                let k = parse_string(vm, p)?;
                p.ws();
                if p.peek() != Some(b':' as u16) {
                    return Err(at(vm, p, "Expected ':' after property name"));
                }
                p.i += 1;
                let v = parse_value(vm, p, depth + 1)?;
                vm.define_own(o, PropKey::s(&k), Prop::data(v))?;
                p.ws();
                match p.peek() {
                    Some(x) if x == b',' as u16 => p.i += 1,
                    Some(x) if x == b'}' as u16 => {
                        p.i += 1;
                        return Ok(Value::Obj(o));
                    }
                    _ => return Err(at(vm, p, "Expected ',' or '}' after property value")),
                }
            }
        }
        b'[' if c < 128 => {
            p.i += 1;
            let mut items = Vec::new();
            p.ws();
            if p.peek() == Some(b']' as u16) {
                p.i += 1;
                return Ok(vm.array_value(items));
            }
            loop {
                items.push(parse_value(vm, p, depth + 1)?);
                p.ws();
                match p.peek() {
                    Some(x) if x == b',' as u16 => p.i += 1,
                    Some(x) if x == b']' as u16 => {
                        p.i += 1;
                        return Ok(vm.array_value(items));
                    }
                    _ => return Err(at(vm, p, "Expected ',' or ']' after array element")),
                }
            }
        }
        b'"' if c < 128 => Ok(Value::str(&parse_string(vm, p)?)),
        b't' if c < 128 => {
            expect_literal(vm, p, "true")?;
            Ok(Value::Bool(true))
        }
        b'f' if c < 128 => {
            expect_literal(vm, p, "false")?;
            Ok(Value::Bool(false))
        }
        b'n' if c < 128 => {
            expect_literal(vm, p, "null")?;
            Ok(Value::Null)
        }
        b'-' | b'0'..=b'9' if c < 128 => parse_number(vm, p),
        _ => Err(unexpected(vm, p)),
    }
}

fn parse_number(vm: &mut Vm, p: &mut Parser) -> Res<Value> {
    let st = p.i;
    let digit = |p: &Parser| {
        p.peek()
            .is_some_and(|c| (b'0' as u16..=b'9' as u16).contains(&c))
    };
    if p.peek() == Some(b'-' as u16) {
        p.i += 1;
        if !digit(p) {
            return Err(at(vm, p, "No number after minus sign"));
        }
    }
    if p.peek() == Some(b'0' as u16) {
        p.i += 1;
        if digit(p) {
            return Err(at(vm, p, "Unexpected number"));
        }
    } else {
        while digit(p) {
            p.i += 1;
        }
    }
    if p.peek() == Some(b'.' as u16) {
        p.i += 1;
        if !digit(p) {
            return Err(at(vm, p, "Unterminated fractional number"));
        }
        while digit(p) {
            p.i += 1;
        }
    }
    if matches!(p.peek(), Some(c) if c == b'e' as u16 || c == b'E' as u16) {
        p.i += 1;
        if matches!(p.peek(), Some(c) if c == b'+' as u16 || c == b'-' as u16) {
            p.i += 1;
        }
        if !digit(p) {
            return Err(at(vm, p, "Exponent part is missing a number"));
        }
        while digit(p) {
            p.i += 1;
        }
    }
    let text = String::from_utf16_lossy(&p.s[st..p.i]);
    Ok(Value::Num(text.parse::<f64>().unwrap_or(f64::NAN)))
}

fn parse_string(vm: &mut Vm, p: &mut Parser) -> Res<String> {
    p.i += 1;
    let mut units: Vec<u16> = Vec::new();
    loop {
        let Some(c) = p.peek() else {
            return Err(syntax(
                vm,
                format!("Unterminated string in JSON at position {}", p.i),
            ));
        };
        match c {
            0x22 => {
                p.i += 1;
                return Ok(String::from_utf16_lossy(&units));
            }
            0x5c => {
                p.i += 1;
                let Some(e) = p.peek() else {
                    return Err(syntax(
                        vm,
                        format!("Unterminated string in JSON at position {}", p.i),
                    ));
                };
                let simple = match e as u8 {
                    b'n' if e < 128 => Some(0x0a),
                    b't' if e < 128 => Some(0x09),
                    b'r' if e < 128 => Some(0x0d),
                    b'b' if e < 128 => Some(0x08),
                    b'f' if e < 128 => Some(0x0c),
                    b'/' if e < 128 => Some(0x2f),
                    b'\\' if e < 128 => Some(0x5c),
                    b'"' if e < 128 => Some(0x22),
                    _ => None,
                };
                if let Some(u) = simple {
                    units.push(u);
                    p.i += 1;
                    continue;
                }
                if e == b'u' as u16 {
                    let mut v: u16 = 0;
                    for k in 1..=4 {
                        match p
                            .s
                            .get(p.i + k)
                            .and_then(|d| char::from_u32(*d as u32))
                            .and_then(|d| d.to_digit(16))
                        {
                            Some(d) => v = v * 16 + d as u16,
                            None => {
                                p.i += k;
                                return Err(syntax(
                                    vm,
                                    format!("Bad Unicode escape in JSON at position {}", p.i),
                                ));
                            }
                        }
                    }
                    p.i += 5;
                    units.push(v);
                    continue;
                }
                return Err(syntax(
                    vm,
                    format!("Bad escaped character in JSON at position {}", p.i),
                ));
            }
            c if c < 0x20 => {
                return Err(syntax(
                    vm,
                    format!(
                        "Bad control character in string literal in JSON at position {}",
                        p.i
                    ),
                ))
            }
            c => {
                units.push(c);
                p.i += 1;
            }
        }
    }
}

/// JSON.parse of a string (no reviver).
fn parse_text(vm: &mut Vm, p: &mut Parser) -> Res<Value> {
    let v = parse_value(vm, p, 0)?;
    p.ws();
    if !p.at_end() {
        return Err(syntax(
            vm,
            format!(
                "Unexpected non-whitespace character after JSON at position {}",
                p.i
            ),
        ));
    }
    Ok(v)
}

fn revive(vm: &mut Vm, holder: &Value, key: PropKey, f: &Value) -> Res<Value> {
    let v = vm.get(holder, &key)?;
    if let Value::Obj(o) = &v {
        let keys: Vec<PropKey> = if matches!(vm.heap.kind(*o), Some(Kind::Array(_))) {
            (0..vm.length_of(&v)?)
                .map(|i| PropKey::s(&i.to_string()))
                .collect()
        } else {
            vm.enumerable_keys(*o)?
                .into_iter()
                .map(PropKey::Str)
                .collect()
        };
        for k in keys {
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
    let mut p = Parser {
        s: crate::value::utf16(&s),
        src: &s,
        i: 0,
    };
    let v = match parse_text(vm, &mut p) {
        Ok(v) => {
            vm.json_error = None;
            v
        }
        Err(Throw::Js(Value::Obj(e))) => {
            // Node reports an uncaught JSON syntax error in the JSON text itself.
            let at = String::from_utf16_lossy(&p.s[..p.i.min(p.s.len())])
                .chars()
                .count();
            let id = vm.heap.get(e).map_or(0, |o| o.meta.id);
            vm.json_error = Some(crate::interp::JsonError {
                error: e,
                id,
                text: s.to_string(),
                at,
            });
            return Err(Throw::Js(Value::Obj(e)));
        }
        Err(e) => return Err(e),
    };
    let f = c.arg(1);
    if vm.is_callable(&f) {
        let root = vm.new_object();
        vm.set_prop_raw(root, "", v);
        return revive(vm, &Value::Obj(root), PropKey::s(""), &f);
    }
    Ok(v)
}

/// QuoteJSONString (lone surrogates escaped, as well-formed JSON.stringify does).
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
            c if crate::value::lone_unit(c).is_some() => {
                let u = crate::value::lone_unit(c).unwrap_or(0xfffd);
                o.push_str(&format!("\\u{u:04x}"));
            }
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
    /// Objects being serialized, with the key each was reached by.
    stack: Vec<(ObjRef, String, bool)>,
}

fn ctor_words(vm: &Vm, o: ObjRef) -> String {
    crate::inspect::constructor_name(vm, o).unwrap_or_else(|| "Object".into())
}

fn key_words(key: &str, index: bool) -> String {
    if index {
        format!("index {key}")
    } else {
        format!("property '{key}'")
    }
}

/// V8's `Converting circular structure to JSON` with the path around the cycle.
fn circular_error(vm: &mut Vm, cx: &Ctx, o: ObjRef, key: &str, index: bool) -> Throw {
    let start = cx.stack.iter().position(|(x, _, _)| *x == o).unwrap_or(0);
    let mut msg = format!(
        "Converting circular structure to JSON\n    --> starting at object with constructor '{}'",
        ctor_words(vm, o)
    );
    let path: Vec<String> = cx.stack[start + 1..]
        .iter()
        .map(|(x, k, i)| {
            format!(
                "\n    |     {} -> object with constructor '{}'",
                key_words(k, *i),
                ctor_words(vm, *x)
            )
        })
        .collect();
    if path.len() > 3 {
        msg.push_str(&path[..2].concat());
        msg.push_str("\n    |     ...");
        msg.push_str(&path[path.len() - 1]);
    } else {
        msg.push_str(&path.concat());
    }
    msg.push_str(&format!(
        "\n    --- {} closes the circle",
        key_words(key, index)
    ));
    vm.type_error(&msg)
}

fn ser(
    vm: &mut Vm,
    cx: &mut Ctx,
    holder: &Value,
    key: &str,
    index: bool,
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
            Some(Kind::Boxed(Value::Num(_))) => v = Value::Num(vm.to_number(&v)?),
            Some(Kind::Boxed(Value::Str(_))) => v = Value::Str(vm.to_string(&v)?),
            Some(Kind::Boxed(p @ (Value::Bool(_) | Value::BigInt(_)))) => v = p.clone(),
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
            if cx.stack.iter().any(|(x, _, _)| *x == o) {
                return Err(circular_error(vm, cx, o, key, index));
            }
            if cx.stack.len() > 5000 {
                return Err(vm.range_error("Maximum call stack size exceeded"));
            }
            cx.stack.push((o, key.to_string(), index));
            let inner = format!("{indent}{}", cx.gap);
            let is_arr = crate::builtins::array::is_array_value(vm, &v)?;
            let mut parts = Vec::new();
            if is_arr {
                let n = vm.length_of(&v)?;
                for i in 0..n {
                    let e = vm.get_elem(&v, &Value::Num(i as f64))?;
                    parts.push(
                        ser(vm, cx, &v, &i.to_string(), true, e, &inner)?
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
                    if let Some(s) = ser(vm, cx, &v, &k, false, e, &inner)? {
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

/// JSON.stringify(v) with no replacer or indentation (`undefined` as None).
pub fn stringify_value(vm: &mut Vm, v: &Value) -> Res<Option<String>> {
    let mut cx = Ctx {
        replacer: Value::Undefined,
        allow: None,
        gap: String::new(),
        stack: vec![],
    };
    let holder = vm.new_object();
    vm.set_prop_raw(holder, "", v.clone());
    ser(vm, &mut cx, &Value::Obj(holder), "", false, v.clone(), "")
}

fn stringify(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let rep = c.arg(1);
    let allow = if matches!(rep, Value::Obj(_)) && crate::builtins::array::is_array_value(vm, &rep)?
    {
        let n = vm.length_of(&rep)?;
        let mut a: Vec<String> = Vec::new();
        for i in 0..n {
            let item = vm.get_elem(&rep, &Value::Num(i as f64))?;
            let s = match &item {
                Value::Str(s) => Some(s.to_string()),
                Value::Num(x) => Some(num_to_string(*x)),
                Value::Obj(o)
                    if matches!(
                        vm.heap.kind(*o),
                        Some(Kind::Boxed(Value::Str(_) | Value::Num(_)))
                    ) =>
                {
                    Some(vm.to_string(&item)?.to_string())
                }
                _ => None,
            };
            if let Some(s) = s {
                if !a.contains(&s) {
                    a.push(s);
                }
            }
        }
        Some(a)
    } else {
        None
    };
    let mut space = c.arg(2);
    if let Value::Obj(o) = &space {
        match vm.heap.kind(*o) {
            Some(Kind::Boxed(Value::Num(_))) => space = Value::Num(vm.to_number(&space)?),
            Some(Kind::Boxed(Value::Str(_))) => space = Value::Str(vm.to_string(&space)?),
            _ => {}
        }
    }
    let gap = match space {
        Value::Num(n) => " ".repeat(n.trunc().clamp(0.0, 10.0) as usize),
        Value::Str(s) => crate::value::utf16_slice(&s, 0, 10),
        _ => String::new(),
    };
    let replacer = if vm.is_callable(&rep) {
        rep
    } else {
        Value::Undefined
    };
    let mut cx = Ctx {
        replacer,
        allow,
        gap,
        stack: vec![],
    };
    let holder = vm.new_object();
    vm.set_prop_raw(holder, "", c.arg(0));
    Ok(
        match ser(vm, &mut cx, &Value::Obj(holder), "", false, c.arg(0), "")? {
            Some(s) => Value::str(&s),
            None => Value::Undefined,
        },
    )
}

pub fn install(vm: &mut Vm) {
    let j = vm.new_object();
    vm.method(j, "parse", 2, parse);
    vm.method(j, "stringify", 3, stringify);
    vm.set_tag(j, "JSON");
    let g = vm.realm.global;
    vm.set_hidden(g, "JSON", Value::Obj(j));
}
