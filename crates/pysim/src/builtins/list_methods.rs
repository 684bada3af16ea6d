//! Methods of `list` and `tuple`, with CPython's allocation behaviour (`append`,
//! `insert`, `pop`, `remove` resize as `list_resize` does; `copy` is exact) and a
//! stable sort that compares with `<` and reports the first comparison error.

use crate::code::{BinOp, CmpOp};
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{IterObj, Kind, ListObj};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn this_list(vm: &mut Vm, args: &[Value], name: &str) -> PResult<ObjRef> {
    match args.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.kind(*r), Kind::List(_)) => Ok(*r),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to this object"
        ))),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let l = this_list(vm, args, "append")?;
    let v = args[1];
    vm.incref(v);
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        list.push(v);
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.extend() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let l = this_list(vm, args, "extend")?;
    vm.list_extend(l, args[1])?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let l = this_list(vm, args, "insert")?;
    let i = vm.index_arg(args[1])?;
    let v = args[2];
    vm.incref(v);
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        let n = list.items.len() as i64;
        let mut idx = if i < 0 { i + n } else { i };
        idx = idx.clamp(0, n);
        list.resize(n as usize + 1);
        list.items.insert(idx as usize, v);
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let l = this_list(vm, args, "pop")?;
    let n = vm.list_items(l).len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => vm.index_arg(*v)?,
        None => -1,
    };
    let idx = if i < 0 { i + n as i64 } else { i };
    if idx < 0 || idx as usize >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(vm.list_remove_at(l, idx as usize))
}

