//! DOM nodes and the tree algorithms of the DOM standard: the node kinds, attributes,
//! insertion (with DocumentFragment unpacking), removal, "replace all", cloning,
//! traversal and text content. Every mutation queues its MutationObserver record.

use super::events::Listener;
use super::observer::{self, MutationKind, Registration};
use crate::heap::Kind;
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, Value};

/// One DOM node (the `Kind::Dom` payload of its wrapper object).
#[derive(Clone, Debug)]
pub struct Node {
    pub data: NodeData,
    pub parent: Option<ObjRef>,
    pub children: Vec<ObjRef>,
    pub listeners: Vec<Listener>,
    /// `[SameObject]` attributes created on first access (`style`, `classList`, ...).
    pub caches: Vec<(Cache, ObjRef)>,
    /// MutationObservers observing this node.
    pub registered: Vec<Registration>,
}

/// What kind of node, with its own data.
#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Doctype(String),
    Element(Box<Element>),
    Text(String),
    Comment(String),
    Fragment,
}

/// An HTML element: its local name, attributes in order, and form-control state.
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub local: String,
    pub attrs: Vec<(String, String)>,
    /// An input's or textarea's value once set by script (the dirty value).
    pub value: Option<String>,
    /// A checkbox's or radio's checkedness once set (the dirty checkedness).
    pub checked: Option<bool>,
    /// An option's selectedness once set.
    pub selected: Option<bool>,
}

/// The `[SameObject]` slots of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    Style,
    ClassList,
    RelList,
    Dataset,
    Attributes,
    Children,
    ChildNodes,
    Rows,
    Cells,
    TBodies,
    Elements,
    Options,
}

impl Cache {
    /// The attribute's name, as jsdom keys its `[SameObject]` cache.
    pub fn attribute(self) -> &'static str {
        match self {
            Cache::Style => "style",
            Cache::ClassList => "classList",
            Cache::RelList => "relList",
            Cache::Dataset => "dataset",
            Cache::Attributes => "attributes",
            Cache::Children => "children",
            Cache::ChildNodes => "childNodes",
            Cache::Rows => "rows",
            Cache::Cells => "cells",
            Cache::TBodies => "tBodies",
            Cache::Elements => "elements",
            Cache::Options => "options",
        }
    }
}

impl Node {
    pub fn new(data: NodeData) -> Node {
        Node {
            data,
            parent: None,
            children: Vec::new(),
            listeners: Vec::new(),
            caches: Vec::new(),
            registered: Vec::new(),
        }
    }

    /// The node's references: tree links, cached objects, listeners, observers.
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
        for (_, o) in &self.caches {
            f(
                Edge::Internal("cached attribute object"),
                Strength::Strong,
                *o,
            );
        }
        for l in &self.listeners {
            if let Value::Obj(o) = l.callback {
                f(Edge::Listener(&l.ty), Strength::Strong, o);
            }
        }
        for r in &self.registered {
            f(
                Edge::Internal("registered observer"),
                Strength::Strong,
                r.observer,
            );
        }
    }

    pub fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The DOM `nodeType`.
    pub fn node_type(&self) -> u8 {
        match self.data {
            NodeData::Element(_) => 1,
            NodeData::Text(_) => 3,
            NodeData::Comment(_) => 8,
            NodeData::Document => 9,
            NodeData::Doctype(_) => 10,
            NodeData::Fragment => 11,
        }
    }
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements that never have children (the HTML void elements).
pub fn is_void(local: &str) -> bool {
    matches!(
        local,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

pub fn node(vm: &Vm, o: ObjRef) -> Option<&Node> {
    match vm.heap.kind(o) {
        Some(Kind::Dom(n)) => Some(n),
        _ => None,
    }
}

pub fn node_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut Node> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Dom(n)) => Some(n),
        _ => None,
    }
}

pub fn elem(vm: &Vm, o: ObjRef) -> Option<&Element> {
    node(vm, o)?.element()
}

pub fn elem_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut Element> {
    match &mut node_mut(vm, o)?.data {
        NodeData::Element(e) => Some(e),
        _ => None,
    }
}

