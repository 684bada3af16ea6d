class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("free", self.name)

items = [T("a"), T("b"), T("c")]
print("del list")
del items
pairs = {"x": T("x"), "y": T("y")}
print("del dict")
del pairs
t = (T("t1"), T("t2"))
print("del tuple")
del t
