class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(Adder), callable(5), callable(print))
print(list(map(add5, [1, 2, 3])))
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))
    def __repr__(self):
        return " + ".join(f"{c}x^{i}" for i, c in enumerate(self.coeffs))
p = Polynomial(1, 0, 2)
print(p, [p(x) for x in range(4)])
"string"()
