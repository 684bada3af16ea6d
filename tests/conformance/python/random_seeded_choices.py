import random
random.seed(2024)
fruits = ["apple", "banana", "cherry", "date", "elderberry"]
print(random.choice(fruits))
print(random.sample(fruits, 3))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choices(fruits, k=4))
print(random.choices(["win", "lose"], weights=[1, 9], k=5))
print(random.getrandbits(16), round(random.gauss(0, 1), 6))
rng = random.Random(7)
print(rng.randint(1, 6), rng.randint(1, 6), rng.random())
