//! The byte-string methods of `bytes` and `bytearray` beyond the basic ones of
//! `str_methods.rs`: `maketrans` / `translate`, stripping with an argument,
//! `split` / `rsplit` with `maxsplit`, searching (`rfind`, `index`, `rindex`),
//! `partition`, `splitlines`, padding and the ASCII case predicates and mappings.
//! Results of a `bytearray` method are `bytearray`s, as in CPython.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::types as t;
use crate::value::Value;
use crate::PResult;

fn this(vm: &Vm, args: &[Value]) -> Vec<u8> {
    args.first()
        .and_then(|v| vm.bytes_like(*v))
        .unwrap_or_default()
}

fn like(vm: &mut Vm, args: &[Value], b: Vec<u8>) -> Value {
    let ba = matches!(args.first(), Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::ByteArray(_)));
    if ba {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

/// A bytes-like argument, with CPython's message for anything else.
fn buf(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    match vm.bytes_like(v) {
        Some(b) if vm.as_str(v).is_none() => Ok(b),
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A needle: bytes-like, or an int in range(256).
fn needle(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    if let Some(i) = vm
        .int_value_of(v)
        .filter(|_| !matches!(v, Value::Float(..)))
    {
        if !(0..256).contains(&i) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![i as u8]);
    }
    if vm.bytes_like(v).is_none() || vm.as_str(v).is_some() {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{tn}'"
        )));
    }
    buf(vm, v)
}

/// `start` / `end` arguments as a clamped range over a length.
fn bounds(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match args.get(from) {
        Some(v) if !v.is_none() => norm(vm.index_arg(*v)?),
        _ => 0,
    };
    let end = match args.get(from + 1) {
        Some(v) if !v.is_none() => norm(vm.index_arg(*v)?),
        _ => len,
    };
    Ok((start, end))
}

fn find_in(hay: &[u8], n: &[u8], start: usize, end: usize, rev: bool) -> Option<usize> {
    if start > end || end - start < n.len() {
        return None;
    }
    let w = &hay[start..end];
    let hit = if n.is_empty() {
        Some(if rev { w.len() } else { 0 })
    } else if rev {
        w.windows(n.len()).rposition(|x| x == n)
    } else {
        w.windows(n.len()).position(|x| x == n)
    };
    hit.map(|i| i + start)
}

fn search(vm: &mut Vm, args: &[Value], name: &str, rev: bool, raise: bool) -> PResult<Value> {
    vm.nargs(name, args, 2, 4)?;
    let b = this(vm, args);
    let n = needle(vm, args[1])?;
    let (s, e) = bounds(vm, args, 2, b.len())?;
    match find_in(&b, &n, s, e, rev) {
        Some(i) => Ok(vm.int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::small(-1)),
    }
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    search(vm, args, "rfind", true, false)
}

fn index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    search(vm, args, "index", false, true)
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    search(vm, args, "rindex", true, true)
}

fn find(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    search(vm, args, "find", false, false)
}

fn count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("count", args, 2, 4)?;
    let b = this(vm, args);
    let n = needle(vm, args[1])?;
    let (s, e) = bounds(vm, args, 2, b.len())?;
    let c = if s > e {
        0
    } else if n.is_empty() {
        e - s + 1
    } else {
        let mut c = 0;
        let mut i = s;
        while let Some(j) = find_in(&b, &n, i, e, false) {
            c += 1;
            i = j + n.len();
        }
        c
    };
    Ok(vm.int(c as i64))
}

