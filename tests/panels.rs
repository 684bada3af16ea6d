//! Run panels drawn from hand-constructed outcomes (inputs to the renderer, not expected
//! simulator outputs): the page contract, escaping, empty and error states, trace modes,
//! loop collapsing, the diagram cap, and the executor's cache.

use std::collections::BTreeMap;

use gen::exec::{ExecRequest, Executor};
use gen::mermaid;
use gen::views::{self, Panel, TraceMode};
use gen_trace::{
    Event, EventKind, Frame, HeapObject, Holder, Lang, Outcome, Pos, Retained, Snapshot, Space,
    Status, Step, Summary, Trace, Value,
};

fn render(outcome: &Outcome, source: &str, mode: TraceMode) -> String {
    views::render(
        &Panel {
            outcome,
            source,
            mode,
            id_prefix: "run-1",
        },
        &|src, id, title| mermaid::render_generated(src, id, title).0,
    )
}

/// The contract `check-seed-page.py` checks for ok/error panels.
fn assert_full_panel(html: &str, lang: &str, status: &str) {
    let open = format!("<div class=\"gen-run\" data-lang=\"{lang}\" data-status=\"{status}\">");
    assert!(html.starts_with(&open), "{}", &html[..html.len().min(200)]);
    assert!(html.contains("class=\"gen-output\""));
    assert!(html.contains("<table class=\"gen-trace\">"));
    assert!(html.contains("<thead><tr><th scope=\"col\">Step</th>"));
    let heap = &html[html.find("<div class=\"gen-heap\">").expect("gen-heap")..];
    assert!(heap.contains("<svg"));
    let seq = &html[html.find("<div class=\"gen-seq\">").expect("gen-seq")..];
    assert!(
        seq.contains("<div class=\"gen-diagram\">")
            && seq.contains("<svg")
            && !seq.contains("gen-mermaid"),
        "{seq}"
    );
    assert!(html.ends_with("</div>"));
}

fn ev(step: u32, line: u32, kind: EventKind) -> Event {
    Event { step, line, kind }
}

fn var(name: &str) -> Holder {
    Holder::Var {
        frame: "<module>".into(),
        name: name.into(),
    }
}

fn step(step: u32, line: u32, source: &str) -> Step {
    Step {
        step,
        line,
        source: source.into(),
    }
}

fn list(refcount: u64, freed: bool) -> HeapObject {
    HeapObject {
        id: 1,
        type_name: "list".into(),
        label: "[1, 2, 3]".into(),
        size: 88,
        refcount: Some(refcount),
        space: None,
        age: None,
        fields: vec![],
        freed,
    }
}

/// `a = [1,2,3]; b = a; del b` as a simulator would report it.
fn python_refcount_outcome() -> Outcome {
    let snap = |step, line, vars: Vec<(&str, Value)>, rc| Snapshot {
        step,
        line,
        frames: vec![Frame {
            name: "<module>".into(),
            vars: vars.into_iter().map(|(n, v)| (n.to_owned(), v)).collect(),
        }],
        heap: vec![list(rc, false)],
        stdout: String::new(),
    };
    Outcome {
        lang: Lang::Python,
        stdout: String::new(),
        stderr: String::new(),
        status: Status::Ok,
        trace: Trace {
            steps: vec![
                step(1, 1, "a = [1,2,3]"),
                step(2, 2, "b = a"),
                step(3, 3, "del b"),
            ],
            events: vec![
                ev(
                    1,
                    1,
                    EventKind::Alloc {
                        obj: 1,
                        type_name: "list".into(),
                        size: 88,
                        space: None,
                    },
                ),
                ev(
                    1,
                    1,
                    EventKind::RefGained {
                        obj: 1,
                        holder: var("a"),
                        count: Some(1),
                    },
                ),
                ev(
                    2,
                    2,
                    EventKind::RefGained {
                        obj: 1,
                        holder: var("b"),
                        count: Some(2),
                    },
                ),
                ev(
                    3,
                    3,
                    EventKind::RefLost {
                        obj: 1,
                        holder: var("b"),
                        count: Some(1),
                    },
                ),
            ],
            snapshots: vec![
                snap(1, 1, vec![("a", Value::Ref(1))], 1),
                snap(2, 2, vec![("a", Value::Ref(1)), ("b", Value::Ref(1))], 2),
                snap(3, 3, vec![("a", Value::Ref(1))], 1),
            ],
            summary: Summary {
                allocations: 1,
                frees: 0,
                peak_bytes: 88,
                gc_runs: 0,
                retained: vec![],
            },
            elided_steps: 0,
            total_steps: 0,
        },
    }
}

