function addEventListeners() {
    const button = document.getElementById('myButton');
    button.addEventListener('click', function() {
        console.log('Button clicked!');
    });
}
addEventListeners();
