//! Reads the literal parts of a VitePress config file (`.vitepress/config.ts`): the object
//! after `export default defineConfig(` (or `export default`, or `export const name =`) as a
//! JSON value, where every value that is not a literal (a function call, a variable, a
//! method, a template string with `${}`) becomes [`NOT_LITERAL`]. Nothing is evaluated.

use serde_json::{Map, Value};

/// Stands for a value that is not written literally in the file.
pub const NOT_LITERAL: &str = "\u{0}not-literal";

/// The object exported by default, if the file has one.
pub fn default_export(source: &str) -> Option<Map<String, Value>> {
    let at = source.find("export default")?;
    object_after(source, at)
}

/// The object assigned to `export const name`, if any.
pub fn named_export(source: &str, name: &str) -> Option<Map<String, Value>> {
    let at = source.find(&format!("export const {name}"))?;
    let eq = source[at..].find('=')? + at;
    object_after(source, eq)
}

fn object_after(source: &str, from: usize) -> Option<Map<String, Value>> {
    let open = source[from..].find('{')? + from;
    let mut p = Parser {
        s: source.as_bytes(),
        text: source,
        i: open,
    };
    match p.object() {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Whether a parsed value is a literal (all the way down, for arrays and objects).
pub fn is_literal(v: &Value) -> bool {
    match v {
        Value::String(s) => s != NOT_LITERAL,
        Value::Array(items) => items.iter().all(is_literal),
        Value::Object(map) => map.values().all(is_literal),
        _ => true,
    }
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skips white space and comments.
    fn skip(&mut self) {
        loop {
            while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                self.i += 1;
            }
            if self.text[self.i..].starts_with("//") {
                self.i = self.text[self.i..]
                    .find('\n')
                    .map_or(self.s.len(), |n| self.i + n);
            } else if self.text[self.i..].starts_with("/*") {
                self.i = self.text[self.i + 2..]
                    .find("*/")
                    .map_or(self.s.len(), |n| self.i + n + 4);
            } else {
                return;
            }
        }
    }

    fn value(&mut self) -> Value {
        self.skip();
        let start = self.i;
        let v = match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(q @ (b'\'' | b'"' | b'`')) => match self.string(q) {
                Some(s) => Value::String(s),
                None => not_literal(),
            },
            Some(b'-' | b'0'..=b'9') => {
                let end = self
                    .scan_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'));
                serde_json::from_str::<serde_json::Number>(&self.text[start..end].replace('_', ""))
                    .map(Value::Number)
                    .unwrap_or_else(|_| not_literal())
            }
            _ => {
                let end = self.scan_while(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$');
                match &self.text[start..end] {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" | "undefined" => Value::Null,
                    _ => not_literal(),
                }
            }
        };
        self.skip();
        // Anything following the value up to the next `,` or closing bracket (a call's
        // arguments, an operator, `as Type`) makes it not literal.
        let before = self.i;
        self.skip_expression();
        if self.i != before {
            return not_literal();
        }
        v
    }

    fn scan_while(&mut self, ok: impl Fn(u8) -> bool) -> usize {
        while self.peek().is_some_and(&ok) {
            self.i += 1;
        }
        self.i
    }

    /// Skips to the next `,`, `}` or `]` at this nesting level.
    fn skip_expression(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b',' | b'}' | b']' | b')' if depth == 0 => return,
                b'{' | b'[' | b'(' => depth += 1,
                b'}' | b']' | b')' => depth -= 1,
                b'\'' | b'"' | b'`' => {
                    self.string(c);
                    continue;
                }
                b'/' if self.text[self.i..].starts_with("//")
                    || self.text[self.i..].starts_with("/*") =>
                {
                    self.skip();
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
    }

    /// A string literal starting at the quote; `None` for a template with `${`.
    fn string(&mut self, quote: u8) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        let mut literal = true;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => {
                    let next = self.text[self.i + 1..].chars().next();
                    match next {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some(ch) => out.push(ch),
                        None => {}
                    }
                    self.i += 1 + next.map_or(0, char::len_utf8);
                }
                c if c == quote => {
                    self.i += 1;
                    return literal.then_some(out);
                }
                b'$' if quote == b'`' && self.text[self.i..].starts_with("${") => {
                    literal = false;
                    self.i += 1;
                }
                _ => {
                    let ch = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                    out.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
        literal.then_some(out)
    }

    fn array(&mut self) -> Value {
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip();
            match self.peek() {
                None => return not_literal(),
                Some(b']') => {
                    self.i += 1;
                    return Value::Array(items);
                }
                Some(b',') => self.i += 1,
                Some(b'.') => {
                    self.skip_expression();
                    items.push(not_literal());
                }
                _ => items.push(self.value()),
            }
        }
    }

    fn object(&mut self) -> Value {
        self.i += 1;
        let mut map = Map::new();
        loop {
            self.skip();
            let Some(c) = self.peek() else {
                return not_literal();
            };
            match c {
                b'}' => {
                    self.i += 1;
                    return Value::Object(map);
                }
                b',' => {
                    self.i += 1;
                    continue;
                }
                b'.' => {
                    self.skip_expression();
                    continue;
                }
                _ => {}
            }
            let key = match c {
                b'\'' | b'"' => self.string(c),
                b'[' => {
                    self.skip_expression();
                    continue;
                }
                _ => {
                    let start = self.i;
                    let end =
                        self.scan_while(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$');
                    if end == start {
                        self.i += 1;
                        continue;
                    }
                    Some(self.text[start..end].to_string())
                }
            };
            self.skip();
            let key = key.unwrap_or_default();
            match self.peek() {
                Some(b':') => {
                    self.i += 1;
                    let v = self.value();
                    map.insert(key, v);
                }
                // A method (`config(md) { … }`) or a shorthand property (`{ nav }`).
                _ => {
                    self.skip_expression();
                    map.insert(key, not_literal());
                }
            }
        }
    }
}

fn not_literal() -> Value {
    Value::String(NOT_LITERAL.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_literals_and_marks_the_rest() {
        let src = r#"
import { defineConfig } from 'vitepress'
const x = 1
// a comment with { braces }
export default defineConfig({
  title: 'My "docs"',
  description: "Notes, with 'quotes'",
  base: `/notes/`,
  cleanUrls: true,
  count: 3,
  rewrites: { 'en/:rest*': ':rest*' },
  head: [['meta', { name: 'x', content: `v${x}` }]],
  markdown: { lineNumbers: true, config(md) { md.use(plugin) } },
  themeConfig: {
    nav: [{ text: 'Guide', link: '/guide/' }],
    sidebar: sidebar(),
    ...more,
  },
  vite: { plugins: [a()] } as any,
})
"#;
        let cfg = Value::Object(default_export(src).unwrap());
        assert_eq!(cfg["title"], json!("My \"docs\""));
        assert_eq!(cfg["description"], json!("Notes, with 'quotes'"));
        assert_eq!(cfg["base"], json!("/notes/"));
        assert_eq!(cfg["cleanUrls"], json!(true));
        assert_eq!(cfg["count"], json!(3));
        assert_eq!(cfg["rewrites"], json!({"en/:rest*": ":rest*"}));
        assert!(!is_literal(&cfg["head"]));
        assert_eq!(cfg["markdown"]["lineNumbers"], json!(true));
        assert!(!is_literal(&cfg["markdown"]["config"]));
        assert_eq!(
            cfg["themeConfig"]["nav"],
            json!([{"text": "Guide", "link": "/guide/"}])
        );
        assert!(!is_literal(&cfg["themeConfig"]["sidebar"]));
        assert!(!is_literal(&cfg["vite"]));
    }

    #[test]
    fn named_exports() {
        let src = "export const markdown: MarkdownLocaleOptions = {\n  container: { tipLabel: '提示' }\n}\n\nexport default {}\n";
        let m = Value::Object(named_export(src, "markdown").unwrap());
        assert_eq!(m["container"]["tipLabel"], json!("提示"));
    }
}
