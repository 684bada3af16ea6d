"""`array.array`: typed arrays with CPython 3.11's item conversions and their
messages, the machine layout of `tobytes` / `frombytes` (64-bit Linux: little-endian,
`l` and `L` of 8 bytes), and `sys.getsizeof` as `Modules/arraymodule.c` computes it
(64 bytes plus the allocated items, grown by `array_resize`'s over-allocation).
`buffer_info()` (an address) and exporting the buffer (`memoryview`) are not
modelled.
"""

import _simulator
import struct

__all__ = ["ArrayType", "array", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4,
             "l": 8, "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}
_LONG_MIN, _LONG_MAX = -2 ** 63, 2 ** 63 - 1
_ULONG_MAX = 2 ** 64 - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return index(v)


def _as_long(v):
    x = _index(v)
    if not _LONG_MIN <= x <= _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return x


def _as_ulong(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > _ULONG_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return x


def _check(x, lo, hi, name):
    if x < lo:
        raise OverflowError(f"{name} is less than minimum")
    if x > hi:
        raise OverflowError(f"{name} is greater than maximum")
    return x


def _convert(tc, v):
    """The item `v` as typecode `tc` stores it (`*_setitem` of arraymodule.c)."""
    if tc == "b":
        x = _check(_as_long(v), -2 ** 15, 2 ** 15 - 1, "signed short integer")
        return _check(x, -128, 127, "signed char")
    if tc == "B":
        return _check(_as_long(v), 0, 255, "unsigned byte integer")
    if tc == "h":
        return _check(_as_long(v), -2 ** 15, 2 ** 15 - 1, "signed short integer")
    if tc == "H":
        x = _check(_as_long(v), -2 ** 31, 2 ** 31 - 1, "signed integer")
        return _check(x, 0, 2 ** 16 - 1, "unsigned short")
    if tc == "i":
        return _check(_as_long(v), -2 ** 31, 2 ** 31 - 1, "signed integer")
    if tc == "I":
        if not isinstance(v, int):
            _index(v)
        return _check(_as_ulong(v), 0, 2 ** 32 - 1, "unsigned int")
    if tc == "l":
        return _as_long(v)
    if tc == "L":
        if not isinstance(v, int):
            _index(v)
        return _as_ulong(v)
    if tc in "qQ":
        x = _index(v)
        if tc == "Q" and x < 0:
            raise OverflowError("can't convert negative int to unsigned")
        lo, hi = (_LONG_MIN, _LONG_MAX) if tc == "q" else (0, _ULONG_MAX)
        if not lo <= x <= hi:
            raise OverflowError("int too big to convert")
        return x
    if tc in "fd":
        if not isinstance(v, (int, float)) and not hasattr(type(v), "__float__"):
            raise TypeError(f"must be real number, not {type(v).__name__}")
        x = float(v)
        if tc == "f":
            x = struct.unpack("f", struct.pack("f", x))[0]
        return x
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return v


class array:
    __slots__ = ("_tc", "_items", "_alloc", "__weakref__")

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not "
                            + type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        if isinstance(initializer, str) and typecode != "u":
            raise TypeError("cannot use a str to initialize an array with typecode "
                            f"'{typecode}'")
        self = object.__new__(cls)
        self._tc = typecode
        self._items = []
        self._alloc = 0
        if initializer is None:
            return self
        if isinstance(initializer, (list, tuple)):
            self._items = [_convert(typecode, v) for v in initializer]
            self._alloc = len(self._items)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            self._items = list(initializer)
            self._alloc = len(self._items)
        elif isinstance(initializer, array) and initializer._tc == typecode:
            self._items = list(initializer._items)
            self._alloc = len(self._items)
        else:
            self.extend(initializer)
        return self

    def _resize(self, newsize):
        """`array_resize`: the allocation CPython keeps for `newsize` items."""
        size = len(self._items)
        if self._alloc >= newsize and size < newsize + 16 and self._alloc:
            return
        if newsize == 0:
            self._alloc = 0
            return
        self._alloc = (newsize >> 4) + (3 if size < 8 else 7) + newsize

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def __sizeof__(self):
        return 64 + self._alloc * _ITEMSIZE[self._tc]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __repr__(self):
        if not self._items:
            return f"array('{self._tc}')"
        if self._tc == "u":
            return f"array('u', {''.join(self._items)!r})"
        return f"array('{self._tc}', {self._items!r})"

    __hash__ = None

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        a._alloc = len(items)
        return a

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array index out of range")
        return self._items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError(f'can only assign array (not "{type(v).__name__}") '
                                "to array slice")
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            old = len(self._items[i])
            if i.indices(len(self._items))[2] != 1:
                if old != len(v._items):
                    raise ValueError(f"attempt to assign array of size {len(v._items)} "
                                     f"to extended slice of size {old}")
            elif old != len(v._items):
                self._resize(len(self._items) + len(v._items) - old)
            self._items[i] = list(v._items)
            return
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array assignment index out of range")
        self._items[i] = _convert(self._tc, v)

    def __delitem__(self, i):
        if isinstance(i, slice):
            n = len(self._items[i])
            if n:
                self._resize(len(self._items) - n)
            del self._items[i]
            return
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("array assignment index out of range")
        self._resize(len(self._items) - 1)
        del self._items[i]

    def _compare(self, other):
        return isinstance(other, array)

    def __eq__(self, other):
        return self._items == other._items if self._compare(other) else NotImplemented

    def __ne__(self, other):
        return self._items != other._items if self._compare(other) else NotImplemented

    def __lt__(self, other):
        return self._items < other._items if self._compare(other) else NotImplemented

    def __le__(self, other):
        return self._items <= other._items if self._compare(other) else NotImplemented

    def __gt__(self, other):
        return self._items > other._items if self._compare(other) else NotImplemented

    def __ge__(self, other):
        return self._items >= other._items if self._compare(other) else NotImplemented

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only append array (not "{type(other).__name__}") to array')
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only extend array with array (not "{type(other).__name__}")')
        self._extend_array(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if self._items and n != 1:
            n = max(n, 0)
            self._resize(n * len(self._items))
            self._items = self._items * n
        return self

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __bytes__(self):
        return self.tobytes()

    def __reduce_ex__(self, protocol):
        _simulator.unsupported("pickling array.array")

    def _ins(self, where, v):
        v = _convert(self._tc, v)
        self._resize(len(self._items) + 1)
        self._items.insert(where, v)

    def append(self, v, /):
        self._ins(len(self._items), v)

    def insert(self, i, v, /):
        self._ins(_index(i), v)

    def _extend_array(self, other):
        if other._tc != self._tc:
            raise TypeError("can only extend with array of same kind")
        items = list(other._items)
        self._resize(len(self._items) + len(items))
        self._items.extend(items)

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            self._extend_array(iterable)
            return
        for v in iterable:
            self.append(v)

    def pop(self, i=-1, /):
        i = _index(i)
        if not self._items:
            raise IndexError("pop from empty array")
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("pop index out of range")
        v = self._items[i]
        del self[i]
        return v

    def remove(self, v, /):
        for i, x in enumerate(self._items):
            if x == v:
                del self[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None, /):
        n = len(self._items)
        stop = n if stop is None else stop
        for i in range(*slice(start, stop).indices(n)):
            if self._items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for x in self._items if x == v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        new = [_convert(self._tc, v) for v in items]
        self._resize(len(self._items) + len(new))
        self._items.extend(new)

    def _format(self, n):
        return "<%d%s" % (n, "I" if self._tc == "u" else self._tc)

    def tobytes(self):
        if self._tc == "u":
            return "".join(self._items).encode("utf-32-le")
        return struct.pack(self._format(len(self._items)), *self._items)

    def frombytes(self, buffer, /):
        data = memoryview(buffer).tobytes()
        size = _ITEMSIZE[self._tc]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        n = len(data) // size
        if self._tc == "u":
            new = list(data.decode("utf-32-le"))
        else:
            new = list(struct.unpack(self._format(n), data))
        self._resize(len(self._items) + n)
        self._items.extend(new)

    def fromunicode(self, s, /):
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._resize(len(self._items) + len(s))
        self._items.extend(s)

    def tounicode(self):
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def byteswap(self):
        size = _ITEMSIZE[self._tc]
        data = self.tobytes()
        swapped = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        alloc = self._alloc
        self.frombytes(swapped)
        self._alloc = alloc

    def buffer_info(self):
        _simulator.unsupported("array.buffer_info() (a memory address)")


_simulator.set_tp_name(array, "array.array")
ArrayType = array
