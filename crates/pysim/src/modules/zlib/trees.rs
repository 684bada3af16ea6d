//! A port of zlib 1.2.13's `trees.c`: the Huffman trees of a deflate block (built
//! from the symbol frequencies by `build_tree`, with zlib's tie-breaking on node
//! depth and its bit-length overflow repair), the choice in `_tr_flush_block` between
//! a stored, a static and a dynamic block, and the bit buffer (`send_bits`,
//! `bi_flush`, `bi_windup`). Names follow the C source so the two can be diffed.

use super::deflate::{DeflateState, Z_FIXED, Z_UNKNOWN};
use std::sync::OnceLock;

pub const LENGTH_CODES: usize = 29;
pub const LITERALS: usize = 256;
pub const L_CODES: usize = LITERALS + 1 + LENGTH_CODES;
pub const D_CODES: usize = 30;
pub const BL_CODES: usize = 19;
pub const HEAP_SIZE: usize = 2 * L_CODES + 1;
const MAX_BITS: usize = 15;
const BUF_SIZE: u32 = 16;
const MAX_BL_BITS: usize = 7;
const END_BLOCK: usize = 256;
const REP_3_6: usize = 16;
const REPZ_3_10: usize = 17;
const REPZ_11_138: usize = 18;
const STORED_BLOCK: u32 = 0;
const STATIC_TREES: u32 = 1;
const DYN_TREES: u32 = 2;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const DIST_CODE_LEN: usize = 512;
const SMALLEST: usize = 1;

const EXTRA_LBITS: [usize; LENGTH_CODES] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const EXTRA_DBITS: [usize; D_CODES] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const EXTRA_BLBITS: [usize; BL_CODES] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
const BL_ORDER: [usize; BL_CODES] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// One tree node: `fc` is `Freq` or `Code`, `dl` is `Dad` or `Len` (C's unions).
#[derive(Clone, Copy, Debug, Default)]
pub struct CtData {
    pub fc: u16,
    pub dl: u16,
}

/// `static_tree_desc`.
struct StaticTreeDesc {
    static_tree: Option<&'static [CtData]>,
    extra_bits: &'static [usize],
    extra_base: usize,
    elems: usize,
    max_length: usize,
}

/// The tables `tr_static_init` computes.
struct Statics {
    static_ltree: [CtData; L_CODES + 2],
    static_dtree: [CtData; D_CODES],
    dist_code: [u8; DIST_CODE_LEN],
    length_code: [u8; MAX_MATCH - MIN_MATCH + 1],
    base_length: [usize; LENGTH_CODES],
    base_dist: [usize; D_CODES],
}

fn statics() -> &'static Statics {
    static S: OnceLock<Statics> = OnceLock::new();
    S.get_or_init(tr_static_init)
}

/// Which of the three trees of the state a descriptor describes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TreeKind {
    L,
    D,
    Bl,
}

fn stat_desc(kind: TreeKind) -> StaticTreeDesc {
    let st = statics();
    match kind {
        TreeKind::L => StaticTreeDesc {
            static_tree: Some(&st.static_ltree),
            extra_bits: &EXTRA_LBITS,
            extra_base: LITERALS + 1,
            elems: L_CODES,
            max_length: MAX_BITS,
        },
        TreeKind::D => StaticTreeDesc {
            static_tree: Some(&st.static_dtree),
            extra_bits: &EXTRA_DBITS,
            extra_base: 0,
            elems: D_CODES,
            max_length: MAX_BITS,
        },
        TreeKind::Bl => StaticTreeDesc {
            static_tree: None,
            extra_bits: &EXTRA_BLBITS,
            extra_base: 0,
            elems: BL_CODES,
            max_length: MAX_BL_BITS,
        },
    }
}

