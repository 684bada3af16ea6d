scores = {"Tom": 82, "Ann": 95, "Joe": 82, "Sue": 70}
print(sorted(scores))
print(sorted(scores.items(), key=lambda kv: kv[1]))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(sorted(scores.items(), key=lambda kv: kv[1], reverse=True)))
print(max(scores, key=scores.get), min(scores, key=scores.get))
top2 = sorted(scores, key=scores.get, reverse=True)[:2]
print(top2)
