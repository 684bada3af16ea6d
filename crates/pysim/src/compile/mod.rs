//! The compiler: Python source → [`CodeUnit`]s, in the manner of CPython 3.11's
//! `Python/compile.c`.
//!
//! Parsing is ruff's parser; [`symtable`] resolves scopes; `stmt.rs` / `expr.rs` /
//! `pattern.rs` generate instructions with pseudo-instructions for exception handling
//! (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`); [`assemble`] turns those
//! into an exception table by walking the control flow, as CPython's
//! `label_exception_targets` does. `fold.rs` is the AST optimizer's constant folding.
//! Constructs the interpreter does not model compile to an `Unsupported` instruction
//! that fails only when executed.

mod expr;
mod fold;
mod pattern;
mod stmt;
pub mod symtable;

use crate::code::{flags, CodeUnit, Const, ExcEntry, Op, Span, UnitKind};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;
use std::sync::Arc;
use symtable::{BlockKind, NameScope, SymTable};

/// A compile failure: a syntax error (with CPython's message where known).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: &'static str,
    pub message: String,
    pub line: u32,
    /// 1-based column of the caret.
    pub col: u32,
    pub end_col: u32,
    /// The offending source line.
    pub text: String,
}

/// Maps byte offsets to (line, column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 0-based byte column of `offset`.
    pub fn pos(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let col = offset - self.starts[line - 1];
        (line as u32, col as u32)
    }

    pub fn span(&self, r: TextRange) -> Span {
        let (line, col) = self.pos(r.start().to_usize());
        let (end_line, end_col) = self.pos(r.end().to_usize());
        Span {
            line,
            col,
            end_line,
            end_col,
        }
    }
}

/// One instruction or pseudo-instruction of a unit being generated.
#[derive(Clone, Copy, Debug)]
enum Ins {
    Real(Op, Span),
    Label(u32),
    SetupFinally(u32),
    SetupCleanup(u32),
    SetupWith(u32),
    PopBlock,
}

/// Frame blocks, for unwinding on `break` / `continue` / `return` (CPython's fblocks).
#[derive(Clone, Debug)]
enum FBlock<'a> {
    WhileLoop { start: u32, exit: u32 },
    ForLoop { start: u32, exit: u32 },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { span: Span, is_async: bool },
    HandlerCleanup { name: Option<String> },
    ExceptionHandler,
    ExceptionGroupHandler,
    PopValue,
}

struct Unit<'a> {
    scope: usize,
    kind: UnitKind,
    name: String,
    qualname: String,
    firstlineno: u32,
    ins: Vec<Ins>,
    nlabels: u32,
    consts: Vec<Const>,
    const_index: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    fblocks: Vec<FBlock<'a>>,
    span: Span,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    doc: Option<Arc<str>>,
}

/// The compiler of one module.
pub struct Compiler<'a> {
    lines: LineIndex,
    st: SymTable,
    filename: Arc<str>,
    units: Vec<Unit<'a>>,
    source: &'a str,
    future_annotations: bool,
    /// 'single' mode: module-level expression statements go to `sys.displayhook`.
    interactive: bool,
    error: Option<CompileError>,
}

/// Parses and compiles a module.
pub fn compile_module(source: &str, filename: &str) -> Result<Arc<CodeUnit>, CompileError> {
    compile_module_mode(source, filename, false)
}

/// Compiles one interactive statement (`compile(..., 'single')`): a module whose
/// top-level expression statements print their value through `sys.displayhook`.
pub fn compile_single(source: &str, filename: &str) -> Result<Arc<CodeUnit>, CompileError> {
    compile_module_mode(source, filename, true)
}

