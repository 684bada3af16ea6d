//! `util.inspect` and `util.format` as Node 20 prints them: a port of Node's
//! `lib/internal/util/inspect.js` (formatValue / formatRaw / reduceToSingleString /
//! groupArrayElements and the per-type formatters), so `console.log` output is
//! byte-identical: depth 2, breakLength 80, compact 3, `[Circular *1]`, `<ref *1>`,
//! `[Object]`, `[Function: f]`, `Map(1) { 'a' => 1 }`, `Promise { <pending> }`,
//! aligned columns for long arrays of short items.

use crate::heap::{Kind, PState, PropVal, TaKind};
use crate::interp::{sym, Res, Vm};
use crate::value::{num_to_string, utf16_len, ObjRef, PropKey, Value};

/// `compact` option: `true`, `false` or a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Compact {
    Always,
    Level(u32),
}

/// The options of `util.inspect`.
#[derive(Debug, Clone)]
pub struct Opts {
    /// `Infinity` for `depth: null`.
    pub depth: f64,
    pub show_hidden: bool,
    pub compact: Compact,
    pub break_length: f64,
    pub max_array_length: f64,
    pub max_string_length: f64,
    pub sorted: bool,
    pub getters: bool,
    pub custom_inspect: bool,
    pub show_proxy: bool,
    pub numeric_separator: bool,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            depth: 2.0,
            show_hidden: false,
            compact: Compact::Level(3),
            break_length: 80.0,
            max_array_length: 100.0,
            max_string_length: 10000.0,
            sorted: false,
            getters: false,
            custom_inspect: true,
            show_proxy: false,
            numeric_separator: false,
        }
    }
}

