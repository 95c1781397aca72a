// When a page is printed, a link to another site shows its address after its text, once: not
// where the text already is the address (the paper printed its web addresses as text), and never
// for a link inside the edition (names, acronyms, notes, cross-references), which prints as plain
// text. Links are told apart by where they lead, not by how their href is written: Material's
// instant navigation rewrites the edition's own links into absolute addresses.
(function () {
  function same(text, address) {
    // "www.ecre.org" is the address http://www.ecre.org/ as the paper printed it.
    const bare = function (value) { return value.trim().replace(/^https?:\/\//i, "").replace(/\/$/, "").toLowerCase(); };
    return bare(text) === bare(address);
  }
  function mark(root) {
    for (const link of root.querySelectorAll(".md-content a[href]")) {
      const external = /^https?:$/.test(link.protocol) && link.host !== window.location.host;
      const address = link.getAttribute("href");
      if (external && !same(link.textContent, address)) link.dataset.printAddress = address;
      else delete link.dataset.printAddress;
    }
  }
  // On every page load, and after every instant navigation (Material's document$, which does
  // not emit on file: pages such as the one the PDF is printed from).
  document.addEventListener("DOMContentLoaded", function () { mark(document); });
  if (typeof document$ !== "undefined") document$.subscribe(function () { mark(document); });
})();
