stack = []
for ch in "abc":
    stack.append(ch)
    print("push", ch, stack)
while stack:
    print("pop", stack.pop(), stack)
from collections import deque
q = deque()
for i in range(3):
    q.append(i)
print(q)
while q:
    print("dequeue", q.popleft())
