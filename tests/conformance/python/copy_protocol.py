import copy

class Node:
    def __init__(self, value):
        self.value = value
        self.children = []

    def __copy__(self):
        print("custom copy")
        n = Node(self.value)
        n.children = self.children
        return n

root = Node(1)
root.children.append(Node(2))
root.children.append(root)
c = copy.copy(root)
print(c.children is root.children)
d = copy.deepcopy(root)
print(d.children[1] is d, d.children[0].value, d is not root)
