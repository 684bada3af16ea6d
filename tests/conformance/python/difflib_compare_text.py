import difflib
old = ["def add(a, b):", "    return a + b", "", "print(add(1, 2))"]
new = ["def add(a, b, c=0):", "    return a + b + c", "", "print(add(1, 2))", "print(add(1, 2, 3))"]
for line in difflib.unified_diff(old, new, fromfile="v1.py", tofile="v2.py", lineterm=""):
    print(line)
print(round(difflib.SequenceMatcher(None, "python", "pyth0n").ratio(), 3))
print(difflib.get_close_matches("appel", ["apple", "ape", "peach", "apply"]))
print(difflib.get_close_matches("pritn", ["print", "sprint", "int"], n=1))
for op in difflib.SequenceMatcher(None, "kitten", "sitting").get_opcodes():
    print(op)
print(list(difflib.ndiff(["a", "b"], ["a", "c"])))
