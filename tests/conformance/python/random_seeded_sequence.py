import random
random.seed(42)
print(random.random())
print(random.random())
print(random.randint(1, 100), random.randint(1, 100))
print(random.uniform(1, 10))
random.seed(42)
print(random.random())
print([random.randrange(10) for _ in range(10)])
