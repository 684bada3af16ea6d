from dataclasses import dataclass, field
@dataclass
class ShoppingCart:
    owner: str
    items: list[str] = field(default_factory=list)
    discount: float = 0.0
    _id: int = field(default=0, repr=False, compare=False)
    def add(self, item):
        self.items.append(item)
        return self
a = ShoppingCart("小李")
b = ShoppingCart("小李")
a.add("书").add("笔")
print(a)
print(b, a == b, a.items is b.items)
print(ShoppingCart("x", _id=5) == ShoppingCart("x", _id=9))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
