//! The WHATWG URL API as Node has it: `URL` (parsed and serialized by the `url`
//! crate, which implements the URL Standard), its component getters and setters, a
//! live `searchParams`, and `URLSearchParams` (form-urlencoded pairs kept in sync
//! with their URL), with Node's `ERR_INVALID_URL` and its `URL {...}` inspection.

use super::make_ctor;
use crate::heap::{BuiltinData, Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// A URL object's state.
#[derive(Clone, Debug)]
pub struct UrlData {
    pub url: ::url::Url,
    /// Its `searchParams` object, once read.
    pub params: Option<ObjRef>,
}

/// A URLSearchParams object's state.
#[derive(Clone, Debug)]
pub struct ParamsData {
    pub pairs: Vec<(String, String)>,
    /// The URL whose query these are.
    pub url: Option<ObjRef>,
}

fn url_data(vm: &Vm, o: ObjRef) -> Option<&UrlData> {
    match vm.heap.kind(o) {
        Some(Kind::Builtin(b)) => match &**b {
            BuiltinData::Url(u) => Some(u),
            _ => None,
        },
        _ => None,
    }
}

fn url_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut UrlData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Builtin(b)) => match &mut **b {
            BuiltinData::Url(u) => Some(u),
            _ => None,
        },
        _ => None,
    }
}

fn params_data(vm: &Vm, o: ObjRef) -> Option<&ParamsData> {
    match vm.heap.kind(o) {
        Some(Kind::Builtin(b)) => match &**b {
            BuiltinData::SearchParams(p) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

fn params_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut ParamsData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Builtin(b)) => match &mut **b {
            BuiltinData::SearchParams(p) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

fn invalid_url(vm: &mut Vm, input: &str, base: Option<&str>) -> Throw {
    let e = vm.make_error("TypeError", "Invalid URL");
    if let Value::Obj(o) = &e {
        let frames = match vm.heap.get_mut(*o).map(|x| &mut x.kind) {
            Some(Kind::Error(f)) => f.take(),
            _ => None,
        };
        let stack = format!(
            "TypeError [ERR_INVALID_URL]: Invalid URL{}",
            frames.as_deref().unwrap_or("")
        );
        vm.set_hidden(*o, "stack", Value::str(&stack));
        vm.set_prop_raw(*o, "code", Value::str("ERR_INVALID_URL"));
        vm.set_prop_raw(*o, "input", Value::str(input));
        if let Some(b) = base {
            vm.set_prop_raw(*o, "base", Value::str(b));
        }
    }
    Throw::Js(e)
}

fn parse(input: &str, base: Option<&str>) -> Option<::url::Url> {
    match base {
        Some(b) => {
            let b = ::url::Url::parse(b).ok()?;
            ::url::Url::options().base_url(Some(&b)).parse(input).ok()
        }
        None => ::url::Url::parse(input).ok(),
    }
}

fn url_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Class constructor URL cannot be invoked without 'new'"));
    }
    if c.args.is_empty() {
        return Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_MISSING_ARGS",
            "The \"url\" argument must be specified",
        ));
    }
    let input = vm.to_string(&c.arg(0))?.to_string();
    let base = match c.arg(1) {
        Value::Undefined => None,
        v => Some(vm.to_string(&v)?.to_string()),
    };
    let Some(url) = parse(&input, base.as_deref()) else {
        return Err(invalid_url(vm, &input, base.as_deref()));
    };
    let default = vm.realm.url_proto;
    let p = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(
        Some(p),
        Kind::Builtin(Box::new(BuiltinData::Url(Box::new(UrlData {
            url,
            params: None,
        })))),
    )))
}

fn can_parse(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let input = vm.to_string(&c.arg(0))?.to_string();
    let base = match c.arg(1) {
        Value::Undefined => None,
        v => Some(vm.to_string(&v)?.to_string()),
    };
    Ok(Value::Bool(parse(&input, base.as_deref()).is_some()))
}

