//! RegExp on the `regress` engine, matching over UTF-16 code units as JavaScript does
//! (`/^.$/` does not match an astral character, `/^.$/u` does): exec/test with
//! `lastIndex` for global and sticky patterns, named groups, the `d` flag's indices,
//! and the Symbol.match/matchAll/replace/search/split methods the String methods
//! delegate to, with GetSubstitution (`$1`, `$&`, `$<name>`, `$$`).

use super::make_ctor;
use crate::heap::{IterData, Kind, NativeCall, NativeFnPtr, Prop, PropVal};
use crate::interp::{Res, Vm};
use crate::value::{from_utf16, utf16, ObjRef, PropKey, Value};

/// A compiled pattern with its (escaped) source and canonical flags.
#[derive(Clone)]
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

/// EscapeRegExpPattern: `/` and line terminators escaped, `(?:)` for empty.
fn escape_source(p: &str) -> String {
    if p.is_empty() {
        return "(?:)".into();
    }
    let mut out = String::new();
    let mut escaped = false;
    let mut in_class = false;
    for c in p.chars() {
        match c {
            '/' if !escaped && !in_class => out.push_str("\\/"),
            '\n' => out.push_str(if escaped { "n" } else { "\\n" }),
            '\r' => out.push_str(if escaped { "r" } else { "\\r" }),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
        if !escaped {
            if c == '[' {
                in_class = true;
            } else if c == ']' {
                in_class = false;
            }
        }
        escaped = c == '\\' && !escaped;
    }
    out
}

/// The flags in V8's canonical order, or None when one is invalid or repeated.
/// Parentheses opened and closed outside character classes and escapes.
fn paren_balance(source: &str) -> (usize, usize) {
    let (mut open, mut close, mut in_class, mut esc) = (0, 0, false, false);
    for c in source.chars() {
        match (esc, in_class, c) {
            (true, ..) => esc = false,
            (_, _, '\\') => esc = true,
            (_, false, '[') => in_class = true,
            (_, true, ']') => in_class = false,
            (_, false, '(') => open += 1,
            (_, false, ')') => close += 1,
            _ => {}
        }
    }
    (open, close)
}

/// True when `source` has a `{m,n}` quantifier with m > n.
fn quantifier_out_of_order(source: &str) -> bool {
    let mut rest = source;
    while let Some(i) = rest.find('{') {
        let body = &rest[i + 1..];
        if let Some(end) = body.find('}') {
            if let Some((a, b)) = body[..end].split_once(',') {
                if let (Ok(a), Ok(b)) = (a.parse::<u64>(), b.parse::<u64>()) {
                    if a > b {
                        return true;
                    }
                }
            }
        }
        rest = body;
    }
    false
}

/// V8's message for a pattern the regex engine rejected with `msg`.
fn v8_message(source: &str, unicode: bool, msg: &str) -> String {
    let lone_brackets = unicode && source.contains(['{', '}', ']']);
    match msg {
        "Unbalanced parenthesis" => {
            let (open, close) = paren_balance(source);
            if open > close {
                "Unterminated group"
            } else {
                "Unmatched ')'"
            }
        }
        "Invalid atom character" | "Quantifier not allowed here" if lone_brackets => {
            "Lone quantifier brackets"
        }
        "Invalid atom character" | "Quantifier not allowed here" => "Nothing to repeat",
        "Invalid quantifier" | "Invalid braced quantifier" => {
            if quantifier_out_of_order(source) {
                "numbers out of order in {} quantifier"
            } else if unicode {
                "Incomplete quantifier"
            } else {
                "Nothing to repeat"
            }
        }
        m if m.starts_with("Range values reversed") => "Range out of order in character class",
        "Unbalanced bracket" => "Unterminated character class",
        "Incomplete escape" | "Unterminated escape" => "\\ at end of pattern",
        "Invalid token at named capture group identifier" => "Invalid capture group name",
        m if m.starts_with("Backreference to invalid named capture group") => {
            "Invalid named capture referenced"
        }
        "Unexpected end of named backreference" => "Invalid named reference",
        "Invalid group modifier" => "Invalid group",
        "Invalid unicode escape" => "Invalid Unicode escape",
        "Invalid character escape" if source.contains("\\c") => "Invalid Unicode escape",
        "Invalid character escape" => "Invalid escape",
        "Invalid character range" => "Invalid character class",
        "Invalid property escape" | "Invalid character at property escape start" => {
            "Invalid property name"
        }
        other => other,
    }
    .to_string()
}

fn canonical_flags(flags: &str) -> Option<String> {
    let order = "dgimsuvy";
    for c in flags.chars() {
        if !order.contains(c) || flags.matches(c).count() > 1 {
            return None;
        }
    }
    if flags.contains('u') && flags.contains('v') {
        return None;
    }
    Some(order.chars().filter(|c| flags.contains(*c)).collect())
}

/// Creates a RegExp object.
pub fn new_regexp(vm: &mut Vm, source: &str, flags: &str) -> Res<Value> {
    let proto = vm.realm.regexp_proto;
    new_regexp_with(vm, source, flags, proto)
}

fn new_regexp_with(vm: &mut Vm, source: &str, flags: &str, proto: ObjRef) -> Res<Value> {
    let Some(flags) = canonical_flags(flags) else {
        return Err(vm.throw_error(
            "SyntaxError",
            &format!("Invalid flags supplied to RegExp constructor '{flags}'"),
        ));
    };
    let engine_flags: String = flags.chars().filter(|c| "imsuv".contains(*c)).collect();
    let re = match regress::Regex::with_flags(source, engine_flags.as_str()) {
        Ok(r) => r,
        Err(e) => {
            let src = escape_source(source);
            let msg = v8_message(source, flags.contains(['u', 'v']), &e.to_string());
            return Err(vm.throw_error(
                "SyntaxError",
                &format!("Invalid regular expression: /{src}/{flags}: {msg}"),
            ));
        }
    };
    let o = vm.alloc(
        Some(proto),
        Kind::RegExp(Box::new(RegExpData {
            source: escape_source(source),
            flags,
            re,
        })),
    );
    if let Some(x) = vm.heap.get_mut(o) {
        x.props.insert(
            PropKey::s("lastIndex"),
            Prop {
                v: PropVal::Data(Value::Num(0.0)),
                enumerable: false,
                writable: true,
                configurable: false,
            },
        );
    }
    Ok(Value::Obj(o))
}

fn flags_of(vm: &Vm, o: ObjRef) -> Option<String> {
    match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Some(d.flags.clone()),
        _ => None,
    }
}

