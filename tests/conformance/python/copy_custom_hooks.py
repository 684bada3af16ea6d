import copy
class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []
        self.cache = {"expensive": True}
    def __copy__(self):
        print(f"__copy__ {self.name}")
        new = Node(self.name, self.children)
        return new
    def __deepcopy__(self, memo):
        print(f"__deepcopy__ {self.name}")
        new = Node(self.name, copy.deepcopy(self.children, memo))
        return new
    def __repr__(self):
        return f"Node({self.name}, {self.children})"
root = Node("root", [Node("leaf")])
c = copy.copy(root)
d = copy.deepcopy(root)
print(c, c.children is root.children)
print(d, d.children[0] is root.children[0])
print(copy.replace if hasattr(copy, "replace") else "no copy.replace in 3.11")
