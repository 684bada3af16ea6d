import unicodedata as u
for c in "a中é٣½ǅ 🐍\u0301ａＡ!$":
    print(repr(c), u.category(c), u.name(c, None), u.east_asian_width(c), u.combining(c), u.decimal(c, -1), u.digit(c, -1))
print(u.lookup("SNOWMAN"), u.normalize("NFKC", "ｆｕｌｌ①"), u.normalize("NFD", "é").encode(), u.is_normalized("NFC", "é"), u.unidata_version)
print(u.name("\U00020000"), u.name("가"))
for bad in [lambda: u.category(5), lambda: u.category("ab"), lambda: u.name("\x00"), lambda: u.lookup("NOPE X"), lambda: u.normalize("X", "a"), lambda: u.decimal("a")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
