//! `str.format` / `str.format_map`: replacement fields with automatic or manual
//! numbering, attribute and index access, `!r` / `!s` / `!a` conversions and nested
//! format specs, with CPython's errors.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::Value;
use crate::PResult;

impl Vm {
    /// `template.format(*args, **kwargs)`; `mapping` replaces kwargs for `format_map`.
    pub fn str_format(
        &mut self,
        template: &str,
        args: &[Value],
        kw: Kw,
        mapping: Option<Value>,
    ) -> PResult<String> {
        let mut auto = 0usize;
        let mut manual = false;
        self.str_format_depth(template, args, kw, mapping, &mut auto, &mut manual, 0)
    }

    #[allow(clippy::too_many_arguments)]
    fn str_format_depth(
        &mut self,
        template: &str,
        args: &[Value],
        kw: Kw,
        mapping: Option<Value>,
        auto: &mut usize,
        manual: &mut bool,
        depth: u32,
    ) -> PResult<String> {
        if depth > 2 {
            return Err(self.value_error("Max string recursion exceeded"));
        }
        let c: Vec<char> = template.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < c.len() {
            match c[i] {
                '{' if c.get(i + 1) == Some(&'{') => {
                    out.push('{');
                    i += 2;
                }
                '}' if c.get(i + 1) == Some(&'}') => {
                    out.push('}');
                    i += 2;
                }
                '}' => return Err(self.value_error("Single '}' encountered in format string")),
                '{' => {
                    let start = i + 1;
                    let mut depth_b = 1;
                    let mut j = start;
                    while j < c.len() {
                        if c[j] == '{' {
                            depth_b += 1;
                        } else if c[j] == '}' {
                            depth_b -= 1;
                            if depth_b == 0 {
                                break;
                            }
                        }
                        j += 1;
                    }
                    if j >= c.len() {
                        return Err(self.value_error(if depth_b > 1 {
                            "expected '}' before end of string"
                        } else {
                            "Single '{' encountered in format string"
                        }));
                    }
                    let field: String = c[start..j].iter().collect();
                    i = j + 1;
                    // field_name[!conv][:spec]
                    let (name_part, spec_part) = split_top(&field, ':');
                    let (name, conv) = match name_part.rfind('!') {
                        Some(p) if !name_part[p..].contains(']') => {
                            (&name_part[..p], Some(&name_part[p + 1..]))
                        }
                        _ => (name_part, None),
                    };
                    let value = self.resolve_field(name, args, kw, mapping, auto, manual)?;
                    let converted = match conv {
                        None => Ok(value),
                        Some("r") => {
                            let r = self.repr_value(value);
                            self.decref(value);
                            r
                        }
                        Some("s") => {
                            let r = self.str_value(value);
                            self.decref(value);
                            r
                        }
                        Some("a") => {
                            let r = self.repr(value);
                            self.decref(value);
                            r.map(|s| {
                                let e = super::repr::ascii_escape(&s);
                                self.new_string(e)
                            })
                        }
                        Some(other) => {
                            self.decref(value);
                            let msg = if other.is_empty() {
                                "end of string while looking for conversion specifier".to_string()
                            } else {
                                format!("Unknown conversion specifier {other}")
                            };
                            Err(self.value_error(msg))
                        }
                    }?;
                    let spec = match spec_part {
                        Some(s) if s.contains('{') => match self.str_format_depth(
                            s,
                            args,
                            kw,
                            mapping,
                            auto,
                            manual,
                            depth + 1,
                        ) {
                            Ok(s) => s,
                            Err(e) => {
                                self.decref(converted);
                                return Err(e);
                            }
                        },
                        Some(s) => s.to_string(),
                        None => String::new(),
                    };
                    let r = self.format(converted, &spec);
                    self.decref(converted);
                    out.push_str(&r?);
                }
                ch => {
                    out.push(ch);
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    fn resolve_field(
        &mut self,
        name: &str,
        args: &[Value],
        kw: Kw,
        mapping: Option<Value>,
        auto: &mut usize,
        manual: &mut bool,
    ) -> PResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            if *manual {
                return Err(self.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let k = *auto;
            *auto += 1;
            match args.get(k) {
                Some(v) => {
                    self.incref(*v);
                    *v
                }
                None => {
                    return Err(self.index_error(format!(
                        "Replacement index {k} out of range for positional args tuple"
                    )))
                }
            }
        } else if let Ok(k) = first.parse::<usize>() {
            if *auto > 0 {
                return Err(self.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            *manual = true;
            match args.get(k) {
                Some(v) => {
                    self.incref(*v);
                    *v
                }
                None => {
                    return Err(self.index_error(format!(
                        "Replacement index {k} out of range for positional args tuple"
                    )))
                }
            }
        } else {
            let found = match mapping {
                Some(m) => {
                    let key = self.new_str(first);
                    let r = self.getitem(m, key);
                    self.decref(key);
                    Some(r?)
                }
                None => self.kwarg(kw, first).inspect(|&v| {
                    self.incref(v);
                }),
            };
            match found {
                Some(v) => v,
                None => {
                    let key = self.new_str(first);
                    let e = self.key_error(key);
                    self.decref(key);
                    return Err(e);
                }
            }
        };
        let rest = &name[first_end..];
        let mut k = 0;
        let rb = rest.as_bytes();
        while k < rb.len() {
            if rb[k] == b'.' {
                let end = rest[k + 1..]
                    .find(['.', '['])
                    .map(|e| e + k + 1)
                    .unwrap_or(rest.len());
                let attr = &rest[k + 1..end];
                let a = self.intern(attr);
                let r = self.getattr(obj, a);
                self.decref(obj);
                obj = r?;
                k = end;
            } else if rb[k] == b'[' {
                let end = match rest[k..].find(']') {
                    Some(e) => e + k,
                    None => {
                        self.decref(obj);
                        return Err(self.value_error("Missing ']' in format string"));
                    }
                };
                let key = &rest[k + 1..end];
                let kv = match key.parse::<i64>() {
                    Ok(n) => self.int(n),
                    Err(_) => self.new_str(key),
                };
                let r = self.getitem(obj, kv);
                self.decref(kv);
                self.decref(obj);
                obj = r?;
                k = end + 1;
            } else {
                self.decref(obj);
                return Err(
                    self.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        Ok(obj)
    }
}

/// Splits at the first `sep` outside brackets.
fn split_top(s: &str, sep: char) -> (&str, Option<&str>) {
    let mut depth = 0;
    for (i, ch) in s.char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => return (&s[..i], Some(&s[i + 1..])),
            _ => {}
        }
    }
    (s, None)
}
