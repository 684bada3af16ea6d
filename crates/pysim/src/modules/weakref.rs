//! `_weakref`: `ref`, `proxy`, `getweakrefcount`, `getweakrefs` and
//! `_remove_dead_weakref`, over the weak lists of `Vm::weaklists`. A basic reference
//! (no callback, exact type) is shared and kept first in the list, a basic proxy
//! right after it, and every other reference is inserted after those, as in
//! CPython's `Objects/weakrefobject.c`: callbacks therefore run newest first.
//! `weakref.py` builds `WeakMethod`, the weak dictionaries and `finalize` on top.

use crate::heap::refcount::FreeList;
use crate::heap::sflags;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::typeobj::tflags;
use crate::objects::{Kind, WeakRef};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

impl Vm {
    /// The weak list of `target` with (basic ref, basic proxy) positions.
    fn basic_refs(&self, target: ObjRef) -> (Option<usize>, Option<usize>) {
        let Some(list) = self.weaklists.get(&target) else {
            return (None, None);
        };
        let is_basic = |w: ObjRef, proxy: bool| match self.heap.kind(w) {
            Kind::WeakRef(wr) => {
                wr.callback.is_none()
                    && wr.proxy == proxy
                    && (proxy || self.heap.ty(w) == t::WEAKREF)
            }
            _ => false,
        };
        let mut i = 0;
        let r = (!list.is_empty() && is_basic(list[0], false)).then_some(0);
        if r.is_some() {
            i = 1;
        }
        let p = (list.len() > i && is_basic(list[i], true)).then_some(i);
        (r, p)
    }

    /// `weakref.ref(target, callback)` of type `cls` or, with `proxy`, `weakref.proxy`.
    pub fn new_weakref(
        &mut self,
        cls: ObjRef,
        target: Value,
        callback: Value,
        proxy: bool,
    ) -> PResult<Value> {
        let ty = self.type_of(target);
        let Value::Obj(tg) = target else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("cannot create weak reference to '{tn}' object")));
        };
        if self.type_flags(ty) & tflags::WEAKREFABLE == 0 {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("cannot create weak reference to '{tn}' object")));
        }
        let callback = if callback.is_null() {
            Value::None
        } else {
            callback
        };
        let (basic_ref, basic_proxy) = self.basic_refs(tg);
        if callback.is_none() {
            let reuse = if proxy {
                basic_proxy
            } else if cls == t::WEAKREF {
                basic_ref
            } else {
                None
            };
            if let Some(i) = reuse {
                let w = self.weaklists[&tg][i];
                self.incref_obj(w);
                return Ok(Value::Obj(w));
            }
        }
        let wty = if !proxy {
            cls
        } else if self.is_callable(target) {
            t::WEAKCALLABLEPROXY
        } else {
            t::WEAKPROXY
        };
        self.incref(callback);
        let w = self.alloc_gc(
            wty,
            Kind::WeakRef(Box::new(WeakRef {
                target: Some(tg),
                callback,
                hash: None,
                proxy,
            })),
            FreeList::None,
        );
        self.attach_ext(w, wty);
        let pos = if callback.is_none() && !proxy && cls == t::WEAKREF {
            0
        } else if callback.is_none() && proxy {
            basic_ref.map_or(0, |i| i + 1)
        } else {
            basic_proxy.or(basic_ref).map_or(0, |i| i + 1)
        };
        self.weaklists.entry(tg).or_default().insert(pos, w);
        self.heap.get_mut(tg).flags |= sflags::HAS_WEAKREFS;
        Ok(Value::Obj(w))
    }

    /// The referent of a proxy, borrowed (`None` for any other value); a dead proxy
    /// raises `ReferenceError`. Operators on proxies apply to their referents.
    #[inline]
    pub fn proxy_target(&mut self, v: Value) -> PResult<Option<Value>> {
        let Value::Obj(r) = v else { return Ok(None) };
        let ty = self.heap.ty(r);
        if ty != t::WEAKPROXY && ty != t::WEAKCALLABLEPROXY {
            return Ok(None);
        }
        match self.heap.kind(r) {
            Kind::WeakRef(w) => match w.target {
                Some(tg) => Ok(Some(Value::Obj(tg))),
                None => Err(self.exc(
                    t::REFERENCE_ERROR,
                    "weakly-referenced object no longer exists",
                )),
            },
            _ => Ok(None),
        }
    }

    /// The live weak references to `v`, in list order.
    fn weakrefs_of(&self, v: Value) -> Vec<ObjRef> {
        match v {
            Value::Obj(r) => self.weaklists.get(&r).cloned().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

fn ref_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(cls)) = args.first().copied() else {
        return Err(vm.type_error("ref.__new__(): not enough arguments"));
    };
    let a = &args[1..];
    if !kw.is_empty() && !vm.type_is_heap(cls) {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    if a.is_empty() || (a.len() > 2 && !vm.type_is_heap(cls)) {
        return Err(vm.type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            a.len()
        )));
    }
    vm.new_weakref(cls, a[0], a.get(1).copied().unwrap_or(Value::None), false)
}

fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::None)
}

fn ref_call(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("weakref", args, 0, 0)?;
    let target = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::WeakRef(w) => w.target,
            _ => None,
        },
        _ => None,
    };
    Ok(match target {
        Some(tg) => {
            vm.incref_obj(tg);
            Value::Obj(tg)
        }
        None => Value::None,
    })
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(Value::Obj(r)) = args.first().copied() else {
        return Ok(Value::None);
    };
    let cached = match vm.heap.kind(r) {
        Kind::WeakRef(w) => (w.hash, w.target),
        _ => (None, None),
    };
    let h = match cached {
        (Some(h), _) => h,
        (None, Some(tg)) => {
            let h = vm.hash(Value::Obj(tg))?;
            if let Kind::WeakRef(w) = vm.heap.kind_mut(r) {
                w.hash = Some(h);
            }
            h
        }
        (None, None) => return Err(vm.type_error("weak object has gone away")),
    };
    Ok(vm.int(h))
}

fn proxy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("proxy", args, 1, 2)?;
    vm.new_weakref(
        t::WEAKPROXY,
        args[0],
        args.get(1).copied().unwrap_or(Value::None),
        true,
    )
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("getweakrefcount", args, 1, 1)?;
    let n = vm.weakrefs_of(args[0]).len();
    Ok(vm.int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("getweakrefs", args, 1, 1)?;
    let refs: Vec<Value> = vm
        .weakrefs_of(args[0])
        .into_iter()
        .map(Value::Obj)
        .collect();
    for r in &refs {
        vm.incref(*r);
    }
    Ok(vm.new_list(refs))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead reference.
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("_remove_dead_weakref", args, 2, 2)?;
    let Value::Obj(d) = args[0] else {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    };
    if let Some(Value::Obj(w)) = vm.dict_get(d, args[1])? {
        if matches!(vm.heap.kind(w), Kind::WeakRef(wr) if wr.target.is_none()) {
            if let Some((k, v)) = vm.dict_remove(d, args[1])? {
                vm.decref(k);
                vm.decref(v);
            }
        }
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_staticmethod(t::WEAKREF, "__new__", ref_new);
    vm.add_method(t::WEAKREF, "__init__", ref_init);
    vm.add_method(t::WEAKREF, "__call__", ref_call);
    vm.add_method(t::WEAKREF, "__hash__", ref_hash);
    for (name, ty) in [
        ("ref", t::WEAKREF),
        ("ReferenceType", t::WEAKREF),
        ("ProxyType", t::WEAKPROXY),
        ("CallableProxyType", t::WEAKCALLABLEPROXY),
    ] {
        vm.dict_set_str(d, name, Value::Obj(ty));
    }
    vm.add_fn(d, "proxy", proxy);
    vm.add_fn(d, "getweakrefcount", getweakrefcount);
    vm.add_fn(d, "getweakrefs", getweakrefs);
    vm.add_fn(d, "_remove_dead_weakref", remove_dead_weakref);
    Ok(())
}
