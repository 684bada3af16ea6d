//! Scope bookkeeping during compilation, and the final resolution pass that places each
//! variable in a frame-local slot or (when captured by a closure) a context slot, and
//! rewrites symbolic variable/scope instructions into concrete ones.

use super::FnBuilder;
use crate::code::{FnCode, Loc, Op};
use crate::value::JsStr;
use std::collections::HashMap;
use std::sync::Arc;

/// How a binding was declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
    Class,
    Func,
    Param,
    /// A parameter of a non-simple list (or a derived constructor's `this`): in its
    /// temporal dead zone until initialised.
    ParamTdz,
    /// `this`, `arguments` and other implicit bindings.
    Implicit,
}

impl VarKind {
    pub fn has_tdz(self) -> bool {
        matches!(
            self,
            VarKind::Let | VarKind::Const | VarKind::Class | VarKind::ParamTdz
        )
    }
    pub fn lexical(self) -> bool {
        matches!(self, VarKind::Let | VarKind::Const | VarKind::Class)
    }
}

#[derive(Debug)]
pub struct VarInfo {
    pub name: JsStr,
    pub kind: VarKind,
    pub captured: bool,
}

#[derive(Debug)]
pub struct ScopeInfo {
    pub parent: Option<u32>,
    /// The uid (function-scope id) of the function owning this scope.
    pub func: u32,
    pub is_fn_scope: bool,
    pub vars: Vec<VarInfo>,
    lookup: HashMap<JsStr, u32>,
}

/// All scopes of a program.
#[derive(Debug, Default)]
pub struct Scopes {
    list: Vec<ScopeInfo>,
}

impl Scopes {
    pub fn get(&self, id: u32) -> &ScopeInfo {
        &self.list[id as usize]
    }

    pub fn add(&mut self, parent: Option<u32>, func: u32) -> u32 {
        let id = self.list.len() as u32;
        self.list.push(ScopeInfo {
            parent,
            func,
            is_fn_scope: false,
            vars: Vec::new(),
            lookup: HashMap::new(),
        });
        id
    }

    pub fn add_fn(&mut self, parent: Option<u32>) -> u32 {
        let id = self.list.len() as u32;
        self.add(parent, id);
        self.list[id as usize].is_fn_scope = true;
        id
    }

    /// Declares `name` in `scope` (an existing `var`/function binding is reused).
    pub fn declare(&mut self, scope: u32, name: &str, kind: VarKind) -> u32 {
        let s = &mut self.list[scope as usize];
        if let Some(i) = s.lookup.get(name) {
            let v = &mut s.vars[*i as usize];
            if kind.lexical() || kind == VarKind::Func {
                v.kind = kind;
            }
            return *i;
        }
        let i = s.vars.len() as u32;
        let n: JsStr = Arc::from(name);
        s.vars.push(VarInfo {
            name: n.clone(),
            kind,
            captured: false,
        });
        s.lookup.insert(n, i);
        i
    }

    /// True when declaring `name` as `kind` in `scope` is a redeclaration error.
    pub fn conflicts(&self, scope: u32, name: &str, kind: VarKind) -> bool {
        let s = &self.list[scope as usize];
        match s.lookup.get(name) {
            Some(i) => {
                let old = s.vars[*i as usize].kind;
                (kind.lexical() || old.lexical()) && old != VarKind::Implicit
            }
            None => false,
        }
    }

    /// The index of `name` declared in `scope`.
    pub fn lookup(&self, scope: u32, name: &str) -> Option<u32> {
        self.list[scope as usize].lookup.get(name).copied()
    }

    /// The kind of binding `name` has in `scope`.
    pub fn kind_in(&self, scope: u32, name: &str) -> Option<VarKind> {
        let s = &self.list[scope as usize];
        s.lookup.get(name).map(|i| s.vars[*i as usize].kind)
    }

    /// Forces a binding into its scope's context (a mapped `arguments` aliases it).
    pub fn capture(&mut self, scope: u32, index: u32) {
        if let Some(v) = self.list[scope as usize].vars.get_mut(index as usize) {
            v.captured = true;
        }
    }

    pub fn has(&self, scope: u32, name: &str) -> bool {
        self.list[scope as usize].lookup.contains_key(name)
    }

