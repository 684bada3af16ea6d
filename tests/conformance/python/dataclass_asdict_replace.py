from dataclasses import dataclass, asdict, astuple, replace, fields
import json
@dataclass
class Address:
    city: str
    zip: str
@dataclass
class User:
    name: str
    age: int
    address: Address
u = User("王芳", 28, Address("上海", "200000"))
print(asdict(u))
print(astuple(u))
print(json.dumps(asdict(u), ensure_ascii=False))
older = replace(u, age=29)
print(older, older.address is u.address)
print([f.name for f in fields(User)], [f.type for f in fields(Address)])
