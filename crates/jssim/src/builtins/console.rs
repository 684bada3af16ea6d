//! The console, as Node's `lib/internal/console` behaves: log/info/debug to stdout,
//! warn/error/trace to stderr, `group` indentation, `count`, `time` on the virtual
//! clock, `assert`, `dir` and `table` (Node's box-drawing table).

use crate::heap::{Kind, NativeCall, NativeFnPtr};
use crate::inspect::{format_args, inspect_with, Opts};
use crate::interp::{Res, Throw, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// Bytes of output a run may print before it is stopped.
const OUTPUT_LIMIT: usize = 8 * 1024 * 1024;

/// Console state: group indentation, counters and timers.
#[derive(Clone, Debug, Default)]
pub struct ConsoleState {
    pub indent: usize,
    pub counts: Vec<(String, u64)>,
    pub timers: Vec<(String, u64)>,
    /// Node's `process.stdout` / `process.stderr` and their own `write`: the console
    /// writes through a replaced `write`, as Node's does.
    pub streams: [Option<(ObjRef, ObjRef)>; 2],
}

fn write(vm: &mut Vm, text: &str, err: bool) -> Res<()> {
    let ind = " ".repeat(vm.console.indent);
    let text = if ind.is_empty() {
        text.to_string()
    } else {
        format!("{ind}{}", text.replace('\n', &format!("\n{ind}")))
    };
    if let Some((stream, native)) = vm.console.streams[usize::from(err)] {
        let w = vm.get(&Value::Obj(stream), &PropKey::s("write"))?;
        if w.as_obj() != Some(native) && vm.is_callable(&w) {
            vm.call(
                &w,
                Value::Obj(stream),
                vec![Value::str(&format!("{text}\n"))],
            )?;
            return Ok(());
        }
    }
    let out = if err { &mut vm.stderr } else { &mut vm.stdout };
    out.push_str(&text);
    out.push('\n');
    // Node queues a tick after each write to a stream (its write callback).
    vm.tick_pending |= !vm.browser;
    if vm.stdout.len() + vm.stderr.len() > OUTPUT_LIMIT {
        return Err(Throw::Limit("output limit of 8 MiB reached".into()));
    }
    Ok(())
}

fn log(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = format_args(vm, &c.args)?;
    write(vm, &s, false)?;
    Ok(Value::Undefined)
}

fn error(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = format_args(vm, &c.args)?;
    write(vm, &s, true)?;
    Ok(Value::Undefined)
}

fn trace(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = format_args(vm, &c.args)?;
    let frames = vm.caller_stack_frames();
    let head = if s.is_empty() {
        "Trace".to_string()
    } else {
        format!("Trace: {s}")
    };
    write(vm, &format!("{head}{frames}"), true)?;
    Ok(Value::Undefined)
}

fn assert(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.arg(0).truthy() {
        return Ok(Value::Undefined);
    }
    let mut rest: Vec<Value> = c.args.iter().skip(1).cloned().collect();
    match rest.first() {
        Some(Value::Str(s)) => rest[0] = Value::str(&format!("Assertion failed: {s}")),
        _ => rest.insert(0, Value::str("Assertion failed")),
    }
    let s = format_args(vm, &rest)?;
    write(vm, &s, true)?;
    Ok(Value::Undefined)
}

fn label(vm: &mut Vm, c: &NativeCall) -> Res<String> {
    Ok(match c.arg(0) {
        Value::Undefined => "default".into(),
        v => vm.to_string(&v)?.to_string(),
    })
}

fn count(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let l = label(vm, c)?;
    let n = match vm.console.counts.iter_mut().find(|(k, _)| *k == l) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            vm.console.counts.push((l.clone(), 1));
            1
        }
    };
    write(vm, &format!("{l}: {n}"), false)?;
    Ok(Value::Undefined)
}

fn count_reset(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let l = label(vm, c)?;
    match vm.console.counts.iter_mut().find(|(k, _)| *k == l) {
        Some((_, n)) => *n = 0,
        None => write(vm, &format!("Count for '{l}' does not exist"), true)?,
    }
    Ok(Value::Undefined)
}

fn group(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if !c.args.is_empty() {
        log(vm, c)?;
    }
    vm.console.indent += 2;
    Ok(Value::Undefined)
}

