def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count
avg = running_average()
next(avg)
for v in [10, 20, 30, 45]:
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("finished after", e.value)
def echo():
    try:
        while True:
            x = yield
            print("got", x)
    finally:
        print("closing")
e = echo()
next(e)
e.send("a")
e.close()
