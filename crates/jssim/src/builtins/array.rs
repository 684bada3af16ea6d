//! Array and Array.prototype.

use super::{int_arg, make_ctor, rel_index};
use crate::heap::{IterData, Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{same_value_zero, strict_equals, ObjRef, PropKey, Value};

/// True for an array with slow elements (accessors or non-default attributes).
fn has_slow_elements(vm: &Vm, o: ObjRef) -> bool {
    vm.heap
        .get(o)
        .is_some_and(|x| x.props.keys().any(|k| k.as_index().is_some()))
}

fn items_of(vm: &mut Vm, v: &Value) -> Res<Vec<Value>> {
    if let Value::Obj(o) = v {
        if let Some(Kind::Array(items)) = vm.heap.kind(*o) {
            if !has_slow_elements(vm, *o) {
                return Ok(items.clone());
            }
        }
    }
    if v.is_nullish() {
        return Err(vm.type_error("Array.prototype method called on null or undefined"));
    }
    let n = vm.length_of(v)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(vm.get_elem(v, &Value::Num(i as f64))?);
    }
    Ok(out)
}

fn arr_mut<'a>(vm: &'a mut Vm, v: &Value) -> Option<&'a mut Vec<Value>> {
    match v {
        Value::Obj(o) => match vm.heap.get_mut(*o).map(|x| &mut x.kind) {
            Some(Kind::Array(items)) => Some(items),
            _ => None,
        },
        _ => None,
    }
}

fn hole_to_undef(v: Value) -> Value {
    if matches!(v, Value::Empty) {
        Value::Undefined
    } else {
        v
    }
}

fn callback(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = c.arg(0);
    if !vm.is_callable(&f) {
        let d = vm.to_display(&f);
        let d = if matches!(f, Value::Str(_)) {
            format!("\"{d}\"")
        } else {
            d
        };
        return Err(vm.type_error(&format!("{d} is not a function")));
    }
    Ok(f)
}

fn array_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let def = vm.realm.array_proto;
    let proto = vm.proto_for(c, def)?;
    let items = if c.args.len() == 1 {
        match c.arg(0) {
            Value::Num(n) => {
                if n < 0.0 || n.fract() != 0.0 || n > 4294967295.0 {
                    return Err(vm.range_error("Invalid array length"));
                }
                vec![Value::Empty; n as usize]
            }
            v => vec![v],
        }
    } else {
        c.args.clone()
    };
    Ok(Value::Obj(vm.alloc(Some(proto), Kind::Array(items))))
}

fn is_array(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(matches!(
        c.arg(0).as_obj().and_then(|o| vm.heap.kind(o)),
        Some(Kind::Array(_))
    )))
}

/// The constructor ArraySpeciesCreate uses for `original` (`None`: %Array%).
fn species_ctor(vm: &mut Vm, original: &Value) -> Res<Option<Value>> {
    if !is_array_value(vm, original)? {
        return Ok(None);
    }
    let mut ctor = vm.get(original, &PropKey::s("constructor"))?;
    if let Value::Obj(_) = ctor {
        ctor = vm.get(&ctor, &PropKey::Sym(crate::interp::sym::SPECIES))?;
        if matches!(ctor, Value::Null) {
            ctor = Value::Undefined;
        }
    }
    match ctor {
        Value::Undefined => Ok(None),
        Value::Obj(o) if o == vm.realm.array_ctor => Ok(None),
        c if vm.is_constructor(&c) => Ok(Some(c)),
        _ => Err(vm.type_error("object.constructor[Symbol.species] is not a constructor")),
    }
}

/// Fills a new object made by `ctor(...args)` with `items` (CreateDataProperty and
/// `length`), as Array.from/of and ArraySpeciesCreate results are filled.
fn fill_constructed(vm: &mut Vm, ctor: &Value, args: Vec<Value>, items: Vec<Value>) -> Res<Value> {
    let out = vm.construct(ctor, args, None, None)?;
    let Value::Obj(o) = out else { return Ok(out) };
    let n = items.len();
    for (i, v) in items.into_iter().enumerate() {
        if matches!(v, Value::Empty) {
            continue;
        }
        if !vm.define_own(o, PropKey::s(&i.to_string()), crate::heap::Prop::data(v))? {
            return Err(vm.type_error(&format!(
                "Cannot add property {i}, object is not extensible"
            )));
        }
    }
    vm.put_value(&out, PropKey::s("length"), Value::Num(n as f64))?;
    Ok(out)
}

