# gzip.compress with mtime=0 and a fixed mtime, multi-member decompress, and its errors.
import gzip
import zlib

body = "gzip body — 压缩\n".encode() * 60
for level in (0, 1, 6, 9):
    a = gzip.compress(body, level, mtime=0)
    b = gzip.compress(body, level, mtime=1700000000)
    print(level, a[:10].hex(), b[:10].hex(), len(a), len(b), a[-8:].hex())
    print(gzip.decompress(a + b) == body + body)
print(gzip.decompress(zlib.compress(b"from zlib", 9, 31)))
print(gzip.decompress(b""))
try:
    gzip.decompress(b"not gzip at all")
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
try:
    gzip.decompress(gzip.compress(b"abc", mtime=0)[:-3])
except EOFError as e:
    print("EOFError:", e)
bad = bytearray(gzip.compress(b"abc", mtime=0))
bad[-6] ^= 1
try:
    gzip.decompress(bytes(bad))
except gzip.BadGzipFile as e:
    print("BadGzipFile:", e)
