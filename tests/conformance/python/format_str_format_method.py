print("{} + {} = {}".format(1, 2, 1 + 2))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age} years old".format(name="Tom", age=20))
point = {"x": 3, "y": 4}
print("({x}, {y})".format(**point))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{:.2f} {:,} {:08.3f}".format(3.14159, 10000000, -3.14159))
print("{0[0]} {0[1]}".format(["first", "second"]))
class P:
    x = 7
print("{0.x}".format(P()))
print(format(0.5, ".0%"), format(1234.5, ",.1f"), format("s", "*^5"))
