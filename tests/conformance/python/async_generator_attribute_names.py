# The introspection attributes generators, coroutines and async generators have in 3.11.
async def c():
    pass
def g():
    yield
async def a():
    yield
co = c()
for obj in (g(), co, a()):
    for name in ("gi_yieldfrom", "gi_await", "cr_await", "cr_yieldfrom", "ag_await",
                 "ag_yieldfrom", "gi_suspended", "cr_suspended", "ag_suspended", "ag_running"):
        print(type(obj).__name__, name, hasattr(obj, name))
co.close()
