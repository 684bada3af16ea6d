//! The browser environment: `window`, a `document` whose body starts from the fixture,
//! element nodes with ids, children, listeners and `click()`, MutationObserver records
//! delivered as microtasks, and a simulated network (XMLHttpRequest, fetch) that
//! replies after a virtual delay without any real I/O.

use crate::event_loop::Job;
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// One DOM element.
#[derive(Debug, Default)]
pub struct Node {
    pub tag: String,
    pub id: String,
    pub class: String,
    pub text: String,
    pub parent: Option<ObjRef>,
    pub children: Vec<ObjRef>,
    /// (event type, listener)
    pub listeners: Vec<(String, Value)>,
    pub style: Option<ObjRef>,
}

/// Host objects that are not elements.
#[derive(Debug)]
pub enum HostObj {
    Observer {
        callback: Value,
        targets: Vec<ObjRef>,
        records: Vec<Value>,
    },
    Xhr {
        listeners: Vec<(String, Value)>,
    },
}

/// Document-wide state.
#[derive(Debug, Default)]
pub struct DomState {
    pub document: Option<ObjRef>,
    pub body: Option<ObjRef>,
    pub observers: Vec<ObjRef>,
}

impl DomState {
    /// The document and the registered observers (GC roots).
    pub fn roots(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.document
            .into_iter()
            .chain(self.observers.iter().copied())
    }
}

impl DomState {
    /// Listener and observer roots for the leak report.
    pub fn leak_roots(&self, vm: &Vm) -> Vec<(String, ObjRef)> {
        let mut out = Vec::new();
        if let Some(d) = self.document {
            let mut all = vec![d];
            descendants(vm, d, &mut all);
            for n in all {
                if let Some(nd) = node(vm, n) {
                    for (t, l) in &nd.listeners {
                        if let Value::Obj(f) = l {
                            out.push((format!("listener '{t}' on {}", short_name(vm, n)), *f));
                        }
                    }
                }
            }
        }
        for o in &self.observers {
            out.push(("MutationObserver (observing)".to_string(), *o));
        }
        out
    }
}

/// `<tag#id>` for a node.
pub fn short_name(vm: &Vm, o: ObjRef) -> String {
    match node(vm, o) {
        Some(n) if n.id.is_empty() => format!("<{}>", n.tag.to_lowercase()),
        Some(n) => format!("<{}#{}>", n.tag.to_lowercase(), n.id),
        None => "node".into(),
    }
}

/// `detached from the document` for an element no longer in the page.
pub fn detached_words(vm: &Vm, o: ObjRef) -> Option<String> {
    node(vm, o)?;
    if is_connected(vm, o) {
        return None;
    }
    Some("detached DOM node (not in the document)".into())
}

impl Node {
    /// The node's references: tree links, style object, listeners.
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        if let Some(p) = self.parent {
            f(Edge::Parent, Strength::Strong, p);
        }
        for (i, c) in self.children.iter().enumerate() {
            f(Edge::Child(i), Strength::Strong, *c);
        }
        if let Some(s) = self.style {
            f(Edge::Internal("style"), Strength::Strong, s);
        }
        for (t, l) in &self.listeners {
            if let Value::Obj(o) = l {
                f(Edge::Listener(t), Strength::Strong, *o);
            }
        }
    }
}

impl HostObj {
    /// The host object's references.
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        let mut val = |e: Edge<'a>, v: &Value| {
            if let Value::Obj(o) = v {
                f(e, Strength::Strong, *o);
            }
        };
        match self {
            HostObj::Observer {
                callback,
                targets,
                records,
            } => {
                val(Edge::Internal("callback"), callback);
                for t in targets {
                    val(Edge::Internal("observed node"), &Value::Obj(*t));
                }
                records
                    .iter()
                    .for_each(|r| val(Edge::Internal("pending record"), r));
            }
            HostObj::Xhr { listeners } => listeners
                .iter()
                .for_each(|(t, l)| val(Edge::Listener(t), l)),
        }
    }
}

fn new_node(vm: &mut Vm, tag: &str) -> ObjRef {
    let p = vm.realm.element_proto;
    vm.alloc(
        Some(p),
        Kind::Dom(Box::new(Node {
            tag: tag.to_uppercase(),
            ..Node::default()
        })),
    )
}

fn node(vm: &Vm, o: ObjRef) -> Option<&Node> {
    match vm.heap.kind(o) {
        Some(Kind::Dom(n)) => Some(n),
        _ => None,
    }
}

