//! The native half of `traceback`: `_format(exc)`, the text the interpreter prints
//! for an uncaught exception (chained causes and contexts, source lines, carets),
//! which `py/traceback.py` splits into CPython's list entries.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::value::{ObjRef, Value};
use crate::PResult;

fn format(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("_format", args, 1, 1)?;
    match args[0] {
        Value::Obj(e) if matches!(vm.heap.kind(e), Kind::Exception(_)) => {
            let text = vm.format_exception(e);
            Ok(vm.new_string(text))
        }
        other => {
            let tn = vm.type_name_of(other);
            Err(vm.type_error(format!("_format() argument must be an exception, not {tn}")))
        }
    }
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "_format", format);
    Ok(())
}
