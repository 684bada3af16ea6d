//! Character properties as CPython 3.11's `unicodedata` defines them, for the `str`
//! predicates, title-casing, `repr`'s printable test and the `unicodedata` module.

use super::unicode_tables::{CATEGORY, CATEGORY_NAMES, DIGIT, NUMERIC, TITLE};

/// The two-letter general category of `c` (`unicodedata.category`).
pub fn category(c: char) -> &'static str {
    let v = c as u32;
    let i = CATEGORY.partition_point(|&(start, _)| start <= v) - 1;
    CATEGORY_NAMES[CATEGORY[i].1 as usize]
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let v = c as u32;
    let i = table.partition_point(|&(start, _)| start <= v);
    i > 0 && v <= table[i - 1].1
}

/// `str.isdecimal` for one character: category Nd.
pub fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && category(c) == "Nd")
}

/// `str.isdigit` for one character: a decimal digit or another digit (superscripts,
/// circled digits).
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(DIGIT, c)
}

/// `str.isnumeric` for one character: a numeric category or a CJK numeral.
pub fn is_numeric(c: char) -> bool {
    category(c).starts_with('N') || in_ranges(NUMERIC, c)
}

/// `str.isalpha` for one character: a letter category (Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && category(c).starts_with('L'))
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isprintable` for one character: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, and not a
/// space separator other than ' '.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        category(c),
        "Cc" | "Cf" | "Cs" | "Co" | "Cn" | "Zl" | "Zp" | "Zs"
    )
}

/// True for a title-case letter (category Lt, e.g. 'ǅ').
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && category(c) == "Lt"
}

/// True for a cased letter: upper, lower or title case.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Appends the title-case mapping of `c` (which differs from its upper case for
/// digraphs such as 'ǉ' → 'ǈ' and for 'ß' → 'Ss').
pub fn push_title(c: char, out: &mut String) {
    match TITLE.binary_search_by_key(&(c as u32), |&(v, _)| v) {
        Ok(i) => out.push_str(TITLE[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}
