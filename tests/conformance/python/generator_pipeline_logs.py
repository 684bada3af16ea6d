log_lines = """\
2024-01-01 INFO 启动服务
2024-01-01 ERROR 数据库连接失败
2024-01-02 WARN 内存偏高
2024-01-02 ERROR 超时
2024-01-03 INFO 正常""".splitlines()
def parse(lines):
    for line in lines:
        date, level, msg = line.split(" ", 2)
        yield {"date": date, "level": level, "msg": msg}
def only(level, records):
    return (r for r in records if r["level"] == level)
errors = only("ERROR", parse(log_lines))
for r in errors:
    print(r["date"], r["msg"])
from collections import Counter
print(Counter(r["level"] for r in parse(log_lines)))
