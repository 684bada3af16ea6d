//! The end-of-program leak report, like DevTools' retainers view: every object still
//! alive when the event loop stops is traced back to the root that keeps it, along the
//! shortest path (`timer #1 (setInterval)` → callback → context → variable → object;
//! `listener 'click' on <button#save>` → closure → ...; a global variable; a detached
//! DOM node held by a variable).

use crate::gc::{Edge, Strength};
use crate::heap::Kind;
use crate::interp::Vm;
use crate::value::{ObjRef, PropKey, Value};
use gen_trace::Retained;
use std::collections::{HashMap, VecDeque};

/// How many retained objects the report lists at most.
const MAX_REPORTED: usize = 32;

/// A root with the words that name it.
struct Root {
    label: String,
    obj: ObjRef,
}

/// The runtime's roots other than the script's own bindings (timers, listeners, global
/// properties the script set, pending tasks), as drawn in heap snapshots.
pub fn runtime_roots(vm: &Vm) -> Vec<(String, ObjRef)> {
    let script: Vec<ObjRef> = vm
        .script_scope
        .iter()
        .filter_map(|(_, v)| match v {
            Value::Obj(o) => Some(*o),
            _ => None,
        })
        .collect();
    let mut out: Vec<(String, ObjRef)> = Vec::new();
    for r in roots(vm) {
        // A timer still pending at the limit is listed twice (pending and live).
        if !script.contains(&r.obj) && !out.iter().any(|(l, o)| *l == r.label && *o == r.obj) {
            out.push((r.label, r.obj));
        }
    }
    out
}

fn roots(vm: &Vm) -> Vec<Root> {
    let mut out = Vec::new();
    let timers = vm
        .events
        .timers
        .values()
        .chain(vm.events.live_at_limit.iter());
    for t in timers {
        let label = match t.interval {
            Some(ms) => format!("timer #{} (setInterval every {ms} ms)", t.id),
            None => format!("timer #{} ({})", t.id, t.what),
        };
        if let Value::Obj(f) = &t.f {
            out.push(Root {
                label: label.clone(),
                obj: *f,
            });
        }
        for a in &t.args {
            if let Value::Obj(o) = a {
                out.push(Root {
                    label: format!("{label} argument"),
                    obj: *o,
                });
            }
        }
    }
    let g = vm.realm.global;
    if let Some(go) = vm.heap.get(g) {
        for (k, p) in &go.props {
            if vm.builtin_globals.contains(k) {
                continue;
            }
            if let crate::heap::PropVal::Data(Value::Obj(o)) = &p.v {
                out.push(Root {
                    label: format!("global variable {}", key_words(vm, k)),
                    obj: *o,
                });
            }
        }
    }
    for (n, v) in &vm.script_scope {
        if let Value::Obj(o) = v {
            out.push(Root {
                label: format!("script variable '{n}'"),
                obj: *o,
            });
        }
    }
    for (what, o) in vm.dom.leak_roots(vm) {
        out.push(Root {
            label: what,
            obj: o,
        });
    }
    for (j, what, _) in &vm.events.tasks {
        if let crate::event_loop::Job::Call {
            f: Value::Obj(f), ..
        } = j
        {
            out.push(Root {
                label: format!("pending task ({what})"),
                obj: *f,
            });
        }
    }
    out
}

/// How a root held by the global object's property `name` is labelled.
pub fn global_variable_label(name: &str) -> String {
    format!("global variable '{name}'")
}

fn key_words(vm: &Vm, k: &PropKey) -> String {
    match k {
        PropKey::Str(s) => format!("'{s}'"),
        PropKey::Sym(_) => vm.key_display(k),
    }
}

fn edge_words(vm: &Vm, e: Edge) -> Option<String> {
    Some(match e {
        Edge::Proto => return None,
        Edge::Prop(k) => format!("property {}", key_words(vm, k)),
        Edge::Getter(k) => format!("getter {}", key_words(vm, k)),
        Edge::Setter(k) => format!("setter {}", key_words(vm, k)),
        Edge::Element(i) => format!("element [{i}]"),
        Edge::Context => "closure context".into(),
        Edge::Var(n) => format!("variable '{n}'"),
        Edge::ParentContext => "outer context".into(),
        Edge::Internal(s) => s.into(),
        Edge::MapKey => "key".into(),
        Edge::MapValue => "value".into(),
        Edge::Listener(t) => format!("listener '{t}'"),
        Edge::Child(i) => format!("child [{i}]"),
        Edge::Parent => "parent node".into(),
    })
}

