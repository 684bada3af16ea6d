import json
from datetime import date
from decimal import Decimal
def default(o):
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
payload = {"day": date(2024, 5, 20), "price": Decimal("19.99"), "tags": {"b", "a"}}
print(json.dumps(payload, default=default))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)
s = json.dumps([Point(1, 2), 3], cls=PointEncoder)
print(s)
def hook(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
pts = json.loads(s, object_hook=hook)
print(type(pts[0]).__name__, pts[0].x, pts[1])
print(json.loads('{"price": 1.10}', parse_float=Decimal))
print(json.loads('[["a", 1], ["b", 2]]', object_pairs_hook=dict))
json.dumps(Point(0, 0))
