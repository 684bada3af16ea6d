class A:
    def hello(self):
        print("A.hello")
class B(A):
    def hello(self):
        print("B.hello")
        super().hello()
class C(A):
    def hello(self):
        print("C.hello")
        super().hello()
class D(B, C):
    def hello(self):
        print("D.hello")
        super().hello()
D().hello()
print([k.__name__ for k in D.mro()])
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print("TypeError:", e)
