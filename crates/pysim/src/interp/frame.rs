//! An executing (or suspended) frame: fast locals and the value stack in one vector,
//! the cells of the frame's cell and free variables, and the namespace of module and
//! class bodies. Like CPython 3.11's `_PyInterpreterFrame`, a frame holds a strong
//! reference to its function.

use super::code::Code;
use crate::value::{ObjRef, Value};
use std::rc::Rc;

#[derive(Debug)]
pub struct Frame {
    pub code: Rc<Code>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The namespace of a module or class body (`Null` in functions).
    pub locals: Value,
    /// Fast locals `[0, nlocals)` then the value stack.
    pub stack: Vec<Value>,
    /// Cells of cell variables, then of free variables.
    pub cells: Vec<ObjRef>,
    pub ip: usize,
    /// The instruction being executed (for tracebacks).
    pub lasti: usize,
    /// Pending `KW_NAMES` constant index for the next call.
    pub kwnames: Option<u32>,
    /// The function being run (owned), or `Null` for module code.
    pub func: Value,
    /// A traceback needed this frame as an object (`_PyFrame_GetFrameObject`): a GC
    /// allocation that lives until the frame is released.
    pub frame_obj: bool,
}

impl Frame {
    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        f(self.func);
        f(self.locals);
        for v in &self.stack {
            f(*v);
        }
        for c in &self.cells {
            f(Value::Obj(*c));
        }
    }
}
