//! `binascii`: hex (`hexlify`, `unhexlify`, with `sep`), base64 (`b2a_base64`,
//! `a2b_base64` with CPython's lenient and strict decoders and their messages),
//! `crc32` and `crc_hqx`. `binascii.Error` and `Incomplete` are defined by the
//! module's Python part.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};

fn error(vm: &mut Vm, msg: &str) -> Throw {
    vm.module_error("binascii", "Error", msg)
}

/// A bytes-like argument (str refused).
pub fn bytes_arg(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    match vm.bytes_like(v) {
        Some(b) if vm.as_str(v).is_none() => Ok(b),
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// An `a2b_*` argument: bytes-like, or a str of ASCII characters.
fn ascii_arg(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    if let Some(s) = vm.as_str(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match vm.bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{tn}'"
            )))
        }
    }
}

fn hexlify(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("hexlify", kw, &["data", "sep", "bytes_per_sep"])?;
    vm.nargs("hexlify", args, 1, 3)?;
    let data = bytes_arg(vm, args[0])?;
    let sep = args.get(1).copied().or_else(|| vm.kwarg(kw, "sep"));
    let per = match args
        .get(2)
        .copied()
        .or_else(|| vm.kwarg(kw, "bytes_per_sep"))
    {
        Some(v) => vm.index_arg(v)?,
        None => 1,
    };
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let out = match sep {
        None => hex.concat(),
        Some(s) => {
            let sep = match vm.as_str(s) {
                Some(s) => s.to_string(),
                None => match vm.bytes_like(s) {
                    Some(b) => String::from_utf8_lossy(&b).to_string(),
                    None => return Err(vm.type_error("sep must be str or bytes.")),
                },
            };
            if sep.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            group_hex(&hex, &sep, per)
        }
    };
    Ok(vm.new_bytes(out.into_bytes()))
}

/// Joins hex pairs with `sep` every `per` bytes (counted from the right when
/// positive, from the left when negative).
pub fn group_hex(hex: &[String], sep: &str, per: i64) -> String {
    if per == 0 || hex.is_empty() {
        return hex.concat();
    }
    let n = per.unsigned_abs() as usize;
    let len = hex.len();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = len % n;
        let mut i = 0;
        if first > 0 {
            groups.push(hex[..first].concat());
            i = first;
        }
        while i < len {
            groups.push(hex[i..i + n].concat());
            i += n;
        }
    } else {
        let mut i = 0;
        while i < len {
            let e = (i + n).min(len);
            groups.push(hex[i..e].concat());
            i = e;
        }
    }
    groups.join(sep)
}

fn unhexlify(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("unhexlify", args, 1, 1)?;
    let data = ascii_arg(vm, args[0])?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(a), Some(b)) => out.push((a * 16 + b) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("b2a_base64", kw, &["newline"])?;
    vm.nargs("b2a_base64", args, 1, 1)?;
    let data = bytes_arg(vm, args[0])?;
    let newline = match vm.kwarg(kw, "newline") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = base64_encode(&data);
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("a2b_base64", kw, &["strict_mode"])?;
    vm.nargs("a2b_base64", args, 1, 1)?;
    let data = ascii_arg(vm, args[0])?;
    let strict = match vm.kwarg(kw, "strict_mode") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let mut quad = 0;
    let mut left = 0u32;
    let mut pads = 0;
    let mut padding_started = false;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut i = 0;
    let mut done = false;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i < data.len() {
                    return Err(error(vm, "Excess data after padding"));
                }
                done = true;
                break;
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
    }
    if !done && quad != 0 {
        let msg = if quad == 1 {
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            )
        } else {
            "Incorrect padding".to_string()
        };
        return Err(error(vm, &msg));
    }
    Ok(vm.new_bytes(out))
}

/// CRC-32 (ISO-HDLC, as zlib computes it) continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// A checksum's starting value: the low 32 bits of an int argument (two's
/// complement for negatives), `default` when absent.
pub fn checksum_start(vm: &Vm, v: Option<Value>, default: u32) -> u32 {
    match v {
        Some(v) => vm.bigint_of(v).map_or(default, |b| {
            let (_, d) = b.to_u32_digits();
            let low = d.first().copied().unwrap_or(0);
            if b.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            }
        }),
        None => default,
    }
}

fn crc32(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("crc32", args, 1, 2)?;
    let data = bytes_arg(vm, args[0])?;
    let start = checksum_start(vm, args.get(1).copied(), 0);
    Ok(vm.int(crc32_update(start, &data) as i64))
}

fn crc_hqx(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("crc_hqx", args, 2, 2)?;
    let data = bytes_arg(vm, args[0])?;
    let mut crc = (vm.index_arg(args[1])? & 0xffff) as u32;
    for &b in &data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            crc &= 0xffff;
        }
    }
    Ok(vm.int(crc as i64))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "hexlify", hexlify);
    vm.add_fn(d, "b2a_hex", hexlify);
    vm.add_fn(d, "unhexlify", unhexlify);
    vm.add_fn(d, "a2b_hex", unhexlify);
    vm.add_fn(d, "b2a_base64", b2a_base64);
    vm.add_fn(d, "a2b_base64", a2b_base64);
    vm.add_fn(d, "crc32", crc32);
    vm.add_fn(d, "crc_hqx", crc_hqx);
    Ok(())
}
