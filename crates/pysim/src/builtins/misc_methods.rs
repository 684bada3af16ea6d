//! Methods of the remaining built-in types: generators (`send`, `throw`, `close`),
//! iterators, `range`, `slice`, `property` (`getter` / `setter` / `deleter`),
//! `classmethod` / `staticmethod`, functions as descriptors, exceptions (`add_note`,
//! `with_traceback`, exception-group `split` / `subgroup`), `bytearray`, `memoryview`,
//! and `list[int]` / `int | str` aliases.

use crate::heap::refcount::FreeList;
use crate::interp::generator::SendResult;
use crate::interp::Vm;
use crate::objects::function::{Kw, Property};
use crate::objects::{Kind, NativeObj};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

fn this(args: &[Value]) -> Value {
    args.first().copied().unwrap_or(Value::None)
}

fn gen_ref(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    match this(args) {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Generator(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

pub fn send_result(vm: &mut Vm, r: SendResult) -> PResult<Value> {
    match r {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => {
            let e = vm.stop_iteration(v);
            vm.decref(v);
            Err(e)
        }
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("send", args, 1, 1)?;
    let g = gen_ref(vm, args)?;
    let r = vm.gen_send(g, args[1])?;
    send_result(vm, r)
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let g = gen_ref(vm, args)?;
    let r = vm.gen_send(g, Value::None)?;
    send_result(vm, r)
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("throw", args, 1, 3)?;
    let g = gen_ref(vm, args)?;
    let exc = thrown_exception(vm, args)?;
    let r = vm.gen_throw(g, exc)?;
    send_result(vm, r)
}

/// The exception instance `throw(type[, value])` / `throw(instance)` raises (`args[0]`
/// is the receiver).
pub fn thrown_exception(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    let given_instance = match args[1] {
        Value::Obj(cls) if args.len() >= 3 => vm.isinstance_type(args[2], cls),
        _ => false,
    };
    let exc = if given_instance {
        vm.make_exception_instance(args[2])?
    } else if args.len() >= 3 && !args[2].is_none() {
        let cls = args[1];
        let inst = vm.call(cls, &[args[2]], &[])?;
        let r = vm.make_exception_instance(inst);
        vm.decref(inst);
        r?
    } else {
        vm.make_exception_instance(args[1])?
    };
    Ok(exc)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.gen_close(this(args))?;
    Ok(Value::None)
}

fn self_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    vm.incref(v);
    Ok(v)
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    match vm.next(this(args))? {
        Some(v) => Ok(v),
        None => Err(vm.exc_noargs(t::STOP_ITERATION)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.length_hint(this(args), 0);
    Ok(vm.int(n as i64))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("index", args, 1, 1)?;
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let rg = match vm.heap.kind(r) {
        Kind::Range(rg) => **rg,
        _ => return Ok(Value::None),
    };
    if vm.contains(this(args), args[1])? {
        if let Some(i) = vm.int_value_of(args[1]) {
            return Ok(vm.int(((i as i128 - rg.start) / rg.step) as i64));
        }
    }
    let r = vm.repr(args[1])?;
    Err(vm.value_error(format!("{r} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("count", args, 1, 1)?;
    Ok(Value::small(vm.contains(this(args), args[1])? as i64))
}

fn range_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.len(this(args))?;
    Ok(vm.int(n as i64))
}

fn range_reversed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let rg = match vm.heap.kind(r) {
        Kind::Range(rg) => **rg,
        _ => return Ok(Value::None),
    };
    let n = rg.len();
    let last = rg.start + (n - 1) * rg.step;
    let it = crate::objects::IterObj::Range {
        next: if n > 0 { last as i64 } else { 0 },
        stop: if n > 0 {
            (rg.start - rg.step) as i64
        } else {
            0
        },
        step: -(rg.step as i64),
    };
    Ok(vm.new_iter(it))
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("indices", args, 1, 1)?;
    let Value::Obj(s) = this(args) else {
        return Ok(Value::None);
    };
    let n = vm.index_arg(args[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let si = vm.slice_indices(s, n as usize)?;
    let (a, b, c) = (vm.int(si.start), vm.int(si.stop), vm.int(si.step));
    Ok(vm.new_tuple(vec![a, b, c]))
}

fn prop_ref(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    match this(args) {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Property(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

/// `prop.getter(f)` / `setter` / `deleter`: a copy with one function replaced.
fn prop_copy(vm: &mut Vm, args: &[Value], which: usize) -> PResult<Value> {
    vm.margs("setter", args, 1, 1)?;
    let p = prop_ref(vm, args)?;
    let ty = vm.heap.ty(p);
    let (mut fget, mut fset, mut fdel, doc, name) = match vm.heap.kind(p) {
        Kind::Property(pr) => (pr.fget, pr.fset, pr.fdel, pr.doc, pr.name),
        _ => return Ok(Value::None),
    };
    match which {
        0 => fget = args[1],
        1 => fset = args[1],
        _ => fdel = args[1],
    }
    for v in [fget, fset, fdel, doc, name] {
        vm.incref(v);
    }
    let r = vm.alloc_gc(
        ty,
        Kind::Property(Box::new(Property {
            fget,
            fset,
            fdel,
            doc,
            name,
        })),
        FreeList::None,
    );
    vm.attach_ext(r, ty);
    Ok(Value::Obj(r))
}

fn prop_getter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    prop_copy(vm, args, 0)
}
fn prop_setter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    prop_copy(vm, args, 1)
}
fn prop_deleter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    prop_copy(vm, args, 2)
}

fn prop_get(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__get__", args, 1, 2)?;
    let obj = if args[1].is_none() {
        Value::Null
    } else {
        args[1]
    };
    let ty = vm.type_of(args[1]);
    vm.descr_get(args[0], obj, ty)
}

fn prop_set(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__set__", args, 2, 2)?;
    let p = prop_ref(vm, args)?;
    let fset = match vm.heap.kind(p) {
        Kind::Property(pr) => pr.fset,
        _ => Value::None,
    };
    if fset.is_none() {
        return Err(vm.exc(t::ATTRIBUTE_ERROR, "can't set attribute"));
    }
    let r = vm.call(fset, &[args[1], args[2]], &[])?;
    vm.decref(r);
    Ok(Value::None)
}

fn prop_set_name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__set_name__", args, 2, 2)?;
    let p = prop_ref(vm, args)?;
    vm.incref(args[2]);
    let old = match vm.heap.kind_mut(p) {
        Kind::Property(pr) => std::mem::replace(&mut pr.name, args[2]),
        _ => Value::None,
    };
    vm.decref(old);
    Ok(Value::None)
}

fn func_get(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__get__", args, 1, 2)?;
    let obj = if args[1].is_none() {
        Value::Null
    } else {
        args[1]
    };
    let ty = match args.get(2) {
        Some(Value::Obj(t)) => *t,
        _ => vm.type_of(args[1]),
    };
    vm.descr_get(args[0], obj, ty)
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    vm.incref(v);
    Ok(v)
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("add_note", args, 1, 1)?;
    let Value::Obj(e) = this(args) else {
        return Ok(Value::None);
    };
    if vm.as_str(args[1]).is_none() {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let notes = match vm.heap.kind(e) {
        Kind::Exception(x) => x.notes,
        _ => Value::Null,
    };
    let list = match notes {
        Value::Obj(l) => l,
        _ => {
            let l = vm.new_list(Vec::new());
            let Value::Obj(lr) = l else {
                return Ok(Value::None);
            };
            if let Kind::Exception(x) = vm.heap.kind_mut(e) {
                x.notes = l;
            }
            lr
        }
    };
    vm.incref(args[1]);
    if let Kind::List(l) = vm.heap.kind_mut(list) {
        l.push(args[1]);
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(e) = this(args) else {
        return Ok(Value::None);
    };
    let s = vm.exception_str(e)?;
    Ok(vm.new_string(s))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = vm.repr_builtin_of(this(args))?;
    Ok(vm.new_string(s))
}

/// `eg.split(type)` / `eg.subgroup(type)` helpers: (match, rest).
impl Vm {
    pub fn eg_split(&mut self, eg: ObjRef, ty: Value) -> PResult<(Value, Value)> {
        let excs = self
            .exc_field(eg, "exceptions")
            .map(|v| self.tuple_items(v))
            .unwrap_or_default();
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in excs {
            let Value::Obj(er) = e else { continue };
            if self.is_subtype(self.heap.ty(er), t::BASE_EXCEPTION_GROUP) {
                let (m, r) = self.eg_split(er, ty)?;
                if !m.is_none() {
                    matched.push(m);
                }
                if !r.is_none() {
                    rest.push(r);
                }
                continue;
            }
            if self.exc_type_check(e, ty)? {
                self.incref(e);
                matched.push(e);
            } else {
                self.incref(e);
                rest.push(e);
            }
        }
        let make = |vm: &mut Vm, items: Vec<Value>| -> PResult<Value> {
            if items.is_empty() {
                return Ok(Value::None);
            }
            let msg = vm.exc_field(eg, "message").unwrap_or(Value::None);
            let list = vm.new_list(items);
            let cls = Value::Obj(vm.heap.ty(eg));
            let r = vm.call(cls, &[msg, list], &[]);
            vm.decref(list);
            r
        };
        let m = make(self, matched)?;
        let r = make(self, rest)?;
        Ok((m, r))
    }

    fn exc_type_check(&mut self, e: Value, ty: Value) -> PResult<bool> {
        let types = match ty {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)) => self.tuple_items(ty),
            _ => vec![ty],
        };
        let et = self.type_of(e);
        Ok(types.iter().any(|tv| matches!(tv, Value::Obj(tr) if matches!(self.heap.kind(*tr), Kind::Type(_)) && self.is_subtype(et, *tr))))
    }

    /// `CHECK_EG_MATCH`: (rest, match) of an exception (group) against `ty`.
    pub fn eg_match(&mut self, eg: Value, ty: Value) -> PResult<(Value, Value)> {
        let Value::Obj(er) = eg else {
            return Ok((Value::None, Value::None));
        };
        if self.exc_type_check(eg, ty)? {
            self.incref(eg);
            return Ok((Value::None, eg));
        }
        if !self.is_subtype(self.heap.ty(er), t::BASE_EXCEPTION_GROUP) {
            self.incref(eg);
            return Ok((eg, Value::None));
        }
        let (m, r) = self.eg_split(er, ty)?;
        Ok((r, m))
    }

    /// `PREP_RERAISE_STAR`: the exception to re-raise after `except*` handlers.
    pub fn prep_reraise_star(&mut self, orig: Value, list: Value) -> PResult<Value> {
        let raised: Vec<Value> = self
            .list_items(list.as_obj().unwrap_or(ObjRef(0)))
            .into_iter()
            .filter(|v| !v.is_none())
            .collect();
        if raised.is_empty() {
            return Ok(Value::None);
        }
        if raised.len() == 1 {
            self.incref(raised[0]);
            return Ok(raised[0]);
        }
        let _ = orig;
        for v in &raised {
            self.incref(*v);
        }
        let l = self.new_list(raised);
        let msg = self.new_str("");
        let r = self.call(Value::Obj(t::EXCEPTION_GROUP), &[msg, l], &[]);
        self.decref(l);
        self.decref(msg);
        r
    }
}

fn eg_split_m(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("split", args, 1, 1)?;
    let Value::Obj(e) = this(args) else {
        return Ok(Value::None);
    };
    let (m, r) = vm.eg_split(e, args[1])?;
    Ok(vm.new_tuple(vec![m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("subgroup", args, 1, 1)?;
    let Value::Obj(e) = this(args) else {
        return Ok(Value::None);
    };
    let (m, r) = vm.eg_split(e, args[1])?;
    vm.decref(r);
    Ok(m)
}

fn eg_derive(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("derive", args, 1, 1)?;
    let Value::Obj(e) = this(args) else {
        return Ok(Value::None);
    };
    let msg = vm.exc_field(e, "message").unwrap_or(Value::None);
    let cls = Value::Obj(vm.heap.ty(e));
    vm.call(cls, &[msg, args[1]], &[])
}

fn ba_ref(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    match this(args) {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::ByteArray(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn ba_resize_check(vm: &mut Vm, r: ObjRef) -> PResult<()> {
    if let Kind::ByteArray(b) = vm.heap.kind(r) {
        if b.exports > 0 {
            return Err(vm.exc(
                t::BUFFER_ERROR,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
    }
    Ok(())
}

fn ba_append(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("append", args, 1, 1)?;
    let r = ba_ref(vm, args)?;
    let x = vm.index_arg(args[1])?;
    if !(0..256).contains(&x) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    ba_resize_check(vm, r)?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(r) {
        let n = b.data.len() + 1;
        b.resize(n);
        b.data.push(x as u8);
    }
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("extend", args, 1, 1)?;
    let r = ba_ref(vm, args)?;
    let extra = match vm.bytes_like(args[1]) {
        Some(b) => b,
        None => {
            let items = vm.collect_iter(args[1])?;
            let out: Vec<u8> = items
                .iter()
                .filter_map(|v| vm.int_value_of(*v))
                .map(|i| i as u8)
                .collect();
            vm.decref_all(items);
            out
        }
    };
    ba_resize_check(vm, r)?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(r) {
        let n = b.data.len() + extra.len();
        b.resize(n);
        b.data.extend(extra);
    }
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("pop", args, 0, 1)?;
    let r = ba_ref(vm, args)?;
    let i = match args.get(1) {
        Some(v) => vm.index_arg(*v)?,
        None => -1,
    };
    ba_resize_check(vm, r)?;
    let len = vm.bytes_like(Value::Obj(r)).map_or(0, |b| b.len()) as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let idx = if i < 0 { i + len } else { i };
    if !(0..len).contains(&idx) {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = match vm.heap.kind_mut(r) {
        Kind::ByteArray(b) => {
            let v = b.data.remove(idx as usize);
            let n = b.data.len();
            b.resize(n);
            v
        }
        _ => 0,
    };
    Ok(Value::small(v as i64))
}

fn ba_insert(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("insert", args, 2, 2)?;
    let r = ba_ref(vm, args)?;
    let i = vm.index_arg(args[1])?;
    let x = vm.index_arg(args[2])?;
    if !(0..256).contains(&x) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    ba_resize_check(vm, r)?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(r) {
        let len = b.data.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        b.resize(b.data.len() + 1);
        b.data.insert(at as usize, x as u8);
    }
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("remove", args, 1, 1)?;
    let r = ba_ref(vm, args)?;
    let x = vm.index_arg(args[1])?;
    ba_resize_check(vm, r)?;
    let found = match vm.heap.kind_mut(r) {
        Kind::ByteArray(b) => match b.data.iter().position(|&c| c as i64 == x) {
            Some(p) => {
                b.data.remove(p);
                let n = b.data.len();
                b.resize(n);
                true
            }
            None => false,
        },
        _ => false,
    };
    if found {
        Ok(Value::None)
    } else {
        Err(vm.value_error("value not found in bytearray"))
    }
}

fn ba_reverse(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = ba_ref(vm, args)?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(r) {
        b.data.reverse();
    }
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = ba_ref(vm, args)?;
    let data = vm.bytes_like(Value::Obj(r)).unwrap_or_default();
    Ok(vm.new_bytearray(data))
}

fn ba_clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = ba_ref(vm, args)?;
    ba_resize_check(vm, r)?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(r) {
        b.data.clear();
        b.resize(0);
    }
    Ok(Value::None)
}

fn mv_ref(vm: &mut Vm, args: &[Value]) -> PResult<ObjRef> {
    match this(args) {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::MemoryView(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn mv_check(vm: &mut Vm, r: ObjRef) -> PResult<()> {
    if let Kind::MemoryView(m) = vm.heap.kind(r) {
        if m.released {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
    }
    Ok(())
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = mv_ref(vm, args)?;
    mv_check(vm, r)?;
    let b = vm.bytes_like(Value::Obj(r)).unwrap_or_default();
    Ok(vm.new_bytes(b))
}

fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = mv_ref(vm, args)?;
    mv_check(vm, r)?;
    let b = vm.bytes_like(Value::Obj(r)).unwrap_or_default();
    let vals: Vec<Value> = b.iter().map(|x| Value::small(*x as i64)).collect();
    Ok(vm.new_list(vals))
}

fn mv_release(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = mv_ref(vm, args)?;
    let base = match vm.heap.kind_mut(r) {
        Kind::MemoryView(m) if !m.released => {
            m.released = true;
            Some(m.obj)
        }
        _ => None,
    };
    if let Some(b) = base {
        vm.release_buffer(b);
    }
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = this(args);
    vm.incref(v);
    Ok(v)
}

fn mv_exit(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    mv_release(vm, &args[..1], kw)?;
    Ok(Value::None)
}

fn mv_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let r = mv_ref(vm, args)?;
    mv_check(vm, r)?;
    let n = vm.len(Value::Obj(r))?;
    Ok(vm.int(n as i64))
}

fn cell_contents(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.intern("cell_contents");
    match vm.builtin_getset(this(args), n)? {
        Some(v) => Ok(v),
        None => Ok(Value::None),
    }
}

/// `list[int]` (`types.GenericAlias`).
#[derive(Debug)]
pub struct GenericAlias {
    pub origin: Value,
    pub args: Value,
}

impl NativeObj for GenericAlias {
    fn for_each_ref(&self, f: &mut dyn FnMut(Value)) {
        f(self.origin);
        f(self.args);
    }
    fn take_refs(&mut self) -> Vec<Value> {
        vec![
            std::mem::replace(&mut self.origin, Value::None),
            std::mem::replace(&mut self.args, Value::None),
        ]
    }
    fn is_gc(&self) -> bool {
        true
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `int | str` (`types.UnionType`).
#[derive(Debug)]
pub struct UnionType {
    pub args: Value,
}

impl NativeObj for UnionType {
    fn for_each_ref(&self, f: &mut dyn FnMut(Value)) {
        f(self.args);
    }
    fn take_refs(&mut self) -> Vec<Value> {
        vec![std::mem::replace(&mut self.args, Value::None)]
    }
    fn is_gc(&self) -> bool {
        true
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Vm {
    /// A type for natives (not subclassable from Python), registered once by name.
    pub fn new_native_type(&mut self, name: &str, module: &'static str) -> ObjRef {
        let key = format!("{module}.{name}");
        if let Some(&r) = self.native_types.get(&key) {
            return r;
        }
        let d = self.new_dict();
        self.make_immortal(d);
        let q = self.intern(name);
        let tobj = crate::objects::typeobj::TypeObj {
            name: name.to_string(),
            qualname: Value::Obj(q),
            bases: Value::Obj(self.empty_tuple),
            base: Some(t::OBJECT),
            mro: Vec::new(),
            mro_tuple: Value::None,
            dict: d,
            layout: crate::objects::typeobj::Layout::Opaque,
            flags: crate::objects::typeobj::tflags::GC
                | crate::objects::typeobj::tflags::WEAKREFABLE
                | crate::objects::typeobj::tflags::NATIVE,
            slot_names: Vec::new(),
            shared_keys: None,
            instance_size: 48,
            subclasses: Vec::new(),
            subclass_ref: Value::Null,
            subclass_dict: true,
            builtin_module: module,
        };
        let r = self.alloc(t::TYPE, Kind::Type(Box::new(tobj)));
        self.make_immortal(r);
        if let Kind::Type(tt) = self.heap.kind_mut(r) {
            tt.mro = vec![r, t::OBJECT];
        }
        self.native_types.insert(key, r);
        r
    }

    /// `cls[args]` for built-in generic types.
    pub fn generic_alias(&mut self, cls: ObjRef, args: Value) -> PResult<Option<Value>> {
        let generic = matches!(
            cls,
            t::LIST | t::DICT | t::TUPLE | t::SET | t::FROZENSET | t::TYPE
        ) || matches!(
            self.type_name(cls).as_str(),
            "deque" | "defaultdict" | "OrderedDict" | "Counter"
        );
        if !generic {
            return Ok(None);
        }
        Ok(Some(self.new_generic_alias(Value::Obj(cls), args)))
    }

    /// `types.GenericAlias(origin, args)`: `args` is a tuple or a single argument.
    fn new_generic_alias(&mut self, origin: Value, args: Value) -> Value {
        let ty = self.new_native_type("GenericAlias", "types");
        let argt = match args {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)) => {
                self.incref(args);
                args
            }
            other => {
                self.incref(other);
                self.new_tuple(vec![other])
            }
        };
        self.incref(origin);
        let r = self.alloc_gc(
            ty,
            Kind::Native(Box::new(GenericAlias { origin, args: argt })),
            FreeList::None,
        );
        Value::Obj(r)
    }

    /// A class, a `types.UnionType` or a generic alias: an operand of `|` on types.
    pub fn is_type_like(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_)) || matches!(self.heap.kind(r), Kind::Native(n) if n.as_any().is::<UnionType>() || n.as_any().is::<GenericAlias>()))
    }

    /// `a | b` of types.
    pub fn union_type(&mut self, a: Value, b: Value) -> PResult<Value> {
        let ok = |vm: &Vm, v: Value| v.is_none() || vm.is_type_like(v);
        if !ok(self, a) || !ok(self, b) {
            return Ok(self.not_implemented());
        }
        let mut items = Vec::new();
        for v in [a, b] {
            let inner = match v {
                Value::Obj(r) => match self.heap.kind(r) {
                    Kind::Native(n) => n
                        .as_any()
                        .downcast_ref::<UnionType>()
                        .map(|u| self.tuple_items(u.args)),
                    _ => None,
                },
                _ => None,
            };
            let vals = inner.unwrap_or_else(|| {
                vec![if v.is_none() {
                    Value::Obj(t::NONE_TYPE)
                } else {
                    v
                }]
            });
            for x in vals {
                if !items.iter().any(|y: &Value| y.is(&x)) {
                    items.push(x);
                }
            }
        }
        for x in &items {
            self.incref(*x);
        }
        let tup = self.new_tuple(items);
        let ty = self.new_native_type("UnionType", "types");
        Ok(Value::Obj(self.alloc_gc(
            ty,
            Kind::Native(Box::new(UnionType { args: tup })),
            FreeList::None,
        )))
    }

    /// The display of a type argument in an alias (`int`, `list[str]`, `None`).
    fn alias_arg_repr(&mut self, v: Value) -> PResult<String> {
        match v {
            Value::None => Ok("None".into()),
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_)) => {
                if r == t::NONE_TYPE {
                    return Ok("None".into());
                }
                let m = self.type_module(r);
                let q = match self.heap.kind(r) {
                    Kind::Type(tt) => self.as_str(tt.qualname).unwrap_or(&tt.name).to_string(),
                    _ => String::new(),
                };
                Ok(if m == "builtins" {
                    q
                } else {
                    format!("{m}.{q}")
                })
            }
            Value::Obj(r) if self.heap.ty(r) == t::ELLIPSIS_TYPE || r == self.ellipsis => {
                Ok("...".into())
            }
            _ => self.repr(v),
        }
    }
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let (origin, a, is_union) = match vm.heap.kind(r) {
        Kind::Native(n) => {
            if let Some(g) = n.as_any().downcast_ref::<GenericAlias>() {
                (g.origin, g.args, false)
            } else if let Some(u) = n.as_any().downcast_ref::<UnionType>() {
                (Value::None, u.args, true)
            } else {
                return Ok(Value::None);
            }
        }
        _ => return Ok(Value::None),
    };
    let items = vm.tuple_items(a);
    let mut parts = Vec::new();
    for x in items {
        parts.push(vm.alias_arg_repr(x)?);
    }
    let s = if is_union {
        parts.join(" | ")
    } else {
        let o = vm.alias_arg_repr(origin)?;
        format!(
            "{o}[{}]",
            if parts.is_empty() {
                "()".to_string()
            } else {
                parts.join(", ")
            }
        )
    };
    Ok(vm.new_string(s))
}

fn alias_getattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__getattr__", args, 1, 1)?;
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let name = vm.as_str(args[1]).unwrap_or("").to_string();
    let (origin, a) = match vm.heap.kind(r) {
        Kind::Native(n) => {
            if let Some(g) = n.as_any().downcast_ref::<GenericAlias>() {
                (g.origin, g.args)
            } else if let Some(u) = n.as_any().downcast_ref::<UnionType>() {
                (Value::None, u.args)
            } else {
                return Err(vm.attribute_error(Value::Obj(r), &name));
            }
        }
        _ => return Err(vm.attribute_error(Value::Obj(r), &name)),
    };
    match name.as_str() {
        "__origin__" => {
            vm.incref(origin);
            Ok(origin)
        }
        "__args__" => {
            vm.incref(a);
            Ok(a)
        }
        "__parameters__" => Ok(Value::Obj({
            vm.incref_obj(vm.empty_tuple);
            vm.empty_tuple
        })),
        _ => {
            if origin.is_none() {
                return Err(vm.attribute_error(Value::Obj(r), &name));
            }
            let n = vm.intern(&name);
            vm.getattr(origin, n)
        }
    }
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let origin = match vm.heap.kind(r) {
        Kind::Native(n) => n.as_any().downcast_ref::<GenericAlias>().map(|g| g.origin),
        _ => None,
    };
    match origin {
        Some(o) => vm.call(o, &args[1..], kw),
        None => Err(vm.type_error("'types.UnionType' object is not callable")),
    }
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__eq__", args, 1, 1)?;
    let ra = vm.repr(args[0])?;
    let same_type = vm.type_of(args[0]) == vm.type_of(args[1]);
    if !same_type {
        return Ok(vm.not_implemented());
    }
    let rb = vm.repr(args[1])?;
    Ok(Value::Bool(ra == rb))
}

fn alias_or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__or__", args, 1, 1)?;
    vm.union_type(args[0], args[1])
}

fn alias_ror(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("__ror__", args, 1, 1)?;
    vm.union_type(args[1], args[0])
}

fn alias_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let s = vm.repr(this(args))?;
    Ok(vm.int(crate::objects::str::str_hash(&s)))
}

fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(r) = this(args) else {
        return Ok(Value::None);
    };
    let origin = match vm.heap.kind(r) {
        Kind::Native(n) => n.as_any().downcast_ref::<GenericAlias>().map(|g| g.origin),
        _ => None,
    };
    match origin {
        Some(o) => {
            vm.incref(o);
            Ok(vm.new_tuple(vec![o]))
        }
        None => Err(Throw::Unsupported("subclassing a union".into(), None)),
    }
}

pub fn install(vm: &mut Vm) {
    let g = t::GENERATOR;
    vm.add_method(g, "send", gen_send);
    vm.add_method(g, "throw", gen_throw);
    vm.add_method(g, "close", gen_close);
    vm.add_method(g, "__next__", gen_next);
    vm.add_method(g, "__iter__", self_iter);
    let c = t::COROUTINE;
    vm.add_method(c, "send", gen_send);
    vm.add_method(c, "throw", gen_throw);
    vm.add_method(c, "close", gen_close);
    vm.add_method(c, "__await__", self_iter);
    for it in [
        t::LIST_ITERATOR,
        t::LIST_REVITERATOR,
        t::TUPLE_ITERATOR,
        t::RANGE_ITERATOR,
        t::STR_ITERATOR,
        t::BYTES_ITERATOR,
        t::DICT_KEYITERATOR,
        t::DICT_VALUEITERATOR,
        t::DICT_ITEMITERATOR,
        t::SET_ITERATOR,
        t::SEQ_ITERATOR,
        t::CALLABLE_ITERATOR,
        t::ENUMERATE,
        t::ZIP,
        t::MAP,
        t::FILTER,
        t::REVERSED,
    ] {
        vm.add_method(it, "__next__", iter_next);
        vm.add_method(it, "__iter__", self_iter);
        vm.add_method(it, "__length_hint__", iter_length_hint);
    }
    vm.add_method(t::RANGE, "index", range_index);
    vm.add_method(t::RANGE, "count", range_count);
    vm.add_method(t::RANGE, "__len__", range_len);
    vm.add_method(t::RANGE, "__reversed__", range_reversed);
    vm.add_method(t::SLICE, "indices", slice_indices);
    vm.add_method(t::PROPERTY, "getter", prop_getter);
    vm.add_method(t::PROPERTY, "setter", prop_setter);
    vm.add_method(t::PROPERTY, "deleter", prop_deleter);
    vm.add_method(t::PROPERTY, "__get__", prop_get);
    vm.add_method(t::PROPERTY, "__set__", prop_set);
    vm.add_method(t::PROPERTY, "__set_name__", prop_set_name);
    vm.add_method(t::FUNCTION, "__get__", func_get);
    vm.add_method(t::CLASSMETHOD, "__get__", func_get);
    vm.add_method(t::STATICMETHOD, "__get__", func_get);
    let e = t::BASE_EXCEPTION;
    vm.add_method(e, "with_traceback", exc_with_traceback);
    vm.add_method(e, "add_note", exc_add_note);
    vm.add_method(e, "__str__", exc_str);
    vm.add_method(e, "__repr__", exc_repr);
    vm.add_method(t::BASE_EXCEPTION_GROUP, "split", eg_split_m);
    vm.add_method(t::BASE_EXCEPTION_GROUP, "subgroup", eg_subgroup);
    vm.add_method(t::BASE_EXCEPTION_GROUP, "derive", eg_derive);
    let b = t::BYTEARRAY;
    vm.add_method(b, "append", ba_append);
    vm.add_method(b, "extend", ba_extend);
    vm.add_method(b, "pop", ba_pop);
    vm.add_method(b, "clear", ba_clear);
    vm.add_method(b, "insert", ba_insert);
    vm.add_method(b, "remove", ba_remove);
    vm.add_method(b, "reverse", ba_reverse);
    vm.add_method(b, "copy", ba_copy);
    let m = t::MEMORYVIEW;
    vm.add_method(m, "tobytes", mv_tobytes);
    vm.add_method(m, "tolist", mv_tolist);
    vm.add_method(m, "release", mv_release);
    vm.add_method(m, "__enter__", mv_enter);
    vm.add_method(m, "__exit__", mv_exit);
    vm.add_method(m, "__len__", mv_len);
    vm.add_getter(t::CELL, "cell_contents", cell_contents);
    for (name, module) in [("GenericAlias", "types"), ("UnionType", "types")] {
        let ty = vm.new_native_type(name, module);
        vm.add_method(ty, "__repr__", alias_repr);
        vm.add_method(ty, "__getattr__", alias_getattr);
        vm.add_method(ty, "__call__", alias_call);
        vm.add_method(ty, "__eq__", alias_eq);
        vm.add_method(ty, "__or__", alias_or);
        vm.add_method(ty, "__ror__", alias_ror);
        vm.add_method(ty, "__hash__", alias_hash);
        vm.add_method(ty, "__mro_entries__", alias_mro_entries);
        if let Kind::Type(tt) = vm.heap.kind_mut(ty) {
            tt.flags |= crate::objects::typeobj::tflags::HAS_GETATTR;
        }
    }
    let ga = vm.new_native_type("GenericAlias", "types");
    vm.add_staticmethod(ga, "__new__", generic_alias_new);
}

/// `types.GenericAlias(origin, args)`, as `__class_getitem__ = classmethod(GenericAlias)`
/// uses it.
fn generic_alias_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() != 3 {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {n}")));
    }
    Ok(vm.new_generic_alias(args[1], args[2]))
}
