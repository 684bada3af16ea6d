//! The `gc` module: `collect`, `enable` / `disable` / `isenabled`, thresholds and
//! counts, `get_stats`, `is_tracked` / `is_finalized`, `get_objects`, `get_referents` /
//! `get_referrers`, `freeze`, `garbage`, `callbacks` and the debug flags, over the
//! collector in `crate::gc`.

use crate::gc::{DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE};
use crate::heap::{lists, sflags};
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn collect(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("collect", kw, &["generation"])?;
    let g = args.first().copied().or_else(|| vm.kwarg(kw, "generation"));
    let gen = match g {
        Some(v) => vm.index_arg(v)?,
        None => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(vm.value_error("invalid generation"));
    }
    let n = vm.gc_collect(gen as usize);
    Ok(vm.int(n as i64))
}

fn enable(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    vm.gc.enabled = true;
    Ok(Value::None)
}

fn disable(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    vm.gc.enabled = false;
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    Ok(Value::Bool(vm.gc.enabled))
}

fn get_threshold(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    let t = vm.gc.thresholds;
    let items = vec![vm.int(t[0]), vm.int(t[1]), vm.int(t[2])];
    Ok(vm.new_tuple(items))
}

fn set_threshold(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    vm.nargs("set_threshold", args, 1, 3)?;
    for (i, a) in args.iter().enumerate() {
        let v = vm.index_arg(*a)?;
        vm.gc.thresholds[i] = v;
    }
    Ok(Value::None)
}

fn get_count(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    let c = vm.gc.counts;
    let items = vec![vm.int(c[0]), vm.int(c[1]), vm.int(c[2])];
    Ok(vm.new_tuple(items))
}

fn get_stats(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    let mut out = Vec::new();
    for g in 0..3 {
        let (c, col, unc) = vm.gc.stats[g];
        let d = vm.new_dict();
        let (a, b, e) = (vm.int(c as i64), vm.int(col as i64), vm.int(unc as i64));
        vm.dict_set_str(d, "collections", a);
        vm.dict_set_str(d, "collected", b);
        vm.dict_set_str(d, "uncollectable", e);
        out.push(Value::Obj(d));
    }
    Ok(vm.new_list(out))
}

fn is_tracked(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    let v = vm.arg("is_tracked", args, 0, 1, 1)?.unwrap_or(Value::None);
    Ok(Value::Bool(
        matches!(v, Value::Obj(r) if vm.heap.is_tracked(r)),
    ))
}

fn is_finalized(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    let v = vm
        .arg("is_finalized", args, 0, 1, 1)?
        .unwrap_or(Value::None);
    Ok(Value::Bool(
        matches!(v, Value::Obj(r) if vm.heap.get(r).flags & sflags::FINALIZED != 0),
    ))
}

fn get_objects(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let g = args.first().copied().or_else(|| vm.kwarg(kw, "generation"));
    let gen = match g {
        Some(Value::None) | None => None,
        Some(v) => {
            let i = vm.index_arg(v)?;
            if !(0..=2).contains(&i) {
                return Err(vm.value_error("generation parameter must be less than the number of available generations (3)"));
            }
            Some(i as usize)
        }
    };
    let objs = vm.tracked_objects(gen);
    let vals: Vec<Value> = objs
        .into_iter()
        .map(|r| {
            vm.incref_obj(r);
            Value::Obj(r)
        })
        .collect();
    Ok(vm.new_list(vals))
}

fn get_referents(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    let mut out = Vec::new();
    for a in args {
        let Value::Obj(r) = a else { continue };
        if !vm.is_gc_object(*r) {
            continue;
        }
        let mut buf = Vec::new();
        vm.referents(*r, &mut buf);
        for v in buf {
            if v.is_null() {
                continue;
            }
            vm.incref(v);
            out.push(v);
        }
    }
    Ok(vm.new_list(out))
}

fn get_referrers(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    let targets: Vec<ObjRef> = args.iter().filter_map(|a| a.as_obj()).collect();
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for r in vm.tracked_objects(None) {
        buf.clear();
        vm.referents(r, &mut buf);
        if buf
            .iter()
            .any(|v| matches!(v, Value::Obj(o) if targets.contains(o)))
        {
            vm.incref_obj(r);
            out.push(Value::Obj(r));
        }
    }
    Ok(vm.new_list(out))
}

fn freeze(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    for g in 0..3 {
        vm.heap.list_merge(lists::generation(g), lists::PERMANENT);
    }
    vm.gc.counts[0] = 0;
    Ok(Value::None)
}

fn unfreeze(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    vm.heap.list_merge(lists::PERMANENT, lists::GEN2);
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    let n = vm.heap.list_len(lists::PERMANENT);
    Ok(vm.int(n as i64))
}

fn set_debug(vm: &mut Vm, args: &[Value], _k: Kw) -> PResult<Value> {
    let v = vm.arg("set_debug", args, 0, 1, 1)?.unwrap_or(Value::None);
    vm.gc.debug = vm.index_arg(v)? as u32;
    Ok(Value::None)
}

fn get_debug(vm: &mut Vm, _a: &[Value], _k: Kw) -> PResult<Value> {
    Ok(vm.int(vm.gc.debug as i64))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "collect", collect);
    vm.add_fn(d, "enable", enable);
    vm.add_fn(d, "disable", disable);
    vm.add_fn(d, "isenabled", isenabled);
    vm.add_fn(d, "get_threshold", get_threshold);
    vm.add_fn(d, "set_threshold", set_threshold);
    vm.add_fn(d, "get_count", get_count);
    vm.add_fn(d, "get_stats", get_stats);
    vm.add_fn(d, "is_tracked", is_tracked);
    vm.add_fn(d, "is_finalized", is_finalized);
    vm.add_fn(d, "get_objects", get_objects);
    vm.add_fn(d, "get_referents", get_referents);
    vm.add_fn(d, "get_referrers", get_referrers);
    vm.add_fn(d, "freeze", freeze);
    vm.add_fn(d, "unfreeze", unfreeze);
    vm.add_fn(d, "get_freeze_count", get_freeze_count);
    vm.add_fn(d, "set_debug", set_debug);
    vm.add_fn(d, "get_debug", get_debug);
    let g = Value::Obj(vm.gc.garbage);
    vm.dict_set_str(d, "garbage", g);
    let c = Value::Obj(vm.gc.callbacks);
    vm.dict_set_str(d, "callbacks", c);
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        (
            "DEBUG_LEAK",
            DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
        ),
    ] {
        let iv = vm.int(v as i64);
        vm.dict_set_str(d, name, iv);
    }
    Ok(())
}
