school = {
    "class1": {"teacher": "王老师", "students": ["A", "B"]},
    "class2": {"teacher": "Ms. Li", "students": ["C"]},
}
print(school["class1"]["students"][1])
school["class2"]["students"].append("D")
for cls, info in school.items():
    print(cls, info["teacher"], len(info["students"]))
print(school)
matrix = {(0, 0): 1, (1, 2): 5}
print(matrix[(1, 2)], matrix.get((2, 2), 0))
