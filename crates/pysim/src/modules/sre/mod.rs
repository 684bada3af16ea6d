//! `_sre`: the regular-expression engine under `re` (`py/re.py` builds `Pattern`,
//! `Match` and the module functions on it). `parse.rs` reads patterns as
//! `sre_parse` does, `exec.rs` compiles and matches them, `chars.rs` holds the
//! character classes.
//!
//! - `compile(pattern, flags)` → `(program, flags, groups, groupindex)`, raising
//!   `re.error` with `sre_parse`'s messages and positions;
//! - `match(program, string, pos, endpos, mode)` (0 match, 1 fullmatch, 2 search) →
//!   `None` or `(lastindex, start0, end0, start1, end1, ...)`;
//! - `scan(program, string, pos, endpos, limit)` → the list of such tuples for the
//!   successive non-overlapping matches `findall`, `finditer`, `sub` and `split` see.

mod chars;
mod exec;
mod parse;

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::{Kind, NativeObj};
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use exec::{MatchResult, Matcher, Program};
use parse::ErrKind;

/// A compiled pattern on the heap.
#[derive(Debug)]
struct SreProgram {
    prog: Program,
    /// A str pattern (else bytes).
    text: bool,
}

impl NativeObj for SreProgram {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Matcher instructions per interpreter step, for the step limit.
const INSTRUCTIONS_PER_STEP: u64 = 64;

fn raise_re_error(vm: &mut Vm, msg: &str, pattern: Value, pos: Option<usize>) -> Throw {
    let m = vm.new_str(msg);
    let p = match pos {
        Some(p) => vm.int(p as i64),
        None => Value::None,
    };
    let e = vm.module_exception("re", "error", &[m, pattern, p]);
    vm.decref(m);
    e
}

/// The code points of a str or bytes-like value, and whether it is a str.
fn units(vm: &Vm, v: Value) -> Option<(Vec<u32>, bool)> {
    if let Some(s) = vm.as_str(v) {
        return Some((s.chars().map(|c| c as u32).collect(), true));
    }
    vm.bytes_like(v)
        .map(|b| (b.into_iter().map(u32::from).collect(), false))
}

fn compile(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("compile", args, 2, 2)?;
    let pattern = args[0];
    let Some((pat, text)) = units(vm, pattern) else {
        return Err(vm.type_error("first argument must be string or compiled pattern"));
    };
    let flags = vm.index_arg(args[1])? as u32;
    let parsed = match parse::parse(&pat, text, flags) {
        Ok(p) => p,
        Err(e) => {
            return Err(match e.kind {
                ErrKind::Re => raise_re_error(vm, &e.msg, pattern, e.pos),
                ErrKind::Overflow => vm.overflow_error(e.msg),
                ErrKind::Unsupported => Throw::Unsupported(e.msg, None),
            })
        }
    };
    let flags = match parse::fix_flags(text, parsed.flags) {
        Ok(f) => f,
        Err(msg) => return Err(vm.value_error(msg)),
    };
    let prog = match Program::compile(&parsed.root, parsed.groups) {
        Ok(p) => p,
        Err(exec::CompileError(msg)) => {
            return Err(raise_re_error(vm, &msg, Value::None, None));
        }
    };
    let ty = vm.new_native_type("SRE_Program", "_sre");
    let obj = vm.alloc(ty, Kind::Native(Box::new(SreProgram { prog, text })));
    let index = vm.new_dict();
    for (name, g) in &parsed.names {
        let k = vm.new_str(name);
        let v = vm.int(*g as i64);
        let r = vm.dict_set(index, k, v);
        vm.decref(k);
        r?;
    }
    let fl = vm.int(flags as i64);
    let groups = vm.int(parsed.groups as i64 - 1);
    Ok(vm.new_tuple(vec![Value::Obj(obj), fl, groups, Value::Obj(index)]))
}

/// The program, subject and bounds of a `match` / `scan` call.
struct Call {
    prog: ObjRef,
    text: Vec<u32>,
    pos: usize,
    end: usize,
}

fn call_args(vm: &mut Vm, args: &[Value], fname: &str) -> PResult<Call> {
    vm.nargs(fname, args, 5, 5)?;
    let Value::Obj(prog) = args[0] else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    let pat_text = match vm.heap.kind(prog) {
        Kind::Native(n) => match n.as_any().downcast_ref::<SreProgram>() {
            Some(p) => p.text,
            None => return Err(vm.type_error("expected a compiled pattern")),
        },
        _ => return Err(vm.type_error("expected a compiled pattern")),
    };
    let Some((text, is_str)) = units(vm, args[1]) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")));
    };
    if pat_text && !is_str {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !pat_text && is_str {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    let len = text.len() as i64;
    let pos = vm.index_arg(args[2])?.clamp(0, len) as usize;
    let end = vm.index_arg(args[3])?.clamp(0, len) as usize;
    Ok(Call {
        prog,
        text,
        pos,
        end,
    })
}

fn result_tuple(vm: &mut Vm, m: &MatchResult) -> Value {
    let mut items = Vec::with_capacity(1 + 2 * m.spans.len());
    items.push(if m.lastindex >= 0 {
        vm.int(m.lastindex as i64)
    } else {
        Value::None
    });
    for &(s, e) in &m.spans {
        items.push(vm.int(s as i64));
        items.push(vm.int(e as i64));
    }
    vm.new_tuple(items)
}

/// Runs `f` with a matcher over the call's subject, charging the step budget.
fn with_matcher<R>(
    vm: &mut Vm,
    c: &Call,
    f: impl FnOnce(&mut Matcher) -> Result<R, exec::OutOfSteps>,
) -> PResult<R> {
    let left = vm.limits.max_steps.saturating_sub(vm.steps);
    let budget = left.saturating_mul(INSTRUCTIONS_PER_STEP);
    let Kind::Native(n) = vm.heap.kind(c.prog) else {
        return Err(Throw::Unsupported("regex program".into(), None));
    };
    let Some(p) = n.as_any().downcast_ref::<SreProgram>() else {
        return Err(Throw::Unsupported("regex program".into(), None));
    };
    let mut m = Matcher::new(&p.prog, &c.text, c.end, budget);
    let r = f(&mut m);
    let used = m.steps / INSTRUCTIONS_PER_STEP;
    vm.steps += used;
    r.map_err(|_| Throw::Limit(format!("step limit of {} steps", vm.limits.max_steps)))
}

fn sre_match(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = call_args(vm, args, "match")?;
    let mode = vm.index_arg(args[4])?;
    if c.end < c.pos {
        return Ok(Value::None);
    }
    let pos = c.pos;
    let r = with_matcher(vm, &c, |m| match mode {
        2 => m.search(pos, false),
        _ => m.match_at(pos, mode == 1),
    })?;
    Ok(match r {
        Some(m) => result_tuple(vm, &m),
        None => Value::None,
    })
}

fn scan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = call_args(vm, args, "scan")?;
    let limit = vm.index_arg(args[4])?;
    if c.end < c.pos {
        return Ok(vm.new_list(Vec::new()));
    }
    let (pos, end) = (c.pos, c.end);
    let found = with_matcher(vm, &c, |m| {
        let mut out = Vec::new();
        let mut start = pos;
        let mut must_advance = false;
        while start <= end && (limit <= 0 || (out.len() as i64) < limit) {
            let Some(r) = m.search(start, must_advance)? else {
                break;
            };
            let (s, e) = r.spans[0];
            must_advance = s == e;
            start = e as usize;
            out.push(r);
        }
        Ok(out)
    })?;
    let items: Vec<Value> = found.iter().map(|m| result_tuple(vm, m)).collect();
    Ok(vm.new_list(items))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.new_native_type("SRE_Program", "_sre");
    vm.add_fn(d, "compile", compile);
    vm.add_fn(d, "match", sre_match);
    vm.add_fn(d, "scan", scan);
    let m = vm.int(parse::MAXREPEAT as i64);
    vm.dict_set_str(d, "MAXREPEAT", m);
    Ok(())
}
