//! `dict` storage ported from CPython 3.11's `Objects/dictobject.c`: a compact,
//! insertion-ordered entry array plus an open-addressing index table, with the same
//! growth rule (`GROWTH_RATE = used * 3`), the same presizing of displays, the same
//! unicode-keys/general-keys distinction and the empty shared keys, so that
//! `sys.getsizeof` and every size transition match CPython's.
//!
//! Key comparison may run Python code, so lookups are two-phase: [`Dict::candidates`]
//! returns the entries along the probe sequence whose hash matches, and the caller
//! decides equality.

use crate::value::{ObjRef, Value};

pub const DKIX_EMPTY: i32 = -1;
pub const DKIX_DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;
pub const LOG_MINSIZE: u8 = 3;

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// `Null` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Debug, Default)]
pub struct Dict {
    pub entries: Vec<Entry>,
    indices: Vec<i32>,
    pub used: usize,
    usable: isize,
    log2_size: u8,
    /// All keys are exact `str` (CPython's `DICT_KEYS_UNICODE`: 16-byte entries).
    pub unicode: bool,
    /// An instance `__dict__` still sharing its class's keys (a split table): the class.
    pub split_class: Option<ObjRef>,
    /// Bumped on every change of the key set (iterators detect mutation).
    pub version: u64,
}

