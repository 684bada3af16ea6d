//! The bytecode the compiler produces and the interpreter runs: [`Op`], compile-time
//! constants ([`Const`]) and one compiled scope ([`CodeUnit`]).
//!
//! The instruction set follows CPython 3.11's closely (same stack discipline: loads
//! push a new reference, stores steal one, calls consume their arguments), because that
//! discipline is what decides the reference counts `sys.getrefcount` reports. Exception
//! handling uses an exception table, as in 3.11, instead of a block stack.

use num_bigint::BigInt;
use std::sync::Arc;

/// Binary operators, in-place or not (the interpreter falls back from `__iadd__` to
/// `__add__` for the in-place ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator as written in source (`+`), for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// The dunder name of the operator (`__add__`).
    pub fn dunder(self) -> &'static str {
        match self {
            BinOp::Add => "__add__",
            BinOp::Sub => "__sub__",
            BinOp::Mul => "__mul__",
            BinOp::MatMul => "__matmul__",
            BinOp::TrueDiv => "__truediv__",
            BinOp::FloorDiv => "__floordiv__",
            BinOp::Mod => "__mod__",
            BinOp::Pow => "__pow__",
            BinOp::LShift => "__lshift__",
            BinOp::RShift => "__rshift__",
            BinOp::And => "__and__",
            BinOp::Or => "__or__",
            BinOp::Xor => "__xor__",
        }
    }

    /// The reflected dunder (`__radd__`).
    pub fn rdunder(self) -> &'static str {
        match self {
            BinOp::Add => "__radd__",
            BinOp::Sub => "__rsub__",
            BinOp::Mul => "__rmul__",
            BinOp::MatMul => "__rmatmul__",
            BinOp::TrueDiv => "__rtruediv__",
            BinOp::FloorDiv => "__rfloordiv__",
            BinOp::Mod => "__rmod__",
            BinOp::Pow => "__rpow__",
            BinOp::LShift => "__rlshift__",
            BinOp::RShift => "__rrshift__",
            BinOp::And => "__rand__",
            BinOp::Or => "__ror__",
            BinOp::Xor => "__rxor__",
        }
    }

    /// The in-place dunder (`__iadd__`).
    pub fn idunder(self) -> &'static str {
        match self {
            BinOp::Add => "__iadd__",
            BinOp::Sub => "__isub__",
            BinOp::Mul => "__imul__",
            BinOp::MatMul => "__imatmul__",
            BinOp::TrueDiv => "__itruediv__",
            BinOp::FloorDiv => "__ifloordiv__",
            BinOp::Mod => "__imod__",
            BinOp::Pow => "__ipow__",
            BinOp::LShift => "__ilshift__",
            BinOp::RShift => "__irshift__",
            BinOp::And => "__iand__",
            BinOp::Or => "__ior__",
            BinOp::Xor => "__ixor__",
        }
    }
}

