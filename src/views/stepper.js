// gen run panels, progressive enhancement: a slider over each heap stepper's key steps.
// The panels work fully without this script (radio inputs and CSS do the stepping).
(function () {
  function enhance(stepper) {
    var radios = stepper.querySelectorAll('.gen-step-input');
    var labels = stepper.querySelector('.gen-step-labels');
    if (radios.length < 2 || !labels || stepper.querySelector('.gen-step-slider')) return;
    var slider = document.createElement('input');
    slider.type = 'range';
    slider.className = 'gen-step-slider';
    slider.min = '0';
    slider.max = String(radios.length - 1);
    slider.setAttribute('aria-label', 'Heap at key step');
    var sync = function () {
      for (var i = 0; i < radios.length; i++) if (radios[i].checked) slider.value = String(i);
    };
    slider.addEventListener('input', function () {
      radios[Number(slider.value)].checked = true;
    });
    stepper.addEventListener('change', sync);
    sync();
    labels.parentNode.insertBefore(slider, labels);
  }
  function run() {
    var steppers = document.querySelectorAll('.gen-run .gen-stepper');
    for (var i = 0; i < steppers.length; i++) enhance(steppers[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
