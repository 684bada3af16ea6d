class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, item):
        print(f"checking {item!r}")
        return item in self.items
empty, full = Bag(), Bag("apple", "pen")
print(bool(empty), bool(full))
if not empty:
    print("empty bag is falsy")
print("pen" in full, "pineapple" not in full)
class AlwaysTrue:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(AlwaysTrue()))
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(None), bool("0"), bool([0]))
