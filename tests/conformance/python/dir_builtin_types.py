print(dir([]))
print(dir({}))
print(dir(""))
print(dir(1))
print(dir(1.5))
print(dir(()))
class A:
    x = 1
    def f(self):
        pass
print(dir(A()))
print([n for n in dir(A) if not n.startswith("__")], "__class__" in dir(A))
print(divmod(7, 2) == (7).__divmod__(2), (7).__rdivmod__(30), "%s!".__rmod__(3))
lst = [1, 2]
print(lst.__imul__(2), lst, {1: 2}.__ror__({3: 4}), list(reversed({"a": 1, "b": 2})))
print(list.__class_getitem__(int), dict[str, int])
