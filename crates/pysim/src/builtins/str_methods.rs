//! Methods of `str` and `bytes`: case mapping, stripping, splitting (with CPython's
//! preallocated result lists), joining, searching, padding, predicates, `format`,
//! `encode` / `decode`, `translate`, `removeprefix`, ...

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{unicode, Kind, ListObj};
use crate::types as t;
use crate::value::Value;
use crate::PResult;

fn s_of(vm: &Vm, args: &[Value]) -> String {
    args.first()
        .and_then(|v| vm.as_str(*v))
        .unwrap_or("")
        .to_string()
}

fn str_arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PResult<Option<String>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.as_str(*v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name_of(*v);
                Err(vm.type_error(format!("{fname} arg must be None or str, not {tn}")))
            }
        },
    }
}

fn need_str(vm: &mut Vm, v: Value, what: &str) -> PResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

macro_rules! simple {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            let s = s_of(vm, args);
            let f: fn(&str) -> String = $f;
            Ok(vm.new_string(f(&s)))
        }
    };
}

fn upper_full(s: &str) -> String {
    s.chars().flat_map(|c| c.to_uppercase()).collect()
}

fn title_case(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            unicode::push_title(c, &mut out);
        }
        prev_cased = unicode::is_cased(c);
    }
    out
}

simple!(upper, upper_full);
simple!(lower, |s| s.to_lowercase());
simple!(casefold, |s| s.to_lowercase().replace('ß', "ss"));
simple!(title, title_case);
simple!(swapcase, |s| s
    .chars()
    .flat_map(|c| if c.is_uppercase() {
        c.to_lowercase().collect::<Vec<_>>()
    } else {
        c.to_uppercase().collect()
    })
    .collect());
simple!(capitalize, |s| {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => {
            let mut out = String::new();
            unicode::push_title(f, &mut out);
            out + &cs.as_str().to_lowercase()
        }
        None => String::new(),
    }
});

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn strip_impl(vm: &mut Vm, args: &[Value], left: bool, right: bool, name: &str) -> PResult<Value> {
    let s = s_of(vm, args);
    let chars = str_arg(vm, args, 1, name)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => is_py_space(c),
    };
    let mut r: &str = &s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    if r.len() == s.len() {
        let v = args[0];
        if vm.type_of(v) == t::STR {
            vm.incref(v);
            return Ok(v);
        }
    }
    Ok(vm.new_str(r))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, true, true, "strip")
}
fn lstrip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, true, false, "lstrip")
}
fn rstrip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, false, true, "rstrip")
}

/// A list of new strings with `str.split`'s allocation (12 preallocated slots).
fn split_result(vm: &mut Vm, parts: Vec<String>) -> Value {
    let mut l = ListObj {
        items: Vec::with_capacity(parts.len()),
        alloc: 12,
    };
    for p in parts {
        let v = vm.new_string(p);
        if l.items.len() < l.alloc {
            l.items.push(v);
        } else {
            l.push(v);
        }
    }
    vm.new_list_obj(l)
}

