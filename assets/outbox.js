// A story sent without a connection is not silently lost. The form keeps its text (the
// server empties it only once the story is stored) and, when the server has not answered
// in a moment or the phone is offline, says "not sent yet". Reflex sends the queued event
// when the socket is back; after a reconnect the server also asks to send waiting forms
// again (a story lost in a dead connection). The form's ref makes every copy count once.
// A join that had to wait is sent again by itself too.
(function () {
  var LATE_MS = 1500;

  function waiting() { return document.querySelectorAll("form[data-outbox][data-sending]"); }
  function mark(form) { form.setAttribute("data-waiting", ""); }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-outbox]")) { return; }
    form.setAttribute("data-sending", "");
    if (!navigator.onLine) { mark(form); return; }
    window.setTimeout(function () {
      if (form.hasAttribute("data-sending")) { mark(form); }
    }, LATE_MS);
  }, true);

  window.addEventListener("offline", function () { waiting().forEach(mark); });

  function answered() {
    waiting().forEach(function (form) {
      form.removeAttribute("data-sending");
      form.removeAttribute("data-waiting");
    });
  }
  function resend() {
    waiting().forEach(function (form) { form.requestSubmit(); });
  }

  // Joining had to wait (many new phones from one address within a minute): send the
  // join form again by itself, with the name and role still in it, after a moment.
  function rejoin(signal) {
    var delay = Number(signal.getAttribute("data-join-retry-ms")) || 10000;
    window.setTimeout(function () {
      var form = document.querySelector("form[data-rejoin]");
      if (form) { form.requestSubmit(); }
    }, delay);
  }

  // The server counts in the page (no script from the server: the CSP allows no eval):
  // data-outbox-answered goes up when a story was answered, data-outbox-loaded when the
  // page (re)loaded after a reconnect.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.attributeName === "data-outbox-answered") { answered(); }
      if (change.attributeName === "data-outbox-loaded") { resend(); }
      if (change.attributeName === "data-join-waits") { rejoin(change.target); }
    });
  }).observe(document.documentElement, {
    subtree: true,
    attributeFilter: ["data-outbox-answered", "data-outbox-loaded", "data-join-waits"],
  });
})();
