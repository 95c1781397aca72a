// Tooltips over the text, one at a time, made by one delegated listener when a reader points at
// (or tabs to) what has one. The component is the edition's own: its markup (.edition-tooltip)
// and placement are here, its look in edition.css, drawn with the theme's documented colour
// variables; its content is set in the theme's typography (.md-typeset). Three kinds:
// - an acronym's expansion or a cited work's reference, from the element's title: a tooltip, read
//   out as the element's description, the floating copy hidden from assistive technology;
// - a note, when its marker is hovered or focused: a copy of the note, in a dialog named "Note 25";
// - a profile's preview, when a link to it is: the profile's heading and summary, fetched once, in
//   a dialog named "Preview: …", its heading announced at level 2 (the level of a section of
//   whatever page it opens over).
// Escape dismisses any of them without moving the pointer or focus (WCAG 1.4.13). A tooltip is
// placed over the page, outside the text, so showing one never moves the text.
(function () {
  const NOTE = "a.footnote-ref";
  const PREVIEW = "a[data-lazy-preview]";
  const TITLED = "[title]:not([data-preview], [data-lazy-preview])";
  // A page opened from disk (the offline copy) may not read another file: it shows no previews.
  const KINDS = location.protocol === "file:" ? [NOTE, TITLED] : [NOTE, PREVIEW, TITLED];
  const HOSTS = KINDS.map(function (kind) { return ".md-content " + kind; }).join(", ");
  const GAP = 8;  // px between a host and its tooltip
  const MARGIN = 16;  // px kept clear at the window's edges
  const pages = new Map();  // address of a profile -> Promise of its parsed page
  let host = null;
  let tip = null;
  let title = null;  // the host's title, taken off it while its tooltip is shown
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

  // The note's own content: a copy of the list item's children.
  function noteContent(link) {
    const note = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
    return note ? withoutIds(Array.from(note.cloneNode(true).children)) : null;
  }

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

  // The page's title (or the linked section's heading), drawn as an h3, and what follows it up to
  // the next heading. The page is parsed once and kept; its addresses are made absolute the first
  // time (which leaves them as they are after); what is shown is a copy.
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
    heading.append(...Array.from(start.childNodes, function (node) { return document.importNode(node, true); }));
    heading.setAttribute("aria-level", "2");
    const elements = [heading];
    for (let next = start.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling) {
      elements.push(document.importNode(next, true));
    }
    return withoutIds(elements);
  }

  // Below the host, or above it when the host is in the lower half of the window (a dialog); a
  // title's tooltip always below it and centred on it. Kept inside the window's width.
  function place(element, shown, fitted) {
    const box = element.getBoundingClientRect();
    const width = shown.offsetWidth;
    const room = document.documentElement.clientWidth;
    const above = !fitted && box.top >= window.innerHeight / 2;
    const wanted = fitted ? box.left + box.width / 2 - width / 2 : box.left - MARGIN;
    const left = Math.max(MARGIN, Math.min(wanted, room - MARGIN - width));
    const top = above ? box.top - GAP - shown.offsetHeight : box.bottom + GAP;
    shown.style.left = left + window.scrollX + "px";
    shown.style.top = top + window.scrollY + "px";
    shown.classList.toggle("edition-tooltip--above", above);
  }

  // Runs `make` in a task of its own once the browser has painted what the reader's gesture
  // changed (a tapped marker's focus), so that a tap is answered at once and the tooltip, which
  // fades in anyway, follows a frame later.
  function afterPaint(make) {
    requestAnimationFrame(function () { setTimeout(make); });
  }

  // Shows `content` (an array of nodes) over `element`, if it is still the showing asked for.
  function open(element, showing, content, label) {
    if (element !== host || showing !== showings || !content) return;
    tip = document.createElement("div");
    tip.className = "edition-tooltip";
    tip.id = "edition-tooltip-" + sequence++;
    const inner = document.createElement("div");
    inner.className = "edition-tooltip__inner md-typeset";
    inner.append(...content);
    tip.append(inner);
    if (label === null) {
      // The host reads the text out as its description; the floating copy, outside every
      // landmark, is hidden from assistive technology.
      tip.setAttribute("role", "tooltip");
      tip.setAttribute("aria-hidden", "true");
      document.body.append(tip);
      element.setAttribute("aria-describedby", tip.id);
    } else {
      tip.setAttribute("role", "dialog");
      tip.setAttribute("aria-label", label);
      document.body.append(tip);
      element.setAttribute("aria-controls", tip.id);
      element.setAttribute("aria-haspopup", "dialog");
    }
    place(element, tip, label === null);
    const shown = tip;
    requestAnimationFrame(function () { shown.classList.add("edition-tooltip--active"); });
  }

  function show(element) {
    clearTimeout(timer);
    if (element === host) return;
    hide();
    host = element;
    const showing = ++showings;
    const text = element.textContent.replace(/\s+/g, " ").trim();
    if (element.matches(NOTE)) {
      afterPaint(function () { open(element, showing, noteContent(element), "Note " + text); });
    } else if (element.matches(PREVIEW)) {
      previewOf(element.href.split("#")[0]).then(function (page) {
        if (showing === showings) open(element, showing, previewContent(page, element), "Preview: " + text);
      }, function () {});
    } else {
      title = element.getAttribute("title");
      element.removeAttribute("title");  // no native tooltip on top of this one
      const words = title;  // `title` is null again once this showing is over
      afterPaint(function () { open(element, showing, [document.createTextNode(words)], null); });
    }
  }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    if (title !== null) host.setAttribute("title", title);
    for (const name of ["aria-describedby", "aria-controls", "aria-haspopup"]) host.removeAttribute(name);
    if (tip) tip.remove();
    host = tip = title = null;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  // The host shown keeps its tooltip while the pointer is anywhere inside it (its title is off
  // it by then, so it no longer matches on its own).
  function hostOf(target) {
    if (!(target instanceof Element)) return null;
    if (host && host.contains(target)) return host;
    return target.closest(HOSTS);
  }

  function inTip(target) {
    return tip !== null && target instanceof Node && tip.contains(target);
  }

  document.addEventListener("mouseover", function (event) {
    const element = hostOf(event.target);
    if (element) show(element);
    else if (inTip(event.target)) clearTimeout(timer);
    else if (host && document.activeElement !== host) later();
  });
  document.addEventListener("focusin", function (event) {
    const element = hostOf(event.target);
    if (element) show(element);
    else if (!inTip(event.target)) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === host && !(host.matches(":hover") || (tip && tip.matches(":hover")))) later();
  });
  // Escape hides what is shown until it is removed, when its host is left.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    for (const shown of document.querySelectorAll(".edition-tooltip--active")) shown.classList.add("edition-tooltip--dismissed");
  });
  // Instant navigation swaps the content (the theme's document$ gives each new page): a tooltip
  // of the page left behind goes with it.
  if (window.document$) document$.subscribe(hide);
})();
