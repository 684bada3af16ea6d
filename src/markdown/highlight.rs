//! Syntax highlighting with syntect: code becomes `<span class="hl-…">` runs (CSS
//! classes, not inline colours), one `span.line` per source line so lines can be marked
//! (highlighted, focused, added, removed). The syntax and theme sets are the binary dumps
//! that `build.rs` wrote, loaded on first use.

use std::sync::LazyLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, line_tokens_to_classed_spans, ClassStyle};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(|| {
    syntect::dumps::from_uncompressed_data(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/syntaxes.bin"
    )))
    .unwrap_or_else(|_| SyntaxSet::load_defaults_newlines())
});

static THEMES: LazyLock<ThemeSet> = LazyLock::new(|| {
    syntect::dumps::from_uncompressed_data(include_bytes!(concat!(env!("OUT_DIR"), "/themes.bin")))
        .unwrap_or_else(|_| ThemeSet::load_defaults())
});

/// The syntax for a fence's language name (`py`, `python`, `js`, `sh`, …); `None` means
/// plain text.
fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let token = match lang.to_ascii_lowercase().as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" => return None,
        "javascript" | "mjs" | "cjs" | "jsx" | "ts" | "typescript" | "tsx" => "js".to_string(),
        "python3" | "py3" | "pycon" => "py".to_string(),
        "shell" | "zsh" | "console" | "shellsession" => "sh".to_string(),
        "vue" | "xml" | "svg" => "html".to_string(),
        "yml" => "yaml".to_string(),
        other => other.to_string(),
    };
    SYNTAXES.find_syntax_by_token(&token)
}

/// Highlights `code`, returning the inner HTML of a `<code>` element: one
/// `<span class="line …">` per line, joined by newlines. `line_class(i)` gives extra
/// classes for the 0-based line `i`.
pub fn highlight(code: &str, lang: &str, line_class: &dyn Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(code.len() * 3);
    let code = code.strip_suffix('\n').unwrap_or(code);
    match syntax_for(lang) {
        Some(syntax) => highlight_with(code, syntax, line_class, &mut out),
        None => {
            for (i, line) in code.split('\n').enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                open_line(&mut out, &line_class(i));
                escape_into(&mut out, line);
                out.push_str("</span>");
            }
        }
    }
    out
}

fn highlight_with(
    code: &str,
    syntax: &SyntaxReference,
    line_class: &dyn Fn(usize) -> String,
    out: &mut String,
) {
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut open_spans: Vec<String> = Vec::new();
    for (i, line) in LinesWithEndings::from(code).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        open_line(out, &line_class(i));
        for tag in &open_spans {
            out.push_str(tag);
        }
        let line_nl = if line.ends_with('\n') {
            line.to_string()
        } else {
            format!("{line}\n")
        };
        let html = state
            .parse_line(&line_nl, &SYNTAXES)
            .ok()
            .and_then(|ops| {
                line_tokens_to_classed_spans(&line_nl, &ops, CLASS_STYLE, &mut scopes).ok()
            })
            .map(|(html, _)| html);
        match html {
            Some(html) => {
                let html = html.strip_suffix('\n').unwrap_or(&html);
                track_spans(html, &mut open_spans);
                out.push_str(html);
            }
            None => escape_into(out, line.trim_end_matches('\n')),
        }
        for _ in &open_spans {
            out.push_str("</span>");
        }
        out.push_str("</span>");
    }
}

fn open_line(out: &mut String, extra: &str) {
    if extra.is_empty() {
        out.push_str("<span class=\"line\">");
    } else {
        out.push_str("<span class=\"line ");
        out.push_str(extra);
        out.push_str("\">");
    }
}

/// Keeps the stack of `<span …>` tags still open after a line of syntect's output.
fn track_spans(html: &str, open: &mut Vec<String>) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("</span>") {
            open.pop();
            rest = &rest[7..];
        } else if let Some(end) = rest.find('>') {
            open.push(rest[..=end].to_string());
            rest = &rest[end + 1..];
        } else {
            break;
        }
    }
}

/// HTML-escapes `text` into `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// HTML-escapes `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The highlighting stylesheet: `light` unscoped, `dark` under `html.dark` and, for
/// readers without JavaScript, under `prefers-color-scheme: dark` unless the reader chose
/// light. Unknown theme names are reported as an error message.
pub fn css(light: &str, dark: &str) -> Result<String, String> {
    let theme = |name: &str| {
        THEMES.themes.get(name).ok_or_else(|| {
            let known: Vec<&str> = THEMES.themes.keys().map(String::as_str).collect();
            format!(
                "unknown highlight theme `{name}` (known: {})",
                known.join(", ")
            )
        })
    };
    let light_css =
        css_for_theme_with_class_style(theme(light)?, CLASS_STYLE).map_err(|e| e.to_string())?;
    let dark_css =
        css_for_theme_with_class_style(theme(dark)?, CLASS_STYLE).map_err(|e| e.to_string())?;
    let mut out = light_css;
    out.push_str(&scoped(&dark_css, "html.dark "));
    out.push_str("@media (prefers-color-scheme: dark) {\n");
    out.push_str(&scoped(&dark_css, "html:not(.light) "));
    out.push_str("}\n");
    Ok(out)
}

/// Prefixes every selector of syntect's generated CSS with `prefix`.
fn scoped(css: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    for line in css.lines() {
        if let Some(selectors) = line.strip_suffix(" {") {
            let list: Vec<String> = selectors
                .split(", ")
                .map(|s| format!("{prefix}{s}"))
                .collect();
            out.push_str(&list.join(", "));
            out.push_str(" {");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve() {
        for lang in [
            "py",
            "python",
            "js",
            "javascript",
            "sh",
            "bash",
            "rust",
            "toml",
            "json",
            "yaml",
            "html",
            "css",
        ] {
            assert!(syntax_for(lang).is_some(), "no syntax for {lang}");
        }
        assert!(syntax_for("text").is_none());
    }

    #[test]
    fn lines_are_wrapped_and_spans_balanced() {
        let html = highlight("s = \"\"\"a\nb\"\"\"\nx = 1\n", "py", &|i| {
            if i == 1 {
                "highlighted".into()
            } else {
                String::new()
            }
        });
        assert_eq!(html.matches("<span class=\"line").count(), 3);
        assert!(html.contains("<span class=\"line highlighted\">"));
        assert_eq!(
            html.matches("<span").count(),
            html.matches("</span>").count()
        );
    }

    #[test]
    fn plain_text_is_escaped() {
        assert_eq!(
            highlight("<a>", "text", &|_| String::new()),
            "<span class=\"line\">&lt;a&gt;</span>"
        );
    }

    #[test]
    fn css_has_both_themes() {
        let both = css("InspiredGitHub", "base16-ocean.dark").unwrap();
        assert!(both.contains("html.dark .hl-"));
        assert!(css("nope", "base16-ocean.dark").is_err());
    }
}
