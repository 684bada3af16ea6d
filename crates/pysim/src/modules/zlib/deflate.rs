//! A port of zlib 1.2.13's `deflate.c` (compiled as CPython's zlib is: neither
//! `FASTEST` nor `ZLIB_DEBUG`): the stream state machine of `deflate()` with its
//! zlib/gzip/raw wrappers and flush modes, the sliding window (`fill_window`,
//! `slide_hash`), the hash chains and `longest_match`, and the five block
//! compressors (`deflate_stored`, `deflate_fast`, `deflate_slow`, `deflate_rle`,
//! `deflate_huff`) selected by level and strategy from the `configuration_table`.
//! Compressed bytes are identical to zlib's for the same calls; names follow the C
//! source so the two can be diffed. The Huffman side is in `trees.rs`.

use super::trees::{CtData, BL_CODES, D_CODES, HEAP_SIZE};
use crate::modules::binascii::crc32_update;

pub const Z_NO_FLUSH: i32 = 0;
pub const Z_PARTIAL_FLUSH: i32 = 1;
pub const Z_FULL_FLUSH: i32 = 3;
pub const Z_FINISH: i32 = 4;
pub const Z_BLOCK: i32 = 5;
pub const Z_OK: i32 = 0;
pub const Z_STREAM_END: i32 = 1;
pub const Z_STREAM_ERROR: i32 = -2;
pub const Z_BUF_ERROR: i32 = -5;
pub const Z_FILTERED: i32 = 1;
pub const Z_HUFFMAN_ONLY: i32 = 2;
pub const Z_RLE: i32 = 3;
pub const Z_FIXED: i32 = 4;
pub const Z_BINARY: i32 = 0;
pub const Z_TEXT: i32 = 1;
pub const Z_UNKNOWN: i32 = 2;
const Z_DEFLATED: i32 = 8;
const MAX_MEM_LEVEL: i32 = 9;
const PRESET_DICT: u32 = 0x20;
const OS_CODE: u8 = 3;

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
const WIN_INIT: usize = MAX_MATCH;
const NIL: usize = 0;
const TOO_FAR: usize = 4096;
const MAX_STORED: usize = 65535;

const INIT_STATE: i32 = 42;
const GZIP_STATE: i32 = 57;
const BUSY_STATE: i32 = 113;
const FINISH_STATE: i32 = 666;

/// The fields of `z_stream` deflate uses. Output is appended to `output`, at most
/// `avail_out` more bytes (the caller grows `avail_out` as CPython grows its buffer).
#[derive(Clone, Debug, Default)]
pub struct ZStream {
    pub input: Vec<u8>,
    pub next_in: usize,
    pub avail_in: usize,
    pub output: Vec<u8>,
    pub avail_out: usize,
    pub total_in: u64,
    pub total_out: u64,
    pub adler: u32,
    pub data_type: i32,
    /// `msg`: set by `ERR_RETURN` and never cleared by later successful calls.
    pub msg: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq)]
enum BlockState {
    NeedMore,
    BlockDone,
    FinishStarted,
    FinishDone,
}

#[derive(Clone, Copy, PartialEq)]
enum Func {
    Stored,
    Fast,
    Slow,
}

struct Config {
    good_length: usize,
    max_lazy: usize,
    nice_length: usize,
    max_chain: usize,
    func: Func,
}

const fn cfg(good: usize, lazy: usize, nice: usize, chain: usize, func: Func) -> Config {
    Config {
        good_length: good,
        max_lazy: lazy,
        nice_length: nice,
        max_chain: chain,
        func,
    }
}

const CONFIGURATION_TABLE: [Config; 10] = [
    cfg(0, 0, 0, 0, Func::Stored),
    cfg(4, 4, 8, 4, Func::Fast),
    cfg(4, 5, 16, 8, Func::Fast),
    cfg(4, 6, 32, 32, Func::Fast),
    cfg(4, 4, 16, 16, Func::Slow),
    cfg(8, 16, 32, 32, Func::Slow),
    cfg(8, 16, 128, 128, Func::Slow),
    cfg(8, 32, 128, 256, Func::Slow),
    cfg(32, 128, 258, 1024, Func::Slow),
    cfg(32, 258, 258, 4096, Func::Slow),
];

/// `RANK(f)`: orders flush values for the "avoid duplicate flushes" check.
fn rank(f: i32) -> i32 {
    f * 2 - if f > 4 { 9 } else { 0 }
}

