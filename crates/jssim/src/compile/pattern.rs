//! Destructuring: binding patterns (declarations, parameters, catch) and assignment
//! patterns (`[a, b] = [b, a]`), with defaults and rest elements.

use super::{CResult, Compiler};
use crate::code::{Coercible, Op, VarAct};
use oxc_ast::ast::*;

impl<'a> Compiler<'a> {
    /// Binds the value on top of the stack (consumed) to a binding pattern.
    pub(crate) fn bind_pattern(&mut self, p: &'a BindingPattern<'a>, act: VarAct) -> CResult<()> {
        let desc = self.pattern_desc.take();
        self.bind_pattern_described(p, act, desc, true)
    }

    /// The check V8 makes before destructuring an object: its message names the source
    /// (`desc`, when it is an expression) and the first property.
    fn coercible_check(
        &mut self,
        first: Option<(&'a PropertyKey<'a>, bool, bool)>,
        desc: Option<String>,
        top: bool,
    ) {
        let d = self.name(desc.as_deref().unwrap_or(""));
        let key = first.and_then(|(k, computed, has_default)| {
            self.static_key(k, computed).map(|s| (s, has_default))
        });
        let c = match key {
            Some((k, true)) => Coercible::Read { key: self.name(&k) },
            Some((k, false)) if top => Coercible::Property {
                desc: d,
                key: self.name(&k),
            },
            Some((k, false)) => Coercible::Read { key: self.name(&k) },
            None => Coercible::Whole { desc: d },
        };
        self.emit(Op::RequireObjectCoercible(c));
    }

