// A refusal is shown beside the control that was used (role="alert"); on a small phone
// that spot can still be under the keyboard or off screen after the tap. Bring each newly
// shown alert (and a confirm step marked data-scroll-into-view) into view, by the least
// scrolling that shows it, without motion for people who asked for less.
(function () {
  var SHOWN = '[role="alert"], [data-scroll-into-view]';
  var still = window.matchMedia("(prefers-reduced-motion: reduce)");

  function reveal(el) {
    el.scrollIntoView({ block: "nearest", behavior: still.matches ? "auto" : "smooth" });
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) { return; }
        if (node.matches(SHOWN)) { reveal(node); return; }
        var inside = node.querySelector(SHOWN);
        if (inside) { reveal(inside); }
      });
    });
  }).observe(document.documentElement, { subtree: true, childList: true });
})();
