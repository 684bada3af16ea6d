//! V8's wording for syntax errors (mapped from oxc's diagnostics) and Node's report of
//! an uncaught exception on stderr.

/// Maps an oxc diagnostic to the message V8 prints.
pub fn v8_syntax_message(oxc: &str, src: &str, offset: usize) -> String {
    let at = src.get(offset..).unwrap_or("");
    let tok: String = at.chars().take_while(|c| !c.is_whitespace()).take(1).collect();
    if oxc.contains("Unterminated string") || oxc.contains("Invalid Character") || oxc.contains("Invalid character") {
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
        let word: String = at.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
        if !word.is_empty() {
            let reserved = ["const", "let", "var", "if", "else", "for", "while", "return", "function", "class", "new", "this", "true", "false", "null", "in", "of", "do", "switch", "case", "break", "continue", "try", "catch", "finally", "throw", "typeof", "delete", "void", "instanceof", "import", "export", "default", "extends", "super", "yield", "await", "static"];
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
    let text = src.lines().nth(line.saturating_sub(1) as usize).unwrap_or("");
    let caret = format!("{}^", " ".repeat(col.saturating_sub(1) as usize));
    format!("{file}:{line}\n{text}\n{caret}\n\n{stack}\n\nNode.js v20.20.2\n")
}
