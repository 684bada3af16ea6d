from dataclasses import dataclass, field, replace, fields

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list, repr=False)
    total: float = field(init=False)

    def __post_init__(self):
        self.total = self.price * 1.2

i = Item("pen", 2.0)
print(i, i.total)
print(replace(i, price=10.0))
print([f.name for f in fields(Item)])

@dataclass(slots=True)
class Slim:
    a: int

print(Slim(1), hasattr(Slim(1), "__dict__"))
try:
    Item()
except TypeError as e:
    print(e)
