//! A resumable deflate decoder with zlib 1.2.13's `inflate()` checks and messages:
//! zlib, gzip and raw wrappers selected by `wbits` as `inflateInit2` does
//! (`incorrect header check`, `invalid window size`, `invalid distance too far
//! back`, `incorrect data check`, ...). Decoding advances one unit at a time (a
//! header, a block's tables, a symbol, a trailer) and rewinds to the last whole unit
//! when the input runs out, so more input can be fed later as `decompressobj` does.

use super::deflate::adler32;
use crate::modules::binascii::crc32_update;
use std::rc::Rc;

pub const Z_NEED_DICT: i32 = 2;
pub const Z_DATA_ERROR: i32 = -3;

const LBASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEXT: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DBASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DEXT: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// A canonical Huffman code (`count` per length, symbols in code order).
#[derive(Debug)]
struct Huffman {
    count: [u16; 16],
    symbol: Vec<u16>,
    max: usize,
}

impl Huffman {
    /// `inflate_table`'s acceptance rules: `None` for an over-subscribed set, or an
    /// incomplete one unless `incomplete_ok` and it is a single one-bit code.
    fn new(lengths: &[u8], incomplete_ok: bool) -> Option<Huffman> {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[l as usize] += 1;
        }
        let max = (1..16).rev().find(|&l| count[l] != 0).unwrap_or(0);
        let mut offs = [0u16; 16];
        for l in 1..15 {
            offs[l + 1] = offs[l] + count[l];
        }
        let mut symbol = vec![0; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbol[offs[l as usize] as usize] = s as u16;
                offs[l as usize] += 1;
            }
        }
        let h = Huffman { count, symbol, max };
        if max == 0 {
            return Some(h);
        }
        let mut left: i32 = 1;
        for &c in &count[1..] {
            left <<= 1;
            left -= c as i32;
            if left < 0 {
                return None;
            }
        }
        if left > 0 && !(incomplete_ok && max == 1) {
            return None;
        }
        Some(h)
    }
}

/// Why a step stopped.
enum Stop {
    /// The input ran out inside the unit.
    More,
    /// `Z_DATA_ERROR` with zlib's message.
    Bad(&'static str),
    /// A preset dictionary is needed (`Z_NEED_DICT`).
    NeedDict,
}

#[derive(Clone, Debug)]
enum Mode {
    Head,
    DictId,
    Dict(u32),
    Type,
    Stored(usize),
    Codes(Rc<(Huffman, Huffman)>),
    Check,
    Done,
    Bad(&'static str),
}

/// The decoder's state.
#[derive(Clone, Debug)]
pub struct Inflate {
    input: Vec<u8>,
    /// Bit position of the next unread bit in `input`.
    bit: usize,
    mode: Mode,
    last: bool,
    /// 0 raw, bit 0 zlib, bit 1 gzip (`inflateReset2`'s `wrap` without bit 2).
    wrap: i32,
    wbits: u32,
    gzip: bool,
    check: u32,
    /// All output so far (the dictionary first).
    pub out: Vec<u8>,
    dict_len: usize,
    /// Output length when the current `inflate()` call began, and the history zlib's
    /// window held then.
    call_start: usize,
    call_whave: usize,
}

/// What an `inflate()` call did.
pub enum Outcome {
    /// `Z_OK` / `Z_BUF_ERROR`: the input ran out before the end of the stream.
    More,
    /// `Z_STREAM_END`, with the number of input bytes after the stream.
    End(usize),
    /// A zlib error code and message (`Z_NEED_DICT` has none).
    Error(i32, Option<&'static str>),
}

impl Inflate {
    /// `inflateInit2(wbits)`: `None` for `Z_STREAM_ERROR`.
    pub fn new(wbits: i32) -> Option<Inflate> {
        let (wrap, wbits) = if wbits < 0 {
            if wbits < -15 {
                return None;
            }
            (0, -wbits)
        } else {
            let wrap = (wbits >> 4) + 1;
            (wrap, if wbits < 48 { wbits & 15 } else { wbits })
        };
        if wbits != 0 && !(8..=15).contains(&wbits) {
            return None;
        }
        Some(Inflate {
            input: Vec::new(),
            bit: 0,
            mode: if wrap == 0 { Mode::Type } else { Mode::Head },
            last: false,
            wrap,
            wbits: wbits as u32,
            gzip: false,
            check: 0,
            out: Vec::new(),
            dict_len: 0,
            call_start: 0,
            call_whave: 0,
        })
    }

