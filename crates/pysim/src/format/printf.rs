//! printf-style formatting: `"%5.1f|%-5s|%(name)s" % args`, with CPython's conversion
//! rules and error messages.

use super::spec::{self, Spec};
use crate::interp::number::Num;
use crate::interp::Vm;
use crate::objects::Kind;
use crate::value::Value;
use crate::PResult;
use num_bigint::BigInt;

impl Vm {
    /// `fmt % args`.
    pub fn printf_format(&mut self, fmt: &str, args: Value) -> PResult<String> {
        let is_tuple = matches!(args, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)));
        let is_mapping = !is_tuple
            && matches!(args, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Dict(_)) || (self.type_is_heap(self.heap.ty(r)) && !matches!(self.heap.kind(r), Kind::Str(_))));
        let items: Vec<Value> = if is_tuple {
            self.tuple_items(args)
        } else {
            vec![args]
        };
        let mut idx = 0;
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut used_mapping = false;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            if i >= chars.len() {
                return Err(self.value_error("incomplete format"));
            }
            let mut key: Option<String> = None;
            if chars[i] == '(' {
                let mut depth = 1;
                let start = i + 1;
                i += 1;
                while i < chars.len() && depth > 0 {
                    if chars[i] == '(' {
                        depth += 1;
                    } else if chars[i] == ')' {
                        depth -= 1;
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(self.value_error("incomplete format key"));
                }
                key = Some(chars[start..i - 1].iter().collect());
            }
            let mut sp = Spec::default();
            let mut left = false;
            while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
                match chars[i] {
                    '-' => left = true,
                    '+' => sp.sign = Some('+'),
                    ' ' => {
                        if sp.sign.is_none() {
                            sp.sign = Some(' ')
                        }
                    }
                    '#' => sp.alternate = true,
                    _ => sp.zero = true,
                }
                i += 1;
            }
            let mut next_arg = |vm: &mut Vm, idx: &mut usize| -> PResult<Value> {
                if let Some(k) = &key {
                    used_mapping = true;
                    let kv = vm.new_str(k);
                    let r = vm.getitem(args, kv);
                    vm.decref(kv);
                    return r;
                }
                match items.get(*idx) {
                    Some(v) => {
                        *idx += 1;
                        vm.incref(*v);
                        Ok(*v)
                    }
                    None => Err(vm.type_error("not enough arguments for format string")),
                }
            };
            if i < chars.len() && chars[i] == '*' {
                let w = next_arg(self, &mut idx)?;
                let wi = self.int_value_of(w);
                self.decref(w);
                match wi {
                    Some(n) => {
                        if n < 0 {
                            left = true;
                        }
                        sp.width = Some(n.unsigned_abs() as usize)
                    }
                    None => return Err(self.type_error("* wants int")),
                }
                i += 1;
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i > st {
                    sp.width = chars[st..i].iter().collect::<String>().parse().ok();
                }
            }
            if i < chars.len() && chars[i] == '.' {
                i += 1;
                if i < chars.len() && chars[i] == '*' {
                    let p = next_arg(self, &mut idx)?;
                    let pi = self.int_value_of(p);
                    self.decref(p);
                    sp.precision = Some(pi.unwrap_or(0).max(0) as usize);
                    i += 1;
                } else {
                    let st = i;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                    sp.precision =
                        Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
                }
            }
            while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            if i >= chars.len() {
                return Err(self.value_error("incomplete format"));
            }
            let conv = chars[i];
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            if left {
                sp.align = Some('<');
                sp.zero = false;
            } else if sp.zero {
                sp.fill = Some('0');
                sp.align = Some('=');
            } else {
                sp.align = Some('>');
            }
            let arg = next_arg(self, &mut idx)?;
            let piece = self.printf_one(conv, arg, &sp);
            self.decref(arg);
            out.push_str(&piece?);
        }
        if !used_mapping && !is_mapping && idx < items.len() {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }

    fn printf_one(&mut self, conv: char, arg: Value, sp: &Spec) -> PResult<String> {
        let mut sp = sp.clone();
        match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => self.str(arg)?,
                    'r' => self.repr(arg)?,
                    _ => super::repr::ascii_escape(&self.repr(arg)?),
                };
                sp.sign = None;
                sp.alternate = false;
                if sp.align == Some('=') {
                    sp.align = Some('>');
                    sp.fill = None;
                }
                sp.zero = false;
                Ok(spec::format_str(&s, &sp).unwrap_or(s))
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match self.num_of(arg) {
                    Some(Num::I(i)) => BigInt::from(i),
                    Some(Num::B(b)) => b,
                    Some(Num::F(f)) if matches!(conv, 'd' | 'i' | 'u') => {
                        num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()
                    }
                    _ => {
                        let tn = self.type_name_of(arg);
                        let msg = if matches!(conv, 'd' | 'i' | 'u') {
                            format!("%{conv} format: a real number is required, not {tn}")
                        } else {
                            format!("%{conv} format: an integer is required, not {tn}")
                        };
                        return Err(self.type_error(msg));
                    }
                };
                sp.ty = Some(match conv {
                    'x' => 'x',
                    'X' => 'X',
                    'o' => 'o',
                    _ => 'd',
                });
                let prec = sp.precision.take();
                let mut s = spec::format_int(
                    &n,
                    &Spec {
                        width: None,
                        align: None,
                        fill: None,
                        zero: false,
                        ..sp.clone()
                    },
                )
                .unwrap_or_default();
                if let Some(p) = prec {
                    let neg = s.starts_with('-');
                    let (sign, digits) = if neg || s.starts_with('+') || s.starts_with(' ') {
                        s.split_at(1)
                    } else {
                        ("", s.as_str())
                    };
                    let digits = if digits.len() < p {
                        format!("{}{}", "0".repeat(p - digits.len()), digits)
                    } else {
                        digits.to_string()
                    };
                    s = format!("{sign}{digits}");
                }
                Ok(pad_printf(&s, &sp))
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match self.num_of(arg) {
                    Some(Num::I(i)) => i as f64,
                    Some(Num::B(b)) => num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY),
                    Some(Num::F(f)) => f,
                    _ => {
                        let tn = self.type_name_of(arg);
                        return Err(self.type_error(format!("must be real number, not {tn}")));
                    }
                };
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                let s = spec::format_float(
                    f,
                    &Spec {
                        width: None,
                        align: None,
                        fill: None,
                        zero: false,
                        ..sp.clone()
                    },
                )
                .unwrap_or_default();
                Ok(pad_printf(&s, &sp))
            }
            'c' => {
                let s = match arg {
                    Value::Int(i, _) => char::from_u32(i as u32)
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    _ => match self.as_str(arg) {
                        Some(s) if s.chars().count() == 1 => s.to_string(),
                        _ => return Err(self.type_error("%c requires int or char")),
                    },
                };
                Ok(spec::format_str(
                    &s,
                    &Spec {
                        sign: None,
                        alternate: false,
                        zero: false,
                        align: if sp.align == Some('=') {
                            Some('>')
                        } else {
                            sp.align
                        },
                        ..sp.clone()
                    },
                )
                .unwrap_or(s))
            }
            other => {
                let code = other as u32;
                Err(self.value_error(format!(
                    "unsupported format character '{other}' (0x{code:x}) at index 1"
                )))
            }
        }
    }
}

/// Pads a printf-formatted number (zero padding after the sign).
fn pad_printf(s: &str, sp: &Spec) -> String {
    let width = sp.width.unwrap_or(0);
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let k = width - n;
    match sp.align {
        Some('<') => format!("{s}{}", " ".repeat(k)),
        Some('=') => {
            let (sign, rest) = if s.starts_with(['-', '+', ' ']) {
                s.split_at(1)
            } else {
                ("", s)
            };
            let (prefix, rest) =
                if rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o") {
                    rest.split_at(2)
                } else {
                    ("", rest)
                };
            format!("{sign}{prefix}{}{rest}", "0".repeat(k))
        }
        _ => format!("{}{s}", " ".repeat(k)),
    }
}
