//! The browser environment, modelled on jsdom 26 (the conformance oracle): a window
//! whose document starts as `<html><head></head><body>FIXTURE</body></html>`, the DOM
//! node tree with its interfaces, events, MutationObserver, collections, inline
//! styles, animation frames and an offline XMLHttpRequest.
//!
//! - [`node`]: node data and the tree algorithms; [`html`]: parsing and serializing;
//!   [`select`]: CSS selectors; [`css`]: style declarations; [`url`]: URLs at
//!   `about:blank`.
//! - [`idl`]: the Node/Element/HTML*Element/Document attributes and methods;
//!   [`collections`]: NodeList, HTMLCollection, DOMTokenList, DOMStringMap,
//!   NamedNodeMap, CSSStyleDeclaration.
//! - [`events`]: EventTarget, Event classes, dispatch, AbortController;
//!   [`observer`]: MutationObserver; [`window`]: the window's members and the page's
//!   load events; [`net`]: XMLHttpRequest.
//!
//! Nodes are `Kind::Dom` objects; the other host objects are `Kind::Host`
//! ([`HostObj`]). The garbage collector follows their references through
//! `for_each_edge`, and the leak report names DOM roots (listeners, observers,
//! animation frames) and detached nodes.

pub mod collections;
pub mod css;
pub mod events;
pub mod html;
pub mod idl;
pub mod net;
pub mod node;
pub mod observer;
pub mod select;
pub mod url;
pub mod window;

use crate::heap::{Kind, NativeCall, NativeFnPtr, Prop, PropVal};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};
use std::collections::HashMap;

pub use node::Node;

/// Host objects that are not nodes.
#[derive(Clone, Debug)]
pub enum HostObj {
    /// `new EventTarget()` (or a subclass instance): its listeners.
    Target(Vec<events::Listener>),
    Event(Box<events::EventData>),
    Signal(Box<events::SignalData>),
    /// An AbortController and its signal.
    Controller(ObjRef),
    Observer(Box<observer::ObserverData>),
    Record(Box<observer::RecordData>),
    List(collections::ListSrc),
    /// A DOMTokenList of an element's attribute.
    TokenList(ObjRef, collections::TokenAttr),
    /// An element's `dataset`.
    StringMap(ObjRef),
    /// An element's `attributes`.
    AttrMap(ObjRef),
    /// An Attr: the element and the attribute's name.
    Attr(ObjRef, String),
    Style(collections::StyleSrc),
    Xhr(Box<net::XhrData>),
    /// A DOMException: name and message.
    Exception(String, String),
    /// The window's named properties object (between Window.prototype and
    /// EventTarget.prototype): elements by id.
    NamedProperties,
}

impl HostObj {
    /// The host object's references.
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        let listeners = |ls: &'a [events::Listener],
                         f: &mut dyn FnMut(Edge<'a>, Strength, ObjRef)| {
            for l in ls {
                if let Value::Obj(o) = l.callback {
                    f(Edge::Listener(&l.ty), Strength::Strong, o);
                }
            }
        };
        match self {
            HostObj::Target(ls) => listeners(ls, f),
            HostObj::Event(e) => e.for_each_edge(f),
            HostObj::Signal(s) => {
                listeners(&s.listeners, f);
                if let Some(Value::Obj(r)) = s.reason {
                    f(Edge::Internal("abort reason"), Strength::Strong, r);
                }
                for (t, _) in &s.algorithms {
                    f(Edge::Internal("listener target"), Strength::Strong, *t);
                }
            }
            HostObj::Controller(s) => f(Edge::Internal("signal"), Strength::Strong, *s),
            HostObj::Observer(d) => d.for_each_edge(f),
            HostObj::Record(d) => d.for_each_edge(f),
            HostObj::List(src) => src.for_each_edge(f),
            HostObj::TokenList(el, _)
            | HostObj::StringMap(el)
            | HostObj::AttrMap(el)
            | HostObj::Attr(el, _) => f(Edge::Internal("element"), Strength::Strong, *el),
            HostObj::Style(collections::StyleSrc::Inline(el)) => {
                f(Edge::Internal("element"), Strength::Strong, *el)
            }
            HostObj::Style(collections::StyleSrc::Computed(_))
            | HostObj::Exception(..)
            | HostObj::NamedProperties => {}
            HostObj::Xhr(x) => listeners(&x.listeners, f),
        }
    }
}

