//! Date on the simulation's virtual clock: `Date.now()` starts at a fixed instant
//! (2024-01-01T00:00:00Z) and advances only with virtual time, so output never depends
//! on the real clock. The time zone is UTC (the conformance recordings run with
//! `TZ=UTC`); the calendar arithmetic, parsing and formatting follow ECMAScript and V8.

use super::{make_ctor, this_obj_of};
use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::Value;

/// `Date.now()` at virtual time zero.
pub const EPOCH_BASE_MS: f64 = 1_704_067_200_000.0;

const MS_PER_DAY: f64 = 86_400_000.0;
const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_from_year(y: f64) -> f64 {
    365.0 * (y - 1970.0) + ((y - 1969.0) / 4.0).floor() - ((y - 1901.0) / 100.0).floor()
        + ((y - 1601.0) / 400.0).floor()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Year, month (0-11), day (1-31) of a time value.
fn ymd(t: f64) -> (i64, usize, i64) {
    let day = (t / MS_PER_DAY).floor();
    let mut y = (day / 365.2425).floor() as i64 + 1970;
    while day_from_year(y as f64) > day {
        y -= 1;
    }
    while day_from_year((y + 1) as f64) <= day {
        y += 1;
    }
    let mut d = (day - day_from_year(y as f64)) as i64;
    let lens = [
        31,
        if is_leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while m < 11 && d >= lens[m] {
        d -= lens[m];
        m += 1;
    }
    (y, m, d + 1)
}

fn weekday(t: f64) -> usize {
    (((t / MS_PER_DAY).floor() + 4.0).rem_euclid(7.0)) as usize
}

fn time_parts(t: f64) -> (i64, i64, i64, i64) {
    let ms = t.rem_euclid(MS_PER_DAY) as i64;
    (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// MakeDay + MakeDate from (possibly out-of-range) fields.
pub fn make_time(y: f64, m: f64, d: f64, h: f64, mi: f64, s: f64, ms: f64) -> f64 {
    if ![y, m, d, h, mi, s, ms].iter().all(|x| x.is_finite()) {
        return f64::NAN;
    }
    let (y, m, d) = (y.trunc(), m.trunc(), d.trunc());
    let ym = y + (m / 12.0).floor();
    let mn = m.rem_euclid(12.0) as usize;
    let lens = [
        31,
        if is_leap(ym as i64) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let day = day_from_year(ym) + lens[..mn].iter().sum::<i64>() as f64 + d - 1.0;
    let time = h.trunc() * 3_600_000.0 + mi.trunc() * 60_000.0 + s.trunc() * 1000.0 + ms.trunc();
    day * MS_PER_DAY + time
}

/// TimeClip.
pub fn time_clip(t: f64) -> f64 {
    if !t.is_finite() || t.abs() > 8.64e15 {
        f64::NAN
    } else {
        t.trunc() + 0.0
    }
}

fn year_str(y: i64) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    }
}

/// `toISOString` (None for an invalid date).
pub fn iso_string(t: f64) -> Option<String> {
    if t.is_nan() {
        return None;
    }
    let (y, m, d) = ymd(t);
    let (h, mi, s, ms) = time_parts(t);
    Some(format!(
        "{}-{:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z",
        year_str(y),
        m + 1
    ))
}

fn display_year(y: i64) -> String {
    if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("{y:04}")
    }
}

/// `toString`: `Thu Feb 29 2024 12:30:45 GMT+0000 (Coordinated Universal Time)`.
pub fn to_string_full(t: f64) -> String {
    if t.is_nan() {
        return "Invalid Date".into();
    }
    format!("{} {}", date_part(t), time_part(t))
}

fn date_part(t: f64) -> String {
    let (y, m, d) = ymd(t);
    format!(
        "{} {} {d:02} {}",
        DAYS[weekday(t)],
        MONTHS[m],
        display_year(y)
    )
}

fn time_part(t: f64) -> String {
    let (h, mi, s, _) = time_parts(t);
    format!("{h:02}:{mi:02}:{s:02} GMT+0000 (Coordinated Universal Time)")
}

/// How `util.inspect` shows a date.
pub fn inspect_string(t: f64) -> String {
    iso_string(t).unwrap_or_else(|| "Invalid Date".into())
}

fn utc_string(t: f64) -> String {
    if t.is_nan() {
        return "Invalid Date".into();
    }
    let (y, m, d) = ymd(t);
    let (h, mi, s, _) = time_parts(t);
    format!(
        "{}, {d:02} {} {} {h:02}:{mi:02}:{s:02} GMT",
        DAYS[weekday(t)],
        MONTHS[m],
        display_year(y)
    )
}

/// Date.parse: the ISO format (date-only forms are UTC), then the legacy forms V8
/// accepts (`Mar 7 2024`, `March 7, 2024 10:00:00`, `2024/03/07`, RFC 2822).
pub fn parse(s: &str) -> f64 {
    let s = s.trim();
    if let Some(t) = parse_iso(s) {
        return t;
    }
    parse_legacy(s).unwrap_or(f64::NAN)
}

fn parse_iso(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, n: usize| -> Option<f64> {
        let part = s.get(*i..*i + n)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        *i += n;
        part.parse().ok()
    };
    let year = if matches!(b.first(), Some(b'+') | Some(b'-')) {
        let neg = b[0] == b'-';
        i = 1;
        let y = num(&mut i, 6)?;
        if neg {
            -y
        } else {
            y
        }
    } else {
        num(&mut i, 4)?
    };
    let mut month = 1.0;
    let mut day = 1.0;
    if b.get(i) == Some(&b'-') {
        i += 1;
        month = num(&mut i, 2)?;
        if b.get(i) == Some(&b'-') {
            i += 1;
            day = num(&mut i, 2)?;
        }
    }
    let (mut h, mut mi, mut sec, mut ms) = (0.0, 0.0, 0.0, 0.0);
    let mut offset: Option<f64> = None;
    let date_only = i == b.len();
    if !date_only {
        if b.get(i) != Some(&b'T') && b.get(i) != Some(&b't') && b.get(i) != Some(&b' ') {
            return None;
        }
        i += 1;
        h = num(&mut i, 2)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i += 1;
        mi = num(&mut i, 2)?;
        if b.get(i) == Some(&b':') {
            i += 1;
            sec = num(&mut i, 2)?;
            if b.get(i) == Some(&b'.') {
                i += 1;
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let frac = &s[start..i];
                if frac.is_empty() {
                    return None;
                }
                let f: String = frac.chars().chain("000".chars()).take(3).collect();
                ms = f.parse().ok()?;
            }
        }
        match b.get(i) {
            None => {}
            Some(b'Z') | Some(b'z') => {
                offset = Some(0.0);
                i += 1;
            }
            Some(b'+') | Some(b'-') => {
                let sign = if b[i] == b'-' { -1.0 } else { 1.0 };
                i += 1;
                let oh = num(&mut i, 2)?;
                if b.get(i) == Some(&b':') {
                    i += 1;
                }
                let om = num(&mut i, 2)?;
                offset = Some(sign * (oh * 60.0 + om));
            }
            _ => return None,
        }
        if i != b.len() {
            return None;
        }
    }
    if !(1.0..=12.0).contains(&month)
        || !(1.0..=31.0).contains(&day)
        || h > 24.0
        || mi > 59.0
        || sec > 59.0
    {
        return None;
    }
    let t = make_time(year, month - 1.0, day, h, mi, sec, ms) - offset.unwrap_or(0.0) * 60_000.0;
    Some(time_clip(t))
}

fn parse_legacy(s: &str) -> Option<f64> {
    let mut year: Option<f64> = None;
    let mut month: Option<f64> = None;
    let mut day: Option<f64> = None;
    let (mut h, mut mi, mut sec) = (0.0, 0.0, 0.0);
    let mut pm: Option<bool> = None;
    let mut offset = 0.0;
    let cleaned: String = s.chars().map(|c| if c == ',' { ' ' } else { c }).collect();
    let mut nums: Vec<f64> = Vec::new();
    for tok in cleaned.split_whitespace() {
        let lower = tok.to_ascii_lowercase();
        if let Some(m) = LONG_MONTHS
            .iter()
            .position(|n| lower.len() >= 3 && n.to_ascii_lowercase().starts_with(&lower))
        {
            month = Some(m as f64);
            continue;
        }
        if DAYS
            .iter()
            .any(|d| lower.starts_with(&d.to_ascii_lowercase()))
        {
            continue;
        }
        if lower == "am" || lower == "pm" {
            pm = Some(lower == "pm");
            continue;
        }
        if lower == "gmt" || lower == "utc" || lower == "z" {
            continue;
        }
        if let Some(rest) = lower
            .strip_prefix("gmt")
            .or_else(|| lower.strip_prefix("utc"))
            .or_else(|| {
                if lower.starts_with('+') || (lower.starts_with('-') && lower.len() == 5) {
                    Some(&lower[..])
                } else {
                    None
                }
            })
        {
            let sign = if rest.starts_with('-') { -1.0 } else { 1.0 };
            let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() == 4 {
                let v: f64 = digits.parse().ok()?;
                offset = sign * ((v / 100.0).floor() * 60.0 + v % 100.0);
                continue;
            }
        }
        if tok.starts_with('(') {
            break;
        }
        if tok.contains(':') {
            let parts: Vec<&str> = tok.split(':').collect();
            h = parts.first()?.parse().ok()?;
            mi = parts.get(1).map(|x| x.parse().ok()).unwrap_or(Some(0.0))?;
            sec = parts.get(2).map(|x| x.parse().ok()).unwrap_or(Some(0.0))?;
            continue;
        }
        if tok.contains('/') || (tok.contains('-') && tok.chars().next()?.is_ascii_digit()) {
            let parts: Vec<f64> = tok
                .split(['/', '-'])
                .map(|x| x.parse().ok())
                .collect::<Option<_>>()?;
            if parts.len() == 3 {
                if parts[0] > 31.0 {
                    year = Some(parts[0]);
                    month = Some(parts[1] - 1.0);
                    day = Some(parts[2]);
                } else {
                    month = Some(parts[0] - 1.0);
                    day = Some(parts[1]);
                    year = Some(parts[2]);
                }
                continue;
            }
            return None;
        }
        let n: f64 = tok.parse().ok()?;
        nums.push(n);
    }
    for n in nums {
        if day.is_none() && n <= 31.0 && month.is_some() {
            day = Some(n);
        } else if year.is_none() {
            year = Some(if n < 50.0 {
                2000.0 + n
            } else if n < 100.0 {
                1900.0 + n
            } else {
                n
            });
        } else if day.is_none() {
            day = Some(n);
        } else {
            return None;
        }
    }
    let (y, m) = (year?, month?);
    if let Some(p) = pm {
        if p && h < 12.0 {
            h += 12.0;
        } else if !p && h == 12.0 {
            h = 0.0;
        }
    }
    let t = make_time(y, m, day.unwrap_or(1.0), h, mi, sec, 0.0) - offset * 60_000.0;
    Some(time_clip(t))
}

fn now(vm: &Vm) -> f64 {
    EPOCH_BASE_MS + vm.events.now as f64
}

fn this_time(vm: &mut Vm, c: &NativeCall) -> Res<f64> {
    let o = this_obj_of(vm, c, "this is not a Date object.")?;
    match vm.heap.kind(o) {
        Some(Kind::Date(t)) => Ok(*t),
        _ => Err(vm.type_error("this is not a Date object.")),
    }
}

fn set_time_value(vm: &mut Vm, c: &NativeCall, t: f64) -> Res<Value> {
    let t = time_clip(t);
    if let Some(o) = c.this.as_obj() {
        if let Some(Kind::Date(x)) = vm.heap.get_mut(o).map(|o| &mut o.kind) {
            *x = t;
        }
    }
    Ok(Value::Num(t))
}

fn date_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Ok(Value::str(&to_string_full(now(vm))));
    }
    let t = match c.args.len() {
        0 => now(vm),
        1 => {
            let v = c.arg(0);
            match &v {
                Value::Obj(o) if matches!(vm.heap.kind(*o), Some(Kind::Date(_))) => {
                    match vm.heap.kind(*o) {
                        Some(Kind::Date(t)) => *t,
                        _ => f64::NAN,
                    }
                }
                _ => match vm.to_primitive(&v, "default")? {
                    Value::Str(s) => parse(&s),
                    p => vm.to_number(&p)?,
                },
            }
        }
        _ => {
            let mut f = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
            for (i, slot) in f.iter_mut().enumerate().take(c.args.len().min(7)) {
                *slot = vm.to_number(&c.arg(i))?;
            }
            if f[0].is_finite() && (0.0..=99.0).contains(&f[0].trunc()) {
                f[0] = 1900.0 + f[0].trunc();
            }
            make_time(f[0], f[1], f[2], f[3], f[4], f[5], f[6])
        }
    };
    let dp = vm.realm.date_proto;
    let proto = vm.proto_for(c, dp)?;
    Ok(Value::Obj(vm.alloc(Some(proto), Kind::Date(time_clip(t)))))
}

