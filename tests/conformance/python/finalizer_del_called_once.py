import gc

calls = []

class Once:
    def __del__(self):
        calls.append(1)
        print("del call", len(calls))
        global keep
        keep = self

o = Once()
del o
keep = None
gc.collect()
print(len(calls))