    /// `inflateSetDictionary`: `Err(Z_DATA_ERROR)` when the dictionary's Adler-32 is
    /// not the one the stream asks for.
    pub fn set_dictionary(&mut self, dict: &[u8]) -> Result<(), i32> {
        if let Mode::Dict(id) = self.mode {
            if adler32(1, dict) != id {
                return Err(Z_DATA_ERROR);
            }
            self.check = 1;
            self.mode = Mode::Type;
        }
        self.out.extend_from_slice(dict);
        self.dict_len += dict.len();
        self.call_start = self.out.len();
        let wsize = 1usize << self.wbits.max(8);
        self.call_whave = (self.call_whave + dict.len()).min(wsize);
        Ok(())
    }

    /// The output produced so far (without the dictionary).
    pub fn produced(&self) -> &[u8] {
        &self.out[self.dict_len..]
    }

    /// One `inflate()` call on `data` appended to the unread input. Output up to
    /// `stop_at` bytes in total marks the start of CPython's next call (its output
    /// buffer grows there).
    pub fn inflate(&mut self, data: &[u8], boundaries: &[usize]) -> Outcome {
        let consumed = self.bit / 8;
        self.input.drain(..consumed);
        self.bit -= consumed * 8;
        self.input.extend_from_slice(data);
        self.begin_call();
        let dict_len = self.dict_len;
        let mut next_boundary = boundaries.iter().map(|b| b + dict_len).peekable();
        loop {
            if let Mode::Bad(m) = self.mode {
                return Outcome::Error(Z_DATA_ERROR, Some(m));
            }
            if let Mode::Done = self.mode {
                let end = self.bit.div_ceil(8);
                let rest = self.input.len() - end;
                self.input.truncate(end);
                return Outcome::End(rest);
            }
            while next_boundary
                .peek()
                .is_some_and(|&b| self.out.len() >= b && b > self.call_start)
            {
                let b = next_boundary.next().unwrap_or(0);
                self.call_whave = (self.call_whave + (b - self.call_start)).min(1 << self.wbits);
                self.call_start = b;
            }
            let (bit, mode, last, out_len) =
                (self.bit, self.mode.clone(), self.last, self.out.len());
            match self.step() {
                Ok(()) => {}
                Err(Stop::More) => {
                    self.bit = bit;
                    self.mode = mode;
                    self.last = last;
                    self.out.truncate(out_len);
                    return Outcome::More;
                }
                Err(Stop::Bad(m)) => {
                    self.mode = Mode::Bad(m);
                }
                Err(Stop::NeedDict) => return Outcome::Error(Z_NEED_DICT, None),
            }
        }
    }

    fn begin_call(&mut self) {
        let total = self.out.len();
        self.call_whave = (self.call_whave + (total - self.call_start)).min(1 << self.wbits);
        self.call_start = total;
    }

    fn bits(&mut self, n: usize) -> Result<u32, Stop> {
        if self.bit + n > self.input.len() * 8 {
            return Err(Stop::More);
        }
        let mut v = 0u32;
        for i in 0..n {
            let b = self.bit + i;
            v |= (((self.input[b / 8] >> (b % 8)) & 1) as u32) << i;
        }
        self.bit += n;
        Ok(v)
    }

    fn skip(&mut self, n: usize) -> Result<(), Stop> {
        if self.bit + n > self.input.len() * 8 {
            return Err(Stop::More);
        }
        self.bit += n;
        Ok(())
    }

    fn byte_align(&mut self) {
        self.bit = self.bit.div_ceil(8) * 8;
    }

