from typing import TypedDict, NotRequired
class Movie(TypedDict):
    title: str
    year: int
    rating: NotRequired[float]
m: Movie = {"title": "流浪地球", "year": 2019}
print(m, type(m).__name__)
m["rating"] = 7.9
print(m["title"], m.get("rating"))
print(Movie.__required_keys__ == frozenset({"title", "year"}), sorted(Movie.__optional_keys__))
print(Movie.__annotations__["year"])
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2))
