//! YAML frontmatter as VitePress notes use it: `title`, `desc`/`description`, `tags`
//! (a string or a list), `updateTime` (free-form), `outline`, `draft`, `order`, `layout`,
//! `run` (fence option defaults). Every other key is kept for templates, never an error.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml_ng::Value;

use crate::diagnostics::Diagnostic;

/// Which heading levels the right-hand outline shows (VitePress's `outline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Off,
    /// Levels `min..=max`.
    Levels(u8, u8),
}

impl Default for Outline {
    /// VitePress's default: `outline: 2`.
    fn default() -> Self {
        Outline::Levels(2, 2)
    }
}

/// The frontmatter of one note, typed where gen uses a key.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub update_time: Option<String>,
    pub outline: Outline,
    pub draft: bool,
    pub order: Option<i64>,
    pub layout: Option<String>,
    /// `run:` — fence option defaults for this page, as strings.
    pub run: BTreeMap<String, String>,
    /// `exec: page`: the page's fences share one simulator session per language.
    pub exec_page: bool,
    /// Every key as written, for templates (`page.extra.hero` and the like).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A note split into its frontmatter and body.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub front: FrontMatter,
    /// Byte offset in the (normalised) text where the Markdown body starts.
    pub body_start: usize,
}

/// Normalises a file's text: drops a UTF-8 BOM and turns CRLF (and lone CR) into LF.
/// Line numbers are unchanged, so diagnostics still point at the file as written.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// Splits and parses the frontmatter of a normalised text. Problems are reported in
/// `diags` (as errors with the file's line:col); the note still gets a usable result.
pub fn parse(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Parsed {
    let Some((yaml, yaml_start, body_start)) = split(text) else {
        if is_fence_line(text.lines().next().unwrap_or("")) {
            diags.push(
                Diagnostic::error(file, 1, 1, "frontmatter is never closed")
                    .with_hint("end the YAML block with a line holding only `---`"),
            );
        }
        return Parsed {
            front: FrontMatter::default(),
            body_start: 0,
        };
    };
    let yaml_line = text[..yaml_start].matches('\n').count();
    let value: Value = match serde_yaml_ng::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            let (line, col) = e
                .location()
                .map_or((1, 1), |l| (l.line() + yaml_line, l.column()));
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            diags.push(
                Diagnostic::error(file, line, col, format!("malformed frontmatter: {message}"))
                    .with_hint(
                    "frontmatter is YAML between two `---` lines; quote values holding `:` or `#`",
                ),
            );
            Value::Null
        }
    };
    let front = typed(file, &value, yaml, yaml_line, diags);
    Parsed { front, body_start }
}

fn is_fence_line(line: &str) -> bool {
    line.trim_end() == "---"
}