    fn decode(&mut self, h: &Huffman) -> Result<Option<u16>, Stop> {
        let mut code: i32 = 0;
        let mut first: i32 = 0;
        let mut index: i32 = 0;
        for len in 1..=h.max.max(1) {
            code |= self.bits(1)? as i32;
            let count = h.count[len] as i32;
            if code - count < first {
                return Ok(Some(h.symbol[(index + (code - first)) as usize]));
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Ok(None)
    }

    fn update_check(&mut self, from: usize) {
        let data = &self.out[from..];
        self.check = if self.gzip {
            crc32_update(self.check, data)
        } else if self.wrap & 1 != 0 {
            adler32(self.check, data)
        } else {
            self.check
        };
    }

    fn step(&mut self) -> Result<(), Stop> {
        match self.mode.clone() {
            Mode::Head => self.head(),
            Mode::DictId => {
                let id = self.bits(32)?.swap_bytes();
                self.check = id;
                self.mode = Mode::Dict(id);
                Ok(())
            }
            Mode::Dict(_) => Err(Stop::NeedDict),
            Mode::Type => {
                if self.last {
                    self.byte_align();
                    self.mode = Mode::Check;
                    return Ok(());
                }
                self.last = self.bits(1)? == 1;
                match self.bits(2)? {
                    0 => {
                        self.byte_align();
                        let len = self.bits(16)?;
                        let nlen = self.bits(16)?;
                        if len != nlen ^ 0xffff {
                            return Err(Stop::Bad("invalid stored block lengths"));
                        }
                        self.mode = Mode::Stored(len as usize);
                    }
                    1 => {
                        let mut l = [0u8; 288];
                        l[..144].fill(8);
                        l[144..256].fill(9);
                        l[256..280].fill(7);
                        l[280..].fill(8);
                        let lens = Huffman::new(&l, true);
                        let dists = Huffman::new(&[5; 32], true);
                        if let (Some(a), Some(b)) = (lens, dists) {
                            self.mode = Mode::Codes(Rc::new((a, b)));
                        }
                    }
                    2 => self.tables()?,
                    _ => return Err(Stop::Bad("invalid block type")),
                }
                Ok(())
            }
            Mode::Stored(n) => {
                if n == 0 {
                    self.mode = Mode::Type;
                    return Ok(());
                }
                let avail = self.input.len() - self.bit / 8;
                if avail == 0 {
                    return Err(Stop::More);
                }
                let take = avail.min(n);
                let from = self.bit / 8;
                let start = self.out.len();
                self.out.extend_from_slice(&self.input[from..from + take]);
                self.update_check(start);
                self.bit += take * 8;
                self.mode = Mode::Stored(n - take);
                Ok(())
            }
            Mode::Codes(t) => self.symbol(&t),
            Mode::Check => self.trailer(),
            Mode::Done | Mode::Bad(_) => Ok(()),
        }
    }

    fn head(&mut self) -> Result<(), Stop> {
        let hold = self.bits(16)?;
        if self.wrap & 2 != 0 && hold == 0x8b1f {
            return self.gzip_header();
        }
        let (b0, b1) = (hold & 0xff, hold >> 8);
        if self.wrap & 1 == 0 || ((b0 << 8) + b1) % 31 != 0 {
            return Err(Stop::Bad("incorrect header check"));
        }
        if b0 & 15 != 8 {
            return Err(Stop::Bad("unknown compression method"));
        }
        let len = (b0 >> 4) + 8;
        if self.wbits == 0 {
            self.wbits = len;
        }
        if len > 15 || len > self.wbits {
            return Err(Stop::Bad("invalid window size"));
        }
        self.check = 1;
        self.mode = if hold & 0x2000 != 0 {
            Mode::DictId
        } else {
            Mode::Type
        };
        Ok(())
    }

    fn gzip_header(&mut self) -> Result<(), Stop> {
        if self.wbits == 0 {
            self.wbits = 15;
        }
        let start = self.bit / 8 - 2;
        let flags = self.bits(16)?;
        if flags & 0xff != 8 {
            return Err(Stop::Bad("unknown compression method"));
        }
        if flags & 0xe000 != 0 {
            return Err(Stop::Bad("unknown header flags set"));
        }
        self.skip(48)?;
        if flags & 0x0400 != 0 {
            let n = self.bits(16)? as usize;
            self.skip(8 * n)?;
        }
        for flag in [0x0800, 0x1000] {
            if flags & flag != 0 {
                while self.bits(8)? != 0 {}
            }
        }
        if flags & 0x0200 != 0 {
            let end = self.bit / 8;
            let want = crc32_update(0, &self.input[start..end]) & 0xffff;
            if self.bits(16)? != want {
                return Err(Stop::Bad("header crc mismatch"));
            }
        }
        self.gzip = true;
        self.check = 0;
        self.mode = Mode::Type;
        Ok(())
    }

    fn tables(&mut self) -> Result<(), Stop> {
        let nlen = self.bits(5)? as usize + 257;
        let ndist = self.bits(5)? as usize + 1;
        let ncode = self.bits(4)? as usize + 4;
        if nlen > 286 || ndist > 30 {
            return Err(Stop::Bad("too many length or distance symbols"));
        }
        let mut lens = [0u8; 19];
        for &o in ORDER.iter().take(ncode) {
            lens[o] = self.bits(3)? as u8;
        }
        let Some(codes) = Huffman::new(&lens, false) else {
            return Err(Stop::Bad("invalid code lengths set"));
        };
        let mut l = vec![0u8; nlen + ndist];
        let mut have = 0;
        while have < nlen + ndist {
            // An empty code-lengths code decodes every one-bit code to length 0,
            // as zlib's table of invalid entries does in this state.
            let sym = if codes.max == 0 {
                self.bits(1)?;
                0
            } else {
                self.decode(&codes)?.unwrap_or(0)
            };
            if sym < 16 {
                l[have] = sym as u8;
                have += 1;
                continue;
            }
            let (len, copy) = match sym {
                16 => {
                    if have == 0 {
                        return Err(Stop::Bad("invalid bit length repeat"));
                    }
                    (l[have - 1], 3 + self.bits(2)? as usize)
                }
                17 => (0, 3 + self.bits(3)? as usize),
                _ => (0, 11 + self.bits(7)? as usize),
            };
            if have + copy > nlen + ndist {
                return Err(Stop::Bad("invalid bit length repeat"));
            }
            l[have..have + copy].fill(len);
            have += copy;
        }
        if l[256] == 0 {
            return Err(Stop::Bad("invalid code -- missing end-of-block"));
        }
        let Some(lencode) = Huffman::new(&l[..nlen], true) else {
            return Err(Stop::Bad("invalid literal/lengths set"));
        };
        let Some(distcode) = Huffman::new(&l[nlen..], true) else {
            return Err(Stop::Bad("invalid distances set"));
        };
        self.mode = Mode::Codes(Rc::new((lencode, distcode)));
        Ok(())
    }

    fn symbol(&mut self, t: &(Huffman, Huffman)) -> Result<(), Stop> {
        let Some(sym) = self.decode(&t.0)? else {
            return Err(Stop::Bad("invalid literal/length code"));
        };
        let start = self.out.len();
        if sym < 256 {
            self.out.push(sym as u8);
        } else if sym == 256 {
            self.mode = Mode::Type;
            return Ok(());
        } else {
            let i = sym as usize - 257;
            if i >= 29 {
                return Err(Stop::Bad("invalid literal/length code"));
            }
            let len = LBASE[i] as usize + self.bits(LEXT[i] as usize)? as usize;
            let Some(d) = self.decode(&t.1)? else {
                return Err(Stop::Bad("invalid distance code"));
            };
            let d = d as usize;
            if d >= 30 {
                return Err(Stop::Bad("invalid distance code"));
            }
            let dist = DBASE[d] as usize + self.bits(DEXT[d] as usize)? as usize;
            let in_call = self.out.len() - self.call_start;
            if dist > in_call && dist - in_call > self.call_whave {
                return Err(Stop::Bad("invalid distance too far back"));
            }
            let from = self.out.len() - dist;
            for k in 0..len {
                let b = self.out[from + k];
                self.out.push(b);
            }
        }
        self.update_check(start);
        Ok(())
    }

    fn trailer(&mut self) -> Result<(), Stop> {
        if self.wrap != 0 {
            let v = self.bits(32)?;
            let want = if self.gzip { v } else { v.swap_bytes() };
            if want != self.check {
                return Err(Stop::Bad("incorrect data check"));
            }
            if self.gzip {
                let n = self.bits(32)?;
                if n != (self.produced().len() as u32) {
                    return Err(Stop::Bad("incorrect length check"));
                }
            }
        }
        self.mode = Mode::Done;
        Ok(())
    }
}
