//! Build-time Mermaid: turns a ` ```mermaid ` fence's source into an inline SVG.
//!
//! Rendering goes through merman (see `docs/mermaid-choice.md` for why) with one shared,
//! lazily built renderer per theme. A sequence diagram is drawn once, in Mermaid's
//! `default` theme, its `<style>` carrying the `dark` theme's rules for the page's dark
//! mode ([`dark`]); other diagrams are drawn twice, in both themes under distinct ids
//! (`<id>` and `<id>-dark`), and the page's CSS shows the copy matching light or dark
//! mode. Label widths come from an Arial-metric table ([`text_width`]), so the output
//! never depends on the fonts of the building machine.
//! Invalid input becomes a visible error box with the line and column, never a panic.

mod arial_widths;
mod dark;
mod prune;
mod sequence_svg;
pub(crate) mod text_width;

use std::sync::LazyLock;

use merman::svg::{
    DeterministicTextMeasurer, MeasurementProfileId, TextMeasurementPolicy, TextMeasurementProfile,
    TextMeasurementProfileIdentity,
};
use merman::{
    MermaidEngine, OperationControl, RenderError, RenderOutput, RenderRequest, Renderer,
    SourcePresentationConfig, SvgEnvironment, SvgRequest,
};

use crate::views::html::escape;

/// Fonts named in every diagram: Arial metrics first (what labels are measured with), then
/// CJK families so Chinese and Japanese labels do not fall back to tofu.
const FONT_STACK: &str = "Arial, \"Liberation Sans\", Arimo, \"Noto Sans CJK SC\", \
     \"PingFang SC\", \"Microsoft YaHei\", \"Source Han Sans SC\", sans-serif";

/// A Mermaid source that could not be rendered, with the position inside the fence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MermaidError {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl std::fmt::Display for MermaidError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid Mermaid at {}:{}: {}",
            self.line, self.col, self.message
        )
    }
}

/// The two renderers (light and dark theme) and the measurement policy, built once.
struct Renderers {
    light: Renderer,
    dark: Renderer,
    measurement: TextMeasurementPolicy,
}

static RENDERERS: LazyLock<Renderers> = LazyLock::new(|| Renderers {
    light: themed_renderer("default"),
    dark: themed_renderer("dark"),
    measurement: arial_measurement(),
});

/// A renderer with `theme` and the label font in its site configuration. The layout is
/// left to Mermaid's default (dagre): merman applies each configured appearance key to a
/// copy of the whole effective configuration on every render, and `tests` checks that
/// the output is the same as with `layout` set.
fn themed_renderer(theme: &str) -> Renderer {
    renderer(serde_json::json!({ "theme": theme, "fontFamily": FONT_STACK }))
}

fn renderer(config: serde_json::Value) -> Renderer {
    Renderer::new().with_presentation_engine(
        MermaidEngine::new().with_site_config(SourcePresentationConfig::from_value(config)),
    )
}

fn arial_measurement() -> TextMeasurementPolicy {
    let backend = DeterministicTextMeasurer::default().with_width_callback(text_width::width_px);
    let identity = MeasurementProfileId::new("gen-arial-metrics")
        .and_then(|id| TextMeasurementProfileIdentity::new(id, "1"));
    match identity {
        Ok(identity) => {
            TextMeasurementPolicy::uniform(TextMeasurementProfile::new(identity, backend))
        }
        // The identity strings are constants and non-empty; fall back to merman's own
        // measurement rather than failing a build if that ever changes.
        Err(_) => TextMeasurementPolicy::deterministic(),
    }
}

/// Builds the renderers and the sequence diagrams' dark rules now (on a rayon thread), so
/// that the first diagram of a build does not wait for them.
pub fn warm_up() {
    rayon::spawn(|| {
        LazyLock::force(&SEQUENCE_DARK);
    });
}

/// The HTML for one ` ```mermaid ` fence: a `div.gen-diagram.gen-mermaid` with the SVG,
/// or a visible error box (and the error, for the build report). `id` must be unique
/// within the page.
pub fn render_block(source: &str, id: &str) -> (String, Option<MermaidError>) {
    render(
        source,
        id,
        "gen-diagram gen-mermaid",
        &default_title(source),
    )
}

