from itertools import groupby
data = "aaabbbcccaad"
print([(k, len(list(g))) for k, g in groupby(data)])
print("".join(f"{k}{len(list(g))}" for k, g in groupby(data)))
people = [("eng", "Ann"), ("ops", "Bob"), ("eng", "Cid"), ("ops", "Dan")]
people.sort(key=lambda p: p[0])
for dept, members in groupby(people, key=lambda p: p[0]):
    print(dept, [m[1] for m in members])
nums = [1, 2, 4, 5, 6, 9, 10]
for _, g in groupby(enumerate(nums), key=lambda t: t[1] - t[0]):
    run = [v for _, v in g]
    print(run[0], "-", run[-1])
