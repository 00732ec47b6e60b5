// Keyboard shortcuts for the live moments on the console. The console lists them
// (elements with data-shortcut="n" and data-shortcut-targets="stage-next ..."): that list,
// made in livinglab/web/pages/console.py (SHORTCUTS), is the only place they are defined.
// A key clicks the first of its targets (data-testid) that is on the page and enabled, so
// the server's checks stay the only authority. Never while typing in a field, and never
// with Ctrl, Alt or Cmd (the browser's own shortcuts).
// WCAG 2.1.4: a person can switch them off (a screen reader or speech input types letters);
// the choice stays in this browser (localStorage), the switch is in the shortcuts list.
(function () {
  var STORED = "livinglab-shortcuts";

  function switchedOff() {
    try { return window.localStorage.getItem(STORED) === "off"; } catch (e) { return false; }
  }

  function showSwitch() {
    var boxes = document.querySelectorAll("[data-shortcuts-switch]");
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = !switchedOff(); }
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || !box.hasAttribute || !box.hasAttribute("data-shortcuts-switch")) { return; }
    try { window.localStorage.setItem(STORED, box.checked ? "on" : "off"); } catch (e) { /* private mode */ }
  });
  // The console may be drawn before this script runs, and is drawn again after a reconnect;
  // opening the list shows the switch as stored, whatever happened in between.
  showSwitch();
  new MutationObserver(showSwitch).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("toggle", showSwitch, true);

  function typing(el) {
    if (!el || el.nodeType !== 1) { return false; }
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) { return; }
    if (typing(event.target) || typing(document.activeElement) || switchedOff()) { return; }
    var key = (event.key || "").toLowerCase();
    if (key.length !== 1) { return; }
    var entry = document.querySelector('[data-shortcut="' + key + '"]');
    if (!entry) { return; }
    var targets = (entry.getAttribute("data-shortcut-targets") || "").split(" ");
    for (var i = 0; i < targets.length; i++) {
      var button = document.querySelector('[data-testid="' + targets[i] + '"]');
      if (button && !button.disabled) {
        event.preventDefault();
        button.click();
        return;
      }
    }
  });
})();
