s = "a-b-c-d"
print(s.replace("-", "+"))
print(s.replace("-", "", 2))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table))
remove = str.maketrans("", "", "aeiou")
print("programming language".translate(remove))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print("，".join("中文标点".replace("标", "符")))
