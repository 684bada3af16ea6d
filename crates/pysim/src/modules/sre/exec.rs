//! The matcher: a parsed pattern compiled to instructions for a backtracking machine
//! with `_sre`'s semantics — leftmost match, ordered alternation, greedy / lazy /
//! possessive repeats that stop after an empty iteration, groups keeping their last
//! value, lookarounds and atomic groups run as sub-matches, `fullmatch` backtracking
//! until the end is reached, and the `must_advance` rule of `finditer` and `sub`.
//!
//! Registers (group slots, `lastindex`, repeat counters) are restored on backtracking
//! through an undo log kept on the backtrack stack; the stack never grows the Rust
//! call stack, so long subjects cannot overflow it.

use super::chars;
use super::parse::{At, CharSet, Node, RepKind, MAXREPEAT};

#[derive(Debug, Clone)]
enum Inst {
    Char(u32),
    /// A character compared under IGNORECASE (with the pattern's mode).
    CharI(u32, bool),
    Any,
    AnyAll,
    Set(usize),
    At(At, bool),
    /// Stores the position into a register (group slots).
    Save(usize),
    /// Closes group `g` (stores its end and sets `lastindex`).
    Close(usize),
    /// Try `.0` first, then `.1`.
    Split(usize, usize),
    Jmp(usize),
    /// Starts a counted loop: counter and last-iteration-start registers.
    RepInit(usize),
    /// The loop head: enter the body (next instruction) or leave to `exit`.
    RepLoop {
        reg: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    /// First instruction of a loop body: remembers where the iteration started.
    RepEnter(usize),
    /// End of a loop body: counts the iteration and goes back to the head.
    RepNext(usize, usize),
    /// A repeat of the single-character instruction that follows it (at `single`);
    /// the continuation is the instruction after that.
    RepChar {
        single: usize,
        min: u32,
        max: u32,
        greedy: bool,
    },
    Backref(usize, bool, bool),
    GroupExists(usize, usize),
    /// A lookaround whose body runs from `body` up to its `Succeed`.
    Look {
        behind: bool,
        neg: bool,
        width: usize,
        body: usize,
        next: usize,
    },
    Atomic {
        body: usize,
        next: usize,
    },
    Succeed,
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    code: Vec<Inst>,
    sets: Vec<CharSet>,
    /// Group count including group 0.
    pub groups: usize,
    nregs: usize,
}

/// Registers beyond the group slots: `lastindex`, then two per loop.
const LASTINDEX: usize = 0;

struct Compiler {
    code: Vec<Inst>,
    sets: Vec<CharSet>,
    loops: usize,
    groups: usize,
}

/// A compile error (`look-behind requires fixed-width pattern`).
pub struct CompileError(pub String);

impl Compiler {
    fn slot(&self, g: usize, end: bool) -> usize {
        2 * g + end as usize
    }

    fn emit(&mut self, i: Inst) -> usize {
        self.code.push(i);
        self.code.len() - 1
    }

    fn single(&mut self, n: &Node) -> Option<Inst> {
        Some(match n {
            Node::Lit { c, icase, ascii } => {
                if *icase {
                    Inst::CharI(*c, *ascii)
                } else {
                    Inst::Char(*c)
                }
            }
            Node::Any { dotall } => {
                if *dotall {
                    Inst::AnyAll
                } else {
                    Inst::Any
                }
            }
            Node::Set(s) => {
                self.sets.push((**s).clone());
                Inst::Set(self.sets.len() - 1)
            }
            _ => return None,
        })
    }