fn node_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut Node> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Dom(n)) => Some(n),
        _ => None,
    }
}

/// Parses a small HTML fixture: nested elements with `id`/`class` and text.
fn parse_fixture(vm: &mut Vm, html: &str, parent: ObjRef) {
    let mut stack = vec![parent];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag_start) = rest.strip_prefix('<') {
            let end = tag_start.find('>').unwrap_or(tag_start.len());
            let inner = &tag_start[..end];
            rest = tag_start.get(end + 1..).unwrap_or("");
            if let Some(_close) = inner.strip_prefix('/') {
                if stack.len() > 1 {
                    stack.pop();
                }
                continue;
            }
            if inner.starts_with('!') {
                continue;
            }
            let self_closing = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let mut parts = inner.splitn(2, char::is_whitespace);
            let tag = parts.next().unwrap_or("div").to_string();
            let attrs = parts.next().unwrap_or("");
            let n = new_node(vm, &tag);
            for (k, v) in parse_attrs(attrs) {
                if let Some(nd) = node_mut(vm, n) {
                    match k.as_str() {
                        "id" => nd.id = v,
                        "class" => nd.class = v,
                        _ => {}
                    }
                }
            }
            let top = *stack.last().unwrap_or(&parent);
            append(vm, top, n);
            let void = matches!(
                tag.to_lowercase().as_str(),
                "img" | "br" | "hr" | "input" | "meta" | "link"
            );
            if !self_closing && !void {
                stack.push(n);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            rest = &rest[end..];
            let top = *stack.last().unwrap_or(&parent);
            if !text.trim().is_empty() {
                if let Some(nd) = node_mut(vm, top) {
                    nd.text.push_str(text.trim());
                }
            }
        }
    }
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let eq = rest.find('=');
        let sp = rest.find(char::is_whitespace);
        match (eq, sp) {
            (Some(e), sp) if sp.is_none_or(|s| e < s) => {
                let k = rest[..e].trim().to_string();
                let after = rest[e + 1..].trim_start();
                let (v, next) =
                    if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                        let body = &after[1..];
                        let close = body.find(q).unwrap_or(body.len());
                        (
                            body[..close].to_string(),
                            body.get(close + 1..).unwrap_or(""),
                        )
                    } else {
                        let close = after.find(char::is_whitespace).unwrap_or(after.len());
                        (after[..close].to_string(), &after[close..])
                    };
                out.push((k, v));
                rest = next.trim_start();
            }
            (_, Some(s)) => {
                out.push((rest[..s].to_string(), String::new()));
                rest = rest[s..].trim_start();
            }
            _ => {
                out.push((rest.to_string(), String::new()));
                rest = "";
            }
        }
    }
    out
}

fn append(vm: &mut Vm, parent: ObjRef, child: ObjRef) {
    let old = node(vm, child).and_then(|n| n.parent);
    if let Some(op) = old {
        if let Some(p) = node_mut(vm, op) {
            p.children.retain(|c| *c != child);
        }
    }
    if let Some(p) = node_mut(vm, parent) {
        p.children.push(child);
    }
    if let Some(c) = node_mut(vm, child) {
        c.parent = Some(parent);
    }
}

fn is_connected(vm: &Vm, mut o: ObjRef) -> bool {
    let doc = vm.dom.document;
    for _ in 0..10_000 {
        if Some(o) == doc {
            return true;
        }
        match node(vm, o).and_then(|n| n.parent) {
            Some(p) => o = p,
            None => return false,
        }
    }
    false
}

fn descendants(vm: &Vm, o: ObjRef, out: &mut Vec<ObjRef>) {
    if let Some(n) = node(vm, o) {
        for c in n.children.clone() {
            out.push(c);
            descendants(vm, c, out);
        }
    }
}

fn matches_sel(vm: &Vm, o: ObjRef, sel: &str) -> bool {
    let Some(n) = node(vm, o) else { return false };
    let sel = sel.trim();
    if let Some(id) = sel.strip_prefix('#') {
        return n.id == id;
    }
    if let Some(c) = sel.strip_prefix('.') {
        return n.class.split_whitespace().any(|x| x == c);
    }
    if let Some((tag, c)) = sel.split_once('.') {
        return n.tag.eq_ignore_ascii_case(tag) && n.class.split_whitespace().any(|x| x == c);
    }
    n.tag.eq_ignore_ascii_case(sel) || sel == "*"
}

