//! The window of the simulated page (jsdom's, at `about:blank`, pretending to be
//! visual): `window`/`self`/`frames`/`parent`/`top`, `location`, `navigator`,
//! `screen`, `history`, the viewport sizes, `getComputedStyle`, animation frames (a
//! 60 Hz timer that runs only while callbacks are pending, as jsdom's does),
//! `postMessage`, the storage that opaque origins refuse, the methods jsdom does
//! not implement (`alert`...), and the page's load: `DOMContentLoaded` right after
//! the script, `load` after its microtasks.

use super::url;
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// jsdom's user agent.
const USER_AGENT: &str = "Mozilla/5.0 (linux) AppleWebKit/537.36 (KHTML, like Gecko) jsdom/26.1.0";

/// `document.lastModified` at the virtual clock's start (2024-01-01, UTC).
pub const LAST_MODIFIED: &str = "01/01/2024 00:00:00";

/// The animation-frame interval: Node runs jsdom's 1000/60 ms interval every 17 ms.
const FRAME_MS: f64 = 17.0;

fn const_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(crate::builtins::promise::native_slot(vm, c.callee, 0))
}

/// Read-only attributes with constant values on `proto`.
fn constants(vm: &mut Vm, proto: ObjRef, list: Vec<(&str, Value)>) {
    for (k, v) in list {
        super::accessor(vm, proto, k, const_get, None, vec![v]);
    }
}

/// A `DOMRect` of zeros (`getBoundingClientRect` without layout).
pub fn dom_rect(vm: &mut Vm) -> ObjRef {
    let p = vm.dom.rect_proto;
    let r = vm.alloc(Some(p), Kind::Ordinary);
    for k in [
        "x", "y", "width", "height", "top", "right", "bottom", "left",
    ] {
        vm.set_prop_raw(r, k, Value::Num(0.0));
    }
    r
}

fn rect_to_json(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = vm.new_object();
    for k in [
        "x", "y", "bottom", "height", "left", "right", "top", "width",
    ] {
        let v = vm.get(&c.this, &PropKey::s(k))?;
        vm.set_prop_raw(o, k, v);
    }
    Ok(Value::Obj(o))
}

// ---- location ----

fn location_url(vm: &Vm) -> url::Url {
    vm.dom.location.clone()
}

fn location_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let u = location_url(vm);
    Ok(Value::str(&match &*which {
        "href" => u.href(),
        "origin" => u.origin(),
        "protocol" => u.protocol,
        "host" => u.host(),
        "hostname" => u.hostname,
        "port" => u.port,
        "pathname" => u.pathname,
        "search" => u.search,
        _ => u.hash,
    }))
}

fn location_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let v = vm.to_string(&c.arg(0))?.to_string();
    if &*which == "hash" {
        let h = v.trim_start_matches('#');
        let new = if h.is_empty() {
            String::new()
        } else {
            format!("#{h}")
        };
        set_hash(vm, new);
    } else if &*which == "href" && v.starts_with('#') {
        set_hash(vm, v);
    } else {
        super::not_implemented(vm, "navigation (except hash changes)");
    }
    Ok(Value::Undefined)
}

/// A fragment navigation: the new hash, then `hashchange` in a later task.
fn set_hash(vm: &mut Vm, hash: String) {
    let old = vm.dom.location.href();
    if vm.dom.location.hash == hash {
        return;
    }
    vm.dom.location.hash = hash;
    let new = vm.dom.location.href();
    let f = vm.native_with(
        "",
        0,
        fire_hashchange,
        vec![Value::str(&old), Value::str(&new)],
        false,
    );
    vm.add_timer(Value::Obj(f), 0.0, vec![], false);
}

fn fire_hashchange(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let old = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let new = crate::builtins::promise::native_slot(vm, c.callee, 1);
    let g = vm.realm.global;
    super::events::fire(
        vm,
        g,
        "HashChangeEvent",
        "hashchange",
        (true, false, false),
        vec![("oldURL", old), ("newURL", new)],
    )?;
    Ok(Value::Undefined)
}

fn location_to_string(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::str(&vm.dom.location.href()))
}

fn location_assign(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let v = vm.to_string(&c.arg(0))?.to_string();
    if let Some(h) = v.strip_prefix('#') {
        set_hash(vm, format!("#{h}"));
    } else {
        super::not_implemented(vm, "navigation (except hash changes)");
    }
    Ok(Value::Undefined)
}

fn location_reload(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    super::not_implemented(vm, "location.reload()");
    Ok(Value::Undefined)
}

