b = b"hello"
print(b, b[0], b[1:3], list(b[:2]), b.upper(), len(b))
print(b + b" world", b * 2, b"ell" in b, b.find(b"l"), b.split(b"l"))
ba = bytearray(b"abc")
ba[0] = ord("A")
ba.append(100)
ba.extend(b"ef")
print(ba, bytes(ba), ba.decode(), len(ba))
print(bytes(3), bytes([0, 255]), bytes("é", "utf-8"), bytes.fromhex("de ad be ef"))
print(b"\x00\x01".hex(), b"abc".hex(":"), int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"))
print(b"a,b".decode().split(","), str(b"x", "ascii"), repr(b"'\""), b"\t\n\\")
import struct
packed = struct.pack(">IhB", 1, -2, 3)
print(packed, struct.unpack(">IhB", packed), struct.calcsize(">IhB"))
import base64
print(base64.b64encode("你好".encode()), base64.b64decode(b"5L2g5aW9").decode())
b[0] = 1
