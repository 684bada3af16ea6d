setInterval(function() {
    console.log('Timer is running!');
}, 1000);
