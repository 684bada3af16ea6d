//! Compiles oxc's arena AST into owned bytecode ([`crate::code::FnCode`]) in one pass,
//! resolving every identifier to its declaring scope. A final pass ([`scope`]) decides,
//! per scope, which variables a closure captures: those live in a heap context (V8's
//! `Context`, shared by every closure of the scope), the rest in frame-local slots.

mod expr;
mod func;
mod pattern;
pub mod scope;
mod stmt;

use crate::code::{Const, FnCode, FnFlags, Op, VarAct, VarRef};
use crate::value::JsStr;
use oxc_span::Span;
use scope::{Scopes, VarKind};
use std::collections::HashMap;
use std::sync::Arc;

/// Why a program could not be compiled.
#[derive(Debug, Clone)]
pub enum CompileError {
    /// A construct the simulator does not model.
    Unsupported {
        feature: String,
        line: u32,
        col: u32,
    },
    /// An early error V8 would raise (`SyntaxError: ...`).
    Syntax {
        message: String,
        line: u32,
        col: u32,
    },
}

pub type CResult<T> = Result<T, CompileError>;

/// A function being compiled.
pub(crate) struct FnBuilder {
    pub code: FnCode,
    pub children: Vec<FnBuilder>,
    /// Reserved prologue slot for a lazily bound `arguments`.
    pub args_pc: Option<usize>,
    /// The parameters' bindings (scope, index) when the list is simple (no defaults,
    /// patterns or rest): a sloppy function's `arguments` aliases them.
    pub simple_params: Option<Vec<(u32, u32)>>,
    const_strs: HashMap<JsStr, u32>,
    names_idx: HashMap<JsStr, u32>,
}

/// A control-flow construct break/continue/return must unwind through.
pub(crate) enum Ctl<'a> {
    Loop {
        labels: Vec<String>,
        breaks: Vec<usize>,
        continues: Vec<usize>,
        iter_on_stack: bool,
    },
    Breakable {
        labels: Vec<String>,
        breaks: Vec<usize>,
        extra: u32,
    },
    Scope(u32),
    Handler,
    Finally(&'a oxc_ast::ast::BlockStatement<'a>),
}

/// The compiler state for one program.
pub struct Compiler<'a> {
    pub(crate) src: &'a str,
    line_starts: Vec<usize>,
    pub(crate) scopes: Scopes,
    pub(crate) fns: Vec<FnBuilder>,
    pub(crate) scope_stack: Vec<u32>,
    pub(crate) ctl: Vec<Ctl<'a>>,
    pub(crate) cur_pos: (u32, u32),
    /// The line of the statement being compiled (0 for a program's prologue): the line
    /// a trace step shows for the instructions emitted now.
    pub(crate) stmt_line: u32,
    /// `stmt_line` of each enclosing function being compiled.
    outer_stmt_lines: Vec<u32>,
    pub(crate) pending_labels: Vec<String>,
    /// Classic-script semantics (browser): top-level `var` and function declarations
    /// become properties of the global object. Otherwise the program is a CommonJS
    /// module body (Node), whose top-level bindings are local.
    pub(crate) script_globals: bool,
    /// How V8 would name the value the next binding pattern destructures (set by a
    /// declaration or assignment just before its pattern).
    pub(crate) pattern_desc: Option<String>,
    /// Compiling a built-in module's source.
    pub(crate) builtin: bool,
    /// The name a function expression being compiled binds to itself.
    pub(crate) self_binding: Option<&'a str>,
    /// The name V8 infers for the anonymous function being compiled from what it is
    /// assigned to (`o.f = function () {}` is `o.f`); taken by the next function.
    pub(crate) inferred_name: Option<String>,
    /// Session snippets: top-level let/const/class are global bindings too, so the
    /// next snippet of the session sees them.
    pub(crate) global_lexicals: bool,
}