#[test]
fn python_panel_meets_the_contract_with_refcounts_and_a_stepper() {
    let html = render(
        &python_refcount_outcome(),
        "a = [1,2,3]\nb = a\ndel b\n",
        TraceMode::Full,
    );
    assert_full_panel(&html, "python", "ok");
    assert!(html.contains("<td>alloc list#1 88 B, held by a (refcount 1)</td>"));
    assert!(html.contains("list#1 refcount 1→2 (b)"));
    assert!(html.contains("list#1 refcount 2→1 (b dropped)"));
    assert!(html.contains("1 allocation · 0 frees · peak 88 B · 0 GC runs"));
    // Three key steps, the final one checked so it shows without JavaScript.
    assert_eq!(html.matches("class=\"gen-step-input\"").count(), 3);
    assert!(html.contains("id=\"run-1-s2\" checked>"));
    assert!(html.contains("<figcaption>Final state, after line 3 (step 3): del b</figcaption>"));
    assert!(html.contains("<tspan class=\"gen-h-badge\">rc 2</tspan>"));
    // The generated diagram uses the Python participants and is titled.
    assert!(html.contains(">RC<") && html.contains(">GC<"));
    assert!(html
        .contains("<title>Sequence diagram of the memory events of this python snippet</title>"));
}

#[test]
fn hostile_output_and_names_are_escaped_everywhere() {
    let mut outcome = python_refcount_outcome();
    let evil = "</div><script>alert(1)</script>";
    outcome.stdout = format!("{evil}\n");
    outcome.stderr = evil.into();
    outcome.trace.steps[0].source = evil.into();
    outcome.trace.snapshots[2].frames[0]
        .vars
        .push(("s".into(), Value::Prim(evil.into())));
    outcome
        .trace
        .events
        .push(ev(3, 3, EventKind::Note { text: evil.into() }));
    outcome.trace.events.push(ev(
        3,
        3,
        EventKind::Alloc {
            obj: 2,
            type_name: evil.into(),
            size: 1,
            space: None,
        },
    ));
    let html = render(&outcome, evil, TraceMode::Full);
    assert!(!html.contains("<script"), "unescaped script tag");
    assert!(!html.contains("</div><script"));
    assert!(html.contains("&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_full_panel(&html, "python", "ok");
}

#[test]
fn syntax_error_with_an_empty_trace_still_has_every_part() {
    let outcome = Outcome {
        lang: Lang::Javascript,
        stdout: String::new(),
        stderr: "snippet.js:3\nxhr.open('GET', '\n                ^^^^^^^^\n\nSyntaxError: Invalid or unexpected token\n".into(),
        status: Status::Error {
            message: "SyntaxError: Invalid or unexpected token".into(),
            pos: Some(Pos { line: 3, col: 17 }),
        },
        trace: Trace::default(),
    };
    let html = render(
        &outcome,
        "const xhr = 1;\n\nxhr.open('GET', '\n",
        TraceMode::Full,
    );
    assert_full_panel(&html, "javascript", "error");
    assert!(html.contains("SyntaxError: Invalid or unexpected token"));
    assert!(html.contains("The program failed to parse, nothing ran"));
    assert!(html.contains("Heap: empty, the program failed to parse"));
    assert!(html.contains(">Stack<"), "JavaScript participants");
}

#[test]
fn runtime_error_ends_the_table_and_the_heap_shows_the_error_point() {
    let mut outcome = python_refcount_outcome();
    outcome.status = Status::Error {
        message: "NameError: name 'b' is not defined".into(),
        pos: Some(Pos { line: 3, col: 1 }),
    };
    let html = render(&outcome, "", TraceMode::Full);
    assert_full_panel(&html, "python", "error");
    assert!(html.contains("✗ NameError: name &#39;b&#39; is not defined at line 3, column 1"));
    assert!(html.contains("<figcaption>Heap at the error, after line 3 (step 3)"));
}

#[test]
fn unsupported_panels_show_the_feature_and_position() {
    let outcome = Outcome {
        lang: Lang::Python,
        stdout: "partial\n".into(),
        stderr: String::new(),
        status: Status::Unsupported {
            feature: "async generators".into(),
            pos: Pos { line: 4, col: 9 },
        },
        trace: Trace::default(),
    };
    let html = render(&outcome, "", TraceMode::Full);
    assert!(html
        .starts_with("<div class=\"gen-run\" data-lang=\"python\" data-status=\"unsupported\">"));
    assert!(html.contains("unsupported: async generators at 4:9"));
    assert!(html.contains("partial"));
    assert!(!html.contains("gen-trace"));
}

#[test]
fn trace_modes_off_and_summary() {
    let outcome = python_refcount_outcome();
    let off = render(&outcome, "", TraceMode::Off);
    assert!(off.contains("gen-output") && !off.contains("gen-summary") && !off.contains("<svg"));
    let summary = render(&outcome, "", TraceMode::Summary);
    assert!(
        summary.contains("gen-summary")
            && !summary.contains("gen-trace")
            && !summary.contains("<svg")
    );
}

/// A JavaScript loop allocating one object per iteration, a scavenge, and a leak.
fn javascript_loop_outcome(iterations: u32) -> Outcome {
    let mut steps = vec![step(1, 1, "const keep = [];")];
    let mut events = vec![];
    for i in 0..iterations {
        let s = 2 + 2 * i;
        steps.push(step(s, 2, "for (let i = 0; i < 100; i++) {"));
        steps.push(step(s + 1, 3, "keep.push({ i });"));
        let obj = u64::from(10 + i);
        events.push(ev(
            s + 1,
            3,
            EventKind::Alloc {
                obj,
                type_name: "Object".into(),
                size: 32,
                space: Some(Space::New),
            },
        ));
        events.push(ev(
            s + 1,
            3,
            EventKind::RefGained {
                obj,
                holder: Holder::Slot {
                    obj: 1,
                    key: i.to_string(),
                },
                count: None,
            },
        ));
    }
    let last = 2 + 2 * iterations;
    steps.push(step(last, 5, "setInterval(() => keep, 1000);"));
    events.push(ev(
        last,
        5,
        EventKind::GcStart {
            collector: "scavenge".into(),
            reason: "allocation failure".into(),
        },
    ));
    events.push(ev(
        last,
        5,
        EventKind::Move {
            obj: 10,
            from: Space::New,
            to: Space::Old,
        },
    ));
    events.push(ev(
        last,
        5,
        EventKind::GcEnd {
            collector: "scavenge".into(),
            collected: 0,
            uncollectable: 0,
            promoted: 1,
            freed_bytes: 0,
        },
    ));
    Outcome {
        lang: Lang::Javascript,
        stdout: String::new(),
        stderr: String::new(),
        status: Status::Ok,
        trace: Trace {
            steps,
            events,
            snapshots: vec![Snapshot {
                step: last,
                line: 5,
                frames: vec![Frame {
                    name: "script".into(),
                    vars: vec![("keep".into(), Value::Ref(1))],
                }],
                heap: vec![HeapObject {
                    id: 1,
                    type_name: "Array".into(),
                    label: "Array(100)".into(),
                    size: 832,
                    refcount: None,
                    space: Some(Space::Old),
                    age: Some(2),
                    fields: vec![("0".into(), Value::Ref(10))],
                    freed: false,
                }],
                stdout: String::new(),
            }],
            summary: Summary {
                allocations: u64::from(iterations),
                frees: 0,
                peak_bytes: 4096,
                gc_runs: 1,
                retained: vec![Retained {
                    obj: 1,
                    type_name: "Array".into(),
                    size: 832,
                    path: vec!["timer #1".into(), "callback".into(), "keep".into()],
                }],
            },
            elided_steps: 0,
            total_steps: 0,
        },
    }
}

#[test]
fn long_loops_collapse_and_leaks_are_reported() {
    let html = render(&javascript_loop_outcome(100), "", TraceMode::Full);
    assert_full_panel(&html, "javascript", "ok");
    assert!(html.contains("<td>loop ×99</td>"), "collapsed loop row");
    assert!(html.contains("99 alloc (3.1 KB), 99 ref changes"));
    assert!(html.matches("<tr").count() < 20, "the loop is one row");
    assert!(html.contains("scavenge: 0 collected, 1 promoted"));
    assert!(html.contains("via timer #1 → callback → keep"));
    assert!(html.contains("<tspan class=\"gen-h-badge\">old · age 2</tspan>"));
}

#[test]
fn long_diagrams_are_capped_with_a_note() {
    let mut outcome = python_refcount_outcome();
    outcome.trace.events = (0..60)
        .map(|i| {
            ev(
                1,
                1,
                EventKind::Alloc {
                    obj: i,
                    type_name: "int".into(),
                    size: 28,
                    space: None,
                },
            )
        })
        .collect();
    let names = gen::views::names::Names::from_trace(&outcome.trace);
    let rows = gen::views::rows::rows(&outcome.trace, "");
    let source = gen::views::sequence::source(&outcome, &rows, &names);
    assert_eq!(
        source.matches("->>").count(),
        gen::views::sequence::MAX_MESSAGES
    );
    assert!(source.contains("Note over Var,GC: … 20 more events in the trace table"));
    assert!(
        source.contains("int#35;1"),
        "Mermaid entity for #: {source}"
    );
    let (html, err) = mermaid::render_block(&source, "cap");
    assert_eq!(err, None);
    assert!(html.contains("int#1"), "entity decoded in the SVG");
}

fn request<'a>(code: &'a str, options: &'a BTreeMap<String, String>) -> ExecRequest<'a> {
    ExecRequest {
        lang: Lang::Python,
        code,
        options,
        id_prefix: "run-1",
    }
}

#[test]
fn executor_caches_outcomes_in_memory_and_on_disk() {
    let dir = std::env::temp_dir().join(format!("gen-panels-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = BTreeMap::new();
    let exec = Executor::with_cache_dir(&dir);
    let first = exec.run(&request("x = [1]\n", &options));
    assert!(first
        .html
        .starts_with("<div class=\"gen-run\" data-lang=\"python\""));
    assert_eq!(exec.cache_stats().0, 0, "cold cache: no hits");
    let again = exec.run(&request("x = [1]\n", &options));
    assert_eq!(again.html, first.html);
    assert!(exec.cache_stats().0 >= 1, "second run hits");

    let fresh = Executor::with_cache_dir(&dir);
    assert_eq!(fresh.run(&request("x = [1]\n", &options)).html, first.html);
    assert!(
        fresh.cache_stats().0 >= 1,
        "a new executor reads the disk cache"
    );

    for entry in std::fs::read_dir(dir.join("exec")).unwrap() {
        std::fs::write(entry.unwrap().path(), "not json").unwrap();
    }
    let corrupt = Executor::with_cache_dir(&dir);
    assert_eq!(
        corrupt.run(&request("x = [1]\n", &options)).html,
        first.html
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn executor_reports_unknown_options_and_honours_trace_off() {
    let mut options = BTreeMap::new();
    options.insert("trace".to_owned(), "off".to_owned());
    options.insert("env".to_owned(), "deno".to_owned());
    let result = Executor::new().run(&request("print(1)\n", &options));
    assert_eq!(result.warnings.len(), 1, "{:?}", result.warnings);
    assert!(result.warnings[0].contains("env=\"deno\""));
    assert!(!result.html.contains("gen-trace"));
}

// ---- panels of real runs: what the simulators record, as a reader sees it ----

fn traced(lang: Lang, code: &str) -> Outcome {
    let options = gen_trace::RunOptions {
        trace: true,
        ..gen_trace::RunOptions::default()
    };
    match lang {
        Lang::Python => gen_pysim::run(code, &options),
        Lang::Javascript => gen_jssim::run(code, &options),
    }
}

/// A run as the seed page runs it: JavaScript that uses `document` starts from the site's
/// HTML fixture (`gen.toml`).
fn traced_on_page(lang: Lang, code: &str) -> Outcome {
    let options = gen_trace::RunOptions {
        trace: true,
        html_fixture: Some(
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed.html"))
                .unwrap(),
        ),
        ..gen_trace::RunOptions::default()
    };
    match lang {
        Lang::Python => gen_pysim::run(code, &options),
        Lang::Javascript => gen_jssim::run(code, &options),
    }
}

/// The heap-effect cells of the table rows of step `n` (continuation rows included).
fn effects_of_step(html: &str, n: u32) -> Vec<String> {
    let table = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    let mut out = Vec::new();
    let mut current = None;
    for row in table.split("<tr").skip(1) {
        let cells: Vec<&str> = row
            .split("<td>")
            .skip(1)
            .map(|c| c.split("</td>").next().unwrap_or(""))
            .collect();
        if cells.len() < 5 {
            continue;
        }
        if !cells[0].is_empty() {
            current = cells[0].parse::<u32>().ok();
        }
        if current == Some(n) {
            out.push(cells[4].to_owned());
        }
    }
    out
}

const CYCLE_PY: &str = "a = [1, 2]\nb = a\ndel a\nclass Node:\n    def __init__(self):\n        self.ref = None\nx = Node()\ny = Node()\nx.ref = y\ny.ref = x\ndel x, y\nimport gc\nprint(gc.collect())\n";

#[test]
fn python_refcounts_are_net_per_line_as_getrefcount_reports_them() {
    let outcome = traced(Lang::Python, "a = [1, 2]\nb = a\n");
    let html = render(&outcome, "a = [1, 2]\nb = a\n", TraceMode::Full);
    let line1 = effects_of_step(&html, 1);
    assert_eq!(line1, ["alloc list#1 72 B, held by a (refcount 1)"]);
    assert_eq!(effects_of_step(&html, 2), ["list#1 refcount 1→2 (b)"]);
    assert!(html.contains("<tspan class=\"gen-h-badge\">rc 2</tspan>"));
}

#[test]
fn python_attribute_stores_deletes_and_collections_are_events() {
    let outcome = traced(Lang::Python, CYCLE_PY);
    assert_eq!(outcome.stdout, "2\n");
    let events = &outcome.trace.events;
    let holders: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::RefGained {
                holder: Holder::Attr { name, .. },
                count,
                ..
            } => Some(format!("{}:{name}:{count:?}", e.line)),
            _ => None,
        })
        .collect();
    assert!(holders.contains(&"9:ref:Some(2)".to_owned()), "{holders:?}");
    assert!(
        holders.contains(&"10:ref:Some(2)".to_owned()),
        "{holders:?}"
    );
    let lost: Vec<(u32, Option<u64>)> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::RefLost { count, .. } if e.line == 11 => Some((e.line, *count)),
            _ => None,
        })
        .collect();
    assert_eq!(lost, [(11, Some(1)), (11, Some(1))]);
    let freed = events.iter().find_map(|e| match &e.kind {
        EventKind::GcEnd {
            collected,
            freed_bytes,
            ..
        } if e.line == 13 => Some((*collected, *freed_bytes)),
        _ => None,
    });
    assert_eq!(freed, Some((2, 112)));
    // Nothing before the first line, nothing interpreter-internal, no immortal counts.
    assert!(events.iter().all(|e| e.step > 0));
    assert!(!events.iter().any(|e| matches!(&e.kind,
        EventKind::Alloc { type_name, .. } if type_name == "builtin_function_or_method" || type_name == "dict")));
    assert!(!events.iter().any(|e| matches!(&e.kind,
        EventKind::RefGained { count: Some(c), .. } if *c > 1000)));
    assert_eq!(
        outcome.trace.summary.allocations, 5,
        "list, function, class, 2 nodes"
    );
    assert_eq!(outcome.trace.summary.frees, 2, "the two nodes");
}

#[test]
fn python_teardown_is_an_exit_step_after_the_final_snapshot() {
    let outcome = traced(Lang::Python, CYCLE_PY);
    let trace = &outcome.trace;
    let last = trace.snapshots.last().unwrap();
    assert_eq!(last.line, 13, "the final state is after the last line");
    let names: Vec<&str> = last.frames[0]
        .vars
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(names, ["b", "Node"]);
    let exit = trace.steps.last().unwrap();
    assert_eq!((exit.line, exit.source.as_str()), (0, "(interpreter exit)"));
    assert!(trace
        .events
        .iter()
        .filter(|e| e.line == 13)
        .all(|e| !matches!(&e.kind, EventKind::Free { type_name, .. } if type_name == "list")));
    let html = render(&outcome, CYCLE_PY, TraceMode::Full);
    assert!(html.contains("<td>exit</td>"), "one collapsed exit row");
    // Each snapshot is the state after its step: the cycle is drawn unreachable after
    // `del x, y` and freed by the collection.
    let after_del = trace.snapshots.iter().find(|s| s.line == 11).unwrap();
    assert!(after_del.frames[0].vars.iter().all(|(n, _)| n != "x"));
    assert_eq!(
        after_del
            .heap
            .iter()
            .filter(|o| o.type_name == "Node")
            .count(),
        2
    );
    assert!(html.contains("Node#4 (unreachable)"));
    assert!(html.contains("after line 11 (step"));
}

const CLOSURE_JS: &str = "let a = {name: 'x', items: [1, 2]};\nlet b = a;\na = null;\nfunction make() {\n  const big = new Array(1000).fill(0);\n  return () => big.length;\n}\nconst f = make();\ngc();\nconsole.log(f());\n";

#[test]
fn javascript_records_a_snapshot_per_step_with_primitive_fields_and_elements() {
    let outcome = traced(Lang::Javascript, CLOSURE_JS);
    assert_eq!(outcome.stdout, "1000\n");
    let trace = &outcome.trace;
    assert!(
        trace.snapshots.len() > 5,
        "{} snapshots",
        trace.snapshots.len()
    );
    let after_line_1 = trace
        .snapshots
        .iter()
        .find(|s| s.frames[0].vars.iter().any(|(n, _)| n == "a"))
        .expect("a snapshot after line 1");
    assert_eq!(after_line_1.line, 1);
    let object = after_line_1
        .heap
        .iter()
        .find(|o| o.type_name == "Object")
        .unwrap();
    assert!(object
        .fields
        .contains(&("name".to_owned(), Value::Prim("'x'".into()))));
    let array = after_line_1
        .heap
        .iter()
        .find(|o| o.type_name == "Array")
        .unwrap();
    assert_eq!(
        array.fields,
        [
            ("0".to_owned(), Value::Prim("1".into())),
            ("1".to_owned(), Value::Prim("2".into()))
        ]
    );
    // The CommonJS wrapper is the runtime's: none of its names, none of its startup.
    for snapshot in &trace.snapshots {
        for frame in &snapshot.frames {
            assert!(frame.vars.iter().all(|(n, _)| ![
                "exports",
                "require",
                "module",
                "__filename",
                "__dirname"
            ]
            .contains(&n.as_str())));
        }
    }
    assert!(trace.events.iter().all(|e| e.step > 0));
    assert_eq!(trace.summary.frees, 0);
    // One size per object: the allocation says what the snapshot draws.
    for event in &trace.events {
        if let EventKind::Alloc { obj, size, .. } = &event.kind {
            for snapshot in &trace.snapshots {
                if let Some(o) = snapshot.heap.iter().find(|o| o.id == *obj) {
                    assert_eq!(o.size, *size, "object {obj}");
                }
            }
        }
    }
}

#[test]
fn javascript_collections_say_why_and_count_the_readers_objects() {
    let outcome = traced(Lang::Javascript, CLOSURE_JS);
    let events = &outcome.trace.events;
    assert!(!events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Move { .. })));
    let start = events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::GcStart { collector, reason } => {
                Some((e.line, collector.as_str(), reason.as_str()))
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(start, (9, "mark-compact", "gc()"));
    let html = render(&outcome, CLOSURE_JS, TraceMode::Full);
    assert!(html.contains("mark-compact: 0 collected, 6 promoted"));
    assert!(html.contains("alloc Object#"));
    assert!(html.contains(", held by a</td>"));
}

#[test]
fn a_run_stopped_by_a_limit_says_so_with_the_limit_and_line() {
    let code = "let n = 0;\nsetInterval(function() {\n    n++;\n}, 1000);\n";
    let outcome = traced(Lang::Javascript, code);
    assert!(matches!(outcome.status, Status::LimitExceeded { .. }));
    let html = render(&outcome, code, TraceMode::Full);
    assert_full_panel(&html, "javascript", "ok");
    let note = &html[html.find("<p class=\"gen-limit\"").unwrap()..];
    let note = &note[..note.find("</p>").unwrap()];
    assert!(note.contains("stopped this run"), "{note}");
    assert!(note.contains("virtual time limit of 10000 ms"), "{note}");
    assert!(note.contains(" at line 3"), "{note}");
    assert!(html.contains("Heap when the simulator stopped"));
    // The timer is drawn as the root that keeps the callback alive.
    assert!(html.contains(">Runtime roots</text>"));
}

/// The `n`th (1-based) executed fence of the seed note, unindented.
fn seed_snippet(n: usize) -> String {
    let note = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/notes/python-js-memory.md"
    ))
    .unwrap();
    let mut lines = note.lines();
    let mut found = 0;
    while let Some(line) = lines.next() {
        let fence = line.trim_start();
        if fence.starts_with("```python") || fence.starts_with("```javascript") {
            found += 1;
            if found == n {
                let indent = line.len() - fence.len();
                let mut code = String::new();
                for body in lines
                    .by_ref()
                    .take_while(|l| !l.trim_start().starts_with("```"))
                {
                    code.push_str(body.get(indent..).unwrap_or(body.trim_start()));
                    code.push('\n');
                }
                return code;
            }
        }
    }
    panic!("the seed has no fence {n}");
}