fn is_regexp(vm: &Vm, v: &Value) -> bool {
    matches!(
        v.as_obj().and_then(|o| vm.heap.kind(o)),
        Some(Kind::RegExp(_))
    )
}

/// One match of the raw engine: capture ranges (UTF-16 indices) and group names.
struct RawMatch {
    groups: Vec<Option<std::ops::Range<usize>>>,
    names: Vec<(String, Option<std::ops::Range<usize>>)>,
}

fn raw_find(vm: &Vm, o: ObjRef, s: &[u16], start: usize) -> Option<RawMatch> {
    let Some(Kind::RegExp(d)) = vm.heap.kind(o) else {
        return None;
    };
    let unicode = d.flags.contains('u') || d.flags.contains('v');
    let m = if unicode {
        d.re.find_from_utf16(s, start).next()
    } else {
        d.re.find_from_ucs2(s, start).next()
    }?;
    Some(RawMatch {
        groups: m.groups().collect(),
        names: m.named_groups().map(|(n, r)| (n.to_string(), r)).collect(),
    })
}

fn last_index(vm: &mut Vm, o: ObjRef) -> Res<usize> {
    let l = vm.get(&Value::Obj(o), &PropKey::s("lastIndex"))?;
    let n = vm.to_number(&l)?;
    Ok(if n.is_nan() || n <= 0.0 {
        0
    } else {
        n.min(1e15) as usize
    })
}

fn set_last_index(vm: &mut Vm, o: ObjRef, i: usize) -> Res<()> {
    vm.set_or_throw(o, PropKey::s("lastIndex"), Value::Num(i as f64))
}

