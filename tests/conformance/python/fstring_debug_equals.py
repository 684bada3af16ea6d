x = 10
y = 3
name = "gen"
print(f"{x=}, {y=}")
print(f"{x + y = }")
print(f"{x / y = :.3f}")
print(f"{name=!s} {name=}")
items = [1, 2, 3]
print(f"{len(items)=} {items[-1]=}")
print(f"{'嵌套 ' + name = }")
