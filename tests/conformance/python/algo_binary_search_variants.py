def binary_search(arr, target):
    lo, hi = 0, len(arr) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if arr[mid] == target:
            return mid, steps
        if arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
nums = list(range(1, 101, 3))
print(binary_search(nums, 64), binary_search(nums, 65), binary_search(nums, 1))
def lower_bound(arr, target):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
arr = [1, 2, 2, 2, 5, 7]
print(lower_bound(arr, 2), lower_bound(arr, 3), lower_bound(arr, 100))
def sqrt_int(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([sqrt_int(n) for n in (0, 1, 8, 9, 99, 10 ** 12)])