impl<'a> Compiler<'a> {
    pub fn new(src: &'a str, script_globals: bool) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Compiler {
            src,
            line_starts,
            scopes: Scopes::default(),
            fns: Vec::new(),
            scope_stack: Vec::new(),
            ctl: Vec::new(),
            cur_pos: (1, 1),
            stmt_line: 0,
            outer_stmt_lines: Vec::new(),
            pending_labels: Vec::new(),
            script_globals,
            pattern_desc: None,
            builtin: false,
            global_lexicals: false,
            self_binding: None,
            inferred_name: None,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let off = offset as usize;
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .src
            .get(start..off.min(self.src.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line as u32 + 1, col as u32 + 1)
    }

    pub(crate) fn set_pos(&mut self, span: Span) {
        self.cur_pos = self.line_col(span.start);
    }

    pub(crate) fn unsupported<T>(&self, feature: &str, span: Span) -> CResult<T> {
        let (line, col) = self.line_col(span.start);
        Err(CompileError::Unsupported {
            feature: feature.to_string(),
            line,
            col,
        })
    }

    pub(crate) fn syntax<T>(&self, message: &str, span: Span) -> CResult<T> {
        let (line, col) = self.line_col(span.start);
        Err(CompileError::Syntax {
            message: message.to_string(),
            line,
            col,
        })
    }

    pub(crate) fn text(&self, span: Span) -> &'a str {
        self.src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    // ----- emission -----

    pub(crate) fn f(&mut self) -> &mut FnBuilder {
        let n = self.fns.len() - 1;
        &mut self.fns[n]
    }

    pub(crate) fn emit(&mut self, op: Op) -> usize {
        let pos = self.cur_pos;
        let line = self.stmt_line;
        let f = self.f();
        f.code.code.push(op);
        f.code.pos.push(pos);
        f.code.lines.push(line);
        f.code.code.len() - 1
    }

    pub(crate) fn here(&mut self) -> usize {
        self.f().code.code.len()
    }

    /// Points the jump at `at` to the current position.
    pub(crate) fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    pub(crate) fn patch_to(&mut self, at: usize, target: u32) {
        if let Some(
            Op::Jump(t)
            | Op::JumpIfFalse(t)
            | Op::JumpIfTrue(t)
            | Op::JumpIfNotNullish(t)
            | Op::JumpIfNotUndef(t)
            | Op::JumpIfTrueKeep(t)
            | Op::JumpIfFalseKeep(t)
            | Op::PushHandler(t, _)
            | Op::YieldDelegate(t),
        ) = self.f().code.code.get_mut(at)
        {
            *t = target;
        }
    }

    pub(crate) fn name(&mut self, s: &str) -> u32 {
        let f = self.f();
        if let Some(i) = f.names_idx.get(s) {
            return *i;
        }
        let k: JsStr = Arc::from(s);
        let i = f.code.names.len() as u32;
        f.code.names.push(k.clone());
        f.names_idx.insert(k, i);
        i
    }

    pub(crate) fn const_str(&mut self, s: &str) -> u32 {
        let f = self.f();
        if let Some(i) = f.const_strs.get(s) {
            return *i;
        }
        let k: JsStr = Arc::from(s);
        let i = f.code.consts.len() as u32;
        f.code.consts.push(Const::Str(k.clone()));
        f.const_strs.insert(k, i);
        i
    }

    pub(crate) fn const_num(&mut self, n: f64) -> u32 {
        let f = self.f();
        f.code.consts.push(Const::Num(n));
        f.code.consts.len() as u32 - 1
    }

    pub(crate) fn const_big(&mut self, b: num_bigint::BigInt) -> u32 {
        let f = self.f();
        f.code.consts.push(Const::BigInt(Arc::new(b)));
        f.code.consts.len() as u32 - 1
    }

    pub(crate) fn emit_str(&mut self, s: &str) {
        let i = self.const_str(s);
        self.emit(Op::Const(i));
    }

    // ----- scopes -----

    pub(crate) fn cur_scope(&self) -> u32 {
        self.scope_stack.last().copied().unwrap_or(0)
    }

    /// Opens a scope (emits its entry marker).
    pub(crate) fn push_scope(&mut self) -> u32 {
        let parent = self.scope_stack.last().copied();
        let fid = self.fn_uid();
        let id = self.scopes.add(parent, fid);
        self.scope_stack.push(id);
        self.emit(Op::EnterScope(id));
        self.ctl.push(Ctl::Scope(id));
        id
    }

    pub(crate) fn pop_scope(&mut self) {
        if let Some(id) = self.scope_stack.pop() {
            self.emit(Op::ExitScope(id));
        }
        if let Some(Ctl::Scope(_)) = self.ctl.last() {
            self.ctl.pop();
        }
    }

    /// A unique id of the function being compiled (stable for its whole compilation).
    pub(crate) fn fn_uid(&self) -> u32 {
        self.fns.last().map(|f| f.code.scope).unwrap_or(0)
    }

    pub(crate) fn declare(&mut self, name: &str, kind: VarKind) -> u32 {
        let s = self.cur_scope();
        self.scopes.declare(s, name, kind)
    }

    /// Declares in the nearest function scope (`var`).
    pub(crate) fn declare_var(&mut self, name: &str) {
        let fs = self.fn_scope();
        self.scopes.declare(fs, name, VarKind::Var);
    }

    pub(crate) fn fn_scope(&self) -> u32 {
        let uid = self.fn_uid();
        for s in self.scope_stack.iter().rev() {
            if self.scopes.get(*s).func == uid && self.scopes.get(*s).is_fn_scope {
                return *s;
            }
        }
        self.cur_scope()
    }

    /// Emits a variable access by name: a resolved binding or a global.
    /// Pushes the private name `#name` of an enclosing class; V8 rejects a program that
    /// uses an undeclared one before running it.
    pub(crate) fn emit_private(&mut self, name: &str, span: Span) -> CResult<()> {
        let bind = format!("#{name}");
        if !self.scope_stack.iter().any(|s| self.scopes.has(*s, &bind)) {
            return self.syntax(
                &format!("Private field '{bind}' must be declared in an enclosing class"),
                span,
            );
        }
        self.emit_var(VarAct::Get, &bind);
        Ok(())
    }

    pub(crate) fn emit_var(&mut self, act: VarAct, name: &str) {
        if name == "arguments" {
            self.ensure_arguments();
        }
        let from = self.cur_scope();
        let uid = self.fn_uid();
        match self.scopes.resolve(&self.scope_stack, name, uid) {
            Some((scope, index, kind)) => {
                if act == VarAct::Set && kind == VarKind::Const {
                    let n = self.name(name);
                    // V8 still checks the TDZ before reporting the const assignment.
                    self.emit(Op::Var(VarAct::Get, VarRef { from, scope, index }, true, n));
                    self.emit(Op::Pop);
                    self.emit(Op::ThrowConst);
                    return;
                }
                let checked = kind.has_tdz();
                let n = self.name(name);
                self.emit(Op::Var(act, VarRef { from, scope, index }, checked, n));
            }
            None => {
                let n = self.name(name);
                match act {
                    VarAct::Get => self.emit(Op::GetGlobal(n)),
                    VarAct::Typeof => self.emit(Op::TypeofGlobal(n)),
                    VarAct::Set | VarAct::Init => self.emit(Op::SetGlobal(n)),
                };
            }
        }
    }

    /// True when the function being compiled is strict-mode code.
    pub(crate) fn strict(&self) -> bool {
        self.fns.last().is_some_and(|f| f.code.flags.strict)
    }

    /// True at the top level of a classic script, where declarations are global.
    pub(crate) fn at_global_level(&self) -> bool {
        self.script_globals && self.fns.len() == 1
    }

    /// Starts compiling a new function; its body scope is pushed. Strictness is
    /// inherited from the enclosing function.
    pub(crate) fn begin_fn(&mut self, name: &str, mut flags: FnFlags, source: &str) -> u32 {
        flags.strict |= self.strict();
        flags.builtin = self.builtin;
        let parent = self.scope_stack.last().copied();
        let scope = self.scopes.add_fn(parent);
        // A nested function's prologue belongs to the line where it is written.
        let line = if self.fns.is_empty() {
            0
        } else {
            self.cur_pos.0
        };
        self.outer_stmt_lines
            .push(std::mem::replace(&mut self.stmt_line, line));
        self.fns.push(FnBuilder {
            code: FnCode {
                name: Arc::from(name),
                inferred_name: Arc::from(self.inferred_name.take().unwrap_or_default()),
                flags,
                source: Arc::from(source),
                scope,
                ..FnCode::default()
            },
            children: Vec::new(),
            args_pc: None,
            simple_params: None,
            const_strs: HashMap::new(),
            names_idx: HashMap::new(),
        });
        self.scope_stack.push(scope);
        self.emit(Op::EnterScope(scope));
        scope
    }

    /// Finishes the current function; returns its index among the parent's functions.
    pub(crate) fn end_fn(&mut self) -> u32 {
        self.scope_stack.pop();
        self.stmt_line = self.outer_stmt_lines.pop().unwrap_or(0);
        let done = self.fns.pop();
        match (done, self.fns.last_mut()) {
            (Some(done), Some(parent)) => {
                parent.children.push(done);
                parent.children.len() as u32 - 1
            }
            (Some(done), None) => {
                self.fns.push(done);
                0
            }
            _ => 0,
        }
    }
}

/// Parses and compiles a program (a classic script when `script_globals`, else a
/// CommonJS module body). Syntax errors come back as V8 would word them.
pub fn compile_program(
    src: &str,
    script_globals: bool,
    builtin: bool,
    global_lexicals: bool,
) -> CResult<Arc<FnCode>> {
    let alloc = oxc_allocator::Allocator::default();
    let st = oxc_span::SourceType::cjs();
    let ret = oxc_parser::Parser::new(&alloc, src, st).parse();
    let mut comp = Compiler::new(src, script_globals);
    comp.builtin = builtin;
    comp.global_lexicals = global_lexicals;
    if let Some(err) = ret.diagnostics.errors().next() {
        let offset = err.labels.first().map(|l| l.offset()).unwrap_or(0);
        let (line, col) = comp.line_col(offset);
        return Err(CompileError::Syntax {
            message: crate::errors::v8_syntax_message(&err.message, src, offset as usize),
            line,
            col,
        });
    }
    comp.program(&ret.program)?;
    let root = comp.fns.pop().ok_or(CompileError::Unsupported {
        feature: "empty program".into(),
        line: 1,
        col: 1,
    })?;
    Ok(scope::finish(root, &comp.scopes))
}
