//! Heading ids exactly as VitePress makes them: `@mdit-vue/shared`'s `slugify` (NFKD,
//! accents and control characters dropped, runs of whitespace and ASCII/curly
//! punctuation turned into one `-`, a leading digit prefixed with `_`, lower-cased), made
//! unique per page as markdown-it-anchor does (`x`, `x-1`, `x-2`, …).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

/// The characters `@mdit-vue/shared` replaces by `-` (besides whitespace).
const SPECIAL: &str = "~`!@#$%^&*()-_+=[]{}|\\;:\"'\u{201c}\u{201d}\u{2018}\u{2019}<>,.?/";

/// VitePress's slug of a heading's text.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.nfkd() {
        if ('\u{300}'..='\u{36f}').contains(&c) || ('\u{0}'..='\u{1f}').contains(&c) {
            continue;
        }
        if is_js_whitespace(c) || SPECIAL.contains(c) {
            if !in_run {
                out.push('-');
                in_run = true;
            }
            continue;
        }
        in_run = false;
        out.push(c);
    }
    let trimmed = out.trim_matches('-');
    let mut slug = String::with_capacity(trimmed.len() + 1);
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        slug.push('_');
    }
    slug.push_str(trimmed);
    slug.to_lowercase()
}

/// JavaScript's `\s`: Unicode white space plus the BOM.
fn is_js_whitespace(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Hands out unique ids for one page.
#[derive(Debug, Default)]
pub struct Slugger {
    used: HashSet<String>,
}

impl Slugger {
    /// A unique id for a heading with this text (markdown-it-anchor's `uniqueSlug`).
    pub fn unique(&mut self, text: &str) -> String {
        self.claim(slugify(text))
    }

    /// Registers an id the author chose (`{#id}`), suffixed if it is already taken.
    pub fn claim(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut i = 1;
        while self.used.contains(&candidate) {
            candidate = format!("{base}-{i}");
            i += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_vitepress_on_latin_cjk_and_punctuation() {
        assert_eq!(slugify("Hello World"), "hello-world");
        assert_eq!(
            slugify("一、内存管理核心机制对比"),
            "一、内存管理核心机制对比"
        );
        assert_eq!(slugify("1. 引用计数"), "_1-引用计数");
        assert_eq!(slugify("Python的内存管理"), "python的内存管理");
        assert_eq!(
            slugify("javascript 和python 的内存分析工具"),
            "javascript-和python-的内存分析工具"
        );
        assert_eq!(slugify("What's `new`?"), "what-s-new");
        assert_eq!(slugify("Café déjà vu"), "cafe-deja-vu");
        assert_eq!(slugify("--a--b--"), "a-b");
        assert_eq!(slugify("“Quoted” (text)"), "quoted-text");
        assert_eq!(slugify("ﬁle Ⅻ"), "file-xii");
    }

    #[test]
    fn duplicates_get_numbered() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("A"), "a");
        assert_eq!(s.unique("A"), "a-1");
        assert_eq!(s.unique("A"), "a-2");
        assert_eq!(s.claim("a-1".into()), "a-1-1");
    }
}
