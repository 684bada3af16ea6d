import re
data = [1, 5, 12, 7, 20, 3]
if (n := len(data)) > 5:
    print(f"列表太长 ({n} 个元素)")
print([y for x in data if (y := x * 2) > 10])
lines = iter(["first", "second", "", "ignored"])
while (line := next(lines)) != "":
    print("line:", line)
if m := re.search(r"(\d+)-(\d+)", "range 10-20"):
    print(m.groups(), int(m[2]) - int(m[1]))
total = 0
partial_sums = [total := total + x for x in data]
print(partial_sums, total)
print([(x, sq) for x in range(6) if (sq := x * x) % 2 == 0])
