//! DOM events: EventTarget (nodes, `window`, AbortSignal, XMLHttpRequest and
//! `new EventTarget()`), listeners with `capture`/`once`/`passive`/`signal`, the
//! dispatch algorithm (capture, target and bubble phases, `stopPropagation`,
//! `stopImmediatePropagation`, `preventDefault`), event handler attributes
//! (`onclick`), the Event classes with their init dictionaries, synthetic clicks with
//! their activation behaviour, and AbortController/AbortSignal.
//!
//! An error thrown by a listener is reported (as the browser does) and dispatch goes
//! on with the next listener.

use super::node;
use super::{exception_value, HostObj};
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// One registered event listener.
#[derive(Debug, Clone)]
pub struct Listener {
    pub id: u64,
    pub ty: String,
    pub callback: Value,
    pub capture: bool,
    pub once: bool,
    pub passive: bool,
    /// Registered by an event handler attribute (`onclick = f`), which replaces its
    /// callback in place.
    pub handler: bool,
}

/// An event's state.
#[derive(Clone, Debug)]
pub struct EventData {
    pub ty: String,
    pub bubbles: bool,
    pub cancelable: bool,
    pub composed: bool,
    pub trusted: bool,
    pub phase: u8,
    pub target: Option<ObjRef>,
    pub current: Option<ObjRef>,
    pub stop: bool,
    pub stop_immediate: bool,
    pub canceled: bool,
    pub in_passive: bool,
    pub dispatching: bool,
    pub path: Vec<ObjRef>,
    pub time_stamp: f64,
    /// The members of the subclass's init dictionary (`detail`, `key`, `clientX`...).
    pub init: Vec<(&'static str, Value)>,
}

impl EventData {
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        for o in self
            .target
            .iter()
            .chain(self.current.iter())
            .chain(&self.path)
        {
            f(Edge::Internal("event target"), Strength::Strong, *o);
        }
        for (_, v) in &self.init {
            if let Value::Obj(o) = v {
                f(Edge::Internal("event init member"), Strength::Strong, *o);
            }
        }
    }
}

/// An AbortSignal: its listeners, whether it was aborted and why, and the listeners
/// it removes when aborted.
#[derive(Clone, Debug, Default)]
pub struct SignalData {
    pub listeners: Vec<Listener>,
    pub reason: Option<Value>,
    pub algorithms: Vec<(ObjRef, u64)>,
}

/// The default of an init-dictionary member.
#[derive(Clone, Copy)]
enum Def {
    Null,
    Zero,
    False,
    Empty,
    Undef,
}

/// An Event interface: name, parent interface, its init-dictionary members.
struct Class {
    name: &'static str,
    parent: Option<&'static str>,
    members: &'static [(&'static str, Def)],
}

const MODIFIERS: [(&str, Def); 4] = [
    ("ctrlKey", Def::False),
    ("shiftKey", Def::False),
    ("altKey", Def::False),
    ("metaKey", Def::False),
];

const CLASSES: &[Class] = &[
    Class {
        name: "Event",
        parent: None,
        members: &[],
    },
    Class {
        name: "CustomEvent",
        parent: Some("Event"),
        members: &[("detail", Def::Null)],
    },
    Class {
        name: "UIEvent",
        parent: Some("Event"),
        members: &[
            ("view", Def::Null),
            ("detail", Def::Zero),
            ("which", Def::Zero),
        ],
    },
    Class {
        name: "MouseEvent",
        parent: Some("UIEvent"),
        members: &[
            ("screenX", Def::Zero),
            ("screenY", Def::Zero),
            ("clientX", Def::Zero),
            ("clientY", Def::Zero),
            MODIFIERS[0],
            MODIFIERS[1],
            MODIFIERS[2],
            MODIFIERS[3],
            ("button", Def::Zero),
            ("buttons", Def::Zero),
            ("relatedTarget", Def::Null),
        ],
    },
    Class {
        name: "WheelEvent",
        parent: Some("MouseEvent"),
        members: &[
            ("deltaX", Def::Zero),
            ("deltaY", Def::Zero),
            ("deltaZ", Def::Zero),
            ("deltaMode", Def::Zero),
        ],
    },
    Class {
        name: "KeyboardEvent",
        parent: Some("UIEvent"),
        members: &[
            ("key", Def::Empty),
            ("code", Def::Empty),
            ("location", Def::Zero),
            MODIFIERS[0],
            MODIFIERS[1],
            MODIFIERS[2],
            MODIFIERS[3],
            ("repeat", Def::False),
            ("isComposing", Def::False),
            ("charCode", Def::Zero),
            ("keyCode", Def::Zero),
        ],
    },
    Class {
        name: "FocusEvent",
        parent: Some("UIEvent"),
        members: &[("relatedTarget", Def::Null)],
    },
    Class {
        name: "InputEvent",
        parent: Some("UIEvent"),
        members: &[
            ("data", Def::Null),
            ("inputType", Def::Empty),
            ("isComposing", Def::False),
        ],
    },
    Class {
        name: "CompositionEvent",
        parent: Some("UIEvent"),
        members: &[("data", Def::Empty)],
    },
    Class {
        name: "PopStateEvent",
        parent: Some("Event"),
        members: &[("state", Def::Null)],
    },
    Class {
        name: "SubmitEvent",
        parent: Some("Event"),
        members: &[("submitter", Def::Null)],
    },
    Class {
        name: "ProgressEvent",
        parent: Some("Event"),
        members: &[
            ("lengthComputable", Def::False),
            ("loaded", Def::Zero),
            ("total", Def::Zero),
        ],
    },
    Class {
        name: "ErrorEvent",
        parent: Some("Event"),
        members: &[
            ("message", Def::Empty),
            ("filename", Def::Empty),
            ("lineno", Def::Zero),
            ("colno", Def::Zero),
            ("error", Def::Undef),
        ],
    },
    Class {
        name: "MessageEvent",
        parent: Some("Event"),
        members: &[
            ("data", Def::Null),
            ("origin", Def::Empty),
            ("lastEventId", Def::Empty),
            ("source", Def::Null),
        ],
    },
    Class {
        name: "HashChangeEvent",
        parent: Some("Event"),
        members: &[("oldURL", Def::Empty), ("newURL", Def::Empty)],
    },
];

