const promise = new Promise(function(resolve, reject) {
    setTimeout(resolve, 1000);
});
promise.then(function() {
    console.log('Promise resolved!');
})