fn group_end(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    vm.console.indent = vm.console.indent.saturating_sub(2);
    Ok(Value::Undefined)
}

fn time(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let l = label(vm, c)?;
    if vm.console.timers.iter().any(|(k, _)| *k == l) {
        write(
            vm,
            &format!("(node:4242) Warning: Label '{l}' already exists for console.time()"),
            true,
        )?;
        return Ok(Value::Undefined);
    }
    let now = vm.events.now;
    vm.console.timers.push((l, now));
    Ok(Value::Undefined)
}

fn elapsed_words(ms: u64) -> String {
    if ms >= 1000 {
        let s = ms as f64 / 1000.0;
        format!(
            "{}s",
            crate::value::num_to_string((s * 1000.0).round() / 1000.0)
        )
    } else {
        format!("{ms}ms")
    }
}

fn time_end(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    time_report(vm, c, true)
}

fn time_log(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    time_report(vm, c, false)
}

fn time_report(vm: &mut Vm, c: &NativeCall, end: bool) -> Res<Value> {
    let l = label(vm, c)?;
    let Some(i) = vm.console.timers.iter().position(|(k, _)| *k == l) else {
        write(
            vm,
            &format!(
                "(node:4242) Warning: No such label '{l}' for console.{}()",
                if end { "timeEnd" } else { "timeLog" }
            ),
            true,
        )?;
        return Ok(Value::Undefined);
    };
    let start = vm.console.timers[i].1;
    if end {
        vm.console.timers.remove(i);
    }
    let mut s = format!("{l}: {}", elapsed_words(vm.events.now - start));
    if !end && c.args.len() > 1 {
        s.push(' ');
        s.push_str(&format_args(vm, &c.args[1..])?);
    }
    write(vm, &s, false)?;
    Ok(Value::Undefined)
}

fn dir(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let mut o = crate::inspect::opts_from(vm, &c.arg(1))?;
    o.custom_inspect = false;
    let s = inspect_with(vm, &c.arg(0), &o)?;
    write(vm, &s, false)?;
    Ok(Value::Undefined)
}

fn cell(vm: &mut Vm, v: &Value) -> Res<String> {
    let depth = match v {
        Value::Obj(o)
            if !matches!(vm.heap.kind(*o), Some(Kind::Array(_)))
                && vm.enumerable_keys(*o)?.len() > 2 =>
        {
            -1.0
        }
        _ => 0.0,
    };
    let o = Opts {
        depth,
        max_array_length: 3.0,
        break_length: f64::INFINITY,
        ..Opts::default()
    };
    inspect_with(vm, v, &o)
}

fn width(s: &str) -> usize {
    crate::inspect::string_width(s)
}

/// Node's cli_table: `┌─┬─┐` box, header row, one row per entry, left-aligned cells.
fn render_table(head: &[String], columns: &[Vec<Option<String>>]) -> String {
    let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    let mut grid: Vec<Vec<String>> = vec![Vec::new(); rows];
    for (i, col) in columns.iter().enumerate() {
        for (j, row) in grid.iter_mut().enumerate() {
            let v = col.get(j).cloned().flatten().unwrap_or_default();
            widths[i] = widths[i].max(width(&v));
            row.push(v);
        }
    }
    let render = |cells: &[String]| {
        let mut out = "│ ".to_string();
        for (i, c) in cells.iter().enumerate() {
            out.push_str(c);
            out.push_str(&" ".repeat(widths[i] - width(c)));
            if i + 1 != cells.len() {
                out.push_str(" │ ");
            }
        }
        out.push_str(" │");
        out
    };
    let divider: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
    let mut s = format!(
        "┌{}┐\n{}\n├{}┤\n",
        divider.join("┬"),
        render(head),
        divider.join("┼")
    );
    for r in &grid {
        s.push_str(&render(r));
        s.push('\n');
    }
    s.push_str(&format!("└{}┘", divider.join("┴")));
    s
}

