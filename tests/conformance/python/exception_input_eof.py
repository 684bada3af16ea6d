print("asking")
name = input("name? ")
print(name)
