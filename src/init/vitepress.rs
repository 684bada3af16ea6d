//! `gen init DIR --from-vitepress SRC`: makes a gen site from a VitePress `docs/` folder.
//! The Markdown and every other file of SRC go to `content/` unchanged (VitePress's
//! `public/` to `static/`); `title`, `description`, `base`, `lang`, `ignoreDeadLinks`,
//! `markdown.lineNumbers`, container labels and a literal `themeConfig.nav`/`sidebar` are
//! taken from `.vitepress/config.*` (and a locale folder's own `config.*`) where they are
//! written literally. SRC may be a locale folder (`docs/zh`) of a VitePress project: then
//! the project's `public/` and the files its `<<< @/…` imports name are carried over too.
//! Everything it could not carry over is listed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{Map, Value};
use walkdir::WalkDir;

use super::js_literal::{self, is_literal};

/// What a migration did, for the report printed by `gen init`.
#[derive(Debug, Default)]
pub struct Report {
    pub notes: usize,
    pub files: usize,
    pub public_files: usize,
    /// Settings carried over into gen.toml.
    pub carried: Vec<String>,
    /// What gen.toml or content/ could not take, one line each.
    pub not_carried: Vec<String>,
}

/// The config file names VitePress reads.
const CONFIG_NAMES: &[&str] = &[
    "config.ts",
    "config.mts",
    "config.js",
    "config.mjs",
    "config.cts",
    "config.cjs",
];

/// Top-level config keys gen takes (all others are reported).
const TAKEN: &[&str] = &[
    "title",
    "description",
    "base",
    "lang",
    "ignoreDeadLinks",
    "cleanUrls",
    "srcDir",
    "outDir",
    "cacheDir",
];

/// Migrates `src` into the new site at `dir` (which must not exist or be empty).
pub fn migrate(dir: &Path, src: &Path) -> Result<Report> {
    if !src.is_dir() {
        bail!("{} is not a folder", src.display());
    }
    super::ensure_empty(dir)?;
    let src = src
        .canonicalize()
        .with_context(|| format!("reading {}", src.display()))?;
    let project = project_root(&src);
    let mut report = Report::default();
    let config = project
        .as_ref()
        .and_then(|p| read_config(&p.join(".vitepress")));
    let mut cfg = config.clone().unwrap_or_default();
    if project.is_none() {
        report
            .not_carried
            .push("no .vitepress/config.* found: gen.toml has defaults only".into());
    }
    let locale = read_config(&src).filter(|_| project.as_deref() != Some(src.as_path()));
    if let Some(locale) = &locale {
        for (k, v) in locale {
            match (cfg.get_mut(k), v) {
                (Some(Value::Object(base)), Value::Object(over)) => {
                    base.extend(over.clone());
                }
                _ => {
                    cfg.insert(k.clone(), v.clone());
                }
            }
        }
    }
    let src_dir = project
        .as_ref()
        .map(|p| match cfg.get("srcDir").and_then(Value::as_str) {
            Some(s) => p.join(s),
            None => p.clone(),
        })
        .unwrap_or_else(|| src.clone());
    let toml = gen_toml(&cfg, &src, &mut report);

    let content = dir.join("content");
    std::fs::create_dir_all(&content).with_context(|| format!("creating {}", content.display()))?;
    let mut imports = BTreeSet::new();
    for entry in WalkDir::new(&src)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name(), e.depth()))
    {
        let entry = entry?;
        let file = entry.file_type().is_file()
            || (entry.path_is_symlink()
                && entry.path().is_file()
                && inside(entry.path(), project.as_deref().unwrap_or(&src)));
        if !file {
            continue;
        }
        let rel = entry.path().strip_prefix(&src).unwrap_or(entry.path());
        let is_config = rel.parent() == Some(Path::new(""))
            && CONFIG_NAMES.contains(&rel.to_string_lossy().as_ref());
        if is_config {
            continue;
        }
        let to = content.join(rel);
        copy(entry.path(), &to)?;
        if rel.extension().is_some_and(|e| e == "md") {
            report.notes += 1;
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            imports.extend(snippet_imports(&text));
        } else {
            report.files += 1;
        }
    }
    for rel in imports {
        let from = src_dir.join(&rel);
        let to = content.join(&rel);
        if to.exists() {
            continue;
        }
        if from.is_file() && inside(&from, project.as_deref().unwrap_or(&src)) {
            copy(&from, &to)?;
            report.files += 1;
            report.carried.push(format!("snippet file @/{rel}"));
        } else {
            report
                .not_carried
                .push(format!("`<<< @/{rel}` names a file that does not exist"));
        }
    }
    let public = [src.join("public"), src_dir.join("public")]
        .into_iter()
        .find(|p| p.is_dir());
    if let Some(public) = public {
        for entry in WalkDir::new(&public).sort_by_file_name() {
            let entry = entry?;
            let root = project.as_deref().unwrap_or(&src);
            let root = root.parent().unwrap_or(root);
            if entry.file_type().is_file() || (entry.path().is_file() && inside(entry.path(), root))
            {
                let rel = entry.path().strip_prefix(&public).unwrap_or(entry.path());
                copy(entry.path(), &dir.join("static").join(rel))?;
                report.public_files += 1;
            }
        }
    } else {
        std::fs::create_dir_all(dir.join("static"))?;
    }
    if let Some(project) = &project {
        let theme = project.join(".vitepress/theme");
        if theme.is_dir() {
            report.not_carried.push(
                "the custom theme in .vitepress/theme (Vue components, CSS): gen uses its own theme; override templates/ instead".into(),
            );
        }
    }
    std::fs::write(dir.join("gen.toml"), toml)?;
    std::fs::write(dir.join(".gitignore"), "/public\n/.gen-cache\n")?;
    Ok(report)
}

