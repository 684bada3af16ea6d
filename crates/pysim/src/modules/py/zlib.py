"""`zlib`: the constants and `zlib.error`; `compress`, `decompress`, the stream
objects and `adler32` are native (`modules/zlib/`), a port of zlib 1.2.13's deflate
whose bytes equal CPython's; `crc32` is `binascii`'s.
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
