//! The DOM's exotic collection objects, whose indexed and named properties come from
//! the document: live NodeLists and HTMLCollections (`childNodes`, `children`,
//! `getElementsByTagName`, `rows`, `form.elements`...), static NodeLists
//! (`querySelectorAll`), DOMTokenList (`classList`), DOMStringMap (`dataset`),
//! NamedNodeMap and Attr (`attributes`), and CSSStyleDeclaration (`style`).
//!
//! Like jsdom's proxies, their synthesized properties are visible to property access,
//! `in`, `Object.keys` and spread, while `util.inspect` shows the bare wrapper
//! (`HTMLCollection {}`), as Node prints a proxy's target.

use super::css;
use super::node::{self, Cache};
use super::HostObj;
use crate::heap::{Kind, NativeCall, Prop, PropVal};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// Where a collection's items come from.
#[derive(Debug, Clone)]
pub enum ListSrc {
    /// `childNodes` (a live NodeList).
    ChildNodes(ObjRef),
    /// `querySelectorAll`, record node lists (a static NodeList).
    Static(Vec<ObjRef>),
    /// `children`.
    Children(ObjRef),
    /// `getElementsByTagName` (`*` for every element).
    ByTag(ObjRef, String),
    /// `getElementsByClassName`.
    ByClass(ObjRef, Vec<String>),
    /// `getElementsByName` (a live NodeList).
    ByName(ObjRef, String),
    /// A table's or table section's `rows`.
    Rows(ObjRef),
    /// A row's `cells`.
    Cells(ObjRef),
    /// A table's `tBodies`.
    TBodies(ObjRef),
    /// A form's `elements`.
    FormElements(ObjRef),
    /// A select's `options`.
    Options(ObjRef),
    /// A select's `selectedOptions`.
    SelectedOptions(ObjRef),
    /// The window's named property `name` when several elements have it.
    WindowNamed(ObjRef, String),
}

/// Which attribute a DOMTokenList reflects.
#[derive(Debug, Clone, Copy)]
pub enum TokenAttr {
    Class,
    Rel,
}

impl TokenAttr {
    fn name(self) -> &'static str {
        match self {
            TokenAttr::Class => "class",
            TokenAttr::Rel => "rel",
        }
    }
}

/// A CSSStyleDeclaration's declarations: an element's `style` attribute or a
/// `getComputedStyle` snapshot.
#[derive(Clone, Debug)]
pub enum StyleSrc {
    Inline(ObjRef),
    Computed(Vec<css::Decl>),
}

impl ListSrc {
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        match self {
            ListSrc::Static(v) => {
                for (i, o) in v.iter().enumerate() {
                    f(Edge::Element(i), Strength::Strong, *o);
                }
            }
            ListSrc::ChildNodes(o)
            | ListSrc::Children(o)
            | ListSrc::ByTag(o, _)
            | ListSrc::ByClass(o, _)
            | ListSrc::ByName(o, _)
            | ListSrc::Rows(o)
            | ListSrc::Cells(o)
            | ListSrc::TBodies(o)
            | ListSrc::FormElements(o)
            | ListSrc::Options(o)
            | ListSrc::SelectedOptions(o)
            | ListSrc::WindowNamed(o, _) => {
                f(Edge::Internal("collection root"), Strength::Strong, *o)
            }
        }
    }
}

