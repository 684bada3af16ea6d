//! Objects whose payload a module defines in Rust (`re.Pattern`, `re.Match`,
//! `itertools` iterators, ...): the [`NativeObj`] trait is the extension point stdlib
//! modules implement to put their own state on the heap.

use crate::value::Value;
use std::any::Any;
use std::fmt::Debug;

/// The payload of a module-defined heap object.
pub trait NativeObj: Debug + Any {
    /// References held, for refcounting on free and for the cycle collector.
    fn for_each_ref(&self, _f: &mut dyn FnMut(Value)) {}
    /// `sys.getsizeof` without the GC header.
    fn sizeof(&self) -> u64 {
        48
    }
    /// Whether the collector tracks the object.
    fn is_gc(&self) -> bool {
        false
    }
    /// Takes the held references out (for `tp_clear` and deallocation).
    fn take_refs(&mut self) -> Vec<Value> {
        Vec::new()
    }
    fn as_any(&self) -> &dyn Any;
}
