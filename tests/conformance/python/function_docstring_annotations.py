def area(radius: float, pi: float = 3.14) -> float:
    """计算圆的面积。

    radius: 半径
    """
    return pi * radius ** 2
print(area(2))
print(area.__name__, area.__doc__.splitlines()[0])
print(area.__annotations__)
print(area.__defaults__, area.__code__.co_argcount, area.__code__.co_varnames)
print(area("x") if False else "annotations are not enforced:", area(3, pi=3))
f = lambda x, y=1: x + y
print(f.__name__, f(1), (lambda: "no args")())
