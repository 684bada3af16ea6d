samples = "aZ09_ ٣½²①Ⅻ一万零中ǅǆßΣσéÉ\u0301\u200b\t\n\x0b\xa0\u3000ａＡ🐍€$"
for c in samples:
    print(repr(c), c.isdigit(), c.isnumeric(), c.isdecimal(), c.isalpha(), c.isalnum(),
          c.isspace(), c.isupper(), c.islower(), c.istitle(), c.isprintable(), c.isidentifier(),
          c.title(), c.upper(), c.lower(), c.casefold())
print("ǆemal ǉubljana straße".title(), "ǆ".capitalize(), "中文abc def".title(), "o'neil 3rd".title())
print("ǅungla".istitle(), "Ǆungla".istitle(), "变量_1".isidentifier(), "1变量".isidentifier())
