import re

text = "a1 b22 c333"
print(re.findall(r"[a-z](\d+)", text))
m = re.search(r"(?P<letter>[a-z])(?P<num>\d{2,})", text)
print(m.group(0), m["letter"], m.groupdict(), m.span())
print(re.sub(r"\d+", lambda m: str(len(m.group())), text))
print(re.split(r"\s+", "a  b   c"))
print(re.fullmatch(r"\w+", "abc") is not None)