fn this_node(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if node(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn get_element_by_id(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let id = vm.to_string(&c.arg(0))?;
    let Some(doc) = vm.dom.document else {
        return Ok(Value::Null);
    };
    let mut all = Vec::new();
    descendants(vm, doc, &mut all);
    Ok(all
        .into_iter()
        .find(|o| node(vm, *o).map(|n| *n.id == *id).unwrap_or(false))
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn query_selector(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let sel = vm.to_string(&c.arg(0))?;
    let root = this_node(vm, c)?;
    let mut all = Vec::new();
    descendants(vm, root, &mut all);
    Ok(all
        .into_iter()
        .find(|o| matches_sel(vm, *o, &sel))
        .map(Value::Obj)
        .unwrap_or(Value::Null))
}

fn query_selector_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let sel = vm.to_string(&c.arg(0))?;
    let root = this_node(vm, c)?;
    let mut all = Vec::new();
    descendants(vm, root, &mut all);
    let found: Vec<Value> = all
        .into_iter()
        .filter(|o| matches_sel(vm, *o, &sel))
        .map(Value::Obj)
        .collect();
    Ok(vm.array_value(found))
}

fn create_element(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = vm.to_string(&c.arg(0))?;
    Ok(Value::Obj(new_node(vm, &t)))
}

fn queue_mutation(vm: &mut Vm, target: ObjRef, added: Vec<ObjRef>, removed: Vec<ObjRef>) {
    let observers = vm.dom.observers.clone();
    for ob in observers {
        let watches = match vm.heap.kind(ob) {
            Some(Kind::Host(h)) => match &**h {
                HostObj::Observer { targets, .. } => targets.iter().any(|t| {
                    *t == target || {
                        let mut x = Some(target);
                        let mut hit = false;
                        while let Some(y) = x {
                            if y == *t {
                                hit = true;
                                break;
                            }
                            x = node(vm, y).and_then(|n| n.parent);
                        }
                        hit
                    }
                }),
                _ => false,
            },
            _ => false,
        };
        if !watches {
            continue;
        }
        let rec = vm.new_object();
        vm.set_prop_raw(rec, "type", Value::str("childList"));
        vm.set_prop_raw(rec, "target", Value::Obj(target));
        let a: Vec<Value> = added.iter().map(|x| Value::Obj(*x)).collect();
        let r: Vec<Value> = removed.iter().map(|x| Value::Obj(*x)).collect();
        let av = vm.array_value(a);
        let rv = vm.array_value(r);
        vm.set_prop_raw(rec, "addedNodes", av);
        vm.set_prop_raw(rec, "removedNodes", rv);
        let first = match vm.heap.get_mut(ob).map(|x| &mut x.kind) {
            Some(Kind::Host(h)) => match &mut **h {
                HostObj::Observer { records, .. } => {
                    records.push(Value::Obj(rec));
                    records.len() == 1
                }
                _ => false,
            },
            _ => false,
        };
        if first {
            let f = vm.native_with("", 0, deliver, vec![Value::Obj(ob)], false);
            vm.enqueue_micro(Job::Call {
                f: Value::Obj(f),
                this: Value::Undefined,
                args: vec![],
            });
        }
    }
}

fn deliver(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ob = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let Some(o) = ob.as_obj() else {
        return Ok(Value::Undefined);
    };
    let (cb, recs) = match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Observer {
                callback, records, ..
            } => (callback.clone(), std::mem::take(records)),
            _ => return Ok(Value::Undefined),
        },
        _ => return Ok(Value::Undefined),
    };
    if recs.is_empty() {
        return Ok(Value::Undefined);
    }
    let arr = vm.array_value(recs);
    vm.call(&cb, ob.clone(), vec![arr, ob])
}

fn append_child(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let Some(ch) = c.arg(0).as_obj().filter(|o| node(vm, *o).is_some()) else {
        return Err(vm.type_error(
            "Failed to execute 'appendChild' on 'Node': parameter 1 is not of type 'Node'.",
        ));
    };
    append(vm, p, ch);
    queue_mutation(vm, p, vec![ch], vec![]);
    Ok(c.arg(0))
}

fn remove_child(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let Some(ch) = c.arg(0).as_obj() else {
        return Err(vm.type_error(
            "Failed to execute 'removeChild' on 'Node': parameter 1 is not of type 'Node'.",
        ));
    };
    let is_child = node(vm, p)
        .map(|n| n.children.contains(&ch))
        .unwrap_or(false);
    if !is_child {
        return Err(vm.throw_error("Error", "Failed to execute 'removeChild' on 'Node': The node to be removed is not a child of this node."));
    }
    if let Some(n) = node_mut(vm, p) {
        n.children.retain(|x| *x != ch);
    }
    if let Some(n) = node_mut(vm, ch) {
        n.parent = None;
    }
    queue_mutation(vm, p, vec![], vec![ch]);
    Ok(c.arg(0))
}

fn remove(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let me = this_node(vm, c)?;
    if let Some(p) = node(vm, me).and_then(|n| n.parent) {
        if let Some(n) = node_mut(vm, p) {
            n.children.retain(|x| *x != me);
        }
        if let Some(n) = node_mut(vm, me) {
            n.parent = None;
        }
        queue_mutation(vm, p, vec![], vec![me]);
    }
    Ok(Value::Undefined)
}

fn listeners_of(vm: &mut Vm, o: ObjRef) -> Option<&mut Vec<(String, Value)>> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Dom(n)) => Some(&mut n.listeners),
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Xhr { listeners } => Some(listeners),
            _ => None,
        },
        _ => None,
    }
}

