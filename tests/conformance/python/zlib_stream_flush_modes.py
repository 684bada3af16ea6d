# zlib.compressobj with Z_SYNC_FLUSH / Z_FULL_FLUSH / Z_PARTIAL_FLUSH / Z_BLOCK
# between chunks, and decompressobj fed in pieces: eof, unused_data, unconsumed_tail.
import zlib

chunks = [b"first chunk " * 30, b"", b"second: " + bytes(range(64)) * 4, b"third" * 99]
for mode in (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
             zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
    for level in (0, 1, 6, 9):
        co = zlib.compressobj(level)
        parts = []
        for c in chunks:
            parts.append(co.compress(c))
            parts.append(co.flush(mode))
        parts.append(co.flush(zlib.Z_FINISH))
        stream = b"".join(parts)
        print(mode, level, [len(p) for p in parts], stream[-12:].hex())
        do = zlib.decompressobj()
        out = b"".join(do.decompress(stream[i:i + 37]) for i in range(0, len(stream), 37))
        print(out == b"".join(chunks), do.eof, do.unused_data, do.unconsumed_tail, do.flush())

co = zlib.compressobj()
print(co.compress(b"sync me"), co.flush(zlib.Z_SYNC_FLUSH).hex())
print(co.flush(zlib.Z_SYNC_FLUSH).hex(), co.flush().hex())
try:
    co.compress(b"after finish")
except zlib.error as e:
    print("zlib.error:", e)

stream = zlib.compress(b"payload " * 8) + b"TRAILING"
do = zlib.decompressobj()
print(do.decompress(stream[:6]), do.eof)
print(do.decompress(stream[6:]), do.eof, do.unused_data)
print(do.decompress(b"+more"), do.unused_data)

zdict = b"heap stack frame reference count"
co = zlib.compressobj(zdict=zdict)
c = co.compress(b"frame reference count heap") + co.flush()
print(c.hex())
print(zlib.decompressobj(zdict=zdict).decompress(c))
try:
    zlib.decompress(c)
except zlib.error as e:
    print("zlib.error:", e)
cc = zlib.compressobj(1)
cc.compress(b"abc" * 50)
copy = cc.copy()
print(cc.flush() == copy.flush())
