//! The regular-expression parser: CPython 3.11's `sre_parse` grammar and error
//! messages (with the positions it reports), producing a [`Node`] tree in which every
//! literal, set and anchor already carries the flags in force where it was written.

use super::chars;

pub const F_TEMPLATE: u32 = 1;
pub const F_IGNORECASE: u32 = 2;
pub const F_LOCALE: u32 = 4;
pub const F_MULTILINE: u32 = 8;
pub const F_DOTALL: u32 = 16;
pub const F_UNICODE: u32 = 32;
pub const F_VERBOSE: u32 = 64;
pub const F_DEBUG: u32 = 128;
pub const F_ASCII: u32 = 256;
const TYPE_FLAGS: u32 = F_ASCII | F_LOCALE | F_UNICODE;
const GLOBAL_FLAGS: u32 = F_DEBUG;
/// Private: the pattern is bytes (ASCII classes and case rules).
const F_BYTES: u32 = 1 << 20;

/// The largest repeat count (`MAXREPEAT` of a 64-bit build is 2**32 - 1).
pub const MAXREPEAT: u32 = u32::MAX;
const MAXGROUPS: usize = (u32::MAX / 2) as usize;

/// A zero-width assertion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Beginning,
    BeginningLine,
    BeginningString,
    End,
    EndLine,
    EndString,
    Boundary,
    NonBoundary,
}

/// `\d \D \s \S \w \W`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

impl Category {
    pub fn test(self, c: u32, ascii: bool) -> bool {
        match self {
            Category::Digit => chars::is_digit(c, ascii),
            Category::NotDigit => !chars::is_digit(c, ascii),
            Category::Space => chars::is_space(c, ascii),
            Category::NotSpace => !chars::is_space(c, ascii),
            Category::Word => chars::is_word(c, ascii),
            Category::NotWord => !chars::is_word(c, ascii),
        }
    }
}

#[derive(Debug, Clone)]
pub enum SetItem {
    Char(u32),
    Range(u32, u32),
    Cat(Category),
}

/// A character class: its items, negation, and the mode it was written in.
#[derive(Debug, Clone)]
pub struct CharSet {
    pub items: Vec<SetItem>,
    pub negate: bool,
    pub icase: bool,
    pub ascii: bool,
}

impl CharSet {
    fn contains_raw(&self, c: u32) -> bool {
        self.items.iter().any(|it| match *it {
            SetItem::Char(x) => x == c,
            SetItem::Range(lo, hi) => lo <= c && c <= hi,
            SetItem::Cat(cat) => cat.test(c, self.ascii),
        })
    }

    pub fn matches(&self, c: u32) -> bool {
        let hit = self.contains_raw(c)
            || (self.icase && {
                let up = chars::upper(c, self.ascii);
                self.contains_raw(chars::lower(c, self.ascii))
                    || self.contains_raw(up)
                    || self.contains_raw(chars::lower(up, self.ascii))
            });
        hit != self.negate
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug, Clone)]
pub enum Node {
    Empty,
    Lit {
        c: u32,
        icase: bool,
        ascii: bool,
    },
    Any {
        dotall: bool,
    },
    Set(Box<CharSet>),
    At {
        at: At,
        ascii: bool,
    },
    Group {
        idx: usize,
        node: Box<Node>,
    },
    /// A non-capturing group (kept so that a quantifier applies to all of it).
    NoCap(Box<Node>),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: u32,
        kind: RepKind,
    },
    Backref {
        group: usize,
        icase: bool,
        ascii: bool,
    },
    Look {
        behind: bool,
        neg: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
}

impl Node {
    /// `getwidth()`: the least and greatest number of characters the node matches.
    pub fn width(&self) -> (u64, u64) {
        const INF: u64 = MAXREPEAT as u64;
        match self {
            Node::Empty | Node::At { .. } | Node::Look { .. } => (0, 0),
            Node::Lit { .. } | Node::Any { .. } | Node::Set(_) => (1, 1),
            Node::Group { node, .. } | Node::NoCap(node) | Node::Atomic(node) => node.width(),
            Node::Cat(items) => items.iter().fold((0, 0), |(a, b), n| {
                let (x, y) = n.width();
                (a + x, (b + y).min(INF))
            }),
            Node::Alt(items) => {
                let mut lo = INF;
                let mut hi = 0;
                for n in items {
                    let (x, y) = n.width();
                    lo = lo.min(x);
                    hi = hi.max(y);
                }
                (lo, hi)
            }
            Node::Repeat { node, min, max, .. } => {
                let (x, y) = node.width();
                (x * *min as u64, (y * *max as u64).min(INF))
            }
            Node::Backref { .. } => (0, INF),
            Node::Cond { yes, no, .. } => {
                let (a, b) = yes.width();
                let (c, d) = no.width();
                (a.min(c), b.max(d))
            }
        }
    }
}

