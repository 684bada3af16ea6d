class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)

a = Tracked("a")
b = a
print("del a")
del a
print("del b")
del b
print("rebind")
c = Tracked("c")
c = Tracked("c2")
print("end")
