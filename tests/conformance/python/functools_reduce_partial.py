from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)), reduce(operator.add, [], 0))
print(reduce(lambda acc, ch: acc + ch.upper(), "abc", ">"))
print(reduce(max, [3, 9, 2]), reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
int_from_binary = partial(int, base=2)
print(int_from_binary("1010"), int_from_binary("11111111"))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), square.func.__name__, square.keywords, square.args)
print_csv = partial(print, sep=",")
print_csv("a", "b", "c")
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
