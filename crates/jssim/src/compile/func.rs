//! Functions, arrows and classes: parameters (defaults, destructuring, rest), the
//! implicit `this`/`arguments` bindings, constructors, methods, accessors, instance and
//! static fields, static blocks and `extends`.

use super::scope::VarKind;
use super::{CResult, Compiler, Ctl};
use crate::code::{FnFlags, Op, VarAct, VarRef};
use oxc_ast::ast::*;

impl<'a> Compiler<'a> {
    /// Emits a closure for a function declaration or expression.
    pub(crate) fn function(&mut self, f: &'a Function<'a>, name: Option<&str>) -> CResult<()> {
        let flags = FnFlags {
            is_async: f.r#async,
            generator: f.generator,
            ..FnFlags::default()
        };
        let idx = self.fn_common(
            name.unwrap_or(""),
            flags,
            f.span,
            Some(&f.params),
            FnBody::Block(f.body.as_deref()),
            false,
        )?;
        self.emit(Op::Closure(idx));
        Ok(())
    }

    /// An object literal method, getter or setter: not a constructor, `super` refers
    /// to the object (set by `MakeMethod`).
    /// A method's source text for `toString`: from its definition's start (with the
    /// `async`, `*`, `get`/`set` before the key, without `static`) to the body's end.
    pub(crate) fn method_span(&self, definition: oxc_span::Span, f: &Function) -> oxc_span::Span {
        let mut start = definition.start;
        let text = self.text(oxc_span::Span::new(start, f.span.end));
        if let Some(rest) = text.strip_prefix("static") {
            if rest.starts_with(|c: char| c.is_whitespace()) {
                start += (text.len() - rest.trim_start().len()) as u32;
            }
        }
        oxc_span::Span::new(start, f.span.end)
    }

    pub(crate) fn method_function(
        &mut self,
        f: &'a Function<'a>,
        name: &str,
        definition: oxc_span::Span,
    ) -> CResult<()> {
        let flags = FnFlags {
            method: true,
            is_async: f.r#async,
            generator: f.generator,
            ..FnFlags::default()
        };
        let span = self.method_span(definition, f);
        let idx = self.fn_common(
            name,
            flags,
            span,
            Some(&f.params),
            FnBody::Block(f.body.as_deref()),
            false,
        )?;
        self.emit(Op::Closure(idx));
        Ok(())
    }

    pub(crate) fn arrow(
        &mut self,
        a: &'a ArrowFunctionExpression<'a>,
        name: Option<&str>,
    ) -> CResult<()> {
        let flags = FnFlags {
            arrow: true,
            is_async: a.r#async,
            ..FnFlags::default()
        };
        let body = match &a.body {
            ArrowFunctionBody::FunctionBody(b) => FnBody::Block(Some(b)),
            other => match other.as_expression() {
                Some(e) => FnBody::Expr(e),
                None => FnBody::Block(None),
            },
        };
        let idx = self.fn_common(
            name.unwrap_or(""),
            flags,
            a.span,
            Some(&a.params),
            body,
            false,
        )?;
        self.emit(Op::Closure(idx));
        Ok(())
    }

