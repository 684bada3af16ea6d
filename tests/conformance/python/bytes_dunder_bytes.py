# bytes(x) calls x.__bytes__() before trying the buffer or iteration protocols.
class Packet:
    def __init__(self, payload):
        self.payload = payload

    def __bytes__(self):
        return b"\x02" + self.payload

    def __iter__(self):
        return iter([1, 2, 3])


class Bad:
    def __bytes__(self):
        return "not bytes"


print(bytes(Packet(b"abc")), list(Packet(b"")), bytearray(Packet(b"x")))
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError:", e)
print(bytes("é", "utf-8"), bytes(2), bytes([65, 66]))
