import asyncio


async def inner():
    return 1


async def nested():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    try:
        asyncio.get_running_loop().run_until_complete(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)


try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(nested())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
