//! Build-time Mermaid: turns a ` ```mermaid ` fence's source into an inline SVG.
//!
//! Rendering goes through merman (see `docs/mermaid-choice.md` for why) with one shared,
//! lazily built renderer per theme. Each diagram is drawn twice, in Mermaid's `default`
//! and `dark` themes under distinct ids (`<id>` and `<id>-dark`), and the page's CSS shows
//! the copy matching light or dark mode. Label widths come from an Arial-metric table
//! ([`text_width`]), so the output never depends on the fonts of the building machine.
//! Invalid input becomes a visible error box with the line and column, never a panic.

mod arial_widths;
mod prune;
mod text_width;

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

fn themed_renderer(theme: &str) -> Renderer {
    let config = serde_json::json!({
        "theme": theme,
        "layout": "dagre",
        "fontFamily": FONT_STACK,
    });
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

/// Builds the renderers now (on a rayon thread), so that the first diagram of a build
/// does not wait for them.
pub fn warm_up() {
    rayon::spawn(|| {
        LazyLock::force(&RENDERERS);
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
///
/// A sequence diagram's layout does not depend on the theme: merman's dark copy differs
/// from the light one only by its ids and its `<style>` element, which is the same for
/// every sequence diagram. So the dark copy is derived from the light one (half the work
/// of each run panel's diagram); `tests` checks it equals a real dark rendering.
pub fn render_generated(source: &str, id: &str, title: &str) -> (String, Option<MermaidError>) {
    let renderers = &*RENDERERS;
    let light_id = merman::svg::sanitize_svg_id(id);
    let dark_id = format!("{light_id}-dark");
    let light = match render_svg(&renderers.light, &renderers.measurement, source, &light_id) {
        Ok(light) => light,
        Err(err) => return (error_box(source, &err), Some(err)),
    };
    let dark = match dark_from_light(&light, &light_id, &dark_id) {
        Some(dark) => Ok(dark),
        None => render_svg(&renderers.dark, &renderers.measurement, source, &dark_id),
    };
    match dark {
        Ok(dark) => (wrap("gen-diagram", &light, &dark, title), None),
        Err(err) => (error_box(source, &err), Some(err)),
    }
}

/// Id standing for the diagram's id in [`DARK_SEQUENCE_STYLE`].
const STYLE_ID: &str = "gen-style-probe";

/// The dark theme's `<style>` element of sequence diagrams, for the id [`STYLE_ID`].
static DARK_SEQUENCE_STYLE: LazyLock<Option<String>> = LazyLock::new(|| {
    let r = &*RENDERERS;
    let probe = "sequenceDiagram\n    A->>B: x\n";
    let svg = render_svg(&r.dark, &r.measurement, probe, STYLE_ID).ok()?;
    style_element(&svg).map(str::to_owned)
});

fn style_element(svg: &str) -> Option<&str> {
    let start = svg.find("<style>")?;
    let end = start + svg[start..].find("</style>")? + "</style>".len();
    Some(&svg[start..end])
}

/// The dark copy of a light sequence diagram; `None` for other diagrams.
fn dark_from_light(light: &str, light_id: &str, dark_id: &str) -> Option<String> {
    if !light.contains("aria-roledescription=\"sequence\"") {
        return None;
    }
    let style = DARK_SEQUENCE_STYLE.as_deref()?.replace(STYLE_ID, dark_id);
    let old = style_element(light)?;
    Some(
        light
            .replacen(old, "\u{0}", 1)
            .replace(light_id, dark_id)
            .replacen('\u{0}', &style, 1),
    )
}

fn render(source: &str, id: &str, class: &str, title: &str) -> (String, Option<MermaidError>) {
    let renderers = &*RENDERERS;
    let light_id = merman::svg::sanitize_svg_id(id);
    let dark_id = format!("{light_id}-dark");
    // The two copies share nothing: draw them at once when a core is free.
    let (light, dark) = rayon::join(
        || render_svg(&renderers.light, &renderers.measurement, source, &light_id),
        || render_svg(&renderers.dark, &renderers.measurement, source, &dark_id),
    );
    match (light, dark) {
        (Ok(light), Ok(dark)) => (wrap(class, &light, &dark, title), None),
        (Err(err), _) | (_, Err(err)) => (error_box(source, &err), Some(err)),
    }
}

/// Both copies in their wrapper.
fn wrap(class: &str, light: &str, dark: &str, title: &str) -> String {
    let mut html = String::with_capacity(light.len() + dark.len() + 200);
    html.push_str("<div class=\"");
    html.push_str(class);
    html.push_str("\">");
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

/// Appends one themed copy, wrapped so CSS can show only the copy of the current mode, with
/// a `<title>` added right after the opening `<svg …>` tag when the diagram has none, and
/// a minimum width (see [`with_min_width`]).
fn push_variant(html: &mut String, class: &str, svg: &str, title: &str) {
    html.push_str("<div class=\"");
    html.push_str(class);
    html.push_str("\">");
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
    html.push_str("</div>");
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
    fn renders_light_and_dark_copies_with_distinct_ids() {
        let (html, err) = render_block(SEQ, "page-mmd-1");
        assert_eq!(err, None);
        assert!(html.starts_with("<div class=\"gen-diagram gen-mermaid\">"));
        assert_eq!(html.matches("<svg").count(), 2);
        assert!(html.contains("id=\"page-mmd-1\""));
        assert!(html.contains("id=\"page-mmd-1-dark\""));
        assert!(html.contains("<title>Sequence diagram</title>"));
        assert!(html.contains("内存堆"));
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
    fn a_derived_dark_copy_equals_a_dark_rendering() {
        let source = "sequenceDiagram\n    participant Var\n    participant Heap\n    Var->>Heap: alloc list#1 64 B\n    loop 3 more\n    Heap-->>Var: x\n    end\n    Note over Var,Heap: leaked at exit\n";
        let (derived, err) = render_generated(source, "run-3-seq", "t");
        assert_eq!(err, None);
        let (both, _) = render(source, "run-3-seq", "gen-diagram", "t");
        assert_eq!(derived, both);
        let (flow, _) = render_generated("flowchart TD\n    A --> B\n", "f", "t");
        assert_eq!(
            flow,
            render("flowchart TD\n    A --> B\n", "f", "gen-diagram", "t").0
        );
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
