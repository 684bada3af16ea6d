//! Runtime support of `match`: class patterns (`__match_args__`, the self-matching
//! built-ins), mapping and sequence tests, key lookups and `**rest`.

use super::Vm;
use crate::objects::Kind;
use crate::types as t;
use crate::value::{ObjRef, Value};
use crate::PResult;

/// Built-ins whose single positional sub-pattern matches the subject itself.
const SELF_MATCHING: &[ObjRef] = &[
    t::BOOL,
    t::BYTEARRAY,
    t::BYTES,
    t::DICT,
    t::FLOAT,
    t::FROZENSET,
    t::INT,
    t::LIST,
    t::SET,
    t::STR,
    t::TUPLE,
];

impl Vm {
    /// `MATCH_CLASS`: the matched attributes as a tuple, or None.
    pub fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        nargs: usize,
        names: Value,
    ) -> PResult<Value> {
        let Value::Obj(c) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !matches!(self.heap.kind(c), Kind::Type(_)) {
            return Err(self.type_error("called match pattern must be a class"));
        }
        if !self.isinstance_type(subj, c) {
            return Ok(Value::None);
        }
        let cname = self.type_name(c);
        let mut attrs: Vec<Value> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if nargs > 0 {
            let ma = self.lookup_type_str(c, "__match_args__");
            match ma {
                None if SELF_MATCHING.iter().any(|b| self.is_subtype(c, *b)) => {
                    if nargs > 1 {
                        return Err(self.type_error(format!(
                            "{cname}() accepts 1 positional sub-pattern ({nargs} given)"
                        )));
                    }
                    self.incref(subj);
                    attrs.push(subj);
                }
                None => {
                    return Err(self.type_error(format!(
                        "{cname}() accepts 0 positional sub-patterns ({nargs} given)"
                    )));
                }
                Some(m) => {
                    let items = self.tuple_items(m);
                    self.decref(m);
                    if nargs > items.len() {
                        return Err(self.type_error(format!(
                            "{cname}() accepts {} positional sub-pattern{} ({nargs} given)",
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        )));
                    }
                    for it in &items[..nargs] {
                        let Some(n) = self.as_str(*it).map(|s| s.to_string()) else {
                            self.decref_all(attrs);
                            return Err(self.type_error("__match_args__ elements must be strings"));
                        };
                        seen.push(n.clone());
                        let nr = self.intern(&n);
                        match self.getattr_opt(subj, nr)? {
                            Some(v) => attrs.push(v),
                            None => {
                                self.decref_all(attrs);
                                return Ok(Value::None);
                            }
                        }
                    }
                }
            }
        }
        for n in self.tuple_items(names) {
            let Some(s) = self.as_str(n).map(|s| s.to_string()) else {
                continue;
            };
            if seen.contains(&s) {
                self.decref_all(attrs);
                return Err(self.type_error(format!(
                    "{cname}() got multiple sub-patterns for attribute '{s}'"
                )));
            }
            seen.push(s.clone());
            let nr = self.intern(&s);
            match self.getattr_opt(subj, nr)? {
                Some(v) => attrs.push(v),
                None => {
                    self.decref_all(attrs);
                    return Ok(Value::None);
                }
            }
        }
        Ok(self.new_tuple(attrs))
    }

    pub fn is_mapping_for_match(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Dict(_) | Kind::MappingProxy(_)))
    }

    pub fn is_sequence_for_match(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::List(_) | Kind::Tuple(_) | Kind::Range(_) | Kind::MemoryView(_) => true,
                Kind::Object => {
                    let ty = self.heap.ty(r);
                    self.type_name(ty) == "deque"
                        || matches!(self.heap.kind(ty), Kind::Type(tt) if tt.mro.iter().any(|m| self.type_name(*m) == "deque"))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `MATCH_KEYS`: a tuple of the values, or None when a key is missing.
    pub fn match_keys(&mut self, subj: Value, keys: Value) -> PResult<Value> {
        let ks = self.tuple_items(keys);
        let mut out = Vec::with_capacity(ks.len());
        for (i, k) in ks.iter().enumerate() {
            for prev in &ks[..i] {
                if self.eq(*prev, *k)? {
                    self.decref_all(out);
                    let r = self.repr(*k)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            let found = match subj {
                Value::Obj(d)
                    if matches!(self.heap.kind(d), Kind::Dict(_))
                        && !self.type_is_heap(self.heap.ty(d)) =>
                {
                    self.dict_get(d, *k)?.inspect(|&v| {
                        self.incref(v);
                    })
                }
                _ => {
                    let marker = Value::Obj(self.not_implemented);
                    let v = self.call_method(subj, "get", &[*k, marker])?;
                    if self.is_not_implemented(v) {
                        self.decref(v);
                        None
                    } else {
                        Some(v)
                    }
                }
            };
            match found {
                Some(v) => out.push(v),
                None => {
                    self.decref_all(out);
                    return Ok(Value::None);
                }
            }
        }
        Ok(self.new_tuple(out))
    }

    /// `COPY_DICT_WITHOUT_KEYS`: `dict(subject)` minus the matched keys.
    pub fn copy_dict_without_keys(&mut self, subj: Value, keys: Value) -> PResult<Value> {
        let d = self.new_dict();
        self.dict_update(d, subj)?;
        for k in self.tuple_items(keys) {
            if let Some((a, b)) = self.dict_remove(d, k)? {
                self.decref(a);
                self.decref(b);
            }
        }
        Ok(Value::Obj(d))
    }

    /// `bytes % args` (as text formatting over Latin-1).
    pub fn bytes_printf(&mut self, fmt: Value, args: Value) -> PResult<Value> {
        let b = self.bytes_like(fmt).unwrap_or_default();
        let text: String = b.iter().map(|c| *c as char).collect();
        let s = self.printf_format(&text, args)?;
        let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        Ok(self.new_bytes(out))
    }
}