fn add_listener(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("Illegal invocation"));
    };
    let t = vm.to_string(&c.arg(0))?.to_string();
    let f = c.arg(1);
    if let Some(l) = listeners_of(vm, o) {
        if !l
            .iter()
            .any(|(tt, ff)| *tt == t && crate::value::strict_equals(ff, &f))
        {
            l.push((t, f));
        }
    }
    Ok(Value::Undefined)
}

fn remove_listener(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("Illegal invocation"));
    };
    let t = vm.to_string(&c.arg(0))?.to_string();
    let f = c.arg(1);
    if let Some(l) = listeners_of(vm, o) {
        l.retain(|(tt, ff)| !(*tt == t && crate::value::strict_equals(ff, &f)));
    }
    Ok(Value::Undefined)
}

fn fire(vm: &mut Vm, target: ObjRef, ty: &str, event: Value) -> Res<()> {
    let mut cur = Some(target);
    while let Some(o) = cur {
        let ls: Vec<Value> = listeners_of(vm, o)
            .map(|l| {
                l.iter()
                    .filter(|(t, _)| t == ty)
                    .map(|(_, f)| f.clone())
                    .collect()
            })
            .unwrap_or_default();
        for f in ls {
            if vm.is_callable(&f) {
                vm.call(&f, Value::Obj(o), vec![event.clone()])?;
            } else if let Value::Obj(_) = f {
                let h = vm.get(&f, &PropKey::s("handleEvent"))?;
                vm.call(&h, f.clone(), vec![event.clone()])?;
            }
        }
        let handler = vm
            .heap
            .get(o)
            .and_then(|x| x.props.get(&PropKey::s(&format!("on{ty}"))))
            .map(|p| p.v.clone());
        if let Some(crate::heap::PropVal::Data(h)) = handler {
            if vm.is_callable(&h) {
                vm.call(&h, Value::Obj(o), vec![event.clone()])?;
            }
        }
        cur = node(vm, o).and_then(|n| n.parent);
    }
    Ok(())
}

fn make_event(vm: &mut Vm, ty: &str, target: ObjRef) -> Value {
    let p = vm.realm.event_proto;
    let e = vm.alloc(Some(p), Kind::Ordinary);
    vm.set_prop_raw(e, "type", Value::str(ty));
    vm.set_prop_raw(e, "target", Value::Obj(target));
    Value::Obj(e)
}

fn click(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let e = make_event(vm, "click", o);
    fire(vm, o, "click", e)?;
    Ok(Value::Undefined)
}

fn dispatch_event(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("Illegal invocation"));
    };
    let ev = c.arg(0);
    let ty = vm.get(&ev, &PropKey::s("type"))?;
    let ty = vm.to_string(&ty)?;
    if let Value::Obj(e) = &ev {
        vm.set_prop_raw(*e, "target", Value::Obj(o));
    }
    fire(vm, o, &ty, ev)?;
    Ok(Value::Bool(true))
}

fn event_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ty = vm.to_string(&c.arg(0))?;
    let p = match c.new_target {
        Some(nt) => vm.proto_from_ctor(nt)?,
        None => vm.realm.event_proto,
    };
    let e = vm.alloc(Some(p), Kind::Ordinary);
    vm.set_prop_raw(e, "type", Value::Str(ty));
    if let Value::Obj(opts) = c.arg(1) {
        let d = vm.get(&Value::Obj(opts), &PropKey::s("detail"))?;
        vm.set_prop_raw(e, "detail", d);
    }
    Ok(Value::Obj(e))
}

