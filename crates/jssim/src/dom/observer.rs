//! MutationObserver as the DOM standard (and jsdom) runs it: observers registered on
//! nodes with their options, records queued for interested observers on every tree,
//! attribute and character-data mutation, transient registrations for removed
//! subtrees, and one compound microtask that notifies the observers in creation order.
//! Like jsdom, any mutation queues that microtask, observed or not, so it runs before
//! promise jobs queued after the page's first mutation.

use super::node;
use super::HostObj;
use crate::event_loop::Job;
use crate::heap::{Kind, NativeCall};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// What a record describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MutationKind {
    ChildList,
    Attributes,
    CharacterData,
}

/// `observe()` options after validation.
#[derive(Debug, Clone, Default)]
pub struct ObserveOptions {
    pub child_list: bool,
    pub attributes: bool,
    pub character_data: bool,
    pub subtree: bool,
    pub attribute_old_value: bool,
    pub character_data_old_value: bool,
    pub attribute_filter: Option<Vec<String>>,
}

/// An observer registered on a node (transient ones come from a removed subtree and
/// last until the next notification).
#[derive(Debug, Clone)]
pub struct Registration {
    pub observer: ObjRef,
    pub opts: ObserveOptions,
    pub transient: bool,
}

/// A MutationObserver's state.
#[derive(Clone, Debug)]
pub struct ObserverData {
    pub callback: Value,
    pub records: Vec<ObjRef>,
    pub nodes: Vec<ObjRef>,
    pub id: u64,
}

/// A MutationRecord.
#[derive(Clone, Debug)]
pub struct RecordData {
    pub kind: MutationKind,
    pub target: ObjRef,
    pub name: Option<String>,
    pub old: Option<String>,
    pub added: Vec<ObjRef>,
    pub removed: Vec<ObjRef>,
    pub prev: Option<ObjRef>,
    pub next: Option<ObjRef>,
    /// The `addedNodes` / `removedNodes` NodeLists, made on first access.
    pub lists: [Option<ObjRef>; 2],
}

impl ObserverData {
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        if let Value::Obj(o) = self.callback {
            f(Edge::Internal("callback"), Strength::Strong, o);
        }
        for r in &self.records {
            f(Edge::Internal("pending record"), Strength::Strong, *r);
        }
        for n in &self.nodes {
            f(Edge::Internal("observed node"), Strength::Strong, *n);
        }
    }
}

impl RecordData {
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        let nodes = std::iter::once(self.target)
            .chain(self.added.iter().copied())
            .chain(self.removed.iter().copied())
            .chain(self.prev)
            .chain(self.next)
            .chain(self.lists.iter().flatten().copied());
        for n in nodes {
            f(Edge::Internal("record node"), Strength::Strong, n);
        }
    }
}

