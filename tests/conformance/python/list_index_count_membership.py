data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(data.index(5), data.index(5, 5), data.count(5), data.count(7))
print(9 in data, 7 in data)
print(max(data), min(data), sum(data), len(data))
print(data * 2 == data + data, [0] * 5)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] == [])
data.reverse()
print(data)
print(data.index(42))
