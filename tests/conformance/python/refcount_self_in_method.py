import sys

class C:
    def count(self):
        return sys.getrefcount(self)

    def count_with_local(self):
        me = self
        return sys.getrefcount(self)

c = C()
print(sys.getrefcount(c))
print(c.count())
print(c.count_with_local())
print(C.count(c))
