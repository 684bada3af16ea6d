//! Markdown to HTML for one page, reading VitePress's dialect. The note's body is first
//! prepared ([`containers`]: custom containers and snippet imports become markers), then
//! parsed once with pulldown-cmark; the events are rewritten on the way (headings get
//! VitePress's ids and anchors, links become page URLs, fences become highlighted code,
//! run panels and diagrams, code groups become tabs, `> [!NOTE]` quotes become alerts,
//! emoji shortcodes are replaced, Vue-only syntax is made inert, `[[toc]]` becomes the
//! table of contents) and rendered with `push_html`.

mod blocks;
mod code;
pub mod containers;
pub mod emoji;
mod emoji_table;
pub mod fence;
pub mod front;
pub mod heading;
pub mod highlight;
pub mod include;
mod linkify;
pub mod links;
pub mod slug;
pub mod toc;
pub mod vue;

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::config::Config;
use crate::content::{Library, Page};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::exec::{Executor, Sessions};
use containers::{Marker, Prepared};
use links::{Resolver, Target};
use slug::Slugger;
use vue::{VueKind, VueUse};

/// The one place the Markdown dialect is chosen.
pub fn new_parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts.insert(Options::ENABLE_MATH);
    Parser::new_ext(text, opts)
}

/// The text of a note's first level-1 heading (anywhere in the body, as VitePress takes
/// its page title), with emoji shortcodes replaced and a `{#id}` left out.
pub fn first_h1(body: &str) -> Option<String> {
    let mut inside = false;
    let mut text = String::new();
    for event in new_parser(body) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => inside = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                return Some(emoji::replace(text.trim()));
            }
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            _ => {}
        }
    }
    None
}

/// A heading of the page, for the outline and for anchor checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// A `page#anchor` link, checked once all pages' ids are known.
#[derive(Debug, Clone)]
pub struct AnchorRef {
    pub page: usize,
    pub anchor: String,
    pub line: usize,
    pub col: usize,
}

/// What rendering one page produced.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub anchors: Vec<AnchorRef>,
    pub diags: Vec<Diagnostic>,
    /// Vue-only syntax passed through (reported once per kind for the whole site).
    pub vue: Vec<VueUse>,
    /// Frontmatter values for templates (links resolved, prev/next, head).
    pub front: front::PageFront,
    /// Whether the body opens with a level-1 heading (the page's title, VitePress-style),
    /// so templates need not repeat the title.
    pub opens_with_h1: bool,
    /// Files other than the note that the rendering read (includes, snippet imports,
    /// browser fixtures), relative to the site root: a change to one needs a new rendering.
    pub deps: Vec<PathBuf>,
}

/// `path` (under `root`) relative to `root`, `.` and `..` resolved.
fn relative_to(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut out = PathBuf::new();
    for part in rel.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// What every page's rendering shares within one build.
pub struct RenderCtx<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub lib: &'a Library,
    pub resolver: &'a Resolver<'a>,
    pub executor: &'a Executor,
}

/// Renders page `index` of the library.
pub fn render_page(ctx: &RenderCtx<'_>, index: usize) -> Rendered {
    let page = &ctx.lib.pages[index];
    let content = ctx.root.join("content");
    let note_dir = ctx.root.join(&page.source);
    let roots = include::Roots {
        site: ctx.root,
        content: &content,
    };
    let expanded = include::expand(page.body(), note_dir.parent().unwrap_or(&content), &roots);
    let prep = containers::prepare(&expanded.text);
    let mut r = PageRenderer {
        ctx,
        index,
        page,
        prep: &prep,
        lines: LineIndex::new(&prep.text),
        origin: &expanded.origin,
        line_offset: page.text[..page.body_start].matches('\n').count(),
        slugger: Slugger::default(),
        out: Rendered::default(),
        runs: 0,
        diagrams: 0,
        groups: 0,
        toc: Vec::new(),
        sessions: Sessions::new(page.front.exec_page),
    };
    for file in &expanded.files {
        r.add_dep(file);
    }
    for (line, path) in &expanded.missing {
        let d = Diagnostic::warning(&page.source, line + r.line_offset + 1, 1, format!("include: no file `{path}` inside the site"))
            .with_hint("`<!--@include: ./x.md-->` is relative to the note, `@/x.md` to content/; the directive is left as written");
        r.out.diags.push(d);
    }
    let mut html = r.render();
    r.out.front = r.front_values();
    if html.contains(toc::MARK) {
        html = html.replace(toc::MARK, &toc::render(&r.toc));
    }
    r.out.html = html;
    r.out
}

