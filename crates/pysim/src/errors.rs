//! Errors as CPython reports them: the traceback of an uncaught exception (chained
//! causes and contexts, source lines, 3.11's `~~^~~` carets, "Did you mean"
//! suggestions), "Exception ignored in" reports of finalizers and callbacks, and
//! `SyntaxError` / `IndentationError` messages mapped from the parser's errors.

use crate::compile::{CompileError, LineIndex};
use crate::interp::Vm;
use crate::objects::exception::TbEntry;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::Throw;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::Ranged;

/// Maps a parse error to CPython's SyntaxError / IndentationError.
pub fn syntax_error_from_parse(source: &str, e: &ParseError) -> CompileError {
    let idx = LineIndex::new(source);
    let start = e.location.start().to_usize();
    let (line, col) = idx.pos(start.min(source.len()));
    let line_text = |l: u32| {
        source
            .lines()
            .nth(l.saturating_sub(1) as usize)
            .unwrap_or("")
            .to_string()
    };
    let mut kind = "SyntaxError";
    let mut line = line;
    let mut col = col;
    let mut end_col = col + 1;
    let message = match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let text = line_text(line);
            let triple = text[col as usize..].starts_with("\"\"\"")
                || text[col as usize..].starts_with("'''");
            if triple {
                format!(
                    "unterminated triple-quoted string literal (detected at line {})",
                    source.lines().count()
                )
            } else {
                format!("unterminated string literal (detected at line {line})")
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            kind = "IndentationError";
            "unindent does not match any outer indentation level".to_string()
        }
        ParseErrorType::UnexpectedIndentation => {
            kind = "IndentationError";
            "unexpected indent".to_string()
        }
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if *tok == '$' || *tok == '?' || *tok == '`' {
                "invalid syntax".to_string()
            } else {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::LineContinuationError) => {
            "unexpected character after line continuation character".to_string()
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block") => {
            kind = "IndentationError";
            cpython_indent_message(source, line)
        }
        ParseErrorType::ExpectedToken { expected, .. }
            if matches!(format!("{expected:?}").as_str(), "Rpar" | "Rsqb" | "Rbrace") =>
        {
            match unclosed_bracket(source) {
                Some((l, c, ch)) => {
                    line = l;
                    col = c;
                    end_col = c + 1;
                    format!("'{ch}' was never closed")
                }
                None => "invalid syntax".to_string(),
            }
        }
        ParseErrorType::ExpectedToken { expected, found }
            if format!("{expected:?}") == "Indent" =>
        {
            let _ = found;
            kind = "IndentationError";
            cpython_indent_message(source, line)
        }
        ParseErrorType::ExpectedToken { expected, found } if format!("{expected:?}") == "Colon" => {
            match format!("{found:?}").as_str() {
                "Newline" => "expected ':'".to_string(),
                "Equal" => {
                    // The condition of `if x = 3:`: from after the keyword to the `=`.
                    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
                    let head = &source[line_start..start];
                    let keyword_end = head.len() - head.trim_start().len()
                        + head.trim_start().find(' ').unwrap_or(0);
                    let cond = &head[keyword_end..];
                    let expr = cond.trim();
                    let kind = expr_kind(expr);
                    if kind == "name" {
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".to_string()
                    } else {
                        let expr_start =
                            line_start + keyword_end + cond.len() - cond.trim_start().len();
                        (line, col) = idx.pos(expr_start);
                        end_col = col + expr.chars().count() as u32;
                        format!(
                            "cannot assign to {kind} here. Maybe you meant '==' instead of '='?"
                        )
                    }
                }
                "Rbrace" | "Comma" if innermost_bracket(&source[..start]) == Some('{') => {
                    "':' expected after dictionary key".to_string()
                }
                _ => "invalid syntax".to_string(),
            }
        }
        ParseErrorType::ExpectedToken { expected, found } if format!("{expected:?}") == "Comma" => {
            let found = format!("{found:?}");
            let before = &source[..start];
            if found.ends_with("Equal") && found != "Equal" && found != "EqEqual" {
                let stmt_start = before.rfind('\n').map_or(0, |i| i + 1);
                let target = before[stmt_start..].trim();
                (line, col) = idx.pos(
                    stmt_start
                        + (before[stmt_start..].len() - before[stmt_start..].trim_start().len()),
                );
                end_col = col + target.chars().count() as u32;
                "'tuple' is an illegal expression for augmented assignment".to_string()
            } else if let Some((l, c, ch)) = unclosed_bracket(source).filter(|_| {
                !before
                    .trim_end_matches([' ', '\t'])
                    .ends_with(['(', '[', '{', ','])
                    && before.trim_end_matches([' ', '\t']).ends_with('\n')
                    || matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
            }) {
                line = l;
                col = c;
                end_col = c + 1;
                format!("'{ch}' was never closed")
            } else if innermost_bracket(before).is_some()
                && matches!(
                    found.as_str(),
                    "Name"
                        | "Int"
                        | "Float"
                        | "Complex"
                        | "String"
                        | "FStringStart"
                        | "Lpar"
                        | "Lsqb"
                        | "Lbrace"
                )
            {
                "invalid syntax. Perhaps you forgot a comma?".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        ParseErrorType::ExpectedToken { expected, .. } if format!("{expected:?}") == "Else" => {
            "expected 'else' after 'if' expression".to_string()
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected `except` or `finally`") => {
            "expected 'except' or 'finally' block".to_string()
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".to_string()
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".to_string()
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".to_string()
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".to_string()
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => {
            let end = e.location.end().to_usize().min(source.len());
            end_col = col + source[start..end].chars().count() as u32;
            invalid_target_message(&e.error, &source[start..end], &source[end..])
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".to_string()
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let text = line_text(line);
            if text.trim_start().starts_with("print ") {
                col = (text.len() - text.trim_start().len()) as u32;
                end_col = text.trim_end().len() as u32 + 1;
                "Missing parentheses in call to 'print'. Did you mean print(...)?".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        _ => {
            if let Some((l, c, ch)) = unclosed_bracket(source) {
                if matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
                    || e.location.start().to_usize() >= source.trim_end().len()
                {
                    line = l;
                    col = c;
                    end_col = c + 1;
                    return CompileError {
                        kind,
                        message: format!("'{ch}' was never closed"),
                        line,
                        col: col + 1,
                        end_col: end_col + 1,
                        text: line_text(line),
                    };
                }
            }
            "invalid syntax".to_string()
        }
    };
    CompileError {
        kind,
        message,
        line: line.max(1),
        col: col + 1,
        end_col: end_col.max(col + 1) + 1,
        text: line_text(line),
    }
}

/// How CPython's error messages name the expression `text` (`function call`,
/// `literal`, `comparison`, `name`, ...).
fn expr_kind(text: &str) -> &'static str {
    use ruff_python_ast::Expr;
    match ruff_python_parser::parse_expression(text).map(|p| p.into_syntax().body) {
        Ok(expr) => match *expr {
            Expr::Call(_) => "function call",
            Expr::NoneLiteral(_) => "None",
            Expr::BooleanLiteral(b) if b.value => "True",
            Expr::BooleanLiteral(_) => "False",
            Expr::EllipsisLiteral(_) => "ellipsis",
            Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
            Expr::FString(_) => "f-string expression",
            Expr::Compare(_) => "comparison",
            Expr::Lambda(_) => "lambda",
            Expr::If(_) => "conditional expression",
            Expr::Named(_) => "named expression",
            Expr::Await(_) => "await expression",
            Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
            Expr::Dict(_) => "dict literal",
            Expr::Set(_) => "set display",
            Expr::ListComp(_) => "list comprehension",
            Expr::SetComp(_) => "set comprehension",
            Expr::DictComp(_) => "dict comprehension",
            Expr::Generator(_) => "generator expression",
            Expr::Tuple(_) => "tuple",
            Expr::Name(_) => "name",
            Expr::Attribute(_) => "attribute",
            Expr::Subscript(_) => "subscript",
            Expr::List(_) => "list",
            Expr::Starred(_) => "starred",
            _ => "expression",
        },
        Err(_) => "expression",
    }
}

/// CPython's message for an expression that cannot be assigned to or deleted
/// (`cannot assign to function call here. Maybe you meant '==' instead of '='?`).
fn invalid_target_message(error: &ParseErrorType, target: &str, after: &str) -> String {
    let kind = expr_kind(target);
    match error {
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {kind}"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            format!("'{kind}' is an illegal expression for augmented assignment")
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            "illegal target for annotation".to_string()
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            format!("cannot use assignment expressions with {kind}")
        }
        _ => {
            let after = after.trim_start_matches([' ', '\t']);
            if after.starts_with('=') && !after.starts_with("==") {
                format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {kind}")
            }
        }
    }
}

/// The innermost bracket still open at the end of `source` (strings and comments
/// skipped).
fn innermost_bracket(source: &str) -> Option<char> {
    open_brackets(source).last().map(|&(_, _, c)| c)
}

/// `expected an indented block after 'if' statement on line N`.
fn cpython_indent_message(source: &str, err_line: u32) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut l = err_line as usize;
    while l > 1 {
        l -= 1;
        let text = lines.get(l - 1).map(|s| s.trim()).unwrap_or("");
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let word = text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        let what = match word {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with"
            | "match" | "case" => format!("'{word}' statement"),
            "async" => "function definition".to_string(),
            _ => return "expected an indented block".to_string(),
        };
        return format!("expected an indented block after {what} on line {l}");
    }
    "expected an indented block".to_string()
}

/// The first bracket never closed, skipping strings and comments: (line, col, char).
fn unclosed_bracket(source: &str) -> Option<(u32, u32, char)> {
    open_brackets(source).first().copied()
}

/// The brackets still open at the end of `source`, outermost first, skipping
/// strings and comments: (line, col, char).
fn open_brackets(source: &str) -> Vec<(u32, u32, char)> {
    let mut stack: Vec<(u32, u32, char)> = Vec::new();
    let mut line = 1u32;
    let mut col = 0u32;
    let mut chars = source.chars().peekable();
    let mut in_str: Option<char> = None;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            col = 0;
            if in_str.is_some() {
                in_str = None;
            }
            continue;
        }
        if let Some(q) = in_str {
            if c == '\\' {
                chars.next();
                col += 2;
                continue;
            }
            if c == q {
                in_str = None;
            }
            col += 1;
            continue;
        }
        match c {
            '#' => {
                while let Some(&n) = chars.peek() {
                    if n == '\n' {
                        break;
                    }
                    chars.next();
                }
            }
            '\'' | '"' => in_str = Some(c),
            '(' | '[' | '{' => stack.push((line, col, c)),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
        col += 1;
    }
    stack
}

