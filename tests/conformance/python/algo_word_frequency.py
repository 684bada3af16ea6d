import re
from collections import Counter
text = """Python is great. Python is easy to learn.
Is Python slow? Sometimes, but Python is productive!"""
words = re.findall(r"[a-z]+", text.lower())
freq = Counter(words)
for word, n in freq.most_common(4):
    print(f"{word:<10}{'#' * n} {n}")
print(len(words), len(freq))
zh = "我爱编程，编程使我快乐。我爱 Python！"
chars = Counter(ch for ch in zh if "\u4e00" <= ch <= "\u9fff")
print(chars.most_common(3))
longest = max(words, key=len)
print(longest, sorted(freq, key=lambda w: (-freq[w], w))[:3])
