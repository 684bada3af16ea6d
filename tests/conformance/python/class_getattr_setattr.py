class Dynamic:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        return f"<missing {name}>"

    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)

d = Dynamic()
d.a = 1
print(d.a, d.b, d.log, getattr(d, "c"), hasattr(d, "zzz"))
setattr(d, "e", 2)
delattr(d, "a")
print(d.log, d.a)
