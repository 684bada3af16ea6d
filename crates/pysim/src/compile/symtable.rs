//! Scope analysis, as CPython's `Python/symtable.c`: which names of each scope are
//! local, cell, free, or global (explicit or implicit), so the code generator can pick
//! `*_FAST`, `*_DEREF`, `*_GLOBAL` or `*_NAME` instructions.
//!
//! Scopes are keyed by the address of their AST node (the module is key 0), so the code
//! generator finds the scope of a function, lambda, class or comprehension it visits.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// The resolved scope of one name in one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
}

/// One block (module, class body, function, lambda or comprehension).
#[derive(Debug)]
pub struct Scope {
    pub kind: BlockKind,
    pub name: String,
    names: Vec<String>,
    flags: Vec<u32>,
    index: HashMap<String, usize>,
    /// Parameter names in order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_comprehension: bool,
    /// A class body some method of which uses `super()` / `__class__`.
    pub needs_class_closure: bool,
    /// Name of the enclosing class, for private-name mangling.
    pub private: Option<String>,
    pub scopes: HashMap<String, NameScope>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub has_annotations: bool,
}

impl Scope {
    fn new(kind: BlockKind, name: &str, private: Option<String>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            names: Vec::new(),
            flags: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_comprehension: false,
            needs_class_closure: false,
            private,
            scopes: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            has_annotations: false,
        }
    }

    fn add(&mut self, name: &str, flag: u32) -> u32 {
        if let Some(&i) = self.index.get(name) {
            let old = self.flags[i];
            self.flags[i] |= flag;
            old
        } else {
            self.index.insert(name.to_string(), self.names.len());
            self.names.push(name.to_string());
            self.flags.push(flag);
            0
        }
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.index.get(name).map(|&i| self.flags[i]).unwrap_or(0)
    }

    /// The resolved scope of `name` (unknown names are implicit globals).
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.scopes
            .get(name)
            .copied()
            .unwrap_or(NameScope::GlobalImplicit)
    }

    /// Local variable names in CPython's `co_varnames` order: parameters first, then the
    /// other locals in order of first appearance.
    pub fn varnames(&self) -> Vec<String> {
        let mut out = self.params.clone();
        for n in &self.names {
            if matches!(self.scopes.get(n), Some(NameScope::Local | NameScope::Cell))
                && !out.contains(n)
                && self.kind == BlockKind::Function
            {
                let f = self.flags_of(n);
                if f & DEF_BOUND != 0 {
                    out.push(n.clone());
                }
            }
        }
        out
    }
}

/// A syntax error found during analysis, with its range.
#[derive(Debug)]
pub struct SymError {
    pub message: String,
    pub range: TextRange,
}

/// The analysed scopes of one module.
#[derive(Debug)]
pub struct SymTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymTable {
    /// The scope of the function / lambda / class / comprehension node at `addr`.
    pub fn scope_for(&self, addr: usize) -> Option<usize> {
        self.by_node.get(&addr).copied()
    }
}

/// The address key of an AST node.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Mangles a private name (`__x` in class `C` is `_C__x`), as CPython's `_Py_Mangle`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
    error: Option<SymError>,
}

