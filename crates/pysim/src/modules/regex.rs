//! `_regex`, the engine under `re` (`py/re.py`): Python regular expressions translated
//! to fancy-regex syntax (`\Z`, `$` before a final newline, `{,n}`, literal braces and
//! brackets, ASCII classes, `(?#...)` comments) and searched with Python's rules for
//! `match` (anchored at `pos`), `fullmatch` and `search`. Spans are reported in
//! characters, as Python indexes strings.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::value::{ObjRef, Value};
use crate::PResult;
use fancy_regex::Regex;

const IGNORECASE: i64 = 2;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// A compiled pattern: the search regex and one anchored at the end for `fullmatch`.
#[derive(Debug)]
pub struct Compiled {
    search: Regex,
    full: Regex,
}

impl NativeObj for Compiled {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn ascii_class(c: char, in_class: bool) -> Option<&'static str> {
    Some(match (c, in_class) {
        ('d', false) => "[0-9]",
        ('d', true) => "0-9",
        ('w', false) => "[a-zA-Z0-9_]",
        ('w', true) => "a-zA-Z0-9_",
        ('s', false) => "[ \\t\\n\\r\\x0b\\x0c]",
        ('s', true) => " \\t\\n\\r\\x0b\\x0c",
        ('D', false) => "[^0-9]",
        ('W', false) => "[^a-zA-Z0-9_]",
        ('S', false) => "[^ \\t\\n\\r\\x0b\\x0c]",
        _ => return None,
    })
}

/// `{m,n}` at `i` as a quantifier fancy-regex accepts, or None for a literal brace.
fn quantifier(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i + 1;
    let mut lo = String::new();
    while j < chars.len() && chars[j].is_ascii_digit() {
        lo.push(chars[j]);
        j += 1;
    }
    let mut hi = None;
    if j < chars.len() && chars[j] == ',' {
        j += 1;
        let mut h = String::new();
        while j < chars.len() && chars[j].is_ascii_digit() {
            h.push(chars[j]);
            j += 1;
        }
        hi = Some(h);
    }
    if j >= chars.len()
        || chars[j] != '}'
        || (lo.is_empty() && hi.as_deref().is_none_or(|h| h.is_empty()))
    {
        return None;
    }
    let lo = if lo.is_empty() { "0".to_string() } else { lo };
    let q = match hi {
        None => format!("{{{lo}}}"),
        Some(h) => format!("{{{lo},{h}}}"),
    };
    Some((q, j + 1))
}

/// Python pattern syntax to fancy-regex syntax.
fn translate(p: &str, flags: i64) -> String {
    let chars: Vec<char> = p.chars().collect();
    let ascii = flags & ASCII != 0;
    let multiline = flags & MULTILINE != 0
        || p.starts_with("(?m")
        || p.starts_with("(?im")
        || p.starts_with("(?sm");
    let mut out = String::with_capacity(p.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            if ascii {
                if let Some(cls) = ascii_class(n, in_class) {
                    out.push_str(cls);
                    i += 2;
                    continue;
                }
            }
            if n == 'Z' && !in_class {
                out.push_str("\\z");
            } else {
                out.push('\\');
                out.push(n);
            }
            i += 2;
            continue;
        }
        if in_class {
            match c {
                ']' if i > class_start => {
                    in_class = false;
                    out.push(']');
                }
                ']' => out.push_str("\\]"),
                '[' => out.push_str("\\["),
                '&' | '-' | '~' if i + 1 < chars.len() && chars[i + 1] == c && c != '-' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                out.push('[');
                i += 1;
                if i < chars.len() && chars[i] == '^' {
                    out.push('^');
                    i += 1;
                }
                class_start = i;
                continue;
            }
            '$' if !multiline => out.push_str("(?=\\n?\\z)"),
            '(' if chars.get(i + 1) == Some(&'?') && chars.get(i + 2) == Some(&'#') => {
                while i < chars.len() && chars[i] != ')' {
                    i += 1;
                }
            }
            '{' => match quantifier(&chars, i) {
                Some((q, next)) => {
                    out.push_str(&q);
                    i = next;
                    continue;
                }
                None => out.push_str("\\{"),
            },
            '}' => out.push_str("\\}"),
            _ => out.push(c),
        }
        i += 1;
    }
    let mut prefix = String::new();
    for (bit, f) in [
        (IGNORECASE, 'i'),
        (MULTILINE, 'm'),
        (DOTALL, 's'),
        (VERBOSE, 'x'),
    ] {
        if flags & bit != 0 {
            prefix.push(f);
        }
    }
    if prefix.is_empty() {
        out
    } else {
        format!("(?{prefix}){out}")
    }
}

