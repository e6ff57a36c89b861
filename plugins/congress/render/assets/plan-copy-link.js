// "复制本条链接" on plan pages: the buttons stay hidden where the clipboard is unavailable;
// the item number is itself a link, so the address can always be copied from the address bar.
(function () {
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll(".cg-copy-link[data-anchor]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = location.href.split("#")[0] + "#" + button.dataset.anchor;
      navigator.clipboard.writeText(url).then(function () {
        var label = button.textContent;
        button.textContent = "已复制";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
