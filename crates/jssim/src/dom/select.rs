//! CSS selectors for `querySelector(All)`, `matches` and `closest`: selector lists of
//! compound selectors (type, `*`, `#id`, `.class`, attribute selectors with every
//! operator and the `i` flag, structural and form pseudo-classes, `:not`/`:is`/
//! `:where`/`:has`) joined by the descendant, `>`, `+` and `~` combinators, matched
//! right to left.

use super::node::{self, NodeData};
use crate::interp::Vm;
use crate::value::ObjRef;

/// A parsed selector list.
#[derive(Debug, Clone)]
pub struct SelectorList(Vec<Complex>);

#[derive(Debug, Clone)]
struct Complex {
    /// Compounds left to right, each with the combinator that precedes it.
    parts: Vec<(Comb, Compound)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Comb {
    Descendant,
    Child,
    Adjacent,
    Sibling,
}

#[derive(Debug, Clone, Default)]
struct Compound {
    tag: Option<String>,
    simple: Vec<Simple>,
}

#[derive(Debug, Clone)]
enum Simple {
    Id(String),
    Class(String),
    Attr {
        name: String,
        op: Option<(char, String)>,
        ci: bool,
    },
    Nth {
        a: i64,
        b: i64,
        of_type: bool,
        last: bool,
    },
    Not(SelectorList),
    Is(SelectorList),
    Has(SelectorList),
    State(State),
}

#[derive(Debug, Clone, Copy)]
enum State {
    Checked,
    Disabled,
    Enabled,
    Empty,
    Root,
    Scope,
    Required,
    Optional,
    Link,
    Never,
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

/// Parses a selector list; `None` when it is not valid.
pub fn parse(src: &str) -> Option<SelectorList> {
    let mut p = Parser {
        s: src.as_bytes(),
        src,
        i: 0,
    };
    let list = p.list()?;
    p.ws();
    (p.i == p.s.len()).then_some(list)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn ws(&mut self) -> bool {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
        self.i > start
    }
    fn list(&mut self) -> Option<SelectorList> {
        let mut out = vec![self.complex()?];
        loop {
            self.ws();
            if self.peek() == Some(b',') {
                self.i += 1;
                out.push(self.complex()?);
            } else {
                return Some(SelectorList(out));
            }
        }
    }
    fn complex(&mut self) -> Option<Complex> {
        self.ws();
        let mut parts = vec![(Comb::Descendant, self.compound()?)];
        loop {
            let had_ws = self.ws();
            let comb = match self.peek() {
                Some(b'>') => Comb::Child,
                Some(b'+') => Comb::Adjacent,
                Some(b'~') => Comb::Sibling,
                Some(b',') | Some(b')') | None => break,
                _ if had_ws => Comb::Descendant,
                _ => return None,
            };
            if comb != Comb::Descendant {
                self.i += 1;
                self.ws();
            }
            parts.push((comb, self.compound()?));
        }
        Some(Complex { parts })
    }
    fn ident(&mut self) -> Option<String> {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c >= 0x80 {
                self.i += 1;
            } else if c == b'\\' && self.i + 1 < self.s.len() {
                self.i += 2;
            } else {
                break;
            }
        }
        if self.i == start {
            return None;
        }
        let raw = &self.src[start..self.i];
        if raw.starts_with(|c: char| c.is_ascii_digit()) || raw.starts_with("--") && raw.len() == 2
        {
            return None;
        }
        Some(raw.replace('\\', ""))
    }
    fn compound(&mut self) -> Option<Compound> {
        let mut c = Compound::default();
        if self.peek() == Some(b'*') {
            self.i += 1;
        } else if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b >= 0x80)
        {
            c.tag = Some(self.ident()?.to_ascii_lowercase());
        }
        loop {
            match self.peek() {
                Some(b'#') => {
                    self.i += 1;
                    c.simple.push(Simple::Id(self.ident()?));
                }
                Some(b'.') => {
                    self.i += 1;
                    c.simple.push(Simple::Class(self.ident()?));
                }
                Some(b'[') => {
                    self.i += 1;
                    c.simple.push(self.attr()?);
                }
                Some(b':') => {
                    self.i += 1;
                    if self.peek() == Some(b':') {
                        return None;
                    }
                    c.simple.push(self.pseudo()?);
                }
                _ => break,
            }
        }
        if c.tag.is_none()
            && c.simple.is_empty()
            && self.s.get(self.i.wrapping_sub(1)) != Some(&b'*')
        {
            return None;
        }
        Some(c)
    }
    fn attr(&mut self) -> Option<Simple> {
        self.ws();
        let name = self.ident()?.to_ascii_lowercase();
        self.ws();
        let op = match self.peek()? {
            b']' => {
                self.i += 1;
                return Some(Simple::Attr {
                    name,
                    op: None,
                    ci: false,
                });
            }
            b'=' => '=',
            c @ (b'~' | b'|' | b'^' | b'$' | b'*') => {
                self.i += 1;
                if self.peek() != Some(b'=') {
                    return None;
                }
                c as char
            }
            _ => return None,
        };
        self.i += 1;
        self.ws();
        let value = match self.peek()? {
            q @ (b'"' | b'\'') => {
                self.i += 1;
                let start = self.i;
                while self.peek().is_some_and(|c| c != q) {
                    self.i += 1;
                }
                let v = self.src.get(start..self.i)?.to_string();
                self.peek()?;
                self.i += 1;
                v
            }
            _ => self.ident()?,
        };
        self.ws();
        let mut ci = false;
        if matches!(self.peek(), Some(b'i' | b'I')) {
            self.i += 1;
            ci = true;
            self.ws();
        } else if matches!(self.peek(), Some(b's' | b'S')) {
            self.i += 1;
            self.ws();
        }
        if self.peek() != Some(b']') {
            return None;
        }
        self.i += 1;
        Some(Simple::Attr {
            name,
            op: Some((op, value)),
            ci,
        })
    }
    fn pseudo(&mut self) -> Option<Simple> {
        let name = self.ident()?.to_ascii_lowercase();
        let nth = |a, b, of_type, last| Simple::Nth {
            a,
            b,
            of_type,
            last,
        };
        let simple = match name.as_str() {
            "first-child" => nth(0, 1, false, false),
            "last-child" => nth(0, 1, false, true),
            "first-of-type" => nth(0, 1, true, false),
            "last-of-type" => nth(0, 1, true, true),
            "only-child" => Simple::Is(SelectorList(vec![Complex {
                parts: vec![(
                    Comb::Descendant,
                    Compound {
                        tag: None,
                        simple: vec![nth(0, 1, false, false), nth(0, 1, false, true)],
                    },
                )],
            }])),
            "only-of-type" => Simple::Is(SelectorList(vec![Complex {
                parts: vec![(
                    Comb::Descendant,
                    Compound {
                        tag: None,
                        simple: vec![nth(0, 1, true, false), nth(0, 1, true, true)],
                    },
                )],
            }])),
            "nth-child" | "nth-last-child" | "nth-of-type" | "nth-last-of-type" => {
                let (a, b) = self.args(|p| p.an_b())?;
                nth(a, b, name.ends_with("of-type"), name.contains("last"))
            }
            "not" => Simple::Not(self.args(|p| p.list())?),
            "is" | "where" | "matches" | "any" => Simple::Is(self.args(|p| p.list())?),
            "has" => Simple::Has(self.args(|p| p.list())?),
            "checked" => Simple::State(State::Checked),
            "disabled" => Simple::State(State::Disabled),
            "enabled" => Simple::State(State::Enabled),
            "empty" => Simple::State(State::Empty),
            "root" => Simple::State(State::Root),
            "scope" => Simple::State(State::Scope),
            "required" => Simple::State(State::Required),
            "optional" => Simple::State(State::Optional),
            "link" | "any-link" => Simple::State(State::Link),
            "hover" | "active" | "focus" | "focus-within" | "focus-visible" | "visited"
            | "target" | "invalid" | "indeterminate" | "placeholder-shown" | "defined" => {
                Simple::State(State::Never)
            }
            _ => return None,
        };
        Some(simple)
    }
    fn args<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.peek() != Some(b'(') {
            return None;
        }
        self.i += 1;
        self.ws();
        let v = f(self)?;
        self.ws();
        if self.peek() != Some(b')') {
            return None;
        }
        self.i += 1;
        Some(v)
    }
    /// `An+B`, `odd`, `even`.
    fn an_b(&mut self) -> Option<(i64, i64)> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'-' || c == b' ')
        {
            self.i += 1;
        }
        let t: String = self.src[start..self.i]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        match t.as_str() {
            "odd" => return Some((2, 1)),
            "even" => return Some((2, 0)),
            _ => {}
        }
        if let Some(npos) = t.find('n') {
            let a = match &t[..npos] {
                "" | "+" => 1,
                "-" => -1,
                x => x.parse().ok()?,
            };
            let b = if t.len() > npos + 1 {
                t[npos + 1..].parse().ok()?
            } else {
                0
            };
            Some((a, b))
        } else {
            Some((0, t.parse().ok()?))
        }
    }
}

