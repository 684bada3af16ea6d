//! `Intl.NumberFormat` (and `Number`/`BigInt.prototype.toLocaleString`): the
//! number is rounded on its shortest decimal representation (as ICU does, so
//! `1.005` rounds to `1.01`) by fraction or significant digits with the rounding
//! mode, then grouped and placed in the locale's decimal, percent, currency, unit,
//! compact or scientific pattern, with the sign display asked for.

use super::locale::{number_locale, NumberLocale};
use super::{intl_of, opt_int, opt_str, options_arg, resolve_locale, IntlData, IntlObj};
use crate::heap::NativeCall;
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// Resolved NumberFormat options.
#[derive(Debug, Clone)]
pub struct NumberOpts {
    pub locale: String,
    pub style: &'static str,
    pub currency: Option<String>,
    pub currency_display: &'static str,
    pub currency_sign: &'static str,
    pub unit: Option<String>,
    pub unit_display: &'static str,
    pub notation: &'static str,
    pub compact_display: &'static str,
    pub use_grouping: &'static str,
    pub sign_display: &'static str,
    pub min_int: u32,
    pub min_frac: u32,
    pub max_frac: u32,
    pub min_sig: Option<u32>,
    pub max_sig: Option<u32>,
    /// Compact notation's default rounding (2 significant digits or whole).
    pub compact_rounding: bool,
    pub rounding_mode: &'static str,
    pub strip_if_integer: bool,
}

/// The units `style: 'unit'` accepts.
fn is_unit(u: &str) -> bool {
    super::locale::NUMBER_LOCALES[0]
        .units
        .iter()
        .any(|(x, _)| *x == u)
}

/// ISO 4217 minor units (2 unless listed).
fn currency_digits(code: &str) -> u32 {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "PYG" | "XAF" | "XOF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "IQD" | "LYD" => 3,
        _ => 2,
    }
}

/// A non-negative decimal: `digits` with the decimal point after `point` digits.
#[derive(Debug, Clone)]
struct Decimal {
    digits: Vec<u8>,
    point: i32,
}

