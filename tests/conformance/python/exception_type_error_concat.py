age = 18
print("年龄: " + str(age))
print("年龄: " + age)
