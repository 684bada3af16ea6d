s = "hello"
t = s.upper()
print(s, t)
s[0] = "H"
