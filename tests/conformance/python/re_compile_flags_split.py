import re
word = re.compile(r"""
    \b          # 单词边界
    [A-Z]\w*    # 大写开头
    \b
""", re.VERBOSE)
print(word.findall("Alice met bob and Carol in Paris"))
print(re.findall(r"^\w+", "line one\nline two", re.MULTILINE), re.findall(r"^\w+", "line one\nline two"))
print(re.search(r"a.c", "a\nc"), re.search(r"a.c", "a\nc", re.DOTALL).group() == "a\nc")
print(re.findall(r"python", "Python PYTHON python", re.IGNORECASE))
print(re.split(r"[,;\s]+", "a, b;c  d"), re.split(r"(\d)", "a1b2c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.escape("1+1=2?"), re.fullmatch(re.escape("a.b"), "a.b") is not None)
print(word.pattern.count("\n"), word.flags & re.VERBOSE == re.VERBOSE)
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e)
