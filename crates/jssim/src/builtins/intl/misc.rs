//! The smaller Intl services: `PluralRules` (CLDR cardinal and ordinal rules of
//! the supported languages), `RelativeTimeFormat` and `ListFormat` (English and
//! Chinese patterns; other languages use the English ones), and `Segmenter`
//! (Unicode grapheme, word and sentence boundaries).

use super::{intl_of, opt_str, options_arg, resolve_locale, IntlData};
use crate::heap::NativeCall;
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone)]
pub struct PluralOpts {
    pub locale: String,
    pub ordinal: bool,
}

#[derive(Debug, Clone)]
pub struct RelativeOpts {
    pub locale: String,
    pub auto: bool,
    pub style: &'static str,
}

#[derive(Debug, Clone)]
pub struct ListOpts {
    pub locale: String,
    pub kind: &'static str,
    pub style: &'static str,
}

#[derive(Debug, Clone)]
pub struct SegmenterOpts {
    pub locale: String,
    pub granularity: &'static str,
}

fn lang(locale: &str) -> &str {
    locale.split('-').next().unwrap_or("en")
}

/// The CLDR plural category of `n` (its decimal string `s`).
pub fn plural_category(locale: &str, n: f64, ordinal: bool) -> &'static str {
    let s = crate::value::num_to_string(n.abs());
    let (int_s, frac) = s.split_once('.').unwrap_or((&s, ""));
    let i: u64 = int_s.parse().unwrap_or(0);
    let v = frac.len();
    let l = lang(locale);
    if ordinal {
        return match l {
            "en" => match (i % 10, i % 100) {
                (1, r) if r != 11 => "one",
                (2, r) if r != 12 => "two",
                (3, r) if r != 13 => "few",
                _ => "other",
            },
            "fr" if i == 1 => "one",
            "sv" if matches!(i % 10, 1 | 2) && !matches!(i % 100, 11 | 12) => "one",
            "it" if matches!(i, 8 | 11 | 80 | 800) => "many",
            _ => "other",
        };
    }
    match l {
        "zh" | "ja" | "ko" | "th" | "vi" | "id" | "ms" | "tr" => "other",
        "fr" | "pt" if i <= 1 => "one",
        "ru" | "uk" if v == 0 => match (i % 10, i % 100) {
            (1, r) if r != 11 => "one",
            (2..=4, r) if !(12..=14).contains(&r) => "few",
            _ => "many",
        },
        "pl" if v == 0 => match (i, i % 10, i % 100) {
            (1, ..) => "one",
            (_, 2..=4, r) if !(12..=14).contains(&r) => "few",
            _ => "many",
        },
        "cs" | "sk" if v == 0 => match i {
            1 => "one",
            2..=4 => "few",
            _ => "other",
        },
        "ru" | "uk" | "pl" | "cs" | "sk" => "other",
        _ if i == 1 && v == 0 => "one",
        _ => "other",
    }
}

/// The Intl object `this` (of any service; callers check which).
fn this_intl(vm: &mut Vm, c: &NativeCall, class: &str, method: &str) -> Res<ObjRef> {
    if intl_of(vm, &c.this).is_none() {
        let d = vm.to_display(&c.this);
        return Err(vm.type_error(&format!(
            "Method Intl.{class}.prototype.{method} called on incompatible receiver {d}"
        )));
    }
    Ok(c.this.as_obj().unwrap_or_default())
}

fn data_of(vm: &Vm, o: ObjRef) -> Option<&IntlData> {
    intl_of(vm, &Value::Obj(o)).map(|i| &i.data)
}

// ---- PluralRules ----

fn plural_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Intl.PluralRules requires 'new'"));
    }
    let options = options_arg(vm, &c.arg(1))?;
    let locale = resolve_locale(vm, &c.arg(0))?;
    let ty = opt_str(
        vm,
        &options,
        "type",
        &["cardinal", "ordinal"],
        Some("cardinal"),
    )?;
    let p = vm.realm.intl_protos[3];
    super::new_intl(
        vm,
        c,
        p,
        IntlData::PluralRules(PluralOpts {
            locale,
            ordinal: ty == Some("ordinal"),
        }),
    )
}