/// The Location object: its members are own properties ([LegacyUnforgeable]).
fn make_location(vm: &mut Vm) -> ObjRef {
    let op = vm.realm.object_proto;
    let (_, lp) = super::class(vm, "Location", op, None, 0, super::illegal_ctor);
    let loc = vm.alloc(Some(lp), Kind::Ordinary);
    for k in [
        "href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash",
    ] {
        let setter: Option<NativeFnPtr> = (k != "origin").then_some(location_set as NativeFnPtr);
        super::accessor(vm, loc, k, location_get, setter, vec![Value::str(k)]);
    }
    for (k, f) in [
        ("assign", location_assign as NativeFnPtr),
        ("replace", location_assign),
        ("reload", location_reload),
        ("toString", location_to_string),
        ("valueOf", location_to_string),
    ] {
        super::op(vm, loc, k, 1, f);
    }
    loc
}

fn location_prop(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(vm.dom.location_obj.map(Value::Obj).unwrap_or_default())
}

fn location_prop_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(l) = vm.dom.location_obj {
        vm.set_or_throw(l, PropKey::s("href"), c.arg(0))?;
    }
    Ok(Value::Undefined)
}

/// Defines the own `location` accessor (on the window and the document).
pub fn define_location(vm: &mut Vm, on: ObjRef) {
    super::accessor(
        vm,
        on,
        "location",
        location_prop,
        Some(location_prop_set),
        vec![],
    );
    if let Some(o) = vm.heap.get_mut(on) {
        if let Some(p) = o.props.get_mut(&PropKey::s("location")) {
            p.configurable = false;
        }
    }
}

// ---- animation frames ----

fn request_animation_frame(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let cb = c.arg(0);
    if !vm.is_callable(&cb) {
        return Err(vm.type_error("Failed to execute 'requestAnimationFrame' on 'Window': parameter 1 is not of type 'Function'."));
    }
    vm.dom.next_frame_id += 1;
    let h = vm.dom.next_frame_id;
    vm.dom.frames.push((h, cb));
    if vm.dom.frames.len() == 1 {
        let f = match vm.dom.frame_tick {
            Some(f) => f,
            None => {
                let f = vm.native("", 0, run_frames);
                vm.dom.frame_tick = Some(f);
                f
            }
        };
        let id = vm.add_internal_timer(Value::Obj(f), FRAME_MS, true, "requestAnimationFrame");
        vm.dom.frame_timer = Some(id);
    }
    Ok(Value::Num(h as f64))
}

fn remove_frame(vm: &mut Vm, h: u32) {
    let before = vm.dom.frames.len();
    vm.dom.frames.retain(|(x, _)| *x != h);
    if before != vm.dom.frames.len() && vm.dom.frames.is_empty() {
        if let Some(t) = vm.dom.frame_timer.take() {
            vm.clear_timer(t);
        }
    }
}

fn cancel_animation_frame(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let h = vm.to_number(&c.arg(0))?;
    if h >= 0.0 {
        remove_frame(vm, h as u32);
    }
    Ok(Value::Undefined)
}

/// One animation frame: the callbacks pending at its start, with the frame time.
fn run_frames(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    let now = Value::Num(vm.events.now as f64);
    let handles: Vec<u32> = vm.dom.frames.iter().map(|(h, _)| *h).collect();
    for h in handles {
        let Some(cb) = vm
            .dom
            .frames
            .iter()
            .find(|(x, _)| *x == h)
            .map(|(_, cb)| cb.clone())
        else {
            continue;
        };
        remove_frame(vm, h);
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend(cb.as_obj());
        let r = vm
            .call(&cb, Value::Undefined, vec![now.clone()])
            .map(|_| ());
        vm.temp_roots.truncate(mark);
        super::events::report(vm, r)?;
    }
    Ok(Value::Undefined)
}

// ---- other window members ----

fn get_computed_style(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    match c.arg(0).as_obj() {
        Some(el) if super::node::is_element(vm, el) => {
            Ok(Value::Obj(super::collections::computed_style(vm, el)))
        }
        _ => Err(vm.type_error("Failed to execute 'getComputedStyle' on 'Window': parameter 1 is not of type 'Element'.")),
    }
}

fn not_implemented_method(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Str(s) = crate::builtins::promise::native_slot(vm, c.callee, 0) {
        super::not_implemented(vm, &s);
    }
    Ok(Value::Undefined)
}