    fn node(&mut self, n: &Node) -> Result<(), CompileError> {
        match n {
            Node::Empty => {}
            Node::Lit { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(i) = self.single(n) {
                    self.emit(i);
                }
            }
            Node::At { at, ascii } => {
                self.emit(Inst::At(*at, *ascii));
            }
            Node::Group { idx, node } => {
                let s = self.slot(*idx, false);
                self.emit(Inst::Save(s));
                self.node(node)?;
                self.emit(Inst::Close(*idx));
            }
            Node::NoCap(node) => self.node(node)?,
            Node::Cat(items) => {
                for it in items {
                    self.node(it)?;
                }
            }
            Node::Alt(items) => {
                let mut jumps = Vec::new();
                for (k, it) in items.iter().enumerate() {
                    if k + 1 < items.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(it)?;
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.code.len();
                        self.code[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(it)?;
                    }
                }
                let end = self.code.len();
                for j in jumps {
                    self.code[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                kind,
            } => {
                if *kind == RepKind::Possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        kind: RepKind::Greedy,
                    };
                    return self.node(&Node::Atomic(Box::new(inner)));
                }
                let greedy = *kind == RepKind::Greedy;
                if let Some(single) = self.single(node) {
                    let at = self.emit(Inst::RepChar {
                        single: 0,
                        min: *min,
                        max: *max,
                        greedy,
                    });
                    let s = self.emit(single);
                    self.code[at] = Inst::RepChar {
                        single: s,
                        min: *min,
                        max: *max,
                        greedy,
                    };
                    return Ok(());
                }
                let reg = self.loops;
                self.loops += 1;
                self.emit(Inst::RepInit(reg));
                let head = self.emit(Inst::RepLoop {
                    reg,
                    min: *min,
                    max: *max,
                    greedy,
                    exit: 0,
                });
                self.emit(Inst::RepEnter(reg));
                self.node(node)?;
                self.emit(Inst::RepNext(reg, head));
                let exit = self.code.len();
                self.code[head] = Inst::RepLoop {
                    reg,
                    min: *min,
                    max: *max,
                    greedy,
                    exit,
                };
            }
            Node::Backref {
                group,
                icase,
                ascii,
            } => {
                self.emit(Inst::Backref(*group, *icase, *ascii));
            }
            Node::Look { behind, neg, node } => {
                let width = if *behind {
                    let (lo, hi) = node.width();
                    if lo != hi {
                        return Err(CompileError(
                            "look-behind requires fixed-width pattern".into(),
                        ));
                    }
                    lo as usize
                } else {
                    0
                };
                let at = self.emit(Inst::Succeed);
                let body = self.code.len();
                self.node(node)?;
                self.emit(Inst::Succeed);
                let next = self.code.len();
                self.code[at] = Inst::Look {
                    behind: *behind,
                    neg: *neg,
                    width,
                    body,
                    next,
                };
            }
            Node::Atomic(node) => {
                let at = self.emit(Inst::Succeed);
                let body = self.code.len();
                self.node(node)?;
                self.emit(Inst::Succeed);
                let next = self.code.len();
                self.code[at] = Inst::Atomic { body, next };
            }
            Node::Cond { group, yes, no } => {
                let test = self.emit(Inst::GroupExists(*group, 0));
                self.node(yes)?;
                let j = self.emit(Inst::Jmp(0));
                let no_at = self.code.len();
                self.node(no)?;
                let end = self.code.len();
                self.code[test] = Inst::GroupExists(*group, no_at);
                self.code[j] = Inst::Jmp(end);
            }
        }
        Ok(())
    }
}

impl Program {
    pub fn compile(root: &Node, groups: usize) -> Result<Program, CompileError> {
        let mut c = Compiler {
            code: Vec::new(),
            sets: Vec::new(),
            loops: 0,
            groups,
        };
        c.node(root)?;
        c.emit(Inst::Match);
        let nregs = 2 * c.groups + 1 + 2 * c.loops;
        Ok(Program {
            code: c.code,
            sets: c.sets,
            groups,
            nregs,
        })
    }
}

/// A backtrack-stack entry.
#[derive(Debug, Clone, Copy)]
enum Bt {
    Branch {
        pc: usize,
        pos: usize,
    },
    Restore {
        reg: usize,
        old: isize,
    },
    /// Greedy single-character repeat: may give back characters down to `min`.
    RepGreedy {
        next: usize,
        start: usize,
        count: u32,
        min: u32,
    },
    /// Lazy single-character repeat: may take more characters up to `max`.
    RepLazy {
        next: usize,
        single: usize,
        start: usize,
        count: u32,
        max: u32,
    },
}

/// The instruction budget ran out.
pub struct OutOfSteps;

/// One match attempt's machine state over `text[..end]`.
pub struct Matcher<'a> {
    prog: &'a Program,
    text: &'a [u32],
    end: usize,
    regs: Vec<isize>,
    stack: Vec<Bt>,
    /// `fullmatch`: the top-level match must end at `end`.
    full: bool,
    /// `must_advance`: an empty match at `search_start` is refused.
    must_advance: bool,
    search_start: usize,
    pub steps: u64,
    budget: u64,
}