/// The items of a collection now.
pub fn items(vm: &Vm, src: &ListSrc) -> Vec<ObjRef> {
    let elements_under = |root: ObjRef| -> Vec<ObjRef> {
        node::descendants(vm, root)
            .into_iter()
            .filter(|d| node::is_element(vm, *d))
            .collect()
    };
    let children_named = |p: ObjRef, names: &[&str]| -> Vec<ObjRef> {
        node::children(vm, p)
            .iter()
            .copied()
            .filter(|c| node::local(vm, *c).is_some_and(|l| names.contains(&l)))
            .collect()
    };
    match src {
        ListSrc::ChildNodes(p) => node::children(vm, *p).to_vec(),
        ListSrc::Static(v) => v.clone(),
        ListSrc::Children(p) => node::element_children(vm, *p),
        ListSrc::ByTag(root, t) => elements_under(*root)
            .into_iter()
            .filter(|e| t == "*" || node::local(vm, *e) == Some(t.as_str()))
            .collect(),
        ListSrc::ByClass(root, classes) => elements_under(*root)
            .into_iter()
            .filter(|e| {
                let cl = node::elem(vm, *e)
                    .and_then(|x| x.attr("class"))
                    .unwrap_or("");
                !classes.is_empty()
                    && classes
                        .iter()
                        .all(|c| cl.split_ascii_whitespace().any(|x| x == c))
            })
            .collect(),
        ListSrc::ByName(root, n) => elements_under(*root)
            .into_iter()
            .filter(|e| node::elem(vm, *e).and_then(|x| x.attr("name")) == Some(n.as_str()))
            .collect(),
        ListSrc::Rows(t) => {
            if node::local(vm, *t) == Some("table") {
                let mut out = Vec::new();
                for part in ["thead", "", "tfoot"] {
                    for c in node::children(vm, *t) {
                        let l = node::local(vm, *c).unwrap_or("");
                        if part.is_empty() && l == "tr" {
                            out.push(*c);
                        } else if (part.is_empty() && l == "tbody")
                            || (!part.is_empty() && l == part)
                        {
                            out.extend(children_named(*c, &["tr"]));
                        }
                    }
                }
                out
            } else {
                children_named(*t, &["tr"])
            }
        }
        ListSrc::Cells(r) => children_named(*r, &["td", "th"]),
        ListSrc::TBodies(t) => children_named(*t, &["tbody"]),
        ListSrc::FormElements(f) => elements_under(*f)
            .into_iter()
            .filter(|e| {
                let l = node::local(vm, *e).unwrap_or("");
                super::idl::is_listed(l)
                    && !(l == "input" && super::idl::input_type(vm, *e) == "image")
            })
            .collect(),
        ListSrc::Options(s) => elements_under(*s)
            .into_iter()
            .filter(|e| node::local(vm, *e) == Some("option"))
            .collect(),
        ListSrc::SelectedOptions(s) => elements_under(*s)
            .into_iter()
            .filter(|e| node::local(vm, *e) == Some("option") && super::idl::is_selected(vm, *e))
            .collect(),
        ListSrc::WindowNamed(root, n) => elements_under(*root)
            .into_iter()
            .filter(|e| is_window_named(vm, *e, n))
            .collect(),
    }
}

/// True when element `e` is a named property `name` of the window: its id, or the
/// name of the elements jsdom exposes by name.
fn is_window_named(vm: &Vm, e: ObjRef, name: &str) -> bool {
    let Some(el) = node::elem(vm, e) else {
        return false;
    };
    el.attr("id") == Some(name)
        || (el.attr("name") == Some(name)
            && matches!(
                el.local.as_str(),
                "a" | "area" | "embed" | "form" | "frameset" | "img" | "object"
            ))
}

/// The window's named property `name` (`window.myButton` for `<button id="myButton">`):
/// the element, a live HTMLCollection when several share the name, else `None`.
fn window_named(vm: &mut Vm, name: &str) -> Option<Value> {
    if name.is_empty() {
        return None;
    }
    let root = vm.dom.document?;
    let src = ListSrc::WindowNamed(root, name.to_string());
    let found = items(vm, &src);
    match found.len() {
        0 => None,
        1 => Some(Value::Obj(found[0])),
        _ => Some(Value::Obj(new_list(vm, src))),
    }
}

fn is_node_list(src: &ListSrc) -> bool {
    matches!(
        src,
        ListSrc::ChildNodes(_) | ListSrc::Static(_) | ListSrc::ByName(..)
    )
}

/// A new collection object of the right interface for `src`.
pub fn new_list(vm: &mut Vm, src: ListSrc) -> ObjRef {
    let proto = match &src {
        s if is_node_list(s) => vm.dom.node_list_proto,
        ListSrc::FormElements(_) => vm.dom.form_controls_proto,
        ListSrc::Options(_) => vm.dom.options_proto,
        _ => vm.dom.html_collection_proto,
    };
    vm.alloc(Some(proto), Kind::Host(Box::new(HostObj::List(src))))
}

pub fn static_node_list(vm: &mut Vm, items: Vec<ObjRef>) -> ObjRef {
    new_list(vm, ListSrc::Static(items))
}

/// The `[SameObject]` live collection `slot` of node `o`.
pub fn cached_list(vm: &mut Vm, o: ObjRef, slot: Cache, src: ListSrc) -> ObjRef {
    node::cached(vm, o, slot, |vm| new_list(vm, src))
}

fn host(vm: &Vm, o: ObjRef) -> Option<&HostObj> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => Some(h),
        _ => None,
    }
}

fn list_src(vm: &Vm, o: ObjRef) -> Option<&ListSrc> {
    match host(vm, o)? {
        HostObj::List(s) => Some(s),
        _ => None,
    }
}

