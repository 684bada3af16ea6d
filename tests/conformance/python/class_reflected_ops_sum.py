class Money:
    def __init__(self, amount):
        self.amount = amount
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.amount + other.amount)
        if isinstance(other, (int, float)):
            return Money(self.amount + other)
        return NotImplemented
    def __radd__(self, other):
        print(f"__radd__ called with {other!r}")
        return self.__add__(other)
    def __eq__(self, other):
        return isinstance(other, Money) and self.amount == other.amount
    def __repr__(self):
        return f"Money({self.amount})"
wallet = [Money(10), Money(5), Money(2.5)]
print(sum(wallet))
print(Money(1) + 2, 3 + Money(1), Money(1) == Money(1), Money(1) != Money(2))
print(sum(wallet, Money(0)))
print(Money(1) + "x")