/// Document-wide state and the interface prototypes.
#[derive(Clone, Debug, Default)]
pub struct DomState {
    pub document: Option<ObjRef>,
    pub window_listeners: Vec<events::Listener>,
    pub next_listener_id: u64,
    pub ready_state: &'static str,
    pub location: url::Url,
    pub location_obj: Option<ObjRef>,
    pub history_state: Value,
    pub history_length: u32,
    /// Observers with queued records, and whether the notify microtask is queued.
    pub mo_pending: Vec<ObjRef>,
    pub mo_queued: bool,
    pub mo_notify: Option<ObjRef>,
    pub next_observer_id: u64,
    /// Pending animation-frame callbacks and the frame timer.
    pub frames: Vec<(u32, Value)>,
    pub next_frame_id: u32,
    pub frame_tick: Option<ObjRef>,
    pub frame_timer: Option<u32>,
    /// Checkboxes whose `indeterminate` is set.
    pub indeterminate: Vec<ObjRef>,
    pub is_trusted_getter: Option<ObjRef>,
    /// Interface prototypes and constructors by name.
    pub protos: HashMap<&'static str, ObjRef>,
    pub ctors: Vec<(&'static str, ObjRef)>,
    pub event_protos: Vec<ObjRef>,
    pub event_target_proto: ObjRef,
    pub event_target_ctor: ObjRef,
    pub node_proto: ObjRef,
    pub node_ctor: ObjRef,
    pub signal_proto: ObjRef,
    pub controller_proto: ObjRef,
    pub observer_proto: ObjRef,
    pub record_proto: ObjRef,
    pub node_list_proto: ObjRef,
    pub html_collection_proto: ObjRef,
    pub form_controls_proto: ObjRef,
    pub options_proto: ObjRef,
    pub token_list_proto: ObjRef,
    pub string_map_proto: ObjRef,
    pub attr_map_proto: ObjRef,
    pub attr_proto: ObjRef,
    pub style_proto: ObjRef,
    pub rect_proto: ObjRef,
    pub xhr_proto: ObjRef,
    pub exception_proto: ObjRef,
}

impl DomState {
    /// GC roots: the document, window listeners, pending observers and frames, and
    /// the objects only this state refers to.
    pub fn roots(&self) -> Vec<ObjRef> {
        let mut r: Vec<ObjRef> = self.document.into_iter().collect();
        r.extend(
            self.window_listeners
                .iter()
                .filter_map(|l| l.callback.as_obj()),
        );
        r.extend(self.mo_pending.iter().copied());
        r.extend(self.frames.iter().filter_map(|(_, cb)| cb.as_obj()));
        r.extend(self.history_state.as_obj());
        r.extend(
            [
                self.mo_notify,
                self.frame_tick,
                self.location_obj,
                self.is_trusted_getter,
            ]
            .into_iter()
            .flatten(),
        );
        r
    }

