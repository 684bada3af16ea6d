import re
text = "张三: 13812345678, 李四: 13987654321, 王五: 010-12345678"
print(re.findall(r"1[3-9]\d{9}", text))
print(re.findall(r"(\w+): (1\d{10})", text))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"[a-z]+", "Hello World", re.I))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"x*", "axx"))
emails = "contact: a.b@example.com, x_y@test.org; bad@, @bad.com"
print(re.findall(r"[\w.]+@[\w]+\.[a-z]{2,}", emails))
print(re.findall(r"\b\w{5}\b", "hello there world python code"))
