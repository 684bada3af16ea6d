//! `match` statements: each pattern consumes the value on top of the stack and either
//! falls through (names bound) or jumps to its failure label with that value popped.
//! Subpatterns that leave extra items on the stack get cleanup labels popping them.

use super::fold;
use super::Compiler;
use crate::code::{CmpOp, Const, Op};
use ruff_python_ast::{self as ast, ExprContext, Pattern};
use ruff_text_size::Ranged;

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) {
        self.expr(&m.subject);
        let end = self.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let last = i + 1 == n;
            if !last && case.guard.is_none() {
                if let Some(msg) = irrefutable(&case.pattern) {
                    self.fail(msg, case.pattern.range());
                    return;
                }
            }
            self.set_span(case.pattern.range());
            self.emit_line(case.range);
            let next = self.new_label();
            if !last {
                self.emit(Op::Copy(1));
            }
            self.pattern(&case.pattern, next);
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next);
            }
            if !last {
                self.emit(Op::PopTop);
            }
            self.stmts(&case.body);
            self.emit_noline(Op::Jump(end));
            self.bind(next);
            if last {
                // Nothing is left on the stack once the last pattern failed.
                self.emit_noline(Op::Jump(end));
            }
        }
        if n == 0 {
            self.emit(Op::PopTop);
        }
        // The subject copy is gone on every path; the original was consumed by the last case.
        self.bind(end);
    }

    /// Jumps to a block that pops `extra` items and then jumps to `fail`.
    fn fail_after(
        &mut self,
        extra: u32,
        fail: u32,
        cond_jump: fn(u32) -> Op,
    ) -> Option<(u32, u32)> {
        if extra == 0 {
            self.emit(cond_jump(fail));
            return None;
        }
        let l = self.new_label();
        self.emit(cond_jump(l));
        Some((l, extra))
    }

    /// Emits pending cleanup blocks (after a jump around them).
    fn emit_cleanups(&mut self, cleanups: Vec<(u32, u32)>, fail: u32) {
        if cleanups.is_empty() {
            return;
        }
        let done = self.new_label();
        self.emit(Op::Jump(done));
        for (l, extra) in cleanups {
            self.bind(l);
            for _ in 0..extra {
                self.emit(Op::PopTop);
            }
            self.emit(Op::Jump(fail));
        }
        self.bind(done);
    }

    fn pattern(&mut self, p: &'a Pattern, fail: u32) {
        self.set_span(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value);
                self.emit(Op::Compare(CmpOp::Eq));
                self.emit(Op::PopJumpIfFalse(fail));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Op::IsOp(false));
                self.emit(Op::PopJumpIfFalse(fail));
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::PopTop),
                (None, Some(n)) => self.nameop(n.as_str(), ExprContext::Store),
                (Some(sub), name) => {
                    self.emit(Op::Copy(1));
                    let l = self.new_label();
                    self.pattern(sub, l);
                    match name {
                        Some(n) => self.nameop(n.as_str(), ExprContext::Store),
                        None => self.emit(Op::PopTop),
                    }
                    self.emit_cleanups(vec![(l, 1)], fail);
                }
            },
            Pattern::MatchOr(o) => {
                let success = self.new_label();
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < n {
                        let next = self.new_label();
                        self.emit(Op::Copy(1));
                        self.pattern(alt, next);
                        self.emit(Op::PopTop);
                        self.emit(Op::Jump(success));
                        self.bind(next);
                    } else {
                        self.pattern(alt, fail);
                    }
                }
                self.bind(success);
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, fail),
            Pattern::MatchMapping(m) => self.mapping_pattern(m, fail),
            Pattern::MatchClass(c) => self.class_pattern(c, fail),
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.nameop(n.as_str(), ExprContext::Store),
                None => self.emit(Op::PopTop),
            },
        }
    }

    fn sequence_pattern(&mut self, pats: &'a [Pattern], fail: u32) {
        let mut cleanups = Vec::new();
        let star = pats.iter().position(|q| matches!(q, Pattern::MatchStar(_)));
        let n = pats.len() as u32;
        self.emit(Op::MatchSequence);
        cleanups.extend(self.fail_after(1, fail, Op::PopJumpIfFalse));
        self.emit(Op::GetLen);
        match star {
            None => {
                self.load_const(Const::Int(n as i64));
                self.emit(Op::Compare(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Const::Int(n as i64 - 1));
                self.emit(Op::Compare(CmpOp::Ge));
            }
        }
        cleanups.extend(self.fail_after(1, fail, Op::PopJumpIfFalse));
        match star {
            None => self.emit(Op::UnpackSequence(n)),
            Some(i) => self.emit(Op::UnpackEx(i as u32 | ((n - 1 - i as u32) << 8))),
        }
        for (i, q) in pats.iter().enumerate() {
            let remaining = n - 1 - i as u32;
            if remaining == 0 {
                self.pattern(q, fail);
            } else {
                let l = self.new_label();
                self.pattern(q, l);
                cleanups.push((l, remaining));
            }
        }
        self.emit_cleanups(cleanups, fail);
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, fail: u32) {
        let mut cleanups = Vec::new();
        let n = m.keys.len() as u32;
        self.emit(Op::MatchMapping);
        cleanups.extend(self.fail_after(1, fail, Op::PopJumpIfFalse));
        if n > 0 {
            self.emit(Op::GetLen);
            self.load_const(Const::Int(n as i64));
            self.emit(Op::Compare(CmpOp::Ge));
            cleanups.extend(self.fail_after(1, fail, Op::PopJumpIfFalse));
        }
        let consts: Option<Vec<Const>> = m.keys.iter().map(fold::fold).collect();
        match consts {
            Some(c) => self.load_const(Const::Tuple(c.into())),
            None => {
                for k in m.keys.iter() {
                    self.expr(k);
                }
                self.emit(Op::BuildTuple(n));
            }
        }
        self.emit(Op::MatchKeys);
        self.emit(Op::Copy(1));
        cleanups.extend(self.fail_after(3, fail, Op::PopJumpIfNone));
        self.emit(Op::UnpackSequence(n));
        for (i, q) in m.patterns.iter().enumerate() {
            let remaining = n - 1 - i as u32 + 2;
            let l = self.new_label();
            self.pattern(q, l);
            cleanups.push((l, remaining));
        }
        match &m.rest {
            Some(r) => {
                self.emit(Op::CopyDictWithoutKeys);
                self.nameop(r.as_str(), ExprContext::Store);
                self.emit(Op::PopTop);
            }
            None => {
                self.emit(Op::PopTop);
                self.emit(Op::PopTop);
            }
        }
        self.emit_cleanups(cleanups, fail);
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, fail: u32) {
        let mut cleanups = Vec::new();
        self.expr(&c.cls);
        let names: Vec<Const> = c
            .arguments
            .keywords
            .iter()
            .map(|k| Const::Str(k.attr.as_str().into()))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        let nargs = c.arguments.patterns.len() as u32;
        self.set_span(c.range);
        self.emit(Op::MatchClass(nargs));
        self.emit(Op::Copy(1));
        cleanups.extend(self.fail_after(1, fail, Op::PopJumpIfNone));
        let total = nargs + c.arguments.keywords.len() as u32;
        self.emit(Op::UnpackSequence(total));
        let subs: Vec<&Pattern> = c
            .arguments
            .patterns
            .iter()
            .chain(c.arguments.keywords.iter().map(|k| &k.pattern))
            .collect();
        for (i, q) in subs.into_iter().enumerate() {
            let remaining = total - 1 - i as u32;
            if remaining == 0 {
                self.pattern(q, fail);
            } else {
                let l = self.new_label();
                self.pattern(q, l);
                cleanups.push((l, remaining));
            }
        }
        if total == 0 {
            self.emit(Op::Nop);
        }
        self.emit_cleanups(cleanups, fail);
    }
}

/// The SyntaxError message for an irrefutable pattern that is not the last case.
fn irrefutable(p: &Pattern) -> Option<String> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!(
                "name capture '{}' makes remaining patterns unreachable",
                n.as_str()
            ),
            None => "wildcard makes remaining patterns unreachable".to_string(),
        }),
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable),
        _ => None,
    }
}