/// Rich comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// `MAKE_FUNCTION` flags: which optional parts are on the stack.
pub mod mkfn {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

/// `FORMAT_VALUE` flags.
pub mod fmtval {
    pub const CONV_MASK: u32 = 3;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 4;
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    /// Start of a statement on this line: counts a step and records a trace step.
    Line(u32),
    PopTop,
    PushNull,
    /// Push a new reference to the n-th item (1 = top of stack).
    Copy(u32),
    /// Swap the top of stack with the n-th item.
    Swap(u32),
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    /// Class bodies: a free variable, looked up in the class namespace first.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[method, self]` for a plain function found on the type, else `[NULL, attr]`.
    LoadMethod(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    Binary(BinOp),
    Inplace(BinOp),
    UnaryNeg,
    UnaryPos,
    UnaryInvert,
    UnaryNot,
    Compare(CmpOp),
    /// `is` (false) / `is not` (true).
    IsOp(bool),
    /// `in` (false) / `not in` (true).
    ContainsOp(bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the next item, or pop the iterator and jump when it is exhausted.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    /// Keys are a constant tuple on top of the values.
    BuildConstKeyMap(u32),
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// Low byte: targets before the star; high bits: targets after it.
    UnpackEx(u32),
    /// The constant tuple of keyword names for the next `Call`.
    KwNames(u32),
    /// `[callable-or-method, self-or-NULL, args...]` → result.
    Call(u32),
    /// `[NULL, callable, args-tuple, (kwargs-dict)]` → result; the flag says kwargs are there.
    CallEx(bool),
    MakeFunction(u32),
    ReturnValue,
    YieldValue,
    GetYieldFromIter,
    /// `await`: replaces TOS with its awaitable iterator (a coroutine, or what its
    /// `__await__` returned).
    GetAwaitable,
    /// `async with`: `[mgr]` → `[bound __aexit__, awaitable of __aenter__()]`.
    BeforeAsyncWith,
    /// `async for`: replaces TOS with `TOS.__aiter__()`.
    GetAIter,
    /// `async for`: pushes the awaitable `TOS.__anext__()`.
    GetANext,
    /// Handler of an `async for`: `[aiter, exc]`; a `StopAsyncIteration` ends the loop
    /// (both popped), anything else is re-raised.
    EndAsyncFor,
    /// `[iter, value]`: send value; on yield, the frame yields it and resumes here;
    /// when the subiterator returns, pop it, push the result and jump.
    Send(u32),
    RaiseVarargs(u32),
    /// Re-raise TOS; with a non-zero operand, the item that many below it is the saved
    /// instruction index the traceback reports.
    Reraise(u32),
    PushExcInfo,
    PopExcept,
    CheckExcMatch,
    CheckEgMatch,
    PrepReraiseStar,
    BeforeWith,
    WithExceptStart,
    FormatValue(u32),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadBuildClass,
    SetupAnnotations,
    LoadAssertionError,
    /// `[subject, cls, names-tuple]` → attributes tuple or None.
    MatchClass(u32),
    MatchMapping,
    MatchSequence,
    /// `[subject, keys]` → `[subject, keys, values-tuple-or-None]`.
    MatchKeys,
    GetLen,
    /// Copy a dict without the given keys: `[subject, keys]` → `[rest-dict]`.
    CopyDictWithoutKeys,
    /// Raise `unsupported: <const string>` at this instruction's position.
    Unsupported(u32),
}

/// A compile-time constant. Equal constants of one compilation unit share one object.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Const]>),
    FrozenSet(Arc<[Const]>),
    Ellipsis,
    Code(Arc<CodeUnit>),
}

impl Const {
    /// A key that distinguishes `1`, `1.0`, `True` and `-0.0` from `0.0`, as CPython's
    /// `_PyCode_ConstantKey` does.
    pub fn key(&self) -> String {
        match self {
            Const::None => "N".into(),
            Const::Bool(b) => format!("b{b}"),
            Const::Int(i) => format!("i{i}"),
            Const::BigInt(i) => format!("i{i}"),
            Const::Float(f) => format!("f{}", f.to_bits()),
            Const::Complex(a, b) => format!("c{}:{}", a.to_bits(), b.to_bits()),
            Const::Str(s) => format!("s{s}"),
            Const::Bytes(b) => format!("y{b:?}"),
            Const::Tuple(t) => format!(
                "t({})",
                t.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
            ),
            Const::FrozenSet(t) => format!(
                "F({})",
                t.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
            ),
            Const::Ellipsis => "E".into(),
            Const::Code(c) => format!("C{:p}", Arc::as_ptr(c)),
        }
    }
}

/// `co_flags` bits.
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// A source span: 1-based lines, 0-based UTF-8 columns (as CPython's `co_positions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// One exception-table entry: instructions `start..end` unwind to `target`, popping the
/// value stack to `depth` (and pushing the instruction index first when `lasti`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// What kind of scope a code unit was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// One compiled scope: the equivalent of a CPython code object before it is put on the heap.
#[derive(Debug, PartialEq)]
pub struct CodeUnit {
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub filename: Arc<str>,
    pub firstlineno: u32,
    pub ops: Vec<Op>,
    pub spans: Vec<Span>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell variable that is also a parameter: the parameter's slot.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exc_table: Vec<ExcEntry>,
    /// Maximum value-stack depth (`co_stacksize`).
    pub stacksize: u32,
    /// The docstring, when the body starts with one.
    pub doc: Option<Arc<str>>,
}

impl CodeUnit {
    /// The exception-table entry covering instruction `ip`, if any (the innermost one:
    /// entries never overlap, as in CPython's table).
    pub fn handler_for(&self, ip: u32) -> Option<&ExcEntry> {
        let i = self.exc_table.partition_point(|e| e.end <= ip);
        self.exc_table
            .get(i)
            .filter(|e| e.start <= ip && ip < e.end)
    }

    pub fn is_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Number of positional-or-keyword plus keyword-only parameters plus `*args`/`**kw`.
    pub fn total_args(&self) -> u32 {
        self.argcount
            + self.kwonlyargcount
            + u32::from(self.flags & flags::VARARGS != 0)
            + u32::from(self.flags & flags::VARKEYWORDS != 0)
    }
}
