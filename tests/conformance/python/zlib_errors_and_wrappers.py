# zlib's error messages, raw deflate (wbits < 0), gzip wrapping (wbits 16+) and
# auto-detection (wbits 32+), and the checksums.
import zlib

good = zlib.compress(b"hello, hello, hello")
cases = [
    (b"garbage!", 15),
    (b"\x78\x9c\xff\xff\xff", 15),
    (good[:-1], 15),
    (b"", 15),
    (good[:-4] + b"\0\0\0\0", 15),
    (zlib.compress(b"x" * 100), 9),
    (good, -15),
    (b"\x1f\x8b\x09\x00", 31),
    (b"\x07", -15),
    (good, 31),
    (good, 99),
]
for data, wbits in cases:
    try:
        print(zlib.decompress(data, wbits))
    except zlib.error as e:
        print("zlib.error:", e)
for args in [(b"x", 10), (b"x", -1, 7), (b"x", 6, 40)]:
    try:
        zlib.compress(*args)
    except zlib.error as e:
        print("zlib.error:", e)
for kwargs in [{"wbits": 40}, {"method": 7}, {"memLevel": 0}, {"strategy": 9}]:
    try:
        zlib.compressobj(**kwargs)
    except ValueError as e:
        print("ValueError:", e)

gz = zlib.compress(b"wrapped in gzip", 9, 31)
print(gz.hex())
print(zlib.decompress(gz, 31), zlib.decompress(gz, 47), zlib.decompress(good, 47))
raw = zlib.compress(b"raw deflate stream", 6, -15)
print(raw.hex(), zlib.decompress(raw, -15))
print(zlib.decompress(good, 0), zlib.decompress(good, bufsize=1))
print(zlib.adler32(b"hello"), zlib.adler32(b"hello", 12345), zlib.adler32(b""))
print(zlib.crc32(b"hello"), zlib.crc32(b"hello", 1), zlib.crc32(b"", 7))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.ZLIB_VERSION)
