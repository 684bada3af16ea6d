# zlib.compress / compressobj bytes equal CPython's (zlib 1.2.13) at every level,
# strategy, window size and memLevel, for text, repetitive and pseudo-random data.
import hashlib
import random
import zlib

random.seed(2024)


def digest(b):
    return hashlib.sha256(b).hexdigest()[:16] + "/" + str(len(b))


text = ("Reference counts drop to zero; the cycle collector finds the rest.\n" * 40).encode()
noise = random.randbytes(6000)
samples = {
    "empty": b"",
    "byte": b"!",
    "text": text,
    "noise": noise,
    "zeros": bytes(40000),
    "mixed": (noise[:700] + text[:900]) * 12,
    "runs": b"".join(bytes([i % 5 + 65]) * (i % 40) for i in range(600)),
}
for name, data in samples.items():
    row = []
    for level in range(-1, 10):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        row.append(digest(c))
    print(name, " ".join(row))

print(zlib.compress(b"hello hello hello hello").hex())
print(zlib.compress(b"hello", 0).hex(), zlib.compress(b"hello", 9).hex())
for wbits in (9, 12, 15, -9, -15, 25, 31):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY,
                     zlib.Z_RLE, zlib.Z_FIXED):
        for mem_level in (1, 8, 9):
            co = zlib.compressobj(6, zlib.DEFLATED, wbits, mem_level, strategy)
            c = co.compress(samples["mixed"]) + co.flush()
            assert zlib.decompress(c, wbits) == samples["mixed"]
            print(wbits, strategy, mem_level, digest(c))
