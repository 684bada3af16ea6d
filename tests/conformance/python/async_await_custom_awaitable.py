class Ticket:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield f"ticket {self.n}"
        print("resumed with", got)
        return self.n * 10


async def inner(n):
    return await Ticket(n)


async def outer():
    a = await inner(1)
    b = await inner(2)
    return a + b


co = outer()
print(co.send(None))
print(co.cr_await is not None)
print(co.send("first"))
try:
    co.send("second")
except StopIteration as e:
    print("total", e.value)
