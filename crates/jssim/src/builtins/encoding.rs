//! Text and base64 encodings of the Encoding and HTML standards: `TextEncoder`
//! (UTF-8) and `TextDecoder` (utf-8, utf-16le, latin1/windows-1252; `fatal`,
//! `ignoreBOM`) as Node has them, and `atob`/`btoa` (forgiving base64, with the
//! environment's DOMException message).

use super::buffer::{base64_decode, base64_encode};
use super::make_ctor;
use crate::heap::{BuiltinData, Kind, NativeCall, TaKind};
use crate::interp::{Res, Vm};
use crate::value::{PropKey, Value};

fn btoa(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.args.is_empty() {
        return Err(vm.type_error(&missing("btoa", vm.browser)));
    }
    let s = vm.to_string(&c.arg(0))?;
    let mut bytes = Vec::with_capacity(s.len());
    for u in crate::value::utf16(&s) {
        if u > 0xff {
            return Err(invalid_character(vm));
        }
        bytes.push(u as u8);
    }
    Ok(Value::str(&base64_encode(&bytes)))
}

fn missing(f: &str, browser: bool) -> String {
    if browser {
        format!("Failed to execute '{f}' on 'Window': 1 argument required, but only 0 present.")
    } else {
        "The \"data\" argument must be specified".into()
    }
}

fn invalid_character(vm: &mut Vm) -> crate::interp::Throw {
    let msg = if vm.browser {
        "The string to be encoded contains characters outside of the Latin1 range."
    } else {
        "Invalid character"
    };
    crate::dom::exception(vm, "InvalidCharacterError", msg)
}

fn atob(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.args.is_empty() {
        return Err(vm.type_error(&missing("atob", vm.browser)));
    }
    let s = vm.to_string(&c.arg(0))?;
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r'))
        .collect();
    let mut body = cleaned.as_str();
    if body.len().is_multiple_of(4) {
        body = body
            .strip_suffix("==")
            .or_else(|| body.strip_suffix('='))
            .unwrap_or(body);
    }
    let chars_ok = body
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/');
    if !chars_ok || body.len() % 4 == 1 {
        let msg = if vm.browser {
            "The string to be decoded contains invalid characters."
        } else if !chars_ok {
            "Invalid character"
        } else {
            "The string to be decoded is not correctly encoded."
        };
        return Err(crate::dom::exception(vm, "InvalidCharacterError", msg));
    }
    let bytes = base64_decode(body);
    Ok(Value::str(
        &bytes.iter().map(|b| *b as char).collect::<String>(),
    ))
}

// ---- TextEncoder / TextDecoder ----

fn new_uint8(vm: &mut Vm, data: &[u8]) -> Res<Value> {
    let p = vm.realm.typed_protos[1];
    let o = super::typed::new_typed(vm, TaKind::Uint8, data.len(), p)?;
    if let Some(t) = super::typed::view(vm, o) {
        if let Some(Kind::ArrayBuffer(b)) = vm.heap.get_mut(t.buffer).map(|x| &mut x.kind) {
            b.copy_from_slice(data);
        }
    }
    Ok(Value::Obj(o))
}

fn text_encoder_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Class constructor TextEncoder cannot be invoked without 'new'"));
    }
    let default = vm
        .get(&Value::Obj(c.callee), &PropKey::s("prototype"))?
        .as_obj()
        .unwrap_or(vm.realm.object_proto);
    let p = vm.proto_for(c, default)?;
    Ok(Value::Obj(vm.alloc(Some(p), Kind::Ordinary)))
}

fn encode(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = match c.arg(0) {
        Value::Undefined => "".into(),
        v => vm.to_string(&v)?,
    };
    new_uint8(vm, crate::value::well_formed(&s).as_bytes())
}

fn encode_into(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let s = vm.to_string(&c.arg(0))?;
    let Some(dest) = c
        .arg(1)
        .as_obj()
        .and_then(|o| super::typed::view(vm, o).map(|t| (o, t)))
    else {
        return Err(vm.type_error("The \"dest\" argument must be an instance of Uint8Array."));
    };
    let (_, t) = dest;
    let text = crate::value::well_formed(&s);
    let room = t.length;
    let mut written = 0;
    let mut read = 0;
    let mut out = Vec::new();
    for ch in text.chars() {
        let n = ch.len_utf8();
        if written + n > room {
            break;
        }
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        written += n;
        read += ch.len_utf16();
    }
    if let Some(Kind::ArrayBuffer(b)) = vm.heap.get_mut(t.buffer).map(|x| &mut x.kind) {
        b[t.offset..t.offset + out.len()].copy_from_slice(&out);
    }
    let r = vm.new_object();
    vm.set_prop_raw(r, "read", Value::Num(read as f64));
    vm.set_prop_raw(r, "written", Value::Num(written as f64));
    Ok(Value::Obj(r))
}

fn encoder_encoding(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::str("utf-8"))
}

/// The canonical name of a supported decoder label.
fn decoder_label(l: &str) -> Option<&'static str> {
    Some(match l.trim().to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" => "utf-8",
        "utf-16le" | "utf-16" => "utf-16le",
        "latin1" | "iso-8859-1" | "ascii" | "us-ascii" | "windows-1252" | "l1" => "windows-1252",
        _ => return None,
    })
}

