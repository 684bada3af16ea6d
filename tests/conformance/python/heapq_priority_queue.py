import heapq
nums = [5, 1, 8, 3, 9, 2]
heapq.heapify(nums)
print(nums, nums[0])
heapq.heappush(nums, 0)
print([heapq.heappop(nums) for _ in range(3)], nums)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3, 9, 2]))
tasks = []
heapq.heappush(tasks, (2, "写代码"))
heapq.heappush(tasks, (1, "喝咖啡"))
heapq.heappush(tasks, (3, "开会"))
heapq.heappush(tasks, (1, "吃早餐"))
while tasks:
    priority, task = heapq.heappop(tasks)
    print(priority, task)
people = [{"name": "a", "age": 30}, {"name": "b", "age": 20}, {"name": "c", "age": 25}]
print(heapq.nsmallest(2, people, key=lambda p: p["age"]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
max_heap = []
for n in [3, 1, 4]:
    heapq.heappush(max_heap, -n)
print(-heapq.heappop(max_heap), heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
