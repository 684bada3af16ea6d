def http_status(code):
    match code:
        case 200:
            return "OK"
        case 301 | 302:
            return "Redirect"
        case 404:
            return "Not Found"
        case int(c) if 500 <= c < 600:
            return "Server Error"
        case _:
            return "Unknown"
print([http_status(c) for c in (200, 302, 404, 503, 999)])
def describe(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"移动到 {direction}"
        case ["pick", "up", *items] if items:
            return f"捡起 {', '.join(items)}"
        case ["quit" | "exit"]:
            return "退出"
        case []:
            return "空命令"
        case [first, *_]:
            return f"未知命令 {first}"
for c in ["go north", "pick up sword shield", "exit", "", "dance now"]:
    print(repr(c), "->", describe(c))
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str() as k}:
            return f"key {k!r}"
        case {"type": t, **rest}:
            return f"other {t} {rest}"
print(handle({"type": "click", "pos": (1, 2)}), handle({"type": "key", "key": "q"}), handle({"type": "scroll", "dy": 3}))
