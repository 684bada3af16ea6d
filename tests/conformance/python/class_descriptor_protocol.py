class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} 必须为正数，得到 {value}")
        setattr(obj, self.name, value)
class Product:
    price = Positive()
    qty = Positive()
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty
    @property
    def total(self):
        return self.price * self.qty
p = Product("笔记本", 12.5, 4)
print(p.total, p.__dict__, type(Product.price).__name__)
try:
    p.qty = 0
except ValueError as e:
    print(e)
class Verbose:
    def __get__(self, obj, objtype):
        return f"accessed via {objtype.__name__} instance={obj is not None}"
class Host:
    attr = Verbose()
print(Host.attr)
print(Host().attr)
def method(self):
    return "bound!"
Host.m = method
h = Host()
print(h.m(), type(h.m).__name__, h.m.__self__ is h, Host.m(h))