fn date_now(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(now(vm)))
}

fn date_parse(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    Ok(Value::Num(parse(&s)))
}

fn date_utc(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut f = [f64::NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    for (i, slot) in f.iter_mut().enumerate().take(c.args.len().min(7)) {
        *slot = vm.to_number(&c.arg(i))?;
    }
    if f[0].is_finite() && (0.0..=99.0).contains(&f[0].trunc()) {
        f[0] = 1900.0 + f[0].trunc();
    }
    Ok(Value::Num(time_clip(make_time(
        f[0], f[1], f[2], f[3], f[4], f[5], f[6],
    ))))
}

macro_rules! getter {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            let t = this_time(vm, c)?;
            if t.is_nan() {
                return Ok(Value::Num(f64::NAN));
            }
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Num(f(t)))
        }
    };
}

getter!(get_time, |t| t);
getter!(get_year, |t| ymd(t).0 as f64);
getter!(get_year_legacy, |t| ymd(t).0 as f64 - 1900.0);
getter!(get_month, |t| ymd(t).1 as f64);
getter!(get_date, |t| ymd(t).2 as f64);
getter!(get_day, |t| weekday(t) as f64);
getter!(get_hours, |t| time_parts(t).0 as f64);
getter!(get_minutes, |t| time_parts(t).1 as f64);
getter!(get_seconds, |t| time_parts(t).2 as f64);
getter!(get_ms, |t| time_parts(t).3 as f64);
getter!(get_tz_offset, |_| 0.0);