fn remove(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.remove() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let l = this_list(vm, args, "remove")?;
    let items = vm.list_items(l);
    for (i, v) in items.iter().enumerate() {
        vm.incref(*v);
        let e = vm.eq(*v, args[1]);
        vm.decref(*v);
        if e? {
            if vm.list_items(l).get(i).is_some_and(|x| x.is(v)) {
                let old = vm.list_remove_at(l, i);
                vm.decref(old);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &Vm, v: Value) -> Vec<Value> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::List(l) => l.items.clone(),
            Kind::Tuple(tp) => tp.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("index", args, 2, 4)?;
    let items = seq_items(vm, args[0]);
    let n = items.len() as i64;
    let norm = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match args.get(2) {
        Some(v) => norm(vm.index_arg(*v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm(vm.index_arg(*v)?),
        None => n,
    };
    for i in start..stop {
        let v = items[i as usize];
        vm.incref(v);
        let e = vm.eq(v, args[1]);
        vm.decref(v);
        if e? {
            return Ok(vm.int(i));
        }
    }
    let is_list = matches!(args[0], Value::Obj(r) if matches!(vm.heap.kind(r), Kind::List(_)));
    if is_list {
        let r = vm.repr(args[1])?;
        Err(vm.value_error(format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("count", args, 2, 2)?;
    let items = seq_items(vm, args[0]);
    let mut c = 0;
    for v in items {
        vm.incref(v);
        let e = vm.eq(v, args[1]);
        vm.decref(v);
        if e? {
            c += 1;
        }
    }
    Ok(vm.int(c))
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let l = this_list(vm, args, "reverse")?;
    if let Kind::List(list) = vm.heap.kind_mut(l) {
        list.items.reverse();
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let l = this_list(vm, args, "clear")?;
    let old = match vm.heap.kind_mut(l) {
        Kind::List(list) => {
            list.alloc = 0;
            std::mem::take(&mut list.items)
        }
        _ => Vec::new(),
    };
    vm.decref_all(old.into_iter().rev());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let l = this_list(vm, args, "copy")?;
    let items = vm.list_items(l);
    for v in &items {
        vm.incref(*v);
    }
    Ok(vm.new_list(items))
}

fn sort(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    vm.check_kwargs("sort", kw, &["key", "reverse"])?;
    let l = this_list(vm, args, "sort")?;
    let key = vm.kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match vm.kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    vm.list_sort(l, key, reverse)?;
    Ok(Value::None)
}

impl Vm {
    /// `list.sort(key=..., reverse=...)`: stable; the list is empty while sorting.
    pub fn list_sort(&mut self, l: ObjRef, key: Option<Value>, reverse: bool) -> PResult<()> {
        let (items, alloc) = match self.heap.kind_mut(l) {
            Kind::List(list) => (std::mem::take(&mut list.items), list.alloc),
            _ => return Ok(()),
        };
        let mut keys: Vec<Value> = Vec::with_capacity(items.len());
        let mut err = None;
        if let Some(k) = key {
            for v in &items {
                match self.call(k, &[*v], &[]) {
                    Ok(kv) => keys.push(kv),
                    Err(e) => {
                        err = Some(e);
                        break;
                    }
                }
            }
        } else {
            keys = items.clone();
        }
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if err.is_none() {
            if reverse {
                idx.reverse();
            }
            let mut failed: Option<crate::Throw> = None;
            let cmp =
                |vm: &mut Vm, a: usize, b: usize, failed: &mut Option<crate::Throw>| -> bool {
                    if failed.is_some() {
                        return false;
                    }
                    let (x, y) = (keys[a], keys[b]);
                    if let (Value::Int(p, _), Value::Int(q, _)) = (x, y) {
                        return p < q;
                    }
                    match vm.rich_compare(x, y, CmpOp::Lt) {
                        Ok(r) => {
                            let b = vm.truthy(r);
                            vm.decref(r);
                            match b {
                                Ok(b) => b,
                                Err(e) => {
                                    *failed = Some(e);
                                    false
                                }
                            }
                        }
                        Err(e) => {
                            *failed = Some(e);
                            false
                        }
                    }
                };
            merge_sort(self, &mut idx, &mut |vm, a, b| cmp(vm, a, b, &mut failed));
            if reverse {
                idx.reverse();
            }
            err = failed;
        }
        if key.is_some() {
            let ks = std::mem::take(&mut keys);
            self.decref_all(ks);
        }
        let modified = match self.heap.kind(l) {
            Kind::List(list) => !list.items.is_empty(),
            _ => false,
        };
        let sorted: Vec<Value> = if err.is_none() {
            idx.iter().map(|&i| items[i]).collect()
        } else {
            items
        };
        let leftover = match self.heap.kind_mut(l) {
            Kind::List(list) => {
                let extra = std::mem::replace(&mut list.items, sorted);
                list.alloc = alloc.max(list.items.len());
                extra
            }
            _ => Vec::new(),
        };
        self.decref_all(leftover);
        if let Some(e) = err {
            return Err(e);
        }
        if modified {
            return Err(self.value_error("list modified during sort"));
        }
        Ok(())
    }
}

/// A stable merge sort driven by a fallible `less` (which records its own error).
fn merge_sort(
    vm: &mut Vm,
    v: &mut Vec<usize>,
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> bool,
) {
    let n = v.len();
    if n < 2 {
        return;
    }
    // Insertion sort on short runs, then merge: stable, like timsort for these inputs.
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mut right = v.split_off(n / 2);
    merge_sort(vm, v, less);
    merge_sort(vm, &mut right, less);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(vm, right[j], left[i]) {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

fn list_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = seq_items(vm, args[0]).len();
    Ok(vm.int(n as i64))
}

fn seq_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__getitem__", args, 2, 2)?;
    builtin_subscript(vm, args[0], args[1])
}

/// Subscript through the built-in layout (for `super().__getitem__` and subclasses).
fn builtin_subscript(vm: &mut Vm, obj: Value, idx: Value) -> PResult<Value> {
    let Value::Obj(r) = obj else {
        return vm.getitem(obj, idx);
    };
    let ty = vm.heap.ty(r);
    if !vm.type_is_heap(ty) {
        return vm.getitem(obj, idx);
    }
    // Temporarily look at the object as its base type.
    let base = match vm.heap.kind(r) {
        Kind::List(_) => t::LIST,
        Kind::Tuple(_) => t::TUPLE,
        Kind::Dict(_) => t::DICT,
        Kind::Str(_) => t::STR,
        _ => return vm.getitem(obj, idx),
    };
    vm.heap.get_mut(r).ty = base;
    let res = vm.getitem(obj, idx);
    vm.heap.get_mut(r).ty = ty;
    res
}

fn seq_setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__setitem__", args, 3, 3)?;
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    let ty = vm.heap.ty(r);
    let base = match vm.heap.kind(r) {
        Kind::List(_) => t::LIST,
        Kind::Dict(_) => t::DICT,
        _ => ty,
    };
    vm.heap.get_mut(r).ty = base;
    let res = vm.setitem(args[0], args[1], args[2]);
    vm.heap.get_mut(r).ty = ty;
    res.map(|_| Value::None)
}

fn seq_delitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__delitem__", args, 2, 2)?;
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    let ty = vm.heap.ty(r);
    let base = match vm.heap.kind(r) {
        Kind::List(_) => t::LIST,
        Kind::Dict(_) => t::DICT,
        _ => ty,
    };
    vm.heap.get_mut(r).ty = base;
    let res = vm.delitem(args[0], args[1]);
    vm.heap.get_mut(r).ty = ty;
    res.map(|_| Value::None)
}

fn seq_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__contains__", args, 2, 2)?;
    let items = seq_items(vm, args[0]);
    for v in items {
        if vm.eq(v, args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn seq_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    let it = match vm.heap.kind(r) {
        Kind::List(_) => IterObj::List { seq: r, i: 0 },
        Kind::Tuple(_) => IterObj::Tuple { seq: r, i: 0 },
        _ => return vm.iter(args[0]),
    };
    vm.incref_obj(r);
    Ok(vm.new_iter(it))
}

fn list_reversed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let l = this_list(vm, args, "__reversed__")?;
    let n = vm.list_items(l).len();
    vm.incref_obj(l);
    Ok(vm.new_iter(IterObj::ListRev { seq: l, i: n }))
}

fn list_iadd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__iadd__", args, 2, 2)?;
    let l = this_list(vm, args, "__iadd__")?;
    vm.list_extend(l, args[1])?;
    vm.incref(args[0]);
    Ok(args[0])
}

fn list_imul(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("__imul__", args, 2, 2)?;
    this_list(vm, args, "__imul__")?;
    vm.binary_op(args[0], args[1], BinOp::Mul, true)
}

fn seq_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PResult<Value> {
    vm.nargs(op.dunder(), args, 2, 2)?;
    match vm.builtin_richcompare(args[0], args[1], op)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented()),
    }
}

fn seq_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    seq_cmp(vm, args, CmpOp::Eq)
}
fn seq_lt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    seq_cmp(vm, args, CmpOp::Lt)
}

fn tuple_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let items = seq_items(vm, args[0]);
    let h = vm.tuple_hash(&items)?;
    Ok(vm.int(h))
}

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let items = seq_items(vm, args[0]);
    for v in &items {
        vm.incref(*v);
    }
    let tup = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![tup]))
}

fn list_sizeof(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let l = this_list(vm, args, "__sizeof__")?;
    let a = match vm.heap.kind(l) {
        Kind::List(ListObj { alloc, .. }) => *alloc,
        _ => 0,
    };
    Ok(vm.int(40 + 8 * a as i64))
}

pub fn install(vm: &mut Vm) {
    let l = t::LIST;
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
        ("sort", sort),
        ("__len__", list_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__reversed__", list_reversed),
        ("__iadd__", list_iadd),
        ("__imul__", list_imul),
        ("__eq__", seq_eq),
        ("__lt__", seq_lt),
        ("__sizeof__", list_sizeof),
    ];
    for (name, f) in fns {
        vm.add_method(l, name, *f);
    }
    vm.set_type_attr(l, "__hash__", Value::None);
    super::num_methods::add_seq_ops(vm, l, false);
    let tu = t::TUPLE;
    let tfns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", list_len),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__eq__", seq_eq),
        ("__lt__", seq_lt),
        ("__hash__", tuple_hash),
        ("__getnewargs__", tuple_getnewargs),
    ];
    for (name, f) in tfns {
        vm.add_method(tu, name, *f);
    }
    super::num_methods::add_seq_ops(vm, tu, false);
}