#[test]
fn hoisted_javascript_declarations_are_steps_at_their_lines_and_statements_are_one_step() {
    // The seed's MDN snippet: comments first, `function f` hoisted from line 15, and an
    // object literal over three lines.
    let code = seed_snippet(16);
    let outcome = traced(Lang::Javascript, &code);
    let lines: Vec<u32> = outcome.trace.steps.iter().map(|s| s.line).collect();
    assert_eq!(lines, [15, 2, 3, 6, 12, 20], "{:?}", outcome.trace.steps);
    let first = &outcome.trace.steps[0];
    assert_eq!(first.source, "function f(a) {");
    assert!(outcome.trace.events.iter().any(|e| e.step == 1
        && matches!(&e.kind, EventKind::Alloc { type_name, .. } if type_name == "Closure")));
}

#[test]
fn a_captured_javascript_local_moves_to_its_context_in_one_event() {
    let outcome = traced(Lang::Javascript, CLOSURE_JS);
    let events = &outcome.trace.events;
    let moved = events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::RefMoved { .. }))
        .expect("a move");
    let EventKind::RefMoved { obj, from, to } = &moved.kind else {
        unreachable!()
    };
    assert_eq!(
        from,
        &Holder::Var {
            frame: "make".into(),
            name: "big".into()
        }
    );
    assert!(matches!(to, Holder::Attr { name, .. } if name == "big"));
    assert_eq!(moved.line, 8, "in the caller's step after the return");
    assert!(
        !events.iter().any(|e| matches!(&e.kind,
            EventKind::RefLost { obj: o, holder: Holder::Var { name, .. }, .. } if o == obj && name == "big")),
        "never dropped first"
    );
    let html = render(&outcome, CLOSURE_JS, TraceMode::Full);
    assert!(html.contains("moved from make.big to Context#"), "{html}");
}