fn compile_module_mode(
    source: &str,
    filename: &str,
    interactive: bool,
) -> Result<Arc<CodeUnit>, CompileError> {
    let parsed = ruff_python_parser::parse_module(source)
        .map_err(|e| crate::errors::syntax_error_from_parse(source, &e))?;
    let module = parsed.into_syntax();
    if interactive && module.body.len() > 1 {
        let idx = LineIndex::new(source);
        let (line, col) = idx.pos(module.body[0].range().start().to_usize());
        return Err(CompileError {
            kind: "SyntaxError",
            message: "multiple statements found while compiling a single statement".into(),
            line: line.max(1),
            col: col + 1,
            end_col: col + 1,
            text: source
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .unwrap_or("")
                .to_string(),
        });
    }
    let st = symtable::build(&module.body).map_err(|e| {
        let idx = LineIndex::new(source);
        let (line, col) = idx.pos(e.range.start().to_usize());
        let (_, end) = idx.pos(e.range.end().to_usize());
        CompileError {
            kind: "SyntaxError",
            message: e.message,
            line: line.max(1),
            col: col + 1,
            end_col: end + 1,
            text: source
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .unwrap_or("")
                .to_string(),
        }
    })?;
    let mut c = Compiler {
        lines: LineIndex::new(source),
        st,
        filename: filename.into(),
        units: Vec::new(),
        source,
        future_annotations: false,
        interactive,
        error: None,
    };
    let unit = c.module(&module.body);
    match c.error {
        Some(e) => Err(e),
        None => Ok(unit),
    }
}

/// Compiles the expression of an `eval()` into a unit that returns its value.
pub fn compile_eval(source: &str, filename: &str) -> Result<Arc<CodeUnit>, CompileError> {
    let parsed = ruff_python_parser::parse_expression(source)
        .map_err(|e| crate::errors::syntax_error_from_parse(source, &e))?;
    let expr = parsed.into_syntax();
    let body = vec![Stmt::Expr(ast::StmtExpr {
        node_index: Default::default(),
        range: expr.range,
        value: expr.body,
    })];
    let st = symtable::build(&body).map_err(|e| CompileError {
        kind: "SyntaxError",
        message: e.message,
        line: 1,
        col: 1,
        end_col: 1,
        text: source.lines().next().unwrap_or("").to_string(),
    })?;
    let mut c = Compiler {
        lines: LineIndex::new(source),
        st,
        filename: filename.into(),
        units: Vec::new(),
        source,
        future_annotations: false,
        interactive: false,
        error: None,
    };
    let unit = c.eval_unit(&body);
    match c.error {
        Some(e) => Err(e),
        None => Ok(unit),
    }
}

impl<'a> Compiler<'a> {
    fn eval_unit(&mut self, body: &'a [Stmt]) -> Arc<CodeUnit> {
        self.push_unit(0, UnitKind::Module, "<module>", "<module>", 1);
        if let Some(Stmt::Expr(e)) = body.first() {
            self.emit_line(e.range);
            self.expr(&e.value);
        }
        self.emit_noline(Op::ReturnValue);
        self.pop_unit()
    }

    fn module(&mut self, body: &'a [Stmt]) -> Arc<CodeUnit> {
        self.push_unit(0, UnitKind::Module, "<module>", "<module>", 1);
        self.future_annotations = body.iter().any(|s| matches!(s, Stmt::ImportFrom(i) if i.module.as_ref().map(|m| m.as_str()) == Some("__future__") && i.names.iter().any(|n| n.name.as_str() == "annotations")));
        if self.st.scopes[0].has_annotations {
            self.emit(Op::SetupAnnotations);
        }
        let body = if self.interactive {
            body
        } else {
            self.docstring(body, true)
        };
        for s in body {
            self.stmt(s);
        }
        // The implicit `return None` carries the last line.
        let k = self.const_idx(Const::None);
        self.emit_noline(Op::LoadConst(k));
        self.emit_noline(Op::ReturnValue);
        self.pop_unit()
    }

    /// Strips a leading docstring; stores it for module / class / function units.
    fn docstring(&mut self, body: &'a [Stmt], store_module: bool) -> &'a [Stmt] {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let ast::Expr::StringLiteral(s) = &*e.value {
                let doc: Arc<str> = s.value.to_str().into();
                self.unit().doc = Some(doc.clone());
                if store_module {
                    self.set_span(e.range());
                    self.emit_line(e.range());
                    let k = self.const_idx(Const::Str(doc));
                    self.emit(Op::LoadConst(k));
                    let n = self.name_idx("__doc__");
                    self.emit(Op::StoreName(n));
                }
                return &body[1..];
            }
        }
        body
    }