fn observer_data(vm: &Vm, o: ObjRef) -> Option<&ObserverData> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Observer(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn observer_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut ObserverData> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Host(h)) => match &mut **h {
            HostObj::Observer(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn record_data(vm: &Vm, o: ObjRef) -> Option<&RecordData> {
    match vm.heap.kind(o) {
        Some(Kind::Host(h)) => match &**h {
            HostObj::Record(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// The DOM's "queue a mutation record".
#[allow(clippy::too_many_arguments)]
pub fn queue(
    vm: &mut Vm,
    kind: MutationKind,
    target: ObjRef,
    name: Option<&str>,
    old: Option<String>,
    added: Vec<ObjRef>,
    removed: Vec<ObjRef>,
    prev: Option<ObjRef>,
    next: Option<ObjRef>,
) {
    let mut interested: Vec<(ObjRef, Option<String>)> = Vec::new();
    for n in node::inclusive_ancestors(vm, target) {
        let Some(nd) = node::node(vm, n) else {
            continue;
        };
        for r in &nd.registered {
            let o = &r.opts;
            if n != target && !o.subtree {
                continue;
            }
            let wanted = match kind {
                MutationKind::Attributes => {
                    o.attributes
                        && o.attribute_filter
                            .as_ref()
                            .is_none_or(|f| name.is_some_and(|nm| f.iter().any(|x| x == nm)))
                }
                MutationKind::CharacterData => o.character_data,
                MutationKind::ChildList => o.child_list,
            };
            if !wanted {
                continue;
            }
            let with_old = match kind {
                MutationKind::Attributes => o.attribute_old_value,
                MutationKind::CharacterData => o.character_data_old_value,
                MutationKind::ChildList => false,
            };
            match interested.iter_mut().find(|(ob, _)| *ob == r.observer) {
                Some(entry) => {
                    if with_old {
                        entry.1 = old.clone();
                    }
                }
                None => interested.push((r.observer, if with_old { old.clone() } else { None })),
            }
        }
    }
    for (ob, old_value) in interested {
        let data = RecordData {
            kind,
            target,
            name: name.map(str::to_string),
            old: old_value,
            added: added.clone(),
            removed: removed.clone(),
            prev,
            next,
            lists: [None, None],
        };
        let p = vm.dom.record_proto;
        let rec = vm.alloc(
            Some(p),
            Kind::Host(Box::new(HostObj::Record(Box::new(data)))),
        );
        if let Some(d) = observer_mut(vm, ob) {
            d.records.push(rec);
        }
        if !vm.dom.mo_pending.contains(&ob) {
            vm.dom.mo_pending.push(ob);
        }
    }
    queue_microtask(vm);
}

/// Queues the compound microtask unless it is already queued.
fn queue_microtask(vm: &mut Vm) {
    if vm.dom.mo_queued {
        return;
    }
    vm.dom.mo_queued = true;
    let f = match vm.dom.mo_notify {
        Some(f) => f,
        None => {
            let f = vm.native("", 0, notify);
            vm.dom.mo_notify = Some(f);
            f
        }
    };
    vm.enqueue_micro(Job::Call {
        f: Value::Obj(f),
        this: Value::Undefined,
        args: vec![],
    });
}

/// The DOM's "notify mutation observers".
fn notify(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    vm.dom.mo_queued = false;
    let mut list = std::mem::take(&mut vm.dom.mo_pending);
    list.sort_by_key(|o| observer_data(vm, *o).map(|d| d.id).unwrap_or(0));
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend(list.iter().copied());
    for mo in list {
        let (records, nodes, cb) = match observer_mut(vm, mo) {
            Some(d) => (
                std::mem::take(&mut d.records),
                d.nodes.clone(),
                d.callback.clone(),
            ),
            None => continue,
        };
        for n in nodes {
            if let Some(nd) = node::node_mut(vm, n) {
                nd.registered.retain(|r| !(r.transient && r.observer == mo));
            }
        }
        if records.is_empty() {
            continue;
        }
        let recs: Vec<Value> = records.into_iter().map(Value::Obj).collect();
        let arr = vm.array_value(recs);
        let r = vm
            .call(&cb, Value::Obj(mo), vec![arr, Value::Obj(mo)])
            .map(|_| ());
        if let Err(e) = super::events::report(vm, r) {
            vm.temp_roots.truncate(mark);
            return Err(e);
        }
    }
    vm.temp_roots.truncate(mark);
    Ok(Value::Undefined)
}

/// The removal steps for observers: registrations with `subtree` on `parent`'s
/// inclusive ancestors follow the removed node until the next notification.
pub fn transient_on_remove(vm: &mut Vm, parent: ObjRef, removed: ObjRef) {
    let mut add: Vec<Registration> = Vec::new();
    for a in node::inclusive_ancestors(vm, parent) {
        if let Some(nd) = node::node(vm, a) {
            for r in &nd.registered {
                if r.opts.subtree && !r.transient {
                    add.push(Registration {
                        observer: r.observer,
                        opts: r.opts.clone(),
                        transient: true,
                    });
                }
            }
        }
    }
    if add.is_empty() {
        return;
    }
    for r in &add {
        if let Some(d) = observer_mut(vm, r.observer) {
            if !d.nodes.contains(&removed) {
                d.nodes.push(removed);
            }
        }
    }
    if let Some(nd) = node::node_mut(vm, removed) {
        nd.registered.extend(add);
    }
}

fn ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(
            vm.type_error("Class constructor MutationObserver cannot be invoked without 'new'")
        );
    }
    let cb = c.arg(0);
    if !vm.is_callable(&cb) {
        return Err(vm.type_error(
            "Failed to construct 'MutationObserver': parameter 1 is not of type 'Function'.",
        ));
    }
    vm.dom.next_observer_id += 1;
    let data = ObserverData {
        callback: cb,
        records: Vec::new(),
        nodes: Vec::new(),
        id: vm.dom.next_observer_id,
    };
    let default = vm.dom.observer_proto;
    let proto = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(
        Some(proto),
        Kind::Host(Box::new(HostObj::Observer(Box::new(data)))),
    )))
}

fn this_observer(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if observer_data(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn observe(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mo = this_observer(vm, c)?;
    let Some(target) = c.arg(0).as_obj().filter(|t| node::node(vm, *t).is_some()) else {
        return Err(vm.type_error(
            "Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.",
        ));
    };
    let o = c.arg(1);
    let get = |vm: &mut Vm, k: &str| -> Res<Value> {
        if let Value::Obj(_) = o {
            vm.get(&o, &PropKey::s(k))
        } else {
            Ok(Value::Undefined)
        }
    };
    let child_list = get(vm, "childList")?.truthy();
    let subtree = get(vm, "subtree")?.truthy();
    let attributes = get(vm, "attributes")?;
    let character_data = get(vm, "characterData")?;
    let attribute_old_value = get(vm, "attributeOldValue")?;
    let character_data_old_value = get(vm, "characterDataOldValue")?;
    let filter = get(vm, "attributeFilter")?;
    let attribute_filter = match filter {
        Value::Undefined => None,
        f => {
            let items = vm.iterate_to_vec(&f)?;
            let mut names = Vec::with_capacity(items.len());
            for i in items {
                names.push(vm.to_string(&i)?.to_string());
            }
            Some(names)
        }
    };
    let attributes = match attributes {
        Value::Undefined => {
            !matches!(attribute_old_value, Value::Undefined) || attribute_filter.is_some()
        }
        v => v.truthy(),
    };
    let character_data = match character_data {
        Value::Undefined => !matches!(character_data_old_value, Value::Undefined),
        v => v.truthy(),
    };
    let fail = |vm: &mut Vm, m: &str| {
        Err(vm.type_error(&format!(
            "Failed to execute 'observe' on 'MutationObserver': The options object {m}"
        )))
    };
    if !child_list && !attributes && !character_data {
        return fail(
            vm,
            "must set at least one of 'attributes', 'characterData', or 'childList' to true.",
        );
    }
    if attribute_old_value.truthy() && !attributes {
        return fail(
            vm,
            "may only set 'attributeOldValue' to true when 'attributes' is true or not present.",
        );
    }
    if attribute_filter.is_some() && !attributes {
        return fail(
            vm,
            "may only set 'attributeFilter' when 'attributes' is true or not present.",
        );
    }
    if character_data_old_value.truthy() && !character_data {
        return fail(vm, "may only set 'characterDataOldValue' to true when 'characterData' is true or not present.");
    }
    let opts = ObserveOptions {
        child_list,
        attributes,
        character_data,
        subtree,
        attribute_old_value: attribute_old_value.truthy(),
        character_data_old_value: character_data_old_value.truthy(),
        attribute_filter,
    };
    let existing = node::node(vm, target).is_some_and(|n| {
        n.registered
            .iter()
            .any(|r| r.observer == mo && !r.transient)
    });
    if existing {
        if let Some(n) = node::node_mut(vm, target) {
            for r in n.registered.iter_mut() {
                if r.observer == mo && !r.transient {
                    r.opts = opts.clone();
                }
            }
        }
    } else {
        if let Some(n) = node::node_mut(vm, target) {
            n.registered.push(Registration {
                observer: mo,
                opts,
                transient: false,
            });
        }
        if let Some(d) = observer_mut(vm, mo) {
            if !d.nodes.contains(&target) {
                d.nodes.push(target);
            }
        }
    }
    Ok(Value::Undefined)
}

fn disconnect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mo = this_observer(vm, c)?;
    let nodes = match observer_mut(vm, mo) {
        Some(d) => {
            d.records.clear();
            std::mem::take(&mut d.nodes)
        }
        None => Vec::new(),
    };
    for n in nodes {
        if let Some(nd) = node::node_mut(vm, n) {
            nd.registered.retain(|r| r.observer != mo);
        }
    }
    Ok(Value::Undefined)
}

fn take_records(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mo = this_observer(vm, c)?;
    let recs = observer_mut(vm, mo)
        .map(|d| std::mem::take(&mut d.records))
        .unwrap_or_default();
    let v: Vec<Value> = recs.into_iter().map(Value::Obj).collect();
    Ok(vm.array_value(v))
}

/// The getters of MutationRecord (the attribute name is the slot).
fn record_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let Some(o) = c.this.as_obj().filter(|o| record_data(vm, *o).is_some()) else {
        return Err(vm.type_error("Illegal invocation"));
    };
    let name = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Str(s) => s,
        _ => return Ok(Value::Undefined),
    };
    let Some(r) = record_data(vm, o) else {
        return Ok(Value::Undefined);
    };
    let opt_obj = |x: Option<ObjRef>| x.map(Value::Obj).unwrap_or(Value::Null);
    let opt_str = |x: &Option<String>| x.as_deref().map(Value::str).unwrap_or(Value::Null);
    Ok(match &*name {
        "type" => Value::str(match r.kind {
            MutationKind::ChildList => "childList",
            MutationKind::Attributes => "attributes",
            MutationKind::CharacterData => "characterData",
        }),
        "target" => Value::Obj(r.target),
        "previousSibling" => opt_obj(r.prev),
        "nextSibling" => opt_obj(r.next),
        "attributeName" => opt_str(&r.name),
        "attributeNamespace" => Value::Null,
        "oldValue" => opt_str(&r.old),
        "addedNodes" | "removedNodes" => {
            let i = usize::from(&*name == "removedNodes");
            if let Some(l) = r.lists[i] {
                return Ok(Value::Obj(l));
            }
            let items = if i == 0 {
                r.added.clone()
            } else {
                r.removed.clone()
            };
            let l = super::collections::static_node_list(vm, items);
            if let Some(Kind::Host(h)) = vm.heap.get_mut(o).map(|x| &mut x.kind) {
                if let HostObj::Record(d) = &mut **h {
                    d.lists[i] = Some(l);
                }
            }
            Value::Obj(l)
        }
        _ => Value::Undefined,
    })
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let (_, p) = super::class(vm, "MutationObserver", op, None, 1, ctor);
    vm.dom.observer_proto = p;
    super::op(vm, p, "observe", 1, observe);
    super::op(vm, p, "disconnect", 0, disconnect);
    super::op(vm, p, "takeRecords", 0, take_records);
    let (_, rp) = super::class(vm, "MutationRecord", op, None, 0, super::illegal_ctor);
    vm.dom.record_proto = rp;
    for n in [
        "type",
        "target",
        "addedNodes",
        "removedNodes",
        "previousSibling",
        "nextSibling",
        "attributeName",
        "attributeNamespace",
        "oldValue",
    ] {
        super::accessor(vm, rp, n, record_get, None, vec![Value::str(n)]);
    }
}
