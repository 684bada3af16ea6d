def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))
print(double.__closure__[0].cell_contents, double.__code__.co_freevars)
# 延迟绑定陷阱
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make_accumulator():
    history = []
    def acc(v):
        history.append(v)
        return sum(history)
    return acc
a = make_accumulator()
print(a(1), a(2), a(3))