/// RegExpBuiltinExec: the match array or null, honouring `lastIndex`.
fn builtin_exec(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let flags = flags_of(vm, o).unwrap_or_default();
    let global_or_sticky = flags.contains('g') || flags.contains('y');
    let units = utf16(s);
    let last = if global_or_sticky {
        last_index(vm, o)?
    } else {
        0
    };
    if last > units.len() {
        if global_or_sticky {
            set_last_index(vm, o, 0)?;
        }
        return Ok(Value::Null);
    }
    let m = raw_find(vm, o, &units, last);
    let m = match m {
        Some(m) if flags.contains('y') && m.groups[0].as_ref().map(|r| r.start) != Some(last) => {
            None
        }
        other => other,
    };
    let Some(m) = m else {
        if global_or_sticky {
            set_last_index(vm, o, 0)?;
        }
        return Ok(Value::Null);
    };
    let whole = m.groups[0].clone().unwrap_or(0..0);
    if global_or_sticky {
        set_last_index(vm, o, whole.end)?;
    }
    let items: Vec<Value> = m
        .groups
        .iter()
        .map(|g| {
            g.as_ref()
                .map(|r| Value::str(&from_utf16(&units[r.clone()])))
                .unwrap_or_default()
        })
        .collect();
    let arr = vm.new_array(items);
    vm.set_prop_raw(arr, "index", Value::Num(whole.start as f64));
    vm.set_prop_raw(arr, "input", Value::str(s));
    let groups = if m.names.is_empty() {
        Value::Undefined
    } else {
        vm.heap.next_inobject = 0;
        let g = vm.alloc(None, Kind::Ordinary);
        for (n, r) in &m.names {
            let v = r
                .as_ref()
                .map(|r| Value::str(&from_utf16(&units[r.clone()])))
                .unwrap_or_default();
            vm.set_prop_raw(g, n, v);
        }
        Value::Obj(g)
    };
    vm.set_prop_raw(arr, "groups", groups.clone());
    if flags.contains('d') {
        let pairs: Vec<Value> = m
            .groups
            .iter()
            .map(|g| match g {
                Some(r) => {
                    vm.array_value(vec![Value::Num(r.start as f64), Value::Num(r.end as f64)])
                }
                None => Value::Undefined,
            })
            .collect();
        let ind = vm.new_array(pairs);
        let ig = if m.names.is_empty() {
            Value::Undefined
        } else {
            let g = vm.alloc(None, Kind::Ordinary);
            for (n, r) in &m.names {
                let v = match r {
                    Some(r) => {
                        vm.array_value(vec![Value::Num(r.start as f64), Value::Num(r.end as f64)])
                    }
                    None => Value::Undefined,
                };
                vm.set_prop_raw(g, n, v);
            }
            Value::Obj(g)
        };
        vm.set_prop_raw(ind, "groups", ig);
        vm.set_prop_raw(arr, "indices", Value::Obj(ind));
    }
    Ok(Value::Obj(arr))
}

fn is_builtin_exec(vm: &Vm, f: &Value) -> bool {
    matches!(f, Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::Native(n)) if std::ptr::fn_addr_eq(n.f, exec as NativeFnPtr)))
}

/// RegExpExec: a user-defined `exec` is honoured (subclasses).
fn regexp_exec(vm: &mut Vm, o: ObjRef, s: &str) -> Res<Value> {
    let e = vm.get(&Value::Obj(o), &PropKey::s("exec"))?;
    if vm.is_callable(&e) && !is_builtin_exec(vm, &e) {
        let r = vm.call(&e, Value::Obj(o), vec![Value::str(s)])?;
        if !matches!(r, Value::Obj(_) | Value::Null) {
            return Err(vm.type_error("object null is not a function"));
        }
        return Ok(r);
    }
    if !matches!(vm.heap.kind(o), Some(Kind::RegExp(_))) {
        return Err(vm.type_error("RegExp.prototype.exec called on incompatible receiver"));
    }
    builtin_exec(vm, o, s)
}

fn this_re(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if matches!(vm.heap.kind(o), Some(Kind::RegExp(_))) => Ok(o),
        _ => {
            let d = vm.to_display(&c.this);
            Err(vm.type_error(&format!(
                "Method RegExp.prototype.{method} called on incompatible receiver {d}"
            )))
        }
    }
}

fn this_object(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) => Ok(o),
        None => {
            let d = vm.to_display(&c.this);
            Err(vm.type_error(&format!(
                "Method RegExp.prototype.{method} called on incompatible receiver {d}"
            )))
        }
    }
}

fn exec(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_re(vm, c, "exec")?;
    let s = vm.to_string(&c.arg(0))?;
    builtin_exec(vm, o, &s)
}

