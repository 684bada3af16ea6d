//! Text encodings as CPython's codecs implement them: `str.encode`, `bytes.decode`,
//! `str(b, enc)` and `bytes(s, enc)` for UTF-8/16/32, ASCII, Latin-1 and the CJK
//! multibyte codecs (GBK, GB18030, Big5, Shift-JIS, EUC-JP, EUC-KR, cp1252), with the
//! `strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace` and
//! `namereplace` error handlers and `UnicodeEncodeError` / `UnicodeDecodeError`
//! carrying CPython's messages and `encoding`/`object`/`start`/`end`/`reason`.

use crate::format::repr::push_escape;
use crate::interp::Vm;
use crate::types as t;
use crate::value::Value;
use crate::PResult;

/// A codec, resolved from one of CPython's names or aliases for it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16 or UTF-32 (`width` 2 or 4); `endian` None means native order with a BOM.
    Utf16or32 {
        width: usize,
        big: Option<bool>,
    },
    Multibyte(&'static encoding_rs::Encoding),
}

impl Codec {
    /// Resolves an encoding name the way `encodings.normalize_encoding` and the alias
    /// table do for the codecs modelled here.
    fn lookup(name: &str) -> Option<Codec> {
        let n: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" => Codec::Latin1,
            "utf_16" | "utf16" | "u16" => Codec::Utf16or32 {
                width: 2,
                big: None,
            },
            "utf_16_le" | "utf_16le" => Codec::Utf16or32 {
                width: 2,
                big: Some(false),
            },
            "utf_16_be" | "utf_16be" => Codec::Utf16or32 {
                width: 2,
                big: Some(true),
            },
            "utf_32" | "utf32" | "u32" => Codec::Utf16or32 {
                width: 4,
                big: None,
            },
            "utf_32_le" | "utf_32le" => Codec::Utf16or32 {
                width: 4,
                big: Some(false),
            },
            "utf_32_be" | "utf_32be" => Codec::Utf16or32 {
                width: 4,
                big: Some(true),
            },
            "gbk" | "cp936" | "ms936" | "936" | "gb2312" | "euc_cn" | "euccn" => {
                Codec::Multibyte(encoding_rs::GBK)
            }
            "gb18030" | "gb18030_2000" => Codec::Multibyte(encoding_rs::GB18030),
            "big5" | "big5_tw" | "csbig5" => Codec::Multibyte(encoding_rs::BIG5),
            "shift_jis" | "shiftjis" | "sjis" | "s_jis" | "csshiftjis" => {
                Codec::Multibyte(encoding_rs::SHIFT_JIS)
            }
            "euc_jp" | "eucjp" | "ujis" | "u_jis" => Codec::Multibyte(encoding_rs::EUC_JP),
            "euc_kr" | "euckr" | "korean" | "ksc5601" | "ks_c_5601" => {
                Codec::Multibyte(encoding_rs::EUC_KR)
            }
            "cp1252" | "windows_1252" => Codec::Multibyte(encoding_rs::WINDOWS_1252),
            _ => return None,
        })
    }

    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16or32 { width: 2, big } => match big {
                None => "utf-16",
                Some(false) => "utf-16-le",
                Some(true) => "utf-16-be",
            },
            Codec::Utf16or32 { big, .. } => match big {
                None => "utf-32",
                Some(false) => "utf-32-le",
                Some(true) => "utf-32-be",
            },
            Codec::Multibyte(e) if e == encoding_rs::GBK => "gbk",
            Codec::Multibyte(e) if e == encoding_rs::GB18030 => "gb18030",
            Codec::Multibyte(e) if e == encoding_rs::BIG5 => "big5",
            Codec::Multibyte(e) if e == encoding_rs::SHIFT_JIS => "shift_jis",
            Codec::Multibyte(e) if e == encoding_rs::EUC_JP => "euc_jp",
            Codec::Multibyte(e) if e == encoding_rs::EUC_KR => "euc_kr",
            Codec::Multibyte(_) => "cp1252",
        }
    }

    /// The bytes of one character, or None when the codec cannot encode it.
    fn encode_char(self, c: char, out: &mut Vec<u8>) -> bool {
        match self {
            Codec::Utf8 => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            Codec::Ascii | Codec::Latin1 => {
                let limit = if self == Codec::Ascii { 0x80 } else { 0x100 };
                if c as u32 >= limit {
                    return false;
                }
                out.push(c as u8);
            }
            Codec::Utf16or32 { width: 2, big } => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let bytes = if big == Some(true) {
                        unit.to_be_bytes()
                    } else {
                        unit.to_le_bytes()
                    };
                    out.extend_from_slice(&bytes);
                }
            }
            Codec::Utf16or32 { big, .. } => {
                let bytes = if big == Some(true) {
                    (c as u32).to_be_bytes()
                } else {
                    (c as u32).to_le_bytes()
                };
                out.extend_from_slice(&bytes);
            }
            Codec::Multibyte(enc) => {
                let mut buf = [0u8; 4];
                let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
                if unmappable {
                    return false;
                }
                out.extend_from_slice(&bytes);
            }
        }
        true
    }

    /// Why a character cannot be encoded.
    fn encode_reason(self) -> &'static str {
        match self {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            Codec::Multibyte(e) if e == encoding_rs::WINDOWS_1252 => {
                "character maps to <undefined>"
            }
            _ => "illegal multibyte sequence",
        }
    }
}