fn this_url(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if url_data(vm, o).is_some() => Ok(o),
        _ => Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_INVALID_THIS",
            "Value of \"this\" must be of type URL",
        )),
    }
}

fn slot(vm: &Vm, c: &NativeCall) -> crate::value::JsStr {
    match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => "".into(),
    }
}

/// A URL component by its IDL name.
fn component(u: &::url::Url, name: &str) -> String {
    match name {
        "href" => u.as_str().to_string(),
        "origin" => u.origin().ascii_serialization(),
        "protocol" => format!("{}:", u.scheme()),
        "username" => u.username().to_string(),
        "password" => u.password().unwrap_or("").to_string(),
        "host" => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            _ => String::new(),
        },
        "hostname" => u.host_str().unwrap_or("").to_string(),
        "port" => u.port().map(|p| p.to_string()).unwrap_or_default(),
        "pathname" => u.path().to_string(),
        "search" => match u.query() {
            Some(q) if !q.is_empty() => format!("?{q}"),
            _ => String::new(),
        },
        "hash" => match u.fragment() {
            Some(f) if !f.is_empty() => format!("#{f}"),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

fn url_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_url(vm, c)?;
    let name = slot(vm, c);
    let Some(d) = url_data(vm, o) else {
        return Ok(Value::Undefined);
    };
    Ok(Value::str(&component(&d.url, &name)))
}

fn url_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_url(vm, c)?;
    let name = slot(vm, c);
    let v = vm.to_string(&c.arg(0))?.to_string();
    if &*name == "href" {
        let Some(u) = ::url::Url::parse(&v).ok() else {
            return Err(invalid_url(vm, &v, None));
        };
        if let Some(d) = url_mut(vm, o) {
            d.url = u;
        }
        refresh_params(vm, o);
        return Ok(Value::Undefined);
    }
    if let Some(d) = url_mut(vm, o) {
        let u = &mut d.url;
        // Invalid component values are ignored, as the URL Standard's setters do.
        let _ = match &*name {
            "protocol" => u.set_scheme(v.trim_end_matches(':')),
            "username" => u.set_username(&v),
            "password" => u.set_password(Some(&v).filter(|p| !p.is_empty()).map(|p| p.as_str())),
            "host" => {
                let (h, p) = match v.rsplit_once(':') {
                    Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => (h, Some(p)),
                    _ => (v.as_str(), None),
                };
                u.set_host(Some(h)).map_err(|_| ()).and_then(|_| match p {
                    Some(p) => u.set_port(p.parse().ok()),
                    None => Ok(()),
                })
            }
            "hostname" => u.set_host(Some(&v)).map_err(|_| ()),
            "port" => u.set_port(if v.is_empty() { None } else { v.parse().ok() }),
            "pathname" => {
                u.set_path(&v);
                Ok(())
            }
            "search" => {
                let q = v.strip_prefix('?').unwrap_or(&v);
                u.set_query(if q.is_empty() { None } else { Some(q) });
                Ok(())
            }
            "hash" => {
                let h = v.strip_prefix('#').unwrap_or(&v);
                u.set_fragment(if h.is_empty() { None } else { Some(h) });
                Ok(())
            }
            _ => Ok(()),
        };
    }
    if &*name == "search" {
        refresh_params(vm, o);
    }
    Ok(Value::Undefined)
}

/// Re-reads a URL's `searchParams` from its query.
fn refresh_params(vm: &mut Vm, url_obj: ObjRef) {
    let (params, pairs) = match url_data(vm, url_obj) {
        Some(d) => (d.params, query_pairs(&d.url)),
        None => return,
    };
    if let Some(p) = params.and_then(|p| params_mut(vm, p)) {
        p.pairs = pairs;
    }
}