fn test(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "test")?;
    let s = vm.to_string(&c.arg(0))?;
    Ok(Value::Bool(!matches!(regexp_exec(vm, o, &s)?, Value::Null)))
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "toString")?;
    let src = vm.get(&Value::Obj(o), &PropKey::s("source"))?;
    let src = vm.to_string(&src)?;
    let fl = vm.get(&Value::Obj(o), &PropKey::s("flags"))?;
    let fl = vm.to_string(&fl)?;
    Ok(Value::str(&format!("/{src}/{fl}")))
}

fn source(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.this.as_obj() == Some(vm.realm.regexp_proto) {
        return Ok(Value::str("(?:)"));
    }
    let o = this_re(vm, c, "source")?;
    Ok(match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => Value::str(&d.source),
        _ => Value::Undefined,
    })
}

fn flags(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "flags")?;
    if let Some(f) = flags_of(vm, o) {
        return Ok(Value::str(&f));
    }
    let mut out = String::new();
    for (ch, name) in [
        ('d', "hasIndices"),
        ('g', "global"),
        ('i', "ignoreCase"),
        ('m', "multiline"),
        ('s', "dotAll"),
        ('u', "unicode"),
        ('v', "unicodeSets"),
        ('y', "sticky"),
    ] {
        if vm.get(&Value::Obj(o), &PropKey::s(name))?.truthy() {
            out.push(ch);
        }
    }
    Ok(Value::str(&out))
}

fn flag_getter(vm: &mut Vm, c: &NativeCall, ch: char) -> Res<Value> {
    if c.this.as_obj() == Some(vm.realm.regexp_proto) {
        return Ok(Value::Undefined);
    }
    let o = this_re(vm, c, "flags")?;
    Ok(Value::Bool(flags_of(vm, o).is_some_and(|f| f.contains(ch))))
}

macro_rules! flag {
    ($name:ident, $ch:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            flag_getter(vm, c, $ch)
        }
    };
}
flag!(get_global, 'g');
flag!(get_ignore_case, 'i');
flag!(get_multiline, 'm');
flag!(get_dot_all, 's');
flag!(get_unicode, 'u');
flag!(get_unicode_sets, 'v');
flag!(get_sticky, 'y');
flag!(get_has_indices, 'd');

fn regexp_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let pattern = c.arg(0);
    let pattern_is_re = is_regexp(vm, &pattern);
    if c.new_target.is_none() && pattern_is_re && matches!(c.arg(1), Value::Undefined) {
        return Ok(pattern);
    }
    let (src, fl) = match &pattern {
        Value::Obj(o) if pattern_is_re => match vm.heap.kind(*o) {
            Some(Kind::RegExp(d)) => (unescape_source(&d.source), d.flags.clone()),
            _ => (String::new(), String::new()),
        },
        Value::Undefined => (String::new(), String::new()),
        v => (vm.to_string(v)?.to_string(), String::new()),
    };
    let fl = match c.arg(1) {
        Value::Undefined => fl,
        v => vm.to_string(&v)?.to_string(),
    };
    let d = vm.realm.regexp_proto;
    let proto = vm.proto_for(c, d)?;
    new_regexp_with(vm, &src, &fl, proto)
}

/// The pattern text from an escaped source (`\/` back to `/`).
fn unescape_source(s: &str) -> String {
    if s == "(?:)" {
        return String::new();
    }
    s.replace("\\/", "/")
}

/// `RegExp(pattern)` for a string argument of the String methods.
pub fn coerce(vm: &mut Vm, v: &Value, flags: &str) -> Res<ObjRef> {
    if let Value::Obj(o) = v {
        if matches!(vm.heap.kind(*o), Some(Kind::RegExp(_))) {
            return Ok(*o);
        }
    }
    let s = match v {
        Value::Undefined => String::new(),
        other => vm.to_string(other)?.to_string(),
    };
    let r = new_regexp(vm, &s, flags)?;
    r.as_obj()
        .ok_or_else(|| vm.type_error("invalid regular expression"))
}

/// AdvanceStringIndex by one code unit or (unicode) one code point.
fn advance(s: &[u16], i: usize, unicode: bool) -> usize {
    if unicode
        && i + 1 < s.len()
        && (0xd800..0xdc00).contains(&s[i])
        && (0xdc00..0xe000).contains(&s[i + 1])
    {
        i + 2
    } else {
        i + 1
    }
}