pub fn is_element(vm: &Vm, o: ObjRef) -> bool {
    elem(vm, o).is_some()
}

/// The element's local name (lower case), if `o` is an element.
pub fn local(vm: &Vm, o: ObjRef) -> Option<&str> {
    elem(vm, o).map(|e| e.local.as_str())
}

pub fn parent(vm: &Vm, o: ObjRef) -> Option<ObjRef> {
    node(vm, o)?.parent
}

pub fn children(vm: &Vm, o: ObjRef) -> &[ObjRef] {
    node(vm, o).map(|n| n.children.as_slice()).unwrap_or(&[])
}

/// The element children of `o`.
pub fn element_children(vm: &Vm, o: ObjRef) -> Vec<ObjRef> {
    children(vm, o)
        .iter()
        .copied()
        .filter(|c| is_element(vm, *c))
        .collect()
}

pub fn index_in_parent(vm: &Vm, o: ObjRef) -> Option<usize> {
    let p = parent(vm, o)?;
    children(vm, p).iter().position(|c| *c == o)
}

/// The sibling `step` places away (-1 previous, +1 next).
pub fn sibling(vm: &Vm, o: ObjRef, step: isize) -> Option<ObjRef> {
    let p = parent(vm, o)?;
    let i = index_in_parent(vm, o)? as isize + step;
    if i < 0 {
        return None;
    }
    children(vm, p).get(i as usize).copied()
}

/// The nearest element sibling in direction `step`.
pub fn element_sibling(vm: &Vm, o: ObjRef, step: isize) -> Option<ObjRef> {
    let mut cur = sibling(vm, o, step);
    while let Some(s) = cur {
        if is_element(vm, s) {
            return Some(s);
        }
        cur = sibling(vm, s, step);
    }
    None
}

/// Descendants of `o` in tree order (not `o` itself).
pub fn descendants(vm: &Vm, o: ObjRef) -> Vec<ObjRef> {
    let mut out = Vec::new();
    let mut stack: Vec<ObjRef> = children(vm, o).iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(children(vm, n).iter().rev());
    }
    out
}

/// `o` and its ancestors, nearest first.
pub fn inclusive_ancestors(vm: &Vm, o: ObjRef) -> Vec<ObjRef> {
    let mut out = vec![o];
    let mut cur = parent(vm, o);
    while let Some(p) = cur {
        out.push(p);
        cur = parent(vm, p);
    }
    out
}

pub fn root(vm: &Vm, o: ObjRef) -> ObjRef {
    let mut cur = o;
    while let Some(p) = parent(vm, cur) {
        cur = p;
    }
    cur
}

/// True when `o` is in the document.
pub fn is_connected(vm: &Vm, o: ObjRef) -> bool {
    Some(root(vm, o)) == vm.dom.document
}

/// True when `o` is `of` or one of its descendants.
pub fn is_inclusive_descendant(vm: &Vm, o: ObjRef, of: ObjRef) -> bool {
    let mut cur = Some(o);
    while let Some(c) = cur {
        if c == of {
            return true;
        }
        cur = parent(vm, c);
    }
    false
}

/// `textContent`: the data of a text or comment node, the concatenated text of an
/// element's or fragment's descendant text nodes, `None` for documents.
pub fn text_content(vm: &Vm, o: ObjRef) -> Option<String> {
    let n = node(vm, o)?;
    match &n.data {
        NodeData::Text(t) | NodeData::Comment(t) => Some(t.clone()),
        NodeData::Element(_) | NodeData::Fragment => Some(descendant_text(vm, o)),
        NodeData::Document | NodeData::Doctype(_) => None,
    }
}

/// The concatenated data of the descendant text nodes.
pub fn descendant_text(vm: &Vm, o: ObjRef) -> String {
    let mut s = String::new();
    for d in descendants(vm, o) {
        if let Some(Node {
            data: NodeData::Text(t),
            ..
        }) = node(vm, d)
        {
            s.push_str(t);
        }
    }
    s
}

