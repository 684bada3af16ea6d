//! Expressions: literals, operators (short-circuit and compound assignment included),
//! member access, calls with V8's callee descriptions for `is not a function`, optional
//! chains, templates, `new`, `super`, `await` and `yield`.

use super::{CResult, Compiler};
use crate::code::{BinOp, Op, UnOp, VarAct};
use oxc_ast::ast::*;
use oxc_span::GetSpan;
use oxc_syntax::operator::{
    AssignmentOperator, BinaryOperator, LogicalOperator, UnaryOperator, UpdateOperator,
};

pub(crate) fn bin_op(op: BinaryOperator) -> BinOp {
    use BinaryOperator as B;
    match op {
        B::Equality => BinOp::Eq,
        B::Inequality => BinOp::Ne,
        B::StrictEquality => BinOp::StrictEq,
        B::StrictInequality => BinOp::StrictNe,
        B::LessThan => BinOp::Lt,
        B::LessEqualThan => BinOp::Le,
        B::GreaterThan => BinOp::Gt,
        B::GreaterEqualThan => BinOp::Ge,
        B::Addition => BinOp::Add,
        B::Subtraction => BinOp::Sub,
        B::Multiplication => BinOp::Mul,
        B::Division => BinOp::Div,
        B::Remainder => BinOp::Mod,
        B::Exponential => BinOp::Exp,
        B::ShiftLeft => BinOp::Shl,
        B::ShiftRight => BinOp::Shr,
        B::ShiftRightZeroFill => BinOp::UShr,
        B::BitwiseOR => BinOp::BitOr,
        B::BitwiseXOR => BinOp::BitXor,
        B::BitwiseAnd => BinOp::BitAnd,
        B::In => BinOp::In,
        B::Instanceof => BinOp::InstanceOf,
    }
}

fn assign_bin(op: AssignmentOperator) -> Option<BinOp> {
    use AssignmentOperator as A;
    Some(match op {
        A::Addition => BinOp::Add,
        A::Subtraction => BinOp::Sub,
        A::Multiplication => BinOp::Mul,
        A::Division => BinOp::Div,
        A::Remainder => BinOp::Mod,
        A::Exponential => BinOp::Exp,
        A::ShiftLeft => BinOp::Shl,
        A::ShiftRight => BinOp::Shr,
        A::ShiftRightZeroFill => BinOp::UShr,
        A::BitwiseOR => BinOp::BitOr,
        A::BitwiseXOR => BinOp::BitXor,
        A::BitwiseAnd => BinOp::BitAnd,
        _ => return None,
    })
}