fn plural_opts(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<PluralOpts> {
    let o = this_intl(vm, c, "PluralRules", method)?;
    match data_of(vm, o) {
        Some(IntlData::PluralRules(o)) => Ok(o.clone()),
        _ => Err(vm.type_error(&format!(
            "Method Intl.PluralRules.prototype.{method} called on incompatible receiver"
        ))),
    }
}

fn plural_select(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = plural_opts(vm, c, "select")?;
    let n = vm.to_number(&c.arg(0))?;
    Ok(Value::str(plural_category(&o.locale, n, o.ordinal)))
}

fn plural_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = plural_opts(vm, c, "resolvedOptions")?;
    let r = vm.new_object();
    vm.set_prop_raw(r, "locale", Value::str(&o.locale));
    vm.set_prop_raw(
        r,
        "type",
        Value::str(if o.ordinal { "ordinal" } else { "cardinal" }),
    );
    vm.set_prop_raw(r, "minimumIntegerDigits", Value::Num(1.0));
    vm.set_prop_raw(r, "minimumFractionDigits", Value::Num(0.0));
    vm.set_prop_raw(r, "maximumFractionDigits", Value::Num(3.0));
    let cats: Vec<&str> = match (lang(&o.locale), o.ordinal) {
        ("en", true) => vec!["few", "one", "two", "other"],
        ("zh" | "ja" | "ko", _) => vec!["other"],
        ("ru" | "pl" | "uk", false) => vec!["few", "many", "one", "other"],
        (_, true) => vec!["other"],
        _ => vec!["one", "other"],
    };
    let cats: Vec<Value> = cats.into_iter().map(Value::str).collect();
    let a = vm.array_value(cats);
    vm.set_prop_raw(r, "pluralCategories", a);
    Ok(Value::Obj(r))
}

// ---- RelativeTimeFormat ----

const RT_UNITS: [&str; 8] = [
    "second", "minute", "hour", "day", "week", "month", "quarter", "year",
];

fn rt_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Intl.RelativeTimeFormat requires 'new'"));
    }
    let options = options_arg(vm, &c.arg(1))?;
    let locale = resolve_locale(vm, &c.arg(0))?;
    let numeric = opt_str(vm, &options, "numeric", &["always", "auto"], Some("always"))?;
    let style = opt_str(
        vm,
        &options,
        "style",
        &["long", "short", "narrow"],
        Some("long"),
    )?
    .unwrap_or("long");
    let p = vm.realm.intl_protos[4];
    super::new_intl(
        vm,
        c,
        p,
        IntlData::RelativeTimeFormat(RelativeOpts {
            locale,
            auto: numeric == Some("auto"),
            style,
        }),
    )
}

/// English relative phrases for `numeric: 'auto'`.
fn en_auto(unit: &str, v: f64) -> Option<&'static str> {
    Some(match (unit, v as i64) {
        ("second", 0) => "now",
        ("minute", 0) => "this minute",
        ("hour", 0) => "this hour",
        ("day", -1) => "yesterday",
        ("day", 0) => "today",
        ("day", 1) => "tomorrow",
        ("week", -1) => "last week",
        ("week", 0) => "this week",
        ("week", 1) => "next week",
        ("month", -1) => "last month",
        ("month", 0) => "this month",
        ("month", 1) => "next month",
        ("quarter", -1) => "last quarter",
        ("quarter", 0) => "this quarter",
        ("quarter", 1) => "next quarter",
        ("year", -1) => "last year",
        ("year", 0) => "this year",
        ("year", 1) => "next year",
        _ => return None,
    })
}

fn zh_auto(unit: &str, v: f64) -> Option<&'static str> {
    Some(match (unit, v as i64) {
        ("second", 0) => "现在",
        ("day", -2) => "前天",
        ("day", -1) => "昨天",
        ("day", 0) => "今天",
        ("day", 1) => "明天",
        ("day", 2) => "后天",
        ("week", -1) => "上周",
        ("week", 0) => "本周",
        ("week", 1) => "下周",
        ("month", -1) => "上个月",
        ("month", 0) => "本月",
        ("month", 1) => "下个月",
        ("year", -1) => "去年",
        ("year", 0) => "今年",
        ("year", 1) => "明年",
        _ => return None,
    })
}

