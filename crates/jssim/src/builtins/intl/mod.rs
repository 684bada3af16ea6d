//! ECMA-402 (`Intl`) as Node 20's ICU answers it, for the locales notes use most
//! (English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish,
//! Russian, Chinese, Japanese, Korean; others fall back to `en-US` data):
//!
//! - [`collator`]: `Intl.Collator` and `localeCompare` (UCA root order);
//! - [`number`]: `Intl.NumberFormat` and `Number`/`BigInt` `toLocaleString`;
//! - [`datetime`]: `Intl.DateTimeFormat` and `Date` `toLocale*String`;
//! - [`misc`]: `Intl.PluralRules`, `Intl.RelativeTimeFormat`, `Intl.ListFormat`,
//!   `Intl.Segmenter`.
//!
//! The formatters are `Kind::Builtin` objects holding their resolved options.

pub mod collator;
pub mod datetime;
pub mod locale;
pub mod locale_data;
pub mod misc;
pub mod number;

pub use number::Part;

use crate::heap::{BuiltinData, Kind, NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{ObjRef, PropKey, Value};

/// The state of an Intl object.
#[derive(Debug, Clone)]
pub enum IntlData {
    Collator(collator::CollatorOpts),
    NumberFormat(Box<number::NumberOpts>),
    DateTimeFormat(Box<datetime::DateOpts>),
    PluralRules(misc::PluralOpts),
    RelativeTimeFormat(misc::RelativeOpts),
    ListFormat(misc::ListOpts),
    Segmenter(misc::SegmenterOpts),
}

/// An Intl object: its data and its bound `compare`/`format` function once read.
#[derive(Clone, Debug)]
pub struct IntlObj {
    pub data: IntlData,
    pub bound: Option<ObjRef>,
}

/// The Intl object behind `v`.
pub fn intl_of<'a>(vm: &'a Vm, v: &Value) -> Option<&'a IntlObj> {
    match vm.heap.kind(v.as_obj()?) {
        Some(Kind::Builtin(b)) => match &**b {
            BuiltinData::Intl(i) => Some(i),
            _ => None,
        },
        _ => None,
    }
}

fn intl_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut IntlObj> {
    match vm.heap.get_mut(o).map(|x| &mut x.kind) {
        Some(Kind::Builtin(b)) => match &mut **b {
            BuiltinData::Intl(i) => Some(i),
            _ => None,
        },
        _ => None,
    }
}

/// Allocates an Intl object of the prototype the constructor call asks for.
pub fn new_intl(vm: &mut Vm, c: &NativeCall, default_proto: ObjRef, data: IntlData) -> Res<Value> {
    let proto = vm.proto_for(c, default_proto)?;
    Ok(Value::Obj(vm.alloc(
        Some(proto),
        Kind::Builtin(Box::new(BuiltinData::Intl(Box::new(IntlObj {
            data,
            bound: None,
        })))),
    )))
}

/// The cached bound function of an Intl object (`collator.compare`, `nf.format`).
pub fn bound_fn(vm: &mut Vm, o: ObjRef, name: &str, len: u32, f: NativeFnPtr) -> Value {
    if let Some(b) = intl_of(vm, &Value::Obj(o)).and_then(|i| i.bound) {
        return Value::Obj(b);
    }
    let func = vm.native_with(name, len, f, vec![Value::Obj(o)], false);
    if let Some(i) = intl_mut(vm, o) {
        i.bound = Some(func);
    }
    Value::Obj(func)
}

/// Canonicalizes a BCP 47 tag (`en-us` → `en-US`, `zh-hans-cn` → `zh-Hans-CN`);
/// `None` when it is not well formed.
pub fn canonicalize(tag: &str) -> Option<String> {
    let parts: Vec<&str> = tag.split(['-', '_']).collect();
    let lang = parts.first()?;
    if !(2..=8).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = lang.to_ascii_lowercase();
    for p in &parts[1..] {
        if p.is_empty() || p.len() > 8 || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        if p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()) {
            let mut cs = p.chars();
            out.extend(cs.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(&cs.as_str().to_ascii_lowercase());
        } else if p.len() == 2 || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())) {
            out.push_str(&p.to_ascii_uppercase());
        } else {
            out.push_str(&p.to_ascii_lowercase());
        }
    }
    Some(out)
}

