//! The theme: Tera templates and assets. The default theme (this repository's
//! `templates/` and `static/_gen/`) is embedded in the binary; a site overrides any
//! template by a file of the same name in its own `templates/`, and any theme asset by
//! a file at the same path in its `static/`.

use std::path::Path;

use tera::Tera;

use crate::diagnostics::Diagnostic;

/// The embedded templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("section.html", include_str!("../templates/section.html")),
    ("tags.html", include_str!("../templates/tags.html")),
    ("tag.html", include_str!("../templates/tag.html")),
    ("404.html", include_str!("../templates/404.html")),
    (
        "publish-head.html",
        include_str!("../templates/publish-head.html"),
    ),
];

/// The embedded theme assets (the run panels' stylesheet and script included), by
/// output path.
pub fn assets() -> [(&'static str, &'static str); 7] {
    [
        ("_gen/gen.css", include_str!("../static/_gen/gen.css")),
        (
            "_gen/favicon.svg",
            include_str!("../static/_gen/favicon.svg"),
        ),
        ("_gen/gen.js", include_str!("../static/_gen/gen.js")),
        ("_gen/search.css", include_str!("../static/_gen/search.css")),
        ("_gen/search.js", include_str!("../static/_gen/search.js")),
        ("_gen/panels.css", crate::views::stylesheet()),
        ("_gen/panels.js", crate::views::script()),
    ]
}

/// The output path of the generated highlighting stylesheet.
pub const HIGHLIGHT_CSS: &str = "_gen/highlight.css";

/// Loads the templates: the embedded ones, then the site's `templates/*.html` over them.
pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Tera {
    let mut sources: Vec<(String, String, String)> = TEMPLATES
        .iter()
        .map(|(n, s)| {
            (
                n.to_string(),
                s.to_string(),
                format!("(built-in) templates/{n}"),
            )
        })
        .collect();
    let dir = root.join("templates");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for path in files {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if name.starts_with('.') || !path.is_file() {
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    let shown = format!("templates/{name}");
                    sources.retain(|(n, _, _)| *n != name);
                    sources.push((name, text, shown));
                }
                Err(e) => diags.push(Diagnostic::error(
                    &Path::new("templates").join(&name),
                    1,
                    1,
                    format!("cannot read: {e}"),
                )),
            }
        }
    }
    load_all(sources, diags)
}

/// Adds all templates at once (inheritance needs them together). Tera stops at the first
/// broken template, so that one is reported, left out, and the rest tried again, until
/// every broken template is reported.
fn load_all(mut sources: Vec<(String, String, String)>, diags: &mut Vec<Diagnostic>) -> Tera {
    loop {
        let mut tera = new_tera();
        let all: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t, _)| (n.as_str(), t.as_str()))
            .collect();
        let Err(e) = tera.add_raw_templates(all) else {
            return tera;
        };
        let text = e.to_string();
        let culprit = sources
            .iter()
            .position(|(n, _, _)| text.contains(&format!("'{n}'")));
        match culprit {
            Some(i) => {
                let (_, _, shown) = sources.remove(i);
                diags.push(template_error(&shown, &e));
            }
            None => {
                diags.push(template_error("templates", &e));
                return new_tera();
            }
        }
    }
}

/// An empty Tera that autoescapes `.html` templates, leaving `/` readable in URLs.
fn new_tera() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    tera
}

/// Escapes the characters that matter in HTML text and quoted attributes.
fn escape_html(input: &str) -> String {
    let mut out = crate::markdown::highlight::escape(input);
    if out.contains('\'') {
        out = out.replace('\'', "&#x27;");
    }
    out
}

/// A Tera error as a diagnostic on `file`, with the line:col Tera's parser reports.
pub fn template_error(file: &str, err: &tera::Error) -> Diagnostic {
    let mut chain = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    let (line, col) = text
        .find("--> ")
        .and_then(|i| {
            let rest = &text[i + 4..];
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':'))?;
            let (l, c) = rest[..end].split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let message = chain
        .last()
        .map(|m| {
            m.lines()
                .rfind(|l| !l.trim().is_empty())
                .unwrap_or(m)
                .trim()
                .to_string()
        })
        .unwrap_or_default();
    let message = if chain.len() > 1 {
        format!("template error: {}: {message}", chain[0])
    } else {
        format!("template error: {message}")
    };
    Diagnostic::error(Path::new(file), line, col, message)
        .with_hint("see the Tera documentation; templates get `site`, `page`, `content`, `outline`")
}
