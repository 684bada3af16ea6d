class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    async for i in Countdown(3):
        print("tick", i)
    else:
        print("else ran")
    async for i in Countdown(5):
        if i == 2:
            print("break at", i)
            break
        if i == 3:
            continue
        print("got", i)
    else:
        print("not printed")
    try:
        async for i in 42:
            pass
    except TypeError as e:
        print("TypeError:", e)
    return "ok"


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
