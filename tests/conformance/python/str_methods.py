s = "  Hello, World  "
print(repr(s.strip()), s.lower(), s.upper().strip(), s.count("l"))
print("a,b,,c".split(","), "a b  c".split(), "x".join("abc"), "abc".center(9, "*"))
print("hello".replace("l", "L", 1), "hello".find("z"), "hello".index("e"), "Hello".swapcase())
print("title case words".title(), "abc".startswith(("x", "a")), "3".zfill(4), "ab".ljust(4, ".") + "|")
print("line1\nline2\r\nline3".splitlines(), "tab\tsep".expandtabs(4), "ß".upper(), "İ".lower() == "i̇")
print("abc"[::-1], "abcdef"[1:5:2], "é".encode(), b"caf\xc3\xa9".decode(), "%s=%r" % ("k", "v"))
