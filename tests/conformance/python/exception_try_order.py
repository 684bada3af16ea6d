def f(fail):
    try:
        print("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        print("except")
        return "from except"
    else:
        print("else")
        return "from else"
    finally:
        print("finally")

print(f(False))
print(f(True))
