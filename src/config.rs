//! `gen.toml`: the site configuration. Every key is optional; the raw file is parsed with
//! serde ([`RawConfig`]) and then validated into a [`Config`] with defaults filled in.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;

/// The file name of the configuration, at the site root.
pub const FILE_NAME: &str = "gen.toml";

/// `gen.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawConfig {
    title: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    description: Option<String>,
    ignore_dead_links: RawDeadLinks,
    timezone: Option<String>,
    theme: RawTheme,
    run: BTreeMap<String, toml::Value>,
    markdown: RawMarkdown,
    /// Links in the top bar (VitePress's `themeConfig.nav`).
    nav: Vec<NavItem>,
    /// An explicit sidebar (VitePress's `themeConfig.sidebar`): a list of groups, or lists
    /// by URL prefix.
    sidebar: Option<SidebarConfig>,
    /// Also publish every page at its VitePress address (`guide/x.html`).
    vitepress_urls: bool,
    extra: toml::Table,
}

/// A sidebar or nav entry: a link, or a group of entries (`collapsed` makes it foldable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NavItem {
    pub text: String,
    pub link: Option<String>,
    pub items: Vec<NavItem>,
    pub collapsed: Option<bool>,
    /// Prefixed to the links of the entry's items (VitePress's `base`).
    pub base: Option<String>,
}

/// `sidebar` in `gen.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SidebarConfig {
    /// `[[sidebar]]`: the same sidebar on every page.
    Everywhere(Vec<NavItem>),
    /// `[[sidebar."/guide/"]]`: by URL prefix; the longest matching one is shown.
    ByPrefix(BTreeMap<String, Vec<NavItem>>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTheme {
    highlight_light: Option<String>,
    highlight_dark: Option<String>,
    footer: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawMarkdown {
    line_numbers: bool,
    /// Container titles (`tip = "提示"`), VitePress's `markdown.container.*Label`.
    labels: BTreeMap<String, String>,
}

/// `ignore_dead_links` as written: `true`, `"localhostLinks"` or a list of links.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawDeadLinks {
    All(bool),
    Keyword(String),
    Links(Vec<String>),
}

impl Default for RawDeadLinks {
    fn default() -> Self {
        RawDeadLinks::All(false)
    }
}

/// Which dead links are warnings instead of errors (VitePress's `ignoreDeadLinks`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadLinks {
    /// Every dead link, missing image and dead anchor.
    pub all: bool,
    /// Links to `localhost` (dead on the published site, so errors by default).
    pub localhost: bool,
    /// Links ignored one by one: a link equal to an entry (ignoring its `#anchor` and a
    /// `.md`/`.html` extension), or starting with an entry that ends with `*`.
    pub links: Vec<String>,
}

