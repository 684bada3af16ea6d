//! Code objects on the heap: a compiled [`CodeUnit`] with its constants materialised as
//! Python values (equal constants of one module share one object, as CPython merges
//! them) and its names interned.

use crate::code::CodeUnit;
use crate::value::{ObjRef, Value};
use std::rc::Rc;
use std::sync::Arc;

#[derive(Debug)]
pub struct Code {
    pub unit: Arc<CodeUnit>,
    /// Owned references (the code object keeps its constants alive).
    pub consts: Vec<Value>,
    /// Interned names with their hashes.
    pub names: Vec<(ObjRef, i64)>,
    pub varnames: Vec<ObjRef>,
    pub nlocals: usize,
    pub name: ObjRef,
    pub qualname: ObjRef,
    /// Code of the snippet (not of a standard-library module): traced.
    pub user: bool,
}

impl Code {
    pub fn is_generator(&self) -> bool {
        self.unit.is_generator()
    }
}

use super::frame::Frame;
use super::Vm;
use crate::code::Const;
use crate::objects::Kind;
use crate::types as t;
use std::collections::HashMap;

impl Vm {
    /// Puts a compiled module (and its nested code units) on the heap; equal constants
    /// of the module share one object. Returns the module's code object (owned).
    pub fn load_code(&mut self, unit: &Arc<CodeUnit>) -> ObjRef {
        let mut cache: HashMap<String, Value> = HashMap::new();
        let r = self.load_unit(unit, &mut cache);
        for (_, v) in cache {
            self.decref(v);
        }
        r
    }

    fn load_unit(&mut self, unit: &Arc<CodeUnit>, cache: &mut HashMap<String, Value>) -> ObjRef {
        let consts: Vec<Value> = unit
            .consts
            .iter()
            .map(|c| self.materialize(c, cache))
            .collect();
        let names = unit
            .names
            .iter()
            .map(|n| {
                let r = self.intern(n);
                (r, self.str_hash_of(r))
            })
            .collect();
        let varnames = unit.varnames.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&unit.name);
        let qualname = self.intern(&unit.qualname);
        let code = Code {
            unit: unit.clone(),
            consts,
            names,
            varnames,
            nlocals: unit.varnames.len(),
            name,
            qualname,
            user: !unit.filename.starts_with("<frozen "),
        };
        self.alloc(t::CODE, Kind::Code(Rc::new(code)))
    }

    /// A constant as a value (owned), shared with equal constants through `cache`.
    fn materialize(&mut self, c: &Const, cache: &mut HashMap<String, Value>) -> Value {
        match c {
            Const::None => return Value::None,
            Const::Bool(b) => return Value::Bool(*b),
            Const::Int(i) if crate::value::is_small_int(*i) => return Value::Int(*i, 0),
            Const::Ellipsis => {
                self.incref_obj(self.ellipsis);
                return Value::Obj(self.ellipsis);
            }
            Const::Code(u) => {
                let r = self.load_unit(u, cache);
                return Value::Obj(r);
            }
            _ => {}
        }
        let key = c.key();
        if let Some(v) = cache.get(&key) {
            let v = *v;
            self.incref(v);
            return v;
        }
        let v = match c {
            Const::Int(i) => self.int(*i),
            Const::BigInt(b) => self.new_bigint(b.clone()),
            Const::Float(f) => self.float(*f),
            Const::Complex(a, b) => self.new_complex(*a, *b),
            Const::Str(s) => {
                if crate::objects::str::is_identifier_like(s) || s.chars().count() <= 1 {
                    self.intern_value(s)
                } else {
                    self.new_str(s)
                }
            }
            Const::Bytes(b) => self.new_bytes(b.to_vec()),
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|x| self.materialize(x, cache)).collect();
                self.new_tuple(vals)
            }
            Const::FrozenSet(items) => {
                let vals: Vec<Value> = items.iter().map(|x| self.materialize(x, cache)).collect();
                let s = self.new_set(t::FROZENSET);
                for v in &vals {
                    let _ = self.set_add(s, *v);
                }
                self.decref_all(vals);
                Value::Obj(s)
            }
            _ => Value::None,
        };
        self.incref(v);
        cache.insert(key, v);
        v
    }

    /// Runs module-level code with `globals` as its namespace.
    pub fn run_module_code(&mut self, code_obj: ObjRef, globals: ObjRef) -> crate::PResult<Value> {
        self.run_code_in(code_obj, globals, Value::Obj(globals))
    }

    /// Runs module-level code with separate globals and locals (`exec`, `eval`).
    pub fn run_code_in(
        &mut self,
        code_obj: ObjRef,
        globals: ObjRef,
        locals: Value,
    ) -> crate::PResult<Value> {
        let code = match self.heap.kind(code_obj) {
            Kind::Code(c) => c.clone(),
            _ => return Ok(Value::None),
        };
        self.incref(locals);
        let mut frame = Frame {
            code,
            globals,
            builtins: self.builtins,
            locals,
            stack: Vec::with_capacity(16),
            cells: Vec::new(),
            ip: 0,
            lasti: 0,
            kwnames: None,
            func: Value::Obj(code_obj),
            frame_obj: false,
        };
        if self.depth >= self.recursion_limit {
            self.release_frame(frame);
            return Err(self.exc(t::RECURSION_ERROR, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        let r = self.run_frame(&mut frame);
        self.depth -= 1;
        self.release_frame(frame);
        r.map(|e| e.value())
    }
}