fn query_pairs(u: &::url::Url) -> Vec<(String, String)> {
    u.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn url_search_params(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_url(vm, c)?;
    let (existing, pairs) = match url_data(vm, o) {
        Some(d) => (d.params, query_pairs(&d.url)),
        None => return Ok(Value::Undefined),
    };
    if let Some(p) = existing {
        return Ok(Value::Obj(p));
    }
    let p = new_params(vm, pairs, Some(o), None);
    if let Some(d) = url_mut(vm, o) {
        d.params = Some(p);
    }
    Ok(Value::Obj(p))
}

fn url_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_url(vm, c)?;
    Ok(Value::str(
        url_data(vm, o).map(|d| d.url.as_str()).unwrap_or(""),
    ))
}

const URL_FIELDS: [&str; 11] = [
    "href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname",
    "search", "hash",
];

/// Node's `URL {...}` inspection (all components, `searchParams` before `hash`).
fn url_inspect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_url(vm, c)?;
    let obj = vm.new_object();
    for f in URL_FIELDS {
        if f == "hash" {
            let sp = url_search_params(vm, c)?;
            vm.set_prop_raw(obj, "searchParams", sp);
        }
        let v = url_data(vm, o)
            .map(|d| component(&d.url, f))
            .unwrap_or_default();
        vm.set_prop_raw(obj, f, Value::str(&v));
    }
    let opts = crate::inspect::opts_from(vm, &c.arg(1))?;
    let s = crate::inspect::inspect_with(vm, &Value::Obj(obj), &opts)?;
    Ok(Value::str(&format!("URL {s}")))
}

// ---- URLSearchParams ----

fn new_params(
    vm: &mut Vm,
    pairs: Vec<(String, String)>,
    url: Option<ObjRef>,
    proto: Option<ObjRef>,
) -> ObjRef {
    let p = proto.unwrap_or(vm.realm.search_params_proto);
    vm.alloc(
        Some(p),
        Kind::Builtin(Box::new(BuiltinData::SearchParams(Box::new(ParamsData {
            pairs,
            url,
        })))),
    )
}

fn parse_query(s: &str) -> Vec<(String, String)> {
    let s = s.strip_prefix('?').unwrap_or(s);
    ::url::form_urlencoded::parse(s.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn serialize(pairs: &[(String, String)]) -> String {
    ::url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .finish()
}

fn params_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(
            vm.type_error("Class constructor URLSearchParams cannot be invoked without 'new'")
        );
    }
    let init = c.arg(0);
    let pairs = match &init {
        Value::Undefined | Value::Null => Vec::new(),
        Value::Obj(o) if params_data(vm, *o).is_some() => params_data(vm, *o)
            .map(|p| p.pairs.clone())
            .unwrap_or_default(),
        Value::Obj(o) => {
            let iter = vm.get(&init, &PropKey::Sym(crate::interp::sym::ITERATOR))?;
            if vm.is_callable(&iter) {
                let mut pairs = Vec::new();
                for item in vm.iterate_to_vec(&init)? {
                    let pair = if matches!(item, Value::Obj(_)) {
                        vm.iterate_to_vec(&item)?
                    } else {
                        Vec::new()
                    };
                    if pair.len() != 2 {
                        return Err(crate::env_node::node_error(
                            vm,
                            "TypeError",
                            "ERR_INVALID_TUPLE",
                            "Each query pair must be an iterable [name, value] tuple",
                        ));
                    }
                    let k = vm.to_string(&pair[0])?.to_string();
                    let v = vm.to_string(&pair[1])?.to_string();
                    pairs.push((k, v));
                }
                pairs
            } else {
                let mut pairs = Vec::new();
                for k in vm.enumerable_keys(*o)? {
                    let v = vm.get(&init, &PropKey::Str(k.clone()))?;
                    let v = vm.to_string(&v)?.to_string();
                    pairs.push((k.to_string(), v));
                }
                pairs
            }
        }
        v => {
            let s = vm.to_string(v)?;
            parse_query(&s)
        }
    };
    let default = vm.realm.search_params_proto;
    let p = vm.proto_for(c, default)?;
    Ok(Value::Obj(new_params(vm, pairs, None, Some(p))))
}