struct Ctx {
    o: Opts,
    seen: Vec<ObjRef>,
    circular: Vec<ObjRef>,
    indentation: usize,
    current_depth: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Extras {
    Object,
    Array,
    ArrayWithKeys,
}

/// `util.inspect(v)` with the default options.
pub fn inspect(vm: &mut Vm, v: &Value) -> Res<String> {
    inspect_with(vm, v, &Opts::default())
}

/// `util.inspect(v, opts)`.
pub fn inspect_with(vm: &mut Vm, v: &Value, o: &Opts) -> Res<String> {
    let mut cx = Ctx {
        o: o.clone(),
        seen: vec![],
        circular: vec![],
        indentation: 0,
        current_depth: 0,
    };
    format_value(vm, &mut cx, v, 0, false)
}

/// Reads `util.inspect` options from an options object.
pub fn opts_from(vm: &mut Vm, v: &Value) -> Res<Opts> {
    let mut o = Opts::default();
    let Value::Obj(_) = v else {
        if let Value::Bool(b) = v {
            o.show_hidden = *b;
        }
        return Ok(o);
    };
    let num = |vm: &mut Vm, name: &str, dflt: f64| -> Res<f64> {
        let x = vm.get(v, &PropKey::s(name))?;
        Ok(match x {
            Value::Undefined => dflt,
            Value::Null => f64::INFINITY,
            other => vm.to_number(&other)?,
        })
    };
    o.depth = num(vm, "depth", 2.0)?;
    o.break_length = num(vm, "breakLength", 80.0)?;
    o.max_array_length = num(vm, "maxArrayLength", 100.0)?;
    o.max_string_length = num(vm, "maxStringLength", 10000.0)?;
    for name in [
        "showHidden",
        "sorted",
        "getters",
        "showProxy",
        "numericSeparator",
    ] {
        let x = vm.get(v, &PropKey::s(name))?;
        if matches!(x, Value::Undefined) {
            continue;
        }
        let b = x.truthy();
        match name {
            "showHidden" => o.show_hidden = b,
            "sorted" => o.sorted = b,
            "getters" => o.getters = b,
            "showProxy" => o.show_proxy = b,
            _ => o.numeric_separator = b,
        }
    }
    let ci = vm.get(v, &PropKey::s("customInspect"))?;
    if !matches!(ci, Value::Undefined) {
        o.custom_inspect = ci.truthy();
    }
    match vm.get(v, &PropKey::s("compact"))? {
        Value::Bool(true) => o.compact = Compact::Always,
        Value::Bool(false) => o.compact = Compact::Level(0),
        Value::Num(n) => o.compact = Compact::Level(n.max(0.0) as u32),
        _ => {}
    }
    Ok(o)
}

/// `util.format` / console formatting: `%s %d %i %f %j %o %O %c %%` in a leading
/// string, then the remaining arguments inspected and joined by spaces.
pub fn format_args(vm: &mut Vm, args: &[Value]) -> Res<String> {
    let mut a = 0;
    let mut out = String::new();
    let mut join = "";
    if let Some(Value::Str(first)) = args.first() {
        if args.len() == 1 {
            return Ok(first.to_string());
        }
        let f: Vec<char> = first.chars().collect();
        let mut last = 0;
        let mut i = 0;
        while i + 1 < f.len() {
            if f[i] == '%' {
                i += 1;
                let next = f[i];
                if a + 1 != args.len() {
                    let s = match next {
                        's' => {
                            a += 1;
                            let v = args[a].clone();
                            match &v {
                                Value::Num(n) => format_number(*n, false),
                                Value::BigInt(b) => format!("{b}n"),
                                Value::Obj(o) if has_builtin_to_string(vm, *o)? => {
                                    let o = Opts {
                                        depth: 0.0,
                                        ..Opts::default()
                                    };
                                    inspect_with(vm, &v, &o)?
                                }
                                Value::Sym(_) => vm.prim_to_string(&v),
                                other => vm.to_string(other)?.to_string(),
                            }
                        }
                        'j' => {
                            a += 1;
                            match crate::builtins::json::stringify_value(vm, &args[a]) {
                                Ok(s) => s.unwrap_or_else(|| "undefined".into()),
                                Err(crate::interp::Throw::Js(e)) if is_circular_error(vm, &e) => {
                                    "[Circular]".into()
                                }
                                Err(e) => return Err(e),
                            }
                        }
                        'd' => {
                            a += 1;
                            match &args[a] {
                                Value::BigInt(b) => format!("{b}n"),
                                Value::Sym(_) => "NaN".into(),
                                Value::Obj(_) => {
                                    let n = vm.to_number(&args[a])?;
                                    format_number(n, false)
                                }
                                other => format_number(vm.to_number(other)?, false),
                            }
                        }
                        'O' => {
                            a += 1;
                            inspect(vm, &args[a])?
                        }
                        'o' => {
                            a += 1;
                            let o = Opts {
                                show_hidden: true,
                                show_proxy: true,
                                depth: 4.0,
                                ..Opts::default()
                            };
                            inspect_with(vm, &args[a], &o)?
                        }
                        'i' => {
                            a += 1;
                            match &args[a] {
                                Value::BigInt(b) => format!("{b}n"),
                                Value::Sym(_) => "NaN".into(),
                                other => {
                                    let s = vm.to_string(other)?;
                                    format_number(
                                        crate::builtins::number::parse_int_str(&s, 0),
                                        false,
                                    )
                                }
                            }
                        }
                        'f' => {
                            a += 1;
                            match &args[a] {
                                Value::Sym(_) => "NaN".into(),
                                other => {
                                    let s = vm.to_string(other)?;
                                    format_number(
                                        crate::builtins::number::parse_float_str(&s),
                                        false,
                                    )
                                }
                            }
                        }
                        'c' => {
                            a += 1;
                            String::new()
                        }
                        '%' => {
                            out.extend(&f[last..i]);
                            last = i + 1;
                            i += 1;
                            continue;
                        }
                        _ => {
                            i += 1;
                            continue;
                        }
                    };
                    if last != i - 1 {
                        out.extend(&f[last..i - 1]);
                    }
                    out.push_str(&s);
                    last = i + 1;
                } else if next == '%' {
                    out.extend(&f[last..i]);
                    last = i + 1;
                }
            }
            i += 1;
        }
        if last != 0 {
            a += 1;
            join = " ";
            if last < f.len() {
                out.extend(&f[last..]);
            }
        }
    }
    while a < args.len() {
        out.push_str(join);
        match &args[a] {
            Value::Str(s) => out.push_str(s),
            v => out.push_str(&inspect(vm, v)?),
        }
        join = " ";
        a += 1;
    }
    Ok(out)
}

fn is_circular_error(vm: &mut Vm, e: &Value) -> bool {
    let m = vm.get(e, &PropKey::s("message")).unwrap_or_default();
    matches!(m, Value::Str(s) if s.starts_with("Converting circular structure to JSON"))
}

/// `%s` inspects objects whose `toString` is a built-in one.
fn has_builtin_to_string(vm: &mut Vm, o: ObjRef) -> Res<bool> {
    let o = unwrap_proxy(vm, o);
    let v = Value::Obj(o);
    let ts = vm.get(&v, &PropKey::s("toString"))?;
    let tp = vm.get(&v, &PropKey::Sym(sym::TO_PRIMITIVE))?;
    let own = |vm: &Vm, x: ObjRef, k: &PropKey| vm.get_own_prop(x, k).is_some();
    let (mut check_ts, mut check_tp) = (true, true);
    if !vm.is_callable(&ts) {
        if !vm.is_callable(&tp) {
            return Ok(true);
        } else if own(vm, o, &PropKey::Sym(sym::TO_PRIMITIVE)) {
            return Ok(false);
        }
        check_ts = false;
    } else if own(vm, o, &PropKey::s("toString")) {
        return Ok(false);
    } else if !vm.is_callable(&tp) {
        check_tp = false;
    } else if own(vm, o, &PropKey::Sym(sym::TO_PRIMITIVE)) {
        return Ok(false);
    }
    let mut p = o;
    loop {
        p = match vm.heap.get(p).and_then(|x| x.proto) {
            Some(q) => q,
            None => return Ok(true),
        };
        if (check_ts && own(vm, p, &PropKey::s("toString")))
            || (check_tp && own(vm, p, &PropKey::Sym(sym::TO_PRIMITIVE)))
        {
            break;
        }
    }
    let ctor = vm.get_own_prop(p, &PropKey::s("constructor"));
    Ok(match ctor.map(|c| c.v) {
        Some(PropVal::Data(c @ Value::Obj(_))) if vm.is_callable(&c) => {
            let n = vm.get(&c, &PropKey::s("name"))?;
            matches!(n, Value::Str(s) if is_builtin_name(&s))
        }
        _ => false,
    })
}

/// Names of the global constructors Node treats as built-ins.
fn is_builtin_name(n: &str) -> bool {
    matches!(
        n,
        "Object"
            | "Function"
            | "Array"
            | "Number"
            | "Boolean"
            | "String"
            | "Symbol"
            | "Date"
            | "Promise"
            | "RegExp"
            | "Error"
            | "Map"
            | "Set"
            | "WeakMap"
            | "WeakSet"
            | "WeakRef"
            | "Proxy"
            | "Reflect"
            | "BigInt"
            | "ArrayBuffer"
            | "DataView"
            | "Uint8Array"
            | "Int8Array"
            | "Uint16Array"
            | "Int16Array"
            | "Uint32Array"
            | "Int32Array"
            | "Float32Array"
            | "Float64Array"
            | "Uint8ClampedArray"
            | "BigUint64Array"
            | "BigInt64Array"
            | "EvalError"
            | "RangeError"
            | "ReferenceError"
            | "SyntaxError"
            | "TypeError"
            | "URIError"
            | "AggregateError"
            | "FinalizationRegistry"
            | "Math"
            | "JSON"
            | "Intl"
            | "Atomics"
            | "SharedArrayBuffer"
            | "Buffer"
            | "URL"
            | "URLSearchParams"
            | "TextEncoder"
            | "TextDecoder"
            | "AbortController"
            | "AbortSignal"
            | "EventTarget"
            | "Event"
            | "MessageChannel"
            | "MessagePort"
            | "MessageEvent"
            | "Blob"
    )
}

/// A string literal as Node quotes it: single quotes, or double/back quotes to avoid
/// escaping; control characters, the quote and backslashes escaped.
pub fn quote_str(s: &str) -> String {
    let mut quote = '\'';
    if s.contains('\'') {
        if !s.contains('"') {
            quote = '"';
        } else if !s.contains('`') && !s.contains("${") {
            quote = '`';
        }
    }
    let mut o = String::with_capacity(s.len() + 2);
    o.push(quote);
    for c in s.chars() {
        let cp = c as u32;
        match c {
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            '\\' => o.push_str("\\\\"),
            '\'' if quote == '\'' => o.push_str("\\'"),
            _ if cp < 0x20 || (0x7f..0xa0).contains(&cp) => o.push_str(&format!("\\x{cp:02X}")),
            _ => match crate::value::lone_unit(c) {
                Some(u) => o.push_str(&format!("\\u{u:x}")),
                None => o.push(c),
            },
        }
    }
    o.push(quote);
    o
}

fn format_number(n: f64, sep: bool) -> String {
    if n == 0.0 && n.is_sign_negative() {
        return "-0".into();
    }
    let s = num_to_string(n);
    if !sep || !n.is_finite() || s.contains('e') {
        return s;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = add_separator(&int);
    if let Some(f) = frac {
        out.push('.');
        let mut fr = String::new();
        let b: Vec<char> = f.chars().collect();
        let mut i = 0;
        while i + 3 < b.len() {
            fr.extend(&b[i..i + 3]);
            fr.push('_');
            i += 3;
        }
        fr.extend(&b[i..]);
        out.push_str(&fr);
    }
    out
}

fn add_separator(s: &str) -> String {
    let (sign, digits) = match s.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", s),
    };
    if digits.len() < 4 {
        return s.to_string();
    }
    let mut out = String::new();
    let first = digits.len() % 3;
    out.push_str(&digits[..first]);
    for (i, ch) in digits[first..].chars().enumerate() {
        if i % 3 == 0 && !(i == 0 && first == 0) {
            out.push('_');
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

fn format_primitive(vm: &Vm, cx: &Ctx, v: &Value) -> String {
    match v {
        Value::Str(s) => {
            let len = utf16_len(s);
            let (s, trailer) = if len as f64 > cx.o.max_string_length {
                let keep = cx.o.max_string_length.max(0.0) as usize;
                let rem = len - keep;
                (
                    crate::value::utf16_slice(s, 0, keep),
                    format!("... {rem} more character{}", if rem > 1 { "s" } else { "" }),
                )
            } else {
                (s.to_string(), String::new())
            };
            let len = utf16_len(&s);
            if cx.o.compact != Compact::Always
                && len > 16
                && len as f64 > cx.o.break_length - cx.indentation as f64 - 4.0
            {
                let mut parts = Vec::new();
                let mut cur = String::new();
                for c in s.chars() {
                    cur.push(c);
                    if c == '\n' {
                        parts.push(std::mem::take(&mut cur));
                    }
                }
                if !cur.is_empty() {
                    parts.push(cur);
                }
                let sep = format!(" +\n{}", " ".repeat(cx.indentation + 2));
                return parts
                    .iter()
                    .map(|p| quote_str(p))
                    .collect::<Vec<_>>()
                    .join(&sep)
                    + &trailer;
            }
            quote_str(&s) + &trailer
        }
        Value::Num(n) => format_number(*n, cx.o.numeric_separator),
        Value::BigInt(b) => {
            let s = b.to_string();
            if cx.o.numeric_separator {
                format!("{}n", add_separator(&s))
            } else {
                format!("{s}n")
            }
        }
        Value::Bool(b) => b.to_string(),
        Value::Undefined | Value::Empty => "undefined".into(),
        Value::Null => "null".into(),
        Value::Sym(_) => vm.prim_to_string(v),
        Value::Obj(_) => String::new(),
    }
}

fn unwrap_proxy(vm: &Vm, mut o: ObjRef) -> ObjRef {
    for _ in 0..1000 {
        match vm.heap.kind(o) {
            Some(Kind::Proxy(p)) => match p.target {
                Some(t) => o = t,
                None => return o,
            },
            _ => return o,
        }
    }
    o
}

fn format_value(
    vm: &mut Vm,
    cx: &mut Ctx,
    v: &Value,
    recurse: usize,
    typed_array: bool,
) -> Res<String> {
    let Value::Obj(mut o) = *v else {
        return Ok(format_primitive(vm, cx, v));
    };
    let context = o;
    if let Some(Kind::Proxy(p)) = vm.heap.kind(o) {
        let (t, h) = (p.target, p.handler);
        let (Some(t), Some(h)) = (t, h) else {
            return Ok("<Revoked Proxy>".into());
        };
        if cx.o.show_proxy {
            if recurse as f64 > cx.o.depth {
                return Ok("Proxy [Array]".into());
            }
            cx.indentation += 2;
            let a = format_value(vm, cx, &Value::Obj(t), recurse + 1, false)?;
            let b = format_value(vm, cx, &Value::Obj(h), recurse + 1, false)?;
            cx.indentation -= 2;
            return Ok(reduce(
                cx,
                vec![a, b],
                "",
                ("Proxy [".into(), "]"),
                Extras::ArrayWithKeys,
                recurse + 1,
            ));
        }
        o = unwrap_proxy(vm, o);
    }
    if cx.o.custom_inspect {
        let custom = vm.get(&Value::Obj(o), &PropKey::Sym(sym::INSPECT))?;
        if vm.is_callable(&custom) && !is_util_inspect(vm, &custom) && !is_prototype_object(vm, o)?
        {
            let depth = cx.o.depth - recurse as f64;
            let opts = user_options(vm, cx, depth)?;
            let inspect_fn = vm.util_inspect_fn();
            let ret = vm.call(
                &custom,
                Value::Obj(context),
                vec![Value::Num(depth), opts, inspect_fn],
            )?;
            if !matches!(ret, Value::Obj(r) if r == context) {
                return match ret {
                    Value::Str(s) => {
                        Ok(s.replace('\n', &format!("\n{}", " ".repeat(cx.indentation))))
                    }
                    other => format_value(vm, cx, &other, recurse, false),
                };
            }
        }
    }
    if cx.seen.contains(&o) {
        let idx = match cx.circular.iter().position(|x| *x == o) {
            Some(i) => i + 1,
            None => {
                cx.circular.push(o);
                cx.circular.len()
            }
        };
        return Ok(format!("[Circular *{idx}]"));
    }
    format_raw(vm, cx, o, recurse, typed_array)
}

fn is_util_inspect(vm: &Vm, f: &Value) -> bool {
    matches!(f, Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::Native(n)) if std::ptr::fn_addr_eq(n.f, crate::env_node::util_inspect as crate::heap::NativeFnPtr)))
}

/// `value.constructor && value.constructor.prototype === value`.
fn is_prototype_object(vm: &mut Vm, o: ObjRef) -> Res<bool> {
    let c = vm.get(&Value::Obj(o), &PropKey::s("constructor"))?;
    if !c.truthy() {
        return Ok(false);
    }
    let p = vm.get_value(&c, &PropKey::s("prototype"))?;
    Ok(matches!(p, Value::Obj(x) if x == o))
}

/// The options object a custom inspect function receives.
fn user_options(vm: &mut Vm, cx: &Ctx, depth: f64) -> Res<Value> {
    let o = vm.new_object();
    let stylize = vm.native("stylize", 2, stylize_no_color);
    vm.set_prop_raw(o, "stylize", Value::Obj(stylize));
    let depth_v = if depth.is_infinite() {
        Value::Null
    } else {
        Value::Num(cx.o.depth)
    };
    let _ = depth;
    for (k, v) in [
        ("showHidden", Value::Bool(cx.o.show_hidden)),
        ("depth", depth_v),
        ("colors", Value::Bool(false)),
        ("customInspect", Value::Bool(cx.o.custom_inspect)),
        ("showProxy", Value::Bool(cx.o.show_proxy)),
        ("maxArrayLength", Value::Num(cx.o.max_array_length)),
        ("maxStringLength", Value::Num(cx.o.max_string_length)),
        ("breakLength", Value::Num(cx.o.break_length)),
        (
            "compact",
            match cx.o.compact {
                Compact::Always => Value::Bool(true),
                Compact::Level(0) => Value::Bool(false),
                Compact::Level(n) => Value::Num(n as f64),
            },
        ),
        ("sorted", Value::Bool(cx.o.sorted)),
        ("getters", Value::Bool(cx.o.getters)),
        ("numericSeparator", Value::Bool(cx.o.numeric_separator)),
    ] {
        vm.set_prop_raw(o, k, v);
    }
    Ok(Value::Obj(o))
}

fn stylize_no_color(vm: &mut Vm, c: &crate::heap::NativeCall) -> Res<Value> {
    Ok(Value::Str(vm.to_string(&c.arg(0))?))
}

/// Node's getConstructorName: the first `constructor` on the prototype chain whose
/// function has a name and for which `obj instanceof constructor` holds; `None` for a
/// null prototype.
pub fn constructor_name(vm: &Vm, o: ObjRef) -> Option<String> {
    let mut cur = Some(o);
    let mut first_proto: Option<Option<ObjRef>> = None;
    let mut hops = 0;
    while let Some(x) = cur {
        hops += 1;
        if hops > 1000 {
            break;
        }
        let ob = vm.heap.get(x)?;
        if let Some(p) = ob.props.get(&PropKey::s("constructor")) {
            if let PropVal::Data(Value::Obj(c)) = &p.v {
                if vm.is_callable(&Value::Obj(*c)) {
                    if let Some(PropVal::Data(Value::Str(n))) = vm
                        .heap
                        .get(*c)
                        .and_then(|f| f.props.get(&PropKey::s("name")))
                        .map(|p| &p.v)
                    {
                        if !n.is_empty() && proto_in_chain(vm, o, *c) {
                            return Some(n.to_string());
                        }
                    }
                }
            }
        }
        cur = ob.proto;
        if first_proto.is_none() {
            first_proto = Some(cur);
        }
    }
    match first_proto {
        Some(None) | None => None,
        Some(Some(_)) => Some("Object <Complex prototype>".into()),
    }
}

/// `o instanceof c` by prototype chain (no user code).
fn proto_in_chain(vm: &Vm, o: ObjRef, c: ObjRef) -> bool {
    let Some(PropVal::Data(Value::Obj(p))) = vm
        .heap
        .get(c)
        .and_then(|f| f.props.get(&PropKey::s("prototype")))
        .map(|p| p.v.clone())
    else {
        return false;
    };
    let mut cur = vm.heap.get(o).and_then(|x| x.proto);
    let mut hops = 0;
    while let Some(x) = cur {
        if x == p {
            return true;
        }
        hops += 1;
        if hops > 1000 {
            return false;
        }
        cur = vm.heap.get(x).and_then(|y| y.proto);
    }
    false
}

fn get_prefix(constructor: &Option<String>, tag: &str, fallback: &str, size: &str) -> String {
    match constructor {
        None => {
            if !tag.is_empty() && fallback != tag {
                format!("[{fallback}{size}: null prototype] [{tag}] ")
            } else {
                format!("[{fallback}{size}: null prototype] ")
            }
        }
        Some(c) => {
            if !tag.is_empty() && c != tag {
                format!("{c}{size} [{tag}] ")
            } else {
                format!("{c}{size} ")
            }
        }
    }
}

/// V8's class name of an object (`internalGetConstructorName`).
fn internal_class_name(vm: &Vm, o: ObjRef) -> &'static str {
    match vm.heap.kind(o) {
        Some(Kind::Array(_)) => "Array",
        Some(Kind::Function(_) | Kind::Native(_) | Kind::Bound(_)) => "Function",
        Some(Kind::Map(_)) => "Map",
        Some(Kind::Set(_)) => "Set",
        Some(Kind::Error(_)) => "Error",
        Some(Kind::Promise(_)) => "Promise",
        Some(Kind::Date(_)) => "Date",
        Some(Kind::RegExp(_)) => "RegExp",
        _ => "Object",
    }
}

fn get_ctx_style(vm: &Vm, o: ObjRef, constructor: &Option<String>, tag: &str) -> String {
    let mut fallback = String::new();
    if constructor.is_none() {
        fallback = internal_class_name(vm, o).to_string();
        if fallback == tag {
            fallback = "Object".into();
        }
    }
    get_prefix(constructor, tag, &fallback, "")
}

/// Own keys as `Object.keys` (plus enumerable symbols), or all with showHidden.
fn get_keys(vm: &Vm, o: ObjRef, show_hidden: bool, non_index: bool) -> Vec<PropKey> {
    let mut strs = Vec::new();
    // jsdom's CSSStyleDeclaration keeps its indices as own properties (its other
    // collections are proxies, whose indices inspect does not see).
    if vm.browser
        && !non_index
        && matches!(vm.heap.kind(o), Some(Kind::Host(h)) if matches!(**h, crate::dom::HostObj::Style(_)))
    {
        strs.extend(crate::dom::collections::own_keys(vm, o));
    }
    let mut syms = Vec::new();
    for k in vm.own_keys(o) {
        if non_index && k.as_index().is_some() {
            continue;
        }
        let Some(p) = vm.get_own_prop(o, &k) else {
            continue;
        };
        if !show_hidden && !p.enumerable {
            continue;
        }
        match k {
            PropKey::Sym(_) => syms.push(k),
            PropKey::Str(_) => strs.push(k),
        }
    }
    strs.extend(syms);
    strs
}

/// The columns a string takes in a terminal, as Node (built with ICU) measures it:
/// printable ASCII counts one; from the first non-ASCII character on, the NFC text
/// is measured by East Asian Width (wide and fullwidth characters and emoji
/// presentation take two columns; marks, format and control characters none).
pub fn string_width(s: &str) -> usize {
    use unicode_normalization::UnicodeNormalization;
    let mut w = 0;
    for (i, ch) in s.char_indices() {
        if ch as u32 >= 127 {
            return w + s[i..].nfc().map(char_width).sum::<usize>();
        }
        if ch >= ' ' {
            w += 1;
        }
    }
    w
}

fn char_width(c: char) -> usize {
    // Regional indicators have emoji presentation (ICU counts each as wide).
    if ('\u{1F1E6}'..='\u{1F1FF}').contains(&c) {
        return 2;
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// What `formatRaw` decided an object is.
enum Shape {
    Array,
    Set,
    Map,
    Typed(TaKind, usize),
    MapIter,
    SetIter,
    Plain,
}

fn format_raw(
    vm: &mut Vm,
    cx: &mut Ctx,
    o: ObjRef,
    recurse: usize,
    typed_array: bool,
) -> Res<String> {
    let constructor = constructor_name(vm, o);
    let tag_v = vm.get(&Value::Obj(o), &PropKey::Sym(sym::TO_STRING_TAG))?;
    let mut tag = match tag_v {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    };
    if !tag.is_empty() {
        let own = vm.get_own_prop(o, &PropKey::Sym(sym::TO_STRING_TAG));
        if own.is_some_and(|p| if cx.o.show_hidden { true } else { p.enumerable }) {
            tag.clear();
        }
    }
    let mut base = String::new();
    let mut braces: (String, &'static str) = ("{".into(), "}");
    let mut extras = Extras::Object;
    let is_iterable = constructor.is_none() || vm.has_property(o, &PropKey::Sym(sym::ITERATOR))?;
    let shape = if is_iterable {
        match vm.heap.kind(o) {
            Some(Kind::Array(_)) => Shape::Array,
            Some(Kind::Set(_)) => Shape::Set,
            Some(Kind::Map(_)) => Shape::Map,
            Some(Kind::TypedArray(t)) if t.kind != TaKind::DataView => {
                Shape::Typed(t.kind, t.length)
            }
            Some(Kind::Iter(d)) => match &**d {
                crate::heap::IterData::Table { obj, .. } => {
                    if matches!(vm.heap.kind(*obj), Some(Kind::Map(_))) {
                        Shape::MapIter
                    } else {
                        Shape::SetIter
                    }
                }
                _ => Shape::Plain,
            },
            _ => Shape::Plain,
        }
    } else {
        Shape::Plain
    };
    let keys: Vec<PropKey>;
    let mut formatter: Option<Shape> = None;
    match shape {
        Shape::Array => {
            let len = vm.length_of(&Value::Obj(o))?;
            let prefix = if constructor.as_deref() != Some("Array") || !tag.is_empty() {
                get_prefix(&constructor, &tag, "Array", &format!("({len})"))
            } else {
                String::new()
            };
            keys = get_keys(vm, o, cx.o.show_hidden, true)
                .into_iter()
                .filter(|k| cx.o.show_hidden || k.as_str() != Some("length"))
                .collect();
            braces = (format!("{prefix}["), "]");
            if len == 0 && keys.is_empty() {
                return Ok(format!("{}]", braces.0));
            }
            extras = Extras::ArrayWithKeys;
            formatter = Some(Shape::Array);
        }
        Shape::Set | Shape::Map => {
            let is_map = matches!(shape, Shape::Map);
            let size = match vm.heap.kind(o) {
                Some(Kind::Map(t) | Kind::Set(t)) => t.live,
                _ => 0,
            };
            let prefix = get_prefix(
                &constructor,
                &tag,
                if is_map { "Map" } else { "Set" },
                &format!("({size})"),
            );
            keys = get_keys(vm, o, cx.o.show_hidden, false);
            if size == 0 && keys.is_empty() {
                return Ok(format!("{prefix}{{}}"));
            }
            braces = (format!("{prefix}{{"), "}");
            formatter = Some(shape);
        }
        Shape::Typed(kind, len) => {
            keys = get_keys(vm, o, cx.o.show_hidden, true);
            let fallback = if constructor.is_none() {
                crate::builtins::typed::kind_name(kind)
            } else {
                ""
            };
            let prefix = get_prefix(&constructor, &tag, fallback, &format!("({len})"));
            braces = (format!("{prefix}["), "]");
            if len == 0 && keys.is_empty() && !cx.o.show_hidden {
                return Ok(format!("{}]", braces.0));
            }
            extras = Extras::ArrayWithKeys;
            formatter = Some(shape);
        }
        Shape::MapIter | Shape::SetIter => {
            keys = get_keys(vm, o, cx.o.show_hidden, false);
            let ty = if matches!(shape, Shape::MapIter) {
                "Map"
            } else {
                "Set"
            };
            let mut t = tag.clone();
            if t != format!("{ty} Iterator") {
                if !t.is_empty() {
                    t.push_str("] [");
                }
                t.push_str(&format!("{ty} Iterator"));
            }
            braces = (format!("[{t}] {{"), "}");
            formatter = Some(shape);
        }
        Shape::Plain => {
            let mut k = get_keys(vm, o, cx.o.show_hidden, false);
            let kind = match vm.heap.kind(o) {
                // Node's DOMException is an Error subclass (jsdom's, from another
                // realm, is not an error to Node's inspect).
                Some(Kind::Host(h))
                    if !vm.browser && matches!(**h, crate::dom::HostObj::Exception(..)) =>
                {
                    KindTag::Error
                }
                k => k.map(kind_tag).unwrap_or(KindTag::Other),
            };
            if vm.is_callable(&Value::Obj(o)) {
                base = function_base(vm, o, &constructor, &tag)?;
                if k.is_empty() {
                    return Ok(base);
                }
            } else if constructor.as_deref() == Some("Object")
                && !matches!(
                    kind,
                    KindTag::Error
                        | KindTag::Boxed
                        | KindTag::Date
                        | KindTag::RegExp
                        | KindTag::Promise
                        | KindTag::Weak(_)
                        | KindTag::Buffer
                        | KindTag::DataView
                )
            {
                if kind == KindTag::Arguments {
                    braces.0 = "[Arguments] {".into();
                } else if !tag.is_empty() {
                    braces.0 = format!("{}{{", get_prefix(&constructor, &tag, "Object", ""));
                }
                if k.is_empty() {
                    return Ok(format!("{}}}", braces.0));
                }
            } else {
                match kind {
                    KindTag::RegExp => {
                        base = match vm.heap.kind(o) {
                            Some(Kind::RegExp(d)) => format!("/{}/{}", d.source, d.flags),
                            _ => String::new(),
                        };
                        let prefix = get_prefix(&constructor, &tag, "RegExp", "");
                        if prefix != "RegExp " {
                            base = format!("{prefix}{base}");
                        }
                        if k.is_empty() || recurse as f64 > cx.o.depth {
                            return Ok(base);
                        }
                    }
                    KindTag::Date => {
                        let t = match vm.heap.kind(o) {
                            Some(Kind::Date(t)) => *t,
                            _ => f64::NAN,
                        };
                        base = crate::builtins::date::inspect_string(t);
                        let prefix = get_prefix(&constructor, &tag, "Date", "");
                        if prefix != "Date " {
                            base = format!("{prefix}{base}");
                        }
                        if k.is_empty() {
                            return Ok(base);
                        }
                    }
                    KindTag::Error => {
                        base = format_error(vm, cx, o, &constructor, &tag, &mut k)?;
                        if k.is_empty() {
                            return Ok(base);
                        }
                    }
                    KindTag::Buffer => {
                        let prefix = get_prefix(&constructor, &tag, "ArrayBuffer", "");
                        let len = match vm.heap.kind(o) {
                            Some(Kind::ArrayBuffer(b)) => b.len(),
                            _ => 0,
                        };
                        if !typed_array {
                            formatter = Some(Shape::Plain);
                        } else if k.is_empty() {
                            return Ok(format!(
                                "{prefix}{{ byteLength: {} }}",
                                format_number(len as f64, false)
                            ));
                        }
                        braces.0 = format!("{prefix}{{");
                        k.insert(0, PropKey::s("byteLength"));
                    }
                    KindTag::DataView => {
                        braces.0 = format!("{}{{", get_prefix(&constructor, &tag, "DataView", ""));
                        for (i, n) in ["byteLength", "byteOffset", "buffer"]
                            .into_iter()
                            .enumerate()
                        {
                            k.insert(i, PropKey::s(n));
                        }
                    }
                    KindTag::Promise => {
                        braces.0 = format!("{}{{", get_prefix(&constructor, &tag, "Promise", ""));
                        formatter = Some(Shape::Plain);
                    }
                    KindTag::Weak(n) => {
                        braces.0 = format!("{}{{", get_prefix(&constructor, &tag, n, ""));
                        formatter = Some(Shape::Plain);
                    }
                    KindTag::Boxed => {
                        base = boxed_base(vm, cx, o, &mut k, &constructor, &tag);
                        if k.is_empty() {
                            return Ok(base);
                        }
                    }
                    _ => {
                        if k.is_empty() && same_object_caches(vm, o).is_empty() {
                            return Ok(format!("{}{{}}", get_ctx_style(vm, o, &constructor, &tag)));
                        }
                        braces.0 = format!("{}{{", get_ctx_style(vm, o, &constructor, &tag));
                    }
                }
            }
            keys = k;
        }
    }
    if recurse as f64 > cx.o.depth {
        let style = get_ctx_style(vm, o, &constructor, &tag);
        let mut name = style[..style.len() - 1].to_string();
        if constructor.is_some() {
            name = format!("[{name}]");
        }
        return Ok(name);
    }
    let recurse = recurse + 1;
    cx.seen.push(o);
    cx.current_depth = recurse;
    let mut output = match formatter {
        None => Vec::new(),
        Some(Shape::Array) => format_array(vm, cx, o, recurse)?,
        Some(Shape::Set) => format_set(vm, cx, o, recurse)?,
        Some(Shape::Map) => format_map(vm, cx, o, recurse)?,
        Some(Shape::Typed(..)) => format_typed(vm, cx, o)?,
        Some(Shape::MapIter) | Some(Shape::SetIter) => {
            format_iterator(vm, cx, o, recurse, &mut braces.0)?
        }
        Some(Shape::Plain) => match vm.heap.kind(o) {
            Some(Kind::Promise(_)) => format_promise(vm, cx, o, recurse)?,
            Some(Kind::WeakMap(_) | Kind::WeakSet(_)) => {
                if cx.o.show_hidden {
                    format_weak_entries(vm, cx, o, recurse)?
                } else {
                    vec!["<items unknown>".into()]
                }
            }
            Some(Kind::ArrayBuffer(b)) => {
                let max = (cx.o.max_array_length.max(0.0) as usize).min(b.len());
                let mut s = b[..max]
                    .iter()
                    .map(|x| format!("{x:02x}"))
                    .collect::<Vec<_>>()
                    .join(" ");
                if b.len() > max {
                    let r = b.len() - max;
                    s.push_str(&format!(
                        " ... {r} more byte{}",
                        if r > 1 { "s" } else { "" }
                    ));
                }
                vec![format!("[Uint8Contents]: <{s}>")]
            }
            _ => Vec::new(),
        },
    };
    for k in &keys {
        let s = format_property(vm, cx, o, recurse, k, extras)?;
        output.push(s);
    }
    let caches = same_object_caches(vm, o);
    if !caches.is_empty() {
        let s = format_same_object_caches(vm, cx, caches, recurse)?;
        output.push(format!("[Symbol(SameObject caches)]: {s}"));
    }
    if let Some(i) = cx.circular.iter().position(|x| *x == o) {
        let reference = format!("<ref *{}>", i + 1);
        if cx.o.compact != Compact::Always {
            base = if base.is_empty() {
                reference
            } else {
                format!("{reference} {base}")
            };
        } else {
            braces.0 = format!("{reference} {}", braces.0);
        }
    }
    cx.seen.pop();
    if cx.o.sorted {
        if extras == Extras::Object {
            output.sort();
        } else if keys.len() > 1 {
            let n = output.len() - keys.len();
            output[n..].sort();
        }
    }
    let shown = output.len();
    let numeric = matches!(vm.heap.kind(o), Some(Kind::Array(items)) if items.len() >= shown && items.iter().take(shown).all(|v| matches!(v, Value::Num(_) | Value::BigInt(_))))
        || matches!(formatter, Some(Shape::Typed(..)));
    Ok(reduce_with(
        cx,
        output,
        &base,
        (braces.0, braces.1),
        extras,
        recurse,
        numeric,
    ))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum KindTag {
    Arguments,
    Error,
    Boxed,
    Date,
    RegExp,
    Promise,
    Weak(&'static str),
    Buffer,
    DataView,
    Other,
}

/// The `[SameObject]` attributes a browser node has created, in creation order: jsdom
/// keeps them on the wrapper under a symbol, so its inspect shows them.
fn same_object_caches(vm: &Vm, o: ObjRef) -> Vec<(&'static str, ObjRef)> {
    use crate::dom::HostObj;
    if !vm.browser {
        return Vec::new();
    }
    match vm.heap.kind(o) {
        Some(Kind::Dom(n)) => n.caches.iter().map(|(c, r)| (c.attribute(), *r)).collect(),
        Some(Kind::Host(h)) => match &**h {
            HostObj::Record(d) => ["addedNodes", "removedNodes"]
                .into_iter()
                .zip(d.lists)
                .filter_map(|(name, l)| Some((name, l?)))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// jsdom's cache object: `[Object: null prototype] { style: ..., children: ... }`.
fn format_same_object_caches(
    vm: &mut Vm,
    cx: &mut Ctx,
    caches: Vec<(&'static str, ObjRef)>,
    recurse: usize,
) -> Res<String> {
    let braces = "[Object: null prototype] {".to_string();
    if recurse as f64 > cx.o.depth {
        return Ok("[Object: null prototype]".into());
    }
    let recurse = recurse + 1;
    cx.current_depth = recurse;
    cx.indentation += 2;
    let mut output = Vec::with_capacity(caches.len());
    for (name, r) in caches {
        cx.indentation += 2;
        let s = format_value(vm, cx, &Value::Obj(r), recurse, false);
        cx.indentation -= 2;
        output.push(format!("{name}: {}", s?));
    }
    let s = reduce(cx, output, "", (braces, "}"), Extras::Object, recurse);
    cx.indentation -= 2;
    Ok(s)
}

fn kind_tag(k: &Kind) -> KindTag {
    match k {
        Kind::Arguments(_) => KindTag::Arguments,
        Kind::Error(_) => KindTag::Error,
        Kind::Boxed(_) => KindTag::Boxed,
        Kind::Date(_) => KindTag::Date,
        Kind::RegExp(_) => KindTag::RegExp,
        Kind::Promise(_) => KindTag::Promise,
        Kind::WeakMap(_) => KindTag::Weak("WeakMap"),
        Kind::WeakSet(_) => KindTag::Weak("WeakSet"),
        Kind::ArrayBuffer(_) => KindTag::Buffer,
        Kind::TypedArray(t) if t.kind == TaKind::DataView => KindTag::DataView,
        _ => KindTag::Other,
    }
}

fn function_base(vm: &mut Vm, o: ObjRef, constructor: &Option<String>, tag: &str) -> Res<String> {
    let name = match vm.get(&Value::Obj(o), &PropKey::s("name"))? {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    };
    let (is_class, is_async, is_gen) = match vm.heap.kind(o) {
        Some(Kind::Function(c)) => (
            c.code.flags.class_ctor,
            c.code.flags.is_async,
            c.code.flags.generator,
        ),
        _ => (false, false, false),
    };
    if is_class {
        let own_name = match vm.get_own_prop(o, &PropKey::s("name")).map(|p| p.v) {
            Some(PropVal::Data(Value::Str(s))) if !s.is_empty() => s.to_string(),
            _ => "(anonymous)".into(),
        };
        let mut b = format!("class {own_name}");
        if constructor.as_deref() != Some("Function") {
            if let Some(c) = constructor {
                b.push_str(&format!(" [{c}]"));
            }
        }
        if !tag.is_empty() && constructor.as_deref() != Some(tag) {
            b.push_str(&format!(" [{tag}]"));
        }
        if constructor.is_some() {
            let sup = vm.heap.get(o).and_then(|x| x.proto);
            if let Some(s) = sup {
                if let Value::Str(n) = vm.get(&Value::Obj(s), &PropKey::s("name"))? {
                    if !n.is_empty() {
                        b.push_str(&format!(" extends {n}"));
                    }
                }
            }
        } else {
            b.push_str(" extends [null prototype]");
        }
        return Ok(format!("[{b}]"));
    }
    let mut ty = "Function".to_string();
    if is_gen {
        ty = format!("Generator{ty}");
    }
    if is_async {
        ty = format!("Async{ty}");
    }
    let mut b = format!("[{ty}");
    if constructor.is_none() {
        b.push_str(" (null prototype)");
    }
    if name.is_empty() {
        b.push_str(" (anonymous)");
    } else {
        b.push_str(&format!(": {name}"));
    }
    b.push(']');
    if let Some(c) = constructor {
        if *c != ty {
            b.push_str(&format!(" {c}"));
        }
    }
    if !tag.is_empty() && constructor.as_deref() != Some(tag) {
        b.push_str(&format!(" [{tag}]"));
    }
    Ok(b)
}

fn boxed_base(
    vm: &Vm,
    cx: &Ctx,
    o: ObjRef,
    keys: &mut Vec<PropKey>,
    constructor: &Option<String>,
    tag: &str,
) -> String {
    let v = match vm.heap.kind(o) {
        Some(Kind::Boxed(v)) => v.clone(),
        _ => Value::Undefined,
    };
    let ty = match &v {
        Value::Num(_) => "Number",
        Value::Str(s) => {
            let n = utf16_len(s);
            keys.retain(|k| k.as_index().is_none_or(|i| i as usize >= n));
            "String"
        }
        Value::Bool(_) => "Boolean",
        Value::BigInt(_) => "BigInt",
        _ => "Symbol",
    };
    let mut b = format!("[{ty}");
    match constructor {
        None => b.push_str(" (null prototype)"),
        Some(c) if c != ty => b.push_str(&format!(" ({c})")),
        _ => {}
    }
    let plain = Ctx {
        o: Opts {
            compact: Compact::Always,
            ..cx.o.clone()
        },
        seen: vec![],
        circular: vec![],
        indentation: 0,
        current_depth: 0,
    };
    b.push_str(&format!(": {}]", format_primitive(vm, &plain, &v)));
    if !tag.is_empty() && constructor.as_deref() != Some(tag) {
        b.push_str(&format!(" [{tag}]"));
    }
    b
}

fn format_error(
    vm: &mut Vm,
    cx: &Ctx,
    o: ObjRef,
    constructor: &Option<String>,
    tag: &str,
    keys: &mut Vec<PropKey>,
) -> Res<String> {
    let e = Value::Obj(o);
    let name_v = vm.get(&e, &PropKey::s("name"))?;
    let name = if name_v.is_nullish() {
        "Error".to_string()
    } else {
        vm.to_string(&name_v)?.to_string()
    };
    let stack_v = vm.get(&e, &PropKey::s("stack"))?;
    let mut stack = if stack_v.truthy() {
        vm.to_string(&stack_v)?.to_string()
    } else {
        crate::builtins::object::error_header(vm, o)?
    };
    if !cx.o.show_hidden && !keys.is_empty() {
        for n in ["name", "message", "stack"] {
            if let Some(i) = keys.iter().position(|k| k.as_str() == Some(n)) {
                let v = vm.get(&e, &PropKey::s(n))?;
                let s = vm.to_string(&v)?;
                if stack.contains(&*s) {
                    keys.remove(i);
                }
            }
        }
    }
    if vm.has_property(o, &PropKey::s("cause"))?
        && !keys.iter().any(|k| k.as_str() == Some("cause"))
    {
        keys.push(PropKey::s("cause"));
    }
    let errs = vm.get(&e, &PropKey::s("errors"))?;
    if matches!(errs, Value::Obj(x) if matches!(vm.heap.kind(x), Some(Kind::Array(_))))
        && !keys.iter().any(|k| k.as_str() == Some("errors"))
    {
        keys.push(PropKey::s("errors"));
    }
    stack = improve_stack(&stack, constructor, &name, tag);
    let msg = vm.get(&e, &PropKey::s("message"))?;
    let msg = if msg.truthy() {
        vm.to_string(&msg)?.to_string()
    } else {
        String::new()
    };
    // `(err.message && stack.indexOf(err.message)) || -1`: a message at index 0
    // searches the frames from the start.
    let from = match stack.find(&msg) {
        Some(p) if !msg.is_empty() && p > 0 => p + msg.len(),
        _ => 0,
    };
    match stack.get(from..).and_then(|s| s.find("\n    at")) {
        None => stack = format!("[{stack}]"),
        Some(at) => {
            let start = from + at;
            let mut frames: Vec<String> =
                stack[start + 1..].split('\n').map(String::from).collect();
            drop_frames_shared_with_cause(vm, o, &mut frames)?;
            stack = format!("{}\n{}", &stack[..start], frames.join("\n"));
        }
    }
    if cx.indentation != 0 {
        stack = stack.replace('\n', &format!("\n{}", " ".repeat(cx.indentation)));
    }
    Ok(stack)
}

/// Node's `getStackFrames`: the frames an error shares with its `cause`'s stack are
/// shown once, under the cause, and the error says `... N lines matching cause stack
/// trace ...` in their place.
fn drop_frames_shared_with_cause(vm: &mut Vm, o: ObjRef, frames: &mut Vec<String>) -> Res<()> {
    let cause = vm.get(&Value::Obj(o), &PropKey::s("cause"))?;
    let Value::Obj(c) = cause else {
        return Ok(());
    };
    if !matches!(vm.heap.kind(c), Some(Kind::Error(_))) {
        return Ok(());
    }
    let cause_stack = match vm.get(&cause, &PropKey::s("stack"))? {
        v if v.truthy() => vm.to_string(&v)?.to_string(),
        _ => crate::builtins::object::error_header(vm, c)?,
    };
    let Some(at) = cause_stack.find("\n    at") else {
        return Ok(());
    };
    let cause_frames: Vec<&str> = cause_stack[at + 1..].split('\n').collect();
    if let Some((len, offset)) = identical_sequence_range(frames, &cause_frames) {
        let skipped = len - 2;
        frames.splice(
            offset + 1..offset + 1 + skipped,
            [format!(
                "    ... {skipped} lines matching cause stack trace ..."
            )],
        );
    }
    Ok(())
}

/// Node's `identicalSequenceRange`: the first run of more than three lines of `a` that
/// also follow one another in `b`, as (length, start in `a`).
fn identical_sequence_range(a: &[String], b: &[&str]) -> Option<(usize, usize)> {
    for i in 0..a.len().saturating_sub(3) {
        let Some(pos) = b.iter().position(|l| *l == a[i]) else {
            continue;
        };
        let rest = b.len() - pos;
        if rest > 3 {
            let max_len = (a.len() - i).min(rest);
            let mut len = 1;
            while max_len > len && a[i + len] == b[pos + len] {
                len += 1;
            }
            if len > 3 {
                return Some((len, i));
            }
        }
    }
    None
}

fn improve_stack(stack: &str, constructor: &Option<String>, name: &str, tag: &str) -> String {
    let mut len = name.len();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || stack[len..].starts_with(':') || stack[len..].starts_with('\n'));
    if constructor.is_none() || looks_normal {
        let mut fallback = "Error".to_string();
        if constructor.is_none() {
            let head: String = stack
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || " _[]()-".contains(*c))
                .collect();
            let f = head.trim_end().to_string();
            len = f.len();
            fallback = if f.is_empty() { "Error".into() } else { f };
        }
        let prefix = get_prefix(constructor, tag, &fallback, "");
        let prefix = &prefix[..prefix.len() - 1];
        if name != prefix {
            if prefix.contains(name) {
                if len == 0 {
                    return format!("{prefix}: {stack}");
                }
                return format!("{prefix}{}", &stack[len.min(stack.len())..]);
            }
            return format!("{prefix} [{name}]{}", &stack[len.min(stack.len())..]);
        }
    }
    stack.to_string()
}

fn format_property(
    vm: &mut Vm,
    cx: &mut Ctx,
    o: ObjRef,
    recurse: usize,
    key: &PropKey,
    extras: Extras,
) -> Res<String> {
    let desc = vm.get_own_prop(o, key);
    let (value, getter, setter, enumerable) = match desc {
        Some(p) => match p.v {
            PropVal::Data(v) => (Some(v), false, false, p.enumerable),
            PropVal::Accessor(g, s) => (None, g.is_some(), s.is_some(), p.enumerable),
        },
        None => (Some(vm.get(&Value::Obj(o), key)?), false, false, true),
    };
    let mut extra = " ".to_string();
    let s = match value {
        Some(v) if !matches!(v, Value::Undefined) || !(getter || setter) => {
            if matches!(v, Value::Undefined) {
                "undefined".to_string()
            } else {
                let diff = if cx.o.compact != Compact::Always || extras != Extras::Object {
                    2
                } else {
                    3
                };
                cx.indentation += diff;
                let s = format_value(vm, cx, &v, recurse, false)?;
                if diff == 3 && cx.o.break_length < string_width(&s) as f64 {
                    extra = format!("\n{}", " ".repeat(cx.indentation));
                }
                cx.indentation -= diff;
                s
            }
        }
        _ if getter => {
            let label = if setter { "Getter/Setter" } else { "Getter" };
            if cx.o.getters {
                let g = match vm.get_own_prop(o, key).map(|p| p.v) {
                    Some(PropVal::Accessor(Some(g), _)) => Some(g),
                    _ => None,
                };
                match g.map(|g| vm.call(&Value::Obj(g), Value::Obj(o), vec![])) {
                    Some(Ok(Value::Null)) => format!("[{label}: null]"),
                    Some(Ok(v @ Value::Obj(_))) => {
                        cx.indentation += 2;
                        let s = format_value(vm, cx, &v, recurse, false)?;
                        cx.indentation -= 2;
                        format!("[{label}] {s}")
                    }
                    Some(Ok(v)) => format!("[{label}: {}]", format_primitive(vm, cx, &v)),
                    Some(Err(crate::interp::Throw::Js(e))) => {
                        let m = vm.get(&e, &PropKey::s("message"))?;
                        let m = vm.to_string(&m)?;
                        format!("[{label}: <Inspection threw ({m})>]")
                    }
                    Some(Err(e)) => return Err(e),
                    None => format!("[{label}]"),
                }
            } else {
                format!("[{label}]")
            }
        }
        _ if setter => "[Setter]".to_string(),
        _ => "undefined".to_string(),
    };
    if extras == Extras::Array {
        return Ok(s);
    }
    let name = match key {
        PropKey::Sym(_) => format!("[{}]", escape_key(&vm.key_display(key))),
        PropKey::Str(k) if &**k == "__proto__" => "['__proto__']".into(),
        PropKey::Str(k) if !enumerable => format!("[{}]", escape_key(k)),
        PropKey::Str(k) if is_key_ident(k) => k.to_string(),
        PropKey::Str(k) => quote_str(k),
    };
    Ok(format!("{name}:{extra}{s}"))
}

fn escape_key(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        match c {
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\'' => o.push_str("\\'"),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\x{:02X}", c as u32)),
            c => o.push(c),
        }
    }
    o
}

fn is_key_ident(k: &str) -> bool {
    let mut ch = k.chars();
    matches!(ch.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && ch.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn remaining_text(n: usize) -> String {
    format!("... {n} more item{}", if n > 1 { "s" } else { "" })
}

fn format_array(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, recurse: usize) -> Res<Vec<String>> {
    let items: Vec<Value> = match vm.heap.kind(o) {
        Some(Kind::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let len = items.len().min(cx.o.max_array_length.max(0.0) as usize);
    let mut output = Vec::new();
    let mut i = 0;
    // After the first hole Node lists only enumerable elements (formatSpecialArray).
    let mut special = false;
    let slow = |vm: &Vm, i: usize, special: bool| {
        vm.heap.get(o).is_some_and(|x| {
            x.props
                .get(&PropKey::s(&i.to_string()))
                .is_some_and(|p| p.enumerable || !special)
        })
    };
    while i < len {
        if matches!(items[i], Value::Empty) && slow(vm, i, special) {
            // A slow element (an accessor or non-default attributes).
            let s = format_property(
                vm,
                cx,
                o,
                recurse,
                &PropKey::s(&i.to_string()),
                Extras::Array,
            )?;
            output.push(s);
            i += 1;
            if output.len() >= len {
                break;
            }
            continue;
        }
        if matches!(items[i], Value::Empty) {
            // Sparse: count the run of holes.
            special = true;
            let mut j = i;
            while j < items.len() && matches!(items[j], Value::Empty) && !slow(vm, j, true) {
                j += 1;
            }
            let n = j - i;
            output.push(format!("<{n} empty item{}>", if n > 1 { "s" } else { "" }));
            i = j;
            if output.len() >= len {
                break;
            }
            continue;
        }
        cx.indentation += 2;
        let s = format_value(vm, cx, &items[i], recurse, false)?;
        cx.indentation -= 2;
        output.push(s);
        i += 1;
        if output.len() >= len {
            break;
        }
    }
    let remaining = items.len().saturating_sub(i);
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

fn format_typed(vm: &mut Vm, cx: &mut Ctx, o: ObjRef) -> Res<Vec<String>> {
    let values = crate::builtins::typed::elements(vm, o);
    let max = values.len().min(cx.o.max_array_length.max(0.0) as usize);
    let mut out: Vec<String> = values[..max]
        .iter()
        .map(|v| format_primitive(vm, cx, v))
        .collect();
    if values.len() > max {
        out.push(remaining_text(values.len() - max));
    }
    Ok(out)
}

fn table_entries(vm: &Vm, o: ObjRef) -> Vec<(Value, Value)> {
    match vm.heap.kind(o) {
        Some(Kind::Map(t) | Kind::Set(t)) => t.entries.iter().flatten().cloned().collect(),
        _ => Vec::new(),
    }
}

fn format_set(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, recurse: usize) -> Res<Vec<String>> {
    let entries = table_entries(vm, o);
    let max = entries.len().min(cx.o.max_array_length.max(0.0) as usize);
    let mut out = Vec::new();
    cx.indentation += 2;
    for (k, _) in entries.iter().take(max) {
        out.push(format_value(vm, cx, k, recurse, false)?);
    }
    if entries.len() > max {
        out.push(remaining_text(entries.len() - max));
    }
    cx.indentation -= 2;
    Ok(out)
}

fn format_map(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, recurse: usize) -> Res<Vec<String>> {
    let entries = table_entries(vm, o);
    let max = entries.len().min(cx.o.max_array_length.max(0.0) as usize);
    let mut out = Vec::new();
    cx.indentation += 2;
    for (k, v) in entries.iter().take(max) {
        let ks = format_value(vm, cx, k, recurse, false)?;
        let vs = format_value(vm, cx, v, recurse, false)?;
        out.push(format!("{ks} => {vs}"));
    }
    if entries.len() > max {
        out.push(remaining_text(entries.len() - max));
    }
    cx.indentation -= 2;
    Ok(out)
}

fn format_iterator(
    vm: &mut Vm,
    cx: &mut Ctx,
    o: ObjRef,
    recurse: usize,
    brace: &mut String,
) -> Res<Vec<String>> {
    let (obj, idx, kind) = match vm.heap.kind(o) {
        Some(Kind::Iter(d)) => match &**d {
            crate::heap::IterData::Table { obj, idx, kind } => (*obj, *idx, *kind),
            _ => return Ok(Vec::new()),
        },
        _ => return Ok(Vec::new()),
    };
    let is_map = matches!(vm.heap.kind(obj), Some(Kind::Map(_)));
    let rest: Vec<(Value, Value)> = match vm.heap.kind(obj) {
        Some(Kind::Map(t) | Kind::Set(t)) => {
            t.entries.iter().skip(idx).flatten().cloned().collect()
        }
        _ => Vec::new(),
    };
    let max = cx.o.max_array_length.max(0.0) as usize;
    let mut out = Vec::new();
    cx.indentation += 2;
    if kind == 2 {
        *brace = brace.replace(" Iterator] {", " Entries] {");
        for (k, v) in rest.iter().take(max) {
            let a = format_value(vm, cx, k, recurse, false)?;
            let b = format_value(vm, cx, if is_map { v } else { k }, recurse, false)?;
            out.push(reduce(
                cx,
                vec![a, b],
                "",
                ("[".into(), "]"),
                Extras::ArrayWithKeys,
                recurse,
            ));
        }
    } else {
        for (k, v) in rest.iter().take(max) {
            let x = if kind == 1 && is_map { v } else { k };
            out.push(format_value(vm, cx, x, recurse, false)?);
        }
    }
    cx.indentation -= 2;
    if rest.len() > max {
        out.push(remaining_text(rest.len() - max));
    }
    Ok(out)
}

fn format_weak_entries(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, recurse: usize) -> Res<Vec<String>> {
    let entries: Vec<(Value, Option<Value>)> = match vm.heap.kind(o) {
        Some(Kind::WeakMap(m)) => m
            .iter()
            .map(|(k, v)| (k.value(), Some(v.clone())))
            .collect(),
        Some(Kind::WeakSet(s)) => s.iter().map(|k| (k.value(), None)).collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    cx.indentation += 2;
    for (k, v) in entries {
        let ks = format_value(vm, cx, &k, recurse, false)?;
        match v {
            Some(v) => {
                let vs = format_value(vm, cx, &v, recurse, false)?;
                out.push(format!("{ks} => {vs}"));
            }
            None => out.push(ks),
        }
    }
    cx.indentation -= 2;
    out.sort();
    Ok(out)
}

fn format_promise(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, recurse: usize) -> Res<Vec<String>> {
    let (st, val) = match vm.heap.kind(o) {
        Some(Kind::Promise(d)) => (d.state, d.value.clone()),
        _ => (PState::Pending, Value::Undefined),
    };
    Ok(match st {
        PState::Pending => vec!["<pending>".into()],
        _ => {
            cx.indentation += 2;
            let s = format_value(vm, cx, &val, recurse, false)?;
            cx.indentation -= 2;
            vec![if st == PState::Rejected {
                format!("<rejected> {s}")
            } else {
                s
            }]
        }
    })
}

fn group_array_elements(cx: &Ctx, output: Vec<String>, numeric: bool) -> Vec<String> {
    let mut total = 0;
    let mut max_len = 0;
    let mut out_len = output.len();
    if cx.o.max_array_length < output.len() as f64 {
        out_len -= 1;
    }
    let sep = 2;
    let data_len: Vec<usize> = output
        .iter()
        .take(out_len)
        .map(|s| string_width(s))
        .collect();
    for l in &data_len {
        total += l + sep;
        max_len = max_len.max(*l);
    }
    let actual_max = max_len + sep;
    if (actual_max * 3 + cx.indentation) as f64 >= cx.o.break_length
        || !(total as f64 / actual_max as f64 > 5.0 || max_len <= 6)
    {
        return output;
    }
    let approx_char_heights = 2.5;
    let average_bias = (actual_max as f64 - total as f64 / output.len() as f64).sqrt();
    let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
    let compact = match cx.o.compact {
        Compact::Level(n) => n as f64,
        Compact::Always => 1.0,
    };
    let columns = ((approx_char_heights * biased_max * out_len as f64).sqrt() / biased_max)
        .round()
        .min(((cx.o.break_length - cx.indentation as f64) / actual_max as f64).floor())
        .min(compact * 4.0)
        .min(15.0);
    if columns <= 1.0 {
        return output;
    }
    let columns = columns as usize;
    let mut max_line = Vec::new();
    for i in 0..columns {
        let mut line_max = 0;
        let mut j = i;
        while j < out_len {
            line_max = line_max.max(data_len[j]);
            j += columns;
        }
        max_line.push(line_max + sep);
    }
    let mut tmp = Vec::new();
    let mut i = 0;
    while i < out_len {
        let max = (i + columns).min(out_len);
        let mut s = String::new();
        let mut j = i;
        while j < max - 1 {
            let cell = format!("{}, ", output[j]);
            let pad = max_line[j - i] + output[j].chars().count() - data_len[j];
            let w = cell.chars().count();
            if numeric {
                s.push_str(&" ".repeat(pad.saturating_sub(w)));
                s.push_str(&cell);
            } else {
                s.push_str(&cell);
                s.push_str(&" ".repeat(pad.saturating_sub(w)));
            }
            j += 1;
        }
        if numeric {
            let pad =
                (max_line[j - i] + output[j].chars().count()).saturating_sub(data_len[j] + sep);
            let w = output[j].chars().count();
            s.push_str(&" ".repeat(pad.saturating_sub(w)));
            s.push_str(&output[j]);
        } else {
            s.push_str(&output[j]);
        }
        tmp.push(s);
        i += columns;
    }
    if cx.o.max_array_length < output.len() as f64 {
        tmp.push(output[out_len].clone());
    }
    tmp
}

fn is_below_break(cx: &Ctx, output: &[String], start: usize, base: &str) -> bool {
    let mut total = output.len() + start;
    if (total + output.len()) as f64 > cx.o.break_length {
        return false;
    }
    for o in output {
        total += utf16_len(o);
        if total as f64 > cx.o.break_length {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

fn reduce(
    cx: &mut Ctx,
    output: Vec<String>,
    base: &str,
    braces: (String, &str),
    extras: Extras,
    recurse: usize,
) -> String {
    reduce_with(cx, output, base, braces, extras, recurse, false)
}

fn reduce_with(
    cx: &mut Ctx,
    mut output: Vec<String>,
    base: &str,
    braces: (String, &str),
    extras: Extras,
    recurse: usize,
    numeric: bool,
) -> String {
    let b = if base.is_empty() {
        String::new()
    } else {
        format!("{base} ")
    };
    if let Compact::Level(compact) = cx.o.compact {
        if compact >= 1 {
            let entries = output.len();
            if extras == Extras::ArrayWithKeys && entries > 6 {
                output = group_array_elements(cx, output, numeric);
            }
            if cx.current_depth - recurse < compact as usize && entries == output.len() {
                let start =
                    output.len() + cx.indentation + utf16_len(&braces.0) + utf16_len(base) + 10;
                if is_below_break(cx, &output, start, base) {
                    let joined = output.join(", ");
                    if !joined.contains('\n') {
                        return format!("{b}{} {joined} {}", braces.0, braces.1);
                    }
                }
            }
        }
        let ind = format!("\n{}", " ".repeat(cx.indentation));
        return format!(
            "{b}{}{ind}  {}{ind}{}",
            braces.0,
            output.join(&format!(",{ind}  ")),
            braces.1
        );
    }
    if is_below_break(cx, &output, 0, base) {
        let bb = if base.is_empty() {
            String::new()
        } else {
            format!(" {base}")
        };
        return format!("{}{bb} {} {}", braces.0, output.join(", "), braces.1);
    }
    let ind = " ".repeat(cx.indentation);
    let ln = if base.is_empty() && braces.0.len() == 1 {
        " ".to_string()
    } else {
        format!(
            "{}\n{ind}  ",
            if base.is_empty() {
                String::new()
            } else {
                format!(" {base}")
            }
        )
    };
    format!(
        "{}{ln}{} {}",
        braces.0,
        output.join(&format!(",\n{ind}  ")),
        braces.1
    )
}
