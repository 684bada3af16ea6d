names = ["Alice", "Bob", "Carol"]
scores = [90, 85, 77]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=1):
    print(f"{i}. {name}")
for name, score in zip(names, scores):
    print(name, score)
print(list(zip(names, scores, "xyz")))
print(dict(zip(names, scores)))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(list(zip([1, 2, 3], [4, 5])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
