s = "hello World from PYTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("straße".casefold(), "straße".upper())
print("they're bill's".title())
print("ǅ".lower(), "ß".upper(), "ﬁ".upper())
