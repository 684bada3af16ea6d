"""In-memory streams: `StringIO` and `BytesIO` with CPython 3.11's semantics (positions,
overwriting writes, newline translation, closed-file errors), and the `IOBase` class
family for `isinstance` checks.

A snippet never touches the machine's files, so `open` and the file-backed classes
(`FileIO`, `TextIOWrapper`, `Buffered*`) end the run with `unsupported`.
"""

import _simulator

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


_simulator.set_tp_name(UnsupportedOperation, "io.UnsupportedOperation")


def open(file, *args, **kwargs):
    _simulator.unsupported("open() (a snippet cannot read or write files)")


def open_code(path):
    _simulator.unsupported("io.open_code() (a snippet cannot read files)")


def text_encoding(encoding, stacklevel=2):
    return "locale" if encoding is None else encoding


class IOBase:
    """The base of every stream: iteration, context management and `closed`."""

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return getattr(self, "_closed", False)

    def flush(self):
        self._checkClosed()

    def isatty(self):
        self._checkClosed()
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _file_backed(name):
    def __init__(self, *args, **kwargs):
        _simulator.unsupported(f"io.{name} (a snippet cannot read or write files)")
    return type(name, (IOBase,), {"__init__": __init__})


FileIO = _file_backed("FileIO")
BufferedReader = _file_backed("BufferedReader")
BufferedWriter = _file_backed("BufferedWriter")
BufferedRWPair = _file_backed("BufferedRWPair")
BufferedRandom = _file_backed("BufferedRandom")
TextIOWrapper = _file_backed("TextIOWrapper")


def _index(v, what="integer"):
    if v is None:
        return -1
    if not hasattr(type(v), "__index__"):
        raise TypeError(f"argument should be integer or None, not '{type(v).__name__}'")
    return v.__index__()


class StringIO(TextIOBase):
    """A text stream over an in-memory string."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._buf = ""
        self._pos = 0
        self._closed = False
        self._seen = set()
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _checkOpen(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _translate(self, s):
        if self._newline is None:
            if "\r\n" in s:
                self._seen.add("\r\n")
            rest = s.replace("\r\n", "")
            for nl in ("\r", "\n"):
                if nl in rest:
                    self._seen.add(nl)
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def write(self, s):
        self._checkOpen()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        s = self._translate(s)
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf += "\0" * (pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def getvalue(self):
        self._checkOpen()
        return self._buf

    def read(self, size=-1):
        self._checkOpen()
        size = _index(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(start + size, len(self._buf))
        self._pos = max(self._pos, end)
        return self._buf[start:end]

    def _line_end(self, start):
        buf = self._buf
        nl = self._newline
        if nl == "":
            i = start
            while i < len(buf):
                c = buf[i]
                if c == "\n":
                    return i + 1
                if c == "\r":
                    return i + 2 if buf[i + 1:i + 2] == "\n" else i + 1
                i += 1
            return len(buf)
        sep = "\n" if nl is None else nl
        i = buf.find(sep, start)
        return len(buf) if i < 0 else i + len(sep)

    def readline(self, size=-1):
        self._checkOpen()
        size = _index(size)
        start = min(self._pos, len(self._buf))
        end = self._line_end(start)
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return self._buf[start:end]

    def tell(self):
        self._checkOpen()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkOpen()
        pos = _index(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError(
                f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, pos=None):
        self._checkOpen()
        pos = self._pos if pos is None else _index(pos)
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        self._buf = self._buf[:pos]
        return pos

    def readable(self):
        self._checkOpen()
        return True

    def writable(self):
        self._checkOpen()
        return True

    def seekable(self):
        self._checkOpen()
        return True

    def detach(self):
        raise UnsupportedOperation("detach")

    @property
    def line_buffering(self):
        self._checkOpen()
        return False

    @property
    def newlines(self):
        self._checkOpen()
        if self._newline is not None or not self._seen:
            return None
        found = tuple(nl for nl in ("\r", "\n", "\r\n") if nl in self._seen)
        return found[0] if len(found) == 1 else found

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' object")


class BytesIO(BufferedIOBase):
    """A binary stream over an in-memory buffer."""

    def __init__(self, initial_bytes=b""):
        self._buf = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def getbuffer(self):
        _simulator.unsupported("io.BytesIO.getbuffer()")

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(memoryview(b))
        n = len(data)
        pos = self._pos
        if pos > len(self._buf):
            self._buf.extend(b"\0" * (pos - len(self._buf)))
        self._buf = self._buf[:pos] + data + self._buf[pos + n:]
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._checkClosed()
        size = _index(size)
        start = min(self._pos, len(self._buf))
        end = len(self._buf) if size < 0 else min(start + size, len(self._buf))
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    read1 = read

    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size)
        start = min(self._pos, len(self._buf))
        i = self._buf.find(b"\n", start)
        end = len(self._buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        for i in range(n):
            b[i] = data[i]
        return n

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = _index(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(
                f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        pos = self._pos if pos is None else _index(pos)
        if pos < 0:
            raise ValueError(f"negative size value {pos}")
        self._buf = self._buf[:pos]
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True


for _cls in (StringIO, BytesIO, FileIO, BufferedReader, BufferedWriter,
             BufferedRWPair, BufferedRandom, TextIOWrapper):
    _cls.__module__ = "_io"
    _simulator.set_tp_name(_cls, "_io." + _cls.__name__)
for _cls in (IOBase, RawIOBase, BufferedIOBase, TextIOBase, UnsupportedOperation):
    _cls.__module__ = "io"
del _cls
