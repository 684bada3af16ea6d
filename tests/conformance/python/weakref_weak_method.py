import weakref

class Handler:
    def handle(self):
        return "handled"

h = Handler()
strong = weakref.ref(h.handle)
print(strong())
wm = weakref.WeakMethod(h.handle)
print(wm()())
del h
print(wm())
