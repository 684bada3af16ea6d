//! `unicodedata`: character categories, names, East Asian widths, digit values,
//! combining classes and normalization forms, from the Unicode data CPython 3.11
//! carries (`objects::unicode_tables`) plus the `unicode_names2` and
//! `unicode-normalization` crates.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::unicode;
use crate::objects::unicode_tables::{EAST_ASIAN_WIDTH, WIDTH_NAMES};
use crate::value::{ObjRef, Value};
use crate::PResult;
use unicode_normalization::UnicodeNormalization;

/// The single character a function is given, with CPython's TypeError otherwise.
fn char_arg(vm: &mut Vm, args: &[Value], fname: &str) -> PResult<char> {
    let Some(&v) = args.first() else {
        return Err(vm.type_error(format!(
            "{fname}() takes at least 1 positional argument (0 given)"
        )));
    };
    if let Some(s) = vm.as_str(v) {
        let mut cs = s.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            return Ok(c);
        }
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(format!(
        "{fname}() argument must be a unicode character, not {tn}"
    )))
}

/// The `default` argument, or the ValueError raised without one.
fn or_default(vm: &mut Vm, args: &[Value], msg: &str) -> PResult<Value> {
    match args.get(1) {
        Some(&d) => {
            vm.incref(d);
            Ok(d)
        }
        None => Err(vm.value_error(msg)),
    }
}

fn category(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "category")?;
    Ok(vm.new_str(unicode::category(c)))
}

fn name(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "name")?;
    if unicode::category(c) == "Cn" {
        return or_default(vm, args, "no such name");
    }
    match unicode_names2::name(c) {
        Some(n) => Ok(vm.new_string(n.to_string())),
        None => or_default(vm, args, "no such name"),
    }
}

fn lookup(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("lookup", args, 1, 1)?;
    let Some(n) = vm.as_str(args[0]).map(str::to_string) else {
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!("lookup() argument must be str, not {tn}")));
    };
    match unicode_names2::character(&n) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => {
            let key = vm.new_string(format!("undefined character name '{n}'"));
            let e = vm.key_error(key);
            vm.decref(key);
            Err(e)
        }
    }
}

fn east_asian_width(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "east_asian_width")?;
    let v = c as u32;
    let i = EAST_ASIAN_WIDTH.partition_point(|&(start, _)| start <= v) - 1;
    Ok(vm.new_str(WIDTH_NAMES[EAST_ASIAN_WIDTH[i].1 as usize]))
}

/// The value of a decimal digit: its offset in its run of ten.
fn decimal_value(c: char) -> Option<u32> {
    if !unicode::is_decimal(c) {
        return None;
    }
    let mut start = c as u32;
    while start > 0 && char::from_u32(start - 1).is_some_and(unicode::is_decimal) {
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

fn decimal(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "decimal")?;
    match decimal_value(c) {
        Some(d) => Ok(vm.int(d as i64)),
        None => or_default(vm, args, "not a decimal"),
    }
}

fn digit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "digit")?;
    match decimal_value(c).or_else(|| c.to_digit(10)) {
        Some(d) => Ok(vm.int(d as i64)),
        None => or_default(vm, args, "not a digit"),
    }
}

fn numeric(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "numeric")?;
    match decimal_value(c) {
        Some(d) => Ok(vm.float(d as f64)),
        None if unicode::is_numeric(c) => Err(crate::Throw::Unsupported(
            "unicodedata.numeric of a non-decimal numeral".into(),
            None,
        )),
        None => or_default(vm, args, "not a numeric character"),
    }
}

fn combining(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let c = char_arg(vm, args, "combining")?;
    let class = unicode_normalization::char::canonical_combining_class(c);
    Ok(vm.int(class as i64))
}

/// The form and string arguments of `normalize` / `is_normalized`.
fn form_args(vm: &mut Vm, args: &[Value], fname: &str) -> PResult<(String, String)> {
    vm.nargs(fname, args, 2, 2)?;
    let mut out = Vec::new();
    for (i, &v) in args.iter().enumerate() {
        match vm.as_str(v) {
            Some(s) => out.push(s.to_string()),
            None => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(format!(
                    "{fname}() argument {} must be str, not {tn}",
                    i + 1
                )));
            }
        }
    }
    let s = out.pop().unwrap_or_default();
    let form = out.pop().unwrap_or_default();
    Ok((form, s))
}

fn normalized(vm: &mut Vm, form: &str, s: &str) -> PResult<String> {
    Ok(match form {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        "NFKD" => s.nfkd().collect(),
        _ => return Err(vm.value_error("invalid normalization form")),
    })
}

fn normalize(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let (form, s) = form_args(vm, args, "normalize")?;
    let r = normalized(vm, &form, &s)?;
    Ok(vm.new_string(r))
}

fn is_normalized(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let (form, s) = form_args(vm, args, "is_normalized")?;
    let r = normalized(vm, &form, &s)?;
    Ok(Value::Bool(r == s))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    let fns: &[(&str, crate::objects::function::NativeFn)] = &[
        ("category", category),
        ("name", name),
        ("lookup", lookup),
        ("east_asian_width", east_asian_width),
        ("decimal", decimal),
        ("digit", digit),
        ("numeric", numeric),
        ("combining", combining),
        ("normalize", normalize),
        ("is_normalized", is_normalized),
    ];
    for &(name, f) in fns {
        vm.add_fn(d, name, f);
    }
    let v = vm.new_str("14.0.0");
    vm.dict_set_str(d, "unidata_version", v);
    Ok(())
}
