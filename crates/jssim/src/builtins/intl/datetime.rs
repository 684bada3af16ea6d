//! `Intl.DateTimeFormat` (and `Date.prototype.toLocale{,Date,Time}String`): the
//! options become a CLDR pattern of the locale (its date/time styles, or the
//! pattern of the requested fields, adapting field widths as CLDR's skeleton
//! matching does), which is filled from the time in the chosen time zone: UTC (the
//! simulator's zone) or a named zone with its standard offset and daylight-saving
//! rules (US, EU, Australian, New Zealand) on the virtual clock.

use super::locale::{date_locale, DateLocale};
use super::{
    intl_of, opt_bool, opt_int, opt_str, options_arg, resolve_locale, IntlData, IntlObj, Part,
};
use crate::heap::NativeCall;
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// Resolved DateTimeFormat options.
#[derive(Debug, Clone)]
pub struct DateOpts {
    pub locale: String,
    pub time_zone: String,
    pub pattern: String,
    /// The hour cycle when the pattern has hours (`h12`, `h23`...).
    pub hour_cycle: Option<&'static str>,
    /// The requested fields and styles, for `resolvedOptions`.
    pub fields: Vec<(&'static str, &'static str)>,
}

/// Which fields `toLocale*String` supplies by default.
#[derive(Clone, Copy, PartialEq)]
pub enum Defaults {
    Date,
    Time,
    All,
}

/// DST rules of named zones.
#[derive(Clone, Copy)]
enum Dst {
    None,
    Us,
    Eu,
    Au,
    Nz,
}

/// (IANA name, standard offset in minutes, DST rule, US abbreviation base).
const ZONES: &[(&str, i32, Dst, &str)] = &[
    ("America/New_York", -300, Dst::Us, "E"),
    ("America/Detroit", -300, Dst::Us, "E"),
    ("America/Toronto", -300, Dst::Us, "E"),
    ("America/Chicago", -360, Dst::Us, "C"),
    ("America/Denver", -420, Dst::Us, "M"),
    ("America/Phoenix", -420, Dst::None, "M"),
    ("America/Los_Angeles", -480, Dst::Us, "P"),
    ("America/Vancouver", -480, Dst::Us, "P"),
    ("America/Anchorage", -540, Dst::Us, "AK"),
    ("Pacific/Honolulu", -600, Dst::None, "H"),
    ("America/Sao_Paulo", -180, Dst::None, ""),
    ("America/Mexico_City", -360, Dst::None, "C"),
    ("America/Argentina/Buenos_Aires", -180, Dst::None, ""),
    ("Europe/London", 0, Dst::Eu, ""),
    ("Europe/Dublin", 0, Dst::Eu, ""),
    ("Europe/Lisbon", 0, Dst::Eu, ""),
    ("Europe/Paris", 60, Dst::Eu, ""),
    ("Europe/Berlin", 60, Dst::Eu, ""),
    ("Europe/Madrid", 60, Dst::Eu, ""),
    ("Europe/Rome", 60, Dst::Eu, ""),
    ("Europe/Amsterdam", 60, Dst::Eu, ""),
    ("Europe/Brussels", 60, Dst::Eu, ""),
    ("Europe/Vienna", 60, Dst::Eu, ""),
    ("Europe/Zurich", 60, Dst::Eu, ""),
    ("Europe/Stockholm", 60, Dst::Eu, ""),
    ("Europe/Oslo", 60, Dst::Eu, ""),
    ("Europe/Copenhagen", 60, Dst::Eu, ""),
    ("Europe/Warsaw", 60, Dst::Eu, ""),
    ("Europe/Prague", 60, Dst::Eu, ""),
    ("Europe/Athens", 120, Dst::Eu, ""),
    ("Europe/Helsinki", 120, Dst::Eu, ""),
    ("Europe/Kiev", 120, Dst::Eu, ""),
    ("Europe/Kyiv", 120, Dst::Eu, ""),
    ("Europe/Istanbul", 180, Dst::None, ""),
    ("Europe/Moscow", 180, Dst::None, ""),
    ("Asia/Dubai", 240, Dst::None, ""),
    ("Asia/Karachi", 300, Dst::None, ""),
    ("Asia/Kolkata", 330, Dst::None, ""),
    ("Asia/Calcutta", 330, Dst::None, ""),
    ("Asia/Bangkok", 420, Dst::None, ""),
    ("Asia/Jakarta", 420, Dst::None, ""),
    ("Asia/Shanghai", 480, Dst::None, ""),
    ("Asia/Hong_Kong", 480, Dst::None, ""),
    ("Asia/Taipei", 480, Dst::None, ""),
    ("Asia/Singapore", 480, Dst::None, ""),
    ("Australia/Perth", 480, Dst::None, ""),
    ("Asia/Tokyo", 540, Dst::None, ""),
    ("Asia/Seoul", 540, Dst::None, ""),
    ("Australia/Brisbane", 600, Dst::None, ""),
    ("Australia/Sydney", 600, Dst::Au, ""),
    ("Australia/Melbourne", 600, Dst::Au, ""),
    ("Pacific/Auckland", 720, Dst::Nz, ""),
];

