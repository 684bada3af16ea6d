//! What CPython 3.11's `print` to `sys.stdout` (a `TextIOWrapper` on a pipe) does to
//! the collector's generation-0 count: every chunk written looks up the bound `write`
//! method (a built-in method object freed after the call), and `textiowrapper_write`
//! queues the text in `pending_bytes` — a list once two chunks wait — until 8 KiB
//! are pending or the stream is flushed. `Py_ReprEnter` creates the thread-state dict
//! and its repr list the first time a container is repr'd.

use super::Vm;
use crate::heap::refcount::FreeList;

/// `TextIOWrapper._CHUNK_SIZE`.
const CHUNK_SIZE: usize = 8192;

/// `pending_bytes` of `sys.stdout`.
#[derive(Debug, Default)]
pub struct StdoutPending {
    /// Chunks queued: 0 (none), 1 (the text itself), 2 (a list of them).
    chunks: u8,
    bytes: usize,
}

impl Vm {
    /// Writes one text chunk of `print` (separator, end) as `PyFile_WriteObject` does.
    pub fn print_chunk(&mut self, text: &str) {
        if self.heap.internal {
            self.write_stdout(text);
            return;
        }
        self.gc_alloc_count(FreeList::None);
        self.textio_write(text);
        self.gc_free_count(FreeList::None);
    }

    /// The bound `write` method `PyFile_WriteObject` holds while it converts the value.
    pub fn print_writer(&mut self, hold: bool) {
        if self.heap.internal {
            return;
        }
        if hold {
            self.gc_alloc_count(FreeList::None);
        } else {
            self.gc_free_count(FreeList::None);
        }
    }

    /// `textiowrapper_write`: queues `text` (its UTF-8 length counts) and writes it.
    pub fn textio_write(&mut self, text: &str) {
        let len = text.len();
        let p = &self.stdout_pending;
        if p.chunks == 0 {
            self.stdout_pending.chunks = 1;
            self.stdout_pending.bytes = 0;
        } else if p.bytes + len > CHUNK_SIZE {
            self.textio_flush();
            self.stdout_pending.chunks = 1;
        } else if p.chunks == 1 {
            self.gc_alloc_count(FreeList::List);
            self.stdout_pending.chunks = 2;
        }
        self.stdout_pending.bytes += len;
        self.write_stdout(text);
        if self.stdout_pending.bytes >= CHUNK_SIZE {
            self.textio_flush();
        }
    }

    /// `_textiowrapper_writeflush`: the pending list (if any) is freed.
    pub fn textio_flush(&mut self) {
        if self.stdout_pending.chunks == 2 && !self.heap.internal {
            self.gc_free_count(FreeList::List);
        }
        self.stdout_pending = StdoutPending::default();
    }

    /// `Py_ReprEnter`'s first call: `PyThreadState_GetDict` creates the thread-state
    /// dict, then the list of objects being repr'd is stored in it (both live on).
    pub fn repr_enter_state(&mut self) {
        if self.repr_state_made || self.heap.internal {
            return;
        }
        self.repr_state_made = true;
        self.gc_alloc_count(FreeList::Dict);
        self.gc_alloc_count(FreeList::List);
    }
}
