//! Notes written for VitePress build unchanged: every `tests/fixtures/vitepress-*` site is
//! built with gen and compared with what VitePress itself made of the same Markdown
//! (`vitepress-ids.json`, recorded by `scripts/record-vitepress`: heading ids in document
//! order and page titles), then the produced HTML is checked for each extension's meaning.

#[allow(dead_code)]
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use support::files::{fixture, fixtures_dir, read};

fn gen(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn build_ok(root: &Path) -> String {
    let out = gen(&["build"], root);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "gen build failed:\n{stderr}");
    stderr
}

/// The output file of the note `rel` (`a/b.md` → `a/b/index.html`).
fn output_of(root: &Path, rel: &str) -> PathBuf {
    let stem = rel.trim_end_matches(".md");
    let out = root.join("public");
    if stem == "index" {
        out.join("index.html")
    } else if let Some(dir) = stem.strip_suffix("/index") {
        out.join(dir).join("index.html")
    } else {
        out.join(stem).join("index.html")
    }
}

fn decode(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The ids of the headings gen rendered from Markdown (each has `tabindex="-1"`).
fn heading_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        if !rest.starts_with(|c: char| ('1'..='6').contains(&c)) {
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[1..end];
        if !tag.contains("tabindex=\"-1\"") {
            continue;
        }
        if let Some(i) = tag.find(" id=\"") {
            let value = &tag[i + 5..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            ids.push(decode(value));
        }
    }
    ids
}

/// Compares one fixture's ids and titles with VitePress's; returns (pages, ids compared).
fn compare_with_vitepress(case: &str) -> (usize, usize) {
    let root = fixture(case, "vitepress-tests", &format!("ids-{case}"));
    build_ok(&root);
    let recorded: Value =
        serde_json::from_str(&read(&root.join("vitepress-ids.json"))).expect("recorded JSON");
    let pages = recorded["pages"].as_object().expect("pages");
    let mut diags = Vec::new();
    let lib = gen::content::Library::load(&root, &mut diags);
    let titles: BTreeMap<&str, &str> = lib
        .pages
        .iter()
        .map(|p| (p.rel.as_str(), p.title.as_str()))
        .collect();
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for (rel, page) in pages {
        let want: Vec<String> = page["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let got = heading_ids(&read(&output_of(&root, rel)));
        compared += want.len();
        if got != want {
            let at = got.iter().zip(&want).position(|(g, w)| g != w);
            mismatches.push(format!(
                "{case}/{rel}: ids differ (first at #{at:?}):\n  gen:       {got:?}\n  vitepress: {want:?}"
            ));
        }
        let title = page["title"].as_str().unwrap_or_default();
        if !title.is_empty() && titles.get(rel.as_str()) != Some(&title) {
            mismatches.push(format!(
                "{case}/{rel}: title {:?}, VitePress {title:?}",
                titles.get(rel.as_str())
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    (pages.len(), compared)
}

#[test]
fn heading_ids_and_titles_equal_vitepress_on_every_fixture() {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("vitepress-"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let (mut pages, mut ids) = (0, 0);
    for case in &cases {
        let (p, i) = compare_with_vitepress(case);
        pages += p;
        ids += i;
    }
    println!(
        "vitepress ids: {} fixtures, {pages} pages, {ids} ids compared, {ids} equal",
        cases.len()
    );
    assert!(ids > 0);
}

/// The page's `<article>`, where the note's own HTML is.
fn article(root: &Path, rel: &str) -> String {
    let html = read(&output_of(root, rel));
    let start = html.find("<article").expect("an article");
    let end = html[start..]
        .find("</article>")
        .map_or(html.len(), |e| e + start);
    html[start..end].to_string()
}

#[test]
fn containers_alerts_and_code_groups_render_with_vitepress_meaning() {
    let root = fixture("vitepress-containers", "vitepress-tests", "containers");
    build_ok(&root);
    let html = article(&root, "index.md");
    for (class, title) in [
        ("tip", "TIP"),
        ("info", "Custom <em>info</em> title"),
        ("warning", "WARNING"),
        ("danger", "STOP"),
    ] {
        assert!(
            html.contains(&format!(
                "<div class=\"{class} custom-block\"><p class=\"custom-block-title\">{title}</p>"
            )),
            "{class} container with title {title}"
        );
    }
    assert!(
        html.contains("<details class=\"details custom-block\" open><summary>Click me</summary>")
    );
    assert!(html.contains("<summary>Details</summary>"));
    // Nested containers: the outer one needs more colons; with the same number the first
    // `:::` closes the outer container, as in VitePress.
    let outer = html.find("Outer container</p>").unwrap();
    let inner = html.find("<summary>Inner container</summary>").unwrap();
    assert!(outer < inner);
    assert!(html.contains("<p>after\n:::</p>"));
    // A container inside a list item stays inside it.
    let item = html.find("<p>First step</p>").unwrap();
    let warning = html[item..].find("Make sure the base is right.").unwrap() + item;
    let item_end = html[item..].find("</li>").unwrap() + item;
    assert!(warning < item_end);
    // A heading inside a container gets its id like any other.
    assert!(html.contains("<h3 id=\"inside-a-tip\""));
    // Code groups: radio buttons, labels from [title] or the language, first one checked.
    assert!(html.contains("<input type=\"radio\" name=\"cg-1\" id=\"cg-1-0\" checked>"));
    assert!(html.contains(
        "<div class=\"tabs\"><label for=\"cg-1-0\">npm</label><label for=\"cg-1-1\">pnpm</label><label for=\"cg-1-2\">sh</label></div>"
    ));
    assert_eq!(html.matches("<section class=\"block\">").count(), 5);
    assert!(
        html.contains("<label for=\"cg-2-0\">config.js</label><label for=\"cg-2-1\">py</label>")
    );
    // Alerts.
    for (kind, title) in [
        ("note", "NOTE"),
        ("tip", "A custom title"),
        ("important", "IMPORTANT"),
        ("warning", "WARNING"),
        ("caution", "CAUTION"),
    ] {
        assert!(html.contains(&format!(
            "<div class=\"{kind} custom-block github-alert\"><p class=\"custom-block-title\">{title}</p>"
        )));
    }
    assert!(!html.contains("[!NOTE]") && !html.contains("[!TIP]"));
    assert!(html.contains("<blockquote>\n<p>A plain quote"));
    assert!(html.contains("<div class=\"vp-raw\">"));
    assert!(html.contains("<code>{{ This will be displayed as-is }}</code>"));
    assert!(html.contains("<p>::: not-a-container"));
    // Fences inside containers still run.
    assert!(html.contains("<div class=\"gen-run\" data-lang=\"javascript\""));
}

#[test]
fn a_vitepress_site_builds_unchanged() {
    let root = fixture("vitepress-site", "vitepress-tests", "site");
    let stderr = build_ok(&root);
    // Titles: frontmatter, else first H1, else the file name without its number.
    let mut diags = Vec::new();
    let lib = gen::content::Library::load(&root, &mut diags);
    let title = |rel: &str| {
        lib.pages
            .iter()
            .find(|p| p.rel == rel)
            .map(|p| p.title.clone())
            .unwrap()
    };
    assert_eq!(title("1-getting-started/10-advanced.md"), "advanced");
    assert_eq!(title("1-getting-started/1-install.md"), "Installing 🚀");
    assert_eq!(title("1-getting-started/2-configure.md"), "Configuring it");
    // The sidebar sorts numeric prefixes naturally and hides them.
    let home = read(&root.join("public/index.html"));
    let sidebar = &home[home.find("<nav class=\"sidebar\"").unwrap()..];
    let pos = |s: &str| {
        sidebar
            .find(s)
            .unwrap_or_else(|| panic!("{s} in the sidebar"))
    };
    assert!(pos(">Basics<") < pos(">advanced<"));
    assert!(pos(">Extras<") < pos(">appendix<"));
    assert!(pos(">Getting started<") < pos(">Reference<"));
    // Home layout: hero and features, with the action link resolved.
    assert!(home.contains(
        "<a class=\"action brand\" href=\"/1-getting-started/1-install/\">Get started</a>"
    ));
    assert!(home.contains("<h2>Links</h2>"));
    // Links in every VitePress form resolve to page URLs.
    let api = article(&root, "2-reference/api.md");
    for href in [
        "href=\"/\"",
        "href=\"/1-getting-started/1-install/\">install with .md",
        "href=\"/1-getting-started/1-install/\">install with .html",
        "href=\"/1-getting-started/1-install/\">install, relative",
        "href=\"/1-getting-started/2-configure/#options\"",
        "href=\"#functions\"",
        "href=\"/9-extras/\"",
        "src=\"/images/logo.svg\"",
        "src=\"/2-reference/diagram.svg\"",
    ] {
        assert!(api.contains(href), "{href}");
    }
    assert!(root.join("public/images/logo.svg").is_file());
    // [[toc]]: the top-level ## and ### headings, nested.
    assert!(api.contains("<nav class=\"table-of-contents\"><ul><li><a href=\"#functions\">Functions</a><ul><li><a href=\"#build\">build()</a></li>"));
    // prev: false and next: {text, link}.
    let configure = read(&output_of(&root, "1-getting-started/2-configure.md"));
    assert!(!configure.contains("class=\"prev\""));
    assert!(configure.contains("<a class=\"next\" href=\"/2-reference/api/\"><span class=\"label\">Next</span><span class=\"title\">The API reference</span></a>"));
    // A note opening with an H1 is not given a second title.
    assert!(!configure.contains("class=\"page-title\""));
    // CRLF and a BOM.
    assert!(article(&root, "10-appendix/windows.md").contains("<h2 id=\"crlf-heading\""));
    let extras = article(&root, "9-extras/index.md");
    // Emoji outside code, not inside.
    assert!(extras
        .contains("Shortcodes 😄 and emoticons 😃 work; code keeps them: <code>:tada:</code>"));
    // Math is kept as written, escaped.
    assert!(extras.contains("<span class=\"math math-inline\">$E = mc^2$</span>"));
    assert!(extras.contains(
        "<span class=\"math math-display\">$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$</span>"
    ));
    // Badges.
    assert!(extras.contains("<span class=\"VPBadge badge tip\">new</span>"));
    assert!(extras.contains("<span class=\"VPBadge badge warning\">beta</span>"));
    // Vue: inert script, interpolation as written, one warning per kind.
    assert!(extras
        .contains("<script type=\"text/plain\" data-vue=\"inert\">\nconst count = 3\n</script>"));
    assert!(extras.contains("The count is {{ count }}."));
    for kind in [
        "`<script>` blocks",
        "components",
        "directives",
        "`{{ }}` interpolations",
    ] {
        assert_eq!(
            stderr.matches(&format!("warning: Vue {kind}")).count(),
            1,
            "one warning for {kind}:\n{stderr}"
        );
    }
    assert!(stderr.contains("content/9-extras/index.md:23:1: warning: Vue `<script>`"));
    // Line highlighting and markers, which are stripped from the shown code.
    assert_eq!(
        extras.matches("<span class=\"line highlighted\">").count(),
        4
    );
    assert!(extras.contains("<code style=\"counter-reset: line 2\"><span class=\"line focused\">"));
    assert!(extras.contains("<span class=\"line diff remove\">"));
    assert!(extras.contains("<span class=\"line diff add\">"));
    assert!(extras.contains("<span class=\"line highlighted error\">"));
    assert!(extras.contains("<span class=\"line highlighted warning\">"));
    assert!(!extras.contains("[!code"));
    // The snippet import shows the region only, with its highlighted line.
    let snippet = &extras[extras.find("id=\"snippet-import\"").unwrap()..];
    assert!(snippet.contains("<div class=\"code-title\">demo.js</div>"));
    assert!(snippet.contains("greet"));
    assert!(!snippet.contains("before") && !snippet.contains("#region"));
    assert_eq!(
        snippet.matches("<span class=\"line highlighted\">").count(),
        1
    );
}

#[test]
fn dead_links_missing_images_and_anchors_are_errors_with_positions() {
    let root = fixture("broken-vitepress", "vitepress-tests", "broken");
    let out = gen(&["build"], &root);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success());
    assert!(
        !root.join("public").exists(),
        "a failed build writes nothing"
    );
    for expected in [
        "content/index.md:3:3: error: dead link: no page or file at `./nope`",
        "content/index.md:4:3: error: dead anchor: `other.md` has no heading with id `missing-heading`",
        "content/index.md:6:3: error: dead link: `http://localhost:5173/guide` points at localhost",
        "content/index.md:8:1: error: missing image: no page or file at `/images/none.png`",
        "content/index.md:12:1: warning: heading id `same` is already used on this page; this one is `same-1`",
        "content/index.md:14:1: error: snippet import: no file `@/snippets/none.js` inside the site",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin:\n{stderr}");
    }
    assert!(!stderr.contains("a-heading"));

    std::fs::write(
        root.join("gen.toml"),
        "ignore_dead_links = \"localhostLinks\"\n",
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&gen(&["build"], &root).stderr).into_owned();
    assert!(
        stderr.contains("content/index.md:6:3: warning: dead link: `http://localhost:5173/guide`")
    );
    assert!(stderr.contains("content/index.md:3:3: error: dead link"));

    std::fs::write(root.join("gen.toml"), "ignore_dead_links = true\n").unwrap();
    let out = gen(&["build"], &root);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("content/index.md:3:3: warning: dead link"));
    assert!(stderr.contains("content/index.md:8:1: warning: missing image"));
}

#[test]
fn shared_sessions_carry_the_heap_from_fence_to_fence() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("vitepress-tests/sessions");
    if root.exists() {
        std::fs::remove_dir_all(&root).unwrap();
    }
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/page.md"),
        "---\ntitle: Page session\nexec: page\n---\n\n```js\nclass Counter {\n  constructor() { this.n = 0 }\n  inc() { return ++this.n }\n}\nconst counter = new Counter()\nconsole.log('made', counter.inc())\n```\n\n```js\nconsole.log(counter.inc(), counter instanceof Counter)\n```\n\n```js isolated\nconsole.log(typeof counter)\n```\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/named.md"),
        "# Named\n\n```js session=one\nlet shared = [1, 2]\n```\n\n```js\nconsole.log(typeof shared)\n```\n\n```js session=one\nshared.push(3)\nconsole.log(shared.length)\n```\n",
    )
    .unwrap();
    build_ok(&root);
    let outputs = |rel: &str| -> Vec<String> {
        let html = read(&output_of(&root, rel));
        html.split("<pre class=\"gen-output\" aria-label=\"Output\"><code>")
            .skip(1)
            .map(|s| s[..s.find("</code>").unwrap()].to_string())
            .collect()
    };
    assert_eq!(
        outputs("page.md"),
        vec![
            "made 1\n".to_string(),
            "2 true\n".into(),
            "undefined\n".into()
        ]
    );
    let named = outputs("named.md");
    assert_eq!(named[1], "undefined\n");
    assert_eq!(named[2], "3\n");
}

#[test]
fn an_explicit_sidebar_and_nav_override_the_folder_tree() {
    let root = fixture("vitepress-site", "vitepress-tests", "explicit-sidebar");
    std::fs::write(
        root.join("gen.toml"),
        r#"title = "Configured"
vitepress_urls = true

[[nav]]
text = "Guide"
link = "/1-getting-started/"

[[nav]]
text = "More"
items = [{ text = "API", link = "/2-reference/api" }]

[[sidebar."/2-reference/"]]
text = "Reference"
items = [{ text = "The API", link = "/2-reference/api.md" }]

[[sidebar."/"]]
text = "Start"
collapsed = false
items = [
  { text = "Install", link = "/1-getting-started/1-install" },
  { text = "Nowhere", link = "/missing-page" },
]
"#,
    )
    .unwrap();
    let stderr = build_ok(&root);
    assert!(stderr
        .contains("gen.toml:1:1: warning: sidebar/nav link `/missing-page` points at no page"));
    let api = read(&output_of(&root, "2-reference/api.md"));
    let sidebar = |html: &str| {
        let s = html.find("<nav class=\"sidebar\"").unwrap();
        html[s..s + html[s..].find("</nav>").unwrap()].to_string()
    };
    assert_eq!(
        sidebar(&api),
        "<nav class=\"sidebar\" aria-label=\"Pages\"><div class=\"group\"><span class=\"group-title\">Reference</span><ul><li><a href=\"/2-reference/api/\">The API</a></li></ul></div>"
    );
    let install = read(&output_of(&root, "1-getting-started/1-install.md"));
    assert!(sidebar(&install).contains("<details class=\"group\" open><summary class=\"group-title\">Start</summary><ul><li><a href=\"/1-getting-started/1-install/\">Install</a></li>"));
    assert!(install.contains("<span class=\"site-nav\"><a href=\"/1-getting-started/\">Guide</a><details class=\"nav-menu\"><summary>More</summary><ul><li><a href=\"/2-reference/api/\">API</a></li></ul></details></span>"));
    // The VitePress address of a page sends the reader to gen's, keeping the anchor.
    let alias = read(&root.join("public/2-reference/api.html"));
    assert!(alias.contains("location.replace(\"/2-reference/api/\" + location.hash)"));
    assert!(alias.contains("<meta http-equiv=\"refresh\" content=\"0; url=/2-reference/api/\">"));
    assert!(!root.join("public/2-reference/index.html.html").exists());
}

#[test]
fn bare_urls_and_page_options_work_as_in_vitepress() {
    let root = fixture("vitepress-site", "vitepress-tests", "page-options");
    build_ok(&root);
    let extras = article(&root, "9-extras/index.md");
    assert!(extras.contains("Bare links: <a href=\"https://vitepress.dev/guide/markdown\">https://vitepress.dev/guide/markdown</a>. Mail <a href=\"mailto:gen@example.com\">gen@example.com</a>."));
    let plain = read(&output_of(&root, "9-extras/plain.md"));
    assert!(plain.contains("<nav class=\"sidebar\" aria-label=\"Pages\"></nav>"));
    assert!(!plain.contains("class=\"outline\""));
    assert!(plain.contains("<meta name=\"keywords\" content=\"gen, vitepress\">"));
    assert!(!plain.contains("Updated"));
}

#[test]
fn includes_are_expanded_before_parsing() {
    let root = fixture("vitepress-site", "vitepress-tests", "includes");
    build_ok(&root);
    let extras = article(&root, "9-extras/index.md");
    let include = &extras[extras.find("id=\"include\"").unwrap()..];
    assert!(include.contains("<h2 id=\"included-heading\""));
    assert!(include.contains("<p>This paragraph comes from an include.</p>"));
    assert!(!include.contains("@include"));
    std::fs::write(
        root.join("content/9-extras/parts/broken.md"),
        "# Broken\n\n<!--@include: ./none.md-->\n",
    )
    .unwrap();
    let stderr = build_ok(&root);
    assert!(stderr.contains(
        "content/9-extras/parts/broken.md:3:1: warning: include: no file `./none.md` inside the site"
    ));
}

#[test]
fn incremental_rebuilds_follow_includes_and_snippet_imports() {
    use gen::site::{self, BuildOptions, Memory};
    let root = fixture("vitepress-site", "vitepress-tests", "incremental");
    let opts = BuildOptions {
        root: root.clone(),
        out: None,
        base_url: None,
        write: true,
    };
    let mut memory = Memory::default();
    site::rebuild(&opts, &mut memory, &[]).unwrap();
    let part = "content/9-extras/parts/shared.md";
    let snippet = "content/snippets/demo.js";
    std::fs::write(
        root.join(part),
        "## Included heading\n\nThe include changed.\n",
    )
    .unwrap();
    std::fs::write(
        root.join(snippet),
        "// #region main\nfunction renamed() {}\n// #endregion main\n",
    )
    .unwrap();
    let outcome = site::rebuild(&opts, &mut memory, &[part.into(), snippet.into()]).unwrap();
    assert_eq!(outcome.errors(), 0, "{:?}", outcome.diags);
    let extras = article(&root, "9-extras/index.md");
    assert!(extras.contains("The include changed."));
    assert!(extras.contains("renamed"));
}
