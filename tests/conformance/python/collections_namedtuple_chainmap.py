from collections import namedtuple, ChainMap
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10))
print(Point._make([5, 6]), Point._fields, p == (3, 4))
Card = namedtuple("Card", "rank suit", defaults=["♠"])
print(Card("A"), Card("K", "♥"))
x, y = p
print(x * y, sum(p), isinstance(p, tuple))
defaults = {"theme": "light", "lang": "en", "size": 12}
user = {"theme": "dark"}
cli = {"lang": "zh"}
cfg = ChainMap(cli, user, defaults)
print(cfg["theme"], cfg["lang"], cfg["size"], len(cfg), sorted(cfg))
cfg["size"] = 14
print(cli, defaults["size"])
child = cfg.new_child({"theme": "blue"})
print(child["theme"], child.parents["theme"], child.maps[0])
