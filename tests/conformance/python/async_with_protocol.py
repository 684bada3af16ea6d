class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("open", self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return self.swallow


async def early():
    async with Resource("r1"):
        return "returned inside"


async def main():
    async with Resource("a") as a, Resource("b") as b:
        print("using", a.name, b.name)
    async with Resource("quiet", swallow=True):
        raise KeyError("swallowed")
    print(await early())
    try:
        async with Resource("loud"):
            raise ValueError("boom")
    except ValueError as e:
        print("propagated", e)
    try:
        async with object():
            pass
    except TypeError as e:
        print("TypeError:", e)


try:
    main().send(None)
except StopIteration:
    print("done")