/// Where an optional chain jumps when it short-circuits: (jump, values to drop).
pub(crate) type ChainJumps = Vec<(usize, u32)>;

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expression<'a>) -> CResult<()> {
        self.expr_named(e, None)
    }

    /// Compiles `e`; anonymous functions and classes take `name` (`const f = () => {}`).
    pub(crate) fn expr_named(&mut self, e: &'a Expression<'a>, name: Option<&str>) -> CResult<()> {
        let saved = self.cur_pos;
        self.set_pos(e.span());
        self.expr_inner(e, name)?;
        self.cur_pos = saved;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expression<'a>, name: Option<&str>) -> CResult<()> {
        match e {
            Expression::BooleanLiteral(b) => {
                self.emit(if b.value { Op::True } else { Op::False });
            }
            Expression::NullLiteral(_) => {
                self.emit(Op::Null);
            }
            Expression::NumericLiteral(n) => {
                let i = self.const_num(n.value);
                self.emit(Op::Const(i));
            }
            Expression::BigIntLiteral(b) => {
                let raw = b
                    .raw
                    .as_ref()
                    .map(|r| r.as_str())
                    .unwrap_or(b.value.as_str());
                let digits = raw.trim_end_matches('n').replace('_', "");
                let parsed = parse_bigint(&digits);
                match parsed {
                    Some(v) => {
                        let i = self.const_big(v);
                        self.emit(Op::Const(i));
                    }
                    None => return self.syntax("Invalid BigInt literal", b.span),
                }
            }
            Expression::StringLiteral(s) => {
                self.emit_str(&literal_text(s.value.as_str(), s.lone_surrogates))
            }
            Expression::TemplateLiteral(t) => self.template(t)?,
            Expression::RegExpLiteral(r) => {
                let p = self.name(r.regex.pattern.text.as_str());
                let f = self.name(&r.regex.flags.to_string());
                self.emit(Op::RegExp(p, f));
            }
            Expression::Identifier(id) => {
                if id.name == "undefined"
                    && self
                        .scopes
                        .resolve(&self.scope_stack, "undefined", u32::MAX)
                        .is_none()
                {
                    self.emit(Op::Undef);
                } else {
                    self.emit_var(VarAct::Get, &id.name);
                }
            }
            Expression::ThisExpression(_) => self.emit_var(VarAct::Get, "this"),
            Expression::ArrayExpression(a) => {
                let simple = a.elements.iter().all(|el| el.is_expression());
                if simple && a.elements.len() < 64 {
                    for el in &a.elements {
                        if let Some(x) = el.as_expression() {
                            self.expr(x)?;
                        }
                    }
                    self.emit(Op::MakeArray(a.elements.len() as u32));
                } else {
                    self.emit(Op::MakeArray(0));
                    for el in &a.elements {
                        match el {
                            ArrayExpressionElement::SpreadElement(s) => {
                                self.expr(&s.argument)?;
                                let d = self.name(&describe(&s.argument));
                                self.emit(Op::ArraySpread(d, false));
                            }
                            ArrayExpressionElement::Elision(_) => {
                                self.emit(Op::ArrayHole);
                            }
                            _ => {
                                if let Some(x) = el.as_expression() {
                                    self.expr(x)?;
                                    self.emit(Op::ArrayPush);
                                }
                            }
                        }
                    }
                }
            }
            Expression::ObjectExpression(o) => self.object(o)?,
            Expression::FunctionExpression(f) => {
                let n = f.id.as_ref().map(|i| i.name.as_str()).or(name);
                self.self_binding = f.id.as_ref().map(|i| i.name.as_str());
                self.function(f, n)?;
            }
            Expression::ArrowFunctionExpression(a) => self.arrow(a, name)?,
            Expression::ClassExpression(c) => self.class_named(c, name)?,
            Expression::ParenthesizedExpression(p) => self.expr_named(&p.expression, name)?,
            Expression::SequenceExpression(s) => {
                for (i, x) in s.expressions.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < s.expressions.len() {
                        self.emit(Op::Pop);
                    }
                }
            }
            Expression::ConditionalExpression(c) => {
                self.expr(&c.test)?;
                let j = self.emit(Op::JumpIfFalse(0));
                self.expr(&c.consequent)?;
                let j2 = self.emit(Op::Jump(0));
                self.patch(j);
                self.expr(&c.alternate)?;
                self.patch(j2);
            }
            Expression::LogicalExpression(l) => {
                self.expr(&l.left)?;
                let j = match l.operator {
                    LogicalOperator::And => self.emit(Op::JumpIfFalseKeep(0)),
                    LogicalOperator::Or => self.emit(Op::JumpIfTrueKeep(0)),
                    LogicalOperator::Coalesce => {
                        let j = self.emit(Op::JumpIfNotNullish(0));
                        self.emit(Op::Pop);
                        self.expr(&l.right)?;
                        self.patch(j);
                        return Ok(());
                    }
                };
                self.expr(&l.right)?;
                self.patch(j);
            }
            Expression::BinaryExpression(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                // V8 places a binary operation at its operator.
                let from = b.left.span().end;
                let text = self
                    .src
                    .get(from as usize..b.right.span().start as usize)
                    .unwrap_or("");
                let at = text
                    .find(b.operator.as_str())
                    .map_or(b.span.start, |i| from + i as u32);
                self.cur_pos = self.line_col(at);
                self.emit(Op::Bin(bin_op(b.operator)));
            }
            Expression::PrivateInExpression(p) => {
                self.emit_private(&p.left.name, p.left.span)?;
                self.expr(&p.right)?;
                self.emit(Op::Bin(BinOp::In));
            }
            Expression::UnaryExpression(u) => self.unary(u)?,
            Expression::UpdateExpression(u) => self.update(u)?,
            Expression::AssignmentExpression(a) => self.assign(a, name)?,
            Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => {
                let mut jumps = Vec::new();
                self.member(e, &mut jumps)?;
                self.finish_chain(jumps);
            }
            Expression::ChainExpression(c) => {
                let mut jumps = Vec::new();
                match &c.expression {
                    ChainElement::CallExpression(call) => self.call(call, &mut jumps)?,
                    ChainElement::TSNonNullExpression(t) => {
                        return self.unsupported("TypeScript syntax", t.span)
                    }
                    other => {
                        if let Some(m) = other.as_member_expression() {
                            self.member_expr(m, &mut jumps)?;
                        }
                    }
                }
                self.finish_chain(jumps);
            }
            Expression::CallExpression(c) => {
                let mut jumps = Vec::new();
                self.call(c, &mut jumps)?;
                self.finish_chain(jumps);
            }
            Expression::NewExpression(n) => {
                self.expr(&n.callee)?;
                let desc = describe(&n.callee);
                let d = self.name(&desc);
                if n.arguments
                    .iter()
                    .any(|a| matches!(a, Argument::SpreadElement(_)))
                {
                    self.args_array(&n.arguments)?;
                    self.set_pos(n.span);
                    self.emit(Op::NewSpread(d));
                } else {
                    for a in &n.arguments {
                        if let Some(x) = a.as_expression() {
                            self.expr(x)?;
                        }
                    }
                    self.set_pos(n.span);
                    self.emit(Op::New(n.arguments.len() as u32, d));
                }
            }
            Expression::TaggedTemplateExpression(t) => {
                let mut jumps = Vec::new();
                self.callee_with_this(&t.tag, &mut jumps)?;
                let i = self.template_object(&t.quasi);
                self.emit(Op::TemplateObject(i));
                for x in &t.quasi.expressions {
                    self.expr(x)?;
                }
                let d = self.name(&describe(&t.tag));
                self.emit(Op::Call(t.quasi.expressions.len() as u32 + 1, d));
            }
            Expression::AwaitExpression(a) => {
                self.expr(&a.argument)?;
                self.set_pos(a.span);
                self.emit(Op::Await);
            }
            Expression::YieldExpression(y) => {
                match &y.argument {
                    Some(x) => self.expr(x)?,
                    None => {
                        self.emit(Op::Undef);
                    }
                }
                let is_async = self.fns.last().is_some_and(|f| f.code.flags.is_async);
                if y.delegate {
                    if is_async {
                        return self.unsupported("yield* in an async generator", y.span);
                    }
                    let d = match &y.argument {
                        Some(x) => describe(x),
                        None => String::new(),
                    };
                    let d = self.name(&d);
                    self.emit(Op::GetIter(d));
                    self.emit(Op::Undef);
                    let mode = self.const_num(0.0);
                    self.emit(Op::Const(mode));
                    let top = self.emit(Op::YieldDelegate(0));
                    self.emit(Op::Jump(top as u32));
                    self.patch(top);
                } else {
                    if is_async {
                        self.emit(Op::Await);
                    }
                    self.emit(Op::Yield);
                }
            }
            Expression::NewTarget(_) => {
                self.emit(Op::NewTarget);
            }
            Expression::Super(s) => return self.syntax("'super' keyword unexpected here", s.span),
            Expression::ImportExpression(i) => return self.unsupported("dynamic import()", i.span),
            Expression::ImportMeta(i) => return self.unsupported("import.meta", i.span),
            Expression::JSXElement(j) => return self.unsupported("JSX", j.span),
            Expression::JSXFragment(j) => return self.unsupported("JSX", j.span),
            other => return self.unsupported("TypeScript syntax", other.span()),
        }
        Ok(())
    }

    /// Ends an optional chain: short-circuited paths produce `undefined`.
    pub(crate) fn finish_chain(&mut self, jumps: ChainJumps) {
        if jumps.is_empty() {
            return;
        }
        let done = self.emit(Op::Jump(0));
        let mut stubs = Vec::new();
        for (j, drop) in jumps {
            self.patch(j);
            for _ in 0..drop {
                self.emit(Op::Pop);
            }
            stubs.push(self.emit(Op::Jump(0)));
        }
        for s in stubs {
            self.patch(s);
        }
        self.emit(Op::Undef);
        self.patch(done);
    }

    /// Emits the short-circuit test of `?.` with `drop` extra values under the tested one.
    fn optional_test(&mut self, jumps: &mut ChainJumps, drop: u32) {
        let j = self.emit(Op::JumpIfNotNullish(0));
        let out = self.emit(Op::Jump(0));
        jumps.push((out, drop + 1));
        self.patch(j);
    }

    fn member(&mut self, e: &'a Expression<'a>, jumps: &mut ChainJumps) -> CResult<()> {
        match e.as_member_expression() {
            Some(m) => self.member_expr(m, jumps),
            None => self.expr(e),
        }
    }

    /// Compiles the object of a chain element, continuing the same optional chain.
    fn chain_object(&mut self, e: &'a Expression<'a>, jumps: &mut ChainJumps) -> CResult<()> {
        match e {
            Expression::CallExpression(c) => self.call(c, jumps),
            _ if e.as_member_expression().is_some() => self.member(e, jumps),
            _ => self.expr(e),
        }
    }

    pub(crate) fn member_expr(
        &mut self,
        m: &'a MemberExpression<'a>,
        jumps: &mut ChainJumps,
    ) -> CResult<()> {
        match m {
            MemberExpression::StaticMemberExpression(s) => {
                if matches!(s.object, Expression::Super(_)) {
                    self.emit_var(VarAct::Get, "this");
                    self.emit_str(&s.property.name);
                    self.emit(Op::SuperGet);
                    return Ok(());
                }
                self.chain_object(&s.object, jumps)?;
                if s.optional {
                    self.optional_test(jumps, 0);
                }
                self.set_pos(s.property.span);
                let n = self.name(&s.property.name);
                self.emit(Op::GetNamed(n));
            }
            MemberExpression::ComputedMemberExpression(c) => {
                if matches!(c.object, Expression::Super(_)) {
                    self.emit_var(VarAct::Get, "this");
                    self.expr(&c.expression)?;
                    self.emit(Op::SuperGet);
                    return Ok(());
                }
                self.chain_object(&c.object, jumps)?;
                if c.optional {
                    self.optional_test(jumps, 0);
                }
                self.expr(&c.expression)?;
                self.set_pos(c.span);
                self.emit(Op::GetElem);
            }
            MemberExpression::PrivateFieldExpression(p) => {
                self.chain_object(&p.object, jumps)?;
                if p.optional {
                    self.optional_test(jumps, 0);
                }
                self.emit_private(&p.field.name, p.field.span)?;
                self.emit(Op::GetElem);
            }
        }
        Ok(())
    }

    /// Pushes `func this` for a call of `callee`.
    fn callee_with_this(
        &mut self,
        callee: &'a Expression<'a>,
        jumps: &mut ChainJumps,
    ) -> CResult<()> {
        match callee.without_parentheses() {
            Expression::StaticMemberExpression(s) => {
                if matches!(s.object, Expression::Super(_)) {
                    self.emit_var(VarAct::Get, "this");
                    self.emit(Op::Dup);
                    self.emit_str(&s.property.name);
                    self.emit(Op::SuperGet);
                    self.emit(Op::Swap);
                    return Ok(());
                }
                self.chain_object(&s.object, jumps)?;
                if s.optional {
                    self.optional_test(jumps, 0);
                }
                self.emit(Op::Dup);
                self.set_pos(s.property.span);
                let n = self.name(&s.property.name);
                self.emit(Op::GetNamed(n));
                self.emit(Op::Swap);
            }
            Expression::ComputedMemberExpression(c) => {
                if matches!(c.object, Expression::Super(_)) {
                    self.emit_var(VarAct::Get, "this");
                    self.emit(Op::Dup);
                    self.expr(&c.expression)?;
                    self.emit(Op::SuperGet);
                    self.emit(Op::Swap);
                    return Ok(());
                }
                self.chain_object(&c.object, jumps)?;
                if c.optional {
                    self.optional_test(jumps, 0);
                }
                self.emit(Op::Dup);
                self.expr(&c.expression)?;
                self.emit(Op::GetElem);
                self.emit(Op::Swap);
            }
            Expression::PrivateFieldExpression(p) => {
                self.chain_object(&p.object, jumps)?;
                if p.optional {
                    self.optional_test(jumps, 0);
                }
                self.emit(Op::Dup);
                self.emit_private(&p.field.name, p.field.span)?;
                self.emit(Op::GetElem);
                self.emit(Op::Swap);
            }
            other => {
                self.chain_object(other, jumps)?;
                self.emit(Op::Undef);
            }
        }
        Ok(())
    }

    pub(crate) fn call(
        &mut self,
        c: &'a CallExpression<'a>,
        jumps: &mut ChainJumps,
    ) -> CResult<()> {
        if matches!(c.callee, Expression::Super(_)) {
            let spread = c
                .arguments
                .iter()
                .any(|a| matches!(a, Argument::SpreadElement(_)));
            if spread {
                self.args_array(&c.arguments)?;
                self.emit(Op::SuperCallSpread);
            } else {
                for a in &c.arguments {
                    if let Some(x) = a.as_expression() {
                        self.expr(x)?;
                    }
                }
                self.set_pos(c.span);
                self.emit(Op::SuperCall(c.arguments.len() as u32));
            }
            self.emit(Op::Dup);
            self.emit_var(VarAct::Init, "this");
            return Ok(());
        }
        self.callee_with_this(&c.callee, jumps)?;
        if c.optional {
            // `f?.()`: the function is under `this`.
            self.emit(Op::Swap);
            self.optional_test(jumps, 1);
            self.emit(Op::Swap);
        }
        let desc = describe(&c.callee);
        let d = self.name(&desc);
        let spread = c
            .arguments
            .iter()
            .any(|a| matches!(a, Argument::SpreadElement(_)));
        if spread {
            self.args_array(&c.arguments)?;
            self.set_call_pos(c);
            self.emit(Op::CallSpread(d));
        } else {
            for a in &c.arguments {
                if let Some(x) = a.as_expression() {
                    self.expr(x)?;
                }
            }
            self.set_call_pos(c);
            self.emit(Op::Call(c.arguments.len() as u32, d));
        }
        Ok(())
    }

    /// V8 places a property store at its `=` (in stack traces through a setter and in
    /// error reports).
    fn set_assign_pos(&mut self, a: &AssignmentExpression<'_>) {
        let from = a.left.span().end;
        let text = self
            .src
            .get(from as usize..a.right.span().start as usize)
            .unwrap_or("");
        let at = text.find('=').map_or(a.span.start, |i| from + i as u32);
        self.cur_pos = self.line_col(at);
    }

    /// Where V8 places a call in stack traces and error reports: at the property of a
    /// method call (`o.m()` at `m`), at a called name (`f()` at `f`), and at the
    /// arguments' `(` for any other callee (`(function () {})()`, `a["k"]()`).
    fn set_call_pos(&mut self, c: &CallExpression<'_>) {
        let at = match &c.callee {
            Expression::StaticMemberExpression(m) => m.property.span.start,
            Expression::PrivateFieldExpression(p) => p.field.span.start,
            Expression::Identifier(_) => c.span.start,
            callee => {
                let from = callee.span().end;
                let text = self
                    .src
                    .get(from as usize..c.span.end as usize)
                    .unwrap_or("");
                text.find('(').map_or(c.span.start, |i| from + i as u32)
            }
        };
        self.cur_pos = self.line_col(at);
    }

    pub(crate) fn args_array(&mut self, args: &'a [Argument<'a>]) -> CResult<()> {
        self.emit(Op::MakeArray(0));
        for a in args {
            match a {
                Argument::SpreadElement(s) => {
                    self.expr(&s.argument)?;
                    let d = self.name(&describe(&s.argument));
                    self.emit(Op::ArraySpread(d, true));
                }
                _ => {
                    if let Some(x) = a.as_expression() {
                        self.expr(x)?;
                        self.emit(Op::ArrayPush);
                    }
                }
            }
        }
        Ok(())
    }

    fn template(&mut self, t: &'a TemplateLiteral<'a>) -> CResult<()> {
        let cooked = |i: usize| {
            t.quasis
                .get(i)
                .and_then(|q| {
                    q.value
                        .cooked
                        .as_ref()
                        .map(|c| literal_text(c.as_str(), q.lone_surrogates))
                })
                .unwrap_or_default()
        };
        let first = cooked(0);
        self.emit_str(&first);
        for (i, x) in t.expressions.iter().enumerate() {
            self.expr(x)?;
            self.emit(Op::ToStr);
            self.emit(Op::Bin(BinOp::Add));
            let q = cooked(i + 1);
            if !q.is_empty() {
                self.emit_str(&q);
                self.emit(Op::Bin(BinOp::Add));
            }
        }
        Ok(())
    }

    /// Registers the strings of a tagged template: names[i] cooked, names[i+1] raw, ...
    fn template_object(&mut self, t: &'a TemplateLiteral<'a>) -> u32 {
        let start = self.f().code.names.len() as u32;
        let n = t.quasis.len();
        let f = self.f();
        f.code
            .names
            .push(std::sync::Arc::from(n.to_string().as_str()));
        for q in &t.quasis {
            let cooked = q
                .value
                .cooked
                .as_ref()
                .map(|c| literal_text(c.as_str(), q.lone_surrogates))
                .unwrap_or_default();
            f.code.names.push(std::sync::Arc::from(cooked.as_str()));
            f.code
                .names
                .push(std::sync::Arc::from(q.value.raw.as_str()));
        }
        start
    }

    fn unary(&mut self, u: &'a UnaryExpression<'a>) -> CResult<()> {
        match u.operator {
            UnaryOperator::Typeof => {
                if let Expression::Identifier(id) = u.argument.without_parentheses() {
                    self.emit_var(VarAct::Typeof, &id.name);
                } else {
                    self.expr(&u.argument)?;
                }
                self.emit(Op::Typeof);
            }
            UnaryOperator::Delete => match u.argument.without_parentheses() {
                Expression::StaticMemberExpression(s) => {
                    self.expr(&s.object)?;
                    self.emit_str(&s.property.name);
                    self.emit(Op::DeleteElem);
                }
                Expression::ComputedMemberExpression(c) => {
                    self.expr(&c.object)?;
                    self.expr(&c.expression)?;
                    self.emit(Op::DeleteElem);
                }
                Expression::Identifier(_) => {
                    self.emit(Op::False);
                }
                other => {
                    self.expr(other)?;
                    self.emit(Op::Pop);
                    self.emit(Op::True);
                }
            },
            op => {
                self.expr(&u.argument)?;
                self.emit(Op::Unary(match op {
                    UnaryOperator::UnaryNegation => UnOp::Neg,
                    UnaryOperator::UnaryPlus => UnOp::Plus,
                    UnaryOperator::LogicalNot => UnOp::Not,
                    UnaryOperator::BitwiseNot => UnOp::BitNot,
                    _ => UnOp::Void,
                }));
            }
        }
        Ok(())
    }

    fn update(&mut self, u: &'a UpdateExpression<'a>) -> CResult<()> {
        let step = if u.operator == UpdateOperator::Increment {
            Op::Inc
        } else {
            Op::Dec
        };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                self.emit_var(VarAct::Get, &id.name);
                self.emit(Op::ToNumeric);
                if u.prefix {
                    self.emit(step);
                    self.emit(Op::Dup);
                } else {
                    self.emit(Op::Dup);
                    self.emit(step);
                }
                self.emit_var(VarAct::Set, &id.name);
            }
            other => {
                let Some(m) = other.as_member_expression() else {
                    return self.unsupported("TypeScript syntax", u.span);
                };
                // obj key -> obj key old -> ...
                self.member_ref(m)?;
                self.emit(Op::Dup2);
                self.emit(Op::GetElem);
                self.emit(Op::ToNumeric);
                if u.prefix {
                    self.emit(step);
                    self.emit(Op::SetElem);
                } else {
                    // obj key old -> old obj key old -> old obj key new
                    self.emit(Op::Dup);
                    self.emit(Op::Rot4);
                    self.emit(step);
                    self.emit(Op::SetElem);
                    self.emit(Op::Pop);
                }
            }
        }
        Ok(())
    }

    /// Pushes `obj key` for a member expression used as a reference.
    pub(crate) fn member_ref(&mut self, m: &'a MemberExpression<'a>) -> CResult<()> {
        match m {
            MemberExpression::StaticMemberExpression(s) => {
                if matches!(s.object, Expression::Super(_)) {
                    return self.unsupported("assignment to super property", s.span);
                }
                self.expr(&s.object)?;
                self.emit_str(&s.property.name);
            }
            MemberExpression::ComputedMemberExpression(c) => {
                if matches!(c.object, Expression::Super(_)) {
                    return self.unsupported("assignment to super property", c.span);
                }
                self.expr(&c.object)?;
                self.expr(&c.expression)?;
                self.emit(Op::ToPropertyKey);
            }
            MemberExpression::PrivateFieldExpression(p) => {
                self.expr(&p.object)?;
                self.emit_private(&p.field.name, p.field.span)?;
            }
        }
        Ok(())
    }

    fn assign(&mut self, a: &'a AssignmentExpression<'a>, _name: Option<&str>) -> CResult<()> {
        let op = a.operator;
        if let AssignmentTarget::AssignmentTargetIdentifier(id) = &a.left {
            let name = id.name.as_str();
            match op {
                AssignmentOperator::Assign => {
                    self.expr_named(&a.right, Some(name))?;
                    self.emit(Op::Dup);
                    self.emit_var(VarAct::Set, name);
                }
                AssignmentOperator::LogicalAnd
                | AssignmentOperator::LogicalOr
                | AssignmentOperator::LogicalNullish => {
                    self.emit_var(VarAct::Get, name);
                    let j = match op {
                        AssignmentOperator::LogicalAnd => self.emit(Op::JumpIfFalseKeep(0)),
                        AssignmentOperator::LogicalOr => self.emit(Op::JumpIfTrueKeep(0)),
                        _ => {
                            let j = self.emit(Op::JumpIfNotNullish(0));
                            self.emit(Op::Pop);
                            j
                        }
                    };
                    self.expr_named(&a.right, Some(name))?;
                    self.emit(Op::Dup);
                    self.emit_var(VarAct::Set, name);
                    self.patch(j);
                }
                _ => {
                    self.emit_var(VarAct::Get, name);
                    self.expr(&a.right)?;
                    if let Some(b) = assign_bin(op) {
                        self.emit(Op::Bin(b));
                    }
                    self.emit(Op::Dup);
                    self.emit_var(VarAct::Set, name);
                }
            }
            return Ok(());
        }
        if let Some(m) = a.left.as_member_expression() {
            if matches!(m.object(), Expression::Super(_)) && op == AssignmentOperator::Assign {
                self.emit_var(VarAct::Get, "this");
                match m {
                    MemberExpression::StaticMemberExpression(s) => self.emit_str(&s.property.name),
                    MemberExpression::ComputedMemberExpression(c) => {
                        self.expr(&c.expression)?;
                        self.emit(Op::ToPropertyKey);
                    }
                    MemberExpression::PrivateFieldExpression(p) => {
                        return self.syntax("Unexpected private field", p.span)
                    }
                }
                self.expr(&a.right)?;
                self.emit(Op::SuperSet);
                return Ok(());
            }
            self.member_ref(m)?;
            match op {
                AssignmentOperator::Assign => {
                    if is_anonymous_function(&a.right) {
                        self.inferred_name = inferred_member_name(m);
                    }
                    self.expr(&a.right)?;
                    self.inferred_name = None;
                    self.set_assign_pos(a);
                    self.emit(Op::SetElem);
                }
                AssignmentOperator::LogicalAnd
                | AssignmentOperator::LogicalOr
                | AssignmentOperator::LogicalNullish => {
                    self.emit(Op::Dup2);
                    self.emit(Op::GetElem);
                    let j = match op {
                        AssignmentOperator::LogicalAnd => self.emit(Op::JumpIfFalseKeep(0)),
                        AssignmentOperator::LogicalOr => self.emit(Op::JumpIfTrueKeep(0)),
                        _ => {
                            let j = self.emit(Op::JumpIfNotNullish(0));
                            self.emit(Op::Pop);
                            j
                        }
                    };
                    self.expr(&a.right)?;
                    self.emit(Op::SetElem);
                    let done = self.emit(Op::Jump(0));
                    self.patch(j);
                    // obj key value -> value
                    self.emit(Op::Rot3);
                    self.emit(Op::Pop);
                    self.emit(Op::Pop);
                    self.patch(done);
                }
                _ => {
                    self.emit(Op::Dup2);
                    self.emit(Op::GetElem);
                    self.expr(&a.right)?;
                    if let Some(b) = assign_bin(op) {
                        self.emit(Op::Bin(b));
                    }
                    self.set_pos(a.span);
                    self.emit(Op::SetElem);
                }
            }
            return Ok(());
        }
        if op != AssignmentOperator::Assign {
            return self.syntax("Invalid left-hand side in assignment", a.span);
        }
        self.expr(&a.right)?;
        self.emit(Op::Dup);
        self.pattern_desc = Some(describe(&a.right));
        self.assign_target_from_stack(&a.left)
    }

    fn object(&mut self, o: &'a ObjectExpression<'a>) -> CResult<()> {
        let n = o.properties.len().min(64) as u32;
        self.emit(Op::NewObject(n));
        for p in &o.properties {
            match p {
                ObjectPropertyKind::SpreadProperty(s) => {
                    self.expr(&s.argument)?;
                    self.emit(Op::CopyProps);
                }
                ObjectPropertyKind::ObjectProperty(p) => {
                    let static_name = self.static_key(&p.key, p.computed);
                    let method = match &p.value {
                        Expression::FunctionExpression(f)
                            if p.method || p.kind != PropertyKind::Init =>
                        {
                            Some(f)
                        }
                        _ => None,
                    };
                    match p.kind {
                        PropertyKind::Init => match &static_name {
                            Some(n)
                                if n == "__proto__" && !p.computed && !p.shorthand && !p.method =>
                            {
                                self.expr(&p.value)?;
                                self.emit(Op::SetProto);
                            }
                            Some(n) => {
                                let n = n.clone();
                                match method {
                                    Some(f) => {
                                        self.method_function(f, &n, p.span)?;
                                        self.emit(Op::MakeMethod(1));
                                    }
                                    None => self.expr_named(&p.value, Some(&n))?,
                                }
                                let i = self.name(&n);
                                self.emit(Op::DefineNamed(i));
                            }
                            None => {
                                self.prop_key(&p.key)?;
                                match method {
                                    Some(f) => {
                                        self.method_function(f, "", p.span)?;
                                        self.emit(Op::MakeMethod(2));
                                        self.emit(Op::SetFunctionName(0));
                                    }
                                    None => {
                                        self.expr(&p.value)?;
                                        if is_anonymous_definition(&p.value) {
                                            self.emit(Op::SetFunctionName(0));
                                        }
                                    }
                                }
                                self.emit(Op::DefineElem);
                            }
                        },
                        PropertyKind::Get | PropertyKind::Set => {
                            let is_get = p.kind == PropertyKind::Get;
                            let prefix = if is_get { "get" } else { "set" };
                            match &static_name {
                                Some(n) => self.emit_str(n),
                                None => self.prop_key(&p.key)?,
                            }
                            let name = static_name
                                .as_ref()
                                .map(|n| format!("{prefix} {n}"))
                                .unwrap_or_default();
                            match method {
                                Some(f) => self.method_function(f, &name, p.span)?,
                                None => self.expr_named(&p.value, Some(&name))?,
                            }
                            self.emit(Op::MakeMethod(2));
                            if static_name.is_none() {
                                self.emit(Op::SetFunctionName(if is_get { 1 } else { 2 }));
                            }
                            self.emit(Op::DefineAccessor(is_get, true));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The key of a property when it is known at compile time.
    pub(crate) fn static_key(&self, k: &'a PropertyKey<'a>, _computed: bool) -> Option<String> {
        match k {
            PropertyKey::StaticIdentifier(id) => Some(id.name.to_string()),
            PropertyKey::StringLiteral(s) => {
                Some(literal_text(s.value.as_str(), s.lone_surrogates))
            }
            PropertyKey::NumericLiteral(n) => Some(crate::value::num_to_string(n.value)),
            _ => None,
        }
    }

    /// Pushes a computed property key.
    pub(crate) fn prop_key(&mut self, k: &'a PropertyKey<'a>) -> CResult<()> {
        if let PropertyKey::PrivateIdentifier(id) = k {
            self.emit_private(&id.name, id.span)?;
            return Ok(());
        }
        if let Some(e) = k.as_expression() {
            self.expr(e)?;
            self.emit(Op::ToPropertyKey);
        }
        Ok(())
    }
}

/// An anonymous function, arrow or class expression (named after its binding).
pub(crate) fn is_anonymous_definition(e: &Expression) -> bool {
    match e {
        Expression::ArrowFunctionExpression(_) => true,
        Expression::FunctionExpression(f) => f.id.is_none(),
        Expression::ClassExpression(c) => c.id.is_none(),
        Expression::ParenthesizedExpression(p) => is_anonymous_definition(&p.expression),
        _ => false,
    }
}

fn parse_bigint(s: &str) -> Option<num_bigint::BigInt> {
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r, 16)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r, 8)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r, 2)
    } else {
        (s, 10)
    };
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The text V8's CallPrinter shows for an expression in `x is not a function`,
/// `x is not iterable` and destructuring errors: names, member chains and literals as
/// written, other values as `(intermediate value)`.
pub(crate) fn describe(e: &Expression) -> String {
    const IV: &str = "(intermediate value)";
    match e {
        Expression::Identifier(id) => id.name.to_string(),
        Expression::ThisExpression(_) => "this".into(),
        Expression::Super(_) => "super".into(),
        Expression::StaticMemberExpression(s) => format!(
            "{}{}.{}",
            describe(&s.object),
            if s.optional { "?" } else { "" },
            s.property.name
        ),
        Expression::PrivateFieldExpression(p) => {
            format!("{}.#{}", describe(&p.object), p.field.name)
        }
        Expression::ComputedMemberExpression(c) => {
            let obj = describe(&c.object);
            match &c.expression {
                Expression::StringLiteral(k) if is_identifier_name(&k.value) => {
                    format!("{obj}.{}", k.value)
                }
                Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
                    let k = t
                        .quasis
                        .first()
                        .and_then(|q| q.value.cooked.as_ref())
                        .map(|c| c.to_string())
                        .unwrap_or_default();
                    if is_identifier_name(&k) {
                        format!("{obj}.{k}")
                    } else {
                        format!("{obj}[\"{k}\"]")
                    }
                }
                other => format!("{obj}[{}]", describe(other)),
            }
        }
        Expression::CallExpression(c) => format!("{}(...)", describe(&c.callee)),
        Expression::ChainExpression(c) => match &c.expression {
            ChainElement::CallExpression(call) => format!("{}(...)", describe(&call.callee)),
            ChainElement::StaticMemberExpression(s) => format!(
                "{}{}.{}",
                describe(&s.object),
                if s.optional { "?" } else { "" },
                s.property.name
            ),
            ChainElement::ComputedMemberExpression(m) => {
                format!("{}[{}]", describe(&m.object), describe(&m.expression))
            }
            _ => IV.into(),
        },
        Expression::ParenthesizedExpression(p) => describe(&p.expression),
        Expression::StringLiteral(s) => format!("\"{}\"", s.value),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
            format!(
                "\"{}\"",
                t.quasis
                    .first()
                    .and_then(|q| q.value.cooked.as_ref())
                    .map(|c| c.to_string())
                    .unwrap_or_default()
            )
        }
        Expression::NumericLiteral(n) => crate::value::num_to_string(n.value),
        Expression::NullLiteral(_) => "null".into(),
        Expression::BooleanLiteral(b) => b.value.to_string(),
        Expression::RegExpLiteral(r) => format!("/{}/{}", r.regex.pattern.text, r.regex.flags),
        Expression::ArrayExpression(a) => {
            let items: Vec<String> = a
                .elements
                .iter()
                .map(|el| match el {
                    ArrayExpressionElement::SpreadElement(s) => {
                        format!("...{}", describe(&s.argument))
                    }
                    ArrayExpressionElement::Elision(_) => String::new(),
                    other => other.as_expression().map(describe).unwrap_or_default(),
                })
                .collect();
            format!("[{}]", items.join(","))
        }
        Expression::ObjectExpression(o) => format!("{{{}}}", IV.repeat(o.properties.len())),
        Expression::ConditionalExpression(_) => IV.repeat(3),
        Expression::SequenceExpression(s) => format!(
            "({})",
            s.expressions
                .iter()
                .map(describe)
                .collect::<Vec<_>>()
                .join(" , ")
        ),
        Expression::LogicalExpression(l) => format!(
            "({} {} {})",
            describe(&l.left),
            l.operator.as_str(),
            describe(&l.right)
        ),
        Expression::BinaryExpression(b) => match fold_numeric(b) {
            Some(n) => crate::value::num_to_string(n),
            None => format!(
                "({} {} {})",
                describe(&b.left),
                b.operator.as_str(),
                describe(&b.right)
            ),
        },
        Expression::UnaryExpression(u) => {
            let op = u.operator.as_str();
            let sep = if op.chars().all(|c| c.is_ascii_alphabetic()) {
                " "
            } else {
                ""
            };
            format!("({op}{sep}{})", describe(&u.argument))
        }
        Expression::UpdateExpression(u) => {
            let target = match &u.argument {
                SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => id.name.to_string(),
                other => other
                    .as_member_expression()
                    .map(|m| describe_member(m))
                    .unwrap_or_else(|| IV.into()),
            };
            let op = u.operator.as_str();
            if u.prefix {
                format!("({op}{target})")
            } else {
                format!("({target}{op})")
            }
        }
        Expression::AssignmentExpression(a) => match &a.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => id.name.to_string(),
            other => other
                .as_member_expression()
                .map(|m| describe_member(m))
                .unwrap_or_else(|| IV.into()),
        },
        Expression::NewTarget(_) => ".new.target".into(),
        _ => IV.into(),
    }
}