    fn fail(&mut self, msg: impl Into<String>, range: TextRange) {
        if self.error.is_none() {
            let (line, col) = self.lines.pos(range.start().to_usize());
            let (_, end) = self.lines.pos(range.end().to_usize());
            let text = self
                .source
                .lines()
                .nth(line.saturating_sub(1) as usize)
                .unwrap_or("")
                .to_string();
            self.error = Some(CompileError {
                kind: "SyntaxError",
                message: msg.into(),
                line,
                col: col + 1,
                end_col: end + 1,
                text,
            });
        }
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn scope(&self) -> &symtable::Scope {
        let id = self.units.last().map(|u| u.scope).unwrap_or(0);
        &self.st.scopes[id]
    }

    fn push_unit(
        &mut self,
        scope: usize,
        kind: UnitKind,
        name: &str,
        qualname: &str,
        firstlineno: u32,
    ) {
        let sc = &self.st.scopes[scope];
        let varnames = if sc.kind == BlockKind::Function {
            sc.varnames()
        } else {
            Vec::new()
        };
        let var_index = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let mut flags = 0;
        if sc.kind == BlockKind::Function {
            flags |= match (sc.is_generator, sc.is_coroutine) {
                (true, true) => flags::ASYNC_GENERATOR,
                (true, false) => flags::GENERATOR,
                (false, true) => flags::COROUTINE,
                (false, false) => 0,
            };
        }
        let cellvars = sc.cellvars.clone();
        let freevars = sc.freevars.clone();
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno,
            ins: Vec::new(),
            nlabels: 0,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            var_index,
            cellvars,
            freevars,
            fblocks: Vec::new(),
            span: Span {
                line: firstlineno,
                col: 0,
                end_line: firstlineno,
                end_col: 0,
            },
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            doc: None,
        });
    }

    fn pop_unit(&mut self) -> Arc<CodeUnit> {
        let u = self.units.pop().expect("unit");
        let (ops, spans, exc_table, stacksize) = assemble(&u.ins, u.nlabels);
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                u.varnames
                    .iter()
                    .position(|v| v == c)
                    .filter(|&i| {
                        (i as u32)
                            < u.argcount
                                + u.kwonlyargcount
                                + u32::from(u.flags & flags::VARARGS != 0)
                                + u32::from(u.flags & flags::VARKEYWORDS != 0)
                    })
                    .map(|i| i as u32)
            })
            .collect();
        Arc::new(CodeUnit {
            kind: u.kind,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            ops,
            spans,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            exc_table,
            stacksize,
            doc: u.doc,
        })
    }

    fn new_label(&mut self) -> u32 {
        let u = self.unit();
        u.nlabels += 1;
        u.nlabels - 1
    }

    fn bind(&mut self, label: u32) {
        self.unit().ins.push(Ins::Label(label));
    }

    fn set_span(&mut self, r: TextRange) {
        let s = self.lines.span(r);
        self.unit().span = s;
    }

    fn emit(&mut self, op: Op) {
        let s = self.unit().span;
        self.unit().ins.push(Ins::Real(op, s));
    }

    /// Emits with no new position: the instruction keeps the previous line.
    fn emit_noline(&mut self, op: Op) {
        let s = self
            .unit()
            .ins
            .iter()
            .rev()
            .find_map(|i| {
                if let Ins::Real(_, s) = i {
                    Some(*s)
                } else {
                    None
                }
            })
            .unwrap_or(self.unit().span);
        self.unit().ins.push(Ins::Real(op, s));
    }

    fn emit_line(&mut self, r: TextRange) {
        let (line, _) = self.lines.pos(r.start().to_usize());
        self.emit(Op::Line(line));
    }

    fn setup_finally(&mut self, l: u32) {
        self.unit().ins.push(Ins::SetupFinally(l));
    }

    fn setup_cleanup(&mut self, l: u32) {
        self.unit().ins.push(Ins::SetupCleanup(l));
    }

    fn setup_with(&mut self, l: u32) {
        self.unit().ins.push(Ins::SetupWith(l));
    }

    fn pop_block(&mut self) {
        self.unit().ins.push(Ins::PopBlock);
    }

    fn const_idx(&mut self, c: Const) -> u32 {
        let key = c.key();
        let u = self.unit();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        u.consts.push(c);
        let i = u.consts.len() as u32 - 1;
        u.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, c: Const) {
        let k = self.const_idx(c);
        self.emit(Op::LoadConst(k));
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.const_idx(Const::Str(s.into()))
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(name.to_string());
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.scope().private.as_deref(), name)
    }

    /// The head of a `for`/`async for` loop over the iterator on TOS: the next item, or
    /// (sync) a jump to `exhausted`. An async loop's `StopAsyncIteration` is caught at
    /// the returned label, where the caller emits `END_ASYNC_FOR`.
    fn loop_next(&mut self, is_async: bool, exhausted: u32) -> Option<u32> {
        if !is_async {
            self.emit(Op::ForIter(exhausted));
            return None;
        }
        let end_async = self.new_label();
        self.setup_finally(end_async);
        self.emit(Op::GetANext);
        self.emit_await();
        self.pop_block();
        Some(end_async)
    }

    /// `await` of TOS: `GET_AWAITABLE; LOAD_CONST None; SEND` (the result replaces TOS).
    fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.load_const(Const::None);
        let exit = self.new_label();
        self.emit(Op::Send(exit));
        self.bind(exit);
    }

    /// Whether the scope being compiled is an `async def` body (or a comprehension in one).
    fn in_async_scope(&self) -> bool {
        self.st.scopes[self.units.last().map_or(0, |u| u.scope)].is_coroutine
    }

    /// Emits an `Unsupported` instruction for a construct the interpreter does not model.
    fn unsupported(&mut self, feature: &str, r: TextRange) {
        self.set_span(r);
        let k = self.str_const(feature);
        self.emit(Op::Unsupported(k));
    }

    fn deref_idx(&self, name: &str) -> u32 {
        let u = self.units.last().expect("unit");
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return i as u32;
        }
        let i = u.freevars.iter().position(|c| c == name).unwrap_or(0);
        (u.cellvars.len() + i) as u32
    }

    fn var_idx(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_index.get(name) {
            return i;
        }
        u.varnames.push(name.to_string());
        let i = u.varnames.len() as u32 - 1;
        u.var_index.insert(name.to_string(), i);
        i
    }

    /// Load / store / delete of a plain name, choosing the instruction by scope.
    fn nameop(&mut self, name: &str, ctx: ast::ExprContext) {
        let mangled = self.mangle(name);
        let sc = self.scope();
        let block = sc.kind;
        let mut scope = sc.scope_of(&mangled);
        if block == BlockKind::Class && mangled == "__class__" && sc.needs_class_closure {
            scope = NameScope::Cell;
        }
        if block == BlockKind::Class && scope == NameScope::Cell && mangled != "__class__" {
            scope = NameScope::Local;
        }
        use ast::ExprContext::*;
        match scope {
            NameScope::Free | NameScope::Cell => {
                let i = self.deref_idx(&mangled);
                match ctx {
                    Load if block == BlockKind::Class && scope == NameScope::Free => {
                        self.emit(Op::LoadClassDeref(i))
                    }
                    Load => self.emit(Op::LoadDeref(i)),
                    Store => self.emit(Op::StoreDeref(i)),
                    _ => self.emit(Op::DeleteDeref(i)),
                }
            }
            NameScope::Local if block == BlockKind::Function => {
                let i = self.var_idx(&mangled);
                match ctx {
                    Load => self.emit(Op::LoadFast(i)),
                    Store => self.emit(Op::StoreFast(i)),
                    _ => self.emit(Op::DeleteFast(i)),
                }
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if block == BlockKind::Function || scope == NameScope::GlobalExplicit =>
            {
                let i = self.name_idx(&mangled);
                match ctx {
                    Load => self.emit(Op::LoadGlobal(i)),
                    Store => self.emit(Op::StoreGlobal(i)),
                    _ => self.emit(Op::DeleteGlobal(i)),
                }
            }
            _ => {
                let i = self.name_idx(&mangled);
                match ctx {
                    Load => self.emit(Op::LoadName(i)),
                    Store => self.emit(Op::StoreName(i)),
                    _ => self.emit(Op::DeleteName(i)),
                }
            }
        }
    }

    /// The qualified name of a function or class defined in the current unit.
    fn qualname_for(&self, name: &str) -> String {
        let Some(u) = self.units.last() else {
            return name.to_string();
        };
        if u.kind == UnitKind::Module {
            return name.to_string();
        }
        let parent_scope = &self.st.scopes[u.scope];
        // A name declared global in the parent gets a plain qualname.
        if parent_scope.scope_of(&self.mangle(name)) == NameScope::GlobalExplicit {
            return name.to_string();
        }
        match u.kind {
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension => {
                format!("{}.<locals>.{}", u.qualname, name)
            }
            _ => format!("{}.{}", u.qualname, name),
        }
    }
}

