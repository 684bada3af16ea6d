"""Pure paths with CPython 3.11's `pathlib` semantics: `PurePath`, `PurePosixPath`
and `PureWindowsPath` (parsing, joining, drives and roots, `parts`, `parents`,
suffixes, `with_*`, `relative_to`, `match`, comparisons).

A snippet never reads the machine's files: `Path` objects can be built and
manipulated like pure paths, but every method that touches the file system
(`exists`, `read_text`, `iterdir`, `cwd`, `resolve`, ...) ends the run with
`unsupported`.
"""

import _simulator
import re as _re

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath",
           "WindowsPath"]


def _fspath(a):
    if isinstance(a, str):
        return a
    if isinstance(a, PurePath):
        return str(a)
    fs = getattr(type(a), "__fspath__", None)
    if fs is not None:
        r = fs(a)
        if isinstance(r, str):
            return r
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(a).__name__}")


class _Posix:
    sep = "/"
    casefold = False

    @staticmethod
    def split(s):
        root = ""
        if s.startswith("/"):
            root = "//" if s.startswith("//") and not s.startswith("///") else "/"
        return "", root, [x for x in s.split("/") if x and x != "."]

    @staticmethod
    def fold(s):
        return s


class _Windows:
    sep = "\\"
    casefold = True

    @staticmethod
    def split(s):
        s = s.replace("/", "\\")
        drv = ""
        rest = s
        if s[:2] == "\\\\" and s[2:3] != "\\":
            i = s.find("\\", 2)
            j = s.find("\\", i + 1) if i >= 0 else -1
            if i >= 0 and j != i + 1:
                if j < 0:
                    j = len(s)
                drv, rest = s[:j], s[j:]
        elif s[1:2] == ":" and s[:1].isalpha():
            drv, rest = s[:2], s[2:]
        root = "\\" if rest.startswith("\\") or (drv.startswith("\\\\") and drv) else ""
        return drv, root, [x for x in rest.split("\\") if x and x != "."]

    @staticmethod
    def fold(s):
        return s.lower()


