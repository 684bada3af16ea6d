//! The global environment: intrinsic prototypes and constructors, console, timers,
//! `gc()`, and the node-only globals (`process`, `require`).

pub mod array;
pub mod bigint;
pub mod buffer;
pub mod collections;
pub mod console;
pub mod date;
pub mod encoding;
pub mod intl;
pub mod iterators;
pub mod json;
pub mod math;
pub mod number;
pub mod object;
pub mod performance;
pub mod promise;
pub mod regexp;
pub mod string;
pub mod structured;
pub mod timers;
pub mod typed;
pub mod url;

use crate::heap::{Kind, NativeCall, NativeFnPtr, Prop, PropVal};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// A constructor function object linked to `proto`.
pub fn make_ctor(vm: &mut Vm, name: &str, len: u32, f: NativeFnPtr, proto: ObjRef) -> ObjRef {
    let c = vm.native_with(name, len, f, vec![], true);
    if let Some(o) = vm.heap.get_mut(c) {
        o.props.insert(
            PropKey::s("prototype"),
            Prop {
                v: PropVal::Data(Value::Obj(proto)),
                enumerable: false,
                writable: false,
                configurable: false,
            },
        );
    }
    vm.set_hidden(proto, "constructor", Value::Obj(c));
    let g = vm.realm.global;
    vm.set_hidden(g, name, Value::Obj(c));
    c
}

fn plain(vm: &mut Vm, proto: Option<ObjRef>) -> ObjRef {
    vm.heap.alloc(proto, Kind::Ordinary)
}

/// Creates the realm.
pub fn install(vm: &mut Vm) {
    let op = plain(vm, None);
    vm.realm.object_proto = op;
    let fp = vm.heap.alloc(
        Some(op),
        Kind::Native(Box::new(crate::heap::Native {
            f: function_proto_call,
            ctor: false,
            slots: vec![],
        })),
    );
    vm.realm.function_proto = fp;
    let g = plain(vm, Some(op));
    vm.realm.global = g;
    vm.realm.array_proto = vm.heap.alloc(Some(op), Kind::Array(vec![]));
    vm.realm.string_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::str("")));
    vm.realm.number_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::Num(0.0)));
    vm.realm.boolean_proto = vm.heap.alloc(Some(op), Kind::Boxed(Value::Bool(false)));
    vm.realm.symbol_proto = plain(vm, Some(op));
    vm.realm.bigint_proto = plain(vm, Some(op));
    vm.realm.error_proto = plain(vm, Some(op));
    vm.realm.iterator_proto = plain(vm, Some(op));
    let ip = vm.realm.iterator_proto;
    vm.realm.array_iter_proto = plain(vm, Some(ip));
    vm.realm.generator_proto = plain(vm, Some(ip));
    let aip = plain(vm, Some(op));
    vm.realm.async_iterator_proto = aip;
    vm.realm.async_generator_proto = plain(vm, Some(aip));
    vm.realm.promise_proto = plain(vm, Some(op));
    vm.realm.map_proto = plain(vm, Some(op));
    vm.realm.set_proto = plain(vm, Some(op));
    vm.realm.weakmap_proto = plain(vm, Some(op));
    vm.realm.weakset_proto = plain(vm, Some(op));
    vm.realm.weakref_proto = plain(vm, Some(op));
    vm.realm.finreg_proto = plain(vm, Some(op));
    vm.realm.date_proto = plain(vm, Some(op));
    vm.realm.regexp_proto = plain(vm, Some(op));
    vm.realm.node_proto = plain(vm, Some(op));
    let np = vm.realm.node_proto;
    vm.realm.element_proto = plain(vm, Some(np));
    vm.realm.event_proto = plain(vm, Some(op));

    object::install(vm);
    iterators::install(vm);
    array::install(vm);
    string::install(vm);
    number::install(vm);
    math::install(vm);
    bigint::install(vm);
    date::install(vm);
    performance::install(vm);
    typed::install(vm);
    if !vm.browser {
        buffer::install(vm);
    }
    encoding::install(vm);
    intl::install(vm);
    url::install(vm);
    json::install(vm);
    collections::install(vm);
    promise::install(vm);
    regexp::install(vm);

    let species_protos = [
        vm.realm.array_proto,
        vm.realm.map_proto,
        vm.realm.set_proto,
        vm.realm.promise_proto,
        vm.realm.regexp_proto,
    ];
    for p in species_protos {
        if let Some(PropVal::Data(Value::Obj(c))) = vm
            .heap
            .get(p)
            .and_then(|o| o.props.get(&PropKey::s("constructor")))
            .map(|x| x.v.clone())
        {
            species_getter(vm, c);
        }
    }
    vm.set_hidden(g, "globalThis", Value::Obj(g));
    console::install(vm);
    timers::install(vm);
    crate::dom::install_exception(vm);
    crate::env_node::install(vm);
    if vm.browser {
        // jsdom's window has no structuredClone.
        crate::dom::install(vm);
    } else {
        vm.method(g, "structuredClone", 1, structured_clone);
    }
}

fn structured_clone(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    structured::structured_clone(vm, &c.arg(0))
}

/// Function.prototype itself is callable and returns undefined.
fn function_proto_call(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Undefined)
}

/// Defines a non-enumerable accessor with a native getter (`get name`).
pub fn getter(vm: &mut Vm, obj: ObjRef, name: &str, f: NativeFnPtr) {
    let g = vm.native(&format!("get {name}"), 0, f);
    let k = vm.key_for(name);
    if let Some(o) = vm.heap.get_mut(obj) {
        o.props.insert(
            k,
            Prop {
                v: PropVal::Accessor(Some(g), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
}

fn species_this(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(c.this.clone())
}

/// `get [Symbol.species]() { return this }`: a constructor's derived classes make
/// their own instances from map/filter/then/exec....
pub fn species_getter(vm: &mut Vm, ctor: ObjRef) {
    let g = vm.native("get [Symbol.species]", 0, species_this);
    if let Some(o) = vm.heap.get_mut(ctor) {
        o.props.insert(
            PropKey::Sym(crate::interp::sym::SPECIES),
            Prop {
                v: PropVal::Accessor(Some(g), None),
                enumerable: false,
                writable: false,
                configurable: true,
            },
        );
    }
}

/// The `name` of the native function being called.
pub fn callee_name(vm: &Vm, c: &NativeCall) -> String {
    match vm
        .heap
        .get(c.callee)
        .and_then(|f| f.props.get(&PropKey::s("name")))
    {
        Some(Prop {
            v: PropVal::Data(Value::Str(s)),
            ..
        }) => s.to_string(),
        _ => String::new(),
    }
}

/// `this` as an object, or a TypeError with `msg`.
pub fn this_obj_of(vm: &mut Vm, c: &NativeCall, msg: &str) -> Res<ObjRef> {
    match &c.this {
        Value::Obj(o) => Ok(*o),
        _ => Err(vm.type_error(msg)),
    }
}

/// ToIntegerOrInfinity of an argument, defaulting when undefined.
pub fn int_arg(vm: &mut Vm, c: &NativeCall, i: usize, default: f64) -> Res<f64> {
    match c.args.get(i) {
        None | Some(Value::Undefined) => Ok(default),
        Some(v) => {
            let n = vm.to_number(v)?;
            Ok(if n.is_nan() { 0.0 } else { n.trunc() })
        }
    }
}

/// Resolves a relative index (`slice`-style) against `len`.
pub fn rel_index(n: f64, len: usize) -> usize {
    if n < 0.0 {
        (len as f64 + n).max(0.0) as usize
    } else {
        n.min(len as f64) as usize
    }
}
