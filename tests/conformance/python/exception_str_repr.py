errors = [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("key"), OSError(2, "No such file")]
for e in errors:
    print(repr(e), "|", str(e), "|", e.args)
