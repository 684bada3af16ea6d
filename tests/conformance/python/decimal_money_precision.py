from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN
print(0.1 + 0.2, Decimal("0.1") + Decimal("0.2"), Decimal(0.1))
price = Decimal("19.99")
qty = 3
total = price * qty
print(total, total * Decimal("1.13"), (total * Decimal("1.13")).quantize(Decimal("0.01")))
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), round(2.675, 2))
print(Decimal("2.5").quantize(Decimal("1")), Decimal("3.5").quantize(Decimal("1")), Decimal("9.99").quantize(Decimal("0.1"), rounding=ROUND_DOWN))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
getcontext().prec = 28
print(Decimal(1) / Decimal(7))
print(Decimal("1.30") + Decimal("1.20"), Decimal("1.30").normalize(), Decimal("-0"), Decimal("1e3"), Decimal("NaN"))
print(Decimal("10") == 10, Decimal("0.5") < 1, sum([Decimal("0.1")] * 10), Decimal("7").as_tuple())
print(Decimal(1) / Decimal(0))
