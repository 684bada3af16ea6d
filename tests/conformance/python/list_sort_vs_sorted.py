nums = [5, 2, 9, 1, 5, 6]
result = nums.sort()
print(result, nums)
nums = [5, 2, 9, 1]
new = sorted(nums, reverse=True)
print(nums, new)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
print(sorted("Hello World"))
print(sorted({3: "c", 1: "a", 2: "b"}))
mixed = [3, "a", 1]
mixed.sort()
