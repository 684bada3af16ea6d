def count_up(n):
    print("start")
    i = 1
    while i <= n:
        print(f"yield {i}")
        yield i
        i += 1
    print("end")
g = count_up(2)
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(list(count_up(3)))
gen = (x * x for x in range(3))
print(next(gen), list(gen), list(gen))
