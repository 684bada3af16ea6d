//! Float to text exactly as CPython's `PyOS_double_to_string`: `repr` (shortest
//! round-tripping digits, exponent outside 1e-4 ≤ |x| < 1e16), and the `e` / `f` / `g`
//! / `%` presentations with precision, `#` and the add-`.0` rule of the empty type.

/// Digits and decimal-point position: value = 0.DIGITS × 10^decpt.
fn shortest(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    (digits, exp + 1)
}

/// `ndigits` significant digits, correctly rounded.
fn rounded(f: f64, ndigits: usize) -> (String, i32) {
    let s = format!("{:.*e}", ndigits.saturating_sub(1), f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

fn exp_str(e: i32) -> String {
    if e < 0 {
        format!("e-{:02}", -e)
    } else {
        format!("e+{:02}", e)
    }
}

/// Places digits with the decimal point at `decpt` (fixed notation).
fn fixed_from_digits(digits: &str, decpt: i32, min_frac: usize) -> String {
    let mut out = String::new();
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(digits);
        for _ in 0..(decpt as usize - digits.len()) {
            out.push('0');
        }
        if min_frac > 0 {
            out.push('.');
            for _ in 0..min_frac {
                out.push('0');
            }
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

fn exp_from_digits(digits: &str, decpt: i32, keep_point: bool) -> String {
    let mut out = String::new();
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if keep_point {
        out.push('.');
    }
    out.push_str(&exp_str(decpt - 1));
    out
}

fn special(f: f64, upper: bool) -> Option<String> {
    if f.is_nan() {
        return Some(if upper { "NAN" } else { "nan" }.to_string());
    }
    if f.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return Some(if f < 0.0 {
            format!("-{s}")
        } else {
            s.to_string()
        });
    }
    None
}

/// `repr(f)`.
pub fn repr(f: f64) -> String {
    if let Some(s) = special(f, false) {
        return s;
    }
    let neg = f.is_sign_negative();
    let body = if f == 0.0 {
        "0.0".to_string()
    } else {
        let (d, decpt) = shortest(f);
        if decpt > -4 && decpt <= 16 {
            fixed_from_digits(&d, decpt, 1)
        } else {
            exp_from_digits(&d, decpt, false)
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// A formatted float without sign (the caller adds sign and padding).
/// `kind`: 'e', 'E', 'f', 'F', 'g', 'G', '%', 'r' (repr), or '\0' (empty type with a
/// precision: `g` with at least one digit after the point).
pub fn format_abs(f: f64, kind: char, precision: Option<usize>, alternate: bool) -> String {
    let upper = matches!(kind, 'E' | 'F' | 'G');
    if let Some(s) = special(f.abs(), upper) {
        return s;
    }
    let a = f.abs();
    match kind {
        'r' => {
            let r = repr(a);
            r.trim_start_matches('-').to_string()
        }
        'f' | 'F' | '%' => {
            let p = precision.unwrap_or(6);
            let v = if kind == '%' { a * 100.0 } else { a };
            let mut s = format!("{:.*}", p, v);
            if alternate && p == 0 {
                s.push('.');
            }
            if kind == '%' {
                s.push('%');
            }
            s
        }
        'e' | 'E' => {
            let p = precision.unwrap_or(6);
            let (d, decpt) = rounded(a, p + 1);
            let d = if a == 0.0 { "0".repeat(p + 1) } else { d };
            let decpt = if a == 0.0 { 1 } else { decpt };
            let mut s = String::new();
            s.push_str(&d[..1]);
            if p > 0 || alternate {
                s.push('.');
                s.push_str(&d[1..]);
            }
            s.push_str(&exp_str(decpt - 1));
            if upper {
                s = s.to_uppercase();
            }
            s
        }
        _ => {
            // 'g', 'G', '\0'
            let add_dot_0 = kind == '\0';
            let p = match precision {
                Some(0) => 1,
                Some(p) => p,
                None => 6,
            };
            if a == 0.0 {
                let mut s = "0".to_string();
                if alternate {
                    s.push('.');
                    s.push_str(&"0".repeat(p.saturating_sub(1)));
                } else if add_dot_0 {
                    s.push_str(".0");
                }
                return s;
            }
            let (mut d, decpt) = rounded(a, p);
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            let use_exp = decpt <= -4 || decpt > limit;
            if !alternate {
                let trimmed = d.trim_end_matches('0');
                d = if trimmed.is_empty() {
                    "0".to_string()
                } else {
                    trimmed.to_string()
                };
            }
            let mut s = if use_exp {
                exp_from_digits(&d, decpt, alternate)
            } else {
                let min_frac = if alternate {
                    (p as i32 - decpt).max(0) as usize
                } else if add_dot_0 {
                    1
                } else {
                    0
                };
                let mut s = fixed_from_digits(&d, decpt, min_frac);
                if alternate && !s.contains('.') {
                    s.push('.');
                }
                if alternate {
                    let digits_now = s.chars().filter(|c| c.is_ascii_digit()).count();
                    let lead_zeros = if decpt <= 0 { 1 + (-decpt) as usize } else { 0 };
                    let sig = digits_now.saturating_sub(lead_zeros);
                    for _ in sig..p {
                        s.push('0');
                    }
                }
                s
            };
            if upper {
                s = s.to_uppercase();
            }
            s
        }
    }
}
