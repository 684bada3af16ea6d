//! The object heap: an arena of [`Slot`]s addressed by [`ObjRef`], each with CPython's
//! per-object state (reference count, type, GC list links and flags) and its payload.
//!
//! Freed slots are reused last-in first-out, which is also how CPython's allocator
//! tends to reuse memory, so `id()` of a fresh object often equals the id of the one
//! just freed, as in CPython. The first slots are the heads of the collector's lists.
//! `refcount.rs` has reference counting and deallocation, `gclist.rs` the lists.

pub mod gclist;
pub mod refcount;

use crate::objects::{Ext, Kind};
use crate::value::ObjRef;

pub mod sflags {
    /// In some GC generation list.
    pub const TRACKED: u8 = 1;
    /// `tp_finalize` (`__del__`) already ran (PEP 442).
    pub const FINALIZED: u8 = 2;
    /// Some weak reference points here.
    pub const HAS_WEAKREFS: u8 = 4;
    /// Never freed (built-in types, singletons).
    pub const IMMORTAL: u8 = 8;
    /// During a collection: in the generation being collected.
    pub const COLLECTING: u8 = 16;
    /// During a collection: tentatively unreachable.
    pub const UNREACHABLE: u8 = 32;
    /// Allocated while tracemalloc was tracing.
    pub const TRACED: u8 = 64;
    /// Part of a standard-library module (allocated while importing it): kept out of the
    /// collector's counts and generations and out of traces, as CPython's startup
    /// modules are before a script runs.
    pub const INTERNAL: u8 = 128;
}

/// Sentinel slots: the heads of the generation lists and the collector's work lists.
pub mod lists {
    use crate::value::ObjRef;
    pub const GEN0: ObjRef = ObjRef(0);
    pub const GEN2: ObjRef = ObjRef(2);
    pub const PERMANENT: ObjRef = ObjRef(3);
    pub const UNREACHABLE: ObjRef = ObjRef(4);
    pub const STILL_UNREACHABLE: ObjRef = ObjRef(5);
    pub const FINALIZERS: ObjRef = ObjRef(6);
    /// Tracked standard-library internals: never examined by the collector.
    pub const INTERNAL: ObjRef = ObjRef(7);
    pub const COUNT: u32 = 8;

    pub fn generation(g: usize) -> ObjRef {
        ObjRef(g as u32)
    }
}

pub const NIL: u32 = u32::MAX;

#[derive(Debug)]
pub struct Slot {
    pub rc: u32,
    pub flags: u8,
    pub ty: ObjRef,
    /// A run-unique serial number (trace object ids).
    pub serial: u32,
    pub prev: u32,
    pub next: u32,
    /// The collector's working copy of the refcount (`gc_refs`).
    pub gc_refs: i32,
    pub kind: Kind,
    pub ext: Option<Box<Ext>>,
}

#[derive(Debug)]
pub struct Heap {
    pub objs: Vec<Slot>,
    free: Vec<u32>,
    next_serial: u32,
    /// Number of live objects.
    pub live: usize,
    /// Allocating standard-library internals (see [`sflags::INTERNAL`]).
    pub internal: bool,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Self {
        let mut h = Heap {
            objs: Vec::with_capacity(1 << 12),
            free: Vec::new(),
            next_serial: 1,
            live: 0,
            internal: false,
        };
        for i in 0..lists::COUNT {
            h.objs.push(Slot {
                rc: 1,
                flags: sflags::IMMORTAL,
                ty: ObjRef(0),
                serial: 0,
                prev: i,
                next: i,
                gc_refs: 0,
                kind: Kind::Sentinel,
                ext: None,
            });
        }
        h
    }

    /// A new object with refcount 1, untracked.
    pub fn alloc(&mut self, ty: ObjRef, kind: Kind) -> ObjRef {
        let serial = self.next_serial;
        self.next_serial = self.next_serial.wrapping_add(1);
        self.live += 1;
        let flags = if self.internal { sflags::INTERNAL } else { 0 };
        let slot = Slot {
            rc: 1,
            flags,
            ty,
            serial,
            prev: NIL,
            next: NIL,
            gc_refs: 0,
            kind,
            ext: None,
        };
        if let Some(i) = self.free.pop() {
            self.objs[i as usize] = slot;
            ObjRef(i)
        } else {
            self.objs.push(slot);
            ObjRef(self.objs.len() as u32 - 1)
        }
    }

    /// Returns a slot to the free list; its payload must already have been taken.
    pub fn release(&mut self, r: ObjRef) {
        let s = &mut self.objs[r.idx()];
        s.kind = Kind::Free;
        s.ext = None;
        s.rc = 0;
        s.flags = 0;
        self.live -= 1;
        self.free.push(r.0);
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Slot {
        &self.objs[r.idx()]
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Slot {
        &mut self.objs[r.idx()]
    }

    #[inline]
    pub fn kind(&self, r: ObjRef) -> &Kind {
        &self.objs[r.idx()].kind
    }

    #[inline]
    pub fn kind_mut(&mut self, r: ObjRef) -> &mut Kind {
        &mut self.objs[r.idx()].kind
    }

    #[inline]
    pub fn ty(&self, r: ObjRef) -> ObjRef {
        self.objs[r.idx()].ty
    }

    pub fn is_live(&self, r: ObjRef) -> bool {
        r.idx() < self.objs.len() && !matches!(self.objs[r.idx()].kind, Kind::Free | Kind::Sentinel)
    }

    pub fn is_tracked(&self, r: ObjRef) -> bool {
        self.objs[r.idx()].flags & sflags::TRACKED != 0
    }
}
