def quick_sort(arr):
    if len(arr) <= 1:
        return arr
    pivot = arr[len(arr) // 2]
    left = [x for x in arr if x < pivot]
    mid = [x for x in arr if x == pivot]
    right = [x for x in arr if x > pivot]
    return quick_sort(left) + mid + quick_sort(right)
def merge_sort(arr):
    if len(arr) <= 1:
        return arr
    mid = len(arr) // 2
    left, right = merge_sort(arr[:mid]), merge_sort(arr[mid:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i]); i += 1
        else:
            merged.append(right[j]); j += 1
    return merged + left[i:] + right[j:]
data = [38, 27, 43, 3, 9, 82, 10, 3]
print(quick_sort(data))
print(merge_sort(data))
print(merge_sort(["pear", "apple", "fig"]), quick_sort([]))
def counting_sort(arr, k):
    counts = [0] * (k + 1)
    for x in arr:
        counts[x] += 1
    return [i for i, c in enumerate(counts) for _ in range(c)]
print(counting_sort([4, 2, 2, 8, 3, 3, 1], 8))
