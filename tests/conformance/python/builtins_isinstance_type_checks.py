values = [1, 1.5, "s", b"b", [1], (1,), {1}, {"k": 1}, None, True, len, int, 3 + 4j, range(2)]
for v in values:
    print(f"{type(v).__name__:<18}{v!r}")
print(isinstance(True, int), issubclass(bool, int), True + True, True * 10)
print(type(1) == type(2), type("a") is str, type(type), type(object), object.__subclasses__ is not None)
print(int.__mro__, bool.__mro__)
print(isinstance([], (list, tuple)), isinstance({}, dict), isinstance(None, type(None)))
print(int.__name__, str.__qualname__, list.__module__, type(print).__module__)
class A: pass
class B(A): pass
print(issubclass(B, A), issubclass(B, (int, A)), isinstance(B(), A), type(B()) is A, B.__name__)
