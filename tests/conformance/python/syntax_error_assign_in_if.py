values = [1, 2, 3]
if len(values) = 3:
    print("three")
