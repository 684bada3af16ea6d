from typing import Optional, Union, Callable, Any, Literal, Final
import typing
def find(items: list[str], target: str) -> Optional[int]:
    return items.index(target) if target in items else None
print(find(["a", "b"], "b"), find(["a"], "z"))
def to_str(x: Union[int, float, None]) -> str:
    return "nothing" if x is None else f"{x:.1f}"
print(to_str(3), to_str(None))
def parse(x: int | str) -> int:
    return int(x)
print(parse("12") + parse(3))
Handler = Callable[[str], None]
def run(h: Handler) -> None:
    h("called")
run(print)
Mode = Literal["r", "w"]
MAX: Final = 10
print(Optional[int], Union[int, str], int | None)
print(typing.get_type_hints(find))
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]), typing.get_args(Optional[int]))
print(parse.__annotations__)
