"""The checksums of `zlib` (`crc32`, `adler32`) and its constants.

The compressed bytes of `compress` / `decompress` and the stream objects depend on
zlib's exact deflate implementation, which the simulator does not model: they end
the run with `unsupported`.
"""

import _simulator
from binascii import crc32

__all__ = ["crc32", "adler32", "compress", "decompress", "compressobj",
           "decompressobj", "error"]

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"


class error(Exception):
    pass


_simulator.set_tp_name(error, "zlib.error")


def adler32(data, value=1):
    data = memoryview(data).tobytes()
    a = value & 0xffff
    b = (value >> 16) & 0xffff
    for i in range(0, len(data), 5552):
        for byte in data[i:i + 5552]:
            a += byte
            b += a
        a %= 65521
        b %= 65521
    return (b << 16) | a


def _deflate(name):
    def f(*args, **kwargs):
        _simulator.unsupported(f"zlib.{name}() (zlib's deflate is not modelled)")
    f.__name__ = name
    return f


compress = _deflate("compress")
decompress = _deflate("decompress")
compressobj = _deflate("compressobj")
decompressobj = _deflate("decompressobj")
