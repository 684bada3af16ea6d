print(eval("2 + 3 * 4"), eval("[x * 2 for x in range(3)]"), eval("a + b", {"a": 1, "b": 2}))
code = "result = sum(range(10))"
ns = {}
exec(code, ns)
print(ns["result"])
x = 10
def show_locals(a, b=2):
    c = a + b
    return locals()
print(show_locals(1))
print(sorted(vars(type("T", (), {"k": 1, "__doc__": None}))).__contains__("k"))
T = type("Point", (object,), {"x": 0, "describe": lambda self: f"Point(x={self.x})"})
p = T()
p.x = 5
print(T.__name__, p.describe(), isinstance(p, T))
import ast
print(ast.literal_eval("{'a': [1, 2], 'b': (3,)}"), ast.literal_eval("-5"))
print(compile("1+1", "<s>", "eval").co_filename, eval(compile("1+1", "<s>", "eval")))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("ValueError:", str(e)[:25])
