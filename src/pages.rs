//! Turning rendered Markdown into HTML files through the Tera templates: note pages,
//! the home page, generated section listings, tag pages and the 404 page. Template
//! contexts are plain JSON built here; templates see `site`, `page`, `content`,
//! `outline`, `sidebar`, `prev`/`next` (and `section`, `tags`, `tag`, `recent`).

use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use tera::{Context, Tera};

use crate::config::Config;
use crate::content::frontmatter::Outline;
use crate::content::{natural_key, Library, Page};
use crate::diagnostics::Diagnostic;
use crate::markdown::slug::slugify;
use crate::markdown::Rendered;
use crate::output::OutFile;
use crate::sidebar::Sidebar;

/// Tag slug → (display name, pages in reading order).
pub type Tags = BTreeMap<String, (String, Vec<usize>)>;

/// Collects the tags of every page.
pub fn collect_tags(lib: &Library) -> Tags {
    let mut tags = Tags::new();
    for i in lib.reading_order() {
        for name in &lib.pages[i].front.tags {
            let entry = tags
                .entry(slugify(name))
                .or_insert_with(|| (name.clone(), Vec::new()));
            if !entry.1.contains(&i) {
                entry.1.push(i);
            }
        }
    }
    tags.retain(|slug, _| !slug.is_empty());
    tags
}

/// Everything the templates are rendered from.
pub struct Pages<'a> {
    pub config: &'a Config,
    pub lib: &'a Library,
    pub rendered: &'a [Rendered],
    pub tags: &'a Tags,
    pub tera: &'a Tera,
}

/// One page to render: which template, where, and its context.
pub struct Job {
    template: &'static str,
    rel: String,
    context: Context,
    /// The note whose rendered Markdown is the context's `content` (added at render time,
    /// so that [`Job::key`] need not hash it).
    content: Option<usize>,
}

impl Job {
    /// The output path.
    pub fn rel(&self) -> &str {
        &self.rel
    }

    /// A fingerprint of everything the output depends on, given a fingerprint of each
    /// note's rendered Markdown: equal keys render to equal bytes (within one process).
    pub fn key(&self, content_key: impl Fn(usize) -> u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.template.hash(&mut h);
        self.rel.hash(&mut h);
        self.context.clone().into_json().to_string().hash(&mut h);
        self.content.map(content_key).hash(&mut h);
        h.finish()
    }
}

