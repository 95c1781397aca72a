// Sortable tables: each column heading of a table inside .sortable-table becomes a button that
// sorts the rows by that column (numbers as numbers), announcing the order with aria-sort.
(function () {
  function cellValue(row, index) {
    const text = row.cells[index].textContent.trim();
    const number = Number(text);
    return text !== "" && !Number.isNaN(number) ? number : text.toLocaleLowerCase();
  }

  function sortBy(table, index, button) {
    const heading = button.closest("th");
    const ascending = heading.getAttribute("aria-sort") !== "ascending";
    for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = cellValue(a, index);
      const y = cellValue(b, index);
      if (x === y) return 0;
      if (x === "") return 1;
      if (y === "") return -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhance(root) {
    for (const table of root.querySelectorAll(".sortable-table table")) {
      if (table.dataset.sortable) continue;
      table.dataset.sortable = "true";
      Array.from(table.tHead.rows[0].cells).forEach(function (th, index) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, button); });
      });
    }
  }

  // The page as loaded, and each page the theme's instant navigation brings in without a load
  // event: the theme's document$ gives both.
  if (window.document$) document$.subscribe(function () { enhance(document); });
  else enhance(document);
})();
