class A:
    pass
class B(A):
    def hello(self):
        super().hello()
B().hello()