/// True when `key` is found on `o`'s prototype chain (named properties yield to it).
fn on_proto_chain(vm: &Vm, o: ObjRef, key: &PropKey) -> bool {
    let mut cur = vm.heap.get(o).and_then(|x| x.proto);
    while let Some(p) = cur {
        let Some(obj) = vm.heap.get(p) else { break };
        if obj.props.contains_key(key) {
            return true;
        }
        cur = obj.proto;
    }
    false
}

/// A collection's `namedItem`: the first element whose id, or (for some elements)
/// name, is `name`.
fn named_item(vm: &Vm, items: &[ObjRef], name: &str) -> Option<ObjRef> {
    if name.is_empty() {
        return None;
    }
    items.iter().copied().find(|e| {
        node::elem(vm, *e)
            .is_some_and(|x| x.attr("id") == Some(name) || x.attr("name") == Some(name))
    })
}

/// The exotic [[Get]] of collections, token lists, string maps and styles; `None`
/// when the ordinary lookup applies.
pub fn get(vm: &mut Vm, o: ObjRef, key: &PropKey) -> Res<Option<Value>> {
    let Some(h) = host(vm, o) else {
        return Ok(None);
    };
    Ok(match h {
        HostObj::NamedProperties => match key.as_str() {
            Some(name) if !on_proto_chain(vm, o, key) => window_named(vm, name),
            _ => None,
        },
        HostObj::List(src) => {
            let src = src.clone();
            let all = items(vm, &src);
            if let Some(i) = key.as_index() {
                return Ok(all.get(i as usize).map(|x| Value::Obj(*x)));
            }
            match key {
                PropKey::Str(s) if !is_node_list(&src) && !on_proto_chain(vm, o, key) => {
                    if vm.heap.get(o).is_some_and(|x| x.props.contains_key(key)) {
                        return Ok(None);
                    }
                    named_item(vm, &all, s).map(Value::Obj)
                }
                _ => None,
            }
        }
        HostObj::TokenList(el, attr) => {
            let i = key.as_index();
            let toks = tokens(vm, *el, *attr);
            i.and_then(|i| toks.get(i as usize).map(|t| Value::str(t)))
        }
        HostObj::StringMap(el) => match key {
            PropKey::Str(s) if !on_proto_chain(vm, o, key) => {
                let a = data_attr_name(s);
                node::get_attr(vm, *el, &a).map(|v| Value::str(&v))
            }
            _ => None,
        },
        HostObj::AttrMap(el) => {
            let el = *el;
            let names: Vec<String> = node::elem(vm, el)
                .map(|e| e.attrs.iter().map(|(n, _)| n.clone()).collect())
                .unwrap_or_default();
            let name = match key.as_index() {
                Some(i) => names.get(i as usize).cloned(),
                None => key
                    .as_str()
                    .filter(|s| !on_proto_chain(vm, o, key) && names.iter().any(|n| n == s))
                    .map(str::to_string),
            };
            name.map(|n| Value::Obj(attr_object(vm, el, &n)))
        }
        HostObj::Style(_) => {
            if let Some(i) = key.as_index() {
                let d = decls(vm, o);
                return Ok(d.get(i as usize).map(|x| Value::str(&x.0)));
            }
            match key.as_str().and_then(css::property_name) {
                Some(p) if !on_proto_chain(vm, o, key) => {
                    let d = decls(vm, o);
                    Some(Value::str(
                        d.iter()
                            .find(|x| x.0 == p)
                            .map(|x| x.1.as_str())
                            .unwrap_or(""),
                    ))
                }
                _ => None,
            }
        }
        _ => None,
    })
}

/// The exotic [[Set]]; true when handled.
pub fn set(vm: &mut Vm, o: ObjRef, key: &PropKey, v: &Value) -> Res<bool> {
    let Some(h) = host(vm, o) else {
        return Ok(false);
    };
    match h {
        HostObj::StringMap(el) => {
            let el = *el;
            let Some(s) = key.as_str() else {
                return Ok(false);
            };
            if on_proto_chain(vm, o, key) {
                return Ok(false);
            }
            let bytes = s.as_bytes();
            if bytes
                .windows(2)
                .any(|w| w[0] == b'-' && w[1].is_ascii_lowercase())
            {
                return Err(super::exception(
                    vm,
                    "SyntaxError",
                    &format!("'{s}' is not a valid property name"),
                ));
            }
            let val = vm.to_string(v)?.to_string();
            let a = data_attr_name(s);
            node::set_attr(vm, el, &a, &val);
            Ok(true)
        }
        HostObj::Style(src) => {
            let el = match src {
                StyleSrc::Inline(el) => Some(*el),
                StyleSrc::Computed(_) => None,
            };
            let Some(p) = key.as_str().and_then(css::property_name) else {
                return Ok(false);
            };
            if on_proto_chain(vm, o, key) {
                return Ok(false);
            }
            let val = if v.is_nullish() {
                String::new()
            } else {
                vm.to_string(v)?.to_string()
            };
            match el {
                Some(el) => set_property(vm, el, &p, &val, false),
                None => {
                    return Err(super::exception(
                        vm,
                        "NoModificationAllowedError",
                        "CSSStyleDeclaration is read-only.",
                    ))
                }
            }
            Ok(true)
        }
        HostObj::List(_) | HostObj::TokenList(..) | HostObj::AttrMap(_) => {
            Ok(key.as_index().is_some())
        }
        _ => Ok(false),
    }
}

