//! Statements: declarations with hoisting and the temporal dead zone, blocks, loops
//! (per-iteration `let` contexts), switch, labels, try/catch/finally (finally bodies are
//! inlined on every exit path), and break/continue/return unwinding.

use super::scope::VarKind;
use super::{CResult, Compiler, Ctl};
use crate::code::{BinOp, FnFlags, Op, VarAct};
use oxc_ast::ast::*;
use oxc_span::GetSpan;

impl<'a> Compiler<'a> {
    /// Compiles the whole program as the body of the top-level function. A CommonJS
    /// module body (Node) receives `exports, require, module, __filename, __dirname` as
    /// its arguments, like Node's module wrapper.
    pub fn program(&mut self, p: &'a Program<'a>) -> CResult<()> {
        let flags = FnFlags {
            program: true,
            strict: p.directives.iter().any(|d| d.directive == "use strict"),
            ..FnFlags::default()
        };
        self.begin_fn("", flags, self.src);
        self.declare("this", VarKind::Implicit);
        self.emit(Op::LoadThis);
        self.emit_var(VarAct::Init, "this");
        if !self.script_globals {
            let pc = self.here();
            self.emit(Op::Nop);
            self.emit(Op::Nop);
            self.f().args_pc = Some(pc);
            for (i, n) in ["exports", "require", "module", "__filename", "__dirname"]
                .into_iter()
                .enumerate()
            {
                self.declare(n, VarKind::Param);
                self.emit(Op::LoadArg(i as u32));
                self.emit_var(VarAct::Init, n);
            }
        }
        self.body(&p.body)?;
        self.emit(Op::Undef);
        self.emit(Op::Return);
        self.end_fn();
        Ok(())
    }

