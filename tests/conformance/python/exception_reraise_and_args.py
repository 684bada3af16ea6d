def risky(n):
    if n < 0:
        raise ValueError("negative", n)
    return n
try:
    risky(-5)
except ValueError as e:
    print(e.args, e, str(e), repr(e))
def wrapper():
    try:
        risky(-1)
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("outer caught", e.args[0])
try:
    raise KeyError("k")
except (TypeError, KeyError) as e:
    print(type(e).__name__, e, repr(str(e)))
e = Exception()
print(repr(e), str(e) == "", Exception("a", 1))
try:
    int("abc")
except Exception as err:
    print(type(err).__name__, err)
print("err" in dir(), )
