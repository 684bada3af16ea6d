def greet(name, greeting):
    return f"{greeting}, {name}!"
print(greet("Ann", "Hi"))
print(greet(greeting="Hey", name="Bob"))
print(greet("Cid"))