fn rt_format_str(o: &RelativeOpts, v: f64, unit: &str) -> String {
    let unit = unit.trim_end_matches('s');
    let zh = lang(&o.locale) == "zh";
    if o.auto && v.fract() == 0.0 {
        let phrase = if zh {
            zh_auto(unit, v)
        } else {
            en_auto(unit, v)
        };
        if let Some(p) = phrase {
            return p.to_string();
        }
    }
    let neg = v < 0.0 || (v == 0.0 && v.is_sign_negative());
    let nf = super::number::NumberOpts {
        locale: o.locale.clone(),
        ..default_number_opts()
    };
    let num = super::number::format(&nf, super::number::NumberValue::Float(v.abs()));
    if zh {
        let u = match unit {
            "second" => "秒钟",
            "minute" => "分钟",
            "hour" => "小时",
            "day" => "天",
            "week" => "周",
            "month" => "个月",
            "quarter" => "个季度",
            _ => "年",
        };
        return if neg {
            format!("{num}{u}前")
        } else {
            format!("{num}{u}后")
        };
    }
    let one = plural_category("en", v.abs(), false) == "one";
    let word = match (o.style, unit) {
        ("long", u) => {
            if one {
                u.to_string()
            } else {
                format!("{u}s")
            }
        }
        (_, "second") => "sec.".into(),
        (_, "minute") => "min.".into(),
        (_, "hour") => "hr.".into(),
        (_, "day") => if one { "day" } else { "days" }.into(),
        (_, "week") => "wk.".into(),
        (_, "month") => "mo.".into(),
        (_, "quarter") => if one { "qtr." } else { "qtrs." }.into(),
        _ => "yr.".into(),
    };
    if neg {
        format!("{num} {word} ago")
    } else {
        format!("in {num} {word}")
    }
}

fn default_number_opts() -> super::number::NumberOpts {
    super::number::NumberOpts {
        locale: "en-US".into(),
        style: "decimal",
        currency: None,
        currency_display: "symbol",
        currency_sign: "standard",
        unit: None,
        unit_display: "short",
        notation: "standard",
        compact_display: "short",
        use_grouping: "auto",
        sign_display: "auto",
        min_int: 1,
        min_frac: 0,
        max_frac: 3,
        min_sig: None,
        max_sig: None,
        compact_rounding: false,
        rounding_mode: "halfExpand",
        strip_if_integer: false,
    }
}

fn rt_opts(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<RelativeOpts> {
    let o = this_intl(vm, c, "RelativeTimeFormat", method)?;
    match data_of(vm, o) {
        Some(IntlData::RelativeTimeFormat(o)) => Ok(o.clone()),
        _ => Err(vm.type_error(&format!(
            "Method Intl.RelativeTimeFormat.prototype.{method} called on incompatible receiver"
        ))),
    }
}

fn rt_format(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = rt_opts(vm, c, "format")?;
    let v = vm.to_number(&c.arg(0))?;
    if !v.is_finite() {
        return Err(vm.range_error("Invalid number value"));
    }
    let unit = vm.to_string(&c.arg(1))?;
    if !RT_UNITS.contains(&unit.trim_end_matches('s')) {
        return Err(vm.range_error(&format!("Invalid unit argument for format() '{unit}'")));
    }
    Ok(Value::str(&rt_format_str(&o, v, &unit)))
}

fn rt_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = rt_opts(vm, c, "resolvedOptions")?;
    let r = vm.new_object();
    vm.set_prop_raw(r, "locale", Value::str(&o.locale));
    vm.set_prop_raw(r, "style", Value::str(o.style));
    vm.set_prop_raw(
        r,
        "numeric",
        Value::str(if o.auto { "auto" } else { "always" }),
    );
    vm.set_prop_raw(r, "numberingSystem", Value::str("latn"));
    Ok(Value::Obj(r))
}

// ---- ListFormat ----

fn list_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Intl.ListFormat requires 'new'"));
    }
    let options = options_arg(vm, &c.arg(1))?;
    let locale = resolve_locale(vm, &c.arg(0))?;
    let kind = opt_str(
        vm,
        &options,
        "type",
        &["conjunction", "disjunction", "unit"],
        Some("conjunction"),
    )?
    .unwrap_or("conjunction");
    let style = opt_str(
        vm,
        &options,
        "style",
        &["long", "short", "narrow"],
        Some("long"),
    )?
    .unwrap_or("long");
    let p = vm.realm.intl_protos[5];
    super::new_intl(
        vm,
        c,
        p,
        IntlData::ListFormat(ListOpts {
            locale,
            kind,
            style,
        }),
    )
}

