class Account:
    def __init__(self):
        self.public = 1
        self._protected = 2
        self.__private = 3
    def get_private(self):
        return self.__private
a = Account()
print(a.public, a._protected, a.get_private())
print(sorted(a.__dict__))
print(a._Account__private)
class Sub(Account):
    def peek(self):
        return self.__private
try:
    Sub().peek()
except AttributeError as e:
    print(e)
print(a.__private)
