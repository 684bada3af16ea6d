tests = ["123", "12.3", "abc", "abc123", "  ", "", "ABC", "Hello World", "٣", "½", "中文"]
for t in tests:
    print(repr(t), t.isdigit(), t.isnumeric(), t.isdecimal(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.istitle())
print("hello_world".isidentifier(), "2abc".isidentifier(), "变量".isidentifier())
print("abc".isascii(), "中".isascii(), "Tab\t".isprintable())