fn class_index(name: &str) -> usize {
    CLASSES.iter().position(|c| c.name == name).unwrap_or(0)
}

/// Every member of class `i`, inherited ones first.
fn all_members(i: usize) -> Vec<(&'static str, Def)> {
    let c = &CLASSES[i];
    let mut out = match c.parent {
        Some(p) => all_members(class_index(p)),
        None => Vec::new(),
    };
    for m in c.members {
        if !out.iter().any(|(n, _)| n == &m.0) {
            out.push(*m);
        }
    }
    out
}

pub fn event_data(vm: &Vm, o: ObjRef) -> Option<&EventData> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Event(e) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

pub fn event_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut EventData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Event(e) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// Creates an event of interface `class` with the given flags and init members.
pub fn new_event(
    vm: &mut Vm,
    class: &str,
    ty: &str,
    flags: (bool, bool, bool),
    init: Vec<(&'static str, Value)>,
    trusted: bool,
) -> ObjRef {
    let ci = class_index(class);
    let proto = vm.dom.event_protos[ci];
    alloc_event(vm, proto, ci, ty, flags, init, trusted)
}

fn alloc_event(
    vm: &mut Vm,
    proto: ObjRef,
    ci: usize,
    ty: &str,
    (bubbles, cancelable, composed): (bool, bool, bool),
    mut init: Vec<(&'static str, Value)>,
    trusted: bool,
) -> ObjRef {
    for (name, def) in all_members(ci) {
        if !init.iter().any(|(n, _)| *n == name) {
            init.push((name, default_value(def)));
        }
    }
    let data = EventData {
        ty: ty.to_string(),
        bubbles,
        cancelable,
        composed,
        trusted,
        phase: 0,
        target: None,
        current: None,
        stop: false,
        stop_immediate: false,
        canceled: false,
        in_passive: false,
        dispatching: false,
        path: Vec::new(),
        time_stamp: vm.events.now as f64,
        init,
    };
    let e = vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Event(Box::new(data)))),
    );
    // `isTrusted` is an own ([LegacyUnforgeable]) accessor of every event.
    if let Some(g) = vm.dom.is_trusted_getter {
        if let Some(o) = vm.heap.get_mut(e) {
            o.props.insert(
                PropKey::s("isTrusted"),
                crate::heap::Prop {
                    v: crate::heap::PropVal::Accessor(Some(g), None),
                    enumerable: true,
                    writable: false,
                    configurable: false,
                },
            );
        }
    }
    e
}

fn default_value(d: Def) -> Value {
    match d {
        Def::Null => Value::Null,
        Def::Zero => Value::Num(0.0),
        Def::False => Value::Bool(false),
        Def::Empty => Value::str(""),
        Def::Undef => Value::Undefined,
    }
}

