# Context managers: the class, the instance and the __exit__ call.
import gc

gc.disable()

gc.collect()
c = gc.get_count()[0]
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


cm = CM()
n = gc.get_count()[0]
print('define', n - c)

gc.collect()
c = gc.get_count()[0]
with cm:
    pass
n = gc.get_count()[0]
print('with', n - c)

gc.collect()
c = gc.get_count()[0]
with cm as c2:
    pass
n = gc.get_count()[0]
print('with as', n - c)
