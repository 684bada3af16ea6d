sales = [
    ("华北区", 1234567.891, 0.123),
    ("East", 98765.4, -0.05),
    ("西南区", 5000, 0.0),
]
header = f"{'地区':<6}{'销售额':>16}{'增长':>9}"
print(header)
print("=" * 31)
for region, amount, growth in sales:
    print(f"{region:<6}{amount:>16,.2f}{growth:>+9.1%}")
print("-" * 31)
total = sum(a for _, a, _ in sales)
print(f"{'合计':<6}{total:>16,.2f}")
print(f"{'最高':<6}{max(sales, key=lambda s: s[1])[0]:>16}")
width = 20
for label, pct in [("完成", 0.73), ("进行中", 0.2), ("未开始", 0.07)]:
    bar = "█" * round(pct * width)
    print(f"{label:　<4}|{bar:<{width}}| {pct:5.1%}")
