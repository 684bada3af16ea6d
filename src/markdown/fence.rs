//! Fence info strings and in-code markers, read as VitePress reads them:
//! ` ```js{1,4-6} [label] :line-numbers norun trace=full ` and the
//! `// [!code highlight|focus|++|--|error|warning]` comments, which are stripped from
//! both the shown and the executed code and turned into per-line classes.

use std::collections::BTreeMap;

/// A fence's parsed info string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FenceInfo {
    /// The language as written (`py`, `javascript`, `mermaid`, …), lower-cased.
    pub lang: String,
    /// `{1,4-6}`: 1-based inclusive line ranges to highlight.
    pub highlight: Vec<(usize, usize)>,
    /// `[label]`: the title (code-group tab or file name).
    pub title: Option<String>,
    /// `:line-numbers` (`Some(true)`) or `:no-line-numbers` (`Some(false)`).
    pub line_numbers: Option<bool>,
    /// `:line-numbers=5`: the number of the first line.
    pub line_start: Option<usize>,
    /// Bare words such as `norun`.
    pub flags: Vec<String>,
    /// `key=value` options (`trace=full`, `env=browser`, `html=FILE`).
    pub options: BTreeMap<String, String>,
}

impl FenceInfo {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// Parses an info string.
pub fn parse_info(info: &str) -> FenceInfo {
    let info = info.trim();
    let lang_end = info
        .find(|c: char| c.is_whitespace() || matches!(c, '{' | ':' | '['))
        .unwrap_or(info.len());
    let mut out = FenceInfo {
        lang: info[..lang_end].to_ascii_lowercase(),
        ..FenceInfo::default()
    };
    let mut rest = &info[lang_end..];
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let (token, after) = match first {
            '{' | '[' => {
                let close = if first == '{' { '}' } else { ']' };
                match rest.find(close) {
                    Some(end) => (&rest[..=end], &rest[end + 1..]),
                    None => (rest, ""),
                }
            }
            _ => {
                let end = rest[1..]
                    .find(|c: char| c.is_whitespace() || matches!(c, '{' | '['))
                    .map_or(rest.len(), |i| i + 1);
                (&rest[..end], &rest[end..])
            }
        };
        rest = after;
        if let Some(ranges) = token.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            out.highlight.extend(parse_ranges(ranges));
        } else if let Some(title) = token.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            out.title = Some(title.trim().to_string());
        } else if let Some(rest) = token.strip_prefix(":line-numbers") {
            out.line_numbers = Some(true);
            out.line_start = rest.strip_prefix('=').and_then(|n| n.parse().ok());
        } else if token == ":no-line-numbers" {
            out.line_numbers = Some(false);
        } else if let Some((k, v)) = token.split_once('=') {
            out.options
                .insert(k.to_string(), v.trim_matches('"').to_string());
        } else if !token.is_empty() {
            out.flags.push(token.to_string());
        }
    }
    out
}

fn parse_ranges(text: &str) -> Vec<(usize, usize)> {
    text.split(',')
        .filter_map(|part| {
            let part = part.trim();
            match part.split_once('-') {
                Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
                None => part.parse().ok().map(|n| (n, n)),
            }
        })
        .collect()
}

/// Code with its `[!code …]` markers removed, and the classes they gave each line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub code: String,
    /// Per 0-based line: extra classes (`highlighted`, `focused`, `diff add`, …).
    pub line_classes: Vec<Vec<&'static str>>,
    pub has_focus: bool,
    pub has_diff: bool,
}

/// Strips VitePress's `[!code …]` comment markers and combines them with the info
/// string's `{…}` line ranges. A marker after code marks its own line (and, with `:N`, the
/// lines after it: N in all); a marker alone on its line is removed with the line and marks
/// the N lines after it, as VitePress's Shiki transformers do.
pub fn mark_lines(code: &str, info: &FenceInfo) -> Marked {
    let mut out = Marked::default();
    let mut pending: Vec<(&'static [&'static str], usize)> = Vec::new();
    let mut n = 0;
    for line in code.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let marker = find_marker(body);
        if let Some((start, kind, count)) = marker {
            if body[..start].trim().is_empty() {
                pending.push((marker_classes(kind), count));
                continue;
            }
        }
        let mut classes: Vec<&'static str> = Vec::new();
        pending.retain_mut(|(cls, left)| {
            classes.extend_from_slice(cls);
            *left -= 1;
            *left > 0
        });
        let kept = match marker {
            Some((start, kind, count)) => {
                let cls = marker_classes(kind);
                classes.extend_from_slice(cls);
                if count > 1 {
                    pending.push((cls, count - 1));
                }
                body[..start].trim_end()
            }
            None => body,
        };
        n += 1;
        if info.highlight.iter().any(|&(a, b)| a <= n && n <= b)
            && !classes.contains(&"highlighted")
        {
            classes.push("highlighted");
        }
        out.has_focus |= classes.contains(&"focused");
        out.has_diff |= classes.contains(&"diff");
        classes.dedup();
        out.line_classes.push(classes);
        out.code.push_str(kept);
        out.code.push_str(nl);
    }
    out
}

