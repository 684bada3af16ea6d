def level3():
    try:
        print("level3 raising")
        raise KeyError("deep")
    finally:
        print("level3 finally")
def level2():
    try:
        level3()
    except ValueError:
        print("level2 never catches KeyError")
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except LookupError as e:
        print("level1 caught", type(e).__name__, e)
        return "handled"
    finally:
        print("level1 finally")
print(level1())
def loop_with_finally():
    for i in range(3):
        try:
            if i == 1:
                break
            print("iteration", i)
        finally:
            print("finally", i)
    else:
        print("else not run after break")
loop_with_finally()
try:
    try:
        raise ValueError("first")
    finally:
        print("finally before propagation")
except ValueError as e:
    print("outer got", e)
import traceback
try:
    {}["k"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception_only(e)).strip())
