def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("除数不能为 0")
        return None
    except TypeError as e:
        print("类型错误:", e)
        return None
    else:
        print("no exception, result", result)
        return result
    finally:
        print(f"finally for {a}/{b!r}")
print(divide(6, 3))
print(divide(1, 0))
print(divide(1, "x"))
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
