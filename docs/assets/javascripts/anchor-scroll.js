// A passage reached by its address lands where a jump to it puts it, just below the header, once
// the page has settled. The browser jumps to the passage, but the page may still move after the
// jump: on a phone, a search hit is followed while the search overlay closes and the theme gives
// the page back its scrolling, so the jump went nowhere (the page could not scroll) or was made
// while the overlay, sliding out, widened the page; and after an instant navigation the theme
// sometimes restored an older scroll position. So after each change of address that is a jump to
// a passage (a new page brought in by instant navigation, given by the theme's document$; a change
// of fragment), this waits until nothing on the page moves, then brings the passage to its place
// if it is not there. Going back or forward is left alone: there the theme restores the place the
// reader left, and so is a page the reader scrolls, taps or types in before it settles.
(function () {
  let pending = 0;  // the landing waited for, by number; 0 when none
  let landings = 0;
  let traversed = false;  // the last change of address went back or forward in history

  function target() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  // Where a jump puts a passage: below the page's scroll padding (the header) by its margin.
  function restingPlace(element) {
    const page = getComputedStyle(document.documentElement);
    return (parseFloat(page.scrollPaddingTop) || 0) + (parseFloat(getComputedStyle(element).scrollMarginTop) || 0);
  }

  function land(number) {
    if (number !== pending) return;
    pending = 0;
    const element = target();
    if (!element) return;
    if (Math.abs(element.getBoundingClientRect().top - restingPlace(element)) > 1) element.scrollIntoView();
  }

  // Runs `land` once no animation or transition runs and the page has not scrolled for a few
  // frames (frames, not milliseconds: a slow phone waits longer); at most about two seconds.
  function whenStill(number) {
    let last = null;
    let still = 0;
    let frames = 0;
    function look() {
      if (number !== pending) return;
      const moving = document.getAnimations().some(function (animation) { return animation.playState === "running"; });
      still = !moving && window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      if (still >= 3 || ++frames > 120) land(number);
      else requestAnimationFrame(look);
    }
    requestAnimationFrame(look);
  }

  function jumped() {
    if (traversed || !target()) return;
    pending = ++landings;
    whenStill(pending);
  }

  // What the reader does next wins over a landing not yet made.
  for (const type of ["wheel", "touchstart", "keydown"]) {
    document.addEventListener(type, function () { pending = 0; }, { capture: true, passive: true });
  }
  // Going back or forward: the entry's state holds the place the theme restores (a jump to a
  // fragment makes a new entry, whose state is empty).
  window.addEventListener("popstate", function (event) {
    traversed = event.state !== null;
    if (traversed) pending = 0;
    else jumped();
  });
  window.addEventListener("hashchange", jumped);
  window.addEventListener("click", function () { traversed = false; }, true);
  if (window.document$) {
    let first = true;
    document$.subscribe(function () {
      // The page as loaded: the browser brought its passage into view, or restored the reader's place.
      if (first) {
        first = false;
        return;
      }
      jumped();
      traversed = false;
    });
  }
})();
