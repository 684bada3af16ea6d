def countdown(n):
    return countdown(n - 1)
try:
    countdown(10)
except RecursionError as e:
    print(type(e).__name__, e)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth() > 900)
