count = 0
def increment():
    print("incrementing")
    count += 1
    return count
increment()
