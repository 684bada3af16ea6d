import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul(4, 5), operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(3))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.contains([1, 2], 2), operator.getitem("abc", 1))
get_second = itemgetter(1)
print(get_second([10, 20, 30]), itemgetter(0, 2)("xyz"), itemgetter("k")({"k": "v"}))
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=itemgetter(1, 0)))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
people = [P("Ann", 30), P("Bob", 25)]
print([p.name for p in sorted(people, key=attrgetter("age"))])
upper = methodcaller("upper")
split_comma = methodcaller("split", ",")
print(upper("hi"), split_comma("a,b,c"), methodcaller("replace", "a", "o")("banana"))
from functools import reduce
print(reduce(operator.or_, [{1}, {2}, {3}]), reduce(operator.concat, [[1], [2]]))
x = [1, 2]
operator.iadd(x, [3])
print(x, operator.index(5), operator.length_hint(iter([1, 2, 3])))
