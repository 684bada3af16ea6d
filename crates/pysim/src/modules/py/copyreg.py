"""`copyreg`: the reduction registry `copy` consults (`dispatch_table`, `pickle`,
`constructor`), the reconstructors `__newobj__`, `__newobj_ex__` and
`_reconstructor`, the protocol 0/1 reduction `_reduce_ex`, the extension registry,
and `_object_reduce_ex`, which `object.__reduce_ex__` calls: CPython's
`reduce_newobj` / `object_getstate` of `Objects/typeobject.c` for instances of
classes written in Python.
"""

import _simulator
import sys

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _is_python_class(cls):
    """`Py_TPFLAGS_HEAPTYPE`: a class from a `class` statement of the snippet (the
    simulator's stdlib classes written in Python stand for CPython's C types)."""
    if not _simulator.is_heap_type(cls):
        return False
    module = getattr(cls, "__module__", None)
    return module == "__main__" or module not in sys.modules


def _reduce_ex(self, proto):
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if not _is_python_class(base):
            break
        new = base.__new__
        if isinstance(new, _new_type) and new.__self__ is base:
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError(f"cannot pickle {cls.__name__!r} object: "
                            f"a class that defines __slots__ without "
                            f"defining __getstate__ cannot be pickled "
                            f"with protocol {proto}") from None
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        if (type(self).__getstate__ is object.__getstate__ and
                getattr(self, "__slots__", None)):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        dict = getstate()
    if dict:
        return _reconstructor, args, dict
    else:
        return _reconstructor, args


_new_type = type(int.__new__)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if not hasattr(cls, "__slots__"):
        pass
    else:
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        if stripped:
                            names.append('_%s%s' % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except:
        pass
    return names


def _object_getstate(obj):
    """`object.__getstate__`: `object_getstate_default` for a class written in Python."""
    if not _is_python_class(type(obj)) and type(obj) is not object:
        _simulator.unsupported(f"__getstate__ of a '{type(obj).__name__}' object")
    try:
        d = obj.__dict__
    except AttributeError:
        if not all("__slots__" in c.__dict__ for c in type(obj).__mro__
                   if _is_python_class(c)):
            _simulator.unsupported("the __dict__ of an instance of a subclass of "
                                   f"'{type(obj).__mro__[-2].__name__}'")
        d = None
    state = d if d else None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


def _object_reduce_ex(obj, protocol):
    cls = type(obj)
    if not _is_python_class(cls) and cls is not object:
        _simulator.unsupported(f"pickling (__reduce_ex__) of a '{cls.__name__}' object")
    if type(obj).__reduce__ is not object.__reduce__:
        return obj.__reduce__()
    if protocol < 2:
        return _reduce_ex(obj, protocol)
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        args = getnewargs() if getnewargs is not None else None
        kwargs = None
    hasargs = args is not None
    if not kwargs:
        newobj = __newobj__
        newargs = (cls,) + (tuple(args) if hasargs else ())
    else:
        newobj = __newobj_ex__
        newargs = (cls, tuple(args) if hasargs else (), kwargs)
    state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return newobj, newargs, state, listitems, dictitems


def _object_reduce(obj):
    """`object.__reduce__`: the protocol 0 reduction."""
    if not _is_python_class(type(obj)) and type(obj) is not object:
        _simulator.unsupported(f"pickling (__reduce__) of a '{type(obj).__name__}' object")
    return _reduce_ex(obj, 0)


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