fn maketrans(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("maketrans", args, 2, 2)?;
    let from = buf(vm, args[0])?;
    let to = buf(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(&to) {
        table[*a as usize] = *b;
    }
    Ok(vm.new_bytes(table))
}

fn translate(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("translate", kw, &["delete"])?;
    vm.nargs("translate", args, 2, 3)?;
    let b = this(vm, args);
    let table = if args[1].is_none() {
        None
    } else {
        let t = buf(vm, args[1])?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match args.get(2).copied().or_else(|| vm.kwarg(kw, "delete")) {
        Some(d) => buf(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(like(vm, args, out))
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PResult<Value> {
    vm.nargs(name, args, 1, 2)?;
    let b = this(vm, args);
    let chars: Option<Vec<u8>> = match args.get(1) {
        Some(v) if !v.is_none() => Some(buf(vm, *v)?),
        _ => None,
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_ascii_whitespace() || *c == 0x0b,
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(vm, args, b[s..e].to_vec()))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn is_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0b
}

fn split_impl(vm: &mut Vm, args: &[Value], kw: Kw, rev: bool) -> PResult<Value> {
    let name = if rev { "rsplit" } else { "split" };
    vm.check_kwargs(name, kw, &["sep", "maxsplit"])?;
    vm.nargs(name, args, 1, 3)?;
    let b = this(vm, args);
    let sep = match args.get(1).copied().or_else(|| vm.kwarg(kw, "sep")) {
        Some(v) if !v.is_none() => Some(buf(vm, v)?),
        _ => None,
    };
    let maxsplit = match args.get(2).copied().or_else(|| vm.kwarg(kw, "maxsplit")) {
        Some(v) => vm.index_arg(v)?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut rest: &[u8] = &b;
            while parts.len() < max {
                let hit = if rev {
                    rest.windows(sep.len()).rposition(|w| w == sep.as_slice())
                } else {
                    rest.windows(sep.len()).position(|w| w == sep.as_slice())
                };
                let Some(i) = hit else { break };
                if rev {
                    parts.push(rest[i + sep.len()..].to_vec());
                    rest = &rest[..i];
                } else {
                    parts.push(rest[..i].to_vec());
                    rest = &rest[i + sep.len()..];
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut v: Vec<u8> = b.clone();
            if rev {
                v.reverse();
            }
            let mut i = 0;
            while i < v.len() {
                while i < v.len() && is_space(v[i]) {
                    i += 1;
                }
                if i >= v.len() {
                    break;
                }
                if parts.len() == max {
                    parts.push(v[i..].to_vec());
                    break;
                }
                let s = i;
                while i < v.len() && !is_space(v[i]) {
                    i += 1;
                }
                parts.push(v[s..i].to_vec());
            }
            if rev {
                for p in parts.iter_mut() {
                    p.reverse();
                }
            }
        }
    }
    if rev {
        parts.reverse();
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| like(vm, args, p)).collect();
    Ok(vm.new_list(vals))
}

fn split(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    split_impl(vm, args, kw, false)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    split_impl(vm, args, kw, true)
}

fn partition_impl(vm: &mut Vm, args: &[Value], rev: bool) -> PResult<Value> {
    vm.nargs(if rev { "rpartition" } else { "partition" }, args, 2, 2)?;
    let b = this(vm, args);
    let sep = buf(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let hit = find_in(&b, &sep, 0, b.len(), rev);
    let (x, y, z) = match hit {
        Some(i) => (b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()),
        None if rev => (Vec::new(), Vec::new(), b.clone()),
        None => (b.clone(), Vec::new(), Vec::new()),
    };
    let items = vec![like(vm, args, x), like(vm, args, y), like(vm, args, z)];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    partition_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("splitlines", kw, &["keepends"])?;
    let b = this(vm, args);
    let keep = match args.get(1).copied().or_else(|| vm.kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    let mut s = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let eol = if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            let end = if keep { i + eol } else { i };
            parts.push(b[s..end].to_vec());
            i += eol;
            s = i;
        } else {
            i += 1;
        }
    }
    if s < b.len() {
        parts.push(b[s..].to_vec());
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| like(vm, args, p)).collect();
    Ok(vm.new_list(vals))
}

fn pad(vm: &mut Vm, args: &[Value], name: &str, how: u8) -> PResult<Value> {
    vm.nargs(name, args, 2, 3)?;
    let b = this(vm, args);
    let width = vm.index_arg(args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(v) => {
            let f = buf(vm, *v)?;
            if f.len() != 1 {
                let tn = vm.type_name_of(*v);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
            f[0]
        }
        None => b' ',
    };
    if width <= b.len() {
        return Ok(like(vm, args, b));
    }
    let total = width - b.len();
    let left = match how {
        b'l' => 0,
        b'r' => total,
        _ => total / 2 + (total & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    Ok(like(vm, args, out))
}

fn center(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad(vm, args, "center", b'c')
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad(vm, args, "ljust", b'l')
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    pad(vm, args, "rjust", b'r')
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("zfill", args, 2, 2)?;
    let b = this(vm, args);
    let width = vm.index_arg(args[1])?.max(0) as usize;
    if width <= b.len() {
        return Ok(like(vm, args, b));
    }
    let fill = width - b.len();
    let (sign, rest) = match b.first() {
        Some(&c) if c == b'+' || c == b'-' => (vec![c], &b[1..]),
        _ => (Vec::new(), &b[..]),
    };
    let mut out = sign;
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(like(vm, args, out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("expandtabs", kw, &["tabsize"])?;
    let b = this(vm, args);
    let size = match args.get(1).copied().or_else(|| vm.kwarg(kw, "tabsize")) {
        Some(v) => vm.index_arg(v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &b {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(vm, args, out))
}

fn affix(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> PResult<Value> {
    vm.nargs(name, args, 2, 2)?;
    let b = this(vm, args);
    let a = buf(vm, args[1])?;
    let out = if prefix && b.starts_with(&a) {
        b[a.len()..].to_vec()
    } else if !prefix && b.ends_with(&a) {
        b[..b.len() - a.len()].to_vec()
    } else {
        b
    };
    Ok(like(vm, args, out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    affix(vm, args, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    affix(vm, args, "removesuffix", false)
}

macro_rules! predicate {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            let b = this(vm, args);
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::Bool(f(&b)))
        }
    };
}

predicate!(isspace, |b| !b.is_empty() && b.iter().all(|&c| is_space(c)));
predicate!(isalnum, |b| !b.is_empty()
    && b.iter().all(|c| c.is_ascii_alphanumeric()));
predicate!(isascii, |b| b.is_ascii());
predicate!(islower, |b| b.iter().any(|c| c.is_ascii_lowercase())
    && !b.iter().any(|c| c.is_ascii_uppercase()));
predicate!(isupper, |b| b.iter().any(|c| c.is_ascii_uppercase())
    && !b.iter().any(|c| c.is_ascii_lowercase()));
predicate!(istitle, |b| {
    let mut cased = false;
    let mut prev_cased = false;
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
});

macro_rules! mapping {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
            let b = this(vm, args);
            let f: fn(&[u8]) -> Vec<u8> = $f;
            let out = f(&b);
            Ok(like(vm, args, out))
        }
    };
}

mapping!(swapcase, |b| b
    .iter()
    .map(|c| if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c.to_ascii_uppercase()
    })
    .collect());
mapping!(capitalize, |b| b
    .iter()
    .enumerate()
    .map(|(i, c)| if i == 0 {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    })
    .collect());
mapping!(title, |b| {
    let mut prev = false;
    b.iter()
        .map(|&c| {
            let out = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            out
        })
        .collect()
});

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("translate", translate),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("isspace", isspace),
        ("isalnum", isalnum),
        ("isascii", isascii),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
    ];
    for ty in [t::BYTES, t::BYTEARRAY] {
        for (name, f) in fns {
            vm.add_method(ty, name, *f);
        }
        vm.add_staticmethod(ty, "maketrans", maketrans);
    }
}
