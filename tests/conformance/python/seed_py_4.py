import weakref

class Data:
    pass

obj = Data()
ref = weakref.ref(obj)  # 弱引用不增加计数
