//! A guard on the real memory one snippet may use.
//!
//! The simulators account for the *simulated* heap (CPython's or V8's object sizes), but
//! a runaway snippet (`while True: x.append("y" * 10**6)`) can exhaust the machine's
//! memory through paths that accounting does not see (large strings, element storage)
//! long before a simulated limit fires, and an out-of-memory kill takes the whole site
//! build with it. So the `gen` binary installs [`CountingAlloc`] as its global allocator:
//! it counts, per thread, the bytes currently allocated.
//!
//! Underneath it is mimalloc rather than glibc's malloc: each snippet runs on a thread of
//! its own, and glibc's per-thread arenas made a site build spend about a third of its
//! snippet time in malloc and free (`bench/seed_cost.py`: the seed note's runs cost
//! 83 ms of CPU with glibc, 68 ms with mimalloc). A simulator calls [`start_run`]
//! when a snippet starts and polls [`exhausted`] at its safe points (each line or step);
//! once the snippet's thread holds more than the budget beyond what it held at the
//! start, the simulator stops the run with a limit.
//!
//! Without the counting allocator (a library user, the crates' own unit tests) the count
//! stays 0 and the guard never fires.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use mimalloc::MiMalloc;

thread_local! {
    /// Bytes allocated minus bytes freed by this thread (may go negative when a thread
    /// frees what another allocated).
    static ALLOCATED: Cell<isize> = const { Cell::new(0) };
    /// The count above which the current run is out of memory.
    static CEILING: Cell<isize> = const { Cell::new(isize::MAX) };
}

/// mimalloc, counting each thread's allocated bytes for [`exhausted`].
pub struct CountingAlloc;

fn count(delta: isize) {
    let _ = ALLOCATED.try_with(|c| c.set(c.get().wrapping_add(delta)));
}

// SAFETY: every method forwards to `MiMalloc` with the caller's arguments unchanged; the
// bookkeeping only touches a const-initialised thread-local without a destructor, which
// neither allocates nor panics.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MiMalloc.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Starts a run on this thread that may hold at most `budget` more bytes than now.
pub fn start_run(budget: u64) {
    let now = ALLOCATED.with(Cell::get);
    let budget = isize::try_from(budget).unwrap_or(isize::MAX);
    CEILING.with(|c| c.set(now.saturating_add(budget)));
}

/// Whether the current run on this thread has used up its budget.
pub fn exhausted() -> bool {
    ALLOCATED.with(Cell::get) > CEILING.with(Cell::get)
}

/// The real-memory budget for a snippet whose simulated heap may grow to
/// `max_heap_bytes`: the simulators' objects take a few times their simulated size.
pub fn budget_for(max_heap_bytes: u64) -> u64 {
    max_heap_bytes.saturating_mul(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_counts_from_what_the_thread_holds_at_the_start() {
        count(5000);
        start_run(100);
        count(100);
        assert!(!exhausted());
        count(1);
        assert!(exhausted());
        start_run(100);
        assert!(!exhausted());
        count(-5201);
    }

    #[test]
    fn counts_against_the_ceiling() {
        start_run(1000);
        count(999);
        assert!(!exhausted());
        count(2);
        assert!(exhausted());
        count(-1001);
        assert!(!exhausted());
    }
}
