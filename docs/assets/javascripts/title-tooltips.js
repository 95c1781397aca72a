// The expansions of acronyms and the references of works cited, shown as Material's tooltips on
// hover and on keyboard focus. Material's `content.tooltips` does the same, but mounts a set of
// observers on every element with a title when a page loads (over 200 on a section of the paper),
// which blocks the main thread; here one delegated listener serves them all, and a tooltip is made
// only when it is shown. Markup, classes and ARIA are Material's own (.md-tooltip2, role tooltip).
(function () {
  const HOSTS = ".md-content [title]:not([data-preview], [data-lazy-preview])";
  let host = null;
  let title = "";
  let tip = null;
  let timer = 0;
  let sequence = 0;

  function show(el) {
    clearTimeout(timer);
    if (el === host) return;
    hide();
    host = el;
    title = el.getAttribute("title");
    el.removeAttribute("title");  // no native tooltip on top of this one
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    // The host reads the text out as its description (aria-describedby); the floating copy,
    // outside every landmark, is hidden from assistive technology.
    tip.setAttribute("aria-hidden", "true");
    tip.id = "__title_tooltip_" + sequence++;
    const inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = title;
    tip.append(inner);
    document.body.append(tip);
    el.setAttribute("aria-describedby", tip.id);
    const box = el.getBoundingClientRect();
    const style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    const shown = tip;
    requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    tip.remove();
    host = tip = null;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 250);
  }

  function hostOf(target) {
    if (!(target instanceof Element)) return null;
    if (host && host.contains(target)) return host;
    return target.closest(HOSTS);
  }

  document.addEventListener("mouseover", function (event) {
    const el = hostOf(event.target);
    if (el) show(el);
    else if (host && document.activeElement !== host) later();
  });
  document.addEventListener("focusin", function (event) {
    const el = hostOf(event.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === host) later();
  });
  // Instant navigation swaps the content: a tooltip of the page left behind goes with it.
  if (typeof document$ !== "undefined") document$.subscribe(hide);
})();
