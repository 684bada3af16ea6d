import weakref

class Obj:
    def __init__(self):
        self.items = [1, 2]

    def __len__(self):
        return len(self.items)

o = Obj()
p = weakref.proxy(o)
print(len(p), p.items, type(p).__name__)
p.items.append(3)
print(o.items)
