from typing import NamedTuple
class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 0
    def raise_salary(self, pct):
        return self._replace(salary=int(self.salary * (1 + pct / 100)))
e = Employee("Ann", salary=1000)
print(e, e.name, e[2], len(e))
print(e.raise_salary(10))
print(e._asdict(), Employee._fields, Employee._field_defaults)
name, dept, salary = e
print(name, dept, salary, isinstance(e, tuple))
print(sorted([Employee("B", salary=3), Employee("A", salary=5)], key=lambda x: x.salary))
e.name = "x"
