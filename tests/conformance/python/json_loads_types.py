import json
text = '{"a": 1, "b": 2.0, "c": "三", "d": [true, false, null], "e": {"nested": 1e3}, "f": -0}'
obj = json.loads(text)
print(obj)
print({k: type(v).__name__ for k, v in obj.items()})
print(json.loads("[1, 2, 3]"), json.loads('"\\u4e2d\\u6587"'), json.loads("12345678901234567890"))
print(json.loads('{"a": 1, "a": 2}'), json.loads("NaN"), json.loads(" 3.14 "))
print(json.loads(json.dumps({"t": (1, 2)})))
roundtrip = json.loads(json.dumps({1: "x"}))
print(roundtrip, list(roundtrip)[0].__class__.__name__)