/// The folder holding `.vitepress/`: `src` itself or its nearest ancestor.
fn project_root(src: &Path) -> Option<PathBuf> {
    src.ancestors()
        .find(|a| a.join(".vitepress").is_dir())
        .map(Path::to_path_buf)
}

/// The literal parts of `dir/config.*` (the first that exists).
fn read_config(dir: &Path) -> Option<Map<String, Value>> {
    CONFIG_NAMES.iter().find_map(|name| {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        let mut cfg = js_literal::default_export(&text)?;
        if let Some(markdown) = js_literal::named_export(&text, "markdown") {
            cfg.entry("markdown").or_insert(Value::Object(markdown));
        }
        Some(cfg)
    })
}

/// Folders and files never copied: VitePress's own, dependencies, hidden ones, `public/`
/// (it goes to `static/`).
fn skipped(name: &std::ffi::OsStr, depth: usize) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name == "node_modules" || (depth == 1 && name == "public")
}

fn inside(path: &Path, root: &Path) -> bool {
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(r),
        _ => false,
    }
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::copy(from, to).with_context(|| format!("copying {}", from.display()))?;
    Ok(())
}

/// The `@/…` paths of a note's `<<<` snippet imports (without region or options).
fn snippet_imports(text: &str) -> Vec<String> {
    let mut fence: Option<&str> = None;
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            let marker = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
            match (fence, marker) {
                (Some(open), Some(m)) if m == open => {
                    fence = None;
                    false
                }
                (Some(_), _) => false,
                (None, Some(m)) => {
                    fence = Some(m);
                    false
                }
                (None, None) => true,
            }
        })
        .filter_map(|l| l.trim_start().strip_prefix("<<<"))
        .filter_map(|spec| spec.trim().strip_prefix("@/"))
        .map(|p| {
            let end = p.find(['#', '{', ' ', '[']).unwrap_or(p.len());
            p[..end].to_string()
        })
        .filter(|p| !p.is_empty() && !p.contains(".."))
        .collect()
}

