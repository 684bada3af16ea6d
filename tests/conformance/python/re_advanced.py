import re

pattern = re.compile(r"(\w+)@(\w+)\.com", re.IGNORECASE)
text = "Mail ANN@Site.com or bob@web.com now"
print(pattern.findall(text))
print([m.group(1) for m in pattern.finditer(text)])
print(pattern.sub(r"\2:\1", text))
print(re.match(r"\d+", "123abc").group(), re.match(r"\d+", "abc"))
print(re.sub(r"(?m)^", "> ", "a\nb"), re.escape("a.b*c"))
print(re.findall(r"(?<=\$)\d+", "cost $30 and $45"), re.split(r"(,)", "a,b"))
