"""Support for regular expressions (RE), over the _regex engine."""

import _regex

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "template", "escape", "error", "Pattern",
           "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
           "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

__version__ = "2.2.1"


class RegexFlag(int):
    _names = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
              ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("TEMPLATE", 1),
              ("DEBUG", 128)]

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        parts = []
        for name, bit in self._names:
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

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

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1ff)

    @property
    def name(self):
        for name, bit in self._names:
            if int(self) == bit:
                return name
        return None

    @property
    def value(self):
        return int(self)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        super().__init__(msg)


error.__module__ = 're'
PatternError = error


class Match:
    """The result of re.match() and re.search()."""

    __slots__ = ('_spans', 'string', 're', 'pos', 'endpos')

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(g, '__index__') and not isinstance(g, str):
            g = g.__index__()
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        try:
            return self.re.groupindex[g]
        except (KeyError, TypeError):
            raise IndexError("no such group") from None

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] >= 0 and e > best_end:
                best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, self, template)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(type(list[int]))


class Pattern:
    """Compiled regular expression object."""

    __slots__ = ('_h', 'pattern', 'flags', 'groups', 'groupindex', '__weakref__')

    def __init__(self, pattern, flags):
        r = _regex.compile(pattern, flags)
        if isinstance(r, str):
            msg, pos = _diagnose(pattern)
            if msg is None:
                raise error(r)
            raise error(msg, pattern, pos)
        self._h, self.groups, self.groupindex = r
        self.pattern = pattern
        self.flags = RegexFlag(flags | 32)

    def _run(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        if endpos < pos:
            return None
        spans = _regex.search(self._h, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        return iter(list(self._iter(string, pos, endpos)))

    def _iter(self, string, pos=0, endpos=None):
        n = len(string) if endpos is None else min(endpos, len(string))
        must_advance = False
        while pos <= n:
            m = self._run(string, pos, n, 0)
            if m is None:
                return
            s, e = m.span()
            if must_advance and s == e == pos:
                if pos >= n:
                    return
                m = self._run(string, pos + 1, n, 0)
                if m is None:
                    return
                s, e = m.span()
            yield m
            must_advance = s == e
            pos = e

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._get(1, ''))
            else:
                out.append(m.groups(''))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and isinstance(template[0], str):
                lit = template[0]
                fn = lambda m: lit
            else:
                fn = lambda m: _apply_template(template, m)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            r = fn(m)
            if r is not None:
                if not isinstance(r, str):
                    raise TypeError("expected str instance, %s found" % type(r).__name__)
                out.append(r)
            last = e
            n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported by the simulator")

    def __repr__(self):
        flags = int(self.flags) & ~32
        if flags:
            return 're.compile(%r, %r)' % (self.pattern, RegexFlag(flags))
        return 're.compile(%r)' % (self.pattern,)

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    __class_getitem__ = classmethod(type(list[int]))


def _diagnose(p):
    """CPython's message and position for the common pattern errors."""
    stack = []
    i = 0
    n = len(p)
    prev_atom = False
    while i < n:
        c = p[i]
        if c == '\\':
            if i + 1 >= n:
                return "bad escape (end of pattern)", i
            d = p[i + 1]
            if d.isascii() and d.isalpha() and d not in 'AbBdDsSwWZafnrtvxuUN0gk':
                return "bad escape \\%s" % d, i
            i += 2
            prev_atom = True
            continue
        if c == '[':
            j = i + 1
            if j < n and p[j] == '^':
                j += 1
            if j < n and p[j] == ']':
                j += 1
            while j < n and p[j] != ']':
                j += 2 if p[j] == '\\' else 1
            if j >= n:
                return "unterminated character set", i
            i = j + 1
            prev_atom = True
            continue
        if c == '(':
            stack.append(i)
            i += 1
            if i < n and p[i] == '?':
                i += 1
                if i < n and p[i] == 'P':
                    i += 1
                if i < n and p[i] in '<=!':
                    i += 1
            prev_atom = False
            continue
        if c == ')':
            if not stack:
                return "unbalanced parenthesis", i
            stack.pop()
            prev_atom = True
        elif c in '*+?':
            if not prev_atom:
                return "nothing to repeat", i
            if i + 1 < n and p[i + 1] in '*+' and c != '?':
                return "multiple repeat", i + 1
            prev_atom = True
            if i + 1 < n and p[i + 1] == '?':
                i += 1
        elif c == '|':
            prev_atom = False
        else:
            prev_atom = True
        i += 1
    if stack:
        return "missing ), unterminated subpattern", stack[-1]
    return None, None


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
            'v': '\v', '\\': '\\'}


def _compile_template(pattern, repl):
    """A replacement template as a list of literal strings and group indices."""
    parts = []
    lit = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        d = repl[i + 1]
        if d == 'g':
            if i + 2 >= n or repl[i + 2] != '<':
                raise error("missing <", repl, i + 2)
            j = repl.find('>', i + 3)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 3)
            name = repl[i + 3:j]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, repl, i + 3)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name %r" % name, repl, i + 3)
            parts.append(''.join(lit))
            lit = []
            parts.append(index)
            i = j + 1
        elif d.isdigit():
            j = i + 1
            while j < n and j < i + 3 and repl[j].isdigit():
                j += 1
            index = int(repl[i + 1:j])
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, i + 1)
            parts.append(''.join(lit))
            lit = []
            parts.append(index)
            i = j
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
            i += 2
        elif d.isascii() and d.isalpha():
            raise error('bad escape \\%s' % d, repl, i)
        else:
            lit.append('\\' + d)
            i += 2
    parts.append(''.join(lit))
    return [p for p in parts if p != '']  or ['']


def _apply_template(template, m):
    return ''.join(p if isinstance(p, str) else (m._get(p) or '') for p in template)


def _expand(pattern, m, template):
    return _apply_template(_compile_template(pattern, template), m)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        if isinstance(pattern, (bytes, bytearray)):
            raise TypeError("bytes patterns are not supported by the simulator")
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object"
    return _compile(pattern, flags | T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')
