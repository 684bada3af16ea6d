import weakref

class Data:
    def __init__(self):
        self.value = 42

obj = Data()
p = weakref.proxy(obj)
print(p.value)
del obj
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
