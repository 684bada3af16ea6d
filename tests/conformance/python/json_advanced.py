import json

class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

print(json.dumps({"s": {3, 1, 2}}, cls=Encoder))
print(json.dumps([1.0, 1e20, float("inf")]), json.dumps({1: "int key", None: 0}))
print(json.loads('[1, 2.5, "x", null, true, {"a": []}]'))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(e)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(json.dumps({"b": 1, "a": [1, 2]}, separators=(",", ":"), sort_keys=True))
