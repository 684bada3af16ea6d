//! Fenced code blocks: highlighted source, then by language a run panel from the
//! executor (` ```python `/` ```js `, unless `norun`; in a shared session when the page or
//! the fence asks for one) or a build-time Mermaid diagram in place of the source
//! (` ```mermaid `). Also VitePress's `<<< path` snippet imports, shown as code.

use std::collections::BTreeMap;
use std::path::Path;

use gen_trace::Lang;

use super::fence::{mark_lines, parse_info};
use super::highlight::{escape, highlight};
use super::PageRenderer;
use crate::exec::ExecRequest;

/// The language a fence executes in, if it is executable.
fn exec_lang(lang: &str) -> Option<Lang> {
    match lang {
        "python" | "py" => Some(Lang::Python),
        "js" | "javascript" => Some(Lang::Javascript),
        _ => None,
    }
}

/// Whether the source of a fenced block (its whole span) ends with a closing fence.
pub(super) fn fence_is_closed(span: &str) -> bool {
    let mut lines = span.trim_end().lines();
    let Some(first) = lines.next() else {
        return true;
    };
    let open = first.trim_start_matches([' ', '>', '\t']);
    let Some(ch) = open.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return true;
    };
    let len = open.chars().take_while(|&c| c == ch).count();
    lines.next_back().is_some_and(|last| {
        let last = last.trim_start_matches([' ', '>', '\t']).trim_end();
        last.chars().take_while(|&c| c == ch).count() >= len && last.chars().all(|c| c == ch)
    })
}

impl PageRenderer<'_, '_> {
    /// The HTML of one code block whose info string is `info`, starting at byte `start`.
    pub(super) fn render_code(
        &mut self,
        info: &str,
        code: &str,
        start: usize,
        fenced: bool,
    ) -> String {
        let info = parse_info(info);
        if info.lang == "mermaid" {
            return self.render_mermaid(code, start);
        }
        let marked = mark_lines(code, &info);
        let body = highlight(&marked.code, &info.lang, &|i| {
            marked
                .line_classes
                .get(i)
                .map(|c| c.join(" "))
                .unwrap_or_default()
        });
        let shown_lang = if info.lang.is_empty() {
            "text"
        } else {
            info.lang.as_str()
        };
        let mut classes = format!("gen-code language-{}", escape(shown_lang));
        if marked.has_focus {
            classes.push_str(" has-focused-lines");
        }
        if marked.has_diff {
            classes.push_str(" has-diff");
        }
        let mut style = String::new();
        if info.line_numbers.unwrap_or(self.ctx.config.line_numbers) {
            classes.push_str(" line-numbers-mode");
            if let Some(n) = info.line_start.filter(|&n| n != 1) {
                style = format!(" style=\"counter-reset: line {}\"", n.saturating_sub(1));
            }
        }
        let mut html = format!(
            "<div class=\"{classes}\" data-lang=\"{}\">",
            escape(shown_lang)
        );
        if let Some(title) = &info.title {
            html.push_str(&format!(
                "<div class=\"code-title\">{}</div>",
                escape(title)
            ));
        }
        if fenced {
            html.push_str(&format!(
                "<span class=\"lang\">{}</span>",
                escape(shown_lang)
            ));
        }
        html.push_str(&format!("<pre class=\"hl-code\"><code{style}>"));
        html.push_str(&body);
        html.push_str("</code></pre></div>\n");
        if let Some(lang) = exec_lang(&info.lang).filter(|_| fenced && !info.has_flag("norun")) {
            let mut options = self.ctx.config.run.clone();
            options.extend(self.page.front.run.clone());
            for flag in &info.flags {
                options.insert(flag.clone(), "true".into());
            }
            let fence_html = info.options.get("html").cloned();
            options.extend(info.options.clone());
            self.attach_fixture(&mut options, fence_html, start);
            self.runs += 1;
            let id_prefix = format!("run-{}", self.runs);
            let session = self.sessions.name_for(&options);
            let request = ExecRequest {
                lang,
                code: &marked.code,
                options: &options,
                id_prefix: &id_prefix,
            };
            let result = match session {
                Some(name) => self
                    .ctx
                    .executor
                    .run_in_session(&request, &mut self.sessions, &name),
                None => self.ctx.executor.run(&request),
            };
            html.push_str(&result.html);
            if !result.warnings.is_empty() {
                let (line, col) = self.position(start);
                for w in result.warnings {
                    self.diag_warning(line, col, w, "see the guide's fence options");
                }
            }
        }
        html
    }

