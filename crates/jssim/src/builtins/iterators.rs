//! Iterator prototypes: %IteratorPrototype%, the shared `next` of built-in iterators
//! (array, string, map/set, list) and the generator prototype.

use crate::heap::{IterData, Kind, NativeCall};
use crate::interp::iter::Resume;
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, Value};

/// `{ value, done }`.
pub fn iter_result(vm: &mut Vm, v: Value, done: bool) -> Value {
    let o = vm.new_object();
    vm.set_prop_raw(o, "value", v);
    vm.set_prop_raw(o, "done", Value::Bool(done));
    Value::Obj(o)
}

/// `next` of every built-in iterator.
pub fn iter_next(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = match c.this {
        Value::Obj(o) if matches!(vm.heap.kind(o), Some(Kind::Iter(_))) => o,
        _ => {
            let d = vm.to_display(&c.this);
            return Err(vm.type_error(&format!("next method called on incompatible receiver {d}")));
        }
    };
    let (v, done) = match vm.builtin_iter_next(o) {
        Some(r) => r,
        None => crate::builtins::regexp::regexp_iter_step(vm, o)?,
    };
    Ok(iter_result(vm, v, done))
}

fn return_this(_vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(c.this.clone())
}

/// A built-in iterator object with the prototype of its kind (Array/Map/Set/String
/// Iterator).
pub fn make_iter(vm: &mut Vm, d: IterData) -> Value {
    let p = match &d {
        IterData::Array { .. } | IterData::List { .. } => vm.realm.array_iter_proto,
        IterData::Str { .. } => vm.realm.string_iter_proto,
        IterData::RegExp { .. } => vm.realm.regexp_string_iter_proto,
        IterData::Table { obj, .. } => {
            if matches!(vm.heap.kind(*obj), Some(Kind::Map(_))) {
                vm.realm.map_iter_proto
            } else {
                vm.realm.set_iter_proto
            }
        }
    };
    Value::Obj(vm.alloc(Some(p), Kind::Iter(Box::new(d))))
}

fn gen_this(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this {
        Value::Obj(o) if matches!(vm.heap.kind(o), Some(Kind::Generator(_))) => Ok(o),
        _ => Err(vm.type_error("next method called on incompatible receiver")),
    }
}

fn gen_next(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let g = gen_this(vm, c)?;
    let (v, d) = vm.gen_resume(g, Resume::Next(c.arg(0)))?;
    Ok(iter_result(vm, v, d))
}

fn gen_return(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let g = gen_this(vm, c)?;
    let (v, d) = vm.gen_resume(g, Resume::Return(c.arg(0)))?;
    Ok(iter_result(vm, v, d))
}

fn gen_throw(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let g = gen_this(vm, c)?;
    let (v, d) = vm.gen_resume(g, Resume::Throw(c.arg(0)))?;
    Ok(iter_result(vm, v, d))
}

fn async_gen_this(vm: &mut Vm, c: &NativeCall) -> Option<ObjRef> {
    match c.this {
        Value::Obj(o) if matches!(vm.heap.kind(o), Some(Kind::Generator(d)) if d.requests.is_some()) => {
            Some(o)
        }
        _ => None,
    }
}

fn async_gen_call(vm: &mut Vm, c: &NativeCall, how: Resume, method: &str) -> Res<Value> {
    match async_gen_this(vm, c) {
        Some(g) => vm.async_gen_request(g, how),
        None => {
            let p = crate::builtins::promise::new_promise(vm);
            let d = vm.to_display(&c.this);
            let e = vm.make_error("TypeError", &format!("Method [AsyncGenerator].prototype.{method} called on incompatible receiver {d}"));
            crate::builtins::promise::reject_promise(vm, p, e);
            Ok(Value::Obj(p))
        }
    }
}

fn async_gen_next(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    async_gen_call(vm, c, Resume::Next(c.arg(0)), "next")
}

fn async_gen_return(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    async_gen_call(vm, c, Resume::Return(c.arg(0)), "return")
}

fn async_gen_throw(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    async_gen_call(vm, c, Resume::Throw(c.arg(0)), "throw")
}