/// The exotic [[Delete]]; `Some(result)` when handled.
pub fn delete(vm: &mut Vm, o: ObjRef, key: &PropKey) -> Option<bool> {
    match host(vm, o)? {
        HostObj::StringMap(el) => {
            let el = *el;
            let s = key.as_str()?;
            let a = data_attr_name(s);
            node::remove_attr(vm, el, &a);
            Some(true)
        }
        HostObj::List(src) => {
            let i = key.as_index()?;
            let n = items(vm, &src.clone()).len();
            Some(i as usize >= n)
        }
        _ => None,
    }
}

/// The synthesized own keys (indices, then a DOMStringMap's names).
pub fn own_keys(vm: &Vm, o: ObjRef) -> Vec<PropKey> {
    let n = match host(vm, o) {
        Some(HostObj::List(src)) => items(vm, src).len(),
        Some(HostObj::TokenList(el, a)) => tokens(vm, *el, *a).len(),
        Some(HostObj::AttrMap(el)) => node::elem(vm, *el).map(|e| e.attrs.len()).unwrap_or(0),
        Some(HostObj::Style(_)) => decls(vm, o).len(),
        Some(HostObj::StringMap(el)) => {
            return node::elem(vm, *el)
                .map(|e| {
                    e.attrs
                        .iter()
                        .filter_map(|(n, _)| n.strip_prefix("data-").map(camel))
                        .map(|k| PropKey::s(&k))
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => 0,
    };
    (0..n).map(|i| PropKey::s(&i.to_string())).collect()
}

/// The synthesized own property descriptor.
pub fn own_property(vm: &mut Vm, o: ObjRef, key: &PropKey) -> Res<Option<Prop>> {
    if matches!(host(vm, o), Some(HostObj::Style(_))) && key.as_index().is_none() {
        return Ok(None);
    }
    if !own_keys(vm, o).contains(key) {
        return Ok(None);
    }
    let v = get(vm, o, key)?;
    let writable = matches!(host(vm, o), Some(HostObj::StringMap(_)));
    Ok(v.map(|v| Prop {
        v: PropVal::Data(v),
        enumerable: true,
        writable,
        configurable: true,
    }))
}

/// True when `o` is one of the exotic host objects of this module.
pub fn is_exotic(vm: &Vm, o: ObjRef) -> bool {
    matches!(
        host(vm, o),
        Some(
            HostObj::List(_)
                | HostObj::TokenList(..)
                | HostObj::StringMap(_)
                | HostObj::AttrMap(_)
                | HostObj::Style(_)
        )
    )
}

// ---- NodeList / HTMLCollection methods ----

fn this_list(vm: &mut Vm, c: &NativeCall) -> Res<ListSrc> {
    match c.this.as_obj().and_then(|o| list_src(vm, o)) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("Illegal invocation")),
    }
}

fn list_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_list(vm, c)?;
    Ok(Value::Num(items(vm, &s).len() as f64))
}

fn list_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_list(vm, c)?;
    let i = vm.to_number(&c.arg(0))?;
    let all = items(vm, &s);
    Ok(if i >= 0.0 && (i as usize) < all.len() {
        Value::Obj(all[i as usize])
    } else {
        Value::Null
    })
}

