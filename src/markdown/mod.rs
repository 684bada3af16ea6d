//! Markdown to HTML for one page: pulldown-cmark events are rewritten (headings get
//! VitePress ids and anchors, links become page URLs, fences become highlighted code,
//! run panels and diagrams) and then rendered once with `push_html`.

pub mod fence;
pub mod highlight;
pub mod links;
pub mod slug;

mod code;

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::config::Config;
use crate::content::{Library, Page};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::exec::Executor;
use links::{Resolver, Target};
use slug::Slugger;

/// The one place the Markdown dialect is chosen.
pub fn new_parser(text: &str) -> Parser<'_> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    Parser::new_ext(text, opts)
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
    let mut r = PageRenderer {
        ctx,
        index,
        page,
        lines: LineIndex::new(&page.text),
        slugger: Slugger::default(),
        out: Rendered::default(),
        runs: 0,
        diagrams: 0,
    };
    let mut html = String::with_capacity(page.body().len() * 2);
    r.render_segment(page.body_start..page.text.len(), &mut html);
    r.out.html = html;
    r.out
}

/// The state of one page's rendering (ids handed out, counters, findings).
struct PageRenderer<'a, 'c> {
    ctx: &'a RenderCtx<'c>,
    index: usize,
    page: &'a Page,
    lines: LineIndex,
    slugger: Slugger,
    out: Rendered,
    runs: usize,
    diagrams: usize,
}

impl PageRenderer<'_, '_> {
    fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.page.text, offset)
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

    /// Renders the Markdown in `range` of the page's text, appending to `html`.
    fn render_segment(&mut self, range: Range<usize>, html: &mut String) {
        let text = &self.page.text[range.clone()];
        let base = range.start;
        let mut events: Vec<Event<'_>> = Vec::new();
        let mut heading_start: Option<(usize, HeadingLevel, Option<String>, Vec<String>)> = None;
        let mut code: Option<(String, String, usize, bool)> = None;
        for (event, span) in new_parser(text).into_offset_iter() {
            let span = span.start + base..span.end + base;
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let (info, fenced) = match kind {
                        pulldown_cmark::CodeBlockKind::Fenced(info) => (info.to_string(), true),
                        pulldown_cmark::CodeBlockKind::Indented => (String::new(), false),
                    };
                    if fenced && !code::fence_is_closed(&self.page.text[span.clone()]) {
                        let (line, col) = self.position(span.start);
                        self.diag_warning(
                            line,
                            col,
                            "code fence is never closed".into(),
                            "add the closing ``` line; everything after it was read as code",
                        );
                    }
                    code = Some((info, String::new(), span.start, fenced));
                }
                Event::Text(t) if code.is_some() => {
                    if let Some((_, buf, _, _)) = code.as_mut() {
                        buf.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((info, buf, start, fenced)) = code.take() {
                        let block = self.render_code(&info, &buf, start, fenced);
                        events.push(Event::Html(block.into()));
                    }
                }
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    let classes = classes.iter().map(|c| c.to_string()).collect();
                    heading_start = Some((events.len(), level, id.map(|i| i.to_string()), classes));
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((start, level, id, classes)) = heading_start.take() {
                        let inner: Vec<Event<'_>> = events.split_off(start);
                        let block = self.render_heading(level, id, &classes, inner);
                        events.push(Event::Html(block.into()));
                    }
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let href = self.link(&dest_url, span.start, false);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: href.into(),
                        title,
                        id,
                    }));
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let href = self.link(&dest_url, span.start, true);
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: href.into(),
                        title,
                        id,
                    }));
                }
                other => events.push(other),
            }
        }
        pulldown_cmark::html::push_html(html, events.into_iter());
    }

    /// Rewrites one link or image source; problems become diagnostics.
    fn link(&mut self, dest: &CowStr<'_>, offset: usize, image: bool) -> String {
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
                if self.ctx.config.ignore_dead_links {
                    let (line, col) = self.position(offset);
                    self.diag_warning(line, col, format!("{what}: {why}"), hint);
                } else {
                    self.diag_error(offset, format!("{what}: {why}"), hint);
                }
            }
            _ => {}
        }
        resolved.href
    }

    fn render_heading(
        &mut self,
        level: HeadingLevel,
        custom_id: Option<String>,
        classes: &[String],
        inner: Vec<Event<'_>>,
    ) -> String {
        let mut text = String::new();
        for e in &inner {
            match e {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let id = match custom_id {
            Some(id) => self.slugger.claim(id),
            None => self.slugger.unique(&text),
        };
        let level_n = level as u8;
        let mut inner_html = String::new();
        pulldown_cmark::html::push_html(&mut inner_html, inner.into_iter());
        let id_attr = highlight::escape(&id);
        let class_attr = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", highlight::escape(&classes.join(" ")))
        };
        let html = format!(
            "<h{level_n} id=\"{id_attr}\"{class_attr} tabindex=\"-1\">{inner_html} <a class=\"header-anchor\" href=\"#{id_attr}\" aria-label=\"Permalink to {}\">#</a></h{level_n}>\n",
            highlight::escape(&text)
        );
        self.out.headings.push(Heading {
            level: level_n,
            id,
            text,
        });
        html
    }
}