/// `new Event(type, init)` and every subclass (the class index is the slot).
fn event_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ci = slot_num(vm, c) as usize;
    let name = CLASSES[ci].name;
    let Some(_) = c.new_target else {
        return Err(vm.type_error(&format!(
            "Class constructor {name} cannot be invoked without 'new'"
        )));
    };
    if c.args.is_empty() {
        return Err(vm.type_error(&format!(
            "Failed to construct '{name}': 1 argument required, but only 0 present."
        )));
    }
    let ty = vm.to_string(&c.arg(0))?.to_string();
    let dict = c.arg(1);
    let flag = |vm: &mut Vm, k: &str| -> Res<bool> {
        if let Value::Obj(_) = dict {
            Ok(vm.get(&dict, &PropKey::s(k))?.truthy())
        } else {
            Ok(false)
        }
    };
    let bubbles = flag(vm, "bubbles")?;
    let cancelable = flag(vm, "cancelable")?;
    let composed = flag(vm, "composed")?;
    let mut init = Vec::new();
    if let Value::Obj(_) = dict {
        for (name, def) in all_members(ci) {
            let v = vm.get(&dict, &PropKey::s(name))?;
            if matches!(v, Value::Undefined) {
                continue;
            }
            let v = match def {
                Def::Zero => Value::Num(vm.to_number(&v)?),
                Def::False => Value::Bool(v.truthy()),
                Def::Empty => Value::Str(vm.to_string(&v)?),
                Def::Null | Def::Undef => v,
            };
            init.push((name, v));
        }
    }
    let default = vm.dom.event_protos[ci];
    let proto = vm.proto_for(c, default)?;
    let e = alloc_event(
        vm,
        proto,
        ci,
        &ty,
        (bubbles, cancelable, composed),
        init,
        false,
    );
    Ok(Value::Obj(e))
}

fn slot_num(vm: &Vm, c: &NativeCall) -> f64 {
    match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Num(n) => n,
        _ => 0.0,
    }
}

fn slot_str(vm: &Vm, c: &NativeCall) -> crate::value::JsStr {
    match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => "".into(),
    }
}

fn this_event(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if event_data(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

/// The getters of Event.prototype (the attribute name is the slot).
fn event_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    let name = slot_str(vm, c);
    let Some(e) = event_data(vm, o) else {
        return Ok(Value::Undefined);
    };
    let obj = |x: Option<ObjRef>| x.map(Value::Obj).unwrap_or(Value::Null);
    Ok(match &*name {
        "type" => Value::str(&e.ty),
        "target" | "srcElement" => obj(e.target),
        "currentTarget" => obj(e.current),
        "eventPhase" => Value::Num(e.phase as f64),
        "bubbles" => Value::Bool(e.bubbles),
        "cancelable" => Value::Bool(e.cancelable),
        "composed" => Value::Bool(e.composed),
        "defaultPrevented" => Value::Bool(e.canceled),
        "returnValue" => Value::Bool(!e.canceled),
        "cancelBubble" => Value::Bool(e.stop),
        "timeStamp" => Value::Num(e.time_stamp),
        "isTrusted" => Value::Bool(e.trusted),
        "x" | "pageX" | "offsetX" => member(e, "clientX"),
        "y" | "pageY" | "offsetY" => member(e, "clientY"),
        other => member(e, other),
    })
}

fn member(e: &EventData, name: &str) -> Value {
    e.init
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn event_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    let name = slot_str(vm, c);
    let v = c.arg(0).truthy();
    match &*name {
        "returnValue" if !v => prevent_default(vm, o),
        "cancelBubble" if v => {
            if let Some(e) = event_mut(vm, o) {
                e.stop = true;
            }
        }
        _ => {}
    }
    Ok(Value::Undefined)
}

fn prevent_default(vm: &mut Vm, o: ObjRef) {
    if let Some(e) = event_mut(vm, o) {
        if e.cancelable && !e.in_passive {
            e.canceled = true;
        }
    }
}

fn m_prevent_default(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    prevent_default(vm, o);
    Ok(Value::Undefined)
}

fn m_stop_propagation(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    if let Some(e) = event_mut(vm, o) {
        e.stop = true;
    }
    Ok(Value::Undefined)
}

fn m_stop_immediate(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    if let Some(e) = event_mut(vm, o) {
        e.stop = true;
        e.stop_immediate = true;
    }
    Ok(Value::Undefined)
}

fn m_composed_path(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    let path: Vec<Value> = event_data(vm, o)
        .filter(|e| e.dispatching)
        .map(|e| e.path.iter().map(|x| Value::Obj(*x)).collect())
        .unwrap_or_default();
    Ok(vm.array_value(path))
}

fn m_init_event(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    let ty = vm.to_string(&c.arg(0))?.to_string();
    if let Some(e) = event_mut(vm, o) {
        if !e.dispatching {
            e.ty = ty;
            e.bubbles = c.arg(1).truthy();
            e.cancelable = c.arg(2).truthy();
            e.stop = false;
            e.stop_immediate = false;
            e.canceled = false;
        }
    }
    Ok(Value::Undefined)
}

fn m_get_modifier_state(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    let k = vm.to_string(&c.arg(0))?;
    let member_name = match &*k {
        "Control" => "ctrlKey",
        "Shift" => "shiftKey",
        "Alt" => "altKey",
        "Meta" => "metaKey",
        _ => return Ok(Value::Bool(false)),
    };
    Ok(event_data(vm, o)
        .map(|e| member(e, member_name))
        .unwrap_or(Value::Bool(false)))
}

fn is_trusted(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_event(vm, c)?;
    Ok(Value::Bool(event_data(vm, o).is_some_and(|e| e.trusted)))
}

/// The listener list of an event target (`window` is the global object).
pub fn listeners_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut Vec<Listener>> {
    if o == vm.realm.global {
        return Some(&mut vm.dom.window_listeners);
    }
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Dom(n)) => Some(&mut n.listeners),
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Target(l) => Some(l),
            HostObj::Signal(s) => Some(&mut s.listeners),
            HostObj::Xhr(x) => Some(&mut x.listeners),
            _ => None,
        },
        _ => None,
    }
}

