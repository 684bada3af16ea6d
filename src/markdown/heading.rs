//! The text a heading's id is made from, as VitePress's markdown-it-anchor sees it: the
//! content of the heading's text and inline-code tokens, nothing else (inline HTML, images
//! with their alt text, emoji from shortcodes, line breaks all drop out). VitePress keeps
//! an entity's source (`&amp;`) and turns an escaped `\&` into `&amp;` whenever the entity
//! or escape sits next to other text, so `A &amp; B` slugs to `a-amp-b`; alone it is the
//! decoded character. In gen's dialect footnote references and inline math are parsed, but
//! VitePress reads them as text (`^1`, `$x$`), so they count as text here too.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::emoji;

/// One inline token as markdown-it-anchor sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// Text; `merged` is what it contributes when next to other text.
    Text {
        alone: String,
        merged: String,
    },
    Code(String),
    /// Any other token (HTML, emoji, breaks, link and emphasis boundaries).
    Other,
}

/// The slug source of a heading whose inline events (with their byte ranges in `source`)
/// are `events`.
pub fn slug_text(events: &[(Event<'_>, Range<usize>)], source: &str) -> String {
    let mut tokens: Vec<Token> = Vec::new();
    let mut plain = String::new();
    let mut image_depth = 0usize;
    let flush = |plain: &mut String, tokens: &mut Vec<Token>| {
        if plain.is_empty() {
            return;
        }
        for piece in emoji::split(plain) {
            tokens.push(match piece {
                emoji::Piece::Text(t) => Token::Text {
                    alone: t.to_string(),
                    merged: t.to_string(),
                },
                emoji::Piece::Emoji(_) => Token::Other,
            });
        }
        plain.clear();
    };
    for (event, span) in events {
        if image_depth > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => image_depth += 1,
                Event::End(TagEnd::Image) => image_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(t) => match special(t, span, source) {
                Some(merged) => {
                    flush(&mut plain, &mut tokens);
                    tokens.push(Token::Text {
                        alone: t.to_string(),
                        merged,
                    });
                }
                None => plain.push_str(t),
            },
            Event::InlineMath(t) => {
                plain.push('$');
                plain.push_str(t);
                plain.push('$');
            }
            Event::FootnoteReference(label) => {
                flush(&mut plain, &mut tokens);
                tokens.push(Token::Other);
                plain.push('^');
                plain.push_str(label);
                flush(&mut plain, &mut tokens);
                tokens.push(Token::Other);
            }
            Event::Code(t) => {
                flush(&mut plain, &mut tokens);
                tokens.push(Token::Code(t.to_string()));
            }
            Event::Start(Tag::Image { .. }) => {
                flush(&mut plain, &mut tokens);
                tokens.push(Token::Other);
                image_depth = 1;
            }
            _ => {
                flush(&mut plain, &mut tokens);
                tokens.push(Token::Other);
            }
        }
    }
    flush(&mut plain, &mut tokens);
    join(&tokens)
}

/// For an entity or an escaped `&`: what VitePress keeps of it when it is merged with
/// neighbouring text. `None` for ordinary text.
fn special(text: &str, span: &Range<usize>, source: &str) -> Option<String> {
    let raw = source.get(span.clone())?;
    if raw.starts_with('&') && raw.ends_with(';') && raw != text {
        return Some(raw.to_string());
    }
    let escaped_amp =
        text.starts_with('&') && span.start > 0 && source.as_bytes()[span.start - 1] == b'\\';
    escaped_amp.then(|| format!("&amp;{}", &text[1..]))
}

/// Concatenates the text and code tokens; a text token uses its merged form when a
/// neighbour is text too.
fn join(tokens: &[Token]) -> String {
    let is_text = |i: usize| matches!(tokens.get(i), Some(Token::Text { .. }));
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text { alone, merged } => {
                let neighbour = (i > 0 && is_text(i - 1)) || is_text(i + 1);
                out.push_str(if neighbour { merged } else { alone });
            }
            Token::Code(code) => out.push_str(code),
            Token::Other => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::new_parser;

    fn heading_text(md: &str) -> String {
        let events: Vec<_> = new_parser(md)
            .into_offset_iter()
            .skip(1)
            .take_while(|(e, _)| !matches!(e, Event::End(TagEnd::Heading(_))))
            .map(|(e, r)| (e.into_static(), r))
            .collect();
        slug_text(&events, md)
    }

    #[test]
    fn entities_keep_their_source_next_to_text() {
        assert_eq!(heading_text("## A &amp; B"), "A &amp; B");
        assert_eq!(heading_text("## &amp;"), "&");
        assert_eq!(heading_text("## x *&amp;* y"), "x & y");
        assert_eq!(heading_text("## a \\& b"), "a &amp; b");
    }

    #[test]
    fn images_html_and_emoji_drop_out() {
        assert_eq!(heading_text("## a ![alt](x.png) b"), "a  b");
        assert_eq!(heading_text("## a <span>x</span> b"), "a x b");
        assert_eq!(heading_text("## go :rocket: now"), "go  now");
        assert_eq!(heading_text("## `code` x"), "code x");
    }

    #[test]
    fn footnotes_and_math_read_as_text() {
        assert_eq!(heading_text("## ref[^1]\n\n[^1]: x"), "ref^1");
        assert_eq!(heading_text("## m $x^2$"), "m $x^2$");
    }
}
