//! Bare URLs and e-mail addresses in text become links, as VitePress's markdown-it does
//! (`linkify: true` with `fuzzyLink: false`): `https://…`, `http://…`, `ftp://…` and
//! `//host/…` not glued to a letter or digit before them, and `name@host.tld` addresses.
//! A URL ends at white space or `<`; trailing punctuation and an unbalanced `)` stay out.

use std::ops::Range;

/// The links found in `text`: their byte ranges and hrefs, in order.
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    if !text.contains("://") && !text.contains("//") && !text.contains('@') {
        return found;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let glued = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'/');
        let scheme = ["https://", "http://", "ftp://", "//"]
            .into_iter()
            .find(|s| rest.starts_with(s));
        let after_colon = i > 0 && bytes[i - 1] == b':';
        if let Some(scheme) = scheme.filter(|s| !(glued || (*s == "//" && after_colon))) {
            let end = url_end(text, i + scheme.len());
            if end > i + scheme.len() + (scheme == "//") as usize {
                found.push((i..end, text[i..end].to_string()));
                i = end;
                continue;
            }
        }
        if bytes[i] == b'@' {
            if let Some(range) = email_at(text, i) {
                if found.last().is_none_or(|(r, _)| r.end <= range.start) {
                    let href = format!("mailto:{}", &text[range.clone()]);
                    i = range.end;
                    found.push((range, href));
                    continue;
                }
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Where a URL whose host starts at `from` ends.
fn url_end(text: &str, from: usize) -> usize {
    let mut end = text[from..]
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`') || c.is_control())
        .map_or(text.len(), |e| from + e);
    loop {
        let url = &text[from..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let unbalanced = match last {
            ')' => url.matches('(').count() < url.matches(')').count(),
            ']' => url.matches('[').count() < url.matches(']').count(),
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '~' => true,
            _ => false,
        };
        if !unbalanced {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// The address around the `@` at byte `at`, if it is one.
fn email_at(text: &str, at: usize) -> Option<Range<usize>> {
    let local_char =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let bytes = text.as_bytes();
    let mut start = at;
    while start > 0 && local_char(bytes[start - 1]) {
        start -= 1;
    }
    while start < at && bytes[start] == b'.' {
        start += 1;
    }
    let mut end = at + 1;
    while end < bytes.len()
        && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
    {
        end += 1;
    }
    while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &text[at + 1..end];
    let tld = domain.rsplit('.').next()?;
    let ok = start < at
        && domain.contains('.')
        && !domain.starts_with('.')
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic());
    ok.then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(r, _)| &text[r]).collect()
    }

    #[test]
    fn urls_as_vitepress_finds_them() {
        assert_eq!(
            links("See https://vitepress.dev/guide. And"),
            vec!["https://vitepress.dev/guide"]
        );
        assert_eq!(
            links("(https://x.org/a_(b)) and"),
            vec!["https://x.org/a_(b)"]
        );
        assert_eq!(
            links("q https://x.org/?q=1&r=2, ok"),
            vec!["https://x.org/?q=1&r=2"]
        );
        assert_eq!(
            links("ftp://x.org/f and //cdn.x/y"),
            vec!["ftp://x.org/f", "//cdn.x/y"]
        );
        assert!(links("xhttps://no.org www.example.com example.com").is_empty());
        assert_eq!(
            links("中文https://x.org/中文，后"),
            vec!["https://x.org/中文，后"]
        );
        assert!(links("a // comment").is_empty());
    }

    #[test]
    fn emails() {
        let found = find("mail me at a.b@example.com now");
        assert_eq!(found[0].1, "mailto:a.b@example.com");
        assert!(find("@user and x@y and a@b.c1").is_empty());
    }
}
