//! Reading `updateTime` leniently: notes write it free-form (`2025-5-15 15:56`,
//! `2025/05/15`, `2025年5月15日`, RFC 3339 with or without a zone). Times without a zone
//! are in the site's `timezone` (UTC unless `gen.toml` says otherwise), never the build
//! machine's, so the same notes always give the same feed and sitemap.

/// A calendar date and time with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Minutes east of UTC.
    pub offset: i32,
}

impl DateTime {
    /// RFC 3339, as Atom wants it: `2025-05-15T15:56:00Z` or `…+08:00`.
    pub fn rfc3339(&self) -> String {
        let zone = if self.offset == 0 {
            "Z".to_string()
        } else {
            let sign = if self.offset < 0 { '-' } else { '+' };
            let abs = self.offset.unsigned_abs();
            format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
        };
        format!(
            "{}T{:02}:{:02}:{:02}{zone}",
            self.date(),
            self.hour,
            self.minute,
            self.second
        )
    }

    /// `2025-05-15`, as a sitemap's `lastmod`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Seconds since 1970-01-01T00:00:00Z, for ordering across zones.
    pub fn timestamp(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset) * 60
    }
}

/// Parses a UTC offset as `gen.toml`'s `timezone` gives it: `+08:00`, `-0530`, `+8`,
/// `UTC`, `Z`, or nothing (UTC). Minutes east of UTC.
pub fn parse_offset(text: &str) -> Option<i32> {
    let mut s = Scanner {
        chars: text.trim().chars().collect(),
        pos: 0,
    };
    let offset = s.zone()?.unwrap_or(0);
    (s.pos == s.chars.len()).then_some(offset)
}

/// Parses a free-form date; a time without a zone is `offset` minutes east of UTC.
/// `None` when no valid calendar date can be read.
pub fn parse(text: &str, offset: i32) -> Option<DateTime> {
    let text = text
        .trim()
        .replace(['年', '月'], "-")
        .replace('日', " ")
        .replace(['时', '点', '分'], ":")
        .replace('秒', "");
    let mut s = Scanner {
        chars: text.trim().chars().collect(),
        pos: 0,
    };
    let (year, month, day) = s.date()?;
    let mut dt = DateTime {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        offset,
    };
    s.skip(|c| c == 'T' || c == 't' || c.is_whitespace());
    if let Some((h, m, sec)) = s.time() {
        (dt.hour, dt.minute, dt.second) = (h, m, sec);
        s.skip(char::is_whitespace);
        if let Some(zone) = s.zone()? {
            dt.offset = zone;
        }
    }
    s.skip(|c| c.is_whitespace() || c == ':');
    if s.pos < s.chars.len() {
        return None;
    }
    let valid = (1..=12).contains(&dt.month)
        && dt.day >= 1
        && dt.day <= days_in_month(dt.year, dt.month)
        && dt.hour < 24
        && dt.minute < 60
        && dt.second < 61;
    dt.second = dt.second.min(59);
    valid.then_some(dt)
}

