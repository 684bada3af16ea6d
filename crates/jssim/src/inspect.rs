//! console.log formatting, following Node's `util.inspect` (depth 2, breakLength 80,
//! compact 3, grouping of long arrays, `<ref *1>` cycles, class and function tags).

use crate::heap::{Kind, PState, PropVal};
use crate::interp::{Res, Vm};
use crate::value::{num_to_string, ObjRef, PropKey, Value};

struct Ctx {
    seen: Vec<ObjRef>,
    circular: Vec<ObjRef>,
    indent: usize,
    current_depth: usize,
}

/// Formats console arguments: a leading format string with %s/%d/%i/%f/%o/%O/%j/%c.
pub fn format_args(vm: &mut Vm, args: &[Value]) -> Res<String> {
    let mut out = String::new();
    let mut rest = 0;
    if let Some(Value::Str(f)) = args.first() {
        if f.contains('%') && args.len() > 1 {
            let mut it = f.chars().peekable();
            let mut ai = 1;
            while let Some(c) = it.next() {
                if c == '%' {
                    if let Some(&n) = it.peek() {
                        let arg = args.get(ai).cloned();
                        match (n, arg) {
                            ('s', Some(a)) => {
                                it.next();
                                ai += 1;
                                out.push_str(&match &a {
                                    Value::Str(s) => s.to_string(),
                                    Value::Obj(_) => inspect_depth(vm, &a, 1)?,
                                    other => inspect(vm, other)?,
                                });
                                continue;
                            }
                            ('d' | 'i', Some(a)) => {
                                it.next();
                                ai += 1;
                                let x = match &a {
                                    Value::Obj(_) => f64::NAN,
                                    other => vm.to_number(other)?,
                                };
                                let x = if n == 'i' { x.trunc() } else { x };
                                out.push_str(&num_to_string(x));
                                continue;
                            }
                            ('f', Some(a)) => {
                                it.next();
                                ai += 1;
                                let x = vm.to_number(&a)?;
                                out.push_str(&num_to_string(x));
                                continue;
                            }
                            ('o' | 'O' | 'j', Some(a)) => {
                                it.next();
                                ai += 1;
                                if n == 'j' {
                                    let s = crate::builtins::json::stringify_value(vm, &a)?;
                                    out.push_str(&s.unwrap_or_else(|| "undefined".into()));
                                } else {
                                    out.push_str(&inspect(vm, &a)?);
                                }
                                continue;
                            }
                            ('c', Some(_)) => {
                                it.next();
                                ai += 1;
                                continue;
                            }
                            ('%', _) => {
                                it.next();
                                out.push('%');
                                continue;
                            }
                            _ => {}
                        }
                    }
                }
                out.push(c);
            }
            rest = ai;
            for a in &args[rest..] {
                out.push(' ');
                match a {
                    Value::Str(s) => out.push_str(s),
                    other => out.push_str(&inspect(vm, other)?),
                }
            }
            return Ok(out);
        }
    }
    for (i, a) in args.iter().enumerate().skip(rest) {
        if i > 0 {
            out.push(' ');
        }
        match a {
            Value::Str(s) => out.push_str(s),
            other => out.push_str(&inspect(vm, other)?),
        }
    }
    Ok(out)
}

/// `util.inspect(v)`.
pub fn inspect(vm: &mut Vm, v: &Value) -> Res<String> {
    inspect_depth(vm, v, 2)
}

fn inspect_depth(vm: &mut Vm, v: &Value, depth: usize) -> Res<String> {
    let mut cx = Ctx {
        seen: vec![],
        circular: vec![],
        indent: 0,
        current_depth: 0,
    };
    let _ = depth;
    format_value(vm, &mut cx, v, 0, true)
}

