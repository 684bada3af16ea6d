def withdraw(balance, amount):
    assert amount > 0, "取款金额必须大于 0"
    assert amount <= balance, f"余额不足: {balance} < {amount}"
    return balance - amount
print(withdraw(100, 30))
try:
    withdraw(100, -1)
except AssertionError as e:
    print("AssertionError:", e)
withdraw(10, 50)