fn sym_match(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "@@match")?;
    let s = vm.to_string(&c.arg(0))?;
    let f = vm.get(&Value::Obj(o), &PropKey::s("flags"))?;
    let f = vm.to_string(&f)?;
    if !f.contains('g') {
        return regexp_exec(vm, o, &s);
    }
    let unicode = f.contains('u') || f.contains('v');
    set_last_index(vm, o, 0)?;
    let units = utf16(&s);
    let mut out = Vec::new();
    loop {
        let m = regexp_exec(vm, o, &s)?;
        if matches!(m, Value::Null) {
            break;
        }
        let whole = vm.get_elem(&m, &Value::Num(0.0))?;
        let whole = vm.to_string(&whole)?;
        if whole.is_empty() {
            let l = last_index(vm, o)?;
            set_last_index(vm, o, advance(&units, l, unicode))?;
        }
        out.push(Value::Str(whole));
        if out.len() > 10_000_000 {
            return Err(crate::interp::Throw::Limit("too many matches".into()));
        }
    }
    Ok(if out.is_empty() {
        Value::Null
    } else {
        vm.array_value(out)
    })
}

fn sym_match_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "@@matchAll")?;
    let s = vm.to_string(&c.arg(0))?;
    let f = vm.get(&Value::Obj(o), &PropKey::s("flags"))?;
    let f = vm.to_string(&f)?;
    let src = match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => unescape_source(&d.source),
        _ => String::new(),
    };
    let copy = new_regexp(vm, &src, &f)?;
    let Some(co) = copy.as_obj() else {
        return Ok(Value::Undefined);
    };
    let l = last_index(vm, o)?;
    set_last_index(vm, co, l)?;
    let p = vm.realm.regexp_string_iter_proto;
    let it = vm.alloc(
        Some(p),
        Kind::Iter(Box::new(IterData::RegExp {
            re: co,
            s: s.clone(),
            global: f.contains('g'),
            unicode: f.contains('u') || f.contains('v'),
            done: false,
        })),
    );
    Ok(Value::Obj(it))
}

/// `next` of a RegExp String Iterator (String.prototype.matchAll).
pub fn regexp_iter_step(vm: &mut Vm, it: ObjRef) -> Res<(Value, bool)> {
    let (re, s, global, unicode, done) = match vm.heap.kind(it) {
        Some(Kind::Iter(d)) => match &**d {
            IterData::RegExp {
                re,
                s,
                global,
                unicode,
                done,
            } => (*re, s.clone(), *global, *unicode, *done),
            _ => return Ok((Value::Undefined, true)),
        },
        _ => return Ok((Value::Undefined, true)),
    };
    if done {
        return Ok((Value::Undefined, true));
    }
    let m = regexp_exec(vm, re, &s)?;
    let finish = |vm: &mut Vm| {
        if let Some(Kind::Iter(d)) = vm.heap.get_mut(it).map(|o| &mut o.kind) {
            if let IterData::RegExp { done, .. } = &mut **d {
                *done = true;
            }
        }
    };
    if matches!(m, Value::Null) {
        finish(vm);
        return Ok((Value::Undefined, true));
    }
    if !global {
        finish(vm);
        return Ok((m, false));
    }
    let whole = vm.get_elem(&m, &Value::Num(0.0))?;
    if vm.to_string(&whole)?.is_empty() {
        let l = last_index(vm, re)?;
        let units = utf16(&s);
        set_last_index(vm, re, advance(&units, l, unicode))?;
    }
    Ok((m, false))
}

fn sym_search(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "@@search")?;
    let s = vm.to_string(&c.arg(0))?;
    let prev = vm.get(&Value::Obj(o), &PropKey::s("lastIndex"))?;
    if !crate::value::same_value(&prev, &Value::Num(0.0)) {
        vm.set_or_throw(o, PropKey::s("lastIndex"), Value::Num(0.0))?;
    }
    let m = regexp_exec(vm, o, &s)?;
    let cur = vm.get(&Value::Obj(o), &PropKey::s("lastIndex"))?;
    if !crate::value::same_value(&cur, &prev) {
        vm.set_or_throw(o, PropKey::s("lastIndex"), prev)?;
    }
    if matches!(m, Value::Null) {
        return Ok(Value::Num(-1.0));
    }
    vm.get(&m, &PropKey::s("index"))
}