fn split_args(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<(Option<String>, i64)> {
    let sep = args.get(1).copied().or_else(|| vm.kwarg(kw, "sep"));
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = need_str(vm, v, "must be str or None")?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match args.get(2).copied().or_else(|| vm.kwarg(kw, "maxsplit")) {
        Some(m) => vm.index_arg(m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let (sep, maxsplit) = split_args(vm, args, kw)?;
    let mut parts: Vec<String> = Vec::new();
    let mut count = 0i64;
    match sep {
        Some(sep) => {
            let mut rest = s.as_str();
            while maxsplit < 0 || count < maxsplit {
                match rest.find(&sep) {
                    Some(i) => {
                        parts.push(rest[..i].to_string());
                        rest = &rest[i + sep.len()..];
                        count += 1;
                    }
                    None => break,
                }
            }
            parts.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && count >= maxsplit {
                    parts.push(rest.trim_end_matches(is_py_space).to_string());
                    break;
                }
                match rest.find(is_py_space) {
                    Some(i) => {
                        parts.push(rest[..i].to_string());
                        rest = rest[i..].trim_start_matches(is_py_space);
                        count += 1;
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
        }
    }
    Ok(split_result(vm, parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let (sep, maxsplit) = split_args(vm, args, kw)?;
    let mut parts: Vec<String> = Vec::new();
    let mut count = 0i64;
    match sep {
        Some(sep) => {
            let mut rest = s.as_str();
            while maxsplit < 0 || count < maxsplit {
                match rest.rfind(&sep) {
                    Some(i) => {
                        parts.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                        count += 1;
                    }
                    None => break,
                }
            }
            parts.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && count >= maxsplit {
                    parts.push(rest.trim_start_matches(is_py_space).to_string());
                    break;
                }
                match rest.rfind(is_py_space) {
                    Some(i) => {
                        let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        parts.push(rest[i + c_len..].to_string());
                        rest = rest[..i].trim_end_matches(is_py_space);
                        count += 1;
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
        }
    }
    parts.reverse();
    Ok(split_result(vm, parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let keep = match args.get(1).copied().or_else(|| vm.kwarg(kw, "keepends")) {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_list(vals))
}

fn join(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("join", args, 2, 2)?;
    let sep = s_of(vm, args);
    let items = vm.collect_iter(args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        match vm.as_str(*it) {
            Some(s) => {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(s);
            }
            None => {
                let tn = vm.type_name_of(*it);
                vm.decref_all(items);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    if items.len() == 1 && vm.type_of(items[0]) == t::STR {
        return Ok(items[0]);
    }
    vm.decref_all(items);
    Ok(vm.new_string(out))
}

fn replace(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("replace", args, 3, 4)?;
    let s = s_of(vm, args);
    let old = need_str(vm, args[1], "replace() argument 1")?;
    let new = need_str(vm, args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => vm.index_arg(*c)?,
        None => -1,
    };
    let r = if count < 0 {
        s.replace(&old, &new)
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(&new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(&new);
        }
        out
    } else {
        s.replacen(&old, &new, count as usize)
    };
    Ok(vm.new_string(r))
}

/// Start / end arguments as char indices.
fn range_args(vm: &mut Vm, args: &[Value], i: usize, len: usize) -> PResult<(usize, usize)> {
    let norm = |v: i64| -> usize {
        if v < 0 {
            (v + len as i64).max(0) as usize
        } else {
            (v as usize).min(len)
        }
    };
    let start = match args.get(i) {
        None | Some(Value::None) => 0,
        Some(v) => norm(vm.index_arg(*v)?),
    };
    let end = match args.get(i + 1) {
        None | Some(Value::None) => len,
        Some(v) => norm(vm.index_arg(*v)?),
    };
    Ok((start, end))
}

fn char_find(hay: &str, needle: &str, start: usize, end: usize, rev: bool) -> Option<usize> {
    let chars: Vec<char> = hay.chars().collect();
    if start > end || start > chars.len() {
        return None;
    }
    let sub: String = chars[start..end.min(chars.len())].iter().collect();
    let pos = if rev {
        sub.rfind(needle)
    } else {
        sub.find(needle)
    }?;
    Some(start + sub[..pos].chars().count())
}

fn find_impl(vm: &mut Vm, args: &[Value], rev: bool, raise: bool, name: &str) -> PResult<Value> {
    vm.nargs(name, args, 2, 4)?;
    let s = s_of(vm, args);
    let needle = match vm.as_str(args[1]) {
        Some(n) => n.to_string(),
        None => {
            let tn = vm.type_name_of(args[1]);
            return Err(vm.type_error(format!("must be str, not {tn}")));
        }
    };
    let len = s.chars().count();
    let (start, end) = range_args(vm, args, 2, len)?;
    match char_find(&s, &needle, start, end, rev) {
        Some(i) => Ok(vm.int(i as i64)),
        None => {
            if raise {
                Err(vm.value_error("substring not found"))
            } else {
                Ok(Value::small(-1))
            }
        }
    }
}

fn find(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    find_impl(vm, args, false, false, "find")
}
fn rfind(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    find_impl(vm, args, true, false, "rfind")
}
fn index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    find_impl(vm, args, false, true, "index")
}
fn rindex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    find_impl(vm, args, true, true, "rindex")
}

fn count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("count", args, 2, 4)?;
    let s = s_of(vm, args);
    let needle = need_str(vm, args[1], "count() argument")?;
    let len = s.chars().count();
    let (start, end) = range_args(vm, args, 2, len)?;
    let sub: String = s
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let n = if needle.is_empty() {
        sub.chars().count() + 1
    } else {
        sub.matches(&needle).count()
    };
    Ok(vm.int(n as i64))
}

fn starts_ends(vm: &mut Vm, args: &[Value], ends: bool) -> PResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    vm.nargs(name, args, 2, 4)?;
    let s = s_of(vm, args);
    let len = s.chars().count();
    let (start, end) = range_args(vm, args, 2, len)?;
    let sub: String = s
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let pats: Vec<Value> = match args[1] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Tuple(_)) => vm.tuple_items(args[1]),
        v => vec![v],
    };
    for p in pats {
        let Some(ps) = vm.as_str(p).map(|s| s.to_string()) else {
            let tn = vm.type_name_of(p);
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )));
        };
        if start > len {
            continue;
        }
        if (ends && sub.ends_with(&ps)) || (!ends && sub.starts_with(&ps)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    starts_ends(vm, args, false)
}
fn endswith(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    starts_ends(vm, args, true)
}

macro_rules! pred {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            let s = s_of(vm, args);
            let f: fn(&str) -> bool = $f;
            Ok(Value::Bool(f(&s)))
        }
    };
}

pred!(isdigit, |s| !s.is_empty()
    && s.chars().all(unicode::is_digit));
pred!(isdecimal, |s| !s.is_empty()
    && s.chars().all(unicode::is_decimal));
pred!(isnumeric, |s| !s.is_empty()
    && s.chars().all(unicode::is_numeric));
pred!(isalpha, |s| !s.is_empty()
    && s.chars().all(unicode::is_alpha));
pred!(isalnum, |s| !s.is_empty()
    && s.chars().all(unicode::is_alnum));
pred!(isspace, |s| !s.is_empty() && s.chars().all(is_py_space));
pred!(isupper, |s| s.chars().any(|c| c.is_uppercase())
    && !s.chars().any(|c| c.is_lowercase()));
pred!(islower, |s| s.chars().any(|c| c.is_lowercase())
    && !s.chars().any(|c| c.is_uppercase()));
pred!(isascii, |s| s.is_ascii());
pred!(isidentifier, crate::objects::str::is_identifier);
pred!(isprintable, |s| s.chars().all(unicode::is_printable));
pred!(istitle, |s| {
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || unicode::is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
});

fn pad_impl(vm: &mut Vm, args: &[Value], how: char, name: &str) -> PResult<Value> {
    vm.nargs(name, args, 2, 3)?;
    let s = s_of(vm, args);
    let width = vm.index_arg(args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(f) => {
            let fs = vm.as_str(*f).unwrap_or("").to_string();
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        vm.incref(args[0]);
        return Ok(args[0]);
    }
    let k = width - n;
    let rep = |m: usize| std::iter::repeat_n(fill, m).collect::<String>();
    let out = match how {
        'l' => format!("{s}{}", rep(k)),
        'r' => format!("{}{s}", rep(k)),
        _ => {
            let left = k / 2 + (k & width & 1);
            format!("{}{s}{}", rep(left), rep(k - left))
        }
    };
    Ok(vm.new_string(out))
}

fn center(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad_impl(vm, args, 'c', "center")
}
fn ljust(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad_impl(vm, args, 'l', "ljust")
}
fn rjust(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad_impl(vm, args, 'r', "rjust")
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("zfill", args, 2, 2)?;
    let s = s_of(vm, args);
    let width = vm.index_arg(args[1])?.max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        vm.incref(args[0]);
        return Ok(args[0]);
    }
    let (sign, rest) = if s.starts_with(['+', '-']) {
        s.split_at(1)
    } else {
        ("", s.as_str())
    };
    Ok(vm.new_string(format!("{sign}{}{rest}", "0".repeat(width - n))))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let size = match args.get(1).copied().or_else(|| vm.kwarg(kw, "tabsize")) {
        Some(v) => vm.index_arg(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn partition_impl(vm: &mut Vm, args: &[Value], rev: bool) -> PResult<Value> {
    vm.nargs("partition", args, 2, 2)?;
    let s = s_of(vm, args);
    let sep = need_str(vm, args[1], "partition() argument")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.rfind(&sep) } else { s.find(&sep) };
    let (a, b, c) = match found {
        Some(i) => (
            s[..i].to_string(),
            sep.clone(),
            s[i + sep.len()..].to_string(),
        ),
        None => {
            if rev {
                (String::new(), String::new(), s.clone())
            } else {
                (s.clone(), String::new(), String::new())
            }
        }
    };
    let items = vec![vm.new_string(a), vm.new_string(b), vm.new_string(c)];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    partition_impl(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    partition_impl(vm, args, true)
}

fn format(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let r = vm.str_format(&s, &args[1..], kw, None)?;
    Ok(vm.new_string(r))
}

fn format_map(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("format_map", args, 2, 2)?;
    let s = s_of(vm, args);
    let r = vm.str_format(&s, &[], &[], Some(args[1]))?;
    Ok(vm.new_string(r))
}

fn encode(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("encode", args, 1, 3)?;
    let s = s_of(vm, args);
    let enc = args.get(1).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    let bytes = vm.encode_str(&s, enc, errors)?;
    Ok(vm.new_bytes(bytes))
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("removeprefix", args, 2, 2)?;
    let s = s_of(vm, args);
    let p = need_str(vm, args[1], "removeprefix() argument")?;
    Ok(vm.new_str(s.strip_prefix(&p).unwrap_or(&s)))
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("removesuffix", args, 2, 2)?;
    let s = s_of(vm, args);
    let p = need_str(vm, args[1], "removesuffix() argument")?;
    let r = if p.is_empty() {
        s.as_str()
    } else {
        s.strip_suffix(&p).unwrap_or(&s)
    };
    Ok(vm.new_str(r))
}

fn maketrans(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let a = if args
        .first()
        .is_some_and(|v| matches!(v, Value::Obj(r) if matches!(vm.heap.kind(*r), Kind::Type(_))))
    {
        &args[1..]
    } else {
        args
    };
    let d = vm.new_dict();
    match a.len() {
        1 => {
            for (k, v) in vm.dict_items(a[0].as_obj().unwrap_or(d)) {
                let key = match vm.as_str(k) {
                    Some(s) => {
                        let c = s.chars().next().unwrap_or('\0');
                        vm.int(c as i64)
                    }
                    None => {
                        vm.incref(k);
                        k
                    }
                };
                vm.dict_set(d, key, v)?;
                vm.decref(key);
            }
        }
        2 | 3 => {
            let x: Vec<char> = vm.as_str(a[0]).unwrap_or("").chars().collect();
            let y: Vec<char> = vm.as_str(a[1]).unwrap_or("").chars().collect();
            if x.len() != y.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (p, q) in x.iter().zip(y.iter()) {
                let k = vm.int(*p as i64);
                let v = vm.int(*q as i64);
                vm.dict_set(d, k, v)?;
            }
            if let Some(z) = a.get(2) {
                let zs: Vec<char> = vm.as_str(*z).unwrap_or("").chars().collect();
                for c in zs {
                    let k = vm.int(c as i64);
                    vm.dict_set(d, k, Value::None)?;
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(Value::Obj(d))
}

fn translate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("translate", args, 2, 2)?;
    let s = s_of(vm, args);
    let mut out = String::new();
    for c in s.chars() {
        let k = vm.int(c as i64);
        match vm.getitem(args[1], k) {
            Ok(v) => {
                if let Some(x) = vm.as_str(v) {
                    out.push_str(x);
                } else if let Some(i) = vm.int_value_of(v) {
                    if let Some(ch) = char::from_u32(i as u32) {
                        out.push(ch);
                    }
                } else if !v.is_none() {
                    vm.decref(v);
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
                vm.decref(v);
            }
            Err(e) if vm.throw_is(&e, t::LOOKUP_ERROR) => {
                vm.discard(e);
                out.push(c);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_string(out))
}

fn str_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.len(args[0])?;
    Ok(vm.int(n as i64))
}

fn str_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getitem__", args, 2, 2)?;
    let base = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Str(s) => {
                let s = s.s.to_string();
                vm.new_string(s)
            }
            _ => {
                vm.incref(args[0]);
                args[0]
            }
        },
        v => v,
    };
    let r = vm.getitem(base, args[1]);
    vm.decref(base);
    r
}

fn str_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__contains__", args, 2, 2)?;
    let s = s_of(vm, args);
    match vm.as_str(args[1]) {
        Some(n) => Ok(Value::Bool(s.contains(n))),
        None => {
            let tn = vm.type_name_of(args[1]);
            Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {tn}"
            )))
        }
    }
}

fn str_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let v = vm.new_string(s);
    let r = vm.iter(v);
    vm.decref(v);
    r
}

fn str_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    Ok(vm.new_string(s))
}

fn str_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    Ok(vm.new_string(crate::format::repr::str_repr(&s)))
}

fn str_format_spec(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__format__", args, 2, 2)?;
    let s = s_of(vm, args);
    let spec = vm.as_str(args[1]).unwrap_or("").to_string();
    let v = vm.new_string(s);
    let r = vm.format(v, &spec);
    vm.decref(v);
    let r = r?;
    Ok(vm.new_string(r))
}

fn str_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    Ok(vm.int(crate::objects::str::str_hash(&s)))
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = s_of(vm, args);
    let v = vm.new_string(s);
    Ok(vm.new_tuple(vec![v]))
}

// ---- bytes ------------------------------------------------------------------------------

fn b_of(vm: &Vm, args: &[Value]) -> Vec<u8> {
    args.first()
        .and_then(|v| vm.bytes_like(*v))
        .unwrap_or_default()
}

fn new_like(vm: &mut Vm, args: &[Value], b: Vec<u8>) -> Value {
    let is_ba = matches!(args.first(), Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::ByteArray(_)));
    if is_ba {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

fn decode(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.nargs("decode", args, 1, 3)?;
    let b = b_of(vm, args);
    let enc = args.get(1).copied().or_else(|| vm.kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or_else(|| vm.kwarg(kw, "errors"));
    let s = vm.decode_bytes(&b, enc, errors)?;
    Ok(vm.new_string(s))
}

fn bytes_hex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    let sep = args
        .get(1)
        .and_then(|v| vm.as_str(*v))
        .map(|s| s.to_string());
    let parts: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_string(parts.join(sep.as_deref().unwrap_or(""))))
}

fn bytes_fromhex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let cls = args.first().copied();
    let s: String = args
        .get(1)
        .and_then(|v| vm.as_str(*v))
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    for (i, pair) in cs.chunks(2).enumerate() {
        let h: String = pair.iter().collect();
        match u8::from_str_radix(&h, 16) {
            Ok(x) if pair.len() == 2 => out.push(x),
            _ => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i * 2 + 1
                )))
            }
        }
    }
    if matches!(cls, Some(Value::Obj(c)) if c == t::BYTEARRAY) {
        return Ok(vm.new_bytearray(out));
    }
    Ok(vm.new_bytes(out))
}