fn text_decoder_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.new_target.is_none() {
        return Err(vm.type_error("Class constructor TextDecoder cannot be invoked without 'new'"));
    }
    let label = match c.arg(0) {
        Value::Undefined => "utf-8".to_string(),
        v => vm.to_string(&v)?.to_string(),
    };
    let Some(enc) = decoder_label(&label) else {
        return Err(crate::env_node::node_error(
            vm,
            "RangeError",
            "ERR_ENCODING_NOT_SUPPORTED",
            &format!("The \"{label}\" encoding is not supported"),
        ));
    };
    let opts = c.arg(1);
    let (fatal, ignore_bom) = if let Value::Obj(_) = opts {
        (
            vm.get(&opts, &PropKey::s("fatal"))?.truthy(),
            vm.get(&opts, &PropKey::s("ignoreBOM"))?.truthy(),
        )
    } else {
        (false, false)
    };
    let default = vm
        .get(&Value::Obj(c.callee), &PropKey::s("prototype"))?
        .as_obj()
        .unwrap_or(vm.realm.object_proto);
    let p = vm.proto_for(c, default)?;
    let data = BuiltinData::TextDecoder {
        encoding: enc,
        fatal,
        ignore_bom,
    };
    Ok(Value::Obj(vm.alloc(Some(p), Kind::Builtin(Box::new(data)))))
}

/// The decoder's (encoding, fatal, ignoreBOM).
fn decoder(vm: &mut Vm, c: &NativeCall) -> Res<(&'static str, bool, bool)> {
    match c.this.as_obj().and_then(|o| vm.heap.kind(o)) {
        Some(Kind::Builtin(b)) => match **b {
            BuiltinData::TextDecoder {
                encoding,
                fatal,
                ignore_bom,
            } => Ok((encoding, fatal, ignore_bom)),
            _ => Err(vm.type_error("Illegal invocation")),
        },
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn decode(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let (enc_name, fatal, ignore_bom) = decoder(vm, c)?;
    let data: Vec<u8> = match c.arg(0) {
        Value::Undefined => Vec::new(),
        Value::Obj(o) => {
            match vm.heap.kind(o) {
                Some(Kind::ArrayBuffer(b)) => b.clone(),
                Some(Kind::TypedArray(_)) => super::buffer::buffer_bytes(vm, o),
                _ => {
                    return Err(crate::env_node::node_error(vm, "TypeError", "ERR_INVALID_ARG_TYPE", "The \"input\" argument must be an instance of ArrayBuffer or ArrayBufferView."));
                }
            }
        }
        _ => {
            return Err(crate::env_node::node_error(
                vm,
                "TypeError",
                "ERR_INVALID_ARG_TYPE",
                "The \"input\" argument must be an instance of ArrayBuffer or ArrayBufferView.",
            ));
        }
    };
    let s = match enc_name {
        "utf-16le" => {
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            let units = if !ignore_bom && units.first() == Some(&0xfeff) {
                &units[1..]
            } else {
                &units[..]
            };
            crate::value::from_utf16(units)
        }
        "windows-1252" => data.iter().map(|b| *b as char).collect(),
        _ => {
            let body = if !ignore_bom && data.starts_with(&[0xef, 0xbb, 0xbf]) {
                &data[3..]
            } else {
                &data[..]
            };
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(_) if fatal => {
                    return Err(crate::env_node::node_error(
                        vm,
                        "TypeError",
                        "ERR_ENCODING_INVALID_ENCODED_DATA",
                        &format!("The encoded data was not valid for encoding {enc_name}"),
                    ))
                }
                Err(_) => String::from_utf8_lossy(body).into_owned(),
            }
        }
    };
    Ok(Value::str(&s))
}

fn decoder_encoding(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::str(decoder(vm, c)?.0))
}

fn decoder_fatal(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(decoder(vm, c)?.1))
}

fn decoder_ignore_bom(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(decoder(vm, c)?.2))
}

pub fn install(vm: &mut Vm) {
    let g = vm.realm.global;
    vm.method(g, "atob", 1, atob);
    vm.method(g, "btoa", 1, btoa);
    if vm.browser {
        // jsdom's window has no TextEncoder/TextDecoder.
        return;
    }
    let op = vm.realm.object_proto;
    let ep = vm.heap.alloc(Some(op), Kind::Ordinary);
    make_ctor(vm, "TextEncoder", 0, text_encoder_ctor, ep);
    vm.method(ep, "encode", 0, encode);
    vm.method(ep, "encodeInto", 2, encode_into);
    super::getter(vm, ep, "encoding", encoder_encoding);
    let dp = vm.heap.alloc(Some(op), Kind::Ordinary);
    make_ctor(vm, "TextDecoder", 0, text_decoder_ctor, dp);
    vm.method(dp, "decode", 0, decode);
    super::getter(vm, dp, "encoding", decoder_encoding);
    super::getter(vm, dp, "fatal", decoder_fatal);
    super::getter(vm, dp, "ignoreBOM", decoder_ignore_bom);
}
