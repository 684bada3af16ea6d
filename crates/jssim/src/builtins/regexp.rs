//! RegExp on the `regress` engine (ECMAScript syntax): exec/test, `lastIndex` for
//! global/sticky, and the String methods that take a pattern.

use super::make_ctor;
use crate::heap::{Kind, NativeCall};
use crate::interp::{Res, Vm};
use crate::value::{utf16_len, ObjRef, PropKey, Value};

/// Compiled pattern plus its source text and flags.
pub struct RegExpData {
    pub source: String,
    pub flags: String,
    pub re: regress::Regex,
}

impl std::fmt::Debug for RegExpData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/{}", self.source, self.flags)
    }
}

pub fn new_regexp(vm: &mut Vm, source: &str, flags: &str) -> Res<Value> {
    let engine_flags: String = flags.chars().filter(|c| "imsu".contains(*c)).collect();
    let re = match regress::Regex::with_flags(source, engine_flags.as_str()) {
        Ok(r) => r,
        Err(e) => {
            return Err(vm.throw_error(
                "SyntaxError",
                &format!("Invalid regular expression: /{source}/{flags}: {e}"),
            ))
        }
    };
    let p = vm.realm.regexp_proto;
    let o = vm.alloc(
        Some(p),
        Kind::RegExp(Box::new(RegExpData {
            source: source.to_string(),
            flags: flags.to_string(),
            re,
        })),
    );
    if let Some(x) = vm.heap.get_mut(o) {
        x.props.insert(
            PropKey::s("lastIndex"),
            crate::heap::Prop {
                v: crate::heap::PropVal::Data(Value::Num(0.0)),
                enumerable: false,
                writable: true,
                configurable: false,
            },
        );
    }
    Ok(Value::Obj(o))
}

fn data(vm: &Vm, o: ObjRef) -> Option<(&regress::Regex, String)> {
    match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Some((&d.re, d.flags.clone())),
        _ => None,
    }
}

/// A RegExp from a pattern argument (strings are compiled).
pub fn coerce(vm: &mut Vm, v: &Value) -> Res<ObjRef> {
    if let Value::Obj(o) = v {
        if matches!(vm.heap.kind(*o), Some(Kind::RegExp(_))) {
            return Ok(*o);
        }
    }
    let s = match v {
        Value::Undefined => "(?:)".into(),
        other => vm.to_string(other)?.to_string(),
    };
    let r = new_regexp(vm, &regex_escape_none(&s), "")?;
    r.as_obj().ok_or_else(|| vm.type_error("bad regexp"))
}

fn regex_escape_none(s: &str) -> String {
    s.to_string()
}

/// Byte offset ↔ UTF-16 index conversions.
fn u16_to_byte(s: &str, i: usize) -> usize {
    let mut n = 0;
    for (b, c) in s.char_indices() {
        if n >= i {
            return b;
        }
        n += c.len_utf16();
    }
    s.len()
}

/// One match from `lastIndex` semantics: the match array or null.
fn exec_at(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let Some((_, flags)) = data(vm, o) else {
        return Err(vm.type_error("not a regexp"));
    };
    let global = flags.contains('g') || flags.contains('y');
    let last = if global {
        let l = vm.get(&Value::Obj(o), &PropKey::s("lastIndex"))?;
        vm.to_number(&l)?.max(0.0) as usize
    } else {
        0
    };
    if last > utf16_len(s) {
        vm.set_own(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
        return Ok(Value::Null);
    }
    let start = u16_to_byte(s, last);
    let m = {
        let Some((re, _)) = data(vm, o) else {
            return Ok(Value::Null);
        };
        re.find_from(s, start).next()
    };
    let Some(m) = m else {
        if global {
            vm.set_own(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
        }
        return Ok(Value::Null);
    };
    if flags.contains('y') && m.range().start != start {
        vm.set_own(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
        return Ok(Value::Null);
    }
    let r = m.range();
    if global {
        vm.set_own(
            o,
            PropKey::s("lastIndex"),
            Value::Num(utf16_len(&s[..r.end]) as f64),
        )?;
    }
    let mut items = Vec::new();
    for g in m.groups() {
        items.push(match g {
            Some(rg) => Value::str(&s[rg]),
            None => Value::Undefined,
        });
    }
    let arr = vm.new_array(items);
    vm.set_prop_raw(arr, "index", Value::Num(utf16_len(&s[..r.start]) as f64));
    vm.set_prop_raw(arr, "input", Value::str(s));
    let named: Vec<(String, Option<std::ops::Range<usize>>)> =
        m.named_groups().map(|(n, r)| (n.to_string(), r)).collect();
    if named.is_empty() {
        vm.set_prop_raw(arr, "groups", Value::Undefined);
    } else {
        let g = vm.alloc(None, Kind::Ordinary);
        for (n, r) in named {
            let v = r.map(|r| Value::str(&s[r])).unwrap_or_default();
            vm.set_prop_raw(g, &n, v);
        }
        vm.set_prop_raw(arr, "groups", Value::Obj(g));
    }
    Ok(Value::Obj(arr))
}

fn this_re(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if matches!(vm.heap.kind(o), Some(Kind::RegExp(_))) => Ok(o),
        _ => Err(vm.type_error("RegExp method called on incompatible receiver")),
    }
}

fn exec(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    let s = vm.to_string(&c.arg(0))?;
    exec_at(vm, o, &s)
}

fn test(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    let s = vm.to_string(&c.arg(0))?;
    Ok(Value::Bool(!matches!(exec_at(vm, o, &s)?, Value::Null)))
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    Ok(match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Value::str(&format!("/{}/{}", d.source, d.flags)),
        _ => Value::Undefined,
    })
}

fn source(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    Ok(match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Value::str(&d.source),
        _ => Value::Undefined,
    })
}

