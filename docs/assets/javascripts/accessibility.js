// Accessibility fixes to what the theme builds in the browser: names for its dialogs, a progress
// bar that says nothing kept from assistive technology, acronyms reachable by keyboard, and
// tooltips that Escape dismisses. Material's instant navigation swaps the page without a load
// event: per-page fixes run on each emission of its document$; the observers live for the session.
(function () {
  // The search box is a dialog without a name; it takes the name of its input ("Search").
  function nameSearch() {
    const search = document.querySelector(".md-search[role=dialog]");
    const input = search && search.querySelector(".md-search__input");
    if (search && input && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  // The loading bar of instant navigation is drawn with CSS only: it has no value and no name,
  // and sits outside every landmark. It tells assistive technology nothing, so it is hidden from it.
  function hideProgress() {
    const progress = document.querySelector(".md-progress");
    if (progress) progress.setAttribute("aria-hidden", "true");
  }

  // A note's tooltip and a profile's preview are dialogs that Material creates lazily and points
  // its host link at with aria-controls; they are named after the host: "Note 25", "Preview: …".
  // A preview's heading is drawn as an h3, which after a page's h1 skips a level in the outline;
  // it is announced at level 2, the level of a section of whatever page it opens over.
  function fixDialogs() {
    for (const host of document.querySelectorAll("[aria-haspopup=dialog][aria-controls]")) {
      const dialog = document.getElementById(host.getAttribute("aria-controls"));
      if (!dialog || dialog.getAttribute("role") !== "dialog" || dialog.hasAttribute("aria-label")) continue;
      const text = host.textContent.replace(/\s+/g, " ").trim();
      const note = host.classList.contains("footnote-ref");
      dialog.setAttribute("aria-label", note ? "Note " + text : "Preview: " + text);
      const heading = dialog.querySelector("h3, h4, h5, h6");
      if (heading && !note) heading.setAttribute("aria-level", "2");
    }
  }

  // An acronym shows its expansion on hover; to show it on keyboard focus too, the first use of
  // each acronym in a paragraph, note or cell takes focus (the rule the name links follow, so
  // Tab does not stop at every repeat). Acronyms inside links are reached through the link.
  function focusableAcronyms(root) {
    const seen = new Map();  // block -> acronyms already met in it
    for (const abbr of root.querySelectorAll(".md-content article abbr[title]")) {
      if (abbr.closest("a")) continue;
      const block = abbr.closest("p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption") || root;
      if (!seen.has(block)) seen.set(block, new Set());
      const acronym = abbr.textContent.trim();
      if (seen.get(block).has(acronym)) continue;
      seen.get(block).add(acronym);
      abbr.tabIndex = 0;
    }
  }

  // Content shown on hover or focus can be dismissed without moving the pointer or focus (WCAG
  // 1.4.13): Escape hides the open tooltips until Material removes them, when their host is left.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
      tooltip.classList.add("md-tooltip2--dismissed");
    }
  });

  function fixPage() {
    nameSearch();
    hideProgress();
    fixDialogs();
    focusableAcronyms(document);
  }

  // Tooltips come and go between navigations: Material appends each to the body and sets the
  // host's aria-controls, in either order.
  new MutationObserver(fixDialogs).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-controls"],
  });
  new MutationObserver(fixDialogs).observe(document.body, { childList: true });

  if (typeof document$ !== "undefined") {
    document$.subscribe(fixPage);
  } else {
    document.addEventListener("DOMContentLoaded", fixPage);
  }
})();