impl Decimal {
    /// The shortest decimal that round-trips to `x` (finite, non-negative).
    fn of(x: f64) -> Decimal {
        if x == 0.0 {
            return Decimal {
                digits: vec![],
                point: 1,
            };
        }
        let s = format!("{x:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mant
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let mut d = Decimal {
            digits,
            point: exp + 1,
        };
        d.trim();
        d
    }

    /// From integer digits (BigInt).
    fn of_digits(s: &str) -> Decimal {
        let digits: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        let mut d = Decimal {
            point: digits.len() as i32,
            digits,
        };
        d.trim();
        d
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        while self.digits.first() == Some(&0) {
            self.digits.remove(0);
            self.point -= 1;
        }
        if self.digits.is_empty() {
            self.point = 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// The exponent of the leading digit (`floor(log10)`).
    fn magnitude(&self) -> i32 {
        self.point - 1
    }

    /// Rounds to keep the digits before position `keep` (digits counted from the
    /// first digit; may be <= 0); `neg` matters for directed modes.
    fn round_at(&mut self, keep: i32, mode: &str, neg: bool) {
        if keep >= self.digits.len() as i32 {
            return;
        }
        let (kept, dropped): (Vec<u8>, Vec<u8>) = if keep <= 0 {
            (
                Vec::new(),
                std::iter::repeat_n(0u8, (-keep) as usize)
                    .chain(self.digits.iter().copied())
                    .collect(),
            )
        } else {
            (
                self.digits[..keep as usize].to_vec(),
                self.digits[keep as usize..].to_vec(),
            )
        };
        let first = dropped.first().copied().unwrap_or(0);
        let rest_nonzero = dropped.iter().skip(1).any(|d| *d != 0);
        let any = first != 0 || rest_nonzero;
        let last_odd = kept.last().is_some_and(|d| d % 2 == 1);
        let half_up = first > 5 || (first == 5 && rest_nonzero);
        let exact_half = first == 5 && !rest_nonzero;
        let up = match mode {
            "ceil" => any && !neg,
            "floor" => any && neg,
            "expand" => any,
            "trunc" => false,
            "halfCeil" => half_up || (exact_half && !neg),
            "halfFloor" => half_up || (exact_half && neg),
            "halfTrunc" => half_up,
            "halfEven" => half_up || (exact_half && last_odd),
            _ => first >= 5,
        };
        let mut kept = kept;
        let mut point = self.point;
        if keep <= 0 {
            point = self.point - keep;
            kept = Vec::new();
        }
        if up {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, 1);
                    point += 1;
                    break;
                }
                i -= 1;
                if kept[i] == 9 {
                    kept[i] = 0;
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
        self.digits = kept;
        self.point = point;
        self.trim();
    }

    fn round_fraction(&mut self, max_frac: u32, mode: &str, neg: bool) {
        let keep = self.point + max_frac as i32;
        self.round_at(keep, mode, neg);
    }

    fn round_significant(&mut self, max_sig: u32, mode: &str, neg: bool) {
        self.round_at(max_sig as i32, mode, neg);
    }

    /// (integer digits, fraction digits) as strings.
    fn split(&self) -> (String, String) {
        let mut int = String::new();
        let mut frac = String::new();
        if self.point <= 0 {
            int.push('0');
            frac.extend(std::iter::repeat_n('0', (-self.point) as usize));
            frac.extend(self.digits.iter().map(|d| (b'0' + d) as char));
        } else {
            for i in 0..self.point as usize {
                int.push((b'0' + self.digits.get(i).copied().unwrap_or(0)) as char);
            }
            frac.extend(
                self.digits
                    .iter()
                    .skip(self.point as usize)
                    .map(|d| (b'0' + d) as char),
            );
        }
        (int, frac)
    }

    fn shift(&mut self, by: i32) {
        if !self.is_zero() {
            self.point += by;
        }
    }
}

/// One piece of a formatted number.
pub type Part = (&'static str, String);

fn group(int: &str, loc: &NumberLocale, use_grouping: &str) -> Vec<Part> {
    let min = match use_grouping {
        "false" => return vec![("integer", int.to_string())],
        "always" => 1,
        "min2" => 2,
        _ => loc.min_grouping as usize,
    };
    if int.len() < 4 + (min - 1) {
        return vec![("integer", int.to_string())];
    }
    let mut groups: Vec<&str> = Vec::new();
    let mut end = int.len();
    let mut size = 3;
    while end > size {
        groups.push(&int[end - size..end]);
        end -= size;
        if loc.indian_grouping {
            size = 2;
        }
    }
    groups.push(&int[..end]);
    groups.reverse();
    let mut out = Vec::with_capacity(groups.len() * 2);
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push(("group", loc.group.to_string()));
        }
        out.push(("integer", g.to_string()));
    }
    out
}

/// The number's parts (integer, group, decimal, fraction).
fn number_parts(d: &Decimal, o: &NumberOpts, loc: &NumberLocale) -> Vec<Part> {
    let (mut int, mut frac) = d.split();
    while (int.len() as u32) < o.min_int {
        int.insert(0, '0');
    }
    // Significant-digit rounding pads to the minimum significant digits.
    let min_frac = match (o.min_sig, o.max_sig) {
        (Some(ms), Some(_)) => {
            let ms = ms as i32;
            let need = if d.is_zero() { ms - 1 } else { ms - d.point };
            need.max(0) as usize
        }
        _ => o.min_frac as usize,
    };
    let strip = o.strip_if_integer && frac.chars().all(|c| c == '0');
    while frac.len() < min_frac && !strip {
        frac.push('0');
    }
    if strip {
        frac.clear();
    }
    let mut parts = group(&int, loc, o.use_grouping);
    if !frac.is_empty() {
        parts.push(("decimal", loc.decimal.to_string()));
        parts.push(("fraction", frac));
    }
    parts
}

/// Rounds `d` as the options say (fraction digits, significant digits, or compact's
/// "more precision" of both).
fn round(d: &mut Decimal, o: &NumberOpts, neg: bool) {
    if o.compact_rounding {
        let mut a = d.clone();
        a.round_fraction(0, o.rounding_mode, neg);
        let mut b = d.clone();
        b.round_significant(2, o.rounding_mode, neg);
        // "morePrecision": the significant result rounds at a lower digit below 10.
        *d = if d.magnitude() < 1 { b } else { a };
        return;
    }
    match o.max_sig {
        Some(s) => d.round_significant(s, o.rounding_mode, neg),
        None => d.round_fraction(o.max_frac, o.rounding_mode, neg),
    }
}

fn sign_part(o: &NumberOpts, loc: &NumberLocale, neg: bool, zero: bool) -> Option<Part> {
    match (o.sign_display, neg, zero) {
        ("never", ..) => None,
        ("always", true, _) | ("auto", true, _) | ("exceptZero", true, false) => {
            Some(("minusSign", loc.minus.to_string()))
        }
        ("negative", true, false) => Some(("minusSign", loc.minus.to_string())),
        ("always", false, _) | ("exceptZero", false, false) => Some(("plusSign", "+".into())),
        _ => None,
    }
}

/// True when the formatted number is in the locale's plural category "one".
fn is_one(parts: &[Part], locale: &str) -> bool {
    let mut int = String::new();
    let mut frac = String::new();
    for (t, v) in parts {
        match *t {
            "integer" => int.push_str(v),
            "fraction" => frac.push_str(v),
            _ => {}
        }
    }
    // Visible fraction digits count, as CLDR's `v` operand does.
    if !frac.is_empty() && frac.chars().any(|c| c != '0') {
        let n: f64 = format!("{int}.{frac}").parse().unwrap_or(0.0);
        return super::misc::plural_category(locale, n, false) == "one";
    }
    if !frac.is_empty() {
        let lang = locale.split('-').next().unwrap_or("");
        return matches!(lang, "fr" | "pt") && int.parse::<u64>().is_ok_and(|i| i <= 1);
    }
    let n: f64 = int.parse().unwrap_or(0.0);
    super::misc::plural_category(locale, n, false) == "one"
}

fn is_symbol_char(c: char) -> bool {
    matches!(
        c,
        '$' | '¢'
            | '£'
            | '¤'
            | '¥'
            | '€'
            | '₹'
            | '₩'
            | '₽'
            | '₪'
            | '₫'
            | '￥'
            | '＄'
            | '₺'
            | '฿'
    )
}

/// Places `num` (with its sign) into a pattern of `#`, `¤`, `%`, `-`.
fn apply_pattern(
    pattern: &str,
    num: Vec<Part>,
    sign: Option<Part>,
    currency: Option<&str>,
) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut sign = sign;
    let has_minus = pattern.contains('-');
    let mut num = Some(num);
    let mut literal = String::new();
    let flush = |lit: &mut String, out: &mut Vec<Part>| {
        if !lit.is_empty() {
            out.push(("literal", std::mem::take(lit)));
        }
    };
    for (i, c) in chars.iter().enumerate() {
        match c {
            '#' => {
                flush(&mut literal, &mut out);
                if !has_minus {
                    if let Some(s) = sign.take() {
                        out.push(s);
                    }
                }
                // Currency spacing: a letter-like symbol next to the digits gets a
                // no-break space.
                if i > 0 && chars[i - 1] == '¤' {
                    if let Some(cur) = currency {
                        if cur.chars().last().is_some_and(|ch| !is_symbol_char(ch)) {
                            out.push(("literal", "\u{a0}".into()));
                        }
                    }
                }
                out.extend(num.take().unwrap_or_default());
                if chars.get(i + 1) == Some(&'¤') {
                    if let Some(cur) = currency {
                        if cur.chars().next().is_some_and(|ch| !is_symbol_char(ch)) {
                            out.push(("literal", "\u{a0}".into()));
                        }
                    }
                }
            }
            '¤' => {
                flush(&mut literal, &mut out);
                out.push(("currency", currency.unwrap_or("").to_string()));
            }
            '%' => {
                flush(&mut literal, &mut out);
                out.push(("percentSign", "%".into()));
            }
            '-' => {
                flush(&mut literal, &mut out);
                if let Some(s) = sign.take() {
                    out.push(s);
                }
            }
            c => literal.push(*c),
        }
    }
    flush(&mut literal, &mut out);
    out
}

/// Formats a number (or BigInt digits) into parts.
pub fn format_parts(o: &NumberOpts, x: NumberValue) -> Vec<Part> {
    let loc = number_locale(&o.locale);
    let (neg, d) = match x {
        NumberValue::Float(f) => {
            if f.is_nan() {
                let parts = vec![("nan", "NaN".to_string())];
                return wrap(o, loc, parts, None, false, true);
            }
            let neg = f.is_sign_negative();
            if f.is_infinite() {
                let sign = sign_part(o, loc, neg, false);
                return wrap(o, loc, vec![("infinity", "∞".into())], sign, neg, false);
            }
            (neg, Decimal::of(f.abs()))
        }
        NumberValue::Big(neg, digits) => (neg, Decimal::of_digits(&digits)),
    };
    let mut d = d;
    if o.style == "percent" {
        d.shift(2);
    }
    let mut compact: Option<String> = None;
    let mut exponent: Option<i32> = None;
    match o.notation {
        "compact" => {
            round(&mut d, o, neg);
            let e = d.magnitude();
            if e >= 3 && !d.is_zero() {
                let e = e.min(14);
                if let Some((_, short, long)) = loc.compact.iter().find(|(p, _, _)| *p as i32 == e)
                {
                    let pat = if o.compact_display == "long" {
                        long
                    } else {
                        short
                    };
                    let lead = pat.chars().take_while(|c| c.is_ascii_digit()).count() as i32;
                    let suffix: String = pat.chars().skip_while(|c| c.is_ascii_digit()).collect();
                    // A locale without a compact form for this size writes the digits.
                    if !suffix.is_empty() && !suffix.chars().any(|c| c.is_ascii_digit()) {
                        let div = e - (lead - 1);
                        let mut scaled = Decimal::of(x_abs(&d) / 10f64.powi(div));
                        round(&mut scaled, o, neg);
                        d = scaled;
                        compact = Some(suffix);
                    }
                }
            }
        }
        "scientific" | "engineering" if d.is_zero() => {
            round(&mut d, o, neg);
            exponent = Some(0);
        }
        "scientific" | "engineering" => {
            let mut e = d.magnitude();
            if o.notation == "engineering" {
                e -= e.rem_euclid(3);
            }
            d.point -= e;
            round(&mut d, o, neg);
            if d.magnitude() >= if o.notation == "engineering" { 3 } else { 1 } {
                let step = if o.notation == "engineering" { 3 } else { 1 };
                d.point -= step;
                e += step;
            }
            exponent = Some(e);
        }
        _ => round(&mut d, o, neg),
    }
    let zero = d.is_zero();
    let mut parts = number_parts(&d, o, loc);
    if let Some(e) = exponent {
        parts.push(("exponentSeparator", "E".into()));
        if e < 0 {
            parts.push(("exponentMinusSign", loc.minus.to_string()));
        }
        parts.push(("exponentInteger", e.abs().to_string()));
    }
    if let Some(suffix) = compact {
        let word = suffix.trim_start();
        if word.len() != suffix.len() {
            parts.push(("literal", suffix[..suffix.len() - word.len()].to_string()));
        }
        parts.push(("compact", word.to_string()));
    }
    let neg = neg && !(o.sign_display == "negative" && zero);
    let sign = sign_part(o, loc, neg, zero);
    wrap(o, loc, parts, sign, neg, zero)
}

fn x_abs(d: &Decimal) -> f64 {
    let (int, frac) = d.split();
    format!("{int}.{frac}0").parse().unwrap_or(0.0)
}

/// Wraps the number parts in the style's pattern.
fn wrap(
    o: &NumberOpts,
    loc: &NumberLocale,
    num: Vec<Part>,
    sign: Option<Part>,
    neg: bool,
    zero: bool,
) -> Vec<Part> {
    let _ = zero;
    match o.style {
        "percent" => apply_pattern(loc.percent, num, sign, None),
        "currency" => {
            let code = o.currency.clone().unwrap_or_default();
            if o.currency_display == "name" {
                let one = is_one(&num, &o.locale);
                let pat = loc
                    .currency_names
                    .iter()
                    .find(|(c, _, _)| *c == code)
                    .map(|(_, s, p)| if one { s.to_string() } else { p.to_string() })
                    .unwrap_or_else(|| format!("# {code}"));
                return name_pattern(&pat, "currency", num, sign);
            }
            let symbol = match o.currency_display {
                "code" => code.clone(),
                d => loc
                    .symbols
                    .iter()
                    .find(|(c, _, _)| *c == code)
                    .map(|(_, s, n)| if d == "narrowSymbol" { *n } else { *s })
                    .unwrap_or(code.as_str())
                    .to_string(),
            };
            let pattern =
                if neg && sign.is_some() && sign.as_ref().is_some_and(|s| s.0 == "minusSign") {
                    if o.currency_sign == "accounting" {
                        let p = loc.accounting_negative;
                        let sign = (!p.contains('(')).then_some(sign).flatten();
                        return apply_pattern(p, num, sign, Some(&symbol));
                    }
                    loc.currency_negative
                } else {
                    loc.currency
                };
            apply_pattern(pattern, num, sign, Some(&symbol))
        }
        "unit" => {
            let unit = o.unit.clone().unwrap_or_default();
            let one = is_one(&num, &o.locale);
            let idx = match o.unit_display {
                "long" => 2,
                "narrow" => 4,
                _ => 0,
            } + usize::from(!one);
            let pat = loc
                .units
                .iter()
                .find(|(u, _)| *u == unit)
                .map(|(_, p)| p[idx].to_string())
                .unwrap_or_else(|| format!("# {unit}"));
            name_pattern(&pat, "unit", num, sign)
        }
        _ => {
            let mut out: Vec<Part> = sign.into_iter().collect();
            out.extend(num);
            out
        }
    }
}

/// Places the number into a `#` pattern whose words are of part type `kind`
/// (spaces next to the number are literals).
fn name_pattern(pat: &str, kind: &'static str, num: Vec<Part>, sign: Option<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let (pre, post) = pat.split_once('#').unwrap_or(("", pat));
    let pre_word = pre.trim_end();
    if !pre_word.is_empty() {
        out.push((kind, pre_word.to_string()));
    }
    if pre.len() > pre_word.len() {
        out.push(("literal", pre[pre_word.len()..].to_string()));
    }
    out.extend(sign);
    out.extend(num);
    let lit: String = post.chars().take_while(|c| c.is_whitespace()).collect();
    if !lit.is_empty() {
        out.push(("literal", lit.clone()));
    }
    let rest = &post[lit.len()..];
    if !rest.is_empty() {
        out.push((kind, rest.to_string()));
    }
    out
}

/// A number to format: a float, or a BigInt's sign and decimal digits.
pub enum NumberValue {
    Float(f64),
    Big(bool, String),
}

pub fn format(o: &NumberOpts, x: NumberValue) -> String {
    format_parts(o, x).into_iter().map(|(_, s)| s).collect()
}

/// Resolves NumberFormat options (ECMA-402 InitializeNumberFormat).
pub fn number_opts(vm: &mut Vm, locales: &Value, options: &Value) -> Res<NumberOpts> {
    let options = options_arg(vm, options)?;
    let locale = resolve_locale(vm, locales)?;
    let style = opt_str(
        vm,
        &options,
        "style",
        &["decimal", "percent", "currency", "unit"],
        Some("decimal"),
    )?
    .unwrap_or("decimal");
    let currency = match opt_any(vm, &options, "currency")? {
        Some(c) => {
            if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
                return Err(vm.range_error(&format!("Invalid currency code : {c}")));
            }
            Some(c.to_ascii_uppercase())
        }
        None => None,
    };
    let currency_display = opt_str(
        vm,
        &options,
        "currencyDisplay",
        &["code", "symbol", "narrowSymbol", "name"],
        Some("symbol"),
    )?
    .unwrap_or("symbol");
    let currency_sign = opt_str(
        vm,
        &options,
        "currencySign",
        &["standard", "accounting"],
        Some("standard"),
    )?
    .unwrap_or("standard");
    let unit = opt_any(vm, &options, "unit")?;
    let unit_display = opt_str(
        vm,
        &options,
        "unitDisplay",
        &["short", "narrow", "long"],
        Some("short"),
    )?
    .unwrap_or("short");
    if style == "currency" && currency.is_none() {
        return Err(vm.type_error("Currency code is required with currency style."));
    }
    if style == "unit" {
        match &unit {
            None => return Err(vm.type_error("Unit is required with unit style.")),
            Some(u) if !is_unit(u) => {
                return Err(vm.range_error(&format!(
                    "Invalid unit argument for Intl.NumberFormat() '{u}'"
                )))
            }
            _ => {}
        }
    }
    let notation = opt_str(
        vm,
        &options,
        "notation",
        &["standard", "scientific", "engineering", "compact"],
        Some("standard"),
    )?
    .unwrap_or("standard");
    let (def_min, def_max) = match style {
        "currency" if notation == "standard" => {
            let d = currency_digits(currency.as_deref().unwrap_or(""));
            (d, d)
        }
        "percent" => (0, 0),
        _ => (0, 3),
    };
    let min_int = opt_int(vm, &options, "minimumIntegerDigits", 1.0, 21.0)?.unwrap_or(1);
    let min_frac_opt = opt_int(vm, &options, "minimumFractionDigits", 0.0, 100.0)?;
    let max_frac_opt = opt_int(vm, &options, "maximumFractionDigits", 0.0, 100.0)?;
    let min_sig = opt_int(vm, &options, "minimumSignificantDigits", 1.0, 21.0)?;
    let max_sig_opt = opt_int(vm, &options, "maximumSignificantDigits", 1.0, 21.0)?;
    let (min_frac, max_frac) = match (min_frac_opt, max_frac_opt) {
        (Some(a), Some(b)) => {
            if a > b {
                return Err(vm.range_error("maximumFractionDigits value is out of range."));
            }
            (a, b)
        }
        (Some(a), None) => (a, def_max.max(a)),
        (None, Some(b)) => (def_min.min(b), b),
        (None, None) => (def_min, def_max),
    };
    let max_sig = match (min_sig, max_sig_opt) {
        (Some(a), None) => Some(21.max(a)),
        (_, b) => b,
    };
    let compact_rounding = notation == "compact"
        && min_frac_opt.is_none()
        && max_frac_opt.is_none()
        && min_sig.is_none()
        && max_sig_opt.is_none();
    let compact_display = opt_str(
        vm,
        &options,
        "compactDisplay",
        &["short", "long"],
        Some("short"),
    )?
    .unwrap_or("short");
    let use_grouping = if matches!(options, Value::Obj(_)) {
        match vm.get(&options, &PropKey::s("useGrouping"))? {
            Value::Undefined => {
                if notation == "compact" {
                    "min2"
                } else {
                    "auto"
                }
            }
            Value::Bool(true) => "always",
            Value::Bool(false) | Value::Null => "false",
            v => {
                let s = vm.to_string(&v)?;
                match &*s {
                    "always" => "always",
                    "auto" => "auto",
                    "min2" => "min2",
                    "true" | "false" => "auto",
                    _ => {
                        return Err(vm.range_error(&format!(
                        "Value {s} out of range for Intl.NumberFormat options property useGrouping"
                    )))
                    }
                }
            }
        }
    } else {
        "auto"
    };
    let sign_display = opt_str(
        vm,
        &options,
        "signDisplay",
        &["auto", "never", "always", "exceptZero", "negative"],
        Some("auto"),
    )?
    .unwrap_or("auto");
    let rounding_mode = opt_str(
        vm,
        &options,
        "roundingMode",
        &[
            "ceil",
            "floor",
            "expand",
            "trunc",
            "halfCeil",
            "halfFloor",
            "halfExpand",
            "halfTrunc",
            "halfEven",
        ],
        Some("halfExpand"),
    )?
    .unwrap_or("halfExpand");
    let strip_if_integer = opt_str(
        vm,
        &options,
        "trailingZeroDisplay",
        &["auto", "stripIfInteger"],
        Some("auto"),
    )? == Some("stripIfInteger");
    Ok(NumberOpts {
        locale,
        style,
        currency,
        currency_display,
        currency_sign,
        unit,
        unit_display,
        notation,
        compact_display,
        use_grouping,
        sign_display,
        min_int,
        min_frac,
        max_frac,
        min_sig: min_sig.or(max_sig_opt.map(|_| 1)),
        max_sig,
        compact_rounding,
        rounding_mode,
        strip_if_integer,
    })
}

