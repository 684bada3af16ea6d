//! `str` objects: UTF-8 storage with the facts CPython's compact representation decides
//! (the kind: ASCII / Latin-1 / UCS-2 / UCS-4, hence `sys.getsizeof`), a cached hash and
//! the character count.

use std::hash::{Hash, Hasher};

/// A Python string.
#[derive(Debug, Clone)]
pub struct PyStr {
    pub s: Box<str>,
    pub hash: i64,
    /// Number of code points.
    pub len: usize,
    /// Largest code point class: 1 ASCII, 2 Latin-1, 3 UCS-2, 4 UCS-4.
    pub kind: u8,
    pub interned: bool,
}

/// The hash of a string (deterministic; CPython's is randomised per process, so no
/// recorded output depends on it, except that the empty string's is 0).
pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h = std::hash::DefaultHasher::new();
    s.hash(&mut h);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

fn kind_of(s: &str) -> (u8, usize) {
    if s.is_ascii() {
        return (1, s.len());
    }
    let mut max = 0u32;
    let mut n = 0;
    for c in s.chars() {
        max = max.max(c as u32);
        n += 1;
    }
    let kind = if max < 0x80 {
        1
    } else if max < 0x100 {
        2
    } else if max < 0x10000 {
        3
    } else {
        4
    };
    (kind, n)
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> Self {
        let s: Box<str> = s.into();
        let (kind, len) = kind_of(&s);
        PyStr {
            hash: str_hash(&s),
            s,
            len,
            kind,
            interned: false,
        }
    }

    /// `sys.getsizeof` in CPython 3.11 (compact ASCII 49+n, Latin-1 73+n, UCS-2 74+2n,
    /// UCS-4 76+4n).
    pub fn sizeof(&self) -> u64 {
        let n = self.len as u64;
        match self.kind {
            1 => 49 + n,
            2 => 73 + n,
            3 => 74 + 2 * n,
            _ => 76 + 4 * n,
        }
    }

    /// The byte offset of code point `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.kind == 1 {
            return i.min(self.s.len());
        }
        self.s
            .char_indices()
            .nth(i)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }

    /// The code point at index `i` (0-based, already range-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.kind == 1 {
            return self.s.as_bytes().get(i).map(|b| *b as char);
        }
        self.s.chars().nth(i)
    }

    /// Code points `start..end` (clamped).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b]
    }
}

/// True when `s` looks like an identifier (CPython interns such string constants).
pub fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// True for a valid Python identifier (`str.isidentifier`).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) && assigned(c) => {}
        _ => return false,
    }
    chars.all(|c| unicode_ident::is_xid_continue(c) && assigned(c))
}

/// True unless `c` is unassigned in CPython's Unicode version.
fn assigned(c: char) -> bool {
    c.is_ascii() || super::unicode::category(c) != "Cn"
}
