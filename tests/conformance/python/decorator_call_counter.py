def count_calls(func):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(10), fib.calls)
class CountCalls:
    def __init__(self, func):
        self.func = func
        self.num_calls = 0
    def __call__(self, *args):
        self.num_calls += 1
        return self.func(*args)
@CountCalls
def say(msg):
    return msg.upper()
say("a"); say("b")
print(say("c"), say.num_calls, type(say).__name__)
