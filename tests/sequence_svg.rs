//! The direct sequence-diagram writer against merman: every diagram it draws must be the
//! very SVG merman draws (light theme with the dark overlay). Sources are the generated
//! diagrams of the seed note's snippets and of a sample of the conformance corpus (run
//! through the simulators and the panel builder, as a build does), the seed's own
//! Mermaid fences, and hand-made edge cases of the subset.

use std::cell::RefCell;

use gen::mermaid;
use gen::views::{self, Panel, TraceMode};
use gen_trace::{Lang, RunOptions};

/// The Mermaid sources of the diagrams a panel of `code` draws.
fn panel_diagrams(lang: Lang, code: &str) -> Vec<String> {
    let options = RunOptions {
        trace: true,
        file_name: match lang {
            Lang::Python => "snippet.py".into(),
            Lang::Javascript => "snippet.js".into(),
        },
        ..RunOptions::default()
    };
    let outcome = match lang {
        Lang::Python => gen_pysim::run(code, &options),
        Lang::Javascript => gen_jssim::run(code, &options),
    };
    let sources = RefCell::new(Vec::new());
    views::render(
        &Panel {
            outcome: &outcome,
            source: code,
            mode: TraceMode::Full,
            id_prefix: "run-1",
        },
        &|source, _, _| {
            sources.borrow_mut().push(source.to_owned());
            String::new()
        },
    );
    sources.into_inner()
}

/// Compares both drawings of `source`; `true` when the direct writer drew it.
fn same_both_ways(source: &str, id: &str) -> bool {
    let (direct, merman) = mermaid::sequence_svg_both_ways(source, id);
    let Some(direct) = direct else {
        return false;
    };
    let merman = merman.unwrap_or_else(|| panic!("merman failed on a subset diagram:\n{source}"));
    if direct != merman {
        let at = direct
            .bytes()
            .zip(merman.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(direct.len().min(merman.len()));
        let from = at.saturating_sub(200);
        let context = |s: &str| {
            let mut start = from.min(s.len());
            while !s.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (at + 200).min(s.len());
            while !s.is_char_boundary(end) {
                end += 1;
            }
            s[start..end].to_owned()
        };
        panic!(
            "the direct SVG ({} bytes) differs from merman's ({} bytes) at byte {at} for\n{source}\n--- direct:\n{:?}\n--- merman:\n{:?}",
            direct.len(),
            merman.len(),
            context(&direct),
            context(&merman)
        );
    }
    true
}

/// The code of the seed note's fences with the info string `info` (some sit indented in
/// list items).
fn seed_fences(info: &str) -> Vec<String> {
    let note = std::fs::read_to_string("content/notes/python-js-memory.md").expect("the seed note");
    let mut fences = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for line in note.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match current.as_mut() {
            None if trimmed.trim_end() == format!("```{info}") => {
                current = Some((indent, String::new()));
            }
            Some((_, code)) if trimmed.trim_end() == "```" => {
                fences.push(std::mem::take(code));
                current = None;
            }
            Some((indent, code)) => {
                code.push_str(line.get(*indent..).unwrap_or(trimmed));
                code.push('\n');
            }
            None => {}
        }
    }
    fences
}

#[test]
fn the_seed_notes_diagrams_are_drawn_as_merman_draws_them() {
    let mut snippets = 0;
    let mut direct = 0;
    for (info, lang) in [("python", Lang::Python), ("javascript", Lang::Javascript)] {
        for code in seed_fences(info) {
            snippets += 1;
            for (i, source) in panel_diagrams(lang, &code).iter().enumerate() {
                if same_both_ways(source, &format!("run-{snippets}-{i}-seq")) {
                    direct += 1;
                }
            }
        }
    }
    let fences = seed_fences("mermaid");
    for (i, source) in fences.iter().enumerate() {
        assert!(
            same_both_ways(source, &format!("mermaid-{i}")),
            "the seed's fence {i} is drawn directly"
        );
    }
    assert_eq!(fences.len(), 2);
    assert_eq!(snippets, 16);
    assert!(
        direct >= 14,
        "only {direct} of the 16 seed snippets' diagrams drawn directly"
    );
}

