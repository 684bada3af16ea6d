console.log('never printed: syntax errors stop the whole script');
function broken() {
  if (true) {
    return 1;
}
