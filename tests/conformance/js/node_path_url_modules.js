const path = require('path');
console.log(path.join('/usr', 'local', '../lib', 'file.txt'));
console.log(path.resolve('/a/b', './c', '../d'));
console.log(path.basename('/docs/notes/内存管理.md'), path.extname('archive.tar.gz'), path.basename('/x/y.js', '.js'));
console.log(path.dirname('/a/b/c.txt'), path.parse('/home/u/file.txt'));
console.log(path.normalize('/a//b/../c/./d'), path.isAbsolute('rel/p'), path.relative('/a/b/c', '/a/d'), path.sep);
const url = new URL('https://user:pw@example.com:8080/p/a/t/h?query=string&a=1&a=2#hash');
console.log(url.hostname, url.port, url.pathname, url.search, url.hash, url.origin, url.username);
console.log(url.searchParams.get('a'), url.searchParams.getAll('a'), [...url.searchParams.keys()]);
url.searchParams.append('中文', '值 1');
url.pathname = '/new';
console.log(url.href);
const params = new URLSearchParams({ q: 'js closures', page: 2 });
console.log(params.toString(), String(new URL('../up?x=1', 'https://a.com/b/c/d')));
try {
  new URL('not a url');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