/// The requested locales of an Intl constructor or `toLocale*` call.
fn requested(vm: &mut Vm, v: &Value) -> Res<Vec<String>> {
    let raw: Vec<Value> = match v {
        Value::Undefined => return Ok(Vec::new()),
        Value::Str(_) => vec![v.clone()],
        Value::Obj(_) => {
            if let Some(i) = intl_of(vm, v) {
                if let IntlData::Collator(c) = &i.data {
                    return Ok(vec![c.locale.clone()]);
                }
            }
            let n = vm.length_of(v)?;
            let mut items = Vec::with_capacity(n);
            for i in 0..n {
                items.push(vm.get_elem(v, &Value::Num(i as f64))?);
            }
            items
        }
        Value::Null => return Err(vm.type_error("Cannot convert undefined or null to object")),
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        if !matches!(r, Value::Str(_) | Value::Obj(_)) {
            return Err(vm.type_error("Language ID should be string or object."));
        }
        let s = vm.to_string(&r)?;
        match canonicalize(&s) {
            Some(t) => {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
            None => return Err(vm.range_error("Incorrect locale information provided")),
        }
    }
    Ok(out)
}

/// The locale an Intl service uses: the first requested one whose language has
/// data, else `en-US` (Node's default locale).
pub fn resolve_locale(vm: &mut Vm, v: &Value) -> Res<String> {
    let req = requested(vm, v)?;
    Ok(req
        .into_iter()
        .find(|t| locale::supported(t))
        .unwrap_or_else(|| "en-US".into()))
}

/// Reads a string option (`GetOption` with allowed values).
pub fn opt_str(
    vm: &mut Vm,
    opts: &Value,
    name: &str,
    allowed: &[&'static str],
    default: Option<&'static str>,
) -> Res<Option<&'static str>> {
    if !matches!(opts, Value::Obj(_)) {
        return Ok(default);
    }
    let v = vm.get(opts, &PropKey::s(name))?;
    if matches!(v, Value::Undefined) {
        return Ok(default);
    }
    let s = vm.to_string(&v)?;
    match allowed.iter().find(|a| ***a == *s) {
        Some(a) => Ok(Some(a)),
        None => Err(vm.range_error(&format!(
            "Value {s} out of range for Intl options property {name}"
        ))),
    }
}

/// Reads a boolean option.
pub fn opt_bool(vm: &mut Vm, opts: &Value, name: &str) -> Res<Option<bool>> {
    if !matches!(opts, Value::Obj(_)) {
        return Ok(None);
    }
    let v = vm.get(opts, &PropKey::s(name))?;
    Ok(match v {
        Value::Undefined => None,
        v => Some(v.truthy()),
    })
}

/// Reads an integer option in `min..=max`.
pub fn opt_int(vm: &mut Vm, opts: &Value, name: &str, min: f64, max: f64) -> Res<Option<u32>> {
    if !matches!(opts, Value::Obj(_)) {
        return Ok(None);
    }
    let v = vm.get(opts, &PropKey::s(name))?;
    if matches!(v, Value::Undefined) {
        return Ok(None);
    }
    let n = vm.to_number(&v)?;
    if !(min..=max).contains(&n) || n.is_nan() {
        return Err(vm.range_error(&format!("{name} value is out of range.")));
    }
    Ok(Some(n.floor() as u32))
}

/// An options argument: undefined stays undefined, other values must be objects.
pub fn options_arg(vm: &mut Vm, v: &Value) -> Res<Value> {
    match v {
        Value::Undefined | Value::Obj(_) => Ok(v.clone()),
        Value::Null => Err(vm.type_error("Cannot convert undefined or null to object")),
        other => {
            let o = super::object::to_object(vm, other)?;
            Ok(Value::Obj(o))
        }
    }
}

// ---- Intl.Collator ----

fn collator_opts(vm: &mut Vm, locales: &Value, options: &Value) -> Res<collator::CollatorOpts> {
    let options = options_arg(vm, options)?;
    let req = requested(vm, locales)?;
    let usage = opt_str(vm, &options, "usage", &["sort", "search"], Some("sort"))?;
    let numeric = opt_bool(vm, &options, "numeric")?.unwrap_or(false);
    let case_first = opt_str(
        vm,
        &options,
        "caseFirst",
        &["upper", "lower", "false"],
        Some("false"),
    )?
    .unwrap_or("false");
    let sensitivity = match opt_str(
        vm,
        &options,
        "sensitivity",
        &["base", "accent", "case", "variant"],
        None,
    )? {
        Some("base") => collator::Sensitivity::Base,
        Some("accent") => collator::Sensitivity::Accent,
        Some("case") => collator::Sensitivity::Case,
        _ => collator::Sensitivity::Variant,
    };
    let ignore_punctuation = opt_bool(vm, &options, "ignorePunctuation")?.unwrap_or(false);
    let locale = req
        .into_iter()
        .find(|t| locale::supported(t))
        .unwrap_or_else(|| "en-US".into());
    Ok(collator::CollatorOpts {
        locale,
        usage_search: usage == Some("search"),
        sensitivity,
        ignore_punctuation,
        numeric,
        case_first,
    })
}

/// `String.prototype.localeCompare(that, locales, options)`.
pub fn locale_compare(vm: &mut Vm, a: &str, b: &str, locales: &Value, options: &Value) -> Res<f64> {
    let o = if matches!(locales, Value::Undefined) && matches!(options, Value::Undefined) {
        collator::CollatorOpts::default()
    } else {
        collator_opts(vm, locales, options)?
    };
    Ok(match collator::compare(a, b, &o) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    })
}

