// A note shown over the text when its marker is hovered or focused, and a preview of a profile
// when a link to it is: Material's tooltips (its markup, classes and placement: .md-tooltip2, a
// dialog pointed at by the link's aria-controls), made by one delegated listener when one is
// shown. Material's own `content.footnote.tooltips` and previews mount observers on every marker
// and every such link when a page loads (over a hundred on a section of the paper); here nothing
// runs until a reader points at one. Each dialog is named after its link ("Note 25", "Preview:
// …"), and a preview's heading is announced at level 2, the level of a section of whatever page
// it opens over. Escape dismisses it (accessibility.js).
(function () {
  const NOTE = "a.footnote-ref";
  const PREVIEW = "a[data-lazy-preview]";
  const HOSTS = ".md-content " + NOTE + ", .md-content " + PREVIEW;
  const pages = new Map();  // address of a profile -> Promise of its preview's elements
  let host = null;
  let tip = null;
  let timer = 0;
  let sequence = 0;
  // Counts the showings, so that a preview arriving late for an earlier one is dropped.
  let showings = 0;

  function withoutIds(elements) {
    for (const element of elements) {
      element.removeAttribute("id");
      for (const inner of element.querySelectorAll("[id]")) inner.removeAttribute("id");
    }
    return elements;
  }

  // The note's own content, as Material shows it: a copy of the list item's children.
  function noteContent(link) {
    const note = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
    return note ? withoutIds(Array.from(note.cloneNode(true).children)) : null;
  }

  // As Material's previews: the page's title (or the linked section's heading), drawn as an h3,
  // and what follows it up to the next heading, with its addresses made absolute.
  function previewOf(address) {
    if (!pages.has(address)) {
      pages.set(address, fetch(address).then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      }).catch(function (error) {
        pages.delete(address);
        throw error;
      }));
    }
    return pages.get(address);
  }

  // The page is parsed once and kept; its addresses are made absolute the first time (which leaves
  // them as they are after), and what is shown is a copy.
  function previewContent(page, link) {
    for (const element of page.querySelectorAll("[href], [src]")) {
      for (const key of ["href", "src"]) {
        const value = element.getAttribute(key);
        if (value && !/^(?:[a-z]+:)?\/\//i.test(value)) {
          element.setAttribute(key, new URL(value, link.href.split("#")[0]).href);
          break;
        }
      }
    }
    const hash = new URL(link.href).hash.slice(1);
    const start = hash ? page.querySelector('article [id="' + CSS.escape(decodeURIComponent(hash)) + '"]') : page.querySelector("article h1");
    if (!start) return null;
    const heading = document.createElement("h3");
    heading.innerHTML = start.innerHTML;
    heading.setAttribute("aria-level", "2");
    const elements = [heading];
    for (let next = start.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) {
      elements.push(document.importNode(next, true));
    }
    return withoutIds(elements);
  }

  function place(link, dialog) {
    const box = link.getBoundingClientRect();
    const above = box.top >= window.innerHeight / 2;
    const y = above ? -16 - dialog.offsetHeight : 16 + box.height;
    const style = dialog.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", y + "px");
    dialog.classList.toggle("md-tooltip2--top", above);
    dialog.classList.toggle("md-tooltip2--bottom", !above);
  }

  function open(link, content, label) {
    if (link !== host || !content) return;
    tip = document.createElement("div");
    tip.className = "md-tooltip2";
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-label", label);
    tip.id = "__tooltip2_link_" + sequence++;
    const inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.append(...content);
    tip.append(inner);
    document.body.append(tip);
    link.setAttribute("aria-controls", tip.id);
    link.setAttribute("aria-haspopup", "dialog");
    place(link, tip);
    const dialog = tip;
    requestAnimationFrame(function () { dialog.classList.add("md-tooltip2--active"); });
  }

  function show(link) {
    clearTimeout(timer);
    if (link === host) return;
    hide();
    host = link;
    const showing = ++showings;
    const text = link.textContent.replace(/\s+/g, " ").trim();
    if (link.matches(NOTE)) {
      open(link, noteContent(link), "Note " + text);
    } else {
      previewOf(link.href.split("#")[0]).then(function (page) {
        if (showing === showings && link === host) open(link, previewContent(page, link), "Preview: " + text);
      }, function () {});
    }
  }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    host.removeAttribute("aria-controls");
    host.removeAttribute("aria-haspopup");
    if (tip) tip.remove();
    host = tip = null;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  function hostOf(target) {
    return target instanceof Element ? target.closest(HOSTS) : null;
  }

  function inTip(target) {
    return tip !== null && target instanceof Node && tip.contains(target);
  }

  document.addEventListener("mouseover", function (event) {
    const link = hostOf(event.target);
    if (link) show(link);
    else if (inTip(event.target)) clearTimeout(timer);
    else if (host && document.activeElement !== host) later();
  });
  document.addEventListener("focusin", function (event) {
    const link = hostOf(event.target);
    if (link) show(link);
    else if (!inTip(event.target)) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === host && !(host.matches(":hover") || (tip && tip.matches(":hover")))) later();
  });
  // Instant navigation swaps the content: a tooltip of the page left behind goes with it.
  if (typeof document$ !== "undefined") document$.subscribe(hide);
})();
