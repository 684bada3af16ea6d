s = "它说 \"hi\"\n"
print(f"{s!r}")
print(f"{s!a}")
print(f"{'tab':>5}\t{'end'}")
print(f"{{literal braces}} {42}")
d = {"key": "值"}
print(f"{d['key']} {d!r}")
print(f"{3.0!s} {3.0!r} {None} {True:>6}")
print(f"{'abc'!r:>10}|")
