def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)
fs = ("/", [("home", [("user", [("notes.md", [])])]), ("etc", [("hosts", [])])])
for line in walk(fs):
    print(line)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def delegator():
    result = yield from sub()
    yield f"sub returned {result}"
def sub():
    yield 1
    return "done"
print(list(delegator()))