/// Which field a setter starts at.
#[derive(Clone, Copy)]
enum Field {
    Year,
    Month,
    Date,
    Hours,
    Minutes,
    Seconds,
    Ms,
}

fn set_fields(vm: &mut Vm, c: &NativeCall, start: Field, max_args: usize) -> Res<Value> {
    let t = this_time(vm, c)?;
    let base = if t.is_nan() && matches!(start, Field::Year) {
        0.0
    } else {
        t
    };
    let mut args = Vec::new();
    for i in 0..c.args.len().clamp(1, max_args) {
        args.push(vm.to_number(&c.arg(i))?);
    }
    if base.is_nan() {
        return Ok(Value::Num(f64::NAN));
    }
    let (y, m, d) = ymd(base);
    let (h, mi, s, ms) = time_parts(base);
    let mut f = [
        y as f64, m as f64, d as f64, h as f64, mi as f64, s as f64, ms as f64,
    ];
    let first = start as usize;
    for (i, a) in args.into_iter().enumerate() {
        f[first + i] = a;
    }
    set_time_value(vm, c, make_time(f[0], f[1], f[2], f[3], f[4], f[5], f[6]))
}

macro_rules! setter {
    ($name:ident, $field:expr, $n:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            set_fields(vm, c, $field, $n)
        }
    };
}

