def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return [seen[target - n], i]
        seen[n] = i
    return None
print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1, 2], 7))
def longest_unique_substring(s):
    start = best = 0
    last = {}
    best_sub = ""
    for i, ch in enumerate(s):
        if ch in last and last[ch] >= start:
            start = last[ch] + 1
        last[ch] = i
        if i - start + 1 > best:
            best = i - start + 1
            best_sub = s[start : i + 1]
    return best, best_sub
print(longest_unique_substring("abcabcbb"), longest_unique_substring("pwwkew"), longest_unique_substring("你好你们好"))
def max_subarray(nums):
    best = cur = nums[0]
    for n in nums[1:]:
        cur = max(n, cur + n)
        best = max(best, cur)
    return best
print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]))
def three_sum(nums):
    nums = sorted(nums)
    res = set()
    for i in range(len(nums) - 2):
        lo, hi = i + 1, len(nums) - 1
        while lo < hi:
            s = nums[i] + nums[lo] + nums[hi]
            if s == 0:
                res.add((nums[i], nums[lo], nums[hi]))
                lo += 1
            elif s < 0:
                lo += 1
            else:
                hi -= 1
    return sorted(res)
print(three_sum([-1, 0, 1, 2, -1, -4]))