fn storage_refused(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => "localStorage".into(),
    };
    Err(super::exception(
        vm,
        "SecurityError",
        &format!("{which} is not available for opaque origins"),
    ))
}

fn post_message(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let data = crate::builtins::structured::structured_clone(vm, &c.arg(0))?;
    let f = vm.native_with("", 0, deliver_message, vec![data], false);
    vm.add_timer(Value::Obj(f), 0.0, vec![], false);
    Ok(Value::Undefined)
}

fn deliver_message(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let data = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let g = vm.realm.global;
    super::events::fire(
        vm,
        g,
        "MessageEvent",
        "message",
        (false, false, false),
        vec![("data", data), ("source", Value::Obj(g))],
    )?;
    Ok(Value::Undefined)
}

fn history_state(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(vm.dom.history_state.clone())
}

fn history_length(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(vm.dom.history_length as f64))
}

fn history_push(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let push = matches!(
        crate::builtins::promise::native_slot(vm, c.callee, 0),
        Value::Bool(true)
    );
    let state = crate::builtins::structured::structured_clone(vm, &c.arg(0))?;
    if let Value::Str(u) = c.arg(2) {
        if let Some(h) = u.strip_prefix('#') {
            vm.dom.location.hash = if h.is_empty() {
                String::new()
            } else {
                format!("#{h}")
            };
        } else if !u.is_empty() {
            return Err(super::exception(
                vm,
                "SecurityError",
                &format!(
                    "Could not push state with URL '{u}' in a document with URL 'about:blank'"
                ),
            ));
        }
    }
    vm.dom.history_state = state;
    if push {
        vm.dom.history_length += 1;
    }
    Ok(Value::Undefined)
}

fn noop(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Undefined)
}

/// An object of interface `name` whose members are constant getters on its prototype.
fn constant_object(vm: &mut Vm, name: &'static str, members: Vec<(&str, Value)>) -> ObjRef {
    let op = vm.realm.object_proto;
    let (_, p) = super::class(vm, name, op, None, 0, super::illegal_ctor);
    constants(vm, p, members);
    vm.alloc(Some(p), Kind::Ordinary)
}

