def find_user(name):
    users = {"alice": {"email": "a@example.com"}}
    return users.get(name)
print(find_user("alice").get("email"))
result = [3, 1, 2].sort()
print(result)
result.append(4)
