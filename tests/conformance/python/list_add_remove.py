fruits = ["apple", "banana"]
fruits.append("cherry")
fruits.insert(0, "mango")
fruits.extend(["kiwi", "lime"])
print(fruits)
print(fruits.pop(), fruits.pop(0), fruits)
fruits.remove("banana")
print(fruits)
del fruits[0]
print(fruits, len(fruits))
fruits.clear()
print(fruits)
try:
    fruits.remove("x")
except ValueError as e:
    print(e)
print([].pop() if False else "pop from empty list raises IndexError")
