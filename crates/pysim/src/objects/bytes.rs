//! `bytes` / `bytearray` sizing: `bytes` is 33 + n; `bytearray` is 56 plus its
//! allocation, which grows as CPython's `PyByteArray_Resize` does.

use super::ByteArray;

/// `sys.getsizeof(b)` for `bytes`.
pub fn bytes_sizeof(n: usize) -> u64 {
    33 + n as u64
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> Self {
        let alloc = if data.is_empty() { 0 } else { data.len() + 1 };
        ByteArray {
            data,
            alloc,
            exports: 0,
        }
    }

    /// `PyByteArray_Resize(self, requested)`'s allocation rule.
    pub fn resize(&mut self, requested: usize) {
        let alloc = self.alloc;
        if requested < alloc && requested >= alloc / 2 {
            return;
        }
        let new_alloc = if requested < alloc {
            requested + 1
        } else if requested as f64 <= alloc as f64 * 1.125 {
            requested + (requested >> 3) + if requested < 9 { 3 } else { 6 }
        } else {
            requested + 1
        };
        self.alloc = new_alloc;
    }

    /// `sys.getsizeof`: header 56 plus the allocation.
    pub fn sizeof(&self) -> u64 {
        56 + self.alloc as u64
    }
}
