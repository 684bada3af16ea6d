from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d[0], d[-1], len(d))
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
    print(list(recent))
print(recent, recent.maxlen)
def sliding_max(nums, k):
    q, out = deque(), []
    for i, n in enumerate(nums):
        while q and nums[q[-1]] <= n:
            q.pop()
        q.append(i)
        if q[0] <= i - k:
            q.popleft()
        if i >= k - 1:
            out.append(nums[q[0]])
    return out
print(sliding_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
deque().pop()