impl SelectorList {
    /// True when element `el` matches (with `scope` for `:scope`).
    pub fn matches(&self, vm: &Vm, el: ObjRef, scope: Option<ObjRef>) -> bool {
        self.0
            .iter()
            .any(|c| match_complex(vm, el, &c.parts, c.parts.len() - 1, scope))
    }
}

fn match_complex(
    vm: &Vm,
    el: ObjRef,
    parts: &[(Comb, Compound)],
    i: usize,
    scope: Option<ObjRef>,
) -> bool {
    let (comb, compound) = &parts[i];
    if !match_compound(vm, el, compound, scope) {
        return false;
    }
    if i == 0 {
        return true;
    }
    match comb {
        Comb::Child => node::parent(vm, el)
            .filter(|p| node::is_element(vm, *p))
            .is_some_and(|p| match_complex(vm, p, parts, i - 1, scope)),
        Comb::Descendant => {
            let mut cur = node::parent(vm, el);
            while let Some(p) = cur.filter(|p| node::is_element(vm, *p)) {
                if match_complex(vm, p, parts, i - 1, scope) {
                    return true;
                }
                cur = node::parent(vm, p);
            }
            false
        }
        Comb::Adjacent => node::element_sibling(vm, el, -1)
            .is_some_and(|s| match_complex(vm, s, parts, i - 1, scope)),
        Comb::Sibling => {
            let mut cur = node::element_sibling(vm, el, -1);
            while let Some(s) = cur {
                if match_complex(vm, s, parts, i - 1, scope) {
                    return true;
                }
                cur = node::element_sibling(vm, s, -1);
            }
            false
        }
    }
}

