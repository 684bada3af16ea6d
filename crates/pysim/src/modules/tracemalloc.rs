//! `_tracemalloc`, driven by the simulated allocator: while tracing, every allocation
//! is recorded with its `sys.getsizeof` size and the snippet line that made it, and
//! every free of a traced object gives its bytes back. `py/tracemalloc.py` builds
//! snapshots and statistics on `_get_traces`.

use crate::heap::sflags;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn start(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("start", args, 0, 1)?;
    let n = match args.first() {
        Some(v) => vm.index_arg(*v)?,
        None => 1,
    };
    if !(1..=65535).contains(&n) {
        return Err(vm.value_error("the number of frames must be in range [1; 65535]"));
    }
    vm.tracemalloc.frames = n as u32;
    vm.tracemalloc.tracing = true;
    Ok(Value::None)
}

impl Vm {
    /// Forgets every trace (`stop`, `clear_traces`).
    fn clear_traces(&mut self) {
        for (r, _) in std::mem::take(&mut self.tracemalloc.traces) {
            self.heap.get_mut(r).flags &= !sflags::TRACED;
        }
        self.tracemalloc.running = 0;
        self.tracemalloc.peak = 0;
    }
}

fn stop(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.tracemalloc.tracing = false;
    vm.clear_traces();
    Ok(Value::None)
}

fn clear_traces(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.clear_traces();
    Ok(Value::None)
}

fn is_tracing(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::Bool(vm.tracemalloc.tracing))
}

fn get_traced_memory(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let (cur, peak) = (vm.tracemalloc.running.max(0), vm.tracemalloc.peak.max(0));
    let items = vec![vm.int(cur), vm.int(peak)];
    Ok(vm.new_tuple(items))
}

fn reset_peak(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.tracemalloc.peak = vm.tracemalloc.running;
    Ok(Value::None)
}

fn get_traceback_limit(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.tracemalloc.frames;
    Ok(vm.int(n as i64))
}

fn get_tracemalloc_memory(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = 64 * vm.tracemalloc.traces.len() as i64;
    Ok(vm.int(n))
}

impl Vm {
    /// The traceback tuple `((filename, lineno),)` of an allocation at `line`.
    fn trace_frame(&mut self, line: u32) -> Value {
        let file = self.file_name.clone();
        let f = self.new_str(&file);
        let l = self.int(line as i64);
        let frame = self.new_tuple(vec![f, l]);
        self.new_tuple(vec![frame])
    }
}

/// `[(domain, size, traceback, total_nframe), ...]` for every live traced object.
fn get_traces(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let mut traces: Vec<(ObjRef, (u64, u32))> = vm
        .tracemalloc
        .traces
        .iter()
        .map(|(r, t)| (*r, *t))
        .collect();
    traces.sort_by_key(|(r, _)| vm.heap.get(*r).serial);
    let mut out = Vec::new();
    for (_, (size, line)) in traces {
        let tb = vm.trace_frame(line);
        let sz = vm.int(size as i64);
        out.push(vm.new_tuple(vec![Value::small(0), sz, tb, Value::small(1)]));
    }
    Ok(vm.new_list(out))
}

fn get_object_traceback(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("_get_object_traceback", args, 1, 1)?;
    let Value::Obj(r) = args[0] else {
        return Ok(Value::None);
    };
    match vm.tracemalloc.traces.get(&r).copied() {
        Some((_, line)) => Ok(vm.trace_frame(line)),
        None => Ok(Value::None),
    }
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "start", start);
    vm.add_fn(d, "stop", stop);
    vm.add_fn(d, "clear_traces", clear_traces);
    vm.add_fn(d, "is_tracing", is_tracing);
    vm.add_fn(d, "get_traced_memory", get_traced_memory);
    vm.add_fn(d, "reset_peak", reset_peak);
    vm.add_fn(d, "get_traceback_limit", get_traceback_limit);
    vm.add_fn(d, "get_tracemalloc_memory", get_tracemalloc_memory);
    vm.add_fn(d, "_get_traces", get_traces);
    vm.add_fn(d, "_get_object_traceback", get_object_traceback);
    Ok(())
}
