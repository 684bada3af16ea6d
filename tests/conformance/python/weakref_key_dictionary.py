import weakref

class Obj:
    def __init__(self, name):
        self.name = name

meta = weakref.WeakKeyDictionary()
a = Obj("a")
b = Obj("b")
meta[a] = "data-a"
meta[b] = "data-b"
print(len(meta), sorted(meta.values()))
del a
print(len(meta), [k.name for k in meta.keys()])
