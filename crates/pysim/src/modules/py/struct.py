"""Interpret bytes as packed binary data: the `_struct` functions, `struct.error`
and `Struct` (a compiled format)."""

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
           "Struct", "error"]

import _struct
from _struct import calcsize, pack, pack_into, unpack, unpack_from, iter_unpack


class error(Exception):
    pass


class Struct:
    """A compiled struct format."""

    __slots__ = ("format", "size")

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        self.size = calcsize(format)
        self.format = format

    def pack(self, *args):
        return pack(self.format, *args)

    def pack_into(self, buffer, offset, *args):
        return pack_into(self.format, buffer, offset, *args)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)


Struct.__module__ = "_struct"
