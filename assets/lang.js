// The page's language on <html lang>, where screen readers, hyphenation and spelling look
// (WCAG 3.1.1). Each page renders its language (the workshop's) on its <main>; the root
// element is fixed when the app is built, so this copies it over whenever it changes.
(function () {
  function follow() {
    var main = document.querySelector("main[lang]");
    if (main && main.lang && document.documentElement.lang !== main.lang) {
      document.documentElement.lang = main.lang;
    }
  }
  new MutationObserver(follow).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["lang"],
  });
  follow();
})();