/// The result array of map/filter/slice/splice/concat/flat: of `this`'s species.
fn species_result(vm: &mut Vm, this: &Value, items: Vec<Value>) -> Res<Value> {
    match species_ctor(vm, this)? {
        None => Ok(vm.array_value(items)),
        Some(c) => fill_constructed(vm, &c, vec![Value::Num(0.0)], items),
    }
}

/// Array.from/of called on a constructor other than Array build with it.
fn with_this_ctor(vm: &mut Vm, this: &Value, args: Vec<Value>, items: Vec<Value>) -> Res<Value> {
    match this {
        Value::Obj(o) if *o != vm.realm.array_ctor && vm.is_constructor(this) => {
            fill_constructed(vm, this, args, items)
        }
        _ => Ok(vm.array_value(items)),
    }
}

fn from(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let src = c.arg(0);
    let has_iter = match &src {
        Value::Undefined | Value::Null => {
            return Err(vm.type_error(
                "undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
            ))
        }
        v => !vm
            .get_value(v, &PropKey::Sym(crate::interp::sym::ITERATOR))?
            .is_nullish(),
    };
    let items = if has_iter {
        vm.iterate_to_vec(&src)?
    } else {
        items_of(vm, &src)?.into_iter().map(hole_to_undef).collect()
    };
    let f = c.arg(1);
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        if vm.is_callable(&f) {
            out.push(vm.call(&f, c.arg(2), vec![v, Value::Num(i as f64)])?);
        } else {
            out.push(v);
        }
    }
    let args = if has_iter {
        vec![]
    } else {
        vec![Value::Num(out.len() as f64)]
    };
    with_this_ctor(vm, &c.this, args, out)
}

fn of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = Value::Num(c.args.len() as f64);
    with_this_ctor(vm, &c.this, vec![n], c.args.clone())
}

fn push(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = c.args.clone();
    match arr_mut(vm, &c.this) {
        Some(items) => {
            items.extend(args);
            let n = items.len();
            Ok(Value::Num(n as f64))
        }
        None => {
            let mut n = vm.length_of(&c.this)?;
            for a in args {
                let k = PropKey::s(&n.to_string());
                vm.put_value(&c.this, k, a)?;
                n += 1;
            }
            vm.put_value(&c.this, PropKey::s("length"), Value::Num(n as f64))?;
            Ok(Value::Num(n as f64))
        }
    }
}

fn pop(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(arr_mut(vm, &c.this)
        .and_then(|i| i.pop())
        .map(hole_to_undef)
        .unwrap_or_default())
}

fn shift(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(arr_mut(vm, &c.this)
        .and_then(|i| {
            if i.is_empty() {
                None
            } else {
                Some(i.remove(0))
            }
        })
        .map(hole_to_undef)
        .unwrap_or_default())
}

fn unshift(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let args = c.args.clone();
    Ok(match arr_mut(vm, &c.this) {
        Some(items) => {
            for (i, a) in args.into_iter().enumerate() {
                items.insert(i, a);
            }
            Value::Num(items.len() as f64)
        }
        None => Value::Undefined,
    })
}

fn slice(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let len = items.len();
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, len);
    let e = rel_index(int_arg(vm, c, 1, len as f64)?, len);
    let out = if s < e { items[s..e].to_vec() } else { vec![] };
    species_result(vm, &c.this, out)
}

