print(int("42"), int("  7 "), int("-3"), int("ff", 16), int("0b101", 0), float("1e3"))
for s in ["3.14", "", "十"]:
    try:
        int(s)
    except ValueError as e:
        print(e)
int("3.14")
