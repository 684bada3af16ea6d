class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"没有属性 {name!r}") from None
    def __setattr__(self, name, value):
        self[name] = value
cfg = AttrDict(host="localhost")
cfg.port = 8080
print(cfg.host, cfg.port, cfg)
class Sparse:
    def __init__(self):
        self.data = {}
    def __getitem__(self, i):
        return self.data.get(i, 0)
    def __setitem__(self, i, v):
        self.data[i] = v
    def __delitem__(self, i):
        del self.data[i]
s = Sparse()
s[1000] = 5
print(s[1000], s[3], s.data)
del s[1000]
print(s.data)
print(cfg.missing)
