// Material fetches a ResizeObserver polyfill from unpkg.com, a foreign server, for browsers
// without one (iOS 12 and older, old Android WebViews): this stands in for it, reporting
// sizes when an element is first observed and whenever the window is resized. Loaded before
// Material's bundle (overrides/main.html); a file of its own, so each visitor fetches it once.
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
