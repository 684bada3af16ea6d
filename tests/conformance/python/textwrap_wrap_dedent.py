import textwrap
text = "Python is a programming language that lets you work quickly and integrate systems more effectively."
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.shorten(text, width=40))
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
code = """
    def hello():
        print("hi")
    """
print(repr(textwrap.dedent(code)))
print(textwrap.indent("line1\nline2\n\nline4", "> "))
print(textwrap.fill("中文文本也可以按照宽度进行换行处理，不过每个字符按一个宽度计算。", width=12))
w = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ")
print(w.fill(text))
