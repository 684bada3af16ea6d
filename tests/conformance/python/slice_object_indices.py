s = slice(1, 8, 2)
data = "0123456789"
print(s, data[s], s.start, s.stop, s.step)
print(s.indices(5))
FIRST_TWO = slice(0, 2)
record = ["Ann", "Lee", 34, "NYC"]
print(record[FIRST_TWO])
print(slice(None, None, -1), data[slice(None, None, -1)])