#[test]
fn javascript_roots_drawn_in_another_order_are_not_reference_changes() {
    // The seed's listener and promise snippets: the runtime's roots are drawn before
    // the script's scope, at every step.
    for n in [8, 12, 14] {
        let code = seed_snippet(n);
        let outcome = traced(Lang::Javascript, &code);
        for snapshot in &outcome.trace.snapshots {
            let roots = snapshot
                .frames
                .iter()
                .position(|f| f.name == gen_trace::ROOTS_FRAME);
            assert!(roots.is_none_or(|i| i == 0), "snippet {n}");
        }
        let mut seen = std::collections::HashSet::new();
        for e in &outcome.trace.events {
            let key = match &e.kind {
                EventKind::RefGained { obj, holder, .. }
                | EventKind::RefLost { obj, holder, .. } => (e.step, *obj, format!("{holder:?}")),
                _ => continue,
            };
            assert!(
                seen.insert(key),
                "snippet {n}: gained and lost at once: {e:?}"
            );
        }
    }
}

#[test]
fn a_timer_lets_go_of_its_callback_in_the_task_step() {
    let code = seed_snippet(14);
    let outcome = traced(Lang::Javascript, &code);
    assert_eq!(outcome.stdout, "Promise resolved!\n");
    let lost = outcome
        .trace
        .events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::RefLost { holder: Holder::Root { name }, .. } if name == "timer #1"))
        .expect("the timer lets go");
    assert!(outcome
        .trace
        .events
        .iter()
        .any(|e| e.step == lost.step && matches!(e.kind, EventKind::Task { .. })));
}

