const { proxy, revoke } = Proxy.revocable({ secret: 42 }, {});
console.log(proxy.secret);
revoke();
try {
  proxy.secret;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
function sum(a, b) {
  return a + b;
}
const traced = new Proxy(sum, {
  apply(target, thisArg, args) {
    console.log(`call ${target.name}(${args.join(', ')})`);
    return target(...args) * 10;
  },
  construct(target, args) {
    return { constructedWith: args };
  },
});
console.log(traced(1, 2), new traced(3));
console.log(typeof traced);
