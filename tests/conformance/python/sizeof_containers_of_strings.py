import sys

words = ["alpha", "beta", "gamma"]
print(sys.getsizeof(words), sum(sys.getsizeof(w) for w in words))
d = dict.fromkeys(words, 0)
print(sys.getsizeof(d))
print(sys.getsizeof(set(words)), sys.getsizeof(tuple(words)))
print(sys.getsizeof("".join(words)), sys.getsizeof(" ".join(words).split()))
