import functools
def log_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        arg_list = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        print(f"调用 {func.__name__}({', '.join(arg_list)})")
        result = func(*args, **kwargs)
        print(f"{func.__name__} 返回 {result!r}")
        return result
    return wrapper
@log_calls
def add(a, b=0):
    """Add two numbers."""
    return a + b
add(1, 2)
add(3, b=4)
print(add.__name__, add.__doc__, add.__wrapped__(10, 20))
