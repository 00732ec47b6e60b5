// What is left of a text's limit while typing, counted as the server counts: code points
// (Python's len), after trimming. The browser's maxlength counts UTF-16 units, in which an
// emoji is two. A counter: data-count-for (the field's id), data-count-limit, and the
// texts data-count-left / data-count-over (and their -one forms), {n} the number. This script blocks nothing:
// a text over the limit is still sent, and the server says it is too long, in place.
(function () {
  function count(text) { return Array.from(text.trim()).length; }

  function update(counter) {
    var field = document.getElementById(counter.getAttribute("data-count-for"));
    if (!field) { return; }
    var left = Number(counter.getAttribute("data-count-limit")) - count(field.value);
    var over = left < 0;
    var name = (over ? "data-count-over" : "data-count-left") + (Math.abs(left) === 1 ? "-one" : "");
    var template = counter.getAttribute(name) || "";
    var text = template.replace("{n}", String(Math.abs(left)));
    if (counter.textContent !== text) { counter.textContent = text; }
    counter.classList.toggle("over", over);
    counter.setAttribute("data-count-left-n", String(left));
  }

  function updateAll() { document.querySelectorAll("[data-count-for]").forEach(update); }

  document.addEventListener("input", function (event) {
    var id = event.target && event.target.id;
    if (!id) { return; }
    document.querySelectorAll('[data-count-for="' + id + '"]').forEach(update);
  });

  // A field shown or emptied by the server (a story stored empties it without an input
  // event; it also moves data-outbox-answered): count again once the page has settled.
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.setTimeout(function () { pending = false; updateAll(); }, 50);
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["data-outbox-answered", "data-count-left"],
  });
  if (document.readyState !== "loading") { updateAll(); } else { document.addEventListener("DOMContentLoaded", updateAll); }
})();
