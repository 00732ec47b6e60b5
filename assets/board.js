// Drag and drop on the theme board. A drop sets the card's own "theme" select and
// fires its change event, so a drag and the keyboard/tap path run the same server
// handler (FacilitatorState.move_card): one path to test, one rule on the server.
(function () {
  var dragged = null;

  function column(el) { return el && el.closest ? el.closest("[data-drop-theme]") : null; }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-drag-insight]");
    if (!card) { return; }
    dragged = card.getAttribute("data-drag-insight");
    event.dataTransfer.setData("text/plain", dragged);
    event.dataTransfer.effectAllowed = "move";
  });

  document.addEventListener("dragover", function (event) {
    var target = column(event.target);
    if (dragged && target) {
      event.preventDefault();
      target.classList.add("drop-target");
    }
  });

  document.addEventListener("dragleave", function (event) {
    var target = column(event.target);
    if (target) { target.classList.remove("drop-target"); }
  });

  document.addEventListener("drop", function (event) {
    var target = column(event.target);
    var id = dragged || event.dataTransfer.getData("text/plain");
    dragged = null;
    if (!target || !id) { return; }
    event.preventDefault();
    target.classList.remove("drop-target");
    var select = document.querySelector('[data-move-for="' + id + '"]');
    var theme = target.getAttribute("data-drop-theme");
    if (!select || select.value === theme) { return; }
    var setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value").set;
    setter.call(select, theme);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });

  document.addEventListener("dragend", function () { dragged = null; });
})();
