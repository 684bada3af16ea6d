def numbers():
    n = 0
    while True:
        yield n
        n += 1

def evens(seq):
    return (x for x in seq if x % 2 == 0)

def squares(seq):
    for x in seq:
        yield x * x

import itertools
print(list(itertools.islice(squares(evens(numbers())), 5)))
