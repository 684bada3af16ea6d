def f():
    try:
        return "try"
    finally:
        print("finally runs before return")

def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"

def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
    return i

print(f())
print(g())
print(h())
