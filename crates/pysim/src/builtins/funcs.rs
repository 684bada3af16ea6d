//! The built-in functions (`print`, `len`, `isinstance`, `sorted`, `min` / `max`,
//! `getattr`, `id`, `hash`, `input`, ...), with CPython's argument errors.

use crate::heap::refcount::FreeList;
use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{IterObj, Kind, ListObj};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

impl Vm {
    /// Appends to stdout, within the output budget.
    pub fn write_stdout(&mut self, s: &str) {
        if self.stdout.len() + s.len() > 16 * 1024 * 1024 {
            if self.limit_hit.is_none() {
                self.limit_hit = Some("output limit of 16 MiB".into());
            }
            return;
        }
        self.stdout.push_str(s);
    }
}

/// `print(*args, ...)`: Argument Clinic packs the values into a tuple for the call;
/// its first call builds the parser's tuple of the four keyword names (kept).
fn print(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    if !vm.print_parser_ready && !vm.heap.internal {
        vm.print_parser_ready = true;
        vm.gc_alloc_count(FreeList::Tuple(4));
    }
    let temps = vm.call_temps_enter(args.len(), 0);
    let r = print_values(vm, args, kw);
    vm.call_temps_leave(temps);
    r
}

fn print_values(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match vm.kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(v) => match vm.as_str(v) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(format!("sep must be None or a string, not {tn}")));
            }
        },
    };
    let end = match vm.kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(v) => match vm.as_str(v) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(format!("end must be None or a string, not {tn}")));
            }
        },
    };
    let file = match vm.kwarg(kw, "file") {
        None | Some(Value::None) => crate::modules::sys::redirected_stdout(vm),
        f => f,
    };
    let Some(f) = file else {
        // The real stdout: one `PyFile_WriteObject` per value, separator and end.
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.print_chunk(&sep);
            }
            vm.print_writer(true);
            let text = vm.str(*a);
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    vm.print_writer(false);
                    return Err(e);
                }
            };
            vm.textio_write(&text);
            vm.print_writer(false);
        }
        vm.print_chunk(&end);
        if let Some(fl) = vm.kwarg(kw, "flush") {
            if vm.truthy(fl)? {
                vm.textio_flush();
            }
        }
        return Ok(Value::None);
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(*a)?);
    }
    out.push_str(&end);
    let s = vm.new_string(out);
    let r = vm.call_method(f, "write", &[s]);
    vm.decref(s);
    let r = r?;
    vm.decref(r);
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("len", args, 0, 1, 1)?.unwrap_or(Value::None);
    let n = vm.len(v)?;
    Ok(vm.int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("repr", args, 0, 1, 1)?.unwrap_or(Value::None);
    vm.repr_value(v)
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("ascii", args, 0, 1, 1)?.unwrap_or(Value::None);
    let r = vm.repr(v)?;
    Ok(vm.new_string(crate::format::repr::ascii_escape(&r)))
}

fn id(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("id", args, 0, 1, 1)?.unwrap_or(Value::None);
    let i = vm.id_of(v);
    Ok(vm.int(i as i64))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("hash", args, 0, 1, 1)?.unwrap_or(Value::None);
    let h = vm.hash(v)?;
    Ok(vm.int(h))
}