fn observer_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    let p = vm.realm.object_proto;
    let proto = match c.new_target {
        Some(nt) => vm.proto_from_ctor(nt)?,
        None => p,
    };
    let o = vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Observer {
            callback: f,
            targets: vec![],
            records: vec![],
        })),
    );
    Ok(Value::Obj(o))
}

fn observe(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj() else {
        return Err(vm.type_error("Illegal invocation"));
    };
    let Some(t) = c.arg(0).as_obj().filter(|t| node(vm, *t).is_some()) else {
        return Err(vm.type_error(
            "Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.",
        ));
    };
    if let Some(Kind::Host(h)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
        if let HostObj::Observer { targets, .. } = &mut **h {
            targets.push(t);
        }
    }
    if !vm.dom.observers.contains(&o) {
        vm.dom.observers.push(o);
    }
    Ok(Value::Undefined)
}

fn disconnect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(o) = c.this.as_obj() {
        vm.dom.observers.retain(|x| *x != o);
        if let Some(Kind::Host(h)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
            if let HostObj::Observer {
                targets, records, ..
            } = &mut **h
            {
                targets.clear();
                records.clear();
            }
        }
    }
    Ok(Value::Undefined)
}

fn xhr_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = match c.new_target {
        Some(nt) => vm.proto_from_ctor(nt)?,
        None => vm.realm.object_proto,
    };
    let o = vm.alloc(
        Some(p),
        Kind::Host(Box::new(HostObj::Xhr { listeners: vec![] })),
    );
    vm.set_prop_raw(o, "readyState", Value::Num(0.0));
    vm.set_prop_raw(o, "status", Value::Num(0.0));
    vm.set_prop_raw(o, "responseText", Value::str(""));
    Ok(Value::Obj(o))
}

fn xhr_open(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(o) = c.this.as_obj() {
        vm.set_prop_raw(o, "readyState", Value::Num(1.0));
    }
    Ok(Value::Undefined)
}

/// A reply of the simulated network after a virtual delay: the request fails
/// (status 0, `error` event), as an offline browser would report it.
fn xhr_send(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = vm.native_with("", 0, xhr_reply, vec![c.this.clone()], false);
    vm.add_timer(Value::Obj(f), 100.0, vec![], false);
    Ok(Value::Undefined)
}

fn xhr_reply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let x = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let Some(o) = x.as_obj() else {
        return Ok(Value::Undefined);
    };
    vm.set_prop_raw(o, "readyState", Value::Num(4.0));
    let e = make_event(vm, "error", o);
    fire(vm, o, "error", e.clone())?;
    fire(vm, o, "loadend", e)?;
    Ok(Value::Undefined)
}

fn fetch(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = crate::builtins::promise::new_promise(vm);
    let f = vm.native_with("", 0, fetch_reply, vec![Value::Obj(p)], false);
    vm.add_timer(Value::Obj(f), 100.0, vec![], false);
    let _ = c;
    Ok(Value::Obj(p))
}

fn fetch_reply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = crate::builtins::promise::native_slot(vm, c.callee, 0);
    if let Some(p) = p.as_obj() {
        let e = vm.make_error("TypeError", "fetch failed");
        crate::builtins::promise::reject_promise(vm, p, e);
    }
    Ok(Value::Undefined)
}

fn raf(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let id = vm.add_timer(c.arg(0), 16.0, vec![Value::Num(16.0)], false);
    Ok(Value::Num(id as f64))
}

/// Reads element properties that are computed from the node.
pub fn get_special(vm: &mut Vm, o: ObjRef, key: &PropKey) -> Res<Option<Value>> {
    let PropKey::Str(k) = key else {
        return Ok(None);
    };
    let Some(n) = node(vm, o) else {
        return Ok(None);
    };
    Ok(Some(match &**k {
        "id" => Value::str(&n.id),
        "className" => Value::str(&n.class),
        "tagName" | "nodeName" => Value::str(&n.tag),
        "textContent" | "innerText" => Value::str(&n.text),
        "parentNode" | "parentElement" => n.parent.map(Value::Obj).unwrap_or(Value::Null),
        "isConnected" => Value::Bool(is_connected(vm, o)),
        "children" | "childNodes" => {
            let ch: Vec<Value> = n.children.iter().map(|c| Value::Obj(*c)).collect();
            vm.array_value(ch)
        }
        "firstChild" | "firstElementChild" => n
            .children
            .first()
            .map(|c| Value::Obj(*c))
            .unwrap_or(Value::Null),
        "lastChild" | "lastElementChild" => n
            .children
            .last()
            .map(|c| Value::Obj(*c))
            .unwrap_or(Value::Null),
        "childElementCount" => Value::Num(n.children.len() as f64),
        "style" => {
            let s = n.style;
            match s {
                Some(s) => Value::Obj(s),
                None => {
                    let st = vm.new_object();
                    if let Some(nm) = node_mut(vm, o) {
                        nm.style = Some(st);
                    }
                    Value::Obj(st)
                }
            }
        }
        _ => return Ok(None),
    }))
}