pub fn listeners(vm: &Vm, o: ObjRef) -> Option<&[Listener]> {
    if o == vm.realm.global {
        return Some(&vm.dom.window_listeners);
    }
    match vm.heap.kind(o) {
        Some(Kind::Dom(n)) => Some(&n.listeners),
        Some(Kind::Host(h)) => match &**h {
            HostObj::Target(l) => Some(l),
            HostObj::Signal(s) => Some(&s.listeners),
            HostObj::Xhr(x) => Some(&x.listeners),
            _ => None,
        },
        _ => None,
    }
}

/// `this` of an EventTarget method (`undefined` is the window).
fn this_target(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    let o = match &c.this {
        Value::Undefined | Value::Null => vm.realm.global,
        Value::Obj(o) => *o,
        _ => return Err(vm.type_error("Illegal invocation")),
    };
    if listeners(vm, o).is_none() {
        return Err(vm.type_error("Illegal invocation"));
    }
    Ok(o)
}

/// `capture` from a boolean or an options object.
fn capture_of(vm: &mut Vm, opts: &Value) -> Res<bool> {
    match opts {
        Value::Obj(_) => Ok(vm.get(opts, &PropKey::s("capture"))?.truthy()),
        v => Ok(v.truthy()),
    }
}

fn add_event_listener(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_target(vm, c)?;
    if c.args.len() < 2 {
        return Err(vm.type_error(&format!(
            "Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only {} present.",
            c.args.len()
        )));
    }
    let ty = vm.to_string(&c.arg(0))?.to_string();
    let cb = c.arg(1);
    let opts = c.arg(2);
    let capture = capture_of(vm, &opts)?;
    let (mut once, mut passive, mut signal) = (false, false, None);
    if let Value::Obj(_) = opts {
        once = vm.get(&opts, &PropKey::s("once"))?.truthy();
        passive = vm.get(&opts, &PropKey::s("passive"))?.truthy();
        match vm.get(&opts, &PropKey::s("signal"))? {
            Value::Undefined => {}
            Value::Obj(s) if signal_data(vm, s).is_some() => signal = Some(s),
            _ => {
                return Err(vm.type_error("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type AbortSignal."))
            }
        }
    }
    if !matches!(cb, Value::Obj(_)) {
        if cb.is_nullish() {
            return Ok(Value::Undefined);
        }
        return Err(vm.type_error("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'Object'."));
    }
    if let Some(s) = signal {
        if signal_data(vm, s).is_some_and(|d| d.reason.is_some()) {
            return Ok(Value::Undefined);
        }
    }
    let exists = listeners(vm, t).is_some_and(|l| {
        l.iter().any(|x| {
            !x.handler
                && x.ty == ty
                && x.capture == capture
                && crate::value::strict_equals(&x.callback, &cb)
        })
    });
    if exists {
        return Ok(Value::Undefined);
    }
    let id = add_listener(
        vm,
        t,
        Listener {
            id: 0,
            ty,
            callback: cb,
            capture,
            once,
            passive,
            handler: false,
        },
    );
    if let Some(s) = signal {
        if let Some(d) = signal_mut(vm, s) {
            d.algorithms.push((t, id));
        }
    }
    Ok(Value::Undefined)
}

/// Appends a listener (with a fresh id) and returns its id.
pub fn add_listener(vm: &mut Vm, t: ObjRef, mut l: Listener) -> u64 {
    vm.dom.next_listener_id += 1;
    let id = vm.dom.next_listener_id;
    l.id = id;
    if let Some(list) = listeners_mut(vm, t) {
        list.push(l);
    }
    id
}

fn remove_event_listener(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_target(vm, c)?;
    let ty = vm.to_string(&c.arg(0))?.to_string();
    let cb = c.arg(1);
    let capture = capture_of(vm, &c.arg(2))?;
    if let Some(l) = listeners_mut(vm, t) {
        l.retain(|x| {
            x.handler
                || !(x.ty == ty
                    && x.capture == capture
                    && crate::value::strict_equals(&x.callback, &cb))
        });
    }
    Ok(Value::Undefined)
}

