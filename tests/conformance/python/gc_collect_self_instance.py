import gc

class Node:
    pass

gc.collect()
n = Node()
n.me = n
del n
print(gc.collect())
