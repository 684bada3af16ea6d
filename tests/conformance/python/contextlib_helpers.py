from contextlib import contextmanager, suppress, redirect_stdout, ExitStack, nullcontext
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("content", t)
    with tag("span"):
        print("nested")
with suppress(KeyError, ZeroDivisionError):
    {}["missing"]
    print("not reached")
print("suppressed")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured!")
print("buffer has:", repr(buf.getvalue()))
with ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
    print("inside both")
with nullcontext(42) as v:
    print("nullcontext", v)
@contextmanager
def transaction():
    print("begin")
    try:
        yield
        print("commit")
    except Exception as e:
        print("rollback:", e)
        raise
with transaction():
    print("work ok")
with transaction():
    raise RuntimeError("写入失败")
