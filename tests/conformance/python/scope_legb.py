x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        print("inner:", x)
    inner()
    print("outer:", x)
outer()
print("module:", x)
print(len("builtin len"))
def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = make()
print(add(5), add(10))
print(sorted(k for k in dir() if not k.startswith("_")))