fn match_compound(vm: &Vm, el: ObjRef, c: &Compound, scope: Option<ObjRef>) -> bool {
    let Some(e) = node::elem(vm, el) else {
        return false;
    };
    if let Some(t) = &c.tag {
        if *t != e.local {
            return false;
        }
    }
    c.simple.iter().all(|s| match s {
        Simple::Id(id) => e.attr("id") == Some(id.as_str()),
        Simple::Class(cl) => e
            .attr("class")
            .is_some_and(|v| v.split_ascii_whitespace().any(|x| x == cl)),
        Simple::Attr { name, op, ci } => match (e.attr(name), op) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(v), Some((op, want))) => {
                let (v, want) = if *ci {
                    (v.to_lowercase(), want.to_lowercase())
                } else {
                    (v.to_string(), want.clone())
                };
                match op {
                    '=' => v == want,
                    '~' => v.split_ascii_whitespace().any(|x| x == want),
                    '|' => v == want || v.starts_with(&format!("{want}-")),
                    '^' => !want.is_empty() && v.starts_with(&want),
                    '$' => !want.is_empty() && v.ends_with(&want),
                    '*' => !want.is_empty() && v.contains(&want),
                    _ => false,
                }
            }
        },
        Simple::Nth {
            a,
            b,
            of_type,
            last,
        } => {
            let Some(p) = node::parent(vm, el) else {
                return false;
            };
            let sibs: Vec<ObjRef> = node::children(vm, p)
                .iter()
                .copied()
                .filter(|s| match node::elem(vm, *s) {
                    Some(se) => !*of_type || se.local == e.local,
                    None => false,
                })
                .collect();
            let Some(pos) = sibs.iter().position(|s| *s == el) else {
                return false;
            };
            let n = if *last { sibs.len() - pos } else { pos + 1 } as i64;
            if *a == 0 {
                n == *b
            } else {
                (n - b) % a == 0 && (n - b) / a >= 0
            }
        }
        Simple::Not(l) => !l.matches(vm, el, scope),
        Simple::Is(l) => l.matches(vm, el, scope),
        Simple::Has(l) => node::descendants(vm, el)
            .into_iter()
            .any(|d| node::is_element(vm, d) && l.matches(vm, d, scope)),
        Simple::State(st) => match st {
            State::Checked => super::idl::is_checked(vm, el),
            State::Disabled => super::idl::is_disabled(vm, el),
            State::Enabled => {
                super::idl::is_form_control(&e.local) && !super::idl::is_disabled(vm, el)
            }
            State::Empty => node::children(vm, el).iter().all(|c| {
                matches!(
                    node::node(vm, *c).map(|n| &n.data),
                    Some(NodeData::Comment(_))
                ) || matches!(node::node(vm, *c).map(|n| &n.data), Some(NodeData::Text(t)) if t.is_empty())
            }),
            State::Root => node::parent(vm, el) == vm.dom.document,
            State::Scope => Some(el) == scope || (scope.is_none() && e.local == "html"),
            State::Required => e.attr("required").is_some(),
            State::Optional => {
                super::idl::is_form_control(&e.local) && e.attr("required").is_none()
            }
            State::Link => matches!(e.local.as_str(), "a" | "area") && e.attr("href").is_some(),
            State::Never => false,
        },
    })
}
