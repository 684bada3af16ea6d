tests = [("café", "ascii"), ("日本", "ascii"), ("a😀b", "latin-1"), ("😀", "gbk"), ("é€", "latin-1")]
for s, e in tests:
    try: s.encode(e)
    except UnicodeEncodeError as x: print(x, "|", x.encoding, x.start, x.end, x.reason, repr(x.object))
for s, e in tests:
    for h in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
        print(s.encode(e, h))
for b, e in [(b"\xff\xfe", "utf-8"), (b"a\xe4\xbd", "utf-8"), (b"\xe4\x41", "utf-8"), (b"\x80abc", "ascii"), (b"a\x00b", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\xff\xff\xff", "gbk"), (b"\xc4", "gbk")]:
    try: b.decode(e)
    except UnicodeDecodeError as x: print(x, "|", x.encoding, x.start, x.end, x.reason)
    for h in ["ignore", "replace", "backslashreplace"]:
        print(repr(b.decode(e, h)))
print("hé😀".encode("utf-16"), "hé😀".encode("utf-16-be"), "hé".encode("utf-32"), "hé".encode("utf_32_le"))
print(b'\xff\xfeh\x00'.decode("utf-16"), b'\xfe\xff\x00h'.decode("utf-16"), b"h\x00".decode("utf-16"))
print("你好".encode("GB2312"), "你好".encode("cp936"), b'\xc4\xe3'.decode("gbk"), "€".encode("cp1252"), "日本".encode("shift_jis"), "日本".encode("euc-jp"), "한국".encode("euc-kr"), "中文".encode("big5"), "😀".encode("gb18030"))
try: "x".encode("nope")
except LookupError as x: print(x)
try: b"x".decode("nope")
except LookupError as x: print(x)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), bytes("é", "utf-8"), bytearray("é", "latin-1"), str(b"\xff", "utf-8", "replace"))
