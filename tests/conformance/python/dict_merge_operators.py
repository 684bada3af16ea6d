defaults = {"color": "red", "size": "M", "qty": 1}
user = {"size": "L", "qty": 3}
print({**defaults, **user})
print(defaults | user)
print(user | defaults)
config = dict(defaults)
config |= {"color": "blue"}
print(config)
config.update(qty=5, extra=True)
print(config)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]))
