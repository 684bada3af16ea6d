prices = {"apple": 5, "banana": 2, "cherry": 8, "date": 2}
print({k: v * 2 for k, v in prices.items()})
print({k: v for k, v in prices.items() if v > 2})
inverted = {v: k for k, v in prices.items()}
print(inverted)
squares = {n: n ** 2 for n in range(1, 6)}
print(squares)
print({c: "中文"[i] for i, c in enumerate("ab")})
by_price = {}
for k, v in prices.items():
    by_price.setdefault(v, []).append(k)
print(by_price)