fn opt_any(vm: &mut Vm, options: &Value, name: &str) -> Res<Option<String>> {
    if !matches!(options, Value::Obj(_)) {
        return Ok(None);
    }
    match vm.get(options, &PropKey::s(name))? {
        Value::Undefined => Ok(None),
        v => Ok(Some(vm.to_string(&v)?.to_string())),
    }
}

/// The value to format from a JS value (`BigInt`s keep their digits).
pub fn number_value(vm: &mut Vm, v: &Value) -> Res<NumberValue> {
    match v {
        Value::BigInt(b) => {
            let s = b.to_string();
            let neg = s.starts_with('-');
            Ok(NumberValue::Big(neg, s.trim_start_matches('-').to_string()))
        }
        Value::Str(s) => {
            // Intl.NumberFormat formats numeric strings exactly.
            let t = s.trim();
            if !t.is_empty()
                && t.trim_start_matches('-')
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && t.len() > 15
            {
                let neg = t.starts_with('-');
                return Ok(NumberValue::Big(neg, t.trim_start_matches('-').to_string()));
            }
            Ok(NumberValue::Float(vm.to_number(v)?))
        }
        v => Ok(NumberValue::Float(vm.to_number(v)?)),
    }
}

fn nf_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = number_opts(vm, &c.arg(0), &c.arg(1))?;
    let p = vm.realm.intl_protos[1];
    super::new_intl(vm, c, p, IntlData::NumberFormat(Box::new(o)))
}

