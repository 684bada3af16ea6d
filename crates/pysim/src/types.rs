//! The built-in type objects, at fixed heap slots so the interpreter can compare types
//! with constants: `object`, `int`, `list`, ..., iterator types and the whole exception
//! hierarchy of CPython 3.11 (with its multiple-inheritance `ExceptionGroup`).

use crate::heap::lists;
use crate::objects::typeobj::{tflags, Layout};
use crate::value::ObjRef;

/// No base (only `object`).
pub const NO_BASE: ObjRef = ObjRef(u32::MAX);

const G: u32 = tflags::GC;
const B: u32 = tflags::BASETYPE;
const W: u32 = tflags::WEAKREFABLE;

macro_rules! builtin_types {
    ($( $konst:ident : $name:literal, $layout:ident, $base:ident, $flags:expr; )*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum TyIdx { $($konst),* }
        $(
            #[allow(dead_code)]
            pub const $konst: ObjRef = ObjRef(lists::COUNT + TyIdx::$konst as u32);
        )*
        /// (name, layout, base, flags) of every built-in type, in slot order.
        pub const TABLE: &[(&str, Layout, ObjRef, u32)] = &[ $(($name, Layout::$layout, $base, $flags)),* ];
    };
}

builtin_types! {
    OBJECT: "object", Object, NO_BASE, B;
    TYPE: "type", Type, OBJECT, B | G | W;
    NONE_TYPE: "NoneType", Opaque, OBJECT, 0;
    INT: "int", Int, OBJECT, B;
    BOOL: "bool", Bool, INT, 0;
    FLOAT: "float", Float, OBJECT, B;
    COMPLEX: "complex", Complex, OBJECT, B;
    STR: "str", Str, OBJECT, B;
    BYTES: "bytes", Bytes, OBJECT, B;
    BYTEARRAY: "bytearray", ByteArray, OBJECT, B;
    MEMORYVIEW: "memoryview", Opaque, OBJECT, G | W;
    LIST: "list", List, OBJECT, B | G;
    TUPLE: "tuple", Tuple, OBJECT, B | G;
    DICT: "dict", Dict, OBJECT, B | G;
    SET: "set", Set, OBJECT, B | G | W;
    FROZENSET: "frozenset", FrozenSet, OBJECT, B | G | W;
    RANGE: "range", Opaque, OBJECT, 0;
    SLICE: "slice", Opaque, OBJECT, 0;
    CELL: "cell", Opaque, OBJECT, G;
    FUNCTION: "function", Opaque, OBJECT, G | W;
    CODE: "code", Opaque, OBJECT, W;
    METHOD: "method", Opaque, OBJECT, G | W;
    BUILTIN_FUNCTION: "builtin_function_or_method", Opaque, OBJECT, G;
    METHOD_DESCRIPTOR: "method_descriptor", Opaque, OBJECT, G;
    CLASSMETHOD: "classmethod", Opaque, OBJECT, B | G;
    STATICMETHOD: "staticmethod", Opaque, OBJECT, B | G;
    PROPERTY: "property", Opaque, OBJECT, B | G;
    MEMBER_DESCRIPTOR: "member_descriptor", Opaque, OBJECT, G;
    MODULE: "module", Opaque, OBJECT, B | G | W;
    GENERATOR: "generator", Opaque, OBJECT, G | W;
    LIST_ITERATOR: "list_iterator", Opaque, OBJECT, G;
    LIST_REVITERATOR: "list_reverseiterator", Opaque, OBJECT, G;
    TUPLE_ITERATOR: "tuple_iterator", Opaque, OBJECT, G;
    RANGE_ITERATOR: "range_iterator", Opaque, OBJECT, 0;
    STR_ITERATOR: "str_ascii_iterator", Opaque, OBJECT, G;
    BYTES_ITERATOR: "bytes_iterator", Opaque, OBJECT, G;
    DICT_KEYITERATOR: "dict_keyiterator", Opaque, OBJECT, G;
    DICT_VALUEITERATOR: "dict_valueiterator", Opaque, OBJECT, G;
    DICT_ITEMITERATOR: "dict_itemiterator", Opaque, OBJECT, G;
    SET_ITERATOR: "set_iterator", Opaque, OBJECT, G;
    SEQ_ITERATOR: "iterator", Opaque, OBJECT, G;
    CALLABLE_ITERATOR: "callable_iterator", Opaque, OBJECT, G;
    ENUMERATE: "enumerate", Opaque, OBJECT, B | G;
    ZIP: "zip", Opaque, OBJECT, B | G;
    MAP: "map", Opaque, OBJECT, B | G;
    FILTER: "filter", Opaque, OBJECT, B | G;
    REVERSED: "reversed", Opaque, OBJECT, B | G;
    DICT_KEYS: "dict_keys", Opaque, OBJECT, G;
    DICT_VALUES: "dict_values", Opaque, OBJECT, G;
    DICT_ITEMS: "dict_items", Opaque, OBJECT, G;
    WEAKREF: "ReferenceType", Opaque, OBJECT, B | G;
    WEAKPROXY: "ProxyType", Opaque, OBJECT, G;
    WEAKCALLABLEPROXY: "CallableProxyType", Opaque, OBJECT, G;
    SUPER: "super", Opaque, OBJECT, B | G;
    MAPPINGPROXY: "mappingproxy", Opaque, OBJECT, G;
    NOT_IMPLEMENTED_TYPE: "NotImplementedType", Opaque, OBJECT, 0;
    ELLIPSIS_TYPE: "ellipsis", Opaque, OBJECT, 0;
    NATIVE: "native", Opaque, OBJECT, G;
    COROUTINE: "coroutine", Opaque, OBJECT, G | W;
    ASYNC_GENERATOR: "async_generator", Opaque, OBJECT, G | W;
    BASE_EXCEPTION: "BaseException", Exception, OBJECT, B | G;
    BASE_EXCEPTION_GROUP: "BaseExceptionGroup", Exception, BASE_EXCEPTION, B | G;
    GENERATOR_EXIT: "GeneratorExit", Exception, BASE_EXCEPTION, B | G;
    KEYBOARD_INTERRUPT: "KeyboardInterrupt", Exception, BASE_EXCEPTION, B | G;
    SYSTEM_EXIT: "SystemExit", Exception, BASE_EXCEPTION, B | G;
    EXCEPTION: "Exception", Exception, BASE_EXCEPTION, B | G;
    ARITHMETIC_ERROR: "ArithmeticError", Exception, EXCEPTION, B | G;
    FLOATING_POINT_ERROR: "FloatingPointError", Exception, ARITHMETIC_ERROR, B | G;
    OVERFLOW_ERROR: "OverflowError", Exception, ARITHMETIC_ERROR, B | G;
    ZERO_DIVISION_ERROR: "ZeroDivisionError", Exception, ARITHMETIC_ERROR, B | G;
    ASSERTION_ERROR: "AssertionError", Exception, EXCEPTION, B | G;
    ATTRIBUTE_ERROR: "AttributeError", Exception, EXCEPTION, B | G;
    BUFFER_ERROR: "BufferError", Exception, EXCEPTION, B | G;
    EOF_ERROR: "EOFError", Exception, EXCEPTION, B | G;
    EXCEPTION_GROUP: "ExceptionGroup", Exception, BASE_EXCEPTION_GROUP, B | G;
    IMPORT_ERROR: "ImportError", Exception, EXCEPTION, B | G;
    MODULE_NOT_FOUND_ERROR: "ModuleNotFoundError", Exception, IMPORT_ERROR, B | G;
    LOOKUP_ERROR: "LookupError", Exception, EXCEPTION, B | G;
    INDEX_ERROR: "IndexError", Exception, LOOKUP_ERROR, B | G;
    KEY_ERROR: "KeyError", Exception, LOOKUP_ERROR, B | G;
    MEMORY_ERROR: "MemoryError", Exception, EXCEPTION, B | G;
    NAME_ERROR: "NameError", Exception, EXCEPTION, B | G;
    UNBOUND_LOCAL_ERROR: "UnboundLocalError", Exception, NAME_ERROR, B | G;
    OS_ERROR: "OSError", Exception, EXCEPTION, B | G;
    BLOCKING_IO_ERROR: "BlockingIOError", Exception, OS_ERROR, B | G;
    CHILD_PROCESS_ERROR: "ChildProcessError", Exception, OS_ERROR, B | G;
    CONNECTION_ERROR: "ConnectionError", Exception, OS_ERROR, B | G;
    BROKEN_PIPE_ERROR: "BrokenPipeError", Exception, CONNECTION_ERROR, B | G;
    CONNECTION_ABORTED_ERROR: "ConnectionAbortedError", Exception, CONNECTION_ERROR, B | G;
    CONNECTION_REFUSED_ERROR: "ConnectionRefusedError", Exception, CONNECTION_ERROR, B | G;
    CONNECTION_RESET_ERROR: "ConnectionResetError", Exception, CONNECTION_ERROR, B | G;
    FILE_EXISTS_ERROR: "FileExistsError", Exception, OS_ERROR, B | G;
    FILE_NOT_FOUND_ERROR: "FileNotFoundError", Exception, OS_ERROR, B | G;
    INTERRUPTED_ERROR: "InterruptedError", Exception, OS_ERROR, B | G;
    IS_A_DIRECTORY_ERROR: "IsADirectoryError", Exception, OS_ERROR, B | G;
    NOT_A_DIRECTORY_ERROR: "NotADirectoryError", Exception, OS_ERROR, B | G;
    PERMISSION_ERROR: "PermissionError", Exception, OS_ERROR, B | G;
    PROCESS_LOOKUP_ERROR: "ProcessLookupError", Exception, OS_ERROR, B | G;
    TIMEOUT_ERROR: "TimeoutError", Exception, OS_ERROR, B | G;
    REFERENCE_ERROR: "ReferenceError", Exception, EXCEPTION, B | G;
    RUNTIME_ERROR: "RuntimeError", Exception, EXCEPTION, B | G;
    NOT_IMPLEMENTED_ERROR: "NotImplementedError", Exception, RUNTIME_ERROR, B | G;
    RECURSION_ERROR: "RecursionError", Exception, RUNTIME_ERROR, B | G;
    STOP_ASYNC_ITERATION: "StopAsyncIteration", Exception, EXCEPTION, B | G;
    STOP_ITERATION: "StopIteration", Exception, EXCEPTION, B | G;
    SYNTAX_ERROR: "SyntaxError", Exception, EXCEPTION, B | G;
    INDENTATION_ERROR: "IndentationError", Exception, SYNTAX_ERROR, B | G;
    TAB_ERROR: "TabError", Exception, INDENTATION_ERROR, B | G;
    SYSTEM_ERROR: "SystemError", Exception, EXCEPTION, B | G;
    TYPE_ERROR: "TypeError", Exception, EXCEPTION, B | G;
    VALUE_ERROR: "ValueError", Exception, EXCEPTION, B | G;
    UNICODE_ERROR: "UnicodeError", Exception, VALUE_ERROR, B | G;
    UNICODE_DECODE_ERROR: "UnicodeDecodeError", Exception, UNICODE_ERROR, B | G;
    UNICODE_ENCODE_ERROR: "UnicodeEncodeError", Exception, UNICODE_ERROR, B | G;
    UNICODE_TRANSLATE_ERROR: "UnicodeTranslateError", Exception, UNICODE_ERROR, B | G;
    WARNING: "Warning", Exception, EXCEPTION, B | G;
    BYTES_WARNING: "BytesWarning", Exception, WARNING, B | G;
    DEPRECATION_WARNING: "DeprecationWarning", Exception, WARNING, B | G;
    ENCODING_WARNING: "EncodingWarning", Exception, WARNING, B | G;
    FUTURE_WARNING: "FutureWarning", Exception, WARNING, B | G;
    IMPORT_WARNING: "ImportWarning", Exception, WARNING, B | G;
    PENDING_DEPRECATION_WARNING: "PendingDeprecationWarning", Exception, WARNING, B | G;
    RESOURCE_WARNING: "ResourceWarning", Exception, WARNING, B | G;
    RUNTIME_WARNING: "RuntimeWarning", Exception, WARNING, B | G;
    SYNTAX_WARNING: "SyntaxWarning", Exception, WARNING, B | G;
    UNICODE_WARNING: "UnicodeWarning", Exception, WARNING, B | G;
    USER_WARNING: "UserWarning", Exception, WARNING, B | G;
}

/// Extra bases beyond the first (multiple inheritance among built-ins).
pub fn extra_bases(t: ObjRef) -> &'static [ObjRef] {
    if t == EXCEPTION_GROUP {
        &[EXCEPTION]
    } else {
        &[]
    }
}

/// The first built-in type slot.
pub const FIRST: u32 = lists::COUNT;
