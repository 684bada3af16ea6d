//! The build pipeline, one named step after another: load the config and content, render
//! every page's Markdown in parallel, check `page#anchor` links, render the templates in
//! parallel, add the hosting files (`publish`), then write the changes into the output
//! (`output`; a failed build writes nothing). `gen check` runs the same steps but the last,
//! then reads the rendered links (`check`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
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
    /// Files written or removed in the output (unchanged files are not rewritten).
    pub changed: usize,
    /// Notes for the build output (the search index's size, files left out).
    pub info: Vec<String>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }
}

/// What `gen watch` keeps from one build to the next, so that a change re-renders only
/// the notes it touches and the pages that show them, and writes only files that changed.
/// A template or config change needs a fresh `Memory` (everything depends on those).
///
/// With [`Memory::defer_publishing`], a rebuild leaves the hosting files (search index,
/// sitemap, feed: each depends on every page and takes long on big sites) as they were and
/// [`settle`] brings them up to date once the author pauses.
#[derive(Default)]
pub struct Memory {
    /// Shared by every build: its in-memory cache saves even the disk cache's reads.
    executor: Option<Executor>,
    /// The last build's notes by source path (`Page::rel`), with what they were rendered
    /// from; `rendered` holds their renderings in the order of `last`'s library.
    notes: HashMap<String, Kept>,
    rendered: Vec<Rendered>,
    /// The last build's configuration, library and page output paths (for [`settle`]).
    last: Option<(Config, Library, Vec<String>)>,
    /// The page URLs and linkable files of the last build.
    linkable: BTreeSet<String>,
    /// What the output holds: output path → key of the page rendered there, for pages.
    keys: HashMap<String, u64>,
    /// [`structure_key`] of the library the output was built from.
    structure: Option<u64>,
    /// Output paths of the VitePress redirect pages.
    aliases: Vec<String>,
    /// Every output path the output holds (`None` until a build was written).
    produced: Option<BTreeSet<String>>,
    /// Output paths of the hosting files, and of copied files (which override them).
    published: BTreeSet<String>,
    copied: BTreeSet<String>,
    defer_publishing: bool,
    /// The hosting files lag behind the pages.
    unsettled: bool,
    /// The last build failed (its library is not what is served).
    failed: bool,
}

/// One note's rendering, reusable while its text and the files it can link to are the same.
struct Kept {
    /// Index into `Memory::rendered`.
    index: usize,
    text: String,
    /// `rendered.anchors[i].page` as a source path, since page indices shift.
    anchor_targets: Vec<String>,
    hash: u64,
}

impl Memory {
    /// A memory whose rebuilds defer the hosting files to [`settle`].
    pub fn deferring_publishing() -> Memory {
        Memory {
            defer_publishing: true,
            ..Memory::default()
        }
    }

    /// Whether [`settle`] has work to do.
    pub fn unsettled(&self) -> bool {
        self.unsettled && !self.failed
    }
}

/// Builds (or checks) a site. `Err` only for I/O failures while writing; problems with
/// the site's sources are diagnostics in the outcome.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    run(opts, None, &[])
}

/// Builds the site again after `changed` (root-relative source paths of notes, assets and
/// static files), reusing what `memory` kept from the previous build.
pub fn rebuild(opts: &BuildOptions, memory: &mut Memory, changed: &[PathBuf]) -> Result<Outcome> {
    run(opts, Some(memory), changed)
}

