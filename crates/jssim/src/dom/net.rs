//! XMLHttpRequest on a simulated, offline network: the request's states and events
//! follow the XHR standard (`open` → OPENED with `readystatechange`, `abort`, header
//! and state checks with jsdom's DOMExceptions), and `send()` gets no real I/O: after
//! a virtual delay the request fails as a network error (readyState 4, status 0,
//! `error` and `loadend` events), as it would in a browser without a network.

use super::events::{self, Listener};
use super::HostObj;
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, Value};

/// Virtual milliseconds before the simulated network answers.
const NETWORK_DELAY_MS: f64 = 100.0;

/// An XMLHttpRequest's state.
#[derive(Clone, Debug, Default)]
pub struct XhrData {
    pub listeners: Vec<Listener>,
    pub state: u8,
    pub send_flag: bool,
    pub synchronous: bool,
    pub method: String,
    pub url: String,
    pub response_type: String,
    pub timeout: f64,
    pub with_credentials: bool,
    pub headers: Vec<(String, String)>,
    /// The id of the pending network reply (cleared by `abort`).
    pub pending: Option<u32>,
}

fn xhr(vm: &Vm, o: ObjRef) -> Option<&XhrData> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Xhr(x) => Some(x),
            _ => None,
        },
        _ => None,
    }
}

fn xhr_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut XhrData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Xhr(x) => Some(x),
            _ => None,
        },
        _ => None,
    }
}

fn this_xhr(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if xhr(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn invalid_state(vm: &mut Vm) -> crate::interp::Throw {
    super::exception(
        vm,
        "InvalidStateError",
        "The object is in an invalid state.",
    )
}

fn ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(
            vm.type_error("Class constructor XMLHttpRequest cannot be invoked without 'new'")
        );
    }
    let default = vm.dom.xhr_proto;
    let proto = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Xhr(Box::default()))),
    )))
}

fn get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let Some(x) = xhr(vm, o) else {
        return Ok(Value::Undefined);
    };
    Ok(match &*which {
        "readyState" => Value::Num(x.state as f64),
        "status" => Value::Num(0.0),
        "statusText" | "responseURL" => Value::str(""),
        "responseText" => {
            if !matches!(x.response_type.as_str(), "" | "text") {
                return Err(invalid_state(vm));
            }
            Value::str("")
        }
        "response" => match x.response_type.as_str() {
            "" | "text" => Value::str(""),
            _ => Value::Null,
        },
        "responseXML" => Value::Null,
        "responseType" => Value::str(&x.response_type),
        "timeout" => Value::Num(x.timeout),
        "withCredentials" => Value::Bool(x.with_credentials),
        _ => Value::Undefined,
    })
}

fn set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    let which = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let v = c.arg(0);
    let (state, send) = xhr(vm, o)
        .map(|x| (x.state, x.send_flag))
        .unwrap_or((0, false));
    match &*which {
        "responseType" => {
            if state >= 3 {
                return Err(invalid_state(vm));
            }
            let t = vm.to_string(&v)?.to_string();
            if matches!(
                t.as_str(),
                "" | "text" | "json" | "blob" | "arraybuffer" | "document"
            ) {
                if let Some(x) = xhr_mut(vm, o) {
                    x.response_type = t;
                }
            }
        }
        "timeout" => {
            let n = vm.to_number(&v)?;
            if let Some(x) = xhr_mut(vm, o) {
                x.timeout = n.max(0.0).trunc();
            }
        }
        "withCredentials" => {
            if state > 1 || send {
                return Err(invalid_state(vm));
            }
            if let Some(x) = xhr_mut(vm, o) {
                x.with_credentials = v.truthy();
            }
        }
        _ => {}
    }
    Ok(Value::Undefined)
}

fn fire(vm: &mut Vm, o: ObjRef, class: &str, ty: &str) -> Res<()> {
    events::fire(vm, o, class, ty, (false, false, false), vec![])?;
    Ok(())
}

fn open(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    if c.args.len() < 2 {
        return Err(vm.type_error(&format!(
            "Failed to execute 'open' on 'XMLHttpRequest': 2 arguments required, but only {} present.",
            c.args.len()
        )));
    }
    let method = vm.to_string(&c.arg(0))?.to_string();
    let is_token = !method.is_empty()
        && method
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(ch));
    if !is_token {
        return Err(super::exception(
            vm,
            "SyntaxError",
            "The string did not match the expected pattern.",
        ));
    }
    let upper = method.to_ascii_uppercase();
    if matches!(upper.as_str(), "CONNECT" | "TRACE" | "TRACK") {
        return Err(super::exception(
            vm,
            "SecurityError",
            "The operation is insecure.",
        ));
    }
    let method = if matches!(
        upper.as_str(),
        "DELETE" | "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT"
    ) {
        upper
    } else {
        method
    };
    let raw = vm.to_string(&c.arg(1))?.to_string();
    let Some(u) = super::url::resolve(&raw) else {
        return Err(super::exception(
            vm,
            "SyntaxError",
            "The string did not match the expected pattern.",
        ));
    };
    let synchronous =
        matches!(c.arg(2), Value::Bool(false)) || (c.args.len() > 2 && !c.arg(2).truthy());
    let old_state = xhr(vm, o).map(|x| x.state).unwrap_or(0);
    let pending = match xhr_mut(vm, o) {
        Some(x) => {
            x.method = method;
            x.url = u.href();
            x.synchronous = synchronous;
            x.send_flag = false;
            x.headers.clear();
            x.state = 1;
            x.pending.take()
        }
        None => None,
    };
    if let Some(t) = pending {
        vm.clear_timer(t);
    }
    if old_state != 1 {
        fire(vm, o, "Event", "readystatechange")?;
    }
    Ok(Value::Undefined)
}

