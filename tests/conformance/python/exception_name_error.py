print("before")
print(a)
