// gen watch: reloads this tab after each good rebuild (keeping the scroll position) and
// shows the build errors over the page while the latest rebuild failed.
(function () {
  "use strict";
  var script = document.currentScript;
  var served = script ? script.getAttribute("data-build") : null;
  var key = "gen-watch-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var restore = function () { window.scrollTo(0, parseFloat(saved) || 0); };
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
  }

  var overlay = null;
  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "gen-watch-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(24,24,27,.94);color:#fca5a5;font:14px/1.5 ui-monospace,monospace";
      var title = document.createElement("h2");
      title.textContent = "gen: the last rebuild failed (still serving the previous build)";
      title.style.cssText = "margin:0 0 1rem;color:#fff;font:600 16px system-ui,sans-serif";
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre-wrap";
      overlay.appendChild(title);
      overlay.appendChild(pre);
    }
    // textContent: the diagnostics are shown as text, never parsed as HTML.
    overlay.lastChild.textContent = text;
    if (!overlay.parentNode) document.documentElement.appendChild(overlay);
  }
  function clearErrors() {
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
  }

  var events = new EventSource("/__gen/events");
  events.addEventListener("status", function (e) {
    var status;
    try { status = JSON.parse(e.data); } catch (_) { return; }
    if (!status.ok) { showErrors(status.errors); return; }
    clearErrors();
    if (served !== null && status.build !== served) {
      sessionStorage.setItem(key, String(window.scrollY));
      events.close();
      location.reload();
    }
  });
})();