fn flags(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    Ok(match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Value::str(&d.flags),
        _ => Value::Undefined,
    })
}

fn global(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c)?;
    Ok(Value::Bool(
        data(vm, o).map(|d| d.1.contains('g')).unwrap_or(false),
    ))
}

fn regexp_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (src, fl) = match c.arg(0) {
        Value::Obj(o) if matches!(vm.heap.kind(o), Some(Kind::RegExp(_))) => {
            match vm.heap.kind(o) {
                Some(Kind::RegExp(d)) => (d.source.clone(), d.flags.clone()),
                _ => (String::new(), String::new()),
            }
        }
        Value::Undefined => ("(?:)".into(), String::new()),
        v => (vm.to_string(&v)?.to_string(), String::new()),
    };
    let fl = match c.arg(1) {
        Value::Undefined => fl,
        v => vm.to_string(&v)?.to_string(),
    };
    new_regexp(vm, &src, &fl)
}

pub fn match_str(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let g = data(vm, o).map(|d| d.1.contains('g')).unwrap_or(false);
    if !g {
        return exec_at(vm, o, s);
    }
    vm.set_own(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
    let mut out = Vec::new();
    loop {
        let m = exec_at(vm, o, s)?;
        if matches!(m, Value::Null) {
            break;
        }
        let whole = vm.get_elem(&m, &Value::Num(0.0))?;
        if matches!(&whole, Value::Str(w) if w.is_empty()) {
            let l = vm.get(&Value::Obj(o), &PropKey::s("lastIndex"))?;
            let l = vm.to_number(&l)?;
            vm.set_own(o, PropKey::s("lastIndex"), Value::Num(l + 1.0))?;
        }
        out.push(whole);
    }
    Ok(if out.is_empty() {
        Value::Null
    } else {
        vm.array_value(out)
    })
}

pub fn match_all(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let flags = data(vm, o).map(|d| d.1).unwrap_or_default();
    if !flags.contains('g') {
        return Err(
            vm.type_error("String.prototype.matchAll called with a non-global RegExp argument")
        );
    }
    let src = match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => d.source.clone(),
        _ => String::new(),
    };
    let copy = new_regexp(vm, &src, &flags)?;
    let Some(co) = copy.as_obj() else {
        return Ok(Value::Undefined);
    };
    let mut out = Vec::new();
    loop {
        let m = exec_at(vm, co, s)?;
        if matches!(m, Value::Null) {
            break;
        }
        let whole = vm.get_elem(&m, &Value::Num(0.0))?;
        if matches!(&whole, Value::Str(w) if w.is_empty()) {
            let l = vm.get(&copy, &PropKey::s("lastIndex"))?;
            let l = vm.to_number(&l)?;
            vm.set_own(co, PropKey::s("lastIndex"), Value::Num(l + 1.0))?;
        }
        out.push(m);
    }
    let (it, _) = vm.list_iterator(out);
    Ok(it)
}

pub fn search(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let Some((re, _)) = data(vm, o) else {
        return Ok(Value::Num(-1.0));
    };
    Ok(Value::Num(match re.find(s) {
        Some(m) => utf16_len(&s[..m.range().start]) as f64,
        None => -1.0,
    }))
}