/// (separator, separator before the last item, separator of two items).
fn list_seps(o: &ListOpts) -> (&'static str, &'static str, &'static str) {
    match (lang(&o.locale), o.kind, o.style) {
        ("zh", "disjunction", _) => ("、", "或", "或"),
        ("zh", "unit", _) => ("", "", ""),
        ("zh", ..) => ("、", "和", "和"),
        ("ja", "disjunction", _) => ("、", "、または", "または"),
        ("ja", ..) => ("、", "、", "、"),
        ("de", "disjunction", _) => (", ", " oder ", " oder "),
        ("de", "conjunction", _) => (", ", " und ", " und "),
        ("fr", "disjunction", _) => (", ", " ou ", " ou "),
        ("fr", "conjunction", _) => (", ", " et ", " et "),
        ("es", "disjunction", _) => (", ", " o ", " o "),
        ("es", "conjunction", _) => (", ", " y ", " y "),
        (_, "disjunction", _) => (", ", ", or ", " or "),
        (_, "unit", "narrow") => (" ", " ", " "),
        (_, "unit", _) => (", ", ", ", ", "),
        (_, _, "short") => (", ", ", & ", " & "),
        (_, _, "narrow") => (", ", ", ", ", "),
        _ => (", ", ", and ", " and "),
    }
}

fn list_items(vm: &mut Vm, v: &Value) -> Res<Vec<String>> {
    if matches!(v, Value::Undefined) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for x in vm.iterate_to_vec(v)? {
        match x {
            Value::Str(s) => out.push(s.to_string()),
            other => {
                let d = vm.to_display(&other);
                return Err(vm.type_error(&format!("Iterable yielded {d} which is not a string")));
            }
        }
    }
    Ok(out)
}

fn list_opts(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<ListOpts> {
    let o = this_intl(vm, c, "ListFormat", method)?;
    match data_of(vm, o) {
        Some(IntlData::ListFormat(o)) => Ok(o.clone()),
        _ => Err(vm.type_error(&format!(
            "Method Intl.ListFormat.prototype.{method} called on incompatible receiver"
        ))),
    }
}

/// The list's parts: elements and literals.
fn list_parts(o: &ListOpts, items: &[String]) -> Vec<super::Part> {
    let (sep, last, two) = list_seps(o);
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            let s = if items.len() == 2 {
                two
            } else if i == items.len() - 1 {
                last
            } else {
                sep
            };
            if !s.is_empty() {
                out.push(("literal", s.to_string()));
            }
        }
        out.push(("element", it.clone()));
    }
    out
}

fn list_format(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = list_opts(vm, c, "format")?;
    let items = list_items(vm, &c.arg(0))?;
    let s: String = list_parts(&o, &items).into_iter().map(|(_, v)| v).collect();
    Ok(Value::str(&s))
}

fn list_format_to_parts(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = list_opts(vm, c, "formatToParts")?;
    let items = list_items(vm, &c.arg(0))?;
    let parts = list_parts(&o, &items);
    Ok(super::number::parts_array(vm, parts))
}

// ---- Segmenter ----

fn segmenter_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Constructor Intl.Segmenter requires 'new'"));
    }
    let options = options_arg(vm, &c.arg(1))?;
    let locale = resolve_locale(vm, &c.arg(0))?;
    let granularity = opt_str(
        vm,
        &options,
        "granularity",
        &["grapheme", "word", "sentence"],
        Some("grapheme"),
    )?
    .unwrap_or("grapheme");
    let p = vm.realm.intl_protos[6];
    super::new_intl(
        vm,
        c,
        p,
        IntlData::Segmenter(SegmenterOpts {
            locale,
            granularity,
        }),
    )
}