fn splice(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let len = items_of(vm, &c.this)?.len();
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, len);
    let del = if c.args.len() < 2 {
        len - s
    } else {
        (int_arg(vm, c, 1, 0.0)?.max(0.0) as usize).min(len - s)
    };
    let ins: Vec<Value> = c.args.iter().skip(2).cloned().collect();
    let removed = match arr_mut(vm, &c.this) {
        Some(items) => items.splice(s..s + del, ins).collect(),
        None => vec![],
    };
    species_result(vm, &c.this, removed)
}

/// `toSpliced(start, deleteCount, ...items)`: a spliced copy.
fn to_spliced(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut items: Vec<Value> = items_of(vm, &c.this)?
        .into_iter()
        .map(hole_to_undef)
        .collect();
    let len = items.len();
    let s = rel_index(int_arg(vm, c, 0, 0.0)?, len);
    let del = match c.args.len() {
        0 => 0,
        1 => len - s,
        _ => (int_arg(vm, c, 1, 0.0)?.max(0.0) as usize).min(len - s),
    };
    let ins: Vec<Value> = c.args.iter().skip(2).cloned().collect();
    items.splice(s..s + del, ins);
    Ok(vm.array_value(items))
}

/// `copyWithin(target, start, end)`: moves a slice within the array.
fn copy_within(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let len = items.len();
    let to = rel_index(int_arg(vm, c, 0, 0.0)?, len);
    let from = rel_index(int_arg(vm, c, 1, 0.0)?, len);
    let end = rel_index(int_arg(vm, c, 2, len as f64)?, len);
    let count = end.saturating_sub(from).min(len - to);
    if count == 0 {
        return Ok(c.this.clone());
    }
    let moved: Vec<Value> = items[from..from + count].to_vec();
    match arr_mut(vm, &c.this) {
        Some(a) => a[to..to + count].clone_from_slice(&moved),
        None => {
            for (i, v) in moved.into_iter().enumerate() {
                vm.put_value(&c.this, PropKey::s(&(to + i).to_string()), v)?;
            }
        }
    }
    Ok(c.this.clone())
}

/// IsConcatSpreadable: `Symbol.isConcatSpreadable`, else IsArray.
fn spreadable(vm: &mut Vm, v: &Value) -> Res<bool> {
    if !matches!(v, Value::Obj(_)) {
        return Ok(false);
    }
    match vm.get(v, &PropKey::Sym(crate::interp::sym::IS_CONCAT_SPREADABLE))? {
        Value::Undefined => is_array_value(vm, v),
        s => Ok(s.truthy()),
    }
}

fn concat(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut out = Vec::new();
    let this = match &c.this {
        Value::Obj(_) => c.this.clone(),
        v if v.is_nullish() => {
            return Err(vm.type_error("Array.prototype.concat called on null or undefined"))
        }
        v => Value::Obj(super::object::to_object(vm, v)?),
    };
    for a in std::iter::once(&this).chain(c.args.iter()) {
        if spreadable(vm, a)? {
            match a.as_obj().and_then(|o| vm.heap.kind(o)) {
                Some(Kind::Array(items)) => out.extend(items.clone()),
                _ => {
                    let n = vm.length_of(a)?;
                    for i in 0..n {
                        let k = PropKey::s(&i.to_string());
                        let o = a.as_obj().unwrap_or_default();
                        if vm.has_property(o, &k)? {
                            out.push(vm.get(a, &k)?);
                        } else {
                            out.push(Value::Empty);
                        }
                    }
                }
            }
        } else {
            out.push(a.clone());
        }
    }
    species_result(vm, &this, out)
}

fn join_items(vm: &mut Vm, items: Vec<Value>, sep: &str) -> Res<String> {
    let mut parts = Vec::with_capacity(items.len());
    for v in items {
        parts.push(match v {
            Value::Undefined | Value::Null | Value::Empty => String::new(),
            other => vm.to_string(&other)?.to_string(),
        });
    }
    if parts.iter().any(|p| crate::value::has_lone(p)) {
        // Lone surrogates on either side of a join may pair up.
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out = crate::value::concat(&out, sep);
            }
            out = crate::value::concat(&out, p);
        }
        return Ok(out);
    }
    Ok(parts.join(sep))
}

