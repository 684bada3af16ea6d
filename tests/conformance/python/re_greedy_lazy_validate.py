import re
html = "<b>粗体</b> 和 <i>斜体</i>"
print(re.findall(r"<.+>", html))
print(re.findall(r"<.+?>", html))
print(re.findall(r"<(\w+)>(.*?)</\1>", html))
def is_valid_password(p):
    return bool(re.fullmatch(r"(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{8,}", p))
for p in ["abc", "Passw0rd", "password1", "PASSWORD1a"]:
    print(p, is_valid_password(p))
ip = re.compile(r"^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$")
for s in ["192.168.1.1", "256.1.1.1", "10.0.0"]:
    print(s, bool(ip.match(s)))
print(re.findall(r"\$\d+(?:\.\d{2})?", "costs $5, $12.50 and $3.5"))
