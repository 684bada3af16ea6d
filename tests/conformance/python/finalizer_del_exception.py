class Bad:
    def __del__(self):
        raise ValueError("oops")

b = Bad()
del b
print("still running")