fn list_named_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_list(vm, c)?;
    let n = vm.to_string(&c.arg(0))?;
    let all = items(vm, &s);
    Ok(named_item(vm, &all, &n)
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

// ---- DOMTokenList ----

fn tokens(vm: &Vm, el: ObjRef, attr: TokenAttr) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(v) = node::elem(vm, el).and_then(|e| e.attr(attr.name())) {
        for t in v.split_ascii_whitespace() {
            if !out.iter().any(|x| x == t) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn this_tokens(vm: &mut Vm, c: &NativeCall) -> Res<(ObjRef, TokenAttr)> {
    match c.this.as_obj().and_then(|o| host(vm, o)) {
        Some(HostObj::TokenList(el, a)) => Ok((*el, *a)),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn token_args(vm: &mut Vm, c: &NativeCall, n: usize) -> Res<Vec<String>> {
    let mut out = Vec::new();
    for a in c.args.iter().take(n) {
        let t = vm.to_string(a)?.to_string();
        if t.is_empty() {
            return Err(super::exception(
                vm,
                "SyntaxError",
                "The token provided must not be empty.",
            ));
        }
        if t.contains(|ch: char| ch.is_ascii_whitespace()) {
            return Err(super::exception(
                vm,
                "InvalidCharacterError",
                &format!(
                    "The token provided ('{t}') contains HTML space characters, which are not valid in tokens."
                ),
            ));
        }
        out.push(t);
    }
    Ok(out)
}

fn write_tokens(vm: &mut Vm, el: ObjRef, attr: TokenAttr, toks: &[String]) {
    if toks.is_empty() && !node::has_attr(vm, el, attr.name()) {
        return;
    }
    node::set_attr(vm, el, attr.name(), &toks.join(" "));
}

fn tl_add(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let add = token_args(vm, c, usize::MAX)?;
    let mut toks = tokens(vm, el, a);
    for t in add {
        if !toks.contains(&t) {
            toks.push(t);
        }
    }
    write_tokens(vm, el, a, &toks);
    Ok(Value::Undefined)
}

fn tl_remove(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let rm = token_args(vm, c, usize::MAX)?;
    let mut toks = tokens(vm, el, a);
    toks.retain(|t| !rm.contains(t));
    write_tokens(vm, el, a, &toks);
    Ok(Value::Undefined)
}

fn tl_toggle(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let t = token_args(vm, c, 1)?.pop().unwrap_or_default();
    let force = match c.arg(1) {
        Value::Undefined => None,
        v => Some(v.truthy()),
    };
    let mut toks = tokens(vm, el, a);
    let has = toks.contains(&t);
    let result = match (has, force) {
        (true, Some(true)) => true,
        (true, _) => {
            toks.retain(|x| *x != t);
            write_tokens(vm, el, a, &toks);
            false
        }
        (false, Some(false)) => false,
        (false, _) => {
            toks.push(t);
            write_tokens(vm, el, a, &toks);
            true
        }
    };
    Ok(Value::Bool(result))
}

fn tl_replace(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let args = token_args(vm, c, 2)?;
    let (Some(old), Some(new)) = (args.first(), args.get(1)) else {
        return Ok(Value::Bool(false));
    };
    let mut toks = tokens(vm, el, a);
    let Some(i) = toks.iter().position(|t| t == old) else {
        return Ok(Value::Bool(false));
    };
    if toks.contains(new) {
        toks.remove(i);
    } else {
        toks[i] = new.clone();
    }
    write_tokens(vm, el, a, &toks);
    Ok(Value::Bool(true))
}

fn tl_contains(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let t = vm.to_string(&c.arg(0))?;
    Ok(Value::Bool(tokens(vm, el, a).iter().any(|x| **x == *t)))
}

fn tl_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let i = vm.to_number(&c.arg(0))?;
    let toks = tokens(vm, el, a);
    Ok(if i >= 0.0 && (i as usize) < toks.len() {
        Value::str(&toks[i as usize])
    } else {
        Value::Null
    })
}

fn tl_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    Ok(Value::Num(tokens(vm, el, a).len() as f64))
}

fn tl_value(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    Ok(Value::str(
        &node::get_attr(vm, el, a.name()).unwrap_or_default(),
    ))
}

fn tl_set_value(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, a) = this_tokens(vm, c)?;
    let v = vm.to_string(&c.arg(0))?;
    node::set_attr(vm, el, a.name(), &v);
    Ok(Value::Undefined)
}

fn tl_supports(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, a) = this_tokens(vm, c)?;
    Err(vm.type_error(&format!("'{}' attribute has no supported tokens", a.name())))
}

pub fn token_list(vm: &mut Vm, el: ObjRef, attr: TokenAttr) -> ObjRef {
    let slot = match attr {
        TokenAttr::Class => Cache::ClassList,
        TokenAttr::Rel => Cache::RelList,
    };
    node::cached(vm, el, slot, |vm| {
        let p = vm.dom.token_list_proto;
        vm.alloc(Some(p), Kind::Host(Box::new(HostObj::TokenList(el, attr))))
    })
}

// ---- DOMStringMap ----

/// `userId` → `data-user-id`.
fn data_attr_name(key: &str) -> String {
    let mut s = String::from("data-");
    for ch in key.chars() {
        if ch.is_ascii_uppercase() {
            s.push('-');
            s.push(ch.to_ascii_lowercase());
        } else {
            s.push(ch);
        }
    }
    s
}

/// `user-id` → `userId`.
fn camel(rest: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in rest.chars() {
        if ch == '-' {
            up = true;
            continue;
        }
        if up && ch.is_ascii_lowercase() {
            out.push(ch.to_ascii_uppercase());
        } else {
            if up {
                out.push('-');
            }
            out.push(ch);
        }
        up = false;
    }
    if up {
        out.push('-');
    }
    out
}

pub fn dataset(vm: &mut Vm, el: ObjRef) -> ObjRef {
    node::cached(vm, el, Cache::Dataset, |vm| {
        let p = vm.dom.string_map_proto;
        vm.alloc(Some(p), Kind::Host(Box::new(HostObj::StringMap(el))))
    })
}

// ---- NamedNodeMap / Attr ----

pub fn attributes(vm: &mut Vm, el: ObjRef) -> ObjRef {
    node::cached(vm, el, Cache::Attributes, |vm| {
        let p = vm.dom.attr_map_proto;
        vm.alloc(Some(p), Kind::Host(Box::new(HostObj::AttrMap(el))))
    })
}

fn attr_object(vm: &mut Vm, el: ObjRef, name: &str) -> ObjRef {
    let p = vm.dom.attr_proto;
    vm.alloc(
        Some(p),
        Kind::Host(Box::new(HostObj::Attr(el, name.to_string()))),
    )
}

fn this_attr_map(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj().and_then(|o| host(vm, o)) {
        Some(HostObj::AttrMap(el)) => Ok(*el),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn nm_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let el = this_attr_map(vm, c)?;
    Ok(Value::Num(
        node::elem(vm, el).map(|e| e.attrs.len()).unwrap_or(0) as f64,
    ))
}

fn nm_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let el = this_attr_map(vm, c)?;
    let i = vm.to_number(&c.arg(0))?;
    let name = node::elem(vm, el)
        .and_then(|e| (i >= 0.0).then(|| e.attrs.get(i as usize)).flatten())
        .map(|(n, _)| n.clone());
    Ok(match name {
        Some(n) => Value::Obj(attr_object(vm, el, &n)),
        None => Value::Null,
    })
}

fn nm_get_named_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let el = this_attr_map(vm, c)?;
    let n = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    Ok(if node::has_attr(vm, el, &n) {
        Value::Obj(attr_object(vm, el, &n))
    } else {
        Value::Null
    })
}

