//! `_struct`: `pack`, `unpack`, `unpack_from`, `pack_into`, `iter_unpack` and
//! `calcsize` with CPython's `Modules/_struct.c` rules for a 64-bit little-endian
//! Linux build: native sizes and alignment for `@`, standard sizes for `= < > !`, and
//! the error messages of each packing routine (the native routines stand in for the
//! little-endian standard ones of the same size, as CPython swaps them in).
//! `py/struct.py` adds `struct.error` (raised from here) and `Struct`.

use crate::interp::Vm;
use crate::objects::function::Kw;
use crate::objects::Kind;
use crate::value::{ObjRef, Value};
use crate::{PResult, Throw};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One format item: code, repeat count, size of one, offset of the first.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Format {
    order: Order,
    /// `@`, or no byte-order character: native sizes and alignment.
    native: bool,
    items: Vec<Item>,
    size: usize,
    /// Arguments `pack` takes (`s` and `p` take one per repeat group).
    nargs: usize,
}

fn struct_error(vm: &mut Vm, msg: &str) -> Throw {
    vm.module_error("struct", "error", msg)
}

fn sizes(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse_format(vm: &mut Vm, fmt: Value) -> PResult<Format> {
    let text: Vec<u8> = match vm.as_str(fmt) {
        Some(s) => s.as_bytes().to_vec(),
        None => match vm.bytes_like(fmt) {
            Some(b) => b,
            None => {
                let tn = vm.type_name_of(fmt);
                return Err(vm.type_error(format!(
                    "Struct() argument 1 must be a str or bytes object, not {tn}"
                )));
            }
        },
    };
    let (order, native, rest) = match text.first() {
        Some(b'@') => (Order::Native, true, &text[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, false, &text[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, false, &text[1..]),
        _ => (Order::Native, true, &text[..]),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nargs = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let start = i;
            while i < rest.len() && rest[i].is_ascii_digit() {
                i += 1;
            }
            count = std::str::from_utf8(&rest[start..i])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(usize::MAX);
            if i >= rest.len() {
                return Err(struct_error(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
        }
        let code = rest[i];
        i += 1;
        let Some(one) = sizes(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        if native && one > 1 && !matches!(code, b's' | b'p') {
            size = size.div_ceil(one) * one;
        }
        let total = match one.checked_mul(count) {
            Some(t) => t,
            None => return Err(struct_error(vm, "total struct size too long")),
        };
        items.push(Item {
            code,
            count,
            size: one,
            offset: size,
        });
        size += total;
        nargs += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
    }
    Ok(Format {
        order,
        native,
        items,
        size,
        nargs,
    })
}

/// An int argument (`__index__`), or struct's error for other types.
fn int_arg(vm: &mut Vm, v: Value) -> PResult<BigInt> {
    if !matches!(v, Value::Float(..)) {
        if let Some(b) = vm.bigint_of(v) {
            return Ok(b);
        }
        let ty = vm.type_of(v);
        if let Some(f) = vm.lookup_type_str(ty, "__index__") {
            let r = vm.call(f, &[v], &[]);
            vm.decref(f);
            let r = r?;
            let b = vm.bigint_of(r);
            vm.decref(r);
            if let Some(b) = b {
                return Ok(b);
            }
        }
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

/// The bytes of an integer item, with the message the packing routine would give.
fn pack_int(vm: &mut Vm, f: &Format, code: u8, size: usize, v: Value) -> PResult<Vec<u8>> {
    let n = int_arg(vm, v)?;
    let signed = code.is_ascii_lowercase();
    let out_of_range = |vm: &mut Vm| struct_error(vm, "argument out of range");
    let range_msg = |vm: &mut Vm| {
        let (lo, hi): (i128, i128) = if signed {
            (-(1i128 << (8 * size - 1)), (1i128 << (8 * size - 1)) - 1)
        } else {
            (0, (1i128 << (8 * size)) - 1)
        };
        let msg = format!("'{}' format requires {lo} <= number <= {hi}", code as char);
        struct_error(vm, &msg)
    };
    let big_endian = f.order == Order::Big;
    let value: i128 = match (code, big_endian) {
        (b'b', _) | (b'B', _) => {
            let Some(x) = n.to_i64() else {
                return Err(out_of_range(vm));
            };
            let ok = if code == b'b' {
                (-128..=127).contains(&x)
            } else {
                (0..=255).contains(&x)
            };
            if !ok {
                let msg = if code == b'b' {
                    "byte format requires -128 <= number <= 127"
                } else {
                    "ubyte format requires 0 <= number <= 255"
                };
                return Err(struct_error(vm, msg));
            }
            x as i128
        }
        (b'h', false) | (b'H', false) => {
            let Some(x) = n.to_i64() else {
                return Err(out_of_range(vm));
            };
            let ok = if code == b'h' {
                (-32768..=32767).contains(&x)
            } else {
                (0..=65535).contains(&x)
            };
            if !ok {
                let msg = if code == b'h' {
                    "short format requires -32768 <= number <= 32767"
                } else {
                    "ushort format requires 0 <= number <= 65535"
                };
                return Err(struct_error(vm, msg));
            }
            x as i128
        }
        _ if size == 8 => {
            let fits = if signed {
                n.to_i64().map(i128::from)
            } else {
                n.to_u64().map(i128::from)
            };
            match fits {
                Some(x) => x,
                None if big_endian && !f.native => {
                    return Err(struct_error(vm, "int too large to convert"))
                }
                None => return Err(out_of_range(vm)),
            }
        }
        _ => {
            let x = if signed {
                n.to_i64().map(i128::from)
            } else {
                n.to_u64().map(i128::from)
            };
            let Some(x) = x else {
                return Err(out_of_range(vm));
            };
            let fits = if signed {
                x >= -(1i128 << (8 * size - 1)) && x < (1i128 << (8 * size - 1))
            } else {
                x < (1i128 << (8 * size))
            };
            if !fits {
                return Err(range_msg(vm));
            }
            x
        }
    };
    let bytes = (value as u128).to_le_bytes();
    let mut out = bytes[..size].to_vec();
    if big_endian {
        out.reverse();
    }
    Ok(out)
}

fn float_arg(vm: &mut Vm, v: Value) -> PResult<f64> {
    let is_num = matches!(
        vm.num_of(v),
        Some(crate::interp::number::Num::F(_) | crate::interp::number::Num::I(_))
            | Some(crate::interp::number::Num::B(_))
    );
    let ty = vm.type_of(v);
    let has = |vm: &mut Vm, n: &str| match vm.lookup_type_str(ty, n) {
        Some(f) => {
            vm.decref(f);
            true
        }
        None => false,
    };
    if is_num || has(vm, "__float__") || has(vm, "__index__") {
        return vm.float_value(v);
    }
    Err(struct_error(vm, "required argument is not a float"))
}

/// IEEE 754 half precision, rounding half to even (`PyFloat_Pack2`).
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let round_even = |v: f64| -> u32 {
        let fl = v.floor();
        let diff = v - fl;
        let mut r = fl as u32;
        if diff > 0.5 || (diff == 0.5 && r % 2 == 1) {
            r += 1;
        }
        r
    };
    let (m, e) = crate::objects::int::frexp(a);
    if e < -13 {
        // Subnormal: units of 2**-24.
        let bits = round_even(a * 16_777_216.0);
        return Some(sign | bits as u16);
    }
    let mut exp = (e + 14) as u32;
    let mut mant = round_even((m * 2.0 - 1.0) * 1024.0);
    if mant == 1024 {
        mant = 0;
        exp += 1;
    }
    if exp >= 31 {
        return None;
    }
    Some(sign | (exp << 10) as u16 | mant as u16)
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let mant = (h & 0x3ff) as f64;
    let v = match exp {
        0 => mant * 2f64.powi(-24),
        31 => {
            if mant == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    };
    sign * v
}

fn pack_into_vec(vm: &mut Vm, f: &Format, args: &[Value]) -> PResult<Vec<u8>> {
    if args.len() != f.nargs {
        return Err(struct_error(
            vm,
            &format!(
                "pack expected {} items for packing (got {})",
                f.nargs,
                args.len()
            ),
        ));
    }
    let mut out = vec![0u8; f.size];
    let mut a = 0usize;
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = args[a];
                a += 1;
                let Some(data) = vm.bytes_like(v).filter(|_| vm.as_str(v).is_none()) else {
                    let msg = format!("argument for '{}' must be a bytes object", it.code as char);
                    return Err(struct_error(vm, &msg));
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = args[a];
                    a += 1;
                    let at = it.offset + k * it.size;
                    let bytes: Vec<u8> = match code {
                        b'c' => match vm.bytes_like(v).filter(|b| b.len() == 1) {
                            Some(b) if vm.as_str(v).is_none() => b,
                            _ => {
                                return Err(struct_error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ))
                            }
                        },
                        b'?' => vec![vm.truthy(v)? as u8],
                        b'e' | b'f' | b'd' => {
                            let x = float_arg(vm, v)?;
                            let mut b = match code {
                                b'e' => match f64_to_f16(x) {
                                    Some(h) => h.to_le_bytes().to_vec(),
                                    None => {
                                        return Err(vm.overflow_error(
                                            "float too large to pack with e format",
                                        ))
                                    }
                                },
                                b'f' => {
                                    let y = x as f32;
                                    if y.is_infinite() && x.is_finite() && !f.native {
                                        return Err(vm.overflow_error(
                                            "float too large to pack with f format",
                                        ));
                                    }
                                    y.to_le_bytes().to_vec()
                                }
                                _ => x.to_le_bytes().to_vec(),
                            };
                            if f.order == Order::Big {
                                b.reverse();
                            }
                            b
                        }
                        _ => pack_int(vm, f, code, it.size, v)?,
                    };
                    out[at..at + it.size].copy_from_slice(&bytes);
                }
            }
        }
    }
    Ok(out)
}

fn unpack_items(vm: &mut Vm, f: &Format, data: &[u8]) -> Value {
    let mut vals = Vec::new();
    for it in &f.items {
        match it.code {
            b'x' => {}
            b's' => vals.push(vm.new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let n = if it.count == 0 {
                    0
                } else {
                    (data[it.offset] as usize).min(it.count - 1)
                };
                vals.push(vm.new_bytes(data[it.offset + 1..it.offset + 1 + n].to_vec()));
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let mut b = data[at..at + it.size].to_vec();
                    if f.order == Order::Big {
                        b.reverse();
                    }
                    let v = match code {
                        b'c' => vm.new_bytes(b),
                        b'?' => Value::Bool(b[0] != 0),
                        b'e' => vm.float(f16_to_f64(u16::from_le_bytes([b[0], b[1]]))),
                        b'f' => vm.float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
                        b'd' => {
                            let mut a = [0u8; 8];
                            a.copy_from_slice(&b);
                            vm.float(f64::from_le_bytes(a))
                        }
                        _ => {
                            let mut a = [0u8; 16];
                            a[..it.size].copy_from_slice(&b);
                            let signed = code.is_ascii_lowercase();
                            if signed && b[it.size - 1] & 0x80 != 0 {
                                for x in a.iter_mut().skip(it.size) {
                                    *x = 0xff;
                                }
                            }
                            let v = i128::from_le_bytes(a);
                            vm.new_bigint(BigInt::from(v))
                        }
                    };
                    vals.push(v);
                }
            }
        }
    }
    vm.new_tuple(vals)
}

fn pack(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    let Some(&fmt) = args.first() else {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    };
    let f = parse_format(vm, fmt)?;
    let out = pack_into_vec(vm, &f, &args[1..])?;
    Ok(vm.new_bytes(out))
}

fn pack_into(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.len()
        )));
    }
    let f = parse_format(vm, args[0])?;
    let Value::Obj(buf) = args[1] else {
        return Err(vm.type_error("argument must be read-write bytes-like object"));
    };
    if !matches!(vm.heap.kind(buf), Kind::ByteArray(_)) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {tn}"
        )));
    }
    let len = vm.bytes_like(args[1]).map_or(0, |b| b.len()) as i64;
    let mut offset = vm.index_arg(args[2])?;
    if offset < 0 {
        if offset + (f.size as i64) > 0 {
            return Err(struct_error(
                vm,
                &format!("no space to pack {} bytes at offset {offset}", f.size),
            ));
        }
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                &format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    if len - offset < f.size as i64 {
        let msg = if offset > len {
            format!("offset {offset} out of range for {len}-byte buffer")
        } else {
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {len})",
                f.size as i64 + offset,
                f.size
            )
        };
        return Err(struct_error(vm, &msg));
    }
    let out = pack_into_vec(vm, &f, &args[3..])?;
    if let Kind::ByteArray(b) = vm.heap.kind_mut(buf) {
        let o = offset as usize;
        b.data[o..o + out.len()].copy_from_slice(&out);
    }
    Ok(Value::None)
}