#[test]
fn sampled_conformance_diagrams_are_drawn_as_merman_draws_them() {
    let mut compared = 0;
    let mut direct = 0;
    for (dir, lang, ext) in [
        ("python", Lang::Python, "py"),
        ("js", Lang::Javascript, "js"),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(format!("tests/conformance/{dir}"))
            .expect("the corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        files.sort();
        for path in files.iter().step_by(5) {
            let code = std::fs::read_to_string(path).expect("a snippet");
            for source in panel_diagrams(lang, &code) {
                compared += 1;
                if same_both_ways(&source, "run-7-seq") {
                    direct += 1;
                }
            }
        }
    }
    assert!(compared >= 150, "{compared} diagrams compared");
    assert!(
        direct * 10 >= compared * 9,
        "only {direct} of {compared} diagrams drawn directly"
    );
}

#[test]
fn edge_cases_of_the_subset_are_drawn_as_merman_draws_them() {
    let long_label = "a label long enough to wrap onto further lines<br/>of text, with more words<br/>and a third line";
    let mut many = String::from(
        "sequenceDiagram\n    participant Var\n    participant Heap\n    participant GC\n",
    );
    for i in 0..45 {
        many.push_str(&format!("    Var->>Heap: message {i} #35;{i} #lt;x#gt;\n"));
        if i % 7 == 0 {
            many.push_str("    GC-->>Var: back\n");
        }
    }
    let cases = [
        "sequenceDiagram\n    participant Var\n    participant 变量\n".to_owned(),
        "sequenceDiagram\n    participant A\n    participant B\n    A->>B: 分配内存（如 a = [1,2]）\n    Note over A,B: 创建对象 — 内存堆\n".to_owned(),
        format!("sequenceDiagram\n    participant Var\n    participant Heap\n    participant RC\n    Var->>RC: {long_label}\n    Note over Var,RC: {long_label}\n    RC-->>Heap: short\n"),
        "sequenceDiagram\n    participant Var\n    participant Heap\n    Var->>Heap: #35;1 #59; #lt;b#gt; #amp; #37; #123;x#125; ]]#gt;\n".to_owned(),
        "sequenceDiagram\n    participant A\n    participant B\n    participant C\n    participant D\n    Note over A,D: nothing ran\n".to_owned(),
        "sequenceDiagram\n    participant Var\n    participant Stack\n    participant Heap\n    participant GC\n    Heap-->>Var: weak ref cleared: WeakRef#35;3 → Object#35;2\n    GC->>Heap: scavenge (young generation)\n    Stack->>Heap: temp → Array#35;1\n    Heap->>Heap: x\n".to_owned(),
        "sequenceDiagram\n    participant Var\n    participant Heap\n    Note over Heap,Var: reversed note with a label wider than the gap between them\n    Heap->>Var: right to left with a long label, longer than one box\n".to_owned(),
        "sequenceDiagram\n    participant Var\n    participant Heap\n    Heap->>Heap: a self message on the last actor whose label is wider than its box\n    Var->>Var: x\n".to_owned(),
        "sequenceDiagram\n    participant Var as 变量\n    participant Heap as 内存堆 #lt;x#gt;\n    Var->>Heap: {x:1}\n    Heap-->>Heap: 记录引用关系\n".to_owned(),
        "sequenceDiagram\n    participant Var\n    participant Stack\n    participant Heap\n    participant GC\n    loop 3 more iterations (steps 1–9)\n    Var->>Heap: 3 allocs (192 B), 3 frees\n    end\n    Var->>Stack: line 2: x = 1#59;\n    loop 40 more iterations (steps 10–200), a longer label that wraps\n    Heap-->>Var: weak ref cleared\n    Heap->>Heap: self in a loop\n    Note over Var,GC: a note in a loop\n    end\n".to_owned(),
        "sequenceDiagram\n    participant Var\n    participant Stack\n    participant Heap\n    participant GC\n    loop x<br/>y\n    GC->>Var: right to left across the diagram\n    end\n".to_owned(),
        many,
    ];
    // A non-ASCII participant name is outside the subset: merman draws it.
    let falls_back = [0];
    for (i, source) in cases.iter().enumerate() {
        assert_eq!(
            same_both_ways(source, &format!("edge-{i}")),
            !falls_back.contains(&i),
            "edge case {i} should be {}:\n{source}",
            if falls_back.contains(&i) {
                "left to merman"
            } else {
                "drawn directly"
            }
        );
    }
}
