def counter():
    calls = {}
    def deco(fn):
        def wrapped(*a):
            calls[fn.__name__] = calls.get(fn.__name__, 0) + 1
            return fn(*a)
        return wrapped
    return deco, calls

deco, calls = counter()

@deco
def a():
    pass

@deco
def b():
    pass

a(); a(); b()
print(calls)
print(a.__closure__ is not None, len(a.__closure__))