setter!(set_full_year, Field::Year, 3);
setter!(set_month, Field::Month, 2);
setter!(set_date, Field::Date, 1);
setter!(set_hours, Field::Hours, 4);
setter!(set_minutes, Field::Minutes, 3);
setter!(set_seconds, Field::Seconds, 2);
setter!(set_ms, Field::Ms, 1);

fn set_time(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_time(vm, c)?;
    let t = vm.to_number(&c.arg(0))?;
    set_time_value(vm, c, t)
}

fn to_iso(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_time(vm, c)?;
    match iso_string(t) {
        Some(s) => Ok(Value::str(&s)),
        None => Err(vm.range_error("Invalid time value")),
    }
}

fn to_json(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let tv = vm.to_primitive(&c.this, "number")?;
    if let Value::Num(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    let f = vm.get(&c.this, &crate::value::PropKey::s("toISOString"))?;
    vm.call(&f, c.this.clone(), vec![])
}

macro_rules! formatter {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
            let t = this_time(vm, c)?;
            if t.is_nan() {
                return Ok(Value::str("Invalid Date"));
            }
            let f: fn(f64) -> String = $f;
            Ok(Value::str(&f(t)))
        }
    };
}

formatter!(to_string, to_string_full);
formatter!(to_date_string, date_part);
formatter!(to_time_string, time_part);
formatter!(to_utc_string, utc_string);
fn locale_format(vm: &mut Vm, c: &NativeCall, d: super::intl::datetime::Defaults) -> Res<Value> {
    let t = this_time(vm, c)?;
    let s = super::intl::datetime::to_locale_string(vm, t, &c.arg(0), &c.arg(1), d)?;
    Ok(Value::str(&s))
}