/// Installs the window's own members on the global object.
pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    let etp = vm.dom.event_target_proto;
    let etc = vm.dom.event_target_ctor;
    let named = vm.heap.alloc(
        Some(etp),
        Kind::Host(Box::new(super::HostObj::NamedProperties)),
    );
    vm.set_tag(named, "WindowProperties");
    let (_, wp) = super::class(vm, "Window", named, Some(etc), 0, super::illegal_ctor);
    if let Some(o) = vm.heap.get_mut(g) {
        o.proto = Some(wp);
    }
    super::events::define_handlers(vm, wp, super::events::GLOBAL_HANDLERS);
    super::events::define_handlers(
        vm,
        wp,
        &[
            "beforeunload",
            "hashchange",
            "message",
            "offline",
            "online",
            "pagehide",
            "pageshow",
            "popstate",
            "storage",
            "unload",
        ],
    );
    for k in ["window", "self", "frames", "parent", "top"] {
        vm.set_hidden(g, k, Value::Obj(g));
    }
    for (k, v) in [
        ("innerWidth", 1024.0),
        ("innerHeight", 768.0),
        ("outerWidth", 1024.0),
        ("outerHeight", 768.0),
        ("devicePixelRatio", 1.0),
        ("scrollX", 0.0),
        ("scrollY", 0.0),
        ("pageXOffset", 0.0),
        ("pageYOffset", 0.0),
        ("screenX", 0.0),
        ("screenY", 0.0),
        ("screenLeft", 0.0),
        ("screenTop", 0.0),
        ("length", 0.0),
    ] {
        vm.set_prop_raw(g, k, Value::Num(v));
    }
    vm.set_prop_raw(g, "name", Value::str(""));
    vm.set_prop_raw(g, "status", Value::str(""));
    vm.set_prop_raw(g, "origin", Value::str("null"));
    vm.set_prop_raw(g, "closed", Value::Bool(false));
    vm.set_prop_raw(g, "opener", Value::Null);
    vm.set_prop_raw(g, "frameElement", Value::Null);

    vm.dom.location = url::about_blank();
    let loc = make_location(vm);
    vm.dom.location_obj = Some(loc);
    define_location(vm, g);

    let languages = vm.array_value(vec![Value::str("en-US"), Value::str("en")]);
    let nav = constant_object(
        vm,
        "Navigator",
        vec![
            ("userAgent", Value::str(USER_AGENT)),
            ("appCodeName", Value::str("Mozilla")),
            ("appName", Value::str("Netscape")),
            ("appVersion", Value::str(&USER_AGENT["Mozilla/".len()..])),
            ("platform", Value::str("")),
            ("product", Value::str("Gecko")),
            ("productSub", Value::str("20030107")),
            ("vendor", Value::str("Apple Computer, Inc.")),
            ("vendorSub", Value::str("")),
            ("language", Value::str("en-US")),
            ("languages", languages),
            ("onLine", Value::Bool(true)),
            ("cookieEnabled", Value::Bool(true)),
            ("hardwareConcurrency", Value::Num(2.0)),
            ("webdriver", Value::Bool(false)),
        ],
    );
    vm.set_hidden(g, "navigator", Value::Obj(nav));
    let screen = constant_object(
        vm,
        "Screen",
        vec![
            ("availWidth", Value::Num(0.0)),
            ("availHeight", Value::Num(0.0)),
            ("width", Value::Num(0.0)),
            ("height", Value::Num(0.0)),
            ("colorDepth", Value::Num(24.0)),
            ("pixelDepth", Value::Num(24.0)),
        ],
    );
    vm.set_hidden(g, "screen", Value::Obj(screen));
    let op = vm.realm.object_proto;
    let (_, hp) = super::class(vm, "History", op, None, 0, super::illegal_ctor);
    super::accessor(vm, hp, "length", history_length, None, vec![]);
    super::accessor(vm, hp, "state", history_state, None, vec![]);
    for (k, push) in [("pushState", true), ("replaceState", false)] {
        let f = vm.native_with(k, 2, history_push, vec![Value::Bool(push)], false);
        vm.set_prop_raw(hp, k, Value::Obj(f));
    }
    for k in ["back", "forward", "go"] {
        super::op(vm, hp, k, 0, noop);
    }
    vm.dom.history_length = 1;
    let history = vm.alloc(Some(hp), Kind::Ordinary);
    vm.set_hidden(g, "history", Value::Obj(history));

    let (_, rp) = super::class(vm, "DOMRect", op, None, 0, super::illegal_ctor);
    vm.dom.rect_proto = rp;
    super::op(vm, rp, "toJSON", 0, rect_to_json);

    super::op(vm, g, "requestAnimationFrame", 1, request_animation_frame);
    super::op(vm, g, "cancelAnimationFrame", 1, cancel_animation_frame);
    super::op(vm, g, "getComputedStyle", 1, get_computed_style);
    super::op(vm, g, "postMessage", 1, post_message);
    for name in [
        "alert", "confirm", "prompt", "print", "open", "stop", "moveBy", "moveTo", "resizeBy",
        "resizeTo", "scroll", "scrollBy", "scrollTo",
    ] {
        let f = vm.native_with(
            name,
            0,
            not_implemented_method,
            vec![Value::str(&format!("window.{name}"))],
            true,
        );
        vm.set_prop_raw(g, name, Value::Obj(f));
    }
    for k in ["focus", "blur"] {
        super::op(vm, g, k, 0, noop);
    }
    for k in ["localStorage", "sessionStorage"] {
        super::accessor(vm, wp, k, storage_refused, None, vec![Value::str(k)]);
    }
}

/// The page finished parsing: `readystatechange` and `DOMContentLoaded`.
pub fn content_loaded(vm: &mut Vm) -> Res<()> {
    let Some(doc) = vm.dom.document else {
        return Ok(());
    };
    vm.dom.ready_state = "interactive";
    super::events::fire(
        vm,
        doc,
        "Event",
        "readystatechange",
        (false, false, false),
        vec![],
    )?;
    super::events::fire(
        vm,
        doc,
        "Event",
        "DOMContentLoaded",
        (true, false, false),
        vec![],
    )?;
    Ok(())
}

/// The page finished loading: `readystatechange` and the window's `load` (whose
/// target is the document).
pub fn loaded(vm: &mut Vm) -> Res<()> {
    let Some(doc) = vm.dom.document else {
        return Ok(());
    };
    vm.dom.ready_state = "complete";
    super::events::fire(
        vm,
        doc,
        "Event",
        "readystatechange",
        (false, false, false),
        vec![],
    )?;
    let ev = super::events::new_event(vm, "Event", "load", (false, false, false), vec![], true);
    let g = vm.realm.global;
    // `load` is fired at the window with the document as its target.
    super::events::dispatch_at_window(vm, g, doc, ev)?;
    Ok(())
}
