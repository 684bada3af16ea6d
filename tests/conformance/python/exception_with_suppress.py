class Suppress:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True

with Suppress():
    raise RuntimeError("hidden")
print("after")
with Suppress() as s:
    print(type(s).__name__)