macro_rules! bytes_map {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            let b = b_of(vm, args);
            let f: fn(Vec<u8>) -> Vec<u8> = $f;
            let r = f(b);
            Ok(new_like(vm, args, r))
        }
    };
}

bytes_map!(bytes_upper, |b| b.to_ascii_uppercase());
bytes_map!(bytes_lower, |b| b.to_ascii_lowercase());
bytes_map!(bytes_strip, |b| {
    let s: &[u8] = &b;
    let start = s
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map(|e| e + 1)
        .unwrap_or(start);
    s[start..end.max(start)].to_vec()
});

fn bytes_split(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    let parts: Vec<Vec<u8>> = match args.get(1).and_then(|v| vm.bytes_like(*v)) {
        Some(sep) if !sep.is_empty() => {
            let mut out = Vec::new();
            let mut rest: &[u8] = &b;
            while let Some(i) = rest.windows(sep.len()).position(|w| w == sep.as_slice()) {
                out.push(rest[..i].to_vec());
                rest = &rest[i + sep.len()..];
            }
            out.push(rest.to_vec());
            out
        }
        _ => b
            .split(|c| c.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.to_vec())
            .collect(),
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, args, p)).collect();
    Ok(vm.new_list(vals))
}

fn bytes_join(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("join", args, 2, 2)?;
    let sep = b_of(vm, args);
    let items = vm.collect_iter(args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = vm.bytes_like(*it) else {
            let tn = vm.type_name_of(*it);
            vm.decref_all(items);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(b);
    }
    vm.decref_all(items);
    Ok(new_like(vm, args, out))
}

fn bytes_replace(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("replace", args, 3, 4)?;
    let b = b_of(vm, args);
    let old = vm.bytes_like(args[1]).unwrap_or_default();
    let new = vm.bytes_like(args[2]).unwrap_or_default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !old.is_empty() && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(new_like(vm, args, out))
}

fn bytes_find(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("find", args, 2, 4)?;
    let b = b_of(vm, args);
    let n = match vm.bytes_like(args[1]) {
        Some(n) => n,
        None => vec![vm.int_value_of(args[1]).unwrap_or(0) as u8],
    };
    let pos = if n.is_empty() {
        Some(0)
    } else {
        b.windows(n.len()).position(|w| w == n.as_slice())
    };
    Ok(vm.int(pos.map(|p| p as i64).unwrap_or(-1)))
}

fn bytes_count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("count", args, 2, 4)?;
    let b = b_of(vm, args);
    let n = match vm.bytes_like(args[1]) {
        Some(n) => n,
        None => vec![vm.int_value_of(args[1]).unwrap_or(0) as u8],
    };
    let c = if n.is_empty() {
        b.len() + 1
    } else {
        b.windows(n.len()).filter(|w| *w == n.as_slice()).count()
    };
    Ok(vm.int(c as i64))
}

