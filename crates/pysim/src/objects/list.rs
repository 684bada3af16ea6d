//! `list` storage with CPython 3.11's allocation rules (`Objects/listobject.c`): the
//! over-allocation of `list_resize` (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, …), exact
//! allocations for `[x] * n`, slices and concatenation, even-rounded preallocation for
//! `list(sized)` and `[1, 2, 3]` displays. `sys.getsizeof` reads `alloc`.

use crate::value::Value;

#[derive(Debug, Default)]
pub struct ListObj {
    pub items: Vec<Value>,
    /// CPython's `allocated`.
    pub alloc: usize,
}

impl ListObj {
    /// `PyList_New(n)` filled with `items`: exactly `n` slots.
    pub fn exact(items: Vec<Value>) -> Self {
        let alloc = items.len();
        ListObj { items, alloc }
    }

    /// `list_preallocate_exact`: `n` rounded up to an even count.
    pub fn preallocate_exact(&mut self, n: usize) {
        self.alloc = (n + 1) & !1;
    }

    /// `list_resize(self, newsize)`: updates the allocation the way CPython does (the
    /// items themselves are managed by the caller).
    pub fn resize(&mut self, newsize: usize) {
        let allocated = self.alloc;
        if allocated >= newsize && newsize >= (allocated >> 1) {
            return;
        }
        let size = self.items.len();
        let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
        if newsize.saturating_sub(size) > new_allocated.saturating_sub(newsize) {
            new_allocated = (newsize + 3) & !3;
        }
        if newsize == 0 {
            new_allocated = 0;
        }
        self.alloc = new_allocated;
    }

    /// `list.append` / `LIST_APPEND`.
    pub fn push(&mut self, v: Value) {
        let n = self.items.len();
        self.resize(n + 1);
        self.items.push(v);
    }

    /// `sys.getsizeof`: header 40 + GC head 16 + 8 per allocated slot.
    pub fn sizeof(&self) -> u64 {
        56 + 8 * self.alloc as u64
    }
}