/// Builds and analyses the symbol table of a module.
pub fn build(body: &[Stmt]) -> Result<SymTable, SymError> {
    let mut b = Builder {
        scopes: vec![Scope::new(BlockKind::Module, "top", None)],
        stack: vec![0],
        by_node: HashMap::new(),
        error: None,
    };
    b.by_node.insert(0, 0);
    for s in body {
        b.stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut st = SymTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    let mut err = None;
    analyze(
        &mut st.scopes,
        0,
        &HashSet::new(),
        &HashSet::new(),
        &mut err,
    );
    match err {
        Some(e) => Err(e),
        None => Ok(st),
    }
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn fail(&mut self, message: impl Into<String>, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymError {
                message: message.into(),
                range,
            });
        }
    }

    fn mangled(&mut self, name: &str) -> String {
        let p = self.cur().private.clone();
        mangle(p.as_deref(), name)
    }

    fn def(&mut self, name: &str, flag: u32, range: TextRange) {
        let name = self.mangled(name);
        let old = self.cur().add(&name, flag);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            self.fail(
                format!("duplicate argument '{name}' in function definition"),
                range,
            );
        }
        let kind = self.cur().kind;
        if old & DEF_GLOBAL != 0 && flag & DEF_PARAM != 0 {
            self.fail(format!("name '{name}' is parameter and global"), range);
        }
        let _ = kind;
    }

    fn push(&mut self, key: usize, kind: BlockKind, name: &str) -> usize {
        let private = if kind == BlockKind::Class {
            Some(name.to_string())
        } else {
            self.cur().private.clone()
        };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, private));
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn body(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn params(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.def(a.parameter.name.as_str(), DEF_PARAM, a.range());
            let n = self.mangled(a.parameter.name.as_str());
            self.cur().params.push(n);
        }
        for a in p.kwonlyargs.iter() {
            self.def(a.parameter.name.as_str(), DEF_PARAM, a.range());
            let n = self.mangled(a.parameter.name.as_str());
            self.cur().params.push(n);
        }
        if let Some(v) = &p.vararg {
            self.def(v.name.as_str(), DEF_PARAM, v.range());
            let n = self.mangled(v.name.as_str());
            // *args comes after the keyword-only parameters in co_varnames.
            self.cur().params.push(n);
        }
        if let Some(k) = &p.kwarg {
            self.def(k.name.as_str(), DEF_PARAM, k.range());
            let n = self.mangled(k.name.as_str());
            self.cur().params.push(n);
        }
    }

    /// Defaults and annotations of a signature, visited in the enclosing scope.
    fn signature_outside(&mut self, p: &ast::Parameters, annotations: bool) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        if annotations {
            for a in p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .chain(p.kwonlyargs.iter())
            {
                if let Some(an) = &a.parameter.annotation {
                    self.expr(an);
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(an) = &v.annotation {
                    self.expr(an);
                }
            }
            if let Some(k) = &p.kwarg {
                if let Some(an) = &k.annotation {
                    self.expr(an);
                }
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                self.def(f.name.as_str(), DEF_LOCAL, f.name.range);
                for d in f.decorator_list.iter() {
                    self.expr(&d.expression);
                }
                self.signature_outside(&f.parameters, true);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.push(node_key(f), BlockKind::Function, f.name.as_str());
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
                self.params(&f.parameters);
                self.body(&f.body);
                self.pop();
            }
            Stmt::ClassDef(c) => {
                self.def(c.name.as_str(), DEF_LOCAL, c.name.range);
                for d in c.decorator_list.iter() {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.push(node_key(c), BlockKind::Class, c.name.as_str());
                self.body(&c.body);
                self.pop();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t);
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t);
                }
                self.expr(&a.value);
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target);
                if let Expr::Name(n) = &*a.target {
                    self.def(n.id.as_str(), DEF_LOCAL | USE, n.range);
                }
                self.expr(&a.value);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let m = self.mangled(n.id.as_str());
                    if self.cur().flags_of(&m) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        self.fail(
                            format!("annotated name '{}' can't be global", n.id),
                            n.range,
                        );
                    }
                    self.def(n.id.as_str(), DEF_LOCAL, n.range);
                } else {
                    self.expr(&a.target);
                }
                if self.cur().kind != BlockKind::Function {
                    self.cur().has_annotations = true;
                    self.expr(&a.annotation);
                }
                if let Some(v) = &a.value {
                    self.expr(v);
                }
            }
            Stmt::TypeAlias(t) => {
                self.expr(&t.name);
                self.expr(&t.value);
            }
            Stmt::For(f) => {
                self.expr(&f.target);
                self.expr(&f.iter);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.body(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.expr(v);
                    }
                }
                self.body(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.def(n.as_str(), DEF_LOCAL, n.range);
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                self.body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str().to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.def(&bound, DEF_IMPORT, a.range);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur().kind != BlockKind::Module {
                            self.fail("import * only allowed at module level", a.range);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).as_str().to_string();
                    self.def(&bound, DEF_IMPORT, a.range);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = self.mangled(n.as_str());
                    let cur = self.cur().flags_of(&m);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT_FAKE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{m}' is parameter and global")
                        } else if cur & USE != 0 && cur & DEF_LOCAL == 0 {
                            format!("name '{m}' is used prior to global declaration")
                        } else {
                            format!("name '{m}' is assigned to before global declaration")
                        };
                        self.fail(msg, g.range);
                    }
                    if cur & DEF_NONLOCAL != 0 {
                        self.fail(format!("name '{m}' is nonlocal and global"), g.range);
                    }
                    self.cur().add(&m, DEF_GLOBAL);
                }
            }
            Stmt::Nonlocal(nl) => {
                if self.cur().kind == BlockKind::Module {
                    self.fail("nonlocal declaration not allowed at module level", nl.range);
                }
                for n in &nl.names {
                    let m = self.mangled(n.as_str());
                    let cur = self.cur().flags_of(&m);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{m}' is parameter and nonlocal")
                        } else if cur & USE != 0 && cur & DEF_LOCAL == 0 {
                            format!("name '{m}' is used prior to nonlocal declaration")
                        } else {
                            format!("name '{m}' is assigned to before nonlocal declaration")
                        };
                        self.fail(msg, nl.range);
                    }
                    if cur & DEF_GLOBAL != 0 {
                        self.fail(format!("name '{m}' is nonlocal and global"), nl.range);
                    }
                    self.cur().add(&m, DEF_NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q);
                }
            }
            P::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.expr(k);
                }
                for q in m.patterns.iter() {
                    self.pattern(q);
                }
                if let Some(r) = &m.rest {
                    self.def(r.as_str(), DEF_LOCAL, r.range);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                for q in c.arguments.patterns.iter() {
                    self.pattern(q);
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern);
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.def(n.as_str(), DEF_LOCAL, n.range);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q);
                }
                if let Some(n) = &a.name {
                    self.def(n.as_str(), DEF_LOCAL, n.range);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q);
                }
            }
        }
    }

    fn comprehension(
        &mut self,
        key: usize,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        self.expr(&first.iter);
        self.push(key, BlockKind::Function, name);
        self.cur().is_comprehension = true;
        if is_gen {
            self.cur().is_generator = true;
        }
        if generators.iter().any(|g| g.is_async) {
            if !is_gen && !self.enclosing_async() {
                self.fail(
                    "asynchronous comprehension outside of an asynchronous function",
                    generators[0].range,
                );
            }
            self.cur().is_coroutine = true;
        }
        self.cur().add(".0", DEF_PARAM);
        self.cur().params.push(".0".into());
        self.expr(&first.target);
        for i in &first.ifs {
            self.expr(i);
        }
        for g in &generators[1..] {
            self.expr(&g.iter);
            self.expr(&g.target);
            for i in &g.ifs {
                self.expr(i);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.pop();
    }

    /// A walrus target inside comprehensions binds in the nearest enclosing function or
    /// module scope.
    fn named_target(&mut self, name: &str, range: TextRange) {
        let mut depth = self.stack.len();
        while depth > 0 {
            let id = self.stack[depth - 1];
            if !self.scopes[id].is_comprehension {
                break;
            }
            let m = mangle(self.scopes[id].private.as_deref(), name);
            if self.scopes[id].flags_of(&m) & DEF_PARAM != 0 && m != ".0" {
                self.fail(format!("assignment expression cannot rebind comprehension iteration variable '{name}'"), range);
                return;
            }
            depth -= 1;
        }
        if depth == self.stack.len() {
            self.def(name, DEF_LOCAL, range);
            return;
        }
        let target = self.stack[depth.saturating_sub(1)];
        if depth == 0 || self.scopes[target].kind == BlockKind::Class {
            self.fail(
                "assignment expression within a comprehension cannot be used in a class body",
                range,
            );
            return;
        }
        let is_module = self.scopes[target].kind == BlockKind::Module;
        for &id in &self.stack[depth..] {
            let m = mangle(self.scopes[id].private.as_deref(), name);
            self.scopes[id].add(&m, if is_module { DEF_GLOBAL } else { DEF_NONLOCAL });
        }
        let m = mangle(self.scopes[target].private.as_deref(), name);
        self.scopes[target].add(&m, DEF_LOCAL);
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    self.named_target(t.id.as_str(), t.range);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.signature_outside(p, false);
                }
                self.push(node_key(l), BlockKind::Function, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.expr(&l.body);
                self.pop();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k);
                    }
                    self.expr(&item.value);
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x);
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(node_key(c), "<listcomp>", &c.generators, &[&c.elt], false)
            }
            Expr::SetComp(c) => {
                self.comprehension(node_key(c), "<setcomp>", &c.generators, &[&c.elt], false)
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(
                    node_key(c),
                    "<dictcomp>",
                    &c.generators,
                    &[k, &c.value],
                    false,
                ),
                None => {
                    self.comprehension(node_key(c), "<dictcomp>", &c.generators, &[&c.value], false)
                }
            },
            Expr::Generator(g) => {
                self.comprehension(node_key(g), "<genexpr>", &g.generators, &[&g.elt], true)
            }
            Expr::Await(a) => {
                self.await_here(a.range);
                self.expr(&a.value);
            }
            Expr::Yield(y) => {
                self.yield_here(y.range);
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                if self.cur().is_coroutine && !self.cur().is_comprehension {
                    self.fail("'yield from' inside async function", y.range);
                }
                self.yield_here(y.range);
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                for x in c.comparators.iter() {
                    self.expr(x);
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                for a in c.arguments.args.iter() {
                    self.expr(a);
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                self.def(n.id.as_str(), flag, n.range);
                if n.ctx == ast::ExprContext::Load
                    && n.id.as_str() == "super"
                    && self.cur().kind == BlockKind::Function
                {
                    self.cur().add("__class__", USE);
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x);
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x);
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }

    /// Whether the nearest enclosing scope that is not a comprehension is an `async def`.
    fn enclosing_async(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .map(|&i| &self.scopes[i])
            .find(|s| !s.is_comprehension)
            .is_some_and(|s| s.kind == BlockKind::Function && s.is_coroutine)
    }

    /// An `await`: only in an `async def`, or in a comprehension inside one (which then
    /// becomes a coroutine itself).
    fn await_here(&mut self, range: TextRange) {
        let s = self.cur();
        if s.kind != BlockKind::Function {
            self.fail("'await' outside function", range);
        } else if s.is_comprehension {
            if self.enclosing_async() {
                self.cur().is_coroutine = true;
            } else {
                self.fail(
                    "asynchronous comprehension outside of an asynchronous function",
                    range,
                );
            }
        } else if !s.is_coroutine {
            self.fail("'await' outside async function", range);
        }
    }

    fn yield_here(&mut self, range: TextRange) {
        let s = self.cur();
        match s.kind {
            BlockKind::Function => {
                if s.is_comprehension && !s.is_generator {
                    self.fail("'yield' inside list comprehension", range);
                }
                self.cur().is_generator = true;
            }
            _ => self.fail("'yield' outside function", range),
        }
    }
}

