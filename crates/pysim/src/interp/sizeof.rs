//! `sys.getsizeof` of every modelled type, as CPython 3.11 on 64-bit Linux reports it
//! (the 16-byte GC header included for GC objects).

use super::Vm;
use crate::objects::typeobj::Layout;
use crate::objects::{IterObj, Kind};
use crate::value::{ObjRef, Value};

impl Vm {
    /// `sys.getsizeof(v)`.
    pub fn sizeof_value(&self, v: Value) -> u64 {
        match v {
            Value::Int(i, _) => crate::objects::int::sizeof_i64(i),
            Value::Bool(_) => 28,
            Value::Float(..) => 24,
            Value::None | Value::Null => 16,
            Value::Obj(r) => self.sizeof_obj(r),
        }
    }

    pub fn sizeof_obj(&self, r: ObjRef) -> u64 {
        let s = self.heap.get(r);
        let ty = s.ty;
        let heap_ty = self.type_is_heap(ty);
        let base = match &s.kind {
            Kind::Free | Kind::Sentinel => 0,
            Kind::Object => {
                if heap_ty {
                    return match self.heap.kind(ty) {
                        Kind::Type(tt) => tt.instance_size,
                        _ => 56,
                    };
                }
                16
            }
            Kind::BigInt(b) => crate::objects::int::sizeof_big(b),
            Kind::Float(_) => 24,
            Kind::Complex(..) => 32,
            Kind::Str(p) => p.sizeof(),
            Kind::Bytes(b) => crate::objects::bytes::bytes_sizeof(b.len()),
            Kind::ByteArray(b) => b.sizeof(),
            Kind::MemoryView(_) => 184,
            Kind::List(l) => l.sizeof(),
            Kind::Tuple(tp) => 40 + 8 * tp.len() as u64,
            Kind::Dict(d) => {
                let shared = d.split_class.and_then(|c| match self.heap.kind(c) {
                    Kind::Type(tt) => tt.shared_keys.as_ref().map(|k| k.usable_size()),
                    _ => None,
                });
                16 + d.sizeof(shared)
            }
            Kind::Set(st) => 16 + st.sizeof(),
            Kind::Range(_) => 48,
            Kind::Slice(_) => 56,
            Kind::Cell(_) => 40,
            Kind::Function(_) => 152,
            Kind::Code(c) => 192 + 8 * c.unit.ops.len() as u64,
            Kind::Method(..) => 64,
            Kind::Builtin(_) => 72,
            Kind::MethodDescr(_) => 88,
            Kind::ClassMethod(_) | Kind::StaticMethod(_) => 48,
            Kind::Property(_) => 80,
            Kind::Member(..) => 64,
            Kind::Type(tt) => {
                if tt.is_heap() {
                    let keys = if tt.shared_keys.is_some() { 768 } else { 0 };
                    920 + keys
                } else {
                    424
                }
            }
            Kind::Module(_) => 72,
            Kind::Exception(e) => {
                if e.fields.iter().any(|(n, _)| *n == "value") {
                    96
                } else {
                    88
                }
            }
            Kind::Generator(g) => {
                let u = &g.code.unit;
                let n =
                    u.varnames.len() + u.cellvars.len() + u.freevars.len() + u.stacksize as usize;
                168 + 8 * n as u64
            }
            Kind::Iter(it) => match **it {
                IterObj::Dict { .. } | IterObj::Enumerate { .. } => 72,
                IterObj::Set { .. } | IterObj::Zip { .. } => 64,
                _ => 48,
            },
            Kind::DictView(..) | Kind::MappingProxy(_) => 40,
            Kind::WeakRef(_) => 80,
            Kind::Super(..) => 56,
            Kind::Native(n) => {
                let base = n.sizeof();
                if n.is_gc() {
                    base + 16
                } else {
                    base
                }
            }
        };
        if heap_ty {
            let (layout, instance_size) = match self.heap.kind(ty) {
                Kind::Type(tt) => (tt.layout, tt.instance_size),
                _ => (Layout::Object, 32),
            };
            let delta = match layout {
                Layout::Int => 16,
                Layout::List | Layout::Dict | Layout::Tuple => 24,
                Layout::Exception => 8,
                Layout::Float => 40,
                Layout::Str => 64,
                Layout::Set | Layout::FrozenSet => 24,
                // Slots, __weakref__ and the managed dict added to a built-in payload.
                Layout::Opaque => instance_size.saturating_sub(32),
                _ => 0,
            };
            return base + delta;
        }
        base
    }
}
