x = 5
assert x > 0, "positive"
print("ok")
assert x < 0, f"x={x} is not negative"
