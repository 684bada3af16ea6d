//! Inline styles as jsdom's CSSStyleDeclaration keeps them: the `style` attribute
//! parsed into declarations, serialized back as `name: value;` pairs, property names
//! in both spellings (`backgroundColor` / `background-color`), hex colors normalized
//! to `rgb()`, and the default `display` that `getComputedStyle` reports.

/// One declaration: (property, value, important).
pub type Decl = (String, String, bool);

/// Parses a declaration block (`color: red; margin: 0 !important`).
pub fn parse(text: &str) -> Vec<Decl> {
    let mut out: Vec<Decl> = Vec::new();
    for part in split_top(text) {
        let Some((k, v)) = part.split_once(':') else {
            continue;
        };
        let k = k.trim().to_ascii_lowercase();
        let mut v = v.trim().to_string();
        let mut important = false;
        if let Some(i) = v.to_ascii_lowercase().rfind("!important") {
            important = true;
            v = v[..i].trim().to_string();
        }
        if k.is_empty() || v.is_empty() {
            continue;
        }
        let Some(v) = normalize(&k, &v) else { continue };
        set(&mut out, &k, v, important);
    }
    out
}

/// Splits on `;` outside parentheses and quotes.
fn split_top(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ';') if depth <= 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// Sets or replaces a declaration in place.
pub fn set(decls: &mut Vec<Decl>, name: &str, value: String, important: bool) {
    match decls.iter_mut().find(|d| d.0 == name) {
        Some(d) => {
            d.1 = value;
            d.2 = important;
        }
        None => decls.push((name.to_string(), value, important)),
    }
}