#[test]
fn frees_at_exit_report_the_size_the_object_had_alive() {
    // The seed's cycle: the list is cleared by the exit collection before it is freed.
    let code = seed_snippet(3);
    let outcome = traced(Lang::Python, &code);
    let trace = &outcome.trace;
    let list = trace
        .snapshots
        .last()
        .unwrap()
        .heap
        .iter()
        .find(|o| o.type_name == "list")
        .unwrap();
    let freed = trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Free { obj, size, .. } if *obj == list.id => Some(*size),
            _ => None,
        })
        .expect("freed at exit");
    assert_eq!(freed, list.size);
    // The seed's getsizeof line: a temporary list allocated and freed at its full size.
    let code = seed_snippet(15);
    let outcome = traced(Lang::Python, &code);
    assert_eq!(outcome.stdout, "88\n");
    let sizes: Vec<u64> = outcome
        .trace
        .events
        .iter()
        .filter(|e| e.line == 2)
        .filter_map(|e| match &e.kind {
            EventKind::Alloc { size, .. } | EventKind::Free { size, .. } => Some(*size),
            _ => None,
        })
        .collect();
    assert_eq!(sizes, [88, 88]);
}

#[test]
fn sequence_diagrams_wrap_long_labels_instead_of_cutting_them() {
    for n in [8, 12, 16] {
        let code = seed_snippet(n);
        let outcome = traced(Lang::Javascript, &code);
        let html = render(&outcome, &code, TraceMode::Full);
        let seq = &html[html.find("<div class=\"gen-seq\">").unwrap()..];
        assert!(!seq.contains('…'), "snippet {n}");
    }
    let wrapped =
        views::sequence::mermaid_text("line 20: element.addEventListener('click', function() {");
    assert_eq!(
        wrapped,
        "line 20: element.addEventListener('click',<br/>function() #123;"
    );
}

