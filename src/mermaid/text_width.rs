//! Label widths for Mermaid layout, measured as a browser would with an Arial-metric font.
//!
//! merman's built-in estimate is 9–20% narrower than Chromium with Arial, which clips class
//! and state labels. Latin, Greek, Cyrillic and common symbols come from the committed
//! Liberation Sans advance table (`arial_widths.rs`); CJK and other wide characters count
//! 1em, as the CJK fonts named in the diagram's font stack draw them.

use merman::svg::TextStyle;

use super::arial_widths::{ADVANCES, UNITS_PER_EM};

/// Width in em of a character missing from the table that is not wide: the advance of `n`.
const FALLBACK_EM: f64 = 1139.0 / 2048.0;

/// The rendered width in pixels of `text` on one line in `style`.
pub fn width_px(text: &str, style: &TextStyle) -> f64 {
    let bold = is_bold(style.font_weight.as_deref());
    let ems: f64 = text.chars().map(|ch| char_em(ch, bold)).sum();
    ems * style.font_size
}

fn is_bold(weight: Option<&str>) -> bool {
    match weight.map(str::trim) {
        Some("bold" | "bolder") => true,
        Some(w) => w.parse::<u32>().is_ok_and(|n| n >= 600),
        None => false,
    }
}

fn char_em(ch: char, bold: bool) -> f64 {
    let cp = u32::from(ch);
    if let Ok(i) = ADVANCES.binary_search_by_key(&cp, |&(c, _, _)| c) {
        let (_, regular, heavy) = ADVANCES[i];
        return f64::from(if bold { heavy } else { regular }) / UNITS_PER_EM;
    }
    if is_zero_width(cp) {
        0.0
    } else if is_wide(cp) {
        1.0
    } else {
        FALLBACK_EM
    }
}

fn is_zero_width(cp: u32) -> bool {
    matches!(cp, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0xFEFF) || cp < 0x20
}

/// East Asian wide and fullwidth characters (CJK, kana, Hangul, fullwidth forms, emoji).
pub(crate) fn is_wide(cp: u32) -> bool {
    matches!(
        cp,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x3FFFD
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(size: f64, weight: Option<&str>) -> TextStyle {
        TextStyle {
            font_size: size,
            font_weight: weight.map(str::to_owned),
            ..TextStyle::default()
        }
    }

    #[test]
    fn latin_uses_arial_advances() {
        // Arial's "a" is 1139/2048 em and "i" 455/2048 em.
        let w = width_px("ai", &style(16.0, None));
        assert!((w - (1139.0 + 455.0) / 2048.0 * 16.0).abs() < 1e-9);
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let regular = width_px("Animal", &style(14.0, None));
        let bold = width_px("Animal", &style(14.0, Some("bold")));
        assert!(bold > regular);
        assert_eq!(bold, width_px("Animal", &style(14.0, Some("700"))));
    }

    #[test]
    fn cjk_counts_one_em() {
        assert_eq!(width_px("内存堆", &style(16.0, None)), 48.0);
    }
}
