// The edition's search box (overrides/partials/search.html), in the theme's header and classes.
// Opening search (the magnifier, the box, or the keys "/", "s" and "f") starts search-worker.js,
// which fetches the index once; each change of the query is sent to it and the latest answer is
// drawn: a hit's label says what it is and where, and its excerpt marks the words that matched.
// Every string from the index is put in as text, never as markup. A hit's address carries the
// matched words (?h=…), which are marked on the page it opens; a citation ("n. 25") carries none.
(function () {
  const dialog = document.querySelector(".md-search[data-edition-search]");
  const script = document.currentScript;
  if (!dialog || !script) return;  // the offline copy has no search
  const toggle = document.getElementById("__search");
  const box = dialog.querySelector("[data-edition-search-query]");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const form = dialog.querySelector("form");
  const scriptUrl = new URL(script.src, location.href);
  const siteRoot = new URL("../../", scriptUrl);
  const SHOWN = 10;
  let worker = null;
  let asked = 0;
  let answer = null;

  function start() {
    if (worker) return;
    worker = new Worker(new URL("search-worker.js", scriptUrl));
    worker.addEventListener("message", (event) => {
      if (event.data.id !== asked) return;  // an older query's answer
      answer = event.data;
      draw(SHOWN);
    });
    worker.postMessage({ type: "load", url: new URL(dialog.dataset.editionSearch, location.href).href });
  }

  function ask() {
    start();
    const query = box.value;
    asked += 1;
    if (!query.trim()) {
      answer = null;
      meta.textContent = dialog.dataset.placeholder;
      list.replaceChildren();
      delete list.dataset.query;
      return;
    }
    worker.postMessage({ type: "query", id: asked, query });
  }

  function count(total) {
    if (total === 0) return dialog.dataset.none;
    if (total === 1) return dialog.dataset.one;
    return dialog.dataset.other.replace("#", String(total));
  }

  function withMarks(element, pieces) {
    for (const [text, matched] of pieces) {
      if (matched) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        element.append(mark);
      } else {
        element.append(text);
      }
    }
    return element;
  }

  function address(hit) {
    const url = new URL(hit.location, siteRoot);
    if (hit.highlight.length) url.searchParams.set("h", hit.highlight.join(" "));
    return url.href;
  }

  function item(hit) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = address(hit);
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.dataset.kind = hit.kind;
    const label = withMarks(document.createElement("h2"), hit.title);
    article.append(label);
    if (hit.text.length) article.append(withMarks(document.createElement("p"), hit.text));
    link.append(article);
    li.append(link);
    return li;
  }

  function draw(shown) {
    if (answer.error) {
      meta.textContent = dialog.dataset.none;
      list.replaceChildren();
      return;
    }
    meta.textContent = count(answer.total);
    list.dataset.query = answer.query;  // which query the list answers
    const items = answer.hits.slice(0, shown).map(item);
    if (answer.hits.length > shown) {
      const more = document.createElement("li");
      more.className = "edition-search-more";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = `Show ${Math.min(SHOWN, answer.hits.length - shown)} more`;
      button.addEventListener("click", () => {
        draw(shown + SHOWN);
        const next = list.querySelectorAll(".md-search-result__link")[shown];
        if (next) next.focus();
      });
      more.append(button);
      items.push(more);
    }
    list.replaceChildren(...items);
  }

  function open() {
    start();
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    box.focus();
    box.select();
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    box.blur();
  }

  function links() {
    return [...list.querySelectorAll(".md-search-result__link, .edition-search-more button")];
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      start();
      box.focus();
    }
  });
  box.addEventListener("focus", () => {
    start();
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  box.addEventListener("input", ask);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => {
    ask();
    box.focus();
  }));
  dialog.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) close();
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = document.activeElement;
    const typing = active && (active.isContentEditable || /^(input|textarea|select)$/i.test(active.tagName));
    if (!toggle.checked) {
      if (!typing && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        open();
      }
      return;
    }
    const targets = [box, ...links()];
    const at = targets.indexOf(active);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && active === box) {
      event.preventDefault();
      const first = list.querySelector(".md-search-result__link");
      if (first) first.click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      targets[Math.max(0, Math.min(targets.length - 1, (at < 0 ? 0 : at) + step))].focus();
    }
  });

  // On the page a hit opens: mark the words that matched, in the passage it leads to (or the
  // whole text when it leads to a page), as words, never as single letters.
  const SKIPPED = "script, style, mark, button, .headerlink, .footnote-ref, .footnote-backref, [aria-hidden=true]";

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  function markWords() {
    const wanted = new Set((new URLSearchParams(location.search).get("h") || "").split(/\s+/).filter(Boolean).map(fold));
    const article = document.querySelector("article.md-content__inner");
    if (!wanted.size || !article) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const target = (id && document.getElementById(id)) || article;
    const root = article.contains(target) ? target : article;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const parts = node.data.split(/([\p{L}\p{N}]+)/u);
      if (!parts.some((part, i) => i % 2 === 1 && wanted.has(fold(part)))) continue;
      const pieces = parts.map((part, i) => {
        if (i % 2 === 0 || !wanted.has(fold(part))) return part;
        const mark = document.createElement("mark");
        mark.className = "edition-search-mark";
        mark.textContent = part;
        return mark;
      });
      node.replaceWith(...pieces);
    }
  }

  if (window.document$) window.document$.subscribe(markWords);
  else markWords();
})();
