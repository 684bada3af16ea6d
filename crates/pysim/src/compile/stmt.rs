//! Statement code generation (CPython 3.11's `compiler_visit_stmt` and friends),
//! including the unwinding of frame blocks on `break` / `continue` / `return`.

use super::fold;
use super::symtable::{node_key, BlockKind, DEF_IMPORT};
use super::{Compiler, FBlock};
use crate::code::{mkfn, BinOp, Const, Op, UnitKind};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::Ranged;

pub(super) fn binop_of(op: ast::Operator) -> BinOp {
    use ast::Operator::*;
    match op {
        Add => BinOp::Add,
        Sub => BinOp::Sub,
        Mult => BinOp::Mul,
        MatMult => BinOp::MatMul,
        Div => BinOp::TrueDiv,
        Mod => BinOp::Mod,
        Pow => BinOp::Pow,
        LShift => BinOp::LShift,
        RShift => BinOp::RShift,
        BitOr => BinOp::Or,
        BitXor => BinOp::Xor,
        BitAnd => BinOp::And,
        FloorDiv => BinOp::FloorDiv,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt) {
        if self.error.is_some() {
            return;
        }
        self.set_span(s.range());
        if !matches!(
            s,
            Stmt::For(_) | Stmt::While(_) | Stmt::FunctionDef(_) | Stmt::ClassDef(_)
        ) {
            self.emit_line(s.range());
        }
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t);
                }
            }
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::TypeAlias(t) => self.unsupported("type alias statement", t.range),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async && !self.in_async_scope() {
                    self.fail("'async with' outside async function", w.range);
                } else {
                    self.with_stmt(w, 0);
                }
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e);
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c);
                        n = 2;
                    }
                }
                self.set_span(r.range);
                self.emit(Op::RaiseVarargs(n));
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if t.finalbody.is_empty() {
                        self.try_star_except(t);
                    } else {
                        self.try_finally(t);
                    }
                } else if !t.finalbody.is_empty() {
                    self.try_finally(t);
                } else {
                    self.try_except(t);
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end);
                self.set_span(a.range);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m);
                    self.set_span(a.range);
                    self.emit(Op::Call(0));
                }
                self.emit(Op::RaiseVarargs(1));
                self.bind(end);
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) if self.interactive && self.units.len() == 1 => {
                self.load_const(Const::Int(0));
                self.load_const(Const::None);
                let sys = self.name_idx("sys");
                self.emit(Op::ImportName(sys));
                let hook = self.name_idx("displayhook");
                self.emit(Op::PushNull);
                self.emit(Op::Swap(2));
                self.emit(Op::LoadAttr(hook));
                self.expr(&e.value);
                self.set_span(e.range);
                self.emit(Op::Call(1));
                self.emit(Op::PopTop);
            }
            Stmt::Expr(e) => {
                if fold::fold(&e.value).is_some()
                    && !matches!(
                        &*e.value,
                        Expr::Tuple(_) | Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::Subscript(_)
                    )
                {
                    return;
                }
                self.expr(&e.value);
                self.emit(Op::PopTop);
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::IpyEscapeCommand(c) => self.unsupported("IPython escape command", c.range),
        }
    }

    // ---- functions and classes --------------------------------------------------------

    /// Defaults / kw-defaults / annotations / closure for a new function; returns the
    /// `MAKE_FUNCTION` flags.
    pub(super) fn function_prelude(
        &mut self,
        params: Option<&'a ast::Parameters>,
        annotations: Option<(&'a ast::Parameters, Option<&'a Expr>)>,
    ) -> u32 {
        let mut flags = 0;
        if let Some(p) = params {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                self.build_tuple_of(&defaults);
                flags |= mkfn::DEFAULTS;
            }
            let kwd: Vec<(&str, &Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
                .collect();
            if !kwd.is_empty() {
                for (name, d) in &kwd {
                    let m = self.mangle(name);
                    self.load_const(Const::Str(m.as_str().into()));
                    self.expr(d);
                }
                self.emit(Op::BuildMap(kwd.len() as u32));
                flags |= mkfn::KWDEFAULTS;
            }
        }
        if let Some((p, ret)) = annotations {
            let mut n = 0;
            let anns = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .map(|a| &a.parameter)
                .chain(p.vararg.as_deref())
                .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
                .chain(p.kwarg.as_deref());
            let anns: Vec<&ast::Parameter> = anns.collect();
            for a in anns {
                if let Some(an) = &a.annotation {
                    let m = self.mangle(a.name.as_str());
                    self.load_const(Const::Str(m.as_str().into()));
                    self.annotation(an);
                    n += 1;
                }
            }
            if let Some(r) = ret {
                self.load_const(Const::Str("return".into()));
                self.annotation(r);
                n += 1;
            }
            if n > 0 {
                self.emit(Op::BuildTuple(2 * n));
                flags |= mkfn::ANNOTATIONS;
            }
        }
        flags
    }

    /// An annotation: evaluated, or its source text under `from __future__ import annotations`.
    pub(super) fn annotation(&mut self, e: &'a Expr) {
        if self.future_annotations {
            let text = &self.source[e.range().start().to_usize()..e.range().end().to_usize()];
            self.load_const(Const::Str(text.into()));
        } else {
            self.expr(e);
        }
    }

    /// `LOAD_CLOSURE`s for the free variables of a nested code unit, `LOAD_CONST` of the
    /// code and `MAKE_FUNCTION`.
    pub(super) fn make_closure(
        &mut self,
        code: std::sync::Arc<crate::code::CodeUnit>,
        mut flags: u32,
    ) {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                let i = self.deref_idx(&name);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= mkfn::CLOSURE;
        }
        let k = self.const_idx(Const::Code(code));
        self.emit(Op::LoadConst(k));
        self.emit(Op::MakeFunction(flags));
    }

    fn set_signature(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= crate::code::flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= crate::code::flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) {
        let first = f
            .decorator_list
            .first()
            .map(|d| d.range())
            .unwrap_or(f.range);
        self.set_span(first);
        self.emit_line(first);
        for d in f.decorator_list.iter() {
            self.expr(&d.expression);
        }
        self.set_span(f.range);
        let flags = self.function_prelude(
            Some(&f.parameters),
            Some((&f.parameters, f.returns.as_deref())),
        );
        let Some(scope) = self.st.scope_for(node_key(f)) else {
            return;
        };
        let qualname = self.qualname_for(f.name.as_str());
        let (line, _) = self.lines.pos(f.range.start().to_usize());
        let first_line = f
            .decorator_list
            .first()
            .map(|d| self.lines.pos(d.range().start().to_usize()).0)
            .unwrap_or(line);
        self.push_unit(
            scope,
            UnitKind::Function,
            f.name.as_str(),
            &qualname,
            first_line,
        );
        self.set_signature(&f.parameters);
        let body = self.docstring(&f.body, false);
        let doc = self.unit().doc.clone();
        self.const_idx(match doc {
            Some(d) => Const::Str(d),
            None => Const::None,
        });
        self.stmts(body);
        let k = self.const_idx(Const::None);
        self.emit_noline(Op::LoadConst(k));
        self.emit_noline(Op::ReturnValue);
        let code = self.pop_unit();
        self.set_span(f.range);
        self.make_closure(code, flags);
        for _ in f.decorator_list.iter() {
            self.emit(Op::Call(0));
        }
        self.nameop(f.name.as_str(), ExprContext::Store);
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) {
        let first = c
            .decorator_list
            .first()
            .map(|d| d.range())
            .unwrap_or(c.range);
        self.set_span(first);
        self.emit_line(first);
        for d in c.decorator_list.iter() {
            self.expr(&d.expression);
        }
        self.set_span(c.range);
        if c.type_params.is_some() {
            self.unsupported("generic class syntax", c.range);
            return;
        }
        let Some(scope) = self.st.scope_for(node_key(c)) else {
            return;
        };
        let qualname = self.qualname_for(c.name.as_str());
        let (line, _) = self.lines.pos(c.range.start().to_usize());
        let first_line = c
            .decorator_list
            .first()
            .map(|d| self.lines.pos(d.range().start().to_usize()).0)
            .unwrap_or(line);
        self.push_unit(
            scope,
            UnitKind::Class,
            c.name.as_str(),
            &qualname,
            first_line,
        );
        self.set_span(c.range);
        let n = self.name_idx("__name__");
        self.emit(Op::LoadName(n));
        let m = self.name_idx("__module__");
        self.emit(Op::StoreName(m));
        self.load_const(Const::Str(qualname.as_str().into()));
        let q = self.name_idx("__qualname__");
        self.emit(Op::StoreName(q));
        if self.scope().has_annotations {
            self.emit(Op::SetupAnnotations);
        }
        let body = self.docstring(&c.body, true);
        self.stmts(body);
        if self.scope().needs_class_closure {
            let i = self.deref_idx("__class__");
            self.emit_noline(Op::LoadClosure(i));
            self.emit_noline(Op::Copy(1));
            let cc = self.name_idx("__classcell__");
            self.emit_noline(Op::StoreName(cc));
            self.emit_noline(Op::ReturnValue);
        } else {
            let k = self.const_idx(Const::None);
            self.emit_noline(Op::LoadConst(k));
            self.emit_noline(Op::ReturnValue);
        }
        let code = self.pop_unit();
        self.set_span(c.range);
        self.emit(Op::PushNull);
        self.emit(Op::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(Const::Str(c.name.as_str().into()));
        let (args, kws): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws);
        for _ in c.decorator_list.iter() {
            self.emit(Op::Call(0));
        }
        self.nameop(c.name.as_str(), ExprContext::Store);
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) {
        if self.scope().kind != BlockKind::Function || self.unit().kind == UnitKind::Class {
            self.fail("'return' outside function", r.range);
            return;
        }
        let preserve = r.value.is_some();
        let sc = self.scope();
        if preserve && sc.is_generator && sc.is_coroutine && !sc.is_comprehension {
            self.fail("'return' with value in async generator", r.range);
            return;
        }
        if let Some(v) = &r.value {
            self.expr(v);
        }
        self.set_span(r.range);
        self.unwind_fblock_stack(preserve, false);
        if !preserve {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue);
    }

    // ---- assignment ---------------------------------------------------------------------

    fn assign(&mut self, a: &'a ast::StmtAssign) {
        // `a, b = x, y` with 2 or 3 names: SWAP instead of a tuple (CPython's peephole).
        if a.targets.len() == 1 {
            if let (Some(tel), Expr::Tuple(vt)) = (seq_elts(&a.targets[0]), &*a.value) {
                let n = tel.len();
                if (2..=3).contains(&n)
                    && vt.elts.len() == n
                    && !vt.elts.iter().any(|e| matches!(e, Expr::Starred(_)))
                    && !tel.iter().any(|e| matches!(e, Expr::Starred(_)))
                    && fold::fold(&a.value).is_none()
                {
                    for e in &vt.elts {
                        self.expr(e);
                    }
                    self.set_span(a.range);
                    self.emit(Op::Swap(n as u32));
                    for t in tel {
                        self.store_target(t);
                    }
                    return;
                }
            }
        }
        self.expr(&a.value);
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Op::Copy(1));
            }
            self.store_target(t);
        }
    }

    /// Stores TOS into an assignment target.
    pub(super) fn store_target(&mut self, t: &'a Expr) {
        self.set_span(t.range());
        match t {
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Store),
            Expr::Attribute(at) => {
                self.expr(&at.value);
                self.set_span(at.range);
                let m = self.mangle(at.attr.as_str());
                let i = self.name_idx(&m);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.subscript_index(&s.slice);
                self.set_span(s.range);
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(_) | Expr::List(_) => {
                let elts = seq_elts(t).unwrap_or(&[]);
                self.unpack(elts, t.range());
                for e in elts {
                    let e = if let Expr::Starred(s) = e {
                        &*s.value
                    } else {
                        e
                    };
                    self.store_target(e);
                }
            }
            Expr::Starred(s) => self.fail(
                "starred assignment target must be in a list or tuple",
                s.range,
            ),
            _ => self.fail("cannot assign to expression", t.range()),
        }
    }

    fn unpack(&mut self, elts: &[Expr], range: ruff_text_size::TextRange) {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        self.set_span(range);
        match star {
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    self.fail("multiple starred expressions in assignment", range);
                    return;
                }
                let after = elts.len() - i - 1;
                self.emit(Op::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit(Op::UnpackSequence(elts.len() as u32)),
        }
    }

    fn delete_target(&mut self, t: &'a Expr) {
        self.set_span(t.range());
        match t {
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Del),
            Expr::Attribute(at) => {
                self.expr(&at.value);
                self.set_span(at.range);
                let m = self.mangle(at.attr.as_str());
                let i = self.name_idx(&m);
                self.emit(Op::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.subscript_index(&s.slice);
                self.set_span(s.range);
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e);
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e);
                }
            }
            _ => self.fail("cannot delete expression", t.range()),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) {
        let op = binop_of(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.nameop(n.id.as_str(), ExprContext::Load);
                self.expr(&a.value);
                self.set_span(a.range);
                self.emit(Op::Inplace(op));
                self.set_span(n.range);
                self.nameop(n.id.as_str(), ExprContext::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value);
                self.emit(Op::Copy(1));
                let m = self.mangle(at.attr.as_str());
                let i = self.name_idx(&m);
                self.set_span(at.range);
                self.emit(Op::LoadAttr(i));
                self.expr(&a.value);
                self.set_span(a.range);
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(2));
                self.set_span(at.range);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.subscript_index(&s.slice);
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.set_span(s.range);
                self.emit(Op::BinarySubscr);
                self.expr(&a.value);
                self.set_span(a.range);
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.set_span(s.range);
                self.emit(Op::StoreSubscr);
            }
            _ => self.fail(
                "'expression' is an illegal expression for augmented assignment",
                a.target.range(),
            ),
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) {
        if let Some(v) = &a.value {
            self.expr(v);
            self.store_target(&a.target);
        }
        let in_body = matches!(self.scope().kind, BlockKind::Module | BlockKind::Class);
        if let (Expr::Name(n), true, true) = (&*a.target, a.simple, in_body) {
            self.set_span(a.range);
            self.annotation(&a.annotation);
            let ann = self.name_idx("__annotations__");
            self.emit(Op::LoadName(ann));
            let m = self.mangle(n.id.as_str());
            self.load_const(Const::Str(m.as_str().into()));
            self.emit(Op::StoreSubscr);
        }
    }

    // ---- control flow -------------------------------------------------------------------

    fn for_stmt(&mut self, f: &'a ast::StmtFor) {
        if f.is_async && !self.in_async_scope() {
            self.fail("'async for' outside async function", f.range);
            return;
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.set_span(f.iter.range());
        self.iter_expr(&f.iter);
        self.set_span(f.range);
        self.emit(if f.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.bind(start);
        let (line, _) = self.lines.pos(f.range.start().to_usize());
        self.set_span(f.range);
        self.emit(Op::Line(line));
        let end_async = self.loop_next(f.is_async, cleanup);
        self.unit()
            .fblocks
            .push(FBlock::ForLoop { start, exit: end });
        self.store_target(&f.target);
        self.stmts(&f.body);
        self.unit().fblocks.pop();
        self.emit_noline(Op::Jump(start));
        if let Some(end_async) = end_async {
            self.bind(end_async);
            self.set_span(f.range);
            self.emit(Op::EndAsyncFor);
        }
        self.bind(cleanup);
        self.stmts(&f.orelse);
        self.bind(end);
    }

    /// The iterable of a `for` loop: a literal list of constants becomes a tuple constant.
    fn iter_expr(&mut self, e: &'a Expr) {
        if let Some(c) = fold::fold_container(e) {
            self.load_const(c);
        } else {
            self.expr(e);
        }
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) {
        let start = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.set_span(w.test.range());
        self.emit_line(w.range);
        let always = fold::fold(&w.test).map(|c| const_truth(&c));
        match always {
            Some(true) => {}
            Some(false) => {
                self.emit(Op::Jump(orelse));
            }
            None => self.jump_if(&w.test, false, orelse),
        }
        self.unit()
            .fblocks
            .push(FBlock::WhileLoop { start, exit: end });
        self.stmts(&w.body);
        self.unit().fblocks.pop();
        self.emit_noline(Op::Jump(start));
        self.bind(orelse);
        self.stmts(&w.orelse);
        self.bind(end);
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) {
        let end = self.new_label();
        let mut next = self.new_label();
        self.cond_block(&i.test, &i.body, next, end, !i.elif_else_clauses.is_empty());
        for c in &i.elif_else_clauses {
            self.bind(next);
            next = self.new_label();
            match &c.test {
                Some(t) => {
                    self.set_span(c.range);
                    self.emit_line(c.range);
                    self.cond_block(t, &c.body, next, end, true);
                }
                None => self.stmts(&c.body),
            }
        }
        self.bind(next);
        self.bind(end);
    }

    fn cond_block(&mut self, test: &'a Expr, body: &'a [Stmt], next: u32, end: u32, more: bool) {
        match fold::fold(test).map(|c| const_truth(&c)) {
            Some(false) => {
                self.emit(Op::Jump(next));
                return;
            }
            Some(true) => {}
            None => self.jump_if(test, false, next),
        }
        self.stmts(body);
        if more {
            self.emit_noline(Op::Jump(end));
        }
    }

    fn break_stmt(&mut self, r: ruff_text_size::TextRange) {
        match self.unwind_fblock_stack(false, true) {
            Some(FBlock::WhileLoop { exit, .. }) | Some(FBlock::ForLoop { exit, .. }) => {
                self.unwind_loop_block(false);
                self.set_span(r);
                self.emit(Op::Jump(exit));
            }
            _ => self.fail("'break' outside loop", r),
        }
    }

    fn continue_stmt(&mut self, r: ruff_text_size::TextRange) {
        match self.unwind_fblock_stack(false, true) {
            Some(FBlock::WhileLoop { start, .. }) | Some(FBlock::ForLoop { start, .. }) => {
                self.set_span(r);
                self.emit(Op::Jump(start));
            }
            _ => self.fail("'continue' not properly in loop", r),
        }
    }

    /// After unwinding to a loop for `break`, the loop's own cleanup (a `for` pops its
    /// iterator).
    fn unwind_loop_block(&mut self, preserve: bool) {
        if let Some(FBlock::ForLoop { .. }) = self.unit().fblocks.last() {
            if preserve {
                self.emit(Op::Swap(2));
            }
            self.emit(Op::PopTop);
        }
    }

    /// Emits the cleanup of every frame block (innermost first) up to the first loop when
    /// `to_loop`, or all of them; returns the loop block found.
    pub(super) fn unwind_fblock_stack(
        &mut self,
        preserve: bool,
        to_loop: bool,
    ) -> Option<FBlock<'a>> {
        let top = self.unit().fblocks.last().cloned()?;
        if matches!(top, FBlock::ExceptionGroupHandler) {
            self.fail(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                ruff_text_size::TextRange::default(),
            );
            return None;
        }
        if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Some(top);
        }
        self.unit().fblocks.pop();
        self.unwind_fblock(&top, preserve);
        let found = self.unwind_fblock_stack(preserve, to_loop);
        self.unit().fblocks.push(top);
        found
    }

    fn unwind_fblock(&mut self, b: &FBlock<'a>, preserve: bool) {
        match b {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {
            }
            FBlock::ForLoop { .. } => {
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::PopTop);
            }
            FBlock::TryExcept => self.pop_block(),
            FBlock::FinallyTry { body } => {
                self.pop_block();
                if preserve {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body);
                if preserve {
                    self.unit().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::PopTop);
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.pop_block();
                self.emit(Op::PopExcept);
            }
            FBlock::With { span, is_async } => {
                self.unit().span = *span;
                self.pop_block();
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit_await();
                }
                self.emit(Op::PopTop);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_block();
                }
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.pop_block();
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.nameop(n, ExprContext::Store);
                    self.nameop(n, ExprContext::Del);
                }
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::PopTop);
            }
        }
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Op::Call(2));
    }

    // ---- exceptions ---------------------------------------------------------------------

    /// `COPY 3; POP_EXCEPT; RERAISE 1`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Copy(3));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise(1));
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.setup_finally(except);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body);
        self.unit().fblocks.pop();
        self.pop_block();
        self.stmts(&t.orelse);
        self.emit_noline(Op::Jump(end));
        self.bind(except);
        self.setup_cleanup(cleanup);
        self.emit_noline(Op::PushExcInfo);
        self.unit().fblocks.push(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            if h.type_.is_none() && i + 1 < n {
                self.fail("default 'except:' must be last", h.range);
                return;
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.emit_line(h.range);
                self.expr(ty);
                self.set_span(h.range);
                self.emit(Op::CheckExcMatch);
                self.emit(Op::PopJumpIfFalse(next));
            } else {
                self.emit_line(h.range);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.nameop(name.as_str(), ExprContext::Store);
                self.setup_cleanup(cleanup_end);
                self.unit().fblocks.push(FBlock::HandlerCleanup {
                    name: Some(name.as_str().to_string()),
                });
                self.stmts(&h.body);
                self.unit().fblocks.pop();
                self.pop_block();
                self.pop_block();
                self.emit_noline(Op::PopExcept);
                self.load_const(Const::None);
                self.nameop(name.as_str(), ExprContext::Store);
                self.nameop(name.as_str(), ExprContext::Del);
                self.emit_noline(Op::Jump(end));
                self.bind(cleanup_end);
                self.load_const(Const::None);
                self.nameop(name.as_str(), ExprContext::Store);
                self.nameop(name.as_str(), ExprContext::Del);
                self.emit(Op::Reraise(1));
            } else {
                self.emit(Op::PopTop);
                self.unit()
                    .fblocks
                    .push(FBlock::HandlerCleanup { name: None });
                self.stmts(&h.body);
                self.unit().fblocks.pop();
                self.pop_block();
                self.emit_noline(Op::PopExcept);
                self.emit_noline(Op::Jump(end));
            }
            self.bind(next);
        }
        self.unit().fblocks.pop();
        self.emit_noline(Op::Reraise(0));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.setup_finally(end);
        self.unit()
            .fblocks
            .push(FBlock::FinallyTry { body: &t.finalbody });
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t);
            } else {
                self.try_except(t);
            }
        } else {
            self.stmts(&t.body);
        }
        self.pop_block();
        self.unit().fblocks.pop();
        self.stmts(&t.finalbody);
        self.emit_noline(Op::Jump(exit));
        self.bind(end);
        self.setup_cleanup(cleanup);
        self.emit_noline(Op::PushExcInfo);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(&t.finalbody);
        self.unit().fblocks.pop();
        self.emit_noline(Op::Reraise(0));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
    }

    fn try_star_except(&mut self, t: &'a ast::StmtTry) {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.setup_finally(except);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body);
        self.unit().fblocks.pop();
        self.pop_block();
        self.emit_noline(Op::Jump(orelse));
        self.bind(except);
        self.setup_cleanup(cleanup);
        self.emit_noline(Op::PushExcInfo);
        self.unit().fblocks.push(FBlock::ExceptionGroupHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            self.emit_line(h.range);
            let handled = self.new_label();
            let with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Op::Copy(1));
                self.emit(Op::BuildList(0));
                self.emit(Op::Swap(2));
            }
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty);
                    self.set_span(h.range);
                    self.emit(Op::CheckEgMatch);
                    self.emit(Op::Copy(1));
                    self.emit(Op::PopJumpIfNone(no_match));
                }
                None => {
                    self.fail("expected 'except*' to have an exception type", h.range);
                    return;
                }
            }
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name.as_str(), ExprContext::Store),
                None => self.emit(Op::PopTop),
            }
            self.setup_cleanup(cleanup_end);
            self.unit().fblocks.push(FBlock::HandlerCleanup {
                name: h.name.as_ref().map(|n| n.as_str().to_string()),
            });
            self.stmts(&h.body);
            self.unit().fblocks.pop();
            self.pop_block();
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name.as_str(), ExprContext::Store);
                self.nameop(name.as_str(), ExprContext::Del);
            }
            self.emit_noline(Op::Jump(handled));
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.nameop(name.as_str(), ExprContext::Store);
                self.nameop(name.as_str(), ExprContext::Del);
            }
            self.emit(Op::ListAppend(3));
            self.emit(Op::PopTop);
            self.emit(Op::Jump(with_error));
            self.bind(handled);
            self.emit(Op::Nop);
            self.emit(Op::Jump(with_error));
            self.bind(no_match);
            self.emit(Op::PopTop);
            self.bind(with_error);
            if i + 1 == n {
                self.emit(Op::ListAppend(1));
                self.emit(Op::Jump(reraise_star));
            }
        }
        self.unit().fblocks.pop();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::Copy(1));
        self.emit(Op::PopJumpIfNotNone(reraise));
        self.emit(Op::PopTop);
        self.pop_block();
        self.emit(Op::PopExcept);
        self.emit(Op::Jump(end));
        self.bind(reraise);
        self.pop_block();
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise(0));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.stmts(&t.orelse);
        self.bind(end);
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) {
        let Some(item) = w.items.get(pos) else { return };
        let exit = self.new_label();
        let final_ = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr);
        self.set_span(w.range);
        let span = self.unit().span;
        if w.is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_await();
        } else {
            self.emit(Op::BeforeWith);
        }
        self.setup_with(final_);
        match &item.optional_vars {
            Some(v) => self.store_target(v),
            None => self.emit(Op::PopTop),
        }
        self.unit().fblocks.push(FBlock::With {
            span,
            is_async: w.is_async,
        });
        if pos + 1 < w.items.len() {
            self.with_stmt(w, pos + 1);
        } else {
            self.stmts(&w.body);
        }
        self.unit().fblocks.pop();
        self.pop_block();
        self.unit().span = span;
        self.call_exit_with_nones();
        if w.is_async {
            self.emit_await();
        }
        self.emit(Op::PopTop);
        self.emit(Op::Jump(exit));
        self.bind(final_);
        self.setup_cleanup(cleanup);
        self.emit(Op::PushExcInfo);
        self.emit(Op::WithExceptStart);
        if w.is_async {
            self.emit_await();
        }
        let suppress = self.new_label();
        self.emit(Op::PopJumpIfTrue(suppress));
        self.emit(Op::Reraise(2));
        self.bind(suppress);
        self.emit(Op::PopTop);
        self.pop_block();
        self.emit(Op::PopExcept);
        self.emit(Op::PopTop);
        self.emit(Op::PopTop);
        self.emit(Op::Jump(exit));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
    }

    // ---- imports ------------------------------------------------------------------------

    fn import(&mut self, i: &'a ast::StmtImport) {
        for a in &i.names {
            self.set_span(a.range);
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            let n = self.name_idx(a.name.as_str());
            self.emit(Op::ImportName(n));
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = a.name.as_str().split('.').collect();
                    if parts.len() > 1 {
                        for (k, p) in parts[1..].iter().enumerate() {
                            let pi = self.name_idx(p);
                            self.emit(Op::ImportFrom(pi));
                            if k + 2 < parts.len() {
                                self.emit(Op::Swap(2));
                                self.emit(Op::PopTop);
                            }
                        }
                        self.nameop(asname.as_str(), ExprContext::Store);
                        self.emit(Op::PopTop);
                    } else {
                        self.nameop(asname.as_str(), ExprContext::Store);
                    }
                }
                None => {
                    let top = a.name.as_str().split('.').next().unwrap_or("");
                    self.nameop(top, ExprContext::Store);
                }
            }
        }
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) {
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        if module == "__future__" {
            for a in &i.names {
                if !matches!(
                    a.name.as_str(),
                    "annotations"
                        | "generator_stop"
                        | "division"
                        | "print_function"
                        | "absolute_import"
                        | "unicode_literals"
                        | "nested_scopes"
                        | "generators"
                        | "with_statement"
                ) {
                    let msg = if a.name.as_str() == "braces" {
                        "not a chance".to_string()
                    } else {
                        format!("future feature {} is not defined", a.name)
                    };
                    self.fail(msg, a.range);
                    return;
                }
            }
        }
        self.load_const(Const::Int(i.level as i64));
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(a.name.as_str().into()))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        let n = self.name_idx(module);
        self.emit(Op::ImportName(n));
        for a in &i.names {
            self.set_span(a.range);
            if a.name.as_str() == "*" {
                self.emit(Op::ImportStar);
                return;
            }
            let ni = self.name_idx(a.name.as_str());
            self.emit(Op::ImportFrom(ni));
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.nameop(store.as_str(), ExprContext::Store);
        }
        self.emit(Op::PopTop);
    }

    /// True when `name` was bound by an import at module level (no method-call
    /// optimisation for `module.func(...)`, as in CPython).
    pub(super) fn is_import_originated(&self, e: &Expr) -> bool {
        if let Expr::Name(n) = e {
            return self.st.scopes[0].flags_of(n.id.as_str()) & DEF_IMPORT != 0;
        }
        false
    }
}

/// The elements of a tuple or list target.
pub(super) fn seq_elts(e: &Expr) -> Option<&[Expr]> {
    match e {
        Expr::Tuple(t) => Some(&t.elts),
        Expr::List(l) => Some(&l.elts),
        _ => None,
    }
}

/// Truth value of a folded constant.
pub(super) fn const_truth(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) => *f != 0.0,
        Const::Complex(a, b) => *a != 0.0 || *b != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Ellipsis | Const::Code(_) => true,
    }
}
