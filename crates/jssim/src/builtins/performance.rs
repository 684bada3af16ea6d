//! `performance` on the virtual clock: `now()` is the virtual milliseconds since the
//! program started and `timeOrigin` the instant `Date.now()` starts from. The
//! performance timeline (marks, measures, observers) is not modelled: its methods say
//! so instead of answering.

use super::date::EPOCH_BASE_MS;
use crate::heap::{Kind, NativeCall};
use crate::interp::{Res, Vm};
use crate::value::Value;

fn now(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(vm.events.now as f64))
}

fn time_origin(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(EPOCH_BASE_MS))
}

fn timeline(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let name = super::callee_name(vm, c);
    Err(vm.unsupported(&format!("performance.{name} (the performance timeline)")))
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let proto = vm.alloc(Some(op), Kind::Ordinary);
    vm.set_tag(proto, "Performance");
    vm.method(proto, "now", 0, now);
    super::getter(vm, proto, "timeOrigin", time_origin);
    for name in [
        "mark",
        "measure",
        "clearMarks",
        "clearMeasures",
        "getEntries",
        "getEntriesByName",
        "getEntriesByType",
        "timerify",
        "eventLoopUtilization",
        "toJSON",
    ] {
        vm.method(proto, name, 0, timeline);
    }
    let perf = vm.alloc(Some(proto), Kind::Ordinary);
    let g = vm.realm.global;
    vm.set_hidden(g, "performance", Value::Obj(perf));
}
