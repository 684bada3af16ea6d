import json

data = {"name": "gen", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data)
print(json.dumps("内存"), json.dumps("内存", ensure_ascii=False))
