from functools import total_ordering
@total_ordering
class Student:
    def __init__(self, name, score):
        self.name, self.score = name, score
    def __eq__(self, other):
        return self.score == other.score
    def __lt__(self, other):
        return self.score < other.score
    def __repr__(self):
        return f"{self.name}({self.score})"
a, b, c = Student("甲", 90), Student("乙", 85), Student("丙", 90)
print(a > b, a >= c, b <= a, a != c, a == c)
print(sorted([a, b, c]), max(a, b, c))
print(sorted([a, b, c], reverse=True))