fn run(
    opts: &BuildOptions,
    mut memory: Option<&mut Memory>,
    changed: &[PathBuf],
) -> Result<Outcome> {
    let started = Instant::now();
    let root = opts.root.as_path();
    let mut diags = Vec::new();
    let config = Config::load(root, opts.base_url.as_deref()).unwrap_or_else(|d| {
        diags.push(d);
        Config::default()
    });
    crate::mermaid::warm_up();
    let lib = Library::load(root, &mut diags);
    crate::exec::warm_up(lib.pages.iter().map(|p| p.body()));
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

    let mut linkable = known_files.clone();
    linkable.extend(lib.pages.iter().map(|p| p.path.clone()));
    let reuse = memory
        .as_deref_mut()
        .map(|m| m.reusable(&lib, &linkable, changed));
    let before: HashMap<String, u64> = memory
        .as_deref()
        .map(|m| m.notes.iter().map(|(r, k)| (r.clone(), k.hash)).collect())
        .unwrap_or_default();
    let (rendered, hashes) = render_markdown(
        root,
        &config,
        &lib,
        &known_files,
        memory.as_deref_mut(),
        reuse,
    );
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
    let failed_early = opts.write && diags.iter().any(Diagnostic::is_error);
    // When nothing one page shows of another changed (titles, frontmatter, the page set:
    // the `structure`), only the notes whose rendering changed need their page again.
    let structure = structure_key(&lib);
    let only: Option<HashSet<usize>> = memory
        .as_deref()
        .filter(|m| m.produced.is_some() && m.structure == Some(structure))
        .map(|_| {
            (0..lib.pages.len())
                .filter(|&i| before.get(&lib.pages[i].rel) != Some(&hashes[i]))
                .collect()
        });
    let jobs = match (&only, failed_early) {
        (_, true) => Vec::new(),
        (Some(only), false) => site_pages.note_jobs(only, &mut diags),
        (None, false) => site_pages.jobs(&mut diags),
    };
    let page_rels: Vec<String> = match (&only, memory.as_deref().and_then(|m| m.last.as_ref())) {
        (Some(_), Some((_, _, rels))) => rels.clone(),
        _ => jobs.iter().map(|j| j.rel().to_string()).collect(),
    };
    // With a memory, only pages whose inputs changed are rendered (and written).
    let job_keys: Vec<(String, u64)> = match &memory {
        Some(_) => jobs
            .iter()
            .map(|j| (j.rel().to_string(), j.key(|i| hashes[i])))
            .collect(),
        None => Vec::new(),
    };
    let todo: Vec<_> = match memory
        .as_deref()
        .and_then(|m| m.produced.as_ref().map(|_| m))
    {
        Some(m) => jobs
            .into_iter()
            .zip(&job_keys)
            .filter(|(_, (rel, k))| m.keys.get(rel) != Some(k))
            .map(|(j, _)| j)
            .collect(),
        None => jobs,
    };
    // The VitePress redirect pages depend on the page set only.
    let aliases = match (&only, failed_early) {
        (None, false) => site_pages.aliases(),
        _ => Vec::new(),
    };
    let alias_rels: Vec<String> = match (&only, memory.as_deref()) {
        (Some(_), Some(m)) => m.aliases.clone(),
        _ => aliases.iter().map(|f| f.rel().to_string()).collect(),
    };
    let mut files = aliases;
    files.extend(site_pages.render(todo, &mut diags));
    let defer = memory
        .as_deref()
        .is_some_and(|m| m.defer_publishing && m.produced.is_some());
    let published = if defer {
        crate::publish::Published::default()
    } else {
        crate::publish::files(&config, &lib, &rendered, &page_rels, &mut diags)
    };
    let published_rels: BTreeSet<String> = match memory.as_deref() {
        Some(m) if defer => m.published.clone(),
        _ => published
            .files
            .iter()
            .map(|f| f.rel().to_string())
            .collect(),
    };
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
    let mut copies: Vec<OutFile> = lib
        .assets
        .iter()
        .map(|a| OutFile::Copy {
            rel: a.rel.clone(),
            from: a.abs.clone(),
        })
        .collect();
    copies.extend(
        static_files
            .into_iter()
            .map(|(abs, rel)| OutFile::Copy { rel, from: abs }),
    );
    let copied: BTreeSet<String> = copies.iter().map(|f| f.rel().to_string()).collect();
    let mut produced: BTreeSet<String> = page_rels.iter().cloned().collect();
    produced.extend(files.iter().map(|f| f.rel().to_string()));
    produced.extend(copied.iter().cloned());
    produced.extend(published_rels.iter().cloned());
    produced.extend(alias_rels.iter().cloned());
    // Incrementally, copied files are written when they are new or their source changed.
    if let Some(before) = memory.as_deref().and_then(|m| m.produced.as_ref()) {
        copies.retain(|f| match f {
            OutFile::Copy { rel, from } => {
                !before.contains(rel) || changed.iter().any(|c| from.ends_with(c))
            }
            OutFile::Text { .. } => true,
        });
    }
    files.extend(copies);
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
        files: produced.len(),
        info: published.info,
        ..Outcome::default()
    };
    let failed = diags.iter().any(Diagnostic::is_error);
    outcome.diags = diags;
    if opts.write && !failed {
        let out = opts.out.clone().unwrap_or_else(|| root.join("public"));
        output::check_out_dir(root, &out)?;
        let before = memory
            .as_deref()
            .and_then(|m| m.produced.as_ref())
            .filter(|_| out.is_dir());
        let written = match before {
            Some(before) => {
                let stale: Vec<String> = before.difference(&produced).cloned().collect();
                output::update(&out, &files, &stale)?
            }
            None => output::write_site(&out, &files)?,
        };
        outcome.changed = written.written + written.removed;
        outcome.written = Some(out);
        if let Some(m) = memory.as_deref_mut() {
            if only.is_none() {
                m.keys.clear();
            }
            m.keys.extend(job_keys);
            m.structure = Some(structure);
            m.aliases = alias_rels;
            m.produced = Some(produced);
            m.published = published_rels;
            m.copied = copied;
            m.unsettled = defer;
        }
    }
    if let Some(m) = memory {
        m.failed = outcome.written.is_none();
        m.keep(config, lib, rendered, hashes, linkable, page_rels);
    }
    outcome.millis = started.elapsed().as_millis();
    Ok(outcome)
}

