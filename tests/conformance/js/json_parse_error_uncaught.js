const good = JSON.parse('{"ok": true, "list": [1, 2.5, "三"]}');
console.log(good);
try {
  JSON.parse("{'single': 1}");
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  JSON.parse('[1, 2,]');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
JSON.parse('');