/// Adler-32 continuing from `adler`.
pub fn adler32(adler: u32, buf: &[u8]) -> u32 {
    let mut a = adler & 0xffff;
    let mut b = adler >> 16;
    for chunk in buf.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// `deflate_state` together with its stream.
#[derive(Clone, Debug)]
pub struct DeflateState {
    pub strm: ZStream,
    status: i32,
    pub pending_buf: Vec<u8>,
    pending_buf_size: usize,
    pending_out: usize,
    pub pending: usize,
    wrap: i32,
    last_flush: i32,
    w_size: usize,
    w_bits: usize,
    w_mask: usize,
    pub window: Vec<u8>,
    window_size: usize,
    prev: Vec<u16>,
    head: Vec<u16>,
    ins_h: usize,
    hash_mask: usize,
    hash_shift: usize,
    block_start: i64,
    match_length: usize,
    prev_match: usize,
    match_available: bool,
    strstart: usize,
    match_start: usize,
    lookahead: usize,
    prev_length: usize,
    max_chain_length: usize,
    max_lazy_match: usize,
    pub level: i32,
    pub strategy: i32,
    good_match: usize,
    nice_match: usize,
    pub dyn_ltree: Vec<CtData>,
    pub dyn_dtree: Vec<CtData>,
    pub bl_tree: Vec<CtData>,
    pub l_max_code: i32,
    pub d_max_code: i32,
    pub bl_max_code: i32,
    pub bl_count: [u16; 16],
    pub heap: [usize; HEAP_SIZE],
    pub heap_len: usize,
    pub heap_max: usize,
    pub depth: [u8; HEAP_SIZE],
    pub sym_buf: Vec<u8>,
    pub sym_next: usize,
    pub sym_end: usize,
    pub opt_len: u64,
    pub static_len: u64,
    pub matches: usize,
    insert: usize,
    pub bi_buf: u16,
    pub bi_valid: u32,
    high_water: usize,
}

impl DeflateState {
    /// `deflateInit2`: `Err(Z_STREAM_ERROR)` for invalid parameters.
    pub fn new(
        level: i32,
        method: i32,
        window_bits: i32,
        mem_level: i32,
        strategy: i32,
    ) -> Result<DeflateState, i32> {
        let mut level = level;
        let mut window_bits = window_bits;
        let mut wrap = 1;
        if level == -1 {
            level = 6;
        }
        if window_bits < 0 {
            wrap = 0;
            if window_bits < -15 {
                return Err(Z_STREAM_ERROR);
            }
            window_bits = -window_bits;
        } else if window_bits > 15 {
            wrap = 2;
            window_bits -= 16;
        }
        if !(1..=MAX_MEM_LEVEL).contains(&mem_level)
            || method != Z_DEFLATED
            || !(8..=15).contains(&window_bits)
            || !(0..=9).contains(&level)
            || !(0..=Z_FIXED).contains(&strategy)
            || (window_bits == 8 && wrap != 1)
        {
            return Err(Z_STREAM_ERROR);
        }
        if window_bits == 8 {
            window_bits = 9;
        }
        let w_bits = window_bits as usize;
        let w_size = 1usize << w_bits;
        let hash_bits = mem_level as usize + 7;
        let hash_size = 1usize << hash_bits;
        let lit_bufsize = 1usize << (mem_level + 6);
        let mut s = DeflateState {
            strm: ZStream::default(),
            status: INIT_STATE,
            pending_buf: vec![0; lit_bufsize * 4],
            pending_buf_size: lit_bufsize * 4,
            pending_out: 0,
            pending: 0,
            wrap,
            last_flush: 0,
            w_size,
            w_bits,
            w_mask: w_size - 1,
            window: vec![0; w_size * 2],
            window_size: 0,
            prev: vec![0; w_size],
            head: vec![0; hash_size],
            ins_h: 0,
            hash_mask: hash_size - 1,
            hash_shift: hash_bits.div_ceil(MIN_MATCH),
            block_start: 0,
            match_length: 0,
            prev_match: 0,
            match_available: false,
            strstart: 0,
            match_start: 0,
            lookahead: 0,
            prev_length: 0,
            max_chain_length: 0,
            max_lazy_match: 0,
            level,
            strategy,
            good_match: 0,
            nice_match: 0,
            dyn_ltree: vec![CtData::default(); HEAP_SIZE],
            dyn_dtree: vec![CtData::default(); 2 * D_CODES + 1],
            bl_tree: vec![CtData::default(); 2 * BL_CODES + 1],
            l_max_code: 0,
            d_max_code: 0,
            bl_max_code: 0,
            bl_count: [0; 16],
            heap: [0; HEAP_SIZE],
            heap_len: 0,
            heap_max: 0,
            depth: [0; HEAP_SIZE],
            sym_buf: vec![0; lit_bufsize * 3],
            sym_next: 0,
            sym_end: (lit_bufsize - 1) * 3,
            opt_len: 0,
            static_len: 0,
            matches: 0,
            insert: 0,
            bi_buf: 0,
            bi_valid: 0,
            high_water: 0,
        };
        s.deflate_reset();
        Ok(s)
    }

    fn deflate_reset(&mut self) {
        self.strm.total_in = 0;
        self.strm.total_out = 0;
        self.strm.data_type = Z_UNKNOWN;
        self.pending = 0;
        self.pending_out = 0;
        if self.wrap < 0 {
            self.wrap = -self.wrap;
        }
        self.status = if self.wrap == 2 {
            GZIP_STATE
        } else {
            INIT_STATE
        };
        self.strm.adler = if self.wrap == 2 { 0 } else { 1 };
        self.last_flush = -2;
        self.tr_init();
        self.lm_init();
    }

    /// `deflateSetDictionary`: `Err(Z_STREAM_ERROR)` when not allowed (gzip, or after
    /// compression started).
    pub fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), i32> {
        let wrap = self.wrap;
        if wrap == 2 || (wrap == 1 && self.status != INIT_STATE) || self.lookahead != 0 {
            return Err(Z_STREAM_ERROR);
        }
        if wrap == 1 {
            self.strm.adler = adler32(self.strm.adler, dictionary);
        }
        self.wrap = 0;
        let mut dictionary = dictionary;
        if dictionary.len() >= self.w_size {
            if wrap == 0 {
                self.clear_hash();
                self.strstart = 0;
                self.block_start = 0;
                self.insert = 0;
            }
            dictionary = &dictionary[dictionary.len() - self.w_size..];
        }
        let saved_input = std::mem::replace(&mut self.strm.input, dictionary.to_vec());
        let (next, avail) = (self.strm.next_in, self.strm.avail_in);
        self.strm.next_in = 0;
        self.strm.avail_in = dictionary.len();
        self.fill_window();
        while self.lookahead >= MIN_MATCH {
            let mut str = self.strstart;
            let mut n = self.lookahead - (MIN_MATCH - 1);
            loop {
                self.update_hash(self.window[str + MIN_MATCH - 1]);
                self.prev[str & self.w_mask] = self.head[self.ins_h];
                self.head[self.ins_h] = str as u16;
                str += 1;
                n -= 1;
                if n == 0 {
                    break;
                }
            }
            self.strstart = str;
            self.lookahead = MIN_MATCH - 1;
            self.fill_window();
        }
        self.strstart += self.lookahead;
        self.block_start = self.strstart as i64;
        self.insert = self.lookahead;
        self.lookahead = 0;
        self.match_length = MIN_MATCH - 1;
        self.prev_length = MIN_MATCH - 1;
        self.match_available = false;
        self.strm.input = saved_input;
        self.strm.next_in = next;
        self.strm.avail_in = avail;
        self.wrap = wrap;
        Ok(())
    }

    fn clear_hash(&mut self) {
        self.head.iter_mut().for_each(|h| *h = NIL as u16);
    }

    fn update_hash(&mut self, c: u8) {
        self.ins_h = ((self.ins_h << self.hash_shift) ^ c as usize) & self.hash_mask;
    }

    /// `INSERT_STRING`: inserts the string at `str`, returning the previous head of
    /// its hash chain.
    fn insert_string(&mut self, str: usize) -> usize {
        self.update_hash(self.window[str + (MIN_MATCH - 1)]);
        let match_head = self.head[self.ins_h];
        self.prev[str & self.w_mask] = match_head;
        self.head[self.ins_h] = str as u16;
        match_head as usize
    }

    fn slide_hash(&mut self) {
        let wsize = self.w_size;
        for p in self.head.iter_mut().chain(self.prev.iter_mut()) {
            let m = *p as usize;
            *p = if m >= wsize {
                (m - wsize) as u16
            } else {
                NIL as u16
            };
        }
    }

    fn lm_init(&mut self) {
        self.window_size = 2 * self.w_size;
        self.clear_hash();
        let c = &CONFIGURATION_TABLE[self.level as usize];
        self.max_lazy_match = c.max_lazy;
        self.good_match = c.good_length;
        self.nice_match = c.nice_length;
        self.max_chain_length = c.max_chain;
        self.strstart = 0;
        self.block_start = 0;
        self.lookahead = 0;
        self.insert = 0;
        self.match_length = MIN_MATCH - 1;
        self.prev_length = MIN_MATCH - 1;
        self.match_available = false;
        self.ins_h = 0;
    }

    pub fn put_byte(&mut self, c: u8) {
        self.pending_buf[self.pending] = c;
        self.pending += 1;
    }

    fn put_short_msb(&mut self, b: u32) {
        self.put_byte((b >> 8) as u8);
        self.put_byte(b as u8);
    }

    fn flush_pending(&mut self) {
        self.tr_flush_bits();
        let len = self.pending.min(self.strm.avail_out);
        if len == 0 {
            return;
        }
        let from = self.pending_out;
        self.strm
            .output
            .extend_from_slice(&self.pending_buf[from..from + len]);
        self.pending_out += len;
        self.strm.total_out += len as u64;
        self.strm.avail_out -= len;
        self.pending -= len;
        if self.pending == 0 {
            self.pending_out = 0;
        }
    }

    /// Copies `len` input bytes to the window at `to` (`read_buf` into the window).
    fn read_buf(&mut self, to: usize, size: usize) -> usize {
        let len = self.strm.avail_in.min(size);
        if len == 0 {
            return 0;
        }
        let from = self.strm.next_in;
        self.window[to..to + len].copy_from_slice(&self.strm.input[from..from + len]);
        self.consume_input(len);
        len
    }

    /// The bookkeeping of `read_buf` for `len` bytes at `next_in` (check value,
    /// counters).
    fn consume_input(&mut self, len: usize) {
        let from = self.strm.next_in;
        let data = &self.strm.input[from..from + len];
        if self.wrap == 1 {
            self.strm.adler = adler32(self.strm.adler, data);
        } else if self.wrap == 2 {
            self.strm.adler = crc32_update(self.strm.adler, data);
        }
        self.strm.avail_in -= len;
        self.strm.next_in += len;
        self.strm.total_in += len as u64;
    }

    /// `deflate(strm, flush)`: returns `Z_OK`, `Z_STREAM_END`, `Z_BUF_ERROR` or
    /// `Z_STREAM_ERROR`.
    pub fn deflate(&mut self, flush: i32) -> i32 {
        if !(0..=Z_BLOCK).contains(&flush) {
            return Z_STREAM_ERROR;
        }
        if self.status == FINISH_STATE && flush != Z_FINISH {
            return self.err_return(Z_STREAM_ERROR);
        }
        if self.strm.avail_out == 0 {
            return self.err_return(Z_BUF_ERROR);
        }
        let old_flush = self.last_flush;
        self.last_flush = flush;
        if self.pending != 0 {
            self.flush_pending();
            if self.strm.avail_out == 0 {
                self.last_flush = -1;
                return Z_OK;
            }
        } else if self.strm.avail_in == 0 && rank(flush) <= rank(old_flush) && flush != Z_FINISH {
            return self.err_return(Z_BUF_ERROR);
        }
        if self.status == FINISH_STATE && self.strm.avail_in != 0 {
            return self.err_return(Z_BUF_ERROR);
        }
        if self.status == INIT_STATE && self.wrap == 0 {
            self.status = BUSY_STATE;
        }
        if self.status == INIT_STATE {
            let mut header = (Z_DEFLATED as u32 + ((self.w_bits as u32 - 8) << 4)) << 8;
            let level_flags = if self.strategy >= Z_HUFFMAN_ONLY || self.level < 2 {
                0
            } else if self.level < 6 {
                1
            } else if self.level == 6 {
                2
            } else {
                3
            };
            header |= level_flags << 6;
            if self.strstart != 0 {
                header |= PRESET_DICT;
            }
            header += 31 - (header % 31);
            self.put_short_msb(header);
            if self.strstart != 0 {
                let adler = self.strm.adler;
                self.put_short_msb(adler >> 16);
                self.put_short_msb(adler & 0xffff);
            }
            self.strm.adler = 1;
            self.status = BUSY_STATE;
            self.flush_pending();
            if self.pending != 0 {
                self.last_flush = -1;
                return Z_OK;
            }
        }
        if self.status == GZIP_STATE {
            self.strm.adler = 0;
            for b in [31, 139, 8, 0, 0, 0, 0, 0] {
                self.put_byte(b);
            }
            let xfl = if self.level == 9 {
                2
            } else if self.strategy >= Z_HUFFMAN_ONLY || self.level < 2 {
                4
            } else {
                0
            };
            self.put_byte(xfl);
            self.put_byte(OS_CODE);
            self.status = BUSY_STATE;
            self.flush_pending();
            if self.pending != 0 {
                self.last_flush = -1;
                return Z_OK;
            }
        }
        if self.strm.avail_in != 0
            || self.lookahead != 0
            || (flush != Z_NO_FLUSH && self.status != FINISH_STATE)
        {
            let bstate = if self.level == 0 {
                self.deflate_stored(flush)
            } else if self.strategy == Z_HUFFMAN_ONLY {
                self.deflate_huff(flush)
            } else if self.strategy == Z_RLE {
                self.deflate_rle(flush)
            } else {
                match CONFIGURATION_TABLE[self.level as usize].func {
                    Func::Stored => self.deflate_stored(flush),
                    Func::Fast => self.deflate_fast(flush),
                    Func::Slow => self.deflate_slow(flush),
                }
            };
            if bstate == BlockState::FinishStarted || bstate == BlockState::FinishDone {
                self.status = FINISH_STATE;
            }
            if bstate == BlockState::NeedMore || bstate == BlockState::FinishStarted {
                if self.strm.avail_out == 0 {
                    self.last_flush = -1;
                }
                return Z_OK;
            }
            if bstate == BlockState::BlockDone {
                if flush == Z_PARTIAL_FLUSH {
                    self.tr_align();
                } else if flush != Z_BLOCK {
                    self.tr_stored_block(None, 0, false);
                    if flush == Z_FULL_FLUSH {
                        self.clear_hash();
                        if self.lookahead == 0 {
                            self.strstart = 0;
                            self.block_start = 0;
                            self.insert = 0;
                        }
                    }
                }
                self.flush_pending();
                if self.strm.avail_out == 0 {
                    self.last_flush = -1;
                    return Z_OK;
                }
            }
        }
        if flush != Z_FINISH {
            return Z_OK;
        }
        if self.wrap <= 0 {
            return Z_STREAM_END;
        }
        if self.wrap == 2 {
            let adler = self.strm.adler;
            let total = self.strm.total_in as u32;
            for b in adler.to_le_bytes().into_iter().chain(total.to_le_bytes()) {
                self.put_byte(b);
            }
        } else {
            let adler = self.strm.adler;
            self.put_short_msb(adler >> 16);
            self.put_short_msb(adler & 0xffff);
        }
        self.flush_pending();
        if self.wrap > 0 {
            self.wrap = -self.wrap;
        }
        if self.pending != 0 {
            Z_OK
        } else {
            Z_STREAM_END
        }
    }

    /// `ERR_RETURN`: sets `msg` to `ERR_MSG(err)`.
    fn err_return(&mut self, err: i32) -> i32 {
        self.strm.msg = Some(if err == Z_BUF_ERROR {
            "buffer error"
        } else {
            "stream error"
        });
        err
    }

    fn max_dist(&self) -> usize {
        self.w_size - MIN_LOOKAHEAD
    }

    fn longest_match(&mut self, mut cur_match: usize) -> usize {
        let mut chain_length = self.max_chain_length;
        let scan = self.strstart;
        let mut best_len = self.prev_length;
        let mut nice_match = self.nice_match;
        let limit = if self.strstart > self.max_dist() {
            self.strstart - self.max_dist()
        } else {
            NIL
        };
        let wmask = self.w_mask;
        let strend = self.strstart + MAX_MATCH;
        let w = &self.window;
        let mut scan_end1 = w[scan + best_len - 1];
        let mut scan_end = w[scan + best_len];
        if self.prev_length >= self.good_match {
            chain_length >>= 2;
        }
        if nice_match > self.lookahead {
            nice_match = self.lookahead;
        }
        loop {
            let m = cur_match;
            if !(w[m + best_len] != scan_end
                || w[m + best_len - 1] != scan_end1
                || w[m] != w[scan]
                || w[m + 1] != w[scan + 1])
            {
                // scan[2] and match[2] are equal by the hash; compare from index 3.
                let mut s = scan + 2;
                let mut mm = m + 2;
                loop {
                    s += 1;
                    mm += 1;
                    if w[s] != w[mm] || s >= strend {
                        break;
                    }
                }
                let len = MAX_MATCH - (strend - s);
                if len > best_len {
                    self.match_start = cur_match;
                    best_len = len;
                    if len >= nice_match {
                        break;
                    }
                    scan_end1 = w[scan + best_len - 1];
                    scan_end = w[scan + best_len];
                }
            }
            cur_match = self.prev[cur_match & wmask] as usize;
            if cur_match <= limit {
                break;
            }
            chain_length -= 1;
            if chain_length == 0 {
                break;
            }
        }
        if best_len <= self.lookahead {
            best_len
        } else {
            self.lookahead
        }
    }

    fn fill_window(&mut self) {
        let wsize = self.w_size;
        loop {
            let mut more = self.window_size - self.lookahead - self.strstart;
            if self.strstart >= wsize + self.max_dist() {
                self.window.copy_within(wsize..wsize + wsize - more, 0);
                self.match_start = self.match_start.wrapping_sub(wsize);
                self.strstart -= wsize;
                self.block_start -= wsize as i64;
                if self.insert > self.strstart {
                    self.insert = self.strstart;
                }
                self.slide_hash();
                more += wsize;
            }
            if self.strm.avail_in == 0 {
                break;
            }
            let n = self.read_buf(self.strstart + self.lookahead, more);
            self.lookahead += n;
            if self.lookahead + self.insert >= MIN_MATCH {
                let mut str = self.strstart - self.insert;
                self.ins_h = self.window[str] as usize;
                self.update_hash(self.window[str + 1]);
                while self.insert != 0 {
                    self.update_hash(self.window[str + MIN_MATCH - 1]);
                    self.prev[str & self.w_mask] = self.head[self.ins_h];
                    self.head[self.ins_h] = str as u16;
                    str += 1;
                    self.insert -= 1;
                    if self.lookahead + self.insert < MIN_MATCH {
                        break;
                    }
                }
            }
            if !(self.lookahead < MIN_LOOKAHEAD && self.strm.avail_in != 0) {
                break;
            }
        }
        if self.high_water < self.window_size {
            let curr = self.strstart + self.lookahead;
            if self.high_water < curr {
                let init = (self.window_size - curr).min(WIN_INIT);
                self.window[curr..curr + init].fill(0);
                self.high_water = curr + init;
            } else if self.high_water < curr + WIN_INIT {
                let init =
                    (curr + WIN_INIT - self.high_water).min(self.window_size - self.high_water);
                let hw = self.high_water;
                self.window[hw..hw + init].fill(0);
                self.high_water += init;
            }
        }
    }

    fn flush_block_only(&mut self, last: bool) {
        let buf = if self.block_start >= 0 {
            Some(self.block_start as usize)
        } else {
            None
        };
        let len = (self.strstart as i64 - self.block_start) as u64;
        self.tr_flush_block(buf, len, last);
        self.block_start = self.strstart as i64;
        self.flush_pending();
    }

    /// `FLUSH_BLOCK`: `Some(state)` when the caller must return it.
    fn flush_block(&mut self, last: bool) -> Option<BlockState> {
        self.flush_block_only(last);
        if self.strm.avail_out == 0 {
            return Some(if last {
                BlockState::FinishStarted
            } else {
                BlockState::NeedMore
            });
        }
        None
    }

    fn deflate_stored(&mut self, flush: i32) -> BlockState {
        let mut min_block = (self.pending_buf_size - 5).min(self.w_size);
        let mut len;
        let mut left;
        let mut have;
        let mut last = false;
        let mut used = self.strm.avail_in;
        loop {
            len = MAX_STORED;
            have = (self.bi_valid as usize + 42) >> 3;
            if self.strm.avail_out < have {
                break;
            }
            have = self.strm.avail_out - have;
            left = (self.strstart as i64 - self.block_start) as usize;
            if len > left + self.strm.avail_in {
                len = left + self.strm.avail_in;
            }
            if len > have {
                len = have;
            }
            if len < min_block
                && ((len == 0 && flush != Z_FINISH)
                    || flush == Z_NO_FLUSH
                    || len != left + self.strm.avail_in)
            {
                break;
            }
            last = flush == Z_FINISH && len == left + self.strm.avail_in;
            self.tr_stored_block(None, 0, last);
            let p = self.pending;
            self.pending_buf[p - 4] = len as u8;
            self.pending_buf[p - 3] = (len >> 8) as u8;
            self.pending_buf[p - 2] = !len as u8;
            self.pending_buf[p - 1] = (!len >> 8) as u8;
            self.flush_pending();
            if left != 0 {
                if left > len {
                    left = len;
                }
                let bs = self.block_start as usize;
                self.strm
                    .output
                    .extend_from_slice(&self.window[bs..bs + left]);
                self.strm.avail_out -= left;
                self.strm.total_out += left as u64;
                self.block_start += left as i64;
                len -= left;
            }
            if len != 0 {
                let from = self.strm.next_in;
                let data = self.strm.input[from..from + len].to_vec();
                self.consume_input(len);
                self.strm.output.extend_from_slice(&data);
                self.strm.avail_out -= len;
                self.strm.total_out += len as u64;
            }
            if last {
                break;
            }
        }
        used -= self.strm.avail_in;
        if used != 0 {
            if used >= self.w_size {
                self.matches = 2;
                let from = self.strm.next_in - self.w_size;
                let ws = self.w_size;
                self.window[..ws].copy_from_slice(&self.strm.input[from..from + ws]);
                self.strstart = self.w_size;
                self.insert = self.strstart;
            } else {
                if self.window_size - self.strstart <= used {
                    self.strstart -= self.w_size;
                    let (ws, ss) = (self.w_size, self.strstart);
                    self.window.copy_within(ws..ws + ss, 0);
                    if self.matches < 2 {
                        self.matches += 1;
                    }
                    if self.insert > self.strstart {
                        self.insert = self.strstart;
                    }
                }
                let from = self.strm.next_in - used;
                let ss = self.strstart;
                self.window[ss..ss + used].copy_from_slice(&self.strm.input[from..from + used]);
                self.strstart += used;
                self.insert += used.min(self.w_size - self.insert);
            }
            self.block_start = self.strstart as i64;
        }
        if self.high_water < self.strstart {
            self.high_water = self.strstart;
        }
        if last {
            return BlockState::FinishDone;
        }
        if flush != Z_NO_FLUSH
            && flush != Z_FINISH
            && self.strm.avail_in == 0
            && self.strstart as i64 == self.block_start
        {
            return BlockState::BlockDone;
        }
        have = self.window_size - self.strstart;
        if self.strm.avail_in > have && self.block_start >= self.w_size as i64 {
            self.block_start -= self.w_size as i64;
            self.strstart -= self.w_size;
            let (ws, ss) = (self.w_size, self.strstart);
            self.window.copy_within(ws..ws + ss, 0);
            if self.matches < 2 {
                self.matches += 1;
            }
            have += self.w_size;
            if self.insert > self.strstart {
                self.insert = self.strstart;
            }
        }
        if have > self.strm.avail_in {
            have = self.strm.avail_in;
        }
        if have != 0 {
            self.read_buf(self.strstart, have);
            self.strstart += have;
            self.insert += have.min(self.w_size - self.insert);
        }
        if self.high_water < self.strstart {
            self.high_water = self.strstart;
        }
        have = (self.bi_valid as usize + 42) >> 3;
        have = (self.pending_buf_size - have).min(MAX_STORED);
        min_block = have.min(self.w_size);
        left = (self.strstart as i64 - self.block_start) as usize;
        if left >= min_block
            || ((left != 0 || flush == Z_FINISH)
                && flush != Z_NO_FLUSH
                && self.strm.avail_in == 0
                && left <= have)
        {
            len = left.min(have);
            last = flush == Z_FINISH && self.strm.avail_in == 0 && len == left;
            self.tr_stored_block(Some(self.block_start as usize), len, last);
            self.block_start += len as i64;
            self.flush_pending();
        }
        if last {
            BlockState::FinishStarted
        } else {
            BlockState::NeedMore
        }
    }

    fn deflate_fast(&mut self, flush: i32) -> BlockState {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead < MIN_LOOKAHEAD && flush == Z_NO_FLUSH {
                    return BlockState::NeedMore;
                }
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut hash_head = NIL;
            if self.lookahead >= MIN_MATCH {
                hash_head = self.insert_string(self.strstart);
            }
            if hash_head != NIL && self.strstart - hash_head <= self.max_dist() {
                self.match_length = self.longest_match(hash_head);
            }
            let bflush;
            if self.match_length >= MIN_MATCH {
                bflush = self.tr_tally_dist(
                    self.strstart - self.match_start,
                    self.match_length - MIN_MATCH,
                );
                self.lookahead -= self.match_length;
                if self.match_length <= self.max_lazy_match && self.lookahead >= MIN_MATCH {
                    self.match_length -= 1;
                    loop {
                        self.strstart += 1;
                        self.insert_string(self.strstart);
                        self.match_length -= 1;
                        if self.match_length == 0 {
                            break;
                        }
                    }
                    self.strstart += 1;
                } else {
                    self.strstart += self.match_length;
                    self.match_length = 0;
                    self.ins_h = self.window[self.strstart] as usize;
                    self.update_hash(self.window[self.strstart + 1]);
                }
            } else {
                bflush = self.tr_tally_lit(self.window[self.strstart]);
                self.lookahead -= 1;
                self.strstart += 1;
            }
            if bflush {
                if let Some(st) = self.flush_block(false) {
                    return st;
                }
            }
        }
        self.insert = self.strstart.min(MIN_MATCH - 1);
        self.finish_blocks(flush)
    }

    /// The common tail of the block compressors after the input ran out.
    fn finish_blocks(&mut self, flush: i32) -> BlockState {
        if flush == Z_FINISH {
            if let Some(st) = self.flush_block(true) {
                return st;
            }
            return BlockState::FinishDone;
        }
        if self.sym_next != 0 {
            if let Some(st) = self.flush_block(false) {
                return st;
            }
        }
        BlockState::BlockDone
    }

    fn deflate_slow(&mut self, flush: i32) -> BlockState {
        loop {
            if self.lookahead < MIN_LOOKAHEAD {
                self.fill_window();
                if self.lookahead < MIN_LOOKAHEAD && flush == Z_NO_FLUSH {
                    return BlockState::NeedMore;
                }
                if self.lookahead == 0 {
                    break;
                }
            }
            let mut hash_head = NIL;
            if self.lookahead >= MIN_MATCH {
                hash_head = self.insert_string(self.strstart);
            }
            self.prev_length = self.match_length;
            self.prev_match = self.match_start;
            self.match_length = MIN_MATCH - 1;
            if hash_head != NIL
                && self.prev_length < self.max_lazy_match
                && self.strstart - hash_head <= self.max_dist()
            {
                self.match_length = self.longest_match(hash_head);
                if self.match_length <= 5
                    && (self.strategy == Z_FILTERED
                        || (self.match_length == MIN_MATCH
                            && self.strstart - self.match_start > TOO_FAR))
                {
                    self.match_length = MIN_MATCH - 1;
                }
            }
            if self.prev_length >= MIN_MATCH && self.match_length <= self.prev_length {
                let max_insert = self.strstart + self.lookahead - MIN_MATCH;
                let bflush = self.tr_tally_dist(
                    self.strstart - 1 - self.prev_match,
                    self.prev_length - MIN_MATCH,
                );
                self.lookahead -= self.prev_length - 1;
                self.prev_length -= 2;
                loop {
                    self.strstart += 1;
                    if self.strstart <= max_insert {
                        self.insert_string(self.strstart);
                    }
                    self.prev_length -= 1;
                    if self.prev_length == 0 {
                        break;
                    }
                }
                self.match_available = false;
                self.match_length = MIN_MATCH - 1;
                self.strstart += 1;
                if bflush {
                    if let Some(st) = self.flush_block(false) {
                        return st;
                    }
                }
            } else if self.match_available {
                let bflush = self.tr_tally_lit(self.window[self.strstart - 1]);
                if bflush {
                    self.flush_block_only(false);
                }
                self.strstart += 1;
                self.lookahead -= 1;
                if self.strm.avail_out == 0 {
                    return BlockState::NeedMore;
                }
            } else {
                self.match_available = true;
                self.strstart += 1;
                self.lookahead -= 1;
            }
        }
        if self.match_available {
            self.tr_tally_lit(self.window[self.strstart - 1]);
            self.match_available = false;
        }
        self.insert = self.strstart.min(MIN_MATCH - 1);
        self.finish_blocks(flush)
    }

    fn deflate_rle(&mut self, flush: i32) -> BlockState {
        loop {
            if self.lookahead <= MAX_MATCH {
                self.fill_window();
                if self.lookahead <= MAX_MATCH && flush == Z_NO_FLUSH {
                    return BlockState::NeedMore;
                }
                if self.lookahead == 0 {
                    break;
                }
            }
            self.match_length = 0;
            if self.lookahead >= MIN_MATCH && self.strstart > 0 {
                let w = &self.window;
                let mut scan = self.strstart - 1;
                let prev = w[scan];
                if prev == w[scan + 1] && prev == w[scan + 2] && prev == w[scan + 3] {
                    scan += 3;
                    let strend = self.strstart + MAX_MATCH;
                    loop {
                        scan += 1;
                        if prev != w[scan] || scan >= strend {
                            break;
                        }
                    }
                    self.match_length = (MAX_MATCH - (strend - scan)).min(self.lookahead);
                }
            }
            let bflush;
            if self.match_length >= MIN_MATCH {
                bflush = self.tr_tally_dist(1, self.match_length - MIN_MATCH);
                self.lookahead -= self.match_length;
                self.strstart += self.match_length;
                self.match_length = 0;
            } else {
                bflush = self.tr_tally_lit(self.window[self.strstart]);
                self.lookahead -= 1;
                self.strstart += 1;
            }
            if bflush {
                if let Some(st) = self.flush_block(false) {
                    return st;
                }
            }
        }
        self.insert = 0;
        self.finish_blocks(flush)
    }

    fn deflate_huff(&mut self, flush: i32) -> BlockState {
        loop {
            if self.lookahead == 0 {
                self.fill_window();
                if self.lookahead == 0 {
                    if flush == Z_NO_FLUSH {
                        return BlockState::NeedMore;
                    }
                    break;
                }
            }
            self.match_length = 0;
            let bflush = self.tr_tally_lit(self.window[self.strstart]);
            self.lookahead -= 1;
            self.strstart += 1;
            if bflush {
                if let Some(st) = self.flush_block(false) {
                    return st;
                }
            }
        }
        self.insert = 0;
        self.finish_blocks(flush)
    }
}
