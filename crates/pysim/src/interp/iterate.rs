//! The iteration protocol (`iter`, `next`, unpacking, length hints) and the bulk
//! container operations built on it with CPython's allocation rules: `list.extend`,
//! `set.update` / set algebra, `dict.update` / `dict_merge` (with its clone fast path).

use super::Vm;
use crate::code::{BinOp, CmpOp};
use crate::objects::dict::{estimate_log2_keysize, usable_fraction, Dict};
use crate::objects::{IterObj, Kind, ViewKind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// What `iter_next_general` advances, read out of the iterator before running code.
enum Pending {
    Seq(Value, usize),
    Callable(Value, Value),
    Enumerate(Value, i64),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Reversed(Value, usize),
    None,
}

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: Value) -> PResult<Value> {
        if let Some(tg) = self.proxy_target(v)? {
            self.incref(tg);
            let r = self.iter(tg);
            self.decref(tg);
            return r;
        }
        let ty = self.type_of(v);
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__iter__") {
                if !self.is_native_slot(f, "__iter__") {
                    let r = self.call(f, &[v], &[]);
                    self.decref(f);
                    let it = r?;
                    if !self.is_iterator(it) {
                        let tn = self.type_name_of(it);
                        self.decref(it);
                        return Err(
                            self.type_error(format!("iter() returned non-iterator of type '{tn}'"))
                        );
                    }
                    return Ok(it);
                }
                self.decref(f);
            } else if let Some(g) = self.lookup_type_str(ty, "__getitem__") {
                self.decref(g);
                self.incref(v);
                return Ok(self.new_iter(IterObj::Seq { seq: v, i: 0 }));
            }
        }
        let Value::Obj(r) = v else {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object is not iterable")));
        };
        let it = match self.heap.kind(r) {
            Kind::List(_) => IterObj::List { seq: r, i: 0 },
            Kind::Tuple(_) => IterObj::Tuple { seq: r, i: 0 },
            Kind::Str(_) => IterObj::Str { s: r, byte: 0 },
            Kind::Bytes(_) | Kind::ByteArray(_) => IterObj::Bytes { b: r, i: 0 },
            Kind::Dict(d) => IterObj::Dict {
                d: r,
                pos: 0,
                kind: ViewKind::Keys,
                used: d.used,
                rev: false,
            },
            Kind::Set(s) => IterObj::Set {
                s: r,
                pos: 0,
                used: s.used,
            },
            Kind::DictView(d, k) => {
                let (d, k) = (*d, *k);
                let used = self.dict_len(d);
                self.incref_obj(d);
                return Ok(self.new_iter(IterObj::Dict {
                    d,
                    pos: 0,
                    kind: k,
                    used,
                    rev: false,
                }));
            }
            Kind::MappingProxy(d) => {
                let d = *d;
                let used = self.dict_len(d);
                self.incref_obj(d);
                return Ok(self.new_iter(IterObj::Dict {
                    d,
                    pos: 0,
                    kind: ViewKind::Keys,
                    used,
                    rev: false,
                }));
            }
            Kind::Range(rg) => {
                let rg = **rg;
                let (Ok(a), Ok(b), Ok(c)) = (
                    i64::try_from(rg.start),
                    i64::try_from(rg.stop),
                    i64::try_from(rg.step),
                ) else {
                    return Err(self.overflow_error("Python int too large to convert to C long"));
                };
                return Ok(self.new_iter(IterObj::Range {
                    next: a,
                    stop: b,
                    step: c,
                }));
            }
            Kind::Iter(_) => {
                self.incref(v);
                return Ok(v);
            }
            Kind::Generator(_) if self.heap.ty(r) == t::GENERATOR => {
                self.incref(v);
                return Ok(v);
            }
            Kind::MemoryView(_) => {
                let data = self.bytes_like(v).unwrap_or_default();
                let b = self.new_bytes(data);
                let Value::Obj(br) = b else { unreachable!() };
                let it = self.new_iter(IterObj::Bytes { b: br, i: 0 });
                return Ok(it);
            }
            _ => {
                if let Some(f) = self.lookup_type_str(ty, "__iter__") {
                    let r2 = self.call(f, &[v], &[]);
                    self.decref(f);
                    return r2;
                }
                let tn = self.type_name(ty);
                return Err(self.type_error(format!("'{tn}' object is not iterable")));
            }
        };
        self.incref_obj(r);
        Ok(self.new_iter(it))
    }

    pub fn is_iterable(&mut self, v: Value) -> bool {
        match self.iter(v) {
            Ok(it) => {
                self.decref(it);
                true
            }
            Err(e) => {
                self.discard(e);
                false
            }
        }
    }

    fn is_iterator(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Iter(_) | Kind::Generator(_)) => {
                !matches!(self.heap.ty(r), t::COROUTINE | t::ASYNC_GENERATOR)
            }
            _ => {
                let ty = self.type_of(v);
                match self.lookup_type_str(ty, "__next__") {
                    Some(f) => {
                        self.decref(f);
                        true
                    }
                    None => false,
                }
            }
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, itv: Value) -> PResult<Option<Value>> {
        let Value::Obj(r) = itv else {
            let tn = self.type_name_of(itv);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        };
        match self.heap.kind(r) {
            Kind::Iter(_) => self.iter_next(r),
            Kind::Generator(_) => match self.gen_send(r, Value::None)? {
                super::generator::SendResult::Yielded(v) => Ok(Some(v)),
                super::generator::SendResult::Returned(v) => {
                    self.decref(v);
                    Ok(None)
                }
            },
            _ => {
                let ty = self.heap.ty(r);
                let Some(f) = self.lookup_type_str(ty, "__next__") else {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(format!("'{tn}' object is not an iterator")));
                };
                let res = self.call(f, &[itv], &[]);
                self.decref(f);
                match res {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.throw_is(&e, t::STOP_ITERATION) => {
                        self.discard(e);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Marks an iterator exhausted, releasing what it held.
    fn exhaust(&mut self, r: ObjRef) {
        let old = match self.heap.kind_mut(r) {
            Kind::Iter(b) => std::mem::replace(&mut **b, IterObj::Exhausted),
            _ => return,
        };
        let mut vals = Vec::new();
        old.for_each_ref(&mut |v| vals.push(v));
        self.decref_all(vals);
    }

    fn iter_next(&mut self, r: ObjRef) -> PResult<Option<Value>> {
        enum Step {
            Item(Value),
            Done,
            Other,
        }
        let step = {
            let heap = &self.heap;
            let Kind::Iter(it) = heap.kind(r) else {
                return Ok(None);
            };
            match &**it {
                IterObj::List { seq, i } => match heap.kind(*seq) {
                    Kind::List(l) if *i < l.items.len() => Step::Item(l.items[*i]),
                    _ => Step::Done,
                },
                IterObj::ListRev { seq, i } => match heap.kind(*seq) {
                    Kind::List(l) if *i > 0 && *i <= l.items.len() => Step::Item(l.items[*i - 1]),
                    _ => Step::Done,
                },
                IterObj::Tuple { seq, i } => match heap.kind(*seq) {
                    Kind::Tuple(tp) if *i < tp.len() => Step::Item(tp[*i]),
                    _ => Step::Done,
                },
                IterObj::Exhausted => Step::Done,
                _ => Step::Other,
            }
        };
        match step {
            Step::Item(v) => {
                if let Kind::Iter(it) = self.heap.kind_mut(r) {
                    match &mut **it {
                        IterObj::List { i, .. } | IterObj::Tuple { i, .. } => *i += 1,
                        IterObj::ListRev { i, .. } => *i -= 1,
                        _ => {}
                    }
                }
                self.incref(v);
                return Ok(Some(v));
            }
            Step::Done => {
                self.exhaust(r);
                return Ok(None);
            }
            Step::Other => {}
        }
        let it_kind = match self.heap.kind(r) {
            Kind::Iter(it) => match &**it {
                IterObj::Range { next, stop, step } => Some((*next, *stop, *step)),
                _ => None,
            },
            _ => None,
        };
        if let Some((cur, stop, step)) = it_kind {
            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                if let Kind::Iter(it) = self.heap.kind_mut(r) {
                    if let IterObj::Range { next, .. } = &mut **it {
                        *next = cur.wrapping_add(step);
                    }
                }
                return Ok(Some(self.int(cur)));
            }
            return Ok(None);
        }
        // The rest need the VM while advancing.
        let snapshot = match self.heap.kind(r) {
            Kind::Iter(it) => match &**it {
                IterObj::Str { s, byte } => {
                    let text = self.str_of(*s);
                    match text[*byte..].chars().next() {
                        Some(c) => {
                            let nb = *byte + c.len_utf8();
                            if let Kind::Iter(it) = self.heap.kind_mut(r) {
                                if let IterObj::Str { byte, .. } = &mut **it {
                                    *byte = nb;
                                }
                            }
                            let mut buf = [0u8; 4];
                            return Ok(Some(self.new_str(c.encode_utf8(&mut buf))));
                        }
                        None => {
                            self.exhaust(r);
                            return Ok(None);
                        }
                    }
                }
                IterObj::Bytes { b, i } => {
                    let data = self.bytes_like(Value::Obj(*b)).unwrap_or_default();
                    let i = *i;
                    if i < data.len() {
                        if let Kind::Iter(it) = self.heap.kind_mut(r) {
                            if let IterObj::Bytes { i, .. } = &mut **it {
                                *i += 1;
                            }
                        }
                        return Ok(Some(Value::small(data[i] as i64)));
                    }
                    self.exhaust(r);
                    return Ok(None);
                }
                IterObj::Dict {
                    d,
                    pos,
                    kind,
                    used,
                    rev,
                } => (1, *d, *pos, *kind, *used, *rev),
                IterObj::Set { s, pos, used } => (2, *s, *pos, ViewKind::Keys, *used, false),
                _ => (0, r, 0, ViewKind::Keys, 0, false),
            },
            _ => return Ok(None),
        };
        match snapshot {
            (1, d, pos, kind, used, rev) => {
                let cur_used = self.dict_len(d);
                if used != cur_used {
                    if let Kind::Iter(it) = self.heap.kind_mut(r) {
                        if let IterObj::Dict { used, .. } = &mut **it {
                            *used = usize::MAX;
                        }
                    }
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let next = match self.heap.kind(d) {
                    Kind::Dict(x) => {
                        if rev {
                            let mut p = pos;
                            let mut found = None;
                            while p > 0 {
                                p -= 1;
                                let e = x.entries[p];
                                if !e.key.is_null() {
                                    found = Some((p, e));
                                    break;
                                }
                            }
                            found
                        } else {
                            x.next_from(pos).map(|(p, e)| (p + 1, e))
                        }
                    }
                    _ => None,
                };
                let Some((np, e)) = next else {
                    self.exhaust(r);
                    return Ok(None);
                };
                if let Kind::Iter(it) = self.heap.kind_mut(r) {
                    if let IterObj::Dict { pos, .. } = &mut **it {
                        *pos = np;
                    }
                }
                let v = match kind {
                    ViewKind::Keys => {
                        self.incref(e.key);
                        e.key
                    }
                    ViewKind::Values => {
                        self.incref(e.value);
                        e.value
                    }
                    ViewKind::Items => {
                        self.incref(e.key);
                        self.incref(e.value);
                        self.new_tuple(vec![e.key, e.value])
                    }
                };
                Ok(Some(v))
            }
            (2, s, pos, _, used, _) => {
                let (cur_used, next) = match self.heap.kind(s) {
                    Kind::Set(x) => {
                        let mut p = pos;
                        let mut found = None;
                        while p < x.table.len() {
                            if !x.table[p].key.is_null() {
                                found = Some((p, x.table[p].key));
                                break;
                            }
                            p += 1;
                        }
                        (x.used, found)
                    }
                    _ => (0, None),
                };
                if cur_used != used {
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let Some((p, k)) = next else {
                    self.exhaust(r);
                    return Ok(None);
                };
                if let Kind::Iter(it) = self.heap.kind_mut(r) {
                    if let IterObj::Set { pos, .. } = &mut **it {
                        *pos = p + 1;
                    }
                }
                self.incref(k);
                Ok(Some(k))
            }
            _ => self.iter_next_general(r),
        }
    }

    fn iter_next_general(&mut self, r: ObjRef) -> PResult<Option<Value>> {
        let g = match self.heap.kind(r) {
            Kind::Iter(it) => match &**it {
                IterObj::Seq { seq, i } => Pending::Seq(*seq, *i),
                IterObj::Callable { f, sentinel } => Pending::Callable(*f, *sentinel),
                IterObj::Enumerate { it, n } => Pending::Enumerate(*it, *n),
                IterObj::Zip { its, strict } => Pending::Zip(its.clone(), *strict),
                IterObj::Map { f, its } => Pending::Map(*f, its.clone()),
                IterObj::Filter { f, it } => Pending::Filter(*f, *it),
                IterObj::Reversed { seq, i } => Pending::Reversed(*seq, *i),
                _ => Pending::None,
            },
            _ => Pending::None,
        };
        // Keep the iterator alive while running Python code.
        self.incref_obj(r);
        let res = self.iter_next_g(r, g);
        self.decref_obj(r);
        res
    }

    #[allow(clippy::too_many_lines)]
    fn iter_next_g(&mut self, r: ObjRef, g: Pending) -> PResult<Option<Value>> {
        match g {
            Pending::Seq(seq, i) => {
                let idx = self.int(i as i64);
                match self.getitem(seq, idx) {
                    Ok(v) => {
                        self.set_iter_index(r, i + 1);
                        Ok(Some(v))
                    }
                    Err(e)
                        if self.throw_is(&e, t::INDEX_ERROR)
                            || self.throw_is(&e, t::STOP_ITERATION) =>
                    {
                        self.discard(e);
                        self.exhaust(r);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Pending::Callable(f, sentinel) => {
                let v = self.call(f, &[], &[])?;
                if self.eq(v, sentinel)? {
                    self.decref(v);
                    self.exhaust(r);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Pending::Enumerate(it, n) => {
                let Some(v) = self.next(it)? else {
                    return Ok(None);
                };
                if let Kind::Iter(b) = self.heap.kind_mut(r) {
                    if let IterObj::Enumerate { n, .. } = &mut **b {
                        *n += 1;
                    }
                }
                let nv = self.int(n);
                Ok(Some(self.new_tuple(vec![nv, v])))
            }
            Pending::Zip(its, strict) => {
                if its.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(its.len());
                for (k, it) in its.iter().enumerate() {
                    match self.next(*it) {
                        Ok(Some(v)) => items.push(v),
                        Ok(None) => {
                            if strict {
                                if k > 0 {
                                    self.decref_all(items);
                                    let s = if k == 1 { " " } else { "s 1-" };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{s}{}",
                                        k + 1,
                                        k
                                    )));
                                }
                                for (j, other) in its.iter().enumerate().skip(1) {
                                    if let Some(v) = self.next(*other)? {
                                        self.decref(v);
                                        let s = if j == 1 { " " } else { "s 1-" };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{s}{}",
                                            j + 1,
                                            j
                                        )));
                                    }
                                }
                            }
                            self.decref_all(items);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.decref_all(items);
                            return Err(e);
                        }
                    }
                }
                Ok(Some(self.new_tuple(items)))
            }
            Pending::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(*it) {
                        Ok(Some(v)) => args.push(v),
                        Ok(None) => {
                            self.decref_all(args);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.decref_all(args);
                            return Err(e);
                        }
                    }
                }
                let res = self.call(f, &args, &[]);
                self.decref_all(args);
                res.map(Some)
            }
            Pending::Filter(f, it) => loop {
                let Some(v) = self.next(it)? else {
                    return Ok(None);
                };
                let keep = if f.is_none() {
                    self.truthy(v)
                } else {
                    match self.call(f, &[v], &[]) {
                        Ok(res) => {
                            let b = self.truthy(res);
                            self.decref(res);
                            b
                        }
                        Err(e) => Err(e),
                    }
                };
                match keep {
                    Ok(true) => return Ok(Some(v)),
                    Ok(false) => self.decref(v),
                    Err(e) => {
                        self.decref(v);
                        return Err(e);
                    }
                }
            },
            Pending::Reversed(seq, i) => {
                if i == 0 {
                    self.exhaust(r);
                    return Ok(None);
                }
                let idx = self.int(i as i64 - 1);
                match self.getitem(seq, idx) {
                    Ok(v) => {
                        if let Kind::Iter(b) = self.heap.kind_mut(r) {
                            if let IterObj::Reversed { i, .. } = &mut **b {
                                *i -= 1;
                            }
                        }
                        Ok(Some(v))
                    }
                    Err(e) if self.throw_is(&e, t::INDEX_ERROR) => {
                        self.discard(e);
                        self.exhaust(r);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Pending::None => Ok(None),
        }
    }

    fn set_iter_index(&mut self, r: ObjRef, n: usize) {
        if let Kind::Iter(b) = self.heap.kind_mut(r) {
            if let IterObj::Seq { i, .. } = &mut **b {
                *i = n;
            }
        }
    }

    /// All items of an iterable (owned).
    pub fn collect_iter(&mut self, v: Value) -> PResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            let ty = self.heap.ty(r);
            let fast = match self.heap.kind(r) {
                Kind::List(l) if ty == t::LIST => Some(l.items.clone()),
                Kind::Tuple(tp) if ty == t::TUPLE => Some(tp.to_vec()),
                _ => None,
            };
            if let Some(items) = fast {
                for x in &items {
                    self.incref(*x);
                }
                return Ok(items);
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        loop {
            match self.next(it) {
                Ok(Some(x)) => {
                    out.push(x);
                    if out.len() > self.max_objects {
                        self.decref(it);
                        self.decref_all(out);
                        return Err(crate::Throw::Limit(format!(
                            "memory limit of {} bytes",
                            self.limits.max_heap_bytes
                        )));
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    self.decref(it);
                    self.decref_all(out);
                    return Err(e);
                }
            }
        }
        self.decref(it);
        Ok(out)
    }

    /// `UNPACK_SEQUENCE` (`after` = None) / `UNPACK_EX`: owned items in order (the starred
    /// part as a list).
    pub fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> PResult<Vec<Value>> {
        let items = match seq {
            Value::Obj(r)
                if matches!(self.heap.kind(r), Kind::Tuple(_) | Kind::List(_))
                    && matches!(self.heap.ty(r), t::TUPLE | t::LIST) =>
            {
                let items = match self.heap.kind(r) {
                    Kind::Tuple(tp) => tp.to_vec(),
                    Kind::List(l) => l.items.clone(),
                    _ => Vec::new(),
                };
                if after.is_none() && items.len() != before {
                    return Err(if items.len() < before {
                        self.value_error(format!(
                            "not enough values to unpack (expected {before}, got {})",
                            items.len()
                        ))
                    } else {
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    });
                }
                for x in &items {
                    self.incref(*x);
                }
                items
            }
            _ => {
                let it = match self.iter(seq) {
                    Ok(it) => it,
                    Err(e) => {
                        if self.throw_is(&e, t::TYPE_ERROR) {
                            self.discard(e);
                            let tn = self.type_name_of(seq);
                            return Err(
                                self.type_error(format!("cannot unpack non-iterable {tn} object"))
                            );
                        }
                        return Err(e);
                    }
                };
                let mut out = Vec::new();
                let limit = if after.is_none() {
                    before + 1
                } else {
                    usize::MAX
                };
                while out.len() < limit {
                    match self.next(it) {
                        Ok(Some(x)) => out.push(x),
                        Ok(None) => break,
                        Err(e) => {
                            self.decref(it);
                            self.decref_all(out);
                            return Err(e);
                        }
                    }
                }
                self.decref(it);
                if after.is_none() && out.len() != before {
                    let n = out.len();
                    self.decref_all(out);
                    return Err(if n < before {
                        self.value_error(format!(
                            "not enough values to unpack (expected {before}, got {n})"
                        ))
                    } else {
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    });
                }
                out
            }
        };
        let Some(after) = after else { return Ok(items) };
        if items.len() < before + after {
            let n = items.len();
            self.decref_all(items);
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {n})",
                before + after
            )));
        }
        let mut items = items;
        let tail = items.split_off(items.len() - after);
        let mid = items.split_off(before);
        let star = self.new_list(mid);
        items.push(star);
        items.extend(tail);
        Ok(items)
    }

    /// `operator.length_hint(v, default)`.
    pub fn length_hint(&mut self, v: Value, default: usize) -> usize {
        if let Value::Obj(r) = v {
            let hint = match self.heap.kind(r) {
                Kind::Str(s) => Some(s.len),
                Kind::List(l) => Some(l.items.len()),
                Kind::Tuple(tp) => Some(tp.len()),
                Kind::Dict(d) => Some(d.len()),
                Kind::Set(s) => Some(s.len()),
                Kind::Bytes(b) => Some(b.len()),
                Kind::ByteArray(b) => Some(b.data.len()),
                Kind::Range(rg) => Some(rg.len().max(0) as usize),
                Kind::DictView(d, _) => Some(self.dict_len(*d)),
                Kind::Iter(it) => match &**it {
                    IterObj::List { seq, i } => {
                        Some(self.list_items(*seq).len().saturating_sub(*i))
                    }
                    IterObj::Tuple { seq, i } => {
                        Some(self.tuple_len(Value::Obj(*seq)).saturating_sub(*i))
                    }
                    IterObj::Range { next, stop, step } => {
                        let n = if *step > 0 && next < stop {
                            (stop - next - 1) / step + 1
                        } else if *step < 0 && next > stop {
                            (next - stop - 1) / (-step) + 1
                        } else {
                            0
                        };
                        Some(n as usize)
                    }
                    IterObj::Dict { d, used, .. } => Some(*used.min(&self.dict_len(*d))),
                    IterObj::Exhausted => Some(0),
                    _ => None,
                },
                _ => None,
            };
            if let Some(h) = hint {
                return h;
            }
            let ty = self.heap.ty(r);
            if self.type_is_heap(ty) {
                for name in ["__len__", "__length_hint__"] {
                    if let Some(f) = self.lookup_type_str(ty, name) {
                        let res = self.call(f, &[v], &[]);
                        self.decref(f);
                        if let Ok(res) = res {
                            let n = self.int_value_of(res);
                            self.decref(res);
                            if let Some(n) = n {
                                return n.max(0) as usize;
                            }
                        }
                    }
                }
            }
        }
        default
    }

    /// `list.extend(iterable)` with CPython's allocation behaviour.
    pub fn list_extend(&mut self, list: ObjRef, it: Value) -> PResult<()> {
        let fast = match it {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::List(l) if self.heap.ty(r) == t::LIST || r == list => Some(l.items.clone()),
                Kind::Tuple(tp) if self.heap.ty(r) == t::TUPLE => Some(tp.to_vec()),
                _ => None,
            },
            _ => None,
        };
        if let Some(items) = fast {
            if items.is_empty() {
                return Ok(());
            }
            for v in &items {
                self.incref(*v);
            }
            if let Kind::List(l) = self.heap.kind_mut(list) {
                let n = items.len();
                if l.alloc == 0 && l.items.is_empty() {
                    l.preallocate_exact(n);
                } else {
                    let m = l.items.len();
                    l.resize(m + n);
                }
                l.items.extend(items);
            }
            return Ok(());
        }
        let hint = self.length_hint(it, 8);
        let iter = self.iter(it)?;
        if hint > 0 {
            if let Kind::List(l) = self.heap.kind_mut(list) {
                let m = l.items.len();
                l.resize(m + hint);
            }
        }
        let res = loop {
            match self.next(iter) {
                Ok(Some(v)) => {
                    if let Kind::List(l) = self.heap.kind_mut(list) {
                        if l.items.len() < l.alloc {
                            l.items.push(v);
                        } else {
                            l.push(v);
                        }
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.decref(iter);
        if let Kind::List(l) = self.heap.kind_mut(list) {
            let n = l.items.len();
            if n < l.alloc {
                l.resize(n);
            }
        }
        res
    }

    /// `set.update(iterable)` (`set_update_internal`).
    pub fn set_update(&mut self, s: ObjRef, it: Value) -> PResult<()> {
        if let Value::Obj(r) = it {
            match self.heap.kind(r) {
                Kind::Set(_) => return self.set_merge(s, r),
                Kind::Dict(d) if self.heap.ty(r) == t::DICT => {
                    let n = d.len();
                    let entries: Vec<(i64, Value)> = d.iter().map(|e| (e.hash, e.key)).collect();
                    if let Kind::Set(x) = self.heap.kind_mut(s) {
                        if (x.fill + n) * 5 >= x.mask() * 3 {
                            let u = x.used;
                            x.resize((u + n) * 2);
                        }
                    }
                    for (h, k) in entries {
                        self.set_add_hashed(s, k, h)?;
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        let iter = self.iter(it)?;
        let res = loop {
            match self.next(iter) {
                Ok(Some(v)) => {
                    let r = self.set_add(s, v);
                    self.decref(v);
                    if let Err(e) = r {
                        break Err(e);
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.decref(iter);
        res
    }

    /// Set algebra producing a new set of `a`'s type.
    pub fn set_binary(&mut self, a: ObjRef, b: ObjRef, op: BinOp) -> PResult<Value> {
        let ty = if self.heap.ty(a) == t::FROZENSET {
            t::FROZENSET
        } else {
            t::SET
        };
        let out = self.new_set(ty);
        match op {
            BinOp::Or => {
                self.set_merge(out, a)?;
                self.set_merge(out, b)?;
            }
            BinOp::And => {
                let (small, big) = if self.set_items(a).len() > self.set_items(b).len() {
                    (b, a)
                } else {
                    (a, b)
                };
                for k in self.set_items(small) {
                    if self.set_contains(big, k)? {
                        self.set_add(out, k)?;
                    }
                }
            }
            BinOp::Sub => {
                for k in self.set_items(a) {
                    if !self.set_contains(b, k)? {
                        self.set_add(out, k)?;
                    }
                }
            }
            _ => {
                for k in self.set_items(a) {
                    if !self.set_contains(b, k)? {
                        self.set_add(out, k)?;
                    }
                }
                for k in self.set_items(b) {
                    if !self.set_contains(a, k)? {
                        self.set_add(out, k)?;
                    }
                }
            }
        }
        Ok(Value::Obj(out))
    }

    /// `s |= t` and friends, in place.
    pub fn set_inplace(&mut self, a: ObjRef, b: Value, op: BinOp) -> PResult<()> {
        let Value::Obj(br) = b else { return Ok(()) };
        match op {
            BinOp::Or => self.set_merge(a, br),
            BinOp::Sub => {
                for k in self.set_items(br) {
                    if let Some(old) = self.set_discard(a, k)? {
                        self.decref(old);
                    }
                }
                Ok(())
            }
            BinOp::And => {
                let keep = self.set_binary(a, br, BinOp::And)?;
                let old = match self.heap.kind_mut(a) {
                    Kind::Set(x) => x.clear(),
                    _ => Vec::new(),
                };
                self.decref_all(old);
                if let Value::Obj(kr) = keep {
                    self.set_merge(a, kr)?;
                }
                self.decref(keep);
                Ok(())
            }
            _ => {
                for k in self.set_items(br) {
                    self.incref(k);
                    let r = match self.set_discard(a, k) {
                        Ok(Some(old)) => {
                            self.decref(old);
                            Ok(())
                        }
                        Ok(None) => self.set_add(a, k).map(|_| ()),
                        Err(e) => Err(e),
                    };
                    self.decref(k);
                    r?;
                }
                Ok(())
            }
        }
    }

    pub fn set_compare(&mut self, a: ObjRef, b: ObjRef, op: CmpOp) -> PResult<Value> {
        let (la, lb) = (self.set_items(a).len(), self.set_items(b).len());
        let subset = |vm: &mut Vm, x: ObjRef, y: ObjRef| -> PResult<bool> {
            for k in vm.set_items(x) {
                if !vm.set_contains(y, k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let r = match op {
            CmpOp::Eq => la == lb && subset(self, a, b)?,
            CmpOp::Ne => !(la == lb && subset(self, a, b)?),
            CmpOp::Le => la <= lb && subset(self, a, b)?,
            CmpOp::Lt => la < lb && subset(self, a, b)?,
            CmpOp::Ge => lb <= la && subset(self, b, a)?,
            CmpOp::Gt => lb < la && subset(self, b, a)?,
        };
        Ok(Value::Bool(r))
    }

    /// Whether a value has a `keys` method (the mapping test of `dict.update`).
    pub fn has_keys_method(&mut self, v: Value) -> bool {
        let ty = self.type_of(v);
        match self.lookup_type_str(ty, "keys") {
            Some(k) => {
                self.decref(k);
                true
            }
            None => false,
        }
    }

    /// (key, value) pairs of a mapping (owned).
    pub fn mapping_items(&mut self, m: Value) -> PResult<Vec<(Value, Value)>> {
        if let Value::Obj(r) = m {
            if matches!(self.heap.kind(r), Kind::Dict(_)) && !self.type_is_heap(self.heap.ty(r)) {
                let items = self.dict_items(r);
                for (k, v) in &items {
                    self.incref(*k);
                    self.incref(*v);
                }
                return Ok(items);
            }
        }
        let keys = self.call_method(m, "keys", &[])?;
        let ks = self.collect_iter(keys);
        self.decref(keys);
        let ks = ks?;
        let mut out = Vec::with_capacity(ks.len());
        for k in ks {
            match self.getitem(m, k) {
                Ok(v) => out.push((k, v)),
                Err(e) => {
                    self.decref(k);
                    self.decref_pairs(out);
                    return Err(e);
                }
            }
        }
        Ok(out)
    }

    /// `dict.update(other)` / `PyDict_Merge`.
    pub fn dict_update(&mut self, d: ObjRef, other: Value) -> PResult<()> {
        if let Value::Obj(o) = other {
            if matches!(self.heap.kind(o), Kind::Dict(_)) && !self.type_is_heap(self.heap.ty(o)) {
                return self.dict_merge(d, o);
            }
            if matches!(self.heap.kind(o), Kind::Dict(_)) || self.has_keys_method(other) {
                let items = self.mapping_items(other)?;
                for (k, v) in &items {
                    if let Err(e) = self.dict_set(d, *k, *v) {
                        self.decref_pairs(items);
                        return Err(e);
                    }
                }
                self.decref_pairs(items);
                return Ok(());
            }
        }
        let it = self.iter(other)?;
        let mut n = 0;
        let res = loop {
            match self.next(it) {
                Ok(Some(item)) => {
                    let pair = self.collect_iter(item);
                    self.decref(item);
                    let pair = match pair {
                        Ok(p) => p,
                        Err(e) => {
                            self.discard(e);
                            break Err(self.type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence")));
                        }
                    };
                    if pair.len() != 2 {
                        let l = pair.len();
                        self.decref_all(pair);
                        break Err(self.value_error(format!(
                            "dictionary update sequence element #{n} has length {l}; 2 is required"
                        )));
                    }
                    let r = self.dict_set(d, pair[0], pair[1]);
                    self.decref_all(pair);
                    if let Err(e) = r {
                        break Err(e);
                    }
                    n += 1;
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.decref(it);
        res
    }

    /// `dict_merge(a, b, override=1)` between exact dicts, with the clone fast path and
    /// the one big resize.
    pub fn dict_merge(&mut self, d: ObjRef, o: ObjRef) -> PResult<()> {
        if d == o {
            return Ok(());
        }
        let (oused, onentries, olog2, ounicode, osplit) = match self.heap.kind(o) {
            Kind::Dict(x) => (
                x.used,
                x.nentries(),
                x.log2_size(),
                x.unicode,
                x.split_class.is_some(),
            ),
            _ => return Ok(()),
        };
        if oused == 0 {
            return Ok(());
        }
        let dused = self.dict_len(d);
        if dused == 0
            && !osplit
            && oused == onentries
            && (olog2 == 3 || usable_fraction((1usize << olog2) / 2) < oused)
        {
            let clone = match self.heap.kind(o) {
                Kind::Dict(x) => x.clone_table(),
                _ => Dict::new(),
            };
            for e in clone.iter() {
                self.incref(e.key);
                self.incref(e.value);
            }
            let tracked = self.heap.is_tracked(o);
            let old = match self.heap.kind_mut(d) {
                Kind::Dict(x) => std::mem::replace(&mut **x, clone).clear(),
                _ => Vec::new(),
            };
            for e in old {
                self.decref(e.key);
                self.decref(e.value);
            }
            if tracked {
                self.heap.track(d);
            }
            return Ok(());
        }
        let dsize = match self.heap.kind(d) {
            Kind::Dict(x) => {
                if x.is_empty_keys() {
                    1
                } else {
                    1usize << x.log2_size()
                }
            }
            _ => 1,
        };
        if usable_fraction(dsize) < oused {
            let unicode = ounicode
                && match self.heap.kind(d) {
                    Kind::Dict(x) => x.unicode || x.is_empty_keys(),
                    _ => true,
                };
            if let Kind::Dict(x) = self.heap.kind_mut(d) {
                x.resize(estimate_log2_keysize(dused + oused), unicode);
            }
        }
        for (k, v) in self.dict_items(o) {
            let h = match self.heap.kind(o) {
                Kind::Dict(x) => x.iter().find(|e| e.key.is(&k)).map(|e| e.hash),
                _ => None,
            };
            match h {
                Some(h) => self.dict_set_hashed(d, k, h, v)?,
                None => self.dict_set(d, k, v)?,
            }
        }
        Ok(())
    }

    /// `dict.copy()` (`PyDict_Copy`).
    pub fn dict_copy(&mut self, d: ObjRef) -> PResult<ObjRef> {
        let (used, nentries, split) = match self.heap.kind(d) {
            Kind::Dict(x) => (x.used, x.nentries(), x.split_class),
            _ => (0, 0, None),
        };
        if split.is_none() && used >= (nentries * 2) / 3 && used > 0 && self.heap.ty(d) == t::DICT {
            let clone = match self.heap.kind(d) {
                Kind::Dict(x) => x.clone_table(),
                _ => Dict::new(),
            };
            for e in clone.iter() {
                self.incref(e.key);
                self.incref(e.value);
            }
            let n = self.new_dict();
            if let Kind::Dict(x) = self.heap.kind_mut(n) {
                **x = clone;
            }
            if self.heap.is_tracked(d) {
                self.heap.track(n);
            }
            return Ok(n);
        }
        let n = self.new_dict();
        if let Err(e) = self.dict_merge(n, d) {
            self.decref_obj(n);
            return Err(e);
        }
        Ok(n)
    }

    /// Presizes a dict for `n` more entries (fromkeys fast paths).
    pub fn dict_presize(&mut self, d: ObjRef, n: usize, unicode: bool) {
        if let Kind::Dict(x) = self.heap.kind_mut(d) {
            x.resize(estimate_log2_keysize(n), unicode);
        }
    }

    // ---- dict views -----------------------------------------------------------------------

    pub fn dict_view_contains(&mut self, d: ObjRef, kind: ViewKind, item: Value) -> PResult<bool> {
        match kind {
            ViewKind::Keys => Ok(self.dict_get(d, item)?.is_some()),
            ViewKind::Values => {
                for (_, v) in self.dict_items(d) {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            ViewKind::Items => {
                let pair = self.collect_iter(item)?;
                if pair.len() != 2 {
                    self.decref_all(pair);
                    return Ok(false);
                }
                let r = match self.dict_get(d, pair[0])? {
                    Some(v) => self.eq(v, pair[1]),
                    None => Ok(false),
                };
                self.decref_all(pair);
                r
            }
        }
    }

    /// The items of a dict view or set-like value as a new set.
    fn set_of(&mut self, v: Value) -> PResult<ObjRef> {
        let s = self.new_set(t::SET);
        if let Err(e) = self.set_update(s, v) {
            self.decref_obj(s);
            return Err(e);
        }
        Ok(s)
    }

    pub fn dict_view_setop(&mut self, a: Value, b: Value, op: BinOp) -> PResult<Option<Value>> {
        let is_view = |vm: &Vm, v: Value| matches!(v, Value::Obj(r) if matches!(vm.heap.kind(r), Kind::DictView(_, k) if *k != ViewKind::Values));
        if !is_view(self, a) && !is_view(self, b) {
            return Ok(None);
        }
        let sa = self.set_of(a)?;
        let sb = match self.set_of(b) {
            Ok(s) => s,
            Err(e) => {
                self.decref_obj(sa);
                return Err(e);
            }
        };
        let r = self.set_binary(sa, sb, op);
        self.decref_obj(sa);
        self.decref_obj(sb);
        r.map(Some)
    }

    pub fn dict_view_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PResult<Option<Value>> {
        let setlike = |vm: &Vm, v: Value| match v {
            Value::Obj(r) => {
                matches!(vm.heap.kind(r), Kind::DictView(_, k) if *k != ViewKind::Values)
                    || matches!(vm.heap.kind(r), Kind::Set(_))
            }
            _ => false,
        };
        if !(setlike(self, a) && setlike(self, b)) {
            return Ok(None);
        }
        let sa = self.set_of(a)?;
        let sb = self.set_of(b)?;
        let r = self.set_compare(sa, sb, op);
        self.decref_obj(sa);
        self.decref_obj(sb);
        r.map(Some)
    }
}