/// One undecodable run: its byte range and CPython's reason.
struct DecodeError {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Decodes `b`, calling `bad` for each undecodable run (which pushes its
/// replacement or reports the error).
fn decode_with(
    codec: Codec,
    b: &[u8],
    out: &mut String,
    bad: &mut dyn FnMut(&mut String, DecodeError) -> bool,
) -> bool {
    match codec {
        Codec::Utf8 => {
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return true;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let n = e.error_len().unwrap_or(rest.len() - good);
                        let lead = rest[good];
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if (0x80..0xc2).contains(&lead) || lead > 0xf4 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let (start, end) = if reason == "unexpected end of data" {
                            (base + good, base + good + n)
                        } else {
                            (base + good, base + good + 1)
                        };
                        if !bad(out, DecodeError { start, end, reason }) {
                            return false;
                        }
                        rest = &rest[good + n..];
                        base += good + n;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else if !bad(
                    out,
                    DecodeError {
                        start: i,
                        end: i + 1,
                        reason: "ordinal not in range(128)",
                    },
                ) {
                    return false;
                }
            }
            true
        }
        Codec::Latin1 => {
            out.extend(b.iter().map(|&x| x as char));
            true
        }
        Codec::Utf16or32 { width, big } => {
            let (mut pos, big) = match big {
                Some(big) => (0, big),
                None => {
                    let le_bom: &[u8] = if width == 2 {
                        &[0xff, 0xfe]
                    } else {
                        &[0xff, 0xfe, 0, 0]
                    };
                    let be_bom: &[u8] = if width == 2 {
                        &[0xfe, 0xff]
                    } else {
                        &[0, 0, 0xfe, 0xff]
                    };
                    if b.starts_with(le_bom) {
                        (width, false)
                    } else if b.starts_with(be_bom) {
                        (width, true)
                    } else {
                        (0, false)
                    }
                }
            };
            let unit = |i: usize| -> u32 {
                let chunk = &b[i..i + width];
                let mut v = 0u32;
                for k in 0..width {
                    let byte = if big { chunk[k] } else { chunk[width - 1 - k] };
                    v = (v << 8) | byte as u32;
                }
                v
            };
            while pos < b.len() {
                if pos + width > b.len() {
                    let e = DecodeError {
                        start: pos,
                        end: b.len(),
                        reason: "truncated data",
                    };
                    return bad(out, e);
                }
                let u = unit(pos);
                if width == 4 {
                    match char::from_u32(u) {
                        Some(c) => out.push(c),
                        None => {
                            let reason = if u > 0x10ffff {
                                "code point not in range(0x110000)"
                            } else {
                                "code point in surrogate code point range(0xd800, 0xe000)"
                            };
                            let e = DecodeError {
                                start: pos,
                                end: pos + 4,
                                reason,
                            };
                            if !bad(out, e) {
                                return false;
                            }
                        }
                    }
                    pos += 4;
                    continue;
                }
                if !(0xd800..0xe000).contains(&u) {
                    out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                    pos += 2;
                    continue;
                }
                if u >= 0xdc00 {
                    let e = DecodeError {
                        start: pos,
                        end: pos + 2,
                        reason: "illegal encoding",
                    };
                    if !bad(out, e) {
                        return false;
                    }
                    pos += 2;
                    continue;
                }
                if pos + 4 > b.len() {
                    let e = DecodeError {
                        start: pos,
                        end: b.len(),
                        reason: "unexpected end of data",
                    };
                    return bad(out, e);
                }
                let low = unit(pos + 2);
                if !(0xdc00..0xe000).contains(&low) {
                    let e = DecodeError {
                        start: pos,
                        end: pos + 2,
                        reason: "illegal UTF-16 surrogate",
                    };
                    if !bad(out, e) {
                        return false;
                    }
                    pos += 2;
                    continue;
                }
                let c = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                pos += 4;
            }
            true
        }
        Codec::Multibyte(enc) => {
            let mut decoder = enc.new_decoder_without_bom_handling();
            let mut pos = 0;
            let mut buf = String::with_capacity(b.len() * 2);
            loop {
                buf.clear();
                buf.reserve(
                    decoder
                        .max_utf8_buffer_length_without_replacement(b.len() - pos)
                        .unwrap_or(b.len() * 4),
                );
                let (result, read) =
                    decoder.decode_to_string_without_replacement(&b[pos..], &mut buf, true);
                out.push_str(&buf);
                match result {
                    encoding_rs::DecoderResult::InputEmpty => return true,
                    encoding_rs::DecoderResult::OutputFull => pos += read,
                    encoding_rs::DecoderResult::Malformed(len, _) => {
                        let end = pos + read;
                        let start = end - len as usize - usize::from(end < b.len() && len == 0);
                        let reason = if end >= b.len() && len == 1 && b[start] >= 0x80 {
                            "incomplete multibyte sequence"
                        } else {
                            "illegal multibyte sequence"
                        };
                        let e = DecodeError {
                            start,
                            end: start + 1,
                            reason,
                        };
                        if !bad(out, e) {
                            return false;
                        }
                        pos = start + 1;
                        decoder = enc.new_decoder_without_bom_handling();
                        if pos >= b.len() {
                            return true;
                        }
                    }
                }
            }
        }
    }
}

impl Vm {
    /// The codec named by an `encoding` argument (UTF-8 when absent).
    fn codec_arg(&mut self, encoding: Option<Value>, what: &str) -> PResult<Codec> {
        let Some(v) = encoding else {
            return Ok(Codec::Utf8);
        };
        let Some(name) = self.as_str(v).map(str::to_string) else {
            let tn = self.type_name_of(v);
            return Err(self.type_error(format!(
                "{what}() argument 'encoding' must be str, not {tn}"
            )));
        };
        Codec::lookup(&name)
            .ok_or_else(|| self.exc(t::LOOKUP_ERROR, format!("unknown encoding: {name}")))
    }