    /// Listener, observer and animation-frame roots for the leak report.
    pub fn leak_roots(&self, vm: &Vm) -> Vec<(String, ObjRef)> {
        let mut out = Vec::new();
        if let Some(d) = self.document {
            let mut all = vec![d];
            all.extend(node::descendants(vm, d));
            for n in all {
                let Some(nd) = node::node(vm, n) else {
                    continue;
                };
                for l in &nd.listeners {
                    if let Value::Obj(f) = l.callback {
                        out.push((format!("listener '{}' on {}", l.ty, short_name(vm, n)), f));
                    }
                }
                for r in &nd.registered {
                    out.push((
                        format!("MutationObserver observing {}", short_name(vm, n)),
                        r.observer,
                    ));
                }
            }
        }
        for l in &self.window_listeners {
            if let Value::Obj(f) = l.callback {
                out.push((format!("listener '{}' on window", l.ty), f));
            }
        }
        for (_, cb) in &self.frames {
            if let Value::Obj(f) = cb {
                out.push(("requestAnimationFrame callback".to_string(), *f));
            }
        }
        out
    }
}

/// `<tag#id>` for an element, `#text` and the like for other nodes.
pub fn short_name(vm: &Vm, o: ObjRef) -> String {
    match node::node(vm, o).map(|n| &n.data) {
        Some(node::NodeData::Element(e)) => match e.attr("id") {
            Some(id) if !id.is_empty() => format!("<{}#{id}>", e.local),
            _ => format!("<{}>", e.local),
        },
        Some(node::NodeData::Text(_)) => "#text".into(),
        Some(node::NodeData::Comment(_)) => "#comment".into(),
        Some(node::NodeData::Document) => "document".into(),
        Some(node::NodeData::Fragment) => "#document-fragment".into(),
        Some(node::NodeData::Doctype(_)) => "<!DOCTYPE>".into(),
        None => "node".into(),
    }
}

/// `detached DOM node` for a node no longer in the page.
pub fn detached_words(vm: &Vm, o: ObjRef) -> Option<String> {
    node::node(vm, o)?;
    if node::is_connected(vm, o) {
        return None;
    }
    Some("detached DOM node (not in the document)".into())
}

/// The prototype for a new node's data.
fn proto_for(vm: &Vm, data: &node::NodeData) -> ObjRef {
    idl::proto_for_data(vm, data)
}

/// A WebIDL interface: constructor `name` (global) with a prototype inheriting from
/// `parent_proto`; the constructor inherits from `parent_ctor`.
pub fn class(
    vm: &mut Vm,
    name: &'static str,
    parent_proto: ObjRef,
    parent_ctor: Option<ObjRef>,
    len: u32,
    f: NativeFnPtr,
) -> (ObjRef, ObjRef) {
    let proto = vm.heap.alloc(Some(parent_proto), Kind::Ordinary);
    vm.set_tag(proto, name);
    let ctor = crate::builtins::make_ctor(vm, name, len, f, proto);
    if let Some(pc) = parent_ctor {
        if let Some(o) = vm.heap.get_mut(ctor) {
            o.proto = Some(pc);
        }
    }
    (ctor, proto)
}

/// An enumerable, configurable accessor (a WebIDL attribute) with native getter and
/// setter sharing `slots`.
pub fn accessor(
    vm: &mut Vm,
    obj: ObjRef,
    name: &str,
    get: NativeFnPtr,
    set: Option<NativeFnPtr>,
    slots: Vec<Value>,
) {
    let g = vm.native_with(&format!("get {name}"), 0, get, slots.clone(), false);
    let s = set.map(|f| vm.native_with(&format!("set {name}"), 1, f, slots, false));
    if let Some(o) = vm.heap.get_mut(obj) {
        o.props.insert(
            PropKey::s(name),
            Prop {
                v: PropVal::Accessor(Some(g), s),
                enumerable: true,
                writable: false,
                configurable: true,
            },
        );
    }
}

/// An enumerable method (a WebIDL operation).
pub fn op(vm: &mut Vm, obj: ObjRef, name: &str, len: u32, f: NativeFnPtr) {
    let func = vm.native(name, len, f);
    vm.set_prop_raw(obj, name, Value::Obj(func));
}

/// The constructor of an interface that cannot be constructed.
pub fn illegal_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.type_error("Illegal constructor"))
}

/// A DOMException with jsdom's name and message.
pub fn exception_value(vm: &mut Vm, name: &str, message: &str) -> Value {
    let p = vm.dom.exception_proto;
    let e = vm.alloc(
        Some(p),
        Kind::Host(Box::new(HostObj::Exception(
            name.to_string(),
            message.to_string(),
        ))),
    );
    // Node's DOMException is a JS class: its constructor is the stack's first frame.
    let ctor_frame = if vm.browser {
        ""
    } else {
        "\n    at new DOMException (node:internal/per_context/domexception:53:5)"
    };
    let stack = format!("{name}: {message}{ctor_frame}{}", vm.caller_stack_frames());
    vm.set_hidden(e, "stack", Value::str(&stack));
    Value::Obj(e)
}

pub fn exception(vm: &mut Vm, name: &str, message: &str) -> Throw {
    Throw::Js(exception_value(vm, name, message))
}

/// jsdom's "not implemented" report (its virtual console's `jsdomError`).
pub fn not_implemented(vm: &mut Vm, what: &str) {
    vm.stderr
        .push_str(&format!("jsdom: Not implemented: {what}\n"));
}

/// The legacy code of a DOMException name.
fn exception_code(name: &str) -> u32 {
    const NAMES: [&str; 25] = [
        "IndexSizeError",
        "DOMStringSizeError",
        "HierarchyRequestError",
        "WrongDocumentError",
        "InvalidCharacterError",
        "NoDataAllowedError",
        "NoModificationAllowedError",
        "NotFoundError",
        "NotSupportedError",
        "InUseAttributeError",
        "InvalidStateError",
        "SyntaxError",
        "InvalidModificationError",
        "NamespaceError",
        "InvalidAccessError",
        "ValidationError",
        "TypeMismatchError",
        "SecurityError",
        "NetworkError",
        "AbortError",
        "URLMismatchError",
        "QuotaExceededError",
        "TimeoutError",
        "InvalidNodeTypeError",
        "DataCloneError",
    ];
    NAMES
        .iter()
        .position(|n| *n == name)
        .map(|i| i as u32 + 1)
        .unwrap_or(0)
}

