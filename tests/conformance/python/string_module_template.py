import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace))
t = string.Template("$name 今年 ${age} 岁，余额 $$${money}")
print(t.substitute(name="小明", age=12, money=3.5))
print(t.safe_substitute(name="小红"))
try:
    t.substitute(name="x")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   world  from python"))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b}c{d:>3}")))
