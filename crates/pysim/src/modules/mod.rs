//! Standard-library modules and the import machinery.
//!
//! Each module is a [`ModuleDef`] in [`registry`]: an optional Rust `init` that adds
//! native members to the module dict, and an optional Python source (under `py/`) run
//! in the module's namespace afterwards. To add a module, write `modules/<name>.rs`
//! and/or `modules/py/<name>.py` and add one line to the registry; nothing else needs
//! to know about it. Stdlib modules that are not modelled fail with `unsupported`;
//! unknown modules raise `ModuleNotFoundError` as CPython does.

pub mod ast;
pub mod atexit;
pub mod binascii;
pub mod gc;
pub mod hashlib;
pub mod math;
pub mod random;
pub mod simulator;
pub mod sre;
pub mod stdlib_names;
pub mod structmod;
pub mod sys;
pub mod traceback;
pub mod tracemalloc;
pub mod unicodedata;
pub mod weakref;
pub mod zlib;

use crate::interp::{ModuleDef, Vm};
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

/// A module written in Rust.
const fn native(name: &'static str, init: fn(&mut Vm, ObjRef) -> PResult<()>) -> ModuleDef {
    ModuleDef {
        name,
        init: Some(init),
        source: None,
    }
}

/// A module written in Python (its source under `py/`).
const fn python(name: &'static str, source: &'static str) -> ModuleDef {
    ModuleDef {
        name,
        init: None,
        source: Some(source),
    }
}

/// Every module the interpreter can import.
pub fn registry() -> Vec<ModuleDef> {
    vec![
        ModuleDef {
            name: "sys",
            init: Some(sys::init),
            source: Some(include_str!("py/sys.py")),
        },
        native("gc", gc::init),
        native("atexit", atexit::init),
        native("_weakref", weakref::init),
        native("_tracemalloc", tracemalloc::init),
        native("math", math::init),
        native("_sre", sre::init),
        python("re", include_str!("py/re.py")),
        python("__future__", include_str!("py/__future__.py")),
        python("_weakrefset", include_str!("py/_weakrefset.py")),
        python("weakref", include_str!("py/weakref.py")),
        python("tracemalloc", include_str!("py/tracemalloc.py")),
        python("abc", include_str!("py/abc.py")),
        python("_collections_abc", include_str!("py/_collections_abc.py")),
        python("collections", include_str!("py/collections.py")),
        python("collections.abc", include_str!("py/collections_abc.py")),
        python("keyword", include_str!("py/keyword.py")),
        python("operator", include_str!("py/operator.py")),
        python("functools", include_str!("py/functools.py")),
        python("itertools", include_str!("py/itertools.py")),
        python("copy", include_str!("py/copy.py")),
        python("types", include_str!("py/types.py")),
        python("heapq", include_str!("py/heapq.py")),
        python("bisect", include_str!("py/bisect.py")),
        python("contextlib", include_str!("py/contextlib.py")),
        python("dataclasses", include_str!("py/dataclasses.py")),
        python("enum", include_str!("py/enum.py")),
        python("typing", include_str!("py/typing.py")),
        python("json", include_str!("py/json.py")),
        python("json.decoder", include_str!("py/json_decoder.py")),
        python("json.encoder", include_str!("py/json_encoder.py")),
        native("_simulator", simulator::init),
        native("hashlib", hashlib::init),
        native("_random", random::init),
        python("random", include_str!("py/random.py")),
        native("_struct", structmod::init),
        python("struct", include_str!("py/struct.py")),
        ModuleDef {
            name: "binascii",
            init: Some(binascii::init),
            source: Some(include_str!("py/binascii.py")),
        },
        python("base64", include_str!("py/base64.py")),
        python("string", include_str!("py/string.py")),
        python("textwrap", include_str!("py/textwrap.py")),
        python("time", include_str!("py/time.py")),
        python("datetime", include_str!("py/datetime.py")),
        python("fractions", include_str!("py/fractions.py")),
        python("calendar", include_str!("py/calendar.py")),
        python("statistics", include_str!("py/statistics.py")),
        python("io", include_str!("py/io.py")),
        python("queue", include_str!("py/queue.py")),
        python("asyncio", include_str!("py/asyncio.py")),
        python("decimal", include_str!("py/decimal.py")),
        python("pathlib", include_str!("py/pathlib.py")),
        python("uuid", include_str!("py/uuid.py")),
        ModuleDef {
            name: "zlib",
            init: Some(zlib::init),
            source: Some(include_str!("py/zlib.py")),
        },
        python("gzip", include_str!("py/gzip.py")),
        python("array", include_str!("py/array.py")),
        python("copyreg", include_str!("py/copyreg.py")),
        python("difflib", include_str!("py/difflib.py")),
        python("numbers", include_str!("py/numbers.py")),
        native("unicodedata", unicodedata::init),
        python("pprint", include_str!("py/pprint.py")),
        python("graphlib", include_str!("py/graphlib.py")),
        ModuleDef {
            name: "ast",
            init: Some(ast::init),
            source: Some(include_str!("py/ast.py")),
        },
        ModuleDef {
            name: "traceback",
            init: Some(traceback::init),
            source: Some(include_str!("py/traceback.py")),
        },
    ]
}