/// An anonymous function or arrow function expression (V8 infers its name from the
/// assignment).
fn is_anonymous_function(e: &Expression) -> bool {
    match e {
        Expression::FunctionExpression(f) => f.id.is_none(),
        Expression::ArrowFunctionExpression(_) => true,
        Expression::ParenthesizedExpression(p) => is_anonymous_function(&p.expression),
        _ => false,
    }
}

/// V8's inferred name for a function assigned to `m`: the dotted names of the target
/// (`a.b.c`, `a["k"]` as `a.k`, `this.x` as `x`); `None` for other targets.
fn inferred_member_name(m: &MemberExpression) -> Option<String> {
    let (mut object, key) = match m {
        MemberExpression::StaticMemberExpression(s) => (&s.object, s.property.name.to_string()),
        MemberExpression::ComputedMemberExpression(c) => match &c.expression {
            Expression::StringLiteral(k) => (&c.object, k.value.to_string()),
            _ => return None,
        },
        MemberExpression::PrivateFieldExpression(_) => return None,
    };
    let mut parts = vec![key];
    loop {
        match object {
            Expression::Identifier(id) => {
                parts.push(id.name.to_string());
                break;
            }
            Expression::ThisExpression(_) => break,
            Expression::StaticMemberExpression(s) => {
                parts.push(s.property.name.to_string());
                object = &s.object;
            }
            Expression::ComputedMemberExpression(c) => match &c.expression {
                Expression::StringLiteral(k) => {
                    parts.push(k.value.to_string());
                    object = &c.object;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

fn describe_member(m: &MemberExpression) -> String {
    match m {
        MemberExpression::StaticMemberExpression(s) => {
            format!("{}.{}", describe(&s.object), s.property.name)
        }
        MemberExpression::ComputedMemberExpression(c) => {
            format!("{}[{}]", describe(&c.object), describe(&c.expression))
        }
        MemberExpression::PrivateFieldExpression(p) => {
            format!("{}.#{}", describe(&p.object), p.field.name)
        }
    }
}

/// V8's parser folds arithmetic on two number literals (`1 + 1` is printed `2`).
fn fold_numeric(b: &BinaryExpression) -> Option<f64> {
    let (Expression::NumericLiteral(l), Expression::NumericLiteral(r)) = (&b.left, &b.right) else {
        return None;
    };
    let (x, y) = (l.value, r.value);
    use BinaryOperator as B;
    Some(match b.operator {
        B::Addition => x + y,
        B::Subtraction => x - y,
        B::Multiplication => x * y,
        B::Division => x / y,
        B::Remainder => x % y,
        B::Exponential => x.powf(y),
        _ => return None,
    })
}

/// True for a string usable after a dot.
fn is_identifier_name(s: &str) -> bool {
    let mut ch = s.chars();
    matches!(ch.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '$')
        && ch.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// A string literal's value: oxc encodes lone surrogates as U+FFFD and four hex
/// digits (U+FFFD itself as `fffd`); they become the VM's lone-surrogate characters.
pub(crate) fn literal_text(value: &str, lone_surrogates: bool) -> String {
    if !lone_surrogates {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('\u{FFFD}') {
        out.push_str(&rest[..i]);
        let after = &rest[i + '\u{FFFD}'.len_utf8()..];
        let hex = after.get(..4).and_then(|h| u16::from_str_radix(h, 16).ok());
        match hex {
            Some(0xfffd) => out.push('\u{FFFD}'),
            Some(u) if (0xD800..0xE000).contains(&u) => out.push(crate::value::lone_char(u)),
            _ => {
                out.push('\u{FFFD}');
                rest = after;
                continue;
            }
        }
        rest = &after[4..];
    }
    out.push_str(rest);
    out
}