impl Pages<'_> {
    /// Every output page to render, none rendered yet.
    pub fn jobs(&self, diags: &mut Vec<Diagnostic>) -> Vec<Job> {
        self.collect_jobs(None, diags)
    }

    /// The jobs of just the notes `only` (by index), for a rebuild in which nothing any
    /// other page shows of them changed.
    pub fn note_jobs(&self, only: &HashSet<usize>, diags: &mut Vec<Diagnostic>) -> Vec<Job> {
        self.collect_jobs(Some(only), diags)
    }

    fn collect_jobs(&self, only: Option<&HashSet<usize>>, diags: &mut Vec<Diagnostic>) -> Vec<Job> {
        let wanted = |i: usize| only.is_none_or(|o| o.contains(&i));
        let base = self.config.base_path.as_str();
        let sidebar = Sidebar::new(self.lib, self.config);
        diags.extend(sidebar.diags.iter().cloned());
        let mut site = self.site_value();
        site["nav"] = Value::String(sidebar.nav.clone());
        let order: Vec<usize> = self
            .lib
            .reading_order()
            .into_iter()
            .filter(|&i| !self.lib.pages[i].path.is_empty())
            .collect();
        let mut jobs: Vec<Job> = Vec::new();
        for (pos, &i) in order.iter().enumerate().filter(|(_, &i)| wanted(i)) {
            let prev = pos.checked_sub(1).map(|p| self.link_value(order[p]));
            let next = order.get(pos + 1).map(|&n| self.link_value(n));
            jobs.push(self.page_job(i, &site, &sidebar, prev, next));
        }
        match self.lib.by_path.get("") {
            Some(&home) if wanted(home) => {
                jobs.push(self.page_job(home, &site, &sidebar, None, None))
            }
            Some(_) => {}
            None if only.is_none() => jobs.push(self.home_job(&site, &sidebar)),
            None => {}
        }
        if only.is_some() {
            return jobs;
        }
        for (s, section) in self.lib.sections.iter().enumerate().skip(1) {
            if section.index_page.is_none() {
                jobs.push(self.section_job(s, &site, &sidebar));
            }
        }
        jobs.extend(self.tag_jobs(&site, &sidebar));
        let mut ctx = self.base_context(&site, sidebar.for_page(self.lib, base, 0, None), "");
        ctx.insert("page", &json!({"title": "Page not found"}));
        ctx.insert("page_url", "");
        jobs.push(Job {
            template: "404.html",
            rel: "404.html".into(),
            context: ctx,
            content: None,
        });
        jobs
    }

    /// The redirect pages from VitePress's `.html` URLs (with `vitepress_urls`).
    pub fn aliases(&self) -> Vec<OutFile> {
        if !self.config.vitepress_urls {
            return Vec::new();
        }
        crate::markdown::links::vitepress_aliases(self.lib, &self.config.base_path)
            .into_iter()
            .map(|(rel, text)| OutFile::Text { rel, text })
            .collect()
    }

    /// Renders `jobs` in parallel; template errors become diagnostics (each once).
    pub fn render(&self, jobs: Vec<Job>, diags: &mut Vec<Diagnostic>) -> Vec<OutFile> {
        let mut files = Vec::new();
        let results: Vec<Result<OutFile, Diagnostic>> = jobs
            .into_par_iter()
            .map(|mut job| {
                if let Some(i) = job.content {
                    job.context.insert("content", &self.rendered[i].html);
                }
                self.tera
                    .render(job.template, &job.context)
                    .map(|text| OutFile::Text { rel: job.rel, text })
                    .map_err(|e| {
                        crate::theme::template_error(&format!("templates/{}", job.template), &e)
                    })
            })
            .collect();
        files.reserve(results.len());
        let mut seen = std::collections::BTreeSet::new();
        for r in results {
            match r {
                Ok(f) => files.push(f),
                Err(d) => {
                    if seen.insert(d.to_string()) {
                        diags.push(d);
                    }
                }
            }
        }
        files
    }

    fn site_value(&self) -> Value {
        let c = self.config;
        json!({
            "title": c.title,
            "description": c.description,
            "language": c.language,
            "base": c.base_path,
            "base_url": c.base_url,
            "origin": crate::publish::origin(c),
            "footer": c.footer,
            "extra": c.extra,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path, path)
    }

    fn link_value(&self, i: usize) -> Value {
        let p = &self.lib.pages[i];
        json!({
            "title": p.title,
            "url": self.url(&p.path),
            "description": p.front.description,
            "update_time": p.front.update_time,
        })
    }

    fn base_context(&self, site: &Value, sidebar: String, path: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", site);
        ctx.insert("sidebar", &sidebar);
        let current = self
            .url(path)
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('<', "\\3C ");
        ctx.insert("current_url", &current);
        ctx.insert("page_url", &self.url(path));
        ctx
    }

    fn page_value(&self, page: &Page) -> Value {
        let tags: Vec<Value> = page
            .front
            .tags
            .iter()
            .map(|t| json!({"name": t, "url": self.url(&format!("tags/{}/", slugify(t)))}))
            .collect();
        json!({
            "title": page.title,
            "description": page.front.description,
            "tags": tags,
            "update_time": page.front.update_time,
            "url": self.url(&page.path),
            "path": page.path,
            "source": page.rel,
            "layout": page.front.layout,
            "extra": page.front.extra,
        })
    }

    fn page_job(
        &self,
        i: usize,
        site: &Value,
        sidebar: &Sidebar,
        prev: Option<Value>,
        next: Option<Value>,
    ) -> Job {
        let page = &self.lib.pages[i];
        let rendered = &self.rendered[i];
        let base = self.config.base_path.as_str();
        let front = &rendered.front;
        let show_sidebar = front.extra.get("sidebar") != Some(&Value::Bool(false));
        let show_aside = front.extra.get("aside") != Some(&Value::Bool(false));
        let mut ctx = self.base_context(
            site,
            if show_sidebar {
                sidebar.for_page(self.lib, base, page.section, Some(i))
            } else {
                String::new()
            },
            &page.path,
        );
        let mut page_value = self.page_value(page);
        page_value["extra"] = Value::Object(front.extra.clone());
        page_value["head"] = Value::String(front.head.clone());
        page_value["opens_with_h1"] = Value::Bool(rendered.opens_with_h1);
        ctx.insert("page", &page_value);
        let outline: Vec<Value> = match page.front.outline {
            _ if !show_aside => Vec::new(),
            Outline::Off => Vec::new(),
            Outline::Levels(min, max) => rendered
                .headings
                .iter()
                .filter(|h| h.level >= min.max(2) && h.level <= max)
                .map(|h| json!({"level": h.level, "id": h.id, "text": h.text}))
                .collect(),
        };
        ctx.insert("outline", &outline);
        ctx.insert("prev", &front.prev.apply(prev));
        ctx.insert("next", &front.next.apply(next));
        let is_home = page.path.is_empty();
        let template = match page.front.layout.as_deref() {
            Some("home") => "home.html",
            Some("doc" | "page") => "page.html",
            _ if is_home => "home.html",
            _ => "page.html",
        };
        if template == "home.html" {
            ctx.insert("recent", &self.recent());
        }
        Job {
            template,
            rel: format!("{}index.html", page.path),
            context: ctx,
            content: Some(i),
        }
    }

    /// Pages for the home page's list, most recently updated first.
    fn recent(&self) -> Vec<Value> {
        let mut order: Vec<usize> = (0..self.lib.pages.len())
            .filter(|&i| !self.lib.pages[i].path.is_empty())
            .collect();
        order.sort_by_cached_key(|&i| {
            let p = &self.lib.pages[i];
            let time = p.front.update_time.as_deref().map(natural_key);
            (std::cmp::Reverse(time), natural_key(&p.rel))
        });
        order.truncate(20);
        order.into_iter().map(|i| self.link_value(i)).collect()
    }

    fn home_job(&self, site: &Value, sidebar: &Sidebar) -> Job {
        let base = self.config.base_path.as_str();
        let mut ctx = self.base_context(site, sidebar.for_page(self.lib, base, 0, None), "");
        ctx.insert("page", &json!({"title": self.config.title, "description": self.config.description, "extra": {}}));
        ctx.insert("content", "");
        ctx.insert("recent", &self.recent());
        Job {
            template: "home.html",
            rel: "index.html".into(),
            context: ctx,
            content: None,
        }
    }

    fn section_job(&self, s: usize, site: &Value, sidebar: &Sidebar) -> Job {
        let section = &self.lib.sections[s];
        let base = self.config.base_path.as_str();
        let mut ctx = self.base_context(
            site,
            sidebar.for_page(self.lib, base, s, None),
            &section.path,
        );
        let pages: Vec<Value> = section.pages.iter().map(|&p| self.link_value(p)).collect();
        let children: Vec<Value> = section
            .children
            .iter()
            .map(|&c| json!({"title": self.lib.sections[c].title, "url": self.url(&self.lib.sections[c].path)}))
            .collect();
        ctx.insert(
            "section",
            &json!({"title": section.title, "url": self.url(&section.path), "pages": pages, "children": children}),
        );
        ctx.insert("page", &json!({"title": section.title}));
        Job {
            template: "section.html",
            rel: format!("{}index.html", section.path),
            context: ctx,
            content: None,
        }
    }

    fn tag_jobs(&self, site: &Value, sidebar: &Sidebar) -> Vec<Job> {
        let base = self.config.base_path.as_str();
        let mut jobs = Vec::new();
        let list: Vec<Value> = self
            .tags
            .iter()
            .map(|(slug, (name, pages))| {
                json!({"name": name, "url": self.url(&format!("tags/{slug}/")), "count": pages.len()})
            })
            .collect();
        let mut ctx = self.base_context(site, sidebar.for_page(self.lib, base, 0, None), "tags/");
        ctx.insert("tags", &list);
        ctx.insert("page", &json!({"title": "Tags"}));
        jobs.push(Job {
            template: "tags.html",
            rel: "tags/index.html".into(),
            context: ctx,
            content: None,
        });
        for (slug, (name, pages)) in self.tags {
            let path = format!("tags/{slug}/");
            let mut ctx = self.base_context(site, sidebar.for_page(self.lib, base, 0, None), &path);
            let pages: Vec<Value> = pages.iter().map(|&p| self.link_value(p)).collect();
            ctx.insert("tag", &json!({"name": name, "slug": slug, "pages": pages}));
            ctx.insert("page", &json!({"title": format!("#{name}")}));
            jobs.push(Job {
                template: "tag.html",
                rel: format!("{path}index.html"),
                context: ctx,
                content: None,
            });
        }
        jobs
    }
}
