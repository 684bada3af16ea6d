//! Emoji in text, replaced as VitePress's markdown-it-emoji replaces them: `:name:` shortcodes
//! from the full set, and emoticon shortcuts (`:)`, `<3`) when no letter touches them. At
//! one position the match that sorts last wins (the plugin's reverse-sorted alternation),
//! and a shortcut refused for touching a letter still consumes its characters.

use super::emoji_table::{EMOJI, SHORTCUTS};

/// Longer than any shortcode name.
const MAX_NAME: usize = 64;

/// A piece of text after emoji replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Emoji(&'static str),
}

/// The emoji of a shortcode name (`tada` → 🎉).
pub fn lookup(name: &str) -> Option<&'static str> {
    EMOJI
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| EMOJI[i].1)
}

/// Splits `text` into plain runs and emoji.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    // Every shortcode and shortcut holds one of these.
    if !text.contains([':', '<', ';', ')']) {
        out.push(Piece::Text(text));
        return out;
    }
    let mut last = 0;
    let mut i = 0;
    while i < text.len() {
        let Some((len, emoji)) = match_at(text, i) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if let Some(emoji) = emoji {
            if i > last {
                out.push(Piece::Text(&text[last..i]));
            }
            out.push(Piece::Emoji(emoji));
            last = i + len;
        }
        i += len;
    }
    if last < text.len() {
        out.push(Piece::Text(&text[last..]));
    }
    out
}

/// The text with every emoji replaced.
pub fn replace(text: &str) -> String {
    split(text)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Emoji(t) => t,
        })
        .collect()
}

/// The match at byte `i`: its length, and its emoji (`None` for a refused shortcut).
fn match_at(text: &str, i: usize) -> Option<(usize, Option<&'static str>)> {
    let rest = &text[i..];
    let shortcode = rest.strip_prefix(':').and_then(|after| {
        let end = after.find(':').filter(|&end| end <= MAX_NAME)?;
        let name = &after[..end];
        lookup(name).map(|e| (&rest[..end + 2], e))
    });
    let first = rest.as_bytes()[0];
    let shortcut = SHORTCUTS
        .iter()
        .filter(|(alias, _)| alias.as_bytes()[0] == first && rest.starts_with(alias))
        .max_by_key(|(alias, _)| *alias);
    match (shortcode, shortcut) {
        (Some((code, emoji)), s) if s.is_none_or(|(alias, _)| code > *alias) => {
            Some((code.len(), Some(emoji)))
        }
        (_, Some((alias, name))) => {
            let before = text[..i].chars().next_back();
            let after = rest[alias.len()..].chars().next();
            let free = before.is_none_or(is_boundary) && after.is_none_or(is_boundary);
            Some((alias.len(), free.then(|| lookup(name)).flatten()))
        }
        _ => None,
    }
}

/// markdown-it's `ZPCc`: separators, punctuation and control characters. Non-ASCII
/// punctuation is approximated by the general, CJK and full-width punctuation blocks.
fn is_boundary(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace()
            || c.is_ascii_control()
            || (c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c));
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
        )
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c)
        || ('\u{3001}'..='\u{3003}').contains(&c)
        || ('\u{3008}'..='\u{3011}').contains(&c)
        || ('\u{3014}'..='\u{301f}').contains(&c)
        || ('\u{ff01}'..='\u{ff0f}').contains(&c)
        || ('\u{ff1a}'..='\u{ff20}').contains(&c)
        || ('\u{ff3b}'..='\u{ff40}').contains(&c)
        || ('\u{ff5b}'..='\u{ff65}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_and_shortcuts() {
        assert_eq!(replace("a :tada: b"), "a 🎉 b");
        assert_eq!(replace(":+1::-1:"), "👍👎");
        assert_eq!(
            replace("not :an_emoji_name: here"),
            "not :an_emoji_name: here"
        );
        assert_eq!(replace("smile :) now"), "smile 😃 now");
        assert_eq!(replace("http://x.org"), "http://x.org");
        assert_eq!(replace("I <3 it"), "I ❤️ it");
        assert_eq!(replace(":smile:"), "😄");
    }

    #[test]
    fn split_keeps_the_text_around() {
        assert_eq!(
            split("x:rocket:y"),
            vec![Piece::Text("x"), Piece::Emoji("🚀"), Piece::Text("y")]
        );
    }
}
