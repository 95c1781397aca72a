// After an instant navigation to a link with a fragment (a note, a paragraph, a bibliography
// entry), make sure the reader lands on that target. Material restores a saved scroll position
// in some sequences of navigation (seen after following a link while a tooltip was open), which
// would leave the reader far from the passage they asked for. The theme's document$ gives the page
// as loaded first (where the browser has brought the passage into view itself), then each page
// instant navigation brings in.
(function () {
  if (!window.document$) return;
  let first = true;
  document$.subscribe(function () {
    if (first) {
      first = false;
      return;
    }
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    window.setTimeout(function () {
      const box = target.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) target.scrollIntoView();
    }, 50);
  });
})();
