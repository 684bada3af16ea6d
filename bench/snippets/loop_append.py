items = []
for i in range(1_000_000):
    items.append(i)
print(len(items), items[-1])
