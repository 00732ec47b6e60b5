// Passkeys (WebAuthn) on /sign-in and /welcome: a button with data-passkey="add" or
// "sign-in" asks the server for options (data-options), lets the device make or use a
// passkey, sends the answer (data-answer) and goes on to data-next. The server sets the
// session cookie (HttpOnly); refusals appear in the alert beside the button
// (#<testid>-error), in the page's words ([data-passkey-message]).
(function () {
  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    if (!buffer) return null;
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(options) {
    options.challenge = toBytes(options.challenge);
    options.user.id = toBytes(options.user.id);
    (options.excludeCredentials || []).forEach(function (credential) {
      credential.id = toBytes(credential.id);
    });
    return options;
  }

  function requestOptions(options) {
    options.challenge = toBytes(options.challenge);
    (options.allowCredentials || []).forEach(function (credential) {
      credential.id = toBytes(credential.id);
    });
    return options;
  }

  function answer(credential) {
    var response = credential.response;
    var out = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults
        ? credential.getClientExtensionResults()
        : {},
      authenticatorAttachment: credential.authenticatorAttachment || null,
      response: { clientDataJSON: toText(response.clientDataJSON) },
    };
    if (response.attestationObject) {
      out.response.attestationObject = toText(response.attestationObject);
      out.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      out.response.authenticatorData = toText(response.authenticatorData);
      out.response.signature = toText(response.signature);
      out.response.userHandle = toText(response.userHandle);
    }
    return out;
  }

  function message(key) {
    var found = document.querySelector('[data-passkey-message="' + key + '"]');
    if (!found) found = document.querySelector('[data-passkey-message="error_sign_in_failed"]');
    return found ? found.textContent : key;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(
      function (response) {
        return response.json().then(
          function (data) {
            if (!response.ok) throw { key: (data && data.error) || "error_sign_in_failed" };
            return data;
          },
          function () {
            throw { key: "error_sign_in_failed" };
          }
        );
      },
      function () {
        throw { key: "passkey_error_network" };
      }
    );
  }

  function run(button) {
    var kind = button.getAttribute("data-passkey");
    var alert = document.getElementById(button.getAttribute("data-testid") + "-error");
    if (alert) alert.textContent = "";
    if (!window.PublicKeyCredential || !navigator.credentials || !window.isSecureContext) {
      var ip = /^\d+\.\d+\.\d+\.\d+$|^\[/.test(location.hostname);
      if (alert) alert.textContent = message(ip ? "passkey_error_ip_address" : "passkey_error_unsupported");
      return;
    }
    var asked = { next: button.getAttribute("data-next") || "/" };
    var token = button.getAttribute("data-token");
    if (token) asked.token = token;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    post(button.getAttribute("data-options"), asked)
      .then(function (options) {
        var made =
          kind === "add"
            ? navigator.credentials.create({ publicKey: creationOptions(options) })
            : navigator.credentials.get({ publicKey: requestOptions(options) });
        return made.then(
          function (credential) {
            if (!credential) throw { key: "passkey_error_cancelled" };
            var body = { credential: answer(credential) };
            var field = document.getElementById(button.getAttribute("data-name-field") || "");
            if (field) body.name = field.value;
            return post(button.getAttribute("data-answer"), body);
          },
          function (error) {
            if (error && error.key) throw error;
            var name = error && error.name;
            throw {
              key:
                name === "SecurityError"
                  ? /^\d+\.\d+\.\d+\.\d+$|^\[/.test(location.hostname)
                    ? "passkey_error_ip_address"
                    : "passkey_error_unsupported"
                  : "passkey_error_cancelled",
            };
          }
        );
      })
      .then(function (done) {
        window.location.assign((done && done.next) || "/");
      })
      .catch(function (error) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        if (alert) alert.textContent = message((error && error.key) || "error_sign_in_failed");
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-passkey]");
    if (button && !button.disabled) {
      event.preventDefault();
      run(button);
    }
  });
})();
