nums = [10, 20, 30]
for i in range(len(nums)):
    print(i, nums[i])
print(nums[len(nums)])