/// A queue kept at five items for 3000 iterations: longer than the trace follows in
/// detail.
const LONG_QUEUE_PY: &str = "items = []\nfor i in range(3000):\n    items.append([i])\n    if len(items) > 5:\n        items.pop(0)\nprint(len(items))\n";

#[test]
fn a_long_run_keeps_its_beginning_and_its_end_and_summarises_the_middle() {
    let outcome = traced(Lang::Python, LONG_QUEUE_PY);
    assert_eq!(outcome.stdout, "5\n");
    let trace = &outcome.trace;
    let note = trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .expect("the middle summarised");
    assert!(note.starts_with("lines 2–5 ×"), "{note}");
    assert!(
        note.contains(" allocs, ") && note.contains(" frees"),
        "{note}"
    );
    // The last steps are there in full: the final print, and the queue's last
    // allocations and frees.
    let last = trace.steps.iter().rfind(|s| s.line > 0).unwrap();
    assert_eq!((last.line, last.source.as_str()), (6, "print(len(items))"));
    let tail_from = trace.steps[1000].step;
    assert!(tail_from > 10_000, "{tail_from}");
    let tail = |f: fn(&EventKind) -> bool| {
        trace
            .events
            .iter()
            .filter(|e| e.step >= tail_from && e.line > 0 && f(&e.kind))
            .count()
    };
    assert!(tail(|k| matches!(k, EventKind::Alloc { .. })) >= 5);
    assert!(tail(|k| matches!(k, EventKind::Free { .. })) >= 5);
    assert_eq!(trace.snapshots.last().unwrap().line, 6);
    let html = render(&outcome, LONG_QUEUE_PY, TraceMode::Full);
    assert!(html.contains(note), "the note is a row of its own");
    // `pop(0)` moves the other items down one index: only the popped one is dropped.
    let pop = trace.steps.iter().find(|s| s.line == 5).unwrap().step;
    assert_eq!(
        effects_of_step(&html, pop),
        [
            "list#2 refcount 1→0 (list#1[0] dropped)",
            "free list#2 64 B"
        ]
    );
}