/// GetSubstitution: expands `$$ $& $` $' $n $nn $<name>` in a replacement template.
pub fn substitute(
    template: &str,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Value],
    groups: &Option<Vec<(String, Value)>>,
    vm: &Vm,
) -> String {
    let t: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let tail = (position + matched.len()).min(s.len());
    let m = captures.len();
    let mut i = 0;
    while i < t.len() {
        if t[i] != '$' || i + 1 >= t.len() {
            out.push(t[i]);
            i += 1;
            continue;
        }
        let n = t[i + 1];
        match n {
            '$' => {
                out.push('$');
                i += 2;
            }
            '&' => {
                out.push_str(&from_utf16(matched));
                i += 2;
            }
            '`' => {
                out.push_str(&from_utf16(&s[..position.min(s.len())]));
                i += 2;
            }
            '\'' => {
                out.push_str(&from_utf16(&s[tail..]));
                i += 2;
            }
            '0'..='9' => {
                let d1 = n.to_digit(10).unwrap_or(0) as usize;
                let two = t
                    .get(i + 2)
                    .and_then(|c| c.to_digit(10))
                    .map(|d2| d1 * 10 + d2 as usize);
                let (idx, len) = match two {
                    Some(k) if k >= 1 && k <= m => (k, 3),
                    _ => (d1, 2),
                };
                if idx >= 1 && idx <= m {
                    if let Some(v) = captures.get(idx - 1) {
                        if !matches!(v, Value::Undefined) {
                            out.push_str(&vm.prim_to_string(v));
                        }
                    }
                    i += len;
                } else {
                    out.push('$');
                    i += 1;
                }
            }
            '<' => match groups {
                None => {
                    out.push('$');
                    i += 1;
                }
                Some(g) => {
                    let rest: String = t[i + 2..].iter().collect();
                    match rest.find('>') {
                        None => {
                            out.push('$');
                            i += 1;
                        }
                        Some(end) => {
                            let name = &rest[..end];
                            if let Some((_, v)) = g.iter().find(|(k, _)| k == name) {
                                if !matches!(v, Value::Undefined) {
                                    out.push_str(&vm.prim_to_string(v));
                                }
                            }
                            i += 2 + rest[..end].chars().count() + 1;
                        }
                    }
                }
            },
            _ => {
                out.push('$');
                i += 1;
            }
        }
    }
    out
}

fn sym_replace(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "@@replace")?;
    let s = vm.to_string(&c.arg(0))?;
    let units = utf16(&s);
    let rep = c.arg(1);
    let functional = vm.is_callable(&rep);
    let template = if functional {
        String::new()
    } else {
        vm.to_string(&rep)?.to_string()
    };
    let f = vm.get(&Value::Obj(o), &PropKey::s("flags"))?;
    let f = vm.to_string(&f)?;
    let global = f.contains('g');
    let unicode = f.contains('u') || f.contains('v');
    if global {
        set_last_index(vm, o, 0)?;
    }
    let mut results = Vec::new();
    loop {
        let m = regexp_exec(vm, o, &s)?;
        if matches!(m, Value::Null) {
            break;
        }
        results.push(m.clone());
        if !global {
            break;
        }
        let whole = vm.get_elem(&m, &Value::Num(0.0))?;
        if vm.to_string(&whole)?.is_empty() {
            let l = last_index(vm, o)?;
            set_last_index(vm, o, advance(&units, l, unicode))?;
        }
        if results.len() > 10_000_000 {
            return Err(crate::interp::Throw::Limit("too many matches".into()));
        }
    }
    let mut out: Vec<u16> = Vec::new();
    let mut next = 0;
    for r in results {
        let n = vm.length_of(&r)?;
        let matched = vm.get_elem(&r, &Value::Num(0.0))?;
        let matched = utf16(&vm.to_string(&matched)?);
        let pos = vm.get(&r, &PropKey::s("index"))?;
        let pos = (vm.to_number(&pos)?.max(0.0) as usize).min(units.len());
        let mut caps = Vec::new();
        for k in 1..n {
            let v = vm.get_elem(&r, &Value::Num(k as f64))?;
            caps.push(if matches!(v, Value::Undefined) {
                v
            } else {
                Value::Str(vm.to_string(&v)?)
            });
        }
        let groups_v = vm.get(&r, &PropKey::s("groups"))?;
        let replacement = if functional {
            let mut args = vec![Value::str(&from_utf16(&matched))];
            args.extend(caps.iter().cloned());
            args.push(Value::Num(pos as f64));
            args.push(Value::Str(s.clone()));
            if !matches!(groups_v, Value::Undefined) {
                args.push(groups_v.clone());
            }
            let v = vm.call(&rep, Value::Undefined, args)?;
            vm.to_string(&v)?.to_string()
        } else {
            let groups = match &groups_v {
                Value::Obj(g) => {
                    let mut list = Vec::new();
                    for k in vm.enumerable_keys(*g)? {
                        let v = vm.get(&groups_v, &PropKey::Str(k.clone()))?;
                        list.push((k.to_string(), v));
                    }
                    Some(list)
                }
                _ => None,
            };
            substitute(&template, &matched, &units, pos, &caps, &groups, vm)
        };
        if pos >= next {
            out.extend_from_slice(&units[next..pos]);
            out.extend(crate::value::utf16(&replacement));
            next = pos + matched.len();
        }
    }
    if next < units.len() {
        out.extend_from_slice(&units[next..]);
    }
    Ok(Value::str(&from_utf16(&out)))
}