/// Stack effect of an instruction (`jump`: along its jump edge).
fn stack_effect(op: &Op, jump: bool) -> i32 {
    use Op::*;
    match *op {
        Nop | Line(_) | Swap(_) | UnaryNeg | UnaryPos | UnaryInvert | UnaryNot | GetIter
        | ListToTuple | KwNames(_) | YieldValue | GetYieldFromIter | SetupAnnotations | Jump(_)
        | GetAwaitable | GetAIter => 0,
        PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_)
        | PopExcept | ImportName(_) | ImportStar | ListAppend(_) | SetAdd(_) | ListExtend(_)
        | SetUpdate(_) | DictUpdate(_) | DictMerge(_) | Binary(_) | Inplace(_) | Compare(_)
        | IsOp(_) | ContainsOp(_) | BinarySubscr | PrepReraiseStar | ReturnValue => -1,
        PushNull | Copy(_) | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
        | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | PushExcInfo
        | BeforeWith | BeforeAsyncWith | GetANext | WithExceptStart | ImportFrom(_)
        | LoadBuildClass | LoadAssertionError | MatchMapping | MatchSequence | MatchKeys
        | GetLen => 1,
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) | LoadAttr(_)
        | CheckExcMatch | CheckEgMatch | CopyDictWithoutKeys => 0,
        StoreAttr(_) | MapAdd(_) | DeleteSubscr | MatchClass(_) | EndAsyncFor => -2,
        StoreSubscr => -3,
        BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        BuildConstKeyMap(n) => -(n as i32),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        Send(_) => {
            if jump {
                -1
            } else {
                0
            }
        }
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(x) => (x & 0xff) as i32 + (x >> 8) as i32,
        Call(n) => -(n as i32) - 1,
        CallEx(kw) => -2 - i32::from(kw),
        MakeFunction(f) => -(f.count_ones() as i32),
        FormatValue(f) => {
            if f & crate::code::fmtval::HAS_SPEC != 0 {
                -1
            } else {
                0
            }
        }
        RaiseVarargs(n) => -(n as i32),
        Reraise(_) | Unsupported(_) => 0,
    }
}

