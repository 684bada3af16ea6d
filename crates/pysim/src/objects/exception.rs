//! Exception instances: `args`, the traceback entries gathered while unwinding, the
//! `__context__` / `__cause__` chain, notes, and type-specific fields
//! (`StopIteration.value`, `OSError.errno`, `ExceptionGroup.exceptions`, ...).

use crate::value::Value;
use std::sync::Arc;

/// One traceback entry: where a frame was when the exception passed through it.
#[derive(Debug, Clone)]
pub struct TbEntry {
    pub filename: Arc<str>,
    pub name: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

#[derive(Debug)]
pub struct ExcObj {
    /// A tuple.
    pub args: Value,
    /// Innermost frame last (the order CPython prints).
    pub traceback: Vec<TbEntry>,
    pub context: Value,
    pub cause: Value,
    pub suppress_context: bool,
    /// A list, or `Null`.
    pub notes: Value,
    /// Type-specific attributes, by name.
    pub fields: Vec<(&'static str, Value)>,
}

impl ExcObj {
    pub fn new(args: Value) -> Self {
        ExcObj {
            args,
            traceback: Vec::new(),
            context: Value::None,
            cause: Value::None,
            suppress_context: false,
            notes: Value::Null,
            fields: Vec::new(),
        }
    }

    pub fn field(&self, name: &str) -> Option<Value> {
        self.fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        f(self.args);
        f(self.context);
        f(self.cause);
        f(self.notes);
        for (_, v) in &self.fields {
            f(*v);
        }
    }
}