/// A placeholder flag that is never set (annotation-before-global is folded into DEF_LOCAL).
const DEF_ANNOT_FAKE: u32 = 0;

fn analyze(
    scopes: &mut [Scope],
    id: usize,
    bound: &HashSet<String>,
    global: &HashSet<String>,
    err: &mut Option<SymError>,
) -> HashSet<String> {
    let kind = scopes[id].kind;
    let mut local: HashSet<String> = HashSet::new();
    let mut resolved: HashMap<String, NameScope> = HashMap::new();
    let mut free: HashSet<String> = HashSet::new();
    let mut newglobal = global.clone();
    let mut newbound_from_parent = bound.clone();
    for (name, &flags) in scopes[id].names.iter().zip(scopes[id].flags.iter()) {
        let sc = if flags & DEF_GLOBAL != 0 {
            newglobal.insert(name.clone());
            newbound_from_parent.remove(name);
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(name) && err.is_none() {
                *err = Some(SymError {
                    message: format!("no binding for nonlocal '{name}' found"),
                    range: TextRange::default(),
                });
            }
            free.insert(name.clone());
            NameScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            newglobal.remove(name);
            NameScope::Local
        } else if kind != BlockKind::Module && bound.contains(name) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(name.clone(), sc);
    }
    let mut newbound: HashSet<String>;
    if kind == BlockKind::Class {
        newbound = newbound_from_parent;
        newbound.insert("__class__".into());
    } else {
        newbound = newbound_from_parent;
        if kind == BlockKind::Function {
            newbound.extend(local.iter().cloned());
        }
    }
    if kind == BlockKind::Module {
        newbound = HashSet::new();
    }
    let mut newfree: HashSet<String> = HashSet::new();
    let children = scopes[id].children.clone();
    for c in children {
        let child_free = analyze(scopes, c, &newbound, &newglobal, err);
        newfree.extend(child_free);
    }
    if kind == BlockKind::Function {
        let mut cells = Vec::new();
        for n in newfree.clone() {
            if resolved.get(&n) == Some(&NameScope::Local) {
                resolved.insert(n.clone(), NameScope::Cell);
                newfree.remove(&n);
                cells.push(n);
            }
        }
        cells.sort();
        scopes[id].cellvars = cells;
    }
    if kind == BlockKind::Class && newfree.remove("__class__") {
        scopes[id].needs_class_closure = true;
        scopes[id].cellvars = vec!["__class__".into()];
    }
    for n in &newfree {
        match resolved.get(n) {
            Some(NameScope::Local) if kind == BlockKind::Class => {
                // The class binds the name itself, but its methods see the outer binding.
                if let Some(&i) = scopes[id].index.get(n) {
                    scopes[id].flags[i] |= DEF_FREE_CLASS;
                }
            }
            Some(NameScope::GlobalExplicit) => {}
            Some(NameScope::Local | NameScope::Cell) => {}
            _ => {
                if kind != BlockKind::Module {
                    resolved.insert(n.clone(), NameScope::Free);
                }
            }
        }
    }
    free.extend(newfree.into_iter().filter(|n| {
        kind != BlockKind::Module && resolved.get(n) != Some(&NameScope::GlobalExplicit)
    }));
    let mut fv: Vec<String> = resolved
        .iter()
        .filter(|(_, s)| **s == NameScope::Free)
        .map(|(n, _)| n.clone())
        .collect();
    for n in &free {
        if !fv.contains(n) && kind == BlockKind::Class {
            fv.push(n.clone());
        }
    }
    fv.sort();
    fv.dedup();
    scopes[id].freevars = fv;
    scopes[id].scopes = resolved;
    free
}