/// English long names of the zones notes name.
const LONG_NAMES: &[(&str, &str, &str)] = &[
    (
        "Asia/Shanghai",
        "China Standard Time",
        "China Daylight Time",
    ),
    (
        "Asia/Hong_Kong",
        "Hong Kong Standard Time",
        "Hong Kong Summer Time",
    ),
    (
        "Asia/Taipei",
        "Taipei Standard Time",
        "Taipei Daylight Time",
    ),
    ("Asia/Tokyo", "Japan Standard Time", "Japan Daylight Time"),
    ("Asia/Seoul", "Korean Standard Time", "Korean Daylight Time"),
    ("Asia/Kolkata", "India Standard Time", "India Standard Time"),
    (
        "Asia/Calcutta",
        "India Standard Time",
        "India Standard Time",
    ),
    (
        "Asia/Singapore",
        "Singapore Standard Time",
        "Singapore Standard Time",
    ),
    (
        "Europe/London",
        "Greenwich Mean Time",
        "British Summer Time",
    ),
    (
        "Europe/Paris",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Berlin",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Madrid",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Rome",
        "Central European Standard Time",
        "Central European Summer Time",
    ),
    (
        "Europe/Moscow",
        "Moscow Standard Time",
        "Moscow Summer Time",
    ),
    (
        "America/New_York",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    (
        "America/Chicago",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    (
        "America/Denver",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    (
        "America/Los_Angeles",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    (
        "Australia/Sydney",
        "Australian Eastern Standard Time",
        "Australian Eastern Daylight Time",
    ),
];

const MS_PER_DAY: f64 = 86_400_000.0;

fn days(t: f64) -> i64 {
    (t / MS_PER_DAY).floor() as i64
}

/// (year, month 0-11, day 1-31) of a day number.
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m - 1, d)
}

/// The day number of a date.
fn day_number(y: i64, m: u32, d: u32) -> i64 {
    let (y, m) = if m < 2 { (y - 1, m + 13) } else { (y, m + 1) };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (m as i64 - 3) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC time of the `n`th (1-based; 0 = last) `weekday` (0 Sunday) of a month
/// at `hour` UTC minus `offset_min`.
fn nth_weekday(y: i64, m: u32, weekday: i64, n: i64, hour: f64, offset_min: i32) -> f64 {
    let day = if n > 0 {
        let first = day_number(y, m, 1);
        let wd = (first + 4).rem_euclid(7);
        first + (weekday - wd).rem_euclid(7) + 7 * (n - 1)
    } else {
        let next = if m == 11 {
            day_number(y + 1, 0, 1)
        } else {
            day_number(y, m + 1, 1)
        };
        let last = next - 1;
        let wd = (last + 4).rem_euclid(7);
        last - (wd - weekday).rem_euclid(7)
    };
    day as f64 * MS_PER_DAY + hour * 3_600_000.0 - offset_min as f64 * 60_000.0
}

fn in_dst(rule: Dst, std: i32, t: f64) -> bool {
    let (y, _, _) = civil(days(t + std as f64 * 60_000.0));
    match rule {
        Dst::None => false,
        // Second Sunday of March 2:00 local to first Sunday of November 2:00.
        Dst::Us => {
            t >= nth_weekday(y, 2, 0, 2, 2.0, std) && t < nth_weekday(y, 10, 0, 1, 2.0, std + 60)
        }
        // Last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.
        Dst::Eu => t >= nth_weekday(y, 2, 0, 0, 1.0, 0) && t < nth_weekday(y, 9, 0, 0, 1.0, 0),
        // First Sunday of October 2:00 to first Sunday of April 3:00 (southern).
        Dst::Au => {
            !(t >= nth_weekday(y, 3, 0, 1, 3.0, std + 60) && t < nth_weekday(y, 9, 0, 1, 2.0, std))
        }
        // Last Sunday of September 2:00 to first Sunday of April 3:00.
        Dst::Nz => {
            !(t >= nth_weekday(y, 3, 0, 1, 3.0, std + 60) && t < nth_weekday(y, 8, 0, 0, 2.0, std))
        }
    }
}

/// The canonical zone name, or `None` for an unknown zone.
pub fn canonical_zone(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "UTC" | "ETC/UTC" | "GMT" | "ETC/GMT" | "Z" | "UCT" | "ETC/UCT" | "ZULU" | "ETC/ZULU"
    ) {
        return Some("UTC".into());
    }
    ZONES
        .iter()
        .find(|(z, ..)| z.eq_ignore_ascii_case(name))
        .map(|(z, ..)| z.to_string())
}

/// (offset minutes, in daylight time) of `zone` at `t`.
fn zone_offset(zone: &str, t: f64) -> (i32, bool) {
    match ZONES.iter().find(|(z, ..)| *z == zone) {
        Some((_, std, rule, _)) => {
            let dst = in_dst(*rule, *std, t);
            (std + if dst { 60 } else { 0 }, dst)
        }
        None => (0, false),
    }
}

fn gmt_offset(prefix: &str, off: i32, long: bool) -> String {
    if off == 0 {
        return prefix.into();
    }
    let sign = if off < 0 { '-' } else { '+' };
    let (h, m) = (off.abs() / 60, off.abs() % 60);
    if long {
        format!("{prefix}{sign}{h:02}:{m:02}")
    } else if m == 0 {
        format!("{prefix}{sign}{h}")
    } else {
        format!("{prefix}{sign}{h}:{m:02}")
    }
}

fn zone_name(o: &DateOpts, loc: &DateLocale, t: f64, long: bool) -> String {
    if o.time_zone == "UTC" {
        return if long {
            loc.utc_long.into()
        } else {
            "UTC".into()
        };
    }
    let (off, dst) = zone_offset(&o.time_zone, t);
    let en = loc.tag.starts_with("en");
    if en {
        if long {
            if let Some((_, s, d)) = LONG_NAMES.iter().find(|(z, ..)| *z == o.time_zone) {
                return if dst { d } else { s }.to_string();
            }
        } else if loc.tag == "en-US" {
            if let Some((_, _, Dst::Us | Dst::None, abbr)) =
                ZONES.iter().find(|(z, ..)| *z == o.time_zone)
            {
                if !abbr.is_empty() {
                    return format!("{abbr}{}T", if dst { "D" } else { "S" });
                }
            }
        }
    }
    gmt_offset(loc.gmt, off, long)
}

/// Fills a CLDR pattern.
pub fn format_parts(o: &DateOpts, t: f64) -> Vec<Part> {
    let loc = date_locale(&o.locale);
    let (off, _) = if o.time_zone == "UTC" {
        (0, false)
    } else {
        zone_offset(&o.time_zone, t)
    };
    let local = t + off as f64 * 60_000.0;
    let day = days(local);
    let (y, m, d) = civil(day);
    let wd = (day + 4).rem_euclid(7) as usize;
    let ms_of_day = local - day as f64 * MS_PER_DAY;
    let hour = (ms_of_day / 3_600_000.0).floor() as u32;
    let minute = ((ms_of_day / 60_000.0).floor() as u32) % 60;
    let second = ((ms_of_day / 1000.0).floor() as u32) % 60;
    let millis = (ms_of_day as u64 % 1000) as u32;
    let standalone = !o.pattern.contains('d');
    let mut out: Vec<Part> = Vec::new();
    let chars: Vec<char> = o.pattern.chars().collect();
    let mut i = 0;
    let mut literal = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // A quoted literal ('' is a quote).
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        literal.push('\'');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                literal.push(chars[i]);
                i += 1;
            }
            continue;
        }
        if !c.is_ascii_alphabetic() {
            literal.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        if !literal.is_empty() {
            out.push(("literal", std::mem::take(&mut literal)));
        }
        let pad = |v: u32, w: usize| format!("{v:0w$}");
        let part: Part = match c {
            'y' => (
                "year",
                if n == 2 {
                    pad((y.rem_euclid(100)) as u32, 2)
                } else {
                    y.to_string()
                },
            ),
            'M' | 'L' => (
                "month",
                match n {
                    1 => (m + 1).to_string(),
                    2 => pad(m + 1, 2),
                    3 if standalone => loc.months_short_alone[m as usize].to_string(),
                    3 => loc.months_short[m as usize].to_string(),
                    4 if standalone => loc.months_long_alone[m as usize].to_string(),
                    4 => loc.months_long[m as usize].to_string(),
                    _ => loc.months_narrow[m as usize].to_string(),
                },
            ),
            'd' => ("day", if n == 2 { pad(d, 2) } else { d.to_string() }),
            'E' | 'c' => (
                "weekday",
                match n {
                    4 => loc.weekdays_long[wd],
                    5 => loc.weekdays_narrow[wd],
                    _ => loc.weekdays_short[wd],
                }
                .to_string(),
            ),
            'h' | 'H' | 'K' | 'k' => {
                let v = match c {
                    'h' => (hour + 11) % 12 + 1,
                    'K' => hour % 12,
                    'k' => {
                        if hour == 0 {
                            24
                        } else {
                            hour
                        }
                    }
                    _ => hour,
                };
                ("hour", if n == 2 { pad(v, 2) } else { v.to_string() })
            }
            'm' => (
                "minute",
                if n == 2 {
                    pad(minute, 2)
                } else {
                    minute.to_string()
                },
            ),
            's' => (
                "second",
                if n == 2 {
                    pad(second, 2)
                } else {
                    second.to_string()
                },
            ),
            'S' => (
                "fractionalSecond",
                format!("{millis:03}").chars().take(n).collect(),
            ),
            'a' => (
                "dayPeriod",
                loc.periods[usize::from(hour >= 12)].to_string(),
            ),
            'z' | 'v' | 'O' => ("timeZoneName", zone_name(o, loc, t, n >= 4)),
            'G' => ("era", if y > 0 { "AD" } else { "BC" }.to_string()),
            _ => ("literal", c.to_string().repeat(n)),
        };
        out.push(part);
    }
    if !literal.is_empty() {
        out.push(("literal", literal));
    }
    out
}