fn dispatch_event(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_target(vm, c)?;
    let ev = match c.arg(0).as_obj() {
        Some(e) if event_data(vm, e).is_some() => e,
        _ => {
            return Err(vm.type_error(
                "Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.",
            ))
        }
    };
    if event_data(vm, ev).is_some_and(|e| e.dispatching) {
        return Err(super::exception(
            vm,
            "InvalidStateError",
            "Tried to dispatch an event that is already being dispatched.",
        ));
    }
    if let Some(e) = event_mut(vm, ev) {
        e.trusted = false;
    }
    Ok(Value::Bool(dispatch(vm, t, ev)?))
}

/// The event path: the target and its ancestors, then `window` for a node in the
/// document (except for `load`).
fn event_path(vm: &Vm, target: ObjRef, ty: &str) -> Vec<ObjRef> {
    if node::node(vm, target).is_none() {
        return vec![target];
    }
    let mut path = node::inclusive_ancestors(vm, target);
    if path.last().copied() == vm.dom.document && ty != "load" {
        path.push(vm.realm.global);
    }
    path
}

/// Dispatches `ev` at `target`; false when a listener canceled it.
pub fn dispatch(vm: &mut Vm, target: ObjRef, ev: ObjRef) -> Res<bool> {
    dispatch_inner(vm, target, ev, None)
}

/// Dispatches `ev` at the window with `shown` as its target (the legacy target
/// override of the window's `load`).
pub fn dispatch_at_window(vm: &mut Vm, window: ObjRef, shown: ObjRef, ev: ObjRef) -> Res<bool> {
    dispatch_inner(vm, window, ev, Some(shown))
}

fn dispatch_inner(vm: &mut Vm, target: ObjRef, ev: ObjRef, shown: Option<ObjRef>) -> Res<bool> {
    let ty = event_data(vm, ev).map(|e| e.ty.clone()).unwrap_or_default();
    let path = event_path(vm, target, &ty);
    let bubbles = event_data(vm, ev).is_some_and(|e| e.bubbles);
    if let Some(e) = event_mut(vm, ev) {
        e.dispatching = true;
        e.target = Some(shown.unwrap_or(target));
        e.path = path.clone();
    }
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(ev);
    let mut result = Ok(());
    for &t in path.iter().rev() {
        let phase = if t == target { 2 } else { 1 };
        result = invoke(vm, t, ev, &ty, phase, true);
        if result.is_err() {
            break;
        }
    }
    if result.is_ok() {
        for &t in &path {
            let phase = if t == target { 2 } else { 3 };
            if phase == 3 && !bubbles {
                continue;
            }
            result = invoke(vm, t, ev, &ty, phase, false);
            if result.is_err() {
                break;
            }
        }
    }
    vm.temp_roots.truncate(mark);
    let canceled = match event_mut(vm, ev) {
        Some(e) => {
            e.dispatching = false;
            e.phase = 0;
            e.current = None;
            e.stop = false;
            e.stop_immediate = false;
            e.path.clear();
            e.canceled
        }
        None => false,
    };
    result?;
    Ok(!canceled)
}

