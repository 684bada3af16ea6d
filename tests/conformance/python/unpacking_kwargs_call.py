def describe(name, age, city="北京"):
    return f"{name}, {age}, {city}"
args = ("Tom", 30)
kwargs = {"city": "上海"}
print(describe(*args))
print(describe(*args, **kwargs))
print(describe(**{"name": "Ann", "age": 5}))
def show(*args, **kwargs):
    print(args, kwargs)
show(1, 2, a=3, b=4)
show(*[1, 2], **{"x": 0})
show()