/// The text CPython prints for a syntax error (`gen run` writes it to stderr).
pub fn syntax_error_report(file: &str, e: &CompileError) -> String {
    let mut out = format!("  File \"{file}\", line {}\n", e.line);
    if !e.text.is_empty() {
        let stripped = e.text.trim_start();
        let lead = e.text.len() - stripped.len();
        out.push_str(&format!("    {}\n", stripped.trim_end()));
        if !(e.kind == "IndentationError" && e.message == "unexpected indent") {
            let start = (e.col as usize).saturating_sub(1).saturating_sub(lead);
            let n = (e.end_col.saturating_sub(e.col) as usize).max(1);
            out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(n)));
        }
    }
    out.push_str(&format!("{}: {}\n", e.kind, e.message));
    out
}

/// CPython's Levenshtein distance for suggestions (`Python/suggestions.c`).
fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    const MOVE: usize = 2;
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return 0;
    }
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE > max_cost {
        return max_cost + 1;
    }
    let sub = |x: u8, y: u8| -> usize {
        if (x & 31) != (y & 31) {
            return MOVE;
        }
        if x == y {
            return 0;
        }
        if x.eq_ignore_ascii_case(&y) {
            1
        } else {
            MOVE
        }
    };
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + sub(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best suggestion for `name` among `candidates`.
pub fn suggest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * 2 / 6;
        if let Some((d, _)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name, c, max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}

impl Vm {
    /// The last line of a traceback: `Name: message` (with a suggestion for NameError
    /// and AttributeError).
    pub fn exception_line(&mut self, exc: ObjRef) -> String {
        let ty = self.heap.ty(exc);
        let mut name = self.class_display(ty);
        if let Some(local) = name.strip_prefix("__main__.") {
            name = local.to_string();
        }
        let msg = match self.exception_str(exc) {
            Ok(m) => m,
            Err(e) => {
                self.discard(e);
                "<exception str() failed>".to_string()
            }
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        if let Some(s) = self.suggestion_for(exc) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line
    }

    fn suggestion_for(&mut self, exc: ObjRef) -> Option<String> {
        let ty = self.heap.ty(exc);
        let name = self
            .exc_field(exc, "name")
            .and_then(|n| self.as_str(n).map(|s| s.to_string()))?;
        if ty == t::NAME_ERROR {
            let varnames: Vec<String> = self
                .exc_field(exc, "@varnames")
                .map(|v| {
                    self.tuple_items(v)
                        .iter()
                        .filter_map(|x| self.as_str(*x).map(|s| s.to_string()))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(s) = suggest(&name, &varnames) {
                return Some(s);
            }
            if let Some(Value::Obj(g)) = self.exc_field(exc, "@globals") {
                let keys: Vec<String> = self
                    .dict_items(g)
                    .iter()
                    .filter_map(|(k, _)| self.as_str(*k).map(|s| s.to_string()))
                    .collect();
                if let Some(s) = suggest(&name, &keys) {
                    return Some(s);
                }
            }
            let b: Vec<String> = self
                .dict_items(self.builtins)
                .iter()
                .filter_map(|(k, _)| self.as_str(*k).map(|s| s.to_string()))
                .collect();
            return suggest(&name, &b);
        }
        if self.is_subtype(ty, t::ATTRIBUTE_ERROR) {
            let obj = self.exc_field(exc, "obj")?;
            let names = self.dir_names(obj).ok()?;
            return suggest(&name, &names);
        }
        None
    }

    fn format_tb_entries(&self, entries: &[TbEntry]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < entries.len() {
            let e = &entries[i];
            // CPython folds more than 3 identical consecutive entries.
            let mut j = i + 1;
            while j < entries.len()
                && entries[j].filename == e.filename
                && entries[j].line == e.line
                && entries[j].name == e.name
            {
                j += 1;
            }
            let run = j - i;
            let shown = run.min(3);
            for _ in 0..shown {
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    e.filename, e.line, e.name
                ));
                if let Some(src) = self.sources.get(&*e.filename) {
                    if let Some(text) = src.lines().nth(e.line.saturating_sub(1) as usize) {
                        let stripped = text.trim();
                        if !stripped.is_empty() {
                            out.push_str(&format!("    {stripped}\n"));
                            if let Some(c) = carets(text, e) {
                                out.push_str(&c);
                            }
                        }
                    }
                }
            }
            if run > 3 {
                let more = run - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {more} more time{}]\n",
                    if more == 1 { "" } else { "s" }
                ));
            }
            i = j;
        }
        out
    }

    /// The full traceback text of an uncaught exception, chained exceptions first.
    pub fn format_exception(&mut self, exc: ObjRef) -> String {
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut seen)
    }

    fn format_exception_chain(&mut self, exc: ObjRef, seen: &mut Vec<ObjRef>) -> String {
        seen.push(exc);
        let mut out = String::new();
        let (cause, context, suppress) = match self.heap.kind(exc) {
            Kind::Exception(e) => (e.cause, e.context, e.suppress_context),
            _ => (Value::None, Value::None, false),
        };
        if let Value::Obj(c) = cause {
            if !seen.contains(&c) && matches!(self.heap.kind(c), Kind::Exception(_)) {
                out.push_str(&self.format_exception_chain(c, seen));
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Value::Obj(c) = context {
            if !suppress && !seen.contains(&c) && matches!(self.heap.kind(c), Kind::Exception(_)) {
                out.push_str(&self.format_exception_chain(c, seen));
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        let entries = match self.heap.kind(exc) {
            Kind::Exception(e) => e.traceback.clone(),
            _ => Vec::new(),
        };
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&self.format_tb_entries(&entries));
        }
        if self.is_subtype(self.heap.ty(exc), t::SYNTAX_ERROR) {
            if let Some(s) = self.syntax_error_details(exc) {
                out.push_str(&s);
            }
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        if let Some(Value::Obj(n)) = self.heap_exc_notes(exc) {
            for note in self.list_items(n) {
                if let Some(s) = self.as_str(note) {
                    out.push_str(s);
                    out.push('\n');
                }
            }
        }
        out
    }

    fn heap_exc_notes(&self, exc: ObjRef) -> Option<Value> {
        match self.heap.kind(exc) {
            Kind::Exception(e) if !e.notes.is_null() => Some(e.notes),
            _ => None,
        }
    }

    fn syntax_error_details(&self, _exc: ObjRef) -> Option<String> {
        None
    }

    /// "Exception ignored in: ..." for an exception in a finalizer or callback.
    pub fn write_unraisable(&mut self, e: Throw, obj: Value, _msg: &str) {
        match e {
            Throw::Exc(r) => {
                let what = match self.repr(obj) {
                    Ok(s) => s,
                    Err(e2) => {
                        self.discard(e2);
                        "<object repr() failed>".into()
                    }
                };
                let tb = self.format_exception(r);
                self.stderr
                    .push_str(&format!("Exception ignored in: {what}\n{tb}"));
                self.decref_obj(r);
            }
            Throw::Limit(l) => {
                if self.limit_hit.is_none() {
                    self.limit_hit = Some(l);
                }
            }
            Throw::Unsupported(f, pos) => {
                if self.pending_unsupported.is_none() {
                    self.pending_unsupported = Some((f, pos));
                }
            }
        }
    }

    /// `exc.__traceback__` as passed to `__exit__` (tracebacks are not modelled as
    /// objects: None).
    pub fn traceback_object(&mut self, _exc: Value) -> Value {
        Value::None
    }
}

/// The caret line under a traceback entry (3.11's primary / secondary anchors).
fn carets(text: &str, e: &TbEntry) -> Option<String> {
    if e.line == 0 || e.col == 0 && e.end_col == 0 {
        return None;
    }
    let stripped = text.trim_start();
    let lead = text.len() - stripped.len();
    let to_char = |byte: usize| {
        text.get(..byte.min(text.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0)
    };
    let start = to_char(e.col as usize);
    let end = if e.end_line == e.line {
        to_char(e.end_col as usize)
    } else {
        to_char(text.trim_end().len())
    };
    let stripped_len = stripped.trim_end().chars().count();
    if end <= start {
        return None;
    }
    let lead_chars = text[..lead].chars().count();
    let segment: String = text.chars().skip(start).take(end - start).collect();
    let anchors = if e.end_line == e.line {
        anchors_of(&segment)
    } else {
        None
    };
    let covers = end - start >= stripped_len;
    if covers && anchors.is_none() {
        return None;
    }
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(start.saturating_sub(lead_chars)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    Some(out)
}

/// Anchors of a binary operation or subscript segment (character offsets).
fn anchors_of(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::Expr;
    let parsed = ruff_python_parser::parse_expression(segment).ok()?;
    let expr = parsed.into_syntax().body;
    let chars = |b: usize| {
        segment
            .get(..b.min(segment.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0)
    };
    match &*expr {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let op = &segment[left_end..right_start];
            let off = op.len() - op.trim_start().len();
            let mut l = left_end + off;
            let mut r = l + 1;
            if off + 1 < op.len() && !op.as_bytes()[off + 1].is_ascii_whitespace() {
                r += 1;
            }
            let sb = segment.as_bytes();
            while l < sb.len() && (sb[l].is_ascii_whitespace() || sb[l] == b')') {
                l += 1;
                r += 1;
            }
            Some((chars(l), chars(r)))
        }
        Expr::Subscript(s) => {
            let sb = segment.as_bytes();
            let mut l = s.value.range().end().to_usize();
            let mut r = s.slice.range().end().to_usize() + 1;
            while l < sb.len() && sb[l] != b'[' {
                l += 1;
            }
            while r < sb.len() && sb[r] != b']' {
                r += 1;
            }
            if r < sb.len() {
                r += 1;
            }
            Some((chars(l), chars(r.min(sb.len()))))
        }
        _ => None,
    }
}
