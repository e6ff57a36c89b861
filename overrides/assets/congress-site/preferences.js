/* Reading preferences: text size (标准 / 大 / 特大) and high contrast, remembered in localStorage
   so they follow the visitor from page to page. The head script applies them before first paint;
   this file wires the buttons and keeps aria-pressed in step. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "cg-font-size";
  var CONTRAST_KEY = "cg-contrast";

  function save(key, value) {
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function applySize(size) {
    if (size === "large" || size === "xlarge") root.setAttribute("data-cg-size", size);
    else root.removeAttribute("data-cg-size");
    var current = root.getAttribute("data-cg-size") || "standard";
    document.querySelectorAll("button[data-cg-size]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-cg-size") === current));
    });
  }

  function applyContrast(high) {
    if (high) root.setAttribute("data-cg-contrast", "high");
    else root.removeAttribute("data-cg-contrast");
    document.querySelectorAll("button[data-cg-contrast]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(high));
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var sizeButton = target.closest("button[data-cg-size]");
    if (sizeButton) {
      var size = sizeButton.getAttribute("data-cg-size");
      applySize(size);
      save(SIZE_KEY, size === "standard" ? "" : size);
      return;
    }
    if (target.closest("button[data-cg-contrast]")) {
      var high = root.getAttribute("data-cg-contrast") !== "high";
      applyContrast(high);
      save(CONTRAST_KEY, high ? "high" : "");
    }
  });

  applySize(root.getAttribute("data-cg-size") || "standard");
  applyContrast(root.getAttribute("data-cg-contrast") === "high");
})();
