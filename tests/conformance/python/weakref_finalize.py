import weakref

class Data:
    pass

def cleanup(name):
    print("finalize", name)

obj = Data()
f = weakref.finalize(obj, cleanup, "obj")
print(f.alive)
del obj
print(f.alive)
print("end")