    /// A function or program body: hoists `var`s, function declarations and (in sloppy
    /// code, Annex B) the `var` twins of block-level functions into the current function
    /// scope, then compiles the statements.
    pub(crate) fn body(&mut self, stmts: &'a [Statement<'a>]) -> CResult<()> {
        let mut vars = Vec::new();
        for s in stmts {
            collect_vars(s, &mut vars);
        }
        if !self.strict() {
            let mut lexical = Vec::new();
            top_lexical_names(stmts, &mut lexical);
            let mut block_fns = Vec::new();
            for s in stmts {
                collect_block_fns(s, false, &mut block_fns);
            }
            vars.extend(block_fns.into_iter().filter(|n| !lexical.contains(n)));
        }
        if self.at_global_level() {
            let mut names = vars;
            for s in stmts {
                if let Statement::FunctionDeclaration(f) = s {
                    names.extend(f.id.as_ref().map(|id| id.name.as_str()));
                }
            }
            if self.global_lexicals {
                top_lexical_names(stmts, &mut names);
            }
            for v in names {
                let n = self.name(v);
                self.emit(Op::DeclareGlobalVar(n));
            }
        } else {
            for v in vars {
                if self.scopes.conflicts(self.cur_scope(), v, VarKind::Var) {
                    return self.syntax(
                        &format!("Identifier '{v}' has already been declared"),
                        stmts[0].span(),
                    );
                }
                self.declare_var(v);
            }
        }
        self.hoist_block(stmts, true)?;
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// Declares the lexical bindings of a statement list (TDZ) and instantiates its
    /// function declarations.
    fn hoist_block(&mut self, stmts: &'a [Statement<'a>], fn_level: bool) -> CResult<()> {
        let mut tdz = Vec::new();
        let lexicals_global = fn_level && self.global_lexicals && self.at_global_level();
        for s in stmts {
            match s {
                Statement::VariableDeclaration(_) | Statement::ClassDeclaration(_)
                    if lexicals_global => {}
                Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var => {
                    let kind = if d.kind == VariableDeclarationKind::Const {
                        VarKind::Const
                    } else {
                        VarKind::Let
                    };
                    for decl in &d.declarations {
                        let mut names = Vec::new();
                        pattern_names(&decl.id, &mut names);
                        for n in names {
                            if self.scopes.conflicts(self.cur_scope(), n, kind) {
                                return self.syntax(
                                    &format!("Identifier '{n}' has already been declared"),
                                    decl.span,
                                );
                            }
                            self.declare(n, kind);
                            tdz.push(n);
                        }
                    }
                }
                Statement::ClassDeclaration(c) => {
                    if let Some(id) = &c.id {
                        if self
                            .scopes
                            .conflicts(self.cur_scope(), &id.name, VarKind::Class)
                        {
                            return self.syntax(
                                &format!("Identifier '{}' has already been declared", id.name),
                                c.span,
                            );
                        }
                        self.declare(&id.name, VarKind::Class);
                        tdz.push(id.name.as_str());
                    }
                }
                Statement::FunctionDeclaration(f) => {
                    if let Some(id) = &f.id {
                        if fn_level && self.at_global_level() {
                            continue;
                        }
                        let kind = if fn_level {
                            VarKind::Var
                        } else {
                            VarKind::Func
                        };
                        if !fn_level
                            && self
                                .scopes
                                .conflicts(self.cur_scope(), &id.name, VarKind::Let)
                        {
                            return self.syntax(
                                &format!("Identifier '{}' has already been declared", id.name),
                                f.span,
                            );
                        }
                        self.declare(&id.name, kind);
                    }
                }
                _ => {}
            }
        }
        for n in tdz {
            self.emit(Op::Empty);
            self.emit_var(VarAct::Init, n);
        }
        for s in stmts {
            if let Statement::FunctionDeclaration(f) = s {
                if let Some(id) = &f.id {
                    self.set_pos(f.span);
                    let outer = std::mem::replace(&mut self.stmt_line, self.cur_pos.0);
                    self.function(f, Some(id.name.as_str()))?;
                    self.emit_var(VarAct::Init, &id.name);
                    self.stmt_line = outer;
                    if !fn_level && !self.strict() {
                        self.annex_b_copy(&id.name);
                    }
                }
            }
        }
        Ok(())
    }

    /// Annex B: a sloppy block-level function is also assigned to the `var` binding of
    /// the same name in the enclosing function (or to the global object).
    fn annex_b_copy(&mut self, name: &str) {
        let from = self.cur_scope();
        let fs = self.fn_scope();
        if self.at_global_level() {
            self.emit_var(VarAct::Get, name);
            let n = self.name(name);
            self.emit(Op::SetGlobal(n));
            return;
        }
        let Some(index) = self.scopes.lookup(fs, name) else {
            return;
        };
        if self.scopes.kind_in(fs, name) != Some(VarKind::Var) {
            return;
        }
        self.emit_var(VarAct::Get, name);
        let n = self.name(name);
        self.emit(Op::Var(
            VarAct::Set,
            crate::code::VarRef {
                from,
                scope: fs,
                index,
            },
            false,
            n,
        ));
    }

    pub(crate) fn stmt(&mut self, s: &'a Statement<'a>) -> CResult<()> {
        self.set_pos(s.span());
        let outer = std::mem::replace(&mut self.stmt_line, self.cur_pos.0);
        let done = self.stmt_kind(s);
        self.stmt_line = outer;
        done
    }

    /// [`Compiler::stmt`] once the statement's position is set.
    fn stmt_kind(&mut self, s: &'a Statement<'a>) -> CResult<()> {
        let labels = std::mem::take(&mut self.pending_labels);
        match s {
            Statement::ExpressionStatement(e) => {
                self.expr(&e.expression)?;
                self.emit(Op::Pop);
            }
            Statement::VariableDeclaration(d) => self.var_decl(d)?,
            Statement::FunctionDeclaration(_) => {}
            Statement::ClassDeclaration(c) => {
                self.class(c)?;
                if let Some(id) = &c.id {
                    self.emit_var(VarAct::Init, &id.name);
                }
            }
            Statement::BlockStatement(b) => self.block(&b.body)?,
            Statement::EmptyStatement(_) | Statement::DebuggerStatement(_) => {}
            Statement::IfStatement(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::JumpIfFalse(0));
                self.stmt(&i.consequent)?;
                if let Some(alt) = &i.alternate {
                    let j2 = self.emit(Op::Jump(0));
                    self.patch(j);
                    self.stmt(alt)?;
                    self.patch(j2);
                } else {
                    self.patch(j);
                }
            }
            Statement::ReturnStatement(r) => {
                match &r.argument {
                    Some(e) => self.expr(e)?,
                    None => {
                        self.emit(Op::Undef);
                    }
                }
                self.unwind_for_return()?;
                self.emit(Op::Return);
            }
            Statement::ThrowStatement(t) => {
                self.expr(&t.argument)?;
                self.emit(Op::Throw);
            }
            Statement::WhileStatement(w) => {
                let top = self.here();
                self.expr(&w.test)?;
                let exit = self.emit(Op::JumpIfFalse(0));
                self.loop_body(labels, &w.body, false, top as u32)?;
                self.emit(Op::Jump(top as u32));
                self.patch(exit);
                self.finish_loop();
            }
            Statement::DoWhileStatement(w) => {
                let top = self.here();
                self.ctl.push(Ctl::Loop {
                    labels,
                    breaks: vec![],
                    continues: vec![],
                    iter_on_stack: false,
                });
                self.stmt(&w.body)?;
                let cont = self.here() as u32;
                self.patch_continues(cont);
                self.expr(&w.test)?;
                self.emit(Op::JumpIfTrue(top as u32));
                self.finish_loop();
            }
            Statement::ForStatement(f) => self.for_stmt(f, labels)?,
            Statement::ForOfStatement(f) => {
                self.expr(&f.right)?;
                let d = self.name(&super::expr::describe(&f.right));
                if f.r#await {
                    self.emit(Op::GetAsyncIter(d));
                } else {
                    self.emit(Op::GetIter(d));
                }
                self.for_each(&f.left, &f.body, labels, f.r#await)?;
            }
            Statement::ForInStatement(f) => {
                self.expr(&f.right)?;
                self.emit(Op::ForInKeys);
                self.for_each(&f.left, &f.body, labels, false)?;
            }
            Statement::BreakStatement(b) => {
                let label = b.label.as_ref().map(|l| l.name.to_string());
                self.jump_out(label, false, b.span)?;
            }
            Statement::ContinueStatement(c) => {
                let label = c.label.as_ref().map(|l| l.name.to_string());
                self.jump_out(label, true, c.span)?;
            }
            Statement::LabeledStatement(l) => {
                let mut labels = labels;
                labels.push(l.label.name.to_string());
                let is_loop = matches!(
                    l.body,
                    Statement::ForStatement(_)
                        | Statement::ForInStatement(_)
                        | Statement::ForOfStatement(_)
                        | Statement::WhileStatement(_)
                        | Statement::DoWhileStatement(_)
                        | Statement::LabeledStatement(_)
                );
                if is_loop {
                    self.pending_labels = labels;
                    self.stmt(&l.body)?;
                } else {
                    self.ctl.push(Ctl::Breakable {
                        labels,
                        breaks: vec![],
                        extra: 0,
                    });
                    self.stmt(&l.body)?;
                    self.finish_breakable();
                }
            }
            Statement::SwitchStatement(sw) => self.switch(sw, labels)?,
            Statement::TryStatement(t) => self.try_stmt(t)?,
            Statement::WithStatement(w) => return self.unsupported("with statement", w.span),
            Statement::ImportDeclaration(d) => {
                return self.unsupported("import declaration", d.span)
            }
            _ if s.is_module_declaration() => {
                return self.unsupported("export declaration", s.span())
            }
            _ => return self.unsupported("TypeScript syntax", s.span()),
        }
        Ok(())
    }

    pub(crate) fn block(&mut self, stmts: &'a [Statement<'a>]) -> CResult<()> {
        let needs_scope = stmts.iter().any(|s| {
            matches!(s, Statement::ClassDeclaration(_) | Statement::FunctionDeclaration(_))
                || matches!(s, Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var)
        });
        if needs_scope {
            self.push_scope();
            self.hoist_block(stmts, false)?;
        }
        for s in stmts {
            self.stmt(s)?;
        }
        if needs_scope {
            self.pop_scope();
        }
        Ok(())
    }

    fn var_decl(&mut self, d: &'a VariableDeclaration<'a>) -> CResult<()> {
        if matches!(
            d.kind,
            VariableDeclarationKind::Using | VariableDeclarationKind::AwaitUsing
        ) {
            return self.unsupported("using declaration", d.span);
        }
        for decl in &d.declarations {
            self.set_pos(decl.span);
            match &decl.init {
                Some(init) => {
                    let name = match &decl.id {
                        BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                        _ => None,
                    };
                    self.expr_named(init, name)?;
                }
                None => {
                    if d.kind == VariableDeclarationKind::Var {
                        continue;
                    }
                    self.emit(Op::Undef);
                }
            }
            if let Some(init) = &decl.init {
                self.pattern_desc = Some(super::expr::describe(init));
            }
            self.bind_pattern(&decl.id, VarAct::Init)?;
        }
        Ok(())
    }

    fn loop_body(
        &mut self,
        labels: Vec<String>,
        body: &'a Statement<'a>,
        iter: bool,
        cont: u32,
    ) -> CResult<()> {
        self.ctl.push(Ctl::Loop {
            labels,
            breaks: vec![],
            continues: vec![],
            iter_on_stack: iter,
        });
        self.stmt(body)?;
        self.patch_continues(cont);
        Ok(())
    }

    fn patch_continues(&mut self, target: u32) {
        if let Some(Ctl::Loop { continues, .. }) = self.ctl.last_mut() {
            let cs = std::mem::take(continues);
            for c in cs {
                self.patch_to(c, target);
            }
        }
    }

    /// Pops the loop's control entry and points its breaks here.
    fn finish_loop(&mut self) {
        if let Some(Ctl::Loop { breaks, .. }) = self.ctl.pop() {
            for b in breaks {
                self.patch(b);
            }
        }
    }

    fn finish_breakable(&mut self) {
        if let Some(Ctl::Breakable { breaks, .. }) = self.ctl.pop() {
            for b in breaks {
                self.patch(b);
            }
        }
    }

    fn for_stmt(&mut self, f: &'a ForStatement<'a>, labels: Vec<String>) -> CResult<()> {
        let mut scope = None;
        let mut let_names = Vec::new();
        match &f.init {
            Some(ForStatementInit::VariableDeclaration(d)) => {
                if d.kind != VariableDeclarationKind::Var {
                    let sc = self.push_scope();
                    scope = Some(sc);
                    let kind = if d.kind == VariableDeclarationKind::Const {
                        VarKind::Const
                    } else {
                        VarKind::Let
                    };
                    for decl in &d.declarations {
                        pattern_names(&decl.id, &mut let_names);
                    }
                    for n in &let_names {
                        self.declare(n, kind);
                        self.emit(Op::Empty);
                        self.emit_var(VarAct::Init, n);
                    }
                }
                self.var_decl(d)?;
            }
            Some(init) => {
                if let Some(e) = init.as_expression() {
                    self.expr(e)?;
                    self.emit(Op::Pop);
                }
            }
            None => {}
        }
        let top = self.here() as u32;
        let exit = match &f.test {
            Some(t) => {
                self.expr(t)?;
                Some(self.emit(Op::JumpIfFalse(0)))
            }
            None => None,
        };
        self.ctl.push(Ctl::Loop {
            labels,
            breaks: vec![],
            continues: vec![],
            iter_on_stack: false,
        });
        self.stmt(&f.body)?;
        let cont = self.here() as u32;
        self.patch_continues(cont);
        if let Some(sc) = scope {
            self.emit(Op::CopyScope(sc));
        }
        if let Some(u) = &f.update {
            self.expr(u)?;
            self.emit(Op::Pop);
        }
        self.emit(Op::Jump(top));
        if let Some(e) = exit {
            self.patch(e);
        }
        self.finish_loop();
        if scope.is_some() {
            self.pop_scope();
        }
        Ok(())
    }

    /// for-of / for-in body: the iterator and its `next` are on the stack. An exception
    /// leaving the body closes the iterator (a generator's `finally` runs).
    fn for_each(
        &mut self,
        left: &'a ForStatementLeft<'a>,
        body: &'a Statement<'a>,
        labels: Vec<String>,
        is_await: bool,
    ) -> CResult<()> {
        let top = self.here() as u32;
        if is_await {
            self.emit(Op::AsyncIterCall);
            self.emit(Op::Await);
            self.emit(Op::IterResult);
        } else {
            self.emit(Op::IterNext);
        }
        let exit = self.emit(Op::JumpIfTrue(0));
        self.ctl.push(Ctl::Loop {
            labels,
            breaks: vec![],
            continues: vec![],
            iter_on_stack: true,
        });
        let mut scoped = false;
        match left {
            ForStatementLeft::VariableDeclaration(d) => {
                let decl = match d.declarations.first() {
                    Some(x) => x,
                    None => return self.syntax("Unexpected token", d.span),
                };
                if d.kind == VariableDeclarationKind::Var {
                    self.bind_pattern(&decl.id, VarAct::Set)?;
                } else {
                    self.push_scope();
                    scoped = true;
                    let kind = if d.kind == VariableDeclarationKind::Const {
                        VarKind::Const
                    } else {
                        VarKind::Let
                    };
                    let mut names = Vec::new();
                    pattern_names(&decl.id, &mut names);
                    for n in names {
                        self.declare(n, kind);
                    }
                    self.bind_pattern(&decl.id, VarAct::Init)?;
                }
            }
            _ => {
                if let Some(t) = left.as_assignment_target() {
                    self.assign_target_from_stack(t)?;
                }
            }
        }
        let h = self.emit(Op::PushHandler(0, true));
        self.ctl.push(Ctl::Handler);
        self.stmt(body)?;
        self.ctl.pop();
        self.emit(Op::PopHandler);
        if scoped {
            self.pop_scope();
        }
        self.patch_continues(top);
        self.emit(Op::Jump(top));
        self.patch(h);
        self.emit(Op::IterCloseThrow);
        self.patch(exit);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.finish_loop();
        Ok(())
    }

    fn switch(&mut self, sw: &'a SwitchStatement<'a>, labels: Vec<String>) -> CResult<()> {
        self.expr(&sw.discriminant)?;
        self.ctl.push(Ctl::Breakable {
            labels,
            breaks: vec![],
            extra: 1,
        });
        let all: Vec<&'a Statement<'a>> =
            sw.cases.iter().flat_map(|c| c.consequent.iter()).collect();
        let needs_scope = all.iter().any(|s| {
            matches!(s, Statement::ClassDeclaration(_) | Statement::FunctionDeclaration(_))
                || matches!(s, Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var)
        });
        if needs_scope {
            self.push_scope();
            for c in &sw.cases {
                self.hoist_block(&c.consequent, false)?;
            }
        }
        let mut jumps = Vec::new();
        for c in &sw.cases {
            if let Some(t) = &c.test {
                self.emit(Op::Dup);
                self.expr(t)?;
                self.emit(Op::Bin(BinOp::StrictEq));
                jumps.push(Some(self.emit(Op::JumpIfTrue(0))));
            } else {
                jumps.push(None);
            }
        }
        let to_default = self.emit(Op::Jump(0));
        let mut default_at = None;
        for (i, c) in sw.cases.iter().enumerate() {
            let here = self.here();
            match jumps[i] {
                Some(j) => self.patch(j),
                None => default_at = Some(here),
            }
            for s in &c.consequent {
                self.stmt(s)?;
            }
        }
        let end_body = self.here();
        match default_at {
            Some(d) => self.patch_to(to_default, d as u32),
            None => self.patch_to(to_default, end_body as u32),
        }
        if needs_scope {
            self.pop_scope();
        }
        self.emit(Op::Pop);
        self.finish_breakable();
        Ok(())
    }

    /// try/catch/finally: the `finally` handler encloses the `catch` handler, so an
    /// exception from the catch block (or a generator's return) still runs the
    /// finally block; the finally body is compiled once for the normal path and once
    /// for the throw path (which rethrows after it).
    fn try_stmt(&mut self, t: &'a TryStatement<'a>) -> CResult<()> {
        if let Some(fin) = &t.finalizer {
            self.ctl.push(Ctl::Finally(fin));
        }
        let fin_h = match t.finalizer {
            Some(_) => {
                let h = self.emit(Op::PushHandler(0, true));
                self.ctl.push(Ctl::Handler);
                Some(h)
            }
            None => None,
        };
        let catch_h = match t.handler {
            Some(_) => {
                let h = self.emit(Op::PushHandler(0, false));
                self.ctl.push(Ctl::Handler);
                Some(h)
            }
            None => None,
        };
        self.block(&t.block.body)?;
        if catch_h.is_some() {
            self.ctl.pop();
            self.emit(Op::PopHandler);
        }
        let after_try = self.emit(Op::Jump(0));
        if let (Some(handler), Some(h)) = (&t.handler, catch_h) {
            self.patch(h);
            self.push_scope();
            match &handler.param {
                Some(p) => {
                    let mut names = Vec::new();
                    pattern_names(&p.pattern, &mut names);
                    for n in names {
                        self.declare(n, VarKind::Let);
                    }
                    self.bind_pattern(&p.pattern, VarAct::Init)?;
                }
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.block(&handler.body.body)?;
            self.pop_scope();
        }
        self.patch(after_try);
        if let (Some(fin), Some(h)) = (&t.finalizer, fin_h) {
            self.ctl.pop();
            self.emit(Op::PopHandler);
            self.ctl.pop();
            self.block(&fin.body)?;
            let end = self.emit(Op::Jump(0));
            // Throw path: the exception is on the stack while the finally runs.
            self.patch(h);
            self.block(&fin.body)?;
            self.emit(Op::Throw);
            self.patch(end);
        }
        Ok(())
    }

    /// break / continue: unwinds scopes, handlers, finally blocks and iterators up to
    /// the target construct.
    fn jump_out(
        &mut self,
        label: Option<String>,
        is_continue: bool,
        span: oxc_span::Span,
    ) -> CResult<()> {
        let mut target = None;
        for (i, c) in self.ctl.iter().enumerate().rev() {
            match c {
                Ctl::Loop { labels, .. } if label.as_ref().is_none_or(|l| labels.contains(l)) => {
                    target = Some(i);
                    break;
                }
                Ctl::Breakable { labels, .. } if !is_continue => {
                    let matches = match &label {
                        Some(l) => labels.contains(l),
                        None => labels.is_empty(),
                    };
                    if matches {
                        target = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(t) = target else {
            let msg = match &label {
                Some(l) => format!("Undefined label '{l}'"),
                None if is_continue => {
                    "Illegal continue statement: no surrounding iteration statement".to_string()
                }
                None => "Illegal break statement".to_string(),
            };
            return self.syntax(&msg, span);
        };
        self.unwind_to(t + 1)?;
        if !is_continue {
            match &self.ctl[t] {
                Ctl::Loop {
                    iter_on_stack: true,
                    ..
                } => {
                    self.emit(Op::IterClose);
                }
                Ctl::Breakable { extra, .. } => {
                    for _ in 0..*extra {
                        self.emit(Op::Pop);
                    }
                }
                _ => {}
            }
        }
        let j = self.emit(Op::Jump(0));
        match &mut self.ctl[t] {
            Ctl::Loop {
                breaks, continues, ..
            } => {
                if is_continue {
                    continues.push(j)
                } else {
                    breaks.push(j)
                }
            }
            Ctl::Breakable { breaks, .. } => breaks.push(j),
            _ => {}
        }
        Ok(())
    }

    /// Emits the exits of every control entry above `depth` (innermost first).
    fn unwind_to(&mut self, depth: usize) -> CResult<()> {
        let mut i = self.ctl.len();
        while i > depth {
            i -= 1;
            match &self.ctl[i] {
                Ctl::Scope(s) => {
                    let s = *s;
                    self.emit(Op::ExitScope(s));
                }
                Ctl::Handler => {
                    self.emit(Op::PopHandler);
                }
                Ctl::Finally(f) => {
                    let f = *f;
                    let saved: Vec<Ctl<'a>> = self.ctl.drain(i..).collect();
                    let saved_scopes = self.scope_stack.clone();
                    self.block(&f.body)?;
                    self.scope_stack = saved_scopes;
                    self.ctl.extend(saved);
                }
                Ctl::Loop {
                    iter_on_stack: true,
                    ..
                } => {
                    self.emit(Op::IterClose);
                }
                Ctl::Breakable { extra, .. } => {
                    for _ in 0..*extra {
                        self.emit(Op::Pop);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Unwinds everything of the current function with the return value kept on top.
    fn unwind_for_return(&mut self) -> CResult<()> {
        let mut i = self.ctl.len();
        while i > 0 {
            i -= 1;
            match &self.ctl[i] {
                Ctl::Scope(s) => {
                    let s = *s;
                    self.emit(Op::ExitScope(s));
                }
                Ctl::Handler => {
                    self.emit(Op::PopHandler);
                }
                Ctl::Finally(f) => {
                    let f = *f;
                    let saved: Vec<Ctl<'a>> = self.ctl.drain(i..).collect();
                    let saved_scopes = self.scope_stack.clone();
                    self.block(&f.body)?;
                    self.scope_stack = saved_scopes;
                    self.ctl.extend(saved);
                }
                Ctl::Loop {
                    iter_on_stack: true,
                    ..
                } => {
                    self.emit(Op::Rot3);
                    self.emit(Op::IterClose);
                }
                Ctl::Breakable { extra, .. } => {
                    for _ in 0..*extra {
                        self.emit(Op::Swap);
                        self.emit(Op::Pop);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// `var` names declared anywhere in a statement (not inside nested functions).
pub(crate) fn collect_vars<'a>(s: &'a Statement<'a>, out: &mut Vec<&'a str>) {
    match s {
        Statement::VariableDeclaration(d) if d.kind == VariableDeclarationKind::Var => {
            for decl in &d.declarations {
                pattern_names(&decl.id, out);
            }
        }
        Statement::BlockStatement(b) => b.body.iter().for_each(|s| collect_vars(s, out)),
        Statement::IfStatement(i) => {
            collect_vars(&i.consequent, out);
            if let Some(a) = &i.alternate {
                collect_vars(a, out);
            }
        }
        Statement::WhileStatement(w) => collect_vars(&w.body, out),
        Statement::DoWhileStatement(w) => collect_vars(&w.body, out),
        Statement::ForStatement(f) => {
            if let Some(ForStatementInit::VariableDeclaration(d)) = &f.init {
                if d.kind == VariableDeclarationKind::Var {
                    for decl in &d.declarations {
                        pattern_names(&decl.id, out);
                    }
                }
            }
            collect_vars(&f.body, out);
        }
        Statement::ForInStatement(f) => {
            for_left_vars(&f.left, out);
            collect_vars(&f.body, out);
        }
        Statement::ForOfStatement(f) => {
            for_left_vars(&f.left, out);
            collect_vars(&f.body, out);
        }
        Statement::LabeledStatement(l) => collect_vars(&l.body, out),
        Statement::SwitchStatement(sw) => {
            for c in &sw.cases {
                c.consequent.iter().for_each(|s| collect_vars(s, out));
            }
        }
        Statement::TryStatement(t) => {
            t.block.body.iter().for_each(|s| collect_vars(s, out));
            if let Some(h) = &t.handler {
                h.body.body.iter().for_each(|s| collect_vars(s, out));
            }
            if let Some(f) = &t.finalizer {
                f.body.iter().for_each(|s| collect_vars(s, out));
            }
        }
        _ => {}
    }
}

/// Annex B: names of function declarations nested in blocks (not in nested functions).
/// `in_block` is false for the statements of the body itself.
fn collect_block_fns<'a>(s: &'a Statement<'a>, in_block: bool, out: &mut Vec<&'a str>) {
    let list = |stmts: &'a [Statement<'a>], out: &mut Vec<&'a str>| {
        stmts.iter().for_each(|s| collect_block_fns(s, true, out))
    };
    match s {
        Statement::FunctionDeclaration(f) if in_block && !f.generator && !f.r#async => {
            out.extend(f.id.as_ref().map(|id| id.name.as_str()))
        }
        Statement::BlockStatement(b) => list(&b.body, out),
        Statement::IfStatement(i) => {
            collect_block_fns(&i.consequent, true, out);
            if let Some(a) = &i.alternate {
                collect_block_fns(a, true, out);
            }
        }
        Statement::WhileStatement(w) => collect_block_fns(&w.body, true, out),
        Statement::DoWhileStatement(w) => collect_block_fns(&w.body, true, out),
        Statement::ForStatement(f) => collect_block_fns(&f.body, true, out),
        Statement::ForInStatement(f) => collect_block_fns(&f.body, true, out),
        Statement::ForOfStatement(f) => collect_block_fns(&f.body, true, out),
        Statement::LabeledStatement(l) => collect_block_fns(&l.body, in_block, out),
        Statement::SwitchStatement(sw) => sw.cases.iter().for_each(|c| list(&c.consequent, out)),
        Statement::TryStatement(t) => {
            list(&t.block.body, out);
            if let Some(h) = &t.handler {
                list(&h.body.body, out);
            }
            if let Some(f) = &t.finalizer {
                list(&f.body, out);
            }
        }
        _ => {}
    }
}

/// Names declared with let/const/class directly in a statement list.
fn top_lexical_names<'a>(stmts: &'a [Statement<'a>], out: &mut Vec<&'a str>) {
    for s in stmts {
        match s {
            Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var => {
                d.declarations
                    .iter()
                    .for_each(|decl| pattern_names(&decl.id, out));
            }
            Statement::ClassDeclaration(c) => out.extend(c.id.as_ref().map(|id| id.name.as_str())),
            _ => {}
        }
    }
}

fn for_left_vars<'a>(l: &'a ForStatementLeft<'a>, out: &mut Vec<&'a str>) {
    if let ForStatementLeft::VariableDeclaration(d) = l {
        if d.kind == VariableDeclarationKind::Var {
            for decl in &d.declarations {
                pattern_names(&decl.id, out);
            }
        }
    }
}

/// Names bound by a binding pattern.
pub(crate) fn pattern_names<'a>(p: &'a BindingPattern<'a>, out: &mut Vec<&'a str>) {
    match p {
        BindingPattern::BindingIdentifier(id) => out.push(id.name.as_str()),
        BindingPattern::ObjectPattern(o) => {
            for prop in &o.properties {
                pattern_names(&prop.value, out);
            }
            if let Some(r) = &o.rest {
                pattern_names(&r.argument, out);
            }
        }
        BindingPattern::ArrayPattern(a) => {
            for el in a.elements.iter().flatten() {
                pattern_names(el, out);
            }
            if let Some(r) = &a.rest {
                pattern_names(&r.argument, out);
            }
        }
        BindingPattern::AssignmentPattern(a) => pattern_names(&a.left, out),
    }
}