/// The formatted string: V8 turns ICU's narrow no-break spaces (before `AM`) into
/// plain spaces here, though not in `formatToParts`.
pub fn format(o: &DateOpts, t: f64) -> String {
    format_parts(o, t)
        .into_iter()
        .map(|(_, s)| s.replace('\u{202f}', " "))
        .collect()
}

fn pattern<'a>(loc: &'a DateLocale, key: &str) -> Option<&'a str> {
    loc.patterns
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, p)| *p)
}

/// `a` then `b`: a quoted literal ending `a` and one starting `b` merge (two quotes
/// in a row would be a quote character).
fn concat_patterns(a: &str, b: &str) -> String {
    match (a.strip_suffix('\''), b.strip_prefix('\'')) {
        (Some(x), Some(y)) if !x.ends_with('\'') => format!("{x}{y}"),
        _ => format!("{a}{b}"),
    }
}

/// The separator between the date and time patterns for a date style, quoted.
fn joiner(loc: &DateLocale, style: &str) -> String {
    let i = ["full", "long", "medium", "short"]
        .iter()
        .position(|s| *s == style)
        .unwrap_or(3);
    format!("'{}'", loc.joiners[i].replace('\'', "''"))
}

/// The pattern for date fields given as (field letter, width) in the table's order.
fn date_pattern(loc: &DateLocale, fields: &[(char, usize)]) -> String {
    let key = |fs: &[(char, usize)]| {
        fs.iter()
            .map(|(c, n)| {
                let w = if *c == 'E' && *n == 3 { 1 } else { *n };
                c.to_string().repeat(w)
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    if let Some(p) = pattern(loc, &key(fields)) {
        return p.to_string();
    }
    // Nearest entry with the same fields (numeric vs text widths matter most).
    let letters: Vec<char> = fields.iter().map(|(c, _)| *c).collect();
    // (distance, pattern, the entry's fields)
    type Candidate<'a> = (usize, &'a str, Vec<(char, usize)>);
    let mut best: Option<Candidate> = None;
    for (k, p) in loc.patterns {
        if k.contains(':') {
            continue;
        }
        let fs: Vec<(char, usize)> = k
            .split(',')
            .filter_map(|f| f.chars().next().map(|c| (c, f.len())))
            .collect();
        if fs.iter().map(|(c, _)| *c).collect::<Vec<_>>() != letters {
            continue;
        }
        let dist: usize = fs
            .iter()
            .zip(fields)
            .map(|((_, a), (_, b))| {
                let text = |w: usize| w >= 3;
                if text(*a) != text(*b) {
                    10
                } else {
                    a.abs_diff(*b)
                }
            })
            .sum();
        if best.as_ref().is_none_or(|(d, ..)| dist < *d) {
            best = Some((dist, p, fs));
        }
    }
    match best {
        Some((_, p, fs)) => {
            let mut out = p.to_string();
            for ((c, from), (_, to)) in fs.iter().zip(fields) {
                let f = if *c == 'E' && *from == 1 { 3 } else { *from };
                if f != *to {
                    out = replace_field(&out, *c, f, *to);
                }
            }
            out
        }
        None => fields
            .iter()
            .map(|(c, n)| c.to_string().repeat(*n))
            .collect::<Vec<_>>()
            .join("' '"),
    }
}

/// Replaces the `from`-wide run of letter `c` in a pattern with a `to`-wide one.
fn replace_field(p: &str, c: char, from: usize, to: usize) -> String {
    let mut out = String::with_capacity(p.len());
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut quoted = false;
    while i < chars.len() {
        if chars[i] == '\'' {
            quoted = !quoted;
            out.push('\'');
            i += 1;
            continue;
        }
        if !quoted && chars[i] == c {
            let mut n = 0;
            while chars.get(i + n) == Some(&c) {
                n += 1;
            }
            out.push_str(&c.to_string().repeat(if n == from { to } else { n }));
            i += n;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Applies an hour cycle to a time pattern (`h` ↔ `H`, adding or removing `a`).
fn apply_hour_cycle(p: &str, h12: bool, loc: &DateLocale) -> String {
    let has12 = p.contains('h') || p.contains('K');
    if has12 == h12 {
        return p.to_string();
    }
    if h12 {
        // Use the locale's own 12-hour time pattern for the same fields.
        let key = if p.contains('s') { "hmmss" } else { "hmm" };
        match pattern(loc, key) {
            Some(t) if !p.contains('z') => {
                let h24 = pattern(loc, &key.replace('h', "H")).unwrap_or("");
                if !h24.is_empty() && p.contains(h24) {
                    return p.replace(h24, t);
                }
                p.replace("HH", "h").replace('H', "h") + "' 'a"
            }
            _ => p.replace("HH", "h").replace('H', "h") + "' 'a",
        }
    } else {
        let mut out = replace_field(p, 'h', 1, 2).replace('h', "H");
        for sep in ["' 'a", "a' '", "a"] {
            if out.contains(sep) {
                out = out.replacen(sep, "", 1);
                break;
            }
        }
        out.trim_matches(' ').to_string()
    }
}

const FIELD_NAMES: [&str; 8] = [
    "weekday", "era", "year", "month", "day", "hour", "minute", "second",
];

/// Resolves DateTimeFormat options (ECMA-402 CreateDateTimeFormat).
pub fn date_opts(
    vm: &mut Vm,
    locales: &Value,
    options: &Value,
    defaults: Defaults,
) -> Res<DateOpts> {
    let options = options_arg(vm, options)?;
    let locale = resolve_locale(vm, locales)?;
    let loc = date_locale(&locale);
    let hour12 = opt_bool(vm, &options, "hour12")?;
    let hour_cycle_opt = opt_str(
        vm,
        &options,
        "hourCycle",
        &["h11", "h12", "h23", "h24"],
        None,
    )?;
    let tz = match options {
        Value::Obj(_) => vm.get(&options, &PropKey::s("timeZone"))?,
        _ => Value::Undefined,
    };
    let time_zone = match tz {
        Value::Undefined => "UTC".to_string(),
        v => {
            let s = vm.to_string(&v)?;
            match canonical_zone(&s) {
                Some(z) => z,
                None => return Err(vm.range_error(&format!("Invalid time zone specified: {s}"))),
            }
        }
    };
    let mut req: Vec<(&'static str, &'static str)> = Vec::new();
    let text = ["narrow", "short", "long"];
    let num = ["numeric", "2-digit"];
    let both = ["numeric", "2-digit", "narrow", "short", "long"];
    for (name, allowed) in [
        ("weekday", &text[..]),
        ("era", &text[..]),
        ("year", &num[..]),
        ("month", &both[..]),
        ("day", &num[..]),
        ("hour", &num[..]),
        ("minute", &num[..]),
        ("second", &num[..]),
    ] {
        if let Some(v) = opt_str(vm, &options, name, allowed, None)? {
            req.push((name, v));
        }
    }
    let frac = opt_int(vm, &options, "fractionalSecondDigits", 1.0, 3.0)?;
    let tz_name = opt_str(
        vm,
        &options,
        "timeZoneName",
        &[
            "short",
            "long",
            "shortOffset",
            "longOffset",
            "shortGeneric",
            "longGeneric",
        ],
        None,
    )?;
    let date_style = opt_str(
        vm,
        &options,
        "dateStyle",
        &["full", "long", "medium", "short"],
        None,
    )?;
    let time_style = opt_str(
        vm,
        &options,
        "timeStyle",
        &["full", "long", "medium", "short"],
        None,
    )?;
    if (date_style.is_some() || time_style.is_some())
        && (!req.is_empty() || frac.is_some() || tz_name.is_some())
    {
        let first = req.first().map(|(n, _)| *n).unwrap_or("timeZoneName");
        return Err(vm.type_error(&format!("Can't set option {first} when dateStyle is used")));
    }
    if defaults == Defaults::Date && time_style.is_some() && date_style.is_none() {
        return Err(vm.type_error("Invalid option : timeStyle"));
    }
    if defaults == Defaults::Time && date_style.is_some() && time_style.is_none() {
        return Err(vm.type_error("Invalid option : dateStyle"));
    }
    let uses_date = req
        .iter()
        .any(|(n, _)| matches!(*n, "weekday" | "year" | "month" | "day"));
    let uses_time = req
        .iter()
        .any(|(n, _)| matches!(*n, "hour" | "minute" | "second"))
        || frac.is_some();
    if date_style.is_none() && time_style.is_none() && !uses_date && !uses_time {
        if defaults != Defaults::Time {
            req.extend([
                ("year", "numeric"),
                ("month", "numeric"),
                ("day", "numeric"),
            ]);
        }
        if defaults != Defaults::Date {
            req.extend([
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("second", "numeric"),
            ]);
        }
    }
    let h12_default = loc.hour12;
    let h12 = match (hour12, hour_cycle_opt) {
        (Some(b), _) => b,
        (None, Some(c)) => matches!(c, "h11" | "h12"),
        (None, None) => h12_default,
    };
    let has_hour = req.iter().any(|(n, _)| *n == "hour") || time_style.is_some();
    let hour_cycle = has_hour.then_some(match (hour12, hour_cycle_opt) {
        (Some(true), _) => "h12",
        (Some(false), _) => "h23",
        (None, Some(c)) => c,
        (None, None) => {
            if h12_default {
                "h12"
            } else {
                "h23"
            }
        }
    });
    let pattern_str = if date_style.is_some() || time_style.is_some() {
        let d = date_style.and_then(|s| pattern(loc, &format!("date:{s}")));
        let t = time_style
            .and_then(|s| pattern(loc, &format!("time:{s}")))
            .map(|p| {
                if hour12.is_some() || hour_cycle_opt.is_some() {
                    apply_hour_cycle(p, h12, loc)
                } else {
                    p.to_string()
                }
            });
        match (d, t) {
            (Some(d), Some(t)) => concat_patterns(
                &concat_patterns(d, &joiner(loc, date_style.unwrap_or("short"))),
                &t,
            ),
            (Some(d), None) => d.to_string(),
            (None, Some(t)) => t,
            (None, None) => String::new(),
        }
    } else {
        let get = |n: &str| req.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        let mut date_fields: Vec<(char, usize)> = Vec::new();
        if let Some(w) = get("weekday") {
            date_fields.push((
                'E',
                if w == "long" {
                    4
                } else if w == "narrow" {
                    5
                } else {
                    3
                },
            ));
        }
        if let Some(w) = get("year") {
            date_fields.push(('y', if w == "2-digit" { 2 } else { 1 }));
        }
        if let Some(w) = get("month") {
            let n = match w {
                "numeric" => 1,
                "2-digit" => 2,
                "short" => 3,
                "long" => 4,
                _ => 5,
            };
            date_fields.push(('M', n));
        }
        if let Some(w) = get("day") {
            date_fields.push(('d', if w == "2-digit" { 2 } else { 1 }));
        }
        let date_p = (!date_fields.is_empty()).then(|| date_pattern(loc, &date_fields));
        let time_p = if uses_time || get("hour").is_some() {
            let hc = if h12 { 'h' } else { 'H' };
            let mut key = String::new();
            if get("hour").is_some() {
                key.push(hc);
            }
            match get("minute") {
                Some("2-digit") => key.push_str("mm"),
                Some(_) => key.push('m'),
                None => {}
            }
            match get("second") {
                Some("2-digit") => key.push_str("ss"),
                Some(_) => key.push('s'),
                None if frac.is_some() => key.push('s'),
                None => {}
            }
            let tz_key = if tz_name.is_some() && key.starts_with(hc) {
                format!("{key}z")
            } else {
                key.clone()
            };
            let mut p = pattern(loc, &tz_key)
                .or_else(|| pattern(loc, &key))
                .map(str::to_string)
                .unwrap_or_else(|| key.clone());
            if tz_name.is_some() && !p.contains('z') {
                p.push_str("' 'z");
            }
            if matches!(tz_name, Some("long" | "longOffset" | "longGeneric")) {
                p = p.replace('z', "zzzz");
            }
            if get("hour") == Some("2-digit") {
                p = replace_field(&p, 'h', 1, 2);
                p = replace_field(&p, 'H', 1, 2);
            } else if get("hour") == Some("numeric") && !h12 && get("minute").is_none() {
                p = replace_field(&p, 'H', 2, 2);
            }
            if let Some(n) = frac {
                p = p.replacen("ss", &format!("ss'.'{}", "S".repeat(n as usize)), 1);
                if !p.contains("ss") {
                    p = p.replacen('s', &format!("s'.'{}", "S".repeat(n as usize)), 1);
                }
            }
            Some(p)
        } else {
            None
        };
        match (date_p, time_p) {
            (Some(d), Some(t)) => {
                let style = if date_fields.iter().any(|(c, n)| *c == 'M' && *n == 4) {
                    if date_fields.iter().any(|(c, _)| *c == 'E') {
                        "full"
                    } else {
                        "long"
                    }
                } else if date_fields.iter().any(|(c, n)| *c == 'M' && *n == 3) {
                    "medium"
                } else {
                    "short"
                };
                concat_patterns(&concat_patterns(&d, &joiner(loc, style)), &t)
            }
            (Some(d), None) => d,
            (None, Some(t)) => t,
            (None, None) => String::new(),
        }
    };
    let mut fields: Vec<(&'static str, &'static str)> = Vec::new();
    for n in FIELD_NAMES {
        if let Some((k, v)) = req.iter().find(|(k, _)| *k == n) {
            fields.push((k, v));
        }
    }
    if let Some(s) = date_style {
        fields.push(("dateStyle", s));
    }
    if let Some(s) = time_style {
        fields.push(("timeStyle", s));
    }
    if let Some(z) = tz_name {
        fields.push(("timeZoneName", z));
    }
    Ok(DateOpts {
        locale,
        time_zone,
        pattern: pattern_str,
        hour_cycle,
        fields,
    })
}

/// `Date.prototype.toLocale*String` of time value `t`.
pub fn to_locale_string(
    vm: &mut Vm,
    t: f64,
    locales: &Value,
    options: &Value,
    defaults: Defaults,
) -> Res<String> {
    if t.is_nan() {
        return Ok("Invalid Date".into());
    }
    let o = date_opts(vm, locales, options, defaults)?;
    Ok(format(&o, t))
}

fn dtf_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = date_opts(vm, &c.arg(0), &c.arg(1), Defaults::Date)?;
    let p = vm.realm.intl_protos[2];
    super::new_intl(vm, c, p, IntlData::DateTimeFormat(Box::new(o)))
}

fn this_dtf(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<(ObjRef, DateOpts)> {
    let this = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Obj(o) => Value::Obj(o),
        _ => c.this.clone(),
    };
    match intl_of(vm, &this) {
        Some(IntlObj {
            data: IntlData::DateTimeFormat(o),
            ..
        }) => Ok((this.as_obj().unwrap_or_default(), (**o).clone())),
        _ => {
            let d = vm.to_display(&this);
            Err(vm.type_error(&format!(
                "Method Intl.DateTimeFormat.prototype.{method} called on incompatible receiver {}",
                d
            )))
        }
    }
}

/// The time value of a `format` argument (`undefined` is now).
fn time_arg(vm: &mut Vm, v: &Value) -> Res<f64> {
    let t = match v {
        Value::Undefined => crate::builtins::date::EPOCH_BASE_MS + vm.events.now as f64,
        Value::Obj(o) => match vm.heap.kind(*o) {
            Some(crate::heap::Kind::Date(t)) => *t,
            _ => vm.to_number(v)?,
        },
        v => vm.to_number(v)?,
    };
    if !t.is_finite() || t.abs() > 8.64e15 {
        return Err(vm.range_error("Invalid time value"));
    }
    Ok(t)
}

fn dtf_format_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_dtf(vm, c, "format")?;
    let t = time_arg(vm, &c.arg(0))?;
    Ok(Value::str(&format(&o, t)))
}

fn dtf_format_getter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_dtf(vm, c, "format")?;
    Ok(super::bound_fn(vm, o, "", 1, dtf_format_fn))
}

fn dtf_format_to_parts(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_dtf(vm, c, "formatToParts")?;
    let t = time_arg(vm, &c.arg(0))?;
    let parts = format_parts(&o, t);
    Ok(super::number::parts_array(vm, parts))
}

fn dtf_format_range(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_dtf(vm, c, "formatRange")?;
    let a = time_arg(vm, &c.arg(0))?;
    let b = time_arg(vm, &c.arg(1))?;
    let (x, y) = (format(&o, a), format(&o, b));
    Ok(Value::str(&if x == y { x } else { format!("{x} – {y}") }))
}

fn dtf_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_dtf(vm, c, "resolvedOptions")?;
    let r = vm.new_object();
    vm.set_prop_raw(r, "locale", Value::str(&o.locale));
    vm.set_prop_raw(r, "calendar", Value::str("gregory"));
    vm.set_prop_raw(r, "numberingSystem", Value::str("latn"));
    vm.set_prop_raw(r, "timeZone", Value::str(&o.time_zone));
    if let Some(hc) = o.hour_cycle {
        vm.set_prop_raw(r, "hourCycle", Value::str(hc));
        vm.set_prop_raw(r, "hour12", Value::Bool(matches!(hc, "h11" | "h12")));
    }
    for (k, v) in &o.fields {
        vm.set_prop_raw(r, k, Value::str(v));
    }
    Ok(Value::Obj(r))
}

pub fn install(vm: &mut Vm, intl: ObjRef) {
    let (_, p) = super::intl_class(vm, intl, "DateTimeFormat", 0, dtf_ctor);
    crate::builtins::getter(vm, p, "format", dtf_format_getter);
    vm.method(p, "formatToParts", 1, dtf_format_to_parts);
    vm.method(p, "formatRange", 2, dtf_format_range);
    vm.method(p, "resolvedOptions", 0, dtf_resolved);
    vm.realm.intl_protos.push(p);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        for z in [-1, 0, 18428, 19000, -719_468] {
            let (y, m, d) = civil(z);
            assert_eq!(day_number(y, m, d), z);
        }
        assert_eq!(civil(18428), (2020, 5, 15));
    }

    #[test]
    fn us_daylight_time() {
        // 2020-06-15 12:00 UTC is EDT; 2020-01-15 is EST.
        assert!(in_dst(Dst::Us, -300, 1_592_222_400_000.0));
        assert!(!in_dst(Dst::Us, -300, 1_579_089_600_000.0));
    }
}