fn to_locale_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    locale_format(vm, c, super::intl::datetime::Defaults::All)
}

fn to_locale_date_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    locale_format(vm, c, super::intl::datetime::Defaults::Date)
}

fn to_locale_time_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    locale_format(vm, c, super::intl::datetime::Defaults::Time)
}

fn value_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Num(this_time(vm, c)?))
}

fn to_primitive(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let hint = vm.to_string(&c.arg(0))?;
    let order = match &*hint {
        "string" | "default" => ["toString", "valueOf"],
        "number" => ["valueOf", "toString"],
        _ => return Err(vm.type_error(&format!("Invalid hint: {hint}"))),
    };
    for m in order {
        let f = vm.get(&c.this, &crate::value::PropKey::s(m))?;
        if vm.is_callable(&f) {
            let r = vm.call(&f, c.this.clone(), vec![])?;
            if !matches!(r, Value::Obj(_)) {
                return Ok(r);
            }
        }
    }
    Err(vm.type_error("Cannot convert object to primitive value"))
}

pub fn install(vm: &mut Vm) {
    let dp = vm.realm.date_proto;
    let dc = make_ctor(vm, "Date", 7, date_ctor, dp);
    vm.method(dc, "now", 0, date_now);
    vm.method(dc, "parse", 1, date_parse);
    vm.method(dc, "UTC", 7, date_utc);
    let methods: [(&str, u32, NativeFnPtr); 46] = [
        ("getTime", 0, get_time),
        ("valueOf", 0, value_of),
        ("getFullYear", 0, get_year),
        ("getUTCFullYear", 0, get_year),
        ("getYear", 0, get_year_legacy),
        ("getMonth", 0, get_month),
        ("getUTCMonth", 0, get_month),
        ("getDate", 0, get_date),
        ("getUTCDate", 0, get_date),
        ("getDay", 0, get_day),
        ("getUTCDay", 0, get_day),
        ("getHours", 0, get_hours),
        ("getUTCHours", 0, get_hours),
        ("getMinutes", 0, get_minutes),
        ("getUTCMinutes", 0, get_minutes),
        ("getSeconds", 0, get_seconds),
        ("getUTCSeconds", 0, get_seconds),
        ("getMilliseconds", 0, get_ms),
        ("getUTCMilliseconds", 0, get_ms),
        ("getTimezoneOffset", 0, get_tz_offset),
        ("setTime", 1, set_time),
        ("setFullYear", 3, set_full_year),
        ("setUTCFullYear", 3, set_full_year),
        ("setMonth", 2, set_month),
        ("setUTCMonth", 2, set_month),
        ("setDate", 1, set_date),
        ("setUTCDate", 1, set_date),
        ("setHours", 4, set_hours),
        ("setUTCHours", 4, set_hours),
        ("setMinutes", 3, set_minutes),
        ("setUTCMinutes", 3, set_minutes),
        ("setSeconds", 2, set_seconds),
        ("setUTCSeconds", 2, set_seconds),
        ("setMilliseconds", 1, set_ms),
        ("setUTCMilliseconds", 1, set_ms),
        ("toISOString", 0, to_iso),
        ("toJSON", 1, to_json),
        ("toString", 0, to_string),
        ("toDateString", 0, to_date_string),
        ("toTimeString", 0, to_time_string),
        ("toUTCString", 0, to_utc_string),
        ("toGMTString", 0, to_utc_string),
        ("toLocaleString", 0, to_locale_string),
        ("toLocaleDateString", 0, to_locale_date_string),
        ("toLocaleTimeString", 0, to_locale_time_string),
        ("@Symbol.toPrimitive", 1, to_primitive),
    ];
    for (n, l, f) in methods {
        vm.method(dp, n, l, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        let t = make_time(2024.0, 1.0, 29.0, 12.0, 30.0, 45.0, 123.0);
        assert_eq!(t, 1709209845123.0);
        assert_eq!(iso_string(t).as_deref(), Some("2024-02-29T12:30:45.123Z"));
        assert_eq!(weekday(t), 4);
        assert_eq!(parse("2024-02-29T12:30:45.123Z"), t);
        assert_eq!(
            parse("2024-02-29"),
            make_time(2024.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0)
        );
        assert_eq!(
            to_string_full(0.0),
            "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
        );
        assert_eq!(
            parse("March 7, 2024"),
            make_time(2024.0, 2.0, 7.0, 0.0, 0.0, 0.0, 0.0)
        );
        assert!(parse("not a date").is_nan());
    }
}