/// Words for an object: `closure tick`, `Array(3)`, `Object`, `<div#id>`.
pub fn describe(vm: &Vm, o: ObjRef) -> String {
    let Some(obj) = vm.heap.get(o) else {
        return "?".into();
    };
    match &obj.kind {
        Kind::Function(c) => {
            if c.code.name.is_empty() {
                "anonymous closure".into()
            } else {
                format!("closure {}", c.code.name)
            }
        }
        Kind::Array(items) => format!("Array({})", items.len()),
        Kind::Map(t) => format!("Map({})", t.live),
        Kind::Set(t) => format!("Set({})", t.live),
        Kind::Context(c) => format!("Context({})", c.names.join(", ")),
        Kind::Dom(_) => crate::dom::short_name(vm, o),
        _ => match crate::inspect::constructor_name(vm, o) {
            Some(n) => n,
            None => vm.type_name(o),
        },
    }
}

/// Objects worth listing: data and DOM nodes (not the closures and contexts on the
/// way to them, which appear in the paths).
fn reportable(vm: &Vm, o: ObjRef) -> bool {
    !matches!(
        vm.heap.kind(o),
        Some(Kind::Context(_) | Kind::Native(_) | Kind::Iter(_)) | None
    )
}

/// Retained objects with their shortest retainer path from a root. The paths pass
/// through the page's own DOM nodes (a detached `<button>` held by a variable keeps its
/// listeners), which are listed themselves only as the top of a detached tree.
pub fn retained(vm: &mut Vm) -> Vec<Retained> {
    let builtin = vm.trace.first_user_id();
    let user = |vm: &Vm, o: ObjRef| vm.heap.get(o).is_some_and(|x| x.meta.id > builtin);
    let node = |vm: &Vm, o: ObjRef| matches!(vm.heap.kind(o), Some(Kind::Dom(_)));
    let roots = roots(vm);
    // Breadth-first from every root: the first discovery is the shortest path.
    let mut parent: HashMap<ObjRef, (Option<ObjRef>, String)> = HashMap::new();
    let mut root_of: HashMap<ObjRef, usize> = HashMap::new();
    let mut queue = VecDeque::new();
    let mut order = Vec::new();
    for (i, r) in roots.iter().enumerate() {
        if !user(vm, r.obj) || parent.contains_key(&r.obj) {
            continue;
        }
        parent.insert(r.obj, (None, String::new()));
        root_of.insert(r.obj, i);
        queue.push_back(r.obj);
    }
    while let Some(o) = queue.pop_front() {
        order.push(o);
        let mut next = Vec::new();
        let function = matches!(vm.heap.kind(o), Some(Kind::Function(_)));
        vm.for_each_edge(o, |e, s, t| {
            // A function's own `prototype` object is the runtime's, not a leak of its own.
            let own_prototype =
                function && matches!(e, Edge::Prop(PropKey::Str(k)) if &**k == "prototype");
            if s == Strength::Strong && !own_prototype {
                if let Some(w) = edge_words(vm, e) {
                    next.push((w, t));
                }
            }
        });
        for (w, t) in next {
            if parent.contains_key(&t) || !(user(vm, t) || node(vm, t)) {
                continue;
            }
            parent.insert(t, (Some(o), w));
            let r = root_of.get(&o).copied().unwrap_or(0);
            root_of.insert(t, r);
            queue.push_back(t);
        }
    }
    let mut out = Vec::new();
    for o in order {
        if out.len() >= MAX_REPORTED {
            break;
        }
        let detached = crate::dom::detached_words(vm, o);
        // Of the page's own nodes, a detached tree is listed by its top node.
        let detached_top =
            detached.is_some() && crate::dom::node::node(vm, o).is_some_and(|n| n.parent.is_none());
        if !reportable(vm, o) || !(user(vm, o) || detached_top) {
            continue;
        }
        let mut hops = Vec::new();
        let mut cur = o;
        while let Some((p, w)) = parent.get(&cur) {
            match p {
                Some(p) => {
                    hops.push(format!("{w}: {}", describe(vm, cur)));
                    cur = *p;
                }
                None => {
                    hops.push(describe(vm, cur));
                    break;
                }
            }
        }
        let root = root_of
            .get(&o)
            .and_then(|i| roots.get(*i))
            .map(|r| r.label.clone())
            .unwrap_or_default();
        let mut path = vec![root];
        path.extend(hops.into_iter().rev());
        if let Some(d) = detached {
            path.push(d);
        }
        out.push(Retained {
            obj: vm.heap.get(o).map(|x| x.meta.id).unwrap_or(0),
            type_name: vm.type_name(o),
            size: vm.heap.size_of(o),
            path,
        });
    }
    out
}
