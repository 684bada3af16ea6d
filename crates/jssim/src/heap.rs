//! The object arena: every JavaScript object (functions, arrays, contexts, promises,
//! DOM nodes...) is an [`Obj`] addressed by an index, with V8-style bookkeeping (space,
//! age, self size) used by the collector and the trace.

use crate::code::FnCode;
use crate::value::{JsStr, ObjRef, PropKey, Value};
use gen_trace::Space;
use indexmap::IndexMap;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A property value: data or accessor.
#[derive(Clone, Debug)]
pub enum PropVal {
    Data(Value),
    Accessor(Option<ObjRef>, Option<ObjRef>),
}

/// A property with its attributes.
#[derive(Clone, Debug)]
pub struct Prop {
    pub v: PropVal,
    pub enumerable: bool,
    pub writable: bool,
    pub configurable: bool,
}

impl Prop {
    pub fn data(v: Value) -> Prop {
        Prop {
            v: PropVal::Data(v),
            enumerable: true,
            writable: true,
            configurable: true,
        }
    }
    pub fn hidden(v: Value) -> Prop {
        Prop {
            v: PropVal::Data(v),
            enumerable: false,
            writable: true,
            configurable: true,
        }
    }
}

/// A closure: compiled code plus its captured context.
#[derive(Debug)]
pub struct Closure {
    pub code: Arc<FnCode>,
    pub env: Option<ObjRef>,
    /// The object whose prototype `super` refers to (methods).
    pub home: Option<ObjRef>,
    /// Class constructors: the instance field initializer.
    pub field_init: Option<ObjRef>,
}

/// Arguments of a native call.
pub struct NativeCall {
    pub this: Value,
    pub args: Vec<Value>,
    pub callee: ObjRef,
    pub new_target: Option<ObjRef>,
}

impl NativeCall {
    pub fn arg(&self, i: usize) -> Value {
        self.args.get(i).cloned().unwrap_or(Value::Undefined)
    }
}

pub type NativeFnPtr = fn(&mut crate::interp::Vm, &NativeCall) -> crate::interp::Res<Value>;

/// A function implemented in Rust; `slots` hold captured values (e.g. a promise's
/// resolving functions).
pub struct Native {
    pub f: NativeFnPtr,
    pub ctor: bool,
    pub slots: Vec<Value>,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Native")
    }
}

/// Insertion-ordered hash table with tombstones (Map/Set semantics: live iteration).
#[derive(Debug, Default)]
pub struct Table {
    pub entries: Vec<Option<(Value, Value)>>,
    pub index: HashMap<MapKey, usize>,
    pub live: usize,
}

/// A hashable identity for SameValueZero.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MapKey {
    Undef,
    Null,
    Bool(bool),
    Num(u64),
    Str(JsStr),
    Big(String),
    Sym(u32),
    Obj(ObjRef),
}

impl MapKey {
    pub fn of(v: &Value) -> MapKey {
        match v {
            Value::Undefined | Value::Empty => MapKey::Undef,
            Value::Null => MapKey::Null,
            Value::Bool(b) => MapKey::Bool(*b),
            Value::Num(n) => {
                let n = if *n == 0.0 { 0.0 } else { *n };
                MapKey::Num(if n.is_nan() { f64::NAN.to_bits() } else { n.to_bits() })
            }
            Value::Str(s) => MapKey::Str(s.clone()),
            Value::BigInt(b) => MapKey::Big(b.to_string()),
            Value::Sym(s) => MapKey::Sym(*s),
            Value::Obj(o) => MapKey::Obj(*o),
        }
    }
}

impl Table {
    pub fn get(&self, k: &Value) -> Option<&Value> {
        let i = self.index.get(&MapKey::of(k))?;
        self.entries[*i].as_ref().map(|e| &e.1)
    }
    pub fn set(&mut self, k: Value, v: Value) {
        let mk = MapKey::of(&k);
        let k = match k {
            Value::Num(n) if n == 0.0 => Value::Num(0.0),
            other => other,
        };
        if let Some(i) = self.index.get(&mk) {
            if let Some(e) = self.entries[*i].as_mut() {
                e.1 = v;
                return;
            }
        }
        self.entries.push(Some((k, v)));
        self.index.insert(mk, self.entries.len() - 1);
        self.live += 1;
    }
    pub fn delete(&mut self, k: &Value) -> bool {
        match self.index.remove(&MapKey::of(k)) {
            Some(i) => {
                self.entries[i] = None;
                self.live -= 1;
                true
            }
            None => false,
        }
    }
    pub fn clear(&mut self) {
        for e in self.entries.iter_mut() {
            *e = None;
        }
        self.index.clear();
        self.live = 0;
    }
}

