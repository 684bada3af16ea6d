class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"余额 {balance} 不足以支付 {amount}")
        self.balance = balance
        self.amount = amount
def pay(balance, amount):
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount
print(pay(100, 40))
pay(100, 140)
