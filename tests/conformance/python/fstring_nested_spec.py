width = 10
precision = 3
value = 3.14159265
print(f"[{value:{width}.{precision}f}]")
print(f"[{value:<{width}.{precision}}]")
for w in (4, 6, 8):
    print(f"{'x':>{w}}|")
fill = "*"
print(f"{'center':{fill}^{width + 4}}")
print(f"{12345:0{width}d}")