/// Runs the listeners of one path entry for one pass.
fn invoke(vm: &mut Vm, t: ObjRef, ev: ObjRef, ty: &str, phase: u8, capture: bool) -> Res<()> {
    match event_mut(vm, ev) {
        Some(e) if e.stop => return Ok(()),
        Some(e) => {
            e.phase = phase;
            e.current = Some(t);
        }
        None => return Ok(()),
    }
    let snapshot: Vec<Listener> = listeners(vm, t)
        .map(|l| {
            l.iter()
                .filter(|x| x.ty == ty && x.capture == capture)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    for l in snapshot {
        let still = listeners(vm, t).is_some_and(|ls| ls.iter().any(|x| x.id == l.id));
        if !still {
            continue;
        }
        if l.once {
            if let Some(ls) = listeners_mut(vm, t) {
                ls.retain(|x| x.id != l.id);
            }
        }
        if let Some(e) = event_mut(vm, ev) {
            e.in_passive = l.passive;
        }
        let r = call_listener(vm, t, ev, &l);
        if let Some(e) = event_mut(vm, ev) {
            e.in_passive = false;
        }
        report(vm, r)?;
        if event_data(vm, ev).is_some_and(|e| e.stop_immediate) {
            break;
        }
    }
    Ok(())
}

fn call_listener(vm: &mut Vm, t: ObjRef, ev: ObjRef, l: &Listener) -> Res<()> {
    let this = Value::Obj(t);
    if vm.is_callable(&l.callback) {
        let r = vm.call(&l.callback, this, vec![Value::Obj(ev)])?;
        if l.handler && matches!(r, Value::Bool(false)) {
            prevent_default(vm, ev);
        }
        return Ok(());
    }
    if l.handler {
        return Ok(());
    }
    let h = vm.get(&l.callback, &PropKey::s("handleEvent"))?;
    if !vm.is_callable(&h) {
        return Err(vm.type_error("handleEvent is not a function"));
    }
    vm.call(&h, l.callback.clone(), vec![Value::Obj(ev)])?;
    Ok(())
}

/// A listener's error is reported and dispatch goes on (other failures propagate).
pub fn report(vm: &mut Vm, r: Res<()>) -> Res<()> {
    match r {
        Err(Throw::Js(v)) => {
            vm.report_uncaught(&v);
            Ok(())
        }
        other => other,
    }
}

/// Fires a trusted event of `class` named `ty` at `target`; false when canceled.
pub fn fire(
    vm: &mut Vm,
    target: ObjRef,
    class: &str,
    ty: &str,
    flags: (bool, bool, bool),
    init: Vec<(&'static str, Value)>,
) -> Res<bool> {
    let ev = new_event(vm, class, ty, flags, init, true);
    dispatch(vm, target, ev)
}

/// `element.click()`: a synthetic click (bubbling, cancelable) and the element's
/// activation behaviour (checkbox toggling, form submission).
pub fn click(vm: &mut Vm, el: ObjRef) -> Res<()> {
    if super::idl::is_disabled(vm, el) {
        return Ok(());
    }
    let local = node::local(vm, el).unwrap_or("").to_string();
    let input_type = if local == "input" {
        super::idl::input_type(vm, el)
    } else {
        String::new()
    };
    let toggles = matches!(input_type.as_str(), "checkbox" | "radio");
    let was = super::idl::is_checked(vm, el);
    let mut unchecked_radio = None;
    if toggles {
        if input_type == "radio" {
            unchecked_radio = super::idl::checked_radio_in_group(vm, el);
            super::idl::set_checked(vm, el, true);
        } else {
            super::idl::set_checked(vm, el, !was);
        }
    }
    let ev = new_event(vm, "MouseEvent", "click", (true, true, true), vec![], false);
    if let Some(e) = event_mut(vm, ev) {
        if let Some(d) = e.init.iter_mut().find(|(n, _)| *n == "detail") {
            d.1 = Value::Num(1.0);
        }
    }
    let ok = dispatch(vm, el, ev)?;
    if toggles {
        if !ok {
            super::idl::set_checked(vm, el, was);
            if let Some(r) = unchecked_radio {
                super::idl::set_checked(vm, r, true);
            }
        } else if input_type == "checkbox" || !was {
            fire(vm, el, "Event", "input", (true, false, true), vec![])?;
            fire(vm, el, "Event", "change", (true, false, false), vec![])?;
        }
        return Ok(());
    }
    if !ok {
        return Ok(());
    }
    let submits = match local.as_str() {
        "button" => super::idl::button_type(vm, el) == "submit",
        "input" => matches!(input_type.as_str(), "submit" | "image"),
        _ => false,
    };
    if submits {
        if let Some(form) = super::idl::form_owner(vm, el) {
            request_submit(vm, form, Some(el))?;
        }
    } else if (local == "button" && super::idl::button_type(vm, el) == "reset")
        || input_type == "reset"
    {
        if let Some(form) = super::idl::form_owner(vm, el) {
            super::idl::reset_form(vm, form)?;
        }
    } else if local == "label" {
        if let Some(control) = super::idl::labeled_control(vm, el) {
            click(vm, control)?;
        }
    }
    Ok(())
}

/// `form.requestSubmit()`: fires `submit`; jsdom implements no navigation after it.
pub fn request_submit(vm: &mut Vm, form: ObjRef, submitter: Option<ObjRef>) -> Res<()> {
    let s = submitter.map(Value::Obj).unwrap_or(Value::Null);
    let ok = fire(
        vm,
        form,
        "SubmitEvent",
        "submit",
        (true, true, false),
        vec![("submitter", s)],
    )?;
    if ok {
        super::not_implemented(vm, "HTMLFormElement.prototype.requestSubmit");
    }
    Ok(())
}

/// The getter of an event handler attribute (`onclick`); the type is the slot.
fn handler_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_target(vm, c)?;
    let ty = slot_str(vm, c);
    Ok(listeners(vm, t)
        .and_then(|l| l.iter().find(|x| x.handler && *x.ty == *ty))
        .map(|x| x.callback.clone())
        .unwrap_or(Value::Null))
}

fn handler_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_target(vm, c)?;
    let ty = slot_str(vm, c).to_string();
    let v = c.arg(0);
    set_handler(vm, t, &ty, v);
    Ok(Value::Undefined)
}

/// Sets (or with a non-object, clears) the event handler of `ty` on `t`.
pub fn set_handler(vm: &mut Vm, t: ObjRef, ty: &str, v: Value) {
    let is_obj = matches!(v, Value::Obj(_));
    let Some(list) = listeners_mut(vm, t) else {
        return;
    };
    match list.iter_mut().position(|x| x.handler && x.ty == ty) {
        Some(i) if is_obj => list[i].callback = v,
        Some(i) => {
            list.remove(i);
        }
        None if is_obj => {
            add_listener(
                vm,
                t,
                Listener {
                    id: 0,
                    ty: ty.to_string(),
                    callback: v,
                    capture: false,
                    once: false,
                    passive: false,
                    handler: true,
                },
            );
        }
        None => {}
    }
}

/// Defines `on<type>` accessors on `proto`.
pub fn define_handlers(vm: &mut Vm, proto: ObjRef, types: &[&str]) {
    for t in types {
        super::accessor(
            vm,
            proto,
            &format!("on{t}"),
            handler_get,
            Some(handler_set),
            vec![Value::str(t)],
        );
    }
}

/// The GlobalEventHandlers of elements, documents and windows.
pub const GLOBAL_HANDLERS: &[&str] = &[
    "abort",
    "blur",
    "change",
    "click",
    "close",
    "contextmenu",
    "dblclick",
    "drag",
    "dragend",
    "dragenter",
    "dragleave",
    "dragover",
    "dragstart",
    "drop",
    "error",
    "focus",
    "input",
    "invalid",
    "keydown",
    "keypress",
    "keyup",
    "load",
    "mousedown",
    "mouseenter",
    "mouseleave",
    "mousemove",
    "mouseout",
    "mouseover",
    "mouseup",
    "pointerdown",
    "pointermove",
    "pointerup",
    "reset",
    "resize",
    "scroll",
    "select",
    "submit",
    "toggle",
    "transitionend",
    "animationend",
    "wheel",
];

// ---- EventTarget, AbortController, AbortSignal ----

fn event_target_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Class constructor EventTarget cannot be invoked without 'new'"));
    }
    let default = vm.dom.event_target_proto;
    let proto = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Target(Vec::new()))),
    )))
}