fn join(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let sep = match c.arg(0) {
        Value::Undefined => ",".into(),
        v => vm.to_string(&v)?.to_string(),
    };
    if let Value::Obj(o) = c.this {
        if vm.join_stack.contains(&o) {
            return Ok(Value::str(""));
        }
        vm.join_stack.push(o);
        let r = join_items(vm, items, &sep);
        vm.join_stack.pop();
        return Ok(Value::str(&r?));
    }
    Ok(Value::str(&join_items(vm, items, &sep)?))
}

/// `toLocaleString(locales, options)`: each element's own, joined with commas.
fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    if let Value::Obj(o) = c.this {
        if vm.join_stack.contains(&o) {
            return Ok(Value::str(""));
        }
        vm.join_stack.push(o);
    }
    let mut parts = Vec::with_capacity(items.len());
    let mut result = Ok(());
    for v in items {
        if v.is_nullish() || matches!(v, Value::Empty) {
            parts.push(String::new());
            continue;
        }
        let f = match vm.get_value(&v, &PropKey::s("toLocaleString")) {
            Ok(f) => f,
            Err(e) => {
                result = Err(e);
                break;
            }
        };
        match vm
            .call(&f, v, vec![c.arg(0), c.arg(1)])
            .and_then(|s| vm.to_string(&s))
        {
            Ok(s) => parts.push(s.to_string()),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    if c.this.as_obj().is_some() {
        vm.join_stack.pop();
    }
    result?;
    Ok(Value::str(&parts.join(",")))
}

fn to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Value::Obj(o) = c.this {
        if !matches!(vm.heap.kind(o), Some(Kind::Array(_))) {
            return super::object::object_to_string(vm, c);
        }
    }
    join(
        vm,
        &NativeCall {
            this: c.this.clone(),
            args: vec![],
            callee: c.callee,
            new_target: None,
        },
    )
}

fn reverse(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if let Some(items) = arr_mut(vm, &c.this) {
        items.reverse();
    }
    Ok(c.this.clone())
}

fn index_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let from = rel_index(int_arg(vm, c, 1, 0.0)?, items.len());
    let t = c.arg(0);
    Ok(Value::Num(
        items
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, v)| strict_equals(v, &t))
            .map(|(i, _)| i as f64)
            .unwrap_or(-1.0),
    ))
}

fn last_index_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let t = c.arg(0);
    Ok(Value::Num(
        items
            .iter()
            .rposition(|v| strict_equals(v, &t))
            .map(|i| i as f64)
            .unwrap_or(-1.0),
    ))
}

fn includes(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let t = c.arg(0);
    Ok(Value::Bool(
        items
            .iter()
            .any(|v| same_value_zero(&hole_to_undef(v.clone()), &t)),
    ))
}

/// The shared loop of forEach/map/filter/find/some/every.
fn iterate(vm: &mut Vm, c: &NativeCall, mode: u8) -> Res<Value> {
    let f = callback(vm, c)?;
    let this_arg = c.arg(1);
    let len = vm.length_of(&c.this)?;
    let mut out = Vec::new();
    for i in 0..len {
        let present = match c.this.as_obj().map(|o| (o, vm.heap.kind(o))) {
            Some((o, Some(Kind::Array(items)))) => match items.get(i) {
                Some(Value::Empty) | None => vm
                    .heap
                    .get(o)
                    .is_some_and(|x| x.props.contains_key(&PropKey::s(&i.to_string()))),
                Some(_) => true,
            },
            _ => true,
        };
        if !present && mode != 3 && mode != 6 && mode != 7 && mode != 8 {
            if mode == 1 {
                out.push(Value::Empty);
            }
            continue;
        }
        let v = vm.get_elem(&c.this, &Value::Num(i as f64))?;
        let r = vm.call(
            &f,
            this_arg.clone(),
            vec![v.clone(), Value::Num(i as f64), c.this.clone()],
        )?;
        match mode {
            1 => out.push(r),
            2 if r.truthy() => out.push(v),
            3 if r.truthy() => return Ok(v),
            6 if r.truthy() => return Ok(Value::Num(i as f64)),
            4 if r.truthy() => return Ok(Value::Bool(true)),
            5 if !r.truthy() => return Ok(Value::Bool(false)),
            _ => {}
        }
    }
    Ok(match mode {
        1 | 2 => species_result(vm, &c.this, out)?,
        6 => Value::Num(-1.0),
        4 => Value::Bool(false),
        5 => Value::Bool(true),
        _ => Value::Undefined,
    })
}

