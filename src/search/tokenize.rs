//! The search tokenizer. `static/_gen/search.js` runs the same steps on a query, so both
//! sides agree term for term without shipping a dictionary: NFKC, lower case, then words
//! of letters and digits, and runs of CJK characters (Han, kana, Hangul) as overlapping
//! bigrams plus single characters, as Lucene's CJK analyzer does. A query `引用计数` is
//! the bigrams `引用 用计 计数`, all of which a page holding the phrase has.

use unicode_normalization::UnicodeNormalization;

/// Words longer than this (hashes, base64) are not indexed.
pub const MAX_WORD_CHARS: usize = 40;

/// Han, kana, Hangul and bopomofo: scripts written without spaces between words.
/// `search.js` has the same ranges.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF
        | 0x3005..=0x3007
        | 0x3040..=0x30FF
        | 0x3100..=0x312F
        | 0x3130..=0x318F
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F)
}

/// A run of the normalised text: a word, or a run of CJK characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Word(String),
    Cjk(Vec<char>),
}

/// Splits text into words and CJK runs (after NFKC and lower-casing); everything that is
/// neither a letter nor a digit separates.
pub fn pieces(text: &str) -> Vec<Piece> {
    let normal: String = text.nfkc().collect::<String>().to_lowercase();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    for c in normal.chars() {
        if is_cjk(c) {
            flush_word(&mut word, &mut out);
            cjk.push(c);
        } else if c.is_alphanumeric() {
            flush_cjk(&mut cjk, &mut out);
            word.push(c);
        } else {
            flush_word(&mut word, &mut out);
            flush_cjk(&mut cjk, &mut out);
        }
    }
    flush_word(&mut word, &mut out);
    flush_cjk(&mut cjk, &mut out);
    out
}

fn flush_word(word: &mut String, out: &mut Vec<Piece>) {
    if !word.is_empty() {
        out.push(Piece::Word(std::mem::take(word)));
    }
}

fn flush_cjk(run: &mut Vec<char>, out: &mut Vec<Piece>) {
    if !run.is_empty() {
        out.push(Piece::Cjk(std::mem::take(run)));
    }
}

/// Calls `f` with every term to index for `text`, and returns the text's length in
/// tokens (words plus CJK characters) for ranking.
pub fn index_terms(text: &str, mut f: impl FnMut(&str)) -> usize {
    let mut len = 0;
    let mut buf = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Word(w) => {
                if w.chars().count() <= MAX_WORD_CHARS {
                    f(&w);
                    len += 1;
                }
            }
            Piece::Cjk(run) => {
                for (i, &c) in run.iter().enumerate() {
                    buf.clear();
                    buf.push(c);
                    f(&buf);
                    if let Some(&next) = run.get(i + 1) {
                        buf.push(next);
                        f(&buf);
                    }
                }
                len += run.len();
            }
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        index_terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn words_are_lowercased_and_split_on_punctuation() {
        assert_eq!(
            terms("sys.getsizeof(x) V8's GC"),
            ["sys", "getsizeof", "x", "v8", "s", "gc"]
        );
    }

    #[test]
    fn cjk_runs_become_characters_and_bigrams() {
        assert_eq!(
            terms("引用计数"),
            ["引", "引用", "用", "用计", "计", "计数", "数"]
        );
        assert_eq!(terms("Python的GC"), ["python", "的", "gc"]);
    }

    #[test]
    fn full_width_forms_are_folded() {
        assert_eq!(terms("ＧＣ１"), ["gc1"]);
    }

    #[test]
    fn length_counts_words_and_cjk_characters() {
        assert_eq!(index_terms("垃圾回收 and more", |_| {}), 6);
    }
}