pub fn signal_data(vm: &Vm, o: ObjRef) -> Option<&SignalData> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Signal(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn signal_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut SignalData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Signal(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn new_signal(vm: &mut Vm) -> ObjRef {
    let p = vm.dom.signal_proto;
    vm.alloc(
        Some(p),
        Kind::Host(Box::new(HostObj::Signal(Box::default()))),
    )
}

fn abort_controller_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(
            vm.type_error("Class constructor AbortController cannot be invoked without 'new'")
        );
    }
    let s = new_signal(vm);
    let default = vm.dom.controller_proto;
    let proto = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Controller(s))),
    )))
}

fn controller_signal(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.this.as_obj().and_then(|o| match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Controller(s) => Some(*s),
            _ => None,
        },
        _ => None,
    }) {
        Some(s) => Ok(Value::Obj(s)),
        None => Err(vm.type_error("Illegal invocation")),
    }
}

fn controller_abort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = controller_signal(vm, c)?;
    if let Value::Obj(s) = s {
        signal_abort(vm, s, c.arg(0))?;
    }
    Ok(Value::Undefined)
}

/// Aborts a signal: sets its reason, removes the listeners registered with it and
/// fires `abort`.
pub fn signal_abort(vm: &mut Vm, s: ObjRef, reason: Value) -> Res<()> {
    if signal_data(vm, s).is_none_or(|d| d.reason.is_some()) {
        return Ok(());
    }
    let reason = match reason {
        Value::Undefined => exception_value(vm, "AbortError", "The operation was aborted."),
        r => r,
    };
    let algorithms = match signal_mut(vm, s) {
        Some(d) => {
            d.reason = Some(reason);
            std::mem::take(&mut d.algorithms)
        }
        None => Vec::new(),
    };
    for (t, id) in algorithms {
        if let Some(l) = listeners_mut(vm, t) {
            l.retain(|x| x.id != id);
        }
    }
    fire(vm, s, "Event", "abort", (false, false, false), vec![])?;
    Ok(())
}

fn this_signal(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if signal_data(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn signal_aborted(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_signal(vm, c)?;
    Ok(Value::Bool(
        signal_data(vm, s).is_some_and(|d| d.reason.is_some()),
    ))
}

fn signal_reason(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_signal(vm, c)?;
    Ok(signal_data(vm, s)
        .and_then(|d| d.reason.clone())
        .unwrap_or_default())
}

fn signal_throw_if_aborted(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = this_signal(vm, c)?;
    match signal_data(vm, s).and_then(|d| d.reason.clone()) {
        Some(r) => Err(Throw::Js(r)),
        None => Ok(Value::Undefined),
    }
}

fn signal_static_abort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = new_signal(vm);
    let reason = match c.arg(0) {
        Value::Undefined => exception_value(vm, "AbortError", "The operation was aborted."),
        r => r,
    };
    if let Some(d) = signal_mut(vm, s) {
        d.reason = Some(reason);
    }
    Ok(Value::Obj(s))
}

fn signal_static_timeout(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ms = vm.to_number(&c.arg(0))?;
    let s = new_signal(vm);
    let f = vm.native_with("", 0, signal_timeout_fire, vec![Value::Obj(s)], false);
    vm.add_timer(Value::Obj(f), ms, vec![], false);
    Ok(Value::Obj(s))
}

fn signal_timeout_fire(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(s) = crate::builtins::promise::native_slot(vm, c.callee, 0) {
        let r = exception_value(vm, "TimeoutError", "The operation timed out.");
        signal_abort(vm, s, r)?;
    }
    Ok(Value::Undefined)
}

fn signal_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.type_error("Illegal constructor"))
}