/// What kind of exception a parse error raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    /// `re.error(msg, pattern, pos)`.
    Re,
    /// `OverflowError(msg)`.
    Overflow,
    /// A construct the simulator does not model.
    Unsupported,
}

/// A parse error.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrKind,
    pub msg: String,
    pub pos: Option<usize>,
}

/// The outcome of parsing: the tree, the group count (with group 0), names, flags.
#[derive(Debug)]
pub struct Parsed {
    pub root: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: u32,
}

/// Characters of the pattern as written: str code points, or bytes.
struct Source<'a> {
    s: &'a [u32],
    i: usize,
    text: bool,
}

/// One token: a character or a backslash escape (two characters).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Tok {
    a: u32,
    /// The escaped character after a backslash.
    b: Option<u32>,
}

impl Tok {
    fn len(self) -> usize {
        if self.b.is_some() {
            2
        } else {
            1
        }
    }
    fn is(self, c: char) -> bool {
        self.b.is_none() && self.a == c as u32
    }
    fn text(self) -> String {
        let mut s = String::new();
        push_char(&mut s, self.a);
        if let Some(b) = self.b {
            push_char(&mut s, b);
        }
        s
    }
}

fn push_char(s: &mut String, c: u32) {
    s.push(char::from_u32(c).unwrap_or('\u{fffd}'));
}

fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

fn is_oct(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}

fn is_hex(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_ascii_hexdigit())
}

fn is_ascii_letter(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic())
}

impl<'a> Source<'a> {
    /// The next token without consuming it.
    fn peek(&self) -> Result<Option<Tok>, Error> {
        let Some(&a) = self.s.get(self.i) else {
            return Ok(None);
        };
        if a == '\\' as u32 {
            match self.s.get(self.i + 1) {
                Some(&b) => Ok(Some(Tok { a, b: Some(b) })),
                None => Err(Error {
                    kind: ErrKind::Re,
                    msg: "bad escape (end of pattern)".into(),
                    pos: Some(self.i),
                }),
            }
        } else {
            Ok(Some(Tok { a, b: None }))
        }
    }

    fn get(&mut self) -> Result<Option<Tok>, Error> {
        let t = self.peek()?;
        if let Some(t) = t {
            self.i += t.len();
        }
        Ok(t)
    }

    /// Consumes the next token if it is the plain character `c`.
    fn matches(&mut self, c: char) -> Result<bool, Error> {
        match self.peek()? {
            Some(t) if t.is(c) => {
                self.i += 1;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn next_is(&self, pred: impl Fn(u32) -> bool) -> bool {
        matches!(self.peek(), Ok(Some(t)) if t.b.is_none() && pred(t.a))
    }

    fn tell(&self) -> usize {
        self.i
    }

    fn error(&self, msg: impl Into<String>, offset: usize) -> Error {
        Error {
            kind: ErrKind::Re,
            msg: msg.into(),
            pos: Some(self.i.saturating_sub(offset)),
        }
    }

    /// `getwhile(n, charset)`: up to `n` characters satisfying `pred`.
    fn get_while(&mut self, n: usize, pred: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut out = Vec::new();
        while out.len() < n {
            match self.s.get(self.i) {
                Some(&c) if pred(c) && c != '\\' as u32 => {
                    out.push(c);
                    self.i += 1;
                }
                _ => break,
            }
        }
        out
    }

    /// `getuntil(terminator, name)`.
    fn get_until(&mut self, term: char, name: &str) -> Result<String, Error> {
        let mut result = String::new();
        loop {
            let c = self.get()?;
            match c {
                None => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    let n = result.chars().count();
                    return Err(self.error(format!("missing {term}, unterminated name"), n));
                }
                Some(t) if t.is(term) => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    return Ok(result);
                }
                Some(t) => result.push_str(&t.text()),
            }
        }
    }
}

struct State {
    flags: u32,
    groupdict: Vec<(String, usize)>,
    /// `groupwidths`: whether each group (index) has been closed.
    closed: Vec<bool>,
    lookbehind_groups: Option<usize>,
    grouprefpos: Vec<(usize, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.closed.len()
    }

