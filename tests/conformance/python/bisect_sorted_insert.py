import bisect
scores = [60, 70, 80, 90]
grades = "FDCBA"
def grade(s):
    return grades[bisect.bisect(scores, s)]
print([grade(s) for s in [33, 60, 75, 89, 90, 100]])
data = [1, 3, 3, 3, 7]
print(bisect.bisect_left(data, 3), bisect.bisect_right(data, 3), bisect.bisect(data, 4), bisect.bisect_left(data, 0))
bisect.insort(data, 5)
bisect.insort_left(data, 3)
print(data)
def contains(sorted_list, x):
    i = bisect.bisect_left(sorted_list, x)
    return i < len(sorted_list) and sorted_list[i] == x
print(contains(data, 7), contains(data, 4))
records = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(records, 5, key=lambda r: r[1]))