fn compiled(vm: &Vm, v: Value) -> Option<&Compiled> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n.as_any().downcast_ref::<Compiled>(),
            _ => None,
        },
        _ => None,
    }
}

/// `compile(pattern, flags)`: `(handle, groups, {name: index})`, or the engine's
/// message for a pattern it rejects.
fn compile(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("compile", args, 2, 2)?;
    let Some(p) = vm.as_str(args[0]).map(|s| s.to_string()) else {
        return Err(crate::Throw::Unsupported(
            "bytes regular expressions".into(),
            None,
        ));
    };
    let flags = vm.index_arg(args[1])?;
    let t = translate(&p, flags);
    let build = |src: &str| {
        fancy_regex::RegexBuilder::new(src)
            .backtrack_limit(10_000_000)
            .build()
            .map_err(|e| e.to_string())
    };
    let (search, full) = match (build(&t), build(&format!("(?:{t})\\z"))) {
        (Ok(s), Ok(f)) => (s, f),
        (Err(e), _) | (_, Err(e)) => return Ok(vm.new_string(e)),
    };
    let groups = search.captures_len() as i64 - 1;
    let names: Vec<(usize, String)> = search
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (i, n.to_string())))
        .collect();
    let ty = vm.new_native_type("Compiled", "_regex");
    let h = vm.alloc(ty, Kind::Native(Box::new(Compiled { search, full })));
    let index = vm.new_dict();
    for (i, n) in names {
        let k = vm.new_str(&n);
        let v = vm.int(i as i64);
        vm.dict_set(index, k, v)?;
        vm.decref(k);
    }
    let g = vm.int(groups);
    Ok(vm.new_tuple(vec![Value::Obj(h), g, Value::Obj(index)]))
}

/// Char index → byte offset in `s` (clamped to the end).
fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// `search(handle, string, pos, endpos, mode)`: mode 0 search, 1 match, 2 fullmatch;
/// a flat list `[start0, end0, start1, end1, ...]` in characters (-1 for groups that
/// did not participate), or None.
fn search(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("search", args, 5, 5)?;
    let Some(text) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("expected string or bytes-like object"));
    };
    let pos = vm.index_arg(args[2])?.max(0) as usize;
    let endpos = vm.index_arg(args[3])?.max(0) as usize;
    let mode = vm.index_arg(args[4])?;
    let ascii = text.is_ascii();
    let end_b = byte_at(&text, ascii, endpos);
    let start_b = byte_at(&text, ascii, pos).min(end_b);
    let hay = &text[..end_b];
    let Some(c) = compiled(vm, args[0]) else {
        return Err(vm.type_error("bad pattern handle"));
    };
    let re = if mode == 2 { &c.full } else { &c.search };
    let caps = match re.captures_from_pos(hay, start_b) {
        Ok(c) => c,
        Err(e) => {
            let msg = e.to_string();
            return Err(vm.runtime_error(format!("regular expression failed: {msg}")));
        }
    };
    let Some(caps) = caps else {
        return Ok(Value::None);
    };
    let whole = caps.get(0).map(|m| m.start()).unwrap_or(0);
    if mode != 0 && whole != start_b {
        return Ok(Value::None);
    }
    let to_char = |b: usize| if ascii { b } else { text[..b].chars().count() };
    let mut out = Vec::with_capacity(caps.len() * 2);
    for i in 0..caps.len() {
        match caps.get(i) {
            Some(m) => {
                out.push(to_char(m.start()) as i64);
                out.push(to_char(m.end()) as i64);
            }
            None => {
                out.push(-1);
                out.push(-1);
            }
        }
    }
    let vals: Vec<Value> = out.into_iter().map(|n| vm.int(n)).collect();
    Ok(vm.new_list(vals))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "compile", compile);
    vm.add_fn(d, "search", search);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn python_syntax_becomes_fancy_syntax() {
        assert_eq!(translate(r"a\Z", 0), r"a\z");
        assert_eq!(translate("a$", 0), r"a(?=\n?\z)");
        assert_eq!(translate("a$", 8), "(?m)a$");
        assert_eq!(translate("x{,3}", 0), "x{0,3}");
        assert_eq!(translate("{a}", 0), r"\{a\}");
        assert_eq!(translate("[]a[]", 0), r"[\]a\[]");
        assert_eq!(translate(r"\d+", 256), "[0-9]+");
        assert_eq!(translate("a(?#note)b", 0), "ab");
    }
}
