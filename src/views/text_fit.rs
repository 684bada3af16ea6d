//! Fits the heap graph's text into its boxes: widths measured as a browser draws them (the
//! Arial-metric table the Mermaid renderer uses for sans-serif, a fixed advance for
//! monospace), and text wrapped onto lines, at spaces where it can and between characters
//! inside a long word, so a label is never cut; only a text longer than [`MAX_LINES`]
//! lines (a long string value) ends its last line with `…`.

use merman::svg::TextStyle;

use crate::mermaid::text_width;

/// Font size of every text in the heap graph, in pixels (`panels.css`).
pub const FONT_PX: f64 = 12.0;
/// Advance of one monospace character, in em: the widest of the stack's fonts (DejaVu Sans
/// Mono and Menlo draw 0.602em, SF Mono 0.6em, Consolas 0.55em).
const MONO_EM: f64 = 0.61;

/// Lines a text may take in a box; a longer one (`"x" * 100_000`) is shortened.
pub const MAX_LINES: usize = 6;

/// How a piece of text is drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Font {
    Sans,
    SansBold,
    Mono,
}

/// The rendered width of `text` in `font`, in pixels.
pub fn width(text: &str, font: Font) -> f64 {
    match font {
        Font::Sans | Font::SansBold => {
            let style = TextStyle {
                font_size: FONT_PX,
                font_weight: (font == Font::SansBold).then(|| "700".to_owned()),
                ..TextStyle::default()
            };
            text_width::width_px(text, &style)
        }
        Font::Mono => text
            .chars()
            .map(|ch| {
                if text_width::is_wide(u32::from(ch)) {
                    FONT_PX
                } else {
                    MONO_EM * FONT_PX
                }
            })
            .sum(),
    }
}

/// `text` in lines no wider than `max` pixels: words are kept whole where they fit on a
/// line, and a word wider than the line is split between characters. Never empty; at
/// most [`MAX_LINES`] lines, the last ending in `…` when the text goes on.
pub fn wrap(text: &str, max: f64, font: Font) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        if lines.len() >= MAX_LINES {
            return shortened(lines, max, font);
        }
        let joined = format!("{line}{word}");
        if width(joined.trim_end(), font) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_owned());
            line = String::new();
        }
        for ch in word.chars() {
            line.push(ch);
            if line.chars().count() > 1 && width(line.trim_end(), font) > max {
                line.pop();
                lines.push(line);
                if lines.len() >= MAX_LINES {
                    return shortened(lines, max, font);
                }
                line = ch.to_string();
            }
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() > MAX_LINES {
        return shortened(lines, max, font);
    }
    lines
}

/// The first [`MAX_LINES`] lines, the last one ending in `…` within `max`.
fn shortened(mut lines: Vec<String>, max: f64, font: Font) -> Vec<String> {
    lines.truncate(MAX_LINES);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && width(&format!("{last}…"), font) > max {
            last.pop();
        }
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("list#1", 100.0, Font::SansBold), ["list#1"]);
        assert_eq!(wrap("", 100.0, Font::Sans), [""]);
    }

    #[test]
    fn words_wrap_at_spaces_and_nothing_is_lost() {
        let lines = wrap("Closure#1 (unreachable)", 90.0, Font::SansBold);
        assert_eq!(lines, ["Closure#1", "(unreachable)"]);
    }

    #[test]
    fn a_long_word_is_split_between_characters_within_the_width() {
        let word = "addEventListenerWithAVeryLongName";
        let lines = wrap(word, 60.0, Font::Mono);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| width(l, Font::Mono) <= 60.0));
    }

    #[test]
    fn a_very_long_text_is_shortened_after_the_last_line() {
        let text = "x".repeat(100_000);
        let lines = wrap(&text, 96.0, Font::Mono);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[MAX_LINES - 1].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, Font::Mono) <= 96.0));
        let words = "word ".repeat(2000);
        assert_eq!(wrap(&words, 96.0, Font::Sans).len(), MAX_LINES);
    }

    #[test]
    fn monospace_counts_a_fixed_advance_and_cjk_one_em() {
        assert!((width("abcd", Font::Mono) - 4.0 * 0.61 * 12.0).abs() < 1e-9);
        assert_eq!(width("内存", Font::Mono), 24.0);
    }
}
