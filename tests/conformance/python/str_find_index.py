s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"))
print(s.find("java"))
print(s.index("world"), s.count("hello"), s.count("l"))
print("python" in s, "Java" not in s)
try:
    s.index("java")
except ValueError as e:
    print("ValueError:", e)
print(s.startswith("hello"), s.endswith(("python", "java")))
print(s.startswith("world", 6))