/// Installs EventTarget, the Event classes, AbortController and AbortSignal.
pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let (etc, etp) = super::class(vm, "EventTarget", op, None, 0, event_target_ctor);
    vm.dom.event_target_proto = etp;
    vm.dom.event_target_ctor = etc;
    super::op(vm, etp, "addEventListener", 2, add_event_listener);
    super::op(vm, etp, "removeEventListener", 2, remove_event_listener);
    super::op(vm, etp, "dispatchEvent", 1, dispatch_event);

    let g = vm.native("get isTrusted", 0, is_trusted);
    vm.dom.is_trusted_getter = Some(g);
    let mut ctors: Vec<(ObjRef, ObjRef)> = Vec::new();
    for (i, cl) in CLASSES.iter().enumerate() {
        let (pc, pp) = match cl.parent {
            Some(p) => ctors[class_index(p)],
            None => (vm.realm.function_proto, op),
        };
        let parent_ctor = cl.parent.map(|_| pc);
        let (ctor, proto) = super::class(vm, cl.name, pp, parent_ctor, 1, event_ctor);
        if let Some(Kind::Native(n)) = vm.heap.get_mut(ctor).map(|x| &mut x.kind) {
            n.slots = vec![Value::Num(i as f64)];
        }
        let names: Vec<&str> = if i == 0 {
            vec![
                "type",
                "target",
                "srcElement",
                "currentTarget",
                "eventPhase",
                "bubbles",
                "cancelable",
                "defaultPrevented",
                "composed",
                "timeStamp",
            ]
        } else {
            cl.members.iter().map(|m| m.0).collect()
        };
        for n in names {
            super::accessor(vm, proto, n, event_get, None, vec![Value::str(n)]);
        }
        if i == 0 {
            for n in ["returnValue", "cancelBubble"] {
                super::accessor(
                    vm,
                    proto,
                    n,
                    event_get,
                    Some(event_set),
                    vec![Value::str(n)],
                );
            }
            super::op(vm, proto, "stopPropagation", 0, m_stop_propagation);
            super::op(vm, proto, "stopImmediatePropagation", 0, m_stop_immediate);
            super::op(vm, proto, "preventDefault", 0, m_prevent_default);
            super::op(vm, proto, "composedPath", 0, m_composed_path);
            super::op(vm, proto, "initEvent", 1, m_init_event);
            for (k, v) in [
                ("NONE", 0.0),
                ("CAPTURING_PHASE", 1.0),
                ("AT_TARGET", 2.0),
                ("BUBBLING_PHASE", 3.0),
            ] {
                vm.set_const(ctor, k, Value::Num(v));
                vm.set_const(proto, k, Value::Num(v));
            }
        }
        if cl.name == "MouseEvent" {
            for n in ["x", "y", "pageX", "pageY", "offsetX", "offsetY"] {
                super::accessor(vm, proto, n, event_get, None, vec![Value::str(n)]);
            }
        }
        if matches!(cl.name, "MouseEvent" | "KeyboardEvent") {
            super::op(vm, proto, "getModifierState", 1, m_get_modifier_state);
        }
        vm.dom.event_protos.push(proto);
        ctors.push((ctor, proto));
    }

    let (_, acp) = super::class(vm, "AbortController", op, None, 0, abort_controller_ctor);
    vm.dom.controller_proto = acp;
    super::accessor(vm, acp, "signal", controller_signal, None, vec![]);
    super::op(vm, acp, "abort", 0, controller_abort);
    let (sc, sp) = super::class(vm, "AbortSignal", etp, Some(etc), 0, signal_ctor);
    vm.dom.signal_proto = sp;
    super::accessor(vm, sp, "aborted", signal_aborted, None, vec![]);
    super::accessor(vm, sp, "reason", signal_reason, None, vec![]);
    super::op(vm, sp, "throwIfAborted", 0, signal_throw_if_aborted);
    define_handlers(vm, sp, &["abort"]);
    let statics: [(&str, u32, NativeFnPtr); 2] = [
        ("abort", 0, signal_static_abort),
        ("timeout", 1, signal_static_timeout),
    ];
    for (n, l, f) in statics {
        super::op(vm, sc, n, l, f);
    }
}
