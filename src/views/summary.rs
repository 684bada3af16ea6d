//! The panel's summary line (allocations, frees, peak bytes, GC runs) and, when objects
//! were still reachable at exit, what leaked and through which root path.

use gen_trace::Summary;

use super::html::{bytes, push_escaped};
use super::names::Names;

/// Appends `p.gen-summary` (and `div.gen-leaks` when something was retained) to `out`.
pub fn render(summary: &Summary, names: &Names, out: &mut String) {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let line = [
        plural(summary.allocations, "allocation", "allocations"),
        plural(summary.frees, "free", "frees"),
        format!("peak {}", bytes(summary.peak_bytes)),
        plural(summary.gc_runs, "GC run", "GC runs"),
    ]
    .join(" · ");
    out.push_str("<p class=\"gen-summary\">");
    push_escaped(out, &line);
    out.push_str("</p>");
    if summary.retained.is_empty() {
        return;
    }
    out.push_str("<div class=\"gen-leaks\"><p>Still reachable at exit:</p><ul>");
    for retained in &summary.retained {
        // An object the trace never drew (a page's DOM node) goes by its type.
        out.push_str("<li><code>");
        match names.get(retained.obj) {
            Some(name) => {
                push_escaped(out, &name);
                out.push_str("</code> ");
                push_escaped(
                    out,
                    &format!("({}, {})", retained.type_name, bytes(retained.size)),
                );
            }
            None => {
                push_escaped(out, &retained.type_name);
                out.push_str("</code> ");
                push_escaped(out, &format!("({})", bytes(retained.size)));
            }
        }
        if !retained.path.is_empty() {
            out.push_str(" via ");
            push_escaped(out, &retained.path.join(" → "));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use gen_trace::{Retained, Trace};

    #[test]
    fn totals_and_leak_paths() {
        let summary = Summary {
            allocations: 3,
            frees: 1,
            peak_bytes: 264,
            gc_runs: 1,
            retained: vec![Retained {
                obj: 4,
                type_name: "Object".into(),
                size: 56,
                path: vec!["timer #1".into(), "callback".into(), "<closure>".into()],
            }],
        };
        let mut out = String::new();
        render(&summary, &Names::from_trace(&Trace::default()), &mut out);
        assert!(out.contains("3 allocations · 1 free · peak 264 B · 1 GC run"));
        assert!(out.contains("via timer #1 → callback → &lt;closure&gt;"));
    }
}