/// The state of one page's rendering (ids handed out, counters, findings).
struct PageRenderer<'a, 'c> {
    ctx: &'a RenderCtx<'c>,
    index: usize,
    page: &'a Page,
    prep: &'a Prepared,
    lines: LineIndex,
    /// For each line of the prepared text, the body line it came from (includes expanded).
    origin: &'a [usize],
    /// Lines of frontmatter before the body, for positions in the note as written.
    line_offset: usize,
    slugger: Slugger,
    out: Rendered,
    runs: usize,
    diagrams: usize,
    groups: usize,
    toc: Vec<toc::Entry>,
    sessions: Sessions,
}

/// A heading being read: where its inner events start, and its events as parsed.
struct OpenHeading<'t> {
    level: HeadingLevel,
    id: Option<String>,
    classes: Vec<String>,
    start: usize,
    offset: usize,
    top_level: bool,
    raw: Vec<(Event<'t>, Range<usize>)>,
}

/// A code block being read.
struct OpenCode {
    info: String,
    code: String,
    start: usize,
    fenced: bool,
}

/// An open `::: code-group`: the event to fill with its tab labels.
struct Group {
    id: usize,
    labels_at: usize,
    labels: Vec<String>,
}

/// The event-level state of one page's rendering.
#[derive(Default)]
struct Flow<'t> {
    events: Vec<Event<'t>>,
    /// Adjacent text events not yet emitted (merged for emoji and interpolations).
    texts: Vec<(CowStr<'t>, Range<usize>)>,
    heading: Option<OpenHeading<'t>>,
    code: Option<OpenCode>,
    html_block: Option<(String, usize)>,
    /// Open links: true for autolinks (`<https://…>`), whose text is left alone.
    links: Vec<bool>,
    images: usize,
    /// Open block quotes: true for GitHub alerts.
    quotes: Vec<bool>,
    /// The `[!NOTE] title` marker of an alert, dropped from its first paragraph.
    strip: Option<Range<usize>>,
    in_toc: bool,
    /// Lists, quotes and containers open (headings inside them stay out of `[[toc]]`).
    depth: usize,
    /// `::: v-pre` containers open.
    vpre: usize,
    /// Whether the first block (raw HTML aside) is a level-1 heading, once known.
    first_block: Option<bool>,
    groups: Vec<Group>,
}

impl Flow<'_> {
    fn stripped(&self, span: &Range<usize>) -> bool {
        self.strip
            .as_ref()
            .is_some_and(|s| s.start <= span.start && span.end <= s.end)
    }
}

