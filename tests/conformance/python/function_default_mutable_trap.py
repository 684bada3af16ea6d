# 默认参数只在定义时求值一次
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to.__defaults__)
def append_fixed(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_fixed(1), append_fixed(2))