/// A diagram gen generated (the run panels' sequence diagrams): a `div.gen-diagram`
/// titled `title`. Only fence diagrams carry `gen-mermaid`, so themes and tests can tell
/// the author's diagrams from generated ones.
pub fn render_generated(source: &str, id: &str, title: &str) -> (String, Option<MermaidError>) {
    render(source, id, "gen-diagram", title)
}

/// Id standing for the diagram's id in [`SequenceDark`].
const STYLE_ID: &str = "gen-style-probe";

/// What dark mode needs for a sequence diagram drawn once (see [`dark`]): the light
/// `<style>` element every sequence diagram has, and the dark rules to append to it, both
/// for the id [`STYLE_ID`].
struct SequenceDark {
    light_style: String,
    overlay: String,
    /// The fixed parts of the diagrams [`sequence_svg`] draws without merman.
    template: Option<sequence_svg::Template>,
}

static SEQUENCE_DARK: LazyLock<Option<SequenceDark>> = LazyLock::new(|| {
    let r = &*RENDERERS;
    let probe = "sequenceDiagram\n    A->>B: x\n";
    let light = render_svg(&r.light, &r.measurement, probe, STYLE_ID).ok()?;
    let dark = render_svg(&r.dark, &r.measurement, probe, STYLE_ID).ok()?;
    let light_style = style_element(&light)?;
    let overlay = dark::overlay(style_css(light_style), style_css(style_element(&dark)?))?;
    Some(SequenceDark {
        light_style: light_style.to_owned(),
        template: sequence_svg::Template::from_probe(&light, &overlay),
        overlay,
    })
});

fn style_element(svg: &str) -> Option<&str> {
    let start = svg.find("<style>")?;
    let end = start + svg[start..].find("</style>")? + "</style>".len();
    Some(&svg[start..end])
}

/// The CSS inside a `<style>…</style>` element.
fn style_css(element: &str) -> &str {
    &element["<style>".len()..element.len() - "</style>".len()]
}

/// A light sequence diagram that also shows the dark theme in dark mode: its `<style>`
/// with the dark overlay appended; `None` when its style is not the one every sequence
/// diagram has (a `%%{init}%%` directive changed it, say).
fn with_dark_overlay(light: &str, id: &str) -> Option<String> {
    if !light.contains("aria-roledescription=\"sequence\"") {
        return None;
    }
    let theme = SEQUENCE_DARK.as_ref()?;
    let style = style_element(light)?;
    if theme.light_style.replace(STYLE_ID, id) != style {
        return None;
    }
    let at = light.find(style)? + style.len() - "</style>".len();
    let overlay = theme.overlay.replace(STYLE_ID, id);
    let mut svg = String::with_capacity(light.len() + overlay.len());
    svg.push_str(&light[..at]);
    svg.push_str(&overlay);
    svg.push_str(&light[at..]);
    Some(svg)
}

/// A diagram in both themes. A sequence diagram is drawn once, with the dark theme as
/// CSS ([`with_dark_overlay`]); other diagrams, whose dark rendering differs beyond its
/// style, are drawn twice, in a light and a dark copy under distinct ids.
fn render(source: &str, id: &str, class: &str, title: &str) -> (String, Option<MermaidError>) {
    let renderers = &*RENDERERS;
    let light_id = merman::svg::sanitize_svg_id(id);
    let dark_id = format!("{light_id}-dark");
    let (light, dark) = if default_title(source) == "Sequence diagram" {
        if let Some(svg) = direct_sequence(source, &light_id) {
            let mut html = String::with_capacity(svg.len() + 200);
            push_open(&mut html, class);
            push_svg(&mut html, &svg, title);
            html.push_str("</div>");
            return (html, None);
        }
        let light = match render_svg(&renderers.light, &renderers.measurement, source, &light_id) {
            Ok(light) => light,
            Err(err) => return (error_box(source, &err), Some(err)),
        };
        if let Some(svg) = with_dark_overlay(&light, &light_id) {
            let mut html = String::with_capacity(svg.len() + 200);
            push_open(&mut html, class);
            push_svg(&mut html, &svg, title);
            html.push_str("</div>");
            return (html, None);
        }
        let dark = render_svg(&renderers.dark, &renderers.measurement, source, &dark_id);
        (Ok(light), dark)
    } else {
        // The two copies share nothing: draw them at once when a core is free.
        rayon::join(
            || render_svg(&renderers.light, &renderers.measurement, source, &light_id),
            || render_svg(&renderers.dark, &renderers.measurement, source, &dark_id),
        )
    };
    match (light, dark) {
        (Ok(light), Ok(dark)) => (wrap(class, &light, &dark, title), None),
        (Err(err), _) | (_, Err(err)) => (error_box(source, &err), Some(err)),
    }
}

