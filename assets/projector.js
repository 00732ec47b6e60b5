// The projector: full screen at a click, the pointer hidden when the mouse is still, and
// lists that show only what fits. Inside a [data-fit] box, the items of its
// [data-fit-list] that do not fit are marked data-clipped (the stylesheet hides them) and
// its [data-fit-more] says how many are not shown, from the template in
// data-fit-template ("and {n} more stories"): an honest count, never a scroll bar.
(function () {
  var IDLE_MS = 3000;
  var idle = null;

  function wakePointer() {
    document.documentElement.classList.remove("pointer-idle");
    clearTimeout(idle);
    idle = setTimeout(function () {
      document.documentElement.classList.add("pointer-idle");
    }, IDLE_MS);
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  // Writing only changes keeps the observer below from waking itself forever.
  function mark(item, clipped) {
    if (clipped !== item.hasAttribute("data-clipped")) {
      if (clipped) { item.setAttribute("data-clipped", ""); } else { item.removeAttribute("data-clipped"); }
    }
  }

  function fitBox(box) {
    var list = box.querySelector("[data-fit-list]");
    var more = box.querySelector("[data-fit-more]");
    if (!list) { return; }
    // Hidden items keep their place (visibility only), so measuring them is exact.
    var edge = list.getBoundingClientRect();
    var hidden = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var shape = item.getBoundingClientRect();
      var clipped = shape.bottom > edge.bottom + 1 || shape.right > edge.right + 1;
      mark(item, clipped);
      if (clipped) { hidden += 1; }
    });
    if (more) {
      var text = hidden ? (more.getAttribute("data-fit-template") || "{n}").replace("{n}", hidden) : "";
      if (more.textContent !== text) { more.textContent = text; }
    }
  }

  function fit() {
    document.querySelectorAll("[data-fit]").forEach(fitBox);
  }

  document.addEventListener("mousemove", wakePointer, { passive: true });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fullscreen]");
    if (button) { toggleFullScreen(); }
  });
  window.addEventListener("resize", fit);
  // Runs after React wrote a change and before the browser paints it: no flicker.
  new MutationObserver(fit).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true,
  });
  if (document.readyState !== "loading") { fit(); } else { document.addEventListener("DOMContentLoaded", fit); }
  wakePointer();
})();
