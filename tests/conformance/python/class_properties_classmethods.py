class Temperature:
    unit = "C"

    def __init__(self, c):
        self._c = c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @classmethod
    def boiling(cls):
        return cls(100)

    @staticmethod
    def describe():
        return "temperature"

t = Temperature.boiling()
print(t.fahrenheit, t.unit, Temperature.describe())
t.fahrenheit = 32
print(t._c)
try:
    del t.fahrenheit
except AttributeError as e:
    print(e)
