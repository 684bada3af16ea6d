//! Collation for `localeCompare` and `Intl.Collator`: a compact version of the
//! Unicode Collation Algorithm with the CLDR root order ICU uses. Each character
//! becomes collation elements of three weights: primary (the base letter; spaces
//! and punctuation before symbols before digits before letters, scripts in their
//! usual order), secondary (accents, in DUCET's order: acute, grave, breve,
//! circumflex, caron, ring, diaeresis...) and tertiary (case and compatibility
//! variants; lower case first). Strings compare level by level; `sensitivity`,
//! `caseFirst`, `numeric` and `ignorePunctuation` change the levels used, and a few
//! locales (Swedish, Finnish, Danish, Norwegian, Spanish, Polish) tailor letters.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// Which differences count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sensitivity {
    Base,
    Accent,
    Case,
    Variant,
}

impl Sensitivity {
    pub fn name(self) -> &'static str {
        match self {
            Sensitivity::Base => "base",
            Sensitivity::Accent => "accent",
            Sensitivity::Case => "case",
            Sensitivity::Variant => "variant",
        }
    }
}

/// A collator's settings.
#[derive(Debug, Clone)]
pub struct CollatorOpts {
    pub locale: String,
    pub usage_search: bool,
    pub sensitivity: Sensitivity,
    pub ignore_punctuation: bool,
    pub numeric: bool,
    /// `upper`, `lower` or `false`.
    pub case_first: &'static str,
}

impl Default for CollatorOpts {
    fn default() -> Self {
        CollatorOpts {
            locale: "en-US".into(),
            usage_search: false,
            sensitivity: Sensitivity::Variant,
            ignore_punctuation: false,
            numeric: false,
            case_first: "false",
        }
    }
}

/// One collation element.
#[derive(Debug, Clone, Copy)]
struct Elem {
    p: u32,
    s: u16,
    t: u8,
    punct: bool,
}

const COMMON: u16 = 0x20;
const PUNCT_BASE: u32 = 0x100;
const SYMBOL_BASE: u32 = 0x1000;
const CURRENCY_BASE: u32 = 0x8000;
const DIGIT_BASE: u32 = 0x9000;
/// A digit run under `numeric`: this plus its significant-digit count, then digits.
const NUMBER_BASE: u32 = 0x9100;
const LATIN_BASE: u32 = 0x10000;
const SCRIPT_BASE: u32 = 0x20000;

/// The ASCII punctuation and symbols in CLDR root order (after white space).
const PUNCT_ORDER: &str = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~";

/// Secondary weights of combining marks, in DUCET order.
const MARK_ORDER: [char; 20] = [
    '\u{301}', '\u{300}', '\u{306}', '\u{302}', '\u{30C}', '\u{30A}', '\u{308}', '\u{30B}',
    '\u{303}', '\u{307}', '\u{338}', '\u{327}', '\u{328}', '\u{304}', '\u{309}', '\u{31B}',
    '\u{323}', '\u{324}', '\u{325}', '\u{331}',
];

/// The secondary weight of the stroke in `ø`, `ł`, `đ` (between the diaeresis
/// and the macron).
const STROKE: u16 = COMMON + 11;
/// The extra secondary weight of ligatures like `æ`.
const LIGATURE: u16 = COMMON + 40;

fn mark_weight(c: char) -> u16 {
    match MARK_ORDER.iter().position(|m| *m == c) {
        Some(i) => COMMON + 1 + i as u16 + u16::from(i >= 10),
        None => COMMON + 60 + (c as u32 % 200) as u16,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x3099..=0x309A)
}

/// The rank of a script block, after Latin.
fn script_rank(c: u32) -> u32 {
    match c {
        0x370..=0x3FF | 0x1F00..=0x1FFF => 1,
        0x400..=0x52F => 2,
        0x530..=0x58F => 3,
        0x590..=0x5FF => 4,
        0x600..=0x6FF | 0x750..=0x77F => 5,
        0x900..=0xDFF => 6,
        0xE00..=0xEFF => 7,
        0x10A0..=0x10FF => 8,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => 9,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => 10,
        0x3100..=0x312F => 11,
        0x2E80..=0x2FDF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => 12,
        0x20000..=0x3FFFF => 13,
        _ => 14,
    }
}

