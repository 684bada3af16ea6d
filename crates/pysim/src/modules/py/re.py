"""Support for regular expressions (RE): the `re` API over the `_sre` engine."""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_MAXSIZE = 9223372036854775807

# (name, value) in the order `RegexFlag` defines its members.
_FLAG_NAMES = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
)
_ALL_FLAGS = 511


class RegexFlag(int):
    """The flags of a pattern, printed as `re.IGNORECASE|re.MULTILINE`."""

    __slots__ = ()

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        names = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return "|".join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return int.__format__(int(self), spec)
        return repr(self)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        for name, bit in _FLAG_NAMES:
            if int(self) == bit:
                return name
        if int(self) == 0:
            return "NOFLAG"
        return None

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


def _subject(string):
    """The object groups are sliced from (bytes for other bytes-like objects)."""
    if isinstance(string, (str, bytes)):
        return string
    if isinstance(string, (bytearray, memoryview)):
        return bytes(string)
    raise TypeError("expected string or bytes-like object, got '%s'"
                    % type(string).__name__)


def _clamp(i, n):
    if i < 0:
        return 0
    if i > n:
        return n
    return i


class Pattern:
    """Compiled regular expression object."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_prog")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        r = repr(self.pattern)[:200]
        if not flags:
            return "re.compile(%s)" % r
        names = []
        for name, bit in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4),
                          ("MULTILINE", 8), ("DOTALL", 16), ("UNICODE", 32),
                          ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256)):
            if flags & bit:
                names.append("re." + name)
                flags &= ~bit
        if flags:
            names.append("0x%x" % flags)
        return "re.compile(%s, %s)" % (r, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls

    def _match(self, string, pos, endpos, mode):
        r = _sre.match(self._prog, string, pos, endpos, mode)
        if r is None:
            return None
        n = len(string)
        return _new_match(self, _subject(string), _clamp(pos, n), _clamp(endpos, n), r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        found = _sre.scan(self._prog, string, pos, endpos, 0)
        s = _subject(string)
        empty = s[:0]
        g = self.groups
        out = []
        for r in found:
            if g == 0:
                out.append(s[r[1]:r[2]])
            elif g == 1:
                out.append(s[r[3]:r[4]] if r[3] >= 0 else empty)
            else:
                out.append(tuple(s[r[2 * i + 1]:r[2 * i + 2]] if r[2 * i + 1] >= 0 else empty
                                 for i in range(1, g + 1)))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        found = _sre.scan(self._prog, string, pos, endpos, 0)
        s = _subject(string)
        n = len(s)
        pos = _clamp(pos, n)
        endpos = _clamp(endpos, n)
        return iter([_new_match(self, s, pos, endpos, r) for r in found])

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("Pattern.scanner")

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        found = _sre.scan(self._prog, string, 0, _MAXSIZE, maxsplit)
        s = _subject(string)
        out = []
        last = 0
        g = self.groups
        for r in found:
            out.append(s[last:r[1]])
            for i in range(1, g + 1):
                a = r[2 * i + 1]
                out.append(s[a:r[2 * i + 2]] if a >= 0 else None)
            last = r[2]
        out.append(s[last:])
        return out

    def _subx(self, repl, string, count):
        s = _subject(string)
        if count < 0:
            return s, 0
        if callable(repl):
            template = None
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and not isinstance(template[0], int):
                literal = template[0]
            else:
                literal = None
        found = _sre.scan(self._prog, string, 0, _MAXSIZE, count)
        pieces = []
        last = 0
        for r in found:
            a, b = r[1], r[2]
            if last < a:
                pieces.append(s[last:a])
            if template is None:
                item = repl(_new_match(self, s, 0, len(s), r))
                if item is not None:
                    pieces.append(item)
            elif literal is not None:
                if literal:
                    pieces.append(literal)
            else:
                item = _expand(s, r, template)
                if item:
                    pieces.append(item)
            last = b
        if last < len(s):
            pieces.append(s[last:])
        return s[:0].join(pieces), len(found)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)


def _new_match(pattern, string, pos, endpos, regs):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    m.pos = pos
    m.endpos = endpos
    m.lastindex = regs[0]
    m._regs = regs
    return m


class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "pos", "endpos", "lastindex", "_regs")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if isinstance(g, int) or (not isinstance(g, (str, bytes)) and hasattr(g, "__index__")):
            try:
                i = g.__index__()
            except (OverflowError, TypeError):
                i = -1
            if 0 <= i <= self.re.groups:
                return i
        else:
            try:
                i = self.re.groupindex[g]
            except (KeyError, TypeError):
                pass
            else:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        a = self._regs[2 * i + 1]
        if a < 0:
            return default
        return self.string[a:self._regs[2 * i + 2]]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(a)) for a in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._regs[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._regs[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._regs[2 * i + 1], self._regs[2 * i + 2])

    @property
    def regs(self):
        return tuple([(self._regs[2 * i + 1], self._regs[2 * i + 2])
                      for i in range(self.re.groups + 1)])

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == self.lastindex:
                return name
        return None

    def expand(self, template):
        return _expand(self.string, self._regs, _compile_template(self.re, template))

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._regs[1], self._regs[2], repr(self._get(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _expand(s, regs, template):
    empty = s[:0]
    parts = []
    for item in template:
        if isinstance(item, int):
            a = regs[2 * item + 1]
            if a >= 0:
                parts.append(s[a:regs[2 * item + 2]])
        else:
            parts.append(item)
    return empty.join(parts)


_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                     "t": "\t", "v": "\v", "\\": "\\"}
_template_cache = {}


def _compile_template(pattern, repl):
    """The replacement template as a list of literal pieces and group numbers."""
    key = (pattern, repl)
    try:
        return _template_cache[key]
    except KeyError:
        pass
    except TypeError:
        raise TypeError("expected str instance, %s found" % type(repl).__name__) from None
    text = isinstance(repl, str)
    if text:
        src = repl
    elif isinstance(repl, (bytes, bytearray, memoryview)):
        src = bytes(repl).decode("latin-1")
    else:
        raise TypeError("expected str instance, %s found" % type(repl).__name__)
    if isinstance(pattern.pattern, str) != text:
        if text:
            raise TypeError("expected a bytes-like object, str found")
        raise TypeError("expected str instance, bytes found")
    out = []
    literal = []
    n = len(src)
    i = 0

    def fail(msg, pos):
        raise error(msg, repl, pos)

    def addgroup(index, offset):
        if index > pattern.groups:
            fail("invalid group reference %d" % index, i - offset)
        if literal:
            out.append("".join(literal))
            literal.clear()
        out.append(index)

    while i < n:
        c = src[i]
        i += 1
        if c != "\\":
            literal.append(c)
            continue
        if i >= n:
            fail("bad escape (end of pattern)", i - 1)
        c = src[i]
        i += 1
        if c == "g":
            if i >= n or src[i] != "<":
                fail("missing <", i)
            i += 1
            j = src.find(">", i)
            if j < 0:
                name = src[i:]
                if not name:
                    fail("missing group name", n)
                fail("missing >, unterminated name", i)
            name = src[i:j]
            i = j + 1
            if not name:
                fail("missing group name", i - 1)
            if name.isidentifier():
                try:
                    index = pattern.groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name '%s'" % name) from None
            else:
                if name.isdigit() and name.isascii():
                    index = int(name)
                else:
                    fail("bad character in group name '%s'" % name, i - len(name) - 1)
                if index >= 2147483647:
                    fail("invalid group reference %d" % index, i - len(name) - 1)
            addgroup(index, len(name) + 1)
        elif c == "0":
            digits = c
            while len(digits) < 3 and i < n and src[i] in "01234567":
                digits += src[i]
                i += 1
            literal.append(chr(int(digits, 8) & 0xff))
        elif c in "0123456789":
            this = "\\" + c
            isoctal = False
            if i < n and src[i] in "0123456789":
                this += src[i]
                i += 1
                if c in "01234567" and this[2] in "01234567" and i < n and src[i] in "01234567":
                    this += src[i]
                    i += 1
                    isoctal = True
                    v = int(this[1:], 8)
                    if v > 0o377:
                        fail("octal escape value %s outside of range 0-0o377" % this,
                             i - len(this))
                    literal.append(chr(v))
            if not isoctal:
                addgroup(int(this[1:]), len(this) - 1)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
        elif ("a" <= c <= "z") or ("A" <= c <= "Z"):
            fail("bad escape \\%s" % c, i - 2)
        else:
            literal.append("\\" + c)
    if literal:
        out.append("".join(literal))
    if not out:
        out.append("")
    if not text:
        out = [p if isinstance(p, int) else p.encode("latin-1") for p in out]
    if len(_template_cache) >= 512:
        _template_cache.clear()
    _template_cache[key] = out
    return out


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    flags = int(flags)
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    prog, pflags, groups, groupindex = _sre.compile(pattern, flags)
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = pflags
    p.groups = groups
    p.groupindex = groupindex
    p._prog = prog
    if not flags & DEBUG:
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | T)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")