fn jump_target(op: &Op) -> Option<u32> {
    use Op::*;
    match *op {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t)
        | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | ForIter(t) | Send(t) => Some(t),
        _ => None,
    }
}

/// Whether control never falls through to the next instruction (`SEND` continues only
/// at its target: a yield resumes at the `SEND` itself).
fn is_terminal(op: &Op) -> bool {
    matches!(
        op,
        Op::Jump(_)
            | Op::ReturnValue
            | Op::RaiseVarargs(_)
            | Op::Reraise(_)
            | Op::Unsupported(_)
            | Op::Send(_)
    )
}

fn with_target(op: Op, t: u32) -> Op {
    use Op::*;
    match op {
        Jump(_) => Jump(t),
        PopJumpIfFalse(_) => PopJumpIfFalse(t),
        PopJumpIfTrue(_) => PopJumpIfTrue(t),
        PopJumpIfNone(_) => PopJumpIfNone(t),
        PopJumpIfNotNone(_) => PopJumpIfNotNone(t),
        JumpIfFalseOrPop(_) => JumpIfFalseOrPop(t),
        JumpIfTrueOrPop(_) => JumpIfTrueOrPop(t),
        ForIter(_) => ForIter(t),
        Send(_) => Send(t),
        other => other,
    }
}

#[derive(Clone, Copy, PartialEq)]
struct Handler {
    label: u32,
    depth: u32,
    lasti: bool,
}