/// A locale's extra letters after `z` (as base letter, its position).
fn tailored(locale: &str, c: char) -> Option<u32> {
    let lang = locale.split(['-', '_']).next().unwrap_or("");
    let after_z: &[char] = match lang {
        "sv" | "fi" => &['å', 'ä', 'ö'],
        "da" | "nb" | "no" | "nn" => &['æ', 'ø', 'å'],
        _ => &[],
    };
    let lc = c.to_lowercase().next().unwrap_or(c);
    if let Some(i) = after_z.iter().position(|x| *x == lc) {
        return Some(LATIN_BASE + 26 * 16 + 1 + i as u32);
    }
    // Letters sorted right after their base (Spanish ñ, Polish ą ć ę ł ń ó ś ź ż).
    let after: &[(char, char)] = match lang {
        "es" => &[('ñ', 'n')],
        "pl" => &[
            ('ą', 'a'),
            ('ć', 'c'),
            ('ę', 'e'),
            ('ł', 'l'),
            ('ń', 'n'),
            ('ó', 'o'),
            ('ś', 's'),
            ('ź', 'z'),
            ('ż', 'z'),
        ],
        _ => &[],
    };
    after
        .iter()
        .enumerate()
        .find(|(_, (x, _))| *x == lc)
        .map(|(i, (_, base))| LATIN_BASE + (*base as u32 - 'a' as u32) * 16 + 1 + i as u32 % 8)
}

fn primary(c: char) -> (u32, bool) {
    let u = c as u32;
    if c.is_whitespace() || u < 0x20 {
        return (1 + u % 0x20, true);
    }
    if let Some(i) = PUNCT_ORDER.find(c) {
        return (PUNCT_BASE + 2 * i as u32, true);
    }
    if let Some(d) = c.to_digit(10) {
        return (DIGIT_BASE + d, false);
    }
    match c {
        '–' | '—' | '‐' | '‑' | '‒' | '―' => return (PUNCT_BASE + 3, true),
        '…' => return (PUNCT_BASE + 15, true),
        '‘' | '’' | '‚' | '‛' => return (PUNCT_BASE + 17, true),
        '“' | '”' | '„' | '«' | '»' | '‹' | '›' => return (PUNCT_BASE + 19, true),
        '·' | '•' => return (PUNCT_BASE + 16, true),
        '¡' | '¿' => return (PUNCT_BASE + 12, true),
        '$' => return (CURRENCY_BASE, false),
        _ => {}
    }
    if c.is_alphabetic() {
        let lc = c.to_lowercase().next().unwrap_or(c);
        if lc.is_ascii_lowercase() {
            return (LATIN_BASE + (lc as u32 - 'a' as u32) * 16, false);
        }
        if lc == 'þ' {
            return (LATIN_BASE + 26 * 16, false);
        }
        // Katakana sorts with hiragana at the primary level.
        let base = if (0x30A1..=0x30F6).contains(&u) {
            u - 0x60
        } else {
            lc as u32
        };
        return (SCRIPT_BASE + script_rank(base) * 0x40000 + base, false);
    }
    // Currency symbols after other symbols, then the rest by code point.
    if matches!(
        c,
        '¢' | '£' | '¤' | '¥' | '€' | '₹' | '₩' | '₽' | '₪' | '₫' | '฿'
    ) {
        return (CURRENCY_BASE + 1 + u % 0x100, false);
    }
    (SYMBOL_BASE + u % 0x7000, true)
}

/// Expansions and strokes of letters without a canonical decomposition.
fn special(c: char) -> Option<(&'static [char], u16)> {
    Some(match c {
        'ß' => (&['s', 's'], 0),
        'æ' => (&['a', 'e'], LIGATURE),
        'Æ' => (&['A', 'E'], LIGATURE),
        'œ' => (&['o', 'e'], LIGATURE),
        'Œ' => (&['O', 'E'], LIGATURE),
        'ø' => (&['o'], STROKE),
        'Ø' => (&['O'], STROKE),
        'ł' => (&['l'], STROKE),
        'Ł' => (&['L'], STROKE),
        'đ' | 'ð' => (&['d'], STROKE),
        'Đ' | 'Ð' => (&['D'], STROKE),
        'ħ' => (&['h'], STROKE),
        'ı' => (&['i'], STROKE),
        _ => return None,
    })
}

