import json
print(json.loads('{"ok": true}'))
try:
    json.loads("{'single': 'quotes'}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads('[1, 2,]')
except ValueError as e:
    print(type(e).__name__, e)
json.loads("")
