def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()

f = level1()
print(f(), f.__code__.co_freevars, len(f.__closure__))
