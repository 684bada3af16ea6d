//! HTML escaping for everything the views write: snippet output, source lines, labels.
//!
//! Snippet output is untrusted, so every piece of text that reaches a page goes through
//! [`escape`] (text and attribute values alike; the result is safe in both).

use std::fmt::Write;

/// Escapes `&`, `<`, `>`, `"` and `'`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
pub fn push_escaped(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

/// Formats a byte count the way the panels show sizes: `88 B`, `1.5 KB`, `2.0 MB`.
pub fn bytes(n: u64) -> String {
    let mut s = String::new();
    if n < 1024 {
        let _ = write!(s, "{n} B");
    } else if n < 1024 * 1024 {
        let _ = write!(s, "{:.1} KB", n as f64 / 1024.0);
    } else {
        let _ = write!(s, "{:.1} MB", n as f64 / (1024.0 * 1024.0));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("</div><script>alert('x\"')</script>&"),
            "&lt;/div&gt;&lt;script&gt;alert(&#39;x&quot;&#39;)&lt;/script&gt;&amp;"
        );
    }

    #[test]
    fn formats_sizes() {
        assert_eq!(bytes(88), "88 B");
        assert_eq!(bytes(1536), "1.5 KB");
        assert_eq!(bytes(3 * 1024 * 1024), "3.0 MB");
    }
}
