//! The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`,
//! `str.format`): fill, align, sign, `z`, `#`, `0`, width, grouping, precision and type
//! for ints, floats and strings, with CPython's error messages.

use super::float;
use num_bigint::BigInt;
use num_traits::Signed;

#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a spec; `Err` carries the ValueError message.
pub fn parse(s: &str) -> Result<Spec, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alternate = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        sp.width = c[start..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        sp.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && matches!(c[i], ',' | '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let ps = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == ps {
            return Err("Format specifier missing precision".into());
        }
        sp.precision = c[ps..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

/// Pads `body` (with its sign and prefix already split off) to the spec's width.
fn pad(
    sign: &str,
    prefix: &str,
    body: &str,
    sp: &Spec,
    default_align: char,
    numeric: bool,
) -> String {
    let width = sp.width.unwrap_or(0);
    let len = sign.chars().count() + prefix.chars().count() + body.chars().count();
    let (fill, align) = if sp.zero && sp.align.is_none() && numeric {
        (sp.fill.unwrap_or('0'), '=')
    } else {
        (
            sp.fill.unwrap_or(if sp.zero { '0' } else { ' ' }),
            sp.align.unwrap_or(default_align),
        )
    };
    if len >= width {
        return format!("{sign}{prefix}{body}");
    }
    let n = width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{prefix}{body}{}", f(n)),
        '^' => format!("{}{sign}{prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{prefix}{}{body}", f(n)),
        _ => format!("{}{sign}{prefix}{body}", f(n)),
    }
}

/// Inserts a grouping separator every `every` digits of an integer digit string.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Grouping with `0`-padding: CPython pads the digits with zeros (and separators)
/// before grouping when `0` is used without an alignment.
fn group_padded(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut d = digits.to_string();
    loop {
        let g = group(&d, sep, every);
        if g.chars().count() >= min_width {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Formats an int.
pub fn format_int(v: &BigInt, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = num_traits::ToPrimitive::to_f64(v)
                .ok_or_else(|| "int too large to convert to float".to_string())?;
            return format_float(f, sp);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        other => {
            return Err(format!(
                "Unknown format code '{other}' for object of type 'int'"
            ))
        }
    }
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        let cp = num_traits::ToPrimitive::to_u32(v)
            .and_then(char::from_u32)
            .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
        return Ok(pad("", "", &cp.to_string(), sp, '>', true));
    }
    let neg = v.is_negative();
    let a = v.abs();
    let (digits, prefix, every) = match ty {
        'b' => (a.to_str_radix(2), "0b", 4),
        'o' => (a.to_str_radix(8), "0o", 4),
        'x' => (a.to_str_radix(16), "0x", 4),
        'X' => (a.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (a.to_string(), "", 3),
    };
    if let Some(g) = sp.grouping {
        if g == ',' && !matches!(ty, 'd') {
            return Err(format!("Cannot specify ',' with '{ty}'."));
        }
    }
    let prefix = if sp.alternate { prefix } else { "" };
    let sign = sign_str(neg, sp);
    let body = match sp.grouping {
        Some(g) => {
            if sp.zero && sp.align.is_none() {
                let w = sp
                    .width
                    .unwrap_or(0)
                    .saturating_sub(sign.len() + prefix.len());
                group_padded(&digits, g, every, w)
            } else {
                group(&digits, g, every)
            }
        }
        None => digits,
    };
    Ok(pad(sign, prefix, &body, sp, '>', true))
}

/// Formats a float.
pub fn format_float(f: f64, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty;
    let kind = match ty {
        None => {
            if sp.precision.is_some() {
                '\0'
            } else {
                'r'
            }
        }
        Some('n') => 'g',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => c,
        Some(other) => {
            return Err(format!(
                "Unknown format code '{other}' for object of type 'float'"
            ))
        }
    };
    if let Some(g) = sp.grouping {
        if ty == Some('n') {
            return Err(format!("Cannot specify '{g}' with 'n'."));
        }
    }
    let mut neg = f.is_sign_negative() && !f.is_nan();
    let mut body = float::format_abs(f, kind, sp.precision, sp.alternate);
    if sp.z && neg && body.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        neg = false;
    }
    if let Some(g) = sp.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        let sign = sign_str(neg, sp);
        let grouped = if sp.zero && sp.align.is_none() {
            let w = sp
                .width
                .unwrap_or(0)
                .saturating_sub(sign.len() + rest.chars().count());
            group_padded(&int_part, g, 3, w)
        } else {
            group(&int_part, g, 3)
        };
        body = format!("{grouped}{rest}");
    }
    let sign = sign_str(neg, sp);
    Ok(pad(sign, "", &body, sp, '>', true))
}

/// Formats a string.
pub fn format_str(s: &str, sp: &Spec) -> Result<String, String> {
    match sp.ty {
        None | Some('s') => {}
        Some(other) => {
            return Err(format!(
                "Unknown format code '{other}' for object of type 'str'"
            ))
        }
    }
    if sp.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if sp.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if sp.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if let Some(g) = sp.grouping {
        return Err(format!("Cannot specify '{g}' with 's'."));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad("", "", &body, sp, '<', false))
}

/// Formats a complex number (`format(1+2j, spec)`), sign handled per part.
pub fn format_complex(re: f64, im: f64, sp: &Spec) -> Result<String, String> {
    let inner = Spec {
        width: None,
        fill: None,
        align: None,
        zero: false,
        ..sp.clone()
    };
    let body = if sp.ty.is_none() && sp.precision.is_none() {
        super::repr::complex_repr(re, im)
    } else {
        let r = format_float(re, &inner)?;
        let mut i_spec = inner.clone();
        i_spec.sign = Some('+');
        let i = format_float(im, &i_spec)?;
        format!("{r}{i}j")
    };
    Ok(pad("", "", &body, sp, '>', false))
}
