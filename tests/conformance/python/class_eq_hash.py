class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x

class H(P):
    def __hash__(self):
        return hash(self.x)

print(P(1) == P(1), P(1) != P(2), P(1) == 1)
try:
    {P(1)}
except TypeError as e:
    print(e)
print(len({H(1), H(1), H(2)}))
print(P.__hash__ is None, object.__hash__ is not None)
