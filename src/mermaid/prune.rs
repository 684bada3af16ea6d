//! Drops unused `<defs>` from a rendered diagram: merman, like mermaid.js, emits every
//! symbol and marker a diagram family might use (a 13 KB database icon in each sequence
//! diagram, for one), and a page with many diagrams carries each of them twice (light and
//! dark). A `<defs>` block goes only when every id it defines is referenced nowhere else.

/// `svg` without the `<defs>…</defs>` blocks whose ids are never referenced.
pub fn prune_unused_defs(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<defs>") {
        let Some(len) = rest[start..].find("</defs>") else {
            break;
        };
        let end = start + len + "</defs>".len();
        let block = &rest[start..end];
        out.push_str(&rest[..start]);
        if !is_unused(block, svg) {
            out.push_str(block);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether a block defines ids and none of them is referenced as `#id` in the document.
fn is_unused(block: &str, svg: &str) -> bool {
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
    ids.all(|id| {
        let needle = format!("#{id}");
        !svg.match_indices(&needle).any(|(i, _)| {
            let after = svg[i + needle.len()..].chars().next();
            // `#x-arrow` must not count as a use of `#x-arrowhead`.
            !matches!(after, Some(c) if c.is_alphanumeric() || c == '-' || c == '_')
        })
    })
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
    fn leaves_blocks_without_ids_and_unterminated_markup_alone() {
        let svg = "<svg><defs><style>x</style></defs><defs><g id=\"a\">";
        assert_eq!(prune_unused_defs(svg), svg);
    }
}