fn for_each(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 0)
}
fn map(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 1)
}
fn filter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 2)
}
fn find(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 3)
}
fn find_index(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 6)
}
fn some(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 4)
}
fn every(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iterate(vm, c, 5)
}

fn find_last(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = callback(vm, c)?;
    let items = items_of(vm, &c.this)?;
    for (i, v) in items.into_iter().enumerate().rev() {
        let v = hole_to_undef(v);
        if vm
            .call(
                &f,
                c.arg(1),
                vec![v.clone(), Value::Num(i as f64), c.this.clone()],
            )?
            .truthy()
        {
            return Ok(v);
        }
    }
    Ok(Value::Undefined)
}

fn find_last_index(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = callback(vm, c)?;
    let items = items_of(vm, &c.this)?;
    for (i, v) in items.into_iter().enumerate().rev() {
        if vm
            .call(
                &f,
                c.arg(1),
                vec![hole_to_undef(v), Value::Num(i as f64), c.this.clone()],
            )?
            .truthy()
        {
            return Ok(Value::Num(i as f64));
        }
    }
    Ok(Value::Num(-1.0))
}

fn reduce_impl(vm: &mut Vm, c: &NativeCall, right: bool) -> Res<Value> {
    let f = callback(vm, c)?;
    let items = items_of(vm, &c.this)?;
    let mut idx: Vec<usize> = (0..items.len())
        .filter(|i| !matches!(items[*i], Value::Empty))
        .collect();
    if right {
        idx.reverse();
    }
    let mut it = idx.into_iter();
    let mut acc = if c.args.len() >= 2 {
        c.arg(1)
    } else {
        match it.next() {
            Some(i) => items[i].clone(),
            None => return Err(vm.type_error("Reduce of empty array with no initial value")),
        }
    };
    for i in it {
        acc = vm.call(
            &f,
            Value::Undefined,
            vec![acc, items[i].clone(), Value::Num(i as f64), c.this.clone()],
        )?;
    }
    Ok(acc)
}

fn reduce(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    reduce_impl(vm, c, false)
}
fn reduce_right(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    reduce_impl(vm, c, true)
}

pub fn sort_values(vm: &mut Vm, items: &mut [Value], cmp: &Value) -> Res<()> {
    // Insertion-stable merge sort with a fallible comparator.
    let n = items.len();
    let mut buf: Vec<Value> = items.to_vec();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < end {
                let le = compare(vm, &items[b], &items[a], cmp)? < 0.0;
                if le {
                    buf[k] = items[b].clone();
                    b += 1;
                } else {
                    buf[k] = items[a].clone();
                    a += 1;
                }
                k += 1;
            }
            while a < mid {
                buf[k] = items[a].clone();
                a += 1;
                k += 1;
            }
            while b < end {
                buf[k] = items[b].clone();
                b += 1;
                k += 1;
            }
            i += 2 * width;
        }
        items.clone_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

fn compare(vm: &mut Vm, a: &Value, b: &Value, cmp: &Value) -> Res<f64> {
    match (a, b) {
        (Value::Undefined, Value::Undefined) => return Ok(0.0),
        (Value::Undefined, _) => return Ok(1.0),
        (_, Value::Undefined) => return Ok(-1.0),
        _ => {}
    }
    if vm.is_callable(cmp) {
        let r = vm.call(cmp, Value::Undefined, vec![a.clone(), b.clone()])?;
        let n = vm.to_number(&r)?;
        return Ok(if n.is_nan() { 0.0 } else { n });
    }
    let x: Vec<u16> = crate::value::utf16(&vm.to_string(a)?);
    let y: Vec<u16> = crate::value::utf16(&vm.to_string(b)?);
    Ok(match x.cmp(&y) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    })
}

