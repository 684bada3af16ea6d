def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ["A man, a plan, a canal: Panama", "race a car", "上海自来水来自海上"]:
    print(repr(s), is_palindrome(s))
def group_anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))
def compress(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    return "".join(out)
print(compress("aaabccdddd"), compress("abc"))
def reverse_words(s):
    return " ".join(reversed(s.split()))
print(reverse_words("  the sky   is blue "))
def first_unique(s):
    from collections import Counter
    c = Counter(s)
    return next((i for i, ch in enumerate(s) if c[ch] == 1), -1)
print(first_unique("leetcode"), first_unique("loveleetcode"), first_unique("aabb"))
print("".join(ch.upper() if i % 2 else ch for i, ch in enumerate("alternating")))