/// Expands `$1`, `$&`, `$<name>` in a replacement template.
fn expand(template: &str, s: &str, m: &regress::Match) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('$') => {
                chars.next();
                out.push('$');
            }
            Some('&') => {
                chars.next();
                out.push_str(&s[m.range()]);
            }
            Some('`') => {
                chars.next();
                out.push_str(&s[..m.range().start]);
            }
            Some('\'') => {
                chars.next();
                out.push_str(&s[m.range().end..]);
            }
            Some('<') => {
                let rest: String = chars.clone().collect();
                if let Some(end) = rest.find('>') {
                    let name = &rest[1..end];
                    if let Some(r) = m.named_group(name) {
                        out.push_str(&s[r]);
                    }
                    for _ in 0..=end {
                        chars.next();
                    }
                } else {
                    out.push('$');
                }
            }
            Some(d) if d.is_ascii_digit() => {
                chars.next();
                let mut n = d.to_digit(10).unwrap_or(0) as usize;
                if let Some(d2) = chars.peek().and_then(|c| c.to_digit(10)) {
                    let two = n * 10 + d2 as usize;
                    if two < m.captures.len() + 1 {
                        chars.next();
                        n = two;
                    }
                }
                if n >= 1 && n <= m.captures.len() {
                    if let Some(r) = m.group(n) {
                        out.push_str(&s[r]);
                    }
                } else {
                    out.push('$');
                    out.push(d);
                }
            }
            _ => out.push('$'),
        }
    }
    out
}

pub fn replace(vm: &mut Vm, o: ObjRef, s: &str, rep: Value, all_flag: bool) -> Res<Value> {
    let flags = data(vm, o).map(|d| d.1).unwrap_or_default();
    let global = flags.contains('g');
    if all_flag && !global {
        return Err(vm.type_error("replaceAll must be called with a global RegExp"));
    }
    let matches: Vec<regress::Match> = match data(vm, o) {
        Some((re, _)) => {
            if global {
                re.find_iter(s).collect()
            } else {
                re.find(s).into_iter().collect()
            }
        }
        None => vec![],
    };
    let mut out = String::new();
    let mut last = 0;
    for m in matches {
        let r = m.range();
        out.push_str(&s[last..r.start]);
        if vm.is_callable(&rep) {
            let mut args = vec![Value::str(&s[r.clone()])];
            for g in m.groups().skip(1) {
                args.push(g.map(|g| Value::str(&s[g])).unwrap_or_default());
            }
            args.push(Value::Num(utf16_len(&s[..r.start]) as f64));
            args.push(Value::str(s));
            let v = vm.call(&rep, Value::Undefined, args)?;
            out.push_str(&vm.to_string(&v)?);
        } else {
            let t = vm.to_string(&rep)?;
            out.push_str(&expand(&t, s, &m));
        }
        last = r.end;
    }
    out.push_str(&s[last..]);
    if global {
        vm.set_own(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
    }
    Ok(Value::str(&out))
}

pub fn split(vm: &mut Vm, o: ObjRef, s: &str, limit: Value) -> Res<Value> {
    let limit = match limit {
        Value::Undefined => usize::MAX,
        v => vm.to_number(&v)? as u32 as usize,
    };
    let mut parts = Vec::new();
    if let Some((re, _)) = data(vm, o) {
        let mut last = 0;
        for m in re.find_iter(s) {
            let r = m.range();
            if r.end == r.start && (r.start == 0 || r.start >= s.len()) {
                continue;
            }
            if r.start == r.end && r.start == last && last != 0 {
                continue;
            }
            parts.push(Value::str(&s[last..r.start]));
            for g in m.groups().skip(1) {
                parts.push(g.map(|g| Value::str(&s[g])).unwrap_or_default());
            }
            last = r.end;
        }
        parts.push(Value::str(&s[last..]));
    }
    parts.truncate(limit);
    Ok(vm.array_value(parts))
}

pub fn install(vm: &mut Vm) {
    let rp = vm.realm.regexp_proto;
    make_ctor(vm, "RegExp", 2, regexp_ctor, rp);
    vm.method(rp, "exec", 1, exec);
    vm.method(rp, "test", 1, test);
    vm.method(rp, "toString", 0, to_string);
    for (n, f) in [
        ("source", source as crate::heap::NativeFnPtr),
        ("flags", flags),
        ("global", global),
    ] {
        let g = vm.native(&format!("get {n}"), 0, f);
        if let Some(o) = vm.heap.get_mut(rp) {
            o.props.insert(
                PropKey::s(n),
                crate::heap::Prop {
                    v: crate::heap::PropVal::Accessor(Some(g), None),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
        }
    }
}
