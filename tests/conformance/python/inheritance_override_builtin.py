class UpperDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
d = UpperDict()
d["a"] = 1
d.update(b=2)
print(d)
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s + [4]).__name__)
from collections import UserDict
class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
ld = LowerDict()
ld["X"] = 1
ld.update(Y=2)
print(ld, dict(ld))
class Celsius(float):
    def __repr__(self):
        return f"{float(self)}°C"
print(Celsius(21.5), Celsius(21.5) + 1)
