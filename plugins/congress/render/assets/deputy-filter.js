/* Enhances the deputy directory: the filter form hides rows in place. Without JavaScript the form
   stays hidden and the static per-area, per-delegation and per-group pages do the same job. */
(function () {
  function init() {
    var form = document.querySelector("[data-cg-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var attr = { area: "areas", delegation: "delegations", deputy_group: "groups" };
    function apply() {
      var chosen = {};
      form.querySelectorAll("select").forEach(function (s) { if (s.value) chosen[s.name] = s.value; });
      var shown = 0;
      document.querySelectorAll("[data-cg-level]").forEach(function (section) {
        var visible = 0;
        section.querySelectorAll("li[data-areas]").forEach(function (li) {
          var ok = Object.keys(chosen).every(function (k) {
            return (" " + li.dataset[attr[k]] + " ").indexOf(" " + chosen[k] + " ") >= 0;
          });
          li.hidden = !ok;
          if (ok) visible++;
        });
        section.hidden = visible === 0;
        shown += visible;
      });
      form.querySelector(".cg-filter__count").textContent = "显示 " + shown + " 条结果";
    }
    form.addEventListener("change", apply);
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