#[test]
fn python_counts_in_nested_calls_are_what_getrefcount_says() {
    // Each `inner` call prints the count of its argument; the trace draws the same
    // count after that line (the caller's temporaries included, as CPython counts them).
    let code = "import sys\ndef inner(v):\n    w = v\n    print(sys.getrefcount(w) - 1)\n    return w\ndef outer(u):\n    r = [inner(u), inner(u)]\n    return r\na = [1]\nres = outer(a)\nd = {'k': inner([2])}\n";
    let outcome = traced(Lang::Python, code);
    assert_eq!(outcome.stdout, "4\n5\n2\n");
    assert_eq!(drawn_refcounts(&outcome, &[4], "w"), outcome.stdout);
}

/// The refcount the trace draws for the innermost frame's `var` after each of `lines`,
/// one a line, as the snippet's prints would show them.
fn drawn_refcounts(outcome: &Outcome, lines: &[u32], var: &str) -> String {
    let drawn: Vec<String> = outcome
        .trace
        .snapshots
        .iter()
        .filter(|s| lines.contains(&s.line))
        .map(|s| {
            let frame = s.frames.last().unwrap();
            let v = frame.vars.iter().find(|(n, _)| n == var).unwrap();
            let Value::Ref(id) = v.1 else { panic!() };
            let o = s.heap.iter().find(|o| o.id == id).unwrap();
            o.refcount.unwrap().to_string()
        })
        .collect();
    drawn.join("\n") + "\n"
}

#[test]
fn a_browser_scripts_globals_are_its_variables_and_host_objects_are_named_by_class() {
    // The seed's MDN snippet runs as a classic script: its `var`s and `function f` are
    // properties of the global object, drawn as the script's variables with their
    // values, primitives included.
    let code = seed_snippet(16);
    let outcome = traced(Lang::Javascript, &code);
    let last = outcome.trace.snapshots.last().unwrap();
    let script = last.frames.iter().find(|f| f.name == "script").unwrap();
    let names: Vec<&str> = script.vars.iter().map(|(n, _)| n.as_str()).collect();
    for name in ["n", "s", "o", "a", "f"] {
        assert!(names.contains(&name), "{names:?}");
    }
    assert!(script
        .vars
        .contains(&("n".to_owned(), Value::Prim("123".into()))));
    assert!(last
        .frames
        .iter()
        .flat_map(|f| &f.vars)
        .all(|(n, _)| !n.starts_with("global variable")));
    let html = render(&outcome, &code, TraceMode::Full);
    assert!(html.contains(", held by o</td>"), "{html}");
    // The seed's MutationObserver is drawn as one.
    let outcome = traced(Lang::Javascript, &seed_snippet(13));
    assert!(outcome.trace.events.iter().any(|e| matches!(&e.kind,
        EventKind::Alloc { type_name, .. } if type_name == "MutationObserver")));
}

