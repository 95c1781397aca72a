// Content shown on hover or focus can be dismissed without moving the pointer or focus (WCAG
// 1.4.13): Escape hides the open tooltips (notes, previews, acronyms' expansions) until they are
// removed, when their link is left. Everything else the theme lacked is in the page as built: the
// search dialog's name and the hidden loading bar (overrides/), the acronyms that take focus
// (thouez_edition.acronym_focus), and the names of the note and preview dialogs, given as they
// are made (link-tooltips.js).
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
    tooltip.classList.add("md-tooltip2--dismissed");
  }
});
