import gc

saved = []

class Phoenix:
    def __del__(self):
        print("__del__ runs")
        saved.append(self)

p = Phoenix()
del p
print(len(saved))
saved.clear()
print("cleared")
print(gc.collect())
