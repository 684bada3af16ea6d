//! `atexit`: `register`, `unregister`, `_run_exitfuncs`, `_clear` and `_ncallbacks`
//! over `Vm::atexit`; interpreter shutdown (`crate::run`) calls the callbacks newest
//! first.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

fn register(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    let Some(&f) = args.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    if !kw.is_empty() {
        return Err(Throw::Unsupported(
            "atexit.register with keyword arguments".into(),
            None,
        ));
    }
    vm.incref(f);
    let rest: Vec<Value> = args[1..].to_vec();
    for a in &rest {
        vm.incref(*a);
    }
    vm.atexit.push((f, rest));
    vm.incref(f);
    Ok(f)
}

fn unregister(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("unregister", args, 1, 1)?;
    let mut i = 0;
    while i < vm.atexit.len() {
        let f = vm.atexit[i].0;
        if vm.eq(f, args[0])? {
            let (f, rest) = vm.atexit.remove(i);
            vm.decref(f);
            vm.decref_all(rest);
        } else {
            i += 1;
        }
    }
    Ok(Value::None)
}

fn run_exitfuncs(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.run_atexit()?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    for (f, rest) in std::mem::take(&mut vm.atexit) {
        vm.decref(f);
        vm.decref_all(rest);
    }
    Ok(Value::None)
}

fn ncallbacks(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PResult<Value> {
    let n = vm.atexit.len();
    Ok(vm.int(n as i64))
}

impl Vm {
    /// Calls the registered exit functions, newest first; an exception is reported
    /// (`Exception ignored in atexit callback`) and the rest still run.
    pub fn run_atexit(&mut self) -> PResult<()> {
        while let Some((f, args)) = self.atexit.pop() {
            match self.call(f, &args, &[]) {
                Ok(v) => self.decref(v),
                Err(Throw::Exc(e)) => {
                    let tb = self.format_exception(e);
                    let what = self.repr(f).unwrap_or_default();
                    self.stderr.push_str(&format!(
                        "Exception ignored in atexit callback: {what}\n{tb}"
                    ));
                    self.decref_obj(e);
                }
                Err(other) => return Err(other),
            }
            self.decref(f);
            self.decref_all(args);
        }
        Ok(())
    }
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "register", register);
    vm.add_fn(d, "unregister", unregister);
    vm.add_fn(d, "_run_exitfuncs", run_exitfuncs);
    vm.add_fn(d, "_clear", clear);
    vm.add_fn(d, "_ncallbacks", ncallbacks);
    Ok(())
}
