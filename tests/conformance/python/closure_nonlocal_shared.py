def make():
    value = 0
    def get():
        return value
    def put(v):
        nonlocal value
        value = v
    return get, put

get, put = make()
print(get())
put(5)
print(get())
print(get.__closure__[0] is put.__closure__[0])
