from functools import cmp_to_key
data = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(data, key=lambda x: x[1]))
def compare(a, b):
    if a[1] != b[1]:
        return b[1] - a[1]
    return (a[0] > b[0]) - (a[0] < b[0])
print(sorted(data, key=cmp_to_key(compare)))
nums = [3, 30, 34, 5, 9]
def largest(a, b):
    return (b + a > a + b) - (b + a < a + b)
print("".join(sorted(map(str, nums), key=cmp_to_key(largest))))
print(sorted([-3, 2, -1, 4], key=abs), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
