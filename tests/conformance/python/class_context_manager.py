class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None} {exc}")
        return exc_type is ValueError
with Timer("block") as t:
    print("inside", t.name)
with Timer("suppress"):
    raise ValueError("被吞掉的异常")
print("after suppress")
with Timer("a"), Timer("b"):
    print("nested")
try:
    with Timer("propagate"):
        1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
