class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __contains__(self, key):
        return key in self.cells

    def __len__(self):
        return len(self.cells)

    def __bool__(self):
        return bool(self.cells)

g = Grid()
print(bool(g), g[1, 2])
g[1, 2] = 5
print(g[1, 2], (1, 2) in g, len(g), bool(g))