/// Writes element properties backed by the node.
pub fn set_special(vm: &mut Vm, o: ObjRef, key: &PropKey, v: &Value) -> Res<bool> {
    let PropKey::Str(k) = key else {
        return Ok(false);
    };
    if node(vm, o).is_none() {
        return Ok(false);
    }
    let s = match &**k {
        "id" | "className" | "textContent" | "innerText" | "innerHTML" => {
            vm.to_string(v)?.to_string()
        }
        _ => return Ok(false),
    };
    if let Some(n) = node_mut(vm, o) {
        match &**k {
            "id" => n.id = s,
            "className" => n.class = s,
            _ => {
                n.text = s;
                n.children.clear();
            }
        }
    }
    Ok(true)
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    let ep = vm.realm.element_proto;
    let list: [(&str, u32, NativeFnPtr); 9] = [
        ("appendChild", 1, append_child),
        ("removeChild", 1, remove_child),
        ("remove", 0, remove),
        ("addEventListener", 2, add_listener),
        ("removeEventListener", 2, remove_listener),
        ("dispatchEvent", 1, dispatch_event),
        ("click", 0, click),
        ("querySelector", 1, query_selector),
        ("querySelectorAll", 1, query_selector_all),
    ];
    for (n, l, f) in list {
        vm.method(ep, n, l, f);
    }
    let doc = new_node(vm, "#document");
    vm.method(doc, "getElementById", 1, get_element_by_id);
    vm.method(doc, "createElement", 1, create_element);
    let html = new_node(vm, "html");
    append(vm, doc, html);
    let head = new_node(vm, "head");
    append(vm, html, head);
    let body = new_node(vm, "body");
    append(vm, html, body);
    vm.set_hidden(doc, "body", Value::Obj(body));
    vm.set_hidden(doc, "head", Value::Obj(head));
    vm.set_hidden(doc, "documentElement", Value::Obj(html));
    vm.dom.document = Some(doc);
    vm.dom.body = Some(body);
    vm.set_hidden(g, "document", Value::Obj(doc));
    vm.set_hidden(g, "window", Value::Obj(g));
    vm.set_hidden(g, "self", Value::Obj(g));
    vm.method(g, "addEventListener", 2, noop_listener);
    vm.method(g, "removeEventListener", 2, noop_listener);
    vm.method(g, "requestAnimationFrame", 1, raf);
    vm.method(g, "fetch", 1, fetch);
    let evp = vm.realm.event_proto;
    crate::builtins::make_ctor(vm, "Event", 1, event_ctor, evp);
    let cep = vm.heap.alloc(Some(evp), Kind::Ordinary);
    crate::builtins::make_ctor(vm, "CustomEvent", 1, event_ctor, cep);
    let mop = vm.new_object();
    crate::builtins::make_ctor(vm, "MutationObserver", 1, observer_ctor, mop);
    vm.method(mop, "observe", 2, observe);
    vm.method(mop, "disconnect", 0, disconnect);
    let xp = vm.new_object();
    crate::builtins::make_ctor(vm, "XMLHttpRequest", 0, xhr_ctor, xp);
    vm.method(xp, "open", 2, xhr_open);
    vm.method(xp, "send", 0, xhr_send);
    vm.method(xp, "setRequestHeader", 2, xhr_open);
    vm.method(xp, "abort", 0, xhr_open);
    vm.method(xp, "addEventListener", 2, add_listener);
    vm.method(xp, "removeEventListener", 2, remove_listener);
    let np = vm.realm.node_proto;
    crate::builtins::make_ctor(vm, "HTMLElement", 0, observer_ctor, ep);
    crate::builtins::make_ctor(vm, "Node", 0, observer_ctor, np);
}

/// Fills the body from the fixture HTML.
pub fn load_fixture(vm: &mut Vm, html: &str) {
    if let Some(b) = vm.dom.body {
        parse_fixture(vm, html, b);
    }
}

fn noop_listener(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Undefined)
}
