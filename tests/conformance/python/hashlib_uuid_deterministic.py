import hashlib
import uuid
import zlib
import binascii
print(hashlib.md5(b"hello").hexdigest())
print(hashlib.sha1("你好".encode()).hexdigest())
print(hashlib.sha256(b"gen").hexdigest())
h = hashlib.sha256()
h.update(b"part1")
h.update(b"part2")
print(h.hexdigest() == hashlib.sha256(b"part1part2").hexdigest(), h.digest_size, h.name)
print(uuid.uuid5(uuid.NAMESPACE_DNS, "example.com"), uuid.uuid3(uuid.NAMESPACE_URL, "https://x.org"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.version, repr(u))
print(zlib.crc32(b"hello"), binascii.crc32(b"hello"), zlib.adler32(b"hello"))
print(len(zlib.compress(b"a" * 1000)), zlib.decompress(zlib.compress(b"round trip")))
