//! The object arena: every JavaScript object (functions, arrays, contexts, promises,
//! DOM nodes...) is an [`Obj`] addressed by an index, with V8-style bookkeeping (space,
//! age, self size) used by the collector and the trace.

use crate::code::FnCode;
use crate::value::{JsStr, ObjRef, PropKey, Value};
use gen_trace::Space;
use indexmap::IndexMap;
use std::borrow::Cow;
use std::collections::HashMap;
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
#[derive(Clone, Debug)]
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
#[derive(Clone)]
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
#[derive(Clone, Debug, Default)]
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
                MapKey::Num(if n.is_nan() {
                    f64::NAN.to_bits()
                } else {
                    n.to_bits()
                })
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
        // -0 is stored as +0.
        let k = match k {
            Value::Num(n) => Value::Num(n + 0.0),
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
#[derive(Clone, Debug)]
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

/// A suspended generator, async function or async generator.
#[derive(Clone, Debug)]
pub struct GenData {
    pub frame: Option<Box<crate::interp::Frame>>,
    pub state: GenState,
    /// Async functions: the promise they return.
    pub promise: Option<ObjRef>,
    /// Async generators: the queued next/throw/return requests, each with the promise
    /// it returned.
    pub requests: Option<std::collections::VecDeque<(Resume, ObjRef)>>,
}

/// How a suspended generator is resumed.
#[derive(Debug, Clone)]
pub enum Resume {
    Next(Value),
    Throw(Value),
    Return(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Start,
    Suspended,
    Running,
    Done,
}

/// Built-in iterators.
#[derive(Clone, Debug)]
pub enum IterData {
    Array {
        obj: ObjRef,
        idx: u32,
        kind: u8,
    },
    Str {
        s: JsStr,
        pos: usize,
    },
    Table {
        obj: ObjRef,
        idx: usize,
        kind: u8,
    },
    List {
        items: Vec<Value>,
        idx: usize,
    },
    /// String.prototype.matchAll's RegExp String Iterator.
    RegExp {
        re: ObjRef,
        s: JsStr,
        global: bool,
        unicode: bool,
        done: bool,
    },
}

/// A V8 `Context`: the captured variables of one scope.
#[derive(Clone, Debug)]
pub struct CtxData {
    pub slots: Vec<Value>,
    pub parent: Option<ObjRef>,
    pub names: Vec<JsStr>,
}

/// What kind of object this is.
#[derive(Clone, Debug)]
pub enum Kind {
    Ordinary,
    Array(Vec<Value>),
    Function(Box<Closure>),
    Native(Box<Native>),
    Bound(Box<(ObjRef, Value, Vec<Value>)>),
    /// An error; holds its captured stack frames until `stack` is first read.
    Error(Option<Box<str>>),
    Boxed(Value),
    Date(f64),
    RegExp(Box<crate::builtins::regexp::RegExpData>),
    Map(Box<Table>),
    Set(Box<Table>),
    WeakMap(IndexMap<WeakKey, Value>),
    WeakSet(indexmap::IndexSet<WeakKey>),
    /// The target (`None` once collected).
    WeakRef(Option<WeakKey>),
    FinReg(Box<FinRegData>),
    Promise(Box<PromiseData>),
    Proxy(Box<ProxyData>),
    Generator(Box<GenData>),
    Context(Box<CtxData>),
    Iter(Box<IterData>),
    Arguments(Box<ArgsData>),
    Dom(Box<crate::dom::Node>),
    Host(Box<crate::dom::HostObj>),
    /// An ArrayBuffer's bytes.
    ArrayBuffer(Vec<u8>),
    /// A typed array or DataView over an ArrayBuffer.
    TypedArray(Box<TypedArrayData>),
    /// A built-in object with Rust-side state (URL, TextDecoder, Intl formatters).
    Builtin(Box<BuiltinData>),
}

/// The state of a [`Kind::Builtin`] object.
#[derive(Clone, Debug)]
pub enum BuiltinData {
    TextDecoder {
        encoding: &'static str,
        fatal: bool,
        ignore_bom: bool,
    },
    Url(Box<crate::builtins::url::UrlData>),
    SearchParams(Box<crate::builtins::url::ParamsData>),
    Intl(Box<crate::builtins::intl::IntlObj>),
}

impl BuiltinData {
    /// The object's references.
    pub fn for_each_edge<'a>(
        &'a self,
        f: &mut impl FnMut(crate::gc::Edge<'a>, crate::gc::Strength, ObjRef),
    ) {
        use crate::gc::{Edge, Strength};
        match self {
            BuiltinData::TextDecoder { .. } => {}
            BuiltinData::Url(u) => {
                if let Some(p) = u.params {
                    f(Edge::Internal("searchParams"), Strength::Strong, p);
                }
            }
            BuiltinData::SearchParams(p) => {
                if let Some(u) = p.url {
                    f(Edge::Internal("url"), Strength::Strong, u);
                }
            }
            BuiltinData::Intl(i) => {
                if let Some(b) = i.bound {
                    f(Edge::Internal("bound function"), Strength::Strong, b);
                }
            }
        }
    }
}

/// The element type of a typed array (`DataView` views bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaKind {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float32,
    Float64,
    BigInt64,
    BigUint64,
    DataView,
}

impl TaKind {
    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            TaKind::Int8 | TaKind::Uint8 | TaKind::Uint8Clamped | TaKind::DataView => 1,
            TaKind::Int16 | TaKind::Uint16 => 2,
            TaKind::Int32 | TaKind::Uint32 | TaKind::Float32 => 4,
            TaKind::Float64 | TaKind::BigInt64 | TaKind::BigUint64 => 8,
        }
    }
}

