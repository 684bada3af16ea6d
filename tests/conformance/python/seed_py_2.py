import gc
a = [1,2,3]
b = a
del b
gc.collect()  # 手动触发垃圾回收
