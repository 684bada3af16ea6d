class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val, self.left, self.right = val, left, right
def insert(root, val):
    if root is None:
        return TreeNode(val)
    if val < root.val:
        root.left = insert(root.left, val)
    else:
        root.right = insert(root.right, val)
    return root
root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35]:
    root = insert(root, v)
def inorder(n):
    return inorder(n.left) + [n.val] + inorder(n.right) if n else []
def preorder(n):
    return [n.val] + preorder(n.left) + preorder(n.right) if n else []
def postorder(n):
    return postorder(n.left) + postorder(n.right) + [n.val] if n else []
def level_order(n):
    levels, layer = [], [n]
    while layer:
        levels.append([x.val for x in layer])
        layer = [c for x in layer for c in (x.left, x.right) if c]
    return levels
def height(n):
    return 1 + max(height(n.left), height(n.right)) if n else 0
print("中序:", inorder(root))
print("前序:", preorder(root))
print("后序:", postorder(root))
print("层序:", level_order(root), "高度:", height(root))
def show(n, indent=""):
    if n:
        show(n.right, indent + "    ")
        print(indent + str(n.val))
        show(n.left, indent + "    ")
show(root)