/// A view on an ArrayBuffer: `length` elements from byte `offset`.
#[derive(Debug, Clone)]
pub struct TypedArrayData {
    pub buffer: ObjRef,
    pub kind: TaKind,
    pub offset: usize,
    pub length: usize,
}

/// An `arguments` object. Mapped ones (sloppy functions with simple parameter lists)
/// alias the parameters: index `i` reads and writes slot `map[i]` of `ctx` until it is
/// deleted or redefined.
#[derive(Clone, Debug)]
pub struct ArgsData {
    pub ctx: Option<ObjRef>,
    pub map: Vec<Option<u32>>,
}

/// A proxy's target and handler (both `None` once revoked); whether it was callable
/// and constructible is fixed at creation.
#[derive(Clone, Debug)]
pub struct ProxyData {
    pub target: Option<ObjRef>,
    pub handler: Option<ObjRef>,
    pub callable: bool,
    pub constructor: bool,
}

/// What can be held weakly: an object, or a symbol not in the global registry
/// (symbols never die in the simulation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeakKey {
    Obj(ObjRef),
    Sym(u32),
}

impl WeakKey {
    pub fn value(self) -> Value {
        match self {
            WeakKey::Obj(o) => Value::Obj(o),
            WeakKey::Sym(s) => Value::Sym(s),
        }
    }
    pub fn obj(self) -> Option<ObjRef> {
        match self {
            WeakKey::Obj(o) => Some(o),
            WeakKey::Sym(_) => None,
        }
    }
}

/// FinalizationRegistry internals.
#[derive(Clone, Debug, Default)]
pub struct FinRegData {
    pub cleanup: Value,
    /// (target, held value, unregister token)
    pub cells: Vec<(WeakKey, Value, Option<WeakKey>)>,
}

/// Per-object memory bookkeeping.
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    /// Stable id for the trace (never reused within a run).
    pub id: u64,
    pub space: Space,
    /// Scavenges survived.
    pub age: u8,
    /// In the remembered set (an old object mutated since the last scavenge).
    pub remembered: bool,
    /// In-object property slots reserved at allocation (V8's instance size).
    pub inobject: u8,
}

/// One heap object: its memory bookkeeping and its contents. The contents of the
/// objects of a prepared interpreter are borrowed from the template it was cloned from
/// (see [`Heap::share`]) and copied on the first write, so a fresh interpreter costs
/// one pointer per built-in object; reads go through [`Deref`](std::ops::Deref) and
/// writes through [`DerefMut`](std::ops::DerefMut).
#[derive(Clone, Debug)]
pub struct Obj {
    pub meta: Meta,
    body: Cow<'static, ObjBody>,
}

/// What an object holds.
#[derive(Clone, Debug)]
pub struct ObjBody {
    pub proto: Option<ObjRef>,
    pub props: IndexMap<PropKey, Prop>,
    pub kind: Kind,
    pub extensible: bool,
    /// A class constructor (`[class X]`, TypeError when called without `new`).
    pub class_ctor: bool,
    /// Object.seal/freeze applied to the elements of an array.
    pub lock: Lock,
}

impl std::ops::Deref for Obj {
    type Target = ObjBody;
    fn deref(&self) -> &ObjBody {
        &self.body
    }
}

impl std::ops::DerefMut for Obj {
    fn deref_mut(&mut self) -> &mut ObjBody {
        self.body.to_mut()
    }
}

/// The integrity level of an array's elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    None,
    /// Non-configurable (Object.seal).
    Sealed,
    /// Non-configurable and read-only (Object.freeze).
    Frozen,
}

/// The arena.
#[derive(Clone)]
pub struct Heap {
    pub objs: Vec<Option<Obj>>,
    pub free: Vec<u32>,
    pub next_id: u64,
    /// Bytes allocated in new space since the last scavenge.
    pub young_used: u64,
    /// Old objects that may point into new space (the write barrier's record).
    pub remembered: Vec<ObjRef>,
    /// Old-space size that triggers the next full collection.
    pub old_limit: u64,
    /// The largest heap seen (bytes of live plus not yet collected objects).
    pub peak_bytes: u64,
    /// In-object slots given to objects allocated next (literal size, constructors).
    pub next_inobject: u8,
}

impl Default for Heap {
    fn default() -> Self {
        Heap {
            objs: Vec::new(),
            free: Vec::new(),
            next_id: 0,
            young_used: 0,
            remembered: Vec::new(),
            old_limit: crate::gc::OLD_SPACE_INITIAL_LIMIT,
            peak_bytes: 0,
            next_inobject: 4,
        }
    }
}

