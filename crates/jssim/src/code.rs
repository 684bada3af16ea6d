//! The bytecode the compiler produces and the interpreter runs: one [`FnCode`] per
//! function (the program itself is a function), a stack machine whose variables live in
//! frame-local slots or, when a closure captures them, in heap-allocated contexts (V8's
//! `Context`), one per scope that has captured variables.

use crate::value::JsStr;
use std::sync::Arc;

/// A constant operand.
#[derive(Clone, Debug)]
pub enum Const {
    Num(f64),
    Str(JsStr),
    BigInt(Arc<num_bigint::BigInt>),
}

/// Where a variable lives once scopes are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// A frame-local slot.
    Local(u32),
    /// Slot `slot` of the context `depth` hops up the frame's context chain.
    Ctx { depth: u32, slot: u32 },
}

/// What a variable instruction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarAct {
    /// Read; throws in the temporal dead zone when `checked`.
    Get,
    /// Write an existing binding (TDZ-checked when `checked`).
    Set,
    /// Initialise a binding (leaves the TDZ).
    Init,
    /// `typeof x`: like Get.
    Typeof,
}

/// A variable reference before scope resolution (`from` is the scope the reference sits
/// in, `scope`/`index` the declaration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VarRef {
    pub from: u32,
    pub scope: u32,
    pub index: u32,
}

/// One instruction. Operand indices refer to the function's `consts`, `names`,
/// `funcs` tables.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    Nop,
    Const(u32),
    Undef,
    Null,
    True,
    False,
    Empty,
    Pop,
    Dup,
    /// Duplicate the two top values.
    Dup2,
    Swap,
    /// a b c -> c a b
    Rot3,
    /// a b c d -> d a b c
    Rot4,
    /// Unresolved variable access (rewritten by the resolver).
    Var(VarAct, VarRef, bool, u32),
    /// Resolved variable access; the bool is `checked` (TDZ), u32 the name.
    Local(VarAct, u32, bool, u32),
    Ctx(VarAct, u32, u32, bool, u32),
    /// Unresolved names: the global object.
    GetGlobal(u32),
    TypeofGlobal(u32),
    SetGlobal(u32),
    /// Scope markers (rewritten to PushCtx/PopCtx or Nop by the resolver).
    EnterScope(u32),
    ExitScope(u32),
    /// A fresh copy of the innermost context (per-iteration `let` bindings).
    CopyScope(u32),
    PushCtx(u32, u32),
    PopCtx,
    CopyCtx,
    /// Function prologue values.
    LoadThis,
    LoadArg(u32),
    LoadRest(u32),
    /// The `arguments` object; `true`: mapped to the parameters (sloppy, simple list).
    LoadArguments(bool),
    NewTarget,
    /// Classic scripts: creates the global object's property for a top-level `var` or
    /// function declaration (left alone when it exists).
    DeclareGlobalVar(u32),
    /// Property access: obj -> value.
    GetNamed(u32),
    /// obj key -> value.
    GetElem,
    /// obj key value -> value.
    SetElem,
    /// obj key value -> obj (object literal define).
    DefineElem,
    DefineNamed(u32),
    /// obj key getter/setter -> obj; bool: true = getter; second: enumerable.
    DefineAccessor(bool, bool),
    /// obj proto -> obj (`__proto__: x` in a literal).
    SetProto,
    /// obj src -> obj (object spread).
    CopyProps,
    /// obj excluded-keys-array -> rest object.
    RestProps,
    DeleteElem,
    /// Lists: n values -> array.
    MakeArray(u32),
    /// array value -> array (push).
    ArrayPush,
    /// array -> array (push a hole).
    ArrayHole,
    /// array iterable -> array (spread); the operand names the iterable for V8's
    /// message; `true` for the arguments of a call (V8 words those differently).
    ArraySpread(u32, bool),
    /// A new object literal with this many properties (its in-object slots).
    NewObject(u32),
    /// Sets the home object (`super`) of the function on top to the object `n` values
    /// below it.
    MakeMethod(u32),
    /// key fn -> key fn: names the function after a computed key (1: `get `, 2: `set `).
    SetFunctionName(u8),
    /// The running function itself (a named function expression's own name).
    LoadCallee,
    /// A fresh private name (`#x`) for a class evaluation: a private symbol.
    NewPrivateName(u32),
    /// pattern flags (names) -> regexp
    RegExp(u32, u32),
    /// template strings array (cooked, raw) cached per site.
    TemplateObject(u32),
    Closure(u32),
    /// Class: [heritage?] ctor-closure -> class (bool: has heritage).
    Class(u32, bool),
    /// class proto-or-ctor key method -> class; flags: static, kind (0 method, 1 get, 2 set).
    ClassMethod(bool, u8),
    /// ctor fieldinit-closure -> ctor.
    SetFieldInit,
    /// Run the current function's field initializer on `this`.
    InitFields,
    /// Call: func this args*n -> result. u32: callee description.
    Call(u32, u32),
    /// func this argsArray -> result.
    CallSpread(u32),
    New(u32, u32),
    NewSpread(u32),
    /// args*n -> this (derived constructor `super(...)`).
    SuperCall(u32),
    SuperCallSpread,
    /// key -> value (super[key] with this).
    SuperGet,
    /// this key value -> value (`super[key] = value`).
    SuperSet,
    Return,
    Throw,
    /// Throw a TypeError for an assignment to a const.
    ThrowConst,
    Jump(u32),
    JumpIfFalse(u32),
    JumpIfTrue(u32),
    JumpIfNotNullish(u32),
    JumpIfNotUndef(u32),
    /// Keep the top if truthy/falsy and jump, else pop it.
    JumpIfTrueKeep(u32),
    JumpIfFalseKeep(u32),
    /// Installs an exception handler at the target; `true`: a `finally` (or iterator
    /// close) handler, which also runs when a generator is returned from.
    PushHandler(u32, bool),
    PopHandler,
    Bin(BinOp),
    Unary(UnOp),
    Typeof,
    Inc,
    Dec,
    ToNumeric,
    ToPropertyKey,
    /// a -> string (template literal parts)
    ToStr,
    /// iterable -> iterator next; the operand names the iterable for V8's
    /// `x is not iterable` (empty: described by its value).
    GetIter(u32),
    /// iterable -> async-iterator next (`for await`; sync iterators are wrapped).
    GetAsyncIter(u32),
    /// iterator next -> iterator next promise (calls `next()` of an async iterator).
    AsyncIterCall,
    /// iterator next result -> iterator next value done (unpacks an iterator result).
    IterResult,
    /// iterator next -> iterator next value done
    IterNext,
    /// iterator next -> iterator next value (undefined once done)
    IterValue,
    /// iterator next -> iterator next array-of-the-rest
    IterRest,
    /// iterator next -> (calls return)
    IterClose,
    /// iterator next exception -> rethrows the exception after closing the iterator
    /// (errors from `return` are ignored).
    IterCloseThrow,
    /// obj -> keys-iterator (for-in).
    ForInKeys,
    Yield,
    /// `yield*`: iterator next received mode -> forwards `received` to the inner
    /// iterator's next/throw/return (mode 0/1/2) and yields its value, or jumps to the
    /// target with the final value when the inner iterator is done.
    YieldDelegate(u32),
    Await,
    /// Checks that the source of an object pattern is not nullish; the operands shape
    /// V8's message (see [`Coercible`]).
    RequireObjectCoercible(Coercible),
}

