//! `repr()` and `str()` of every built-in type exactly as CPython prints them (string
//! quoting and escapes, float repr, container reprs with `[...]` for cycles, the
//! `<function f at 0x...>` family), dispatching to `__repr__` / `__str__` of classes.

use crate::interp::Vm;
use crate::objects::function::DescrKind;
use crate::objects::{Attrs, Kind, ViewKind};
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// `repr()` of a string: single quotes unless the text has single but no double quotes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !crate::objects::unicode::is_printable(c) => push_escape(c, &mut out),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`: how `repr` (and the `backslashreplace` error
/// handler) writes a character.
pub fn push_escape(c: char, out: &mut String) {
    let v = c as u32;
    if v < 0x100 {
        out.push_str(&format!("\\x{v:02x}"));
    } else if v < 0x10000 {
        out.push_str(&format!("\\u{v:04x}"));
    } else {
        out.push_str(&format!("\\U{v:08x}"));
    }
}

/// `ascii()`-style escaping of a repr: non-ASCII characters as escapes.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}

/// `repr()` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr()` of a complex number.
pub fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |f: f64| -> String {
        let r = super::float::repr(f);
        r.strip_suffix(".0").map(|s| s.to_string()).unwrap_or(r)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", fmt(im));
    }
    let sign = if im.is_sign_negative() && !im.is_nan() {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", fmt(re), sign, fmt(im.abs()))
}

impl Vm {
    /// `hex(id(v))` as CPython prints addresses.
    pub fn addr(&self, v: Value) -> String {
        format!("0x{:x}", self.id_of(v))
    }

