class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print("__init__ with", value)
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)
class UpperStr(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(UpperStr("hello"), type(UpperStr("x")).__name__, UpperStr("ab") + "c")
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls
class Base(metaclass=Registry):
    pass
class Child(Base):
    pass
print(Registry.classes, type(Child).__name__, isinstance(Child, Registry))
class Plugin:
    plugins = {}
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins[key or cls.__name__.lower()] = cls
class Csv(Plugin, key="csv"):
    pass
class Json(Plugin):
    pass
print({k: v.__name__ for k, v in Plugin.plugins.items()})
print(type(type), type(int), type(Base), Base.__class__.__name__)