_RESERVED = ({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
             | {f"COM{c}" for c in "123456789\xb9\xb2\xb3"}
             | {f"LPT{c}" for c in "123456789\xb9\xb2\xb3"})


class PurePath:
    """A file-system path that no operation resolves against the machine."""

    __slots__ = ("_drv", "_root", "_parts", "_str", "_hash")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        flavour = cls._flavour
        drv, root, parts = "", "", []
        for a in args:
            d, r, p = flavour.split(_fspath(a))
            if r:
                if d or not flavour.casefold:
                    drv = d
                root, parts = r, list(p)
            elif d and flavour.fold(d) != flavour.fold(drv):
                drv, root, parts = d, "", list(p)
            else:
                parts.extend(p)
        return cls._from_parts(drv, root, parts)

    @classmethod
    def _from_parts(cls, drv, root, parts):
        self = object.__new__(cls)
        self._drv = drv
        self._root = root
        self._parts = tuple(parts)
        self._str = None
        self._hash = None
        return self

    def _new(self, parts):
        return type(self)._from_parts(self._drv, self._root, parts)

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    # -- strings

    def __str__(self):
        if self._str is None:
            body = self._flavour.sep.join(self._parts)
            s = self._drv + self._root + body
            self._str = s or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._flavour.sep, "/")

    def __bytes__(self):
        return str(self).encode()

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        path = self.as_posix()
        if not self._flavour.casefold:
            return "file://" + _quote(path)
        if self._drv.startswith("\\"):
            return "file:" + _quote(path)
        return "file:///" + self._drv + _quote(path[2:])

    def is_absolute(self):
        if self._flavour.casefold:
            return bool(self._drv and self._root)
        return bool(self._root)

    def is_reserved(self):
        if not self._flavour.casefold or not self._parts:
            return False
        if self._drv.startswith("\\\\"):
            return False
        name = self._parts[-1].partition(".")[0].partition(":")[0].rstrip(" ")
        return name.upper() in _RESERVED

    # -- comparison

    def _key(self):
        f = self._flavour.fold
        return (f(self._drv), f(self._root)) + tuple(f(p) for p in self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    def _cmp(self, other):
        if not isinstance(other, PurePath) or self._flavour is not other._flavour:
            return None
        return self._key(), other._key()

    def __lt__(self, other):
        k = self._cmp(other)
        return NotImplemented if k is None else k[0] < k[1]

    def __le__(self, other):
        k = self._cmp(other)
        return NotImplemented if k is None else k[0] <= k[1]

    def __gt__(self, other):
        k = self._cmp(other)
        return NotImplemented if k is None else k[0] > k[1]

    def __ge__(self, other):
        k = self._cmp(other)
        return NotImplemented if k is None else k[0] >= k[1]

    # -- components

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        anchor = self.anchor
        return ((anchor,) if anchor else ()) + self._parts

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._new(self._parts[:-1])

    @property
    def parents(self):
        return _Parents(self)

    # -- derived paths

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        d, r, p = self._flavour.split(name)
        if not name or name[-1:] in ("/", self._flavour.sep) or d or r or len(p) != 1:
            raise ValueError(f"Invalid name {name!r}")
        return self._new(self._parts[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        f = self._flavour
        if f.sep in suffix or "/" in suffix:
            raise ValueError(f"Invalid suffix {suffix!r}")
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._new(self._parts[:-1] + (name,))

    def joinpath(self, *args):
        return type(self)._from_args((self,) + args)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_args((key, self))
        except TypeError:
            return NotImplemented

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)._from_args(other)
        f = self._flavour.fold
        mine, theirs = self.parts, base.parts
        n = len(theirs)
        if (self.anchor if n == 0 else
                [f(x) for x in mine[:n]] != [f(x) for x in theirs]):
            raise ValueError(f"{str(self)!r} is not in the subpath of {str(base)!r}"
                             " OR one path is relative and the other is absolute.")
        return type(self)._from_parts("", "", mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        f = self._flavour
        d, r, pat = f.split(path_pattern)
        if not pat and not (d or r):
            raise ValueError("empty pattern")
        if d and f.fold(d) != f.fold(self._drv):
            return False
        if r and f.fold(r) != f.fold(self._root):
            return False
        parts = self._parts
        if d or r:
            if len(pat) != len(parts):
                return False
        elif len(pat) > len(parts):
            return False
        flags = _re.IGNORECASE if f.casefold else 0
        for part, p in zip(reversed(parts), reversed(pat)):
            if not _re.fullmatch(_translate(p), part, flags):
                return False
        return True


def _quote(path):
    """`path` percent-encoded as in a file URI (UTF-8)."""
    safe = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")
    return "".join(chr(b) if chr(b) in safe else "%{:02X}".format(b)
                   for b in path.encode("utf-8"))


def _translate(pat):
    """A shell pattern (`*`, `?`, `[...]`) as a regular expression."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
            else:
                stuff = pat[i:j].replace("\\", "\\\\")
                i = j + 1
                if stuff.startswith("!"):
                    stuff = "^" + stuff[1:]
                elif stuff.startswith("^"):
                    stuff = "\\" + stuff
                out.append("[" + stuff + "]")
        else:
            out.append(_re.escape(c))
    return "(?s:" + "".join(out) + ")"


class _Parents:
    """The ancestors of a path, nearest first (`path.parents`)."""

    __slots__ = ("_path",)

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._parts)

    def __getitem__(self, idx):
        n = len(self)
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(n)))
        if idx >= n or idx < -n:
            raise IndexError(idx)
        if idx < 0:
            idx += n
        return self._path._new(self._path._parts[:n - idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePosixPath(PurePath):
    """A pure path with POSIX semantics."""
    _flavour = _Posix
    __slots__ = ()


class PureWindowsPath(PurePath):
    """A pure path with Windows semantics (drives, backslashes, no case)."""
    _flavour = _Windows
    __slots__ = ()


def _io_method(name):
    def method(self, *args, **kwargs):
        _simulator.unsupported(f"Path.{name}() (a snippet cannot touch the file system)")
    method.__name__ = name
    return method


_IO_METHODS = ("absolute", "chmod", "exists", "expanduser", "glob", "group",
               "hardlink_to", "is_block_device", "is_char_device", "is_dir", "is_fifo",
               "is_file", "is_mount", "is_socket", "is_symlink", "iterdir", "lchmod",
               "link_to", "lstat", "mkdir", "open", "owner", "read_bytes", "read_text",
               "readlink", "rename", "replace", "resolve", "rglob", "rmdir", "samefile",
               "stat", "symlink_to", "touch", "unlink", "write_bytes", "write_text")


class Path(PurePath):
    """A concrete path: built and combined like a pure path; its file-system
    methods are not available to a snippet."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        if cls is WindowsPath:
            raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        _simulator.unsupported("Path.cwd() (a snippet cannot touch the file system)")

    @classmethod
    def home(cls):
        _simulator.unsupported("Path.home() (a snippet cannot touch the file system)")

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


for _name in _IO_METHODS:
    setattr(Path, _name, _io_method(_name))
del _name


class PosixPath(Path, PurePosixPath):
    """A concrete POSIX path."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A concrete Windows path (not available on Linux)."""
    __slots__ = ()