fn elements(s: &str, o: &CollatorOpts) -> Vec<Elem> {
    let mut out = Vec::with_capacity(s.len());
    let upper_first = o.case_first == "upper";
    for orig in s.chars() {
        let canon: String = std::iter::once(orig).nfd().collect();
        let compat: String = std::iter::once(orig).nfkd().collect();
        let is_compat = canon != compat;
        let tert = |ch: char, extra: u8| -> u8 {
            let upper = ch.is_uppercase() || (0x30A1..=0x30F6).contains(&(ch as u32));
            let case = if upper != upper_first { 2 } else { 0 };
            case + u8::from(is_compat) + extra
        };
        if let Some(p) = tailored(&o.locale, orig) {
            out.push(Elem {
                p,
                s: COMMON,
                t: tert(orig, 0),
                punct: false,
            });
            continue;
        }
        if let Some((chars, sec)) = special(orig) {
            let n = chars.len();
            for (i, ch) in chars.iter().enumerate() {
                let (p, punct) = primary(*ch);
                out.push(Elem {
                    p,
                    s: COMMON,
                    t: tert(orig, u8::from(n > 1) * 4),
                    punct,
                });
                if sec != 0 && (i == 0 || n == 1) {
                    out.push(Elem {
                        p: 0,
                        s: sec,
                        t: 0,
                        punct: false,
                    });
                }
            }
            continue;
        }
        for ch in compat.chars() {
            if is_mark(ch) {
                out.push(Elem {
                    p: 0,
                    s: mark_weight(ch),
                    t: 0,
                    punct: false,
                });
                continue;
            }
            let (p, punct) = primary(ch);
            out.push(Elem {
                p,
                s: COMMON,
                t: tert(ch, 0),
                punct,
            });
        }
    }
    if o.ignore_punctuation {
        out.retain(|e| !e.punct);
    }
    if o.numeric {
        out = numeric_runs(out);
    }
    out
}

/// Digit runs as one numeric value: (NUMBER_BASE + significant digits, digits...);
/// leading zeros become tertiary differences.
fn numeric_runs(els: Vec<Elem>) -> Vec<Elem> {
    let mut out = Vec::with_capacity(els.len());
    let mut i = 0;
    while i < els.len() {
        let is_digit = |e: &Elem| (DIGIT_BASE..DIGIT_BASE + 10).contains(&e.p);
        if !is_digit(&els[i]) {
            out.push(els[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < els.len() && is_digit(&els[i]) {
            i += 1;
        }
        let run = &els[start..i];
        let zeros = run
            .iter()
            .take_while(|e| e.p == DIGIT_BASE)
            .count()
            .min(run.len() - 1);
        let sig = &run[zeros..];
        out.push(Elem {
            p: NUMBER_BASE + sig.len() as u32,
            s: COMMON,
            t: zeros.min(255) as u8,
            punct: false,
        });
        out.extend_from_slice(sig);
    }
    out
}

/// Compares two strings with the collator's settings.
pub fn compare(a: &str, b: &str, o: &CollatorOpts) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (ea, eb) = (elements(a, o), elements(b, o));
    let prim = |e: &[Elem]| {
        e.iter()
            .filter(|x| x.p != 0)
            .map(|x| x.p)
            .collect::<Vec<_>>()
    };
    let r = prim(&ea).cmp(&prim(&eb));
    if r != Ordering::Equal || o.sensitivity == Sensitivity::Base {
        return r;
    }
    if o.sensitivity != Sensitivity::Case {
        let sec = |e: &[Elem]| {
            e.iter()
                .map(|x| x.s)
                .filter(|s| *s != 0)
                .collect::<Vec<_>>()
        };
        let r = sec(&ea).cmp(&sec(&eb));
        if r != Ordering::Equal || o.sensitivity == Sensitivity::Accent {
            return r;
        }
    }
    let ter = |e: &[Elem]| {
        e.iter()
            .filter(|x| x.p != 0)
            .map(|x| {
                if o.sensitivity == Sensitivity::Case {
                    x.t & 2
                } else {
                    x.t
                }
            })
            .collect::<Vec<_>>()
    };
    ter(&ea).cmp(&ter(&eb))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str], o: &CollatorOpts) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b, o));
        v
    }

    #[test]
    fn root_order_like_icu() {
        let o = CollatorOpts::default();
        assert_eq!(
            sorted(&["résumé", "resume", "Resume", "rèsume"], &o),
            ["resume", "Resume", "résumé", "rèsume"]
        );
        assert_eq!(
            sorted(
                &["b", "a", "C", "ä", "A", "á", "Z", "_a", "-a", "1a", "10", "9"],
                &o
            ),
            ["_a", "-a", "10", "1a", "9", "a", "A", "á", "ä", "b", "C", "Z"]
        );
        assert_eq!(sorted(&["ß", "ss", "st"], &o), ["ss", "ß", "st"]);
        let n = CollatorOpts {
            numeric: true,
            ..CollatorOpts::default()
        };
        assert_eq!(
            sorted(&["item10", "item2", "item1"], &n),
            ["item1", "item2", "item10"]
        );
    }
}
