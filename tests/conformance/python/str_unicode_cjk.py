s = "Python编程🐍"
print(len(s), s[6:8], s[-1])
print([ord(c) for c in "中文"])
print(chr(20013), chr(0x1F600), "\u4e2d\u6587")
print(s[::-1])
print(sorted("汉字排序按码点"))
print("🐍".encode("utf-8"), len("🐍".encode("utf-16-le")))
print("é" == "e\u0301", len("e\u0301"))
import unicodedata
print(unicodedata.normalize("NFC", "e\u0301") == "é", unicodedata.name("中"))
