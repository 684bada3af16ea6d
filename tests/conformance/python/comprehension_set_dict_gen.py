words = ["hello", "world", "hi", "python", "hey"]
print(sorted({w[0] for w in words}))
print({w: len(w) for w in words})
lengths = (len(w) for w in words)
print(type(lengths).__name__)
print(sum(lengths), sum(lengths))
print(max(len(w) for w in words))
print(any(w.startswith("p") for w in words), all(len(w) > 1 for w in words))
x = "outer"
result = [x for x in range(3)]
print(x, result)
