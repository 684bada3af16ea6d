//! Standard-library modules and the import machinery.
//!
//! Each module is a [`ModuleDef`] in [`registry`]: an optional Rust `init` that adds
//! native members to the module dict, and an optional Python source (under `py/`) run
//! in the module's namespace afterwards. To add a module, write `modules/<name>.rs`
//! and/or `modules/py/<name>.py` and add one line to the registry; nothing else needs
//! to know about it. Stdlib modules that are not modelled fail with `unsupported`;
//! unknown modules raise `ModuleNotFoundError` as CPython does.

pub mod atexit;
pub mod binascii;
pub mod gc;
pub mod hashlib;
pub mod math;
pub mod random;
pub mod simulator;
pub mod sre;
pub mod structmod;
pub mod sys;
pub mod tracemalloc;
pub mod weakref;

use crate::interp::{ModuleDef, Vm};
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

/// Every module the interpreter can import.
pub fn registry() -> Vec<ModuleDef> {
    vec![
        ModuleDef {
            name: "sys",
            init: Some(sys::init),
            source: None,
        },
        ModuleDef {
            name: "gc",
            init: Some(gc::init),
            source: None,
        },
        ModuleDef {
            name: "__future__",
            init: None,
            source: Some(include_str!("py/__future__.py")),
        },
        ModuleDef {
            name: "atexit",
            init: Some(atexit::init),
            source: None,
        },
        ModuleDef {
            name: "_weakref",
            init: Some(weakref::init),
            source: None,
        },
        ModuleDef {
            name: "_weakrefset",
            init: None,
            source: Some(include_str!("py/_weakrefset.py")),
        },
        ModuleDef {
            name: "weakref",
            init: None,
            source: Some(include_str!("py/weakref.py")),
        },
        ModuleDef {
            name: "math",
            init: Some(math::init),
            source: None,
        },
        ModuleDef {
            name: "_simulator",
            init: Some(simulator::init),
            source: None,
        },
        ModuleDef {
            name: "hashlib",
            init: Some(hashlib::init),
            source: None,
        },
        ModuleDef {
            name: "_random",
            init: Some(random::init),
            source: None,
        },
        ModuleDef {
            name: "random",
            init: None,
            source: Some(include_str!("py/random.py")),
        },
        ModuleDef {
            name: "_struct",
            init: Some(structmod::init),
            source: None,
        },
        ModuleDef {
            name: "struct",
            init: None,
            source: Some(include_str!("py/struct.py")),
        },
        ModuleDef {
            name: "binascii",
            init: Some(binascii::init),
            source: Some(include_str!("py/binascii.py")),
        },
        ModuleDef {
            name: "base64",
            init: None,
            source: Some(include_str!("py/base64.py")),
        },
        ModuleDef {
            name: "_sre",
            init: Some(sre::init),
            source: None,
        },
        ModuleDef {
            name: "re",
            init: None,
            source: Some(include_str!("py/re.py")),
        },
        ModuleDef {
            name: "string",
            init: None,
            source: Some(include_str!("py/string.py")),
        },
        ModuleDef {
            name: "textwrap",
            init: None,
            source: Some(include_str!("py/textwrap.py")),
        },
        ModuleDef {
            name: "_tracemalloc",
            init: Some(tracemalloc::init),
            source: None,
        },
        ModuleDef {
            name: "tracemalloc",
            init: None,
            source: Some(include_str!("py/tracemalloc.py")),
        },
    ]
}

/// Standard-library modules CPython has but the simulator does not model.
const UNMODELLED: &[&str] = &[
    "os",
    "io",
    "socket",
    "subprocess",
    "threading",
    "multiprocessing",
    "asyncio",
    "time",
    "datetime",
    "pathlib",
    "shutil",
    "tempfile",
    "urllib",
    "http",
    "json.tool",
    "sqlite3",
    "pickle",
    "logging",
    "argparse",
    "unittest",
    "ctypes",
    "signal",
    "select",
    "selectors",
    "queue",
    "concurrent",
    "decimal",
    "fractions",
    "statistics",
    "array",
    "heapq",
    "bisect",
    "uuid",
    "csv",
    "zipfile",
    "gzip",
    "glob",
    "fnmatch",
    "platform",
    "locale",
    "codecs",
    "inspect",
    "dis",
    "ast",
    "types",
    "numbers",
    "pprint",
    "reprlib",
    "timeit",
    "cProfile",
    "profile",
    "pdb",
    "doctest",
    "secrets",
    "email",
    "html",
    "xml",
    "zlib",
    "calendar",
    "getpass",
    "traceback",
    "warnings",
    "abc",
    "operator",
    "keyword",
    "token",
    "tokenize",
    "site",
    "sysconfig",
    "importlib",
    "resource",
    "mmap",
    "errno",
    "stat",
    "cmath",
    "graphlib",
    "sched",
    "contextvars",
    "dataclasses",
    "enum",
    "functools",
    "itertools",
    "collections",
    "copy",
    "typing",
    "json",
    "contextlib",
];

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
            if UNMODELLED.contains(&name) || UNMODELLED.contains(&top) {
                return Err(Throw::Unsupported(format!("module '{name}'"), None));
            }
            let msg = format!("No module named '{name}'");
            let Throw::Exc(e) = self.exc(t::MODULE_NOT_FOUND_ERROR, msg) else {
                unreachable!()
            };
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

    /// Runs a Python-source stdlib module in `globals`. Its compiled code is kept per
    /// thread, so the interpreters of one build compile each module once.
    fn run_frozen(&mut self, name: &str, src: &'static str, globals: ObjRef) -> PResult<Value> {
        thread_local! {
            static UNITS: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<crate::code::CodeUnit>>> =
                Default::default();
        }
        let file = format!("<frozen {name}>");
        let key = src.as_ptr() as usize;
        let unit = match UNITS.with(|u| u.borrow().get(&key).cloned()) {
            Some(u) => u,
            None => match crate::compile::compile_module(src, &file) {
                Ok(u) => {
                    UNITS.with(|c| c.borrow_mut().insert(key, u.clone()));
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

    /// Compiles and runs Python source in the namespace `globals` (module bodies of
    /// Python-source stdlib modules, `exec`).
    pub fn run_source_in(&mut self, src: &str, file: &str, globals: ObjRef) -> PResult<Value> {
        let unit = match crate::compile::compile_module(src, file) {
            Ok(u) => u,
            Err(e) => {
                let msg = e.message.clone();
                return Err(self.exc(t::SYNTAX_ERROR, msg));
            }
        };
        self.sources.insert(file.into(), src.into());
        let code = self.load_code(&unit);
        self.run_module_code(code, globals)
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
        Err(self.exc(
            t::IMPORT_ERROR,
            format!("cannot import name '{n}' from '{mname}' (unknown location)"),
        ))
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
