import functools

def log(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

@log
def add(a, b=2):
    """Add two numbers."""
    return a + b

print(add(1), add(1, b=5))
print(add.__name__, add.__doc__)