    fn open_group(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.closed.push(false);
        if self.groups() > MAXGROUPS {
            return Err("too many groups".into());
        }
        if let Some(name) = name {
            if let Some(&(_, og)) = self.groupdict.iter().find(|(n, _)| n == name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {og}",
                    py_repr(name)
                ));
            }
            self.groupdict.push((name.to_string(), gid));
        }
        Ok(gid)
    }

    fn check_group(&self, gid: usize) -> bool {
        gid < self.groups() && self.closed[gid]
    }

    fn check_lookbehind_group(&self, gid: usize, src: &Source) -> Result<(), Error> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(src.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// `repr()` of a str (for messages that quote a name).
fn py_repr(s: &str) -> String {
    crate::format::repr::str_repr(s)
}

fn is_identifier(s: &str) -> bool {
    crate::objects::str::is_identifier(s)
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => F_IGNORECASE,
        'L' => F_LOCALE,
        'm' => F_MULTILINE,
        's' => F_DOTALL,
        'x' => F_VERBOSE,
        'a' => F_ASCII,
        't' => F_TEMPLATE,
        'u' => F_UNICODE,
        _ => return None,
    })
}

/// `fix_flags`: the flags of a str or bytes pattern after the type checks.
pub fn fix_flags(text: bool, mut flags: u32) -> Result<u32, String> {
    if text {
        if flags & F_LOCALE != 0 {
            return Err("cannot use LOCALE flag with a str pattern".into());
        }
        if flags & F_ASCII == 0 {
            flags |= F_UNICODE;
        } else if flags & F_UNICODE != 0 {
            return Err("ASCII and UNICODE flags are incompatible".into());
        }
    } else {
        if flags & F_UNICODE != 0 {
            return Err("cannot use UNICODE flag with a bytes pattern".into());
        }
        if flags & F_LOCALE != 0 && flags & F_ASCII != 0 {
            return Err("ASCII and LOCALE flags are incompatible".into());
        }
    }
    Ok(flags)
}

/// Parses `pattern` (code points of a str, or bytes when `!text`) under `flags`.
pub fn parse(pattern: &[u32], text: bool, flags: u32) -> Result<Parsed, Error> {
    let mut flags = if text { flags } else { flags | F_BYTES };
    // Global inline flags change how the whole pattern reads: parse again with them.
    for _ in 0..3 {
        let mut src = Source {
            s: pattern,
            i: 0,
            text,
        };
        let mut st = State {
            flags,
            groupdict: Vec::new(),
            closed: vec![true],
            lookbehind_groups: None,
            grouprefpos: Vec::new(),
        };
        let root = parse_sub(&mut src, &mut st, flags & F_VERBOSE != 0, 0, flags)?;
        if st.flags != flags {
            flags = st.flags;
            continue;
        }
        if src.peek()?.is_some() {
            return Err(src.error("unbalanced parenthesis", 0));
        }
        for &(g, pos) in &st.grouprefpos {
            if g >= st.groups() {
                return Err(Error {
                    kind: ErrKind::Re,
                    msg: format!("invalid group reference {g}"),
                    pos: Some(pos),
                });
            }
        }
        return Ok(Parsed {
            root,
            groups: st.groups(),
            names: st.groupdict,
            flags: st.flags & !F_BYTES,
        });
    }
    Err(Error {
        kind: ErrKind::Re,
        msg: "global flags not at the start of the expression".into(),
        pos: Some(0),
    })
}

fn parse_sub(
    src: &mut Source,
    st: &mut State,
    verbose: bool,
    nested: usize,
    flags: u32,
) -> Result<Node, Error> {
    let mut items = Vec::new();
    let mut verbose = verbose;
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse_seq(src, st, verbose, nested + 1, first, flags)?);
        if !src.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = st.flags & F_VERBOSE != 0;
        }
    }
    Ok(if items.len() == 1 {
        items.pop().unwrap_or(Node::Empty)
    } else {
        Node::Alt(items)
    })
}

