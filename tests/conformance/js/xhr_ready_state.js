const xhr = new XMLHttpRequest();
console.log(xhr.readyState, XMLHttpRequest.UNSENT, XMLHttpRequest.DONE);
xhr.open('GET', 'http://example.invalid/data');
console.log(xhr.readyState, xhr.status);
xhr.abort();
console.log(xhr.readyState);
