from typing import Protocol, runtime_checkable
@runtime_checkable
class Drawable(Protocol):
    def draw(self) -> str: ...
class Circle:
    def draw(self) -> str:
        return "○"
class Square:
    def draw(self) -> str:
        return "□"
class Text:
    def render(self) -> str:
        return "abc"
def render_all(items: list[Drawable]) -> str:
    return " ".join(i.draw() for i in items)
print(render_all([Circle(), Square()]))
print(isinstance(Circle(), Drawable), isinstance(Text(), Drawable))
class SupportsLen(Protocol):
    def __len__(self) -> int: ...
def size(x: SupportsLen) -> int:
    return len(x)
print(size("hello"), size([1, 2]))
