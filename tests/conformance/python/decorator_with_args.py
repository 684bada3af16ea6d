def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def greet(name):
    return f"hi {name}"

print(greet("ann"))

def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco

handlers = {}

@register(handlers)
def on_save():
    return "saved"

print(list(handlers), handlers["on_save"]())
