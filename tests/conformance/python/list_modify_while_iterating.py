nums = [1, 2, 2, 3, 4, 4, 5]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print("删除时遍历的结果:", nums)
nums = [1, 2, 2, 3, 4, 4, 5]
print("正确做法:", [n for n in nums if n % 2 != 0])
nums = [1, 2, 2, 3, 4, 4, 5]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print("遍历副本:", nums)
nums = [1, 2, 3]
for i in range(len(nums) - 1, -1, -1):
    if nums[i] == 2:
        del nums[i]
print(nums)
scores = {"a": 50, "b": 80, "c": 30}
for k in list(scores):
    if scores[k] < 60:
        del scores[k]
print(scores)
d = {"x": 1, "y": 2}
for k in d:
    d[k + "_new"] = 0