    /// The `module.qualname` of a class as `repr` shows it.
    pub fn class_display(&mut self, ty: ObjRef) -> String {
        let (name, qual) = match self.heap.kind(ty) {
            Kind::Type(tt) => (
                tt.name.clone(),
                self.as_str(tt.qualname)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| tt.name.clone()),
            ),
            _ => return "?".into(),
        };
        let module = self.type_module(ty);
        if module == "builtins" {
            name
        } else {
            format!("{module}.{qual}")
        }
    }

    /// `cls.__module__`.
    pub fn type_module(&mut self, ty: ObjRef) -> String {
        if !self.type_is_heap(ty) {
            return match self.heap.kind(ty) {
                Kind::Type(tt) => tt.builtin_module.to_string(),
                _ => "builtins".into(),
            };
        }
        let d = match self.heap.kind(ty) {
            Kind::Type(tt) => tt.dict,
            _ => return String::new(),
        };
        match self.dict_get_str(d, "__module__") {
            Some(v) => self.as_str(v).unwrap_or("").to_string(),
            None => "builtins".into(),
        }
    }

    /// `repr(v)` as a new str value.
    pub fn repr_value(&mut self, v: Value) -> PResult<Value> {
        let ty = self.type_of(v);
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__repr__") {
                if !self.is_native_slot(f, "__repr__") {
                    let r = self.call(f, &[v], &[]);
                    self.decref(f);
                    let r = r?;
                    if self.layout_of(r) != Some(crate::objects::typeobj::Layout::Str) {
                        let tn = self.type_name_of(r);
                        self.decref(r);
                        return Err(
                            self.type_error(format!("__repr__ returned non-string (type {tn})"))
                        );
                    }
                    return Ok(r);
                }
                self.decref(f);
            }
        }
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> PResult<String> {
        match v {
            Value::None | Value::Null => return Ok("None".into()),
            Value::Bool(b) => return Ok(if b { "True" } else { "False" }.into()),
            Value::Int(i, _) => return Ok(i.to_string()),
            Value::Float(f, _) => return Ok(super::float::repr(f)),
            Value::Obj(_) => {}
        }
        let Value::Obj(r) = v else { unreachable!() };
        let ty = self.heap.ty(r);
        if let Some(f) = self.native_dunder(ty, "__repr__") {
            let res = self.call(f, &[v], &[]);
            self.decref(f);
            let res = res?;
            let s = self.as_str(res).unwrap_or("").to_string();
            self.decref(res);
            return Ok(s);
        }
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__repr__") {
                if !self.is_native_slot(f, "__repr__") {
                    let res = self.call(f, &[v], &[]);
                    self.decref(f);
                    let res = res?;
                    let s = match self.as_str(res) {
                        Some(s) => s.to_string(),
                        None => {
                            let tn = self.type_name_of(res);
                            self.decref(res);
                            return Err(self
                                .type_error(format!("__repr__ returned non-string (type {tn})")));
                        }
                    };
                    self.decref(res);
                    return Ok(s);
                }
                self.decref(f);
            }
        }
        self.native_enter()?;
        let res = self.repr_native(r);
        self.native_depth -= 1;
        res
    }

    pub fn repr_native(&mut self, r: ObjRef) -> PResult<String> {
        let v = Value::Obj(r);
        let ty = self.heap.ty(r);
        let heap_ty = self.type_is_heap(ty);
        match self.heap.kind(r) {
            Kind::Str(s) => return Ok(str_repr(&s.s)),
            Kind::BigInt(b) => {
                let limit = self.int_max_str_digits;
                let s = if limit > 0 && b.bits() > limit as u64 * 10 / 3 + 64 {
                    None
                } else {
                    Some(b.to_string())
                };
                return match s {
                    Some(s) if limit == 0 || s.trim_start_matches('-').len() <= limit => Ok(s),
                    _ => Err(self.value_error(format!("Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"))),
                };
            }
            Kind::Float(f) => return Ok(super::float::repr(*f)),
            Kind::Complex(a, b) => return Ok(complex_repr(*a, *b)),
            Kind::Bytes(b) => return Ok(bytes_repr(b)),
            Kind::ByteArray(b) => {
                return Ok(format!(
                    "{}({})",
                    if heap_ty {
                        self.type_name(ty)
                    } else {
                        "bytearray".into()
                    },
                    bytes_repr(&b.data)
                ))
            }
            Kind::List(_)
            | Kind::Tuple(_)
            | Kind::Dict(_)
            | Kind::Set(_)
            | Kind::DictView(..)
            | Kind::MappingProxy(_) => return self.container_repr(r),
            Kind::Range(rg) => {
                return Ok(if rg.step == 1 {
                    format!("range({}, {})", rg.start, rg.stop)
                } else {
                    format!("range({}, {}, {})", rg.start, rg.stop, rg.step)
                });
            }
            Kind::Slice(s) => {
                let parts = s.to_vec();
                let mut out = Vec::new();
                for p in parts {
                    out.push(self.repr(p)?);
                }
                return Ok(format!("slice({})", out.join(", ")));
            }
            Kind::Function(f) => {
                let q = self.as_str(f.qualname).unwrap_or("?").to_string();
                return Ok(format!("<function {q} at {}>", self.addr(v)));
            }
            Kind::Method(f, s) => {
                let (f, s) = (*f, *s);
                let q = self.func_qualname(f);
                let sr = self.repr(s)?;
                return Ok(format!("<bound method {q} of {sr}>"));
            }
            Kind::Builtin(b) => {
                let (name, s) = (b.name, b.self_);
                return Ok(match s {
                    Value::Null | Value::None => format!("<built-in function {name}>"),
                    Value::Obj(m) if matches!(self.heap.kind(m), Kind::Module(_)) => {
                        format!("<built-in function {name}>")
                    }
                    Value::Obj(tr) if matches!(self.heap.kind(tr), Kind::Type(_)) => format!(
                        "<built-in method {name} of type object at {}>",
                        self.addr(s)
                    ),
                    _ => format!(
                        "<built-in method {name} of {} object at {}>",
                        self.type_name_of(s),
                        self.addr(s)
                    ),
                });
            }
            Kind::MethodDescr(d) => {
                let on = self.type_name(d.owner);
                return Ok(match d.kind {
                    DescrKind::Getter => format!("<attribute '{}' of '{on}' objects>", d.name),
                    _ if d.name.starts_with("__") => {
                        format!("<slot wrapper '{}' of '{on}' objects>", d.name)
                    }
                    DescrKind::ClassMethod => format!("<method '{}' of '{on}' objects>", d.name),
                    _ => format!("<method '{}' of '{on}' objects>", d.name),
                });
            }
            Kind::Member(o, _, n) => {
                let (o, n) = (*o, *n);
                let on = self.type_name(o);
                let nm = self.as_str(n).unwrap_or("").to_string();
                return Ok(format!("<member '{nm}' of '{on}' objects>"));
            }
            Kind::Type(_) => return Ok(format!("<class '{}'>", self.class_display(r))),
            Kind::Module(m) => {
                let name = m.name.clone();
                let d = m.dict;
                let builtin = self.dict_get_str(d, "__file__").is_none()
                    && self.registry.iter().any(|def| def.name == name);
                return Ok(if builtin {
                    format!("<module '{name}' (built-in)>")
                } else {
                    format!("<module '{name}'>")
                });
            }
            Kind::Exception(_) => return self.exception_repr(r),
            Kind::Generator(g) => {
                let q = self.as_str(g.qualname).unwrap_or("?").to_string();
                let what = self.type_name(self.heap.ty(r));
                return Ok(format!("<{what} object {q} at {}>", self.addr(v)));
            }
            Kind::Cell(c) => {
                let c = *c;
                return Ok(if c.is_null() {
                    format!("<cell at {}: empty>", self.addr(v))
                } else {
                    format!(
                        "<cell at {}: {} object at {}>",
                        self.addr(v),
                        self.type_name_of(c),
                        self.addr(c)
                    )
                });
            }
            Kind::Iter(it) => {
                let name = it.type_name();
                return Ok(format!("<{name} object at {}>", self.addr(v)));
            }
            Kind::WeakRef(w) => {
                let (target, proxy) = (w.target, w.proxy);
                return Ok(match target {
                    Some(tg) => {
                        let tn = self.type_name_of(Value::Obj(tg));
                        if proxy {
                            format!(
                                "<weakproxy at {} to {tn} at {}>",
                                self.addr(v),
                                self.addr(Value::Obj(tg))
                            )
                        } else {
                            format!(
                                "<weakref at {}; to '{tn}' at {}>",
                                self.addr(v),
                                self.addr(Value::Obj(tg))
                            )
                        }
                    }
                    None => format!("<weakref at {}; dead>", self.addr(v)),
                });
            }
            Kind::Code(c) => {
                let u = c.unit.clone();
                return Ok(format!(
                    "<code object {} at {}, file \"{}\", line {}>",
                    u.name,
                    self.addr(v),
                    u.filename,
                    u.firstlineno
                ));
            }
            Kind::Super(a, b, _) => {
                let (a, b) = (*a, *b);
                let an = self.class_display(a);
                let bs = if b.is_none() {
                    "NULL".to_string()
                } else {
                    format!("<{} object>", self.type_name_of(b))
                };
                return Ok(format!("<super: <class '{an}'>, {bs}>"));
            }
            Kind::MemoryView(_) => return Ok(format!("<memory at {}>", self.addr(v))),
            Kind::Property(_) => return Ok(format!("<property object at {}>", self.addr(v))),
            Kind::ClassMethod(f) => {
                let f = *f;
                let fr = self.repr(f)?;
                return Ok(format!("<classmethod({fr})>"));
            }
            Kind::StaticMethod(f) => {
                let f = *f;
                let fr = self.repr(f)?;
                return Ok(format!("<staticmethod({fr})>"));
            }
            Kind::Object if r == self.not_implemented => return Ok("NotImplemented".into()),
            Kind::Object if r == self.ellipsis => return Ok("Ellipsis".into()),
            _ => {}
        }
        Ok(format!(
            "<{} object at {}>",
            self.class_display(ty),
            self.addr(v)
        ))
    }

    fn func_qualname(&self, f: Value) -> String {
        match f {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Function(func) => self.as_str(func.qualname).unwrap_or("?").to_string(),
                Kind::Builtin(b) => b.name.to_string(),
                _ => self.type_name_of(f),
            },
            _ => "?".into(),
        }
    }

    /// Guards a container repr against cycles (`Py_ReprEnter`).
    fn container_repr(&mut self, r: ObjRef) -> PResult<String> {
        let empty = match self.heap.kind(r) {
            Kind::List(l) => l.items.is_empty(),
            Kind::Tuple(items) => items.is_empty(),
            Kind::Dict(d) => d.used == 0,
            Kind::Set(s) => s.is_empty(),
            _ => false,
        };
        if !empty {
            self.repr_enter_state();
        }
        if self.repr_stack.contains(&r) {
            return Ok(match self.heap.kind(r) {
                Kind::List(_) => "[...]".into(),
                Kind::Dict(_) | Kind::Set(_) => "{...}".into(),
                Kind::Tuple(_) => "(...)".into(),
                _ => "...".into(),
            });
        }
        self.repr_stack.push(r);
        self.incref_obj(r);
        let res = self.container_repr_inner(r);
        self.decref_obj(r);
        self.repr_stack.pop();
        res
    }

    fn container_repr_inner(&mut self, r: ObjRef) -> PResult<String> {
        let ty = self.heap.ty(r);
        let heap_ty = self.type_is_heap(ty);
        match self.heap.kind(r) {
            Kind::List(l) => {
                let items = l.items.clone();
                let parts = self.repr_items(&items)?;
                Ok(format!("[{}]", parts.join(", ")))
            }
            Kind::Tuple(tp) => {
                let items = tp.to_vec();
                let parts = self.repr_items(&items)?;
                Ok(if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                })
            }
            Kind::Dict(_) => {
                let items = self.dict_items(r);
                for (k, v) in &items {
                    self.incref(*k);
                    self.incref(*v);
                }
                let mut parts = Vec::new();
                let mut err = None;
                for (k, v) in &items {
                    match (self.repr(*k), self.repr(*v)) {
                        (Ok(a), Ok(b)) => parts.push(format!("{a}: {b}")),
                        (Err(e), _) | (_, Err(e)) => {
                            err = Some(e);
                            break;
                        }
                    }
                }
                self.decref_pairs(items);
                if let Some(e) = err {
                    return Err(e);
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            }
            Kind::Set(_) => {
                let items = self.set_items(r);
                let parts = self.repr_items(&items)?;
                let frozen = self.is_subtype(ty, t::FROZENSET);
                let name = if heap_ty {
                    self.type_name(ty)
                } else if frozen {
                    "frozenset".into()
                } else {
                    "set".into()
                };
                if parts.is_empty() {
                    return Ok(format!("{name}()"));
                }
                if frozen || heap_ty {
                    Ok(format!("{name}({{{}}})", parts.join(", ")))
                } else {
                    Ok(format!("{{{}}}", parts.join(", ")))
                }
            }
            Kind::DictView(d, kind) => {
                let (d, kind) = (*d, *kind);
                let items = self.dict_items(d);
                let (name, vals): (&str, Vec<Value>) = match kind {
                    ViewKind::Keys => ("dict_keys", items.iter().map(|(k, _)| *k).collect()),
                    ViewKind::Values => ("dict_values", items.iter().map(|(_, v)| *v).collect()),
                    ViewKind::Items => ("dict_items", Vec::new()),
                };
                if kind == ViewKind::Items {
                    let mut parts = Vec::new();
                    for (k, v) in items {
                        let a = self.repr(k)?;
                        let b = self.repr(v)?;
                        parts.push(format!("({a}, {b})"));
                    }
                    return Ok(format!("dict_items([{}])", parts.join(", ")));
                }
                let parts = self.repr_items(&vals)?;
                Ok(format!("{name}([{}])", parts.join(", ")))
            }
            Kind::MappingProxy(d) => {
                let d = *d;
                let inner = self.container_repr(d)?;
                Ok(format!("mappingproxy({inner})"))
            }
            _ => Ok(String::new()),
        }
    }

    fn repr_items(&mut self, items: &[Value]) -> PResult<Vec<String>> {
        for v in items {
            self.incref(*v);
        }
        let mut out = Vec::with_capacity(items.len());
        let mut err = None;
        for v in items {
            match self.repr(*v) {
                Ok(s) => out.push(s),
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        for v in items {
            self.decref(*v);
        }
        match err {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    fn exception_repr(&mut self, r: ObjRef) -> PResult<String> {
        let ty = self.heap.ty(r);
        let name = self.type_name(ty);
        let args = self.exc_args(r);
        if self.is_subtype(ty, t::BASE_EXCEPTION_GROUP) {
            let parts = self.repr_items(&args)?;
            return Ok(format!("{name}({})", parts.join(", ")));
        }
        if args.len() == 1 {
            let a = self.repr(args[0])?;
            return Ok(format!("{name}({a})"));
        }
        let parts = self.repr_items(&args)?;
        Ok(format!("{name}({})", parts.join(", ")))
    }

    /// `str(v)` as a new str value.
    pub fn str_value(&mut self, v: Value) -> PResult<Value> {
        if let Value::Obj(r) = v {
            if self.heap.ty(r) == t::STR {
                self.incref(v);
                return Ok(v);
            }
            let ty = self.heap.ty(r);
            if self.type_is_heap(ty) {
                if let Some(f) = self.lookup_type_str(ty, "__str__") {
                    if !self.is_native_slot(f, "__str__") {
                        let res = self.call(f, &[v], &[]);
                        self.decref(f);
                        let res = res?;
                        if self.layout_of(res) != Some(crate::objects::typeobj::Layout::Str) {
                            let tn = self.type_name_of(res);
                            self.decref(res);
                            return Err(
                                self.type_error(format!("__str__ returned non-string (type {tn})"))
                            );
                        }
                        return Ok(res);
                    }
                    self.decref(f);
                }
            }
        }
        let s = self.str(v)?;
        Ok(self.new_string(s))
    }

    /// `str(v)`.
    pub fn str(&mut self, v: Value) -> PResult<String> {
        if let Some(tg) = self.proxy_target(v)? {
            self.incref(tg);
            let r = self.str(tg);
            self.decref(tg);
            return r;
        }
        let Value::Obj(r) = v else {
            return self.repr(v);
        };
        let ty = self.heap.ty(r);
        if let Some(f) = self.native_dunder(ty, "__str__") {
            let res = self.call(f, &[v], &[]);
            self.decref(f);
            let res = res?;
            let s = self.as_str(res).unwrap_or("").to_string();
            self.decref(res);
            return Ok(s);
        }
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__str__") {
                if !self.is_native_slot(f, "__str__") {
                    let res = self.call(f, &[v], &[]);
                    self.decref(f);
                    let res = res?;
                    let s = match self.as_str(res) {
                        Some(s) => s.to_string(),
                        None => {
                            let tn = self.type_name_of(res);
                            self.decref(res);
                            return Err(
                                self.type_error(format!("__str__ returned non-string (type {tn})"))
                            );
                        }
                    };
                    self.decref(res);
                    return Ok(s);
                }
                self.decref(f);
            }
        }
        match self.heap.kind(r) {
            Kind::Str(s) => Ok(s.s.to_string()),
            Kind::Exception(_) => self.exception_str(r),
            Kind::MappingProxy(d) => {
                let d = Value::Obj(*d);
                self.str(d)
            }
            _ => self.repr(v),
        }
    }

    /// `str(exc)`.
    pub fn exception_str(&mut self, r: ObjRef) -> PResult<String> {
        let ty = self.heap.ty(r);
        let args = self.exc_args(r);
        if self.is_subtype(ty, t::BASE_EXCEPTION_GROUP) {
            let msg = args
                .first()
                .map(|a| self.as_str(*a).unwrap_or("").to_string())
                .unwrap_or_default();
            let n = args.get(1).map(|e| self.len(*e).unwrap_or(0)).unwrap_or(0);
            return Ok(format!(
                "{msg} ({n} sub-exception{})",
                if n == 1 { "" } else { "s" }
            ));
        }
        if self.is_subtype(ty, t::KEY_ERROR) && args.len() == 1 {
            return self.repr(args[0]);
        }
        if self.is_subtype(ty, t::OS_ERROR) && args.len() >= 2 {
            let errno = self.str(args[0])?;
            let strerror = self.str(args[1])?;
            if let Some(f) = args.get(2) {
                let fr = self.repr(*f)?;
                return Ok(format!("[Errno {errno}] {strerror}: {fr}"));
            }
            return Ok(format!("[Errno {errno}] {strerror}"));
        }
        if self.is_subtype(ty, t::SYNTAX_ERROR) && args.len() == 2 {
            let msg = self.str(args[0])?;
            let details = self.tuple_items(args[1]);
            if details.len() >= 2 {
                let file = self.as_str(details[0]).map(|s| s.to_string());
                let line = self.int_value_of(details[1]);
                return Ok(match (file, line) {
                    (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                    (None, Some(l)) => format!("{msg} (line {l})"),
                    _ => msg,
                });
            }
            return Ok(msg);
        }
        match args.len() {
            0 => Ok(String::new()),
            1 => self.str(args[0]),
            _ => {
                let tup = self.exc_args_value(r);
                self.repr(tup)
            }
        }
    }

    fn exc_args_value(&self, r: ObjRef) -> Value {
        match self.heap.kind(r) {
            Kind::Exception(e) => e.args,
            _ => Value::None,
        }
    }

    /// `format(v, spec)` (without `__format__` of str subclasses' quirks).
    pub fn format(&mut self, v: Value, spec: &str) -> PResult<String> {
        let ty = self.type_of(v);
        if self.type_is_heap(ty) {
            if let Some(f) = self.lookup_type_str(ty, "__format__") {
                if !self.is_native_slot(f, "__format__") {
                    let s = self.new_str(spec);
                    let res = self.call(f, &[v, s], &[]);
                    self.decref(f);
                    self.decref(s);
                    let res = res?;
                    let out = match self.as_str(res) {
                        Some(x) => x.to_string(),
                        None => {
                            let tn = self.type_name_of(res);
                            self.decref(res);
                            return Err(
                                self.type_error(format!("__format__ must return a str, not {tn}"))
                            );
                        }
                    };
                    self.decref(res);
                    return Ok(out);
                }
                self.decref(f);
            }
        }
        if spec.is_empty() {
            return self.str(v);
        }
        let sp = match super::spec::parse(spec) {
            Ok(s) => s,
            Err(m) => return Err(self.value_error(m)),
        };
        let tn = self.type_name(ty);
        let res = match self.num_of(v) {
            Some(crate::interp::number::Num::I(i)) if !matches!(v, Value::Float(..)) => {
                super::spec::format_int(&num_bigint::BigInt::from(i), &sp)
            }
            Some(crate::interp::number::Num::B(b)) => super::spec::format_int(&b, &sp),
            Some(crate::interp::number::Num::F(f)) => super::spec::format_float(f, &sp),
            Some(crate::interp::number::Num::C(a, b)) => super::spec::format_complex(a, b, &sp),
            _ => match self.as_str(v).map(|s| s.to_string()) {
                Some(s) => super::spec::format_str(&s, &sp),
                None => {
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {tn}.__format__"
                    )));
                }
            },
        };
        res.map_err(|m| {
            let m = m
                .replace("type 'int'", &format!("type '{tn}'"))
                .replace("type 'float'", &format!("type '{tn}'"));
            self.value_error(m)
        })
    }

    /// The object's `__dict__` keys (for `dir`): instance attributes.
    pub fn inst_attr_names(&self, r: ObjRef) -> Vec<String> {
        match self.heap.get(r).ext.as_ref().map(|e| &e.attrs) {
            Some(Attrs::Values(vals)) => vals
                .iter()
                .map(|(k, _)| self.str_of(*k).to_string())
                .collect(),
            Some(Attrs::Dict(d)) => self
                .dict_items(*d)
                .iter()
                .filter_map(|(k, _)| self.as_str(*k).map(|s| s.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }
}
