a = int("256")
b = int("256")
print(a is b, a == b)
c = int("257")
d = int("257")
print(c is d, c == d)
x = [1]
y = [1]
print(x == y, x is y)
s1 = "".join(["ab", "c"])
s2 = "".join(["a", "bc"])
print(s1 == s2, s1 is s2)
import sys
print(sys.intern(s1) is sys.intern(s2))
print(None is None, () is (), [] is [])