/// `(yaml, yaml_start, body_start)` when the text opens with a `---` block that closes.
fn split(text: &str) -> Option<(&str, usize, usize)> {
    let first_end = text.find('\n')?;
    if !is_fence_line(&text[..first_end]) {
        return None;
    }
    let yaml_start = first_end + 1;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((&text[yaml_start..pos], yaml_start, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

fn typed(
    file: &Path,
    value: &Value,
    yaml: &str,
    yaml_line: usize,
    diags: &mut Vec<Diagnostic>,
) -> FrontMatter {
    let mut front = FrontMatter::default();
    let map = match value {
        Value::Mapping(m) => m,
        Value::Null => return front,
        _ => {
            diags.push(
                Diagnostic::error(
                    file,
                    yaml_line + 1,
                    1,
                    "frontmatter is not a mapping of keys",
                )
                .with_hint("write `key: value` lines, e.g. `title: My note`"),
            );
            return front;
        }
    };
    let mut bad = |key: &str, expected: &str| {
        let line = key_line(yaml, key).map_or(yaml_line + 1, |l| l + yaml_line);
        diags.push(
            Diagnostic::error(
                file,
                line,
                1,
                format!("frontmatter `{key}` must be {expected}"),
            )
            .with_hint("fix the value's type or remove the key"),
        );
    };
    for (k, v) in map {
        let Some(key) = k.as_str() else { continue };
        match key {
            "title" => front.title = scalar_string(v),
            "description" => front.description = scalar_string(v),
            "desc" if front.description.is_none() => front.description = scalar_string(v),
            "tags" => match tags(v) {
                Some(t) => front.tags = t,
                None => bad(key, "a string or a list of strings"),
            },
            // VitePress's `lastUpdated: false` hides the time; `true` asks for a git time,
            // which gen does not read.
            "updateTime" | "lastUpdated" => match v {
                Value::Bool(_) => {}
                _ => {
                    if let Some(s) = scalar_string(v) {
                        front.update_time = Some(s);
                    }
                }
            },
            "outline" => match outline(v) {
                Some(o) => front.outline = o,
                None => bad(key, "false, a level, [min, max] or `deep`"),
            },
            "draft" => match v {
                Value::Bool(b) => front.draft = *b,
                _ => bad(key, "true or false"),
            },
            "order" => match v.as_i64() {
                Some(n) => front.order = Some(n),
                None => bad(key, "an integer"),
            },
            "layout" => front.layout = scalar_string(v),
            "exec" => match scalar_string(v).as_deref() {
                Some("page") => front.exec_page = true,
                Some("isolated" | "fence") => front.exec_page = false,
                _ => bad(key, "`page` or `isolated`"),
            },
            "run" => match v {
                Value::Mapping(m) => {
                    for (rk, rv) in m {
                        if let (Some(rk), Some(rv)) = (rk.as_str(), scalar_string(rv)) {
                            front.run.insert(rk.to_string(), rv);
                        }
                    }
                }
                _ => bad(key, "a mapping of fence options"),
            },
            _ => {}
        }
        if let Ok(json) = serde_json::to_value(v) {
            front.extra.insert(key.to_string(), json);
        }
    }
    front
}

/// The 1-based line (within the YAML) where `key:` is written at the top level.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn tags(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Null => Some(Vec::new()),
        Value::Sequence(items) => items.iter().map(scalar_string).collect(),
        other => scalar_string(other).map(|s| {
            s.split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        }),
    }
}

fn outline(v: &Value) -> Option<Outline> {
    let level = |v: &Value| v.as_u64().filter(|n| (1..=6).contains(n)).map(|n| n as u8);
    match v {
        Value::Bool(false) => Some(Outline::Off),
        Value::Bool(true) => Some(Outline::default()),
        Value::String(s) if s == "deep" => Some(Outline::Levels(2, 6)),
        Value::Sequence(items) if items.len() == 2 => {
            let (a, b) = (level(&items[0])?, level(&items[1])?);
            Some(Outline::Levels(a.min(b), a.max(b)))
        }
        other => level(other).map(|n| Outline::Levels(n, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Parsed, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let text = normalize(text);
        let parsed = parse(Path::new("a.md"), &text, &mut diags);
        (parsed, diags)
    }

    #[test]
    fn reads_the_seed_keys() {
        let (p, d) = run("---\ntitle: \"T\"\ndesc: \"D\"\ntags: \"X\"\nupdateTime: \"2025-5-15 15:56\"\noutline: deep\n---\nbody");
        assert!(d.is_empty());
        assert_eq!(p.front.title.as_deref(), Some("T"));
        assert_eq!(p.front.description.as_deref(), Some("D"));
        assert_eq!(p.front.tags, vec!["X"]);
        assert_eq!(p.front.update_time.as_deref(), Some("2025-5-15 15:56"));
        assert_eq!(p.front.outline, Outline::Levels(2, 6));
        assert_eq!(p.body_start, 83);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let (p, d) = run("\u{feff}---\r\ntitle: T\r\ntags: [a, b]\r\n---\r\n# H\r\n");
        assert!(d.is_empty());
        assert_eq!(p.front.tags, vec!["a", "b"]);
    }

    #[test]
    fn malformed_yaml_is_located() {
        let (_, d) = run("---\ntitle: ok\ntags: [a, b\n---\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].line >= 3, "{:?}", d[0]);
    }

    #[test]
    fn wrong_types_name_the_key_line() {
        let (_, d) = run("---\ntitle: ok\noutline: nope\n---\n");
        assert_eq!(d[0].line, 3);
        assert!(d[0].message.contains("outline"));
    }

    #[test]
    fn vitepress_keys() {
        let (p, d) = run("---\nlastUpdated: false\nexec: page\n---\n");
        assert!(d.is_empty());
        assert_eq!(p.front.update_time, None);
        assert!(p.front.exec_page);
        let (_, d) = run("---\nexec: sometimes\n---\n");
        assert!(d[0].message.contains("exec"));
    }

    #[test]
    fn outline_forms() {
        let (p, _) = run("---\noutline: [2, 4]\n---\n");
        assert_eq!(p.front.outline, Outline::Levels(2, 4));
        let (p, _) = run("---\noutline: false\n---\n");
        assert_eq!(p.front.outline, Outline::Off);
        let (p, _) = run("no front");
        assert_eq!(p.front.outline, Outline::Levels(2, 2));
    }
}