/// The concatenated data of the child text nodes (a textarea's default value).
pub fn child_text(vm: &Vm, o: ObjRef) -> String {
    let mut s = String::new();
    for c in children(vm, o) {
        if let Some(Node {
            data: NodeData::Text(t),
            ..
        }) = node(vm, *c)
        {
            s.push_str(t);
        }
    }
    s
}

/// Allocates a node wrapper with the prototype of its interface.
pub fn alloc_node(vm: &mut Vm, data: NodeData) -> ObjRef {
    let proto = super::proto_for(vm, &data);
    vm.alloc(Some(proto), Kind::Dom(Box::new(Node::new(data))))
}

pub fn create_element(vm: &mut Vm, local: &str) -> ObjRef {
    alloc_node(
        vm,
        NodeData::Element(Box::new(Element {
            local: local.to_string(),
            ..Element::default()
        })),
    )
}

pub fn create_text(vm: &mut Vm, s: &str) -> ObjRef {
    alloc_node(vm, NodeData::Text(s.to_string()))
}

/// The attribute `name` of element `o`.
pub fn get_attr(vm: &Vm, o: ObjRef, name: &str) -> Option<String> {
    elem(vm, o)?.attr(name).map(str::to_string)
}

pub fn has_attr(vm: &Vm, o: ObjRef, name: &str) -> bool {
    elem(vm, o).is_some_and(|e| e.attr(name).is_some())
}

/// Sets attribute `name` (appended when new) and queues an attribute record.
pub fn set_attr(vm: &mut Vm, o: ObjRef, name: &str, value: &str) {
    let Some(e) = elem_mut(vm, o) else { return };
    let old = match e.attrs.iter_mut().find(|(n, _)| n == name) {
        Some((_, v)) => Some(std::mem::replace(v, value.to_string())),
        None => {
            e.attrs.push((name.to_string(), value.to_string()));
            None
        }
    };
    super::idl::attribute_changed(vm, o, name, old.as_deref());
    observer::queue(
        vm,
        MutationKind::Attributes,
        o,
        Some(name),
        old,
        Vec::new(),
        Vec::new(),
        None,
        None,
    );
}

/// Removes attribute `name`; true when it existed.
pub fn remove_attr(vm: &mut Vm, o: ObjRef, name: &str) -> bool {
    let Some(e) = elem_mut(vm, o) else {
        return false;
    };
    let Some(i) = e.attrs.iter().position(|(n, _)| n == name) else {
        return false;
    };
    let (_, old) = e.attrs.remove(i);
    super::idl::attribute_changed(vm, o, name, Some(&old));
    observer::queue(
        vm,
        MutationKind::Attributes,
        o,
        Some(name),
        Some(old),
        Vec::new(),
        Vec::new(),
        None,
        None,
    );
    true
}

/// Replaces a text or comment node's data and queues a characterData record.
pub fn set_data(vm: &mut Vm, o: ObjRef, s: String) {
    let old = match node_mut(vm, o).map(|n| &mut n.data) {
        Some(NodeData::Text(t)) | Some(NodeData::Comment(t)) => std::mem::replace(t, s),
        _ => return,
    };
    observer::queue(
        vm,
        MutationKind::CharacterData,
        o,
        None,
        Some(old),
        Vec::new(),
        Vec::new(),
        None,
        None,
    );
}

fn dom_error(vm: &mut Vm, name: &str, msg: &str) -> crate::interp::Throw {
    super::exception(vm, name, msg)
}

/// The DOM's "ensure pre-insertion validity" and "pre-insert": inserts `n` into
/// `parent` before `child`.
pub fn pre_insert(vm: &mut Vm, n: ObjRef, parent: ObjRef, child: Option<ObjRef>) -> Res<()> {
    ensure_valid(vm, n, parent, child)?;
    let child = if child == Some(n) {
        sibling(vm, n, 1)
    } else {
        child
    };
    insert(vm, n, parent, child);
    Ok(())
}

