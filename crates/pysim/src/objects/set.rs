//! `set` / `frozenset` tables ported from CPython 3.11's `Objects/setobject.c`: linear
//! probing in runs of 9 then perturbation, the 8-entry small table, resizing at 3/5 fill
//! to 4× (2× above 50 000) the used count. Iteration order is table order, so sets of
//! ints print in CPython's order, and `sys.getsizeof` follows the table size.

use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
pub const MINSIZE: usize = 8;

#[derive(Debug, Clone, Copy)]
pub struct SetEntry {
    /// 0 with a `Null` key: never used; -1 with a `Null` key: deleted (dummy).
    pub hash: i64,
    pub key: Value,
}

const EMPTY: SetEntry = SetEntry {
    hash: 0,
    key: Value::Null,
};

#[derive(Debug)]
pub struct Set {
    pub table: Vec<SetEntry>,
    pub fill: usize,
    pub used: usize,
    /// Search finger for `pop()`.
    pub finger: usize,
    pub version: u64,
}

impl Default for Set {
    fn default() -> Self {
        Set {
            table: vec![EMPTY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

impl Set {
    pub fn new() -> Self {
        Set::default()
    }

    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Table indices along the probe sequence whose hash matches (live keys only),
    /// stopping at the first never-used entry; the caller compares keys.
    pub fn candidates(&self, hash: i64) -> smallvec::SmallVec<[usize; 4]> {
        let mut out = smallvec::SmallVec::new();
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let e = &self.table[j];
                if e.key.is_null() && e.hash == 0 {
                    return out;
                }
                if e.hash == hash && !e.key.is_null() {
                    out.push(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// The first never-used entry along the probe sequence (`set_add_entry` inserts there
    /// once no equal key was found).
    fn empty_slot(table: &[SetEntry], hash: i64) -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(j) = table[i..=i + probes]
                .iter()
                .position(|e| e.key.is_null() && e.hash == 0)
            {
                return i + j;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let j = Self::empty_slot(&self.table, hash);
        self.table[j] = SetEntry { hash, key };
        self.fill += 1;
        self.used += 1;
        self.version += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let n = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(n);
        }
    }

    /// `set_table_resize(so, minused)`.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY; newsize]);
        self.fill = self.used;
        for e in old {
            if !e.key.is_null() {
                let j = Self::empty_slot(&self.table, e.hash);
                self.table[j] = e;
            }
        }
    }

    /// Removes the live entry at table index `j` (it becomes a dummy).
    pub fn remove_at(&mut self, j: usize) -> Value {
        let k = self.table[j].key;
        self.table[j] = SetEntry {
            hash: -1,
            key: Value::Null,
        };
        self.used -= 1;
        self.version += 1;
        k
    }

    /// `set_merge`'s preparation for adding `other_used` keys in one go.
    pub fn reserve_for_merge(&mut self, other_used: usize) {
        if (self.fill + other_used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other_used) * 2);
        }
    }

    /// Copies another table verbatim when this one is empty and the same size with no
    /// dummies (the fast path of `set_merge`); returns false when not applicable.
    pub fn copy_from_same_size(&mut self, other: &Set) -> bool {
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            return true;
        }
        false
    }

    /// Inserts into a table known to be empty (no comparisons, `set_insert_clean`).
    pub fn insert_clean(&mut self, hash: i64, key: Value) {
        let j = Self::empty_slot(&self.table, hash);
        self.table[j] = SetEntry { hash, key };
        self.fill += 1;
        self.used += 1;
        self.version += 1;
    }

    /// Clears the set, returning the dropped keys.
    pub fn clear(&mut self) -> Vec<Value> {
        let old = std::mem::replace(&mut self.table, vec![EMPTY; MINSIZE]);
        self.fill = 0;
        self.used = 0;
        self.version += 1;
        old.into_iter()
            .filter(|e| !e.key.is_null())
            .map(|e| e.key)
            .collect()
    }

    /// Live keys in table order, with their hashes.
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().filter(|e| !e.key.is_null())
    }

    /// `set.pop()`: CPython's finger scan.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_null() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let k = self.remove_at(i);
        self.finger = i + 1;
        Some(k)
    }

    pub fn for_each_ref(&self, f: &mut impl FnMut(Value)) {
        for e in self.iter() {
            f(e.key);
        }
    }

    /// `sys.getsizeof` without the GC header: 200, plus the table when it outgrew the
    /// 8-entry small table.
    pub fn sizeof(&self) -> u64 {
        let mut n = 200;
        if self.table.len() > MINSIZE {
            n += 16 * self.table.len() as u64;
        }
        n
    }
}
