people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=str.lower))
import operator
print(sorted(people, key=operator.itemgetter(1, 0), reverse=True))
print(sorted([3, 1, 2], reverse=True), list(reversed([1, 2, 3])), sorted("bca"))