/// `USABLE_FRACTION(n)`.
pub fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize`: smallest table (at least 8) holding `minsize`.
pub fn log2_keysize(minsize: usize) -> u8 {
    let mut log2 = LOG_MINSIZE;
    while (1usize << log2) < minsize {
        log2 += 1;
    }
    log2
}

/// `estimate_log2_keysize`: a table that can hold `n` entries without resizing.
pub fn estimate_log2_keysize(n: usize) -> u8 {
    log2_keysize((n * 3).div_ceil(2))
}

fn index_bytes(log2: u8) -> u64 {
    let l = if log2 < 8 {
        log2
    } else if log2 < 16 {
        log2 + 1
    } else if log2 < 32 {
        log2 + 2
    } else {
        log2 + 3
    };
    1u64 << l
}

/// `_PyDict_KeysSize` of a combined table.
pub fn keys_size(log2: u8, unicode: bool) -> u64 {
    let es = if unicode { 16 } else { 24 };
    32 + index_bytes(log2) + usable_fraction(1 << log2) as u64 * es
}

impl Dict {
    /// `PyDict_New()`: the empty shared keys.
    pub fn new() -> Self {
        Dict::default()
    }

    /// `dict_new_presized(minused)`.
    pub fn presized(minused: usize, unicode: bool) -> Self {
        if minused <= usable_fraction(1 << LOG_MINSIZE) {
            return Dict::new();
        }
        let log2 = if minused > usable_fraction(1 << 17) {
            17
        } else {
            estimate_log2_keysize(minused)
        };
        let mut d = Dict::new();
        d.alloc_table(log2, unicode);
        d
    }

    fn alloc_table(&mut self, log2: u8, unicode: bool) {
        self.log2_size = log2;
        self.indices = vec![DKIX_EMPTY; 1 << log2];
        self.usable = usable_fraction(1 << log2) as isize;
        self.unicode = unicode;
        self.entries.reserve(usable_fraction(1 << log2));
    }

    pub fn is_empty_keys(&self) -> bool {
        self.indices.is_empty()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Entry indices along the probe sequence of `hash` whose stored hash equals it.
    pub fn candidates(&self, hash: i64) -> smallvec::SmallVec<[usize; 4]> {
        let mut out = smallvec::SmallVec::new();
        if self.indices.is_empty() {
            return out;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix >= 0 {
                let e = &self.entries[ix as usize];
                if e.hash == hash && !e.key.is_null() {
                    out.push(ix as usize);
                }
            } else if ix == DKIX_EMPTY {
                return out;
            }
            perturb >>= PERTURB_SHIFT;
            i = mask
                & (i.wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1));
        }
    }

    fn find_empty_slot(indices: &[i32], hash: i64) -> usize {
        let mask = indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = mask
                & (i.wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1));
        }
        i
    }

    /// `dictresize(mp, log2_newsize, unicode)`: a fresh table, entries compacted.
    pub fn resize(&mut self, log2: u8, unicode: bool) {
        let old: Vec<Entry> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(|e| !e.key.is_null())
            .collect();
        self.alloc_table(log2, unicode);
        for e in old {
            let slot = Self::find_empty_slot(&self.indices, e.hash);
            self.indices[slot] = self.entries.len() as i32;
            self.entries.push(e);
        }
        self.usable -= self.entries.len() as isize;
        self.split_class = None;
    }

    fn insertion_resize(&mut self, unicode: bool) {
        self.resize(log2_keysize(self.used * 3), unicode);
    }

    /// Inserts a key known to be absent (`insertdict`'s new-key path).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value, key_is_str: bool) {
        if self.indices.is_empty() {
            self.alloc_table(LOG_MINSIZE, key_is_str);
            self.split_class = None;
        } else {
            if self.split_class.is_some() {
                // A new key in a split table: CPython converts it to a combined one.
                self.insertion_resize(self.unicode && key_is_str);
            }
            if self.unicode && !key_is_str {
                self.insertion_resize(false);
            }
            if self.usable <= 0 {
                let u = self.unicode;
                self.insertion_resize(u);
            }
        }
        let slot = Self::find_empty_slot(&self.indices, hash);
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.usable -= 1;
        self.version += 1;
    }

    /// Removes entry `ix`, returning its key and value (the slot becomes a dummy).
    pub fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let e = self.entries[ix];
        let mask = self.indices.len() - 1;
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        loop {
            let v = self.indices[i];
            if v == ix as i32 {
                self.indices[i] = DKIX_DUMMY;
                break;
            }
            if v == DKIX_EMPTY {
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = mask
                & (i.wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1));
        }
        self.entries[ix].key = Value::Null;
        self.entries[ix].value = Value::Null;
        self.used -= 1;
        self.version += 1;
        if self.split_class.is_some() {
            // Deleting from a split table keeps it split in 3.11 only for the last key;
            // modelled as a conversion to a combined table of the same size.
            self.split_class = None;
        }
        (e.key, e.value)
    }

    /// `dict.popitem()`: the last live entry; trims trailing deleted entries as CPython.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let kv = self.remove_at(ix);
        self.entries.truncate(ix);
        Some(kv)
    }

    /// `dict.clear()`: back to the empty shared keys; returns the dropped references.
    pub fn clear(&mut self) -> Vec<Entry> {
        let old = std::mem::take(&mut self.entries);
        *self = Dict {
            version: self.version + 1,
            ..Dict::default()
        };
        old.into_iter().filter(|e| !e.key.is_null()).collect()
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The `n`-th position scan for iterators: the next live entry at or after `pos`.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Entry)> {
        let mut p = pos;
        while p < self.entries.len() {
            let e = self.entries[p];
            if !e.key.is_null() {
                return Some((p, e));
            }
            p += 1;
        }
        None
    }

    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        for e in self.iter() {
            if !self.unicode {
                f(e.key);
            }
            f(e.value);
        }
    }

    /// `sys.getsizeof(d)` without the 16-byte GC header; `shared_usable` is the class's
    /// shared-keys size for a split instance dict.
    pub fn sizeof(&self, shared_usable: Option<usize>) -> u64 {
        if let (Some(_), Some(n)) = (self.split_class, shared_usable) {
            return 48 + 8 * n as u64;
        }
        if self.indices.is_empty() {
            return 48;
        }
        48 + keys_size(self.log2_size, self.unicode)
    }

    /// The table size (for copy fast paths).
    pub fn log2_size(&self) -> u8 {
        self.log2_size
    }

    /// `dk_nentries`.
    pub fn nentries(&self) -> usize {
        self.entries.len()
    }

    /// A clone of the key table for `dict.copy()` / `dict(d)` fast paths
    /// (`clone_combined_dict_keys`): same table size, same entries.
    pub fn clone_table(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            indices: self.indices.clone(),
            used: self.used,
            usable: self.usable,
            log2_size: self.log2_size,
            unicode: self.unicode,
            split_class: None,
            version: 0,
        }
    }
}