/// The line classes of a marker kind.
fn marker_classes(kind: &str) -> &'static [&'static str] {
    match kind {
        "highlight" | "hl" => &["highlighted"],
        "focus" | "f" => &["focused"],
        "++" => &["diff", "add"],
        "--" => &["diff", "remove"],
        "error" => &["highlighted", "error"],
        "warning" => &["highlighted", "warning"],
        _ => &[],
    }
}

/// Finds a trailing `// [!code kind]` (or `#`, `<!--`, `/*`, `--` comment) in a line:
/// the byte where the comment starts, the marker kind and its `:N` line count.
fn find_marker(line: &str) -> Option<(usize, &str, usize)> {
    let at = line.find("[!code ")?;
    let close = at + line[at..].find(']')?;
    let spec = line[at + 7..close].trim();
    let (kind, count) = match spec.rsplit_once(':') {
        Some((k, n)) if k != "word" => (k, n.parse().unwrap_or(1)),
        _ => (spec, 1),
    };
    let tail = line[close + 1..].trim();
    if !(tail.is_empty() || tail == "-->" || tail == "*/") {
        return None;
    }
    let before = line[..at].trim_end();
    let start = ["//", "#", "<!--", "/*", "--"]
        .iter()
        .find_map(|opener| before.strip_suffix(opener).map(|b| b.len()))
        .unwrap_or(at);
    Some((start, kind, count.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_strings() {
        let i = parse_info("js{1,4-6} [my file.js] :line-numbers norun trace=full");
        assert_eq!(i.lang, "js");
        assert_eq!(i.highlight, vec![(1, 1), (4, 6)]);
        assert_eq!(i.title.as_deref(), Some("my file.js"));
        assert_eq!(i.line_numbers, Some(true));
        assert!(i.has_flag("norun"));
        assert_eq!(i.options["trace"], "full");
        assert_eq!(parse_info("python").lang, "python");
        assert_eq!(parse_info("ts:line-numbers {1}").highlight, vec![(1, 1)]);
    }

    #[test]
    fn markers_are_stripped_and_classed() {
        let code =
            "a = 1 // [!code highlight]\nb = 2 # [!code ++]\nc = 3 // [!code focus:2]\nd\ne\n";
        let m = mark_lines(code, &parse_info("js{5}"));
        assert_eq!(m.code, "a = 1\nb = 2\nc = 3\nd\ne\n");
        assert_eq!(m.line_classes[0], vec!["highlighted"]);
        assert_eq!(m.line_classes[1], vec!["diff", "add"]);
        assert_eq!(m.line_classes[2], vec!["focused"]);
        assert_eq!(m.line_classes[3], vec!["focused"]);
        assert_eq!(m.line_classes[4], vec!["highlighted"]);
        assert!(m.has_focus && m.has_diff);
    }

    #[test]
    fn a_marker_alone_marks_the_next_lines() {
        let m = mark_lines(
            "a\n// [!code highlight:2]\nb\nc\nd\n",
            &FenceInfo::default(),
        );
        assert_eq!(m.code, "a\nb\nc\nd\n");
        assert_eq!(m.line_classes[0], Vec::<&str>::new());
        assert_eq!(m.line_classes[1], vec!["highlighted"]);
        assert_eq!(m.line_classes[2], vec!["highlighted"]);
        assert!(m.line_classes[3].is_empty());
        assert_eq!(parse_info("js:line-numbers=5").line_start, Some(5));
    }

    #[test]
    fn ordinary_brackets_are_kept() {
        let m = mark_lines("x = [!code]\n", &FenceInfo::default());
        assert_eq!(m.code, "x = [!code]\n");
    }
}