fn abs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("abs", args, 0, 1, 1)?.unwrap_or(Value::None);
    let ty = vm.type_of(v);
    if vm.type_is_heap(ty) {
        if let Some(f) = vm.lookup_type_str(ty, "__abs__") {
            if !vm.is_native_slot(f, "__abs__") {
                let r = vm.call(f, &[v], &[]);
                vm.decref(f);
                return r;
            }
            vm.decref(f);
        }
    }
    use crate::interp::number::Num;
    match vm.num_of(v) {
        Some(Num::I(i)) => Ok(match i.checked_abs() {
            Some(a) => vm.int(a),
            None => vm.new_bigint(num_bigint::BigInt::from(i).magnitude().clone().into()),
        }),
        Some(Num::B(b)) => {
            use num_traits::Signed;
            Ok(vm.new_bigint(b.abs()))
        }
        Some(Num::F(f)) => Ok(vm.float(f.abs())),
        Some(Num::C(a, b)) => Ok(vm.float(a.hypot(b))),
        None => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn truthy_all(vm: &mut Vm, args: &[Value], want: bool, name: &str) -> PResult<Value> {
    let v = vm.arg(name, args, 0, 1, 1)?.unwrap_or(Value::None);
    let it = vm.iter(v)?;
    let res = loop {
        match vm.next(it) {
            Ok(Some(x)) => {
                let b = vm.truthy(x);
                vm.decref(x);
                match b {
                    Ok(b) if b == want => break Ok(Value::Bool(want)),
                    Ok(_) => {}
                    Err(e) => break Err(e),
                }
            }
            Ok(None) => break Ok(Value::Bool(!want)),
            Err(e) => break Err(e),
        }
    };
    vm.decref(it);
    res
}

fn all(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    truthy_all(vm, args, false, "all")
}

fn any(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    truthy_all(vm, args, true, "any")
}

fn int_to_base(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    radix: u32,
    prefix: &str,
) -> PResult<Value> {
    let v = vm.arg(name, args, 0, 1, 1)?.unwrap_or(Value::None);
    let n = match vm.bigint_of(v) {
        Some(n) if !matches!(v, Value::Float(..)) => n,
        _ => {
            if let Some(i) = vm.index_of(v)? {
                num_bigint::BigInt::from(i)
            } else {
                let tn = vm.type_name_of(v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    };
    use num_traits::Signed;
    let s = format!(
        "{}{}{}",
        if n.is_negative() { "-" } else { "" },
        prefix,
        n.abs().to_str_radix(radix)
    );
    Ok(vm.new_string(s))
}

fn bin(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    int_to_base(vm, args, "bin", 2, "0b")
}

fn oct(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    int_to_base(vm, args, "oct", 8, "0o")
}

fn hex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    int_to_base(vm, args, "hex", 16, "0x")
}

fn callable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("callable", args, 0, 1, 1)?.unwrap_or(Value::None);
    Ok(Value::Bool(vm.is_callable(v)))
}

impl Vm {
    pub fn is_callable(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(_)
                | Kind::Method(..)
                | Kind::Builtin(_)
                | Kind::Type(_)
                | Kind::MethodDescr(_) => true,
                Kind::WeakRef(w) => !w.proxy || self.heap.ty(r) == crate::types::WEAKCALLABLEPROXY,
                _ => {
                    let ty = self.heap.ty(r);
                    match self.lookup_type_str(ty, "__call__") {
                        Some(c) => {
                            self.decref(c);
                            true
                        }
                        None => false,
                    }
                }
            },
            _ => false,
        }
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("chr", args, 0, 1, 1)?.unwrap_or(Value::None);
    let i = vm.index_arg(v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut b)))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let v = vm.arg("ord", args, 0, 1, 1)?.unwrap_or(Value::None);
    if let Some(s) = vm.as_str(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(vm.int(c as i64)),
            _ => {
                let n = s.chars().count();
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    if let Some(b) = vm.bytes_like(v) {
        if b.len() == 1 {
            return Ok(vm.int(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    let ty = vm.type_of(a);
    if vm.type_is_heap(ty) {
        if let Some(f) = vm.lookup_type_str(ty, "__divmod__") {
            let r = vm.call(f, &[a, b], &[]);
            vm.decref(f);
            return r;
        }
    }
    let q = vm.binary_op(a, b, crate::code::BinOp::FloorDiv, false)?;
    let r = match vm.binary_op(a, b, crate::code::BinOp::Mod, false) {
        Ok(r) => r,
        Err(e) => {
            vm.decref(q);
            return Err(e);
        }
    };
    Ok(vm.new_tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let base = args.first().copied().or_else(|| vm.kwarg(kw, "base"));
    let exp = args.get(1).copied().or_else(|| vm.kwarg(kw, "exp"));
    let m = args.get(2).copied().or_else(|| vm.kwarg(kw, "mod"));
    let (Some(b), Some(e)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match m {
        None | Some(Value::None) => vm.binary_op(b, e, crate::code::BinOp::Pow, false),
        Some(mv) => {
            let (Some(x), Some(y), Some(z)) = (vm.bigint_of(b), vm.bigint_of(e), vm.bigint_of(mv))
            else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            use num_traits::{Signed, Zero};
            if z.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let r = if y.is_negative() {
                let inv = mod_inverse(&x, &z).ok_or_else(|| {
                    vm.value_error("base is not invertible for the given modulus")
                })?;
                inv.modpow(&(-y), &z.abs())
            } else {
                x.modpow(&y, &z.abs())
            };
            let za = z.abs();
            let r = if z.is_negative() && !r.is_zero() {
                r + &z
            } else {
                r
            };
            let r = if r.is_negative() { r + za } else { r };
            Ok(vm.new_bigint(r))
        }
    }
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("getattr", args, 2, 3)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(&n);
    if args.len() == 3 {
        return match vm.getattr_opt(args[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                vm.incref(args[2]);
                Ok(args[2])
            }
            Err(e) if vm.throw_is(&e, t::ATTRIBUTE_ERROR) => {
                vm.discard(e);
                vm.incref(args[2]);
                Ok(args[2])
            }
            Err(e) => Err(e),
        };
    }
    vm.getattr(args[0], name)
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("setattr", args, 3, 3)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    };
    let name = vm.intern(&n);
    vm.setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("delattr", args, 2, 2)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(&n);
    vm.delattr(args[0], name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("hasattr", args, 2, 2)?;
    let Some(n) = vm.as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.type_error("hasattr(): attribute name must be string"));
    };
    let name = vm.intern(&n);
    Ok(Value::Bool(vm.hasattr(args[0], name)?))
}

/// `isinstance` / `issubclass` against a class, a tuple of classes or a union.
fn class_check(vm: &mut Vm, v: Value, cls: Value, is_sub: bool) -> PResult<bool> {
    let fname = if is_sub { "issubclass" } else { "isinstance" };
    if let Value::Obj(c) = cls {
        match vm.heap.kind(c) {
            Kind::Tuple(_) => {
                for item in vm.tuple_items(cls) {
                    if class_check(vm, v, item, is_sub)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Kind::Type(_) => {
                let meta = vm.heap.ty(c);
                let hook = if is_sub {
                    "__subclasscheck__"
                } else {
                    "__instancecheck__"
                };
                if vm.type_is_heap(meta) {
                    if let Some(f) = vm.lookup_type_str(meta, hook) {
                        if !vm.is_native_slot(f, hook) {
                            let r = vm.call(f, &[cls, v], &[]);
                            vm.decref(f);
                            let r = r?;
                            let b = vm.truthy(r);
                            vm.decref(r);
                            return b;
                        }
                        vm.decref(f);
                    }
                }
                if is_sub {
                    let Value::Obj(vr) = v else {
                        return Err(vm.type_error("issubclass() arg 1 must be a class"));
                    };
                    if !matches!(vm.heap.kind(vr), Kind::Type(_)) {
                        return Err(vm.type_error("issubclass() arg 1 must be a class"));
                    }
                    return Ok(vm.is_subtype(vr, c));
                }
                let ty = vm.type_of(v);
                if vm.is_subtype(ty, c) {
                    return Ok(true);
                }
                // `__class__` may lie (proxies, mocks).
                if let Value::Obj(_) = v {
                    let n = vm.intern("__class__");
                    if let Ok(Some(k)) = vm.getattr_opt(v, n) {
                        let r = matches!(k, Value::Obj(kr) if kr != ty && matches!(vm.heap.kind(kr), Kind::Type(_)) && vm.is_subtype(kr, c));
                        vm.decref(k);
                        return Ok(r);
                    }
                }
                return Ok(false);
            }
            _ => {
                let ty = vm.heap.ty(c);
                let hook = if is_sub {
                    "__subclasscheck__"
                } else {
                    "__instancecheck__"
                };
                if let Some(f) = vm.lookup_type_str(ty, hook) {
                    let r = vm.call(f, &[cls, v], &[]);
                    vm.decref(f);
                    let r = r?;
                    let b = vm.truthy(r);
                    vm.decref(r);
                    return b;
                }
            }
        }
    }
    Err(vm.type_error(if is_sub {
        format!("{fname}() arg 2 must be a class, a tuple of classes, or a union")
    } else {
        format!("{fname}() arg 2 must be a type, a tuple of types, or a union")
    }))
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("isinstance", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, args[0], args[1], false)?))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("issubclass", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, args[0], args[1], true)?))
}

fn iter_fn(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("iter", args, 1, 2)?;
    if args.len() == 2 {
        if !vm.is_callable(args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        vm.incref(args[0]);
        vm.incref(args[1]);
        return Ok(vm.new_iter(IterObj::Callable {
            f: args[0],
            sentinel: args[1],
        }));
    }
    vm.iter(args[0])
}

fn next_fn(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("next", args, 1, 2)?;
    let it = args[0];
    let is_iter = match it {
        Value::Obj(r) => {
            (matches!(vm.heap.kind(r), Kind::Iter(_) | Kind::Generator(_))
                && !matches!(vm.heap.ty(r), t::COROUTINE | t::ASYNC_GENERATOR))
                || {
                    let ty = vm.heap.ty(r);
                    match vm.lookup_type_str(ty, "__next__") {
                        Some(f) => {
                            vm.decref(f);
                            true
                        }
                        None => false,
                    }
                }
        }
        _ => false,
    };
    if !is_iter {
        let tn = vm.type_name_of(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if let Value::Obj(r) = it {
        if let Kind::Generator(_) = vm.heap.kind(r) {
            return match vm.gen_send(r, Value::None)? {
                crate::interp::generator::SendResult::Yielded(v) => Ok(v),
                crate::interp::generator::SendResult::Returned(v) => {
                    if let Some(d) = args.get(1) {
                        vm.decref(v);
                        vm.incref(*d);
                        return Ok(*d);
                    }
                    let e = vm.stop_iteration(v);
                    vm.decref(v);
                    Err(e)
                }
            };
        }
        let ty = vm.heap.ty(r);
        if vm.type_is_heap(ty) {
            let f = vm.lookup_type_str(ty, "__next__").unwrap_or(Value::None);
            let res = vm.call(f, &[it], &[]);
            vm.decref(f);
            return match res {
                Err(e) if args.len() == 2 && vm.throw_is(&e, t::STOP_ITERATION) => {
                    vm.discard(e);
                    vm.incref(args[1]);
                    Ok(args[1])
                }
                other => other,
            };
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => {
                vm.incref(*d);
                Ok(*d)
            }
            None => Err(vm.exc_noargs(t::STOP_ITERATION)),
        },
    }
}

/// `min` / `max`.
fn minmax(vm: &mut Vm, args: &[Value], kw: Kw, is_max: bool) -> PResult<Value> {
    let name = if is_max { "max" } else { "min" };
    vm.check_kwargs(name, kw, &["key", "default"])?;
    let key = vm.kwarg(kw, "key").filter(|k| !k.is_none());
    let default = vm.kwarg(kw, "default");
    if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if args.len() == 1 {
        vm.collect_iter(args[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        for a in args {
            vm.incref(*a);
        }
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => {
                vm.incref(d);
                Ok(d)
            }
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0];
    let mut best_key = match key {
        Some(k) => match vm.call(k, &[best], &[]) {
            Ok(v) => v,
            Err(e) => {
                vm.decref_all(items);
                return Err(e);
            }
        },
        None => {
            vm.incref(best);
            best
        }
    };
    for &v in &items[1..] {
        let kv = match key {
            Some(k) => match vm.call(k, &[v], &[]) {
                Ok(x) => x,
                Err(e) => {
                    vm.decref(best_key);
                    vm.decref_all(items);
                    return Err(e);
                }
            },
            None => {
                vm.incref(v);
                v
            }
        };
        let op = if is_max {
            crate::code::CmpOp::Gt
        } else {
            crate::code::CmpOp::Lt
        };
        let better = match vm.rich_compare(kv, best_key, op) {
            Ok(r) => {
                let b = vm.truthy(r);
                vm.decref(r);
                b
            }
            Err(e) => Err(e),
        };
        match better {
            Ok(true) => {
                vm.decref(best_key);
                best_key = kv;
                best = v;
            }
            Ok(false) => vm.decref(kv),
            Err(e) => {
                vm.decref(kv);
                vm.decref(best_key);
                vm.decref_all(items);
                return Err(e);
            }
        }
    }
    vm.decref(best_key);
    vm.incref(best);
    vm.decref_all(items);
    Ok(best)
}

fn max(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    minmax(vm, args, kw, true)
}

fn min(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    minmax(vm, args, kw, false)
}

fn sum(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("sum", kw, &["start"])?;
    vm.nargs("sum", args, 1, 2)?;
    let start = args
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(kw, "start"))
        .unwrap_or(Value::small(0));
    if let Some(s) = vm.as_str(start) {
        let _ = s;
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(args[0])?;
    vm.incref(start);
    let mut acc = start;
    // Exact float summation as CPython's fast path does.
    let res = loop {
        match vm.next(it) {
            Ok(Some(x)) => {
                let r = vm.binary_op(acc, x, crate::code::BinOp::Add, false);
                vm.decref(x);
                vm.decref(acc);
                match r {
                    Ok(v) => acc = v,
                    Err(e) => {
                        acc = Value::None;
                        break Err(e);
                    }
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.decref(it);
    match res {
        Ok(()) => Ok(acc),
        Err(e) => {
            vm.decref(acc);
            Err(e)
        }
    }
}

/// `sorted(iterable, key=None, reverse=False)`.
fn sorted(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("sort", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.collect_iter(args[0])?;
    let n = items.len();
    let mut l = ListObj::default();
    // PySequence_List: an exact copy for lists/tuples, length-hint growth otherwise.
    let exact = matches!(args[0], Value::Obj(r) if matches!(vm.heap.kind(r), Kind::List(_) | Kind::Tuple(_)));
    if exact {
        l.preallocate_exact(n);
    } else {
        let hint = n;
        l.resize(hint);
    }
    l.items = items;
    let list = vm.new_list_obj(l);
    let key = vm.kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match vm.kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    if let Err(e) = vm.list_sort(list.as_obj().unwrap_or(ObjRef(0)), key, reverse) {
        vm.decref(list);
        return Err(e);
    }
    Ok(list)
}

fn round(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let v = args.first().copied().or_else(|| vm.kwarg(kw, "number"));
    let nd = args.get(1).copied().or_else(|| vm.kwarg(kw, "ndigits"));
    let Some(v) = v else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let ty = vm.type_of(v);
    if vm.type_is_heap(ty) {
        if let Some(f) = vm.lookup_type_str(ty, "__round__") {
            if !vm.is_native_slot(f, "__round__") {
                let r = match nd {
                    Some(n) => vm.call(f, &[v, n], &[]),
                    None => vm.call(f, &[v], &[]),
                };
                vm.decref(f);
                return r;
            }
            vm.decref(f);
        }
    }
    use crate::interp::number::Num;
    let nd = match nd {
        None | Some(Value::None) => None,
        Some(x) => Some(vm.index_arg(x)?),
    };
    match vm.num_of(v) {
        Some(Num::I(i)) => match nd {
            None => Ok(vm.int(i)),
            Some(d) if d >= 0 => Ok(vm.int(i)),
            Some(d) => {
                let p = 10i128.pow((-d).min(30) as u32);
                let i = i as i128;
                let q = i.div_euclid(p);
                let r = i.rem_euclid(p);
                let half = p / 2;
                let q = if r > half || (r == half && q % 2 != 0) {
                    q + 1
                } else {
                    q
                };
                Ok(vm.int((q * p) as i64))
            }
        },
        Some(Num::B(b)) => Ok(vm.new_bigint(b)),
        Some(Num::F(f)) => match nd {
            None => {
                if !f.is_finite() {
                    return Err(if f.is_nan() {
                        vm.value_error("cannot convert float NaN to integer")
                    } else {
                        vm.overflow_error("cannot convert float infinity to integer")
                    });
                }
                let r = round_half_even(f);
                match num_traits::FromPrimitive::from_f64(r) {
                    Some(b) => Ok(vm.new_bigint(b)),
                    None => Ok(vm.int(0)),
                }
            }
            Some(d) => Ok(vm.float(round_float(f, d))),
        },
        _ => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// Round half to even.
pub fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

/// `round(x, n)` for floats: correctly rounded through the shortest repr, as CPython's
/// `double_round` (which rounds the exact decimal value).
pub fn round_float(f: f64, nd: i64) -> f64 {
    if !f.is_finite() || nd > 323 {
        return f;
    }
    if nd < -308 {
        return 0.0f64.copysign(f);
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, f);
        return s.parse().unwrap_or(f);
    }
    let p = 10f64.powi((-nd) as i32);
    let y = f / p;
    round_half_even(y) * p
}

fn input(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str(*p)?;
        vm.write_stdout(&s);
    }
    Err(vm.exc(t::EOF_ERROR, "EOF when reading a line"))
}

fn vars(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("vars", args, 0, 1)?;
    let Some(v) = args.first() else {
        return Err(Throw::Unsupported("vars() without arguments".into(), None));
    };
    let n = vm.intern("__dict__");
    match vm.getattr_opt(*v, n) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        Err(e) if vm.throw_is(&e, t::ATTRIBUTE_ERROR) => {
            vm.discard(e);
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn dir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("dir", args, 0, 1)?;
    let Some(v) = args.first() else {
        return Err(Throw::Unsupported("dir() without arguments".into(), None));
    };
    let names = vm.dir_names(*v)?;
    let vals: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

impl Vm {
    /// `dir(v)`: sorted attribute names.
    pub fn dir_names(&mut self, v: Value) -> PResult<Vec<String>> {
        let ty = self.type_of(v);
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__dir__") {
                if !self.is_native_slot(f, "__dir__") {
                    let r = self.call(f, &[v], &[]);
                    self.decref(f);
                    let r = r?;
                    let items = self.collect_iter(r);
                    self.decref(r);
                    let items = items?;
                    let mut names: Vec<String> = items
                        .iter()
                        .filter_map(|x| self.as_str(*x).map(|s| s.to_string()))
                        .collect();
                    self.decref_all(items);
                    names.sort();
                    return Ok(names);
                }
                self.decref(f);
            }
        }
        let mut names: Vec<String> = Vec::new();
        let add_type = |vm: &mut Vm, t_: ObjRef, names: &mut Vec<String>| {
            let mro = match vm.heap.kind(t_) {
                Kind::Type(tt) => tt.mro.clone(),
                _ => Vec::new(),
            };
            for m in mro {
                if let Kind::Type(tt) = vm.heap.kind(m) {
                    for (k, _) in vm.dict_items(tt.dict) {
                        if let Some(s) = vm.as_str(k) {
                            names.push(s.to_string());
                        }
                    }
                }
            }
        };
        match v {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Module(_)) => {
                let d = self.module_dict(r);
                for (k, _) in self.dict_items(d) {
                    if let Some(s) = self.as_str(k) {
                        names.push(s.to_string());
                    }
                }
            }
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Type(_)) => {
                add_type(self, r, &mut names);
                names.extend(self.getset_names(r).iter().map(|n| n.to_string()));
            }
            _ => {
                if let Value::Obj(r) = v {
                    names.extend(self.inst_attr_names(r));
                    if let Kind::Function(f) = self.heap.kind(r) {
                        if let Value::Obj(d) = f.dict {
                            for (k, _) in self.dict_items(d) {
                                if let Some(s) = self.as_str(k) {
                                    names.push(s.to_string());
                                }
                            }
                        }
                    }
                }
                add_type(self, ty, &mut names);
                names.extend(self.getset_names(ty).iter().map(|n| n.to_string()));
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }
}

impl Vm {
    /// The computed attributes (`builtins::getset`) `dir` lists for instances of `ty`
    /// and for `ty` itself.
    fn getset_names(&self, ty: ObjRef) -> &'static [&'static str] {
        if self.is_subtype(ty, t::INT) {
            &["__class__", "denominator", "imag", "numerator", "real"]
        } else if self.is_subtype(ty, t::FLOAT) || self.is_subtype(ty, t::COMPLEX) {
            &["__class__", "imag", "real"]
        } else {
            &["__class__"]
        }
    }
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    match vm.main_module {
        Some(m) => {
            let d = vm.module_dict(m);
            vm.incref_obj(d);
            Ok(Value::Obj(d))
        }
        None => Ok(Value::None),
    }
}

fn build_class(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.build_class(args, kw)
}

fn import(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let name = args
        .first()
        .copied()
        .or_else(|| vm.kwarg(kw, "name"))
        .unwrap_or(Value::None);
    let Some(n) = vm.as_str(name).map(|s| s.to_string()) else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let fromlist = args.get(3).copied().unwrap_or(Value::None);
    let builtins = vm.builtins;
    vm.import_module(&n, fromlist, 0, builtins)
}

fn open(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Err(Throw::Unsupported(
        "open() (snippets have no file system)".into(),
        None,
    ))
}

/// The source, globals and locals of `exec` / `eval` (without a globals argument, the
/// `__main__` namespace; the eval loop passes the calling frame's namespaces).
/// What `exec` / `eval` run: source text, or a code object from `compile()`.
enum Program {
    Source(String),
    Code(ObjRef),
}

fn exec_args(vm: &mut Vm, args: &[Value], name: &str) -> PResult<(Program, ObjRef, Value)> {
    vm.nargs(name, args, 1, 3)?;
    let src = match args[0] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Code(_)) => Program::Code(r),
        v => match vm.as_str(v) {
            Some(s) => Program::Source(s.to_string()),
            None => {
                let what = if name == "eval" {
                    "eval() arg 1 must be a string, bytes or code object"
                } else {
                    "exec() arg 1 must be a string, bytes or code object"
                };
                return Err(vm.type_error(what));
            }
        },
    };
    let globals = match args.get(1) {
        Some(Value::Obj(d)) if matches!(vm.heap.kind(*d), Kind::Dict(_)) => *d,
        Some(v) if !v.is_none() => {
            let tn = vm.type_name_of(*v);
            return Err(vm.type_error(format!("{name}() globals must be a dict, not {tn}")));
        }
        _ => match vm.main_module {
            Some(m) => vm.module_dict(m),
            None => {
                return Err(Throw::Unsupported(
                    format!("{name}() outside a module"),
                    None,
                ))
            }
        },
    };
    let locals = match args.get(2) {
        Some(v) if !v.is_none() => *v,
        _ => Value::Obj(globals),
    };
    if vm.dict_get_str(globals, "__builtins__").is_none() {
        let b = vm.builtins;
        vm.dict_set_str(globals, "__builtins__", Value::Obj(b));
    }
    Ok((src, globals, locals))
}

/// The code object to run (a new reference), compiling source text with `compile`.
fn program_code(
    vm: &mut Vm,
    program: Program,
    compile: fn(
        &str,
        &str,
    ) -> Result<std::sync::Arc<crate::code::CodeUnit>, crate::compile::CompileError>,
) -> PResult<ObjRef> {
    match program {
        Program::Code(r) => {
            vm.incref_obj(r);
            Ok(r)
        }
        Program::Source(src) => {
            let unit = compile(&src, "<string>").map_err(|e| vm.syntax_error(&e))?;
            vm.sources.insert("<string>".into(), src.as_str().into());
            Ok(vm.load_code(&unit))
        }
    }
}

fn exec(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let (program, globals, locals) = exec_args(vm, args, "exec")?;
    let code = program_code(vm, program, crate::compile::compile_module)?;
    let r = vm.run_code_in(code, globals, locals)?;
    vm.decref(r);
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let (program, globals, locals) = exec_args(vm, args, "eval")?;
    let program = match program {
        Program::Source(src) => Program::Source(src.trim_start_matches([' ', '\t']).to_string()),
        code => code,
    };
    let code = program_code(vm, program, crate::compile::compile_eval)?;
    vm.run_code_in(code, globals, locals)
}

/// `compile(source, filename, mode)`: a code object for `exec` / `eval`.
fn compile_fn(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs(
        "compile",
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
    )?;
    let arg = |i: usize, name: &str| args.get(i).copied().or_else(|| vm.kwarg(kw, name));
    let (Some(source), Some(filename), Some(mode)) =
        (arg(0, "source"), arg(1, "filename"), arg(2, "mode"))
    else {
        return Err(vm.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let Some(src) = vm.as_str(source).map(str::to_string).or_else(|| {
        vm.bytes_like(source)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }) else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let Some(file) = vm.as_str(filename).map(str::to_string) else {
        let tn = vm.type_name_of(filename);
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, not {tn}"
        )));
    };
    let unit = match vm.as_str(mode) {
        Some("exec") => crate::compile::compile_module(&src, &file),
        Some("eval") => crate::compile::compile_eval(src.trim_start_matches([' ', '\t']), &file),
        Some("single") => crate::compile::compile_single(&src, &file),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
    .map_err(|e| vm.syntax_error_in(&e, &file))?;
    vm.sources.insert(file.as_str().into(), src.as_str().into());
    Ok(Value::Obj(vm.load_code(&unit)))
}

fn format_fn(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match vm.as_str(*s) {
            Some(x) => x.to_string(),
            None => {
                let tn = vm.type_name_of(*s);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
            }
        },
        None => String::new(),
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_string(s))
}

fn locals(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    globals(vm, args, kw)
}

fn breakpoint(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    Ok(Value::None)
}

pub fn install(vm: &mut Vm, d: ObjRef) {
    let fns: &[(&'static str, crate::objects::function::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("id", id),
        ("hash", hash),
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("divmod", divmod),
        ("pow", pow),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter_fn),
        ("next", next_fn),
        ("max", max),
        ("min", min),
        ("sum", sum),
        ("sorted", sorted),
        ("round", round),
        ("input", input),
        ("vars", vars),
        ("dir", dir),
        ("compile", compile_fn),
        ("globals", globals),
        ("locals", locals),
        ("__build_class__", build_class),
        ("__import__", import),
        ("open", open),
        ("exec", exec),
        ("eval", eval),
        ("format", format_fn),
        ("breakpoint", breakpoint),
    ];
    for (name, f) in fns {
        vm.add_fn(d, name, *f);
    }
}
