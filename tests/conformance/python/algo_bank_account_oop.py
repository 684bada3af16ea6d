class InsufficientFundsError(Exception):
    pass
class Account:
    interest_rate = 0.02
    _next_no = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.no = Account._next_no
        Account._next_no += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("存款金额必须为正")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFundsError(f"余额不足：{self._balance} < {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __str__(self):
        return f"[{self.no}] {self.owner}: ¥{self._balance:,.2f}"
class SavingsAccount(Account):
    interest_rate = 0.035
    def add_interest(self):
        self.deposit(round(self._balance * self.interest_rate, 2))
a = Account("张三", 100)
s = SavingsAccount("李四", 10000)
a.deposit(50)
s.add_interest()
print(a)
print(s)
try:
    a.withdraw(1000)
except InsufficientFundsError as e:
    print("错误:", e)
print(a.history, s.history)
a.balance = 5
