import re
pattern = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
m = pattern.search("发布于 2024-06-18 晚上")
print(m)
print(m.group(), m.group("year"), m.group(2), m["day"], m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.span("month"))
print(pattern.match("2024-06-18 x") is not None, pattern.match("x 2024-06-18"), pattern.fullmatch("2024-06-18") is not None)
log = "ERROR [db] connection lost\nINFO [web] started\nERROR [web] timeout"
for m in re.finditer(r"^(?P<level>ERROR) \[(?P<mod>\w+)\] (?P<msg>.*)$", log, re.M):
    print(m["mod"], "->", m["msg"])
print(re.match(r"(\d+)?x", "x").groups(), re.match(r"(\d+)?x", "x").groups(default="none"))
