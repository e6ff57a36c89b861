// Requests Material's bundle would make that this site must not: loaded before the bundle
// (overrides/main.html), a file of its own so that each visitor fetches it once.

// Material fetches a ResizeObserver polyfill from unpkg.com, a foreign server, for browsers
// without one (iOS 12 and older, old Android WebViews): this stands in for it, reporting
// sizes when an element is first observed and whenever the window is resized.
if (!window.ResizeObserver) {
  window.ResizeObserver = function (callback) {
    var observer = this, targets = [];
    function report() {
      callback(targets.map(function (target) {
        return { target: target, contentRect: target.getBoundingClientRect() };
      }), observer);
    }
    window.addEventListener("resize", report);
    this.observe = function (target) {
      if (targets.indexOf(target) < 0) targets.push(target);
      setTimeout(report, 0);
    };
    this.unobserve = function (target) {
      targets = targets.filter(function (t) { return t !== target; });
    };
    this.disconnect = function () {
      targets = [];
      window.removeEventListener("resize", report);
    };
  };
}

// Material fetches sitemap.xml beside every <link rel="alternate"> (for its language switcher):
// for a feed link that is /feeds/…/sitemap.xml, a request ending in "not found" on every page
// view. Feed readers find feeds in the HTML as served, where the links stay as they are; only
// this page's copy is changed, before the bundle reads it.
Array.prototype.forEach.call(
  document.querySelectorAll('link[rel="alternate"][type$="+xml"]'),
  function (link) { link.setAttribute("rel", "alternate feed"); }
);
