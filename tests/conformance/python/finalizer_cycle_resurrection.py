import gc

survivor = None

class Node:
    def __del__(self):
        global survivor
        print("__del__", self.name)
        survivor = self

gc.collect()
a = Node()
a.name = "a"
a.me = a
del a
print(gc.collect())
print(survivor.name, survivor.me is survivor)
survivor = None
print(gc.collect())