fn sorted_items(vm: &mut Vm, c: &NativeCall) -> Res<Vec<Value>> {
    let cmp = c.arg(0);
    if !matches!(cmp, Value::Undefined) && !vm.is_callable(&cmp) {
        return Err(vm.type_error("The comparison function must be either a function or undefined"));
    }
    let items = items_of(vm, &c.this)?;
    let holes = items.iter().filter(|v| matches!(v, Value::Empty)).count();
    let mut vals: Vec<Value> = items
        .into_iter()
        .filter(|v| !matches!(v, Value::Empty))
        .collect();
    sort_values(vm, &mut vals, &cmp)?;
    vals.extend(std::iter::repeat_n(Value::Empty, holes));
    Ok(vals)
}

fn sort(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let vals = sorted_items(vm, c)?;
    if let Some(items) = arr_mut(vm, &c.this) {
        *items = vals;
    }
    Ok(c.this.clone())
}

fn to_sorted(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let vals = sorted_items(vm, c)?;
    Ok(vm.array_value(vals.into_iter().map(hole_to_undef).collect()))
}

fn to_reversed(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut items = items_of(vm, &c.this)?;
    items.reverse();
    Ok(vm.array_value(items.into_iter().map(hole_to_undef).collect()))
}

fn flat_into(vm: &mut Vm, items: Vec<Value>, depth: f64, out: &mut Vec<Value>) {
    for v in items {
        if matches!(v, Value::Empty) {
            continue;
        }
        if depth >= 1.0 {
            if let Some(Kind::Array(inner)) = v.as_obj().and_then(|o| vm.heap.kind(o)) {
                let inner = inner.clone();
                flat_into(vm, inner, depth - 1.0, out);
                continue;
            }
        }
        out.push(v);
    }
}

fn flat(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let d = int_arg(vm, c, 0, 1.0)?;
    let items = items_of(vm, &c.this)?;
    let mut out = Vec::new();
    flat_into(vm, items, d, &mut out);
    species_result(vm, &c.this, out)
}

fn flat_map(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mapped = iterate(vm, c, 1)?;
    let items = items_of(vm, &mapped)?;
    let mut out = Vec::new();
    flat_into(vm, items, 1.0, &mut out);
    Ok(vm.array_value(out))
}

fn fill(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let len = items_of(vm, &c.this)?.len();
    let s = rel_index(int_arg(vm, c, 1, 0.0)?, len);
    let e = rel_index(int_arg(vm, c, 2, len as f64)?, len);
    let v = c.arg(0);
    if let Some(items) = arr_mut(vm, &c.this) {
        for x in items.iter_mut().take(e).skip(s) {
            *x = v.clone();
        }
    }
    Ok(c.this.clone())
}

fn at(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let items = items_of(vm, &c.this)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    let i = if i < 0.0 { items.len() as f64 + i } else { i };
    Ok(if i < 0.0 {
        Value::Undefined
    } else {
        items
            .get(i as usize)
            .cloned()
            .map(hole_to_undef)
            .unwrap_or_default()
    })
}

fn with(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut items = items_of(vm, &c.this)?;
    let i = int_arg(vm, c, 0, 0.0)?;
    let i = if i < 0.0 { items.len() as f64 + i } else { i };
    if i < 0.0 || i as usize >= items.len() {
        return Err(vm.range_error("Invalid index : ".to_string().as_str()));
    }
    items[i as usize] = c.arg(1);
    Ok(vm.array_value(items))
}

fn iter_kind(vm: &mut Vm, c: &NativeCall, kind: u8) -> Res<Value> {
    let Value::Obj(o) = c.this else {
        return Err(vm.type_error("Array iterator called on non-object"));
    };
    Ok(super::iterators::make_iter(
        vm,
        IterData::Array {
            obj: o,
            idx: 0,
            kind,
        },
    ))
}

