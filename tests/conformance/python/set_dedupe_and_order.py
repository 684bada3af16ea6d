nums = [3, 1, 3, 2, 1, 5]
print(set(nums))
print(sorted(set(nums)))
print(list(dict.fromkeys(nums)))
words = ["b", "a", "b", "c", "a"]
print(sorted(set(words)))
seen = set()
unique = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique)
print(len({1, 1.0, True}), {1, 1.0, True})
