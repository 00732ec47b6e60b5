// Buttons that send a plain HTTP POST to a route of the server, such as signing out
// (routes.AUTH_SIGN_OUT): the server answers with a redirect and sets or clears an HttpOnly
// cookie, which no script may touch. Reflex's forms always cancel the browser's own submit,
// so such a button carries data-post-to="/path" (and name/value, sent as a form field) and
// this script posts a form of its own, outside React.
(function () {
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-post-to]") : null;
    if (!button || button.disabled) { return; }
    event.preventDefault();
    var form = document.createElement("form");
    form.method = "post";
    form.action = button.getAttribute("data-post-to");
    if (button.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = button.name;
      field.value = button.value;
      form.appendChild(field);
    }
    document.body.appendChild(form);
    form.submit();
  });
})();