fn table(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let data = c.arg(0);
    let Value::Obj(o) = data else {
        return log(vm, c);
    };
    let props: Option<Vec<String>> = match c.arg(1) {
        Value::Undefined => None,
        p => {
            let items = crate::builtins::object::list_from_array_like(vm, &p)?;
            let mut out = Vec::new();
            for i in items {
                out.push(vm.to_string(&i)?.to_string());
            }
            Some(out)
        }
    };
    let index = |n: usize| (0..n).map(|i| Some(i.to_string())).collect::<Vec<_>>();
    if let Some(Kind::Map(t)) = vm.heap.kind(o) {
        let entries: Vec<(Value, Value)> = t.entries.iter().flatten().cloned().collect();
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        for (k, v) in &entries {
            keys.push(Some(cell(vm, k)?));
            values.push(Some(cell(vm, v)?));
        }
        let s = render_table(
            &["(iteration index)".into(), "Key".into(), "Values".into()],
            &[index(entries.len()), keys, values],
        );
        write(vm, &s, false)?;
        return Ok(Value::Undefined);
    }
    if let Some(Kind::Set(t)) = vm.heap.kind(o) {
        let entries: Vec<Value> = t.entries.iter().flatten().map(|(k, _)| k.clone()).collect();
        let mut values = Vec::new();
        for v in &entries {
            values.push(Some(cell(vm, v)?));
        }
        let s = render_table(
            &["(iteration index)".into(), "Values".into()],
            &[index(entries.len()), values],
        );
        write(vm, &s, false)?;
        return Ok(Value::Undefined);
    }
    let row_keys = vm.enumerable_keys(o)?;
    let mut cols: Vec<(String, Vec<Option<String>>)> = Vec::new();
    let mut has_prims = false;
    let mut prim_col: Vec<Option<String>> = Vec::new();
    for (i, rk) in row_keys.iter().enumerate() {
        let item = vm.get(&data, &PropKey::Str(rk.clone()))?;
        let primitive = !matches!(item, Value::Obj(_));
        if props.is_none() && primitive {
            has_prims = true;
            prim_col.resize(i + 1, None);
            prim_col[i] = Some(cell(vm, &item)?);
            continue;
        }
        let keys: Vec<String> = match (&props, &item) {
            (Some(p), _) => p.clone(),
            (None, Value::Obj(io)) => vm
                .enumerable_keys(*io)?
                .iter()
                .map(|k| k.to_string())
                .collect(),
            _ => Vec::new(),
        };
        for k in keys {
            let pos = match cols.iter().position(|(n, _)| *n == k) {
                Some(p) => p,
                None => {
                    cols.push((k.clone(), Vec::new()));
                    cols.len() - 1
                }
            };
            let own =
                matches!(&item, Value::Obj(io) if vm.get_own_prop(*io, &PropKey::s(&k)).is_some());
            let v = if primitive || !own {
                String::new()
            } else {
                let x = vm.get(&item, &PropKey::s(&k))?;
                cell(vm, &x)?
            };
            let col = &mut cols[pos].1;
            col.resize(i + 1, None);
            col[i] = Some(v);
        }
    }
    let mut head = vec!["(index)".to_string()];
    let mut columns = vec![row_keys
        .iter()
        .map(|k| Some(k.to_string()))
        .collect::<Vec<_>>()];
    for (k, v) in cols {
        head.push(k);
        columns.push(v);
    }
    if has_prims {
        head.push("Values".into());
        columns.push(prim_col);
    }
    let s = render_table(&head, &columns);
    write(vm, &s, false)?;
    Ok(Value::Undefined)
}

fn noop(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Undefined)
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    let console = vm.new_object();
    let methods: [(&str, NativeFnPtr); 22] = [
        ("log", log),
        ("warn", error),
        ("dir", dir),
        ("time", time),
        ("timeEnd", time_end),
        ("timeLog", time_log),
        ("trace", trace),
        ("assert", assert),
        ("clear", noop),
        ("count", count),
        ("countReset", count_reset),
        ("group", group),
        ("groupEnd", group_end),
        ("table", table),
        ("debug", log),
        ("info", log),
        ("dirxml", log),
        ("error", error),
        ("groupCollapsed", group),
        ("profile", noop),
        ("profileEnd", noop),
        ("timeStamp", noop),
    ];
    for (n, f) in methods {
        let func = vm.native(n, 0, f);
        vm.set_prop_raw(console, n, Value::Obj(func));
    }
    vm.set_tag(console, "console");
    vm.set_hidden(g, "console", Value::Obj(console));
}
