# compile(..., 'single'): expression statements at module level print through
# sys.displayhook and set builtins._; one statement only.
import builtins
exec(compile("1 + 1", "<stdin>", "single"))
exec(compile("'text'", "<stdin>", "single"))
exec(compile("None", "<stdin>", "single"))
print(builtins._)
exec(compile("x = [1, 2]", "<stdin>", "single"))
exec(compile("x", "<stdin>", "single"))
exec(compile("for i in range(3): i * 10\n", "<stdin>", "single"))
exec(compile("if x:\n    len(x)\n    'inner'\n", "<stdin>", "single"))
exec(compile("def f():\n    42\n", "<stdin>", "single"))
f()
exec(compile("class C:\n    'doc'\n    7\n", "<stdin>", "single"))
exec(compile("_ * 2", "<stdin>", "single"))
ns = {}
exec(compile("y = 3", "<s>", "single"), ns)
exec(compile("y", "<s>", "single"), ns)
try:
    compile("a = 1\nb = 2\n", "<stdin>", "single")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec(compile("undefined_name", "<stdin>", "single"))
except NameError as e:
    print("NameError:", e)
c = compile("3", "<stdin>", "single")
print(type(c).__name__, c.co_filename)
