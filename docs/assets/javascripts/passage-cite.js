// Cite a passage: a paragraph's number (its permalink) and a note's "Cite" button open a small
// panel with the passage's citation in Chicago and APA, the paper's reference and the permalink,
// each with a button that copies it. A profile's "Cite this profile" button does the same with
// the profile's citation, the edition's reference and the profile's address. The citations come with the page, made at build time by
// citeproc (JSON in the data-citations attribute of the element "passage-citations"); nothing
// here assembles a citation.
(function () {
  let open = null;  // { panel, opener, anchor }

  function data() {
    const block = document.getElementById("passage-citations");
    try {
      return block ? JSON.parse(block.dataset.citations) : null;
    } catch (error) {
      return null;
    }
  }

  function copy(text, status) {
    const done = function () { status.textContent = "Copied."; };
    const fallback = function () {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand && document.execCommand("copy");
      area.remove();
      status.textContent = copied ? "Copied." : "Select the text to copy it.";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function row(list, label, text, status) {
    const term = document.createElement("dt");
    term.textContent = label;
    const value = document.createElement("dd");
    const words = document.createElement("span");
    words.className = "cite-panel__text";
    words.textContent = text;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cite-panel__copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + label);
    button.addEventListener("click", function () { copy(text, status); });
    value.append(words, " ", button);
    list.append(term, value);
  }

  function close(returnFocus) {
    if (!open) return;
    const opener = open.opener;
    open.panel.remove();
    opener.setAttribute("aria-expanded", "false");
    open = null;
    if (returnFocus) opener.focus();
  }

  function show(opener, anchor) {
    const all = data();
    const citation = all && all.passages[anchor];
    const passage = document.getElementById(anchor);
    if (!citation || !passage) return;
    const panel = document.createElement("div");
    panel.className = "cite-panel apparatus";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Cite " + citation.place);
    const title = document.createElement("p");
    title.className = "cite-panel__title";
    title.textContent = "Cite " + citation.place;
    const status = document.createElement("p");
    status.className = "cite-panel__status";
    status.setAttribute("aria-live", "polite");
    const list = document.createElement("dl");
    row(list, "Chicago, in the text", citation.chicago, status);
    row(list, "Chicago, reference", all.reference.chicago, status);
    row(list, "APA, in the text", citation.apa, status);
    row(list, "APA, reference", all.reference.apa, status);
    row(list, citation.link_label || "Link to this passage", citation.url, status);
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "cite-panel__close";
    dismiss.textContent = "Close";
    dismiss.addEventListener("click", function () { close(true); });
    panel.append(title, list, dismiss, status);
    if (passage.tagName === "LI") passage.append(panel); else passage.after(panel);
    opener.setAttribute("aria-expanded", "true");
    open = { panel: panel, opener: opener, anchor: anchor };
    panel.querySelector("button").focus({ preventScroll: true });
    // After the browser has moved to the passage, bring the panel into view too.
    requestAnimationFrame(function () { panel.scrollIntoView({ block: "nearest" }); });
  }

  // In the capture phase, so the theme's instant navigation does not take the click first.
  document.addEventListener("click", function (event) {
    const opener = event.target.closest && event.target.closest("a.paragraph-number[data-passage], button.cite-button");
    if (!opener) return;
    const anchor = opener.dataset.passage;
    const again = open && open.anchor === anchor;
    close(false);
    if (opener.tagName === "A") {
      // The paragraph number stays a permalink: the address changes to the paragraph. Done
      // here, not by the theme's instant navigation, which would redraw the page (and the
      // panel with it) on a change of the address's fragment.
      event.preventDefault();
      event.stopPropagation();
      if (location.hash !== "#" + anchor) history.pushState(history.state, "", "#" + anchor);
      document.getElementById(anchor).scrollIntoView({ block: "start" });
    }
    if (!again) show(opener, anchor);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open && open.panel.contains(document.activeElement)) close(true);
  });

  // After an instant navigation (the theme's document$ gives each new page) the panel's page is gone.
  if (window.document$) document$.subscribe(function () { open = null; });
})();