/// Where a successful match left the registers: group spans and `lastindex`.
pub struct MatchResult {
    pub spans: Vec<(isize, isize)>,
    pub lastindex: isize,
}

impl<'a> Matcher<'a> {
    pub fn new(prog: &'a Program, text: &'a [u32], end: usize, budget: u64) -> Self {
        Matcher {
            prog,
            text,
            end,
            regs: vec![-1; prog.nregs],
            stack: Vec::new(),
            full: false,
            must_advance: false,
            search_start: 0,
            steps: 0,
            budget,
        }
    }

    fn lastindex_reg(&self) -> usize {
        2 * self.prog.groups + LASTINDEX
    }

    fn loop_reg(&self, r: usize) -> usize {
        2 * self.prog.groups + 1 + 2 * r
    }

    fn set(&mut self, reg: usize, v: isize) {
        let old = self.regs[reg];
        if old != v {
            self.stack.push(Bt::Restore { reg, old });
            self.regs[reg] = v;
        }
    }

    fn single_matches(&self, pc: usize, pos: usize) -> bool {
        if pos >= self.end {
            return false;
        }
        let c = self.text[pos];
        match self.prog.code[pc] {
            Inst::Char(x) => c == x,
            Inst::CharI(x, ascii) => chars::eq_icase(c, x, ascii),
            Inst::Any => c != '\n' as u32,
            Inst::AnyAll => true,
            Inst::Set(i) => self.prog.sets[i].matches(c),
            _ => false,
        }
    }

    fn at(&self, at: At, ascii: bool, pos: usize) -> bool {
        let nl = '\n' as u32;
        let word = |p: usize| chars::is_word(self.text[p], ascii);
        match at {
            At::Beginning | At::BeginningString => pos == 0,
            At::BeginningLine => pos == 0 || self.text[pos - 1] == nl,
            At::End => pos == self.end || (pos + 1 == self.end && self.text[pos] == nl),
            At::EndLine => pos == self.end || self.text[pos] == nl,
            At::EndString => pos == self.end,
            At::Boundary | At::NonBoundary => {
                if self.end == 0 {
                    return false;
                }
                let before = pos > 0 && word(pos - 1);
                let after = pos < self.end && word(pos);
                (before != after) == (at == At::Boundary)
            }
        }
    }

