class JsonMixin:
    def to_json(self):
        import json
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)
class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"
class Base:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)
class User(JsonMixin, ReprMixin, Base):
    pass
u = User(name="韩梅梅", age=18)
print(u)
print(u.to_json())
print([c.__name__ for c in User.__mro__])
class Cooperative:
    def __init__(self, **kw):
        print("Cooperative got", kw)
        super().__init__()
class Logged(Cooperative):
    def __init__(self, level, **kw):
        print("Logged level", level)
        super().__init__(**kw)
Logged(level=1, extra=2)