fn attr_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, name) = match c.this.as_obj().and_then(|o| host(vm, o)) {
        Some(HostObj::Attr(el, n)) => (*el, n.clone()),
        _ => return Err(vm.type_error("Illegal invocation")),
    };
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    Ok(match &*which {
        "name" | "localName" | "nodeName" => Value::str(&name),
        "value" | "nodeValue" | "textContent" => {
            Value::str(&node::get_attr(vm, el, &name).unwrap_or_default())
        }
        "ownerElement" => Value::Obj(el),
        "specified" => Value::Bool(true),
        "nodeType" => Value::Num(2.0),
        _ => Value::Null,
    })
}

fn attr_set_value(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (el, name) = match c.this.as_obj().and_then(|o| host(vm, o)) {
        Some(HostObj::Attr(el, n)) => (*el, n.clone()),
        _ => return Err(vm.type_error("Illegal invocation")),
    };
    let v = vm.to_string(&c.arg(0))?;
    node::set_attr(vm, el, &name, &v);
    Ok(Value::Undefined)
}

// ---- CSSStyleDeclaration ----

/// The declarations of a style object now.
fn decls(vm: &Vm, o: ObjRef) -> Vec<css::Decl> {
    match host(vm, o) {
        Some(HostObj::Style(StyleSrc::Inline(el))) => {
            css::parse(&node::get_attr(vm, *el, "style").unwrap_or_default())
        }
        Some(HostObj::Style(StyleSrc::Computed(d))) => d.clone(),
        _ => Vec::new(),
    }
}

/// Sets (or with an empty value removes) one declaration of `el`'s inline style.
fn set_property(vm: &mut Vm, el: ObjRef, prop: &str, value: &str, important: bool) {
    let mut d = css::parse(&node::get_attr(vm, el, "style").unwrap_or_default());
    if value.is_empty() {
        if !d.iter().any(|x| x.0 == prop) {
            return;
        }
        d.retain(|x| x.0 != prop);
    } else {
        let Some(v) = css::normalize(prop, value) else {
            return;
        };
        css::set(&mut d, prop, v, important);
    }
    node::set_attr(vm, el, "style", &css::serialize(&d));
}