    /// The error handler named by an `errors` argument (`strict` when absent).
    fn errors_arg(&mut self, errors: Option<Value>, what: &str) -> PResult<String> {
        let Some(v) = errors else {
            return Ok("strict".into());
        };
        match self.as_str(v) {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = self.type_name_of(v);
                Err(self.type_error(format!("{what}() argument 'errors' must be str, not {tn}")))
            }
        }
    }

    /// A `UnicodeEncodeError` / `UnicodeDecodeError` with CPython's message and fields.
    fn codec_error(
        &mut self,
        ty: crate::value::ObjRef,
        message: String,
        codec: Codec,
        object: Value,
        (start, end): (usize, usize),
        reason: &str,
    ) -> crate::Throw {
        let crate::Throw::Exc(r) = self.exc(ty, message) else {
            unreachable!()
        };
        let fields = [
            ("encoding", self.new_str(codec.name())),
            ("object", object),
            ("start", self.int(start as i64)),
            ("end", self.int(end as i64)),
            ("reason", self.new_str(reason)),
        ];
        for (name, v) in fields {
            self.set_exc_field(r, name, v);
        }
        crate::Throw::Exc(r)
    }

    /// `s.encode(encoding, errors)`.
    pub fn encode_str(
        &mut self,
        s: &str,
        encoding: Option<Value>,
        errors: Option<Value>,
    ) -> PResult<Vec<u8>> {
        let codec = self.codec_arg(encoding, "encode")?;
        let handler = self.errors_arg(errors, "encode")?;
        let mut out = Vec::with_capacity(s.len());
        match codec {
            Codec::Utf16or32 { width, big: None } => {
                codec_bom(width, &mut out);
            }
            Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
            _ => {}
        }
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if codec.encode_char(chars[i], &mut out) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < chars.len() && !codec.encode_char(chars[end], &mut Vec::new()) {
                end += 1;
            }
            match handler.as_str() {
                "ignore" => {}
                "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                "backslashreplace" | "xmlcharrefreplace" | "namereplace" => {
                    let mut text = String::new();
                    for &c in &chars[i..end] {
                        match handler.as_str() {
                            "xmlcharrefreplace" => text.push_str(&format!("&#{};", c as u32)),
                            "namereplace" => match unicode_names2::name(c) {
                                Some(name) => text.push_str(&format!("\\N{{{name}}}")),
                                None => push_escape(c, &mut text),
                            },
                            _ => push_escape(c, &mut text),
                        }
                    }
                    out.extend_from_slice(text.as_bytes());
                }
                "strict" => {
                    let what = if end - i == 1 {
                        let mut esc = String::new();
                        push_escape(chars[i], &mut esc);
                        format!("character '{esc}' in position {i}")
                    } else {
                        format!("characters in position {i}-{}", end - 1)
                    };
                    let reason = codec.encode_reason();
                    let msg = format!("'{}' codec can't encode {what}: {reason}", codec.name());
                    let object = self.new_str(s);
                    return Err(self.codec_error(
                        t::UNICODE_ENCODE_ERROR,
                        msg,
                        codec,
                        object,
                        (i, end),
                        reason,
                    ));
                }
                other => {
                    return Err(self.exc(
                        t::LOOKUP_ERROR,
                        format!("unknown error handler name '{other}'"),
                    ))
                }
            }
            i = end;
        }
        Ok(out)
    }

    /// `b.decode(encoding, errors)`.
    pub fn decode_bytes(
        &mut self,
        b: &[u8],
        encoding: Option<Value>,
        errors: Option<Value>,
    ) -> PResult<String> {
        let codec = self.codec_arg(encoding, "decode")?;
        let handler = self.errors_arg(errors, "decode")?;
        if !matches!(
            handler.as_str(),
            "strict" | "ignore" | "replace" | "backslashreplace"
        ) {
            return Err(self.exc(
                t::LOOKUP_ERROR,
                format!("unknown error handler name '{handler}'"),
            ));
        }
        let mut out = String::with_capacity(b.len());
        let mut failure = None;
        let ok = decode_with(codec, b, &mut out, &mut |out, e| match handler.as_str() {
            "ignore" => true,
            "replace" => {
                out.push('\u{fffd}');
                true
            }
            "backslashreplace" => {
                for &x in &b[e.start..e.end] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
                true
            }
            _ => {
                failure = Some(e);
                false
            }
        });
        if ok {
            return Ok(out);
        }
        let Some(e) = failure else {
            return Ok(out);
        };
        let what = if e.end - e.start == 1 {
            format!("byte 0x{:02x} in position {}", b[e.start], e.start)
        } else {
            format!("bytes in position {}-{}", e.start, e.end - 1)
        };
        let msg = format!("'{}' codec can't decode {what}: {}", codec.name(), e.reason);
        let object = self.new_bytes(b.to_vec());
        Err(self.codec_error(
            t::UNICODE_DECODE_ERROR,
            msg,
            codec,
            object,
            (e.start, e.end),
            e.reason,
        ))
    }
}

/// The byte-order mark `utf-16` / `utf-32` write first (little-endian machine).
fn codec_bom(width: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&[0xff, 0xfe]);
    if width == 4 {
        out.extend_from_slice(&[0, 0]);
    }
}
