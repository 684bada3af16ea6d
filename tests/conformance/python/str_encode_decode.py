s = "你好, gen"
b = s.encode("utf-8")
print(b)
print(len(s), len(b))
print(b.decode("utf-8"))
print(s.encode("gbk"))
print("café".encode("ascii", errors="replace"), "café".encode("ascii", errors="ignore"))
print(b"\xe4\xbd\xa0".decode(), bytes([72, 105]), list(b"Hi"))
print(b"abc".hex(), bytes.fromhex("616263"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
