//! The build pipeline, one named step after another: load the config and content, render
//! every page's Markdown in parallel, check `page#anchor` links, render the templates in
//! parallel, add the hosting files (`publish`), then write the whole site atomically.
//! `gen check` runs the same steps but the last, then reads the rendered links (`check`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::{walk, Library};
use crate::diagnostics::{self, Diagnostic};
use crate::exec::Executor;
use crate::markdown::links::Resolver;
use crate::markdown::{self, RenderCtx, Rendered};
use crate::output::{self, OutFile};
use crate::pages::{self, Pages};
use crate::theme;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// The output directory (default `root/public`).
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from `gen.toml`.
    pub base_url: Option<String>,
    /// False for `gen check`: everything but writing.
    pub write: bool,
}

/// How a build went.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every error and warning, sorted by file and position.
    pub diags: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub millis: u128,
    /// Where the site was written (`None` when nothing was written).
    pub written: Option<PathBuf>,
    /// Notes for the build output (the search index's size, files left out).
    pub info: Vec<String>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }
}

/// Builds (or checks) a site. `Err` only for I/O failures while writing; problems with
/// the site's sources are diagnostics in the outcome.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    let started = Instant::now();
    let root = opts.root.as_path();
    let mut diags = Vec::new();
    let config = Config::load(root, opts.base_url.as_deref()).unwrap_or_else(|d| {
        diags.push(d);
        Config::default()
    });
    let lib = Library::load(root, &mut diags);
    let static_files = static_files(root, &mut diags);
    let tera = theme::load(root, &mut diags);
    let highlight_css =
        crate::markdown::highlight::css(&config.highlight_light, &config.highlight_dark)
            .unwrap_or_else(|message| {
                diags.push(
                    Diagnostic::error(Path::new(crate::config::FILE_NAME), 1, 1, message)
                        .with_hint("pick one of the listed theme names"),
                );
                String::new()
            });

    let tags = pages::collect_tags(&lib);
    let mut known_files: BTreeSet<String> =
        static_files.iter().map(|(_, rel)| rel.clone()).collect();
    known_files.extend(theme::assets().iter().map(|(rel, _)| rel.to_string()));
    known_files.insert(theme::HIGHLIGHT_CSS.to_string());
    known_files.insert("404.html".to_string());
    known_files.insert("tags/".to_string());
    known_files.extend(tags.keys().map(|slug| format!("tags/{slug}/")));
    known_files.extend(crate::publish::GENERATED.iter().map(|rel| rel.to_string()));

    let rendered = render_markdown(root, &config, &lib, &known_files);
    for r in &rendered {
        diags.extend(r.diags.iter().cloned());
    }
    diags.extend(markdown::vue::summarize(&lib, &rendered));
    check_anchors(&config, &lib, &rendered, &mut diags);

    let site_pages = Pages {
        config: &config,
        lib: &lib,
        rendered: &rendered,
        tags: &tags,
        tera: &tera,
    };
    // `gen check` renders despite errors, to check the rendered links too.
    let mut files = if opts.write && diags.iter().any(Diagnostic::is_error) {
        Vec::new()
    } else {
        site_pages.render_all(&mut diags)
    };
    let published = crate::publish::files(&config, &lib, &rendered, &files, &mut diags);
    files.extend(published.files);
    files.push(OutFile::Text {
        rel: theme::HIGHLIGHT_CSS.to_string(),
        text: highlight_css,
    });
    for (rel, text) in theme::assets() {
        files.push(OutFile::Text {
            rel: rel.to_string(),
            text: text.to_string(),
        });
    }
    files.extend(lib.assets.iter().map(|a| OutFile::Copy {
        rel: a.rel.clone(),
        from: a.abs.clone(),
    }));
    for (abs, rel) in static_files {
        files.push(OutFile::Copy { rel, from: abs });
    }
    let files = dedup_files(files, &mut diags);
    if !opts.write {
        let input = crate::check::Input {
            root,
            config: &config,
            lib: &lib,
            known: &known_files,
            files: &files,
        };
        crate::check::run(&input, &mut diags);
    }

    diagnostics::sort(&mut diags);
    let mut outcome = Outcome {
        pages: lib.pages.len(),
        files: files.len(),
        info: published.info,
        ..Outcome::default()
    };
    let failed = diags.iter().any(Diagnostic::is_error);
    outcome.diags = diags;
    if opts.write && !failed {
        let out = opts.out.clone().unwrap_or_else(|| root.join("public"));
        output::check_out_dir(root, &out)?;
        output::write_site(&out, &files)?;
        outcome.written = Some(out);
    }
    outcome.millis = started.elapsed().as_millis();
    Ok(outcome)
}

