import gc
a = [1,2,3]
b = a
a.append(b)  # 循环引用
del a
gc.collect()  # 手动触发垃圾回收
