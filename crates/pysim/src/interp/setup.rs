//! Interpreter start-up: the built-in type objects at their fixed slots (with dicts and
//! MROs), the singletons, the `builtins` module, `sys.modules`, the collector's lists
//! and the module registry. Everything created here is immortal, like CPython's static
//! objects, and outside the collector's generations.

use super::Vm;
use crate::objects::typeobj::TypeObj;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};

impl Vm {
    pub(super) fn setup(&mut self) {
        for (i, (name, layout, base, flags)) in t::TABLE.iter().enumerate() {
            let tobj = TypeObj {
                name: name.to_string(),
                qualname: Value::None,
                bases: Value::None,
                base: if *base == t::NO_BASE {
                    None
                } else {
                    Some(*base)
                },
                mro: Vec::new(),
                mro_tuple: Value::None,
                dict: ObjRef(0),
                layout: *layout,
                flags: *flags,
                slot_names: Vec::new(),
                shared_keys: None,
                instance_size: 16,
                subclasses: Vec::new(),
                subclass_ref: Value::Null,
                // Measured: of the common bases only object and type have subclasses
                // registered when a script starts.
                subclass_dict: matches!(*name, "object" | "type"),
                builtin_module: if matches!(
                    *name,
                    "ReferenceType" | "ProxyType" | "CallableProxyType"
                ) {
                    "weakref"
                } else {
                    "builtins"
                },
            };
            let r = self.heap.alloc(t::TYPE, Kind::Type(Box::new(tobj)));
            debug_assert_eq!(r.0, t::FIRST + i as u32);
            self.make_immortal(r);
        }
        // The empty tuple first: tuples of bases need it.
        let et = self
            .heap
            .alloc(t::TUPLE, Kind::Tuple(Vec::new().into_boxed_slice()));
        self.make_immortal(et);
        self.empty_tuple = et;
        let es = self.intern("");
        self.empty_str = es;
        let eb = self
            .heap
            .alloc(t::BYTES, Kind::Bytes(Vec::new().into_boxed_slice()));
        self.make_immortal(eb);
        self.empty_bytes = eb;
        let ni = self.heap.alloc(t::NOT_IMPLEMENTED_TYPE, Kind::Object);
        self.make_immortal(ni);
        self.not_implemented = ni;
        let el = self.heap.alloc(t::ELLIPSIS_TYPE, Kind::Object);
        self.make_immortal(el);
        self.ellipsis = el;
        for i in 0..t::TABLE.len() {
            let r = ObjRef(t::FIRST + i as u32);
            let d = self.new_dict();
            self.make_immortal(d);
            let name = t::TABLE[i].0;
            let q = self.intern(name);
            let base = t::TABLE[i].2;
            let mut bases: Vec<ObjRef> = Vec::new();
            if base != t::NO_BASE {
                bases.push(base);
            }
            bases.extend_from_slice(t::extra_bases(r));
            let bvals: Vec<Value> = bases.iter().map(|b| Value::Obj(*b)).collect();
            let bt = self.new_tuple(bvals);
            if let Value::Obj(b) = bt {
                self.make_immortal(b);
            }
            let mro = self.compute_mro(r, &bases).unwrap_or_else(|_| vec![r]);
            let mvals: Vec<Value> = mro.iter().map(|b| Value::Obj(*b)).collect();
            let mt = self.new_tuple(mvals);
            if let Value::Obj(m) = mt {
                self.make_immortal(m);
                self.heap.untrack(m);
            }
            if let Value::Obj(b) = bt {
                self.heap.untrack(b);
            }
            if let Kind::Type(tt) = self.heap.kind_mut(r) {
                tt.dict = d;
                tt.qualname = Value::Obj(q);
                tt.bases = bt;
                tt.mro = mro;
                tt.mro_tuple = mt;
            }
            for b in bases {
                if let Kind::Type(bt) = self.heap.kind_mut(b) {
                    bt.subclasses.push(r);
                }
            }
        }
        let g = self.new_list(Vec::new());
        let c = self.new_list(Vec::new());
        self.gc.garbage = g.as_obj().unwrap_or(ObjRef(0));
        self.gc.callbacks = c.as_obj().unwrap_or(ObjRef(0));
        let m = self.new_dict();
        self.modules = m;
        crate::builtins::install(self);
        self.registry = crate::modules::registry();
        // What `python3 -X faulthandler x.py` start-up (then `import gc`) leaves in CPython
        // 3.11's free lists, measured by allocating until generation 0 starts counting.
        self.gc.free_lists = super::FreeLists {
            list: 39,
            dict: 7,
            tuple: [0, 4, 6, 2, 2, 2, 0, 8, 6, 1, 1, 1, 3, 5, 1, 2, 2, 2, 3, 1],
        };
        self.gc.counts = [0; 3];
    }
}
