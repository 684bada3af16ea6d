//! The collector's intrusive doubly linked lists (CPython's `PyGC_Head` lists): the
//! three generations, the permanent generation and the work lists of a collection.
//! Order matters: it decides the order finalizers run and objects are cleared.

use super::{lists, sflags, Heap, NIL};
use crate::value::ObjRef;

impl Heap {
    fn link_before(&mut self, node: u32, head: u32) {
        let last = self.objs[head as usize].prev;
        self.objs[node as usize].prev = last;
        self.objs[node as usize].next = head;
        self.objs[last as usize].next = node;
        self.objs[head as usize].prev = node;
    }

    fn unlink(&mut self, node: u32) {
        let (p, n) = (self.objs[node as usize].prev, self.objs[node as usize].next);
        if p != NIL && n != NIL {
            self.objs[p as usize].next = n;
            self.objs[n as usize].prev = p;
        }
        self.objs[node as usize].prev = NIL;
        self.objs[node as usize].next = NIL;
    }

    /// `_PyObject_GC_TRACK`: append to generation 0.
    pub fn track(&mut self, r: ObjRef) {
        if self.objs[r.idx()].flags & sflags::TRACKED != 0 {
            return;
        }
        let flags = &mut self.objs[r.idx()].flags;
        *flags |= sflags::TRACKED;
        let list = if *flags & sflags::INTERNAL != 0 {
            lists::INTERNAL
        } else {
            lists::GEN0
        };
        self.link_before(r.0, list.0);
    }

    /// `_PyObject_GC_UNTRACK`.
    pub fn untrack(&mut self, r: ObjRef) {
        if self.objs[r.idx()].flags & sflags::TRACKED == 0 {
            return;
        }
        self.unlink(r.0);
        self.objs[r.idx()].flags &= !sflags::TRACKED;
    }

    /// `gc_list_move`: to the end of `list`.
    pub fn list_move(&mut self, r: ObjRef, list: ObjRef) {
        self.unlink(r.0);
        self.link_before(r.0, list.0);
    }

    /// `gc_list_merge`: append all of `from` to `to`; `from` becomes empty.
    pub fn list_merge(&mut self, from: ObjRef, to: ObjRef) {
        let f = from.0 as usize;
        if self.objs[f].next == from.0 {
            return;
        }
        let first = self.objs[f].next;
        let last = self.objs[f].prev;
        let tail = self.objs[to.idx()].prev;
        self.objs[tail as usize].next = first;
        self.objs[first as usize].prev = tail;
        self.objs[last as usize].next = to.0;
        self.objs[to.idx()].prev = last;
        self.objs[f].next = from.0;
        self.objs[f].prev = from.0;
    }

    pub fn list_first(&self, list: ObjRef) -> Option<ObjRef> {
        let n = self.objs[list.idx()].next;
        if n == list.0 {
            None
        } else {
            Some(ObjRef(n))
        }
    }

    /// The next node after `r` in its list, or `None` at the head `list`.
    pub fn list_next(&self, r: ObjRef, list: ObjRef) -> Option<ObjRef> {
        let n = self.objs[r.idx()].next;
        if n == list.0 || n == NIL {
            None
        } else {
            Some(ObjRef(n))
        }
    }

    /// The members of a list, in order.
    pub fn list_members(&self, list: ObjRef) -> Vec<ObjRef> {
        let mut out = Vec::new();
        let mut n = self.objs[list.idx()].next;
        while n != list.0 && n != NIL {
            out.push(ObjRef(n));
            n = self.objs[n as usize].next;
        }
        out
    }

    pub fn list_len(&self, list: ObjRef) -> usize {
        let mut k = 0;
        let mut n = self.objs[list.idx()].next;
        while n != list.0 && n != NIL {
            k += 1;
            n = self.objs[n as usize].next;
        }
        k
    }
}
