from pprint import pprint, pformat, pp, saferepr, isreadable, PrettyPrinter
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass, field
data = {"name": "gen", "items": list(range(40)), "nested": {"a": [1, 2, {"b": (3, 4, 5)}], "long": "x" * 100},
        "words": "the quick brown fox jumps over the lazy dog " * 3, 3: None, "set": set(range(20)), "fs": frozenset({1, 2})}
pprint(data)
pprint(data, width=40, indent=4)
pprint(data, depth=2)
pprint(data, compact=True, width=50)
pp({"z": 1, "a": [1] * 30})
pprint(OrderedDict((str(i), i) for i in range(12)))
d = defaultdict(list); d["k"] = list(range(30)); pprint(d)
pprint(Counter("abracadabra" * 5), width=30)
pprint(deque(range(30), maxlen=40))
pprint(b"hello world " * 8)
pprint(("single",)); pprint(tuple(range(30)), width=30)
@dataclass
class P:
    x: int
    y: list = field(default_factory=list)
pprint(P(1, list(range(30))))
pprint([P(i) for i in range(5)], width=30)
print(pformat({"b": [1, 2], "a": {"c": 1}}, width=10))
pprint(10**20, underscore_numbers=True)
pprint({"x": 1.5, 2: "mixed", (1, 2): [None]})
class R:
    def __repr__(self): return "R()" * 30
pprint([R(), R()])
