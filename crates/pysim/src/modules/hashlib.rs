//! `hashlib`: `md5`, `sha1`, `sha224`, `sha256`, `sha384`, `sha512` and `new(name)`,
//! returning `_hashlib.HASH` objects (`update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size`, `block_size`) computed by the RustCrypto implementations.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::value::{ObjRef, Value};
use crate::PResult;
use sha2::Digest;
use std::cell::RefCell;

/// The running state of one hash.
#[derive(Debug, Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl State {
    fn new(name: &str) -> Option<State> {
        Some(match name {
            "md5" => State::Md5(md5::Md5::new()),
            "sha1" => State::Sha1(sha1::Sha1::new()),
            "sha224" => State::Sha224(sha2::Sha224::new()),
            "sha256" => State::Sha256(sha2::Sha256::new()),
            "sha384" => State::Sha384(sha2::Sha384::new()),
            "sha512" => State::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha224(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha224(_) => "sha224",
            State::Sha256(_) => "sha256",
            State::Sha384(_) => "sha384",
            State::Sha512(_) => "sha512",
        }
    }

    fn sizes(&self) -> (i64, i64) {
        match self {
            State::Md5(_) => (16, 64),
            State::Sha1(_) => (20, 64),
            State::Sha224(_) => (28, 64),
            State::Sha256(_) => (32, 64),
            State::Sha384(_) => (48, 128),
            State::Sha512(_) => (64, 128),
        }
    }
}

/// A `_hashlib.HASH` object.
#[derive(Debug)]
struct HashObj(RefCell<State>);

impl NativeObj for HashObj {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn state_of(vm: &Vm, v: Value) -> Option<&HashObj> {
    match v {
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::Native(n) => n.as_any().downcast_ref::<HashObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn this(vm: &mut Vm, args: &[Value]) -> PResult<State> {
    match args.first().and_then(|&v| state_of(vm, v)) {
        Some(h) => Ok(h.0.borrow().clone()),
        None => Err(vm.type_error("descriptor requires a '_hashlib.HASH' object")),
    }
}

/// The bytes of a buffer argument, with hashlib's errors for str and others.
fn data_arg(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    if vm.as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match vm.bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_hash(vm: &mut Vm, state: State) -> Value {
    let ty = vm.new_native_type("HASH", "_hashlib");
    Value::Obj(vm.alloc(ty, Kind::Native(Box::new(HashObj(RefCell::new(state))))))
}

fn construct(vm: &mut Vm, name: &str, fname: &str, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs(fname, kw, &["string", "usedforsecurity"])?;
    vm.nargs(fname, args, 0, 1)?;
    let Some(mut st) = State::new(name) else {
        return Err(vm.value_error(format!("unsupported hash type {name}")));
    };
    if let Some(v) = args.first().copied().or_else(|| vm.kwarg(kw, "string")) {
        let data = data_arg(vm, v)?;
        st.update(&data);
    }
    Ok(new_hash(vm, st))
}

macro_rules! constructors {
    ($($f:ident, $name:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
                construct(vm, $name, concat!("openssl_", $name), args, kw)
            }
        )*
    };
}

constructors! {
    new_md5, "md5";
    new_sha1, "sha1";
    new_sha224, "sha224";
    new_sha256, "sha256";
    new_sha384, "sha384";
    new_sha512, "sha512";
}

fn hash_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("new", kw, &["name", "data", "string", "usedforsecurity"])?;
    vm.nargs("new", args, 0, 2)?;
    let Some(name) = args.first().copied().or_else(|| vm.kwarg(kw, "name")) else {
        return Err(vm.type_error("new() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = vm.as_str(name).map(str::to_lowercase) else {
        return Err(vm.type_error("new() argument 'name' must be str"));
    };
    let data = args
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(kw, "data"))
        .or_else(|| vm.kwarg(kw, "string"));
    let rest: Vec<Value> = data.into_iter().collect();
    construct(vm, &name, "new", &rest, &[])
}

fn update(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("update", args, 1, 1)?;
    let data = data_arg(vm, args[1])?;
    match state_of(vm, args[0]) {
        Some(h) => h.0.borrow_mut().update(&data),
        None => return Err(vm.type_error("descriptor requires a '_hashlib.HASH' object")),
    }
    Ok(Value::None)
}

fn digest(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("digest", args, 0, 0)?;
    let d = this(vm, args)?.digest();
    Ok(vm.new_bytes(d))
}

fn hexdigest(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("hexdigest", args, 0, 0)?;
    let d = this(vm, args)?.digest();
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.margs("copy", args, 0, 0)?;
    let st = this(vm, args)?;
    Ok(new_hash(vm, st))
}

fn name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this(vm, args)?;
    Ok(vm.new_str(st.name()))
}

fn digest_size(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this(vm, args)?;
    Ok(vm.int(st.sizes().0))
}

fn block_size(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this(vm, args)?;
    Ok(vm.int(st.sizes().1))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let st = this(vm, args)?;
    let id = vm.id_of(args[0]);
    Ok(vm.new_string(format!("<{} _hashlib.HASH object @ {id:#x}>", st.name())))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    let ty = vm.new_native_type("HASH", "_hashlib");
    vm.add_method(ty, "update", update);
    vm.add_method(ty, "digest", digest);
    vm.add_method(ty, "hexdigest", hexdigest);
    vm.add_method(ty, "copy", copy);
    vm.add_method(ty, "__repr__", repr);
    vm.add_getter(ty, "name", name);
    vm.add_getter(ty, "digest_size", digest_size);
    vm.add_getter(ty, "block_size", block_size);
    vm.add_fn(d, "new", hash_new);
    vm.add_fn(d, "md5", new_md5);
    vm.add_fn(d, "sha1", new_sha1);
    vm.add_fn(d, "sha224", new_sha224);
    vm.add_fn(d, "sha256", new_sha256);
    vm.add_fn(d, "sha384", new_sha384);
    vm.add_fn(d, "sha512", new_sha512);
    for set_name in ["algorithms_guaranteed", "algorithms_available"] {
        let s = vm.new_set(crate::types::FROZENSET);
        for n in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"] {
            let v = vm.new_str(n);
            let r = vm.set_add(s, v);
            vm.decref(v);
            r?;
        }
        vm.dict_set_str(d, set_name, Value::Obj(s));
        vm.decref_obj(s);
    }
    Ok(())
}
