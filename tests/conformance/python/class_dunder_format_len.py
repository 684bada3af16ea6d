class Money:
    def __init__(self, amount, currency="¥"):
        self.amount = amount
        self.currency = currency
    def __format__(self, spec):
        if spec == "full":
            return f"{self.amount:,.2f} {self.currency}"
        return f"{self.currency}{format(self.amount, spec or '.2f')}"
    def __int__(self):
        return int(self.amount)
    def __float__(self):
        return float(self.amount)
    def __round__(self, n=0):
        return Money(round(self.amount, n), self.currency)
    def __repr__(self):
        return f"Money({self.amount})"
m = Money(1234.5678)
print(f"{m}", f"{m:full}", f"{m:.0f}", format(m, ".1f"))
print(int(m), float(m), round(m, 1))
print("{:full}".format(m))
