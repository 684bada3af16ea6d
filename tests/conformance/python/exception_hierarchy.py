for exc in (KeyError, IndexError, ZeroDivisionError, FileNotFoundError, RecursionError, StopIteration, KeyboardInterrupt):
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:-1]])
try:
    raise KeyError("k")
except LookupError as e:
    print("caught as LookupError", repr(e))
