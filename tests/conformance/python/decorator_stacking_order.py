def bold(func):
    print("decorating with bold")
    def wrapper():
        return "<b>" + func() + "</b>"
    return wrapper
def italic(func):
    print("decorating with italic")
    def wrapper():
        return "<i>" + func() + "</i>"
    return wrapper
@bold
@italic
def hello():
    return "hello"
print(hello())
print(hello.__name__)
