stock = {"apple": 3, "pear": 0}
print(stock.get("apple"), stock.get("kiwi"), stock.get("kiwi", 0))
print(stock.setdefault("kiwi", 10), stock)
print(stock.setdefault("apple", 99), stock)
print(stock.pop("pear"), stock)
print(stock.pop("nothing", "default"))
print(stock.popitem(), stock)
words = "the cat and the hat and the bat".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
