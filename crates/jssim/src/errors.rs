//! V8's wording for syntax errors (mapped from oxc's diagnostics) and Node's report of
//! an uncaught exception on stderr.

/// Maps an oxc diagnostic to the message V8 prints.
pub fn v8_syntax_message(oxc: &str, src: &str, offset: usize) -> String {
    let at = src.get(offset..).unwrap_or("");
    let tok: String = at
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(1)
        .collect();
    if oxc.contains("Unterminated string")
        || oxc.contains("Invalid Character")
        || oxc.contains("Invalid character")
    {
        return "Invalid or unexpected token".into();
    }
    if oxc.contains("Unterminated template") {
        return "Unterminated template literal".into();
    }
    if oxc.contains("Unterminated regular expression") {
        return "Invalid regular expression: missing /".into();
    }
    if oxc.contains("has already been declared") {
        return oxc.replace('`', "'");
    }
    if oxc.contains("Expected") || oxc.contains("Unexpected") {
        if at.is_empty() {
            return "Unexpected end of input".into();
        }
        if tok.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return "Unexpected number".into();
        }
        if tok.starts_with('"') || tok.starts_with('\'') {
            return "Unexpected string".into();
        }
        let word: String = at
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        if !word.is_empty() {
            let reserved = [
                "const",
                "let",
                "var",
                "if",
                "else",
                "for",
                "while",
                "return",
                "function",
                "class",
                "new",
                "this",
                "true",
                "false",
                "null",
                "in",
                "of",
                "do",
                "switch",
                "case",
                "break",
                "continue",
                "try",
                "catch",
                "finally",
                "throw",
                "typeof",
                "delete",
                "void",
                "instanceof",
                "import",
                "export",
                "default",
                "extends",
                "super",
                "yield",
                "await",
                "static",
            ];
            if reserved.contains(&word.as_str()) {
                return format!("Unexpected token '{word}'");
            }
            return "Unexpected identifier".into();
        }
        return format!("Unexpected token '{tok}'");
    }
    oxc.to_string()
}

/// Node's stderr for an uncaught error: location, source line, caret, blank line,
/// the stack (or `Uncaught x` for non-errors), and the version line.
pub fn node_report(file: &str, src: &str, line: u32, col: u32, stack: &str) -> String {
    let text = src
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("");
    let caret = format!("{}^\n", " ".repeat(col.saturating_sub(1) as usize));
    report(file, line, text, &caret, stack)
}

/// Node's report of an uncaught `JSON.parse` syntax error: the JSON text is the source
/// (`<anonymous_script>`), with the caret at character offset `at`, and no caret when
/// the text ended first.
pub fn node_json_report(json: &str, at: usize, stack: &str) -> String {
    let before: String = json.chars().take(at).collect();
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let text = json.lines().nth(line - 1).unwrap_or("");
    let caret = if col < text.chars().count() {
        format!("{}^\n", " ".repeat(col))
    } else {
        String::new()
    };
    report("<anonymous_script>", line as u32, text, &caret, stack)
}

fn report(file: &str, line: u32, text: &str, caret: &str, stack: &str) -> String {
    format!("{file}:{line}\n{text}\n{caret}\n{stack}\n\nNode.js v20.20.2\n")
}

/// The source with comments and the contents of string and template literals blanked
/// out (template substitutions are kept), so words can be searched in code only.
pub fn strip_comments_and_strings(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    // Open template literals: the brace depth at which each `${` started.
    let mut templates: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut in_template = false;
    while i < b.len() {
        let c = b[i];
        if in_template {
            if c == b'\\' {
                i += 2;
                out.push_str("  ");
                continue;
            }
            if c == b'`' {
                in_template = false;
                out.push('`');
                i += 1;
                continue;
            }
            if c == b'$' && b.get(i + 1) == Some(&b'{') {
                templates.push(depth);
                depth += 1;
                in_template = false;
                out.push_str("${");
                i += 2;
                continue;
            }
            out.push(if c == b'\n' { '\n' } else { ' ' });
            i += 1;
            continue;
        }
        match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    out.push(' ');
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..]
                    .find("*/")
                    .map(|e| i + 2 + e + 2)
                    .unwrap_or(b.len());
                for ch in src[i..end].chars() {
                    out.push(if ch == '\n' { '\n' } else { ' ' });
                }
                i = end;
            }
            b'\'' | b'"' => {
                out.push(' ');
                i += 1;
                while i < b.len() && b[i] != c && b[i] != b'\n' {
                    if b[i] == b'\\' {
                        i += 1;
                        out.push(' ');
                    }
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            }
            b'`' => {
                in_template = true;
                out.push('`');
                i += 1;
            }
            b'{' => {
                depth += 1;
                out.push('{');
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                out.push('}');
                i += 1;
                if templates.last() == Some(&depth) {
                    templates.pop();
                    in_template = true;
                }
            }
            _ => {
                let ch_len = src[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push_str(&src[i..i + ch_len]);
                i += ch_len;
            }
        }
    }
    out
}