fn buffer(vm: &mut Vm, v: Value) -> PResult<Vec<u8>> {
    match vm.bytes_like(v) {
        Some(b) if vm.as_str(v).is_none() => Ok(b),
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn unpack(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("unpack", args, 2, 2)?;
    let f = parse_format(vm, args[0])?;
    let data = buffer(vm, args[1])?;
    if data.len() != f.size {
        return Err(struct_error(
            vm,
            &format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    Ok(unpack_items(vm, &f, &data))
}

fn unpack_from(vm: &mut Vm, args: &[Value], kw: Kw) -> PResult<Value> {
    vm.check_kwargs("unpack_from", kw, &["buffer", "offset"])?;
    vm.nargs("unpack_from", args, 1, 3)?;
    let f = parse_format(vm, args[0])?;
    let Some(bv) = args.get(1).copied().or_else(|| vm.kwarg(kw, "buffer")) else {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 2)"));
    };
    let data = buffer(vm, bv)?;
    let len = data.len() as i64;
    let mut offset = match args.get(2).copied().or_else(|| vm.kwarg(kw, "offset")) {
        Some(o) => vm.index_arg(o)?,
        None => 0,
    };
    if offset < 0 {
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                &format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset += len;
    }
    if len - offset < f.size as i64 {
        let msg = if offset > len {
            format!("offset {offset} out of range for {len}-byte buffer")
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {len})",
                f.size as i64 + offset,
                f.size
            )
        };
        return Err(struct_error(vm, &msg));
    }
    let o = offset as usize;
    Ok(unpack_items(vm, &f, &data[o..o + f.size]))
}

fn iter_unpack(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("iter_unpack", args, 2, 2)?;
    let f = parse_format(vm, args[0])?;
    let data = buffer(vm, args[1])?;
    if f.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(struct_error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let tuples: Vec<Value> = data
        .chunks(f.size)
        .map(|c| unpack_items(vm, &f, c))
        .collect();
    let list = vm.new_list(tuples);
    let it = vm.iter(list);
    vm.decref(list);
    it
}

fn calcsize(vm: &mut Vm, args: &[Value], _kw: Kw) -> PResult<Value> {
    vm.nargs("calcsize", args, 1, 1)?;
    let f = parse_format(vm, args[0])?;
    Ok(vm.int(f.size as i64))
}

pub fn init(vm: &mut Vm, d: ObjRef) -> PResult<()> {
    vm.add_fn(d, "pack", pack);
    vm.add_fn(d, "pack_into", pack_into);
    vm.add_fn(d, "unpack", unpack);
    vm.add_fn(d, "unpack_from", unpack_from);
    vm.add_fn(d, "iter_unpack", iter_unpack);
    vm.add_fn(d, "calcsize", calcsize);
    Ok(())
}
