from functools import wraps
def repeat(times):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def greet(name):
    return f"Hi {name}"
print(greet("Tom"))
def retry(max_attempts):
    def decorator(func):
        def wrapper(*args):
            for attempt in range(1, max_attempts + 1):
                try:
                    return func(*args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            return "gave up"
        return wrapper
    return decorator
attempts = iter([ValueError("boom"), ValueError("again"), "ok"])
@retry(3)
def flaky():
    r = next(attempts)
    if isinstance(r, Exception):
        raise r
    return r
print(flaky())