struct Scanner {
    chars: Vec<char>,
    pos: usize,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip(&mut self, pred: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&pred) {
            self.pos += 1;
        }
    }

    /// Up to `max` ASCII digits (at least one) as a number.
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let start = self.pos;
        let mut n: u32 = 0;
        while self.pos - start < max {
            match self.peek().and_then(|c| c.to_digit(10)) {
                Some(d) => {
                    n = n * 10 + d;
                    self.pos += 1;
                }
                None => break,
            }
        }
        (self.pos > start).then_some((n, self.pos - start))
    }

    fn eat(&mut self, set: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| set.contains(c))?;
        self.pos += 1;
        Some(c)
    }

    /// `YYYY-M-D` (or `/`, `.` between), or `YYYYMMDD`.
    fn date(&mut self) -> Option<(i32, u32, u32)> {
        let (year, digits) = self.number(8)?;
        if digits == 8 {
            return Some((
                i32::try_from(year / 10_000).ok()?,
                year / 100 % 100,
                year % 100,
            ));
        }
        if digits != 4 {
            return None;
        }
        let sep = self.eat(&['-', '/', '.'])?;
        let (month, _) = self.number(2)?;
        self.eat(&[sep])?;
        let (day, _) = self.number(2)?;
        Some((i32::try_from(year).ok()?, month, day))
    }

    /// `H:MM`, `H:MM:SS` and fractions of a second (dropped).
    fn time(&mut self) -> Option<(u32, u32, u32)> {
        let start = self.pos;
        let parsed = (|| {
            let (h, _) = self.number(2)?;
            self.eat(&[':'])?;
            let (m, _) = self.number(2)?;
            let mut sec = 0;
            let digit_follows = self
                .chars
                .get(self.pos + 1)
                .is_some_and(char::is_ascii_digit);
            if self.peek() == Some(':') && digit_follows {
                self.pos += 1;
                sec = self.number(2)?.0;
                if self.eat(&['.', ',']).is_some() {
                    self.skip(|c| c.is_ascii_digit());
                }
            }
            Some((h, m, sec))
        })();
        if parsed.is_none() {
            self.pos = start;
        }
        parsed
    }

    /// `Z`, `UTC`, `GMT`, `+08:00`, `+0800`, `+08`, or nothing (`Some(None)`); `None`
    /// when the zone is malformed.
    fn zone(&mut self) -> Option<Option<i32>> {
        let rest: String = self.chars[self.pos..].iter().collect();
        for name in ["Z", "z", "UTC", "GMT"] {
            if rest.starts_with(name) {
                self.pos += name.len();
                return Some(Some(0));
            }
        }
        let Some(sign) = self.eat(&['+', '-']) else {
            return Some(None);
        };
        let (h, digits) = self.number(4)?;
        let (h, m) = match digits {
            4 => (h / 100, h % 100),
            1 | 2 => {
                let m = if self.eat(&[':']).is_some() {
                    self.number(2)?.0
                } else {
                    0
                };
                (h, m)
            }
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        let minutes = i32::try_from(h * 60 + m).ok()?;
        Some(Some(if sign == '-' { -minutes } else { minutes }))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse(text, 0).map(|d| d.rfc3339())
    }

    #[test]
    fn reads_the_forms_notes_use() {
        assert_eq!(
            iso("2025-5-15 15:56").as_deref(),
            Some("2025-05-15T15:56:00Z")
        );
        assert_eq!(iso("2025/05/15").as_deref(), Some("2025-05-15T00:00:00Z"));
        assert_eq!(
            iso("2025.5.1 9:05:07").as_deref(),
            Some("2025-05-01T09:05:07Z")
        );
        assert_eq!(
            iso("2025年5月15日").as_deref(),
            Some("2025-05-15T00:00:00Z")
        );
        assert_eq!(
            iso("2025年5月15日 15时56分").as_deref(),
            Some("2025-05-15T15:56:00Z")
        );
        assert_eq!(iso("20250515").as_deref(), Some("2025-05-15T00:00:00Z"));
        assert_eq!(
            iso("2025-05-15T15:56:00.123+08:00").as_deref(),
            Some("2025-05-15T15:56:00+08:00")
        );
        assert_eq!(
            iso("2025-05-15 15:56 +0530").as_deref(),
            Some("2025-05-15T15:56:00+05:30")
        );
        assert_eq!(
            iso("2025-05-15T15:56Z").as_deref(),
            Some("2025-05-15T15:56:00Z")
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2025-13-01",
            "2025-2-30",
            "15/5/2025",
            "2025-5-15 25:00",
            "2025-5-15 xyz",
        ] {
            assert_eq!(parse(bad, 0), None, "{bad}");
        }
        assert!(parse("2024-2-29", 0).is_some());
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "2025-",
            "2025-1-",
            "2025-1-1 1:",
            "2025-1-1 1:2:",
            "2025-1-1 +",
            "2025-1-1 10:00+99",
            "２０２５-1-1",
            "2025-1-1 10:00 extra",
            "年月日",
            "2025年",
            "99999999",
            "00000000",
            "\u{0}",
        ];
        for text in odd {
            let _ = parse(text, 0);
            let _ = parse_offset(text);
        }
        assert_eq!(parse("00000000", 0), None);
    }

    #[test]
    fn times_without_a_zone_take_the_sites() {
        let beijing = parse_offset("+08:00").unwrap();
        assert_eq!(beijing, 480);
        let t = parse("2025-5-15 15:56", beijing).unwrap();
        assert_eq!(t.rfc3339(), "2025-05-15T15:56:00+08:00");
        assert_eq!(parse("2025-5-15 15:56Z", beijing).unwrap().offset, 0);
        assert_eq!(parse_offset("UTC"), Some(0));
        assert_eq!(parse_offset(""), Some(0));
        assert_eq!(parse_offset("-0530"), Some(-330));
        assert_eq!(parse_offset("Beijing"), None);
        assert_eq!(parse_offset("+25:00"), None);
    }

    #[test]
    fn timestamps_order_across_zones() {
        assert_eq!(parse("1970-01-01", 0).unwrap().timestamp(), 0);
        assert_eq!(parse("2000-03-01", 0).unwrap().timestamp(), 951_868_800);
        let east = parse("2025-05-15T08:00+08:00", 0).unwrap();
        assert_eq!(
            east.timestamp(),
            parse("2025-05-15T00:00Z", 0).unwrap().timestamp()
        );
    }
}
