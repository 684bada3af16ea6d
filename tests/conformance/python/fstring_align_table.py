# 用 f-string 对齐打印成绩表
students = [("张三", 92.5), ("Alice", 88), ("李四", 75.25), ("Bob", 100)]
print(f"{'姓名':<8}|{'分数':>8}")
print("-" * 18)
for name, score in students:
    print(f"{name:<8}|{score:>8.2f}")
total = sum(s for _, s in students)
print(f"{'平均':<8}|{total / len(students):>8.2f}")
print(f"{'|':=^18}")
