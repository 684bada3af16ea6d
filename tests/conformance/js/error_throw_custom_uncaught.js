class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}
function request(path) {
  if (path !== '/ok') throw new HttpError(404, `Not Found: ${path}`);
  return 'ok';
}
console.log(request('/ok'));
request('/missing');