    /// Pops back to the latest alternative; `None` when the stack is down to `base`.
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        while self.stack.len() > base {
            match self.stack.pop()? {
                Bt::Restore { reg, old } => self.regs[reg] = old,
                Bt::Branch { pc, pos } => return Some((pc, pos)),
                Bt::RepGreedy {
                    next,
                    start,
                    count,
                    min,
                } => {
                    let count = count - 1;
                    if count > min {
                        self.stack.push(Bt::RepGreedy {
                            next,
                            start,
                            count,
                            min,
                        });
                    }
                    return Some((next, start + count as usize));
                }
                Bt::RepLazy {
                    next,
                    single,
                    start,
                    count,
                    max,
                } => {
                    let pos = start + count as usize;
                    if count < max && self.single_matches(single, pos) {
                        let count = count + 1;
                        self.stack.push(Bt::RepLazy {
                            next,
                            single,
                            start,
                            count,
                            max,
                        });
                        return Some((next, pos + 1));
                    }
                }
            }
        }
        None
    }

    /// Unwinds to `base`, undoing register writes.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            if let Some(Bt::Restore { reg, old }) = self.stack.pop() {
                self.regs[reg] = old;
            }
        }
    }

    /// Commits a sub-match: drops its alternatives, keeps its register undo entries.
    fn commit(&mut self, base: usize) {
        let kept: Vec<Bt> = self.stack[base..]
            .iter()
            .filter(|e| matches!(e, Bt::Restore { .. }))
            .copied()
            .collect();
        self.stack.truncate(base);
        self.stack.extend(kept);
    }

    /// Runs from `pc` at `pos`; the end position of the first success.
    fn run(
        &mut self,
        mut pc: usize,
        mut pos: usize,
        depth: u32,
    ) -> Result<Option<usize>, OutOfSteps> {
        let base = self.stack.len();
        loop {
            self.steps += 1;
            if self.steps > self.budget {
                return Err(OutOfSteps);
            }
            let ok = match self.prog.code[pc] {
                Inst::Char(_) | Inst::CharI(..) | Inst::Any | Inst::AnyAll | Inst::Set(_) => {
                    if self.single_matches(pc, pos) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(at, ascii) => {
                    pc += 1;
                    self.at(at, ascii, pos)
                }
                Inst::Save(r) => {
                    self.set(r, pos as isize);
                    pc += 1;
                    true
                }
                Inst::Close(g) => {
                    self.set(2 * g + 1, pos as isize);
                    let li = self.lastindex_reg();
                    self.set(li, g as isize);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Bt::Branch { pc: b, pos });
                    pc = a;
                    true
                }
                Inst::Jmp(a) => {
                    pc = a;
                    true
                }
                Inst::RepInit(r) => {
                    let reg = self.loop_reg(r);
                    self.set(reg, 0);
                    self.set(reg + 1, -1);
                    pc += 1;
                    true
                }
                Inst::RepLoop {
                    reg,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let r = self.loop_reg(reg);
                    let count = self.regs[r] as u64;
                    let last = self.regs[r + 1];
                    if count < min as u64 {
                        pc += 1;
                    } else if (max != MAXREPEAT && count >= max as u64) || last == pos as isize {
                        pc = exit;
                    } else if greedy {
                        self.stack.push(Bt::Branch { pc: exit, pos });
                        pc += 1;
                    } else {
                        self.stack.push(Bt::Branch { pc: pc + 1, pos });
                        pc = exit;
                    }
                    true
                }
                Inst::RepEnter(reg) => {
                    let r = self.loop_reg(reg);
                    self.set(r + 1, pos as isize);
                    pc += 1;
                    true
                }
                Inst::RepNext(reg, head) => {
                    let r = self.loop_reg(reg);
                    let c = self.regs[r];
                    self.set(r, c + 1);
                    pc = head;
                    true
                }
                Inst::RepChar {
                    single,
                    min,
                    max,
                    greedy,
                } => {
                    let next = pc + 2;
                    let start = pos;
                    let mut n: u32 = 0;
                    let limit = if greedy { max } else { min };
                    while n < limit && self.single_matches(single, start + n as usize) {
                        n += 1;
                        self.steps += 1;
                    }
                    if n < min {
                        false
                    } else {
                        if greedy {
                            if n > min {
                                self.stack.push(Bt::RepGreedy {
                                    next,
                                    start,
                                    count: n,
                                    min,
                                });
                            }
                        } else if n < max {
                            self.stack.push(Bt::RepLazy {
                                next,
                                single,
                                start,
                                count: n,
                                max,
                            });
                        }
                        pos = start + n as usize;
                        pc = next;
                        true
                    }
                }
                Inst::Backref(g, icase, ascii) => {
                    let (s, e) = (self.regs[2 * g], self.regs[2 * g + 1]);
                    if s < 0 || e < 0 || e < s {
                        false
                    } else {
                        let (s, e) = (s as usize, e as usize);
                        let len = e - s;
                        if pos + len > self.end {
                            false
                        } else {
                            let same = (0..len).all(|k| {
                                let (a, b) = (self.text[s + k], self.text[pos + k]);
                                if icase {
                                    chars::eq_icase(a, b, ascii)
                                } else {
                                    a == b
                                }
                            });
                            if same {
                                pos += len;
                                pc += 1;
                            }
                            same
                        }
                    }
                }
                Inst::GroupExists(g, no) => {
                    let set = self.regs[2 * g] >= 0 && self.regs[2 * g + 1] >= 0;
                    pc = if set { pc + 1 } else { no };
                    true
                }
                Inst::Look {
                    behind,
                    neg,
                    width,
                    body,
                    next,
                } => {
                    let sub_base = self.stack.len();
                    let from = if behind {
                        pos.checked_sub(width)
                    } else {
                        Some(pos)
                    };
                    let found = match from {
                        Some(p) => self.run(body, p, depth + 1)?.is_some(),
                        None => false,
                    };
                    pc = next;
                    if neg {
                        if found {
                            self.unwind(sub_base);
                        }
                        !found
                    } else {
                        if found {
                            self.commit(sub_base);
                        }
                        found
                    }
                }
                Inst::Atomic { body, next } => {
                    let sub_base = self.stack.len();
                    match self.run(body, pos, depth + 1)? {
                        Some(p) => {
                            self.commit(sub_base);
                            pos = p;
                            pc = next;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Succeed => return Ok(Some(pos)),
                Inst::Match => {
                    let refused = depth == 0
                        && ((self.full && pos != self.end)
                            || (self.must_advance && pos == self.search_start));
                    if refused {
                        false
                    } else {
                        return Ok(Some(pos));
                    }
                }
            };
            if !ok {
                match self.backtrack(base) {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return Ok(None),
                }
            }
        }
    }

    /// A match starting exactly at `pos`.
    pub fn match_at(&mut self, pos: usize, full: bool) -> Result<Option<MatchResult>, OutOfSteps> {
        self.full = full;
        self.must_advance = false;
        self.search_start = pos;
        self.try_at(pos)
    }

    fn try_at(&mut self, pos: usize) -> Result<Option<MatchResult>, OutOfSteps> {
        self.stack.clear();
        for r in self.regs.iter_mut() {
            *r = -1;
        }
        match self.run(0, pos, 0)? {
            Some(e) => {
                let mut spans = vec![(pos as isize, e as isize)];
                for g in 1..self.prog.groups {
                    let (s, t) = (self.regs[2 * g], self.regs[2 * g + 1]);
                    spans.push(if s >= 0 && t >= 0 { (s, t) } else { (-1, -1) });
                }
                let lastindex = self.regs[self.lastindex_reg()];
                Ok(Some(MatchResult { spans, lastindex }))
            }
            None => Ok(None),
        }
    }

    /// The leftmost match at or after `pos` (`must_advance`: not empty at `pos`).
    pub fn search(
        &mut self,
        pos: usize,
        must_advance: bool,
    ) -> Result<Option<MatchResult>, OutOfSteps> {
        self.full = false;
        self.must_advance = must_advance;
        self.search_start = pos;
        let first = self.first_char();
        let mut p = pos;
        while p <= self.end {
            if let Some(c) = first {
                while p < self.end && self.text[p] != c {
                    p += 1;
                }
                if p >= self.end {
                    return Ok(None);
                }
            }
            if let Some(m) = self.try_at(p)? {
                return Ok(Some(m));
            }
            p += 1;
        }
        Ok(None)
    }

    /// A literal every match starts with, for skipping ahead in `search`.
    fn first_char(&self) -> Option<u32> {
        let mut pc = 0;
        loop {
            match self.prog.code.get(pc)? {
                Inst::Save(_) => pc += 1,
                Inst::Char(c) => return Some(*c),
                _ => return None,
            }
        }
    }
}
