//! Reading HTML the way a browser's tokenizer does (html5ever's WHATWG tokenizer): start
//! and end tags with their attributes and line numbers, and the text between them, in
//! document order. `gen check` reads the built pages' links and ids with it, the search
//! index their text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// One piece of an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A start tag; `line` is the 1-based line where the tag ends.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        line: usize,
    },
    End {
        name: String,
    },
    /// Text between two tags (character references decoded).
    Text(String),
}

impl Item {
    /// The value of attribute `name` of a start tag.
    pub fn attr(&self, name: &str) -> Option<&str> {
        match self {
            Item::Start { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Collects the tokens, switching the tokenizer into raw-text states where a browser's
/// tree builder would (so `<script>` and `<style>` bodies are never read as tags).
struct Collector {
    items: RefCell<Vec<Item>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let mut items = self.items.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let attrs = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect();
                        let raw = match name.as_str() {
                            "script" => Some(RawKind::ScriptData),
                            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                                Some(RawKind::Rawtext)
                            }
                            "title" | "textarea" => Some(RawKind::Rcdata),
                            _ => None,
                        };
                        items.push(Item::Start {
                            name,
                            attrs,
                            line: usize::try_from(line_number).unwrap_or(usize::MAX),
                        });
                        if let (Some(kind), false) = (raw, tag.self_closing) {
                            return TokenSinkResult::RawData(kind);
                        }
                    }
                    TagKind::EndTag => items.push(Item::End { name }),
                }
            }
            Token::CharacterTokens(text) => match items.last_mut() {
                Some(Item::Text(last)) => last.push_str(&text),
                _ => items.push(Item::Text(text.to_string())),
            },
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Tokenizes a whole document (or fragment).
pub fn scan(html: &str) -> Vec<Item> {
    let tokenizer = Tokenizer::new(
        Collector {
            items: RefCell::new(Vec::new()),
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.items.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_lines_and_text() {
        let items = scan("<p>a &amp; b</p>\n<a href=\"/x/?a=1&amp;b=2\" id=x>link</a>");
        assert_eq!(items[1], Item::Text("a & b".into()));
        let a = items
            .iter()
            .find(|i| matches!(i, Item::Start { name, .. } if name == "a"))
            .unwrap();
        assert_eq!(a.attr("href"), Some("/x/?a=1&b=2"));
        assert_eq!(a.attr("id"), Some("x"));
        assert!(matches!(a, Item::Start { line: 2, .. }));
    }

    #[test]
    fn script_and_style_bodies_are_not_markup() {
        let items = scan("<script>if (a<b) x='<img src=y>'</script><style>a<b{}</style><i>t</i>");
        let starts: Vec<&str> = items
            .iter()
            .filter_map(|i| match i {
                Item::Start { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(starts, ["script", "style", "i"]);
    }
}
