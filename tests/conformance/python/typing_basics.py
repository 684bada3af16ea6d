from typing import NamedTuple, TypedDict, Optional, Union, List, Dict, get_type_hints

class Coord(NamedTuple):
    x: int
    y: int = 0

class Movie(TypedDict):
    title: str
    year: int

def find(items: List[int], target: int) -> Optional[int]:
    return items.index(target) if target in items else None

print(Coord(1), Coord(1, 2)._replace(y=5), Coord._fields)
m: Movie = {"title": "Up", "year": 2009}
print(m, find([1, 2], 2), find([], 1))
print(get_type_hints(find))
print(Union[int, str], Optional[int], List[int], Dict[str, int])