/// Promise internals.
#[derive(Debug)]
pub struct PromiseData {
    pub state: PState,
    pub value: Value,
    pub reactions: Vec<Reaction>,
    pub handled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PState {
    Pending,
    Fulfilled,
    Rejected,
}

/// A `then` registration: handlers plus the derived promise (or an async frame).
#[derive(Debug, Clone)]
pub struct Reaction {
    pub on_ful: Value,
    pub on_rej: Value,
    pub target: ReactionTarget,
}

#[derive(Debug, Clone)]
pub enum ReactionTarget {
    /// Resolve/reject this derived promise (capability) with the handler's result.
    Promise(Option<ObjRef>),
    /// Resume this suspended async function (its generator-like object).
    Async(ObjRef),
}

/// A suspended generator or async function.
#[derive(Debug)]
pub struct GenData {
    pub frame: Option<Box<crate::interp::Frame>>,
    pub state: GenState,
    /// Async functions: the promise they return.
    pub promise: Option<ObjRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Start,
    Suspended,
    Running,
    Done,
}

/// Built-in iterators.
#[derive(Debug)]
pub enum IterData {
    Array { obj: ObjRef, idx: u32, kind: u8 },
    Str { s: JsStr, pos: usize },
    Table { obj: ObjRef, idx: usize, kind: u8 },
    Keys { keys: Vec<Value>, idx: usize, obj: ObjRef },
    List { items: Vec<Value>, idx: usize },
}

/// A V8 `Context`: the captured variables of one scope.
#[derive(Debug)]
pub struct CtxData {
    pub slots: Vec<Value>,
    pub parent: Option<ObjRef>,
    pub names: Vec<JsStr>,
}

/// What kind of object this is.
#[derive(Debug)]
pub enum Kind {
    Ordinary,
    Array(Vec<Value>),
    Function(Box<Closure>),
    Native(Box<Native>),
    Bound(Box<(ObjRef, Value, Vec<Value>)>),
    Error,
    Boxed(Value),
    Date(f64),
    RegExp(Box<crate::builtins::regexp::RegExpData>),
    Map(Box<Table>),
    Set(Box<Table>),
    WeakMap(HashMap<ObjRef, Value>),
    WeakSet(HashSet<ObjRef>),
    WeakRef(Option<ObjRef>),
    FinReg(Box<FinRegData>),
    Promise(Box<PromiseData>),
    Proxy(ObjRef, ObjRef),
    Generator(Box<GenData>),
    Context(Box<CtxData>),
    Iter(Box<IterData>),
    Arguments,
    Dom(Box<crate::dom::Node>),
    Host(Box<crate::dom::HostObj>),
}

/// FinalizationRegistry internals.
#[derive(Debug, Default)]
pub struct FinRegData {
    pub cleanup: Value,
    /// (target, held value, unregister token)
    pub cells: Vec<(ObjRef, Value, Option<ObjRef>)>,
}

/// Per-object memory bookkeeping.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    pub id: u64,
    pub space: Space,
    pub age: u8,
    pub marked: bool,
}

/// One heap object.
#[derive(Debug)]
pub struct Obj {
    pub proto: Option<ObjRef>,
    pub props: IndexMap<PropKey, Prop>,
    pub kind: Kind,
    pub extensible: bool,
    pub meta: Meta,
    /// Class name for `[class X]` and instance display, when this is a class ctor.
    pub class_ctor: bool,
}

/// The arena.
#[derive(Default)]
pub struct Heap {
    pub objs: Vec<Option<Obj>>,
    pub free: Vec<u32>,
    pub next_id: u64,
    /// Bytes allocated in new space since the last scavenge.
    pub young_used: u64,
    pub old_used: u64,
    pub allocated_total: u64,
}

impl Heap {
    pub fn alloc(&mut self, proto: Option<ObjRef>, kind: Kind) -> ObjRef {
        self.next_id += 1;
        let obj = Obj {
            proto,
            props: IndexMap::new(),
            kind,
            extensible: true,
            meta: Meta {
                id: self.next_id,
                space: Space::New,
                age: 0,
                marked: false,
            },
            class_ctor: false,
        };
        let r = match self.free.pop() {
            Some(i) => {
                self.objs[i as usize] = Some(obj);
                i
            }
            None => {
                self.objs.push(Some(obj));
                self.objs.len() as u32 - 1
            }
        };
        let size = self.size_of(r);
        self.young_used += size;
        self.allocated_total += size;
        r
    }

    pub fn get(&self, r: ObjRef) -> Option<&Obj> {
        self.objs.get(r as usize).and_then(|o| o.as_ref())
    }

    pub fn get_mut(&mut self, r: ObjRef) -> Option<&mut Obj> {
        self.objs.get_mut(r as usize).and_then(|o| o.as_mut())
    }

    pub fn kind(&self, r: ObjRef) -> Option<&Kind> {
        self.get(r).map(|o| &o.kind)
    }

    /// V8's self size of an object (64-bit, no pointer compression).
    pub fn size_of(&self, r: ObjRef) -> u64 {
        let Some(o) = self.get(r) else { return 0 };
        let nprops = o.props.len() as u64;
        let props = if nprops == 0 { 32 } else { 8 * nprops };
        match &o.kind {
            Kind::Ordinary | Kind::Error | Kind::Arguments => 24 + props,
            Kind::Array(v) => {
                32 + if v.is_empty() { 0 } else { 16 + 8 * v.len() as u64 } + if nprops > 0 { 8 * nprops } else { 0 }
            }
            Kind::Function(c) => if c.code.flags.arrow { 56 } else { 64 },
            Kind::Native(_) | Kind::Bound(_) => 64,
            Kind::Context(c) => 32 + 8 * c.slots.len() as u64,
            Kind::Map(t) | Kind::Set(t) => 32 + 16 + 24 * t.entries.len() as u64,
            Kind::WeakMap(m) => 32 + 24 * m.len() as u64,
            Kind::WeakSet(m) => 32 + 16 * m.len() as u64,
            Kind::Date(_) => 96,
            Kind::Promise(_) => 48,
            Kind::WeakRef(_) => 32,
            Kind::FinReg(f) => 56 + 48 * f.cells.len() as u64,
            Kind::Generator(_) => 72,
            Kind::Boxed(_) => 32,
            Kind::RegExp(_) => 56,
            Kind::Proxy(..) => 32,
            Kind::Iter(_) => 40,
            Kind::Dom(_) | Kind::Host(_) => 96,
        }
    }

    pub fn live_count(&self) -> usize {
        self.objs.iter().filter(|o| o.is_some()).count()
    }
}