fn ensure_valid(vm: &mut Vm, n: ObjRef, parent: ObjRef, child: Option<ObjRef>) -> Res<()> {
    let pt = node(vm, parent).map(|x| x.node_type()).unwrap_or(0);
    if !matches!(pt, 1 | 9 | 11) || is_inclusive_descendant(vm, parent, n) {
        return Err(dom_error(
            vm,
            "HierarchyRequestError",
            "The operation would yield an incorrect node tree.",
        ));
    }
    if let Some(c) = child {
        if self::parent(vm, c) != Some(parent) {
            return Err(dom_error(
                vm,
                "NotFoundError",
                "The child can not be found in the parent.",
            ));
        }
    }
    let nt = node(vm, n).map(|x| x.node_type()).unwrap_or(0);
    if matches!(nt, 9) || (nt == 3 && pt == 9) || (nt == 10 && pt != 9) {
        return Err(dom_error(
            vm,
            "HierarchyRequestError",
            "The operation would yield an incorrect node tree.",
        ));
    }
    Ok(())
}

/// Detaches `n` from its parent without a record (the caller queues one).
fn detach(vm: &mut Vm, n: ObjRef) {
    if let Some(p) = parent(vm, n) {
        if let Some(pn) = node_mut(vm, p) {
            pn.children.retain(|c| *c != n);
        }
        if let Some(nn) = node_mut(vm, n) {
            nn.parent = None;
        }
    }
}

/// The DOM "insert": `n` (or a fragment's children) into `parent` before `child`.
pub fn insert(vm: &mut Vm, n: ObjRef, parent: ObjRef, child: Option<ObjRef>) {
    let is_fragment = matches!(node(vm, n).map(|x| &x.data), Some(NodeData::Fragment));
    let nodes: Vec<ObjRef> = if is_fragment {
        let kids = children(vm, n).to_vec();
        if !kids.is_empty() {
            if let Some(f) = node_mut(vm, n) {
                f.children.clear();
            }
            for k in &kids {
                if let Some(kn) = node_mut(vm, *k) {
                    kn.parent = None;
                }
            }
            observer::queue(
                vm,
                MutationKind::ChildList,
                n,
                None,
                None,
                Vec::new(),
                kids.clone(),
                None,
                None,
            );
        }
        kids
    } else {
        if self::parent(vm, n).is_some() {
            remove(vm, n);
        }
        vec![n]
    };
    if nodes.is_empty() {
        return;
    }
    let at = match child {
        Some(c) => children(vm, parent)
            .iter()
            .position(|x| *x == c)
            .unwrap_or(children(vm, parent).len()),
        None => children(vm, parent).len(),
    };
    let prev = at.checked_sub(1).map(|i| children(vm, parent)[i]);
    if let Some(p) = node_mut(vm, parent) {
        for (k, x) in nodes.iter().enumerate() {
            p.children.insert(at + k, *x);
        }
    }
    for x in &nodes {
        if let Some(xn) = node_mut(vm, *x) {
            xn.parent = Some(parent);
        }
    }
    observer::queue(
        vm,
        MutationKind::ChildList,
        parent,
        None,
        None,
        nodes,
        Vec::new(),
        prev,
        child,
    );
}

/// The DOM "remove": detaches `n` and queues the record on its parent.
pub fn remove(vm: &mut Vm, n: ObjRef) {
    let Some(p) = parent(vm, n) else { return };
    let prev = sibling(vm, n, -1);
    let next = sibling(vm, n, 1);
    observer::transient_on_remove(vm, p, n);
    detach(vm, n);
    observer::queue(
        vm,
        MutationKind::ChildList,
        p,
        None,
        None,
        Vec::new(),
        vec![n],
        prev,
        next,
    );
}

/// The DOM "replace all": `parent`'s children become `n` (or a fragment's children),
/// with one record.
pub fn replace_all(vm: &mut Vm, n: Option<ObjRef>, parent: ObjRef) {
    let removed = children(vm, parent).to_vec();
    let added: Vec<ObjRef> = match n {
        Some(x) if matches!(node(vm, x).map(|y| &y.data), Some(NodeData::Fragment)) => {
            let kids = children(vm, x).to_vec();
            if let Some(f) = node_mut(vm, x) {
                f.children.clear();
            }
            kids
        }
        Some(x) => {
            if self::parent(vm, x).is_some() {
                remove(vm, x);
            }
            vec![x]
        }
        None => Vec::new(),
    };
    for r in &removed {
        observer::transient_on_remove(vm, parent, *r);
        if let Some(rn) = node_mut(vm, *r) {
            rn.parent = None;
        }
    }
    for a in &added {
        if let Some(an) = node_mut(vm, *a) {
            an.parent = Some(parent);
        }
    }
    if let Some(p) = node_mut(vm, parent) {
        p.children = added.clone();
    }
    if !added.is_empty() || !removed.is_empty() {
        observer::queue(
            vm,
            MutationKind::ChildList,
            parent,
            None,
            None,
            added,
            removed,
            None,
            None,
        );
    }
}