impl Heap {
    pub fn alloc(&mut self, proto: Option<ObjRef>, kind: Kind) -> ObjRef {
        self.next_id += 1;
        let inobject = std::mem::replace(&mut self.next_inobject, 4);
        let obj = Obj {
            body: Cow::Owned(ObjBody {
                proto,
                props: IndexMap::new(),
                kind,
                extensible: true,
                class_ctor: false,
                lock: Lock::None,
            }),
            meta: Meta {
                id: self.next_id,
                space: Space::New,
                age: 0,
                remembered: false,
                inobject,
            },
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
        if size >= crate::gc::LARGE_OBJECT_SIZE {
            if let Some(o) = self.objs[r as usize].as_mut() {
                o.meta.space = Space::LargeObject;
            }
        } else {
            self.young_used += size;
        }
        r
    }

    /// A copy of this heap whose objects borrow their contents from it (copied on
    /// their first write): what a template interpreter hands each run.
    pub fn share(&'static self) -> Heap {
        Heap {
            objs: self
                .objs
                .iter()
                .map(|o| {
                    o.as_ref().map(|o| Obj {
                        meta: o.meta,
                        body: Cow::Borrowed(match &o.body {
                            Cow::Borrowed(b) => b,
                            Cow::Owned(b) => b,
                        }),
                    })
                })
                .collect(),
            free: self.free.clone(),
            remembered: self.remembered.clone(),
            ..*self
        }
    }

    pub fn get(&self, r: ObjRef) -> Option<&Obj> {
        self.objs.get(r as usize).and_then(|o| o.as_ref())
    }

    /// Mutable access; the write barrier: an old object handed out for mutation joins
    /// the remembered set (it may now point into new space).
    pub fn get_mut(&mut self, r: ObjRef) -> Option<&mut Obj> {
        let o = self.objs.get_mut(r as usize)?.as_mut()?;
        if o.meta.space != Space::New && !o.meta.remembered {
            o.meta.remembered = true;
            self.remembered.push(r);
        }
        Some(o)
    }

    pub fn kind(&self, r: ObjRef) -> Option<&Kind> {
        self.get(r).map(|o| &o.kind)
    }

    /// The size of an object as V8 lays it out on 64-bit without pointer compression:
    /// its self size (header and in-object fields) plus the backing stores it owns
    /// (out-of-object properties, elements, hash tables), which a heap snapshot lists
    /// as separate `(object properties)` / `(object elements)` nodes.
    pub fn size_of(&self, r: ObjRef) -> u64 {
        let Some(o) = self.get(r) else { return 0 };
        let nprops = o.props.len() as u64;
        let inobject = o.meta.inobject as u64;
        // Out-of-object properties live in a PropertyArray (16-byte header).
        let overflow = if nprops > inobject {
            16 + 8 * (nprops - inobject)
        } else {
            0
        };
        let object = 24 + 8 * inobject + overflow;
        let elements = |n: usize| if n == 0 { 0 } else { 16 + 8 * n as u64 };
        // OrderedHashMap/Set: header, 3 counters, buckets (capacity / 2), entries.
        let table = |live: usize, per_entry: u64| {
            let cap = live.next_power_of_two().max(4) as u64;
            16 + 24 + 8 * (cap / 2) + per_entry * cap
        };
        let extra = if nprops > 0 { 8 * nprops } else { 0 };
        match &o.kind {
            Kind::Ordinary | Kind::Error(_) => object,
            Kind::Arguments(_) => 40 + extra,
            Kind::Array(v) => 32 + elements(v.len()) + extra,
            Kind::Function(c) => {
                (if c.code.flags.arrow { 56 } else { 64 })
                    + if nprops > 3 { 8 * (nprops - 3) } else { 0 }
            }
            Kind::Native(n) => 64 + 8 * n.slots.len() as u64,
            Kind::Bound(b) => 48 + elements(b.2.len()),
            Kind::Context(c) => 32 + 8 * c.slots.len() as u64,
            Kind::Map(t) => 32 + table(t.live, 24),
            Kind::Set(t) => 32 + table(t.live, 16),
            Kind::WeakMap(m) => 32 + table(m.len(), 16),
            Kind::WeakSet(m) => 32 + table(m.len(), 16),
            Kind::Date(_) => 96,
            Kind::Promise(_) => 48,
            Kind::WeakRef(_) => 32,
            Kind::FinReg(f) => 80 + 56 * f.cells.len() as u64,
            Kind::Generator(_) => 80,
            Kind::Boxed(_) => 32,
            Kind::RegExp(_) => 56,
            Kind::Proxy(..) => 32,
            Kind::Iter(_) => 48,
            Kind::TypedArray(_) => 72,
            Kind::ArrayBuffer(_) => 56,
            Kind::Builtin(_) => 48 + extra,
            Kind::Dom(_) | Kind::Host(_) => 96 + extra,
        }
    }
}