#[test]
fn heap_graphs_wrap_long_labels_instead_of_cutting_them() {
    // The seed's closures, listeners, long strings and unreachable objects.
    let js = Lang::Javascript;
    for (n, lang) in [
        (7, js),
        (8, js),
        (9, js),
        (10, js),
        (12, js),
        (14, js),
        (15, Lang::Python),
    ] {
        let code = seed_snippet(n);
        let outcome = traced_on_page(lang, &code);
        assert!(
            matches!(outcome.status, Status::Ok | Status::LimitExceeded { .. }),
            "snippet {n}"
        );
        let html = render(&outcome, &code, TraceMode::Full);
        let heap = &html[html.find("<div class=\"gen-heap\">").unwrap()..];
        let heap = &heap[..heap.find("<div class=\"gen-seq\">").unwrap()];
        assert!(!heap.contains('…'), "snippet {n}: {heap}");
        if n == 9 {
            assert!(
                heap.contains(">globalVariable</text>") && heap.contains(">variable&#39;</tspan>"),
                "{heap}"
            );
        }
        if n == 14 {
            assert!(
                heap.contains(">Function#1<tspan x=\"308\" dy=\"15\">(unreachable)</tspan>"),
                "{heap}"
            );
        }
    }
}

#[test]
fn an_interval_keeps_its_callback_between_runs() {
    // The seed's setInterval: Node's timer list holds the Timeout, and through it the
    // callback, from `setInterval` until the run ends; no run lets go of it.
    let code = seed_snippet(10);
    let outcome = traced(Lang::Javascript, &code);
    assert!(matches!(outcome.status, Status::LimitExceeded { .. }));
    assert!(outcome.stdout.matches("Timer is running!").count() >= 9);
    let root_changes: Vec<&Event> = outcome
        .trace
        .events
        .iter()
        .filter(|e| {
            matches!(
                &e.kind,
                EventKind::RefGained {
                    holder: Holder::Root { .. },
                    ..
                } | EventKind::RefLost {
                    holder: Holder::Root { .. },
                    ..
                }
            )
        })
        .collect();
    assert_eq!(root_changes.len(), 1, "{root_changes:?}");
    assert!(matches!(&root_changes[0].kind, EventKind::RefGained { .. }));
    assert_eq!(root_changes[0].line, 1);
    let ticks = outcome
        .trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Task { .. }))
        .count();
    assert!(ticks >= 9, "{ticks}");
}

#[test]
fn python_counts_inside_a_class_call_include_its_argument_tuple() {
    // `P([7])` packs its argument into a tuple for `type.__call__`, so `__init__` sees
    // three references to the list (the caller's stack, the tuple, `x`), and four once
    // `self.x` holds it; the trace draws what `sys.getrefcount(x) - 1` prints.
    let code = "import sys\nclass P:\n    def __init__(self, x):\n        print(sys.getrefcount(x) - 1)\n        self.x = x\n        print(sys.getrefcount(x) - 1)\np = P([7])\n";
    let outcome = traced(Lang::Python, code);
    assert_eq!(outcome.stdout, "3\n4\n");
    assert_eq!(drawn_refcounts(&outcome, &[4, 6], "x"), outcome.stdout);
}

#[test]
fn a_detached_node_keeps_its_listener_and_the_summary_says_through_which_root() {
    // The seed's detached button: after `removeChild` the document no longer holds it,
    // but `elements.button` does, and through it the click listener's closure.
    let code = seed_snippet(12);
    let outcome = traced_on_page(Lang::Javascript, &code);
    assert_eq!(outcome.status, Status::Ok);
    let summary = &outcome.trace.summary;
    let path = |type_name: &str| {
        summary
            .retained
            .iter()
            .find(|r| r.type_name == type_name)
            .map(|r| r.path.join(" → "))
            .unwrap_or_else(|| panic!("{type_name} retained: {:?}", summary.retained))
    };
    assert_eq!(
        path("Closure"),
        "script variable 'elements' → Object → property 'button': <button#myButton> → listener 'click': anonymous closure"
    );
    assert!(path("HTMLElement")
        .ends_with("<button#myButton> → detached DOM node (not in the document)"));
    assert_eq!(summary.retained.len(), 3, "{:?}", summary.retained);
    // Only the reader's objects count towards the peak, not the page's button.
    assert_eq!(summary.peak_bytes, 40 + 64);
    // The heap graph draws the closure as held by the button's listener to the end.
    let last = outcome.trace.snapshots.last().unwrap();
    let button = last
        .heap
        .iter()
        .find(|o| o.label == "<button#myButton>")
        .expect("the button drawn");
    let Some((_, Value::Ref(closure))) =
        button.fields.iter().find(|(k, _)| k == "listener 'click'")
    else {
        panic!("{button:?}")
    };
    let html = render(&outcome, &code, TraceMode::Full);
    assert!(!html.contains("(unreachable)"), "{html}");
    assert!(html.contains("via script variable &#39;elements&#39; → Object → property &#39;button&#39;: &lt;button#myButton&gt; → listener &#39;click&#39;: anonymous closure"));
    assert!(last.heap.iter().any(|o| o.id == *closure && !o.freed));
}
