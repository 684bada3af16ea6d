const xhr = new XMLHttpRequest();
xhr.open('GET', '
- 未清理的请求
javascript
const xhr = new XMLHttpRequest();
xhr.open('GET', 'URL_ADDRESS.com/data');
xhr.send();