pub fn inline_style(vm: &mut Vm, el: ObjRef) -> ObjRef {
    node::cached(vm, el, Cache::Style, |vm| {
        let p = vm.dom.style_proto;
        vm.alloc(
            Some(p),
            Kind::Host(Box::new(HostObj::Style(StyleSrc::Inline(el)))),
        )
    })
}

/// `getComputedStyle(el)`: the inline declarations over the element's default
/// `display`, as a read-only snapshot.
pub fn computed_style(vm: &mut Vm, el: ObjRef) -> ObjRef {
    let local = node::local(vm, el).unwrap_or("").to_string();
    let mut d = vec![(
        "display".to_string(),
        css::default_display(&local).to_string(),
        false,
    )];
    if node::has_attr(vm, el, "hidden") {
        d[0].1 = "none".into();
    }
    for (k, v, imp) in css::parse(&node::get_attr(vm, el, "style").unwrap_or_default()) {
        css::set(&mut d, &k, v, imp);
    }
    if !d.iter().any(|x| x.0 == "visibility") {
        d.push(("visibility".into(), "visible".into(), false));
    }
    let p = vm.dom.style_proto;
    vm.alloc(
        Some(p),
        Kind::Host(Box::new(HostObj::Style(StyleSrc::Computed(d)))),
    )
}

fn this_style(vm: &mut Vm, c: &NativeCall) -> Res<(ObjRef, Option<ObjRef>)> {
    match c.this.as_obj() {
        Some(o) => match host(vm, o) {
            Some(HostObj::Style(StyleSrc::Inline(el))) => Ok((o, Some(*el))),
            Some(HostObj::Style(_)) => Ok((o, None)),
            _ => Err(vm.type_error("Illegal invocation")),
        },
        None => Err(vm.type_error("Illegal invocation")),
    }
}

fn st_css_text(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_style(vm, c)?;
    Ok(Value::str(&css::serialize(&decls(vm, o))))
}

fn st_set_css_text(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, el) = this_style(vm, c)?;
    let t = vm.to_string(&c.arg(0))?;
    if let Some(el) = el {
        let d = css::parse(&t);
        node::set_attr(vm, el, "style", &css::serialize(&d));
    }
    Ok(Value::Undefined)
}

fn st_length(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_style(vm, c)?;
    Ok(Value::Num(decls(vm, o).len() as f64))
}

fn st_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_style(vm, c)?;
    let i = vm.to_number(&c.arg(0))?;
    let d = decls(vm, o);
    Ok(Value::str(
        if i >= 0.0 {
            d.get(i as usize).map(|x| x.0.as_str())
        } else {
            None
        }
        .unwrap_or(""),
    ))
}

fn st_get_property_value(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_style(vm, c)?;
    let p = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    let d = decls(vm, o);
    Ok(Value::str(
        d.iter()
            .find(|x| x.0 == p)
            .map(|x| x.1.as_str())
            .unwrap_or(""),
    ))
}

fn st_get_property_priority(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_style(vm, c)?;
    let p = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    let d = decls(vm, o);
    Ok(Value::str(if d.iter().any(|x| x.0 == p && x.2) {
        "important"
    } else {
        ""
    }))
}

fn st_set_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, el) = this_style(vm, c)?;
    let p = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    let v = match c.arg(1) {
        Value::Null | Value::Undefined => String::new(),
        v => vm.to_string(&v)?.to_string(),
    };
    let imp = match c.arg(2) {
        Value::Undefined => false,
        v => vm.to_string(&v)?.eq_ignore_ascii_case("important"),
    };
    match el {
        Some(el) => {
            if p.starts_with("--") || css::property_name(&p).is_some() {
                set_property(vm, el, &p, &v, imp);
            }
            Ok(Value::Undefined)
        }
        None => Err(super::exception(
            vm,
            "NoModificationAllowedError",
            "CSSStyleDeclaration is read-only.",
        )),
    }
}

fn st_remove_property(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, el) = this_style(vm, c)?;
    let p = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    let old = decls(vm, o)
        .into_iter()
        .find(|x| x.0 == p)
        .map(|x| x.1)
        .unwrap_or_default();
    if let Some(el) = el {
        set_property(vm, el, &p, "", false);
    }
    Ok(Value::str(&old))
}