fn collator_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = collator_opts(vm, &c.arg(0), &c.arg(1))?;
    let p = vm.realm.intl_protos[0];
    new_intl(vm, c, p, IntlData::Collator(o))
}

fn this_collator(
    vm: &mut Vm,
    c: &NativeCall,
    method: &str,
) -> Res<(ObjRef, collator::CollatorOpts)> {
    let this = match crate::builtins::promise::native_slot(vm, c.callee, 0) {
        Value::Obj(o) => Value::Obj(o),
        _ => c.this.clone(),
    };
    match intl_of(vm, &this) {
        Some(IntlObj {
            data: IntlData::Collator(o),
            ..
        }) => Ok((this.as_obj().unwrap_or_default(), o.clone())),
        _ => {
            let d = vm.to_display(&this);
            Err(vm.type_error(&format!(
                "Method Intl.Collator.prototype.{method} called on incompatible receiver {}",
                d
            )))
        }
    }
}

fn collator_compare_fn(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_collator(vm, c, "compare")?;
    let a = vm.to_string(&c.arg(0))?;
    let b = vm.to_string(&c.arg(1))?;
    Ok(Value::Num(match collator::compare(&a, &b, &o) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

fn collator_compare_getter(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (o, _) = this_collator(vm, c, "compare")?;
    Ok(bound_fn(vm, o, "", 2, collator_compare_fn))
}

fn collator_resolved(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (_, o) = this_collator(vm, c, "resolvedOptions")?;
    let r = vm.new_object();
    let lang_only = o.locale.clone();
    vm.set_prop_raw(r, "locale", Value::str(&lang_only));
    vm.set_prop_raw(
        r,
        "usage",
        Value::str(if o.usage_search { "search" } else { "sort" }),
    );
    vm.set_prop_raw(r, "sensitivity", Value::str(o.sensitivity.name()));
    vm.set_prop_raw(r, "ignorePunctuation", Value::Bool(o.ignore_punctuation));
    vm.set_prop_raw(r, "collation", Value::str("default"));
    vm.set_prop_raw(r, "numeric", Value::Bool(o.numeric));
    vm.set_prop_raw(r, "caseFirst", Value::str(o.case_first));
    Ok(Value::Obj(r))
}

/// `supportedLocalesOf(locales)` of every Intl constructor.
fn supported_locales_of(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let req = requested(vm, &c.arg(0))?;
    let items: Vec<Value> = req
        .into_iter()
        .filter(|t| locale::supported(t))
        .map(|t| Value::str(&t))
        .collect();
    Ok(vm.array_value(items))
}

fn get_canonical_locales(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let req = requested(vm, &c.arg(0))?;
    let items: Vec<Value> = req.into_iter().map(|t| Value::str(&t)).collect();
    Ok(vm.array_value(items))
}

/// Creates `Intl.<name>` with its prototype (tagged `Intl.<name>`).
pub fn intl_class(
    vm: &mut Vm,
    intl: ObjRef,
    name: &str,
    len: u32,
    ctor: NativeFnPtr,
) -> (ObjRef, ObjRef) {
    let op = vm.realm.object_proto;
    let proto = vm.heap.alloc(Some(op), Kind::Ordinary);
    let c = vm.native_with(name, len, ctor, vec![], true);
    if let Some(o) = vm.heap.get_mut(c) {
        o.props.insert(
            PropKey::s("prototype"),
            crate::heap::Prop {
                v: crate::heap::PropVal::Data(Value::Obj(proto)),
                enumerable: false,
                writable: false,
                configurable: false,
            },
        );
    }
    vm.set_hidden(proto, "constructor", Value::Obj(c));
    vm.set_tag(proto, &format!("Intl.{name}"));
    vm.set_hidden(intl, name, Value::Obj(c));
    vm.method(c, "supportedLocalesOf", 1, supported_locales_of);
    (c, proto)
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm.object_proto;
    let intl = vm.heap.alloc(Some(op), Kind::Ordinary);
    vm.set_tag(intl, "Intl");
    let g = vm.realm.global;
    vm.set_hidden(g, "Intl", Value::Obj(intl));
    vm.method(intl, "getCanonicalLocales", 1, get_canonical_locales);

    let (_, cp) = intl_class(vm, intl, "Collator", 0, collator_ctor);
    super::getter(vm, cp, "compare", collator_compare_getter);
    vm.method(cp, "resolvedOptions", 0, collator_resolved);
    vm.realm.intl_protos.push(cp);
    number::install(vm, intl);
    datetime::install(vm, intl);
    misc::install(vm, intl);
    vm.realm.extra.push(intl);
}