fn this_params(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if params_data(vm, o).is_some() => Ok(o),
        _ => Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_INVALID_THIS",
            "Value of \"this\" must be of type URLSearchParams",
        )),
    }
}

/// Writes a changed pair list back to the owning URL's query.
fn update_url(vm: &mut Vm, p: ObjRef) {
    let (url, q) = match params_data(vm, p) {
        Some(d) => (d.url, serialize(&d.pairs)),
        None => return,
    };
    if let Some(d) = url.and_then(|u| url_mut(vm, u)) {
        d.url.set_query(if q.is_empty() { None } else { Some(&q) });
    }
}

fn str_arg(vm: &mut Vm, c: &NativeCall, i: usize, method: &str, need: usize) -> Res<String> {
    if c.args.len() < need {
        let names = if need == 2 {
            "\"name\" and \"value\" arguments"
        } else {
            "\"name\" argument"
        };
        let _ = method;
        return Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_MISSING_ARGS",
            &format!("The {names} must be specified"),
        ));
    }
    Ok(vm.to_string(&c.arg(i))?.to_string())
}

fn sp_append(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "append", 2)?;
    let v = str_arg(vm, c, 1, "append", 2)?;
    if let Some(d) = params_mut(vm, p) {
        d.pairs.push((k, v));
    }
    update_url(vm, p);
    Ok(Value::Undefined)
}

fn sp_delete(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "delete", 1)?;
    let v = match c.arg(1) {
        Value::Undefined => None,
        v => Some(vm.to_string(&v)?.to_string()),
    };
    if let Some(d) = params_mut(vm, p) {
        d.pairs
            .retain(|(a, b)| !(*a == k && v.as_ref().is_none_or(|v| v == b)));
    }
    update_url(vm, p);
    Ok(Value::Undefined)
}

fn sp_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "get", 1)?;
    Ok(params_data(vm, p)
        .and_then(|d| d.pairs.iter().find(|(a, _)| *a == k))
        .map(|(_, v)| Value::str(v))
        .unwrap_or(Value::Null))
}

fn sp_get_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "getAll", 1)?;
    let vals: Vec<Value> = params_data(vm, p)
        .map(|d| {
            d.pairs
                .iter()
                .filter(|(a, _)| *a == k)
                .map(|(_, v)| Value::str(v))
                .collect()
        })
        .unwrap_or_default();
    Ok(vm.array_value(vals))
}

fn sp_has(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "has", 1)?;
    let v = match c.arg(1) {
        Value::Undefined => None,
        v => Some(vm.to_string(&v)?.to_string()),
    };
    Ok(Value::Bool(params_data(vm, p).is_some_and(|d| {
        d.pairs
            .iter()
            .any(|(a, b)| *a == k && v.as_ref().is_none_or(|v| v == b))
    })))
}

fn sp_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let k = str_arg(vm, c, 0, "set", 2)?;
    let v = str_arg(vm, c, 1, "set", 2)?;
    if let Some(d) = params_mut(vm, p) {
        match d.pairs.iter().position(|(a, _)| *a == k) {
            Some(i) => {
                d.pairs[i].1 = v;
                let mut seen = false;
                let mut idx = 0;
                d.pairs.retain(|(a, _)| {
                    let keep = *a != k || {
                        let first = !seen && idx >= i;
                        if first {
                            seen = true;
                        }
                        first
                    };
                    idx += 1;
                    keep
                });
            }
            None => d.pairs.push((k, v)),
        }
    }
    update_url(vm, p);
    Ok(Value::Undefined)
}

fn sp_sort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    if let Some(d) = params_mut(vm, p) {
        d.pairs.sort_by_key(|a| crate::value::utf16(&a.0));
    }
    update_url(vm, p);
    Ok(Value::Undefined)
}

