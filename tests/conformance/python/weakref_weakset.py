import weakref

class Obj:
    pass

ws = weakref.WeakSet()
items = [Obj() for _ in range(3)]
for it in items:
    ws.add(it)
print(len(ws))
items.pop()
print(len(ws))
items.clear()
print(len(ws))
