//! Dark mode for a diagram drawn once: the dark theme's CSS rules, scoped to the page's
//! dark mode, appended to the light rendering's `<style>`.
//!
//! merman's light and dark renderings of a sequence diagram differ only in their `<style>`
//! element: the same rules, selector for selector, with other colours. So instead of a
//! second SVG, [`overlay`] takes the dark rules that matter and prefixes them with the
//! page's dark-mode selectors (`:root.dark`, and `:root:not(.light)` under
//! `prefers-color-scheme: dark`, as `panels.css` does). The prefix raises each rule's
//! specificity above its light counterpart, so in dark mode every property the overlay
//! sets takes its dark value.
//!
//! Only rules whose text differs are carried over, plus, so the cascade among them stays
//! the dark rendering's, every rule that sets a property of the same family (`stroke`,
//! `stroke-width`, … alike) as one carried over, until no new family appears. When the
//! two styles do not line up rule for rule, there is no overlay and the caller draws a
//! second copy.

/// One top-level item of a style sheet: a rule or an at-rule (`@keyframes …{…}`).
struct Item<'a> {
    /// The text before `{`.
    prelude: &'a str,
    /// The text between the outer braces.
    body: &'a str,
}

/// The CSS to append to the light `<style>` so that it shows the dark theme in dark mode;
/// `None` when `light` and `dark` are not the same rules with other values.
pub fn overlay(light: &str, dark: &str) -> Option<String> {
    let light = items(light)?;
    let dark = items(dark)?;
    if light.len() != dark.len() {
        return None;
    }
    let mut carried = vec![false; dark.len()];
    let mut families: Vec<&str> = Vec::new();
    for (i, (l, d)) in light.iter().zip(&dark).enumerate() {
        if l.prelude != d.prelude {
            return None;
        }
        if l.prelude.starts_with('@') {
            if l.body != d.body {
                return None;
            }
            continue;
        }
        let names = property_names(d.body);
        if names != property_names(l.body) {
            return None;
        }
        if l.body != d.body {
            carried[i] = true;
            add_families(&mut families, &names);
        }
    }
    loop {
        let mut grew = false;
        for (i, d) in dark.iter().enumerate() {
            if carried[i] || d.prelude.starts_with('@') {
                continue;
            }
            let names = property_names(d.body);
            if names.iter().any(|n| families.contains(&family(n))) {
                carried[i] = true;
                add_families(&mut families, &names);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    let rules: Vec<&Item<'_>> = dark
        .iter()
        .zip(&carried)
        .filter(|(_, c)| **c)
        .map(|(d, _)| d)
        .collect();
    let mut css = String::new();
    push_scoped(&mut css, &rules, ":root.dark ");
    css.push_str("@media (prefers-color-scheme: dark){");
    push_scoped(&mut css, &rules, ":root:not(.light) ");
    css.push('}');
    Some(css)
}

fn push_scoped(css: &mut String, rules: &[&Item<'_>], scope: &str) {
    for rule in rules {
        for (i, selector) in split_top_level(rule.prelude, ',').into_iter().enumerate() {
            if i > 0 {
                css.push(',');
            }
            css.push_str(scope);
            css.push_str(selector.trim());
        }
        css.push('{');
        css.push_str(rule.body);
        css.push('}');
    }
}

fn add_families<'a>(families: &mut Vec<&'a str>, names: &[&'a str]) {
    for name in names {
        let f = family(name);
        if !families.contains(&f) {
            families.push(f);
        }
    }
}

/// `stroke` for `stroke-width`: properties a shorthand could set together.
fn family(property: &str) -> &str {
    property.split('-').next().unwrap_or(property)
}

/// The property names of a declaration block, in order.
fn property_names(body: &str) -> Vec<&str> {
    split_top_level(body, ';')
        .into_iter()
        .filter_map(|decl| decl.split_once(':').map(|(name, _)| name.trim()))
        .filter(|name| !name.is_empty())
        .collect()
}

/// `text` cut at each `sep` outside brackets, parentheses and quotes.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth = depth.saturating_sub(1),
            (None, c) if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The top-level items of a style sheet; `None` when its braces or quotes do not balance.
fn items(css: &str) -> Option<Vec<Item<'_>>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut open = 0;
    for (i, c) in css.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            (None, '}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    out.push(Item {
                        prelude: css[start..open].trim(),
                        body: &css[open + 1..i],
                    });
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    (depth == 0 && quote.is_none() && css[start..].trim().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_changed_rules_and_those_sharing_their_properties() {
        let light = "#d{fill:#333;}@keyframes k{to{x:0;}}#d .a,#d [id=\"d,x\"] p{stroke:#999;}\
                     #d .b{stroke-width:1px;}#d .c{margin:0;}";
        let dark = "#d{fill:#ccc;}@keyframes k{to{x:0;}}#d .a,#d [id=\"d,x\"] p{stroke:#999;}\
                    #d .b{stroke-width:1px;}#d .c{margin:0;}";
        assert_eq!(
            overlay(light, dark).as_deref(),
            Some(
                ":root.dark #d{fill:#ccc;}@media (prefers-color-scheme: dark){:root:not(.light) #d{fill:#ccc;}}"
            )
        );
        let dark = dark.replace("stroke:#999", "stroke:#eee");
        let css = overlay(light, &dark).expect("an overlay");
        assert!(css.contains(":root.dark #d .a,:root.dark #d [id=\"d,x\"] p{stroke:#eee;}"));
        assert!(
            css.contains(":root.dark #d .b{stroke-width:1px;}"),
            "same family: {css}"
        );
        assert!(!css.contains(".c{"), "{css}");
    }

    #[test]
    fn styles_that_do_not_line_up_have_no_overlay() {
        assert_eq!(overlay("#d{fill:#333;}", "#d{fill:#ccc;stroke:red;}"), None);
        assert_eq!(overlay("#d{fill:#333;}", "#e{fill:#ccc;}"), None);
        assert_eq!(overlay("#d{fill:#333;}#d .x{}", "#d{fill:#ccc;}"), None);
        assert_eq!(
            overlay("@keyframes k{to{x:0;}}", "@keyframes k{to{x:1;}}"),
            None
        );
        assert_eq!(overlay("#d{fill:#333;", "#d{fill:#333;"), None);
    }
}