impl<'a> PageRenderer<'a, '_> {
    fn position(&self, offset: usize) -> (usize, usize) {
        let (line, col) = self.lines.position(&self.prep.text, offset);
        let origin = |l: usize| self.origin.get(l).copied();
        match origin(line - 1) {
            // A line an include brought in: point at the include.
            Some(body_line) if line > 1 && origin(line - 2) == Some(body_line) => {
                (body_line + 1 + self.line_offset, 1)
            }
            Some(body_line) => (body_line + 1 + self.line_offset, col),
            None => (line + self.line_offset, col),
        }
    }

    fn diag_error(&mut self, offset: usize, message: String, hint: &str) {
        let (line, col) = self.position(offset);
        let d = Diagnostic::error(&self.page.source, line, col, message).with_hint(hint);
        self.out.diags.push(d);
    }

    fn diag_warning(&mut self, line: usize, col: usize, message: String, hint: &str) {
        let d = Diagnostic::warning(&self.page.source, line, col, message).with_hint(hint);
        self.out.diags.push(d);
    }

    /// A dead link or missing file: an error, or a warning when `gen.toml` ignores it.
    fn diag_dead(&mut self, offset: usize, message: String, hint: &str, ignored: bool) {
        if ignored {
            let (line, col) = self.position(offset);
            self.diag_warning(line, col, message, hint);
        } else {
            self.diag_error(offset, message, hint);
        }
    }

    /// Records a file the rendering read.
    fn add_dep(&mut self, path: &Path) {
        if let Some(rel) = relative_to(self.ctx.root, path) {
            if !self.out.deps.contains(&rel) {
                self.out.deps.push(rel);
            }
        }
    }

    fn vue_use(&mut self, kind: VueKind, name: String, offset: usize) {
        let (line, col) = self.position(offset);
        self.out.vue.push(VueUse {
            kind,
            name,
            line,
            col,
        });
    }

    /// Renders the prepared body.
    fn render(&mut self) -> String {
        let text: &'a str = &self.prep.text;
        let mut flow = Flow::default();
        for (event, span) in new_parser(text).into_offset_iter() {
            if let Some(h) = flow.heading.as_mut() {
                if !matches!(event, Event::End(TagEnd::Heading(_))) {
                    h.raw.push((event.clone(), span.clone()));
                }
            }
            match &event {
                Event::Text(t) => {
                    if let Some(code) = flow.code.as_mut() {
                        code.code.push_str(t);
                    } else if !flow.in_toc && !flow.stripped(&span) {
                        flow.texts.push((t.clone(), span));
                    }
                    continue;
                }
                Event::SoftBreak | Event::HardBreak if flow.stripped(&span) => continue,
                Event::Html(t) if flow.html_block.is_some() => {
                    if let Some((block, _)) = flow.html_block.as_mut() {
                        block.push_str(t);
                    }
                    continue;
                }
                _ => {}
            }
            self.flush_texts(&mut flow);
            self.event(event, span, text, &mut flow);
        }
        self.flush_texts(&mut flow);
        self.out.opens_with_h1 = flow.first_block == Some(true);
        let mut html = String::with_capacity(text.len() * 2);
        pulldown_cmark::html::push_html(&mut html, flow.events.into_iter());
        html
    }

    /// Handles one event other than text.
    fn event<'t>(
        &mut self,
        event: Event<'t>,
        span: Range<usize>,
        text: &'t str,
        flow: &mut Flow<'t>,
    ) {
        if flow.first_block.is_none() {
            match &event {
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) | Event::Html(_) => {}
                Event::Start(Tag::Heading { level, .. }) => {
                    flow.first_block = Some(*level == HeadingLevel::H1);
                }
                _ => flow.first_block = Some(false),
            }
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let (info, fenced) = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => (info.to_string(), true),
                    pulldown_cmark::CodeBlockKind::Indented => (String::new(), false),
                };
                if fenced && !code::fence_is_closed(&text[span.clone()]) {
                    let (line, col) = self.position(span.start);
                    self.diag_warning(
                        line,
                        col,
                        "code fence is never closed".into(),
                        "add the closing ``` line; everything after it was read as code",
                    );
                }
                flow.code = Some(OpenCode {
                    info,
                    code: String::new(),
                    start: span.start,
                    fenced,
                });
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(c) = flow.code.take() {
                    let html = self.render_code(&c.info, &c.code, c.start, c.fenced);
                    self.push_code(flow, &c.info, html);
                }
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                flow.heading = Some(OpenHeading {
                    level,
                    id: id.map(|i| i.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    start: flow.events.len(),
                    offset: span.start,
                    top_level: flow.depth == 0,
                    raw: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = flow.heading.take() {
                    let inner = flow.events.split_off(h.start);
                    let html = self.render_heading(h, inner, text);
                    flow.events.push(Event::Html(html.into()));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let href = self.link(&dest_url, span.start, false);
                flow.links
                    .push(matches!(link_type, LinkType::Autolink | LinkType::Email));
                flow.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: href.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                flow.links.pop();
                flow.events.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let href = self.link(&dest_url, span.start, true);
                flow.images += 1;
                flow.events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: href.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                flow.images = flow.images.saturating_sub(1);
                flow.events.push(event);
            }
            Event::Start(Tag::Paragraph) if toc::is_toc(&text[span.clone()]) => {
                flow.in_toc = true;
                flow.events.push(Event::Html(toc::MARK.into()));
            }
            Event::End(TagEnd::Paragraph) if flow.in_toc => flow.in_toc = false,
            Event::End(TagEnd::Paragraph)
                if matches!(flow.events.last(), Some(Event::Start(Tag::Paragraph))) =>
            {
                flow.events.pop();
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flow.depth += 1;
                match blocks::alert(text, span.clone()) {
                    Some(alert) => {
                        let labels = &self.ctx.config.container_labels;
                        flow.events
                            .push(Event::Html(alert.open_html(labels).into()));
                        flow.strip = Some(alert.marker);
                        flow.quotes.push(true);
                    }
                    None => {
                        flow.events.push(event);
                        flow.quotes.push(false);
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flow.depth = flow.depth.saturating_sub(1);
                if flow.quotes.pop() == Some(true) {
                    flow.events.push(Event::Html("</div>\n".into()));
                } else {
                    flow.events.push(event);
                }
            }
            Event::Start(Tag::List(_)) => {
                flow.depth += 1;
                flow.events.push(event);
            }
            Event::End(TagEnd::List(_)) => {
                flow.depth = flow.depth.saturating_sub(1);
                flow.events.push(event);
            }
            Event::Start(Tag::HtmlBlock) => flow.html_block = Some((String::new(), span.start)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((block, start)) = flow.html_block.take() {
                    self.raw_html(&block, start, flow);
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => self.raw_html(&t, span.start, flow),
            Event::InlineMath(t) => flow.events.push(Event::Html(
                format!(
                    "<span class=\"math math-inline\">${}$</span>",
                    highlight::escape(&t)
                )
                .into(),
            )),
            Event::DisplayMath(t) => flow.events.push(Event::Html(
                format!(
                    "<span class=\"math math-display\">$${}$$</span>",
                    highlight::escape(&t)
                )
                .into(),
            )),
            other => flow.events.push(other),
        }
    }

    /// Emits the pending text: bare URLs linked, emoji replaced, interpolations recorded.
    fn flush_texts(&mut self, flow: &mut Flow<'_>) {
        if flow.texts.is_empty() {
            return;
        }
        let texts = std::mem::take(&mut flow.texts);
        if flow.images > 0 || flow.links.last() == Some(&true) {
            flow.events
                .extend(texts.into_iter().map(|(t, _)| Event::Text(t)));
            return;
        }
        let start = texts[0].1.start;
        let merged: String = texts.iter().map(|(t, _)| t.as_ref()).collect();
        if flow.vpre == 0 && merged.contains("{{") {
            let mut found = Vec::new();
            vue::interpolations(&merged, start, &mut found);
            for f in found {
                self.vue_use(f.kind, f.name, f.offset);
            }
        }
        if !flow.links.is_empty() {
            flow.events
                .push(Event::Text(emoji::replace(&merged).into()));
            return;
        }
        let mut from = 0;
        for (range, href) in linkify::find(&merged) {
            if range.start > from {
                let before = emoji::replace(&merged[from..range.start]);
                flow.events.push(Event::Text(before.into()));
            }
            let href = self.link(&CowStr::from(href), start + range.start, false);
            flow.events.push(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: href.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }));
            let shown = merged[range.clone()].to_string();
            flow.events.push(Event::Text(shown.into()));
            flow.events.push(Event::End(TagEnd::Link));
            from = range.end;
        }
        if from < merged.len() {
            let rest = emoji::replace(&merged[from..]);
            flow.events.push(Event::Text(rest.into()));
        }
    }

    /// Raw HTML (a block or an inline tag) at byte `start`: container and snippet markers
    /// become their HTML, Vue-only syntax is made inert.
    fn raw_html(&mut self, html: &str, start: usize, flow: &mut Flow<'_>) {
        let mut from = 0;
        for (range, marker) in containers::markers(html) {
            self.vue_html(&html[from..range.start], start + from, flow);
            from = range.end;
            match marker {
                Marker::Open(n) => self.open_container(n, flow),
                Marker::Close(n) => self.close_container(n, flow),
                Marker::Snippet(n) => {
                    let code = self.render_snippet(n, start);
                    self.push_code(flow, &self.prep.snippets[n].info.clone(), code);
                }
            }
        }
        self.vue_html(&html[from..], start + from, flow);
    }

    fn vue_html(&mut self, html: &str, start: usize, flow: &mut Flow<'_>) {
        if html.trim().is_empty() {
            return;
        }
        let mut found = Vec::new();
        let rewritten = vue::rewrite_html(html, &mut found);
        for f in found {
            if f.kind == VueKind::Interpolation && flow.vpre > 0 {
                continue;
            }
            self.vue_use(f.kind, f.name, start + f.offset);
        }
        flow.events.push(Event::Html(rewritten.into()));
    }

    fn open_container(&mut self, n: usize, flow: &mut Flow<'_>) {
        let c = &self.prep.containers[n];
        flow.depth += 1;
        let labels = &self.ctx.config.container_labels;
        match c.kind {
            containers::Kind::CodeGroup => {
                self.groups += 1;
                flow.events
                    .push(Event::Html("<div class=\"code-group\">".into()));
                flow.groups.push(Group {
                    id: self.groups,
                    labels_at: flow.events.len(),
                    labels: Vec::new(),
                });
                flow.events.push(Event::Html(CowStr::Borrowed("")));
                flow.events
                    .push(Event::Html("<div class=\"blocks\">\n".into()));
            }
            kind => {
                if kind == containers::Kind::VPre {
                    flow.vpre += 1;
                }
                let html = blocks::container_open(c, labels);
                flow.events.push(Event::Html(html.into()));
            }
        }
    }

    fn close_container(&mut self, n: usize, flow: &mut Flow<'_>) {
        let kind = self.prep.containers[n].kind;
        flow.depth = flow.depth.saturating_sub(1);
        match kind {
            containers::Kind::CodeGroup => {
                if let Some(g) = flow.groups.pop() {
                    flow.events[g.labels_at] =
                        Event::Html(blocks::tab_labels(g.id, &g.labels).into());
                }
                flow.events.push(Event::Html("</div></div>\n".into()));
            }
            containers::Kind::Details => {
                flow.events.push(Event::Html("</details>\n".into()));
            }
            kind => {
                if kind == containers::Kind::VPre {
                    flow.vpre = flow.vpre.saturating_sub(1);
                }
                flow.events.push(Event::Html("</div>\n".into()));
            }
        }
    }

    /// Emits a rendered code block; inside a code group it becomes the next tab's panel.
    fn push_code(&mut self, flow: &mut Flow<'_>, info: &str, html: String) {
        match flow.groups.last_mut() {
            Some(g) => {
                g.labels.push(blocks::tab_label(info));
                flow.events.push(Event::Html(
                    format!("<section class=\"block\">{html}</section>\n").into(),
                ));
            }
            None => flow.events.push(Event::Html(html.into())),
        }
    }

    /// Rewrites one link or image source; problems become diagnostics.
    fn link(&mut self, dest: &CowStr<'_>, offset: usize, image: bool) -> String {
        let config = self.ctx.config;
        if config.dead_links.ignores(dest) {
            return self.ctx.resolver.resolve(self.index, dest).href;
        }
        let resolved = self.ctx.resolver.resolve(self.index, dest);
        match resolved.target {
            Target::Page {
                page,
                anchor: Some(anchor),
            } => {
                let (line, col) = self.position(offset);
                self.out.anchors.push(AnchorRef {
                    page,
                    anchor,
                    line,
                    col,
                });
            }
            Target::Missing(why) => {
                let what = if image { "missing image" } else { "dead link" };
                let hint = "link to a note's file (`./other.md`, `/guide/x`) or a file in static/";
                self.diag_dead(
                    offset,
                    format!("{what}: {why}"),
                    hint,
                    config.dead_links.all,
                );
            }
            Target::External if links::is_localhost(dest) => {
                let hint = "a link to localhost is dead on the published site; `ignore_dead_links = \"localhostLinks\"` in gen.toml allows it";
                self.diag_dead(
                    offset,
                    format!("dead link: `{dest}` points at localhost"),
                    hint,
                    config.dead_links.all || config.dead_links.localhost,
                );
            }
            _ => {}
        }
        resolved.href
    }

    fn render_heading(
        &mut self,
        h: OpenHeading<'_>,
        inner: Vec<Event<'_>>,
        source: &str,
    ) -> String {
        let mut text = String::new();
        for e in &inner {
            match e {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let id = match h.id {
            Some(custom) => {
                let id = self.slugger.claim(custom.clone());
                if id != custom {
                    let (line, col) = self.position(h.offset);
                    self.diag_warning(
                        line,
                        col,
                        format!("heading id `{custom}` is already used on this page; this one is `{id}`"),
                        "VitePress refuses duplicate `{#id}`s; give each heading its own",
                    );
                }
                id
            }
            None => self.slugger.unique(&heading::slug_text(&h.raw, source)),
        };
        let level_n = h.level as u8;
        let mut inner_html = String::new();
        pulldown_cmark::html::push_html(&mut inner_html, inner.into_iter());
        let id_attr = highlight::escape(&id);
        let class_attr = if h.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", highlight::escape(&h.classes.join(" ")))
        };
        let html = format!(
            "<h{level_n} id=\"{id_attr}\"{class_attr} tabindex=\"-1\">{inner_html} <a class=\"header-anchor\" href=\"#{id_attr}\" aria-label=\"Permalink to {}\">#</a></h{level_n}>\n",
            highlight::escape(&text)
        );
        if h.top_level {
            self.toc.push(toc::Entry {
                level: level_n,
                id: id.clone(),
                text: text.clone(),
            });
        }
        self.out.headings.push(Heading {
            level: level_n,
            id,
            text,
        });
        html
    }
}