/// `segmenter.segment(string)`: the segment records, iterable.
fn segment(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_intl(vm, c, "Segmenter", "segment")?;
    let granularity = match data_of(vm, o) {
        Some(IntlData::Segmenter(o)) => o.granularity,
        _ => {
            return Err(vm.type_error(
                "Method Intl.Segmenter.prototype.segment called on incompatible receiver",
            ))
        }
    };
    let input = vm.to_string(&c.arg(0))?;
    let pieces: Vec<(usize, &str)> = match granularity {
        "word" => input.split_word_bound_indices().collect(),
        "sentence" => input.split_sentence_bound_indices().collect(),
        _ => input.grapheme_indices(true).collect(),
    };
    let mut records = Vec::with_capacity(pieces.len());
    for (byte, seg) in pieces {
        let r = vm.new_object();
        vm.set_prop_raw(r, "segment", Value::str(seg));
        let index = crate::value::utf16_len(&input[..byte]);
        vm.set_prop_raw(r, "index", Value::Num(index as f64));
        vm.set_prop_raw(r, "input", Value::Str(input.clone()));
        if granularity == "word" {
            let word_like = seg.chars().any(|ch| ch.is_alphanumeric());
            vm.set_prop_raw(r, "isWordLike", Value::Bool(word_like));
        }
        records.push(Value::Obj(r));
    }
    let arr = vm.array_value(records);
    let segs = vm.new_object();
    let values = vm.get(&Value::Obj(vm.realm.array_proto), &PropKey::s("values"))?;
    let iter = vm.native_with(
        "[Symbol.iterator]",
        0,
        segments_iter,
        vec![arr.clone(), values],
        false,
    );
    vm.set_hidden_key(
        segs,
        PropKey::Sym(crate::interp::sym::ITERATOR),
        Value::Obj(iter),
    );
    let containing = vm.native_with("containing", 1, segments_containing, vec![arr], false);
    vm.set_hidden(segs, "containing", Value::Obj(containing));
    Ok(Value::Obj(segs))
}

fn segments_iter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let arr = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let values = crate::builtins::promise::native_slot(vm, c.callee, 1);
    vm.call(&values, arr, vec![])
}

fn segments_containing(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let arr = crate::builtins::promise::native_slot(vm, c.callee, 0);
    let at = match c.arg(0) {
        Value::Undefined => 0.0,
        v => vm.to_number(&v)?,
    };
    for r in vm.array_items(&arr) {
        let idx = vm.get(&r, &PropKey::s("index"))?;
        let idx = vm.to_number(&idx)?;
        let seg = vm.get(&r, &PropKey::s("segment"))?;
        let len = match &seg {
            Value::Str(s) => crate::value::utf16_len(s) as f64,
            _ => 0.0,
        };
        if at >= idx && at < idx + len {
            return Ok(r);
        }
    }
    Ok(Value::Undefined)
}

fn segmenter_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_intl(vm, c, "Segmenter", "resolvedOptions")?;
    let Some(IntlData::Segmenter(opts)) = data_of(vm, o).cloned() else {
        return Err(vm.type_error(
            "Method Intl.Segmenter.prototype.resolvedOptions called on incompatible receiver",
        ));
    };
    let r = vm.new_object();
    vm.set_prop_raw(r, "locale", Value::str(&opts.locale));
    vm.set_prop_raw(r, "granularity", Value::str(opts.granularity));
    Ok(Value::Obj(r))
}

pub fn install(vm: &mut Vm, intl: ObjRef) {
    let (_, p) = super::intl_class(vm, intl, "PluralRules", 0, plural_ctor);
    vm.method(p, "select", 1, plural_select);
    vm.method(p, "resolvedOptions", 0, plural_resolved);
    vm.realm.intl_protos.push(p);
    let (_, p) = super::intl_class(vm, intl, "RelativeTimeFormat", 0, rt_ctor);
    vm.method(p, "format", 2, rt_format);
    vm.method(p, "resolvedOptions", 0, rt_resolved);
    vm.realm.intl_protos.push(p);
    let (_, p) = super::intl_class(vm, intl, "ListFormat", 0, list_ctor);
    vm.method(p, "format", 1, list_format);
    vm.method(p, "formatToParts", 1, list_format_to_parts);
    vm.realm.intl_protos.push(p);
    let (_, p) = super::intl_class(vm, intl, "Segmenter", 0, segmenter_ctor);
    vm.method(p, "segment", 1, segment);
    vm.method(p, "resolvedOptions", 0, segmenter_resolved);
    vm.realm.intl_protos.push(p);
}
