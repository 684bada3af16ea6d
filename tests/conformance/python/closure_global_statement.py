counter = 0

def bump():
    global counter
    counter += 1
    return counter

def shadow():
    counter = 100
    return counter

print(bump(), bump(), shadow(), counter)
