import ast
c = compile("x = 40 + 2\nprint('in exec', x)", "<demo>", "exec")
print(type(c).__name__, c.co_filename, c.co_name)
ns = {}
exec(c, ns)
print(ns["x"], eval(compile("x * 2", "<e>", "eval"), ns))
for s in ["[1, (2, 3), {'a': None}, {4, 5}, b'x', -1.5, 1+2j, set(), ...]", "  42", "-(1)", "{**a}", "1 + 2", "x", "f(1)", "[1, y]", "2j - 1", "-True"]:
    try:
        print(repr(ast.literal_eval(s)))
    except ValueError as e:
        print("ValueError", str(e).split(" at ")[0])
try:
    compile("x = (", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno)
try:
    compile("1", "<m>", "run")
except ValueError as e:
    print(e)
try:
    ast.literal_eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
import traceback
def boom():
    return 1 / 0
try:
    boom()
except ZeroDivisionError as e:
    print(traceback.format_exception_only(e))
    print(traceback.format_exc().splitlines()[-1], traceback.format_exc().count("\n"))
    lines = traceback.format_exception(e)
    print(len(lines), lines[0], lines[-1], [line.count("\n") for line in lines])
    traceback.print_exc()
try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("a note")
    print(traceback.format_exception_only(type(e), e))
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n", 3, 6))))
print(traceback.format_exception_only(KeyError()), traceback.format_exception_only(ValueError("")))
