import weakref

class Obj:
    pass

def done(tag):
    print("done", tag)
    return tag

o = Obj()
f = weakref.finalize(o, done, "first")
print(f())
print(f(), f.alive)
o2 = Obj()
f2 = weakref.finalize(o2, done, "second")
print(f2.detach()[2])
del o2
print("end")