/// Installs the collection interfaces.
pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let ap = vm.realm.array_proto;
    let array_fn = |vm: &mut Vm, k: &PropKey| -> Value {
        vm.heap
            .get(ap)
            .and_then(|o| o.props.get(k))
            .map(|p| match &p.v {
                PropVal::Data(v) => v.clone(),
                PropVal::Accessor(..) => Value::Undefined,
            })
            .unwrap_or_default()
    };
    let values = array_fn(vm, &PropKey::s("values"));
    let iter_key = PropKey::Sym(crate::interp::sym::ITERATOR);

    let (_, nl) = super::class(vm, "NodeList", op, None, 0, super::illegal_ctor);
    vm.dom.node_list_proto = nl;
    super::accessor(vm, nl, "length", list_length, None, vec![]);
    super::op(vm, nl, "item", 1, list_item);
    for k in ["forEach", "entries", "keys", "values"] {
        let f = array_fn(vm, &PropKey::s(k));
        vm.set_prop_raw(nl, k, f);
    }
    vm.set_hidden_key(nl, iter_key.clone(), values.clone());

    let (hcc, hc) = super::class(vm, "HTMLCollection", op, None, 0, super::illegal_ctor);
    vm.dom.html_collection_proto = hc;
    super::accessor(vm, hc, "length", list_length, None, vec![]);
    super::op(vm, hc, "item", 1, list_item);
    super::op(vm, hc, "namedItem", 1, list_named_item);
    vm.set_hidden_key(hc, iter_key.clone(), values.clone());
    let (_, fc) = super::class(
        vm,
        "HTMLFormControlsCollection",
        hc,
        Some(hcc),
        0,
        super::illegal_ctor,
    );
    vm.dom.form_controls_proto = fc;
    let (_, oc) = super::class(
        vm,
        "HTMLOptionsCollection",
        hc,
        Some(hcc),
        0,
        super::illegal_ctor,
    );
    vm.dom.options_proto = oc;

    let (_, tl) = super::class(vm, "DOMTokenList", op, None, 0, super::illegal_ctor);
    vm.dom.token_list_proto = tl;
    super::accessor(vm, tl, "length", tl_length, None, vec![]);
    super::accessor(vm, tl, "value", tl_value, Some(tl_set_value), vec![]);
    super::op(vm, tl, "add", 0, tl_add);
    super::op(vm, tl, "remove", 0, tl_remove);
    super::op(vm, tl, "toggle", 1, tl_toggle);
    super::op(vm, tl, "replace", 2, tl_replace);
    super::op(vm, tl, "contains", 1, tl_contains);
    super::op(vm, tl, "item", 1, tl_item);
    super::op(vm, tl, "supports", 1, tl_supports);
    super::op(vm, tl, "toString", 0, tl_value);
    for k in ["forEach", "entries", "keys", "values"] {
        let f = array_fn(vm, &PropKey::s(k));
        vm.set_prop_raw(tl, k, f);
    }
    vm.set_hidden_key(tl, iter_key.clone(), values.clone());

    let (_, sm) = super::class(vm, "DOMStringMap", op, None, 0, super::illegal_ctor);
    vm.dom.string_map_proto = sm;

    let (_, nm) = super::class(vm, "NamedNodeMap", op, None, 0, super::illegal_ctor);
    vm.dom.attr_map_proto = nm;
    super::accessor(vm, nm, "length", nm_length, None, vec![]);
    super::op(vm, nm, "item", 1, nm_item);
    super::op(vm, nm, "getNamedItem", 1, nm_get_named_item);
    vm.set_hidden_key(nm, iter_key, values);

    let np = vm.dom.node_proto;
    let nc = vm.dom.node_ctor;
    let (_, at) = super::class(vm, "Attr", np, Some(nc), 0, super::illegal_ctor);
    vm.dom.attr_proto = at;
    for n in [
        "name",
        "localName",
        "ownerElement",
        "specified",
        "namespaceURI",
        "prefix",
    ] {
        super::accessor(vm, at, n, attr_get, None, vec![Value::str(n)]);
    }
    super::accessor(
        vm,
        at,
        "value",
        attr_get,
        Some(attr_set_value),
        vec![Value::str("value")],
    );

    let (_, st) = super::class(vm, "CSSStyleDeclaration", op, None, 0, super::illegal_ctor);
    vm.dom.style_proto = st;
    super::accessor(
        vm,
        st,
        "cssText",
        st_css_text,
        Some(st_set_css_text),
        vec![],
    );
    super::accessor(vm, st, "length", st_length, None, vec![]);
    super::op(vm, st, "item", 1, st_item);
    super::op(vm, st, "getPropertyValue", 1, st_get_property_value);
    super::op(vm, st, "getPropertyPriority", 1, st_get_property_priority);
    super::op(vm, st, "setProperty", 2, st_set_property);
    super::op(vm, st, "removeProperty", 1, st_remove_property);
}
