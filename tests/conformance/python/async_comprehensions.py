class Aiter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def double(x):
    return x * 2


async def main():
    print([x async for x in Aiter(range(4))])
    print({x % 2 async for x in Aiter(range(5))})
    print({x: await double(x) async for x in Aiter("ab")})
    print([await double(x) for x in range(3)])
    print([x async for x in Aiter(range(6)) if x % 2 if x > 1])
    print([(x, y) async for x in Aiter(range(2)) for y in "pq"])


try:
    main().send(None)
except StopIteration:
    pass
