//! `gen init DIR`: scaffolds a small site (config, home page, one note, a guide page) that
//! builds as is and shows the main features; with `--from-vitepress SRC` it makes the site
//! from a VitePress folder instead ([`vitepress`]).

mod js_literal;
pub mod vitepress;

use std::path::Path;

use anyhow::{bail, Context, Result};

const FILES: &[(&str, &str)] = &[
    (
        "gen.toml",
        "title = \"My notes\"\ndescription = \"Notes whose code runs\"\nlanguage = \"en\"\n# base_url = \"https://me.github.io/notes/\"\n\n[run]\n# trace = \"summary\"\n",
    ),
    (
        "content/index.md",
        "---\ntitle: My notes\nlayout: home\nhero:\n  name: My notes\n  tagline: Notes whose code examples run at build time\n---\n\nStart with [the first note](./notes/first.md).\n",
    ),
    (
        "content/notes/first.md",
        "---\ntitle: A first note\ndesc: What a note looks like\ntags: [example]\nupdateTime: \"2025-01-01 12:00\"\noutline: deep\n---\n\n## Running code\n\nPython and JavaScript fences run when the site is built:\n\n```python\nitems = [1, 2, 3]\nalias = items\nprint(len(items))\n```\n\nAdd `norun` to show code without running it:\n\n```js norun\nconsole.log(\"shown, not run\")\n```\n\n## Diagrams\n\n```mermaid\nsequenceDiagram\n    Writer->>gen: gen build\n    gen-->>Writer: public/\n```\n\nSee also [the section on running code](#running-code).\n",
    ),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
    (".gitignore", "/public\n/.gen-cache\n"),
];

/// Fails unless `dir` does not exist or is empty.
fn ensure_empty(dir: &Path) -> Result<()> {
    if dir.exists()
        && dir
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!("{} exists and is not empty", dir.display());
    }
    Ok(())
}

/// `gen init DIR [--from-vitepress SRC]`.
pub fn run(dir: &Path, from_vitepress: Option<&Path>) -> Result<()> {
    match from_vitepress {
        None => init(dir),
        Some(src) => {
            let report = vitepress::migrate(dir, src)?;
            println!(
                "created a gen site in {} from {}: {} notes, {} other files, {} files of public/ in static/",
                dir.display(),
                src.display(),
                report.notes,
                report.files,
                report.public_files
            );
            if !report.carried.is_empty() {
                println!("carried over: {}", report.carried.join(", "));
            }
            if !report.not_carried.is_empty() {
                println!("not carried over:");
                for line in &report.not_carried {
                    println!("  - {line}");
                }
            }
            println!("next: cd {} && gen build", dir.display());
            Ok(())
        }
    }
}

/// Creates the site in `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<()> {
    ensure_empty(dir)?;
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    println!("created a gen site in {}", dir.display());
    println!(
        "next: cd {} && gen build   (or gen watch while writing)",
        dir.display()
    );
    Ok(())
}