/// gen.toml for the config's literal values; the rest goes to the report.
fn gen_toml(cfg: &Map<String, Value>, src: &Path, report: &mut Report) -> String {
    let mut out = toml::Table::new();
    let text = |key: &str| {
        cfg.get(key)
            .and_then(Value::as_str)
            .filter(|s| *s != js_literal::NOT_LITERAL)
    };
    let title = text("title").map(str::to_string).unwrap_or_else(|| {
        src.file_name()
            .map_or("Notes".to_string(), |n| n.to_string_lossy().into_owned())
    });
    out.insert("title".into(), title.into());
    for (key, gen_key) in [
        ("description", "description"),
        ("lang", "language"),
        ("base", "base_url"),
    ] {
        if let Some(v) = text(key) {
            out.insert(gen_key.into(), v.into());
            report.carried.push(format!("{key} → {gen_key}"));
        }
    }
    match cfg.get("ignoreDeadLinks") {
        Some(Value::Bool(b)) => {
            out.insert("ignore_dead_links".into(), (*b).into());
            report.carried.push("ignoreDeadLinks".into());
        }
        Some(Value::String(s)) if s != js_literal::NOT_LITERAL => {
            out.insert("ignore_dead_links".into(), s.clone().into());
            report.carried.push("ignoreDeadLinks".into());
        }
        Some(Value::Array(items)) if is_literal(&Value::Array(items.clone())) => {
            let links: Vec<toml::Value> = items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.into())
                .collect();
            out.insert("ignore_dead_links".into(), links.into());
            report.carried.push("ignoreDeadLinks".into());
        }
        Some(_) => report
            .not_carried
            .push("ignoreDeadLinks (regular expressions or functions): list the links in gen.toml's `ignore_dead_links`".into()),
        None => {}
    }
    // Links shared to the VitePress site (`guide/x.html`) keep working.
    out.insert("vitepress_urls".into(), true.into());
    for key in cfg.keys() {
        if !TAKEN.contains(&key.as_str()) && !matches!(key.as_str(), "markdown" | "themeConfig") {
            report.not_carried.push(format!(
                "`{key}` (no gen equivalent, or not written literally)"
            ));
        }
    }
    let mut markdown = toml::Table::new();
    if let Some(md) = cfg.get("markdown").and_then(Value::as_object) {
        for (key, v) in md {
            match (key.as_str(), v) {
                ("lineNumbers", Value::Bool(b)) => {
                    markdown.insert("line_numbers".into(), (*b).into());
                    report.carried.push("markdown.lineNumbers".into());
                }
                ("container", Value::Object(labels)) => {
                    let mut t = toml::Table::new();
                    for (label, text) in labels {
                        let Some(text) = text.as_str().filter(|t| *t != js_literal::NOT_LITERAL)
                        else {
                            continue;
                        };
                        if let Some(class) = label.strip_suffix("Label") {
                            t.insert(class.to_string(), text.into());
                        }
                    }
                    if !t.is_empty() {
                        markdown.insert("labels".into(), t.into());
                        report.carried.push("markdown.container labels".into());
                    }
                }
                _ => report.not_carried.push(format!(
                    "`markdown.{key}` (gen's Markdown is not configurable that way)"
                )),
            }
        }
    }
    if !markdown.is_empty() {
        out.insert("markdown".into(), markdown.into());
    }
    if let Some(theme) = cfg.get("themeConfig").and_then(Value::as_object) {
        for (key, v) in theme {
            match key.as_str() {
                "nav" | "sidebar" if is_literal(v) => match to_toml(v) {
                    Some(t) => {
                        out.insert(key.clone(), t);
                        report.carried.push(format!("themeConfig.{key}"));
                    }
                    None => report.not_carried.push(format!("themeConfig.{key}")),
                },
                "nav" | "sidebar" => report.not_carried.push(format!(
                    "themeConfig.{key} is computed, not written literally: gen builds the {} from the folder tree; write it in gen.toml to choose",
                    if key == "nav" { "top bar without links" } else { "sidebar" }
                )),
                other => report
                    .not_carried
                    .push(format!("themeConfig.{other} (the default theme's setting; gen has its own theme)")),
            }
        }
    }
    toml::to_string(&out).unwrap_or_default()
}

/// A literal sidebar or nav as TOML: items keep `text`, `link`, `items`, `collapsed`, `base`.
fn to_toml(v: &Value) -> Option<toml::Value> {
    fn items(v: &Value) -> Option<toml::Value> {
        let list = v.as_array()?;
        Some(toml::Value::Array(list.iter().filter_map(item).collect()))
    }
    fn item(v: &Value) -> Option<toml::Value> {
        let o = v.as_object()?;
        let mut t = toml::Table::new();
        t.insert("text".into(), o.get("text")?.as_str()?.into());
        for key in ["link", "base"] {
            if let Some(s) = o.get(key).and_then(Value::as_str) {
                t.insert(key.into(), s.into());
            }
        }
        if let Some(b) = o.get("collapsed").and_then(Value::as_bool) {
            t.insert("collapsed".into(), b.into());
        }
        if let Some(children) = o.get("items").and_then(items) {
            t.insert("items".into(), children);
        }
        Some(toml::Value::Table(t))
    }
    match v {
        Value::Array(_) => items(v),
        Value::Object(by_prefix) => {
            let mut t = toml::Table::new();
            for (prefix, list) in by_prefix {
                let base = list.get("base").and_then(Value::as_str);
                let mut converted = items(list.get("items").unwrap_or(list))?;
                if let (Some(base), Some(entries)) = (base, converted.as_array_mut()) {
                    for entry in entries.iter_mut().filter_map(toml::Value::as_table_mut) {
                        if let Some(link) = entry.get("link").and_then(toml::Value::as_str) {
                            let joined = format!("{base}{}", link.trim_start_matches('/'));
                            entry.insert("link".into(), joined.into());
                        }
                        entry.entry("base").or_insert_with(|| base.into());
                    }
                }
                t.insert(prefix.clone(), converted);
            }
            Some(toml::Value::Table(t))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_import_paths() {
        let text = "a\n<<< @/snippets/a.js#region{2}\n  <<< @/x/b.ts [t]\n<<< ./rel.js\n```md\n<<< @/in/fence.js\n```\n";
        assert_eq!(snippet_imports(text), vec!["snippets/a.js", "x/b.ts"]);
    }
}