/// A string literal as Node quotes it.
pub fn quote_str(s: &str) -> String {
    let q = if !s.contains('\'') {
        '\''
    } else if !s.contains('"') {
        '"'
    } else if !s.contains('`') && !s.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut o = String::with_capacity(s.len() + 2);
    o.push(q);
    for c in s.chars() {
        match c {
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            '\u{b}' => o.push_str("\\v"),
            '\\' => o.push_str("\\\\"),
            c if c == q => {
                o.push('\\');
                o.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\x{:02X}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push(q);
    o
}

fn format_prim(vm: &Vm, v: &Value, top: bool) -> String {
    match v {
        Value::Num(n) => {
            if *n == 0.0 && n.is_sign_negative() {
                "-0".into()
            } else {
                num_to_string(*n)
            }
        }
        Value::Str(s) => {
            if top {
                s.to_string()
            } else {
                quote_str(s)
            }
        }
        Value::BigInt(b) => format!("{b}n"),
        other => vm.prim_to_string(other),
    }
}

/// The name of the constructor found on the prototype chain (`constructor.name`).
pub fn constructor_name(vm: &Vm, o: ObjRef) -> Option<String> {
    let mut cur = vm.heap.get(o)?.proto;
    let mut first = true;
    let _ = &mut first;
    let mut obj = Some(o);
    while let Some(x) = obj {
        let ob = vm.heap.get(x)?;
        if let Some(p) = ob.props.get(&PropKey::s("constructor")) {
            if let PropVal::Data(Value::Obj(c)) = &p.v {
                if let Some(PropVal::Data(Value::Str(n))) = vm
                    .heap
                    .get(*c)
                    .and_then(|f| f.props.get(&PropKey::s("name")))
                    .map(|p| &p.v)
                {
                    if !n.is_empty() {
                        return Some(n.to_string());
                    }
                }
            }
        }
        obj = cur;
        cur = obj.and_then(|c| vm.heap.get(c)).and_then(|x| x.proto);
    }
    None
}

fn is_ident(k: &str) -> bool {
    let mut ch = k.chars();
    match ch.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$' => {}
        _ => return false,
    }
    ch.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn key_str(vm: &Vm, k: &PropKey, enumerable: bool) -> String {
    match k {
        PropKey::Sym(_) => format!(
            "[{}]",
            vm.prim_to_string(&Value::Sym(match k {
                PropKey::Sym(s) => *s,
                _ => 0,
            }))
        ),
        PropKey::Str(s) => {
            if !enumerable {
                format!("[{s}]")
            } else if is_ident(s) {
                s.to_string()
            } else {
                quote_str(s)
            }
        }
    }
}

fn fn_base(vm: &mut Vm, o: ObjRef) -> String {
    let name = match vm
        .heap
        .get(o)
        .and_then(|x| x.props.get(&PropKey::s("name")))
        .map(|p| p.v.clone())
    {
        Some(PropVal::Data(Value::Str(s))) => s.to_string(),
        _ => String::new(),
    };
    let (is_class, kind) = match vm.heap.kind(o) {
        Some(Kind::Function(c)) => {
            let f = c.code.flags;
            (
                f.class_ctor,
                if f.is_async {
                    "AsyncFunction"
                } else if f.generator {
                    "GeneratorFunction"
                } else {
                    "Function"
                },
            )
        }
        _ => (false, "Function"),
    };
    if is_class {
        let mut s = if name.is_empty() {
            "[class (anonymous)".to_string()
        } else {
            format!("[class {name}")
        };
        let parent = vm.heap.get(o).and_then(|x| x.proto);
        if let Some(p) = parent {
            if p != vm.realm.function_proto {
                let pn = match vm
                    .heap
                    .get(p)
                    .and_then(|x| x.props.get(&PropKey::s("name")))
                    .map(|p| p.v.clone())
                {
                    Some(PropVal::Data(Value::Str(s))) => s.to_string(),
                    _ => String::new(),
                };
                if !pn.is_empty() {
                    s.push_str(&format!(" extends {pn}"));
                }
            }
        }
        s.push(']');
        return s;
    }
    if name.is_empty() {
        format!("[{kind} (anonymous)]")
    } else {
        format!("[{kind}: {name}]")
    }
}

fn format_value(vm: &mut Vm, cx: &mut Ctx, v: &Value, depth: usize, top: bool) -> Res<String> {
    let Value::Obj(o) = v else {
        return Ok(format_prim(vm, v, top));
    };
    let o = *o;
    if cx.seen.contains(&o) {
        if !cx.circular.contains(&o) {
            cx.circular.push(o);
        }
        let i = cx.circular.iter().position(|x| *x == o).unwrap_or(0) + 1;
        return Ok(format!("[Circular *{i}]"));
    }
    // Custom inspect
    let custom = vm.get(v, &PropKey::Sym(crate::interp::sym::INSPECT))?;
    if vm.is_callable(&custom) {
        let r = vm.call(
            &custom,
            v.clone(),
            vec![Value::Num(2.0 - depth as f64), Value::Undefined],
        )?;
        return match r {
            Value::Str(s) => Ok(s.to_string()),
            other => format_value(vm, cx, &other, depth, false),
        };
    }
    format_raw(vm, cx, o, depth)
}

enum Braces {
    Obj,
    Arr,
}

fn format_raw(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, depth: usize) -> Res<String> {
    let ctor = constructor_name(vm, o);
    let null_proto = vm.heap.get(o).and_then(|x| x.proto).is_none();
    let tag = match vm
        .get(
            &Value::Obj(o),
            &PropKey::Sym(crate::interp::sym::TO_STRING_TAG),
        )
        .unwrap_or_default()
    {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    };
    let kind_label = |k: &str| -> String {
        match (&ctor, null_proto) {
            (_, true) => format!("[{k}: null prototype]"),
            (Some(c), _) => c.clone(),
            (None, _) => k.to_string(),
        }
    };
    let mut keys = vm.own_keys(o);
    let mut prefix = String::new();
    let mut entries: Vec<String> = Vec::new();
    let mut braces = Braces::Obj;
    let mut array_like = false;
    let mut extra_type_array = false;
    let is_fn = vm.is_callable(&Value::Obj(o));
    enum K {
        Plain,
        Array(usize),
        Fn,
        Error,
        Map,
        Set,
        Promise,
        Boxed(Value),
        Weak(&'static str),
        Date,
        RegExp(String),
        Gen,
        Iter,
        Dom,
        Args,
    }
    let k = match vm.heap.kind(o) {
        Some(Kind::Array(items)) => K::Array(items.len()),
        _ if is_fn => K::Fn,
        Some(Kind::Error(_)) => K::Error,
        Some(Kind::Map(_)) => K::Map,
        Some(Kind::Set(_)) => K::Set,
        Some(Kind::Promise(_)) => K::Promise,
        Some(Kind::Boxed(v)) => K::Boxed(v.clone()),
        Some(Kind::WeakMap(_)) => K::Weak("WeakMap"),
        Some(Kind::WeakSet(_)) => K::Weak("WeakSet"),
        Some(Kind::WeakRef(_)) => K::Weak("WeakRef"),
        Some(Kind::Date(_)) => K::Date,
        Some(Kind::RegExp(d)) => K::RegExp(format!("/{}/{}", d.source, d.flags)),
        Some(Kind::Generator(_)) => K::Gen,
        Some(Kind::Iter(_)) => K::Iter,
        Some(Kind::Dom(_)) => K::Dom,
        Some(Kind::Arguments(_)) => K::Args,
        _ => K::Plain,
    };
    if depth > 2 {
        return Ok(match k {
            K::Array(_) => "[Array]".into(),
            K::Fn => fn_base(vm, o),
            _ => {
                let n = ctor.clone().unwrap_or_else(|| "Object".into());
                if null_proto {
                    "[Object: null prototype]".into()
                } else {
                    format!("[{n}]")
                }
            }
        });
    }
    cx.seen.push(o);
    cx.current_depth = depth + 1;
    let next = depth + 1;
    match &k {
        K::Array(len) => {
            braces = Braces::Arr;
            array_like = true;
            extra_type_array = true;
            let c = ctor.clone().unwrap_or_default();
            if c != "Array" {
                prefix = format!(
                    "{}({len}) ",
                    if null_proto {
                        "[Array(".to_string() + &len.to_string() + "): null prototype]"
                    } else {
                        c
                    }
                );
                if null_proto {
                    prefix = format!("[Array({len}): null prototype] ");
                }
            }
            let items: Vec<Value> = match vm.heap.kind(o) {
                Some(Kind::Array(items)) => items.clone(),
                _ => vec![],
            };
            let mut holes = 0;
            let mut shown = 0;
            for it in items.iter() {
                if shown >= 100 {
                    break;
                }
                if matches!(it, Value::Empty) {
                    holes += 1;
                    continue;
                }
                if holes > 0 {
                    entries.push(format!(
                        "<{holes} empty item{}>",
                        if holes > 1 { "s" } else { "" }
                    ));
                    shown += 1;
                    holes = 0;
                }
                cx.indent += 2;
                let s = format_value(vm, cx, it, next, false)?;
                cx.indent -= 2;
                entries.push(s);
                shown += 1;
            }
            if holes > 0 {
                entries.push(format!(
                    "<{holes} empty item{}>",
                    if holes > 1 { "s" } else { "" }
                ));
            }
            if items.len() > 100 && shown >= 100 {
                let more = items.len() - 100;
                entries.push(format!(
                    "... {more} more item{}",
                    if more > 1 { "s" } else { "" }
                ));
            }
            keys.retain(|k| k.as_index().is_none() && k.as_str() != Some("length"));
        }
        K::Fn => {
            let base = fn_base(vm, o);
            keys.retain(|k| !matches!(k.as_str(), Some("length" | "name" | "prototype")));
            let keys: Vec<PropKey> = keys
                .into_iter()
                .filter(|k| vm.get_own_prop(o, k).map(|p| p.enumerable).unwrap_or(false))
                .collect();
            if keys.is_empty() {
                cx.seen.pop();
                return Ok(base);
            }
            prefix = format!("{base} ");
            for key in keys {
                entries.push(format_prop(vm, cx, o, &key, next)?);
            }
            cx.seen.pop();
            return Ok(reduce(cx, entries, &prefix, braces, false, depth));
        }
        K::Error => {
            let stack = vm.get(&Value::Obj(o), &PropKey::s("stack"))?;
            let s = match stack {
                Value::Str(s) => s.to_string(),
                _ => {
                    let n = vm.get(&Value::Obj(o), &PropKey::s("name"))?;
                    let m = vm.get(&Value::Obj(o), &PropKey::s("message"))?;
                    let n = vm.to_string(&n)?;
                    let m = vm.to_string(&m)?;
                    format!("[{n}: {m}]")
                }
            };
            keys.retain(|k| !matches!(k.as_str(), Some("stack" | "message")));
            let keys: Vec<PropKey> = keys
                .into_iter()
                .filter(|k| vm.get_own_prop(o, k).map(|p| p.enumerable).unwrap_or(false))
                .collect();
            let s = if cx.indent > 0 {
                s.replace('\n', &format!("\n{}", " ".repeat(cx.indent)))
            } else {
                s
            };
            if keys.is_empty() {
                cx.seen.pop();
                return Ok(s);
            }
            prefix = format!("{s} ");
            for key in keys {
                entries.push(format_prop(vm, cx, o, &key, next)?);
            }
            cx.seen.pop();
            return Ok(reduce(cx, entries, &prefix, braces, false, depth));
        }
        K::Map | K::Set => {
            let is_map = matches!(k, K::Map);
            let items: Vec<(Value, Value)> = match vm.heap.kind(o) {
                Some(Kind::Map(t)) | Some(Kind::Set(t)) => {
                    t.entries.iter().flatten().cloned().collect()
                }
                _ => vec![],
            };
            let label = kind_label(if is_map { "Map" } else { "Set" });
            prefix = format!("{label}({}) ", items.len());
            extra_type_array = !is_map;
            cx.indent += 2;
            for (kk, vv) in items {
                let ks = format_value(vm, cx, &kk, next, false)?;
                if is_map {
                    let vs = format_value(vm, cx, &vv, next, false)?;
                    entries.push(format!("{ks} => {vs}"));
                } else {
                    entries.push(ks);
                }
            }
            cx.indent -= 2;
        }
        K::Promise => {
            prefix = format!("{} ", kind_label("Promise"));
            let (st, val) = match vm.heap.kind(o) {
                Some(Kind::Promise(d)) => (d.state, d.value.clone()),
                _ => (PState::Pending, Value::Undefined),
            };
            match st {
                PState::Pending => entries.push("<pending>".into()),
                PState::Fulfilled => {
                    cx.indent += 2;
                    let s = format_value(vm, cx, &val, next, false)?;
                    cx.indent -= 2;
                    entries.push(s);
                }
                PState::Rejected => {
                    cx.indent += 2;
                    let s = format_value(vm, cx, &val, next, false)?;
                    cx.indent -= 2;
                    entries.push(format!("<rejected> {s}"));
                }
            }
        }
        K::Boxed(p) => {
            let (t, s) = match p {
                Value::Str(s) => ("String", quote_str(s)),
                Value::Num(n) => ("Number", num_to_string(*n)),
                Value::Bool(b) => ("Boolean", b.to_string()),
                Value::Sym(_) => ("Symbol", vm.prim_to_string(p)),
                other => ("Object", vm.prim_to_string(other)),
            };
            prefix = format!("[{t}: {s}] ");
            if let Value::Str(_) = p {
                keys.retain(|k| k.as_index().is_none() && k.as_str() != Some("length"));
            }
        }
        K::Weak(n) => {
            cx.seen.pop();
            if *n == "WeakRef" {
                let t = match vm.heap.kind(o) {
                    Some(Kind::WeakRef(Some(t))) => Some(*t),
                    _ => None,
                };
                return Ok(match t {
                    Some(t) if vm.heap.get(t).is_some() => {
                        cx.indent += 2;
                        let s = format_value(vm, cx, &Value::Obj(t), next, false)?;
                        cx.indent -= 2;
                        format!("WeakRef {{ {s} }}")
                    }
                    _ => "WeakRef { <cleared> }".into(),
                });
            }
            return Ok(format!("{} {{ <items unknown> }}", kind_label(n)));
        }
        K::Date => {
            cx.seen.pop();
            return Ok(crate::dom::date_string(vm, o));
        }
        K::RegExp(s) => {
            cx.seen.pop();
            return Ok(s.clone());
        }
        K::Gen => {
            cx.seen.pop();
            return Ok("Object [Generator] {}".into());
        }
        K::Iter => {
            cx.seen.pop();
            let t = tag.unwrap_or_else(|| "Iterator".into());
            return Ok(format!("Object [{t}] {{}}"));
        }
        K::Dom => {
            cx.seen.pop();
            return Ok(crate::dom::inspect_node(vm, o));
        }
        K::Args => {
            braces = Braces::Arr;
            prefix = "[Arguments] ".into();
            let n = vm.length_of(&Value::Obj(o))?;
            for i in 0..n {
                let v = vm.get_elem(&Value::Obj(o), &Value::Num(i as f64))?;
                cx.indent += 2;
                let s = format_value(vm, cx, &v, next, false)?;
                cx.indent -= 2;
                entries.push(s);
            }
            keys.retain(|k| k.as_index().is_none() && k.as_str() != Some("length"));
            array_like = true;
        }
        K::Plain => {
            if null_proto {
                prefix = "[Object: null prototype] ".into();
            } else {
                match &ctor {
                    Some(c) if c != "Object" => {
                        prefix = match &tag {
                            Some(t) if t != c => format!("{c} [{t}] "),
                            _ => format!("{c} "),
                        };
                    }
                    Some(_) => {
                        if let Some(t) = &tag {
                            prefix = format!("Object [{t}] ");
                        }
                    }
                    None => prefix = "[Object: null prototype] ".into(),
                }
            }
        }
    }
    for key in keys {
        let Some(p) = vm.get_own_prop(o, &key) else {
            continue;
        };
        if !p.enumerable {
            continue;
        }
        entries.push(format_prop(vm, cx, o, &key, next)?);
    }
    cx.seen.pop();
    let mut s = reduce(
        cx,
        entries,
        &prefix,
        braces,
        extra_type_array && array_like || extra_type_array,
        depth,
    );
    if let Some(i) = cx.circular.iter().position(|x| *x == o) {
        s = format!("<ref *{}> {s}", i + 1);
    }
    Ok(s)
}

fn format_prop(vm: &mut Vm, cx: &mut Ctx, o: ObjRef, key: &PropKey, next: usize) -> Res<String> {
    let Some(p) = vm.get_own_prop(o, key) else {
        return Ok(String::new());
    };
    let name = key_str(vm, key, p.enumerable);
    let val = match p.v {
        PropVal::Data(v) => {
            cx.indent += 2;
            let s = format_value(vm, cx, &v, next, false)?;
            cx.indent -= 2;
            s
        }
        PropVal::Accessor(g, s) => match (g, s) {
            (Some(_), Some(_)) => "[Getter/Setter]".into(),
            (Some(_), None) => "[Getter]".into(),
            (None, Some(_)) => "[Setter]".into(),
            _ => "undefined".into(),
        },
    };
    Ok(format!("{name}: {val}"))
}

fn is_below_break(cx: &Ctx, output: &[String], start: usize, base: &str) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > 80 {
        return false;
    }
    for o in output {
        total += o.chars().count();
        if total > 80 {
            return false;
        }
    }
    let _ = cx;
    base.is_empty() || !base.contains('\n')
}

fn group_array(cx: &Ctx, output: Vec<String>, numeric: bool) -> Vec<String> {
    let mut total = 0;
    let mut max_len = 0;
    let sep = 2;
    let lens: Vec<usize> = output.iter().map(|s| s.chars().count()).collect();
    let out_len = if output
        .last()
        .map(|s| s.starts_with("... "))
        .unwrap_or(false)
    {
        output.len() - 1
    } else {
        output.len()
    };
    for l in lens.iter().take(out_len) {
        total += l + sep;
        if *l > max_len {
            max_len = *l;
        }
    }
    let actual_max = max_len + sep;
    if actual_max * 3 + cx.indent < 80 && (total as f64 / actual_max as f64 > 5.0 || max_len <= 6) {
        let approx = 2.5;
        let average_bias = (actual_max as f64 - total as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = ((approx * biased_max * out_len as f64).sqrt() / biased_max)
            .round()
            .min(((80 - cx.indent) / actual_max) as f64)
            .min(3.0 * 4.0)
            .min(15.0) as usize;
        if columns <= 1 {
            return output;
        }
        let mut tmp = Vec::new();
        let mut max_line = Vec::new();
        for i in 0..columns {
            let mut line_len = 0;
            let mut j = i;
            while j < out_len {
                if lens[j] > line_len {
                    line_len = lens[j];
                }
                j += columns;
            }
            max_line.push(line_len + sep);
        }
        let mut i = 0;
        while i < out_len {
            let max = (i + columns).min(out_len);
            let mut s = String::new();
            let mut j = i;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let pad = max_line[j - i];
                if numeric {
                    s.push_str(&format!("{cell:>pad$}"));
                } else {
                    s.push_str(&format!("{cell:<pad$}"));
                }
                j += 1;
            }
            if numeric {
                let pad = max_line[j - i] - sep;
                s.push_str(&format!("{:>pad$}", output[j]));
            } else {
                s.push_str(&output[j]);
            }
            tmp.push(s);
            i += columns;
        }
        if out_len < output.len() {
            tmp.push(output[out_len].clone());
        }
        return tmp;
    }
    output
}

fn reduce(
    cx: &mut Ctx,
    mut output: Vec<String>,
    prefix: &str,
    braces: Braces,
    is_array: bool,
    depth: usize,
) -> String {
    let (open, close) = match braces {
        Braces::Arr => ("[", "]"),
        Braces::Obj => ("{", "}"),
    };
    let base = prefix.trim_end();
    if output.is_empty() {
        return match braces {
            Braces::Arr => format!("{}[]", prefix),
            Braces::Obj => {
                if base.is_empty() {
                    "{}".into()
                } else {
                    format!("{base} {{}}")
                }
            }
        };
    }
    let entries = output.len();
    let recurse_times = depth + 1;
    if is_array && entries > 6 {
        let numeric = output.iter().all(|s| {
            s.parse::<f64>().is_ok() || s.ends_with('n') && s[..s.len() - 1].parse::<f64>().is_ok()
        });
        output = group_array(cx, output, numeric);
    }
    let start_open = if base.is_empty() {
        open.to_string()
    } else {
        format!("{base} {open}")
    };
    if cx.current_depth - recurse_times < 3 && entries == output.len() {
        let start = output.len() + cx.indent + open.len() + base.len() + 10;
        if is_below_break(cx, &output, start, base) {
            let joined = output.join(", ");
            if !joined.contains('\n') {
                return format!("{start_open} {joined} {close}");
            }
        }
    }
    let ind = format!("\n{}", " ".repeat(cx.indent));
    format!(
        "{start_open}{ind}  {}{ind}{close}",
        output.join(&format!(",{ind}  "))
    )
}
