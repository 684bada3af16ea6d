import weakref

class Data:
    pass

def gone(r):
    print("callback, dead ref:", r() is None)

obj = Data()
r = weakref.ref(obj, gone)
print(r() is obj)
del obj
print(r())
