class T:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("free", self.name)

root = T("root", T("mid", T("leaf")))
print("drop root")
root = None
print("done")