/// A sequence diagram drawn by [`sequence_svg`], as [`with_dark_overlay`] would give
/// merman's drawing; `None` outside its subset.
fn direct_sequence(source: &str, id: &str) -> Option<String> {
    let template = SEQUENCE_DARK.as_ref()?.template.as_ref()?;
    sequence_svg::render(source, id, template)
}

/// A sequence diagram's SVG both ways, for the differential test: drawn directly (`None`
/// outside the subset) and by merman with the dark overlay (`None` when merman fails).
pub fn sequence_svg_both_ways(source: &str, id: &str) -> (Option<String>, Option<String>) {
    let r = &*RENDERERS;
    let merman = render_svg(&r.light, &r.measurement, source, id)
        .ok()
        .and_then(|light| with_dark_overlay(&light, id));
    (direct_sequence(source, id), merman)
}

fn push_open(html: &mut String, class: &str) {
    html.push_str("<div class=\"");
    html.push_str(class);
    html.push_str("\">");
}

/// Both copies in their wrapper.
fn wrap(class: &str, light: &str, dark: &str, title: &str) -> String {
    let mut html = String::with_capacity(light.len() + dark.len() + 200);
    push_open(&mut html, class);
    push_variant(&mut html, "gen-diagram-light", light, title);
    push_variant(&mut html, "gen-diagram-dark", dark, title);
    html.push_str("</div>");
    html
}

fn render_svg(
    renderer: &Renderer,
    measurement: &TextMeasurementPolicy,
    source: &str,
    id: &str,
) -> Result<String, MermaidError> {
    let mut request = SvgRequest::default();
    request.options.diagram_id = Some(id.to_owned());
    request.environment =
        SvgEnvironment::deterministic().with_text_measurement_policy(measurement.clone());
    match renderer.render(RenderRequest::svg(source, OperationControl::new(), request)) {
        Ok(RenderOutput::Svg(Some(svg))) => Ok(tilt_dividers(&prune::prune_unused_defs(svg.svg()))),
        Ok(_) | Err(RenderError::NoDiagram) => Err(MermaidError {
            line: 1,
            col: 1,
            message: "no Mermaid diagram type detected".into(),
        }),
        Err(RenderError::Parse(diagnostic)) => {
            let details = diagnostic.terminal_diagnostic_details();
            let (line, col) = details
                .span
                .map_or((1, 1), |span| line_col(source, span.start));
            Err(MermaidError {
                line,
                col,
                message: diagnostic.terminal_safe_message(),
            })
        }
        Err(other) => Err(MermaidError {
            line: 1,
            col: 1,
            message: other.to_string(),
        }),
    }
}