/// Renders every page's Markdown in parallel, sharing one executor.
fn render_markdown(
    root: &Path,
    config: &Config,
    lib: &Library,
    known: &BTreeSet<String>,
) -> Vec<Rendered> {
    let resolver = Resolver::new(lib, &config.base_path, known);
    let executor = Executor::with_cache_dir(root.join(".gen-cache"));
    let ctx = RenderCtx {
        root,
        config,
        lib,
        resolver: &resolver,
        executor: &executor,
    };
    (0..lib.pages.len())
        .into_par_iter()
        .map(|i| markdown::render_page(&ctx, i))
        .collect()
}

/// Reports `page#anchor` links whose anchor is not a heading id of the target page.
fn check_anchors(
    config: &Config,
    lib: &Library,
    rendered: &[Rendered],
    diags: &mut Vec<Diagnostic>,
) {
    let ids: Vec<BTreeSet<&str>> = rendered
        .iter()
        .map(|r| r.headings.iter().map(|h| h.id.as_str()).collect())
        .collect();
    for (from, r) in rendered.iter().enumerate() {
        for a in &r.anchors {
            if ids[a.page].contains(a.anchor.as_str())
                || has_raw_id(&lib.pages[a.page].text, &a.anchor)
            {
                continue;
            }
            let target = &lib.pages[a.page];
            let message = format!(
                "dead anchor: `{}` has no heading with id `{}`",
                target.rel, a.anchor
            );
            let hint = "heading ids follow VitePress's slugs; `{#id}` after a heading sets one";
            let d = if config.ignore_dead_links {
                Diagnostic::warning(&lib.pages[from].source, a.line, a.col, message)
            } else {
                Diagnostic::error(&lib.pages[from].source, a.line, a.col, message)
            };
            diags.push(d.with_hint(hint));
        }
    }
}

/// Whether raw HTML in the page sets this id (`<a id="x">`, `<div id="x">`).
fn has_raw_id(text: &str, id: &str) -> bool {
    text.contains(&format!("id=\"{id}\"")) || text.contains(&format!("id='{id}'"))
}

/// The files of `static/`, copied to the output root (nothing from outside the site).
fn static_files(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(PathBuf, String)> {
    let dir = root.join("static");
    if !dir.is_dir() {
        return Vec::new();
    }
    walk::walk(root, &dir, diags)
        .into_iter()
        .map(|f| (f.abs, f.rel))
        .collect()
}

/// Drops later files that would overwrite earlier ones at the same output path (a theme
/// asset overridden from `static/` keeps the site's file); generated pages clashing with
/// a copied file are reported.
fn dedup_files(files: Vec<OutFile>, diags: &mut Vec<Diagnostic>) -> Vec<OutFile> {
    let mut by_rel: BTreeMap<String, OutFile> = BTreeMap::new();
    for file in files {
        let rel = file.rel().to_string();
        match (by_rel.get(&rel), &file) {
            (Some(OutFile::Text { .. }), OutFile::Copy { from, .. }) if rel.ends_with(".html") => {
                diags.push(
                    Diagnostic::error(from, 1, 1, format!("`{rel}` is also a generated page"))
                        .with_hint("rename the file or the note so that their output paths differ"),
                );
            }
            _ => {
                by_rel.insert(rel, file);
            }
        }
    }
    by_rel.into_values().collect()
}