fn sp_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    Ok(Value::str(
        &params_data(vm, p)
            .map(|d| serialize(&d.pairs))
            .unwrap_or_default(),
    ))
}

fn sp_size(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    Ok(Value::Num(
        params_data(vm, p).map(|d| d.pairs.len()).unwrap_or(0) as f64,
    ))
}

fn sp_for_each(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let shown = crate::inspect::inspect(vm, &f)?;
        return Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_INVALID_ARG_TYPE",
            &format!("The \"callback\" argument must be of type function. Received {shown}"),
        ));
    }
    let mut i = 0;
    while let Some((k, v)) = params_data(vm, p).and_then(|d| d.pairs.get(i).cloned()) {
        vm.call(
            &f,
            c.arg(1),
            vec![Value::str(&v), Value::str(&k), Value::Obj(p)],
        )?;
        i += 1;
    }
    Ok(Value::Undefined)
}

/// `keys`/`values`/`entries`/`@@iterator` (slot: 0 keys, 1 values, 2 entries).
fn sp_iter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Num(n) => n as u8,
        _ => 2,
    };
    let pairs = params_data(vm, p)
        .map(|d| d.pairs.clone())
        .unwrap_or_default();
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        items.push(match which {
            0 => Value::str(&k),
            1 => Value::str(&v),
            _ => vm.array_value(vec![Value::str(&k), Value::str(&v)]),
        });
    }
    let arr = vm.array_value(items);
    let values = vm.get(&Value::Obj(vm.realm.array_proto), &PropKey::s("values"))?;
    vm.call(&values, arr, vec![])
}

/// Node's `URLSearchParams { 'a' => '1' }`.
fn sp_inspect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_params(vm, c)?;
    let pairs = params_data(vm, p)
        .map(|d| d.pairs.clone())
        .unwrap_or_default();
    let mut out = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let k = crate::inspect::inspect(vm, &Value::str(&k))?;
        let v = crate::inspect::inspect(vm, &Value::str(&v))?;
        out.push(format!("{k} => {v}"));
    }
    let name = crate::inspect::constructor_name(vm, p).unwrap_or_else(|| "URLSearchParams".into());
    let len: usize = out
        .iter()
        .map(|s| s.chars().count() + 2)
        .sum::<usize>()
        .saturating_sub(2);
    Ok(Value::str(&if out.is_empty() {
        format!("{name} {{}}")
    } else if len > 80 {
        format!("{name} {{\n  {} }}", out.join(",\n  "))
    } else {
        format!("{name} {{ {} }}", out.join(", "))
    }))
}

/// `url.fileURLToPath` / `url.pathToFileURL` of Node's `url` module.
fn file_url_to_path(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = match c.arg(0).as_obj().and_then(|o| url_data(vm, o)) {
        Some(d) => d.url.to_string(),
        None => vm.to_string(&c.arg(0))?.to_string(),
    };
    match ::url::Url::parse(&s)
        .ok()
        .filter(|u| u.scheme() == "file")
        .and_then(|u| u.to_file_path().ok())
    {
        Some(p) => Ok(Value::str(&p.to_string_lossy())),
        None => Err(crate::env_node::node_error(
            vm,
            "TypeError",
            "ERR_INVALID_URL_SCHEME",
            "The URL must be of scheme file",
        )),
    }
}

fn path_to_file_url(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = vm.to_string(&c.arg(0))?.to_string();
    let abs = if p.starts_with('/') {
        p
    } else {
        format!("/{p}")
    };
    let u = ::url::Url::parse(&format!("file://{abs}")).ok();
    match u {
        Some(u) => {
            let proto = vm.realm.url_proto;
            Ok(Value::Obj(vm.alloc(
                Some(proto),
                Kind::Builtin(Box::new(BuiltinData::Url(Box::new(UrlData {
                    url: u,
                    params: None,
                })))),
            )))
        }
        None => Err(invalid_url(vm, &abs, None)),
    }
}

