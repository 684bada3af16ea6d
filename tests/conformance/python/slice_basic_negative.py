nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[:])
print(nums[-3:], nums[:-3], nums[-5:-2])
print(nums[::2], nums[1::2], nums[::-1], nums[8:2:-2])
print(nums[100:], nums[-100:2], nums[5:2])
s = "abcdefg"
print(s[1:4], s[::-1], s[-1], s[::3])
print((1, 2, 3, 4)[1:3])
