function readConfig(name, callback) {
  setTimeout(() => {
    if (name === 'missing') callback(new Error(`ENOENT: ${name}`));
    else callback(null, { name, port: 8080 });
  }, 10);
}
const promisify = (fn) => (...args) =>
  new Promise((resolve, reject) => fn(...args, (err, data) => (err ? reject(err) : resolve(data))));
const readConfigAsync = promisify(readConfig);
readConfigAsync('app').then((cfg) => console.log('config', cfg));
readConfigAsync('missing').catch((e) => console.log('error', e.message));
const util = require('util');
const sleep = util.promisify(setTimeout);
sleep(20).then(() => console.log('util.promisify(setTimeout) done'));
readConfig('cb', (err, data) => console.log('callback style', err, data));