/// Brings the hosting files (search index, sitemap, feed) up to date after rebuilds that
/// deferred them; `None` when nothing was deferred. Writes nothing when they report errors.
pub fn settle(opts: &BuildOptions, memory: &mut Memory) -> Option<Result<Outcome>> {
    if !memory.unsettled || memory.failed {
        return None;
    }
    let started = Instant::now();
    let (config, lib, page_rels) = memory.last.as_ref()?;
    let mut diags = Vec::new();
    let mut published = crate::publish::files(config, lib, &memory.rendered, page_rels, &mut diags);
    published.files.retain(|f| !memory.copied.contains(f.rel()));
    let rels: BTreeSet<String> = published
        .files
        .iter()
        .map(|f| f.rel().to_string())
        .collect();
    diagnostics::sort(&mut diags);
    let mut outcome = Outcome {
        pages: lib.pages.len(),
        info: published.info,
        ..Outcome::default()
    };
    let failed = diags.iter().any(Diagnostic::is_error);
    outcome.diags = diags;
    if !failed {
        let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
        let stale: Vec<String> = memory.published.difference(&rels).cloned().collect();
        let written = match output::update(&out, &published.files, &stale) {
            Ok(w) => w,
            Err(e) => return Some(Err(e)),
        };
        if let Some(produced) = memory.produced.as_mut() {
            for rel in &stale {
                produced.remove(rel);
            }
            produced.extend(rels.iter().cloned());
            outcome.files = produced.len();
        }
        memory.published = rels;
        memory.unsettled = false;
        outcome.changed = written.written + written.removed;
        outcome.written = Some(out);
    }
    outcome.millis = started.elapsed().as_millis();
    Some(Ok(outcome))
}

