import weakref

class Resource:
    pass

def close(name):
    print("closing", name)

r = Resource()
weakref.finalize(r, close, "r")
f2 = weakref.finalize(Resource(), close, "temp")
print("alive", f2.alive)
print("end of script")