    fn bind_pattern_described(
        &mut self,
        p: &'a BindingPattern<'a>,
        act: VarAct,
        desc: Option<String>,
        top: bool,
    ) -> CResult<()> {
        match p {
            BindingPattern::BindingIdentifier(id) => self.emit_var(act, &id.name),
            BindingPattern::AssignmentPattern(a) => {
                let j = self.emit(Op::JumpIfNotUndef(0));
                self.emit(Op::Pop);
                let name = match &a.left {
                    BindingPattern::BindingIdentifier(id) => Some(id.name.as_str()),
                    _ => None,
                };
                self.expr_named(&a.right, name)?;
                self.patch(j);
                self.bind_pattern_described(&a.left, act, desc, top)?;
            }
            BindingPattern::ObjectPattern(o) => {
                let first = o.properties.first().map(|p| {
                    (
                        &p.key,
                        p.computed,
                        matches!(p.value, BindingPattern::AssignmentPattern(_)),
                    )
                });
                self.coercible_check(first, desc, top);
                let mut keys = Vec::new();
                for prop in &o.properties {
                    self.emit(Op::Dup);
                    match self.static_key(&prop.key, prop.computed) {
                        Some(k) => {
                            let i = self.name(&k);
                            self.emit(Op::GetNamed(i));
                            keys.push(k);
                        }
                        None => {
                            if o.rest.is_some() {
                                return self
                                    .unsupported("computed key with object rest", prop.span);
                            }
                            self.prop_key(&prop.key)?;
                            self.emit(Op::GetElem);
                        }
                    }
                    self.bind_pattern_described(&prop.value, act, None, false)?;
                }
                if let Some(r) = &o.rest {
                    for k in &keys {
                        self.emit_str(k);
                    }
                    self.emit(Op::MakeArray(keys.len() as u32));
                    self.emit(Op::RestProps);
                    self.bind_pattern_described(&r.argument, act, None, false)?;
                } else {
                    self.emit(Op::Pop);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                let d = self.name(desc.as_deref().unwrap_or(""));
                self.emit(Op::GetIter(d));
                for el in &a.elements {
                    self.emit(Op::IterValue);
                    match el {
                        Some(p) => self.bind_pattern_described(p, act, None, false)?,
                        None => {
                            self.emit(Op::Pop);
                        }
                    }
                }
                if let Some(r) = &a.rest {
                    self.emit(Op::IterRest);
                    self.bind_pattern_described(&r.argument, act, None, false)?;
                }
                self.emit(Op::IterClose);
            }
        }
        Ok(())
    }

    /// Assigns the value on top of the stack (consumed) to an assignment target.
    pub(crate) fn assign_target_from_stack(&mut self, t: &'a AssignmentTarget<'a>) -> CResult<()> {
        match t {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                self.emit_var(VarAct::Set, &id.name)
            }
            AssignmentTarget::ArrayAssignmentTarget(a) => {
                self.pattern_desc = None;
                let d = self.name("");
                self.emit(Op::GetIter(d));
                for el in &a.elements {
                    self.emit(Op::IterValue);
                    match el {
                        Some(t) => self.assign_maybe_default(t)?,
                        None => {
                            self.emit(Op::Pop);
                        }
                    }
                }
                if let Some(r) = &a.rest {
                    self.emit(Op::IterRest);
                    self.assign_target_from_stack(&r.target)?;
                }
                self.emit(Op::IterClose);
            }
            AssignmentTarget::ObjectAssignmentTarget(o) => {
                let desc = self.pattern_desc.take();
                let d = self.name(desc.as_deref().unwrap_or(""));
                let first = match o.properties.first() {
                    Some(AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p)) => {
                        Some((p.binding.name.to_string(), p.init.is_some()))
                    }
                    Some(AssignmentTargetProperty::AssignmentTargetPropertyProperty(p)) => {
                        self.static_key(&p.name, p.computed).map(|k| {
                            (
                                k,
                                matches!(
                                    p.binding,
                                    AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(_)
                                ),
                            )
                        })
                    }
                    None => None,
                };
                let c = match first {
                    Some((k, true)) => Coercible::Read { key: self.name(&k) },
                    Some((k, false)) => Coercible::Property {
                        desc: d,
                        key: self.name(&k),
                    },
                    None => Coercible::Whole { desc: d },
                };
                self.emit(Op::RequireObjectCoercible(c));
                let mut keys = Vec::new();
                for prop in &o.properties {
                    self.emit(Op::Dup);
                    match prop {
                        AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => {
                            let i = self.name(&p.binding.name);
                            keys.push(p.binding.name.to_string());
                            self.emit(Op::GetNamed(i));
                            if let Some(init) = &p.init {
                                let j = self.emit(Op::JumpIfNotUndef(0));
                                self.emit(Op::Pop);
                                self.expr(init)?;
                                self.patch(j);
                            }
                            self.emit_var(VarAct::Set, &p.binding.name);
                        }
                        AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                            match self.static_key(&p.name, p.computed) {
                                Some(k) => {
                                    let i = self.name(&k);
                                    self.emit(Op::GetNamed(i));
                                    keys.push(k);
                                }
                                None => {
                                    if o.rest.is_some() {
                                        return self
                                            .unsupported("computed key with object rest", p.span);
                                    }
                                    self.prop_key(&p.name)?;
                                    self.emit(Op::GetElem);
                                }
                            }
                            self.assign_maybe_default(&p.binding)?;
                        }
                    }
                }
                match &o.rest {
                    Some(r) => {
                        for k in &keys {
                            self.emit_str(k);
                        }
                        self.emit(Op::MakeArray(keys.len() as u32));
                        self.emit(Op::RestProps);
                        self.assign_target_from_stack(&r.target)?;
                    }
                    None => {
                        self.emit(Op::Pop);
                    }
                }
            }
            other => {
                let Some(m) = other.as_member_expression() else {
                    return self.unsupported("TypeScript syntax", oxc_span::GetSpan::span(other));
                };
                // value obj key -> obj key value
                self.member_ref(m)?;
                self.emit(Op::Rot3);
                self.emit(Op::Rot3);
                self.emit(Op::SetElem);
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    fn assign_maybe_default(&mut self, t: &'a AssignmentTargetMaybeDefault<'a>) -> CResult<()> {
        match t {
            AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => {
                let j = self.emit(Op::JumpIfNotUndef(0));
                self.emit(Op::Pop);
                self.expr(&d.init)?;
                self.patch(j);
                self.assign_target_from_stack(&d.binding)
            }
            other => match other.as_assignment_target() {
                Some(t) => self.assign_target_from_stack(t),
                None => Ok(()),
            },
        }
    }
}
