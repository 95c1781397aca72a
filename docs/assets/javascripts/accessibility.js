// Accessibility fixes to what the theme builds in the browser only, when it builds it. Everything
// that needs no browser is in the page as built: the search dialog's name and the hidden loading
// bar (overrides/), and the acronyms that take focus (thouez_edition.acronym_focus). What is left:
// names for the tooltips and previews that Material creates on hover or focus, and Escape to
// dismiss them. Nothing here runs when a page loads; the work is done per tooltip as it opens.
(function () {
  // A note's tooltip and a profile's preview are dialogs that Material creates lazily and points
  // its host link at with aria-controls; they are named after the host: "Note 25", "Preview: …".
  // A preview's heading is drawn as an h3, which after a page's h1 skips a level in the outline;
  // it is announced at level 2, the level of a section of whatever page it opens over.
  function nameDialog(host) {
    const dialog = document.getElementById(host.getAttribute("aria-controls"));
    if (!dialog) return false;
    if (dialog.getAttribute("role") !== "dialog" || dialog.hasAttribute("aria-label")) return true;
    const text = host.textContent.replace(/\s+/g, " ").trim();
    const note = host.classList.contains("footnote-ref");
    dialog.setAttribute("aria-label", note ? "Note " + text : "Preview: " + text);
    const heading = dialog.querySelector("h3, h4, h5, h6");
    if (heading && !note) heading.setAttribute("aria-level", "2");
    return true;
  }

  // Only the links whose aria-controls just changed are looked at, never the whole page. Material
  // sets the attribute and appends the tooltip to the body in the same task, in either order; if
  // the tooltip is not there yet, it is by the next frame.
  new MutationObserver(function (records) {
    for (const record of records) {
      const host = record.target;
      if (!host.hasAttribute("aria-controls")) continue;
      if (!nameDialog(host)) requestAnimationFrame(function () { nameDialog(host); });
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["aria-controls"] });

  // Content shown on hover or focus can be dismissed without moving the pointer or focus (WCAG
  // 1.4.13): Escape hides the open tooltips until Material removes them, when their host is left.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
      tooltip.classList.add("md-tooltip2--dismissed");
    }
  });
})();