fn set_request_header(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    let (state, send) = xhr(vm, o)
        .map(|x| (x.state, x.send_flag))
        .unwrap_or((0, false));
    if state != 1 || send {
        return Err(invalid_state(vm));
    }
    let k = vm.to_string(&c.arg(0))?.to_string();
    let v = vm.to_string(&c.arg(1))?.to_string();
    if let Some(x) = xhr_mut(vm, o) {
        x.headers.push((k, v));
    }
    Ok(Value::Undefined)
}

fn send(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    let (state, send, sync) = xhr(vm, o)
        .map(|x| (x.state, x.send_flag, x.synchronous))
        .unwrap_or((0, false, false));
    if state != 1 || send {
        return Err(invalid_state(vm));
    }
    if sync {
        if let Some(x) = xhr_mut(vm, o) {
            x.state = 4;
        }
        return Err(super::exception(
            vm,
            "NetworkError",
            "the simulated network is offline",
        ));
    }
    let f = vm.native_with("", 0, reply, vec![Value::Obj(o)], false);
    let id = vm.add_internal_timer(Value::Obj(f), NETWORK_DELAY_MS, false, "XMLHttpRequest");
    if let Some(x) = xhr_mut(vm, o) {
        x.send_flag = true;
        x.pending = Some(id);
    }
    fire(vm, o, "ProgressEvent", "loadstart")?;
    Ok(Value::Undefined)
}

/// The simulated network's answer: a network error.
fn reply(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Value::Obj(o) = crate::builtins::promise::native_slot(vm, c.callee, 0) else {
        return Ok(Value::Undefined);
    };
    if let Some(x) = xhr_mut(vm, o) {
        x.state = 4;
        x.send_flag = false;
        x.pending = None;
    }
    fire(vm, o, "Event", "readystatechange")?;
    fire(vm, o, "ProgressEvent", "error")?;
    fire(vm, o, "ProgressEvent", "loadend")?;
    Ok(Value::Undefined)
}

fn abort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    let (state, send, pending) = match xhr_mut(vm, o) {
        Some(x) => (x.state, x.send_flag, x.pending.take()),
        None => return Ok(Value::Undefined),
    };
    if let Some(t) = pending {
        vm.clear_timer(t);
    }
    if (state == 1 && send) || state == 2 || state == 3 {
        if let Some(x) = xhr_mut(vm, o) {
            x.state = 4;
            x.send_flag = false;
        }
        fire(vm, o, "Event", "readystatechange")?;
        fire(vm, o, "ProgressEvent", "abort")?;
        fire(vm, o, "ProgressEvent", "loadend")?;
    }
    if xhr(vm, o).is_some_and(|x| x.state == 4) {
        if let Some(x) = xhr_mut(vm, o) {
            x.state = 0;
        }
    }
    Ok(Value::Undefined)
}

fn get_response_header(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_xhr(vm, c)?;
    Ok(Value::Null)
}

fn get_all_response_headers(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_xhr(vm, c)?;
    Ok(Value::str(""))
}

fn override_mime_type(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_xhr(vm, c)?;
    if xhr(vm, o).is_some_and(|x| x.state >= 3) {
        return Err(invalid_state(vm));
    }
    Ok(Value::Undefined)
}

pub fn install(vm: &mut Vm) {
    let etp = vm.dom.event_target_proto;
    let etc = vm.dom.event_target_ctor;
    let (tc, tp) = super::class(
        vm,
        "XMLHttpRequestEventTarget",
        etp,
        Some(etc),
        0,
        super::illegal_ctor,
    );
    events::define_handlers(
        vm,
        tp,
        &[
            "loadstart",
            "progress",
            "abort",
            "error",
            "load",
            "timeout",
            "loadend",
        ],
    );
    let (xc, xp) = super::class(vm, "XMLHttpRequest", tp, Some(tc), 0, ctor);
    vm.dom.xhr_proto = xp;
    events::define_handlers(vm, xp, &["readystatechange"]);
    for (i, k) in ["UNSENT", "OPENED", "HEADERS_RECEIVED", "LOADING", "DONE"]
        .iter()
        .enumerate()
    {
        vm.set_const(xc, k, Value::Num(i as f64));
        vm.set_const(xp, k, Value::Num(i as f64));
    }
    for k in [
        "readyState",
        "status",
        "statusText",
        "responseText",
        "response",
        "responseURL",
        "responseXML",
    ] {
        super::accessor(vm, xp, k, get, None, vec![Value::str(k)]);
    }
    for k in ["responseType", "timeout", "withCredentials"] {
        super::accessor(vm, xp, k, get, Some(set), vec![Value::str(k)]);
    }
    let methods: [(&str, u32, NativeFnPtr); 7] = [
        ("open", 2, open),
        ("setRequestHeader", 2, set_request_header),
        ("send", 0, send),
        ("abort", 0, abort),
        ("getResponseHeader", 1, get_response_header),
        ("getAllResponseHeaders", 0, get_all_response_headers),
        ("overrideMimeType", 1, override_mime_type),
    ];
    for (n, l, f) in methods {
        super::op(vm, xp, n, l, f);
    }
}
