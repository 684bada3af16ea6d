from functools import wraps, cached_property
def plain(func):
    def wrapper(*a):
        return func(*a)
    return wrapper
def good(func):
    @wraps(func)
    def wrapper(*a):
        return func(*a)
    return wrapper
@plain
def f1():
    """doc of f1"""
@good
def f2():
    """doc of f2"""
print(f1.__name__, f1.__doc__, f2.__name__, f2.__doc__, f2.__wrapped__.__name__)
class Dataset:
    def __init__(self, values):
        self.values = values
    @cached_property
    def stats(self):
        print("computing stats...")
        return {"min": min(self.values), "max": max(self.values), "mean": sum(self.values) / len(self.values)}
ds = Dataset([3, 1, 4, 1, 5])
print(ds.stats)
print(ds.stats["mean"])
print("stats" in ds.__dict__)
del ds.stats
ds.values.append(100)
print(ds.stats["max"])