fn exception_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Class constructor DOMException cannot be invoked without 'new'"));
    }
    let msg = match c.arg(0) {
        Value::Undefined => String::new(),
        v => vm.to_string(&v)?.to_string(),
    };
    let name = match c.arg(1) {
        Value::Undefined => "Error".to_string(),
        v => vm.to_string(&v)?.to_string(),
    };
    let e = exception_value(vm, &name, &msg);
    if let (Value::Obj(o), Some(nt)) = (&e, c.new_target) {
        let p = vm.proto_from_ctor(nt)?;
        if let Some(x) = vm.heap.get_mut(*o) {
            x.proto = Some(p);
        }
    }
    Ok(e)
}

fn exception_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let Some((name, msg)) = c.this.as_obj().and_then(|o| match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Exception(n, m) => Some((n.clone(), m.clone())),
            _ => None,
        },
        _ => None,
    }) else {
        return Err(vm.type_error("Illegal invocation"));
    };
    Ok(match &*which {
        "name" => Value::str(&name),
        "message" => Value::str(&msg),
        _ => Value::Num(exception_code(&name) as f64),
    })
}

/// Installs DOMException (a global in Node too).
pub fn install_exception(vm: &mut Vm) {
    let ep = vm.realm.error_proto;
    let (ctor, proto) = class(vm, "DOMException", ep, None, 0, exception_ctor);
    vm.dom.exception_proto = proto;
    for k in ["name", "message", "code"] {
        accessor(vm, proto, k, exception_get, None, vec![Value::str(k)]);
    }
    for (i, k) in [
        "INDEX_SIZE_ERR",
        "DOMSTRING_SIZE_ERR",
        "HIERARCHY_REQUEST_ERR",
        "WRONG_DOCUMENT_ERR",
        "INVALID_CHARACTER_ERR",
        "NO_DATA_ALLOWED_ERR",
        "NO_MODIFICATION_ALLOWED_ERR",
        "NOT_FOUND_ERR",
        "NOT_SUPPORTED_ERR",
        "INUSE_ATTRIBUTE_ERR",
        "INVALID_STATE_ERR",
        "SYNTAX_ERR",
        "INVALID_MODIFICATION_ERR",
        "NAMESPACE_ERR",
        "INVALID_ACCESS_ERR",
        "VALIDATION_ERR",
        "TYPE_MISMATCH_ERR",
        "SECURITY_ERR",
        "NETWORK_ERR",
        "ABORT_ERR",
        "URL_MISMATCH_ERR",
        "QUOTA_EXCEEDED_ERR",
        "TIMEOUT_ERR",
        "INVALID_NODE_TYPE_ERR",
        "DATA_CLONE_ERR",
    ]
    .iter()
    .enumerate()
    {
        vm.set_const(ctor, k, Value::Num(i as f64 + 1.0));
        vm.set_const(proto, k, Value::Num(i as f64 + 1.0));
    }
}

/// Installs the browser environment on the realm's global object.
pub fn install(vm: &mut Vm) {
    vm.dom.ready_state = "loading";
    events::install(vm);
    idl::install(vm);
    collections::install(vm);
    observer::install(vm);
    window::install(vm);
    net::install(vm);
    let doc = node::alloc_node(vm, node::NodeData::Document);
    window::define_location(vm, doc);
    let doctype = node::alloc_node(vm, node::NodeData::Doctype("html".into()));
    node::insert(vm, doctype, doc, None);
    let html = node::create_element(vm, "html");
    node::insert(vm, html, doc, None);
    let head = node::create_element(vm, "head");
    node::insert(vm, head, html, None);
    let body = node::create_element(vm, "body");
    node::insert(vm, body, html, None);
    vm.dom.document = Some(doc);
    // The page's own construction queues no observer microtask.
    vm.dom.mo_queued = false;
    vm.events.micro.clear();
    let g = vm.realm.global;
    vm.set_hidden(g, "document", Value::Obj(doc));
}

/// Fills the body from the fixture HTML (before the script runs).
pub fn load_fixture(vm: &mut Vm, html_text: &str) {
    let Some(body) = vm.dom.document.and_then(|d| {
        node::descendants(vm, d)
            .into_iter()
            .find(|x| node::local(vm, *x) == Some("body"))
    }) else {
        return;
    };
    html::parse_into(vm, html_text, body);
}

/// The exotic [[Get]] of collections and other host objects (`None`: ordinary).
pub fn get_special(vm: &mut Vm, o: ObjRef, key: &PropKey) -> Res<Option<Value>> {
    collections::get(vm, o, key)
}

/// The exotic [[Set]]; true when handled.
pub fn set_special(vm: &mut Vm, o: ObjRef, key: &PropKey, v: &Value) -> Res<bool> {
    collections::set(vm, o, key, v)
}
