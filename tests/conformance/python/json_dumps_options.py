import json
data = {"name": "张三", "age": 30, "langs": ["Python", "Go"], "married": False, "spouse": None, "score": 98.5}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, ensure_ascii=False))
print(json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, (2, 3), {"a": {}}], indent=4))
print(json.dumps({1: "int key", True: "bool key", None: "none key", 2.5: "float"}))
print(json.dumps("quote\" and \\ and \n and 中"), json.dumps(float("inf")), json.dumps(float("nan")))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
