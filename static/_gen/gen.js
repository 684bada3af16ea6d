// gen theme script: the dark-mode toggle (remembers the choice) and code-group tab
// labels for keyboard users. Pages are fully readable without it.
(function () {
  var root = document.documentElement;
  function isDark() {
    if (root.classList.contains("dark")) return true;
    if (root.classList.contains("light")) return false;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.classList.remove("dark", "light");
      root.classList.add(next);
      try { localStorage.setItem("gen-theme", next); } catch (e) {}
    });
  });
})();