/// How a nullish destructuring source is reported. `desc` names the source as V8's
/// CallPrinter would (a `names` index; empty: described by its value), `key` is the first
/// property's name index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coercible {
    /// `Cannot destructure property 'key' of 'desc' as it is null.`
    Property { desc: u32, key: u32 },
    /// `Cannot destructure 'desc' as it is null.`
    Whole { desc: u32 },
    /// `Cannot read properties of null (reading 'key')` (first property has a default).
    Read { key: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    InstanceOf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    BitNot,
    Void,
}

/// What kind of function a [`FnCode`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FnFlags {
    pub arrow: bool,
    pub is_async: bool,
    pub generator: bool,
    pub method: bool,
    pub class_ctor: bool,
    pub derived: bool,
    pub getter: bool,
    pub setter: bool,
    pub program: bool,
    pub strict: bool,
    /// Code of a built-in module (hidden from call-site lookups).
    pub builtin: bool,
}

/// One compiled function.
#[derive(Debug, Default)]
pub struct FnCode {
    pub name: JsStr,
    /// The name the parser infers for an anonymous function from what it is assigned
    /// to (`o.f = function () {}` is `o.f`), shown in stack traces as V8 does.
    pub inferred_name: JsStr,
    pub flags: FnFlags,
    /// `fn.length`.
    pub length: u32,
    pub code: Vec<Op>,
    pub consts: Vec<Const>,
    pub names: Vec<JsStr>,
    pub funcs: Vec<Arc<FnCode>>,
    /// Per instruction: (line, col) of the statement or expression it belongs to.
    pub pos: Vec<(u32, u32)>,
    /// Per instruction: the line of the statement it belongs to (0: a program's
    /// prologue), where a trace step is drawn.
    pub lines: Vec<u32>,
    pub locals: u32,
    /// Names of local slots (for frame snapshots).
    pub local_names: Vec<JsStr>,
    /// Source text (Function.prototype.toString).
    pub source: JsStr,
    /// The scope id of the function body (its context, if any, is created on entry).
    pub scope: u32,
    /// Variable names of each context this function creates (`PushCtx` operand).
    pub ctx_layouts: Vec<Vec<JsStr>>,
    /// Context slots of the parameters, for a mapped `arguments` object.
    pub mapped_params: Vec<u32>,
}

impl FnCode {
    pub fn name_at(&self, i: u32) -> JsStr {
        self.names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| Arc::from(""))
    }
}
