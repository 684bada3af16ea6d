//! `_simulator`: hooks for the Python-source stdlib modules. `unsupported(what)` ends
//! the run with `unsupported: <what> at line:col` (the user's line), for behaviour the
//! simulator does not model, such as blocking forever on an empty queue.

use crate::interp::Vm;
use crate::objects::function::Kw;
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

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "unsupported", unsupported);
    Ok(())
}
