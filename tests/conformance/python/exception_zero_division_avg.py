def average(nums):
    return sum(nums) / len(nums)
print(average([1, 2, 3]))
print(10 // 3, -10 // 3, 10 % 3, -10 % 3, divmod(-7, 2))
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    5.0 / 0
except ZeroDivisionError as e:
    print(e)
print(average([]))