/// Node's `require('url')`.
pub fn url_module(vm: &mut Vm) -> Value {
    let m = vm.new_object();
    let g = Value::Obj(vm.realm.global);
    for k in ["URL", "URLSearchParams"] {
        let v = vm.get(&g, &PropKey::s(k)).unwrap_or_default();
        vm.set_prop_raw(m, k, v);
    }
    let fns: [(&str, u32, NativeFnPtr); 2] = [
        ("fileURLToPath", 1, file_url_to_path),
        ("pathToFileURL", 1, path_to_file_url),
    ];
    for (n, l, f) in fns {
        let func = vm.native(n, l, f);
        vm.set_prop_raw(m, n, Value::Obj(func));
    }
    Value::Obj(m)
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let up = vm.heap.alloc(Some(op), Kind::Ordinary);
    vm.realm.url_proto = up;
    let uc = make_ctor(vm, "URL", 1, url_ctor, up);
    vm.method(uc, "canParse", 1, can_parse);
    for f in URL_FIELDS {
        let g = vm.native_with(&format!("get {f}"), 0, url_get, vec![Value::str(f)], false);
        let s = (f != "origin")
            .then(|| vm.native_with(&format!("set {f}"), 1, url_set, vec![Value::str(f)], false));
        if let Some(o) = vm.heap.get_mut(up) {
            o.props.insert(
                PropKey::s(f),
                crate::heap::Prop {
                    v: crate::heap::PropVal::Accessor(Some(g), s),
                    enumerable: true,
                    writable: false,
                    configurable: true,
                },
            );
        }
    }
    super::getter(vm, up, "searchParams", url_search_params);
    vm.method(up, "toString", 0, url_to_string);
    vm.method(up, "toJSON", 0, url_to_string);
    if !vm.browser {
        // Node's own inspection (jsdom's URL, from another realm, prints as `URL {}`).
        let f = vm.native("[nodejs.util.inspect.custom]", 2, url_inspect);
        vm.set_hidden_key(up, PropKey::Sym(crate::interp::sym::INSPECT), Value::Obj(f));
    }
    vm.set_tag(up, "URL");

    let sp = vm.heap.alloc(Some(op), Kind::Ordinary);
    vm.realm.search_params_proto = sp;
    make_ctor(vm, "URLSearchParams", 0, params_ctor, sp);
    let methods: [(&str, u32, NativeFnPtr); 10] = [
        ("append", 2, sp_append),
        ("delete", 1, sp_delete),
        ("get", 1, sp_get),
        ("getAll", 1, sp_get_all),
        ("has", 1, sp_has),
        ("set", 2, sp_set),
        ("sort", 0, sp_sort),
        ("toString", 0, sp_to_string),
        ("forEach", 1, sp_for_each),
        ("[nodejs.util.inspect.custom]", 2, sp_inspect),
    ];
    for (n, l, f) in methods {
        if n.starts_with('[') && !vm.browser {
            let func = vm.native(n, l, f);
            vm.set_hidden_key(
                sp,
                PropKey::Sym(crate::interp::sym::INSPECT),
                Value::Obj(func),
            );
        } else if !n.starts_with('[') {
            vm.method(sp, n, l, f);
        }
    }
    super::getter(vm, sp, "size", sp_size);
    for (i, n) in ["keys", "values", "entries"].iter().enumerate() {
        let f = vm.native_with(n, 0, sp_iter, vec![Value::Num(i as f64)], false);
        vm.set_hidden(sp, n, Value::Obj(f));
        if i == 2 {
            vm.set_hidden_key(
                sp,
                PropKey::Sym(crate::interp::sym::ITERATOR),
                Value::Obj(f),
            );
        }
    }
    vm.set_tag(sp, "URLSearchParams");
}
