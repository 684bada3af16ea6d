//! Expression code generation (CPython 3.11's `compiler_visit_expr`): calls with the
//! method-call form, displays with constant folding, comprehensions as nested functions,
//! f-strings, conditional jumps.

use super::fold;
use super::stmt::binop_of;
use super::symtable::node_key;
use super::Compiler;
use crate::code::{fmtval, CmpOp, Const, Op, UnitKind};
use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::{Ranged, TextRange};

/// CPython's `STACK_USE_GUIDELINE`: displays and calls larger than this are built
/// incrementally.
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, PartialEq)]
enum Seq {
    List,
    Set,
    Tuple,
}

#[derive(Clone, Copy, PartialEq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) {
        if self.error.is_some() {
            return;
        }
        self.set_span(e.range());
        if !matches!(e, Expr::Name(_) | Expr::Starred(_)) {
            if let Some(c) = fold::fold(e) {
                self.load_const(c);
                return;
            }
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v);
                    if i + 1 < n {
                        self.set_span(b.range);
                        match b.op {
                            ast::BoolOp::And => self.emit(Op::JumpIfFalseOrPop(end)),
                            ast::BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(end)),
                        }
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                self.set_span(n.range);
                self.emit(Op::Copy(1));
                self.store_target(&n.target);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                self.set_span(b.range);
                self.emit(Op::Binary(binop_of(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand);
                self.set_span(u.range);
                self.emit(match u.op {
                    ast::UnaryOp::Not => Op::UnaryNot,
                    ast::UnaryOp::USub => Op::UnaryNeg,
                    ast::UnaryOp::UAdd => Op::UnaryPos,
                    ast::UnaryOp::Invert => Op::UnaryInvert,
                });
            }
            Expr::Lambda(l) => self.lambda(l),
            Expr::If(i) => {
                let other = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, other);
                self.expr(&i.body);
                self.emit_noline(Op::Jump(end));
                self.bind(other);
                self.expr(&i.orelse);
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d),
            Expr::Set(s) => self.starunpack(&s.elts, 0, Seq::Set),
            Expr::ListComp(c) => self.comprehension(
                node_key(c),
                "<listcomp>",
                &c.generators,
                CompKind::List,
                &c.elt,
                None,
                c.range,
            ),
            Expr::SetComp(c) => self.comprehension(
                node_key(c),
                "<setcomp>",
                &c.generators,
                CompKind::Set,
                &c.elt,
                None,
                c.range,
            ),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(
                    node_key(c),
                    "<dictcomp>",
                    &c.generators,
                    CompKind::Dict,
                    k,
                    Some(&c.value),
                    c.range,
                ),
                None => self.unsupported("dict comprehension unpacking", c.range),
            },
            Expr::Generator(g) => self.comprehension(
                node_key(g),
                "<genexpr>",
                &g.generators,
                CompKind::Gen,
                &g.elt,
                None,
                g.range,
            ),
            Expr::Await(a) => {
                self.expr(&a.value);
                self.set_span(a.range);
                self.emit_await();
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v),
                    None => self.load_const(Const::None),
                }
                self.set_span(y.range);
                self.emit(Op::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value);
                self.set_span(y.range);
                self.emit(Op::GetYieldFromIter);
                self.load_const(Const::None);
                let exit = self.new_label();
                self.emit(Op::Send(exit));
                self.bind(exit);
            }
            Expr::Compare(c) => self.compare(c),
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f),
            Expr::TString(t) => self.unsupported("template string", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Always folded above; an unfoldable literal (a malformed int) fails here.
                self.fail("invalid literal", e.range());
            }
            Expr::Attribute(a) => {
                self.expr(&a.value);
                self.set_span(a.range);
                let m = self.mangle(a.attr.as_str());
                let i = self.name_idx(&m);
                self.emit(Op::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.subscript_index(&s.slice);
                self.set_span(s.range);
                self.emit(Op::BinarySubscr);
            }
            Expr::Starred(s) => self.fail("can't use starred expression here", s.range),
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Load),
            Expr::List(l) => self.starunpack(&l.elts, 0, Seq::List),
            Expr::Tuple(t) => self.starunpack(&t.elts, 0, Seq::Tuple),
            Expr::Slice(s) => self.slice(s),
            Expr::IpyEscapeCommand(c) => self.unsupported("IPython escape command", c.range),
        }
    }

    /// The index of a subscript: a slice builds a slice object.
    pub(super) fn subscript_index(&mut self, e: &'a Expr) {
        match e {
            Expr::Slice(s) => self.slice(s),
            _ => self.expr(e),
        }
    }

    fn slice(&mut self, s: &'a ast::ExprSlice) {
        let mut n = 2;
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.expr(x),
                None => self.load_const(Const::None),
            }
        }
        if let Some(st) = &s.step {
            self.expr(st);
            n = 3;
        }
        self.set_span(s.range);
        self.emit(Op::BuildSlice(n));
    }

    /// A tuple of expressions for defaults: a constant tuple when all are constants.
    pub(super) fn build_tuple_of(&mut self, items: &[&'a Expr]) {
        let consts: Option<Vec<Const>> = items.iter().map(|e| fold::fold(e)).collect();
        if let Some(c) = consts {
            self.load_const(Const::Tuple(c.into()));
            return;
        }
        for e in items {
            self.expr(e);
        }
        self.emit(Op::BuildTuple(items.len() as u32));
    }

    /// CPython's `starunpack_helper` for list / set / tuple displays (and call arguments).
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, kind: Seq) {
        let span = self.unit().span;
        let n = elts.len();
        let (build, add, extend) = match kind {
            Seq::Set => (
                Op::BuildSet as fn(u32) -> Op,
                Op::SetAdd as fn(u32) -> Op,
                Op::SetUpdate as fn(u32) -> Op,
            ),
            _ => (
                Op::BuildList as fn(u32) -> Op,
                Op::ListAppend as fn(u32) -> Op,
                Op::ListExtend as fn(u32) -> Op,
            ),
        };
        if n > 2 && elts.iter().all(fold::is_const) {
            let items: Vec<Const> = elts.iter().filter_map(fold::fold).collect();
            if kind == Seq::Tuple && pushed == 0 {
                self.load_const(Const::Tuple(items.into()));
                return;
            }
            self.emit(build(pushed));
            let c = if kind == Seq::Set {
                Const::FrozenSet(items.into())
            } else {
                Const::Tuple(items.into())
            };
            self.load_const(c);
            self.unit().span = span;
            self.emit(extend(1));
            if kind == Seq::Tuple {
                self.emit(Op::ListToTuple);
            }
            return;
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e);
            }
            self.unit().span = span;
            if kind == Seq::Tuple {
                self.emit(Op::BuildTuple(n as u32 + pushed));
            } else {
                self.emit(build(n as u32 + pushed));
            }
            return;
        }
        let mut built = false;
        if big {
            self.emit(build(pushed));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.unit().span = span;
                    self.emit(build(i as u32 + pushed));
                    built = true;
                }
                self.expr(&s.value);
                self.unit().span = span;
                self.emit(extend(1));
            } else {
                self.expr(e);
                if built {
                    self.unit().span = span;
                    self.emit(add(1));
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Op::ListToTuple);
        }
    }

    fn subdict(&mut self, keys: &[&'a Expr], values: &[&'a Expr]) {
        let n = keys.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            if let Some(kc) = keys
                .iter()
                .map(|k| fold::fold(k))
                .collect::<Option<Vec<Const>>>()
            {
                for v in values {
                    self.expr(v);
                }
                self.load_const(Const::Tuple(kc.into()));
                self.emit(Op::BuildConstKeyMap(n as u32));
                return;
            }
        }
        if big {
            self.emit(Op::BuildMap(0));
        }
        for (k, v) in keys.iter().zip(values) {
            self.expr(k);
            self.expr(v);
            if big {
                self.emit(Op::MapAdd(1));
            }
        }
        if !big {
            self.emit(Op::BuildMap(n as u32));
        }
    }

    fn dict(&mut self, d: &'a ast::ExprDict) {
        let span = self.unit().span;
        let mut have_dict = false;
        let mut pending_k: Vec<&Expr> = Vec::new();
        let mut pending_v: Vec<&Expr> = Vec::new();
        for item in &d.items {
            match &item.key {
                None => {
                    if !pending_k.is_empty() {
                        let (k, v) = (
                            std::mem::take(&mut pending_k),
                            std::mem::take(&mut pending_v),
                        );
                        self.subdict(&k, &v);
                        if have_dict {
                            self.emit(Op::DictUpdate(1));
                        }
                        have_dict = true;
                    }
                    if !have_dict {
                        self.unit().span = span;
                        self.emit(Op::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&item.value);
                    self.unit().span = span;
                    self.emit(Op::DictUpdate(1));
                }
                Some(k) => {
                    if pending_k.len() * 2 > STACK_USE_GUIDELINE {
                        pending_k.push(k);
                        pending_v.push(&item.value);
                        let (k, v) = (
                            std::mem::take(&mut pending_k),
                            std::mem::take(&mut pending_v),
                        );
                        self.subdict(&k, &v);
                        if have_dict {
                            self.emit(Op::DictUpdate(1));
                        }
                        have_dict = true;
                    } else {
                        pending_k.push(k);
                        pending_v.push(&item.value);
                    }
                }
            }
        }
        if !pending_k.is_empty() {
            self.unit().span = span;
            self.subdict(&pending_k, &pending_v);
            if have_dict {
                self.emit(Op::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.unit().span = span;
            self.emit(Op::BuildMap(0));
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) {
        self.expr(&c.left);
        let n = c.ops.len();
        if n == 1 {
            self.compare_rhs(c.ops[0], &c.comparators[0]);
            self.set_span(c.range);
            self.cmp_op(c.ops[0]);
            return;
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compare_rhs(c.ops[i], &c.comparators[i]);
            self.set_span(c.range);
            self.emit(Op::Swap(2));
            self.emit(Op::Copy(2));
            self.cmp_op(c.ops[i]);
            self.emit(Op::JumpIfFalseOrPop(cleanup));
        }
        self.compare_rhs(c.ops[n - 1], &c.comparators[n - 1]);
        self.set_span(c.range);
        self.cmp_op(c.ops[n - 1]);
        self.emit(Op::Jump(end));
        self.bind(cleanup);
        self.emit(Op::Swap(2));
        self.emit(Op::PopTop);
        self.bind(end);
    }

    /// The right operand of a comparison: `in [1, 2]` folds to a tuple constant.
    fn compare_rhs(&mut self, op: ast::CmpOp, e: &'a Expr) {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            if let Some(c) = fold::fold_container(e) {
                self.load_const(c);
                return;
            }
        }
        self.expr(e);
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        self.emit(match op {
            Eq => Op::Compare(CmpOp::Eq),
            NotEq => Op::Compare(CmpOp::Ne),
            Lt => Op::Compare(CmpOp::Lt),
            LtE => Op::Compare(CmpOp::Le),
            Gt => Op::Compare(CmpOp::Gt),
            GtE => Op::Compare(CmpOp::Ge),
            Is => Op::IsOp(false),
            IsNot => Op::IsOp(true),
            In => Op::ContainsOp(false),
            NotIn => Op::ContainsOp(true),
        });
    }

    /// Jumps to `label` when `e` is truthy (`cond`) / falsy (`!cond`), without pushing a
    /// bool for `not` / `and` / `or`.
    pub(super) fn jump_if(&mut self, e: &'a Expr, cond: bool, label: u32) {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.jump_if(&u.operand, !cond, label),
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    label
                };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, cond2, next2);
                }
                self.jump_if(&b.values[n - 1], cond, label);
                if next2 != label {
                    self.bind(next2);
                }
            }
            _ => {
                self.expr(e);
                self.set_span(e.range());
                if cond {
                    self.emit(Op::PopJumpIfTrue(label));
                } else {
                    self.emit(Op::PopJumpIfFalse(label));
                }
            }
        }
    }

    fn call(&mut self, c: &'a ast::ExprCall) {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let mut seen = std::collections::HashSet::new();
        for k in kws.iter() {
            if let Some(a) = &k.arg {
                if !seen.insert(a.as_str()) {
                    self.fail(
                        format!("keyword argument repeated: {}", a.as_str()),
                        k.range,
                    );
                    return;
                }
            }
        }
        if let Expr::Attribute(a) = &*c.func {
            let simple = args.iter().all(|x| !matches!(x, Expr::Starred(_)))
                && kws.iter().all(|k| k.arg.is_some())
                && args.len() + kws.len() + usize::from(!kws.is_empty()) < STACK_USE_GUIDELINE;
            if simple && !self.is_import_originated(&a.value) {
                self.expr(&a.value);
                self.set_span(a.range);
                let m = self.mangle(a.attr.as_str());
                let i = self.name_idx(&m);
                self.emit(Op::LoadMethod(i));
                for x in args.iter() {
                    self.expr(x);
                }
                for k in kws.iter() {
                    self.expr(&k.value);
                }
                self.set_span(c.range());
                if !kws.is_empty() {
                    self.kw_names(kws);
                }
                self.emit(Op::Call((args.len() + kws.len()) as u32));
                return;
            }
        }
        self.emit(Op::PushNull);
        self.expr(&c.func);
        self.set_span(c.range());
        if args.is_empty() && kws.is_empty() && self.zero_arg_super(&c.func) {
            self.emit(Op::Call(2));
            return;
        }
        self.call_helper(0, args, kws);
    }

    /// `super()` inside a method: pushes `__class__` and the first argument, as CPython's
    /// `super_init_without_args` finds them in the calling frame.
    fn zero_arg_super(&mut self, func: &Expr) -> bool {
        let Expr::Name(n) = func else { return false };
        let u = self.units.last().expect("unit");
        if n.id.as_str() != "super"
            || u.argcount == 0
            || !u.freevars.iter().any(|v| v == "__class__")
        {
            return false;
        }
        let class_idx = self.deref_idx("__class__");
        self.emit(Op::LoadDeref(class_idx));
        let first = self.units.last().expect("unit").varnames[0].clone();
        if self.units.last().expect("unit").cellvars.contains(&first) {
            let i = self.deref_idx(&first);
            self.emit(Op::LoadDeref(i));
        } else {
            self.emit(Op::LoadFast(0));
        }
        true
    }

    fn kw_names(&mut self, kws: &[ast::Keyword]) {
        let names: Vec<Const> = kws
            .iter()
            .filter_map(|k| k.arg.as_ref())
            .map(|a| Const::Str(a.as_str().into()))
            .collect();
        let k = self.const_idx(Const::Tuple(names.into()));
        self.emit(Op::KwNames(k));
    }

    /// CPython's `compiler_call_helper`: `n` arguments already pushed.
    pub(super) fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) {
        let span = self.unit().span;
        let simple = args.len() + kws.len() * 2 <= STACK_USE_GUIDELINE
            && args.iter().all(|x| !matches!(x, Expr::Starred(_)))
            && kws.iter().all(|k| k.arg.is_some());
        if simple {
            for x in args {
                self.expr(x);
            }
            for k in kws {
                self.expr(&k.value);
            }
            self.unit().span = span;
            if !kws.is_empty() {
                self.kw_names(kws);
            }
            self.emit(Op::Call(n + (args.len() + kws.len()) as u32));
            return;
        }
        if n == 0 && args.len() == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value);
            } else {
                self.starunpack(args, n, Seq::Tuple);
            }
        } else {
            self.starunpack(args, n, Seq::Tuple);
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut pending: Vec<&ast::Keyword> = Vec::new();
            for k in kws {
                if k.arg.is_none() {
                    if !pending.is_empty() {
                        self.subkwargs(&std::mem::take(&mut pending));
                        if have_dict {
                            self.emit(Op::DictMerge(1));
                        }
                        have_dict = true;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value);
                    self.unit().span = span;
                    self.emit(Op::DictMerge(1));
                } else {
                    pending.push(k);
                }
            }
            if !pending.is_empty() {
                self.subkwargs(&pending);
                if have_dict {
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        self.unit().span = span;
        self.emit(Op::CallEx(!kws.is_empty()));
    }

    fn subkwargs(&mut self, kws: &[&'a ast::Keyword]) {
        let n = kws.len();
        if n > 1 {
            for k in kws {
                self.expr(&k.value);
            }
            let names: Vec<Const> = kws
                .iter()
                .filter_map(|k| k.arg.as_ref())
                .map(|a| Const::Str(a.as_str().into()))
                .collect();
            self.load_const(Const::Tuple(names.into()));
            self.emit(Op::BuildConstKeyMap(n as u32));
        } else {
            for k in kws {
                let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
                self.load_const(Const::Str(name.into()));
                self.expr(&k.value);
            }
            self.emit(Op::BuildMap(n as u32));
        }
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) {
        let flags = self.function_prelude(l.parameters.as_deref(), None);
        let Some(scope) = self.st.scope_for(node_key(l)) else {
            return;
        };
        let qualname = self.qualname_for("<lambda>");
        let (line, _) = self.lines.pos(l.range.start().to_usize());
        self.push_unit(scope, UnitKind::Lambda, "<lambda>", &qualname, line);
        if let Some(p) = &l.parameters {
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
        self.const_idx(Const::None);
        self.expr(&l.body);
        self.set_span(l.body.range());
        if self.scope().is_generator {
            self.emit(Op::PopTop);
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        self.set_span(l.range);
        self.make_closure(code, flags);
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        key: usize,
        name: &str,
        gens: &'a [ast::Comprehension],
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: TextRange,
    ) {
        let Some(scope) = self.st.scope_for(key) else {
            return;
        };
        let is_async = self.st.scopes[scope].is_coroutine;
        let qualname = self.qualname_for(name);
        let (line, _) = self.lines.pos(range.start().to_usize());
        self.push_unit(scope, UnitKind::Comprehension, name, &qualname, line);
        self.unit().argcount = 1;
        self.set_span(range);
        match kind {
            CompKind::List => self.emit(Op::BuildList(0)),
            CompKind::Set => self.emit(Op::BuildSet(0)),
            CompKind::Dict => self.emit(Op::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(gens, 0, 0, kind, elt, value, range);
        self.set_span(range);
        if kind == CompKind::Gen {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit();
        self.set_span(range);
        self.make_closure(code, 0);
        let first = &gens[0].iter;
        self.expr(first);
        self.set_span(range);
        self.emit(if gens[0].is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(0));
        if is_async && kind != CompKind::Gen {
            self.emit_await();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        depth: u32,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: TextRange,
    ) {
        let g = &gens[i];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if i == 0 {
            let v = self.var_idx(".0");
            self.emit(Op::LoadFast(v));
        } else {
            if let Some(c) = fold::fold_container(&g.iter) {
                self.load_const(c);
            } else {
                self.expr(&g.iter);
            }
            self.set_span(g.range);
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.bind(start);
        self.set_span(g.range);
        let end_async = self.loop_next(g.is_async, anchor);
        self.store_target(&g.target);
        for cond in &g.ifs {
            self.jump_if(cond, false, if_cleanup);
        }
        let depth = depth + 1;
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, depth, kind, elt, value, range);
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt);
                    self.set_span(elt.range());
                    self.emit(Op::YieldValue);
                    self.emit(Op::PopTop);
                }
                CompKind::List => {
                    self.expr(elt);
                    self.set_span(range);
                    self.emit(Op::ListAppend(depth + 1));
                }
                CompKind::Set => {
                    self.expr(elt);
                    self.set_span(range);
                    self.emit(Op::SetAdd(depth + 1));
                }
                CompKind::Dict => {
                    self.expr(elt);
                    if let Some(v) = value {
                        self.expr(v);
                    }
                    self.set_span(range);
                    self.emit(Op::MapAdd(depth + 1));
                }
            }
        }
        self.bind(if_cleanup);
        self.emit_noline(Op::Jump(start));
        if let Some(end_async) = end_async {
            self.bind(end_async);
            self.emit(Op::EndAsyncFor);
        }
        self.bind(anchor);
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) {
        let mut pieces = 0u32;
        let mut literal = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => literal.push_str(s.as_str()),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut literal, &mut pieces)
                }
            }
        }
        if !literal.is_empty() || pieces == 0 {
            self.load_const(Const::Str(literal.as_str().into()));
            pieces += 1;
        }
        self.set_span(f.range);
        if pieces > 1 {
            self.emit(Op::BuildString(pieces));
        }
    }

    fn fstring_elements(
        &mut self,
        els: &'a ast::InterpolatedStringElements,
        literal: &mut String,
        pieces: &mut u32,
    ) {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => literal.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => fmtval::CONV_STR,
                        ast::ConversionFlag::Repr => fmtval::CONV_REPR,
                        ast::ConversionFlag::Ascii => fmtval::CONV_ASCII,
                    };
                    if let Some(d) = &i.debug_text {
                        literal.push_str(d.leading());
                        literal.push_str(d.expression());
                        literal.push_str(d.trailing());
                        if conv == 0 && i.format_spec.is_none() {
                            conv = fmtval::CONV_REPR;
                        }
                    }
                    if !literal.is_empty() {
                        let s = std::mem::take(literal);
                        self.load_const(Const::Str(s.as_str().into()));
                        *pieces += 1;
                    }
                    self.expr(&i.expression);
                    let mut flags = conv;
                    if let Some(spec) = &i.format_spec {
                        let mut lit = String::new();
                        let mut n = 0;
                        self.fstring_elements(&spec.elements, &mut lit, &mut n);
                        if !lit.is_empty() || n == 0 {
                            self.load_const(Const::Str(lit.as_str().into()));
                            n += 1;
                        }
                        if n > 1 {
                            self.emit(Op::BuildString(n));
                        }
                        flags |= fmtval::HAS_SPEC;
                    }
                    self.set_span(i.range);
                    self.emit(Op::FormatValue(flags));
                    *pieces += 1;
                }
            }
        }
    }
}