    /// The code block of snippet import `n` (its marker at byte `start`): the file (inside
    /// the site), or its `#region`, with the language from the import or the extension.
    pub(super) fn render_snippet(&mut self, n: usize, start: usize) -> String {
        let snippet = &self.prep.snippets[n];
        let root = self.ctx.root;
        let path = match snippet.path.strip_prefix("@/") {
            Some(rel) => root.join("content").join(rel),
            None => root
                .join(&self.page.source)
                .parent()
                .unwrap_or(root)
                .join(&snippet.path),
        };
        let inside = match (path.canonicalize(), root.canonicalize()) {
            (Ok(p), Ok(r)) => p.starts_with(r),
            _ => false,
        };
        self.add_dep(&path);
        let text = inside
            .then(|| std::fs::read_to_string(&path).ok())
            .flatten()
            .map(|t| t.replace("\r\n", "\n"));
        let Some(text) = text else {
            let message = format!("snippet import: no file `{}` inside the site", snippet.path);
            let ignored = self.ctx.config.dead_links.all;
            self.diag_dead(
                start,
                message,
                "`<<< @/x` is relative to content/, `<<< ./x` to the note's folder",
                ignored,
            );
            return String::new();
        };
        let code = match &snippet.region {
            Some(name) => match region(&text, name) {
                Some(code) => code,
                None => {
                    let (line, col) = self.position(start);
                    self.diag_warning(
                        line,
                        col,
                        format!("snippet import: no `#region {name}` in `{}`", snippet.path),
                        "mark the region with `#region NAME` and `#endregion` comments",
                    );
                    text
                }
            },
            None => text,
        };
        let lang = snippet.lang.clone().unwrap_or_else(|| {
            Path::new(&snippet.path)
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        let info = format!("{lang}{}", snippet.info);
        self.render_code(&info, &code, start, true)
    }

    fn render_mermaid(&mut self, source: &str, start: usize) -> String {
        self.diagrams += 1;
        let id = format!("mermaid-{}", self.diagrams);
        let (html, err) = self.ctx.executor.mermaid(source, &id);
        if let Some(err) = err {
            let (line, _) = self.position(start);
            self.diag_warning(
                line + err.line as usize,
                err.col as usize,
                format!("mermaid: {}", err.message),
                "the diagram is shown as an error box; fix the Mermaid source",
            );
        }
        html
    }

    /// Turns the `html=FILE` fence option (relative to the page's folder) or the
    /// `html_fixture` default (relative to the site root) into the `html` option holding
    /// the file's text, as the executor expects. The file must lie inside the site root.
    fn attach_fixture(
        &mut self,
        options: &mut BTreeMap<String, String>,
        fence_html: Option<String>,
        start: usize,
    ) {
        let root = self.ctx.root;
        let path = match (fence_html, options.get("html_fixture")) {
            (Some(rel), _) => {
                let page_dir = root.join(&self.page.source);
                let page_dir = page_dir.parent().unwrap_or(root);
                if rel.starts_with('/') {
                    root.join(rel.trim_start_matches('/'))
                } else {
                    page_dir.join(&rel)
                }
            }
            (None, Some(rel)) => root.join(rel),
            (None, None) => return,
        };
        options.remove("html");
        options.remove("html_fixture");
        let inside = match (path.canonicalize(), root.canonicalize()) {
            (Ok(p), Ok(r)) => p.starts_with(r),
            _ => false,
        };
        self.add_dep(&path);
        let content = if inside {
            std::fs::read_to_string(&path).ok()
        } else {
            None
        };
        match content {
            Some(text) => {
                options.insert("html".into(), text);
            }
            None => self.diag_error(
                start,
                format!("browser fixture `{}` not found inside the site", path.display()),
                "`html=FILE` is relative to the note's folder, `[run] html_fixture` to the site root",
            ),
        }
    }
}

/// The lines between `#region name` and its `#endregion` (in any comment style), without
/// the marker lines, dedented as VitePress does.
pub(super) fn region(text: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let is_marker = |line: &str, word: &str| {
        let t = line.trim();
        let at = t.find(word)?;
        let before = t[..at].trim();
        let prefix_ok =
            before.is_empty() || ["//", "#", "<!--", "/*", "--", "'", ";", "%"].contains(&before);
        prefix_ok.then(|| {
            t[at + word.len()..]
                .trim()
                .trim_end_matches("-->")
                .trim_end_matches("*/")
                .trim()
                .to_string()
        })
    };
    let start = lines
        .iter()
        .position(|l| is_marker(l, "#region").is_some_and(|n| n == name))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| is_marker(l, "#endregion").is_some_and(|n| n.is_empty() || n == name))
        .map_or(lines.len(), |i| i + start + 1);
    let body: Vec<&str> = lines[start + 1..end]
        .iter()
        .copied()
        .filter(|l| is_marker(l, "#region").is_none() && is_marker(l, "#endregion").is_none())
        .collect();
    let indent = body
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for l in body {
        out.push_str(l.get(indent..).unwrap_or(l.trim_start()));
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        let text = "a\n  // #region snippet\n  b\n    c\n  // #endregion snippet\nd\n";
        assert_eq!(region(text, "snippet").as_deref(), Some("b\n  c\n"));
        assert_eq!(region(text, "other"), None);
        let text = "<!-- #region r -->\n<p>x</p>\n<!-- #endregion r -->\n";
        assert_eq!(region(text, "r").as_deref(), Some("<p>x</p>\n"));
    }

    #[test]
    fn detects_unclosed_fences() {
        assert!(fence_is_closed("```py\nx\n```\n"));
        assert!(fence_is_closed("  ````\nx\n  ````"));
        assert!(!fence_is_closed("```py\nx\n"));
        assert!(!fence_is_closed("````\nx\n```\n"));
        assert!(fence_is_closed("~~~\n~~~"));
    }
}