fn tr_static_init() -> Statics {
    let mut s = Statics {
        static_ltree: [CtData::default(); L_CODES + 2],
        static_dtree: [CtData::default(); D_CODES],
        dist_code: [0; DIST_CODE_LEN],
        length_code: [0; MAX_MATCH - MIN_MATCH + 1],
        base_length: [0; LENGTH_CODES],
        base_dist: [0; D_CODES],
    };
    let mut length = 0;
    let mut code = 0;
    while code < LENGTH_CODES - 1 {
        s.base_length[code] = length;
        for _ in 0..(1 << EXTRA_LBITS[code]) {
            s.length_code[length] = code as u8;
            length += 1;
        }
        code += 1;
    }
    s.length_code[length - 1] = code as u8;
    let mut dist = 0;
    code = 0;
    while code < 16 {
        s.base_dist[code] = dist;
        for _ in 0..(1 << EXTRA_DBITS[code]) {
            s.dist_code[dist] = code as u8;
            dist += 1;
        }
        code += 1;
    }
    dist >>= 7;
    while code < D_CODES {
        s.base_dist[code] = dist << 7;
        for _ in 0..(1 << (EXTRA_DBITS[code] - 7)) {
            s.dist_code[256 + dist] = code as u8;
            dist += 1;
        }
        code += 1;
    }
    let mut bl_count = [0u16; MAX_BITS + 1];
    for (n, node) in s.static_ltree.iter_mut().enumerate() {
        let len = match n {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
        node.dl = len;
        bl_count[len as usize] += 1;
    }
    gen_codes(&mut s.static_ltree, L_CODES + 1, &bl_count);
    for (n, node) in s.static_dtree.iter_mut().enumerate() {
        node.dl = 5;
        node.fc = bi_reverse(n as u32, 5) as u16;
    }
    s
}

fn d_code(dist: usize) -> usize {
    let st = statics();
    if dist < 256 {
        st.dist_code[dist] as usize
    } else {
        st.dist_code[256 + (dist >> 7)] as usize
    }
}

/// `_length_code[len]`.
pub fn length_code(len: usize) -> usize {
    statics().length_code[len] as usize
}

/// `d_code(dist)` for the tally macros.
pub fn dist_code(dist: usize) -> usize {
    d_code(dist)
}

impl DeflateState {
    /// `_tr_init`.
    pub fn tr_init(&mut self) {
        self.bi_buf = 0;
        self.bi_valid = 0;
        self.init_block();
    }

    fn init_block(&mut self) {
        for n in 0..L_CODES {
            self.dyn_ltree[n].fc = 0;
        }
        for n in 0..D_CODES {
            self.dyn_dtree[n].fc = 0;
        }
        for n in 0..BL_CODES {
            self.bl_tree[n].fc = 0;
        }
        self.dyn_ltree[END_BLOCK].fc = 1;
        self.opt_len = 0;
        self.static_len = 0;
        self.sym_next = 0;
        self.matches = 0;
    }

    fn put_short(&mut self, w: u16) {
        self.put_byte(w as u8);
        self.put_byte((w >> 8) as u8);
    }

    fn send_bits(&mut self, value: u32, length: u32) {
        if self.bi_valid > BUF_SIZE - length {
            self.bi_buf |= ((value as u16) as u32).wrapping_shl(self.bi_valid) as u16;
            let b = self.bi_buf;
            self.put_short(b);
            self.bi_buf = ((value as u16) as u32 >> (BUF_SIZE - self.bi_valid)) as u16;
            self.bi_valid = self.bi_valid + length - BUF_SIZE;
        } else {
            self.bi_buf |= ((value as u16) as u32).wrapping_shl(self.bi_valid) as u16;
            self.bi_valid += length;
        }
    }

    fn send_code(&mut self, c: usize, tree: &[CtData]) {
        self.send_bits(tree[c].fc as u32, tree[c].dl as u32);
    }

    fn tree(&mut self, kind: TreeKind) -> &mut Vec<CtData> {
        match kind {
            TreeKind::L => &mut self.dyn_ltree,
            TreeKind::D => &mut self.dyn_dtree,
            TreeKind::Bl => &mut self.bl_tree,
        }
    }

    fn smaller(tree: &[CtData], n: usize, m: usize, depth: &[u8]) -> bool {
        tree[n].fc < tree[m].fc || (tree[n].fc == tree[m].fc && depth[n] <= depth[m])
    }

    fn pqdownheap(&mut self, tree: &[CtData], mut k: usize) {
        let v = self.heap[k];
        let mut j = k << 1;
        while j <= self.heap_len {
            if j < self.heap_len && Self::smaller(tree, self.heap[j + 1], self.heap[j], &self.depth)
            {
                j += 1;
            }
            if Self::smaller(tree, v, self.heap[j], &self.depth) {
                break;
            }
            self.heap[k] = self.heap[j];
            k = j;
            j <<= 1;
        }
        self.heap[k] = v;
    }

    fn gen_bitlen(&mut self, tree: &mut [CtData], kind: TreeKind) {
        let desc = stat_desc(kind);
        let max_code = self.max_code(kind);
        let stree = desc.static_tree;
        let extra = desc.extra_bits;
        let base = desc.extra_base;
        let max_length = desc.max_length;
        let mut overflow: i32 = 0;
        for bits in 0..=MAX_BITS {
            self.bl_count[bits] = 0;
        }
        tree[self.heap[self.heap_max]].dl = 0;
        let mut h = self.heap_max + 1;
        while h < HEAP_SIZE {
            let n = self.heap[h];
            let mut bits = tree[tree[n].dl as usize].dl as usize + 1;
            if bits > max_length {
                bits = max_length;
                overflow += 1;
            }
            tree[n].dl = bits as u16;
            h += 1;
            if n as i32 > max_code {
                continue;
            }
            self.bl_count[bits] += 1;
            let mut xbits = 0;
            if n >= base {
                xbits = extra[n - base];
            }
            let f = tree[n].fc as u64;
            self.opt_len = self.opt_len.wrapping_add(f * (bits + xbits) as u64);
            if let Some(stree) = stree {
                self.static_len = self
                    .static_len
                    .wrapping_add(f * (stree[n].dl as usize + xbits) as u64);
            }
        }
        if overflow == 0 {
            return;
        }
        loop {
            let mut bits = max_length - 1;
            while self.bl_count[bits] == 0 {
                bits -= 1;
            }
            self.bl_count[bits] -= 1;
            self.bl_count[bits + 1] += 2;
            self.bl_count[max_length] -= 1;
            overflow -= 2;
            if overflow <= 0 {
                break;
            }
        }
        let mut bits = max_length;
        while bits != 0 {
            let mut n = self.bl_count[bits];
            while n != 0 {
                h -= 1;
                let m = self.heap[h];
                if m as i32 > max_code {
                    continue;
                }
                if tree[m].dl as usize != bits {
                    self.opt_len = self.opt_len.wrapping_add(
                        (bits as u64)
                            .wrapping_sub(tree[m].dl as u64)
                            .wrapping_mul(tree[m].fc as u64),
                    );
                    tree[m].dl = bits as u16;
                }
                n -= 1;
            }
            bits -= 1;
        }
    }

    fn max_code(&self, kind: TreeKind) -> i32 {
        match kind {
            TreeKind::L => self.l_max_code,
            TreeKind::D => self.d_max_code,
            TreeKind::Bl => self.bl_max_code,
        }
    }

    fn set_max_code(&mut self, kind: TreeKind, v: i32) {
        match kind {
            TreeKind::L => self.l_max_code = v,
            TreeKind::D => self.d_max_code = v,
            TreeKind::Bl => self.bl_max_code = v,
        }
    }

    fn build_tree(&mut self, kind: TreeKind) {
        let mut tree = std::mem::take(self.tree(kind));
        let desc = stat_desc(kind);
        let stree = desc.static_tree;
        let elems = desc.elems;
        let mut max_code: i32 = -1;
        self.heap_len = 0;
        self.heap_max = HEAP_SIZE;
        for (n, node) in tree.iter_mut().enumerate().take(elems) {
            if node.fc != 0 {
                self.heap_len += 1;
                self.heap[self.heap_len] = n;
                max_code = n as i32;
                self.depth[n] = 0;
            } else {
                node.dl = 0;
            }
        }
        while self.heap_len < 2 {
            let node = if max_code < 2 {
                max_code += 1;
                max_code as usize
            } else {
                0
            };
            self.heap_len += 1;
            self.heap[self.heap_len] = node;
            tree[node].fc = 1;
            self.depth[node] = 0;
            self.opt_len = self.opt_len.wrapping_sub(1);
            if let Some(stree) = stree {
                self.static_len = self.static_len.wrapping_sub(stree[node].dl as u64);
            }
        }
        self.set_max_code(kind, max_code);
        let mut n = self.heap_len / 2;
        while n >= 1 {
            self.pqdownheap(&tree, n);
            n -= 1;
        }
        let mut node = elems;
        loop {
            let n = self.heap[SMALLEST];
            self.heap[SMALLEST] = self.heap[self.heap_len];
            self.heap_len -= 1;
            self.pqdownheap(&tree, SMALLEST);
            let m = self.heap[SMALLEST];
            self.heap_max -= 1;
            self.heap[self.heap_max] = n;
            self.heap_max -= 1;
            self.heap[self.heap_max] = m;
            tree[node].fc = tree[n].fc.wrapping_add(tree[m].fc);
            self.depth[node] = self.depth[n].max(self.depth[m]).wrapping_add(1);
            tree[n].dl = node as u16;
            tree[m].dl = node as u16;
            self.heap[SMALLEST] = node;
            node += 1;
            self.pqdownheap(&tree, SMALLEST);
            if self.heap_len < 2 {
                break;
            }
        }
        self.heap_max -= 1;
        self.heap[self.heap_max] = self.heap[SMALLEST];
        self.gen_bitlen(&mut tree, kind);
        let bl_count = self.bl_count;
        gen_codes(&mut tree, max_code as usize, &bl_count);
        *self.tree(kind) = tree;
    }

    fn scan_tree(&mut self, kind: TreeKind, max_code: i32) {
        let mut tree = std::mem::take(self.tree(kind));
        let mut prevlen: i32 = -1;
        let mut nextlen = tree[0].dl as i32;
        let mut count = 0;
        let mut max_count = 7;
        let mut min_count = 4;
        if nextlen == 0 {
            max_count = 138;
            min_count = 3;
        }
        tree[(max_code + 1) as usize].dl = 0xffff;
        for n in 0..=max_code as usize {
            let curlen = nextlen;
            nextlen = tree[n + 1].dl as i32;
            count += 1;
            if count < max_count && curlen == nextlen {
                continue;
            } else if count < min_count {
                self.bl_tree[curlen as usize].fc += count as u16;
            } else if curlen != 0 {
                if curlen != prevlen {
                    self.bl_tree[curlen as usize].fc += 1;
                }
                self.bl_tree[REP_3_6].fc += 1;
            } else if count <= 10 {
                self.bl_tree[REPZ_3_10].fc += 1;
            } else {
                self.bl_tree[REPZ_11_138].fc += 1;
            }
            count = 0;
            prevlen = curlen;
            if nextlen == 0 {
                max_count = 138;
                min_count = 3;
            } else if curlen == nextlen {
                max_count = 6;
                min_count = 3;
            } else {
                max_count = 7;
                min_count = 4;
            }
        }
        *self.tree(kind) = tree;
    }

    fn send_tree(&mut self, kind: TreeKind, max_code: usize) {
        let tree = std::mem::take(self.tree(kind));
        let bl_tree = std::mem::take(&mut self.bl_tree);
        let mut prevlen: i32 = -1;
        let mut nextlen = tree[0].dl as i32;
        let mut count = 0;
        let mut max_count = 7;
        let mut min_count = 4;
        if nextlen == 0 {
            max_count = 138;
            min_count = 3;
        }
        for n in 0..=max_code {
            let curlen = nextlen;
            nextlen = tree[n + 1].dl as i32;
            count += 1;
            if count < max_count && curlen == nextlen {
                continue;
            } else if count < min_count {
                loop {
                    self.send_code(curlen as usize, &bl_tree);
                    count -= 1;
                    if count == 0 {
                        break;
                    }
                }
            } else if curlen != 0 {
                if curlen != prevlen {
                    self.send_code(curlen as usize, &bl_tree);
                    count -= 1;
                }
                self.send_code(REP_3_6, &bl_tree);
                self.send_bits(count as u32 - 3, 2);
            } else if count <= 10 {
                self.send_code(REPZ_3_10, &bl_tree);
                self.send_bits(count as u32 - 3, 3);
            } else {
                self.send_code(REPZ_11_138, &bl_tree);
                self.send_bits(count as u32 - 11, 7);
            }
            count = 0;
            prevlen = curlen;
            if nextlen == 0 {
                max_count = 138;
                min_count = 3;
            } else if curlen == nextlen {
                max_count = 6;
                min_count = 3;
            } else {
                max_count = 7;
                min_count = 4;
            }
        }
        self.bl_tree = bl_tree;
        *self.tree(kind) = tree;
    }

    fn build_bl_tree(&mut self) -> usize {
        self.scan_tree(TreeKind::L, self.l_max_code);
        self.scan_tree(TreeKind::D, self.d_max_code);
        self.build_tree(TreeKind::Bl);
        let mut max_blindex = BL_CODES - 1;
        while max_blindex >= 3 {
            if self.bl_tree[BL_ORDER[max_blindex]].dl != 0 {
                break;
            }
            max_blindex -= 1;
        }
        self.opt_len = self
            .opt_len
            .wrapping_add(3 * (max_blindex as u64 + 1) + 5 + 5 + 4);
        max_blindex
    }

    fn send_all_trees(&mut self, lcodes: usize, dcodes: usize, blcodes: usize) {
        self.send_bits(lcodes as u32 - 257, 5);
        self.send_bits(dcodes as u32 - 1, 5);
        self.send_bits(blcodes as u32 - 4, 4);
        for &o in BL_ORDER.iter().take(blcodes) {
            let len = self.bl_tree[o].dl as u32;
            self.send_bits(len, 3);
        }
        self.send_tree(TreeKind::L, lcodes - 1);
        self.send_tree(TreeKind::D, dcodes - 1);
    }

    /// `_tr_stored_block`: a stored block of `stored_len` bytes of the window from
    /// `buf` (the window is where every caller's `buf` points).
    pub fn tr_stored_block(&mut self, buf: Option<usize>, stored_len: usize, last: bool) {
        self.send_bits((STORED_BLOCK << 1) + last as u32, 3);
        self.bi_windup();
        self.put_short(stored_len as u16);
        self.put_short(!(stored_len as u16));
        if let Some(b) = buf {
            if stored_len > 0 {
                let p = self.pending;
                self.pending_buf[p..p + stored_len]
                    .copy_from_slice(&self.window[b..b + stored_len]);
            }
        }
        self.pending += stored_len;
    }

    /// `_tr_flush_bits`.
    pub fn tr_flush_bits(&mut self) {
        self.bi_flush();
    }

    /// `_tr_align`.
    pub fn tr_align(&mut self) {
        self.send_bits(STATIC_TREES << 1, 3);
        self.send_code(END_BLOCK, &statics().static_ltree);
        self.bi_flush();
    }

    /// `_tr_flush_block`: the current block as a stored, static or dynamic block,
    /// whichever is smallest (`buf` is the block's start in the window, or `None` when
    /// it has slid out).
    pub fn tr_flush_block(&mut self, buf: Option<usize>, stored_len: u64, last: bool) {
        let mut max_blindex = 0;
        let mut opt_lenb;
        let static_lenb;
        if self.level > 0 {
            if self.strm.data_type == Z_UNKNOWN {
                self.strm.data_type = self.detect_data_type();
            }
            self.build_tree(TreeKind::L);
            self.build_tree(TreeKind::D);
            max_blindex = self.build_bl_tree();
            opt_lenb = (self.opt_len.wrapping_add(3 + 7)) >> 3;
            static_lenb = (self.static_len.wrapping_add(3 + 7)) >> 3;
            if static_lenb <= opt_lenb || self.strategy == Z_FIXED {
                opt_lenb = static_lenb;
            }
        } else {
            opt_lenb = stored_len + 5;
            static_lenb = opt_lenb;
        }
        if stored_len + 4 <= opt_lenb && buf.is_some() {
            self.tr_stored_block(buf, stored_len as usize, last);
        } else if static_lenb == opt_lenb {
            self.send_bits((STATIC_TREES << 1) + last as u32, 3);
            let st = statics();
            self.compress_block(&st.static_ltree, &st.static_dtree);
        } else {
            self.send_bits((DYN_TREES << 1) + last as u32, 3);
            let (l, d) = (self.l_max_code as usize, self.d_max_code as usize);
            self.send_all_trees(l + 1, d + 1, max_blindex + 1);
            let ltree = std::mem::take(&mut self.dyn_ltree);
            let dtree = std::mem::take(&mut self.dyn_dtree);
            self.compress_block(&ltree, &dtree);
            self.dyn_ltree = ltree;
            self.dyn_dtree = dtree;
        }
        self.init_block();
        if last {
            self.bi_windup();
        }
    }

    /// The `_tr_tally_lit` macro: records a literal; true when the block is full.
    pub fn tr_tally_lit(&mut self, c: u8) -> bool {
        self.sym_buf[self.sym_next] = 0;
        self.sym_buf[self.sym_next + 1] = 0;
        self.sym_buf[self.sym_next + 2] = c;
        self.sym_next += 3;
        self.dyn_ltree[c as usize].fc = self.dyn_ltree[c as usize].fc.wrapping_add(1);
        self.sym_next == self.sym_end
    }

    /// The `_tr_tally_dist` macro: records a match of `length - MIN_MATCH` at
    /// `distance`; true when the block is full.
    pub fn tr_tally_dist(&mut self, distance: usize, length: usize) -> bool {
        let len = length as u8;
        let dist = distance as u16;
        self.sym_buf[self.sym_next] = dist as u8;
        self.sym_buf[self.sym_next + 1] = (dist >> 8) as u8;
        self.sym_buf[self.sym_next + 2] = len;
        self.sym_next += 3;
        let dist = dist.wrapping_sub(1) as usize;
        let lc = length_code(len as usize) + LITERALS + 1;
        self.dyn_ltree[lc].fc = self.dyn_ltree[lc].fc.wrapping_add(1);
        let dc = dist_code(dist);
        self.dyn_dtree[dc].fc = self.dyn_dtree[dc].fc.wrapping_add(1);
        self.sym_next == self.sym_end
    }

    fn compress_block(&mut self, ltree: &[CtData], dtree: &[CtData]) {
        let st = statics();
        let mut sx = 0;
        if self.sym_next != 0 {
            loop {
                let mut dist = self.sym_buf[sx] as usize;
                dist += (self.sym_buf[sx + 1] as usize) << 8;
                let mut lc = self.sym_buf[sx + 2] as usize;
                sx += 3;
                if dist == 0 {
                    self.send_code(lc, ltree);
                } else {
                    let code = st.length_code[lc] as usize;
                    self.send_code(code + LITERALS + 1, ltree);
                    let extra = EXTRA_LBITS[code];
                    if extra != 0 {
                        lc -= st.base_length[code];
                        self.send_bits(lc as u32, extra as u32);
                    }
                    dist -= 1;
                    let code = d_code(dist);
                    self.send_code(code, dtree);
                    let extra = EXTRA_DBITS[code];
                    if extra != 0 {
                        dist -= st.base_dist[code];
                        self.send_bits(dist as u32, extra as u32);
                    }
                }
                if sx >= self.sym_next {
                    break;
                }
            }
        }
        self.send_code(END_BLOCK, ltree);
    }

    fn detect_data_type(&self) -> i32 {
        let mut block_mask: u32 = 0xf3ff_c07f;
        for n in 0..=31 {
            if block_mask & 1 != 0 && self.dyn_ltree[n].fc != 0 {
                return super::deflate::Z_BINARY;
            }
            block_mask >>= 1;
        }
        if self.dyn_ltree[9].fc != 0 || self.dyn_ltree[10].fc != 0 || self.dyn_ltree[13].fc != 0 {
            return super::deflate::Z_TEXT;
        }
        if (32..LITERALS).any(|n| self.dyn_ltree[n].fc != 0) {
            return super::deflate::Z_TEXT;
        }
        super::deflate::Z_BINARY
    }

    fn bi_flush(&mut self) {
        if self.bi_valid == 16 {
            let b = self.bi_buf;
            self.put_short(b);
            self.bi_buf = 0;
            self.bi_valid = 0;
        } else if self.bi_valid >= 8 {
            let b = self.bi_buf as u8;
            self.put_byte(b);
            self.bi_buf >>= 8;
            self.bi_valid -= 8;
        }
    }

    fn bi_windup(&mut self) {
        if self.bi_valid > 8 {
            let b = self.bi_buf;
            self.put_short(b);
        } else if self.bi_valid > 0 {
            let b = self.bi_buf as u8;
            self.put_byte(b);
        }
        self.bi_buf = 0;
        self.bi_valid = 0;
    }
}

fn gen_codes(tree: &mut [CtData], max_code: usize, bl_count: &[u16; MAX_BITS + 1]) {
    let mut next_code = [0u16; MAX_BITS + 1];
    let mut code: u32 = 0;
    for bits in 1..=MAX_BITS {
        code = (code + bl_count[bits - 1] as u32) << 1;
        next_code[bits] = code as u16;
    }
    for node in tree.iter_mut().take(max_code.wrapping_add(1)) {
        let len = node.dl as usize;
        if len == 0 {
            continue;
        }
        node.fc = bi_reverse(next_code[len] as u32, len as u32) as u16;
        next_code[len] = next_code[len].wrapping_add(1);
    }
}

fn bi_reverse(mut code: u32, mut len: u32) -> u32 {
    let mut res = 0;
    loop {
        res |= code & 1;
        code >>= 1;
        res <<= 1;
        len -= 1;
        if len == 0 {
            break;
        }
    }
    res >> 1
}