/// `next` of a sync iterator adapted for `for await`: the step's value is awaited.
pub fn async_from_sync_next(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let it = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let next = crate::builtins::promise::native_slot(vm, c.callee, 1);
    let p = crate::builtins::promise::new_promise(vm);
    match vm.iter_step(&it, &next) {
        Ok((v, done)) => {
            let unwrap = vm.native_with(
                "",
                1,
                async_from_sync_unwrap,
                vec![Value::Bool(done)],
                false,
            );
            let inner = crate::builtins::promise::promise_resolve(vm, v)?;
            crate::builtins::promise::perform_then(
                vm,
                inner,
                Value::Obj(unwrap),
                Value::Undefined,
                crate::heap::ReactionTarget::Promise(Some(p)),
            );
        }
        Err(crate::interp::Throw::Js(e)) => crate::builtins::promise::reject_promise(vm, p, e),
        Err(e) => return Err(e),
    }
    Ok(Value::Obj(p))
}

fn async_from_sync_unwrap(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let done = crate::builtins::promise::native_slot(vm, c.callee, 0).truthy();
    Ok(iter_result(vm, c.arg(0), done))
}

fn function_kind_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.unsupported("creating functions from strings"))
}

/// %AsyncFunction%, %GeneratorFunction%, %AsyncGeneratorFunction% and their
/// prototypes (the [[Prototype]] of such functions).
fn install_function_kinds(vm: &mut Vm) {
    let fp = vm.realm.function_proto;
    let fc = vm.realm.function_ctor;
    for (name, slot) in [
        ("AsyncFunction", 0),
        ("GeneratorFunction", 1),
        ("AsyncGeneratorFunction", 2),
    ] {
        let p = vm.heap.alloc(Some(fp), Kind::Ordinary);
        let c = vm.native_with(name, 1, function_kind_ctor, vec![], true);
        if let Some(o) = vm.heap.get_mut(c) {
            o.proto = Some(fc);
        }
        vm.set_const(c, "prototype", Value::Obj(p));
        if let Some(o) = vm.heap.get_mut(p) {
            o.props.insert(
                crate::value::PropKey::s("constructor"),
                crate::heap::Prop {
                    v: crate::heap::PropVal::Data(Value::Obj(c)),
                    enumerable: false,
                    writable: false,
                    configurable: true,
                },
            );
        }
        vm.set_tag(p, name);
        match slot {
            0 => vm.realm.async_function_proto = p,
            1 => {
                vm.realm.generator_function_proto = p;
                let gp = vm.realm.generator_proto;
                vm.set_const(p, "prototype", Value::Obj(gp));
            }
            _ => {
                vm.realm.async_generator_function_proto = p;
                let gp = vm.realm.async_generator_proto;
                vm.set_const(p, "prototype", Value::Obj(gp));
            }
        }
        vm.realm.extra.extend([p, c]);
    }
}

pub fn install(vm: &mut Vm) {
    install_function_kinds(vm);
    let ip = vm.realm.iterator_proto;
    vm.method(ip, "@Symbol.iterator", 0, return_this);
    let aip = vm.realm.array_iter_proto;
    vm.method(aip, "next", 0, iter_next);
    vm.set_tag(aip, "Array Iterator");
    let mut protos = Vec::new();
    for tag in [
        "Map Iterator",
        "Set Iterator",
        "String Iterator",
        "RegExp String Iterator",
    ] {
        let p = vm.heap.alloc(Some(ip), Kind::Ordinary);
        vm.method(p, "next", 0, iter_next);
        vm.set_tag(p, tag);
        protos.push(p);
    }
    vm.realm.map_iter_proto = protos[0];
    vm.realm.set_iter_proto = protos[1];
    vm.realm.string_iter_proto = protos[2];
    vm.realm.regexp_string_iter_proto = protos[3];
    vm.realm.extra.extend(protos);
    let gp = vm.realm.generator_proto;
    vm.method(gp, "next", 1, gen_next);
    vm.method(gp, "return", 1, gen_return);
    vm.method(gp, "throw", 1, gen_throw);
    vm.set_hidden(gp, "@Symbol.toStringTag", Value::str("Generator"));
    let aip = vm.realm.async_iterator_proto;
    vm.method(aip, "@Symbol.asyncIterator", 0, return_this);
    let agp = vm.realm.async_generator_proto;
    vm.method(agp, "next", 1, async_gen_next);
    vm.method(agp, "return", 1, async_gen_return);
    vm.method(agp, "throw", 1, async_gen_throw);
    vm.set_hidden(agp, "@Symbol.toStringTag", Value::str("AsyncGenerator"));
}
