// The theme's storage helpers, which its script calls: the scope of what it stores (the site's
// root) and reading and writing values there, as JSON, under "<scope's path>.<key>", with a hash
// of a text. The theme writes them as an inline script in each page; the edition's
// Content-Security-Policy allows scripts from files only, so they are defined here, alike
// (overrides/partials/javascripts/base.html). The site's root is found from this file's own
// address (assets/javascripts/ under the root), as the theme finds it from the page's.
window.__md_scope = new URL("../../", document.currentScript.src);
window.__md_hash = function (text) {
  return Array.from(text).reduce(function (hash, character) {
    return (hash << 5) - hash + character.charCodeAt(0);
  }, 0);
};
window.__md_get = function (key, storage = localStorage, scope = __md_scope) {
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};
window.__md_set = function (key, value, storage = localStorage, scope = __md_scope) {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    // Storage full or forbidden: the choice is simply not remembered.
  }
};
