async def fail(n):
    if n > 2:
        raise ValueError(f"too big: {n}")
    return n


async def main():
    total = 0
    for i in range(5):
        total += await fail(i)
        print("total", total)


main().send(None)
