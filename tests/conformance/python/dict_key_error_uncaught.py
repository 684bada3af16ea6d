user = {"name": "李雷", "age": 20}
print(user["name"])
print(user.get("email", "无邮箱"))
print(user["email"])