impl Vm {
    /// `IMPORT_NAME`: the top package (or the module itself when there is a fromlist).
    pub fn import_module(
        &mut self,
        name: &str,
        fromlist: Value,
        level: i64,
        _globals: ObjRef,
    ) -> PResult<Value> {
        if level > 0 {
            return Err(self.exc(
                t::IMPORT_ERROR,
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = name.split('.').collect();
        let mut top = None;
        let mut last = None;
        for i in 0..parts.len() {
            let full = parts[..=i].join(".");
            let m = self.load_module(&full)?;
            if i == 0 {
                top = Some(m);
            }
            if i > 0 {
                // Bind the submodule as an attribute of its parent.
                if let Some(parent) = last {
                    let pd = self.module_dict(parent);
                    self.dict_set_str(pd, parts[i], Value::Obj(m));
                }
            }
            last = Some(m);
        }
        let has_fromlist =
            !fromlist.is_none() && !fromlist.is_null() && self.tuple_len(fromlist) > 0;
        let r = if has_fromlist { last } else { top };
        let r = r.ok_or_else(|| self.exc(t::IMPORT_ERROR, "empty module name"))?;
        self.incref_obj(r);
        Ok(Value::Obj(r))
    }

    /// The module object for `name` (loading it once).
    pub fn load_module(&mut self, name: &str) -> PResult<ObjRef> {
        let modules = self.modules;
        if let Some(Value::Obj(m)) = self.dict_get_str(modules, name) {
            return Ok(m);
        }
        let def = self.registry.iter().find(|d| d.name == name).copied();
        let Some(def) = def else {
            let top = name.split('.').next().unwrap_or(name);
            if stdlib_names::is_stdlib(top) {
                return Err(Throw::Unsupported(format!("module '{name}'"), None));
            }
            let msg = self.new_string(format!("No module named '{name}'"));
            let e = self.new_exception(t::MODULE_NOT_FOUND_ERROR, vec![msg]);
            let n = self.new_str(name);
            self.set_exc_field(e, "name", n);
            return Err(Throw::Exc(e));
        };
        let was_internal = std::mem::replace(&mut self.heap.internal, true);
        let r = self.init_module(name, def);
        self.heap.internal = was_internal;
        r
    }

    /// Creates, registers and runs module `name` (allocating internals).
    fn init_module(&mut self, name: &str, def: ModuleDef) -> PResult<ObjRef> {
        let modules = self.modules;
        let m = self.new_module(name);
        self.dict_set_str(modules, name, Value::Obj(m));
        self.decref_obj(m);
        let d = self.module_dict(m);
        let builtins = self.builtins;
        self.dict_set_str(d, "__builtins__", Value::Obj(builtins));
        if let Some(init) = def.init {
            if let Err(e) = init(self, d) {
                self.forget_module(name);
                return Err(e);
            }
        }
        if let Some(src) = def.source {
            if let Err(e) = self.run_frozen(name, src, d) {
                self.forget_module(name);
                return Err(e);
            }
        }
        Ok(m)
    }

    /// Runs a Python-source stdlib module in `globals`. Its compiled code is kept for
    /// the whole process, so the interpreters of one build compile each module once.
    fn run_frozen(&mut self, name: &str, src: &'static str, globals: ObjRef) -> PResult<Value> {
        type Units = std::sync::Mutex<
            std::collections::HashMap<usize, std::sync::Arc<crate::code::CodeUnit>>,
        >;
        static UNITS: std::sync::OnceLock<Units> = std::sync::OnceLock::new();
        let units = UNITS.get_or_init(Default::default);
        let file = format!("<frozen {name}>");
        let key = src.as_ptr() as usize;
        let cached = units.lock().ok().and_then(|u| u.get(&key).cloned());
        let unit = match cached {
            Some(u) => u,
            None => match crate::compile::compile_module(src, &file) {
                Ok(u) => {
                    if let Ok(mut c) = units.lock() {
                        c.insert(key, u.clone());
                    }
                    u
                }
                Err(e) => return Err(self.exc(t::SYNTAX_ERROR, e.message)),
            },
        };
        self.sources.insert(file.into(), src.into());
        let code = self.load_code(&unit);
        self.run_module_code(code, globals)
    }

    fn forget_module(&mut self, name: &str) {
        let modules = self.modules;
        let k = self.new_str(name);
        if let Ok(Some((a, b))) = self.dict_remove(modules, k) {
            self.decref(a);
            self.decref(b);
        }
        self.decref(k);
    }

    /// An instance of exception class `module.class` (defined by the module's Python
    /// source) with `args`, to raise from the module's native functions; a
    /// `ValueError` if the class is missing.
    pub fn module_exception(&mut self, module: &str, class: &str, args: &[Value]) -> Throw {
        let m = self.dict_get_str(self.modules, module);
        let cls = m.and_then(|m| self.getattr_str(m, class).ok());
        let Some(cls) = cls else {
            return self.value_error(format!("{module}.{class}"));
        };
        let r = self.call(cls, args, &[]);
        self.decref(cls);
        match r {
            Ok(Value::Obj(e)) => Throw::Exc(e),
            Ok(other) => {
                self.decref(other);
                self.value_error(format!("{module}.{class}"))
            }
            Err(e) => e,
        }
    }

    /// `module.class(msg)` (see [`Vm::module_exception`]).
    pub fn module_error(&mut self, module: &str, class: &str, msg: &str) -> Throw {
        let m = self.new_str(msg);
        let e = self.module_exception(module, class, &[m]);
        self.decref(m);
        e
    }

    /// `IMPORT_FROM`.
    pub fn import_from(&mut self, module: Value, name: ObjRef) -> PResult<Value> {
        match self.getattr_opt(module, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) if self.throw_is(&e, t::ATTRIBUTE_ERROR) => self.discard(e),
            Err(e) => return Err(e),
        }
        let mname = match module {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Module(m) => m.name.clone(),
                _ => "?".into(),
            },
            _ => "?".into(),
        };
        let n = self.str_of(name).to_string();
        let full = format!("{mname}.{n}");
        if self.registry.iter().any(|d| d.name == full) {
            let m = self.load_module(&full)?;
            self.incref_obj(m);
            return Ok(Value::Obj(m));
        }
        let msg = self.new_string(format!(
            "cannot import name '{n}' from '{mname}' (unknown location)"
        ));
        let e = self.new_exception(t::IMPORT_ERROR, vec![msg]);
        let mn = self.new_str(&mname);
        self.set_exc_field(e, "name", mn);
        Err(Throw::Exc(e))
    }

    /// `from m import *`.
    pub fn import_star(&mut self, module: Value, f: &crate::interp::frame::Frame) -> PResult<()> {
        let Value::Obj(m) = module else { return Ok(()) };
        let d = self.module_dict(m);
        let all = self.dict_get_str(d, "__all__");
        let names: Vec<Value> = match all {
            Some(a) => {
                self.incref(a);
                let items = self.collect_iter(a);
                self.decref(a);
                items?
            }
            None => {
                let mut v = Vec::new();
                for (k, _) in self.dict_items(d) {
                    if self.as_str(k).is_some_and(|s| !s.starts_with('_')) {
                        self.incref(k);
                        v.push(k);
                    }
                }
                v
            }
        };
        let target = match f.locals {
            Value::Obj(l) => l,
            _ => f.globals,
        };
        for k in &names {
            let v = self.getattr(module, k.as_obj().unwrap_or(m));
            match v {
                Ok(v) => {
                    let r = self.dict_set(target, *k, v);
                    self.decref(v);
                    r?;
                }
                Err(e) => {
                    self.decref_all(names);
                    return Err(e);
                }
            }
        }
        self.decref_all(names);
        Ok(())
    }
}
