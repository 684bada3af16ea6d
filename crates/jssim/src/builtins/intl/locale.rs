//! Locale data lookup: the tables of [`super::locale_data`] (generated from Node's
//! ICU) by language and region, with `en-US` as the fallback.

pub use super::locale_data::{DATE_LOCALES, NUMBER_LOCALES};

/// Date names and patterns of one locale.
#[derive(Debug)]
pub struct DateLocale {
    pub tag: &'static str,
    /// The locale's default hour cycle is 12 hours.
    pub hour12: bool,
    /// Month names in dates (format context) and alone (standalone context).
    pub months_long: [&'static str; 12],
    pub months_short: [&'static str; 12],
    pub months_narrow: [&'static str; 12],
    pub months_long_alone: [&'static str; 12],
    pub months_short_alone: [&'static str; 12],
    /// Weekday names, Sunday first.
    pub weekdays_long: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    pub weekdays_narrow: [&'static str; 7],
    /// AM and PM.
    pub periods: [&'static str; 2],
    /// The long name of UTC.
    pub utc_long: &'static str,
    /// The text between a date and a time, by date style (full, long, medium, short).
    pub joiners: [&'static str; 4],
    /// The prefix of offset zone names (`GMT` in `GMT+8`, `UTC` in French).
    pub gmt: &'static str,
    /// (skeleton, CLDR pattern): `date:full`..., `time:short`..., `join:medium`
    /// (date and time styles together), field lists like `y,MMM,d`, time skeletons
    /// (`hmm`, `Hmmss`, `hmz`: an `mm`/`ss` asked 2-digit), and `default:date|time|both`.
    pub patterns: &'static [(&'static str, &'static str)],
}

/// Number symbols and patterns of one locale (`#` stands for the number, `¤` for
/// the currency, `%` for the percent sign, `-` for the minus sign).
#[derive(Debug)]
pub struct NumberLocale {
    pub tag: &'static str,
    pub decimal: &'static str,
    pub group: &'static str,
    pub minus: &'static str,
    /// Integer digits needed before grouping applies minus 3 (2: `1234` ungrouped).
    pub min_grouping: u8,
    /// Groups of two after the first three (`12,34,567`).
    pub indian_grouping: bool,
    pub percent: &'static str,
    pub currency: &'static str,
    pub currency_negative: &'static str,
    pub accounting_negative: &'static str,
    /// (code, symbol, narrow symbol).
    pub symbols: &'static [(&'static str, &'static str, &'static str)],
    /// (power of ten, short form of 10^power, long form).
    pub compact: &'static [(u32, &'static str, &'static str)],
    /// (unit, [short one, short other, long one, long other, narrow one, narrow other]).
    pub units: &'static [(&'static str, [&'static str; 6])],
    /// (code, one, other) patterns of `currencyDisplay: 'name'`.
    pub currency_names: &'static [(&'static str, &'static str, &'static str)],
}

/// Languages with data (others use `en-US`).
pub fn supported(tag: &str) -> bool {
    let lang = tag.split('-').next().unwrap_or("");
    DATE_LOCALES
        .iter()
        .any(|l| l.tag.starts_with(lang) && l.tag[lang.len()..].starts_with('-'))
        || matches!(
            lang,
            "da" | "fi" | "nb" | "no" | "nn" | "tr" | "cs" | "el" | "he" | "uk"
        )
}

/// The best table for `tag`: same language and region, same language, `en-US`.
fn pick<T>(items: &'static [T], tag: &str, tag_of: impl Fn(&T) -> &'static str) -> &'static T {
    if let Some(x) = items.iter().find(|x| tag_of(x) == tag) {
        return x;
    }
    let lang = tag.split('-').next().unwrap_or("");
    // English outside the US writes dates like the UK.
    if lang == "en" && tag != "en" {
        if let Some(x) = items.iter().find(|x| tag_of(x) == "en-GB") {
            return x;
        }
    }
    items
        .iter()
        .find(|x| tag_of(x).split('-').next() == Some(lang))
        .unwrap_or(&items[0])
}

pub fn date_locale(tag: &str) -> &'static DateLocale {
    pick(DATE_LOCALES, tag, |l| l.tag)
}

pub fn number_locale(tag: &str) -> &'static NumberLocale {
    pick(NUMBER_LOCALES, tag, |l| l.tag)
}
