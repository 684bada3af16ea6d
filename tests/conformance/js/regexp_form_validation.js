const rules = {
  email: /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/,
  phone: /^1[3-9]\d{9}$/,
  url: /^https?:\/\/[\w-]+(\.[\w-]+)+(\/[^\s]*)?$/,
  zip: /^\d{6}$/,
  idCard: /^\d{17}[\dXx]$/,
  hexColor: /^#(?:[0-9a-f]{3}){1,2}$/i,
};
const samples = {
  email: ['a.b@example.com', 'bad@', 'x+tag@mail.co.uk'],
  phone: ['13812345678', '12345678901', '1381234567'],
  url: ['https://example.com/path?q=1', 'ftp://x.com', 'http://localhost'],
  zip: ['100000', '12345'],
  idCard: ['11010519491231002X', '1101051949123100'],
  hexColor: ['#fff', '#A1B2C3', '#abcd'],
};
for (const [rule, inputs] of Object.entries(samples)) {
  console.log(rule.padEnd(9), inputs.map((s) => `${s}:${rules[rule].test(s) ? '✓' : '✗'}`).join('  '));
}