    /// Compiles a function body and returns its index in the current function's table.
    fn fn_common(
        &mut self,
        name: &str,
        flags: FnFlags,
        span: oxc_span::Span,
        params: Option<&'a FormalParameters<'a>>,
        body: FnBody<'a>,
        init_fields: bool,
    ) -> CResult<u32> {
        let saved_ctl: Vec<Ctl<'a>> = std::mem::take(&mut self.ctl);
        let saved_labels = std::mem::take(&mut self.pending_labels);
        let saved_pos = self.cur_pos;
        let src = self.text(span);
        let mut flags = flags;
        if let FnBody::Block(Some(b)) = &body {
            flags.strict |= b.directives.iter().any(|d| d.directive == "use strict");
        }
        let self_binding = self.self_binding.take();
        self.begin_fn(name, flags, src);
        if !flags.arrow {
            self.declare(
                "this",
                if flags.derived {
                    VarKind::ParamTdz
                } else {
                    VarKind::Implicit
                },
            );
            if flags.derived {
                self.emit(Op::Empty);
            } else {
                self.emit(Op::LoadThis);
            }
            self.emit_var(VarAct::Init, "this");
            let pc = self.here();
            self.emit(Op::Nop);
            self.emit(Op::Nop);
            self.f().args_pc = Some(pc);
        }
        if let Some(sb) = self_binding {
            // A named function expression sees its own name.
            self.declare(sb, VarKind::Implicit);
            self.emit(Op::LoadCallee);
            self.emit_var(VarAct::Init, sb);
        }
        let mut length = 0;
        let mut seen_default = false;
        let items: &[FormalParameter<'a>] = params.map(|p| p.items.as_slice()).unwrap_or(&[]);
        let rest = params.and_then(|p| p.rest.as_ref());
        let simple = rest.is_none()
            && items.iter().all(|p| {
                p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
            });
        // Parameters of a non-simple list are in their TDZ until bound, in order.
        let pkind = if simple {
            VarKind::Param
        } else {
            VarKind::ParamTdz
        };
        let mut all_names = Vec::new();
        for p in items {
            super::stmt::pattern_names(&p.pattern, &mut all_names);
        }
        if let Some(r) = rest {
            super::stmt::pattern_names(&r.rest.argument, &mut all_names);
        }
        for n in &all_names {
            self.declare(n, pkind);
            if !simple {
                self.emit(Op::Empty);
                self.emit_var(VarAct::Init, n);
            }
        }
        if simple && !flags.arrow {
            let scope = self.cur_scope();
            let params = items
                .iter()
                .filter_map(|p| match &p.pattern {
                    BindingPattern::BindingIdentifier(id) => {
                        self.scopes.lookup(scope, &id.name).map(|i| (scope, i))
                    }
                    _ => None,
                })
                .collect();
            self.f().simple_params = Some(params);
        }
        for (i, p) in items.iter().enumerate() {
            self.set_pos(p.span);
            self.emit(Op::LoadArg(i as u32));
            if let Some(init) = &p.initializer {
                seen_default = true;
                let j = self.emit(Op::JumpIfNotUndef(0));
                self.emit(Op::Pop);
                self.expr(init)?;
                self.patch(j);
            }
            if matches!(p.pattern, BindingPattern::AssignmentPattern(_)) {
                seen_default = true;
            }
            if !seen_default {
                length += 1;
            }
            self.bind_pattern(&p.pattern, VarAct::Init)?;
        }
        if let Some(r) = rest {
            self.emit(Op::LoadRest(items.len() as u32));
            self.bind_pattern(&r.rest.argument, VarAct::Init)?;
        }
        self.f().code.length = length;
        if init_fields {
            self.emit(Op::InitFields);
        }
        match body {
            FnBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Return);
            }
            FnBody::Block(b) => {
                if let Some(b) = b {
                    self.body(&b.statements)?;
                }
                // Falling off the end is no line of its own.
                self.stmt_line = 0;
                if flags.class_ctor {
                    self.emit_var(VarAct::Get, "this");
                } else {
                    self.emit(Op::Undef);
                }
                self.emit(Op::Return);
            }
            FnBody::DefaultDerived => {
                self.emit(Op::LoadRest(0));
                self.emit(Op::SuperCallSpread);
                self.emit(Op::Return);
            }
            FnBody::Fields(fields) => {
                for el in fields {
                    self.field_init(el)?;
                }
                self.emit(Op::Undef);
                self.emit(Op::Return);
            }
        }
        let idx = self.end_fn();
        self.ctl = saved_ctl;
        self.pending_labels = saved_labels;
        self.cur_pos = saved_pos;
        Ok(idx)
    }

    /// `arguments` is bound lazily in the nearest non-arrow function on first use.
    pub(crate) fn ensure_arguments(&mut self) {
        let Some(k) = self.fns.iter().rposition(|f| !f.code.flags.arrow) else {
            return;
        };
        if self.fns[k].code.flags.program && self.script_globals {
            return;
        }
        let scope = self.fns[k].code.scope;
        if self.scopes.has(scope, "arguments") {
            return;
        }
        let index = self.scopes.declare(scope, "arguments", VarKind::Implicit);
        let mapped = !self.fns[k].code.flags.strict
            && self.fns[k]
                .simple_params
                .as_ref()
                .is_some_and(|p| !p.is_empty());
        if mapped {
            for (s, i) in self.fns[k].simple_params.clone().unwrap_or_default() {
                self.scopes.capture(s, i);
            }
        }
        let fb = &mut self.fns[k];
        let name = fb.code.names.len() as u32;
        fb.code.names.push(std::sync::Arc::from("arguments"));
        if let Some(pc) = fb.args_pc {
            fb.code.code[pc] = Op::LoadArguments(mapped);
            fb.code.code[pc + 1] = Op::Var(
                VarAct::Init,
                VarRef {
                    from: scope,
                    scope,
                    index,
                },
                false,
                name,
            );
        }
    }

    pub(crate) fn class(&mut self, c: &'a Class<'a>) -> CResult<()> {
        self.class_named(c, None)
    }

    /// Leaves the class constructor on the stack.
    pub(crate) fn class_named(&mut self, c: &'a Class<'a>, name: Option<&str>) -> CResult<()> {
        let cname =
            c.id.as_ref()
                .map(|i| i.name.as_str())
                .or(name)
                .unwrap_or("")
                .to_string();
        self.push_scope();
        if let Some(id) = &c.id {
            self.declare(&id.name, VarKind::Const);
            self.emit(Op::Empty);
            self.emit_var(VarAct::Init, &id.name);
        }
        for n in private_names(c) {
            let bind = format!("#{n}");
            self.declare(&bind, VarKind::Const);
            let i = self.name(&bind);
            self.emit(Op::NewPrivateName(i));
            self.emit_var(VarAct::Init, &bind);
        }
        let derived = c.heritage.is_some();
        if let Some(h) = &c.heritage {
            self.expr(&h.expression)?;
        }
        let ctor = c.body.body.iter().find_map(|e| match e {
            ClassElement::MethodDefinition(m) if m.kind == MethodDefinitionKind::Constructor => {
                Some(m)
            }
            _ => None,
        });
        let flags = FnFlags {
            class_ctor: true,
            derived,
            strict: true,
            ..FnFlags::default()
        };
        let idx = match ctor {
            Some(m) => self.fn_common(
                &cname,
                flags,
                c.span,
                Some(&m.value.params),
                FnBody::Block(m.value.body.as_deref()),
                !derived,
            )?,
            None => {
                let body = if derived {
                    FnBody::DefaultDerived
                } else {
                    FnBody::Block(None)
                };
                self.fn_common(&cname, flags, c.span, None, body, !derived)?
            }
        };
        self.emit(Op::Class(idx, derived));
        let mut fields = Vec::new();
        let mut statics = Vec::new();
        for el in &c.body.body {
            match el {
                ClassElement::MethodDefinition(m) => {
                    if m.kind == MethodDefinitionKind::Constructor {
                        continue;
                    }
                    self.emit(Op::Dup);
                    if !m.r#static {
                        let p = self.name("prototype");
                        self.emit(Op::GetNamed(p));
                    }
                    let key = self.static_key(&m.key, m.computed);
                    match &key {
                        Some(k) => self.emit_str(k),
                        None => self.prop_key(&m.key)?,
                    }
                    let f = &m.value;
                    let mflags = FnFlags {
                        method: true,
                        is_async: f.r#async,
                        generator: f.generator,
                        getter: m.kind == MethodDefinitionKind::Get,
                        setter: m.kind == MethodDefinitionKind::Set,
                        strict: true,
                        ..FnFlags::default()
                    };
                    let k = match &m.key {
                        PropertyKey::PrivateIdentifier(id) => format!("#{}", id.name),
                        _ => key.unwrap_or_default(),
                    };
                    let k = match m.kind {
                        MethodDefinitionKind::Get => format!("get {k}"),
                        MethodDefinitionKind::Set => format!("set {k}"),
                        _ => k,
                    };
                    let span = self.method_span(m.span, f);
                    let i = self.fn_common(
                        &k,
                        mflags,
                        span,
                        Some(&f.params),
                        FnBody::Block(f.body.as_deref()),
                        false,
                    )?;
                    self.emit(Op::Closure(i));
                    let kind = match m.kind {
                        MethodDefinitionKind::Get => 1,
                        MethodDefinitionKind::Set => 2,
                        _ => 0,
                    };
                    self.emit(Op::ClassMethod(m.r#static, kind));
                }
                ClassElement::PropertyDefinition(p) => {
                    if p.r#static {
                        statics.push(el);
                    } else {
                        fields.push(el);
                    }
                }
                ClassElement::StaticBlock(_) => statics.push(el),
                ClassElement::AccessorProperty(a) => {
                    return self.unsupported("auto-accessor", a.span)
                }
                ClassElement::TSIndexSignature(t) => {
                    return self.unsupported("TypeScript syntax", t.span)
                }
            }
        }
        if !fields.is_empty() {
            let mflags = FnFlags {
                method: true,
                strict: true,
                ..FnFlags::default()
            };
            self.emit(Op::Dup);
            let i = self.fn_common(
                "<instance_members_initializer>",
                mflags,
                c.span,
                None,
                FnBody::Fields(fields),
                false,
            )?;
            self.emit(Op::Closure(i));
            self.emit(Op::SetFieldInit);
        }
        if let Some(id) = &c.id {
            self.emit(Op::Dup);
            self.emit_var(VarAct::Init, &id.name);
        }
        for el in statics {
            let mflags = FnFlags {
                method: true,
                strict: true,
                ..FnFlags::default()
            };
            self.emit(Op::Dup);
            let i = self.fn_common(
                "<static_initializer>",
                mflags,
                c.span,
                None,
                FnBody::Fields(vec![el]),
                false,
            )?;
            self.emit(Op::Closure(i));
            self.emit(Op::Swap);
            let d = self.name("");
            self.emit(Op::Call(0, d));
            self.emit(Op::Pop);
        }
        self.pop_scope();
        Ok(())
    }

    /// One instance field or static element, run with `this` = the instance/class.
    fn field_init(&mut self, el: &'a ClassElement<'a>) -> CResult<()> {
        match el {
            ClassElement::PropertyDefinition(p) => {
                self.set_pos(p.span);
                self.emit_var(VarAct::Get, "this");
                let key = self.static_key(&p.key, p.computed);
                match &key {
                    Some(k) => self.emit_str(k),
                    None => self.prop_key(&p.key)?,
                }
                match &p.value {
                    Some(v) => self.expr_named(v, key.as_deref())?,
                    None => {
                        self.emit(Op::Undef);
                    }
                }
                self.emit(Op::DefineElem);
                self.emit(Op::Pop);
            }
            ClassElement::StaticBlock(b) => {
                self.block(&b.body)?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The private names (`#x`) a class body declares.
fn private_names<'a>(c: &'a Class<'a>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for el in &c.body.body {
        let key = match el {
            ClassElement::PropertyDefinition(p) => &p.key,
            ClassElement::MethodDefinition(m) => &m.key,
            ClassElement::AccessorProperty(a) => &a.key,
            _ => continue,
        };
        if let PropertyKey::PrivateIdentifier(id) = key {
            if !out.contains(&id.name.as_str()) {
                out.push(id.name.as_str());
            }
        }
    }
    out
}

/// What a compiled function body is.
enum FnBody<'a> {
    Block(Option<&'a FunctionBody<'a>>),
    Expr(&'a Expression<'a>),
    DefaultDerived,
    Fields(Vec<&'a ClassElement<'a>>),
}
