function getConfig(options) {
  const { host, port } = options;
  return `${host}:${port}`;
}
console.log(getConfig({ host: 'localhost', port: 8080 }));
console.log(getConfig());