fn this_nf(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<(ObjRef, NumberOpts)> {
    let this = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Obj(o) => Value::Obj(o),
        _ => c.this.clone(),
    };
    match intl_of(vm, &this) {
        Some(IntlObj {
            data: IntlData::NumberFormat(o),
            ..
        }) => Ok((this.as_obj().unwrap_or_default(), (**o).clone())),
        _ => {
            let d = vm.to_display(&this);
            Err(vm.type_error(&format!(
                "Method Intl.NumberFormat.prototype.{method} called on incompatible receiver {}",
                d
            )))
        }
    }
}

fn nf_format_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_nf(vm, c, "format")?;
    let x = number_value(vm, &c.arg(0))?;
    Ok(Value::str(&format(&o, x)))
}

fn nf_format_getter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_nf(vm, c, "format")?;
    Ok(super::bound_fn(vm, o, "", 1, nf_format_fn))
}

/// Parts as `[{ type, value }]`.
pub fn parts_array(vm: &mut Vm, parts: Vec<Part>) -> Value {
    let items: Vec<Value> = parts
        .into_iter()
        .map(|(t, v)| {
            let o = vm.new_object();
            vm.set_prop_raw(o, "type", Value::str(t));
            vm.set_prop_raw(o, "value", Value::str(&v));
            Value::Obj(o)
        })
        .collect();
    vm.array_value(items)
}