/// Gives each class-diagram compartment divider a 0.001 px slope, as mermaid.js does: a
/// perfectly flat path has an empty bounding box, and the dark theme strokes it with an
/// `objectBoundingBox` gradient, which then paints nothing (the dividers vanished).
fn tilt_dividers(svg: &str) -> String {
    const MARK: &str = "<g class=\"divider\"";
    if !svg.contains(MARK) {
        return svg.to_owned();
    }
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(at) = rest.find(MARK) {
        let Some(d) = rest[at..].find(" d=\"").map(|i| at + i + 4) else {
            break;
        };
        let Some(end) = rest[d..].find('"').map(|i| d + i) else {
            break;
        };
        out.push_str(&rest[..d]);
        out.push_str(&tilt_last_y(&rest[d..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Path data with its last number raised by 0.001 (the final point's y).
fn tilt_last_y(d: &str) -> String {
    let number_start = d
        .trim_end()
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .map_or(0, |i| i + 1);
    match d[number_start..].trim_end().parse::<f64>() {
        Ok(y) => format!("{}{}", &d[..number_start], y + 0.001),
        Err(_) => d.to_owned(),
    }
}

/// 1-based line and column (in characters) of a byte offset, clamped to the source.
fn line_col(source: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let before = &source[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

fn default_title(source: &str) -> String {
    let kind = source
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("%%") && *l != "---")
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("diagram");
    let kind = match kind {
        "sequenceDiagram" => "Sequence diagram",
        "flowchart" | "graph" => "Flowchart",
        "classDiagram" | "classDiagram-v2" => "Class diagram",
        "stateDiagram" | "stateDiagram-v2" => "State diagram",
        _ => "Diagram",
    };
    kind.to_owned()
}

/// Appends one themed copy, wrapped so CSS can show only the copy of the current mode.
fn push_variant(html: &mut String, class: &str, svg: &str, title: &str) {
    push_open(html, class);
    push_svg(html, svg, title);
    html.push_str("</div>");
}

/// Appends a diagram's SVG with a `<title>` added right after the opening `<svg …>` tag
/// when it has none, and a minimum width (see [`with_min_width`]).
fn push_svg(html: &mut String, svg: &str, title: &str) {
    let open_end = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|i| start + i + 1));
    match open_end {
        Some(end) => {
            html.push_str(&with_min_width(&svg[..end]));
            if !svg[end..].trim_start().starts_with("<title") {
                html.push_str("<title>");
                html.push_str(&escape(title));
                html.push_str("</title>");
            }
            html.push_str(&svg[end..]);
        }
        None => html.push_str(svg),
    }
}

/// Share of its natural width below which a diagram is not shrunk: narrower screens
/// scroll it sideways (its container scrolls) rather than shrink its text past reading.
const MIN_SCALE: f64 = 0.7;

/// merman sizes a diagram `width="100%"` with `style="max-width: Wpx;"`: adds
/// `min-width` at [`MIN_SCALE`] of `W` to that style.
fn with_min_width(open_tag: &str) -> String {
    const KEY: &str = "max-width: ";
    let Some(at) = open_tag.find(KEY).map(|i| i + KEY.len()) else {
        return open_tag.to_owned();
    };
    let number: String = open_tag[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let Ok(width) = number.parse::<f64>() else {
        return open_tag.to_owned();
    };
    let end = at + number.len();
    let Some(rest) = open_tag[end..].strip_prefix("px;") else {
        return open_tag.to_owned();
    };
    let min = (width * MIN_SCALE).round();
    format!("{}px; min-width: {min}px;{rest}", &open_tag[..end])
}

/// The visible error box: the message with its position, then the source with the faulty
/// line marked.
fn error_box(source: &str, err: &MermaidError) -> String {
    let mut html = String::from("<div class=\"gen-mermaid-error\" role=\"alert\"><p>");
    html.push_str(&format!(
        "<strong>Mermaid error</strong> at line {}, column {}: {}",
        err.line,
        err.col,
        escape(&err.message)
    ));
    html.push_str("</p><pre><code>");
    for (i, line) in source.lines().enumerate() {
        let marked = u32::try_from(i + 1).is_ok_and(|n| n == err.line);
        if marked {
            html.push_str("<mark>");
        }
        html.push_str(&escape(line));
        if marked {
            html.push_str("</mark>");
        }
        html.push('\n');
    }
    html.push_str("</code></pre></div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEQ: &str = "sequenceDiagram\n    participant Var as 变量\n    participant Heap as 内存堆\n    Var->>Heap: 分配内存（如 a = [1,2]）\n    Note over Var,Heap: 创建对象\n";

    #[test]
    fn a_sequence_diagram_is_drawn_once_with_its_dark_rules() {
        let (html, err) = render_block(SEQ, "page-mmd-1");
        assert_eq!(err, None);
        assert!(html.starts_with("<div class=\"gen-diagram gen-mermaid\"><svg"));
        assert_eq!(html.matches("<svg").count(), 1);
        assert!(html.contains("id=\"page-mmd-1\""));
        assert!(html.contains("<title>Sequence diagram</title>"));
        assert!(html.contains("内存堆"));
        assert!(html.contains(":root.dark #page-mmd-1 .actor{"), "{html}");
        assert!(html.contains("@media (prefers-color-scheme: dark){:root:not(.light) #page-mmd-1"));
    }

    #[test]
    fn the_single_sequence_svg_is_the_dark_rendering_but_for_its_style() {
        let source = "sequenceDiagram\n    participant Var\n    participant Heap\n    Var->>Heap: alloc list#1 64 B\n    loop 3 more\n    Heap-->>Var: x\n    end\n    Note over Var,Heap: leaked at exit\n";
        let r = &*RENDERERS;
        let light = render_svg(&r.light, &r.measurement, source, "s").expect("light");
        let dark = render_svg(&r.dark, &r.measurement, source, "s").expect("dark");
        let single = with_dark_overlay(&light, "s").expect("an overlay");
        let without_style = |svg: &str| svg.replacen(style_element(svg).unwrap_or_default(), "", 1);
        assert_eq!(without_style(&single), without_style(&dark));
        let dark_rules = style_css(style_element(&dark).expect("a style"));
        let overlay = &SEQUENCE_DARK.as_ref().expect("a sequence theme").overlay;
        assert!(!overlay.is_empty());
        for rule in overlay.split_inclusive('}').take(5) {
            let body = rule.split_once('{').map_or("", |(_, b)| b);
            assert!(dark_rules.contains(body), "{body} is a dark rule");
        }
        let (flow, _) = render_generated("flowchart TD\n    A --> B\n", "f", "t");
        assert_eq!(flow.matches("<svg").count(), 2, "light and dark copies");
        assert!(flow.contains("id=\"f-dark\""));
    }

    #[test]
    fn the_default_layout_is_dagre() {
        let configured = renderer(serde_json::json!({
            "theme": "default",
            "layout": "dagre",
            "fontFamily": FONT_STACK,
        }));
        let r = &*RENDERERS;
        for source in [
            SEQ,
            "flowchart TD\n    A[开始] --> B{ok?}\n    B -->|yes| C\n",
            "classDiagram\n    class A {\n        +x: int\n    }\n    A <|-- B\n",
            "stateDiagram-v2\n    [*] --> S\n    S --> [*]\n",
        ] {
            assert_eq!(
                render_svg(&r.light, &r.measurement, source, "d"),
                render_svg(&configured, &r.measurement, source, "d"),
                "{source}"
            );
        }
    }

    #[test]
    fn a_changed_theme_keeps_two_copies() {
        let source = "%%{init: {'theme': 'forest'}}%%\nsequenceDiagram\n    A->>B: x\n";
        let (html, err) = render_block(source, "t");
        assert_eq!(err, None);
        assert_eq!(html.matches("<svg").count(), 2, "{html}");
    }

    #[test]
    fn invalid_input_gives_an_error_box_with_line_and_column() {
        let src = "flowchart TD\n    A[Start --> B\n";
        let (html, err) = render_block(src, "bad");
        let err = err.expect("an error");
        assert_eq!(err.line, 2, "{err}");
        assert!(err.col >= 1);
        assert!(html.contains("class=\"gen-mermaid-error\""));
        assert!(html.contains("<mark>    A[Start --&gt; B</mark>"));
        assert!(!html.contains("<svg"));
    }

    #[test]
    fn unknown_diagram_type_is_an_error_not_a_panic() {
        let (html, err) = render_block("this is not mermaid </div><script>", "x");
        assert_eq!(err.map(|e| (e.line, e.col)), Some((1, 1)));
        assert!(html.contains("&lt;/div&gt;&lt;script&gt;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn class_dividers_get_a_slope() {
        let svg = r##"<g class="divider" style=""><path d="M-1 -24 C0 -24, 1 -24, 2 -24" stroke="#ccc"/></g><path d="M0 0 L1 0"/>"##;
        assert_eq!(
            tilt_dividers(svg),
            r##"<g class="divider" style=""><path d="M-1 -24 C0 -24, 1 -24, 2 -23.999" stroke="#ccc"/></g><path d="M0 0 L1 0"/>"##
        );
        let (html, _) = render_block("classDiagram\n    class A {\n        +x: int\n    }\n", "c");
        assert!(html.contains("class=\"divider\""), "{html}");
        assert!(!html.contains("-24\" stroke"), "the dividers are tilted");
    }

    #[test]
    fn diagrams_keep_a_minimum_width() {
        assert_eq!(
            with_min_width(
                r#"<svg id="a" width="100%" style="max-width: 1056.5px;" viewBox="0 0 1 1">"#
            ),
            r#"<svg id="a" width="100%" style="max-width: 1056.5px; min-width: 740px;" viewBox="0 0 1 1">"#
        );
        assert_eq!(with_min_width("<svg width=\"10\">"), "<svg width=\"10\">");
        let (html, _) = render_block(SEQ, "m");
        assert!(html.contains("min-width: "), "{html}");
    }

    #[test]
    fn line_col_counts_characters_after_the_last_newline() {
        assert_eq!(line_col("ab\n内存x", 3 + 6), (2, 3));
        assert_eq!(line_col("ab", 99), (1, 3));
        assert_eq!(line_col("内", 1), (1, 1));
    }
}
