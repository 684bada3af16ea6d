from typing import Generic, TypeVar, Optional, Iterator
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []
    def push(self, item: T) -> None:
        self._items.append(item)
    def pop(self) -> T:
        return self._items.pop()
    def peek(self) -> Optional[T]:
        return self._items[-1] if self._items else None
    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)
    def __repr__(self) -> str:
        return f"Stack({self._items})"
s: Stack[int] = Stack()
s.push(1); s.push(2); s.push(3)
print(s, s.pop(), s.peek(), list(s))
print(Stack[int], Stack[str]().peek())
K = TypeVar("K")
V = TypeVar("V")
def first_key(d: dict[K, V]) -> Optional[K]:
    return next(iter(d), None)
print(first_key({"a": 1}), first_key({}))
print(T, T.__name__)
