s = "   hello world \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "www.example.com".strip("cmowz."))
print("0012300".lstrip("0"), "0012300".rstrip("0"))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("file.py".removesuffix(".js"))
