//! Drops unused `<defs>` from a rendered diagram: merman, like mermaid.js, emits every
//! symbol and marker a diagram family might use (a 13 KB database icon in each sequence
//! diagram, for one), and a page with many diagrams carries each of them twice (light and
//! dark). A `<defs>` block goes only when every id it defines is referenced nowhere else.

use std::collections::HashSet;

/// `svg` without the `<defs>…</defs>` blocks whose ids are never referenced.
pub fn prune_unused_defs(svg: &str) -> String {
    let references = References::of(svg);
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<defs>") {
        let Some(len) = rest[start..].find("</defs>") else {
            break;
        };
        let end = start + len + "</defs>".len();
        let block = &rest[start..end];
        out.push_str(&rest[..start]);
        if !is_unused(block, svg, &references) {
            out.push_str(block);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether a character continues an id in a `#id` reference: `#x-arrow` must not count
/// as a use of `#x-arrowhead`, nor the reverse.
fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Every `#name` in a document, `name` being the longest run of id characters after the
/// `#`: one pass over the document instead of one search per defined id.
struct References<'a>(HashSet<&'a str>);

impl<'a> References<'a> {
    fn of(svg: &'a str) -> Self {
        let mut names = HashSet::new();
        for (i, _) in svg.match_indices('#') {
            let rest = &svg[i + 1..];
            let len = rest.find(|c: char| !is_id_char(c)).unwrap_or(rest.len());
            names.insert(&rest[..len]);
        }
        References(names)
    }

    /// Whether `#id` occurs in the document, not followed by an id character.
    fn contains(&self, id: &str, svg: &str) -> bool {
        if id.chars().all(is_id_char) {
            return self.0.contains(id);
        }
        let needle = format!("#{id}");
        svg.match_indices(&needle).any(|(i, _)| {
            let after = svg[i + needle.len()..].chars().next();
            !matches!(after, Some(c) if is_id_char(c))
        })
    }
}

/// Whether a block defines ids and none of them is referenced as `#id` in the document.
fn is_unused(block: &str, svg: &str, references: &References<'_>) -> bool {
    if block[1..].contains("<defs") {
        return false;
    }
    let mut ids = block
        .split("id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .peekable();
    if ids.peek().is_none() {
        return false;
    }
    ids.all(|id| !references.contains(id, svg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_referenced_defs_and_drops_the_rest() {
        let svg =
            "<svg><defs><marker id=\"d-arrowhead\"/></defs><defs><symbol id=\"d-arrow\"/></defs>\
                   <defs><filter id=\"d-shadow\"/></defs><path marker-end=\"url(#d-arrowhead)\"/>\
                   <rect filter=\"url(#d-shadow)\"/></svg>";
        let pruned = prune_unused_defs(svg);
        assert!(pruned.contains("d-arrowhead\"/></defs>"));
        assert!(pruned.contains("<filter id=\"d-shadow\""));
        assert!(!pruned.contains("<symbol id=\"d-arrow\""));
    }

    #[test]
    fn a_longer_or_odd_id_is_not_a_use() {
        let svg = "<svg><defs><marker id=\"x-arrow\"/></defs><defs><g id=\"a.b\"/></defs>\
                   <defs><g id=\"c.d\"/></defs><path d=\"url(#x-arrowhead) url(#a.b)\"/></svg>";
        let pruned = prune_unused_defs(svg);
        assert!(!pruned.contains("x-arrow\""), "{pruned}");
        assert!(pruned.contains("id=\"a.b\""));
        assert!(!pruned.contains("id=\"c.d\""));
    }

    #[test]
    fn leaves_blocks_without_ids_and_unterminated_markup_alone() {
        let svg = "<svg><defs><style>x</style></defs><defs><g id=\"a\">";
        assert_eq!(prune_unused_defs(svg), svg);
    }
}
