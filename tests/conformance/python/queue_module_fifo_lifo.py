import queue
q = queue.Queue()
for job in ["下载", "解析", "保存"]:
    q.put(job)
print(q.qsize(), q.empty())
while not q.empty():
    print("处理", q.get())
lifo = queue.LifoQueue()
for i in range(3):
    lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal")]:
    pq.put(item)
print([pq.get()[1] for _ in range(3)])
try:
    q.get_nowait()
except queue.Empty:
    print("queue.Empty raised")
bounded = queue.Queue(maxsize=1)
bounded.put("x")
print(bounded.full())
try:
    bounded.put_nowait("y")
except queue.Full:
    print("queue.Full raised")
