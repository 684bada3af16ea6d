employees = [
    {"name": "Zhang", "dept": "eng", "salary": 9000},
    {"name": "Li", "dept": "ops", "salary": 7000},
    {"name": "Wang", "dept": "eng", "salary": 12000},
    {"name": "Zhao", "dept": "ops", "salary": 7000},
]
for e in sorted(employees, key=lambda e: (e["dept"], -e["salary"], e["name"])):
    print(e["dept"], e["salary"], e["name"])
from operator import itemgetter
print([e["name"] for e in sorted(employees, key=itemgetter("salary", "name"))])