/// `parent.replaceChild(n, child)`.
pub fn replace_child(vm: &mut Vm, child: ObjRef, n: ObjRef, parent: ObjRef) -> Res<()> {
    if self::parent(vm, child) != Some(parent) {
        let pt = node(vm, parent).map(|x| x.node_type()).unwrap_or(0);
        if matches!(pt, 1 | 9 | 11) && !is_inclusive_descendant(vm, parent, n) {
            return Err(dom_error(
                vm,
                "NotFoundError",
                "The node to be replaced is not a child of this node.",
            ));
        }
    }
    ensure_valid(vm, n, parent, Some(child))?;
    if child == n {
        return Ok(());
    }
    let mut reference = sibling(vm, child, 1);
    if reference == Some(n) {
        reference = sibling(vm, n, 1);
    }
    remove(vm, child);
    insert(vm, n, parent, reference);
    Ok(())
}

/// A copy of `o` (its attributes and data; children too when `deep`), without
/// listeners.
pub fn clone_node(vm: &mut Vm, o: ObjRef, deep: bool) -> ObjRef {
    let data = match node(vm, o).map(|n| &n.data) {
        Some(NodeData::Element(e)) => NodeData::Element(Box::new(Element {
            local: e.local.clone(),
            attrs: e.attrs.clone(),
            value: e.value.clone(),
            checked: e.checked,
            selected: e.selected,
        })),
        Some(NodeData::Text(t)) => NodeData::Text(t.clone()),
        Some(NodeData::Comment(t)) => NodeData::Comment(t.clone()),
        Some(NodeData::Doctype(t)) => NodeData::Doctype(t.clone()),
        Some(NodeData::Fragment) => NodeData::Fragment,
        Some(NodeData::Document) | None => NodeData::Fragment,
    };
    let copy = alloc_node(vm, data);
    if deep {
        for c in children(vm, o).to_vec() {
            let cc = clone_node(vm, c, true);
            if let Some(cn) = node_mut(vm, cc) {
                cn.parent = Some(copy);
            }
            if let Some(p) = node_mut(vm, copy) {
                p.children.push(cc);
            }
        }
    }
    copy
}

/// The cached `[SameObject]` object of `o` for `slot`, created by `make` on first use.
pub fn cached(vm: &mut Vm, o: ObjRef, slot: Cache, make: impl FnOnce(&mut Vm) -> ObjRef) -> ObjRef {
    if let Some((_, c)) = node(vm, o).and_then(|n| n.caches.iter().find(|(s, _)| *s == slot)) {
        return *c;
    }
    let c = make(vm);
    if let Some(n) = node_mut(vm, o) {
        n.caches.push((slot, c));
    }
    c
}

/// Node arguments of `append`/`prepend`/`before`/`after`/`replaceWith`: strings become
/// text nodes; several nodes are gathered into a fragment.
pub fn convert_nodes(vm: &mut Vm, args: &[Value]) -> Res<Option<ObjRef>> {
    let mut nodes = Vec::with_capacity(args.len());
    for a in args {
        match a {
            Value::Obj(o) if node(vm, *o).is_some() => nodes.push(*o),
            other => {
                let s = vm.to_string(other)?;
                nodes.push(create_text(vm, &s));
            }
        }
    }
    Ok(match nodes.len() {
        0 => None,
        1 => Some(nodes[0]),
        _ => {
            let f = alloc_node(vm, NodeData::Fragment);
            for n in nodes {
                insert(vm, n, f, None);
            }
            Some(f)
        }
    })
}
