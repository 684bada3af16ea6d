def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return f"a={a} b={b} c={c} args={args} d={d} e={e} kwargs={kwargs}"
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
def kw_only(*, name, greeting="Hi"):
    return f"{greeting}, {name}"
print(kw_only(name="Ann"))
try:
    kw_only("Ann")
except TypeError as e:
    print(e)
try:
    f(1, b=2, d=3)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def g(x, y):
    return x - y
print(g(y=1, x=10))
g(1, 2, 3)
