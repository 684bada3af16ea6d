const observer = new MutationObserver(function(mutations) {
    console.log('Mutation detected!');
});
observer.observe(document.body, {childList: true});
