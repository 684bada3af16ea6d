registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        cls.plugin_name = name
        return cls
    return deco
@register("json")
class JsonExporter:
    def export(self, data):
        return f"json:{data}"
@register("csv")
class CsvExporter:
    def export(self, data):
        return f"csv:{data}"
for name, cls in registry.items():
    print(name, cls.__name__, cls().export([1, 2]), cls.plugin_name)
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Db:
    def __init__(self, url):
        self.url = url
a = Db("sqlite://a")
b = Db("sqlite://b")
print(a is b, b.url)