fn sym_split(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_object(vm, c, "@@split")?;
    let s = vm.to_string(&c.arg(0))?;
    let units = utf16(&s);
    let lim = match c.arg(1) {
        Value::Undefined => u32::MAX as usize,
        v => crate::value::to_uint32(vm.to_number(&v)?) as usize,
    };
    let f = vm.get(&Value::Obj(o), &PropKey::s("flags"))?;
    let f = vm.to_string(&f)?;
    let unicode = f.contains('u') || f.contains('v');
    // A sticky copy, matched at each position.
    let src = match vm.heap.kind(o) {
        Some(Kind::RegExp(d)) => unescape_source(&d.source),
        _ => String::new(),
    };
    let flags: String = if f.contains('y') {
        f.to_string()
    } else {
        format!("{f}y")
    };
    let splitter = new_regexp(vm, &src, &flags)?;
    let Some(sp) = splitter.as_obj() else {
        return Ok(Value::Undefined);
    };
    let mut out: Vec<Value> = Vec::new();
    if lim == 0 {
        return Ok(vm.array_value(out));
    }
    if units.is_empty() {
        let m = regexp_exec(vm, sp, &s)?;
        if matches!(m, Value::Null) {
            out.push(Value::Str(s.clone()));
        }
        return Ok(vm.array_value(out));
    }
    let size = units.len();
    let mut p = 0;
    let mut q = p;
    while q < size {
        set_last_index(vm, sp, q)?;
        let z = regexp_exec(vm, sp, &s)?;
        if matches!(z, Value::Null) {
            q = advance(&units, q, unicode);
            continue;
        }
        let e = last_index(vm, sp)?.min(size);
        if e == p {
            q = advance(&units, q, unicode);
            continue;
        }
        out.push(Value::str(&from_utf16(&units[p..q])));
        if out.len() == lim {
            return Ok(vm.array_value(out));
        }
        p = e;
        let n = vm.length_of(&z)?;
        for i in 1..n {
            let v = vm.get_elem(&z, &Value::Num(i as f64))?;
            out.push(v);
            if out.len() == lim {
                return Ok(vm.array_value(out));
            }
        }
        q = p;
    }
    out.push(Value::str(&from_utf16(&units[p..size])));
    Ok(vm.array_value(out))
}

fn getter(vm: &mut Vm, target: ObjRef, name: &str, f: NativeFnPtr) {
    let g = vm.native(&format!("get {name}"), 0, f);
    if let Some(o) = vm.heap.get_mut(target) {
        o.props.insert(
            PropKey::s(name),
            Prop {
                v: PropVal::Accessor(Some(g), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
}

pub fn install(vm: &mut Vm) {
    let rp = vm.realm.regexp_proto;
    make_ctor(vm, "RegExp", 2, regexp_ctor, rp);
    vm.method(rp, "exec", 1, exec);
    vm.method(rp, "test", 1, test);
    vm.method(rp, "toString", 0, to_string);
    vm.method(rp, "@Symbol.match", 1, sym_match);
    vm.method(rp, "@Symbol.matchAll", 1, sym_match_all);
    vm.method(rp, "@Symbol.replace", 2, sym_replace);
    vm.method(rp, "@Symbol.search", 1, sym_search);
    vm.method(rp, "@Symbol.split", 2, sym_split);
    for (n, f) in [
        ("source", source as NativeFnPtr),
        ("flags", flags),
        ("global", get_global),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("dotAll", get_dot_all),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
        ("sticky", get_sticky),
        ("hasIndices", get_has_indices),
    ] {
        getter(vm, rp, n, f);
    }
}