impl DeadLinks {
    /// Whether `link` (as written in a note) is never reported.
    pub fn ignores(&self, link: &str) -> bool {
        if self.links.is_empty() {
            return false;
        }
        let bare = link.split('#').next().unwrap_or(link);
        let bare = bare
            .strip_suffix(".md")
            .or_else(|| bare.strip_suffix(".html"))
            .unwrap_or(bare);
        self.links
            .iter()
            .any(|entry| match entry.strip_suffix('*') {
                Some(prefix) => link.starts_with(prefix),
                None => entry == link || entry == bare,
            })
    }
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// The full URL the site is served from, with a trailing slash (may be empty).
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/` (`/` or `/notes/`).
    pub base_path: String,
    pub language: String,
    pub description: String,
    /// Dead links and missing assets become warnings instead of errors (every one with
    /// `ignore_dead_links = true`; see [`DeadLinks`]).
    pub ignore_dead_links: bool,
    pub dead_links: DeadLinks,
    /// The UTC offset of `updateTime`s written without one (`+08:00`; empty means UTC).
    pub timezone: String,
    /// The syntect theme names used for the light and dark highlighting CSS.
    pub highlight_light: String,
    pub highlight_dark: String,
    pub footer: String,
    /// Default fence options (`[run]`), as strings, under every page's and fence's own.
    pub run: BTreeMap<String, String>,
    /// Show line numbers on every code block (`[markdown] line_numbers`).
    pub line_numbers: bool,
    /// Custom container default titles by class (`[markdown.labels] tip = "提示"`).
    pub container_labels: BTreeMap<String, String>,
    pub nav: Vec<NavItem>,
    /// `None`: the sidebar is made from the folder tree.
    pub sidebar: Option<SidebarConfig>,
    /// Every page is also written at its VitePress address, redirecting to gen's.
    pub vitepress_urls: bool,
    /// `[extra]`, handed to templates untouched.
    pub extra: serde_json::Value,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_raw(RawConfig::default(), None)
    }
}

impl Config {
    /// Reads `gen.toml` under `root` (a missing file means all defaults).
    /// `base_url` from the command line wins over the file's.
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Config, Diagnostic> {
        let path = root.join(FILE_NAME);
        let raw = match std::fs::read_to_string(&path) {
            Ok(text) => parse(&text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => RawConfig::default(),
            Err(e) => {
                return Err(Diagnostic::error(
                    Path::new(FILE_NAME),
                    1,
                    1,
                    format!("cannot read: {e}"),
                ))
            }
        };
        Ok(Config::from_raw(raw, base_url))
    }

    fn from_raw(raw: RawConfig, base_url: Option<&str>) -> Config {
        let base_url = base_url
            .map(str::to_string)
            .or(raw.base_url)
            .unwrap_or_default();
        let base_path = base_path_of(&base_url);
        let run = raw
            .run
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, v)
            })
            .collect();
        let dead_links = match raw.ignore_dead_links {
            RawDeadLinks::All(all) => DeadLinks {
                all,
                ..DeadLinks::default()
            },
            RawDeadLinks::Keyword(k) => DeadLinks {
                all: k == "true",
                localhost: k == "localhostLinks",
                links: Vec::new(),
            },
            RawDeadLinks::Links(links) => DeadLinks {
                links,
                ..DeadLinks::default()
            },
        };
        Config {
            title: raw.title.unwrap_or_else(|| "gen".to_string()),
            base_url,
            base_path,
            language: raw.language.unwrap_or_else(|| "en".to_string()),
            description: raw.description.unwrap_or_default(),
            ignore_dead_links: dead_links.all,
            dead_links,
            timezone: raw.timezone.unwrap_or_default(),
            highlight_light: raw
                .theme
                .highlight_light
                .unwrap_or_else(|| "InspiredGitHub".to_string()),
            highlight_dark: raw
                .theme
                .highlight_dark
                .unwrap_or_else(|| "base16-ocean.dark".to_string()),
            footer: raw.theme.footer.unwrap_or_default(),
            run,
            line_numbers: raw.markdown.line_numbers,
            container_labels: raw.markdown.labels,
            nav: raw.nav,
            sidebar: raw.sidebar,
            vitepress_urls: raw.vitepress_urls,
            extra: serde_json::to_value(raw.extra).unwrap_or(serde_json::Value::Null),
        }
    }
}

fn parse(text: &str) -> Result<RawConfig, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|span| {
                let idx = crate::diagnostics::LineIndex::new(text);
                idx.position(text, span.start)
            })
            .unwrap_or((1, 1));
        let message = e.message().to_string();
        Diagnostic::error(Path::new(FILE_NAME), line, col, message).with_hint(
            "gen.toml is TOML; every key is optional (see the guide's configuration page)",
        )
    })
}

/// `https://x.github.io/notes` → `/notes/`; empty or host-only → `/`.
pub fn base_path_of(base_url: &str) -> String {
    let without_scheme = match base_url.find("://") {
        Some(i) => {
            let rest = &base_url[i + 3..];
            rest.find('/').map_or("", |j| &rest[j..])
        }
        None => base_url,
    };
    let trimmed = without_scheme.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_from_urls() {
        assert_eq!(base_path_of(""), "/");
        assert_eq!(base_path_of("https://a.github.io"), "/");
        assert_eq!(base_path_of("https://a.github.io/notes"), "/notes/");
        assert_eq!(base_path_of("/docs/"), "/docs/");
    }

    #[test]
    fn config_errors_have_positions() {
        let err = parse("title = \"x\"\nbase_url = \n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn sidebar_and_nav() {
        let raw = parse(
            "[[nav]]\ntext = \"Guide\"\nlink = \"/guide/\"\n\n[[sidebar]]\ntext = \"Intro\"\nitems = [{ text = \"A\", link = \"/a\" }]\n",
        )
        .unwrap();
        let cfg = Config::from_raw(raw, None);
        assert_eq!(cfg.nav[0].link.as_deref(), Some("/guide/"));
        let Some(SidebarConfig::Everywhere(groups)) = cfg.sidebar else {
            panic!("one sidebar")
        };
        assert_eq!(groups[0].items[0].text, "A");
        let raw = parse("[[sidebar.\"/guide/\"]]\ntext = \"G\"\n").unwrap();
        assert!(matches!(
            Config::from_raw(raw, None).sidebar,
            Some(SidebarConfig::ByPrefix(_))
        ));
    }

    #[test]
    fn dead_link_settings() {
        let cfg = Config::from_raw(parse("ignore_dead_links = true").unwrap(), None);
        assert!(cfg.ignore_dead_links && cfg.dead_links.all);
        let cfg = Config::from_raw(
            parse("ignore_dead_links = \"localhostLinks\"").unwrap(),
            None,
        );
        assert!(cfg.dead_links.localhost && !cfg.dead_links.all);
        let cfg = Config::from_raw(
            parse("ignore_dead_links = [\"/playground\", \"/api/*\"]").unwrap(),
            None,
        );
        assert!(cfg.dead_links.ignores("/playground.md#x"));
        assert!(cfg.dead_links.ignores("/api/v1/x"));
        assert!(!cfg.dead_links.ignores("/guide"));
    }

    #[test]
    fn run_defaults_become_strings() {
        let raw = parse("[run]\ntrace = \"full\"\nsteps = 10\n").unwrap();
        let cfg = Config::from_raw(raw, None);
        assert_eq!(cfg.run["trace"], "full");
        assert_eq!(cfg.run["steps"], "10");
    }
}
