import sys
print(sys.getsizeof([1,2,3]))  # 输出 88（字节）

import tracemalloc
tracemalloc.start()
# ... 代码 ...
snapshot = tracemalloc.take_snapshot()