/// Renders every page's Markdown in parallel, sharing one executor (whose runs of a page
/// are done in parallel too, after the page's Markdown); pages `reuse` marks
/// are taken from `memory` instead. Returns each page's rendering and its fingerprint.
fn render_markdown(
    root: &Path,
    config: &Config,
    lib: &Library,
    known: &BTreeSet<String>,
    memory: Option<&mut Memory>,
    reuse: Option<Vec<bool>>,
) -> (Vec<Rendered>, Vec<u64>) {
    let resolver = Resolver::new(lib, &config.base_path, known);
    let fresh;
    let (executor, kept) = match memory {
        Some(m) => {
            let executor = m.executor.get_or_insert_with(|| {
                Executor::with_cache_dir(root.join(".gen-cache")).deferring()
            });
            (&*executor, Some((&mut m.notes, &mut m.rendered)))
        }
        None => {
            fresh = Executor::with_cache_dir(root.join(".gen-cache")).deferring();
            (&fresh, None)
        }
    };
    let incremental = kept.is_some();
    let ctx = RenderCtx {
        root,
        config,
        lib,
        resolver: &resolver,
        executor,
    };
    let mut taken: Vec<Option<(Kept, Rendered)>> = match (kept, &reuse) {
        (Some((notes, rendered)), Some(reuse)) => lib
            .pages
            .iter()
            .zip(reuse)
            .map(|(p, &r)| {
                let k = notes.remove(&p.rel).filter(|_| r)?;
                let taken = std::mem::take(rendered.get_mut(k.index)?);
                Some((k, taken))
            })
            .collect(),
        _ => Vec::new(),
    };
    taken.resize_with(lib.pages.len(), || None);
    let index: HashMap<&str, usize> = lib
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.rel.as_str(), i))
        .collect();
    taken
        .into_par_iter()
        .enumerate()
        .map(
            |(i, kept)| match kept.and_then(|(k, r)| retarget(k, r, &index)) {
                Some(reused) => reused,
                None => {
                    let mut r = markdown::render_page(&ctx, i);
                    executor.resolve(&mut r.html);
                    // Fingerprints only serve a later incremental rebuild.
                    let hash = if incremental { hash_str(&r.html) } else { 0 };
                    (r, hash)
                }
            },
        )
        .unzip()
}

/// A kept rendering with its anchor links pointing at the pages' new indices; `None` when
/// a target is gone.
fn retarget(
    kept: Kept,
    mut rendered: Rendered,
    index: &HashMap<&str, usize>,
) -> Option<(Rendered, u64)> {
    for (a, target) in rendered.anchors.iter_mut().zip(&kept.anchor_targets) {
        a.page = *index.get(target.as_str())?;
    }
    Some((rendered, kept.hash))
}

/// A fingerprint of everything a page shows of other pages: the page set, their titles,
/// sections and frontmatter (descriptions, tags, dates, order), and the sections' titles.
fn structure_key(lib: &Library) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in &lib.pages {
        (&p.rel, &p.path, &p.title, p.section, p.is_index).hash(&mut h);
        p.text[..p.body_start].hash(&mut h);
    }
    for s in &lib.sections {
        (
            &s.path,
            &s.title,
            s.index_page,
            &s.pages,
            &s.children,
            s.parent,
        )
            .hash(&mut h);
    }
    h.finish()
}

fn hash_str(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl Memory {
    /// Which pages of `lib` can reuse their kept rendering: same text, and no page URL or
    /// linkable file appeared or vanished whose name the note mentions (its links might
    /// resolve differently now).
    /// A note whose includes, snippet imports or browser fixtures changed is rendered again.
    fn reusable(
        &self,
        lib: &Library,
        linkable: &BTreeSet<String>,
        changed: &[PathBuf],
    ) -> Vec<bool> {
        let names: Vec<&str> = self
            .linkable
            .symmetric_difference(linkable)
            .filter_map(|p| p.trim_end_matches('/').rsplit('/').next())
            .filter(|n| !n.is_empty())
            .collect();
        lib.pages
            .iter()
            .map(|p| {
                self.notes.get(&p.rel).is_some_and(|k| {
                    k.text == p.text
                        && !self.rendered[k.index]
                            .deps
                            .iter()
                            .any(|d| changed.iter().any(|c| c == d))
                }) && !names.iter().any(|n| p.text.contains(n))
            })
            .collect()
    }

    /// Keeps this build's library and renderings for the next one.
    fn keep(
        &mut self,
        config: Config,
        lib: Library,
        rendered: Vec<Rendered>,
        hashes: Vec<u64>,
        linkable: BTreeSet<String>,
        page_rels: Vec<String>,
    ) {
        self.notes.clear();
        for (index, (page, (r, hash))) in lib
            .pages
            .iter()
            .zip(rendered.iter().zip(hashes))
            .enumerate()
        {
            let anchor_targets = r
                .anchors
                .iter()
                .map(|a| lib.pages[a.page].rel.clone())
                .collect();
            self.notes.insert(
                page.rel.clone(),
                Kept {
                    index,
                    text: page.text.clone(),
                    anchor_targets,
                    hash,
                },
            );
        }
        self.rendered = rendered;
        self.linkable = linkable;
        self.last = Some((config, lib, page_rels));
    }
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