    /// Finds the binding `name` visible from the innermost scope of `stack`; marks it
    /// captured when it belongs to another function than `cur_fn`.
    pub fn resolve(
        &mut self,
        stack: &[u32],
        name: &str,
        cur_fn: u32,
    ) -> Option<(u32, u32, VarKind)> {
        for s in stack.iter().rev() {
            let info = &mut self.list[*s as usize];
            if let Some(i) = info.lookup.get(name).copied() {
                if info.func != cur_fn {
                    info.vars[i as usize].captured = true;
                }
                let kind = info.vars[i as usize].kind;
                return Some((*s, i, kind));
            }
        }
        None
    }

    fn has_ctx(&self, s: u32) -> bool {
        self.list[s as usize].vars.iter().any(|v| v.captured)
    }
}

/// Placement of every variable, computed once for the whole program.
struct Layout {
    locs: Vec<Vec<Loc>>,
    has_ctx: Vec<bool>,
    local_count: HashMap<u32, u32>,
    local_names: HashMap<u32, Vec<JsStr>>,
}

fn layout(scopes: &Scopes) -> Layout {
    let mut l = Layout {
        locs: Vec::new(),
        has_ctx: Vec::new(),
        local_count: HashMap::new(),
        local_names: HashMap::new(),
    };
    for (id, s) in scopes.list.iter().enumerate() {
        let mut ctx_slot = 0;
        let mut locs = Vec::new();
        for v in &s.vars {
            if v.captured {
                locs.push(Loc::Ctx {
                    depth: 0,
                    slot: ctx_slot,
                });
                ctx_slot += 1;
            } else {
                let c = l.local_count.entry(s.func).or_insert(0);
                locs.push(Loc::Local(*c));
                *c += 1;
                l.local_names
                    .entry(s.func)
                    .or_default()
                    .push(v.name.clone());
            }
        }
        l.locs.push(locs);
        l.has_ctx.push(scopes.has_ctx(id as u32));
    }
    l
}

/// Resolves every function of the program and freezes it into [`FnCode`]s.
pub fn finish(root: FnBuilder, scopes: &Scopes) -> Arc<FnCode> {
    let l = layout(scopes);
    resolve_fn(root, scopes, &l)
}

fn resolve_fn(b: FnBuilder, scopes: &Scopes, l: &Layout) -> Arc<FnCode> {
    let mut code = b.code;
    code.funcs = b
        .children
        .into_iter()
        .map(|c| resolve_fn(c, scopes, l))
        .collect();
    let uid = code.scope;
    if let Some(params) = &b.simple_params {
        code.mapped_params = params
            .iter()
            .filter_map(|(s, i)| match l.locs[*s as usize][*i as usize] {
                Loc::Ctx { slot, .. } => Some(slot),
                Loc::Local(_) => None,
            })
            .collect();
    }
    code.locals = l.local_count.get(&uid).copied().unwrap_or(0);
    code.local_names = l.local_names.get(&uid).cloned().unwrap_or_default();
    let mut layouts: HashMap<u32, u32> = HashMap::new();
    for op in code.code.iter_mut() {
        let new = match op {
            Op::Var(act, r, checked, name) => match l.locs[r.scope as usize][r.index as usize] {
                Loc::Local(slot) => Op::Local(*act, slot, *checked, *name),
                Loc::Ctx { slot, .. } => {
                    let mut depth = 0;
                    let mut s = Some(r.from);
                    while let Some(cur) = s {
                        if cur == r.scope {
                            break;
                        }
                        if l.has_ctx[cur as usize] {
                            depth += 1;
                        }
                        s = scopes.get(cur).parent;
                    }
                    Op::Ctx(*act, depth, slot, *checked, *name)
                }
            },
            Op::EnterScope(s) => {
                if l.has_ctx[*s as usize] {
                    let names: Vec<JsStr> = scopes
                        .get(*s)
                        .vars
                        .iter()
                        .filter(|v| v.captured)
                        .map(|v| v.name.clone())
                        .collect();
                    let n = names.len() as u32;
                    let idx = *layouts.entry(*s).or_insert_with(|| {
                        code.ctx_layouts.push(names);
                        code.ctx_layouts.len() as u32 - 1
                    });
                    Op::PushCtx(n, idx)
                } else {
                    Op::Nop
                }
            }
            Op::ExitScope(s) => {
                if l.has_ctx[*s as usize] {
                    Op::PopCtx
                } else {
                    Op::Nop
                }
            }
            Op::CopyScope(s) => {
                if l.has_ctx[*s as usize] {
                    Op::CopyCtx
                } else {
                    Op::Nop
                }
            }
            _ => continue,
        };
        *op = new;
    }
    Arc::new(code)
}
