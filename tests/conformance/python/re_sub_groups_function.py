import re
print(re.sub(r"(\d{4})-(\d{2})-(\d{2})", r"\3/\2/\1", "日期 2024-03-15 和 2023-12-01"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last> \g<first>", "John Smith"))
print(re.sub(r"\s+", " ", "too    many   spaces\t\nhere"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"[aeiou]", "*", "programming", count=2))
print(re.subn(r"o", "0", "foo boo"))
def camel_to_snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
print(camel_to_snake("HTTPResponseCode"), camel_to_snake("getUserName"))
print(re.sub(r"(\w)(\w*)", lambda m: m[1].upper() + m[2].lower(), "hELLO wORLD"))