fn nf_format_to_parts(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_nf(vm, c, "formatToParts")?;
    let x = number_value(vm, &c.arg(0))?;
    let parts = format_parts(&o, x);
    Ok(parts_array(vm, parts))
}

fn nf_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_nf(vm, c, "resolvedOptions")?;
    let r = vm.new_object();
    vm.set_prop_raw(r, "locale", Value::str(&o.locale));
    vm.set_prop_raw(r, "numberingSystem", Value::str("latn"));
    vm.set_prop_raw(r, "style", Value::str(o.style));
    if let Some(cur) = &o.currency {
        vm.set_prop_raw(r, "currency", Value::str(cur));
        vm.set_prop_raw(r, "currencyDisplay", Value::str(o.currency_display));
        vm.set_prop_raw(r, "currencySign", Value::str(o.currency_sign));
    }
    if let Some(u) = &o.unit {
        vm.set_prop_raw(r, "unit", Value::str(u));
        vm.set_prop_raw(r, "unitDisplay", Value::str(o.unit_display));
    }
    vm.set_prop_raw(r, "minimumIntegerDigits", Value::Num(o.min_int as f64));
    if o.compact_rounding {
        vm.set_prop_raw(r, "minimumSignificantDigits", Value::Num(1.0));
        vm.set_prop_raw(r, "maximumSignificantDigits", Value::Num(2.0));
        vm.set_prop_raw(r, "minimumFractionDigits", Value::Num(0.0));
        vm.set_prop_raw(r, "maximumFractionDigits", Value::Num(0.0));
    } else if let (Some(a), Some(b)) = (o.min_sig, o.max_sig) {
        vm.set_prop_raw(r, "minimumSignificantDigits", Value::Num(a as f64));
        vm.set_prop_raw(r, "maximumSignificantDigits", Value::Num(b as f64));
    } else {
        vm.set_prop_raw(r, "minimumFractionDigits", Value::Num(o.min_frac as f64));
        vm.set_prop_raw(r, "maximumFractionDigits", Value::Num(o.max_frac as f64));
    }
    let grouping = match o.use_grouping {
        "false" => Value::Bool(false),
        g => Value::str(g),
    };
    vm.set_prop_raw(r, "useGrouping", grouping);
    vm.set_prop_raw(r, "notation", Value::str(o.notation));
    if o.notation == "compact" {
        vm.set_prop_raw(r, "compactDisplay", Value::str(o.compact_display));
    }
    vm.set_prop_raw(r, "signDisplay", Value::str(o.sign_display));
    vm.set_prop_raw(r, "roundingMode", Value::str(o.rounding_mode));
    vm.set_prop_raw(r, "roundingIncrement", Value::Num(1.0));
    vm.set_prop_raw(
        r,
        "trailingZeroDisplay",
        Value::str(if o.strip_if_integer {
            "stripIfInteger"
        } else {
            "auto"
        }),
    );
    vm.set_prop_raw(
        r,
        "roundingPriority",
        Value::str(if o.compact_rounding {
            "morePrecision"
        } else {
            "auto"
        }),
    );
    Ok(Value::Obj(r))
}