fn values(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iter_kind(vm, c, 0)
}
fn keys(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iter_kind(vm, c, 1)
}
fn entries(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    iter_kind(vm, c, 2)
}

/// Array.prototype's methods, in V8's property order.
const METHODS: [(&str, u32, NativeFnPtr); 38] = [
    ("at", 1, at),
    ("concat", 1, concat),
    ("copyWithin", 2, copy_within),
    ("fill", 1, fill),
    ("find", 1, find),
    ("findIndex", 1, find_index),
    ("findLast", 1, find_last),
    ("findLastIndex", 1, find_last_index),
    ("lastIndexOf", 1, last_index_of),
    ("pop", 0, pop),
    ("push", 1, push),
    ("reverse", 0, reverse),
    ("shift", 0, shift),
    ("unshift", 1, unshift),
    ("slice", 2, slice),
    ("sort", 1, sort),
    ("splice", 2, splice),
    ("includes", 1, includes),
    ("indexOf", 1, index_of),
    ("join", 1, join),
    ("keys", 0, keys),
    ("entries", 0, entries),
    ("values", 0, values),
    ("forEach", 1, for_each),
    ("filter", 1, filter),
    ("flat", 0, flat),
    ("flatMap", 1, flat_map),
    ("map", 1, map),
    ("every", 1, every),
    ("some", 1, some),
    ("reduce", 1, reduce),
    ("reduceRight", 1, reduce_right),
    ("toLocaleString", 0, to_locale_string),
    ("toString", 0, to_string),
    ("toReversed", 0, to_reversed),
    ("toSorted", 1, to_sorted),
    ("toSpliced", 2, to_spliced),
    ("with", 2, with),
];

/// The methods whose TypeError for a null or undefined `this` names them (V8's
/// Torque builtins); the others fail in ToObject.
const NAMED_THIS_CHECK: [&str; 13] = [
    "concat",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "indexOf",
    "forEach",
    "filter",
    "map",
    "every",
    "some",
    "reduce",
    "reduceRight",
];

/// Every Array.prototype method: checks `this` as V8 does, then runs the method.
fn array_method(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let i = match super::promise::native_slot(vm, c.callee, 0) {
        Value::Num(i) => i as usize,
        _ => 0,
    };
    let (name, _, f) = METHODS[i.min(METHODS.len() - 1)];
    if c.this.is_nullish() {
        return Err(if NAMED_THIS_CHECK.contains(&name) {
            vm.type_error(&format!(
                "Array.prototype.{name} called on null or undefined"
            ))
        } else {
            vm.type_error("Cannot convert undefined or null to object")
        });
    }
    f(vm, c)
}

pub fn install(vm: &mut Vm) {
    let ap = vm.realm.array_proto;
    let ac = make_ctor(vm, "Array", 1, array_ctor, ap);
    vm.realm.array_ctor = ac;
    vm.method(ac, "isArray", 1, is_array);
    vm.method(ac, "from", 1, from);
    vm.method(ac, "of", 0, of);
    for (i, (n, l, _)) in METHODS.iter().enumerate() {
        let f = vm.native_with(n, *l, array_method, vec![Value::Num(i as f64)], false);
        vm.set_hidden(ap, n, Value::Obj(f));
    }
    let v = vm
        .get(&Value::Obj(ap), &PropKey::s("values"))
        .unwrap_or_default();
    vm.set_hidden(ap, "@Symbol.iterator", v);
}

/// Used by other modules: the array object behind a value, if any.
/// IsArray: arrays, and proxies of arrays.
pub fn is_array_value(vm: &mut Vm, v: &Value) -> Res<bool> {
    let Value::Obj(o) = v else { return Ok(false) };
    match vm.heap.kind(*o) {
        Some(Kind::Array(_)) => Ok(true),
        Some(Kind::Proxy(p)) => match p.target {
            Some(t) => is_array_value(vm, &Value::Obj(t)),
            None => Err(vm.type_error("Cannot perform 'IsArray' on a proxy that has been revoked")),
        },
        _ => Ok(false),
    }
}
