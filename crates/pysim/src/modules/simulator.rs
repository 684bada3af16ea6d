//! `_simulator`: hooks for the Python-source stdlib modules. `unsupported(what)` ends
//! the run with `unsupported: <what> at line:col` (the user's line), for behaviour the
//! simulator does not model, such as blocking forever on an empty queue.
//! `set_tp_name(cls, "decimal.Decimal")` gives a class written in Python the name
//! CPython's C implementation has in error messages (`__name__` stays `Decimal`).
//! `is_heap_type(cls)` tells a class created by a `class` statement from a built-in
//! type (CPython's `Py_TPFLAGS_HEAPTYPE`, for `copyreg`).
//! `coro_position(coro)` is `(filename, line, running)` of a coroutine or generator: the
//! line it is suspended at (its first line before it starts, `running` False once it
//! finished), for asyncio's task reprs.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

fn unsupported(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("unsupported", args, 1, 1)?;
    let what = match vm.as_str(args[0]) {
        Some(s) => s.to_string(),
        None => vm.repr(args[0])?,
    };
    Err(Throw::Unsupported(what, None))
}

fn set_tp_name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("set_tp_name", args, 2, 2)?;
    let Some(name) = vm.as_str(args[1]).map(str::to_string) else {
        return Err(vm.type_error("set_tp_name() argument 2 must be str"));
    };
    match args[0] {
        Value::Obj(r) => match vm.heap.kind_mut(r) {
            Kind::Type(t) => t.name = name,
            _ => return Err(vm.type_error("set_tp_name() argument 1 must be a class")),
        },
        _ => return Err(vm.type_error("set_tp_name() argument 1 must be a class")),
    }
    Ok(Value::None)
}

fn is_heap_type(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("is_heap_type", args, 1, 1)?;
    let heap = match args[0] {
        Value::Obj(r) => matches!(vm.heap.kind(r), Kind::Type(_)) && vm.type_is_heap(r),
        _ => false,
    };
    Ok(Value::Bool(heap))
}

fn coro_position(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("coro_position", args, 1, 1)?;
    let pos = match args[0] {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Generator(g) => {
                let u = &g.code.unit;
                let line = match &g.frame {
                    Some(fr) if g.started => u.spans.get(fr.ip).map_or(u.firstlineno, |s| s.line),
                    _ => u.firstlineno,
                };
                Some((u.filename.clone(), line, g.frame.is_some()))
            }
            _ => None,
        },
        _ => None,
    };
    let Some((file, line, running)) = pos else {
        return Err(vm.type_error("coro_position() argument must be a coroutine"));
    };
    let f = vm.new_str(&file);
    let l = vm.int(i64::from(line));
    Ok(vm.new_tuple(vec![f, l, Value::Bool(running)]))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "coro_position", coro_position);
    vm.add_fn(d, "unsupported", unsupported);
    vm.add_fn(d, "set_tp_name", set_tp_name);
    vm.add_fn(d, "is_heap_type", is_heap_type);
    Ok(())
}