/// `Number.prototype.toLocaleString(locales, options)`.
pub fn to_locale_string(vm: &mut Vm, x: &Value, locales: &Value, options: &Value) -> Res<String> {
    let o = number_opts(vm, locales, options)?;
    let v = number_value(vm, x)?;
    Ok(format(&o, v))
}

pub fn install(vm: &mut Vm, intl: ObjRef) {
    let (_, p) = super::intl_class(vm, intl, "NumberFormat", 0, nf_ctor);
    crate::builtins::getter(vm, p, "format", nf_format_getter);
    vm.method(p, "formatToParts", 1, nf_format_to_parts);
    vm.method(p, "resolvedOptions", 0, nf_resolved);
    vm.realm.intl_protos.push(p);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(style: &'static str) -> NumberOpts {
        NumberOpts {
            locale: "en-US".into(),
            style,
            currency: Some("USD".into()),
            currency_display: "symbol",
            currency_sign: "standard",
            unit: None,
            unit_display: "short",
            notation: "standard",
            compact_display: "short",
            use_grouping: "auto",
            sign_display: "auto",
            min_int: 1,
            min_frac: if style == "currency" { 2 } else { 0 },
            max_frac: match style {
                "currency" => 2,
                "percent" => 0,
                _ => 3,
            },
            min_sig: None,
            max_sig: None,
            compact_rounding: false,
            rounding_mode: "halfExpand",
            strip_if_integer: false,
        }
    }

    #[test]
    fn formats_like_icu() {
        let f = |o: &NumberOpts, x: f64| format(o, NumberValue::Float(x));
        assert_eq!(f(&opts("decimal"), 1234567.891), "1,234,567.891");
        assert_eq!(f(&opts("decimal"), 1.0005), "1.001");
        assert_eq!(f(&opts("percent"), 0.256), "26%");
        assert_eq!(f(&opts("currency"), 1234.5), "$1,234.50");
        assert_eq!(f(&opts("currency"), -5.0), "-$5.00");
        assert_eq!(f(&opts("decimal"), -0.0), "-0");
    }
}
