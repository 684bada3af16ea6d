from functools import total_ordering

@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        return self if other == 0 else Money(self.cents + other)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __lt__(self, other):
        return self.cents < other.cents

    def __eq__(self, other):
        return self.cents == other.cents

    def __repr__(self):
        return f"${self.cents / 100:.2f}"

items = [Money(150), Money(99), Money(1000)]
print(sum(items), Money(5) * 3, sorted(items), max(items), Money(1) >= Money(1))
