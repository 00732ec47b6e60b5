// Stage countdowns: every screen counts to the same server deadline.
// An element with data-timer-end (ms since epoch, server clock) and data-server-now
// (the server's clock when it sent that) shows the time left as m:ss.
// The interval runs only while a countdown is on screen: an idle phone does no work.
(function () {
  var offsets = new WeakMap();
  var ticking = null;

  function render(el) {
    var end = Number(el.getAttribute("data-timer-end") || 0);
    var serverNow = Number(el.getAttribute("data-server-now") || 0);
    if (!end) { show(el, ""); return false; }
    var seen = offsets.get(el);
    if (!seen || seen.serverNow !== serverNow) {
      seen = { serverNow: serverNow, offset: serverNow ? serverNow - Date.now() : 0 };
      offsets.set(el, seen);
    }
    var left = Math.max(0, Math.round((end - (Date.now() + seen.offset)) / 1000));
    show(el, Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0"));
    return left > 0;
  }

  // Writing only changes keeps the observer below from waking itself forever.
  function show(el, text) {
    if (el.textContent !== text) { el.textContent = text; }
  }

  function tick() {
    var running = false;
    document.querySelectorAll("[data-timer-end]").forEach(function (el) {
      running = render(el) || running;
    });
    if (!running && ticking) { clearInterval(ticking); ticking = null; }
    return running;
  }

  function wake() {
    if (tick() && !ticking) { ticking = setInterval(tick, 500); }
  }

  new MutationObserver(wake).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["data-timer-end", "data-server-now"],
  });
  if (document.readyState !== "loading") { wake(); } else { document.addEventListener("DOMContentLoaded", wake); }
})();
