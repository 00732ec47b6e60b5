// Read aloud: a button with data-speak reads its text with the browser's own speech
// synthesis, in the language of the page around it. No server, no third party.
// Browsers without speech synthesis do not show the buttons (html.no-speech).
(function () {
  var VOICES = { nl: "nl-NL", en: "en-GB" };

  if (!("speechSynthesis" in window)) {
    document.documentElement.classList.add("no-speech");
    return;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-speak]");
    if (!button) { return; }
    var scope = button.closest("[lang]");
    var lang = scope ? scope.getAttribute("lang") : "nl";
    var utterance = new SpeechSynthesisUtterance(button.getAttribute("data-speak"));
    utterance.lang = VOICES[lang] || lang;
    utterance.rate = 0.9;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  });
})();
