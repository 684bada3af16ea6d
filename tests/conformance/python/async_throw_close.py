class Yielder:
    def __await__(self):
        yield "suspended"


async def worker():
    try:
        await Yielder()
        print("not reached")
    except ValueError as e:
        print("worker caught", e)
        await Yielder()
        return "recovered"
    finally:
        print("worker finally")


c = worker()
print(c.send(None))
print(c.throw(ValueError("injected")))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)


async def stubborn():
    try:
        await Yielder()
    except GeneratorExit:
        await Yielder()


s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

w = worker()
w.send(None)
w.close()
print("closed", w.cr_frame)
try:
    worker().throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