/// Resolves labels and pseudo-instructions: the real instructions, their spans and the
/// exception table.
fn assemble(ins: &[Ins], nlabels: u32) -> (Vec<Op>, Vec<Span>, Vec<ExcEntry>, u32) {
    let mut label_pos = vec![usize::MAX; nlabels as usize];
    for (i, x) in ins.iter().enumerate() {
        if let Ins::Label(l) = x {
            label_pos[*l as usize] = i;
        }
    }
    // Walk the control flow, tracking the handler stack and the stack depth.
    let mut handler_at: Vec<Option<Handler>> = vec![None; ins.len()];
    let mut visited = vec![false; ins.len()];
    let mut work: Vec<(usize, Vec<Handler>, i32)> = vec![(0, Vec::new(), 0)];
    let mut max_depth = 0i32;
    while let Some((mut i, mut stack, mut depth)) = work.pop() {
        while i < ins.len() {
            if visited[i] {
                break;
            }
            visited[i] = true;
            match ins[i] {
                Ins::Label(_) => {}
                Ins::SetupFinally(l) | Ins::SetupCleanup(l) | Ins::SetupWith(l) => {
                    let lasti = !matches!(ins[i], Ins::SetupFinally(_));
                    // A `with` handler also pops the `__enter__` result (stored by then).
                    let depth = depth - i32::from(matches!(ins[i], Ins::SetupWith(_)));
                    let h = Handler {
                        label: l,
                        depth: depth.max(0) as u32,
                        lasti,
                    };
                    let target = label_pos.get(l as usize).copied().unwrap_or(usize::MAX);
                    if target != usize::MAX {
                        let entry_depth = depth + 1 + i32::from(lasti);
                        max_depth = max_depth.max(entry_depth);
                        work.push((target, stack.clone(), entry_depth));
                    }
                    stack.push(h);
                }
                Ins::PopBlock => {
                    stack.pop();
                }
                Ins::Real(op, _) => {
                    handler_at[i] = stack.last().copied();
                    if let Some(t) = jump_target(&op) {
                        let target = label_pos.get(t as usize).copied().unwrap_or(usize::MAX);
                        if target != usize::MAX {
                            work.push((target, stack.clone(), depth + stack_effect(&op, true)));
                        }
                    }
                    if is_terminal(&op) {
                        break;
                    }
                    depth += stack_effect(&op, false);
                    max_depth = max_depth.max(depth);
                }
            }
            i += 1;
        }
    }
    // Final positions of real instructions; labels point at the next real one.
    let mut real_index = vec![0u32; ins.len() + 1];
    let mut n = 0u32;
    for (i, x) in ins.iter().enumerate() {
        real_index[i] = n;
        if matches!(x, Ins::Real(..)) {
            n += 1;
        }
    }
    real_index[ins.len()] = n;
    let label_target = |l: u32| -> u32 {
        let p = label_pos.get(l as usize).copied().unwrap_or(usize::MAX);
        if p == usize::MAX {
            n
        } else {
            real_index[p]
        }
    };
    let mut ops = Vec::with_capacity(n as usize);
    let mut spans = Vec::with_capacity(n as usize);
    let mut handlers: Vec<Option<Handler>> = Vec::with_capacity(n as usize);
    for (i, x) in ins.iter().enumerate() {
        if let Ins::Real(op, span) = x {
            let op = match jump_target(op) {
                Some(t) => with_target(*op, label_target(t)),
                None => *op,
            };
            ops.push(op);
            spans.push(*span);
            handlers.push(handler_at[i]);
        }
    }
    let mut table: Vec<ExcEntry> = Vec::new();
    let mut i = 0;
    while i < handlers.len() {
        if let Some(h) = handlers[i] {
            let start = i;
            while i < handlers.len() && handlers[i] == Some(h) {
                i += 1;
            }
            table.push(ExcEntry {
                start: start as u32,
                end: i as u32,
                target: label_target(h.label),
                depth: h.depth,
                lasti: h.lasti,
            });
        } else {
            i += 1;
        }
    }
    (ops, spans, table, max_depth.max(0) as u32)
}