fn is_ascii_mode(flags: u32) -> bool {
    flags & (F_ASCII | F_LOCALE | F_BYTES) != 0
}

fn lit(c: u32, flags: u32) -> Node {
    Node::Lit {
        c,
        icase: flags & F_IGNORECASE != 0,
        ascii: is_ascii_mode(flags),
    }
}

fn cat_set(cat: Category, flags: u32) -> Node {
    Node::Set(Box::new(CharSet {
        items: vec![SetItem::Cat(cat)],
        negate: false,
        icase: false,
        ascii: is_ascii_mode(flags),
    }))
}

fn category(b: u32) -> Option<Category> {
    Some(match char::from_u32(b)? {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

fn simple_escape(b: u32) -> Option<u32> {
    Some(match char::from_u32(b)? {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// What an escape inside or outside a set stands for.
enum Esc {
    Lit(u32),
    Cat(Category),
    Node(Node),
}

/// `\x..`, `\u....`, `\U........` (the hex forms), or `None` for other escapes.
fn hex_escape(src: &mut Source, tok: Tok) -> Result<Option<u32>, Error> {
    let c = tok.b.unwrap_or(0);
    if c == 'N' as u32 && src.text {
        return Err(Error {
            kind: ErrKind::Unsupported,
            msg: "\\N{...} escapes in regular expressions".into(),
            pos: None,
        });
    }
    let n = match char::from_u32(c) {
        Some('x') => 2,
        Some('u') if src.text => 4,
        Some('U') if src.text => 8,
        _ => return Ok(None),
    };
    let digits = src.get_while(n, is_hex);
    let mut esc = tok.text();
    for &d in &digits {
        push_char(&mut esc, d);
    }
    if digits.len() != n {
        let len = esc.chars().count();
        return Err(src.error(format!("incomplete escape {esc}"), len));
    }
    let s: String = digits.iter().filter_map(|&d| char::from_u32(d)).collect();
    let v = u32::from_str_radix(&s, 16).unwrap_or(0);
    if n == 8 && char::from_u32(v).is_none() {
        let len = esc.chars().count();
        return Err(src.error(format!("bad escape {esc}"), len));
    }
    Ok(Some(v))
}

/// The literal of an octal escape, which must fit in a byte.
fn octal(src: &Source, esc: &str, v: u32) -> Result<Esc, Error> {
    if v > 0o377 {
        return Err(src.error(
            format!("octal escape value {esc} outside of range 0-0o377"),
            esc.chars().count(),
        ));
    }
    Ok(Esc::Lit(v))
}

/// `_class_escape`.
fn class_escape(src: &mut Source, tok: Tok) -> Result<Esc, Error> {
    let c = tok.b.unwrap_or(0);
    if c == 'b' as u32 {
        return Ok(Esc::Lit(8));
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Esc::Lit(v));
    }
    if let Some(cat) = category(c) {
        return Ok(Esc::Cat(cat));
    }
    if let Some(v) = hex_escape(src, tok)? {
        return Ok(Esc::Lit(v));
    }
    if is_oct(c) {
        let digits = src.get_while(2, is_oct);
        let mut esc = tok.text();
        let mut v = c - 0x30;
        for &d in &digits {
            push_char(&mut esc, d);
            v = v * 8 + (d - 0x30);
        }
        return octal(src, &esc, v);
    }
    if !is_digit(c) && !is_ascii_letter(c) {
        return Ok(Esc::Lit(c));
    }
    Err(src.error(format!("bad escape {}", tok.text()), 2))
}

/// `_escape` (outside sets).
fn escape(src: &mut Source, st: &mut State, tok: Tok, flags: u32) -> Result<Esc, Error> {
    let c = tok.b.unwrap_or(0);
    let ascii = is_ascii_mode(flags);
    let at = match char::from_u32(c) {
        Some('A') => Some(At::BeginningString),
        Some('Z') => Some(At::EndString),
        Some('b') => Some(At::Boundary),
        Some('B') => Some(At::NonBoundary),
        _ => None,
    };
    if let Some(at) = at {
        return Ok(Esc::Node(Node::At { at, ascii }));
    }
    if let Some(cat) = category(c) {
        return Ok(Esc::Cat(cat));
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Esc::Lit(v));
    }
    if let Some(v) = hex_escape(src, tok)? {
        return Ok(Esc::Lit(v));
    }
    if c == '0' as u32 {
        let digits = src.get_while(2, is_oct);
        let v = digits.iter().fold(0, |v, &d| v * 8 + (d - 0x30));
        return Ok(Esc::Lit(v));
    }
    if is_digit(c) {
        let mut esc = tok.text();
        let mut digits = vec![c];
        if src.next_is(is_digit) {
            let d = src.s[src.i];
            src.i += 1;
            push_char(&mut esc, d);
            digits.push(d);
            if is_oct(digits[0]) && is_oct(digits[1]) && src.next_is(is_oct) {
                let d3 = src.s[src.i];
                src.i += 1;
                push_char(&mut esc, d3);
                let v = (digits[0] - 0x30) * 64 + (digits[1] - 0x30) * 8 + (d3 - 0x30);
                return octal(src, &esc, v);
            }
        }
        let group = digits
            .iter()
            .fold(0usize, |v, &d| v * 10 + (d - 0x30) as usize);
        let len = esc.chars().count();
        if group < st.groups() {
            if !st.check_group(group) {
                return Err(src.error("cannot refer to an open group", len));
            }
            st.check_lookbehind_group(group, src)?;
            return Ok(Esc::Node(Node::Backref {
                group,
                icase: flags & F_IGNORECASE != 0,
                ascii,
            }));
        }
        return Err(src.error(format!("invalid group reference {group}"), len - 1));
    }
    if !is_ascii_letter(c) {
        return Ok(Esc::Lit(c));
    }
    Err(src.error(format!("bad escape {}", tok.text()), 2))
}

fn parse_set(src: &mut Source, flags: u32) -> Result<Node, Error> {
    let here = src.tell() - 1;
    let mut items: Vec<SetItem> = Vec::new();
    let negate = src.matches('^')?;
    loop {
        let Some(this) = src.get()? else {
            return Err(src.error("unterminated character set", src.tell() - here));
        };
        if this.is(']') && !items.is_empty() {
            break;
        }
        let code1 = if this.b.is_some() {
            class_escape(src, this)?
        } else {
            Esc::Lit(this.a)
        };
        if src.matches('-')? {
            let Some(that) = src.get()? else {
                return Err(src.error("unterminated character set", src.tell() - here));
            };
            if that.is(']') {
                items.push(set_item(code1));
                items.push(SetItem::Char('-' as u32));
                break;
            }
            let code2 = if that.b.is_some() {
                class_escape(src, that)?
            } else {
                Esc::Lit(that.a)
            };
            let range_err = |src: &Source| {
                src.error(
                    format!("bad character range {}-{}", this.text(), that.text()),
                    this.len() + 1 + that.len(),
                )
            };
            match (code1, code2) {
                (Esc::Lit(lo), Esc::Lit(hi)) => {
                    if hi < lo {
                        return Err(range_err(src));
                    }
                    items.push(SetItem::Range(lo, hi));
                }
                _ => return Err(range_err(src)),
            }
        } else {
            items.push(set_item(code1));
        }
    }
    Ok(Node::Set(Box::new(CharSet {
        items,
        negate,
        icase: flags & F_IGNORECASE != 0,
        ascii: is_ascii_mode(flags),
    })))
}

fn set_item(e: Esc) -> SetItem {
    match e {
        Esc::Lit(c) => SetItem::Char(c),
        Esc::Cat(c) => SetItem::Cat(c),
        Esc::Node(_) => SetItem::Char(0),
    }
}

fn is_repeat(n: &Node) -> bool {
    matches!(n, Node::Repeat { .. })
}

/// `_parse_flags`: `Some((add, del))` for a scoped group, `None` for global flags.
fn parse_flags(src: &mut Source, st: &mut State, first: Tok) -> Result<Option<(u32, u32)>, Error> {
    let mut add = 0u32;
    let mut del = 0u32;
    let mut ch = first;
    if !ch.is('-') {
        loop {
            let flag = flag_of(ch.a).unwrap_or(0);
            if src.text {
                if ch.is('L') {
                    return Err(src.error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        0,
                    ));
                }
            } else if ch.is('u') {
                return Err(src.error(
                    "bad inline flags: cannot use 'u' flag with a bytes pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            let Some(c) = src.get()? else {
                return Err(src.error("missing -, : or )", 0));
            };
            ch = c;
            if ch.is(')') || ch.is('-') || ch.is(':') {
                break;
            }
            if ch.b.is_some() || flag_of(ch.a).is_none() {
                let alpha = ch.b.is_none() && char::from_u32(ch.a).is_some_and(char::is_alphabetic);
                let msg = if alpha {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return Err(src.error(msg, ch.len()));
            }
        }
    }
    if ch.is(')') {
        st.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if ch.is('-') {
        let Some(c) = src.get()? else {
            return Err(src.error("missing flag", 0));
        };
        ch = c;
        if ch.b.is_some() || flag_of(ch.a).is_none() {
            let alpha = ch.b.is_none() && char::from_u32(ch.a).is_some_and(char::is_alphabetic);
            let msg = if alpha {
                "unknown flag"
            } else {
                "missing flag"
            };
            return Err(src.error(msg, ch.len()));
        }
        loop {
            let flag = flag_of(ch.a).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            let Some(c) = src.get()? else {
                return Err(src.error("missing :", 0));
            };
            ch = c;
            if ch.is(':') {
                break;
            }
            if ch.b.is_some() || flag_of(ch.a).is_none() {
                let alpha = ch.b.is_none() && char::from_u32(ch.a).is_some_and(char::is_alphabetic);
                let msg = if alpha { "unknown flag" } else { "missing :" };
                return Err(src.error(msg, ch.len()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d | 0x0b | 0x0c)
}

fn digits_value(src: &Source, from: usize, to: usize) -> Option<u64> {
    let mut v: u64 = 0;
    for &d in &src.s[from..to] {
        v = v.checked_mul(10)?.checked_add((d - 0x30) as u64)?;
    }
    Some(v)
}

/// `_parse`: one branch (a sequence of items) up to `|`, `)` or the end.
fn parse_seq(
    src: &mut Source,
    st: &mut State,
    verbose: bool,
    nested: usize,
    first: bool,
    flags: u32,
) -> Result<Node, Error> {
    let mut items: Vec<Node> = Vec::new();
    let mut verbose = verbose;
    while let Some(this) = src.peek()? {
        if this.is('|') || this.is(')') {
            break;
        }
        src.get()?;
        if verbose && this.b.is_none() {
            if is_ws(this.a) {
                continue;
            }
            if this.a == '#' as u32 {
                while let Some(t) = src.get()? {
                    if t.is('\n') {
                        break;
                    }
                }
                continue;
            }
        }
        if this.b.is_some() {
            match escape(src, st, this, flags)? {
                Esc::Lit(c) => items.push(lit(c, flags)),
                Esc::Cat(cat) => items.push(cat_set(cat, flags)),
                Esc::Node(n) => items.push(n),
            }
            continue;
        }
        let ch = char::from_u32(this.a).unwrap_or('\u{fffd}');
        match ch {
            '[' => items.push(parse_set(src, flags)?),
            '*' | '+' | '?' | '{' => {
                let here = src.tell();
                let (min, max) = match ch {
                    '?' => (0, 1),
                    '*' => (0, MAXREPEAT),
                    '+' => (1, MAXREPEAT),
                    _ => {
                        if src.next_is(|c| c == '}' as u32) {
                            items.push(lit(this.a, flags));
                            continue;
                        }
                        let lo_start = src.i;
                        while src.next_is(is_digit) {
                            src.i += 1;
                        }
                        let lo_end = src.i;
                        let (hi_start, hi_end) = if src.matches(',')? {
                            let s = src.i;
                            while src.next_is(is_digit) {
                                src.i += 1;
                            }
                            (s, src.i)
                        } else {
                            (lo_start, lo_end)
                        };
                        if !src.matches('}')? {
                            items.push(lit(this.a, flags));
                            src.i = here;
                            continue;
                        }
                        let mut min = 0u32;
                        let mut max = MAXREPEAT;
                        let too_large = || Error {
                            kind: ErrKind::Overflow,
                            msg: "the repetition number is too large".into(),
                            pos: None,
                        };
                        if lo_end > lo_start {
                            let v = digits_value(src, lo_start, lo_end).unwrap_or(u64::MAX);
                            if v >= MAXREPEAT as u64 {
                                return Err(too_large());
                            }
                            min = v as u32;
                        }
                        if hi_end > hi_start {
                            let v = digits_value(src, hi_start, hi_end).unwrap_or(u64::MAX);
                            if v >= MAXREPEAT as u64 {
                                return Err(too_large());
                            }
                            max = v as u32;
                            if max < min {
                                return Err(src.error(
                                    "min repeat greater than max repeat",
                                    src.tell() - here,
                                ));
                            }
                        }
                        (min, max)
                    }
                };
                let off = src.tell() - here + 1;
                let item = match items.pop() {
                    None | Some(Node::At { .. }) => {
                        return Err(src.error("nothing to repeat", off));
                    }
                    Some(n) if is_repeat(&n) => {
                        return Err(src.error("multiple repeat", off));
                    }
                    Some(Node::NoCap(inner)) => *inner,
                    Some(n) => n,
                };
                let kind = if src.matches('?')? {
                    RepKind::Lazy
                } else if src.matches('+')? {
                    RepKind::Possessive
                } else {
                    RepKind::Greedy
                };
                items.push(Node::Repeat {
                    node: Box::new(item),
                    min,
                    max,
                    kind,
                });
            }
            '.' => items.push(Node::Any {
                dotall: flags & F_DOTALL != 0,
            }),
            '(' => {
                let start = src.tell() - 1;
                let mut capture = true;
                let mut atomic = false;
                let mut name: Option<String> = None;
                let mut add = 0u32;
                let mut del = 0u32;
                if src.matches('?')? {
                    let Some(c) = src.get()? else {
                        return Err(src.error("unexpected end of pattern", 0));
                    };
                    if c.is('P') {
                        if src.matches('<')? {
                            let n = src.get_until('>', "group name")?;
                            if !is_identifier(&n) {
                                let len = n.chars().count() + 1;
                                return Err(src.error(
                                    format!("bad character in group name {}", py_repr(&n)),
                                    len,
                                ));
                            }
                            name = Some(n);
                        } else if src.matches('=')? {
                            let n = src.get_until(')', "group name")?;
                            let len = n.chars().count() + 1;
                            if !is_identifier(&n) {
                                return Err(src.error(
                                    format!("bad character in group name {}", py_repr(&n)),
                                    len,
                                ));
                            }
                            let Some(&(_, gid)) = st.groupdict.iter().find(|(k, _)| *k == n) else {
                                return Err(
                                    src.error(format!("unknown group name {}", py_repr(&n)), len)
                                );
                            };
                            if !st.check_group(gid) {
                                return Err(src.error("cannot refer to an open group", len));
                            }
                            st.check_lookbehind_group(gid, src)?;
                            items.push(Node::Backref {
                                group: gid,
                                icase: flags & F_IGNORECASE != 0,
                                ascii: is_ascii_mode(flags),
                            });
                            continue;
                        } else {
                            let Some(c) = src.get()? else {
                                return Err(src.error("unexpected end of pattern", 0));
                            };
                            return Err(
                                src.error(format!("unknown extension ?P{}", c.text()), c.len() + 2)
                            );
                        }
                    } else if c.is(':') {
                        capture = false;
                    } else if c.is('#') {
                        loop {
                            match src.get()? {
                                None => {
                                    return Err(src.error(
                                        "missing ), unterminated comment",
                                        src.tell() - start,
                                    ))
                                }
                                Some(t) if t.is(')') => break,
                                _ => {}
                            }
                        }
                        continue;
                    } else if c.is('=') || c.is('!') || c.is('<') {
                        let mut behind = false;
                        let mut kind = c;
                        let mut saved_lb = None;
                        if c.is('<') {
                            let Some(c2) = src.get()? else {
                                return Err(src.error("unexpected end of pattern", 0));
                            };
                            if !(c2.is('=') || c2.is('!')) {
                                return Err(src.error(
                                    format!("unknown extension ?<{}", c2.text()),
                                    c2.len() + 2,
                                ));
                            }
                            kind = c2;
                            behind = true;
                            saved_lb = Some(st.lookbehind_groups);
                            if st.lookbehind_groups.is_none() {
                                st.lookbehind_groups = Some(st.groups());
                            }
                        }
                        let p = parse_sub(src, st, verbose, nested + 1, flags)?;
                        if let Some(None) = saved_lb {
                            st.lookbehind_groups = None;
                        }
                        if !src.matches(')')? {
                            return Err(
                                src.error("missing ), unterminated subpattern", src.tell() - start)
                            );
                        }
                        items.push(Node::Look {
                            behind,
                            neg: kind.is('!'),
                            node: Box::new(p),
                        });
                        continue;
                    } else if c.is('(') {
                        let condname = src.get_until(')', "group name")?;
                        let len = condname.chars().count() + 1;
                        let group = if is_identifier(&condname) {
                            match st.groupdict.iter().find(|(k, _)| *k == condname) {
                                Some(&(_, g)) => g,
                                None => {
                                    return Err(src.error(
                                        format!("unknown group name {}", py_repr(&condname)),
                                        len,
                                    ))
                                }
                            }
                        } else {
                            let g: usize = match condname.trim().parse::<i64>() {
                                Ok(g) if g >= 0 => g as usize,
                                _ => {
                                    return Err(src.error(
                                        format!(
                                            "bad character in group name {}",
                                            py_repr(&condname)
                                        ),
                                        len,
                                    ))
                                }
                            };
                            if g == 0 {
                                return Err(src.error("bad group number", len));
                            }
                            if g >= MAXGROUPS {
                                return Err(src.error(format!("invalid group reference {g}"), len));
                            }
                            if !st.grouprefpos.iter().any(|&(x, _)| x == g) {
                                st.grouprefpos.push((g, src.tell() - len));
                            }
                            g
                        };
                        st.check_lookbehind_group(group, src)?;
                        let yes = parse_seq(src, st, verbose, nested + 1, false, flags)?;
                        let no = if src.matches('|')? {
                            let no = parse_seq(src, st, verbose, nested + 1, false, flags)?;
                            if src.next_is(|c| c == '|' as u32) {
                                return Err(
                                    src.error("conditional backref with more than two branches", 0)
                                );
                            }
                            no
                        } else {
                            Node::Empty
                        };
                        if !src.matches(')')? {
                            return Err(
                                src.error("missing ), unterminated subpattern", src.tell() - start)
                            );
                        }
                        items.push(Node::Cond {
                            group,
                            yes: Box::new(yes),
                            no: Box::new(no),
                        });
                        continue;
                    } else if c.is('>') {
                        capture = false;
                        atomic = true;
                    } else if c.is('-') || (c.b.is_none() && flag_of(c.a).is_some()) {
                        match parse_flags(src, st, c)? {
                            None => {
                                if !first || !items.is_empty() {
                                    return Err(src.error(
                                        "global flags not at the start of the expression",
                                        src.tell() - start,
                                    ));
                                }
                                verbose = st.flags & F_VERBOSE != 0;
                                continue;
                            }
                            Some((a, d)) => {
                                add = a;
                                del = d;
                                capture = false;
                            }
                        }
                    } else {
                        return Err(
                            src.error(format!("unknown extension ?{}", c.text()), c.len() + 1)
                        );
                    }
                }
                let group = if capture {
                    match st.open_group(name.as_deref()) {
                        Ok(g) => Some(g),
                        Err(msg) => {
                            let len = name.as_deref().map_or(0, |n| n.chars().count()) + 1;
                            return Err(src.error(msg, len));
                        }
                    }
                } else {
                    None
                };
                let sub_verbose = (verbose || add & F_VERBOSE != 0) && del & F_VERBOSE == 0;
                let sub_flags = (flags | add) & !del;
                let p = parse_sub(src, st, sub_verbose, nested + 1, sub_flags)?;
                if !src.matches(')')? {
                    return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
                }
                if let Some(g) = group {
                    st.closed[g] = true;
                    items.push(Node::Group {
                        idx: g,
                        node: Box::new(p),
                    });
                } else if atomic {
                    items.push(Node::Atomic(Box::new(p)));
                } else {
                    // Scoped flags are already applied to the contents.
                    items.push(Node::NoCap(Box::new(p)));
                }
            }
            '^' => items.push(Node::At {
                at: if flags & F_MULTILINE != 0 {
                    At::BeginningLine
                } else {
                    At::Beginning
                },
                ascii: is_ascii_mode(flags),
            }),
            '$' => items.push(Node::At {
                at: if flags & F_MULTILINE != 0 {
                    At::EndLine
                } else {
                    At::End
                },
                ascii: is_ascii_mode(flags),
            }),
            _ => items.push(lit(this.a, flags)),
        }
    }
    Ok(match items.len() {
        0 => Node::Empty,
        1 => items.pop().unwrap_or(Node::Empty),
        _ => Node::Cat(items),
    })
}
