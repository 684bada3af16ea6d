from datetime import datetime, timezone, timedelta
dt = datetime(2024, 10, 1, 9, 5, 7)
print(dt.strftime("%Y-%m-%d %H:%M:%S"))
print(dt.strftime("%Y年%m月%d日 %H时%M分"))
print(dt.strftime("%A %B %d %y %I:%M %p %j %a %b"))
print(f"{dt:%Y/%m/%d} {dt:%H:%M}")
p = datetime.strptime("2023-12-31 23:59", "%Y-%m-%d %H:%M")
print(p, p + timedelta(minutes=1))
utc = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
beijing = utc.astimezone(timezone(timedelta(hours=8)))
print(utc, beijing, beijing.isoformat(), utc == beijing)
print(utc.timestamp(), datetime.fromtimestamp(0, tz=timezone.utc))
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
