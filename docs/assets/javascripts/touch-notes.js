// Notes on touch screens: a tap on a note marker shows the note in place, as hovering does with a
// mouse, instead of jumping to the foot of the page. tooltips.js shows a marker's note when the
// marker has focus, so the first tap focuses it; a second tap on the same marker follows it.
(function () {
  const touch = window.matchMedia("(hover: none)");
  document.addEventListener("click", function (event) {
    const marker = event.target.closest && event.target.closest("a.footnote-ref");
    if (!marker || !touch.matches) return;
    if (document.activeElement !== marker || !marker.dataset.noteShown) {
      // Keep the link from being followed, by the browser or by Material's instant navigation.
      event.preventDefault();
      event.stopPropagation();
      marker.dataset.noteShown = "true";
      marker.focus();
      marker.addEventListener("blur", function () { delete marker.dataset.noteShown; }, { once: true });
    }
  }, true);
})();