/// `cssText`: `a: b; c: d !important;`.
pub fn serialize(decls: &[Decl]) -> String {
    decls
        .iter()
        .map(|(k, v, imp)| {
            if *imp {
                format!("{k}: {v} !important;")
            } else {
                format!("{k}: {v};")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value as cssstyle stores it: trimmed, hex colors as `rgb()`; `None` when the
/// value is rejected (a bare number for a length property).
pub fn normalize(prop: &str, value: &str) -> Option<String> {
    let v = value.trim();
    if is_color_prop(prop) {
        if let Some(rgb) = hex_to_rgb(v) {
            return Some(rgb);
        }
        return Some(v.to_string());
    }
    if is_length_prop(prop) && v.parse::<f64>().is_ok_and(|n| n != 0.0) {
        return None;
    }
    Some(v.to_string())
}

fn is_color_prop(p: &str) -> bool {
    p == "color" || p.ends_with("-color") || p == "background" || p == "fill" || p == "stroke"
}

fn is_length_prop(p: &str) -> bool {
    matches!(
        p,
        "width"
            | "height"
            | "min-width"
            | "max-width"
            | "min-height"
            | "max-height"
            | "top"
            | "left"
            | "right"
            | "bottom"
            | "font-size"
            | "margin-top"
            | "margin-left"
            | "margin-right"
            | "margin-bottom"
            | "padding-top"
            | "padding-left"
            | "padding-right"
            | "padding-bottom"
    )
}

fn hex_to_rgb(v: &str) -> Option<String> {
    let h = v.strip_prefix('#')?;
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digits: Vec<u8> = match h.len() {
        3 | 4 => h
            .chars()
            .map(|c| {
                let d = c.to_digit(16).unwrap_or(0) as u8;
                d * 17
            })
            .collect(),
        6 | 8 => (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap_or(0))
            .collect(),
        _ => return None,
    };
    Some(match digits.len() {
        3 => format!("rgb({}, {}, {})", digits[0], digits[1], digits[2]),
        _ => {
            let a = digits[3] as f64 / 255.0;
            let a = (a * 1000.0).round() / 1000.0;
            format!("rgba({}, {}, {}, {})", digits[0], digits[1], digits[2], a)
        }
    })
}

/// `backgroundColor` → `background-color`, `cssFloat` → `float`,
/// `webkitTransform` → `-webkit-transform`; `None` for names that are not CSS
/// properties.
pub fn property_name(key: &str) -> Option<String> {
    if key.contains('-') {
        let k = key.to_ascii_lowercase();
        return is_property(&k).then_some(k);
    }
    if key == "cssFloat" {
        return Some("float".into());
    }
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            if i == 0 && c.is_ascii_uppercase() {
                out.push('-');
            }
            out.push(c);
        }
    }
    for prefix in ["webkit-", "moz-", "ms-"] {
        if out.starts_with(prefix) {
            out.insert(0, '-');
        }
    }
    is_property(&out).then_some(out)
}

fn is_property(name: &str) -> bool {
    let n = name
        .strip_prefix("-webkit-")
        .or_else(|| name.strip_prefix("-moz-"))
        .unwrap_or(name);
    PROPERTIES.binary_search(&n).is_ok()
}

/// The CSS properties a CSSStyleDeclaration exposes (sorted).
const PROPERTIES: &[&str] = &[
    "align-content",
    "align-items",
    "align-self",
    "animation",
    "animation-delay",
    "animation-direction",
    "animation-duration",
    "animation-fill-mode",
    "animation-iteration-count",
    "animation-name",
    "animation-timing-function",
    "appearance",
    "aspect-ratio",
    "backface-visibility",
    "background",
    "background-attachment",
    "background-clip",
    "background-color",
    "background-image",
    "background-position",
    "background-repeat",
    "background-size",
    "border",
    "border-bottom",
    "border-bottom-color",
    "border-bottom-left-radius",
    "border-bottom-right-radius",
    "border-bottom-style",
    "border-bottom-width",
    "border-collapse",
    "border-color",
    "border-left",
    "border-left-color",
    "border-left-style",
    "border-left-width",
    "border-radius",
    "border-right",
    "border-right-color",
    "border-right-style",
    "border-right-width",
    "border-spacing",
    "border-style",
    "border-top",
    "border-top-color",
    "border-top-left-radius",
    "border-top-right-radius",
    "border-top-style",
    "border-top-width",
    "border-width",
    "bottom",
    "box-shadow",
    "box-sizing",
    "caret-color",
    "clear",
    "clip",
    "clip-path",
    "color",
    "column-gap",
    "columns",
    "content",
    "cursor",
    "direction",
    "display",
    "fill",
    "filter",
    "flex",
    "flex-basis",
    "flex-direction",
    "flex-flow",
    "flex-grow",
    "flex-shrink",
    "flex-wrap",
    "float",
    "font",
    "font-family",
    "font-size",
    "font-style",
    "font-variant",
    "font-weight",
    "gap",
    "grid",
    "grid-area",
    "grid-column",
    "grid-row",
    "grid-template-areas",
    "grid-template-columns",
    "grid-template-rows",
    "height",
    "inset",
    "justify-content",
    "justify-items",
    "justify-self",
    "left",
    "letter-spacing",
    "line-height",
    "list-style",
    "list-style-type",
    "margin",
    "margin-bottom",
    "margin-left",
    "margin-right",
    "margin-top",
    "max-height",
    "max-width",
    "min-height",
    "min-width",
    "mix-blend-mode",
    "object-fit",
    "opacity",
    "order",
    "outline",
    "outline-color",
    "outline-offset",
    "outline-style",
    "outline-width",
    "overflow",
    "overflow-wrap",
    "overflow-x",
    "overflow-y",
    "padding",
    "padding-bottom",
    "padding-left",
    "padding-right",
    "padding-top",
    "perspective",
    "pointer-events",
    "position",
    "resize",
    "right",
    "row-gap",
    "scroll-behavior",
    "stroke",
    "table-layout",
    "text-align",
    "text-decoration",
    "text-indent",
    "text-overflow",
    "text-shadow",
    "text-transform",
    "top",
    "transform",
    "transform-origin",
    "transition",
    "transition-delay",
    "transition-duration",
    "transition-property",
    "transition-timing-function",
    "user-select",
    "vertical-align",
    "visibility",
    "white-space",
    "width",
    "will-change",
    "word-break",
    "word-spacing",
    "word-wrap",
    "z-index",
];

/// The `display` of an element with no style sheet, as jsdom computes it.
pub fn default_display(local: &str) -> &'static str {
    match local {
        "head" | "script" | "style" | "title" | "meta" | "link" | "template" | "base"
        | "noscript" => "none",
        "li" => "list-item",
        "table" => "table",
        "thead" => "table-header-group",
        "tbody" => "table-row-group",
        "tfoot" => "table-footer-group",
        "tr" => "table-row",
        "td" | "th" => "table-cell",
        "caption" => "table-caption",
        "col" => "table-column",
        "colgroup" => "table-column-group",
        "button" | "input" | "select" | "textarea" | "img" | "canvas" | "video" | "meter"
        | "progress" => "inline-block",
        "html" | "body" | "div" | "p" | "section" | "article" | "header" | "footer" | "nav"
        | "main" | "aside" | "ul" | "ol" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "pre" | "blockquote" | "dl" | "dt" | "dd" | "figure" | "figcaption" | "fieldset"
        | "hr" | "address" | "details" | "summary" | "legend" | "menu" => "block",
        _ => "inline",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_are_sorted() {
        assert!(PROPERTIES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_and_colors() {
        assert_eq!(
            property_name("backgroundColor").as_deref(),
            Some("background-color")
        );
        assert_eq!(
            property_name("webkitTransform").as_deref(),
            Some("-webkit-transform")
        );
        assert_eq!(property_name("bogus"), None);
        assert_eq!(
            normalize("color", "#00ff00").as_deref(),
            Some("rgb(0, 255, 0)")
        );
        assert_eq!(
            serialize(&parse("width: 100px; height: 50%")),
            "width: 100px; height: 50%;"
        );
    }
}