fn bytes_starts(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    let p = args
        .get(1)
        .and_then(|v| vm.bytes_like(*v))
        .unwrap_or_default();
    Ok(Value::Bool(b.starts_with(&p)))
}

fn bytes_ends(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    let p = args
        .get(1)
        .and_then(|v| vm.bytes_like(*v))
        .unwrap_or_default();
    Ok(Value::Bool(b.ends_with(&p)))
}

fn bytes_isdigit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    Ok(Value::Bool(
        !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()),
    ))
}

fn bytes_isalpha(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let b = b_of(vm, args);
    Ok(Value::Bool(
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()),
    ))
}

pub fn install(vm: &mut Vm) {
    let s = t::STR;
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("title", title),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isascii", isascii),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("istitle", istitle),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("partition", partition),
        ("rpartition", rpartition),
        ("format", format),
        ("format_map", format_map),
        ("encode", encode),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__contains__", str_contains),
        ("__iter__", str_iter),
        ("__str__", str_str),
        ("__repr__", str_repr),
        ("__format__", str_format_spec),
        ("__hash__", str_hash),
        ("__getnewargs__", str_getnewargs),
    ];
    for (name, f) in fns {
        vm.add_method(s, name, *f);
    }
    vm.add_staticmethod(s, "maketrans", maketrans);
    super::num_methods::add_seq_ops(vm, s, true);
    for b in [t::BYTES, t::BYTEARRAY] {
        let bf: &[(&'static str, crate::objects::function::NativeFn)] = &[
            ("decode", decode),
            ("hex", bytes_hex),
            ("upper", bytes_upper),
            ("lower", bytes_lower),
            ("strip", bytes_strip),
            ("split", bytes_split),
            ("join", bytes_join),
            ("replace", bytes_replace),
            ("find", bytes_find),
            ("count", bytes_count),
            ("startswith", bytes_starts),
            ("endswith", bytes_ends),
            ("isdigit", bytes_isdigit),
            ("isalpha", bytes_isalpha),
            ("__len__", str_len),
        ];
        for (name, f) in bf {
            vm.add_method(b, name, *f);
        }
        vm.add_classmethod(b, "fromhex", bytes_fromhex);
        super::num_methods::add_seq_ops(vm, b, true);
    }
}
