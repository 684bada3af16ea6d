message = "你好"
print(message)
print(mesage)
