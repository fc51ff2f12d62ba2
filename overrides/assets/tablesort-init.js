
// Project Nexus: make the plain tables of the current page sortable by
// clicking a column header. This file is appended to tablesort.min.js by
// `make install` (sortable-tables.js), which pages with `sortable: true` in
// their front matter load from inside the content, so it runs on a full load
// and again after each instant-navigation page change.
document.querySelectorAll("article table:not([class])").forEach(function (table) {
  if (!table.hasAttribute("data-sortable-ready")) {
    new Tablesort(table);
    table.setAttribute("data-sortable-ready", "");
  }
});
